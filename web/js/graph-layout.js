/**
 * @file Where the map puts each pattern: d3-force (served by pattern-searchd from web/vendor, loaded only when the
 * map is opened) pulls each pillar's patterns toward their own cell of a grid while Related Patterns links pull
 * linked patterns together and nodes push apart. The simulation runs to rest before anything is drawn, so the
 * map appears once, already still; d3's seeded start makes the same data give the same map on every load.
 */
const D3_SCRIPTS = ['d3-dispatch/dist/d3-dispatch.min.js', 'd3-timer/dist/d3-timer.min.js',
  'd3-quadtree/dist/d3-quadtree.min.js', 'd3-force/dist/d3-force.min.js']
  .map((file) => new URL(`../vendor/node_modules/${file}`, import.meta.url).href);  // under this module's version
const TICKS = 300;              // d3's default cooling from alpha 1 to its minimum
const MIN_CELL = 190;           // a pillar's cell, in map units, however few patterns it has
const CELL_PER_SQRT_NODE = 34;  // cells grow with the square root of their pattern count (area ~ count)
const PULL_TO_CELL = 0.2;
const LINK_STRENGTH = 0.01;     // weak: links bend clusters toward each other without merging them
const REPULSION = -20;
const GAP = 2;                  // between circles
const COLLIDE_PASSES = 3;       // more passes keep circles from overlapping under the pull to their cell
const LABEL_CLEARANCE = 14;     // pillar names sit this far above their cluster

let d3Loaded = null;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`The map's layout code (${src}) could not be loaded.`));
    document.head.append(script);
  });
}

/** d3-force and the three modules it needs, loaded in order once per page (they extend window.d3). */
function loadForce() {
  d3Loaded ||= D3_SCRIPTS.reduce((previous, src) => previous.then(() => loadScript(src)), Promise.resolve())
    .then(() => window.d3);
  d3Loaded.catch(() => { d3Loaded = null; });
  return d3Loaded;
}

/** A node's radius in map units: patterns with more links are drawn a little larger. */
export const radiusFor = (degree) => 5 + Math.min(7, Math.sqrt(degree) * 1.8);

/**
 * Lays out @p graph ({nodes, edges} from /v1/graph) with pillars in @p pillarOrder (ids) on a grid @p columns
 * wide. Resolves with {positions: Map id -> {x, y, r}, labels: [{pillar, x, y}], viewBox: [x, y, w, h]}.
 */
export async function layoutGraph(graph, pillarOrder, columns, degree) {
  const d3 = await loadForce();
  const order = [...pillarOrder, ...new Set(graph.nodes.map((n) => n.pillar).filter((p) => !pillarOrder.includes(p)))];
  const sizes = new Map(order.map((p) => [p, 0]));
  for (const node of graph.nodes) sizes.set(node.pillar, sizes.get(node.pillar) + 1);
  const cell = Math.max(MIN_CELL, Math.sqrt(Math.max(...sizes.values(), 1)) * CELL_PER_SQRT_NODE);
  const centre = new Map(order.map((p, i) => [p, {
    x: ((i % columns) + 0.5) * cell,
    y: (Math.floor(i / columns) + 0.5) * cell,
  }]));

  const nodes = graph.nodes.map((n) => ({ id: n.id, pillar: n.pillar, r: radiusFor(degree.get(n.id) || 0) }));
  const links = graph.edges.map((e) => ({ source: e.source, target: e.target }));
  d3.forceSimulation(nodes)
    .force('link', d3.forceLink(links).id((n) => n.id).distance(cell * 0.3).strength(LINK_STRENGTH))
    .force('charge', d3.forceManyBody().strength(REPULSION).distanceMax(cell / 2))
    .force('x', d3.forceX((n) => centre.get(n.pillar).x).strength(PULL_TO_CELL))
    .force('y', d3.forceY((n) => centre.get(n.pillar).y).strength(PULL_TO_CELL))
    .force('collide', d3.forceCollide((n) => n.r + GAP).iterations(COLLIDE_PASSES))
    .stop()
    .tick(TICKS);

  const positions = new Map(nodes.map((n) => [n.id, { x: n.x, y: n.y, r: n.r }]));
  const labels = order.filter((p) => sizes.get(p) > 0).map((pillar) => {
    const members = nodes.filter((n) => n.pillar === pillar);
    const x = members.reduce((sum, n) => sum + n.x, 0) / members.length;
    const y = Math.min(...members.map((n) => n.y - n.r)) - LABEL_CLEARANCE;
    return { pillar, x, y };
  });
  return { positions, labels, viewBox: bounds(nodes, labels) };
}

/** The box holding every node and label, with a margin (labels are centred, so allow for their width). */
function bounds(nodes, labels) {
  const margin = 16;
  const labelHalfWidth = 70;
  const xs = [...nodes.flatMap((n) => [n.x - n.r, n.x + n.r]), ...labels.flatMap((l) => [l.x - labelHalfWidth,
    l.x + labelHalfWidth])];
  const ys = [...nodes.flatMap((n) => [n.y - n.r, n.y + n.r]), ...labels.map((l) => l.y - margin)];
  const x0 = Math.min(...xs) - margin;
  const y0 = Math.min(...ys) - margin;
  return [x0, y0, Math.max(...xs) + margin - x0, Math.max(...ys) + margin - y0];
}
