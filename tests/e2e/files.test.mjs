// Files and durability in the page: export and re-import, id conflicts, the
// hostile corpus, inert markup, corrupt storage, a full quota, two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, screenshot, artifacts, root, storedItems, horizontalOverflow } from './harness.mjs';

const fixtures = join(root, 'tests/fixtures');
const expected = JSON.parse(await readFile(join(fixtures, 'hostile/expected.json'), 'utf8'));
const bottling = JSON.parse(await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8'));
const camera = JSON.parse(await readFile(join(root, 'examples/home-camera-product-supplier.smm.json'), 'utf8'));
const KEY = (id) => `smm-navigator.v1.assessment.${id}`;

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const stored = storedItems;

async function seeded(list = [bottling, camera]) {
  const ctx = await openPage(browser, server.origin);
  await ctx.page.goto(server.origin + '/');
  await appReady(ctx.page);
  await ctx.page.evaluate((list) => {
    localStorage.clear();
    for (const a of list) localStorage.setItem(`smm-navigator.v1.assessment.${a.id}`, JSON.stringify(a, null, 2));
  }, list);
  await ctx.page.goto(server.origin + '/workbench.html#/assessments');
  await ctx.page.reload();
  await appReady(ctx.page);
  return ctx;
}

async function importFile(page, path) {
  await page.setInputFiles('.file-pick input[type=file]', path);
}

test('export all, clear storage, import: every assessment comes back field for field', async () => {
  const { page, context, foreign } = await seeded();
  // A snapshot, so that the bundle carries snapshots too.
  await page.goto(`${server.origin}/review.html#/assessments/${bottling.id}/history`);
  await appReady(page);
  await page.getByRole('button', { name: 'Take a snapshot' }).click();
  await page.waitForSelector('.snapshot-list li');
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);
  const before = await stored(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (backup file)' }).click()]);
  const file = join(artifacts, 'backup.json');
  await download.saveAs(file);
  await page.waitForSelector('.transfer-message .notice.ok');
  const bundle = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(bundle.format, 'smm-navigator/bundle');
  assert.equal(bundle.assessments.length, 2);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('.assessment-row').count(), 0);
  await importFile(page, file);
  await page.waitForSelector('.transfer-message .notice.ok');
  assert.match(await page.textContent('.transfer-message'), /Imported 2 assessment\(s\)/);
  const after = await stored(page);
  // Field for field: every stored assessment and snapshot set, as the export
  // wrote it (the export is checked against storage before it is offered).
  for (const a of bundle.assessments) {
    assert.deepEqual(JSON.parse(after[KEY(a.id)]), a, `${a.id} identical after the round trip`);
  }
  for (const s of bundle.snapshots) {
    assert.deepEqual(JSON.parse(after[`smm-navigator.v1.snapshots.${s.assessment_id}`]), s, `snapshots of ${s.assessment_id}`);
  }
  assert.equal(bundle.snapshots.length, 1);
  assert.deepEqual(Object.keys(after).filter((k) => k.includes('.assessment.')).sort(), Object.keys(before).filter((k) => k.includes('.assessment.')).sort());
  assert.equal(JSON.parse(after[KEY(bottling.id)]).metadata.name, bottling.metadata.name);
  assert.equal(await page.locator('.assessment-row').count(), 2);
  assert.deepEqual(foreign(), []);
  await context.close();
});

