// The custom elements of embed.js, as documentation sites use them: an element
// added at any time renders (instant navigation, client-side routers), a
// changed attribute renders again, a removed element releases its view, the
// host page's styles and the card's do not mix (shadow root), and attributes
// are outside input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, dist, screenshot, axeViolations } from './harness.mjs';

let server;
let browser;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Elements</title>
<style>
  /* A host stylesheet that tries to restyle everything the card is made of. */
  button, [role="tab"] { display: none !important; }
  p, li, h2, h3 { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
  .smm-embed-root { outline: 9px solid lime; }
  /* The documented ways in: custom properties and parts. */
  #card { --smm-theme-accent: rgb(91, 33, 182); --smm-theme-radius: 0px; }
  #card::part(card) { border-width: 3px; }
</style></head><body><main>
<h1>Security maturity</h1>
<smm-practice-card id="card" practice="threat-modeling" level="2" heading="2"></smm-practice-card>
<smm-mini-assessment id="mini" practices="risk-attitude,risk-attitude" app-url="../app/"></smm-mini-assessment>
<smm-practice-card id="bad" practice="&lt;img src=x onerror=window.__pwned=1&gt;"></smm-practice-card>
<smm-mini-assessment id="empty" practices=""></smm-mini-assessment>
<smm-mini-assessment id="huge" practices="${Array.from({ length: 5000 }, (_, i) => `p${i}`).join(',')},patch-management" app-url="javascript:window.__pwned=1"></smm-mini-assessment>
<p id="host-text">The host's own paragraph.</p>
<script type="module" src="../app/embed.js"></script></main></body></html>`;

before(async () => {
  const site = await mkdtemp(join(tmpdir(), 'smm-elements-'));
  await cp(dist, join(site, 'app'), { recursive: true });
  await mkdir(join(site, 'docs'), { recursive: true });
  await writeFile(join(site, 'docs', 'index.html'), PAGE);
  server = await serve(site);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('custom elements render in a shadow root, follow their attributes, and release what they held', async () => {
  const { page, context, foreign, errors } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/docs/');
  // Playwright's CSS locators pierce open shadow roots.
  const card = page.locator('#card');
  await card.locator('[role="tab"]').first().waitFor();
  assert.equal(await page.evaluate(() => Boolean(document.querySelector('#card').shadowRoot)), true);
  assert.equal(await page.evaluate(() => document.querySelectorAll('.smm-embed-root').length), 0, 'nothing rendered into the page itself');
  // level="2" opens the second tab; the host's `display: none` on buttons does not reach the tabs.
  assert.equal(await card.locator('[role="tab"][aria-selected="true"]').textContent(), 'Level 2 · Ad hoc');
  assert.ok(await card.locator('[role="tab"]').first().isVisible(), 'the host stylesheet does not hide the tabs');
  // heading="2": the title sits right under the page's h1 (axe's heading order holds).
  assert.equal(await card.locator('h2.smm-card-title').count(), 1);
  const color = await card.locator('h2').evaluate((h) => getComputedStyle(h).color);
  assert.notEqual(color, 'rgb(255, 0, 0)', 'the host stylesheet does not recolour the card');
  assert.notEqual(await page.locator('#host-text').evaluate((p) => getComputedStyle(p).fontSize), '16px', 'the host keeps its own style');
  // The host themes it through the documented custom properties and parts.
  const tab = card.locator('[role="tab"][aria-selected="true"]');
  assert.equal(await tab.evaluate((t) => getComputedStyle(t).backgroundColor), 'rgb(91, 33, 182)');
  assert.equal(await tab.evaluate((t) => getComputedStyle(t).borderTopLeftRadius), '0px');
  assert.equal(await card.locator('article').evaluate((a) => getComputedStyle(a).borderTopWidth), '3px');
  // Printed, the card shows the open level in full without the tab controls.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await card.locator('[role="tablist"]').isVisible(), false);
  assert.equal(await card.locator('[role="tabpanel"]:not([hidden]) .smm-print-level').textContent(), 'Level 2 · Ad hoc');
  assert.ok(await card.locator('[role="tabpanel"]:not([hidden]) .smm-print-level').isVisible());
  await page.emulateMedia({ media: 'screen' });
  // Keyboard: arrows move between the tabs inside the shadow root.
  await card.locator('[role="tab"][aria-selected="true"]').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await card.locator('[role="tab"][aria-selected="true"]').textContent(), 'Level 3 · Consistent');
  assert.equal(await page.evaluate(() => document.querySelector('#card').shadowRoot.activeElement?.textContent), 'Level 3 · Consistent');

  // A changed attribute renders again.
  await page.evaluate(() => document.querySelector('#card').setAttribute('practice', 'patch-management'));
  await card.locator('[data-practice="patch-management"]').waitFor();
  // An element added later (as after an instant navigation) renders.
  await page.evaluate(() => {
    const el = document.createElement('smm-practice-card');
    el.id = 'late';
    el.setAttribute('practice', 'access-control');
    el.setAttribute('theme', 'dark');
    document.querySelector('main').append(el);
  });
  await page.locator('#late [data-practice="access-control"]').waitFor();
  // A removed element releases its view: the view is unmounted from its shadow root.
  const left = await page.evaluate(() => {
    const el = document.querySelector('#late');
    const before = el.shadowRoot.querySelector('.smm-embed-host').childElementCount;
    el.remove();
    return [before, el.shadowRoot.querySelector('.smm-embed-host').childElementCount];
  });
  assert.deepEqual(left, [1, 0], 'mounted while in the page, unmounted once removed');

  // The mini check: each practice once; its answers stay after the element is re-rendered.
  const mini = page.locator('#mini');
  assert.equal(await mini.locator('.smm-mini-practice').count(), 1, 'a practice named twice is asked once');
  await mini.locator('input[data-indicator="risk-attitude.1.a"]').check();
  await page.evaluate(() => document.querySelector('#mini').setAttribute('theme', 'dark'));
  await mini.locator('.smm-theme-dark').waitFor();
  assert.ok(await mini.locator('input[data-indicator="risk-attitude.1.a"]').isChecked(), 'the answer is kept');

  // Attributes are input: messages in the element, and nothing else.
  assert.match(await page.locator('#bad .smm-embed-error').textContent(), /there is no practice “<img src=x onerror=window.__pwned=1>”/);
  assert.match(await page.locator('#empty .smm-embed-error').textContent(), /names no known practice/);
  const huge = page.locator('#huge');
  assert.equal(await huge.locator('.smm-mini-practice').count(), 0, 'only the first 64 ids are read, none of them known');
  assert.match(await huge.locator('.smm-embed-error').textContent(), /names no known practice/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);

  await screenshot(page, 'elements-desktop');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});
