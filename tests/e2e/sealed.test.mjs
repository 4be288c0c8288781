// Encrypted files (issue 14): an encrypted backup comes back field for field
// after a wrong and then the right passphrase; the reference age tool (Go,
// Debian's `age`, independent of the Rust crate the app uses) opens the app's
// file, and the app opens one that age made. Hostile age headers are refused
// before any work. Evidence fingerprints: a file's SHA-256 is kept (never the
// file), verification tells the same document from one with a changed byte,
// and the redacted copy keeps the hash but not the file name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, axeViolations, screenshot, storedItems, root, artifacts } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); await mkdir(artifacts, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const example = await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8');
const camera = await readFile(join(root, 'examples/home-camera-product-supplier.smm.json'), 'utf8');
const bottling = JSON.parse(example);
const KEY = (id) => `smm-navigator.v1.assessment.${id}`;
const ageTool = (mode, src, dst, pass) => execFileSync('python3', [join(root, 'tests/interop/age_tool.py'), mode, src, dst, pass], { stdio: ['ignore', 'ignore', 'pipe'] });
const PASS = 'copper kettle under the stairs';

/** A page with both examples imported (so that storage holds them as the app writes them). */
async function seeded() {
  const o = await openPage(browser, server.origin);
  await o.page.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(o.page);
  await o.page.getByLabel(/Import files/).setInputFiles([join(root, 'examples/bottling-line-asset-owner.smm.json'), join(root, 'examples/home-camera-product-supplier.smm.json')]);
  await o.page.waitForFunction(() => /2 files: 2 taken/.test(document.querySelector('.transfer-message')?.textContent ?? ''));
  return o;
}

const assessments = (items) => Object.fromEntries(Object.entries(items).filter(([k]) => k.includes('.assessment.')).map(([k, v]) => [k, JSON.parse(v)]));

