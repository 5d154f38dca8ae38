/**
 * Packages the VS Code extension with @vscode/vsce from the tsc output in PAI_VSCODE_OUT, offline, and checks
 * that the .vsix holds the manifest, the README and the compiled extension, and nothing from src/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sourceDir } from './support/daemon.mjs';

const out = process.env.PAI_VSCODE_OUT;
assert.ok(out, 'PAI_VSCODE_OUT is not set; run this test through ctest');
const extension = path.join(sourceDir, 'editors/vscode');

test('the extension packages into a .vsix with its compiled code', () => {
  // Stage beside the compiled output so the source tree is never written to.
  const stage = path.join(path.dirname(out), 'package');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const file of ['package.json', 'README.md', '.vscodeignore']) cpSync(path.join(extension, file), path.join(stage, file));
  cpSync(out, path.join(stage, 'out'), { recursive: true });

  const manifest = JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8'));
  const vsix = path.join(path.dirname(out), `${manifest.name}-${manifest.version}.vsix`);
  execFileSync(process.execPath, [path.join(extension, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies',
    '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: stage, stdio: ['ignore', 'pipe', 'pipe'] });

  const listing = execFileSync('python3', ['-m', 'zipfile', '-l', vsix], { encoding: 'utf8' });
  for (const entry of ['extension.vsixmanifest', 'extension/package.json', 'extension/readme.md',
    'extension/out/extension.js', 'extension/out/search_client.js', 'extension/out/format.js']) {
    // vsce 2 (the last that runs on Node 18) keeps README.md's case; later versions lowercase it.
    assert.match(listing, new RegExp(`^${entry.replace(/[.]/g, '\\.')}\\s`, 'mi'), `${entry} missing:\n${listing}`);
  }
  assert.doesNotMatch(listing, /extension\/src\//);
  const vsixManifest = execFileSync('python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("extension.vsixmanifest").decode())', vsix], { encoding: 'utf8' });
  assert.ok(vsixManifest.includes(`Id="${manifest.name}" Version="${manifest.version}" Publisher="${manifest.publisher}"`), vsixManifest);
  assert.ok(vsixManifest.includes(`"Microsoft.VisualStudio.Code.Engine" Value="${manifest.engines.vscode}"`), vsixManifest);
});

test('the manifest contributes the command and the server URL setting', () => {
  const manifest = JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.commands.map((c) => [c.command, c.title]), [['patternSearch.search', 'Search patterns']]);
  assert.equal(manifest.contributes.configuration.properties['patternSearch.serverUrl'].default, 'http://127.0.0.1:7171');
  assert.equal(manifest.main, './out/extension.js');
});
