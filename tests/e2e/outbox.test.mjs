// The one way out (issue 22): every control of the workbench, the review page
// and the exchange page that makes a file goes through `outbox::send`. With the
// passphrase set, each file comes out as `NAME.age` in the age format with
// nothing readable in it, and the reference age tool (Go) opens every one to
// the right content; the workbook also opens back in the page after its
// passphrase. With encryption off, each comes out in clear. The redacted copy
// has a neutral name and a new id. No request leaves the test server, and none
// carries the passphrase or the assessment's data.
//
// The controls (callers of `outbox::send`, `export_one`, `export_all`,
// `export_workbook`, `export_oscal` in src/):
//   workbench.html  #/assessments            Export all (backup file); Download the stored text (recovery banner)
//                   #/assessments/ID         Export this assessment; Export a redacted copy for sharing
//                   #/assessments/ID/roadmap Export the roadmap as CSV
//   review.html     #/assessments/ID/requirements     Export the checklist as CSV (requirements)
//                   #/assessments/ID/trustworthiness  Export the checklist as CSV (software lifecycle)
//   exchange.html   #/assessments/ID/exchange   Export as a workbook (XLSX); Export as OSCAL assessment results
//                   #/assessments/ID/interviews Make the interview file (N practices)
//                   #/answer/IV                 Save the answers file
// The seal choice is shown on the assessments list, the overview, the
// frameworks and trustworthiness views and the three exchange pages; it lives
// in the page's memory, so it carries over to the roadmap (hash navigation,
// same document) and is gone after loading another .html page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, root, artifacts } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); await mkdir(artifacts, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const example = await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8');
const bottling = JSON.parse(example);
const ID = bottling.id;
const KEY = (id) => `smm-navigator.v1.assessment.${id}`;
const BROKEN = KEY('broken-one');
const TRUNCATED = example.slice(0, 700);
const STEM = 'line-3-bottling-2026-security-maturity-review';
const PASS = 'seven lanterns over the weir';
const PRACTICES = ['security-program-management', 'threat-modeling', 'access-control', 'patch-management'];
const NAMES = ['Security Program Management', 'Threat Modeling', 'Access Control', 'Patch Management'];
const INTERVIEWEE = 'Ana (OT engineer)';
const NOTE = 'The 2026 threat model covers remote access; review minutes on the OT share.';
const AGE = Buffer.from('age-encryption.org/v1\n');
const trustCatalogue = JSON.parse(await readFile(join(root, 'crates/smm-core/data/trustworthiness.json'), 'utf8'));
// Text that must never be readable in an encrypted file: the assessment, the
// practices, the interviewee, the recovered entry, the CSV headers, the zip
// entry names of a workbook, the passphrase itself.
const PLAINTEXT = ['Brightwater', 'Line 3', 'Okafor', ID, 'Threat Modeling', 'threat-modeling', 'Patch Management',
  INTERVIEWEE, 'threat model covers', TRUNCATED.slice(0, 40), 'smm-navigator/', 'order,step_id', 'group,requirement',
  'item,phase', trustCatalogue.items[0].question.slice(0, 30), '[Content_Types]', 'xl/worksheets', 'assessment-results', PASS];
const ageTool = (mode, src, dst, pass) => execFileSync('python3', [join(root, 'tests/interop/age_tool.py'), mode, src, dst, pass], { stdio: ['ignore', 'ignore', 'pipe'] });
const xlsxCheck = (...args) => execFileSync('python3', [join(root, 'tests/interop/xlsx_check.py'), ...args], { encoding: 'utf8' });

/** What each file must hold in clear (the downloaded file with encryption off,
 * the file the age tool decrypted with it on). `name` is the clear file name. */
