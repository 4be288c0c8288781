// A long editing session: 2,000 edits across 20 assessments (ticks,
// targets, notes, roadmap owners, dates and statuses, snapshots), made through
// the page as a person makes them, with a reload every 200 edits and a second
// tab editing another assessment all along. The test keeps its own model of
// every edit; storage must hold exactly that model at every reload and at the
// end, and the page's memory must not grow without bound.
//
// SMM_LONG_EDITS and SMM_LONG_SEED change the length and the seed (the
// defaults are 2,000 and 16; a reload every 200 edits whatever the length).
// The README's test command runs 2,000 so that all its checks fit in 30
// minutes; scripts/long-session.sh runs the full 10,000 (50 reloads). The heap
// figures are printed and written to tests/e2e/artifacts/long-session.json
// (beside the end-to-end tests' screenshots).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, storedItems, artifacts, root, screenshot } from '../e2e/harness.mjs';

const EDITS = Number(process.env.SMM_LONG_EDITS ?? 2000);
const SEED = Number(process.env.SMM_LONG_SEED ?? 16);
const RELOAD_EVERY = 200;
const ASSESSMENTS = 20;
const SNAPSHOTS_EACH = 3;
const KEY = 'smm-navigator.v1.assessment.';
const SNAPS = 'smm-navigator.v1.snapshots.';

const catalogue = JSON.parse(await readFile(join(root, 'crates/smm-core/data/catalogue.json'), 'utf8'));
const practices = catalogue.practices.map((p) => ({
  id: p.id,
  indicators: p.levels.flatMap((l) => l.indicators.map((i) => i.id)),
}));

// mulberry32: a seeded generator, so that a failure replays.
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n) => Math.floor(next() * n);
  return { next, below, pick: (xs) => xs[below(xs.length)] };
}
const R = rng(SEED);

const WORDS = ['pump', 'valve', 'Kovač', 'Zoë', 'line 2', '<b>bold</b>', '"quoted"', 'naïve', '東京', '😀', 'a & b', 'O\'Brien', 'x'.repeat(40)];
const text = () => Array.from({ length: 1 + R.below(6) }, () => R.pick(WORDS)).join(' ');
const DATES = ['2027-01-31', '2027-03-31', '2027-06-30', '2028-02-29', ''];
const STATUSES = ['planned', 'in-progress', 'done'];

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The model of one assessment: what storage must hold. */
function emptyModel(id, name) {
  return { id, name, targets: {}, results: {}, plan: {}, snapshots: [] };
}

/** The parts of a stored (or snapshotted) assessment the edits touch, in the model's shape. */
function shapeOf(stored) {
  const targets = Object.fromEntries(Object.entries(stored.targets ?? {}).map(([k, t]) => [k, t.level]));
  const results = Object.fromEntries(Object.entries(stored.results ?? {}).map(([k, r]) => [k, { ticks: [...(r.indicators_met ?? [])].sort(), notes: r.notes ?? '' }]));
  const plan = Object.fromEntries(Object.entries(stored.plan ?? {}).map(([k, p]) => [k, { owner: p.owner ?? '', due: p.due ?? '', status: p.status ?? 'planned' }]));
  return { targets, results, plan };
}

function modelShape(m) {
  const results = Object.fromEntries(Object.entries(m.results).map(([k, r]) => [k, { ticks: [...r.ticks].sort(), notes: r.notes }]));
  const plan = Object.fromEntries(Object.entries(m.plan).map(([k, p]) => [k, { owner: p.owner, due: p.due, status: p.status }]));
  return { targets: { ...m.targets }, results, plan };
}