test('importing an id that exists asks: cancel, keep both, replace', async () => {
  const { page, context } = await seeded([bottling]);
  const file = join(fixtures, 'assessment-v2.smm.json');
  const before = await stored(page);
  await importFile(page, file);
  await page.waitForSelector('.conflict');
  assert.match(await page.textContent('.conflict'), /already stored here/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(await stored(page), before, 'cancel changes nothing');
  await importFile(page, file);
  await page.getByRole('button', { name: 'Keep both' }).click();
  await page.waitForSelector('.assessment-row >> nth=1');
  assert.equal(await page.locator('.assessment-row', { hasText: '(imported)' }).count(), 1);
  await importFile(page, join(fixtures, 'assessment-v1.smm.json'));
  await page.getByRole('button', { name: 'Replace' }).click();
  await page.waitForSelector('.transfer-message .notice.ok');
  assert.match(await page.textContent('.transfer-message'), /migrated version 1 to 2/, 'the migration is reported');
  assert.equal(await page.locator('.assessment-row').count(), 2);
  await context.close();
});

test('hostile files are refused in the page with their message and path, and nothing stored changes', async () => {
  const { page, context, errors } = await seeded();
  const dozen = ['not-json.json', 'truncated.json', 'array.json', 'wrong-format.json', 'future-version.json',
    'unknown-practice-in-targets.json', 'unknown-indicator.json', 'level-5.json', 'level-as-string.json',
    'duplicate-key-targets.json', 'deep-nesting.json', 'invalid-utf8.json', 'other-tool-cyclonedx-sbom.json',
    'control-character-in-name.json', 'bundle-with-bad-assessment.json', 'id-with-url-parts.json', 'date-with-terminal-escape.json'];
  const before = await stored(page);
  for (const name of dozen) {
    await importFile(page, join(fixtures, 'hostile', name));
    await page.waitForFunction((n) => document.querySelector('.transfer-message .notice.error')?.textContent.includes(`“${n}” was not imported`), name);
    const text = await page.textContent('.transfer-message');
    assert.ok(text.includes(expected[name].message), `${name}: ${text}`);
    if (expected[name].path) assert.ok(text.includes(`at \`${expected[name].path}`), `${name} names ${expected[name].path}: ${text}`);
    assert.deepEqual(await stored(page), before, `${name} changed storage`);
  }
  // A 50 MB file is refused by its size, before it is read.
  const dir = await mkdtemp(join(tmpdir(), 'smm-'));
  const big = join(dir, 'fifty.json');
  await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 32));
  await importFile(page, big);
  await page.waitForFunction(() => /50\.0 MiB; files over 5 MiB are refused/.test(document.querySelector('.transfer-message').textContent));
  assert.deepEqual(await stored(page), before);
  assert.equal(await page.locator('.assessment-row').count(), 2, 'the app is still usable');
  assert.deepEqual(errors, []);
  await screenshot(page, 'files-hostile-message');
  await context.close();
});

test('markup in every text field stays inert text, on screen and in the printed report', async () => {
  const { page, context } = await seeded([]);
  await importFile(page, join(fixtures, 'hostile/markup-in-every-text-field.json'));
  await page.waitForSelector('.transfer-message .notice.ok');
  for (const s of ['', '/targets/threat-modeling', '/assess/event-detection-and-response-plan', '/results', '/roadmap', '/report']) {
    await page.goto(`${server.origin}/workbench.html#/assessments/markup-payloads${s}`);
    await appReady(page);
    await page.waitForTimeout(50);
  }
  assert.ok((await page.textContent('.report-body')).includes('<script>window.__pwned=1</script>'), 'shown as text');
  assert.equal(await page.locator('.report-body script, .report-body img, .report-body b').count(), 0, 'no element made from the payload');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  await context.close();
});

test('a corrupt stored entry gets a recovery banner; the others stay usable', async () => {
  const { page, context } = await seeded();
  const truncated = JSON.stringify(bottling).slice(0, 500);
  const v1 = JSON.parse(await readFile(join(fixtures, 'assessment-v1.smm.json'), 'utf8'));
  v1.id = 'old-layout';
  await page.evaluate(([k1, v1, k2, v2, k3, v3]) => { localStorage.setItem(k1, v1); localStorage.setItem(k2, v2); localStorage.setItem(k3, v3); },
    [KEY('broken-one'), truncated, KEY('hand-edited'), JSON.stringify({ ...camera, id: 'hand-edited', targets: { 'threat-modeling': { level: 9 } } }),
      KEY('old-layout'), JSON.stringify(v1)]);
  await page.reload();
  await appReady(page);
  await page.waitForSelector('.banner.warning');
  assert.equal(await page.locator('.broken-entry').count(), 2);
  assert.match(await page.textContent('.banner.warning'), /level 9 is out of range/);
  assert.equal(await page.locator('.assessment-row').count(), 3, 'the good ones are listed, the version 1 entry migrated');
  await page.goto(`${server.origin}/workbench.html#/assessments/${camera.id}/results`);
  await appReady(page);
  assert.equal(await page.locator('#gap-table tbody tr').count(), 18);
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);
  const entry = page.locator(`.broken-entry[data-key="${KEY('broken-one')}"]`);
  const [download] = await Promise.all([page.waitForEvent('download'), entry.getByRole('button', { name: 'Download the stored text' }).click()]);
  const path = join(artifacts, 'recovered.txt');
  await download.saveAs(path);
  assert.equal(await readFile(path, 'utf8'), truncated, 'the raw text, byte for byte');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY('broken-one')), truncated, 'downloading keeps it');
  await entry.getByRole('button', { name: 'Remove this entry' }).click();
  assert.equal(await page.locator('.broken-entry').count(), 1);
  await screenshot(page, 'files-recovery-banner');
  await context.close();
});

