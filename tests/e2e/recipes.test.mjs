// The embed recipes of docs/embedding.md, built for real: an MkDocs site with
// the Material theme and instant navigation, a Sphinx site and a Hugo site
// (shortcodes), all from examples/, served beside the built app at /app/. The custom elements render
// on the first load and after an instant navigation, the mini self-assessment
// keeps its answers, and no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, dist, root, screenshot, axeViolations } from './harness.mjs';

let server;
let browser;
// Phone and desktop width, light and dark: the screenshots of each generated site.
const VIEWS = [
  ['desktop, light', { width: 1280, height: 900 }, 'light'],
  ['desktop, dark', { width: 1280, height: 900 }, 'dark'],
  ['phone, light', { width: 390, height: 844 }, 'light'],
  ['phone, dark', { width: 390, height: 844 }, 'dark'],
];
before(async () => {
  const site = await mkdtemp(join(tmpdir(), 'smm-recipes-'));
  await cp(dist, join(site, 'app'), { recursive: true });
  // Serve first: Material's instant navigation follows the links of its
  // sitemap, whose addresses keep site_url's port, so site_url must be the
  // address the site is served at (here an ephemeral port).
  server = await serve(site);
  const config = join(site, 'mkdocs.yml');
  await writeFile(config, [
    `INHERIT: ${join(root, 'examples/mkdocs-site/mkdocs.yml')}`,
    `docs_dir: ${join(root, 'examples/mkdocs-site/docs')}`,
    `site_url: ${server.origin}/mkdocs/`,
  ].join('\n'));
  execFileSync('python3', ['-m', 'mkdocs', 'build', '-q', '-f', config, '-d', join(site, 'mkdocs')]);
  execFileSync('python3', ['-m', 'sphinx', '-q', '-b', 'html', join(root, 'examples/sphinx-site'), join(site, 'sphinx')]);
  execFileSync('hugo', ['--quiet', '-s', join(root, 'examples/hugo-site'), '-d', join(site, 'hugo'), '--baseURL', `${server.origin}/hugo/`]);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

for (const [label, viewport, scheme] of VIEWS) {
  test(`MkDocs Material: the elements render on first load and after an instant navigation (${label})`, async () => {
    const { page, context, foreign, errors } = await openPage(browser, server.origin, viewport);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.origin + '/mkdocs/');
    const card = page.locator('smm-practice-card[practice="threat-modeling"]');
    await card.locator('[role="tab"][aria-selected="true"]').waitFor();
    assert.equal(await card.locator('[role="tab"][aria-selected="true"]').textContent(), 'Level 2 · Ad hoc');
    const mini = page.locator('smm-mini-assessment');
    await mini.locator('input[data-indicator="threat-modeling.1.a"]').check();
    await screenshot(page, `recipe-mkdocs-${scheme}-${viewport.width}`);
    // Instant navigation: Material fetches the next page and swaps its content in; no reload.
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.getByRole('link', { name: 'patching', exact: true }).click();
    const next = page.locator('smm-practice-card[practice="patch-management"]');
    await next.locator('[data-practice="patch-management"]').waitFor();
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded: the element rendered when inserted');
    assert.ok(await next.locator('.smm-theme-dark').count() > 0, 'theme="dark" is kept');
    await screenshot(page, `recipe-mkdocs-patching-${scheme}-${viewport.width}`);
    // Back, still without a reload: the mini self-assessment has kept its answer.
    await page.goBack();
    await mini.locator('input[data-indicator="threat-modeling.1.a"]').waitFor();
    assert.ok(await mini.locator('input[data-indicator="threat-modeling.1.a"]').isChecked(), 'the answer was kept');
    // Our elements (with their shadow roots); Material's own search dialog is not ours to fix.
    assert.deepEqual(await axeViolations(page, ['smm-practice-card', 'smm-mini-assessment']), []);
    assert.deepEqual(foreign(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('Hugo shortcodes: the elements render, and a hostile shortcode value stays text', async () => {
  const { page, context, foreign, errors } = await openPage(browser, server.origin, { width: 390, height: 844 });
  await page.goto(server.origin + '/hugo/');
  const card = page.locator('smm-practice-card[practice="threat-modeling"]');
  await card.locator('[role="tab"][aria-selected="true"]').waitFor();
  assert.equal(await card.locator('[role="tab"][aria-selected="true"]').textContent(), 'Level 2 · Ad hoc');
  assert.match(await page.locator('smm-practice-card .smm-embed-error').textContent(), /there is no practice “"><img src=x/);
  const mini = page.locator('smm-mini-assessment');
  assert.match(await mini.locator('.smm-mini').textContent(), /as service providers/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  await screenshot(page, 'recipe-hugo-phone');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [label, viewport, scheme] of VIEWS) {
test(`Sphinx: the elements render, with the level asked for (${label})`, async () => {
  const { page, context, foreign, errors } = await openPage(browser, server.origin, viewport);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(server.origin + '/sphinx/');
  const card = page.locator('smm-practice-card[practice="threat-modeling"]');
  await card.locator('[role="tab"][aria-selected="true"]').waitFor();
  assert.equal(await card.locator('[role="tab"][aria-selected="true"]').textContent(), 'Level 3 · Consistent');
  const mini = page.locator('smm-mini-assessment');
  await mini.locator('input[data-indicator="patch-management.1.a"]').check();
  await screenshot(page, `recipe-sphinx-${scheme}-${viewport.width}`);
  assert.deepEqual(await axeViolations(page, ['smm-practice-card', 'smm-mini-assessment']), []);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});
}