const EXPECT = {
  backup: { name: /^smm-navigator-backup-\d{4}-\d{2}-\d{2}\.json$/, check: (b) => {
    const j = JSON.parse(b.toString('utf8'));
    assert.equal(j.format, 'smm-navigator/bundle');
    assert.ok(j.assessments.some((a) => a.id === ID && a.metadata.name === bottling.metadata.name), 'the backup holds the assessment');
  } },
  recovered: { name: new RegExp(`^${BROKEN.replace(/[./]/g, '-')}\\.recovered\\.txt$`), check: (b) => {
    assert.equal(b.toString('utf8'), TRUNCATED, 'the stored text, byte for byte');
  } },
  assessment: { name: new RegExp(`^${STEM}\\.smm\\.json$`), check: (b) => {
    const j = JSON.parse(b.toString('utf8'));
    assert.equal(j.format, 'smm-navigator/assessment');
    assert.equal(j.id, ID);
    assert.deepEqual([j.metadata.name, j.metadata.organisation, j.metadata.assessor], [bottling.metadata.name, bottling.metadata.organisation, bottling.metadata.assessor]);
    assert.deepEqual([Object.keys(j.targets).sort(), Object.keys(j.plan).sort()], [Object.keys(bottling.targets).sort(), Object.keys(bottling.plan).sort()]);
  } },
  redacted: { name: /^redacted-assessment-\d{4}-\d{2}-\d{2}\.smm\.json$/, check: (b) => {
    const text = b.toString('utf8');
    const j = JSON.parse(text);
    assert.equal(j.format, 'smm-navigator/assessment');
    assert.notEqual(j.id, ID, 'a fresh id');
    for (const secret of [ID, 'Brightwater', 'Okafor', 'Line 3']) assert.ok(!text.includes(secret), `no “${secret}” in the redacted copy`);
    assert.deepEqual(Object.keys(j.targets).sort(), Object.keys(bottling.targets).sort(), 'the targets are kept');
  } },
  roadmap: { name: new RegExp(`^${STEM}-roadmap\\.csv$`), check: (b) => {
    const lines = csvLines(b);
    assert.match(lines[0], /^order,step_id,practice_id,practice,level,/);
    assert.ok(lines.length > 1, 'at least one step');
    assert.ok(lines.slice(1).every((l) => /^\d+,/.test(l)), 'one step per line');
  } },
  requirements: { name: new RegExp(`^${STEM}-[a-z0-9.-]+\\.csv$`), check: (b) => {
    const lines = csvLines(b);
    assert.equal(lines[0], 'group,requirement,title,subgroup,covered,implied_by,mapping');
    assert.ok(lines.length > 1, 'at least one requirement');
  } },
  checklist: { name: new RegExp(`^${STEM}-software-checklist\\.csv$`), check: (b) => {
    const lines = csvLines(b);
    assert.equal(lines[0], 'item,phase,topic,question,answer,notes');
    assert.equal(lines.length, trustCatalogue.items.length + 1, 'one line per checklist item and a header');
  } },
  workbook: { name: new RegExp(`^${STEM}\\.xlsx$`), check: (b) => {
    assert.ok(b.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')), 'a zip file');
    assert.ok(b.includes(Buffer.from('[Content_Types].xml')), 'an Office Open XML package');
  } },
  oscal: { name: new RegExp(`^${STEM}\\.oscal-assessment-results\\.json$`), check: (b) => {
    const j = JSON.parse(b.toString('utf8'));
    assert.ok(j['assessment-results']?.results?.length > 0, 'OSCAL assessment results');
  } },
  interview: { name: new RegExp(`^interview-${STEM}-iv-[0-9a-f]{8}\\.json$`), check: (b) => {
    const j = JSON.parse(b.toString('utf8'));
    assert.equal(j.format, 'smm-navigator/interview');
    assert.equal(j.assessment_id, ID);
    assert.deepEqual(j.practices, PRACTICES);
  } },
  answers: { name: /^answers-ana-ot-engineer-iv-[0-9a-f]{8}\.json$/, check: (b) => {
    const j = JSON.parse(b.toString('utf8'));
    assert.equal(j.format, 'smm-navigator/answers');
    assert.equal(j.interviewee, INTERVIEWEE);
    assert.equal(j.answers['threat-modeling'].notes, NOTE);
    assert.ok(j.answers['threat-modeling'].indicators_met.length === 1, 'the ticked indicator');
  } },
};

function csvLines(b) {
  assert.ok(b.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 with a byte-order mark');
  const text = b.subarray(3).toString('utf8');
  assert.ok(text.includes('\r\n'), 'CRLF line ends');
  return text.trim().split('\r\n');
}

/** A fresh browser context with the example stored (and, with `broken`, a
 * corrupt stored entry), at the assessments list; every request recorded. */
async function seeded(broken = true) {
  const o = await openPage(browser, server.origin);
  const all = [];
  o.context.on('request', (r) => all.push({ url: r.url(), method: r.method() }));
  o.all = all;
  await o.page.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(o.page);
  await o.page.evaluate(([k, v, bk, bv]) => {
    localStorage.clear();
    localStorage.setItem(k, v);
    if (bk) localStorage.setItem(bk, bv);
  }, [KEY(ID), example, broken ? BROKEN : null, TRUNCATED]);
  await o.page.reload();
  await appReady(o.page);
  await o.page.waitForSelector('.assessment-row');
  return o;
}

/** Goes to `hash` within the loaded page (same document: the page's memory is kept). */
async function hashTo(page, hash, selector) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForSelector(selector);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load in between');
}

/** Loads `url` (a new document: the page's memory is gone). */
async function load(page, url, selector) {
  await page.goto(url);
  await page.waitForSelector(selector);
  await page.evaluate(() => { window.__sameDocument = true; });
}

const sealBox = (page) => page.locator('fieldset.seal-choice').getByLabel('Encrypt exported files with a passphrase (age format)');

/** Turns encryption on with the seal choice of this page; returns whether it was already on (kept in memory). */
async function sealOn(page) {
  const seal = page.locator('fieldset.seal-choice');
  assert.equal(await seal.count(), 1, 'one seal choice on the page');
  const was = await sealBox(page).isChecked();
  if (!was) await sealBox(page).check();
  await seal.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await seal.getByLabel('Passphrase again').fill(PASS);
  await page.waitForFunction(() => /now encrypted/.test(document.querySelector('fieldset.seal-choice .seal-fields [role="status"]')?.textContent ?? ''));
  return was;
}

/** Presses `button` (a locator) and takes the download it makes: { name, path, bytes }. */
async function take(page, button, dir) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), button.click()]);
  assert.equal(await d.failure(), null, 'the download completed');
  const name = d.suggestedFilename();
  const path = join(dir, name);
  await d.saveAs(path);
  return { name, path, bytes: await readFile(path) };
}