/** Storage must hold exactly the models: the same assessments, each with the same content, and their snapshots. */
async function checkStorage(page, models, when) {
  const items = await storedItems(page);
  const ids = Object.keys(items).filter((k) => k.startsWith(KEY)).map((k) => k.slice(KEY.length)).sort();
  assert.deepEqual(ids, models.map((m) => m.id).sort(), `${when}: the stored assessments`);
  for (const m of models) {
    const stored = JSON.parse(items[KEY + m.id]);
    assert.equal(stored.metadata.name, m.name, `${when}: ${m.id} name`);
    assert.deepEqual(shapeOf(stored), modelShape(m), `${when}: ${m.name} differs from the model`);
    const snaps = items[SNAPS + m.id] ? JSON.parse(items[SNAPS + m.id]).snapshots : [];
    assert.deepEqual(snaps.map((s) => s.label), m.snapshots.map((s) => s.label), `${when}: ${m.name} snapshot labels`);
    for (const [i, s] of snaps.entries()) {
      assert.deepEqual(shapeOf(s.assessment), m.snapshots[i].shape, `${when}: ${m.name} snapshot ${i + 1} is not the state it froze`);
    }
  }
  // Nothing else of ours is stored but the snapshots and the app's own bookkeeping.
  const others = Object.keys(items).filter((k) => k.startsWith('smm-navigator.') && !k.startsWith(KEY) && !k.startsWith(SNAPS));
  assert.ok(others.every((k) => /^smm-navigator\.v1\.(meta|prefs|ui)\./.test(k)), `${when}: unexpected keys ${others.join(', ')}`);
}

/** The page's memory after a garbage collection: JS heap, WebAssembly linear
 * memory (every WebAssembly.Memory the page holds, found through the DevTools
 * protocol), DOM nodes and listeners. Taken on the same page each time (the
 * assessment list), so that the figures compare. */
