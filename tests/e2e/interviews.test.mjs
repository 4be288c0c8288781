// Interviews (issue 14): the owner makes an interview file for four practices;
// two interviewees, each in their own browser context, answer differently and
// save their answers files; the owner imports both, sees the disagreement,
// resolves it with notes, and finds the result in the results and the report.
// The figures agree with `smm consolidate` on the same files. Bad answers files
// are refused or partly taken, with what was left out listed, nothing else changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, axeViolations, horizontalOverflow, screenshot, storedItems, root, artifacts, smmSync as smm } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); await mkdir(artifacts, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const example = await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8');
const bottling = JSON.parse(example);
const KEY = `smm-navigator.v1.assessment.${bottling.id}`;
const catalogue = JSON.parse(await readFile(join(root, 'crates/smm-core/data/catalogue.json'), 'utf8'));
const levels = (pid) => catalogue.practices.find((p) => p.id === pid).levels.map((l) => l.indicators.map((i) => i.id));
const PRACTICES = ['security-program-management', 'threat-modeling', 'access-control', 'patch-management'];
const NAMES = ['Security Program Management', 'Threat Modeling', 'Access Control', 'Patch Management'];

async function seeded(viewport) {
  const o = await openPage(browser, server.origin, viewport);
  await o.page.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(o.page);
  await o.page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, example]);
  return o;
}

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(artifacts, d.suggestedFilename());
  await d.saveAs(path);
  return path;
}

/** One interviewee answers in their own context: opens the file, ticks, notes, saves. */
async function answer(file, name, ticks, note) {
  const { page, context, foreign, errors } = await openPage(browser, server.origin, { width: 390, height: 844 });
  await page.goto(`${server.origin}/exchange.html`);
  await appReady(page);
  await page.getByLabel('Open an interview file').setInputFiles(file);
  await page.waitForSelector('.answer-page');
  assert.match(await page.locator('h1').textContent(), /Interview: Line 3 bottling/);
  assert.equal(await page.locator('.answer-practice').count(), 4);
  // The interview (version 2) carries the assessment's role: the indicator only
  // a product supplier can show (security programme 3.c) is folded apart.
  const role = JSON.parse(await readFile(file, 'utf8')).role;
  const folded = page.locator('[data-practice="security-program-management"] details.other-roles');
  assert.equal(await folded.count(), role === 'asset-owner' ? 1 : 0, `folded lists for role ${role}`);
  if (role === 'asset-owner') assert.match(await folded.textContent(), /For product suppliers/);
  await page.getByLabel('Your name or a pseudonym').fill(name);
  await page.getByLabel('Your name or a pseudonym').press('Tab');
  for (const id of ticks) await page.check(`[id="ans-${id}"]`);
  await page.locator('[data-practice="threat-modeling"] textarea').fill(note);
  // The answers survive a reload (kept in this browser as they go).
  await page.reload();
  await page.waitForSelector('.answer-page');
  assert.ok(await page.isChecked(`[id="ans-${ticks[0]}"]`));
  assert.equal(await page.getByLabel('Your name or a pseudonym').inputValue(), name);
  if (name.startsWith('Ana')) {
    assert.deepEqual(await axeViolations(page), []);
    assert.ok(await horizontalOverflow(page) <= 0, 'no sideways scrolling on a phone');
    await screenshot(page, 'interview-answer-phone');
  }
  const path = await download(page, () => page.getByRole('button', { name: 'Save the answers file' }).click());
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
  return path;
}

