/** @file The page's router: the URL is the state, links become history entries, and the search box drives it all. */
import { renderHome, renderPillar } from './browse.js';
import { DecideView } from './decide.js';
import { renderDiagrams } from './diagrams.js';
import { fill, h } from './dom.js';
import { renderGuide } from './guides.js';
import { renderCaseStudy, renderPath } from './library.js';
import { renderPattern } from './reader.js';
import {
  focusFirstHit, graphState, graphUrl, hasFilters, isSearch, searchState, searchUrl, SearchView,
} from './search.js';

const TYPING_DELAY_MS = 120;

const view = document.getElementById('view');
const input = document.getElementById('q');
const search = new SearchView(view, navigate);
const decide = new DecideView(view, navigate);
let graph = null;  // the map's view, loaded with its code the first time the map is opened
let renderCount = 0;
let renderedSearch = null;  // location.search of the view on screen
let typingTimer = 0;

/** Pages render into a detached element and replace the view only if no newer navigation started meanwhile. */
const page = (render) => async (token) => {
  const target = document.createElement('div');
  await render(target);
  if (token !== renderCount) return;
  view.replaceChildren(...target.childNodes);
  renderDiagrams(view);
};

async function showGraph(params, isCurrent) {
  const { GraphView } = await import('./graph.js');
  graph ||= new GraphView(view, navigate);
  return graph.show(graphState(params), isCurrent);
}

function viewFor(params) {
  if (params.has('pattern')) return ['reader', page((el) => renderPattern(el, params.get('pattern')))];
  if (params.has('guide')) return ['guides', page((el) => renderGuide(el, params.get('guide')))];
  if (params.has('case-study')) return ['library', page((el) => renderCaseStudy(el, params.get('case-study')))];
  if (params.has('path')) return ['library', page((el) => renderPath(el, params.get('path')))];
  if (params.has('browse')) return ['browse', page((el) => renderPillar(el, params.get('browse')))];
  const current = (token) => () => token === renderCount;
  if (params.has('graph')) return ['graph', (token) => showGraph(params, current(token))];
  if (params.has('decide')) return ['decide', (token) => decide.show(params.get('decide'), current(token))];
  if (isSearch(params)) return ['search', (token) => search.show(searchState(params), current(token))];
  return ['browse', page(renderHome)];
}

function showError(error) {
  const missing = error.status === 404;
  document.title = `${missing ? 'Not found' : 'Error'} \u2013 Production AI Patterns`;
  fill(view, h('section', { class: 'error-view' },
    h('h1', { tabindex: '-1' }, missing ? 'Not found' : 'Something went wrong'),
    h('p', {}, error.message),
    h('p', {}, h('a', { href: '/' }, 'Go to the home page'), ' or search for a problem above.')));
}

/** Scrolls to the element the hash names and, after a navigation, moves focus to its heading. */
function goToHash(focus) {
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return false;
  target.scrollIntoView();
  if (focus) (target.querySelector('h2[tabindex]') || target).focus({ preventScroll: true });
  return true;
}

async function render({ focus = false } = {}) {
  const params = new URLSearchParams(location.search);
  const token = ++renderCount;
  const [area, show] = viewFor(params);
  renderedSearch = location.search;
  if (document.activeElement !== input) input.value = isSearch(params) ? params.get('q') || '' : '';
  for (const link of document.querySelectorAll('.site-nav a')) {
    if (link.dataset.area === area) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  try {
    await show(token);
  } catch (error) {
    if (token === renderCount) showError(error);
  }
  if (token !== renderCount) return;
  if (!goToHash(focus) && focus) {
    window.scrollTo(0, 0);
    view.querySelector('h1')?.focus({ preventScroll: true });
  }
}

/** Goes to @p href inside the page. keepFocus leaves focus where it is (typing, ticking a facet). */
export function navigate(href, { replace = false, keepFocus = false } = {}) {
  const url = new URL(href, location.href);
  if (url.href !== location.href) history[replace ? 'replaceState' : 'pushState'](null, '', url);
  render({ focus: !keepFocus });
}

function commitQuery() {
  clearTimeout(typingTimer);
  const params = new URLSearchParams(location.search);
  if (params.has('graph')) {
    // On the map the search box rings the patterns that answer it.
    navigate(graphUrl({ ...graphState(params), q: input.value }), { replace: true, keepFocus: true });
    return;
  }
  const inSearch = isSearch(params);
  const state = inSearch
    ? { ...searchState(params), q: input.value }
    : { q: input.value, pillar: [], status: [], section: [] };
  if (!state.q.trim() && !hasFilters(state)) {
    navigate('/', { replace: inSearch, keepFocus: true });
    return;
  }
  // The first keystroke leaves the current view (a history entry); the rest refine the same search.
  navigate(searchUrl(state), { replace: inSearch, keepFocus: true });
}

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(commitQuery, TYPING_DELAY_MS);
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' && focusFirstHit()) event.preventDefault();
});
document.getElementById('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  commitQuery();
});

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest('input, textarea, select, [contenteditable]')) return;
  event.preventDefault();
  input.focus();
  input.select();
});

document.addEventListener('click', (event) => {
  const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
  if (event.defaultPrevented || event.button !== 0 || modified) return;
  const link = event.target.closest('a[href]');
  if (!link || link.getAttribute('target') || link.hasAttribute('download')) return;
  const url = new URL(link.getAttribute('href'), location.href);  // an SVG link's href is not a string
  if (url.origin !== location.origin || url.pathname !== '/') return;
  if (url.search === location.search && url.hash) return;  // an anchor on this page: the browser scrolls
  event.preventDefault();
  navigate(url.href);
});

window.addEventListener('popstate', () => {
  if (location.search === renderedSearch) goToHash(true);
  else render({ focus: true });
});

render();
