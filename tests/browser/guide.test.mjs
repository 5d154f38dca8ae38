/** @file Guides: Getting Started, Contributing and the Glossary, rendered from /v1/guides with working links. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, openSite, waitForHeading } from './lib/harness.mjs';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site.close(); });

test('every guide renders all of its sections', async () => {
  const { guides } = await api(site, '/v1/guides');
  assert.deepEqual(guides.map((g) => g.id), ['getting-started', 'contributing', 'glossary']);
  const page = await site.page();
  for (const summary of guides) {
    const guide = await api(site, `/v1/guides/${summary.id}`);
    await page.goto(site.url(`/?guide=${summary.id}`));
    await waitForHeading(page, 'article.guide h1', guide.title);
    const ids = await page.$$eval('.guide-section', (els) => els.map((s) => s.id));
    assert.deepEqual(ids, guide.sections.map((s) => s.id));
    assert.equal(await page.locator('.toc a[aria-current="page"]').textContent(), guide.title);
  }
});

test('links in guides lead to patterns and to other guides inside the page', async () => {
  const page = await site.page();
  await page.goto(site.url('/?guide=getting-started'));
  await page.waitForSelector('article.guide');
  assert.equal(await page.locator('article a[href$=".md"]').count(), 0);
  const toPattern = page.locator('.reader-body a[href="/?pattern=circuit-breaker"]').first();
  await toPattern.click();
  await waitForHeading(page, 'article.pattern h1', 'Circuit Breaker for LLMs');
  await page.goBack();
  await page.waitForSelector('article.guide');
  await page.locator('.reader-body a[href="/?guide=contributing"]').click();
  await waitForHeading(page, 'article.guide h1', 'Contributing');
});

test('Contributing explains what pattern-indexer --check enforces', async () => {
  const page = await site.page();
  await page.goto(site.url('/?guide=contributing'));
  await page.waitForSelector('#what-pattern-indexer-check-enforces');
  const text = await page.locator('#what-pattern-indexer-check-enforces').textContent();
  for (const rule of ['path:line', '--strict', 'pillar', 'evidence', 'last_reviewed', 'decision-guide.yaml']) {
    assert.ok(text.includes(rule), `missing ${rule}`);
  }
});
