/** @file The home view (start points and the ten pillars) and the page of one pillar. */
import { ApiError, cached, getJson, pillarsById } from './api.js';
import { fill, guideHref, h, patternHref, pillarHref, plural, statusBadge, STATUS_LABELS, STATUSES } from './dom.js';
import { exampleList } from './examples.js';
import { libraryLists } from './library.js';

/** "9 validated in production, 3 emerging" as small badges with counts. */
function maturityCounts(byStatus) {
  return h('ul', { class: 'maturity-counts', 'aria-label': 'Patterns by maturity' },
    STATUSES.map((s) => h('li', {}, h('span', { class: `badge badge-${s}` },
      h('span', { class: 'badge-count' }, byStatus[s] ?? 0), ` ${STATUS_LABELS[s]}`))));
}

export async function renderHome(container) {
  const [{ pillars }, { guides }, library] = await Promise.all([cached('/v1/pillars'), cached('/v1/guides'),
    libraryLists()]);
  const total = pillars.reduce((n, p) => n + p.patterns, 0);
  document.title = 'Production AI Patterns';
  fill(container,
    h('section', { class: 'hero', 'aria-labelledby': 'home-title' },
      h('h1', { id: 'home-title', tabindex: '-1' }, 'Find the production pattern for your problem'),
      h('p', { class: 'lede' }, `${total} patterns for running AI systems in production, each with its evidence, its `,
        'trade-offs and when not to use it. Describe what hurts in the search box above, for example:'),
      exampleList()),
    h('section', { class: 'start', 'aria-label': 'Other ways in' },
      h('a', { class: 'start-card start-decide', href: '/?decide' },
        h('strong', {}, 'Decision Guide'),
        h('span', {}, 'Five questions about your system, a ranked shortlist with reasons.')),
      h('a', { class: 'start-card start-map', href: '/?graph' },
        h('strong', {}, 'Pattern map'),
        h('span', {}, 'Every pattern and how they link, by pillar and maturity.')),
      guides.map((g) => h('a', { class: 'start-card', href: guideHref(g.id) },
        h('strong', {}, g.title), h('span', {}, g.description)))),
    h('section', { class: 'pillars', 'aria-labelledby': 'pillars-title' },
      h('h2', { id: 'pillars-title' }, 'The ten pillars'),
      h('ul', { class: 'pillar-grid' }, pillars.map((p) => h('li', { class: 'pillar-card' },
        h('h3', {}, h('a', { href: pillarHref(p.id) }, p.name)),
        h('p', {}, p.description),
        maturityCounts(p.by_status))))),
    library);
}

export async function renderPillar(container, id) {
  const pillar = (await pillarsById()).get(id);
  if (!pillar) throw new ApiError(404, `There is no pillar called \u201c${id}\u201d.`);
  const { hits } = await getJson('/v1/search', { pillar: id, limit: 100 });
  document.title = `${pillar.name} \u2013 Production AI Patterns`;
  const byStatus = STATUSES.map((s) => [s, hits.filter((hit) => hit.status === s)
    .sort((a, b) => a.title.localeCompare(b.title))]);
  fill(container,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, 'Home'), ' / ', pillar.name),
    h('header', { class: 'page-head' },
      h('h1', { tabindex: '-1' }, pillar.name),
      h('p', { class: 'lede' }, pillar.description),
      maturityCounts(pillar.by_status),
      h('p', {}, h('a', { href: `/?pillar=${id}` }, `Search within ${pillar.name}`))),
    byStatus.filter(([, list]) => list.length).map(([status, list]) =>
      h('section', { class: 'status-group', 'aria-labelledby': `group-${status}` },
        h('h2', { id: `group-${status}` }, `${STATUS_LABELS[status]} (${plural(list.length, 'pattern')})`),
        h('ul', { class: 'pattern-list' }, list.map((hit) => h('li', {},
          h('h3', {}, h('a', { href: patternHref(hit.id) }, hit.title)),
          statusBadge(hit.status),
          h('p', {}, hit.description)))))));
}
