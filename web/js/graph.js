/**
 * @file The pattern map view (/?graph) and its list view (/?graph=list): the filters (which are also the legend),
 * the side panel with the search's best hits and the lit pattern's links, and the same patterns and links as text
 * for screen readers and small screens. The SVG itself is graph-map.js.
 */
import { cached, getJson, pillarsById } from './api.js';
import { fill, h, patternHref, plural, statusBadge, STATUS_LABELS, STATUSES } from './dom.js';
import { PatternMap } from './graph-map.js';
import { graphUrl } from './search.js';

const STYLESHEET = new URL('../graph.css', import.meta.url).href;  // under this module's version
const NARROW = window.matchMedia('(max-width: 48rem)');
const COLUMNS_WIDE = 5;
const COLUMNS_NARROW = 2;
const RINGED_HITS = 10;  // the search's best hits, ringed on the map and listed in the panel
const FILTERS = ['pillar', 'status'];

function loadStylesheet() {
  if (!document.querySelector(`link[href="${STYLESHEET}"]`)) {
    document.head.append(h('link', { rel: 'stylesheet', href: STYLESHEET }));
  }
}

const passes = (state, node) => FILTERS.every((f) => !state[f].length || state[f].includes(node[f]));

export class GraphView {
  constructor(container, navigate) {
    this.container = container;
    this.navigate = navigate;
    this.root = null;
    this.map = null;
    this.controller = null;
    NARROW.addEventListener('change', () => {
      if (this.isMounted() && !this.state.list) this.drawMap().then(() => this.update());
    });
  }

  isMounted() {
    return this.root !== null && this.container.contains(this.root);
  }

  /** Shows @p state: builds the view the first time (or on a switch between map and list), then updates it. */
  async show(state, isCurrent) {
    loadStylesheet();
    this.controller?.abort();
    this.controller = new AbortController();
    const search = state.q.trim()
      ? getJson('/v1/search', { q: state.q, limit: RINGED_HITS }, this.controller.signal).then((r) => r.hits)
      : Promise.resolve([]);
    let graph, pillars, hits;
    try {
      [graph, pillars, hits] = await Promise.all([cached('/v1/graph'), pillarsById(), search]);
    } catch (error) {
      if (error.name === 'AbortError') return;
      throw error;
    }
    if (!isCurrent()) return;
    document.title = `${state.q ? `${state.q} on the ` : ''}Pattern map \u2013 Production AI Patterns`;
    const rebuild = !this.isMounted() || this.state.list !== state.list;
    Object.assign(this, { state, hits, graph, pillars });
    if (rebuild) {
      const root = this.build();
      if (!state.list) await this.drawMap(root);
      if (!isCurrent()) return;
      fill(this.container, root);
    }
    this.update();
  }

