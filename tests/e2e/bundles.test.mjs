// The bundles: the reader (home, explorer, practice pages, embeds) never loads
// the workbench; links and old bookmarks cross between the pages; what the
// service worker fetches in the background after a reader visit (the workbench
// only), after a workbench visit (the rest) and when the browser asks to save
// data (nothing), checked by the requests the server saw.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, waitForCached, dist, root } from './harness.mjs';

const WORKBENCH = /workbench/;
const example = await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8');
const id = JSON.parse(example).id;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A context with no service worker, so that every request the page makes reaches the server. */
async function plain(server) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

test('home, explorer and a practice page load no workbench file', async () => {
  const server = await serve();
  const { context, page, errors } = await plain(server);
  try {
    for (const hash of ['#/', '#/practices', '#/practices/threat-modeling']) {
      await page.goto(`${server.origin}/${hash}`);
      await appReady(page);
      await page.waitForLoadState('networkidle');
    }
    assert.ok(server.hits.includes('/reader_bg.wasm'), server.hits.join(', '));
    assert.deepEqual(server.hits.filter((p) => WORKBENCH.test(p)), [], 'the reader fetched workbench files');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('both embed forms on a documentation page load the reader once and no workbench file', async () => {
  const site = await mkdtemp(join(tmpdir(), 'smm-docs-'));
  await cp(dist, join(site, 'app'), { recursive: true });
  await cp(join(root, 'examples/docs-page'), join(site, 'docs'), { recursive: true });
  const server = await serve(site);
  const { context, page, errors } = await plain(server);
  try {
    await page.goto(server.origin + '/docs/');
    await page.waitForSelector('[data-smm-practice="threat-modeling"] .smm-card');
    await page.waitForSelector('[data-smm-mini] .smm-mini');
    await page.frameLocator('iframe').locator('.smm-card[data-practice="access-control"]').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(server.hits.filter((p) => WORKBENCH.test(p)), [], 'an embed fetched workbench files');
    // The script tag and the iframe share one copy of the reader (the static
    // server sends cache headers as a host would).
    const count = (p) => server.hits.filter((h) => h === p).length;
    assert.equal(count('/app/reader_bg.wasm'), 1, server.hits.join(', '));
    assert.equal(count('/app/reader.js'), 1, server.hits.join(', '));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('reader → workbench → reader by the header links, and an old bookmark lands where it did', async () => {
  const server = await serve();
  const { context, page, errors } = await plain(server);
  try {
    await page.goto(`${server.origin}/#/practices/patch-management`);
    await appReady(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`smm-navigator.v1.assessment.${id}`, example]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
    await page.waitForSelector('.assessments');
    assert.equal(new URL(page.url()).pathname, '/workbench.html');
    assert.equal(new URL(page.url()).hash, '#/assessments');
    assert.equal(await page.getAttribute('nav[aria-label="Main"] a[aria-current="page"]', 'href'), '#/assessments');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practices' }).click();
    await page.waitForSelector('.practice-link');
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(new URL(page.url()).hash, '#/practices');
    // A bookmark of the single-page days: the reader's page with an assessment route.
    const before = server.hits.length;
    await page.goto(`${server.origin}/#/assessments/${id}/results`);
    await page.waitForSelector('.results');
    assert.equal(new URL(page.url()).pathname, '/workbench.html');
    assert.equal(new URL(page.url()).hash, `#/assessments/${id}/results`);
    // It went straight on: the reader's wasm was not started for it.
    assert.deepEqual(server.hits.slice(before).filter((p) => p === '/reader.js'), []);
    // A bookmark of a review section goes straight to the review page.
    const beforeBoard = server.hits.length;
    await page.goto(`${server.origin}/#/assessments/${id}/board`);
    await page.waitForSelector('.board-page');
    assert.equal(new URL(page.url()).pathname, '/review.html');
    assert.deepEqual(server.hits.slice(beforeBoard).filter((p) => /workbench/.test(p)), [], 'not by way of the workbench');
    // A route of the reader typed into the workbench's address goes to the reader.
    await page.goto(`${server.origin}/workbench.html#/practices/access-control`);
    await page.waitForSelector('.practice[data-practice="access-control"]');
    assert.equal(new URL(page.url()).pathname, '/');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

// The files of each batch the service worker fetches (public/sw.js, BATCHES),
// by the pattern of their paths.
const BATCH = {
  workbench: /^\/workbench(\.html|\.js|_bg\.wasm)$/,
  review: /^\/review(\.html|\.js|_bg\.wasm)$/,
  exchange: /^\/exchange(\.html|\.js|_bg\.wasm)$/,
  worker: /^\/worker(_loader\.js|\.js|_bg\.wasm)$/,
  data: /^\/(frameworks|mappings|profiles)\//,
};
const batchesOf = (paths) => Object.keys(BATCH).filter((b) => paths.some((p) => BATCH[b].test(p)));

/** Waits until the page's service worker is active and has had `ms` of quiet
 * after the page's load (the page asks for the background fetch when idle). */
async function settled(page, ms = 3000) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForTimeout(ms);
}

/** A context whose browser asks to save data (navigator.connection.saveData),
 * or reports the connection `effectiveType`. */
async function slowContext(connection) {
  const context = await browser.newContext();
  await context.addInitScript((c) => {
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ effectiveType: '4g', saveData: false, ...c }) });
  }, connection);
  return { context, page: await context.newPage() };
}

test('the assessment page and the results page load only the workbench files: no review, exchange or worker file', async () => {
  const server = await serve();
  const { context, page, errors } = await plain(server);
  try {
    // The assessment stored from a page of the origin that loads none of the app's files.
    await page.goto(`${server.origin}/__seed__`);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`smm-navigator.v1.assessment.${id}`, example]);
    server.hits.length = 0;
    await page.goto(`${server.origin}/workbench.html#/assessments/${id}/assess/threat-modeling`);
    await page.waitForSelector('.checklist-page');
    await page.getByRole('navigation', { name: 'Assessment sections' }).getByRole('link', { name: '3 Results' }).click();
    await page.waitForSelector('.results');
    await page.waitForLoadState('networkidle');
    const app = server.hits.filter((p) => !/^\/(__seed__|favicon)/.test(p));
    assert.deepEqual(batchesOf(app), ['workbench'], app.join(', '));
    assert.deepEqual(app.filter((p) => /reader/.test(p)), [], app.join(', '));
    // A review section is its own page: following its tab loads review.html.
    await page.getByRole('navigation', { name: 'Assessment sections' }).getByRole('link', { name: 'Report' }).click();
    await page.waitForSelector('.report-body');
    assert.equal(new URL(page.url()).pathname, '/review.html');
    assert.ok(server.hits.includes('/review_bg.wasm'), server.hits.join(', '));
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('after one reader visit the worker fetches the workbench only, and the workbench reloads offline', async () => {
  const server = await serve();
  const { page, context } = await openPage(browser, server.origin);
  try {
    await page.goto(`${server.origin}/#/`);
    await appReady(page);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await waitForCached(page, ['workbench.html', 'workbench.js', 'workbench_bg.wasm']);
    await settled(page);
    // Everything the server saw: the reader's own files (the page's, then the
    // worker's install) are in no batch, so the batches are the background's.
    const background = server.hits;
    assert.deepEqual(batchesOf(background), ['workbench'], background.join(', '));
    assert.equal(background.filter((h) => h === '/workbench_bg.wasm').length, 1, background.join(', '));
    await context.setOffline(true);
    await page.goto(`${server.origin}/workbench.html#/assessments`);
    await appReady(page);
    await page.getByLabel('Name').fill('Offline review');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForFunction(() => /^#\/assessments\/a-/.test(location.hash));
    await page.reload();
    await appReady(page);
    assert.match(await page.textContent('#smm-main'), /Offline review/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.waitForSelector('.home');
    await page.reload();
    await page.waitForSelector('.home');
  } finally {
    await context.setOffline(false);
    await context.close();
    await server.close();
  }
});

test('a workbench visit fetches the rest in the background: the review and exchange pages, the worker and the data work offline', async () => {
  const server = await serve();
  const { page, context } = await openPage(browser, server.origin);
  try {
    await page.goto(`${server.origin}/workbench.html#/assessments`);
    await appReady(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`smm-navigator.v1.assessment.${id}`, example]);
    await waitForCached(page, ['workbench.html', 'workbench.js', 'workbench_bg.wasm', 'review.html', 'review.js', 'review_bg.wasm',
      'exchange.html', 'exchange.js', 'exchange_bg.wasm', 'worker_loader.js', 'worker.js', 'worker_bg.wasm',
      'frameworks/csf-2.0.json', 'mappings/indicative-csf-2.0.json']);
    await context.setOffline(true);
    // The frameworks view (the review page) reads its catalogues from the cache.
    await page.goto(`${server.origin}/review.html#/assessments/${id}/requirements`);
    await appReady(page);
    await page.selectOption('#req-framework', 'csf-2.0');
    await page.waitForSelector('.coverage-table tbody tr[data-group="GV"]');
    await page.goto(`${server.origin}/exchange.html#/assessments/${id}/interviews`);
    await appReady(page);
  } finally {
    await context.setOffline(false);
    await context.close();
    await server.close();
  }
});

test('when the browser asks to save data or reports a slow connection, nothing is fetched in the background; a page opened is still kept for offline use', async () => {
  for (const connection of [{ saveData: true }, { effectiveType: '3g' }, { effectiveType: '2g' }]) {
    const server = await serve();
    const { context, page } = await slowContext(connection);
    const what = JSON.stringify(connection);
    try {
      await page.goto(`${server.origin}/#/`);
      await appReady(page);
      await settled(page);
      assert.deepEqual(batchesOf(server.hits), [], `${what}: ${server.hits.join(', ')}`);
      if (!connection.saveData) continue;
      // The workbench, opened while the worker controls the page: its files
      // come down once, through the worker, and stay for offline use; nothing else.
      await page.reload();
      await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
      const before = server.hits.length;
      await page.goto(`${server.origin}/workbench.html#/assessments`);
      await appReady(page);
      await waitForCached(page, ['workbench.html', 'workbench.js', 'workbench_bg.wasm']);
      await settled(page);
      const opened = server.hits.slice(before);
      assert.deepEqual(batchesOf(opened), ['workbench'], `${what}: ${opened.join(', ')}`);
      assert.equal(opened.filter((h) => h === '/workbench_bg.wasm').length, 1, `${what}: ${opened.join(', ')}`);
      await context.setOffline(true);
      await page.reload();
      await appReady(page);
      await context.setOffline(false);
    } finally {
      await context.close();
      await server.close();
    }
  }
});

test('the on-demand worker is fetched only when a job needs it: the fingerprint of a backup', async () => {
  const server = await serve();
  const { context, page, errors } = await plain(server);
  try {
    await page.goto(`${server.origin}/workbench.html#/assessments`);
    await appReady(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`smm-navigator.v1.assessment.${id}`, example]);
    await page.reload();
    await page.waitForSelector('.assessment-row');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(server.hits.filter((p) => /worker/.test(p)), [], 'the worker was fetched before any job');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export all (backup file)' }).click(),
    ]);
    const body = await readFile(await download.path());
    const line = page.locator('.transfer li', { hasText: 'SHA-256 fingerprint of the file' });
    await line.waitFor({ timeout: 15000 });
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update(body).digest('hex');
    assert.match(await line.textContent(), new RegExp(`: ${expected}\\.`), 'the fingerprint is the downloaded file\'s SHA-256');
    for (const f of ['/worker_loader.js', '/worker.js', '/worker_bg.wasm']) {
      assert.equal(server.hits.filter((p) => p === f).length, 1, `${f}: ${server.hits.join(', ')}`);
    }
    // A second export reuses the running worker.
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (backup file)' }).click()]);
    await page.locator('.transfer li', { hasText: 'SHA-256 fingerprint of the file' }).waitFor();
    assert.equal(server.hits.filter((p) => p === '/worker_bg.wasm').length, 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});
