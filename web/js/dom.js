/** @file DOM helpers shared by the views: element building, safe HTML from the API, labels and badges. */

/** Builds an element: h('a', {href: '/'}, 'Home'). Attributes set to null/false are left out. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const STATUS_LABELS = {
  'validated-in-production': 'Validated in production',
  emerging: 'Emerging',
  proposed: 'Proposed',
};
export const STATUSES = ['validated-in-production', 'emerging', 'proposed'];

export const SECTION_LABELS = {
  introduction: 'Introduction',
  'what-it-is': 'What It Is',
  problem: 'The Problem It Solves',
  'how-it-works': 'How It Works',
  'when-to-use': 'When to Use It',
  'when-not-to-use': 'When NOT to Use It',
  'trade-offs': 'Trade-offs',
  implementation: 'Implementation Example',
  'tool-landscape': 'Tool Landscape',
  'related-patterns': 'Related Patterns',
  'further-reading': 'Further Reading',
};

/** A readable label for a section id the corpus did not name canonically ("failure-modes" -> "Failure modes"). */
export function sectionLabel(id) {
  if (SECTION_LABELS[id]) return SECTION_LABELS[id];
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The maturity badge: colour, a shape (so colour is never the only cue) and the words. */
export function statusBadge(status) {
  return h('span', { class: `badge badge-${status}` }, STATUS_LABELS[status] || status);
}

export const patternHref = (id, section) => `/?pattern=${encodeURIComponent(id)}${section ? `#${section}` : ''}`;
export const guideHref = (id) => `/?guide=${encodeURIComponent(id)}`;
export const pillarHref = (id) => `/?browse=${encodeURIComponent(id)}`;
export const searchHref = (q) => `/?q=${encodeURIComponent(q)}`;

/**
 * Turns a snippet from the API into nodes. The API escapes corpus text and only adds <mark>; anything else that
 * might appear is kept as text, so no markup from the index can reach the page.
 */
export function snippetNodes(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = [];
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === 'MARK') out.push(h('mark', {}, node.textContent));
    else out.push(document.createTextNode(node.textContent));
  }
  return out;
}

// Links between corpus files: ../<pillar>/<id>.md from a pattern, ../patterns/<pillar>/<id>.md or <id>.md from a
// guide. They become the page's own views.
const CORPUS_LINK = /^(?:\.\.\/)*(?:patterns\/)?(?:([a-z0-9-]+)\/)?([a-z0-9-]+)\.md(#[\w-]*)?$/;

/**
 * Parses cmark's safe HTML into a fragment, rewrites corpus links to the page's views, marks external links, and
 * makes wide blocks scrollable by keyboard. `fromGuide` says how a bare `<id>.md` link is meant.
 */
export function corpusHtml(html, { fromGuide = false } = {}) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const root = template.content;
  root.querySelectorAll('script, style, iframe, object, embed').forEach((el) => el.remove());
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    const corpus = CORPUS_LINK.exec(href);
    if (corpus) {
      const [, folder, id, anchor] = corpus;
      const toGuide = fromGuide && !folder;
      a.setAttribute('href', toGuide ? guideHref(id) : patternHref(id, anchor ? anchor.slice(1) : ''));
    } else if (/^https?:/.test(href)) {
      a.setAttribute('rel', 'noopener noreferrer');
      a.classList.add('external');
    }
  }
  for (const pre of root.querySelectorAll('pre')) {
    pre.setAttribute('tabindex', '0');
    const code = pre.querySelector('code');
    // Patterns draw diagrams as Mermaid (drawn as SVG by diagrams.js once on screen, the source kept as the
    // text alternative) or as ASCII art in `text` blocks, which stays text.
    const mermaid = code?.classList.contains('language-mermaid');
    const diagram = mermaid || (!fromGuide && code?.classList.contains('language-text'));
    if (diagram) {
      const figure = h('figure', { class: 'diagram' }, h('figcaption', {}, 'Diagram'));
      pre.replaceWith(figure);
      figure.append(pre);
      pre.setAttribute('aria-label', 'Diagram');
    } else if (code) {
      const lang = /language-(\w+)/.exec(code.className);
      pre.setAttribute('aria-label', lang ? `${lang[1]} code` : 'code');
    }
  }
  for (const table of root.querySelectorAll('table')) {
    const wrap = h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Table' });
    table.replaceWith(wrap);
    wrap.append(table);
  }
  return root;
}

/** Text with `pattern-id` code spans turned into links to those patterns (used for caveats). */
export function textWithPatternLinks(text) {
  return text.split(/(`[^`]+`)/).map((part) => {
    const id = /^`([a-z0-9-]+)`$/.exec(part);
    if (id) return h('a', { href: patternHref(id[1]) }, h('code', {}, id[1]));
    return part.replace(/`/g, '');
  });
}

/** Singular or plural: plural(3, 'pattern') -> "3 patterns". */
export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