/** Requests that went anywhere but the test server (data: and same-origin blob: URLs are local). */
const outside = (list) => list.filter(({ url }) => !url.startsWith(server.origin + '/') && !url.startsWith('data:') && !url.startsWith(`blob:${server.origin}/`));

/** Nothing left the test server's origin; everything was a GET; no request carried the passphrase or the data. */
function checkRequests(o, hits, pages = ['workbench', 'review', 'exchange']) {
  assert.deepEqual(outside(o.all), [], 'no request outside the test server (context)');
  assert.deepEqual(o.foreign().filter((u) => !u.startsWith(`blob:${server.origin}/`)), [], 'no request outside the test server (page)');
  assert.deepEqual(o.all.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`), [], 'nothing sent (GET only)');
  // The address of a page may carry the assessment's id after `#` (its route), which is never sent.
  const secrets = [PASS, encodeURIComponent(PASS), 'Brightwater', ID, 'Okafor', INTERVIEWEE, encodeURIComponent(INTERVIEWEE)];
  for (const s of secrets) {
    assert.deepEqual(o.all.filter((r) => r.url.split('#')[0].includes(s)).map((r) => r.url), [], `no request URL carries “${s}”`);
    assert.deepEqual(hits.filter((h) => h.includes(s)), [], `no path asked of the server carries “${s}”`);
  }
  for (const p of pages) assert.ok(hits.some((h) => h.endsWith(`/${p}_bg.wasm`)), `${p}.html was served by the test server`);
}

/** A fresh run: an empty artifacts folder `name`, the seeded page (with a
 * corrupt entry when `broken`), and where the server's log of requests starts. */
async function start(name, broken = true) {
  const hitsFrom = server.hits.length;
  const dir = join(artifacts, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const o = await seeded(broken);
  await o.page.evaluate(() => { window.__sameDocument = true; });
  return { hitsFrom, dir, o };
}

test('encryption on: every control of the workbench and the exchange page makes NAME.age, nothing readable, and each opens to its content', async () => {
  const { hitsFrom, dir, o } = await start('outbox-sealed');
  const { page, context, errors } = o;
  const got = {};
  const byKind = async (kind, button, inline = false) => {
    const f = await take(page, button, dir);
    got[kind] = f;
    assert.ok(f.name.endsWith('.age'), `${kind}: “${f.name}” ends with .age`);
    assert.match(f.name.slice(0, -4), EXPECT[kind].name, `${kind}: the clear name under .age`);
    assert.ok(f.bytes.subarray(0, AGE.length).equals(AGE), `${kind}: the age format`);
    assert.match(f.bytes.subarray(0, 120).toString('latin1'), /\n-> scrypt \S+ \d+\n/, `${kind}: a passphrase (scrypt) stanza`);
    const text = f.bytes.toString('latin1');
    for (const p of PLAINTEXT) assert.ok(!text.includes(p), `${kind}: “${p}” is not readable in “${f.name}”`);
    // The page says so, with the file's name.
    const said = `as “${f.name}”`;
    await page.waitForFunction(([sel, s]) => [...document.querySelectorAll(sel)].some((e) => e.textContent.includes(s)),
      [inline ? '.inline-status' : '.transfer-message', said], { timeout: 60000 });
    return f;
  };

  // The assessments list: the transfer panel's seal choice, off on a fresh page.
  assert.equal(await sealOn(page), false, 'off on a fresh page');
  await byKind('backup', page.getByRole('button', { name: 'Export all (backup file)' }));
  await page.waitForSelector('.broken-entry');
  await byKind('recovered', page.locator(`.broken-entry[data-key="${BROKEN}"]`).getByRole('button', { name: 'Download the stored text' }));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), BROKEN), TRUNCATED, 'downloading keeps the entry');

  // The overview: the choice made on the list is still on (same page, in memory).
  await hashTo(page, `#/assessments/${ID}`, 'section.card.exports');
  assert.equal(await sealOn(page), true, 'the choice is kept while navigating by hash');
  await byKind('assessment', page.getByRole('button', { name: 'Export this assessment' }));
  await byKind('redacted', page.getByRole('button', { name: 'Export a redacted copy for sharing' }));

  // Roadmap: no seal choice of its own; the page's choice applies.
  await hashTo(page, `#/assessments/${ID}/roadmap`, '.page.roadmap');
  assert.equal(await page.locator('fieldset.seal-choice').count(), 0);
  await byKind('roadmap', page.getByRole('button', { name: 'Export the roadmap as CSV' }), true);
  // Frameworks and trustworthiness are on the review page: a new document, so
  // the choice is made again there, and kept between its sections.
  await load(page, `${server.origin}/review.html#/assessments/${ID}/requirements`, '.requirement-table tbody tr');
  assert.equal(await sealBox(page).isChecked(), false, 'the choice is not kept across pages');
  assert.equal(await sealOn(page), false);
  await byKind('requirements', page.getByRole('button', { name: 'Export the checklist as CSV' }), true);
  await hashTo(page, `#/assessments/${ID}/trustworthiness`, '.page.trust');
  assert.equal(await sealOn(page), true, 'kept from the frameworks view');
  await byKind('checklist', page.getByRole('button', { name: 'Export the checklist as CSV' }), true);
  const stored = await page.evaluate((k) => localStorage.getItem(k), KEY(ID));

  // The exchange page: a new document, so the choice is gone and is made again.
  await load(page, `${server.origin}/exchange.html#/assessments/${ID}/exchange`, '.page.exchange');
  assert.equal(await sealBox(page).isChecked(), false, 'the choice is not kept across pages');
  assert.equal(await sealOn(page), false);
  await byKind('workbook', page.getByRole('button', { name: 'Export as a workbook (XLSX)' }));
  await byKind('oscal', page.getByRole('button', { name: 'Export as OSCAL assessment results' }));
  // The encrypted workbook opens back in the page after its passphrase, to the workbook preview.
  await page.getByLabel('Choose the workbook').setInputFiles(got.workbook.path);
  await page.waitForSelector('form.unseal');
  assert.match(await page.locator('form.unseal').textContent(), new RegExp(`“${STEM}\\.xlsx\\.age” is encrypted`));
  await page.locator('form.unseal').getByLabel('Passphrase').fill(PASS);
  await page.locator('form.unseal').getByRole('button', { name: 'Open' }).click();
  await page.waitForSelector('.workbook-review', { timeout: 60000 });
  assert.match(await page.locator('.workbook-review h2').textContent(), new RegExp(`Changes in “${STEM}\\.xlsx”`));
  assert.match(await page.locator('.workbook-review').textContent(), /The workbook changes nothing/);
  await page.locator('.workbook-review').getByRole('button', { name: 'Cancel' }).click();

  // Interviews (same document): the interview file.
  await hashTo(page, `#/assessments/${ID}/interviews`, '.page.interviews');
  assert.equal(await sealOn(page), true, 'kept from the Spreadsheet and OSCAL page');
  for (const n of NAMES) await page.getByLabel(n, { exact: true }).check();
  await byKind('interview', page.getByRole('button', { name: 'Make the interview file (4 practices)' }));
  // Answering (same document): the encrypted interview file opens after its passphrase.
  await hashTo(page, '#/answer', '.page.answering');
  await page.getByLabel('Open an interview file').setInputFiles(got.interview.path);
  await page.waitForSelector('form.unseal');
  await page.locator('form.unseal').getByLabel('Passphrase').fill(PASS);
  await page.locator('form.unseal').getByRole('button', { name: 'Open' }).click();
  await page.waitForSelector('.answer-page', { timeout: 60000 });
  assert.equal(await page.locator('.answer-practice').count(), 4);
  await page.getByLabel('Your name or a pseudonym').fill(INTERVIEWEE);
  await page.getByLabel('Your name or a pseudonym').press('Tab');
  await page.locator('[data-practice="threat-modeling"] input[type=checkbox]').first().check();
  await page.locator('[data-practice="threat-modeling"] textarea').fill(NOTE);
  assert.equal(await sealOn(page), true, 'kept from the interviews page');
  await byKind('answers', page.getByRole('button', { name: 'Save the answers file' }));
  assert.deepEqual(errors, []);
  await context.close();

  // The reference age tool opens every file to what it should hold.
  assert.deepEqual(Object.keys(got).sort(), Object.keys(EXPECT).sort(), 'every control was pressed');
  for (const [kind, f] of Object.entries(got)) {
    const clear = join(dir, `decrypted-${f.name.slice(0, -4)}`);
    ageTool('decrypt', f.path, clear, PASS);
    EXPECT[kind].check(await readFile(clear));
    if (kind === 'workbook') {
      const storedPath = join(dir, 'stored.smm.json');
      await writeFile(storedPath, stored);
      assert.match(xlsxCheck('check', clear, storedPath), /^ok:/, 'openpyxl reads the decrypted workbook as the stored assessment');
    }
  }
  // A wrong passphrase does not open it.
  assert.throws(() => ageTool('decrypt', got.roadmap.path, join(dir, 'wrong.csv'), 'seven lanterns under the weir'));
  checkRequests(o, server.hits.slice(hitsFrom));
});

