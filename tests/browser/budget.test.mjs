/**
 * @file Speed and stability: the first load of each entry view is at most 40 KB gzipped in total, nothing is
 * requested from another origin, nothing fails to load, and nothing shifts as results arrive.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { openSite, typeQuery } from './lib/harness.mjs';
import { openView } from './lib/views.mjs';

const BUDGET_BYTES = 40 * 1024;

let site;
before(async () => { site = await openSite(); });
after(async () => { await site.close(); });

for (const name of ['home', 'results', 'pattern', 'decide']) {
  test(`the first load of the ${name} view stays within 40 KB gzipped, all from 127.0.0.1`, async (t) => {
    const page = await site.page();
    const responses = [];
    page.on('response', (response) => responses.push(response));
    await openView(site, page, name);
    await page.waitForLoadState('networkidle');
    let total = 0;
    for (const response of responses) {
      assert.ok(response.status() < 400, `${response.url()} answered ${response.status()}`);
      assert.ok(response.url().startsWith(`${site.base}/`), `${response.url()} is not on the daemon`);
      total += gzipSync(await response.body(), { level: 9 }).length;
    }
    t.diagnostic(`${name}: ${responses.length} requests, ${(total / 1024).toFixed(1)} KB gzipped`);
    assert.ok(total <= BUDGET_BYTES, `${name} loads ${total} bytes gzipped`);
  });
}

test('no layout shifts while a deep-linked view renders', async () => {
  for (const name of ['home', 'results', 'pattern', 'pillar', 'guide', 'decide']) {
    const page = await site.page();
    await page.addInitScript(() => {
      window.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.layoutShift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await openView(site, page, name);
    await page.waitForTimeout(200);
    const shift = await page.evaluate(() => window.layoutShift);
    assert.ok(shift < 0.01, `${name} shifted by ${shift}`);
  }
});

test('results arriving while typing move nothing already on screen', async () => {
  const page = await site.page();
  await page.goto(site.url('/'));
  await typeQuery(page, 'retry');
  const boxes = () => page.evaluate(() => Object.fromEntries(['#q', '.facet-panel', '.result-status', '.hits']
    .map((selector) => [selector, document.querySelector(selector).getBoundingClientRect().top])));
  const first = await boxes();
  await page.locator('#q').pressSequentially(' storms at peak', { delay: 15 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'retry storms at peak');
  await page.waitForFunction(() => !document.querySelector('.results').hasAttribute('aria-busy'));
  assert.deepEqual(await boxes(), first);
});
