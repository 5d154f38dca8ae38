/** @file The results view: ranked hits, facet panel with counts, suggestions, "did you mean" and empty states. */
import { getJson, pillarsById } from './api.js';
import {
  fill, h, patternHref, plural, sectionLabel, SECTION_LABELS, snippetNodes, statusBadge, STATUS_LABELS, STATUSES,
} from './dom.js';
import { exampleList } from './examples.js';

export const FACETS = ['pillar', 'status', 'section'];
const FACET_TITLES = { pillar: 'Pillar', status: 'Maturity', section: 'Best section' };
const PAGE_SIZE = 20;
const SUGGESTIONS = 6;

// The filter panel is open beside the results on wide screens and folded above them on narrow ones.
const WIDE = window.matchMedia('(min-width: 50rem)');
WIDE.addEventListener('change', () => {
  const filters = document.getElementById('filters');
  if (filters) filters.open = WIDE.matches;
});

const listParam = (params, name) => params.getAll(name).flatMap((v) => v.split(',')).filter(Boolean);

/** The search state a URL holds. */
export function searchState(params) {
  const state = { q: params.get('q') || '' };
  for (const facet of FACETS) state[facet] = listParam(params, facet);
  return state;
}

export const isSearch = (params) => params.has('q') || FACETS.some((f) => params.has(f));
export const hasFilters = (state) => FACETS.some((f) => state[f].length > 0);

/** The URL of a search state; facet values are slugs, so commas stay readable. */
export function searchUrl(state) {
  const parts = [];
  if (state.q) parts.push(`q=${encodeURIComponent(state.q)}`);
  for (const facet of FACETS) {
    if (state[facet].length) parts.push(`${facet}=${state[facet].map(encodeURIComponent).join(',')}`);
  }
  return parts.length ? `/?${parts.join('&')}` : '/';
}

/** The pattern map's state (/?graph, /?graph=list): the search whose hits it rings and its pillar and status filters. */
export function graphState(params) {
  return { ...searchState(params), section: [], list: params.get('graph') === 'list' };
}

/** The URL of a map state; q and the filters are written as searchUrl writes them. */
export function graphUrl(state) {
  const rest = searchUrl({ ...state, section: [] }).replace(/^\/\??/, '');
  return `/?graph${state.list ? '=list' : ''}${rest ? `&${rest}` : ''}`;
}

/**
 * One page of hits, with facet counts that follow the query. Counts of a facet with values selected leave that
 * facet's own filter out, so the other values still show what choosing them would add.
 */
async function fetchResults(state, offset, signal) {
  const filters = (except) => Object.fromEntries(
    FACETS.filter((f) => f !== except && state[f].length).map((f) => [f, state[f].join(',')]));
  const main = getJson('/v1/search', { q: state.q, limit: PAGE_SIZE, offset, ...filters(null) }, signal);
  const own = offset > 0 ? [] : FACETS.filter((f) => state[f].length).map((f) =>
    getJson('/v1/search', { q: state.q, limit: 0, ...filters(f) }, signal).then((r) => [f, r.facets[f]]));
  const [result, ...facetCounts] = await Promise.all([main, ...own]);
  for (const [facet, values] of facetCounts) result.facets[facet] = values;
  return result;
}

/** The view's elements, built once and then updated in place so nothing jumps as results arrive. */
function buildLayout(pillars, onFacetChange) {
  const facetForm = h('form', { class: 'facets', onchange: onFacetChange, onsubmit: (e) => e.preventDefault() });
  const options = {
    pillar: [...pillars.values()].map((p) => [p.id, p.name]),
    status: STATUSES.map((s) => [s, STATUS_LABELS[s]]),
    section: Object.keys(SECTION_LABELS).filter((s) => s !== 'introduction').map((s) => [s, SECTION_LABELS[s]]),
  };
  for (const facet of FACETS) {
    facetForm.append(h('fieldset', { class: `facet facet-${facet}`, 'data-facet': facet },
      h('legend', {}, FACET_TITLES[facet]),
      options[facet].map(([value, label]) => facetOption(facet, value, label))));
  }
  const filters = h('details', { class: 'filters', id: 'filters' },
    h('summary', {}, 'Filters', h('span', { class: 'filter-count' })), facetForm);
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' },
    h('h1', { id: 'results-heading', class: 'visually-hidden', tabindex: '-1' }, 'Search results'),
    h('nav', { class: 'suggestions', 'aria-label': 'Suggestions' }),
    h('p', { class: 'result-status', role: 'status' }),
    h('p', { class: 'map-link' }),
    h('p', { class: 'did-you-mean' }),
    h('ol', { class: 'hits', id: 'hits', onkeydown: onHitsKey }),
    h('div', { class: 'more' }));
  return h('div', { class: 'search-layout' }, h('aside', { class: 'facet-panel', 'aria-label': 'Filters' }, filters),
    results);
}