async function memory(page) {
  await go(page, '#/assessments', '.page.assessments');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const sum = await cdp.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await cdp.detach();
  return { jsHeap: heap.usedSize, wasm: sum.result.value, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

const mib = (b) => (b / 1048576).toFixed(1);

/** Goes to `hash` as a link would and waits for `selector` on the page of
 * that assessment (its section tabs link to it), so that the page left is
 * never taken for the page reached. */
async function go(page, hash, selector) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  const id = hash.split('/')[2];
  // Locators, not waitForSelector: each element handle that returns is held by
  // the DevTools protocol until disposed, which kept every page left alive.
  await page.locator(selector).first().waitFor();
  if (id) await page.locator(`.section-tabs a[href^="#/assessments/${id}/"]`).first().waitFor();
}

/** waitForFunction, letting go of the handle it returns (see `go`). */
async function until(page, fn, arg) {
  await (await page.waitForFunction(fn, arg)).dispose();
}

/** One batch of edits on one page of assessment `m` in `page`; returns how many edits it made. */
const timing = {};
function timed(kind, ms, edits) {
  const t = (timing[kind] ??= { batches: 0, edits: 0, ms: 0 });
  t.batches++; t.edits += edits; t.ms += ms;
}

let front = null;
async function batch(page, m, budget) {
  const t0 = Date.now();
  // As a person switches tabs: a page in the background gets no animation
  // frames, and Playwright waits for them before it clicks.
  if (front !== page) {
    await page.bringToFront();
    front = page;
  }
  const [kind, made] = await batchOf(page, m, budget);
  timed(kind, Date.now() - t0, made);
  return made;
}

async function batchOf(page, m, budget) {
  const kind = R.next();
  const base = `#/assessments/${m.id}`;
  let made = 0;
  if (kind < 0.5) {
    // Ticks, and now and then the notes, on one practice's checklist.
    const p = R.pick(practices);
    await go(page, `${base}/assess/${p.id}`, `.checklist-page[data-practice="${p.id}"]`);
    const n = Math.min(budget, 1 + R.below(12));
    for (let i = 0; i < n; i++) {
      const r = m.results[p.id];
      if (r && R.next() < 0.2) {
        const notes = text();
        await page.locator('.checklist-page label.block:has-text("Notes") textarea').fill(notes);
        r.notes = notes;
      } else {
        const ind = R.pick(p.indicators);
        const want = !(r?.ticks.has(ind) ?? false);
        const box = page.locator(`input[data-indicator="${ind}"]`);
        // An indicator for another role only is folded: open its list first (extra evidence).
        if (!(await box.isVisible())) await box.locator('xpath=ancestor::details[1]/summary').click();
        await box.setChecked(want);
        const res = (m.results[p.id] ??= { ticks: new Set(), notes: '' });
        if (want) res.ticks.add(ind); else res.ticks.delete(ind);
      }
      made++;
    }
    return ['ticks and notes', made];
  } else if (kind < 0.68 || Object.keys(m.targets).length < 3) {
    // Targets: a few practices' levels, each a real change (and always
    // first, so that the roadmap has steps to plan).
    const n = Math.min(budget, 1 + R.below(4));
    for (let i = 0; i < n; i++) {
      const p = R.pick(practices);
      await go(page, `${base}/targets/${p.id}`, `.target-editor[data-practice="${p.id}"]`);
      const levels = [0, 1, 2, 3, 4].filter((l) => l !== m.targets[p.id]);
      const level = R.pick(levels);
      await page.click(`label[for="target-level-${level}"]`);
      m.targets[p.id] = level;
      made++;
    }
    return ['targets', made];
  } else if (kind < 0.97 || m.snapshots.length >= SNAPSHOTS_EACH) {
    // The roadmap: owners, due dates and statuses of the steps shown.
    await go(page, `${base}/roadmap`, '.page.roadmap');
    const steps = await page.$$eval('.step[data-step]', (els) => els.map((e) => e.dataset.step));
    if (steps.length === 0) return ['roadmap', 0];
    const n = Math.min(budget, 1 + R.below(8));
    for (let i = 0; i < n; i++) {
      const step = R.pick(steps);
      const fid = step.replace('@', '-');
      const plan = (m.plan[step] ??= { owner: '', due: '', status: 'planned' });
      const field = R.below(3);
      if (field === 0) {
        plan.owner = R.next() < 0.15 ? '' : text().slice(0, 200);
        await page.fill(`#owner-${fid}`, plan.owner);
      } else if (field === 1) {
        plan.due = R.pick(DATES);
        await page.fill(`#due-${fid}`, plan.due);
      } else {
        plan.status = R.pick(STATUSES.filter((s) => s !== plan.status));
        // Each status change is kept in the step's history: the step stays in the plan.
        plan.changed = true;
        await page.selectOption(`#status-${fid}`, plan.status);
      }
      if (plan.owner === '' && plan.due === '' && plan.status === 'planned' && !plan.changed) delete m.plan[step];
      made++;
    }
    return ['roadmap', made];
  } else {
    // A snapshot with a label.
    await go(page, `${base}/history`, '.snapshot-form');
    const label = `Snapshot ${m.snapshots.length + 1}: ${R.pick(WORDS)}`;
    await page.getByLabel('Label (optional)').fill(label);
    await page.getByRole('button', { name: 'Take a snapshot' }).click();
    await until(page, (n) => document.querySelectorAll('.snapshot-list li').length === n, m.snapshots.length + 1);
    m.snapshots.push({ label, shape: modelShape(m) });
    return ['snapshots', 1];
  }
}

async function create(page, name) {
  await go(page, '#/assessments', '.page.assessments');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await until(page, () => /^#\/assessments\/a-[a-z0-9]+-[a-z0-9]+$/.test(location.hash));
  return page.evaluate(() => location.hash.split('/')[2]);
}

test(`${EDITS} edits across ${ASSESSMENTS} assessments, a reload every ${RELOAD_EVERY}, a second tab all along`, { timeout: 45 * 60 * 1000 }, async () => {
  const first = await openPage(browser, server.origin);
  const { page, context, foreign, errors } = first;
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__smmWasmMemory = e.detail.wasm.memory; });
  });
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);

  const models = [];
  for (let i = 0; i < ASSESSMENTS; i++) {
    const name = `Line ${i + 1} ${R.pick(WORDS)}`;
    models.push(emptyModel(await create(page, name), name));
  }
  await checkStorage(page, models, 'after creating');
  // The second tab edits the last assessment; the first tab, the others.
  const mine = models.slice(0, ASSESSMENTS - 1);
  const theirs = models[ASSESSMENTS - 1];
  const tab2 = await context.newPage();
  const tab2Errors = [];
  tab2.on('pageerror', (e) => tab2Errors.push(String(e)));
  tab2.on('console', (msg) => { if (msg.type() === 'error') tab2Errors.push(msg.text()); });
  await tab2.goto(`${server.origin}/workbench.html#/assessments/${theirs.id}`);
  await appReady(tab2);

  const figures = { seed: SEED, edits: EDITS, segments: [] };
  const tab2Start = await memory(tab2);
  figures.tab1Start = await memory(page);
  figures.tab2Start = tab2Start;
  let edits = 0;
  let nextReload = RELOAD_EVERY;
  const started = Date.now();
  while (edits < EDITS) {
    edits += await batch(page, R.pick(mine), Math.min(nextReload, EDITS) - edits);
    if (edits < EDITS && R.next() < 0.35) {
      edits += await batch(tab2, theirs, Math.min(2, Math.min(nextReload, EDITS) - edits));
    }
    if (edits >= nextReload || edits >= EDITS) {
      const before = await memory(page);
      figures.segments.push({ edits, tab1: before, seconds: Math.round((Date.now() - started) / 1000) });
      await page.reload();
      await appReady(page);
      await checkStorage(page, models, `after ${edits} edits`);
      nextReload += RELOAD_EVERY;
    }
  }
  const tab2End = await memory(tab2);
  figures.tab2End = tab2End;
  figures.tab1End = figures.segments.at(-1).tab1;
  figures.seconds = Math.round((Date.now() - started) / 1000);
  figures.timing = timing;

  // The first tab followed the second tab's edits without reloading them by hand.
  const shown = Object.entries(theirs.results).find(([, r]) => r.ticks.size > 0);
  if (shown) {
    const [pid, r] = shown;
    await go(page, `#/assessments/${theirs.id}/assess/${pid}`, `.checklist-page[data-practice="${pid}"]`);
    const ticked = await page.$$eval('input[data-indicator]:checked', (els) => els.map((e) => e.dataset.indicator).sort());
    assert.deepEqual(ticked, [...r.ticks].sort(), 'the first tab shows what the second tab ticked');
  }
  await checkStorage(tab2, models, 'at the end, read by the second tab');
  await screenshot(page, 'long-session-end');

  await mkdir(artifacts, { recursive: true });
  await writeFile(join(artifacts, 'long-session.json'), JSON.stringify(figures, null, 2));
  const line = (name, m) => `${name}: JS heap ${mib(m.jsHeap)} MiB, wasm memory ${mib(m.wasm)} MiB, ${m.nodes} DOM nodes, ${m.listeners} listeners`;
  console.log(`long session: ${edits} edits in ${figures.seconds} s (seed ${SEED})`);
  console.log(line('tab 1 at the start', figures.tab1Start));
  console.log(line('tab 1 before its last reload', figures.tab1End));
  console.log(line('tab 2 at the start', tab2Start));
  for (const [k, t] of Object.entries(timing)) console.log(`${k}: ${t.edits} edits in ${t.batches} batches, ${(t.ms / Math.max(1, t.edits)).toFixed(0)} ms per edit`);
  console.log(line(`tab 2 after ${figures.seconds} s, never reloaded`, tab2End));

  assert.equal(edits, EDITS);
  assert.deepEqual(foreign(), [], 'no request left the machine');
  assert.deepEqual(errors, [], 'no error in the first tab');
  assert.deepEqual(tab2Errors, [], 'no error in the second tab');
  // Bounded memory: the tab that never reloads ends within a small margin of
  // where it started, and no segment of the first tab grows more than that.
  const grew = (a, b) => b.jsHeap - a.jsHeap;
  assert.ok(grew(tab2Start, tab2End) < 16 * 1048576, `tab 2's JS heap grew by ${mib(grew(tab2Start, tab2End))} MiB`);
  assert.ok(tab2End.wasm <= 64 * 1048576, `tab 2's wasm memory reached ${mib(tab2End.wasm)} MiB`);
  assert.ok(tab2End.nodes < 3 * tab2Start.nodes + 2000, `tab 2 holds ${tab2End.nodes} DOM nodes (from ${tab2Start.nodes})`);
  for (const s of figures.segments) {
    assert.ok(s.tab1.wasm <= 64 * 1048576, `tab 1's wasm memory reached ${mib(s.tab1.wasm)} MiB by edit ${s.edits}`);
    assert.ok(s.tab1.jsHeap < figures.tab1Start.jsHeap + 16 * 1048576, `tab 1's JS heap reached ${mib(s.tab1.jsHeap)} MiB by edit ${s.edits}`);
  }
});
