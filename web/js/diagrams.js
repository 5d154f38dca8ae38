/**
 * @file Draws the corpus's Mermaid diagrams as SVG with the copy of mermaid pattern-searchd serves from
 * web/vendor. mermaid is imported only when a diagram comes near the screen, so pages without one (and the first
 * screen of pages with one) never load it. The source stays one click away, and a diagram that cannot be drawn
 * keeps its source on show.
 *
 * The daemon's Content-Security-Policy allows no inline styles, and mermaid writes <style> elements and style
 * attributes. While mermaid draws, style attributes therefore go through the CSSOM (which the policy allows) and
 * its <style> element becomes a constructed stylesheet; the finished SVG is imported the same way.
 */
// Relative to this module, so that under a versioned URL (/v/<version>/js/) mermaid comes from the same version.
const MERMAID_URL = new URL('../vendor/node_modules/mermaid/dist/mermaid.esm.min.mjs', import.meta.url).href;
const NEAR_SCREEN = '600px 0px';
const FAILED = 'This diagram could not be drawn; its source is below.';
// Narrower than this share of its natural width a diagram stops shrinking and scrolls sideways instead.
const MIN_SCALE = 0.6;
const KINDS = { flowchart: 'flowchart', graph: 'flowchart', sequenceDiagram: 'sequence diagram',
  stateDiagram: 'state diagram', 'stateDiagram-v2': 'state diagram' };

const dark = matchMedia('(prefers-color-scheme: dark)');
const sheets = new Map();  // svg id -> its constructed stylesheet
let mermaidModule = null;
let queue = Promise.resolve();  // mermaid draws one diagram at a time
let drawn = 0;
let observer = null;

const mermaidFigures = (root) => [...root.querySelectorAll('figure.diagram')]
  .filter((figure) => figure.querySelector('code.language-mermaid'));

/** Draws every Mermaid figure under @p root (which must be in the document) once it nears the screen. */
export function renderDiagrams(root) {
  observer?.disconnect();  // the previous view's figures have left the page
  dropDetachedSheets();
  const figures = mermaidFigures(root);
  if (!figures.length) return;
  if (!('IntersectionObserver' in window)) {
    figures.forEach(enqueue);
    return;
  }
  observer ||= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      enqueue(entry.target);
    }
  }, { rootMargin: NEAR_SCREEN });
  figures.forEach((figure) => observer.observe(figure));
}

function enqueue(figure) {
  // draw() handles mermaid's failures itself; anything else leaves the figure showing its source.
  queue = queue.then(() => draw(figure)).catch(() => {});
}

function loadMermaid() {
  mermaidModule ||= import(MERMAID_URL).then((module) => module.default);
  return mermaidModule;
}

async function draw(figure) {
  if (!figure.isConnected) return;
  const pre = figure.querySelector('pre');
  const source = pre.textContent;
  const id = `mermaid-diagram-${++drawn}`;
  let svg;
  let failure = '';
  try {
    const mermaid = await loadMermaid();
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: dark.matches ? 'dark' : 'default',
      // The dark theme's grey behind edge labels leaves their text short of 4.5:1 contrast.
      themeVariables: dark.matches ? { edgeLabelBackground: '#2b323c' } : {},
      fontFamily: getComputedStyle(document.body).fontFamily,
      suppressErrorRendering: true,
    });
    svg = await drawOffscreen(mermaid, id, source, figure);
  } catch (error) {
    svg = null;
    failure = String(error?.message || error).split('\n')[0];
  }
  if (!figure.isConnected) {
    dropSheet(id);
    return;
  }
  figure.querySelector('.diagram-svg, .diagram-note')?.remove();
  const old = figure.dataset.svgId;
  if (old) dropSheet(old);
  if (!svg) {
    delete figure.dataset.svgId;
    figure.dataset.drawn = 'failed';
    figure.dataset.failure = failure;  // for whoever inspects the page: why mermaid gave up
    figure.querySelector('figcaption').after(h('p', 'diagram-note', FAILED));
    if (pre.parentElement !== figure) pre.parentElement.replaceWith(pre);
    return;
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', accessibleName(figure, source));
  const wrap = h('div', 'diagram-svg');
  wrap.tabIndex = 0;
  wrap.append(svg);
  if (pre.parentElement === figure) {
    const details = document.createElement('details');
    details.className = 'diagram-source';
    details.append(h('summary', '', 'Mermaid source'));
    pre.replaceWith(details);
    details.append(pre);
  }
  figure.querySelector('figcaption').after(wrap);
  figure.dataset.svgId = id;
  delete figure.dataset.failure;
  figure.dataset.drawn = 'svg';
}

