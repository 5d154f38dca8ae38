/** @file Search as you type: ranking of typed problems, facets, suggestions, "did you mean", deep links, history. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, hitIds, openSite, typeQuery, waitForResults } from './lib/harness.mjs';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site.close(); });

const facetCounts = (page, facet) => page.$$eval(`.facet-${facet} .facet-option`, (options) =>
  Object.fromEntries(options.map((o) => [o.dataset.value, Number(o.querySelector('.count').textContent)])));

for (const [problem, expected] of [
  ['breaker to stop calling a failing provider', 'circuit-breaker'],
  ['who is spending our tokens', 'cost-attribution'],
  ['the agent never stops calling tools', 'agent-loop-guard'],
  ['model returns invalid JSON', 'structured-output-enforcement'],
  ['responses cite documents that do not support them', 'citation-verification'],
]) {
  test(`typing "${problem}" puts ${expected} in the top three`, async () => {
    const page = await site.page();
    await page.goto(site.url('/'));
    await typeQuery(page, problem);
    const top = (await hitIds(page)).slice(0, 3);
    assert.ok(top.includes(expected), `top three were ${top.join(', ')}`);
    const ranked = await api(site, `/v1/search?q=${encodeURIComponent(problem)}&limit=3`);
    assert.deepEqual(top, ranked.hits.map((h) => h.id));  // the page shows the engine's order
  });
}

test('a result whose symptom the query echoes quotes it', async () => {
  const problem = 'provider is half down and our workers pile up waiting';
  const ranked = await api(site, `/v1/search?q=${encodeURIComponent(problem)}&limit=10`);
  const echoed = ranked.hits.filter((h) => h.symptom);
  assert.ok(echoed.length > 0, 'the engine quotes at least one symptom');
  const page = await site.page();
  await page.goto(site.url(`/?q=${encodeURIComponent(problem)}`));
  await waitForResults(page);
  const shown = await page.$$eval('.hit', (hits) => hits.map((h) => h.querySelector('.hit-symptom q')?.textContent ?? null));
  assert.deepEqual(shown.slice(0, ranked.hits.length), ranked.hits.map((h) => h.symptom ?? null));
});

test('each result shows title, pillar, status badge, best section and a highlighted snippet', async () => {
  const page = await site.page();
  await page.goto(site.url('/?q=circuit%20breaker'));
  await waitForResults(page);
  const first = page.locator('.hit').first();
  assert.equal(await first.locator('.hit-title a').textContent(), 'Circuit Breaker for LLMs');
  assert.equal(await first.locator('.hit-pillar').textContent(), 'Reliability & Resilience');
  assert.equal(await first.locator('.badge').textContent(), 'Validated in production');
  assert.match(await first.locator('.hit-section').textContent(), /^Best match: \S/);
  assert.ok(await first.locator('.snippet mark').count() > 0);
  const href = await first.locator('.hit-title a').getAttribute('href');
  assert.match(href, /^\/\?pattern=circuit-breaker#[a-z-]+$/);
});

test('suggestions come from /v1/suggest as you type', async () => {
  const page = await site.page();
  await page.goto(site.url('/'));
  await typeQuery(page, 'circ');
  const suggestions = await page.locator('.suggestions a').allTextContents();
  assert.ok(suggestions.includes('Circuit Breaker for LLMs'), suggestions.join(' | '));
  const expected = await api(site, '/v1/suggest?q=circ&limit=6');
  assert.ok(expected.suggestions.some((s) => s.text === 'Circuit Breaker for LLMs'));
});

test('a facet click changes the results and the counts, and several values combine', async () => {
  const page = await site.page();
  await page.goto(site.url('/'));
  await typeQuery(page, 'retries');
  const before = {
    ids: await hitIds(page),
    status: await facetCounts(page, 'status'),
    total: await page.locator('.result-status').textContent(),
  };

  await page.locator('#f-pillar-reliability').check();
  await page.waitForFunction(() => location.search.includes('pillar=reliability'));
  await waitForResults(page);
  const pillars = await page.$$eval('.hit-pillar', (els) => [...new Set(els.map((e) => e.textContent))]);
  assert.deepEqual(pillars, ['Reliability & Resilience']);
  assert.notDeepEqual(await hitIds(page), before.ids);
  assert.notDeepEqual(await facetCounts(page, 'status'), before.status);
  assert.notEqual(await page.locator('.result-status').textContent(), before.total);
  // The pillar facet still counts the other pillars, so a second one can be added.
  const pillarCounts = await facetCounts(page, 'pillar');
  assert.ok(pillarCounts['cost-and-efficiency'] > 0);

  await page.locator('#f-pillar-cost-and-efficiency').check();
  await page.waitForFunction(() => location.search.includes('pillar=reliability,cost-and-efficiency'));
  await waitForResults(page);
  const both = await page.$$eval('.hit-pillar', (els) => [...new Set(els.map((e) => e.textContent))].sort());
  assert.deepEqual(both, ['Cost & Efficiency', 'Reliability & Resilience']);
  const expected = await api(site, '/v1/search?q=retries&pillar=reliability,cost-and-efficiency&limit=20');
  assert.deepEqual(await hitIds(page), expected.hits.map((h) => h.id));
});

test('a deep link restores its view, and back and forward work', async () => {
  const page = await site.page();
  await page.goto(site.url('/?q=timeouts&pillar=reliability&status=validated-in-production'));
  await waitForResults(page);
  assert.equal(await page.locator('#q').inputValue(), 'timeouts');
  assert.ok(await page.locator('#f-pillar-reliability').isChecked());
  assert.ok(await page.locator('#f-status-validated-in-production').isChecked());
  const badges = await page.$$eval('.hit .badge', (els) => [...new Set(els.map((e) => e.textContent))]);
  assert.deepEqual(badges, ['Validated in production']);
  const ids = await hitIds(page);

  await page.locator('.hit-title a').first().click();
  await page.waitForSelector('article.pattern h1');
  assert.match(page.url(), new RegExp(`\\?pattern=${ids[0]}#`));
  await page.goBack();
  await waitForResults(page);
  assert.deepEqual(await hitIds(page), ids);
  assert.ok(await page.locator('#f-status-validated-in-production').isChecked());
  await page.goForward();
  await page.waitForSelector('article.pattern h1');
  assert.equal(new URL(page.url()).searchParams.get('pattern'), ids[0]);
});

test('a result opens its pattern at the best section', async () => {
  const page = await site.page();
  await page.goto(site.url('/?q=agent%20looped'));
  await waitForResults(page);
  const href = await page.locator('.hit-title a').first().getAttribute('href');
  const section = href.split('#')[1];
  await page.locator('.hit-title a').first().click();
  await page.waitForSelector(`section#${section}`);
  await page.waitForFunction((id) => {
    const box = document.getElementById(id).getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight / 2;
  }, section);
});

test('a misspelling gets "did you mean" and no match gets a helpful empty state', async () => {
  const page = await site.page();
  await page.goto(site.url('/'));
  await typeQuery(page, 'circiut braeker');
  assert.match(await page.locator('.did-you-mean').textContent(), /^Did you mean circuit breaker\?$/);

  await typeQuery(page, 'zzqxv');
  assert.match(await page.locator('.empty-title').textContent(), /No pattern matches/);
  assert.ok(await page.locator('.empty .example').count() >= 3);
  assert.equal(await page.locator('.empty a[href="/?decide"]').count(), 1);
});

test('clearing the box returns to the home view', async () => {
  const page = await site.page();
  await page.goto(site.url('/?q=cache'));
  await waitForResults(page);
  await page.locator('#q').fill('');
  await page.waitForFunction(() => location.search === '' && document.querySelector('.pillar-grid'));
});
