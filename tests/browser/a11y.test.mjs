/** @file axe-core finds no WCAG 2.1 A/AA violations (contrast included) on any view, in light and in dark. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { openSite, VIEWPORTS } from './lib/harness.mjs';
import { openView, VIEWS } from './lib/views.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let site;
before(async () => { site = await openSite(); });
after(async () => { await site.close(); });

/** Runs axe in the page (evaluate is not subject to the page's Content-Security-Policy). */
async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    RULES);
  return result.violations.map((v) => {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ');
    return `${v.id} (${v.impact}): ${where}`;
  });
}

for (const colorScheme of ['light', 'dark']) {
  for (const name of Object.keys(VIEWS)) {
    test(`${name} view has no accessibility violations in ${colorScheme} mode`, async () => {
      const page = await site.page({ colorScheme });
      await openView(site, page, name);
      assert.deepEqual(await violations(page), []);
    });
  }
  test(`the phone layout of the results has no violations in ${colorScheme} mode`, async () => {
    const page = await site.page({ colorScheme, viewport: VIEWPORTS.phone });
    await openView(site, page, 'results');
    await page.locator('.filters summary').click();
    assert.deepEqual(await violations(page), []);
  });
}

test('the check itself fails on text without enough contrast', async () => {
  const page = await site.page();
  await openView(site, page, 'home');
  await page.evaluate(() => { document.querySelector('.lede').style.color = '#c8c8c8'; });
  assert.ok((await violations(page)).some((v) => v.startsWith('color-contrast')));
});
