/**
 * @file Mermaid diagrams: every ```mermaid block in the corpus's patterns is drawn as an SVG with an accessible name
 * and its source one click away, without a console error; mermaid loads only when a diagram nears the screen; a
 * diagram that cannot be drawn keeps its source on show.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { api, openSite, screenshot } from './lib/harness.mjs';

const PATTERNS_DIR = fileURLToPath(new URL('../../corpus/patterns/', import.meta.url));
const MERMAID = '/vendor/node_modules/mermaid/';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site.close(); });

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const corpusDiagrams = () => markdownFiles(PATTERNS_DIR)
  .reduce((n, file) => n + (readFileSync(file, 'utf8').match(/^ {0,3}```mermaid[ \t]*$/gm) || []).length, 0);

async function allPatternIds() {
  const ids = [];
  for (let offset = 0; ; offset += 100) {
    const { hits, total } = await api(site, `/v1/search?q=&limit=100&offset=${offset}`);
    ids.push(...hits.map((hit) => hit.id));
    if (!hits.length || ids.length >= total) return ids;
  }
}

/** A page that records console errors and requests for mermaid's files. */
async function watchedPage(options) {
  const page = await site.page(options);
  page.consoleErrors = [];
  page.mermaidRequests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.consoleErrors.push(message.text());
  });
  page.on('request', (request) => {
    if (request.url().includes(MERMAID)) page.mermaidRequests.push(request.url());
  });
  return page;
}

const figures = (page) => page.locator('figure.diagram:has(code.language-mermaid)');

/** Scrolls each Mermaid figure of the open pattern into view and waits until it is drawn (or failed). */
async function drawAll(page) {
  const count = await figures(page).count();
  for (let i = 0; i < count; i += 1) {
    const figure = figures(page).nth(i);
    await figure.scrollIntoViewIfNeeded();
    await figure.and(page.locator('[data-drawn]')).waitFor({ timeout: 20000 });
  }
  return count;
}

/** What each Mermaid figure on the page shows. */
const describeFigures = (page) => figures(page).evaluateAll((list) => list.map((figure) => {
  const svg = figure.querySelector('.diagram-svg > svg');
  return {
    drawn: figure.dataset.drawn,
    failure: figure.dataset.failure || '',
    svg: Boolean(svg),
    role: svg?.getAttribute('role'),
    label: svg?.getAttribute('aria-label') || '',
    wrapFocusable: figure.querySelector('.diagram-svg')?.tabIndex === 0,
    note: Boolean(figure.querySelector('.diagram-note')),
    summary: figure.querySelector('details.diagram-source > summary')?.textContent,
    source: figure.querySelector('details.diagram-source > pre')?.textContent || '',
    text: figure.querySelector('pre').textContent,
    drawing: svg ? svg.querySelectorAll('g').length : 0,
  };
}));

test('every Mermaid diagram in the corpus is drawn as an SVG with its source one click away', async (t) => {
  const expected = corpusDiagrams();
  assert.ok(expected >= 80, `only ${expected} mermaid blocks found under ${PATTERNS_DIR}`);
  const withDiagrams = [];
  for (const id of await allPatternIds()) {
    const pattern = await api(site, `/v1/patterns/${id}`);
    const blocks = pattern.sections.reduce((n, s) => n + (s.html.match(/class="language-mermaid"/g) || []).length, 0);
    if (blocks) withDiagrams.push({ id, blocks });
  }
  assert.equal(withDiagrams.reduce((n, p) => n + p.blocks, 0), expected, 'the API serves every block');

  const page = await watchedPage();
  let drawn = 0;
  const problems = [];  // every diagram's problems, reported together
  for (const { id, blocks } of withDiagrams) {
    await page.goto(site.url(`/?pattern=${id}`));
    await page.waitForSelector('article.pattern .pattern-section');
    assert.equal(await drawAll(page), blocks, `${id} shows every diagram`);
    for (const [i, figure] of (await describeFigures(page)).entries()) {
      const where = `${id}, diagram ${i + 1}`;
      if (figure.drawn !== 'svg') {
        const line = Number(/line (\d+)/.exec(figure.failure)?.[1]);
        problems.push(`${where} was not drawn: ${figure.failure} ${figure.text.split('\n')[line - 1]?.trim() ?? ''}`);
        continue;
      }
      assert.ok(figure.svg && figure.drawing > 0, `${where} has no SVG drawing`);
      assert.equal(figure.role, 'img', where);
      assert.match(figure.label, /\S: (flowchart|sequence diagram|state diagram|diagram)$/, where);
      assert.ok(figure.wrapFocusable, `${where} cannot be scrolled by keyboard`);
      assert.equal(figure.note, false, `${where} shows the failure note`);
      assert.equal(figure.summary, 'Mermaid source', where);
      assert.match(figure.source, /^(flowchart|graph|sequenceDiagram|stateDiagram)/, where);
      drawn += 1;
    }
    if (page.consoleErrors.length) problems.push(`console errors on ${id}: ${page.consoleErrors.join('; ')}`);
    page.consoleErrors.length = 0;
  }
  assert.deepEqual(problems, []);
  t.diagnostic(`${drawn} diagrams drawn in ${withDiagrams.length} patterns`);
  assert.equal(drawn, expected);
  await page.close();
});

