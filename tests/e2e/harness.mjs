// Shared end-to-end harness: a static server for dist/ on 127.0.0.1, and
// Debian's Chromium driven by playwright-core, with every request recorded.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
export const dist = process.env.SMM_DIST ? resolve(process.env.SMM_DIST) : join(root, 'dist');
export const artifacts = join(root, 'tests/e2e/artifacts');

/** The `smm` command as the tests call it: the binary `SMM_CLI` names, or else
 * `cargo run -p smm-cli`. The test command builds the binary before the pages
 * are tested and names a copy of it, because cargo builds beside these tests: a
 * `cargo run` would wait on cargo's lock, and a build could replace
 * target/debug/smm while a test runs it. */
const smmCommand = () => (process.env.SMM_CLI ? [resolve(process.env.SMM_CLI), []] : ['cargo', ['run', '-q', '-p', 'smm-cli', '--']]);

/** Runs `smm ARGS` from the checkout's root; resolves to its standard output
 * (text, or a Buffer with `{ encoding: 'buffer' }`). `env` adds to the environment. */
export async function smm(args, { env = {}, encoding = 'utf8' } = {}) {
  const [command, first] = smmCommand();
  const { stdout } = await promisify(execFile)(command, [...first, ...args], { cwd: root, env: { ...process.env, ...env }, encoding, maxBuffer: 1 << 26 });
  return stdout;
}

/** [`smm`], waiting for it. */
export function smmSync(args) {
  const [command, first] = smmCommand();
  return execFileSync(command, [...first, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` on an ephemeral loopback port, under the URL path `prefix`
 * (e.g. `/tools/smm`). Resolves to { origin, close, hits, sent }: `hits` lists
 * every path asked for, `sent` every response as { path, bytes } (bytes on the wire).
 * Options: `port` (a fixed port instead of an ephemeral one, e.g. to serve
 * another version on the same origin), `headers` (extra headers sent with every
 * file, as a host's configuration would), `fail(path, req)` (returns a status
 * code to answer that request with instead of the file, or nothing). */
export async function serve(dir = dist, prefix = '', { port: fixedPort = 0, headers: extra = {}, fail } = {}) {
  const hits = [];
  const sent = [];
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      hits.push(path);
      const asked = path;
      const failure = fail?.(path, req);
      if (failure) {
        res.writeHead(failure, { 'content-type': 'text/plain' });
        sent.push({ path: asked, bytes: 0 });
        res.end('failed on purpose');
        return;
      }
      if (prefix) {
        if (!path.startsWith(prefix + '/')) throw new Error('outside the prefix');
        path = path.slice(prefix.length);
      }
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw new Error('outside');
      if (path.endsWith('/')) file = join(file, 'index.html');
      const body = await readFile(file);
      // Cache headers as a typical static host sends them (GitHub Pages: ten minutes).
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'max-age=600',
        ...extra,
      };
      // Compressed like any static host would (the bundle budgets are gzip figures).
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        headers['content-encoding'] = 'gzip';
        res.writeHead(200, headers);
        const gz = gzipSync(body, { level: 9 });
        sent.push({ path: asked, bytes: gz.length });
        res.end(gz);
      } else {
        res.writeHead(200, headers);
        sent.push({ path: asked, bytes: body.length });
        res.end(body);
      }
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok, ko) => { server.once('error', ko); server.listen(fixedPort, '127.0.0.1', ok); });
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, hits, sent, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Launches Chromium. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Opens a page that records every request and every console error.
 * `foreign()` lists the requests that went anywhere but `origin` (data: URLs are local).
 */
export async function openPage(browser, origin, viewport = { width: 1366, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const foreign = () => requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:'));
  return { context, page, requests, errors, foreign };
}

/** The address of a route: the review page for an assessment's frameworks,
 * trustworthiness, report and history, the workbench's page for the rest of
 * `#/assessments...`, else the reader's. */
export function pageOf(origin, hash) {
  const page = /^#\/assessments\/[^/]+\/(requirements|trustworthiness|report|board|history)$/.test(hash) ? 'review.html'
    : /^#\/assessments/.test(hash) ? 'workbench.html' : '';
  return `${origin}/${page}${hash}`;
}

/** Waits until the service worker's cache holds every one of `files` (paths
 * relative to the page), polling; throws after `timeout` ms. */
export async function waitForCached(page, files, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const missing = await page.evaluate(async (files) => {
      const names = await caches.keys();
      if (names.length === 0) return files;
      const cache = await caches.open(names[0]);
      const out = [];
      for (const f of files) if (!(await cache.match(f))) out.push(f);
      return out;
    }, files);
    if (missing.length === 0) return;
    if (Date.now() > end) throw new Error(`not cached after ${timeout} ms: ${missing.join(', ')}`);
    await page.waitForTimeout(200);
  }
}

/** Waits until the app has rendered its main region. */
export async function appReady(page) {
  await page.waitForSelector('#smm-main h1', { timeout: 15000 });
}

/** Saves a full-page screenshot under tests/e2e/artifacts/. */
export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Runs axe-core in the page and returns its violations. */
export async function axeViolations(page, include = null) {
  // Evaluated through the DevTools protocol: the page's content security policy
  // (rightly) refuses injected script tags. `include` (CSS selectors) limits
  // the check to those elements, shadow roots included: on a generated
  // documentation site, the page around the embeds is the generator's.
  const source = await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(
    async (include) => await window.axe.run(include ? { include: include.map((s) => [s]) } : document, { resultTypes: ['violations'] }),
    include,
  );
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/** Presses Tab until the focused element satisfies `predicate` (evaluated in the page), at most `max` times. */
export async function tabUntil(page, predicate, max = 80, arg = undefined) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return i + 1;
  }
  throw new Error(`focus never reached the element after ${max} Tab presses`);
}

/** Every localStorage item of the page's origin, as { key: value }. */
export async function storedItems(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** How many pixels the page is wider than the viewport (0 or less: no sideways scrolling). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** `n` assessment files for the portfolio's timings: the twelve benchmark
 * members in turn, each copy with an id of its own. Returns the members and
 * the files' paths. */
export async function portfolioFiles(n) {
  const dir = await mkdtemp(join(tmpdir(), 'smm-portfolio-'));
  const memberDir = join(root, 'tests/fixtures/benchmark-members');
  const members = await Promise.all((await readdir(memberDir)).filter((f) => f.endsWith('.smm.json')).sort()
    .map(async (f) => JSON.parse(await readFile(join(memberDir, f), 'utf8'))));
  const files = [];
  for (let i = 0; i < n; i++) {
    const f = join(dir, `a-${i}.smm.json`);
    await writeFile(f, JSON.stringify({ ...members[i % members.length], id: `bench-${i}` }));
    files.push(f);
  }
  return { members, files };
}

/** Opens the portfolio page in a fresh page and hands it `files`, with
 * `window.__t0` set by the file input's change event: timings in the page
 * start from the file choice, not from Playwright handing the files over. */
export async function openPortfolio(browser, origin, files) {
  const { page, context } = await openPage(browser, origin);
  await page.goto(`${origin}/review.html#/portfolio`);
  await page.waitForSelector('.portfolio-gaps');
  await page.evaluate(() => {
    document.querySelector('input[type="file"][multiple]').addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true });
  });
  await page.setInputFiles('input[type="file"][multiple]', files);
  return { page, context };
}

