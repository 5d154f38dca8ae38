/**
 * pattern-mcp driven by the official MCP TypeScript SDK client over stdio, once answering from a local index
 * and once through a running daemon: initialize, list tools, call each tool (the SDK checks every result
 * against the tool's output schema), read pattern:// resources, and errors the model can read.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { binDir, buildIndex, get, startDaemon } from './support/daemon.mjs';

const index = buildIndex();
const daemon = await startDaemon(index);
after(() => daemon.stop());

async function connect(args) {
  const client = new Client({ name: 'pai-editor-tests', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: path.join(binDir, 'pattern-mcp'), args, stderr: 'ignore' }));
  return client;
}

const call = (client, name, args) => client.callTool({ name, arguments: args });
const errorText = (result) => result.content.map((c) => c.text).join('\n');

for (const [mode, args] of [
  ['a local index', ['--index', index]],
  ['a running daemon', ['--server', daemon.url]],
]) {
  describe(`pattern-mcp answering from ${mode}`, () => {
    let client;
    before(async () => {
      client = await connect(args);
    });
    after(() => client.close());

    test('initialize names the server and offers tools and resources', () => {
      assert.equal(client.getServerVersion().name, 'production-ai-patterns');
      const capabilities = client.getServerCapabilities();
      assert.ok(capabilities.tools, 'tools capability');
      assert.ok(capabilities.resources, 'resources capability');
      assert.match(client.getInstructions(), /search_patterns/);
    });

    test('lists four read-only, idempotent tools with input and output schemas', async () => {
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), ['get_pattern', 'list_facets', 'recommend', 'search_patterns']);
      for (const tool of tools) {
        assert.equal(tool.inputSchema.type, 'object', tool.name);
        assert.equal(tool.outputSchema?.type, 'object', tool.name);
        assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
        assert.equal(tool.annotations?.idempotentHint, true, tool.name);
        assert.equal(tool.annotations?.destructiveHint, false, tool.name);
        assert.ok(tool.description.length > 40, tool.name);
      }
    });

    test('search_patterns returns the API ranking with plain snippets, URIs and line ranges', async () => {
      const query = 'provider times out at peak';
      const result = await call(client, 'search_patterns', { query, limit: 3 });
      assert.equal(result.isError, false, errorText(result));
      const api = (await get(daemon.url, `/v1/search?q=${encodeURIComponent(query)}&limit=3`)).body;
      const { hits, total } = result.structuredContent;
      assert.equal(total, api.total);
      assert.deepEqual(hits.map((h) => h.id), api.hits.map((h) => h.id));
      assert.ok(hits.length > 0);
      for (const hit of hits) {
        assert.equal(hit.uri, `pattern://${hit.id}`);
        assert.doesNotMatch(hit.snippet, /<\/?mark>/);
        const line = readFileSync(hit.path, 'utf8').split('\n')[hit.line - 1];
        // A failure mode is a target of its own: its line is the entry's `### Name` heading.
        const heading = hit.section === 'failure-modes'
          ? `### ${hit.section_title.replace(/^Failure Modes: /, '')}`
          : `## ${hit.section_title}`;
        assert.equal(line, heading, `${hit.path}:${hit.line}`);
      }
      assert.deepEqual(JSON.parse(result.content[0].text), result.structuredContent);
    });

    test('search_patterns filters by pillar and status', async () => {
      const result = await call(client, 'search_patterns', { query: 'tokens', pillar: ['cost-and-efficiency'], status: ['proposed', 'emerging'] });
      assert.equal(result.isError, false, errorText(result));
      const { hits } = result.structuredContent;
      assert.ok(hits.length > 0);
      for (const hit of hits) {
        assert.equal(hit.pillar, 'cost-and-efficiency');
        assert.ok(['proposed', 'emerging'].includes(hit.status), hit.status);
      }
    });

    test('get_pattern returns the whole pattern, or only the sections asked for', async () => {
      const whole = await call(client, 'get_pattern', { id: 'circuit-breaker' });
      assert.equal(whole.isError, false, errorText(whole));
      const api = (await get(daemon.url, '/v1/patterns/circuit-breaker')).body;
      assert.deepEqual(whole.structuredContent.sections.map((s) => s.id), api.sections.map((s) => s.id));
      assert.equal(whole.structuredContent.title, api.title);
      assert.deepEqual(whole.structuredContent.related, api.related);

      const some = await call(client, 'get_pattern', { id: 'circuit-breaker', sections: ['when-not-to-use', 'trade-offs'] });
      assert.deepEqual(some.structuredContent.sections.map((s) => s.id), ['when-not-to-use', 'trade-offs']);
      assert.match(some.structuredContent.sections[0].markdown, /^## When NOT to Use It/);
    });

    test('list_facets counts patterns by pillar, status and section', async () => {
      const result = await call(client, 'list_facets', {});
      assert.equal(result.isError, false, errorText(result));
      const health = (await get(daemon.url, '/healthz')).body;
      const pillars = (await get(daemon.url, '/v1/pillars')).body.pillars;
      assert.equal(result.structuredContent.patterns, health.patterns);
      assert.deepEqual(result.structuredContent.pillars.map((p) => p.id), pillars.map((p) => p.id));
      const statusCount = result.structuredContent.facets.status.reduce((sum, s) => sum + s.count, 0);
      assert.equal(statusCount, health.patterns);
    });

    test('recommend lists the questions, then ranks patterns for the answers', async () => {
      const questions = await call(client, 'recommend', {});
      assert.equal(questions.isError, false, errorText(questions));
      const guide = (await get(daemon.url, '/v1/decision-guide')).body;
      assert.deepEqual(questions.structuredContent.questions.map((q) => q.id), guide.questions.map((q) => q.id));

      const first = guide.questions[0];
      const answers = { [first.id]: first.answers[0].id };
      const result = await call(client, 'recommend', { answers, limit: 3 });
      assert.equal(result.isError, false, errorText(result));
      const api = (await get(daemon.url, `/v1/recommend?answers=${first.id}:${first.answers[0].id}&limit=3`)).body;
      assert.deepEqual(result.structuredContent.recommendations.map((r) => r.id), api.recommendations.map((r) => r.id));
      assert.ok(result.structuredContent.recommendations.length > 0);
      for (const item of result.structuredContent.recommendations) assert.equal(item.uri, `pattern://${item.id}`);
    });

    test('patterns are resources: listed, templated and read as Markdown', async () => {
      const { resources } = await client.listResources();
      const all = (await get(daemon.url, '/v1/search?limit=100')).body;
      assert.deepEqual(resources.map((r) => r.uri).sort(), all.hits.map((h) => `pattern://${h.id}`).sort());
      const { resourceTemplates } = await client.listResourceTemplates();
      assert.deepEqual(resourceTemplates.map((t) => t.uriTemplate), ['pattern://{id}']);

      const { contents } = await client.readResource({ uri: 'pattern://circuit-breaker' });
      assert.equal(contents[0].mimeType, 'text/markdown');
      const pattern = (await get(daemon.url, '/v1/patterns/circuit-breaker')).body;
      assert.ok(contents[0].text.startsWith(`# ${pattern.title}\n`));
      for (const section of pattern.sections) assert.ok(contents[0].text.includes(`## ${section.title}\n`), section.title);
    });

    test('a bad argument is a tool error the model can read', async () => {
      const cases = [
        ['search_patterns', { query: 'x', limit: 0 }, /limit/],
        ['search_patterns', { query: 'x', limit: 'ten' }, /limit/],
        ['search_patterns', { query: 'x', colour: 'red' }, /colour/],
        ['search_patterns', { query: 'x', pillar: 'reliability' }, /pillar/],
        ['get_pattern', {}, /id/],
        ['get_pattern', { id: 'no-such-pattern' }, /no-such-pattern/],
        ['get_pattern', { id: 'circuit-breaker', sections: ['nope'] }, /nope.*what-it-is/],
        ['recommend', { answers: { 'no-such-question': 'x' } }, /no-such-question/],
      ];
      for (const [name, args, message] of cases) {
        const result = await call(client, name, args);
        assert.equal(result.isError, true, `${name} ${JSON.stringify(args)}`);
        assert.match(errorText(result), message);
      }
    });

    test('an unknown tool or resource is a protocol error', async () => {
      await assert.rejects(call(client, 'delete_everything', {}), /unknown tool/);
      await assert.rejects(client.readResource({ uri: 'pattern://no-such-pattern' }), (e) => e.code === -32002);
      await assert.rejects(client.readResource({ uri: 'file:///etc/passwd' }), (e) => e.code === -32002);
    });
  });
}

test('without a daemon, tools say how to start one', async () => {
  const client = await connect(['--server', 'http://127.0.0.1:1']);
  try {
    const result = await call(client, 'search_patterns', { query: 'retries' });
    assert.equal(result.isError, true);
    assert.match(errorText(result), /http:\/\/127\.0\.0\.1:1/);
    assert.match(errorText(result), /scripts\/serve/);
  } finally {
    await client.close();
  }
});
