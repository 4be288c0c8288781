// Stored profiles, framework catalogues and mappings (issue 23): a stored file
// that fails is listed with the unreadable entries; one whose reading did not
// finish the last time is set aside and not read; the list of loaded files
// removes any of them; the assessments stay as they are throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, storedItems, axeViolations, screenshot, root } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const P = 'smm-navigator.v1.';
const example = await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8');
const bottling = JSON.parse(example);
const csf = JSON.parse(await readFile(join(root, 'crates/smm-core/data/frameworks/csf-2.0.json'), 'utf8'));
const profile = JSON.parse(await readFile(join(root, 'crates/smm-core/data/profiles/retail-pos.json'), 'utf8'));
const chain = await readFile(join(root, 'tests/fixtures/hostile-frameworks/long-parent-chain.json'), 'utf8');

test('a failing stored framework is listed, an unfinished one set aside, and every loaded file can be removed', async () => {
  const { page, context, errors, foreign } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(page);
  const mine = { ...csf, id: 'my-framework', name: 'My framework' };
  const stuck = { ...profile, id: 'stuck-profile', name: 'Stuck profile' };
  await page.evaluate((items) => { for (const [k, v] of items) localStorage.setItem(k, v); }, [
    [`${P}assessment.${bottling.id}`, example],
    [`${P}framework.my-framework`, JSON.stringify(mine)],
    [`${P}framework.evil`, chain],
    [`${P}profile.stuck-profile`, JSON.stringify(stuck)],
    [`${P}profile.retail-pos`, JSON.stringify(profile)],
    // What a start that stopped while reading this profile leaves behind.
    [`${P}reading`, `${P}profile.stuck-profile`],
  ]);
  const before = await storedItems(page);
  await page.reload();
  await appReady(page);
  const banner = page.locator('.banner.warning');
  await banner.waitFor();
  const entry = (key) => banner.locator(`li[data-key="${key}"]`);
  assert.match(await entry(`${P}framework.evil`).textContent(), /more than 8 tiers deep/);
  assert.match(await entry(`${P}profile.stuck-profile`).textContent(), /set aside and not read: reading it did not finish/);
  // The loaded files: the readable ones, each with its remove button.
  const list = page.locator('.loaded-files');
  await list.waitFor();
  assert.deepEqual(await list.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.key)).then((k) => k.sort()),
    [`${P}framework.my-framework`, `${P}profile.retail-pos`]);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'stored-files');
  // Nothing was changed by reading: every stored text is as it was (the marker aside).
  const now = await storedItems(page);
  for (const [k, v] of Object.entries(before)) {
    if (k === `${P}reading`) continue;
    assert.equal(now[k], v, `${k} unchanged`);
  }
  assert.equal(now[`${P}reading`], undefined, 'no read left unfinished');
  // The set-aside profile stays aside at the next start (not read again).
  await page.reload();
  await appReady(page);
  await entry(`${P}profile.stuck-profile`).waitFor();
  // Remove a loaded framework by keyboard, and the set-aside profile from the banner.
  await list.getByRole('button', { name: 'Remove the framework catalogue My framework' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((k) => localStorage.getItem(k) === null, `${P}framework.my-framework`);
  await entry(`${P}profile.stuck-profile`).getByRole('button', { name: 'Remove this entry' }).click();
  await page.waitForFunction((k) => localStorage.getItem(k) === null, `${P}profile.stuck-profile`);
  const after = await storedItems(page);
  assert.equal(after[`${P}aside.${P}profile.stuck-profile`], undefined, 'its set-aside note went with it');
  assert.equal(after[`${P}assessment.${bottling.id}`], example, 'the assessment is untouched');
  await page.reload();
  await appReady(page);
  assert.deepEqual(await page.locator('.loaded-files tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.key)), [`${P}profile.retail-pos`]);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the review\'s hostile framework catalogues are refused in the page quickly, with their message, nothing stored', async () => {
  const { page, context, errors } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(page);
  const expected = JSON.parse(await readFile(join(root, 'tests/fixtures/hostile-frameworks/expected.json'), 'utf8'));
  const before = await storedItems(page);
  for (const name of ['long-parent-chain.json', 'nine-tiers.json', 'long-group-id.json', 'long-requirement-id.json']) {
    const started = Date.now();
    await page.getByLabel(/Import files/).setInputFiles(join(root, 'tests/fixtures/hostile-frameworks', name));
    await page.waitForFunction((n) => document.querySelector('.transfer-message .notice.error')?.textContent.includes(`“${n}” was not imported`), name);
    const took = Date.now() - started;
    const text = await page.textContent('.transfer-message');
    assert.ok(text.includes(expected[name].message), `${name}: ${text}`);
    assert.ok(took < 3000, `${name} took ${took} ms`);
    assert.deepEqual(await storedItems(page), before, `${name} changed storage`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
