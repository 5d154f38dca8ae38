/** @file Browsing: the home view lists the ten pillars with maturity counts; a pillar page lists its patterns. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, openSite } from './lib/harness.mjs';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site.close(); });

test('home lists the ten pillars with their descriptions and counts at each maturity', async () => {
  const { pillars } = await api(site, '/v1/pillars');
  const page = await site.page();
  await page.goto(site.url('/'));
  await page.waitForSelector('.pillar-card');
  const cards = await page.$$eval('.pillar-card', (els) => els.map((card) => ({
    name: card.querySelector('h3').textContent,
    href: card.querySelector('h3 a').getAttribute('href'),
    description: card.querySelector('p').textContent,
    counts: [...card.querySelectorAll('.maturity-counts .badge-count')].map((c) => Number(c.textContent)),
  })));
  assert.equal(cards.length, 10);
  cards.forEach((card, i) => {
    const pillar = pillars[i];
    assert.equal(card.name, pillar.name);
    assert.equal(card.href, `/?browse=${pillar.id}`);
    assert.equal(card.description, pillar.description);
    assert.deepEqual(card.counts, ['validated-in-production', 'emerging', 'proposed'].map((s) => pillar.by_status[s]));
  });
  assert.equal(await page.locator('.hero .example').count(), 6);
  // The Decision Guide, the pattern map and the three guides.
  assert.deepEqual(await page.$$eval('.start-card', (cards) => cards.map((c) => c.getAttribute('href'))),
    ['/?decide', '/?graph', '/?guide=getting-started', '/?guide=contributing', '/?guide=glossary']);
});

test('a pillar page lists every pattern of the pillar with its status, grouped by maturity', async () => {
  const { pillars } = await api(site, '/v1/pillars');
  const reliability = pillars.find((p) => p.id === 'reliability');
  const page = await site.page();
  await page.goto(site.url('/'));
  await page.waitForSelector('.pillar-card');
  await page.locator('.pillar-card h3 a', { hasText: reliability.name }).click();
  await page.waitForSelector('.pattern-list');
  assert.equal(new URL(page.url()).search, '?browse=reliability');
  assert.equal(await page.locator('.page-head h1').textContent(), reliability.name);
  const items = await page.$$eval('.pattern-list li', (els) => els.map((li) => ({
    href: li.querySelector('h3 a').getAttribute('href'), status: li.querySelector('.badge').className,
  })));
  assert.equal(items.length, reliability.patterns);
  const { hits } = await api(site, '/v1/search?pillar=reliability&limit=100');
  assert.deepEqual(items.map((i) => i.href).sort(), hits.map((h) => `/?pattern=${h.id}`).sort());
  const groups = await page.locator('.status-group h2').allTextContents();
  assert.equal(groups[0], `Validated in production (${reliability.by_status['validated-in-production']} patterns)`);
});

test('an unknown pillar shows a not-found page', async () => {
  const page = await site.page();
  await page.goto(site.url('/?browse=nope'));
  await page.waitForSelector('.error-view h1');
  assert.equal(await page.locator('.error-view h1').textContent(), 'Not found');
});
