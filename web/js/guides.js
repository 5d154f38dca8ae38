/** @file A guide (Getting Started, Contributing, Glossary), rendered from the same safe HTML path as patterns. */
import { cached, getJson } from './api.js';
import { corpusHtml, fill, guideHref, h } from './dom.js';

export async function renderGuide(container, id) {
  const [guide, { guides }] = await Promise.all([
    getJson(`/v1/guides/${encodeURIComponent(id)}`),
    cached('/v1/guides'),
  ]);
  document.title = `${guide.title} \u2013 Production AI Patterns`;
  const titled = guide.sections.filter((s) => s.title);
  const sections = guide.sections.map((s) => {
    const section = h('section', { id: s.id, class: 'guide-section' });
    section.append(corpusHtml(s.html, { fromGuide: true }));
    const heading = section.querySelector('h2');
    if (heading) heading.tabIndex = -1;
    return section;
  });
  fill(container, h('article', { class: 'guide' },
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, 'Home'), ' / Guides'),
    h('header', { class: 'page-head' },
      h('h1', { tabindex: '-1' }, guide.title),
      h('p', { class: 'lede' }, guide.description),
      h('p', { class: 'source' }, 'Source: ', h('code', {}, guide.path))),
    h('div', { class: 'reader' },
      h('nav', { class: 'toc', 'aria-label': 'Guides and sections' },
        h('h2', {}, 'Guides'),
        h('ul', {}, guides.map((g) => h('li', {}, g.id === guide.id
          ? h('a', { href: guideHref(g.id), 'aria-current': 'page' }, g.title)
          : h('a', { href: guideHref(g.id) }, g.title)))),
        titled.length > 1 ? [h('h2', {}, 'On this page'),
          h('ol', {}, titled.map((s) => h('li', {}, h('a', { href: `#${s.id}` }, s.title))))] : null),
      h('div', { class: 'reader-body' }, sections))));
}
