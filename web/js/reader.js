/** @file The pattern reader: metadata, status with its evidence, section anchors, sections and related patterns. */
import { getJson, pillarsById } from './api.js';
import { corpusHtml, fill, h, patternHref, pillarHref, plural, searchHref, statusBadge } from './dom.js';
import { inPracticeBlock } from './library.js';

const STATUS_MEANING = {
  'validated-in-production': 'At least two public write-ups describe running this in production.',
  emerging: 'At least one public production account exists; the practice is still settling.',
  proposed: 'A sound design without public production evidence yet: prototype and measure before relying on it.',
};

function evidenceBlock(pattern) {
  return h('section', { class: 'evidence', 'aria-labelledby': 'evidence-title' },
    h('h2', { id: 'evidence-title' }, 'Status and evidence'),
    h('p', {}, statusBadge(pattern.status), ' ', STATUS_MEANING[pattern.status] || ''),
    pattern.evidence.length
      ? h('ul', {}, pattern.evidence.map((e) =>
        h('li', {}, h('a', { href: e.url, rel: 'noopener noreferrer', class: 'external' }, e.title),
          h('span', { class: 'host' }, ` \u2013 ${hostOf(e.url)}`))))
      : h('p', { class: 'muted' }, 'No production evidence is cited yet.'));
}

/** The pattern's problem in its users' own words, when the pattern lists any. */
function symptomsBlock(pattern) {
  if (!pattern.symptoms?.length) return null;
  return h('div', { class: 'symptoms' },
    h('p', { class: 'symptoms-title', id: 'symptoms-title' }, 'Sounds like your problem?'),
    h('ul', { 'aria-labelledby': 'symptoms-title' }, pattern.symptoms.map((s) => h('li', {}, `\u201c${s}\u201d`))));
}

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function sidebar(pattern) {
  return h('nav', { class: 'toc', 'aria-label': 'On this page' },
    h('h2', {}, 'On this page'),
    h('ol', {}, pattern.sections.map((s) => h('li', {}, h('a', { href: `#${s.id}` }, s.title || 'Introduction')))),
    pattern.related.length ? h('div', { class: 'toc-related' }, h('h2', {}, 'Related'),
      h('ul', {}, pattern.related.map((r) => h('li', {}, h('a', { href: patternHref(r.id) }, r.title))))) : null);
}

export async function renderPattern(container, id) {
  const [pattern, pillars] = await Promise.all([getJson(`/v1/patterns/${encodeURIComponent(id)}`), pillarsById()]);
  const pillar = pillars.get(pattern.pillar);
  document.title = `${pattern.title} \u2013 Production AI Patterns`;
  const sections = pattern.sections.map((s) => {
    const section = h('section', { id: s.id, class: 'pattern-section', 'aria-labelledby': `h-${s.id}` });
    section.append(corpusHtml(s.html));
    const heading = section.querySelector('h2')
      || section.insertBefore(h('h2', {}, s.title || 'Introduction'), section.firstChild);
    heading.id = `h-${s.id}`;
    heading.tabIndex = -1;
    return section;
  });
  fill(container, h('article', { class: 'pattern' },
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, 'Home'), ' / ',
      h('a', { href: pillarHref(pattern.pillar) }, pillar?.name || pattern.pillar)),
    h('header', { class: 'page-head' },
      h('h1', { tabindex: '-1' }, pattern.title),
      h('p', { class: 'lede' }, pattern.description),
      h('p', { class: 'pattern-meta' }, statusBadge(pattern.status),
        h('a', { href: pillarHref(pattern.pillar) }, pillar?.name || pattern.pillar),
        h('span', {}, plural(pattern.sections.length, 'section'))),
      h('ul', { class: 'tags', 'aria-label': 'Tags' },
        pattern.tags.map((t) => h('li', {}, h('a', { href: searchHref(`tag:${t}`) }, t)))),
      symptomsBlock(pattern),
      h('p', { class: 'source' }, 'Source: ', h('code', {}, pattern.path),
        pattern.last_reviewed ? ` \u00b7 last reviewed ${pattern.last_reviewed}` : '')),
    h('div', { class: 'reader' }, sidebar(pattern),
      h('div', { class: 'reader-body' }, evidenceBlock(pattern), inPracticeBlock(pattern), sections))));
}