  /** The page around the map: heading, map/list switch, filters, status line and panel. */
  build() {
    this.nodes = new Map(this.graph.nodes.map((n) => [n.id, n]));
    this.neighbours = new Map(this.graph.nodes.map((n) => [n.id, []]));
    for (const { source, target } of this.graph.edges) {
      this.neighbours.get(source).push(target);
      this.neighbours.get(target).push(source);
    }
    this.pillarOrder = [...this.pillars.values()].sort((a, b) => a.order - b.order).map((p) => p.id);
    this.lit = null;
    this.map = null;
    const mode = (list, label) => h('a', { href: graphUrl({ ...this.state, list }),
      'aria-current': this.state.list === list ? 'page' : null }, label);
    this.root = h('div', { class: 'graph-page' },
      h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, 'Home'), ' / Pattern map'),
      h('header', { class: 'page-head' },
        h('h1', { tabindex: '-1' }, 'Pattern map'),
        h('p', { class: 'lede' }, `All ${plural(this.graph.nodes.length, 'pattern')}, coloured by pillar and shaped `,
          'by maturity; a line joins two patterns when one names the other under Related Patterns. Describe a ',
          'problem in the search box to ring the patterns that answer it.'),
        h('nav', { class: 'graph-modes', 'aria-label': 'Map or list' }, mode(false, 'Map'), mode(true, 'List'))),
      this.filterForm(),
      h('p', { class: 'graph-status', role: 'status' }),
      h('div', { class: 'graph-body' },
        h('div', { class: 'graph-main' }, this.state.list ? h('div', { class: 'graph-list' }) : null),
        h('aside', { class: 'graph-panel', 'aria-label': 'Pattern details' },
          h('section', { class: 'graph-hits' }), h('section', { class: 'graph-selected' }))));
    return this.root;
  }

  pillarClass(pillar) {
    const at = this.pillarOrder.indexOf(pillar);
    return `pc-${at < 0 ? 'other' : at}`;
  }

  pillarName(pillar) {
    return this.pillars.get(pillar)?.name || pillar;
  }

  filterForm() {
    const option = (facet, value, label, swatch) => h('div', { class: 'graph-option', 'data-value': value },
      h('input', { type: 'checkbox', id: `g-${facet}-${value}`, name: facet, value }),
      h('label', { for: `g-${facet}-${value}` }, h('span', { class: `swatch ${swatch}`, 'aria-hidden': 'true' }),
        label, h('span', { class: 'count' })));
    return h('form', { class: 'graph-filters', onchange: () => this.onFilterChange(), onsubmit: (e) => e.preventDefault() },
      h('fieldset', { 'data-facet': 'pillar' }, h('legend', {}, 'Pillar'),
        this.pillarOrder.map((p) => option('pillar', p, this.pillarName(p), this.pillarClass(p)))),
      h('fieldset', { 'data-facet': 'status' }, h('legend', {}, 'Maturity'),
        STATUSES.map((st) => option('status', st, STATUS_LABELS[st], `st-${st}`))));
  }

  onFilterChange() {
    const next = { ...this.state };
    for (const facet of FILTERS) {
      next[facet] = [...this.root.querySelectorAll(`input[name="${facet}"]:checked`)].map((i) => i.value);
    }
    this.navigate(graphUrl(next), { replace: true, keepFocus: true });
  }

  async drawMap(root = this.root) {
    this.map = new PatternMap(this.graph, this.neighbours, {
      pillarClass: (p) => this.pillarClass(p),
      pillarName: (p) => this.pillarName(p),
      onLight: (id) => { this.lit = id; this.renderSelected(); },
    });
    const svg = await this.map.draw(this.pillarOrder, NARROW.matches ? COLUMNS_NARROW : COLUMNS_WIDE);
    fill(root.querySelector('.graph-main'),
      h('div', { class: 'graph-map' }, svg),
      h('p', { class: 'graph-help' }, 'Tab into the map, then move between patterns with the arrow keys and open one ',
        'with Enter; Escape clears the highlight. The ', h('a', { href: graphUrl({ ...this.state, list: true }) },
          'list view'), ' holds the same patterns and links as text.'));
  }

  /** Applies the filters and the search's hits to the view on screen. */
  update() {
    const { state } = this;
    this.rank = new Map(this.hits.filter((hit) => this.nodes.has(hit.id)).map((hit, i) => [hit.id, i + 1]));
    const shown = this.graph.nodes.filter((n) => passes(state, n));
    this.visible = new Set(shown.map((n) => n.id));
    this.updateFilters();
    const ringed = shown.filter((n) => this.rank.has(n.id)).length;
    const best = this.rank.size === ringed ? `its ${plural(ringed, 'best answer')}`
      : `${ringed} of its ${plural(this.rank.size, 'best answer')}`;
    const how = `${ringed === 1 ? 'is' : 'are'} ${state.list ? 'marked' : 'ringed'}`;
    fill(this.root.querySelector('.graph-status'), `Showing ${shown.length} of ${plural(this.nodes.size, 'pattern')}`,
      state.q ? `; for \u201c${state.q}\u201d, ${best} ${how}` : '', '.');
    if (state.list) this.renderList(shown);
    else this.map.apply(this.visible, this.rank);
    this.renderHits();
    if (this.lit && !this.visible.has(this.lit)) this.lit = null;
    this.renderSelected();
  }

  updateFilters() {
    for (const fieldset of this.root.querySelectorAll('.graph-filters fieldset')) {
      const facet = fieldset.dataset.facet;
      const others = { ...this.state, [facet]: [] };  // a value's count is what ticking it alone would show
      for (const option of fieldset.querySelectorAll('.graph-option')) {
        const value = option.dataset.value;
        const count = this.graph.nodes.filter((n) => n[facet] === value && passes(others, n)).length;
        option.querySelector('input').checked = this.state[facet].includes(value);
        option.querySelector('.count').textContent = ` ${count}`;
      }
    }
  }

  /** The panel's list of the search's best hits that the filters leave on show. */
  renderHits() {
    const best = [...this.rank].filter(([id]) => this.visible.has(id));
    const panel = this.root.querySelector('.graph-hits');
    if (!this.state.q) return fill(panel);
    const lightOnMap = (id) => () => {
      if (this.map) return this.map.light(id);
      this.lit = id;
      return this.renderSelected();
    };
    return fill(panel, h('h2', {}, `Best answers to \u201c${this.state.q}\u201d`),
      best.length ? h('ol', {}, best.map(([id]) => h('li', {}, h('a', { href: patternHref(id),
        onpointerenter: lightOnMap(id), onfocus: lightOnMap(id) }, this.nodes.get(id).title))))
        : h('p', {}, 'No pattern on show answers it; clear a filter to see more.'));
  }

  /** The panel's account of the lit pattern, or how to read the map when none is lit. */
  renderSelected() {
    const panel = this.root.querySelector('.graph-selected');
    const node = this.lit && this.nodes.get(this.lit);
    if (!node) {
      return fill(panel, h('h2', {}, 'Reading the map'),
        h('p', {}, this.state.list ? 'Each pattern is listed under its pillar with the patterns it links to.'
          : 'Point at a pattern, or focus it with the keyboard, to light its links and see it here. Click to open it.'));
    }
    const links = this.neighbours.get(node.id);
    return fill(panel, h('h2', {}, h('a', { href: patternHref(node.id) }, node.title)),
      h('p', { class: 'graph-meta' }, statusBadge(node.status), ' ', this.pillarName(node.pillar),
        this.rank.has(node.id) ? ` \u00b7 match #${this.rank.get(node.id)}` : ''),
      h('p', {}, node.description),
      h('h3', {}, `Linked to ${plural(links.length, 'pattern')}`),
      links.length ? h('ul', { class: 'graph-links' }, links.map((id) => this.patternItem(id))) : null);
  }

  patternItem(id) {
    const node = this.nodes.get(id);
    return h('li', {}, h('span', { class: `swatch ${this.pillarClass(node.pillar)}`, 'aria-hidden': 'true' }),
      h('a', { href: patternHref(id) }, node.title));
  }

  /** The list view: the patterns on show under their pillars, each with its maturity, answer rank and links. */
  renderList(shown) {
    const groups = this.pillarOrder.map((p) => [p, shown.filter((n) => n.pillar === p)])
      .concat([['', shown.filter((n) => !this.pillarOrder.includes(n.pillar))]])
      .filter(([, list]) => list.length);
    fill(this.root.querySelector('.graph-list'), groups.map(([pillar, list]) =>
      h('section', { class: 'graph-group', 'aria-labelledby': `graph-group-${pillar || 'other'}` },
        h('h2', { id: `graph-group-${pillar || 'other'}` }, `${pillar ? this.pillarName(pillar) : 'Other'} `,
          `(${plural(list.length, 'pattern')})`),
        h('ul', {}, list.map((node) => {
          const links = this.neighbours.get(node.id);
          return h('li', { class: this.rank.has(node.id) ? 'graph-item hit' : 'graph-item' },
            h('a', { href: patternHref(node.id) }, node.title), ' ', statusBadge(node.status),
            this.rank.has(node.id) ? h('span', { class: 'match' }, ` match #${this.rank.get(node.id)}`) : null,
            links.length ? h('p', {}, 'Links to: ', links.map((id, i) => [i ? ', ' : '',
              h('a', { href: patternHref(id) }, this.nodes.get(id).title)])) : h('p', {}, 'No links.'));
        })))));
  }
}
