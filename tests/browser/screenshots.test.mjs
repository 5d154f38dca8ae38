/** @file Screenshots of every view at desktop (1280) and phone (390) widths, for people to look at. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openSite, screenshot, VIEWPORTS } from './lib/harness.mjs';
import { openView, VIEWS } from './lib/views.mjs';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site.close(); });

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const colorScheme of ['light', 'dark']) {
    test(`screenshots at ${device} width in ${colorScheme} mode`, async () => {
      const page = await site.page({ viewport, colorScheme });
      for (const name of Object.keys(VIEWS)) {
        await openView(site, page, name);
        // Nothing may be wider than the screen: the 390 px layout must not scroll sideways.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the ${device} screen`);
        await screenshot(page, `${name}-${device}-${colorScheme}`);
      }
    });
  }
}