test('when storage is full, a change is refused with a message and the stored state is intact', async () => {
  const { page, context } = await seeded([bottling]);
  await page.goto(`${server.origin}/workbench.html#/assessments/${bottling.id}`);
  await appReady(page);
  const before = await page.evaluate((k) => localStorage.getItem(k), KEY(bottling.id));
  // Fill the quota with chunks of shrinking size, down to single characters.
  const filled = await page.evaluate(() => {
    let n = 0;
    let name = 'none';
    for (const size of [262144, 65536, 16384, 4096, 1024, 256, 64, 16, 4, 1]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler.${n++}`, chunk); } catch (e) { name = e.name; break; }
      }
    }
    return { n, name };
  });
  assert.equal(filled.name, 'QuotaExceededError', 'the quota was reached');
  await page.getByLabel('Organisation').fill('A much longer organisation name '.repeat(20));
  await page.waitForSelector('.save-failed');
  assert.match(await page.textContent('.save-failed'), /storage for this site is full/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY(bottling.id)), before, 'the last good state is stored');
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k); });
  await page.reload();
  await appReady(page);
  assert.equal(await page.inputValue('input[type=text] >> nth=1'), bottling.metadata.organisation, 'the page shows what is stored');
  await context.close();
});

test('a change in one tab appears in the other', async () => {
  const { page, context } = await seeded([bottling]);
  const other = await context.newPage();
  await other.goto(`${server.origin}/workbench.html#/assessments/${bottling.id}`);
  await appReady(other);
  await page.goto(`${server.origin}/workbench.html#/assessments/${bottling.id}`);
  await appReady(page);
  await page.getByLabel('Assessor').fill('Second assessor');
  await other.waitForFunction(() => [...document.querySelectorAll('input')].some((i) => i.value === 'Second assessor'));
  // The other tab, editing a copy that is now stale, cannot overwrite silently:
  // it received the change first, so its own edit builds on it.
  await other.getByLabel('System under assessment').fill('Line 3 only');
  await page.waitForFunction(() => [...document.querySelectorAll('input')].some((i) => i.value === 'Line 3 only'));
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY(bottling.id)));
  assert.equal(saved.metadata.assessor, 'Second assessor');
  assert.equal(saved.metadata.system, 'Line 3 only');
  await context.close();
});

test('a file dropped on the page is imported', async () => {
  const { page, context } = await seeded([]);
  const text = await readFile(join(root, 'examples/home-camera-product-supplier.smm.json'), 'utf8');
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'camera.smm.json', { type: 'application/json' }));
    return d;
  }, text);
  await page.dispatchEvent('.smm-app', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('.smm-app', 'drop', { dataTransfer: dt });
  await page.waitForSelector('.transfer-message .notice.ok');
  assert.match(await page.textContent('.transfer-message'), /Imported 1 assessment\(s\) from “camera.smm.json”/);
  assert.equal(await page.locator('.assessment-row').count(), 1);
  await context.close();
});

test('a redacted export leaves out names, notes and evidence', async () => {
  const { page, context } = await seeded([bottling]);
  await page.goto(`${server.origin}/workbench.html#/assessments/${bottling.id}`);
  await appReady(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a redacted copy for sharing' }).click()]);
  const path = join(artifacts, 'redacted.smm.json');
  await download.saveAs(path);
  const text = await readFile(path, 'utf8');
  for (const secret of ['Brightwater', 'Okafor', 'TTX-2026-06', 'J. Meyer']) assert.ok(!text.includes(secret), secret);
  const r = JSON.parse(text);
  assert.equal(r.targets['patch-management'].level, bottling.targets['patch-management'].level);
  await context.close();
});
