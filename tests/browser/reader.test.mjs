/** @file The pattern reader: every section, status and evidence, anchors, diagrams, related links, source path. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, openSite, waitForHeading } from './lib/harness.mjs';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site.close(); });

async function openPattern(id, hash = '') {
  const page = await site.page();
  await page.goto(site.url(`/?pattern=${id}${hash}`));
  await page.waitForSelector('article.pattern h1');
  return page;
}

test('the reader renders every section of the pattern, in order, with anchors', async () => {
  const pattern = await api(site, '/v1/patterns/circuit-breaker');
  const page = await openPattern('circuit-breaker');
  assert.equal(await page.locator('article.pattern h1').textContent(), pattern.title);
  const sections = await page.$$eval('.pattern-section', (els) => els.map((s) => ({
    id: s.id, heading: s.querySelector('h2').textContent, length: s.textContent.length,
  })));
  assert.deepEqual(sections.map((s) => s.id), pattern.sections.map((s) => s.id));
  assert.deepEqual(sections.map((s) => s.heading), pattern.sections.map((s) => s.title));
  assert.equal(sections.length, 11);  // the eleven required sections, Failure Modes among them
  for (const section of sections) assert.ok(section.length > 80, `${section.id} looks empty`);
  const toc = await page.$$eval('.toc ol a', (links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(toc, pattern.sections.map((s) => `#${s.id}`));
});

test('status, evidence, tags and the source path are shown', async () => {
  const pattern = await api(site, '/v1/patterns/circuit-breaker');
  const page = await openPattern('circuit-breaker');
  assert.equal(await page.locator('.page-head .badge').textContent(), 'Validated in production');
  const evidence = await page.$$eval('.evidence li a', (links) => links.map((a) => a.href));
  assert.deepEqual(evidence, pattern.evidence.map((e) => e.url));
  assert.deepEqual(await page.locator('.tags a').allTextContents(), pattern.tags);
  assert.equal(await page.locator('.page-head .source code').textContent(), pattern.path);
  assert.match(pattern.path, /^corpus\/patterns\/reliability\/circuit-breaker\.md$/);
});

test('the symptoms are listed under "Sounds like your problem?"', async () => {
  const pattern = await api(site, '/v1/patterns/circuit-breaker');
  assert.ok(pattern.symptoms.length > 0, 'the bundled circuit breaker lists symptoms');
  const page = await openPattern('circuit-breaker');
  assert.equal(await page.locator('.symptoms-title').textContent(), 'Sounds like your problem?');
  assert.deepEqual(await page.locator('.symptoms li').allTextContents(), pattern.symptoms.map((s) => `\u201c${s}\u201d`));
});

test('related patterns are links into the reader, and following one opens it', async () => {
  const pattern = await api(site, '/v1/patterns/circuit-breaker');
  const page = await openPattern('circuit-breaker');
  const inSection = await page.$$eval('#related-patterns a', (links) => links.map((a) => a.getAttribute('href')));
  assert.ok(inSection.length >= 3);
  for (const href of inSection) assert.match(href, /^\/\?pattern=[a-z0-9-]+$/);
  const sidebar = await page.$$eval('.toc-related a', (links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(sidebar, pattern.related.map((r) => `/?pattern=${r.id}`));
  // No link anywhere still points at a Markdown file.
  assert.equal(await page.locator('article a[href$=".md"]').count(), 0);

  const target = new URL(site.url(inSection[0])).searchParams.get('pattern');
  const expected = await api(site, `/v1/patterns/${target}`);
  await page.locator('#related-patterns a').first().click();
  await waitForHeading(page, 'article.pattern h1', expected.title);
  assert.equal(new URL(page.url()).searchParams.get('pattern'), target);
});

test('a diagram keeps its source as text, and code blocks scroll by keyboard', async () => {
  const page = await openPattern('circuit-breaker', '#how-it-works');
  const caption = await page.locator('#how-it-works figure.diagram figcaption').textContent();
  assert.equal(caption, 'Diagram');
  assert.match(await page.locator('#how-it-works figure.diagram pre').textContent(), /stateDiagram-v2/);
  const unfocusable = await page.$$eval('pre', (blocks) => blocks.filter((b) => b.tabIndex !== 0).length);
  assert.equal(unfocusable, 0);
});

test('the Tool Landscape table is a real table with a row per tool', async () => {
  const pattern = await api(site, '/v1/patterns/circuit-breaker');
  const markdown = pattern.sections.find((s) => s.id === 'tool-landscape').markdown;
  const rows = markdown.split('\n').filter((line) => line.startsWith('|')).length - 2;  // less header and rule
  const page = await openPattern('circuit-breaker', '#tool-landscape');
  const headers = await page.locator('#tool-landscape table th').allTextContents();
  assert.deepEqual(headers, ['Tool', 'Kind', 'What it offers here']);
  assert.equal(await page.locator('#tool-landscape table tbody tr').count(), rows);
  assert.equal(await page.locator('#tool-landscape .table-wrap[tabindex="0"]').count(), 1);
});

test('an unknown pattern shows a not-found page', async () => {
  const page = await site.page();
  await page.goto(site.url('/?pattern=no-such-pattern'));
  await page.waitForSelector('.error-view h1');
  assert.equal(await page.locator('.error-view h1').textContent(), 'Not found');
});

test('the reader links the case studies and reading paths that use a pattern, and both pages open', async () => {
  const pattern = await api(site, '/v1/patterns/hybrid-search');
  assert.ok(pattern.case_studies.length > 0 && pattern.paths.length > 0, 'hybrid-search is used by both');
  const page = await openPattern('hybrid-search');
  const links = await page.$$eval('.in-practice a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, [...pattern.case_studies.map((s) => `/?case-study=${s.id}`),
    ...pattern.paths.map((p) => `/?path=${p.id}`)]);

  await page.click(`.in-practice a[href="/?case-study=${pattern.case_studies[0].id}"]`);
  await page.waitForSelector('article.case-study h1');
  assert.equal(await page.locator('article.case-study h1').textContent(), pattern.case_studies[0].title);
  const headings = await page.$$eval('article.case-study .guide-section h2', (hs) => hs.map((x) => x.textContent));
  assert.deepEqual(headings, ['System Context', 'The Engineering Problem', 'Pattern Stack', 'What They Measured',
    'Lessons']);
  assert.ok(await page.locator('article.case-study .toc a[href="/?pattern=hybrid-search"]').count() === 1);

  const path = (await api(site, '/v1/paths')).paths.find((p) => p.id === pattern.paths[0].id);
  await page.goto(site.url(`/?path=${path.id}`));
  await page.waitForSelector('article.reading-path h1');
  const steps = await page.$$eval('.path-steps li a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(steps, path.steps.map((s) => `/?pattern=${s.pattern}`));
  await page.close();
});
