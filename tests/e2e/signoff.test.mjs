// Sign-off, evidence that expires and findings to closure (issue 27, items
// 3-5): an assessor signs the bottling example on the report page, changes a
// target in the workbench, sees "changed since sign-off" with that change
// listed on every page of the assessment and in the report, and signs again;
// `smm validate` checks the hashes the page computed. Evidence past its review
// date shows in the checklist, the results and the report. A roadmap step's
// status change enters its history with the note, and the history survives a
// backup file exported and imported in a fresh browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, root, artifacts, screenshot, axeViolations, smm } from './harness.mjs';

const example = await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8');
const { id } = JSON.parse(example);
const KEY = `smm-navigator.v1.assessment.${id}`;

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); await mkdir(artifacts, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

async function seeded() {
  const o = await openPage(browser, server.origin);
  await o.page.goto(`${server.origin}/__seed__`);
  await o.page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, example]);
  return o;
}

const stored = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
const today = (page) => page.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

/** `smm validate` on what the page stored: the CLI recomputes the page's hashes. */
async function validate(a) {
  const path = join(artifacts, 'signoff-stored.smm.json');
  await writeFile(path, JSON.stringify(a));
  return smm(['validate', path]);
}

async function sign(page, name, role) {
  const form = page.locator('.signoff-form');
  await form.getByLabel('Name of the signer').fill(name);
  await form.getByLabel('Role or title').fill(role);
  await form.getByLabel('Scope of the approval').fill('Line 3 filling and capping');
  await form.getByRole('button', { name: 'Sign off' }).click();
  await page.waitForFunction((n) => (document.querySelector('.signoff-form [role="status"]')?.textContent ?? '').includes(`Signed off by ${n}`), name, { timeout: 30000 });
}

test('sign, change a target, see the change listed everywhere, sign again; the CLI checks the hashes', async () => {
  const { page, context, foreign, errors } = await seeded();
  try {
    const day = await today(page);
    await page.goto(`${server.origin}/review.html#/assessments/${id}/report`);
    await page.waitForSelector('.report-body');
    assert.match(await page.textContent('.report-signoff'), /Not signed off\./);
    assert.match(await page.textContent('.signoff-panel'), /not proof of identity/);
    await sign(page, 'A. Lee', 'Plant manager');
    assert.equal((await page.textContent('.signoff-banner')).trim(), `Unchanged since sign-off on ${day} by A. Lee.`);
    let a = await stored(page);
    assert.equal(a.signoffs.length, 1);
    assert.equal(a.signoffs[0].scope, 'Line 3 filling and capping');
    let out = await validate(a);
    assert.match(out, /the signed content kept in the file matches its SHA-256/);
    assert.match(out, /the current content matches the signed SHA-256/);

    // Change a target in the workbench.
    await page.goto(`${server.origin}/workbench.html#/assessments/${id}/targets/threat-modeling`);
    await page.waitForSelector('.target-editor[data-practice="threat-modeling"]');
    assert.match(await page.textContent('.signoff-banner'), /Unchanged since sign-off/);
    await page.click('label[for="target-level-4"]');
    await page.waitForFunction(() => /Changed since sign-off/.test(document.querySelector('.signoff-banner')?.textContent ?? ''));
    const banner = page.locator('.signoff-banner');
    assert.match(await banner.textContent(), new RegExp(`Changed since sign-off on ${day} by A\\. Lee: 1 change\\.`));
    await banner.getByText('What changed').click();
    assert.deepEqual(await page.$$eval('.signoff-banner .signoff-changes li', (li) => li.map((x) => x.textContent)), ['Threat Modeling: target level 2 → 4']);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'signoff-changed-banner');
    out = await validate(await stored(page));
    assert.match(out, /sign-off: Changed since sign-off on .* by A\. Lee: 1 change\./);
    assert.match(out, /changed: Threat Modeling: target level 2 → 4/);

    // The banner's link leads to the report, which says the same; sign again.
    await banner.getByRole('link', { name: 'Review and sign again' }).click();
    await page.waitForSelector('.report-body');
    assert.equal(new URL(page.url()).pathname, '/review.html');
    assert.match(await page.textContent('.report-signoff'), /Changed since sign-off/);
    assert.deepEqual(await page.$$eval('.report-body .signoff-changes li', (li) => li.map((x) => x.textContent)), ['Threat Modeling: target level 2 → 4']);
    await sign(page, 'B. Kaur', 'CISO');
    assert.equal((await page.textContent('.signoff-banner')).trim(), `Unchanged since sign-off on ${day} by B. Kaur.`);
    const rows = await page.$$eval('.signoff-list tbody tr', (trs) => trs.map((t) => [t.className, t.cells[1].textContent]));
    assert.deepEqual(rows, [['', 'B. Kaur'], ['superseded', 'A. Lee']]);
    a = await stored(page);
    assert.equal(a.signoffs.length, 2);
    assert.ok(!('content' in a.signoffs[0]) && 'content' in a.signoffs[1], 'only the newest keeps the signed content');
    out = await validate(a);
    assert.match(out, /Unchanged since sign-off on .* by B\. Kaur/);
    assert.match(out, /2 sign-off\(s\) kept/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'signoff-report');
    assert.deepEqual(foreign(), []);
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), [], 'only the seeding page is missing');
  } finally {
    await context.close();
  }
});