function facetOption(facet, value, label) {
  const id = `f-${facet}-${value}`;
  return h('div', { class: 'facet-option', 'data-value': value },
    h('input', { type: 'checkbox', id, name: facet, value }),
    h('label', { for: id }, h('span', { class: 'facet-name' }, label), h('span', { class: 'count' }, '0')));
}

function hitItem(hit, index, pillars) {
  return h('li', { class: 'hit' },
    h('h2', { class: 'hit-title' }, h('a', { href: patternHref(hit.id, hit.section), id: `hit-${index}` }, hit.title)),
    h('p', { class: 'hit-meta' }, statusBadge(hit.status),
      h('span', { class: 'hit-pillar' }, pillars.get(hit.pillar)?.name || hit.pillar),
      h('span', { class: 'hit-section' }, 'Best match: ',
        h('strong', {}, hit.section_title || sectionLabel(hit.section)))),
    h('p', { class: 'snippet' }, snippetNodes(hit.snippet)),
    hit.symptom ? h('p', { class: 'hit-symptom' }, 'Sounds like: ', h('q', {}, hit.symptom)) : null);
}

function emptyState(state) {
  const clear = hasFilters(state) ? h('p', {}, 'Filters narrow this search. ',
    h('a', { href: searchUrl({ q: state.q, pillar: [], status: [], section: [] }) }, 'Search without filters')) : null;
  return h('li', { class: 'empty' },
    h('p', { class: 'empty-title' },
      state.q ? `No pattern matches \u201c${state.q}\u201d.` : 'No pattern matches these filters.'),
    clear,
    h('p', {}, 'Describe the symptom the way you would tell a colleague, for example:'),
    exampleList(),
    h('p', {}, 'Not sure what to ask? Answer five questions in the ',
      h('a', { href: '/?decide' }, 'Decision Guide'), '.'));
}

/** Arrow keys move through the results, Escape returns to the search box. */
function onHitsKey(event) {
  const links = [...document.querySelectorAll('.hit-title a')];
  const at = links.indexOf(document.activeElement);
  if (at < 0) return;
  if (event.key === 'ArrowDown' && at + 1 < links.length) links[at + 1].focus();
  else if (event.key === 'ArrowUp') (at > 0 ? links[at - 1] : document.getElementById('q')).focus();
  else if (event.key === 'Escape') document.getElementById('q').focus();
  else return;
  event.preventDefault();
}

/** Moves focus from the search box to the first result; false when there is none. */
export function focusFirstHit() {
  const first = document.querySelector('.hit-title a');
  if (first) first.focus();
  return Boolean(first);
}

export class SearchView {
  constructor(container, navigate) {
    this.container = container;
    this.navigate = navigate;
    this.controller = null;
    this.root = null;
  }

  isMounted() {
    return this.root !== null && this.container.contains(this.root);
  }

