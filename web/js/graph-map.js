/**
 * @file The map itself: one SVG with a line per Related Patterns link and a link per pattern. Hovering or focusing a
 * pattern lights it, its neighbours and their lines and dims the rest (class changes on those few elements only,
 * so it stays smooth at 1,000 patterns); the arrow keys move focus to the nearest pattern in that direction.
 */
import { patternHref, plural, STATUS_LABELS } from './dom.js';
import { layoutGraph } from './graph-layout.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const LABEL_OFFSET = 5;   // map units between a circle and its label
const CONE = 2;           // an arrow key reaches patterns at most this many times further sideways than ahead
const ARROWS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

/** An SVG element: s('circle', {r: 4}). */
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) el.setAttribute(name, value);
  }
  el.append(...children.filter(Boolean));
  return el;
}

/**
 * Of @p candidates (ids with positions in @p positions), the nearest to @p from in direction [dx, dy], or null.
 * Distance ahead counts once and distance sideways twice, so a pattern straight ahead wins over a nearer one off
 * to the side.
 */
export function nextInDirection(from, [dx, dy], candidates, positions) {
  const origin = positions.get(from);
  let best = null;
  let bestScore = Infinity;
  for (const id of candidates) {
    if (id === from) continue;
    const p = positions.get(id);
    const ahead = (p.x - origin.x) * dx + (p.y - origin.y) * dy;
    const side = Math.abs((p.x - origin.x) * dy - (p.y - origin.y) * dx);
    if (ahead <= 0 || side > ahead * CONE) continue;
    const score = ahead + 2 * side;
    if (score < bestScore) [best, bestScore] = [id, score];
  }
  return best;
}

export class PatternMap {
  /**
   * @p graph is /v1/graph's answer, @p neighbours a Map id -> ids, @p pillarClass and @p pillarName name a
   * pillar's colour class and label; @p onLight(id or null) hears which pattern is lit.
   */
  constructor(graph, neighbours, { pillarClass, pillarName, onLight }) {
    Object.assign(this, { graph, neighbours, pillarClass, pillarName, onLight });
    this.byId = new Map(graph.nodes.map((n) => [n.id, n]));
    this.lit = null;
    this.visible = new Set(graph.nodes.map((n) => n.id));
  }