test('two interviewees disagree, the owner resolves it with notes, and the result shows everywhere', async () => {
  const { page, context, foreign, errors } = await seeded({ width: 1366, height: 900 });
  await page.goto(`${server.origin}/exchange.html#/assessments/${bottling.id}/interviews`);
  await page.waitForSelector('.page.interviews');
  for (const n of NAMES) await page.getByLabel(n, { exact: true }).check();
  const interviewFile = await download(page, () => page.getByRole('button', { name: 'Make the interview file (4 practices)' }).click());
  const interview = JSON.parse(await readFile(interviewFile, 'utf8'));
  assert.equal(interview.format, 'smm-navigator/interview');
  assert.deepEqual(interview.practices, PRACTICES);
  assert.deepEqual(Object.keys(interview).sort(), ['assessment_id', 'created', 'format', 'id', 'practices', 'role', 'title', 'version']);
  assert.equal(interview.role, 'asset-owner', 'the interviewee page folds the indicators for other roles');
  for (const secret of ['Brightwater', 'Okafor', 'SEC-CHARTER']) assert.ok(!JSON.stringify(interview).includes(secret), secret);
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(stored.interviews[0].id, interview.id, 'the interview is kept in the assessment');

  const tm = levels('threat-modeling');
  const pm = levels('patch-management');
  const anaTicks = [...tm[0], ...tm[1], ...pm[0]];
  const benTicks = [...tm[0], ...pm[0], ...pm[1]];
  const anaFile = await answer(interviewFile, 'Ana (OT engineer)', anaTicks, 'The 2026 threat model covers remote access; review minutes on the OT share.');
  const benFile = await answer(interviewFile, 'Ben (plant manager)', benTicks, 'I have not seen a threat list for the line.');
  const ana = JSON.parse(await readFile(anaFile, 'utf8'));
  assert.equal(ana.format, 'smm-navigator/answers');
  assert.equal(ana.interviewee, 'Ana (OT engineer)');
  assert.deepEqual(Object.keys(ana.answers).sort(), [...PRACTICES].sort(), 'every practice of the interview is answered');
  assert.deepEqual(ana.answers['threat-modeling'].indicators_met.sort(), [...tm[0], ...tm[1]].sort());

  // The owner imports both at once.
  await page.getByLabel('Import answers files').setInputFiles([anaFile, benFile]);
  await page.waitForSelector('.consensus-table');
  assert.match(await page.locator('.transfer-message').textContent(), /2 files: 2 taken, 0 refused/);
  const row = (name) => page.locator('.consensus-table tbody tr', { hasText: name });
  assert.deepEqual(await row('Threat Modeling').locator('td').allTextContents(), ['2', '1', '1', '4', 'no']);
  assert.deepEqual(await row('Patch Management').locator('td').allTextContents(), ['1', '2', '1', '4', 'no']);
  assert.deepEqual(await row('Access Control').locator('td').allTextContents(), ['0', '0', '0', '0', 'no']);
  const svg = await page.locator('.interviews .chart-svg svg').innerHTML();
  assert.match(svg, /2 \(split\)/, "two who disagree: no majority");
  // The same figures as the CLI on the same files.
  await writeFile(join(artifacts, 'interview-owner.smm.json'), await page.evaluate((k) => localStorage.getItem(k), KEY));
  const md = smm(['consolidate', join(artifacts, 'interview-owner.smm.json'), anaFile, benFile]);
  assert.match(md, /\| Threat Modeling \| 2 \| 1 \| 1 \| 4 \| no \|/);
  assert.match(md, /\| Patch Management \| 1 \| 2 \| 1 \| 4 \| no \|/);

  // Resolve threat modeling: a note is required, then Ana's answer is taken.
  const card = page.locator('.consensus-card[data-practice="threat-modeling"]');
  assert.match(await card.textContent(), /Ana \(OT engineer\): The 2026 threat model/);
  for (const id of tm[1]) await card.getByLabel(`Put ${id} in the result`).check();
  await card.getByRole('button', { name: 'Resolve: set the result' }).click();
  assert.match(await card.locator('.form-error').textContent(), /disagree: say in a short note why/);
  let saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(saved.consensus, undefined, 'nothing resolved without a note');
  await card.getByRole('textbox').fill('Ana showed the 2026 threat model and its review minutes.');
  await card.getByRole('button', { name: 'Resolve: set the result' }).click();
  await page.waitForFunction(() => document.querySelector('.consensus-card[data-practice="threat-modeling"] [role="status"]')?.textContent.includes('Resolved on'));
  const pmCard = page.locator('.consensus-card[data-practice="patch-management"]');
  await pmCard.getByRole('textbox').fill('The maintenance calendar shows the windows; the patch-level record is from June.');
  await pmCard.getByRole('button', { name: 'Resolve: set the result' }).click();
  await page.waitForFunction(() => document.querySelector('.consensus-card[data-practice="patch-management"] [role="status"]')?.textContent.includes('Resolved on'));
  saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.deepEqual(saved.results['threat-modeling'].indicators_met.filter((i) => !i.includes('.industry.') && !i.includes('.system.')).sort(), [...tm[0], ...tm[1]].sort());
  assert.equal(saved.consensus['threat-modeling'].note, 'Ana showed the 2026 threat model and its review minutes.');
  assert.equal(saved.consensus['threat-modeling'].disagreed, true);
  assert.equal(saved.consensus['patch-management'].answers, 2);
  assert.deepEqual(await row('Threat Modeling').locator('td').last().textContent().then((t) => /^yes/.test(t)), true);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'interviews-owner-desktop');

  // Results and the report show it (the workbench, its own page).
  await page.getByRole('link', { name: '3 Results' }).click();
  await page.waitForSelector('#gap-table');
  assert.match(await page.locator('#gap-table tr', { hasText: 'Threat Modeling' }).textContent(), /2/);
  await page.getByRole('navigation', { name: 'Assessment sections' }).getByRole('link', { name: 'Report' }).click();
  await page.waitForSelector('.report-interviews');
  const report = await page.locator('.report-interviews').textContent();
  assert.match(report, /Threat Modeling.*Ana showed the 2026 threat model/s);
  // The redacted export drops the names and the notes, keeps the answers.
  await page.goto(`${server.origin}/workbench.html#/assessments/${bottling.id}`);
  const redactedPath = await download(page, () => page.getByRole('button', { name: 'Export a redacted copy for sharing' }).click());
  const redacted = await readFile(redactedPath, 'utf8');
  for (const secret of ['Ana (OT engineer)', 'Ben (plant manager)', 'review minutes', 'threat list for the line']) assert.ok(!redacted.includes(secret), secret);
  assert.deepEqual(JSON.parse(redacted).interviews[0].responses.map((r) => r.interviewee), ['Interviewee 1', 'Interviewee 2']);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('answers for another assessment, from a newer version or with strays are refused or partly taken, nothing else changed', async () => {
  const { page, context, errors } = await seeded({ width: 1366, height: 900 });
  const a = JSON.parse(await readFile(join(root, 'tests/fixtures/interviews/assessment.smm.json'), 'utf8'));
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(a)]);
  const ana = JSON.parse(await readFile(join(root, 'tests/fixtures/interviews/answers-ana.json'), 'utf8'));
  const variant = async (name, change) => {
    const d = structuredClone(ana);
    change(d);
    const path = join(artifacts, name);
    await writeFile(path, JSON.stringify(d, null, 1));
    return path;
  };
  const other = await variant('answers-other-assessment.json', (d) => { d.assessment_id = 'someone-else'; });
  const future = await variant('answers-future.json', (d) => { d.version = 9; });
  const unknownInterview = await variant('answers-unknown-interview.json', (d) => { d.interview_id = 'iv-nowhere'; });
  const strays = await variant('answers-strays.json', (d) => {
    d.answers['threat-modeling'].indicators_met.push('threat-modeling.9.z', 'access-control.1.a');
    d.answers['risk-attitude'] = { indicators_met: [], notes: '' };
  });
  await page.goto(`${server.origin}/exchange.html#/assessments/${bottling.id}/interviews`);
  await page.waitForSelector('.page.interviews');
  const before = await storedItems(page);
  for (const [file, message] of [
    [other, /these answers are for another assessment .*not kept in this browser/],
    [future, /format version 9, made by a newer SMM Navigator/],
    [unknownInterview, /this assessment has no interview `iv-nowhere`/],
  ]) {
    await page.getByLabel('Import answers files').setInputFiles(file);
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.transfer-message')?.textContent ?? ''), message.source);
    assert.match(await page.locator('.transfer-message').textContent(), /nothing stored was changed/);
    assert.deepEqual(await storedItems(page), before, `${file}: storage unchanged`);
  }
  // The hostile corpus of interview and answers files, each refused with its path.
  const hostile = join(root, 'tests/fixtures/hostile-interviews');
  const expected = JSON.parse(await readFile(join(hostile, 'expected.json'), 'utf8'));
  for (const [name, { message, path }] of Object.entries(expected)) {
    const previous = await page.locator('.transfer-message').textContent();
    await page.getByLabel('Import answers files').setInputFiles(join(hostile, name));
    await page.waitForFunction((prev) => {
      const t = document.querySelector('.transfer-message')?.textContent ?? '';
      return t !== prev && /not (imported|taken)/.test(t);
    }, previous);
    const text = await page.locator('.transfer-message').textContent();
    assert.ok(text.includes(message), `${name}: expected ${message} in ${text}`);
    if (path) assert.ok(text.includes(`at \`${path}`), `${name}: path ${path} in ${text}`);
    assert.deepEqual(await storedItems(page), before, `${name}: storage unchanged`);
  }
  await page.getByLabel('Import answers files').setInputFiles(strays);
  await page.waitForFunction(() => /Took the answers of Ana/.test(document.querySelector('.transfer-message')?.textContent ?? ''));
  const text = await page.locator('.transfer-message').textContent();
  assert.match(text, /Left out: answers\.risk-attitude: practice `risk-attitude` is not in this interview/);
  assert.match(text, /`threat-modeling\.9\.z` is not an indicator of this practice/);
  assert.match(text, /`access-control\.1\.a` is not an indicator of this practice/);
  const kept = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  const response = kept.interviews[0].responses.find((r) => r.interviewee === 'Ana (OT engineer)');
  assert.ok(!response.answers['risk-attitude']);
  assert.ok(!response.answers['threat-modeling'].indicators_met.includes('access-control.1.a'));
  assert.deepEqual(kept.targets, a.targets, 'targets untouched');
  assert.deepEqual(kept.results, a.results, 'results untouched until resolved');
  // An answers file imported in the workbench is handed to the interviews page.
  await page.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(page);
  await page.getByLabel(/Import files/).setInputFiles(join(root, 'tests/fixtures/interviews/answers-ben.json'));
  await page.waitForURL(/exchange\.html#\/assessments\/.*\/interviews/);
  await page.waitForSelector('.consensus-table');
  assert.match(await page.locator('.transfer-message').textContent(), /Took the answers of Ben/);
  assert.equal(await page.evaluate(() => localStorage.getItem('smm-navigator.v1.inbox')), null, 'the inbox is emptied');
  assert.deepEqual(errors, []);
  await context.close();
});
