/** @file Keyboard alone: "/" focuses search, arrows move through results, Enter opens, focus stays visible. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hitIds, openSite, waitForResults } from './lib/harness.mjs';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site.close(); });

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { id: el.id, tag: el.tagName, text: el.textContent.trim(), href: el.getAttribute('href') };
});

test('"/" focuses search, arrows move through results and Enter opens the pattern', async () => {
  const page = await site.page();
  await page.goto(site.url('/'));
  await page.waitForSelector('.pillar-grid');
  await page.keyboard.press('/');
  assert.equal((await focused(page)).id, 'q');
  await page.keyboard.type('retry storms', { delay: 15 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'retry storms');
  await waitForResults(page);
  const ids = await hitIds(page);
  assert.ok(ids.length >= 3);

  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).id, 'hit-0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).id, 'hit-2');
  await page.keyboard.press('ArrowUp');
  const chosen = await focused(page);
  assert.equal(chosen.id, 'hit-1');
  // The focused result is visibly outlined.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');

  await page.keyboard.press('Enter');
  await page.waitForSelector('article.pattern h1');
  assert.equal(new URL(page.url()).searchParams.get('pattern'), ids[1]);
  // Focus lands on the section the result pointed at, so reading can continue from the keyboard.
  const section = new URL(page.url()).hash.slice(1);
  assert.equal((await focused(page)).id, `h-${section}`);
});

test('ArrowUp from the first result and Escape return to the search box', async () => {
  const page = await site.page();
  await page.goto(site.url('/?q=cache'));
  await waitForResults(page);
  await page.locator('#q').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).id, 'hit-0');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused(page)).id, 'q');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  assert.equal((await focused(page)).id, 'q');
});

test('"/" typed inside the search box is text, not a shortcut', async () => {
  const page = await site.page();
  await page.goto(site.url('/'));
  await page.locator('#q').focus();
  await page.keyboard.type('a/b');
  assert.equal(await page.locator('#q').inputValue(), 'a/b');
});

test('the skip link comes first and facets toggle with the keyboard', async () => {
  const page = await site.page();
  await page.goto(site.url('/?q=latency'));
  await waitForResults(page);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Skip to content');
  await page.locator('#f-status-emerging').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => location.search.includes('status=emerging'));
  await waitForResults(page);
  const badges = await page.$$eval('.hit .badge', (els) => [...new Set(els.map((e) => e.textContent))]);
  assert.deepEqual(badges, ['Emerging']);
  assert.equal((await focused(page)).id, 'f-status-emerging');
});

test('the Decision Guide is answered with the keyboard alone', async () => {
  const page = await site.page();
  await page.goto(site.url('/?decide'));
  await page.waitForSelector('.question');
  await page.locator('#a-pain-cost').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => location.search === '?decide=pain:cost');
  await page.waitForSelector('.rec');
  await page.keyboard.press('ArrowRight');  // radio groups move by arrow
  await page.waitForFunction(() => location.search === '?decide=pain:latency');
  assert.ok(await page.locator('#a-pain-latency').isChecked());
});