test('an encrypted backup comes back field for field, after a wrong passphrase is refused', async () => {
  const { page, context, foreign, errors } = await seeded();
  const before = assessments(await storedItems(page));
  await page.getByLabel('Encrypt exported files with a passphrase (age format)').check();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('Passphrase again').fill('copper kettle');
  assert.match(await page.locator('.seal-fields [role="status"]').textContent(), /differ/);
  await page.getByLabel('Passphrase again').fill(PASS);
  assert.match(await page.locator('.seal-fields [role="status"]').textContent(), /now encrypted/);
  assert.deepEqual(await axeViolations(page), []);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (backup file)' }).click()]);
  assert.match(download.suggestedFilename(), /^smm-navigator-backup-.*\.json\.age$/);
  const sealedPath = join(artifacts, download.suggestedFilename());
  await download.saveAs(sealedPath);
  const sealed = await readFile(sealedPath);
  assert.ok(sealed.subarray(0, 22).equals(Buffer.from('age-encryption.org/v1\n')), 'binary age format');
  assert.match(sealed.subarray(0, 120).toString('latin1'), /\n-> scrypt \S+ 17\n/);
  assert.ok(!sealed.toString('latin1').includes('Brightwater'), 'nothing readable inside');
  await page.waitForFunction(() => /Encrypted with your passphrase in the age format in \d+ ms/.test(document.querySelector('.transfer-message')?.textContent ?? ''));
  await page.waitForFunction(() => /SHA-256 fingerprint of the file: [0-9a-f]{64}/.test(document.querySelector('.transfer-message')?.textContent ?? ''));
  const shown = (await page.locator('.transfer-message').textContent()).match(/fingerprint of the file: ([0-9a-f]{64})/)[1];
  assert.equal(shown, createHash('sha256').update(sealed).digest('hex'), 'the fingerprint is of the encrypted file as downloaded');

  // The reference age tool decrypts it to the very backup.
  const plainPath = join(artifacts, 'backup-decrypted-by-age.json');
  ageTool('decrypt', sealedPath, plainPath, PASS);
  const backup = JSON.parse(await readFile(plainPath, 'utf8'));
  assert.equal(backup.format, 'smm-navigator/bundle');
  assert.deepEqual(Object.fromEntries(backup.assessments.map((a) => [KEY(a.id), a])), before);

  // Clear storage, then import with a wrong passphrase (refused, nothing stored), then the right one.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
  await page.getByLabel(/Import files/).setInputFiles(sealedPath);
  await page.waitForSelector('form.unseal');
  await page.locator('form.unseal').getByLabel('Passphrase').fill('copper kettle on the stairs');
  await page.getByRole('button', { name: 'Open' }).click();
  await page.waitForSelector('form.unseal [role="alert"]');
  assert.match(await page.locator('form.unseal [role="alert"]').textContent(), /the passphrase does not open this file; nothing was changed/);
  assert.deepEqual(assessments(await storedItems(page)), {}, 'nothing stored after a wrong passphrase');
  assert.equal(await page.locator('form.unseal').getByLabel('Passphrase').inputValue(), '', 'a tried passphrase leaves the form');
  const workersBefore = page.workers().length;
  await page.locator('form.unseal').getByLabel('Passphrase').fill(PASS);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.waitForFunction(() => /Imported 2 assessment\(s\)/.test(document.querySelector('.transfer-message')?.textContent ?? ''));
  await page.waitForTimeout(300);
  assert.equal(page.workers().length, workersBefore, 'the worker that decrypted was ended');
  assert.match(await page.locator('.transfer-message').textContent(), /Decrypted “.*\.age” in \d+ ms/);
  assert.deepEqual(assessments(await storedItems(page)), before, 'every field as before');
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file encrypted by the age tool opens; key-encrypted, damaged and hostile age files are refused, nothing changed', async () => {
  const { page, context, errors } = await seeded();
  const other = { ...JSON.parse(camera), id: 'from-age-tool', metadata: { ...JSON.parse(camera).metadata, name: 'Encrypted by age' } };
  const plain = join(artifacts, 'for-age.smm.json');
  await writeFile(plain, JSON.stringify(other, null, 2));
  const byAge = join(artifacts, 'by-age-tool.smm.json.age');
  ageTool('encrypt', plain, byAge, 'marble owl');
  const header = (await readFile(byAge)).subarray(0, 100).toString('latin1');
  assert.match(header, /-> scrypt \S+ (1[0-9])\n/, 'age picks its own work factor');
  const before = await storedItems(page);
  const hostile = join(root, 'tests/fixtures/hostile-sealed');
  const expected = JSON.parse(await readFile(join(hostile, 'expected.json'), 'utf8'));
  for (const [name, { message, passphrase }] of Object.entries(expected)) {
    await page.getByLabel(/Import files/).setInputFiles(join(hostile, name));
    await page.waitForSelector('form.unseal');
    await page.locator('form.unseal').getByLabel('Passphrase').fill(passphrase);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.waitForSelector('form.unseal [role="alert"]', { timeout: 20000 });
    const said = await page.locator('form.unseal [role="alert"]').textContent();
    assert.ok(said.includes(message), `${name}: expected ${message} in ${said}`);
    assert.deepEqual(await storedItems(page), before, `${name}: storage unchanged`);
    await page.getByRole('button', { name: 'Cancel' }).click();
  }
  await page.getByLabel(/Import files/).setInputFiles(byAge);
  await page.locator('form.unseal').getByLabel('Passphrase').fill('marble owl');
  await page.getByRole('button', { name: 'Open' }).click();
  await page.waitForFunction(() => /Decrypted “by-age-tool/.test(document.querySelector('.transfer-message')?.textContent ?? ''), null, { timeout: 30000 });
  assert.match(await page.locator('.transfer-message').textContent(), /Imported 1 assessment\(s\) from “by-age-tool\.smm\.json”/);
  const got = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY('from-age-tool')));
  assert.deepEqual([got.metadata, got.targets, got.results, got.plan], [other.metadata, other.targets, other.results, other.plan]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a fingerprinted evidence file verifies, and one changed byte does not', async () => {
  const { page, context, foreign, errors } = await seeded();
  const bytes = Buffer.from('%PDF-1.7\nSite security charter, approved 2026-03-02.\n%%EOF\n');
  const file = join(artifacts, 'SEC-CHARTER-2026.pdf');
  await writeFile(file, bytes);
  await page.goto(`${server.origin}/workbench.html#/assessments/${bottling.id}/assess/security-program-management`);
  await page.waitForSelector('.evidence-list');
  await page.getByLabel('Fingerprint a file for Evidence reference 1').setInputFiles(file);
  await page.waitForSelector('.evidence-item .fingerprint');
  const hex = createHash('sha256').update(bytes).digest('hex');
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY(bottling.id)));
  const e = saved.results['security-program-management'].evidence[0];
  assert.equal(e.reference, 'SEC-CHARTER-2026.pdf');
  assert.deepEqual({ ...e.file, taken_on: undefined }, { name: 'SEC-CHARTER-2026.pdf', size: bytes.length, sha256: hex, taken_on: undefined });
  assert.match(e.file.taken_on, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(!JSON.stringify(saved).includes('Site security charter'), 'the content is never stored');
  await page.getByLabel('Verify a file against Evidence reference 1').setInputFiles(file);
  await page.waitForSelector('.verify.ok');
  assert.match(await page.locator('.verify').textContent(), /Same document/);
  const changed = Buffer.from(bytes);
  changed[20] ^= 1;
  const changedFile = join(artifacts, 'SEC-CHARTER-2026-changed.pdf');
  await writeFile(changedFile, changed);
  await page.getByLabel('Verify a file against Evidence reference 1').setInputFiles(changedFile);
  await page.waitForSelector('.verify.differs');
  assert.match(await page.locator('.verify').textContent(), /Not the same document: .* different SHA-256 \(the same size, so the content was changed\)/);
  // A new entry from a file alone.
  await page.getByLabel('Or fingerprint a file…').setInputFiles(changedFile);
  await page.waitForFunction(() => document.querySelectorAll('.evidence-item .fingerprint').length === 2);
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('.evidence-list').screenshot({ path: join(artifacts, 'evidence-fingerprints.png') });
  // The report lists it; the redacted copy keeps the hash, not the name or reference.
  await page.goto(`${server.origin}/review.html#/assessments/${bottling.id}/report`);
  await page.waitForSelector('.report-evidence');
  assert.match(await page.locator('.report-evidence').textContent(), new RegExp(`SEC-CHARTER-2026\\.pdf, ${bytes.length} bytes.*${hex}`, 's'));
  await page.goto(`${server.origin}/workbench.html#/assessments/${bottling.id}`);
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a redacted copy for sharing' }).click()]);
  const path = join(artifacts, 'redacted-fingerprints.smm.json');
  await d.saveAs(path);
  const redacted = JSON.parse(await readFile(path, 'utf8'));
  const kept = redacted.results['security-program-management'].evidence;
  assert.deepEqual(kept.map((x) => [x.reference, x.file.name, x.file.sha256]), [['', '', hex], ['', '', createHash('sha256').update(changed).digest('hex')]]);
  assert.ok(!JSON.stringify(redacted).includes('SEC-CHARTER'), 'no file name or reference');
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});
