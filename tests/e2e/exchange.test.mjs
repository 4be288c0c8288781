// The spreadsheet round trip and OSCAL (issue 15): export the workbook in the
// page, edit it with openpyxl (a target, two indicators, an owner and a due
// date), import it, check the preview lists exactly those changes, confirm,
// and find exactly those changes stored. Hostile workbooks are refused or
// partly taken with their messages, nothing stored changed. The OSCAL export
// validates with compliance-trestle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, axeViolations, storedItems, screenshot, root, artifacts } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); await mkdir(artifacts, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const example = await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8');
const bottling = JSON.parse(example);
const KEY = `smm-navigator.v1.assessment.${bottling.id}`;
const py = (...args) => execFileSync('python3', [join(root, 'tests/interop/xlsx_check.py'), ...args], { encoding: 'utf8' });

async function page() {
  const o = await openPage(browser, server.origin);
  await o.page.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(o.page);
  await o.page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, example]);
  await o.page.goto(`${server.origin}/exchange.html#/assessments/${bottling.id}/exchange`);
  await o.page.waitForSelector('.page.exchange');
  return o;
}

async function download(p, name) {
  const [d] = await Promise.all([p.waitForEvent('download', { timeout: 60000 }), p.getByRole('button', { name }).click()]);
  const path = join(artifacts, d.suggestedFilename());
  await d.saveAs(path);
  return path;
}

