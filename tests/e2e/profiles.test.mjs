// Profiles and 62443 mappings: the retail profile on a new assessment, its
// suggested targets (and undo), POS indicators counting toward scope, the 62443
// view for two roles with its reverse lookup, and user profile/mapping files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, screenshot, axeViolations, artifacts, root, storedItems, horizontalOverflow } from './harness.mjs';

const profile = JSON.parse(await readFile(join(root, 'crates/smm-core/data/profiles/retail-pos.json'), 'utf8'));
const mapping = JSON.parse(await readFile(join(root, 'crates/smm-core/data/mappings/indicative-62443.json'), 'utf8'));
const catalogue = JSON.parse(await readFile(join(root, 'crates/smm-core/data/catalogue.json'), 'utf8'));

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const stored = storedItems;

test('the retail profile on a new assessment, its targets, POS indicators and the 62443 views', async () => {
  const { page, context, foreign, errors } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);
  await page.getByLabel('Name').fill('Store 42 tills');
  await page.getByLabel('Your role for this system').selectOption('asset-owner');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForFunction(() => /^#\/assessments\/a-/.test(location.hash));
  const base = await page.evaluate(() => location.hash);
  const id = base.split('/')[2];

  // Apply the suggested targets, undo, apply again.
  await page.getByRole('button', { name: `Apply its ${profile.suggested_targets.length} suggested targets` }).click();
  await page.waitForSelector('.profiles .notice.ok');
  let saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `smm-navigator.v1.assessment.${id}`));
  assert.deepEqual(saved.profiles, ['retail-pos']);
  assert.equal(Object.keys(saved.targets).length, 18);
  for (const t of profile.suggested_targets) {
    assert.equal(saved.targets[t.practice].level, t.level);
    assert.equal(saved.targets[t.practice].scope, t.scope);
  }
  await page.getByRole('button', { name: 'Undo' }).click();
  saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `smm-navigator.v1.assessment.${id}`));
  assert.equal(Object.keys(saved.targets).length, 0, 'undo restores the targets');
  await page.getByRole('button', { name: `Apply its ${profile.suggested_targets.length} suggested targets` }).click();
  await screenshot(page, 'profiles-overview');

  // The target page shows the profile's guidance.
  await page.goto(`${server.origin}/${base}/targets/physical-protection`);
  await page.waitForSelector('.profile-guidance');
  assert.match(await page.textContent('.profile-guidance'), /scope/);

  // Assess a practice with POS indicators: general levels 1-2 and every profile
  // indicator up to level 2, each as far as it counts for a retailer (an asset owner).
  const practice = 'physical-protection';
  const role = 'asset-owner';
  const applies = (i) => !i.roles || i.roles.includes(role);
  const p = catalogue.practices.find((x) => x.id === practice);
  await page.goto(`${server.origin}/${base}/assess/${practice}`);
  await page.waitForSelector('.checklist-page');
  for (const l of p.levels.filter((l) => l.level <= 2)) for (const i of l.indicators.filter(applies)) await page.check(`input[data-indicator="${i.id}"]`);
  assert.match(await page.textContent('.live-level'), /Derived level 2/);
  const entries = profile.entries.filter((e) => e.practice === practice && e.level <= 2 && e.indicators.some(applies));
  assert.ok(entries.length > 0, 'the profile has guidance for retailers up to level 2 here');
  for (const e of entries) for (const i of e.indicators.filter(applies)) await page.check(`input[data-indicator="${i.id}"]`);
  saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `smm-navigator.v1.assessment.${id}`));
  const wantScope = entries.some((e) => e.scope === 'system') ? 'system' : 'industry';
  assert.equal(saved.results[practice].scope, wantScope, 'profile indicators set the scope');
  // Profile indicators say which profile they come from.
  assert.match(await page.textContent('.profile-indicator'), new RegExp(profile.name.replace(/[()]/g, '.')));
  await screenshot(page, 'profiles-assess');

  // 62443 view for the asset owner (the assessment's role), then the product supplier.
  await page.goto(`${server.origin}/${base}/requirements`);
  await appReady(page);
  assert.match(await page.textContent('.levels-note'), /not SL 3/);
  const partsShown = async () => page.$$eval('.requirement-table tbody tr td:nth-child(3)', (tds) => [...new Set(tds.map((t) => t.textContent))]);
  await page.waitForFunction(() => [...document.querySelectorAll('.requirement-table tbody tr td:nth-child(3)')].some((t) => t.textContent === '62443-3-3'));
  const ownerParts = await partsShown();
  // Asset owners see the system requirements, the programme elements and the zone and conduit requirements.
  assert.ok(ownerParts.every((x) => ['62443-2-1', '62443-3-2', '62443-3-3'].includes(x)), ownerParts.join());
  assert.ok(ownerParts.includes('62443-3-2'), 'the ZCR requirements of 62443-3-2 are mapped for asset owners');
  // Rows that the mapping gives for this practice at level 1-2 are covered.
  const covered = await page.$$eval('.requirement-table tbody tr.covered', (trs) => trs.map((t) => t.dataset.requirement));
  const expectCovered = new Set(mapping.rows.filter((r) => r.practice === practice && r.role === role && r.level <= 2).map((r) => r.requirement));
  assert.ok(covered.length > 0, 'some requirements are covered');
  assert.ok(covered.every((r) => expectCovered.has(r)), 'only the assessed practice covers anything');
  const coveredText = await page.$$eval('.requirement-table tbody tr.covered', (trs) => trs.map((t) => t.textContent).join());
  assert.ok(!coveredText.includes('not yet achieved'), 'a covered requirement has every source achieved');
  // Filter by foundational requirement (the second tier of groups).
  await page.selectOption('#req-fr', '62443-3-3 FR 1');
  const frs = await page.$$eval('.requirement-table tbody tr td:nth-child(4)', (tds) => [...new Set(tds.map((t) => t.textContent))]);
  assert.deepEqual(frs, ['FR 1 Identification and authentication control (IAC)']);
  await page.selectOption('#req-fr', '');
  // Reverse lookup.
  await page.getByLabel(/Requirement id, for example/).fill('SR 1.1');
  await page.waitForSelector('.reverse-rows li');
  assert.match(await page.textContent('.reverse'), /Human user identification and authentication/);
  // CSV.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the checklist as CSV' }).click()]);
  const csvPath = join(artifacts, 'requirements.csv');
  await download.saveAs(csvPath);
  const csv = await readFile(csvPath, 'utf8');
  assert.ok(csv.includes('SR 1.'));
  assert.ok(csv.split('\n').slice(1).filter(Boolean).every((l) => l.includes('Indicative SMM to ISA/IEC 62443 mapping (SMM Navigator)')), 'every CSV row names the indicative mapping');
  // The product supplier's view: the component and lifecycle parts only.
  await page.selectOption('#req-role', 'product-supplier');
  await page.waitForFunction(() => {
    const parts = [...document.querySelectorAll('.requirement-table tbody tr td:nth-child(3)')].map((t) => t.textContent);
    return parts.length > 0 && parts.every((t) => ['62443-4-1', '62443-4-2'].includes(t));
  });
  const supplierParts = await partsShown();
  assert.ok(supplierParts.length > 0 && supplierParts.every((x) => ['62443-4-1', '62443-4-2'].includes(x)), supplierParts.join());
  await screenshot(page, 'requirements-desktop');
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await horizontalOverflow(page);
  assert.ok(overflow <= 0, `overflow ${overflow}px on a phone`);
  await screenshot(page, 'requirements-phone');
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('user profile and mapping files load; hostile ones are refused and change nothing', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);
  const own = { ...mapping, id: 'official-tables', name: 'Official tables (transcribed)', rows: mapping.rows.slice(0, 40) };
  const ownPath = join(artifacts, 'own-mapping.json');
  await writeFile(ownPath, JSON.stringify(own));
  const hostile = [
    ['profile-unknown-practice.json', { ...profile, entries: [{ ...profile.entries[0], practice: 'time-travel' }] }, 'unknown practice id', 'entries[0].practice'],
    ['profile-general-scope.json', { ...profile, entries: [{ ...profile.entries[0], scope: 'general' }] }, 'general scope is the base model', 'entries[0].scope'],
    ['mapping-unknown-requirement.json', { ...mapping, rows: [{ ...mapping.rows[0], requirement: 'SR 99.9' }] }, 'unknown requirement id', 'rows[0].requirement'],
    ['mapping-future.json', { ...mapping, version: 9 }, 'reads versions 1 to 2', 'version'],
    ['mapping-wrong-framework.json', { ...mapping, framework: 'csf-2.0' }, 'unknown requirement id', 'rows[0].requirement'],
  ];
  const before = await stored(page);
  for (const [name, body, message, path] of hostile) {
    const file = join(artifacts, name);
    await writeFile(file, JSON.stringify(body));
    await page.setInputFiles('.file-pick input[type=file]', file);
    await page.waitForFunction((n) => document.querySelector('.transfer-message .notice.error')?.textContent.includes(`“${n}” was not imported`), name);
    const text = await page.textContent('.transfer-message');
    assert.ok(text.includes(message) && text.includes(`at \`${path}\``), `${name}: ${text}`);
    assert.deepEqual(await stored(page), before, `${name} changed storage`);
  }
  await page.setInputFiles('.file-pick input[type=file]', ownPath);
  await page.waitForFunction(() => /Loaded the mapping “Official tables \(transcribed\)” \(40 rows\)/.test(document.querySelector('.transfer-message').textContent));
  const example = await readFile(join(root, 'examples/home-camera-product-supplier.smm.json'), 'utf8');
  await page.evaluate((ex) => localStorage.setItem('smm-navigator.v1.assessment.lumina-hc200-2026', ex), example);
  await page.goto(server.origin + '/review.html#/assessments/lumina-hc200-2026/requirements');
  await page.reload();
  await appReady(page);
  await page.selectOption('#req-mapping', 'official-tables');
  const reqs = await page.$$eval('.requirement-table tbody tr', (trs) => trs.map((t) => t.dataset.requirement));
  const allowed = new Set(own.rows.filter((r) => r.role === 'product-supplier').map((r) => r.requirement));
  assert.ok(reqs.every((r) => allowed.has(r)), 'the view uses the loaded mapping');
  await context.close();
});
