// Two bundles: the reader (home, explorer, practice pages, embeds) never loads
// the workbench; links and old bookmarks cross between them; after one visit
// the service worker has fetched the workbench in the background, so both
// apps reload offline.
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

test('after one visit to the reader, the workbench is cached in the background and both reload offline', async () => {
  const server = await serve();
  const { page, context } = await openPage(browser, server.origin);
  try {
    await page.goto(`${server.origin}/#/`);
    await appReady(page);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    // The page asks the worker, once idle, to fetch the rest of the app.
    await waitForCached(page, ['workbench.html', 'workbench.js', 'workbench_bg.wasm', 'worker_loader.js', 'worker.js', 'worker_bg.wasm',
      'frameworks/csf-2.0.json', 'mappings/indicative-csf-2.0.json']);
    const fetched = (p) => server.hits.filter((h) => h === p).length;
    assert.equal(fetched('/workbench_bg.wasm'), 1, server.hits.join(', '));
    await context.setOffline(true);
    await page.goto(`${server.origin}/workbench.html#/assessments`);
    await appReady(page);
    await page.getByLabel('Name').fill('Offline review');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForFunction(() => /^#\/assessments\/a-/.test(location.hash));
    await page.reload();
    await appReady(page);
    assert.match(await page.textContent('#smm-main'), /Offline review/);
    // The frameworks view reads its catalogues from the cache too.
    await page.goto(`${server.origin}/workbench.html${await page.evaluate(() => location.hash)}/requirements`);
    await page.selectOption('#req-framework', 'csf-2.0');
    await page.waitForSelector('.coverage-table tbody tr[data-group="GV"]');
    await page.goto(`${server.origin}/workbench.html#/assessments`);
    await appReady(page);
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