test('evidence past its review date shows in the checklist, the results and the report; the indicators stay met', async () => {
  const { page, context, errors } = await seeded();
  try {
    const before = (await stored(page)).results['physical-protection'].indicators_met;
    await page.goto(`${server.origin}/workbench.html#/assessments/${id}/results`);
    await page.waitForSelector('#expired-evidence');
    const rows = await page.$$eval('#expired-evidence tbody tr', (trs) => trs.map((t) => [...t.cells].map((c) => c.textContent)));
    assert.deepEqual(rows, [['Physical Protection', 'Site security audit 2025', 'Site facilities manager', '2025-06-12', '2026-06-30']]);
    assert.match(await page.textContent('.expired-evidence'), /physical-protection\.1\.a/);
    await page.goto(`${server.origin}/workbench.html#/assessments/${id}/assess/physical-protection`);
    await page.waitForSelector('input[data-indicator="physical-protection.1.a"]');
    assert.ok(await page.isChecked('input[data-indicator="physical-protection.1.a"]'), 'still met');
    assert.equal(await page.locator('.stale').count(), before.length);
    assert.match(await page.textContent('.evidence-list .expired'), /Past its review date \(2026-06-30\)/);
    await screenshot(page, 'evidence-expired-checklist');
    assert.deepEqual((await stored(page)).results['physical-protection'].indicators_met, before, 'nothing un-ticked by itself');
    await page.goto(`${server.origin}/review.html#/assessments/${id}/report`);
    await page.waitForSelector('.report-body');
    assert.match(await page.textContent('.report-evidence tr.expired'), /2026-06-30 \(past its date\)/);
    assert.equal(await page.locator('#report-expired-evidence tbody tr').count(), 1);
    assert.match(await page.textContent('.report-progress'), /\d/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), [], 'only the seeding page is missing');
  } finally {
    await context.close();
  }
});

test('a status change enters the step history with its note and survives a backup file into a fresh browser', async () => {
  const { page, context, errors } = await seeded();
  let file;
  try {
    const day = await today(page);
    await page.goto(`${server.origin}/workbench.html#/assessments/${id}/roadmap`);
    await page.waitForSelector('.roadmap-steps');
    const step = page.locator('li.step[data-step="patch-management@2"]');
    assert.match(await step.locator('.step-history summary').textContent(), /Status history \(1\)/);
    await step.getByLabel('Note for the next status change').fill('Vendor slot confirmed');
    await step.getByLabel('Reference (ticket id or address)').fill('OT-150');
    await step.locator('select[id^="status-"]').selectOption('done');
    await step.locator('.step-history summary').click();
    await page.waitForFunction(() => document.querySelectorAll('li.step[data-step="patch-management@2"] .step-history li').length === 2);
    assert.equal(await step.locator('.step-history li').nth(1).textContent(), `${day} Done: Vendor slot confirmed`);
    await screenshot(page, 'roadmap-step-history');
    const a = await stored(page);
    assert.equal(a.plan['patch-management@2'].reference, 'OT-150');
    assert.deepEqual(a.plan['patch-management@2'].history.at(-1), { on: day, status: 'done', note: 'Vendor slot confirmed' });
    await page.goto(`${server.origin}/workbench.html#/assessments`);
    await appReady(page);
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (backup file)' }).click()]);
    file = join(artifacts, 'signoff-backup.json');
    await d.saveAs(file);
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), [], 'only the seeding page is missing');
  } finally {
    await context.close();
  }
  const fresh = await openPage(browser, server.origin);
  try {
    await fresh.page.goto(`${server.origin}/workbench.html#/assessments`);
    await appReady(fresh.page);
    await fresh.page.getByLabel(/Import files/).setInputFiles(file);
    await fresh.page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY, { timeout: 30000 });
    const a = await stored(fresh.page);
    assert.equal(a.plan['patch-management@2'].history.length, 2);
    assert.equal(a.plan['patch-management@2'].history[1].note, 'Vendor slot confirmed');
    await fresh.page.goto(`${server.origin}/review.html#/assessments/${id}/report`);
    await fresh.page.waitForSelector('.report-body');
    assert.match(await fresh.page.textContent('.report-roadmap'), /Reference: OT-150/);
  } finally {
    await fresh.context.close();
  }
});