test('encryption off: the same controls make files in clear', async () => {
  const { hitsFrom, dir, o } = await start('outbox-clear');
  const { page, context, errors } = o;
  const got = {};
  const byKind = async (kind, button) => {
    const f = await take(page, button, dir);
    got[kind] = f;
    assert.match(f.name, EXPECT[kind].name, `${kind}: “${f.name}”`);
    assert.ok(!f.bytes.subarray(0, AGE.length).equals(AGE), `${kind}: not encrypted`);
    EXPECT[kind].check(f.bytes);
    return f;
  };
  const off = async () => assert.equal(await sealBox(page).isChecked(), false, 'encryption is off');

  await off();
  await byKind('backup', page.getByRole('button', { name: 'Export all (backup file)' }));
  await byKind('recovered', page.locator(`.broken-entry[data-key="${BROKEN}"]`).getByRole('button', { name: 'Download the stored text' }));
  await hashTo(page, `#/assessments/${ID}`, 'section.card.exports');
  await off();
  await byKind('assessment', page.getByRole('button', { name: 'Export this assessment' }));
  await byKind('redacted', page.getByRole('button', { name: 'Export a redacted copy for sharing' }));
  await hashTo(page, `#/assessments/${ID}/roadmap`, '.page.roadmap');
  await byKind('roadmap', page.getByRole('button', { name: 'Export the roadmap as CSV' }));
  await load(page, `${server.origin}/review.html#/assessments/${ID}/requirements`, '.requirement-table tbody tr');
  await off();
  await byKind('requirements', page.getByRole('button', { name: 'Export the checklist as CSV' }));
  await hashTo(page, `#/assessments/${ID}/trustworthiness`, '.page.trust');
  await off();
  await byKind('checklist', page.getByRole('button', { name: 'Export the checklist as CSV' }));
  await load(page, `${server.origin}/exchange.html#/assessments/${ID}/exchange`, '.page.exchange');
  await off();
  await byKind('workbook', page.getByRole('button', { name: 'Export as a workbook (XLSX)' }));
  await byKind('oscal', page.getByRole('button', { name: 'Export as OSCAL assessment results' }));
  await hashTo(page, `#/assessments/${ID}/interviews`, '.page.interviews');
  await off();
  for (const n of NAMES) await page.getByLabel(n, { exact: true }).check();
  await byKind('interview', page.getByRole('button', { name: 'Make the interview file (4 practices)' }));
  await hashTo(page, '#/answer', '.page.answering');
  await page.getByLabel('Open an interview file').setInputFiles(got.interview.path);
  await page.waitForSelector('.answer-page');
  await page.getByLabel('Your name or a pseudonym').fill(INTERVIEWEE);
  await page.getByLabel('Your name or a pseudonym').press('Tab');
  await page.locator('[data-practice="threat-modeling"] input[type=checkbox]').first().check();
  await page.locator('[data-practice="threat-modeling"] textarea').fill(NOTE);
  await off();
  await byKind('answers', page.getByRole('button', { name: 'Save the answers file' }));
  assert.deepEqual(Object.keys(got).sort(), Object.keys(EXPECT).sort(), 'every control was pressed');
  // The answers file names the interview it answers.
  assert.equal(JSON.parse(got.answers.bytes).interview_id, JSON.parse(got.interview.bytes).id);
  assert.deepEqual(errors, []);
  await context.close();
  checkRequests(o, server.hits.slice(hitsFrom));
});