  /** Lays the graph out on a grid @p columns pillars wide and builds the SVG. */
  async draw(pillarOrder, columns) {
    const degree = new Map([...this.neighbours].map(([id, list]) => [id, list.length]));
    const { positions, labels, viewBox } = await layoutGraph(this.graph, pillarOrder, columns, degree);
    this.positions = positions;
    this.edgeLines = this.graph.edges.map(({ source, target }) => {
      const [a, b] = [positions.get(source), positions.get(target)];
      return s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'edge' });
    });
    this.incident = new Map(this.graph.nodes.map((n) => [n.id, []]));
    this.graph.edges.forEach(({ source, target }, i) => {
      this.incident.get(source).push(this.edgeLines[i]);
      this.incident.get(target).push(this.edgeLines[i]);
    });
    this.nodeLinks = new Map(this.graph.nodes.map((n) => [n.id, this.nodeLink(n)]));
    this.label = s('text', { class: 'node-label', 'aria-hidden': 'true' });
    // tabindex -1: Chromium would otherwise stop Tab on the <svg> itself before its one node tab stop.
    this.svg = s('svg', { viewBox: viewBox.join(' '), class: 'graph-svg', role: 'group', tabindex: '-1',
      'aria-label': `Map of ${plural(this.graph.nodes.length, 'pattern')}: arrow keys move between them, Enter opens one` },
    s('g', { class: 'edges' }, ...this.edgeLines),
    s('g', { class: 'pillar-labels', 'aria-hidden': 'true' }, ...labels.map((l) =>
      s('text', { x: l.x, y: l.y, class: `pillar-label ${this.pillarClass(l.pillar)}` }, this.pillarName(l.pillar)))),
    s('g', { class: 'nodes' }, ...this.nodeLinks.values()),
    this.label);
    const nodeOf = (event) => event.target.closest?.('a.node')?.dataset.id;
    this.svg.addEventListener('pointerover', (event) => { if (nodeOf(event)) this.light(nodeOf(event)); });
    this.svg.addEventListener('focusin', (event) => { if (nodeOf(event)) this.light(nodeOf(event)); });
    this.svg.addEventListener('click', (event) => { if (!nodeOf(event)) this.light(null); });
    this.svg.addEventListener('keydown', (event) => this.onKey(event));
    this.apply(this.visible, new Map());
    return this.svg;
  }

  nodeLink(node) {
    const { x, y, r } = this.positions.get(node.id);
    const links = this.neighbours.get(node.id).length;
    const status = STATUS_LABELS[node.status] || node.status;
    return s('a', { href: patternHref(node.id), class: `node ${this.pillarClass(node.pillar)} st-${node.status}`,
      tabindex: '-1', 'data-id': node.id,
      'aria-label': `${node.title}: ${this.pillarName(node.pillar)}, ${status}, ${plural(links, 'link')}` },
    s('circle', { cx: x, cy: y, r }),
    // Emerging patterns are half filled, as their badge is: the left half-disc over the hollow circle.
    node.status === 'emerging' ? s('path', { class: 'half', d: `M${x},${y - r}A${r},${r} 0 0,0 ${x},${y + r}Z` }) : null);
  }

  /** Shows only the patterns in @p visible (and lines between two of them), ringing those @p rank holds. */
  apply(visible, rank) {
    this.visible = visible;
    this.svg.classList.toggle('has-hits', rank.size > 0);
    for (const [id, el] of this.nodeLinks) {
      el.classList.toggle('out', !visible.has(id));
      el.classList.toggle('hit', rank.has(id));
    }
    this.graph.edges.forEach(({ source, target }, i) => {
      this.edgeLines[i].classList.toggle('out', !visible.has(source) || !visible.has(target));
    });
    // One tab stop into the map: the lit pattern, else the best hit shown, else the top-left pattern shown.
    const bestHit = [...rank].filter(([id]) => visible.has(id)).sort((a, b) => a[1] - b[1])[0]?.[0];
    const entry = (this.lit && visible.has(this.lit) ? this.lit : null) ?? bestHit ?? this.topLeft();
    this.setTabStop(entry);
    if (this.lit && !visible.has(this.lit)) this.light(null);
  }

  topLeft() {
    let best = null;
    for (const id of this.visible) {
      const p = this.positions.get(id);
      const q = best && this.positions.get(best);
      if (!q || p.y + p.x < q.y + q.x) best = id;
    }
    return best;
  }

  setTabStop(id) {
    for (const [nodeId, el] of this.nodeLinks) el.setAttribute('tabindex', nodeId === id ? '0' : '-1');
  }

  /** Lights @p id and its neighbours (null: none), labels it and tells the view. */
  light(id) {
    if (id === this.lit) return;
    for (const el of this.svg.querySelectorAll('.lit')) el.classList.remove('lit', 'centre');
    this.lit = id;
    this.svg.classList.toggle('lighting', id !== null);
    if (id === null) {
      this.label.textContent = '';
    } else {
      this.nodeLinks.get(id).classList.add('lit', 'centre');
      for (const other of this.neighbours.get(id)) this.nodeLinks.get(other).classList.add('lit');
      for (const line of this.incident.get(id)) line.classList.add('lit');
      const { x, y, r } = this.positions.get(id);
      Object.entries({ x, y: y - r - LABEL_OFFSET }).forEach(([k, v]) => this.label.setAttribute(k, v));
      this.label.textContent = this.byId.get(id).title;
      this.setTabStop(id);
    }
    this.onLight(id);
  }

  onKey(event) {
    const from = event.target.closest?.('a.node')?.dataset.id;
    if (!from) return;
    if (event.key === 'Escape') {
      this.light(null);
    } else if (ARROWS[event.key]) {
      const next = nextInDirection(from, ARROWS[event.key], this.visible, this.positions);
      if (next) this.nodeLinks.get(next).focus();
    } else {
      return;
    }
    event.preventDefault();
  }
}
