/**
 * @file The browser test harness: a real pattern-searchd on 127.0.0.1 port 0 over the real corpus's index, and
 * Debian's chromium driven by playwright-core. Paths come from CMake through the environment (see CMakeLists.txt).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through ctest`);
  return value;
};

// The daemon stops itself after this long even if the test process dies without stopping it.
const SERVER_LIFETIME_S = 600;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

/** Starts pattern-searchd over @p index and resolves with its base URL once it prints the line naming it. */
function startServer(index) {
  const child = spawn('timeout', [String(SERVER_LIFETIME_S), env('PAI_SEARCHD'), '--index', index,
    '--web', env('PAI_WEB'), '--listen', '127.0.0.1:0', '--threads', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  // The request log is kept quiet unless the daemon dies early.
  let log = '';
  child.stderr.on('data', (chunk) => { log = (log + chunk).slice(-4000); });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (url) resolve({ url: url[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`pattern-searchd exited with ${code} before listening:\n${log}`)));
  });
}

/**
 * One test file's site: the daemon, the browser and helpers. playwright gives every launch a fresh temporary
 * --user-data-dir; no browser is ever downloaded. @p index defaults to the bundled corpus's (PAI_INDEX).
 */
export async function openSite({ index = env('PAI_INDEX') } = {}) {
  const server = await startServer(index);
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const foreign = [];
  const errors = [];
  const site = {
    base: server.url,
    url: (path) => `${server.url}${path}`,
    foreignRequests: foreign,
    /** A page in a new context; every request it makes to another origin is recorded in foreignRequests. */
    async page({ viewport = VIEWPORTS.desktop, colorScheme = 'light' } = {}) {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(`${server.url}/`) && !url.startsWith('data:')) foreign.push(url);
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      return page;
    },
    /** Stops everything; fails when any page threw or asked another origin for anything. */
    async close() {
      await browser.close();
      server.stop();
      if (errors.length) throw new Error(`script errors on the page: ${errors.join('; ')}`);
      if (foreign.length) throw new Error(`requests left 127.0.0.1: ${foreign.join(', ')}`);
    },
  };
  return site;
}

/** Waits until the results view shows the answer to the current URL's query. */
export async function waitForResults(page) {
  await page.waitForFunction(() => {
    const results = document.querySelector('.results');
    const q = new URLSearchParams(location.search).get('q') || '';
    const status = document.querySelector('.result-status')?.textContent || '';
    return results && !results.hasAttribute('aria-busy') && status.includes(q) && /\d+ pattern/.test(status);
  });
}

/** Types into the search box as a person would and waits for the results of the whole text. */
export async function typeQuery(page, text) {
  await page.locator('#q').fill('');
  await page.locator('#q').pressSequentially(text, { delay: 15 });
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, text);
  await waitForResults(page);
}

/** Waits until the element @p selector names shows @p text (a view has replaced the previous one). */
export const waitForHeading = (page, selector, text) => page.waitForFunction(
  ([s, t]) => document.querySelector(s)?.textContent === t, [selector, text]);

export const hitIds = (page) => page.$$eval('.hit-title a', (links) =>
  links.map((a) => new URL(a.href).searchParams.get('pattern')));

/** Saves a screenshot under tests/browser/screenshots/ (git-ignored). */
export async function screenshot(page, name) {
  const dir = env('PAI_SCREENSHOTS');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

/** GET a /v1 path from the daemon directly, for comparing the page with the API. */
export async function api(site, path) {
  const response = await fetch(site.url(path));
  return response.json();
}
