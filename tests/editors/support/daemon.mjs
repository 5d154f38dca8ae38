/**
 * Test support for the editor and agent clients: a fixture index and a real pattern-searchd on an ephemeral
 * port of 127.0.0.1, stopped when the test process ends. Paths come from ctest's environment: PAI_BIN_DIR,
 * PAI_FIXTURES_DIR and PAI_SOURCE_DIR.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this test through ctest`);
  return value;
}

export const binDir = required('PAI_BIN_DIR');
export const fixturesDir = required('PAI_FIXTURES_DIR');
export const sourceDir = required('PAI_SOURCE_DIR');

function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pai-editors-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const fixtureCorpus = path.join(fixturesDir, 'corpus');

/** A copy of the fixture corpus without its Decision Guide, for the answers of an index that has none. */
export function corpusWithoutDecisionGuide() {
  const corpus = path.join(tempDir(), 'corpus');
  cpSync(fixtureCorpus, corpus, { recursive: true });
  rmSync(path.join(corpus, 'decision-guide.yaml'));
  return corpus;
}

/** Indexes @p corpus (default: the fixture corpus) into a fresh temporary directory; returns the index path. */
export function buildIndex(corpus = fixtureCorpus) {
  const index = path.join(tempDir(), 'index');
  execFileSync(path.join(binDir, 'pattern-indexer'), ['--corpus', corpus, '--index', index], { stdio: 'pipe' });
  return index;
}

// Runs "$0" "$@" until this shell's stdin, a pipe from the test, closes: however the test ends, even killed,
// the daemon stops with it. The shell itself ends with the daemon, and with its exit status.
const untilStdinCloses = 'exec 3<&0; "$0" "$@" & pid=$!; { read -r _ <&3; kill "$pid" 2>/dev/null; } & wait "$pid"';

/** Starts pattern-searchd on 127.0.0.1:0 over @p index; resolves to { url, stop }. */
export async function startDaemon(index) {
  const searchd = path.join(binDir, 'pattern-searchd');
  const child = spawn('/bin/sh', ['-c', untilStdinCloses, searchd, '--index', index, '--listen', '127.0.0.1:0'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let log = '';  // its request log, shown only when it fails to start
  child.stderr.on('data', (chunk) => { log = (log + chunk).slice(-4000); });
  const stop = () => child.stdin.end();
  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const match = /http:\/\/[\d.:]+/.exec(line);
      match ? resolve(match[0]) : reject(new Error(`pattern-searchd said: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`pattern-searchd exited with ${code}: ${log}`)));
  });
  return { url, stop };
}

/** GETs @p target from @p url; resolves to { status, contentType, body } with the body parsed when JSON. */
export async function get(url, target) {
  const response = await fetch(url + target);
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return { status: response.status, contentType, body: contentType.includes('json') ? JSON.parse(text) : text };
}