test('mermaid loads only when a diagram comes near the screen', async () => {
  const page = await watchedPage();
  await page.goto(site.url('/'));
  await page.waitForSelector('.pillar-card');
  await page.goto(site.url('/?pattern=circuit-breaker'));
  await page.waitForSelector('article.pattern .pattern-section');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(page.mermaidRequests, [], 'the first screens load no mermaid');
  await drawAll(page);
  assert.ok(page.mermaidRequests.some((url) => url.endsWith('/mermaid.esm.min.mjs')));
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a diagram follows a change of colour scheme', async () => {
  const page = await watchedPage();
  await page.goto(site.url('/?pattern=circuit-breaker#how-it-works'));
  await page.waitForSelector('#how-it-works figure.diagram[data-drawn="svg"]');
  const first = await page.locator('#how-it-works .diagram-svg svg').getAttribute('id');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction((id) => {
    const svg = document.querySelector('#how-it-works .diagram-svg svg');
    return svg && svg.id !== id;
  }, first);
  assert.equal(await page.locator('#how-it-works .diagram-svg').count(), 1);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a diagram that cannot be drawn keeps its source on show, with a note', async () => {
  const page = await watchedPage();
  await page.route('**/v1/patterns/circuit-breaker', async (route) => {
    const response = await route.fetch();
    const pattern = await response.json();
    for (const section of pattern.sections) {
      section.html = section.html.replace(/(<code class="language-mermaid">)stateDiagram-v2/,
        '$1stateDiagram-v2\n  [*] --&gt;&gt;&gt; }{');
    }
    await route.fulfill({ response, json: pattern });
  });
  await page.goto(site.url('/?pattern=circuit-breaker#how-it-works'));
  const figure = page.locator('#how-it-works figure.diagram');
  await figure.and(page.locator('[data-drawn]')).waitFor();
  assert.equal(await figure.getAttribute('data-drawn'), 'failed');
  assert.equal(await figure.locator('.diagram-note').textContent(),
    'This diagram could not be drawn; its source is below.');
  assert.equal(await figure.locator('svg').count(), 0);
  assert.ok(await figure.locator(':scope > pre').isVisible(), 'the source is on show');
  await page.close();
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

for (const colorScheme of ['light', 'dark']) {
  test(`drawn diagrams have no accessibility violations in ${colorScheme} mode`, async () => {
    const page = await watchedPage({ colorScheme });
    // A flowchart, a sequence diagram and a state diagram.
    for (const id of ['hybrid-search', 'replayable-request-log', 'circuit-breaker']) {
      await page.goto(site.url(`/?pattern=${id}`));
      await page.waitForSelector('article.pattern .pattern-section');
      await drawAll(page);
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => window.axe.run('figure.diagram', {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      }));
      const found = result.violations.map((v) => `${v.id}: ${v.nodes[0].any[0]?.message || ''} at `
        + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
      assert.deepEqual(found, [], id);
    }
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });
}

for (const [name, options] of Object.entries({
  'desktop-light': { colorScheme: 'light' },
  'desktop-dark': { colorScheme: 'dark' },
  'phone-light': { colorScheme: 'light', viewport: { width: 390, height: 844 } },
  'phone-dark': { colorScheme: 'dark', viewport: { width: 390, height: 844 } },
})) {
  test(`screenshot of a reader with a diagram: ${name}`, async () => {
    const page = await watchedPage(options);
    await page.goto(site.url('/?pattern=hybrid-search#how-it-works'));
    const figure = page.locator('#how-it-works figure.diagram').first();
    await figure.and(page.locator('[data-drawn="svg"]')).waitFor();
    // However wide the diagram, the page itself never scrolls sideways: the diagram scrolls inside its frame.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    const frame = await figure.locator('.diagram-svg').evaluate((el) => el.getBoundingClientRect().right);
    assert.ok(frame <= (options.viewport?.width ?? 1280), 'the frame fits the screen');
    await figure.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, `diagram-${name}`);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });
}