/** Two pages of one context, as in bench.mjs section 5: `view` shows the
 * frameworks view (CSF 2.0, coverage and crosswalk) of an assessment made
 * from `example` with access control at target 1 and one indicator short of
 * it, `editor` its assess page for that practice. `flip` is that indicator.
 * `init` is a script run in every page before the app's (for a diagnostic). */
export async function openFrameworksView(browser, origin, example, catalogue, id, init = null) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  if (init) await context.addInitScript(init);
  const view = await context.newPage();
  const editor = await context.newPage();
  await view.goto(origin + '/workbench.html#/assessments');
  await appReady(view);
  const tm = catalogue.practices.find((p) => p.id === 'access-control');
  const a = structuredClone(example);
  a.id = id;
  const ids = tm.levels.filter((l) => l.level <= 1).flatMap((l) => l.indicators.map((i) => i.id));
  const flip = ids.pop();
  a.results['access-control'] = { indicators_met: ids, scope: 'general', notes: '', evidence: [] };
  a.targets['access-control'] = { level: 1, scope: 'general', rationale: '' };
  await view.evaluate((a) => localStorage.setItem(`smm-navigator.v1.assessment.${a.id}`, JSON.stringify(a)), a);
  await view.goto(`${origin}/review.html#/assessments/${a.id}/requirements`);
  await view.reload();
  await appReady(view);
  await view.selectOption('#req-framework', 'csf-2.0');
  await view.waitForSelector('.crosswalk-table tr[data-practice="access-control"]');
  await editor.goto(`${origin}/workbench.html#/assessments/${a.id}/assess/access-control`);
  await editor.waitForSelector('.checklist-page');
  return { context, view, editor, flip };
}
