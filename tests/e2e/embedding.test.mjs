// Embedding in a documentation page: the script-tag cards and mini
// self-assessment, the iframe route, the host page left alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, dist, root, screenshot, axeViolations, horizontalOverflow } from './harness.mjs';

let server;
let appServer;
let browser;
// The documentation page with another `data-smm-app-url`, at /<folder>/.
async function docsVariant(site, folder, appUrl) {
  const html = await readFile(join(root, 'examples/docs-page/index.html'), 'utf8');
  await mkdir(join(site, folder), { recursive: true });
  await cp(join(root, 'examples/docs-page/docs.css'), join(site, folder, 'docs.css'));
  await writeFile(join(site, folder, 'index.html'), html.replace('data-smm-app-url="../app/"', `data-smm-app-url="${appUrl}"`));
}
before(async () => {
  const site = await mkdtemp(join(tmpdir(), 'smm-docs-'));
  await cp(dist, join(site, 'app'), { recursive: true });
  await cp(join(root, 'examples/docs-page'), join(site, 'docs'), { recursive: true });
  for (const [folder, url] of [['docs-js', 'javascript:window.__pwned=1'], ['docs-tab', ' java&#9;script:window.__pwned=1'], ['docs-data', 'data:text/html,&lt;b&gt;x&lt;/b&gt;']]) {
    await docsVariant(site, folder, url);
  }
  // Mini checks for a role: a product supplier's, and one whose role attribute is hostile.
  await mkdir(join(site, 'docs-roles'), { recursive: true });
  await writeFile(join(site, 'docs-roles', 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Roles</title></head><body><main>
<div id="supplier" data-smm-mini="physical-protection" data-smm-role="product-supplier" data-smm-app-url="../app/"></div>
<div id="hostile" data-smm-mini="physical-protection" data-smm-role="&quot;&gt;&lt;img src=x onerror=window.__pwned=1&gt;" data-smm-app-url="../app/"></div>
<script type="module" src="../app/embed.js"></script></main></body></html>`);
  // The app alone on a second origin (another port), for the carry-over across origins.
  appServer = await serve(dist);
  await docsVariant(site, 'docs-other-origin', appServer.origin + '/');
  server = await serve(site);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await appServer?.close(); });

const keys = (page) => page.evaluate(() => Object.keys(localStorage).sort());

for (const [label, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
  test(`the example documentation page shows cards, a mini check and an iframe (${label})`, async () => {
    const { page, context, foreign, errors } = await openPage(browser, server.origin, viewport);
    await page.goto(server.origin + '/docs/');
    await page.evaluate(() => localStorage.setItem('host.preference', 'keep-me'));
    await page.waitForSelector('[data-smm-practice="threat-modeling"] .smm-card');
    // The host's own text keeps its own font.
    assert.match(await page.$eval('.host-text', (e) => getComputedStyle(e).fontFamily), /Georgia/);
    assert.equal(await page.textContent('h1'), 'Threat modelling for connected devices');
    // Cards: tabs per level, arrow keys move between them.
    const card = page.locator('[data-smm-practice="threat-modeling"]');
    assert.equal(await card.locator('[role=tab]').count(), 4);
    await card.locator('[role=tab]').first().focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await card.locator('[role=tab][aria-selected=true]').textContent(), 'Level 2 · Ad hoc');
    assert.ok(await card.locator('[role=tabpanel]:not([hidden])').textContent().then((t) => t.includes('Indicators of accomplishment')));
    const dark = await page.$eval('[data-smm-practice="patch-management"] .smm-embed', (e) => getComputedStyle(e).backgroundColor);
    assert.equal(dark, 'rgb(20, 23, 27)', 'the dark look');
    // The card follows the host's width.
    const widths = await page.$eval('[data-smm-practice="threat-modeling"]', (e) => [e.getBoundingClientRect().width, e.querySelector('.smm-embed').getBoundingClientRect().width]);
    assert.ok(Math.abs(widths[0] - widths[1]) < 2, `card width ${widths[1]} vs host ${widths[0]}`);
    const overflow = await horizontalOverflow(page);
    assert.ok(overflow <= 0, `overflow ${overflow}px`);
    // Mini self-assessment: answers stay under the embed's own key, and survive a reload.
    const mini = page.locator('[data-smm-mini]');
    await mini.locator('input[data-indicator="threat-modeling.1.a"]').check();
    await mini.locator('input[data-indicator="threat-modeling.1.b"]').check();
    await mini.locator('input[data-indicator="threat-modeling.1.c"]').check();
    assert.match(await mini.locator('[data-practice="threat-modeling"] .smm-mini-level').textContent(), /Level reached: 1/);
    const stored = await keys(page);
    assert.deepEqual(stored.filter((k) => k !== 'host.preference' && !k.startsWith('smm-navigator.v1.embed.')), [], `keys outside the embed's own: ${stored}`);
    assert.equal(await page.evaluate(() => localStorage.getItem('host.preference')), 'keep-me');
    await page.reload();
    await page.waitForSelector('[data-smm-mini] input[data-indicator="threat-modeling.1.a"]');
    assert.ok(await page.isChecked('[data-smm-mini] input[data-indicator="threat-modeling.1.a"]'));
    // The iframe route shows the card alone.
    const frame = page.frameLocator('iframe');
    await frame.locator('.smm-card[data-practice="access-control"]').waitFor();
    assert.equal(await frame.locator('.smm-header').count(), 0, 'no app chrome in the iframe');
    await screenshot(page, `docs-page-${label}`);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(foreign(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the mini check continues in the full app with its answers', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/docs/');
  const mini = page.locator('[data-smm-mini]');
  await mini.locator('input[data-indicator="risk-attitude.1.a"]').waitFor();
  for (const l of ['a', 'b', 'c']) await mini.locator(`input[data-indicator="risk-attitude.1.${l}"]`).check();
  const [app] = await Promise.all([context.waitForEvent('page'), mini.getByRole('button', { name: 'Continue in SMM Navigator' }).click()]);
  await app.waitForSelector('#smm-main h1');
  assert.equal(await app.evaluate(() => window.opener), null, 'the app opens with noopener');
  assert.match(app.url(), /\/app\/workbench\.html#\/assessments\/a-/, "the old #/assessments link lands in the workbench");
  assert.equal((await app.textContent('#smm-main h1')).trim(), 'Quick check from the documentation');
  await app.goto(app.url().replace(/#.*/, '') + '#/assessments/' + app.url().split('/').pop() + '/assess/risk-attitude');
  await app.waitForSelector('.checklist-page');
  assert.match(await app.textContent('.live-level'), /Derived level 1/);
  await context.close();
});

for (const folder of ['docs-js', 'docs-tab', 'docs-data']) {
  test(`a data-smm-app-url that is not a web address is refused with a message (${folder})`, async () => {
    const { page, context, errors } = await openPage(browser, server.origin);
    await page.goto(server.origin + `/${folder}/`);
    const mini = page.locator('[data-smm-mini]');
    await mini.locator('input[data-indicator="risk-attitude.1.a"]').check();
    const opened = [];
    context.on('page', (p) => opened.push(p.url()));
    await mini.getByRole('button', { name: 'Continue in SMM Navigator' }).click();
    await page.waitForTimeout(500);
    assert.match(await mini.locator('.smm-mini-message').textContent(), /not a web address, so nothing was\s+opened/);
    assert.deepEqual(opened, []);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran in the documentation origin');
    assert.deepEqual((await keys(page)).filter((k) => k.startsWith('smm-navigator.v1.assessment.')), [], 'nothing stored in the host origin');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a mini check asks for the evidence of its data-smm-role; a hostile role is read as asset owner', async () => {
  const catalogue = JSON.parse(await readFile(join(root, 'crates/smm-core/data/catalogue.json'), 'utf8'));
  const level1 = catalogue.practices.find((p) => p.id === 'physical-protection').levels[0].indicators;
  const forRole = (role) => level1.filter((i) => !i.roles || i.roles.includes(role)).map((i) => i.id).sort();
  assert.notDeepEqual(forRole('product-supplier'), forRole('asset-owner'), 'level 1 differs by role');
  const { page, context, errors } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/docs-roles/');
  await page.waitForSelector('#hostile input[data-indicator]');
  const shown = (id) => page.$$eval(`#${id} [data-practice] fieldset:first-of-type input[data-indicator]`, (xs) => xs.map((x) => x.dataset.indicator).sort());
  assert.deepEqual(await shown('supplier'), forRole('product-supplier'));
  assert.deepEqual(await shown('hostile'), forRole('asset-owner'));
  assert.match(await page.textContent('#supplier'), /as product suppliers/);
  // Every level-1 indicator of the supplier's ticked: level 1 for a supplier.
  for (const id of forRole('product-supplier')) await page.locator(`#supplier input[data-indicator="${id}"]`).check();
  assert.match(await page.textContent('#supplier .smm-mini-level'), /Level reached: 1/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the attribute never became markup');
  assert.equal(await page.$('img[src="x"]'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('across origins, Continue saves the answers as a file and opens the app with noopener, storing nothing in the host', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/docs-other-origin/');
  const mini = page.locator('[data-smm-mini]');
  for (const l of ['a', 'b', 'c']) await mini.locator(`input[data-indicator="risk-attitude.1.${l}"]`).check();
  const [download, app] = await Promise.all([
    page.waitForEvent('download'),
    context.waitForEvent('page'),
    mini.getByRole('button', { name: 'Continue in SMM Navigator' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'quick-check.smm.json');
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(file.results['risk-attitude'].indicators_met.sort(), ['risk-attitude.1.a', 'risk-attitude.1.b', 'risk-attitude.1.c']);
  await app.waitForLoadState();
  // The reader's old #/assessments address lands in the workbench's list, where the file is imported.
  assert.ok([appServer.origin + '/#/assessments', appServer.origin + '/workbench.html#/assessments'].includes(app.url()), app.url());
  assert.equal(await app.evaluate(() => window.opener), null, 'noopener');
  assert.match(await mini.locator('.smm-mini-message').textContent(), /saved as a file.*import the file there/s);
  assert.deepEqual((await keys(page)).filter((k) => k.startsWith('smm-navigator.v1.assessment.')), [], 'nothing stored in the host origin');
  await context.close();
});

test('the iframe route alone, in the dark look', async () => {
  const { page, context } = await openPage(browser, server.origin, { width: 600, height: 700 });
  await page.goto(server.origin + '/app/#/embed/practice/physical-protection?theme=dark');
  await page.waitForSelector('.smm-card');
  assert.equal(await page.locator('.smm-theme-dark').count(), 1);
  await page.goto(server.origin + '/app/#/embed/mini/patch-management');
  await page.reload();
  await page.waitForSelector('.smm-mini [data-practice="patch-management"]');
  await context.close();
});
