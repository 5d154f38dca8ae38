/** @file The Decision Guide: answers by clicking, recommendations with reasons and caveats, a shareable URL. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, openSite } from './lib/harness.mjs';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site.close(); });

const recommendations = (page) => page.$$eval('.rec', (items) => items.map((li) => ({
  id: new URL(li.querySelector('h3 a').href).searchParams.get('pattern'),
  reasons: [...li.querySelectorAll('.reasons li')].map((r) => r.textContent),
  caveat: li.querySelector('.caveat')?.textContent || '',
  badge: li.querySelector('.badge')?.textContent || '',
})));

async function waitForRecommendations(page, answers) {
  await page.waitForFunction((text) => location.search === `?decide=${text}`, answers);
  await page.waitForFunction(() => {
    const body = document.querySelector('.rec-body');
    return body && !body.hasAttribute('aria-busy') && body.querySelector('.rec');
  });
}

test('the guide asks four to seven questions, each answered by clicking', async () => {
  const guide = await api(site, '/v1/decision-guide');
  const page = await site.page();
  await page.goto(site.url('/'));
  await page.locator('.site-nav a', { hasText: 'Decision Guide' }).click();
  await page.waitForSelector('.question');
  const legends = await page.locator('.question legend').allTextContents();
  assert.ok(legends.length >= 4 && legends.length <= 7);
  assert.deepEqual(legends, guide.questions.map((q, i) => `${i + 1}. ${q.text}`));
  assert.match(await page.locator('.rec-body').textContent(), /Answer any question/);
});

test('a path through the guide gives ranked recommendations with reasons and caveats', async () => {
  const page = await site.page();
  await page.goto(site.url('/?decide'));
  await page.waitForSelector('.question');
  await page.locator('label[for="a-pain-reliability"]').click();
  await waitForRecommendations(page, 'pain:reliability');
  await page.locator('label[for="a-hosting-hosted"]').click();
  await page.locator('label[for="a-scale-large"]').click();
  await waitForRecommendations(page, 'pain:reliability,hosting:hosted,scale:large');

  const shown = await recommendations(page);
  const expected = await api(site, '/v1/recommend?answers=pain:reliability,hosting:hosted,scale:large');
  assert.deepEqual(shown.map((r) => r.id), expected.recommendations.map((r) => r.id));
  assert.ok(shown.length >= 5);
  // The two patterns a hosted provider's outages at scale call for first.
  assert.ok(['circuit-breaker', 'fallback-chain'].includes(shown[0].id), shown[0].id);
  for (const item of shown) {
    assert.ok(item.reasons.length > 0, `${item.id} has no reason`);
    assert.match(item.caveat, /^When not to use it: \S/, `${item.id} has no caveat`);
    assert.ok(item.badge.length > 0);
  }
  assert.ok(shown[0].reasons.includes('Reliability is what hurts most'));
});

test('rule-outs are listed with their reasons and never recommended', async () => {
  const page = await site.page();
  await page.goto(site.url('/?decide=pain:reliability,scale:prototype'));
  await page.waitForSelector('.ruled-out');
  const ids = (await recommendations(page)).map((r) => r.id);
  assert.ok(!ids.includes('circuit-breaker'));
  await page.locator('.ruled-out summary').click();
  const ruled = await page.locator('.ruled-out li').allTextContents();
  const breaker = ruled.find((text) => text.startsWith('Circuit Breaker for LLMs: '));
  assert.ok(breaker?.includes('window'), ruled.join(' | '));
});

test('the result has a shareable URL that restores the answers and the recommendations', async () => {
  const answers = 'pain:cost,shape:rag,data:regulated';
  const first = await site.page();
  await first.goto(site.url(`/?decide=${answers}`));
  await waitForRecommendations(first, answers);
  const before = await recommendations(first);
  assert.equal(await first.locator('.share a').getAttribute('href'), `/?decide=${answers}`);

  const second = await site.page();
  await second.goto(site.url(`/?decide=${answers}`));
  await waitForRecommendations(second, answers);
  assert.deepEqual(await recommendations(second), before);
  for (const id of ['a-pain-cost', 'a-shape-rag', 'a-data-regulated']) {
    assert.ok(await second.locator(`#${id}`).isChecked(), id);
  }

  await second.locator('label[for="a-pain-latency"]').click();
  await waitForRecommendations(second, 'pain:latency,shape:rag,data:regulated');
  await second.locator('.share a').click();
  assert.equal(new URL(second.url()).search, '?decide=pain:latency,shape:rag,data:regulated');
});
