// Many sites at a glance, and peers compared without a server (issue 28):
// the portfolio of the three examples stored plus twelve member files opened
// for the view only (nothing stored), its heatmap table agreeing with
// `smm portfolio --format json` cell by cell, the role filter (timed),
// screenshots at desktop and phone width, axe; a benchmark built by the CLI
// from the twelve redacted members, loaded on an assessment's peers page with
// the group size beside each figure; four members refused by the CLI naming
// the minimum; a hostile benchmark refused in the page with nothing stored
// changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, root, artifacts, screenshot, axeViolations, storedItems, smm } from './harness.mjs';

const EXAMPLES = ['bottling-line-asset-owner', 'home-camera-product-supplier', 'remote-ot-service-provider']
  .map((n) => join(root, 'examples', `${n}.smm.json`));
const MEMBERS_DIR = join(root, 'tests/fixtures/benchmark-members');
const members = (await readdir(MEMBERS_DIR)).filter((f) => f.endsWith('.smm.json')).sort().map((f) => join(MEMBERS_DIR, f));

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); await mkdir(artifacts, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

/** A cell as the page's table words it, from the CLI's JSON. */
const words = (c) => (c.gap === null ? ({ 'not-applicable': 'n/a', 'no-target': 'no target' }[c.status] ?? 'not assessed')
  : c.gap > 0 ? `+${c.gap}` : String(c.gap));

async function seeded() {
  const o = await openPage(browser, server.origin);
  await o.page.goto(`${server.origin}/__seed__`);
  for (const f of EXAMPLES) {
    const text = await readFile(f, 'utf8');
    await o.page.evaluate(([k, v]) => localStorage.setItem(k, v), [`smm-navigator.v1.assessment.${JSON.parse(text).id}`, text]);
  }
  return o;
}

test('the portfolio of stored and opened assessments agrees with smm portfolio, filters, and stores nothing', async () => {
  const { page, context, foreign } = await seeded();
  try {
    await page.goto(`${server.origin}/review.html#/portfolio`);
    await page.waitForSelector('.portfolio-gaps');
    const before = await storedItems(page);
    await page.getByLabel('Open assessment or backup files for this view…').setInputFiles(members);
    await page.waitForFunction(() => /Opened 12 assessment/.test(document.querySelector('.portfolio [role="status"]')?.textContent ?? ''));
    assert.deepEqual(await storedItems(page), before, 'nothing opened for the view is stored');
    const cli = JSON.parse(await smm(['portfolio', ...EXAMPLES, ...members, '--format', 'json']));
    assert.equal(cli.rows.length, 15);
    // The page's table, column by column (one column per assessment shown).
    const table = await page.$$eval('.portfolio-gaps', ([t]) => {
      const heads = [...t.tHead.rows[0].cells].slice(1).map((c) => c.dataset.id);
      const body = [...t.tBodies[0].rows].map((r) => [...r.cells].slice(1).map((c) => c.textContent));
      return { heads, body };
    });
    assert.equal(table.heads.length, 15);
    assert.equal(await page.$$eval('.portfolio-gaps [hidden]', (h) => h.length), 0, 'no column hidden before a filter');
    for (const row of cli.rows) {
      const col = table.heads.indexOf(row.id);
      assert.ok(col >= 0, `${row.id} shown`);
      assert.deepEqual(table.body.map((r) => r[col]), row.cells.map(words), row.id);
    }
    const shares = await page.$$eval('.portfolio-share tbody tr', (trs) => trs.map((t) => [t.dataset.id, t.cells[5].textContent]));
    for (const row of cli.rows) {
      const mine = shares.find(([id]) => id === row.id);
      assert.equal(mine[1], row.share_on_target === null ? '-' : `${row.share_on_target}%`, row.id);
    }
    const weakest = await page.$$eval('.weakest li', (li) => li.length);
    assert.equal(weakest, cli.weakest.length);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'portfolio-desktop');
    await page.locator('.portfolio-heatmap').screenshot({ path: join(artifacts, 'portfolio-heatmap-desktop.png') });

    // The role filter, timed from the change to the redrawn table.
    const t0 = Date.now();
    await page.getByLabel('Role').selectOption('product-supplier');
    const visibleHeads = () => page.$$eval('.portfolio-gaps thead th[data-id]:not([hidden])', (th) => th.map((c) => c.dataset.id));
    await page.waitForFunction(() => document.querySelectorAll('.portfolio-gaps thead th[data-id]:not([hidden])').length === 7);
    console.log(`# filter change redrawn in ${Date.now() - t0} ms (15 assessments)`);
    const filtered = JSON.parse(await smm(['portfolio', ...EXAMPLES, ...members, '--format', 'json', '--role', 'product-supplier']));
    assert.equal(filtered.rows.length, 7);
    // The columns left are the CLI's, in its order; every row of the table hides the same columns.
    assert.deepEqual(await visibleHeads(), filtered.rows.map((r) => r.id));
    const widths = await page.$$eval('.portfolio-gaps tr', (trs) => trs.map((r) => [...r.cells].filter((c) => !c.hidden).length));
    assert.ok(widths.every((w) => w === 1 + 7), `cells shown per row: ${widths}`);
    // An assessment left out by its box goes from the table and the share's caption.
    const out = filtered.rows[0];
    await page.locator(`.portfolio-share tr[data-id="${out.id}"] input[type="checkbox"]`).uncheck();
    await page.waitForFunction(() => document.querySelectorAll('.portfolio-gaps thead th[data-id]:not([hidden])').length === 6);
    assert.deepEqual(await visibleHeads(), filtered.rows.slice(1).map((r) => r.id));
    assert.match(await page.textContent('.portfolio-share caption'), /^6 of 15 assessments shown/);
    await page.locator(`.portfolio-share tr[data-id="${out.id}"] input[type="checkbox"]`).check();
    await page.waitForFunction(() => document.querySelectorAll('.portfolio-gaps thead th[data-id]:not([hidden])').length === 7);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'portfolio-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the portfolio page overflows by ${overflow}px on a phone (the heatmap scrolls in its own box)`);
    assert.deepEqual(foreign(), []);
  } finally {
    await context.close();
  }
});

