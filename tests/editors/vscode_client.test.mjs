/**
 * The VS Code extension's search client and formatting (compiled by tsc into PAI_VSCODE_OUT) against a real
 * pattern-searchd. extension.ts itself needs VS Code to run; everything it shows comes from these modules.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildIndex, fixtureCorpus, get, startDaemon } from './support/daemon.mjs';

const out = process.env.PAI_VSCODE_OUT;
assert.ok(out, 'PAI_VSCODE_OUT is not set; run this test through ctest');
const require = createRequire(import.meta.url);
const { PatternClient, ApiError, DaemonUnavailableError } = require(path.join(out, 'search_client.js'));
const { headingSlug, hitItem, pickItems, plainSnippet, patternDocument } = require(path.join(out, 'format.js'));

const daemon = await startDaemon(buildIndex());
after(() => daemon.stop());
const client = new PatternClient(daemon.url + '/');  // a trailing slash in the setting is harmless

test('search returns the daemon ranking for the query', async () => {
  const query = 'provider times out at peak';
  const result = await client.search(query, 3);
  const api = (await get(daemon.url, `/v1/search?q=${encodeURIComponent(query)}&limit=3`)).body;
  assert.deepEqual(result.hits.map((h) => h.id), api.hits.map((h) => h.id));
  assert.equal(result.hits[0].id, 'circuit-breaker');
});

test('suggest offers pattern titles with their ids and completed queries', async () => {
  const { suggestions } = await client.suggest('circ');
  assert.ok(suggestions.some((s) => s.kind === 'title' && s.id === 'circuit-breaker'), JSON.stringify(suggestions));
  assert.ok(suggestions.some((s) => s.kind === 'term' && s.text.startsWith('circ')), JSON.stringify(suggestions));
});

test('a hit is shown as title, pillar · status · section, and a plain snippet', async () => {
  const [hit] = (await client.search('provider', 1)).hits;
  const item = hitItem(hit);
  assert.equal(item.label, hit.title);
  assert.equal(item.description, `${hit.pillar} · ${hit.status} · ${hit.section_title}`);
  assert.doesNotMatch(item.detail, /<\/?mark>/);
  assert.match(item.detail, /provider/i);
  assert.deepEqual(item.action, { kind: 'open', id: hit.id, line: hit.line, path: hit.path, section: hit.section_title });
});

test('the quick pick puts the correction and completions before the ranked results', async () => {
  const query = 'providr';
  const [suggest, result] = await Promise.all([client.suggest(query), client.search(query)]);
  assert.equal(result.did_you_mean, 'provider');
  const items = pickItems(suggest, result);
  assert.deepEqual(items[0].action, { kind: 'query', query: 'provider' });
  const separator = items.findIndex((i) => i.action.kind === 'separator');
  assert.equal(items[separator].label, `${result.total} patterns`);
  assert.deepEqual(items.slice(separator + 1).map((i) => i.action.id), result.hits.map((h) => h.id));
});

test('a title suggestion already among the results is not repeated', async () => {
  const [suggest, result] = await Promise.all([client.suggest('circuit'), client.search('circuit')]);
  const opens = pickItems(suggest, result).filter((i) => i.action.kind === 'open').map((i) => i.action.id);
  assert.equal(new Set(opens).size, opens.length, opens.join(','));
});

test('a pattern document keeps every section at its line in the corpus file', async () => {
  const pattern = await client.pattern('circuit-breaker');
  const document = patternDocument(pattern).split('\n');
  const source = readFileSync(path.join(fixtureCorpus, 'patterns/reliability/circuit-breaker.md'), 'utf8').split('\n');
  const [hit] = (await client.search('provider times out at peak', 1)).hits;
  assert.equal(document[hit.line - 1], `## ${hit.section_title}`);
  source.forEach((line, i) => {
    if (line.startsWith('## ')) assert.equal(document[i], line, `line ${i + 1}`);
  });
  assert.equal(document[0], `# ${pattern.title}`);
});

test('a pattern document lists the symptoms in the front matter\'s lines', async () => {
  const pattern = await client.pattern('token-budget');
  const document = patternDocument(pattern).split('\n');
  const at = document.indexOf('Sounds like your problem?');
  assert.ok(at > 0 && at < pattern.sections[0].line - 1, `symptoms heading at ${at}`);
  assert.deepEqual(document.slice(at + 1, at + 1 + pattern.symptoms.length), pattern.symptoms.map((s) => `- ${s}`));
});

test('API errors carry the status and the daemon message', async () => {
  await assert.rejects(client.pattern('no-such-pattern'), (e) => e instanceof ApiError && e.status === 404 && /no-such-pattern/.test(e.message));
  await assert.rejects(client.search('x'.repeat(2000)), (e) => e instanceof ApiError && e.status === 400 && /longer/.test(e.message));
});

test('without a daemon the error says how to start it and which setting to change', async () => {
  const offline = new PatternClient('http://127.0.0.1:1', 2000);
  await assert.rejects(offline.search('retries'), (e) => {
    assert.ok(e instanceof DaemonUnavailableError, String(e));
    assert.match(e.message, /http:\/\/127\.0\.0\.1:1/);
    assert.match(e.message, /scripts\/serve/);
    assert.match(e.message, /patternSearch\.serverUrl/);
    return true;
  });
});

test('the preview is opened at the heading anchor the Markdown preview gives the section', () => {
  assert.equal(headingSlug('When NOT to Use It'), 'when-not-to-use-it');
  assert.equal(headingSlug(' Trade-offs: costs & risks! '), 'trade-offs-costs--risks');
});

test('snippets are decoded to plain text', () => {
  assert.equal(plainSnippet('a <mark>b</mark> &lt;c&gt; &amp;\n d'), 'a b <c> & d');
});
