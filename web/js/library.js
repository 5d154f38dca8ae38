/** @file Case studies and reading paths: their pages, the home page's lists, and the reader's "In practice" block. */
import { ApiError, cached, getJson } from './api.js';
import { corpusHtml, fill, h, patternHref } from './dom.js';

export const caseStudyHref = (id) => `/?case-study=${encodeURIComponent(id)}`;
export const pathHref = (id) => `/?path=${encodeURIComponent(id)}`;

const crumbs = (label) => h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, 'Home'),
  ` / ${label}`);

export async function renderCaseStudy(container, id) {
  const study = await getJson(`/v1/case-studies/${encodeURIComponent(id)}`);
  document.title = `${study.title} \u2013 Production AI Patterns`;
  const sections = study.sections.map((s) => {
    const section = h('section', { id: s.id, class: 'guide-section' });
    section.append(corpusHtml(s.html));
    const heading = section.querySelector('h2');
    if (heading) heading.tabIndex = -1;
    return section;
  });
  fill(container, h('article', { class: 'guide case-study' },
    crumbs('Case studies'),
    h('header', { class: 'page-head' },
      h('h1', { tabindex: '-1' }, study.title),
      h('p', { class: 'lede' }, study.description),
      h('p', { class: 'source' }, `${study.organisation} \u00b7 `, study.subject)),
    h('div', { class: 'reader' },
      h('nav', { class: 'toc', 'aria-label': 'Patterns and sources' },
        h('h2', {}, 'Patterns it runs'),
        h('ul', {}, study.patterns.map((p) => h('li', {}, h('a', { href: patternHref(p) }, h('code', {}, p))))),
        h('h2', {}, 'Sources'),
        h('ul', {}, study.sources.map((s) => h('li', {},
          h('a', { href: s.url, class: 'external', rel: 'noopener noreferrer' }, s.title))))),
      h('div', { class: 'reader-body' }, sections))));
}

export async function renderPath(container, id) {
  const { paths } = await cached('/v1/paths');
  const path = paths.find((p) => p.id === id);
  if (!path) throw new ApiError(404, `There is no reading path called \u201c${id}\u201d.`);
  document.title = `${path.title} \u2013 Production AI Patterns`;
  fill(container, h('article', { class: 'guide reading-path' },
    crumbs('Reading paths'),
    h('header', { class: 'page-head' },
      h('h1', { tabindex: '-1' }, path.title),
      h('p', { class: 'lede' }, path.description)),
    h('ol', { class: 'path-steps' }, path.steps.map((step) => h('li', {},
      h('a', { href: patternHref(step.pattern) }, step.title),
      h('p', {}, step.why)))),
    h('h2', {}, 'Other paths'),
    h('ul', {}, paths.filter((p) => p.id !== id).map((p) => h('li', {}, h('a', { href: pathHref(p.id) }, p.title))))));
}

/** The home page's two lists: reading paths by job, and real systems. */
export async function libraryLists() {
  const [{ paths }, { case_studies: studies }] = await Promise.all([cached('/v1/paths'),
    cached('/v1/case-studies?limit=100')]);
  return [
    paths.length ? h('section', { class: 'library', 'aria-labelledby': 'paths-title' },
      h('h2', { id: 'paths-title' }, 'Reading paths'),
      h('ul', { class: 'library-list' }, paths.map((p) => h('li', {},
        h('a', { href: pathHref(p.id) }, p.title), h('span', {}, ` \u2013 ${p.steps.length} patterns`))))) : null,
    studies.length ? h('section', { class: 'library', 'aria-labelledby': 'studies-title' },
      h('h2', { id: 'studies-title' }, 'Case studies'),
      h('ul', { class: 'library-list' }, studies.map((s) => h('li', {},
        h('a', { href: caseStudyHref(s.id) }, s.title), h('span', {}, ` \u2013 ${s.organisation}`))))) : null,
  ];
}

/** The reader's block naming the case studies and reading paths that use a pattern, or nothing. */
export function inPracticeBlock(pattern) {
  const studies = pattern.case_studies ?? [];
  const paths = pattern.paths ?? [];
  if (!studies.length && !paths.length) return null;
  return h('section', { class: 'in-practice', 'aria-labelledby': 'in-practice-title' },
    h('h2', { id: 'in-practice-title' }, 'In practice'),
    studies.length ? h('ul', {}, studies.map((s) => h('li', {},
      h('a', { href: caseStudyHref(s.id) }, s.title), s.organisation ? ` (${s.organisation})` : ''))) : null,
    paths.length ? h('ul', {}, paths.map((p) => h('li', {},
      `Step ${p.step} of `, h('a', { href: pathHref(p.id) }, p.title), `: ${p.why}`))) : null);
}