test('a member loads the benchmark of twelve and sees its place with the group size; four are refused; a hostile one changes nothing', async () => {
  // The coordinator's side, by the CLI.
  const bench = join(artifacts, 'benchmark-of-12.json');
  await writeFile(bench, await smm(['benchmark', ...members]));
  await assert.rejects(smm(['benchmark', ...members.slice(0, 4)]), (e) => /needs at least 5 assessments/.test(e.stderr));
  const { page, context, foreign } = await seeded();
  try {
    const id = JSON.parse(await readFile(EXAMPLES[0], 'utf8')).id;
    await page.goto(`${server.origin}/review.html#/assessments/${id}/peers`);
    await page.waitForSelector('.page.peers');
    // A hostile benchmark first: refused, nothing stored changed.
    const before = await storedItems(page);
    await page.getByLabel('Load a benchmark file…').setInputFiles(join(root, 'tests/fixtures/hostile-benchmarks/cell-of-four.json'));
    await page.waitForFunction(() => /was refused, nothing was changed/.test(document.querySelector('.peers [role="status"]')?.textContent ?? ''));
    assert.match(await page.textContent('.peers [role="status"]'), /cells of fewer than 5 are refused/);
    assert.deepEqual(await storedItems(page), before);
    await page.getByLabel('Load a benchmark file…').setInputFiles(bench);
    await page.waitForSelector('.peers-table');
    const rows = await page.$$eval('.peers-table tbody tr', (trs) => trs.map((t) => [...t.cells].map((c) => c.textContent)));
    const b = JSON.parse(await readFile(bench, 'utf8'));
    const cells = b.cells.filter((c) => c.role === 'asset-owner');
    assert.equal(rows.length, cells.length);
    for (const r of rows) {
      assert.match(r[2], /^\d+ peers$/, 'the group size beside each figure');
      const n = Number(r[2].split(' ')[0]);
      assert.ok(n >= 5);
      if (!r[1].startsWith('-')) assert.equal(Number(r[3]) + Number(r[4]) + Number(r[5]), n);
    }
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'peers-desktop');
    assert.deepEqual(foreign(), []);
  } finally {
    await context.close();
  }
});
