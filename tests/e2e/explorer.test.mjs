// The first end-to-end test: the practice explorer by keyboard only, the
// screenshots, accessibility, and no request beyond the app's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady, screenshot, axeViolations, tabUntil, horizontalOverflow } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('walks from the home page to a practice by keyboard only, with no foreign request', async () => {
  const { page, foreign, errors, context } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/');
  await appReady(page);
  assert.match(await page.textContent('#smm-main h1'), /security maturity/i);

  // Tab to the "Practices" link of the main navigation and follow it.
  await tabUntil(page, () => document.activeElement?.textContent?.trim() === 'Practices');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/practices');
  await page.waitForSelector('.explorer');
  const names = await page.$$eval('.practice-link', (as) => as.map((a) => a.textContent.trim()));
  assert.equal(names.length, 18, `18 practices listed, got ${names.length}`);
  assert.equal(new Set(names).size, 18);
  assert.ok(names.includes('Threat Modeling') && names.includes('Remediation, Recovery and Continuity of Operations'));
  // Focus moved to the new page's heading.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');

  // Tab to "Threat Modeling" and open it.
  await tabUntil(page, () => document.activeElement?.textContent?.trim() === 'Threat Modeling');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/practices/threat-modeling');
  await page.waitForSelector('article.practice[data-practice="threat-modeling"]');
  assert.equal((await page.textContent('#smm-main h1')).trim(), 'Threat Modeling');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Threat Modeling');
  assert.equal(await page.locator('.level-column').count(), 4);
  assert.ok((await page.locator('[data-indicator^="threat-modeling.3."]').count()) >= 3);
  await screenshot(page, 'explorer-keyboard-practice');

  assert.deepEqual(foreign(), [], 'requests to anything but the app’s own files');
  assert.deepEqual(errors, [], 'console errors');
  await context.close();
});

test('a deep link opens a practice directly; an unknown id says so', async () => {
  const { page, context, foreign } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/#/practices/patch-management');
  await appReady(page);
  assert.equal((await page.textContent('#smm-main h1')).trim(), 'Patch Management');
  await page.goto(server.origin + '/#/practices/no-such-practice');
  await page.waitForFunction(() => document.querySelector('#smm-main h1')?.textContent === 'Page not found');
  assert.deepEqual(foreign(), []);
  await context.close();
});

for (const [label, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 900 }]]) {
  test(`home and practice pages on a ${label}: no horizontal overflow, no axe violation`, async () => {
    const { page, context, foreign, errors } = await openPage(browser, server.origin, viewport);
    for (const [name, hash] of [['home', '#/'], ['explorer', '#/practices'], ['practice', '#/practices/access-control']]) {
      await page.goto(`${server.origin}/${hash}`);
      await appReady(page);
      const overflow = await horizontalOverflow(page);
      assert.ok(overflow <= 0, `${name} overflows horizontally by ${overflow}px on a ${label}`);
      await screenshot(page, `${name}-${label}`);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${name} on a ${label}`);
    }
    assert.deepEqual(foreign(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
