// The board page (issue 27, item 2): one printed page for management. Its
// sentence, its five largest gaps (in order, with their planned steps) and
// its practices above target are the figures of `smm report --board`; it prints
// on one A4 page and on one Letter page; axe finds nothing; the results page
// links to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, root, artifacts, screenshot, axeViolations, smm } from './harness.mjs';

const EXAMPLE = 'examples/bottling-line-asset-owner.smm.json';
const example = await readFile(join(root, EXAMPLE), 'utf8');
const id = JSON.parse(example).id;

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The pages of a PDF made by Chromium. */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('the board page shows the figures of `smm report --board`, prints on one page, and passes axe', async () => {
  const cli = JSON.parse(await smm(['report', EXAMPLE, '--board', '--format', 'json']));
  assert.equal(cli.format, 'smm-navigator/board-page');
  assert.ok(cli.gaps.length > 0 && cli.over_investment.length > 0, 'the example has gaps and an excess to show');
  const { page, context, foreign, errors } = await openPage(browser, server.origin);
  try {
    await page.goto(`${server.origin}/__seed__`);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`smm-navigator.v1.assessment.${id}`, example]);
    // From the results page, by its link.
    await page.goto(`${server.origin}/workbench.html#/assessments/${id}/results`);
    await appReady(page);
    await page.getByRole('link', { name: 'the board page' }).click();
    await page.waitForSelector('.board-page');
    assert.equal(new URL(page.url()).pathname, '/review.html');
    assert.equal(new URL(page.url()).hash, `#/assessments/${id}/board`);
    assert.equal(await page.getAttribute('.section-tabs a[aria-current="page"]', 'href'), `#/assessments/${id}/report`);

    assert.equal((await page.textContent('.board-summary')).trim(), cli.summary);
    assert.match(cli.summary, /fall short by \d+ levels? in all/);
    assert.match(cli.summary, /possible over-investment to review/);
    const rows = (sel) => page.$$eval(`${sel} tbody tr`, (trs) => trs.map((t) => t.dataset.practice));
    assert.deepEqual(await rows('.board-gap-table'), cli.gaps.map((g) => g.practice));
    assert.deepEqual(await rows('.board-over-table'), cli.over_investment.map((e) => e.practice));
    // Each gap's planned steps, with owner, date and status, as the CLI words them.
    for (const g of cli.gaps) {
      const cell = await page.textContent(`.board-gap-table tr[data-practice="${g.practice}"] td:last-child`);
      for (const s of g.steps) {
        assert.ok(cell.includes(`level ${s.level}: ${s.owner.trim() || 'no owner yet'}`), `${g.practice}: ${cell}`);
      }
    }
    assert.match(await page.textContent('.board-rule'), /SMM Navigator's own selection/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'board-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'board-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the board page overflows by ${overflow}px on a phone`);

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format, printBackground: true });
      await writeFile(join(artifacts, `board-${format}.pdf`), pdf);
      assert.equal(pages(pdf), 1, `the board page prints on ${pages(pdf)} ${format} pages`);
    }
    // The full report, for comparison, takes several pages: the count is real.
    await page.goto(`${server.origin}/review.html#/assessments/${id}/report`);
    await page.waitForSelector('.report-body');
    assert.ok(pages(await page.pdf({ format: 'A4' })) > 1);
    assert.deepEqual(foreign(), []);
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  } finally {
    await context.close();
  }
});