/** Renders @p source in a box off screen (mermaid measures text as it lays out) and returns the SVG element. */
async function drawOffscreen(mermaid, id, source, figure) {
  const box = h('div', 'diagram-offscreen');
  box.setAttribute('aria-hidden', 'true');
  box.style.width = `${figure.clientWidth || 600}px`;
  document.body.append(box);
  try {
    const { svg } = await withCssomStyles(id, () => mermaid.render(id, source, box));
    return importSvg(svg, id);
  } finally {
    box.remove();
  }
}

// Style attributes become this data attribute whenever markup is parsed, and are applied through the CSSOM.
const STYLE_DATA = 'data-pai-style';
const styleAttrsToData = (markup) => String(markup)
  .replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/(\s)style=(["'])/g, `$1${STYLE_DATA}=$2`));

/**
 * Runs @p render with style attributes set through the CSSOM, <style> elements turned into a constructed
 * stylesheet kept under @p id, and style attributes in parsed markup (mermaid sanitises its SVG by parsing it)
 * renamed, so nothing inline reaches the page's Content-Security-Policy.
 */
async function withCssomStyles(id, render) {
  const { setAttribute } = Element.prototype;
  const { insertBefore, appendChild } = Node.prototype;
  const { parseFromString } = DOMParser.prototype;
  const divert = (node) => {
    if (!(node instanceof HTMLStyleElement || node instanceof SVGStyleElement)) return false;
    addSheet(id, node.textContent);
    return true;
  };
  Element.prototype.setAttribute = function setAttributeViaCssom(name, value) {
    if (String(name).toLowerCase() === 'style' && this.style) this.style.cssText = String(value);
    else setAttribute.call(this, name, value);
  };
  Node.prototype.insertBefore = function insertBeforeDivertingStyles(node, child) {
    return divert(node) ? node : insertBefore.call(this, node, child);
  };
  Node.prototype.appendChild = function appendChildDivertingStyles(node) {
    return divert(node) ? node : appendChild.call(this, node);
  };
  DOMParser.prototype.parseFromString = function parseWithoutStyleAttributes(markup, type) {
    return parseFromString.call(this, styleAttrsToData(markup), type);
  };
  try {
    return await render();
  } finally {
    Element.prototype.setAttribute = setAttribute;
    Node.prototype.insertBefore = insertBefore;
    Node.prototype.appendChild = appendChild;
    DOMParser.prototype.parseFromString = parseFromString;
  }
}

/** Parses mermaid's SVG markup in an inert document and brings it into the page with its styles via the CSSOM. */
function importSvg(markup, id) {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${styleAttrsToData(markup)}`, 'text/html');
  const source = parsed.querySelector('svg');
  if (!source) throw new Error('mermaid returned no SVG');
  for (const style of source.querySelectorAll('style')) {
    if (!sheets.has(id)) addSheet(id, style.textContent);
    style.remove();
  }
  const svg = document.importNode(source, true);
  for (const el of [svg, ...svg.querySelectorAll(`[${STYLE_DATA}]`)]) {
    const css = el.getAttribute(STYLE_DATA);
    el.removeAttribute(STYLE_DATA);
    if (css) el.style.cssText = css;
  }
  return fit(svg);
}

/** Sizes the SVG to its natural width, shrinking to the column down to MIN_SCALE and scrolling beyond that. */
function fit(svg) {
  const width = svg.viewBox?.baseVal?.width || parseFloat(svg.style.maxWidth) || 0;
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.style.removeProperty('max-width');
  if (width) {
    svg.style.width = `${Math.ceil(width)}px`;
    svg.style.minWidth = `${Math.ceil(width * MIN_SCALE)}px`;
  }
  return svg;
}

function accessibleName(figure, source) {
  const first = source.trim().split('\n')[0].trim().split(/\s+/)[0];
  const kind = KINDS[first] || 'diagram';
  const section = figure.closest('section')?.querySelector('h2')?.textContent.trim();
  return section ? `${section}: ${kind}` : `Mermaid ${kind}`;
}

function addSheet(id, css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  dropSheet(id);
  sheets.set(id, sheet);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

function dropSheet(id) {
  const sheet = sheets.get(id);
  if (!sheet) return;
  sheets.delete(id);
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
}

/** Forgets the stylesheets of diagrams that left the page with their view. */
function dropDetachedSheets() {
  for (const id of [...sheets.keys()]) if (!document.getElementById(id)) dropSheet(id);
}

function h(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text) el.textContent = text;
  return el;
}

// A change of colour scheme redraws the diagrams on screen in the matching theme.
dark.addEventListener('change', () => {
  for (const figure of mermaidFigures(document)) if (figure.dataset.drawn) enqueue(figure);
});
