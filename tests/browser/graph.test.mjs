/**
 * @file The pattern map (/?graph): every pattern and Related Patterns link from /v1/graph drawn, hover and focus
 * light a pattern's neighbours, a click opens it, the filters and the search's hits apply, the keyboard moves
 * between patterns, the list view holds the same data, and a 1,000-pattern library still draws and answers.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, openSite, waitForHeading } from './lib/harness.mjs';

const QUERY = 'provider keeps timing out at peak';

let site;
let graph;
let pillarNames;
before(async () => {
  site = await openSite();
  graph = await api(site, '/v1/graph');
  pillarNames = new Map((await api(site, '/v1/pillars')).pillars.map((p) => [p.id, p.name]));
});
after(async () => { await site.close(); });

const mapReady = (page) => page.waitForSelector('.graph-svg .node');
const neighboursOf = (id) => graph.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : []));
const ids = (page, selector) => page.$$eval(selector, (els) => els.map((el) => el.dataset.id).sort());
const titleOf = (id) => graph.nodes.find((n) => n.id === id).title;
const ringed = async (q) => (await api(site, `/v1/search?q=${encodeURIComponent(q)}&limit=10`)).hits;
const mostLinked = () => graph.nodes.map((n) => n.id).sort((a, b) => neighboursOf(b).length - neighboursOf(a).length)[0];

test('the map draws every pattern once and every link once', async () => {
  const page = await site.page();
  await page.goto(site.url('/?graph'));
  await mapReady(page);
  assert.deepEqual(await ids(page, '.graph-svg .node'), graph.nodes.map((n) => n.id).sort());
  assert.equal(await page.locator('.graph-svg .edge').count(), graph.edges.length);
  assert.ok(graph.edges.length >= graph.nodes.length, 'the corpus links its patterns');
  // Colour by pillar, shape by status: each node carries both, and its label says both in words.
  const breaker = page.locator('.node[data-id="circuit-breaker"]');
  assert.match(await breaker.getAttribute('class'), /pc-\d st-validated-in-production/);
  assert.equal(await breaker.getAttribute('aria-label'), `${titleOf('circuit-breaker')}: ${pillarNames.get('reliability')}, `
    + `Validated in production, ${neighboursOf('circuit-breaker').length} links`);
  assert.equal(await page.locator('.graph-filters input[name="pillar"]').count(), 10);
  assert.match(await page.locator('.graph-status').textContent(), new RegExp(`Showing ${graph.nodes.length} of`));
});

test('pointing at a pattern lights it and exactly its neighbours, and the panel lists them', async () => {
  const page = await site.page();
  await page.goto(site.url('/?graph'));
  await mapReady(page);
  const id = mostLinked();
  await page.locator(`.node[data-id="${id}"]`).hover({ force: true });
  await page.waitForSelector('.graph-svg.lighting');
  assert.deepEqual(await ids(page, '.node.lit:not(.centre)'), neighboursOf(id).sort());
  assert.equal(await page.locator('.edge.lit').count(), neighboursOf(id).length);
  const title = titleOf(id);
  assert.equal(await page.locator('.graph-selected h2').textContent(), title);
  assert.equal(await page.locator('.graph-selected .graph-links li').count(), neighboursOf(id).length);
  assert.equal(await page.locator('.node-label').textContent(), title);
});

test('clicking a pattern opens it', async () => {
  const page = await site.page();
  await page.goto(site.url('/?graph'));
  await mapReady(page);
  await page.locator('.node[data-id="circuit-breaker"]').click({ force: true });
  await waitForHeading(page, 'article.pattern h1', titleOf('circuit-breaker'));
  assert.equal(new URL(page.url()).searchParams.get('pattern'), 'circuit-breaker');
});

test('pillar and status filters leave only their patterns and the links between them', async () => {
  const page = await site.page();
  await page.goto(site.url('/?graph'));
  await mapReady(page);
  await page.locator('label[for="g-pillar-reliability"]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('pillar') === 'reliability');
  await page.locator('label[for="g-status-emerging"]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('status') === 'emerging');
  const expected = graph.nodes.filter((n) => n.pillar === 'reliability' && n.status === 'emerging').map((n) => n.id);
  assert.ok(expected.length > 0);
  await page.waitForFunction((n) => document.querySelectorAll('.node:not(.out)').length === n, expected.length);
  assert.deepEqual(await ids(page, '.node:not(.out)'), expected.sort());
  const inside = graph.edges.filter((e) => expected.includes(e.source) && expected.includes(e.target));
  assert.equal(await page.locator('.edge:not(.out)').count(), inside.length);
  assert.ok(new URL(page.url()).searchParams.has('graph'), 'the filters keep the map on screen');
  // A value's count is what ticking it would show with the other filter as it is.
  const count = graph.nodes.filter((n) => n.pillar === 'data-patterns' && n.status === 'emerging').length;
  assert.equal((await page.locator('label[for="g-pillar-data-patterns"] .count').textContent()).trim(), String(count));
});

test("the search's ten best answers are ringed and listed, and typing on the map keeps the map", async () => {
  const page = await site.page();
  await page.goto(site.url(`/?graph&q=${encodeURIComponent(QUERY)}`));
  await page.waitForSelector('.graph-svg.has-hits .node.hit');
  const hits = await ringed(QUERY);
  assert.equal(hits.length, 10);
  assert.deepEqual(await ids(page, '.node.hit'), hits.map((hit) => hit.id).sort());
  const listed = await page.$$eval('.graph-hits li a', (links) => links.map((a) => a.textContent));
  assert.deepEqual(listed, hits.map((hit) => hit.title));

  await page.locator('#q').fill('');
  await page.locator('#q').pressSequentially('prompt injection', { delay: 10 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'prompt injection');
  const injection = await ringed('prompt injection');
  await page.waitForFunction((first) => document.querySelector('.graph-hits li a')?.textContent === first,
    injection[0].title);
  assert.ok(new URL(page.url()).searchParams.has('graph'));
  assert.deepEqual(await ids(page, '.node.hit'), injection.map((hit) => hit.id).sort());
});

test('a search links to the same search on the map, with its filters', async () => {
  const page = await site.page();
  await page.goto(site.url(`/?q=${encodeURIComponent(QUERY)}&pillar=reliability`));
  await page.locator('.map-link a').click();
  await page.waitForSelector('.graph-svg.has-hits .node.hit');
  const params = new URL(page.url()).searchParams;
  assert.ok(params.has('graph'));
  assert.equal(params.get('q'), QUERY);
  assert.equal(params.get('pillar'), 'reliability');
  assert.ok(await page.locator('#g-pillar-reliability').isChecked());
  assert.deepEqual(await ids(page, '.node.hit'), (await ringed(QUERY)).map((hit) => hit.id).sort());
});

test('the keyboard reaches the map once, moves between patterns with the arrows and opens one with Enter', async () => {
  const page = await site.page();
  await page.goto(site.url('/?graph'));
  await mapReady(page);
  assert.equal(await page.locator('.node[tabindex="0"]').count(), 1, 'one tab stop for the whole map');
  await page.locator('#g-status-proposed').focus();  // the last filter, just before the map
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.dataset.id);
  assert.ok(first, 'Tab from the filters enters the map');
  await page.waitForFunction((id) => document.querySelector('.node.centre')?.dataset.id === id, first);
  const seen = new Set([first]);
  for (const key of ['ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown']) {
    await page.keyboard.press(key);
    seen.add(await page.evaluate(() => document.activeElement.dataset.id));
  }
  assert.ok(seen.size >= 3, `the arrows moved focus across the map (visited ${[...seen].join(', ')})`);
  const at = await page.evaluate(() => document.activeElement.dataset.id);
  assert.equal(await page.locator('.node.centre').getAttribute('data-id'), at, 'focus lights the pattern');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.graph-svg.lighting'));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'list view', 'one Tab leaves the map');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), at, 'and Shift+Tab comes back to it');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => new URLSearchParams(location.search).get('pattern') === id, at);
});

test('the list view holds the same patterns and links as text', async () => {
  const page = await site.page();
  await page.goto(site.url(`/?graph&q=${encodeURIComponent(QUERY)}`));
  await mapReady(page);
  await page.locator('.graph-modes a', { hasText: 'List' }).click();
  await page.waitForSelector('.graph-list .graph-item');
  assert.equal(new URLSearchParams(new URL(page.url()).search).get('graph'), 'list');
  assert.equal(await page.locator('.graph-list .graph-item').count(), graph.nodes.length);
  assert.equal(await page.locator('.graph-list h2').count(), 10);
  const item = page.locator('.graph-item').filter({ has: page.locator(`> a[href="/?pattern=circuit-breaker"]`) });
  assert.equal(await item.locator('p a').count(), neighboursOf('circuit-breaker').length);
  const hits = await ringed(QUERY);
  assert.deepEqual(await page.$$eval('.graph-item.hit > a', (links) => links.map((a) => a.textContent).sort()),
    hits.map((hit) => hit.title).sort());
});

test('a library of 1,000 patterns draws every node and lights neighbours', async () => {
  const large = await openSite({ index: process.env.PAI_LARGE_INDEX });
  try {
    const big = await api(large, '/v1/graph');
    assert.ok(big.nodes.length >= 900, `the large index holds ${big.nodes.length} patterns`);
    const page = await large.page();
    const started = Date.now();
    await page.goto(large.url('/?graph'));
    await page.waitForFunction((n) => document.querySelectorAll('.graph-svg .node').length === n, big.nodes.length);
    console.log(`# map of ${big.nodes.length} patterns and ${big.edges.length} links on screen in ${Date.now() - started} ms`);
    assert.equal(await page.locator('.graph-svg .edge').count(), big.edges.length);
    const id = big.nodes[0].id;
    await page.locator(`.node[data-id="${id}"]`).hover({ force: true });
    const expected = big.edges.filter((e) => e.source === id || e.target === id).length;
    await page.waitForFunction((n) => document.querySelectorAll('.edge.lit').length === n, expected);
    // Every node lies inside the drawing: nothing was placed off the map.
    const outside = await page.evaluate(() => {
      const box = document.querySelector('.graph-svg').viewBox.baseVal;
      return [...document.querySelectorAll('.node circle')].filter((c) => {
        const [x, y] = [c.cx.baseVal.value, c.cy.baseVal.value];
        return x < box.x || y < box.y || x > box.x + box.width || y > box.y + box.height;
      }).length;
    });
    assert.equal(outside, 0);
  } finally {
    await large.close();
  }
});