test('the redacted copy: a neutral file name, a new id, and nothing of the stored id', async () => {
  const { hitsFrom, dir, o } = await start('outbox-redacted', false);
  const { page, context, errors } = o;
  await hashTo(page, `#/assessments/${ID}`, 'section.card.exports');
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY(ID)));
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  const first = await take(page, page.getByRole('button', { name: 'Export a redacted copy for sharing' }), dir);
  assert.equal(first.name, `redacted-assessment-${today}.smm.json`);
  for (const part of [STEM, 'line-3', 'bottling', 'brightwater', ID]) assert.ok(!first.name.toLowerCase().includes(part), `no “${part}” in the file name`);
  const text = first.bytes.toString('utf8');
  const copy = JSON.parse(text);
  assert.notEqual(copy.id, stored.id, 'the copy has its own id');
  assert.ok(!text.includes(stored.id), `the stored id “${stored.id}” is nowhere in the file`);
  for (const part of stored.id.split('-').filter((p) => p.length > 4)) assert.ok(!text.includes(part), `no “${part}” (part of the id)`);
  assert.ok(!JSON.stringify(copy.metadata).includes('Line 3') && !text.includes(stored.metadata.name), 'no assessment name');
  // Each copy gets a fresh id: two copies do not link to each other either.
  const second = await take(page, page.getByRole('button', { name: 'Export a redacted copy for sharing' }), dir);
  assert.notEqual(JSON.parse(second.bytes).id, copy.id, 'a fresh id for each copy');
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY(ID))).id, stored.id, 'the stored assessment keeps its id');
  assert.deepEqual(errors, []);
  await context.close();
  checkRequests(o, server.hits.slice(hitsFrom), ['workbench']);
});

test('encryption asked for but the passphrase not ready: nothing goes out in clear', async () => {
  const { o } = await start('outbox-unready', false);
  const { page, context, errors } = o;
  await hashTo(page, `#/assessments/${ID}`, 'section.card.exports');
  const seal = page.locator('fieldset.seal-choice');
  await sealBox(page).check();
  await seal.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await seal.getByLabel('Passphrase again').fill(`${PASS}!`);
  const downloads = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.getByRole('button', { name: 'Export this assessment' }).click();
  await page.waitForFunction(() => /Nothing was exported: “Encrypt exported files” is ticked, but the passphrase is not ready/
    .test(document.querySelector('.transfer-message')?.textContent ?? ''));
  // A table from a page without the seal choice is refused the same way, in its own status line.
  await hashTo(page, `#/assessments/${ID}/roadmap`, '.page.roadmap');
  await page.getByRole('button', { name: 'Export the roadmap as CSV' }).click();
  await page.waitForFunction(() => /Nothing was exported/.test(document.querySelector('.inline-status')?.textContent ?? ''));
  await page.waitForTimeout(1000);
  assert.deepEqual(downloads, [], 'no file was offered');
  assert.deepEqual(errors, []);
  await context.close();
});