  /** Shows @p state: builds the layout when the first results arrive, then only updates it. */
  async show(state, isCurrent) {
    const pillars = await pillarsById();
    this.state = state;
    document.title = state.q ? `${state.q} \u2013 Production AI Patterns` : 'Search \u2013 Production AI Patterns';
    this.controller?.abort();
    this.controller = new AbortController();
    const { signal } = this.controller;
    const results = this.isMounted() ? this.root.querySelector('.results') : null;
    const busy = setTimeout(() => results?.classList.add('loading'), 150);
    results?.setAttribute('aria-busy', 'true');
    try {
      const [result, suggestions] = await Promise.all([
        fetchResults(state, 0, signal),
        state.q.trim() ? getJson('/v1/suggest', { q: state.q, limit: SUGGESTIONS }, signal) : { suggestions: [] },
      ]);
      if (!isCurrent()) return;
      if (!this.isMounted()) this.mount(pillars);
      this.render(result, suggestions.suggestions, pillars);
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    } finally {
      clearTimeout(busy);
      results?.classList.remove('loading');
      results?.removeAttribute('aria-busy');
    }
  }

  mount(pillars) {
    this.root = buildLayout(pillars, () => this.onFacetChange());
    fill(this.container, this.root);
    this.root.querySelector('#filters').open = WIDE.matches;
  }

  render(result, suggestions, pillars) {
    const { state, root } = this;
    for (const fieldset of root.querySelectorAll('.facet')) {
      const facet = fieldset.dataset.facet;
      const counts = new Map(result.facets[facet].map((v) => [v.value, v.count]));
      for (const option of fieldset.querySelectorAll('.facet-option')) {
        const count = counts.get(option.dataset.value) || 0;
        const input = option.querySelector('input');
        input.checked = state[facet].includes(input.value);
        option.querySelector('.count').textContent = count;
        option.classList.toggle('zero', count === 0 && !input.checked);
      }
    }
    const active = FACETS.reduce((n, f) => n + state[f].length, 0);
    fill(root.querySelector('.filter-count'), active ? ` (${active} active)` : '');

    const typed = state.q.trim().toLowerCase();
    // Word completions help while the first word is typed; in a described problem they are noise, and index
    // words with underscores or digits (code identifiers) never help.
    const completing = !typed.includes(' ');
    const useful = suggestions.filter((s) => s.text.toLowerCase() !== typed
      && (s.kind === 'title' || (completing && /^[a-z'-]+$/i.test(s.text))));
    fill(root.querySelector('.suggestions'), useful.map((s) => h('a', {
      href: s.kind === 'title' ? patternHref(s.id) : searchUrl({ ...state, q: s.text }),
      class: `suggestion suggestion-${s.kind}`,
    }, s.text)));

    const scope = state.q ? ` for \u201c${state.q}\u201d` : '';
    fill(root.querySelector('.result-status'), `${plural(result.total, 'pattern')}${scope}`);
    fill(root.querySelector('.map-link'), state.q.trim() && result.total
      ? h('a', { href: graphUrl({ ...state, list: false }) }, 'See the best answers on the pattern map') : []);
    fill(root.querySelector('.did-you-mean'), result.did_you_mean ? ['Did you mean ',
      h('a', { href: searchUrl({ ...state, q: result.did_you_mean }) }, result.did_you_mean), '?'] : []);
    const hits = root.querySelector('.hits');
    fill(hits, result.hits.length ? result.hits.map((hit, i) => hitItem(hit, i, pillars)) : emptyState(state));
    this.renderMore(result.total, result.hits.length, pillars);
  }

  renderMore(total, shown, pillars) {
    const more = this.root.querySelector('.more');
    if (shown >= total) return fill(more);
    const button = h('button', { type: 'button', class: 'button' }, `Show more (${total - shown} left)`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      const next = await fetchResults(this.state, shown, this.controller.signal);
      const hits = this.root.querySelector('.hits');
      next.hits.forEach((hit, i) => hits.append(hitItem(hit, shown + i, pillars)));
      document.getElementById(`hit-${shown}`)?.focus();
      this.renderMore(total, shown + next.hits.length, pillars);
    });
    return fill(more, button);
  }

  onFacetChange() {
    const next = { q: this.state.q };
    for (const facet of FACETS) {
      next[facet] = [...this.root.querySelectorAll(`input[name="${facet}"]:checked`)].map((i) => i.value);
    }
    this.navigate(searchUrl(next), { keepFocus: true });
  }
}
