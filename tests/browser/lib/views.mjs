/** @file The page's main views, each with the URL that opens it and how to tell it has finished rendering. */
import { waitForResults } from './harness.mjs';

export const VIEWS = {
  home: { path: '/', ready: (page) => page.waitForSelector('.pillar-card') },
  results: { path: '/?q=provider%20keeps%20timing%20out%20at%20peak', ready: waitForResults },
  pattern: {
    path: '/?pattern=circuit-breaker',
    ready: (page) => page.waitForSelector('article.pattern .pattern-section'),
  },
  pillar: { path: '/?browse=reliability', ready: (page) => page.waitForSelector('.pattern-list') },
  guide: { path: '/?guide=getting-started', ready: (page) => page.waitForSelector('article.guide .guide-section') },
  'case-study': {
    path: '/?case-study=pinterest-text-to-sql',
    ready: (page) => page.waitForSelector('article.case-study .guide-section table'),
  },
  path: { path: '/?path=rag-over-your-documents', ready: (page) => page.waitForSelector('.path-steps li') },
  graph: {
    path: '/?graph&q=provider%20keeps%20timing%20out%20at%20peak',
    ready: (page) => page.waitForFunction(() => document.querySelector('.graph-svg .node.hit')
      && /ringed/.test(document.querySelector('.graph-status')?.textContent || '')),
  },
  'graph-list': {
    path: '/?graph=list&q=provider%20keeps%20timing%20out%20at%20peak',
    ready: (page) => page.waitForFunction(() => document.querySelector('.graph-list .graph-item.hit')),
  },
  decide: {
    path: '/?decide=pain:reliability,hosting:hosted,scale:large',
    ready: (page) => page.waitForFunction(() => document.querySelector('.rec-body .rec')
      && !document.querySelector('.rec-body').hasAttribute('aria-busy')),
  },
};

/** Opens a view on @p page and waits until it is complete. */
export async function openView(site, page, name) {
  await page.goto(site.url(VIEWS[name].path));
  await VIEWS[name].ready(page);
}
