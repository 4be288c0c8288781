// Static hosting under a sub-path, offline use through the service worker,
// and the "new version available" prompt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, waitForCached, dist, screenshot } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the release build works from a sub-path of a static host', async () => {
  const server = await serve(dist, '/tools/smm');
  const { page, context, foreign, errors } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/tools/smm/#/practices/patch-management');
  await appReady(page);
  assert.equal((await page.textContent('#smm-main h1')).trim(), 'Patch Management');
  await page.click('a[href="workbench.html#/assessments"]');
  await page.waitForSelector('.assessments');
  assert.ok(server.hits.every((p) => p.startsWith('/tools/smm/')), `requests outside the sub-path: ${server.hits.join(', ')}`);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});

for (const [bundle, path, ready] of [['reader', '/', '#smm-main h1'], ['workbench', '/workbench.html#/assessments', '.assessments']]) {
  test(`a cold load of the ${bundle} fetches its module and wasm once each, in parallel with boot.js`, async () => {
    const server = await serve(dist);
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const requests = [];
      const warnings = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
      await page.goto(server.origin + path);
      await page.waitForSelector(ready);
      // Chromium warns a few seconds after the load when a preload goes unused.
      await page.waitForTimeout(3500);
      const count = (p) => requests.filter((x) => x === p).length;
      assert.equal(count(`/${bundle}_bg.wasm`), 1, `wasm fetched ${count(`/${bundle}_bg.wasm`)} times`);
      assert.equal(count(`/${bundle}.js`), 1);
      // The preload links come before the script tag, so the wasm is requested before boot.js
      // (without them, only after boot.js and the module have been fetched and run).
      assert.ok(requests.indexOf(`/${bundle}_bg.wasm`) < requests.indexOf('/boot.js'), requests.join(', '));
      assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), []);
      // Neither page loads the other app, nor the on-demand worker.
      const other = bundle === 'reader' ? 'workbench' : 'reader';
      assert.deepEqual(requests.filter((p) => p.includes(other) || p.includes('worker')), [], requests.join(', '));
      // The framework catalogues come with the frameworks view, not before.
      assert.deepEqual(requests.filter((p) => /\/(frameworks|mappings)\//.test(p)), [], requests.join(', '));
    } finally {
      await context.close();
      await server.close();
    }
  });
}

async function controlled(page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
}

test('after one visit the app works offline, and a step can be completed', async () => {
  const server = await serve();
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);
  await controlled(page);
  // One visit is over once the service worker holds the workbench.
  await waitForCached(page, ['workbench.html', 'workbench.js', 'workbench_bg.wasm']);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await page.getByLabel('Name').fill('Offline review');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForFunction(() => /^#\/assessments\/a-/.test(location.hash));
  const base = await page.evaluate(() => location.hash);
  await page.goto(`${server.origin}/${base}/assess/threat-modeling`);
  await page.waitForSelector('.checklist-page');
  await page.check('input[data-indicator="threat-modeling.1.a"]');
  await page.reload();
  await page.waitForSelector('.checklist-page');
  assert.ok(await page.isChecked('input[data-indicator="threat-modeling.1.a"]'), 'the step was saved offline');
  await context.setOffline(false);
  await page.reload();
  await appReady(page);
  await context.close();
  await server.close();
});

test('a new deployment is offered with a visible prompt', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'smm-site-'));
  await cp(dist, dir, { recursive: true });
  const server = await serve(dir);
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/#/practices');
  await appReady(page);
  await controlled(page);
  // Deploy a "new version": the service worker's version changes.
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  await writeFile(join(dir, 'sw.js'), sw.replace(/const VERSION = '[^']+'/, "const VERSION = 'next-release'"));
  await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
  await page.waitForSelector('.update-banner', { timeout: 10000 });
  assert.match(await page.textContent('.update-banner'), /new version/);
  await screenshot(page, 'update-prompt');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
  await appReady(page);
  const caches = await page.evaluate(async () => await window.caches.keys());
  // One cache per scope and version: the new one alone, the old one gone.
  assert.deepEqual(caches, [`smm-navigator|${server.origin}/|next-release`], 'the old cache is gone');
  await context.close();
  await server.close();
});