test('a workbook edited in a spreadsheet comes back as exactly its changes, after a preview', async () => {
  const { page: p, context, foreign, errors } = await page();
  const book = await download(p, 'Export as a workbook (XLSX)');
  assert.match(book, /\.xlsx$/);
  const stored = JSON.parse(await p.evaluate((k) => localStorage.getItem(k), KEY));
  const storedPath = join(artifacts, 'exchange-stored.smm.json');
  await (await import('node:fs/promises')).writeFile(storedPath, JSON.stringify(stored));
  assert.match(py('check', book, storedPath), /^ok:/);
  const edits = JSON.parse(py('edit', book, join(artifacts, 'edited.xlsx')));
  const before = await storedItems(p);
  await p.getByLabel('Choose the workbook').setInputFiles(join(artifacts, 'edited.xlsx'));
  await p.waitForSelector('.workbook-changes', { timeout: 60000 });
  const rows = await p.locator('.workbook-changes tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => [r[0], r[2], r[3], r[5]]).sort(), [
    ['Indicators', edits.indicators[0], 'met', 'yes'],
    ['Indicators', edits.indicators[1], 'met', 'yes'],
    ['Roadmap', edits.step, 'due', edits.due],
    ['Roadmap', edits.step, 'owner', edits.owner],
    ['Targets', edits.target[0], 'target level', String(edits.target[1])],
  ].sort());
  assert.deepEqual(await storedItems(p), before, 'nothing applied before confirmation');
  assert.deepEqual(await axeViolations(p), []);
  await p.locator('.workbook-review').screenshot({ path: join(artifacts, 'workbook-preview.png') });
  await p.getByRole('button', { name: 'Apply 5 change(s)' }).click();
  await p.waitForFunction(() => /Applied 5 change\(s\)/.test(document.querySelector('.transfer-message')?.textContent ?? ''));
  const after = JSON.parse(await p.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(after.targets[edits.target[0]].level, edits.target[1]);
  for (const i of edits.indicators) assert.ok(after.results['patch-management'].indicators_met.includes(i), i);
  assert.equal(after.plan[edits.step].owner, edits.owner);
  assert.equal(after.plan[edits.step].due, edits.due);
  // Nothing else changed.
  const strip = (a) => { const c = structuredClone(a); delete c.targets[edits.target[0]]; delete c.results['patch-management']; delete c.plan[edits.step]; delete c.metadata.updated; return c; };
  assert.deepEqual(strip(after), strip(stored));
  // OSCAL, validated by compliance-trestle.
  const oscal = await download(p, 'Export as OSCAL assessment results');
  const ws = await mkdtemp(join(tmpdir(), 'smm-trestle-'));
  execFileSync('trestle', ['init'], { cwd: ws, stdio: 'ignore' });
  execFileSync('trestle', ['import', '-f', oscal, '-o', 'page'], { cwd: ws, stdio: 'ignore' });
  assert.match(execFileSync('trestle', ['validate', '-f', 'assessment-results/page/assessment-results.json'], { cwd: ws, encoding: 'utf8' }), /VALID/);
  const doc = JSON.parse(await readFile(oscal, 'utf8'));
  const f = doc['assessment-results'].results[0].findings.find((x) => x.target['target-id'] === `smm-${edits.target[0]}_obj`);
  assert.ok(f, 'a finding for the edited practice');
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile workbooks are refused or partly taken with their messages, nothing stored changed', async () => {
  const { page: p, context, errors } = await page();
  const book = await download(p, 'Export as a workbook (XLSX)');
  const dir = join(artifacts, 'hostile-workbooks');
  py('hostile', book, dir);
  const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8'));
  const before = await storedItems(p);
  for (const [name, message] of Object.entries(expected)) {
    const previous = await p.locator('.page.exchange').textContent();
    await p.getByLabel('Choose the workbook').setInputFiles(join(dir, name));
    await p.waitForFunction(([prev, m]) => {
      const t = document.querySelector('.page.exchange')?.textContent ?? '';
      return t !== prev && t.includes(m);
    }, [previous, message], { timeout: 60000 });
    const review = p.locator('.workbook-review');
    if (await review.count()) {
      assert.match(await review.textContent(), /The workbook changes nothing/, `${name}: nothing guessed`);
      await review.getByRole('button', { name: 'Cancel' }).click();
    }
    assert.deepEqual(await storedItems(p), before, `${name}: storage unchanged`);
  }
  await screenshot(p, 'exchange-page');
  // A workbook dropped on the workbench is pointed to this page.
  await p.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(p);
  await p.getByLabel(/Import files/).setInputFiles(book);
  await p.waitForFunction(() => /is a workbook: import it on the “Spreadsheet and OSCAL” page/.test(document.querySelector('.transfer-message')?.textContent ?? ''));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a worker job past its deadline ends the worker, the page says so, and the next job runs in a fresh worker', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(p);
  await p.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, example]);
  // A worker that says it is ready, then never answers: what a hostile file does to a reader with no bound.
  const hang = 'self.postMessage({ ready: true }); self.onmessage = () => { for (;;) {} };';
  await context.route('**/worker_loader.js', (r) => r.fulfill({ contentType: 'text/javascript', body: hang }));
  await p.clock.install();
  await p.goto(`${server.origin}/exchange.html#/assessments/${bottling.id}/exchange`);
  await p.waitForSelector('.page.exchange');
  await p.getByRole('button', { name: 'Export as a workbook (XLSX)' }).click();
  await p.waitForTimeout(500);
  assert.equal(p.workers().length, 1, 'the hanging worker runs');
  const closed = new Promise((resolve) => p.workers()[0].on('close', resolve));
  await p.clock.fastForward(29_000);
  await p.waitForTimeout(300);
  assert.doesNotMatch(await p.textContent('body'), /was stopped/, 'not before the deadline');
  await p.clock.fastForward(2_000);
  await p.waitForFunction(() => /took longer than 30 seconds and was stopped/.test(document.body.textContent));
  await Promise.race([closed, new Promise((_, reject) => setTimeout(() => reject(new Error('the worker was not ended')), 5000))]);
  // The next job starts a fresh worker (the real one now) and works.
  await context.unroute('**/worker_loader.js');
  const [d] = await Promise.all([p.waitForEvent('download', { timeout: 60000 }), p.getByRole('button', { name: 'Export as a workbook (XLSX)' }).click()]);
  assert.match(d.suggestedFilename(), /\.xlsx$/);
  assert.deepEqual(errors, []);
  await context.close();
});
