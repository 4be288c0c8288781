// The Word report and the board page as DOCX (issue 27, items 1, 2 and 7):
// made in the on-demand worker from a click on the report and board pages,
// saved through the one way out, and read by python-docx, which finds the
// headings, the tables with repeated header rows, the images with their
// alternative text and the figures of `smm report --format json` for the same
// assessment on the same day. The time from the click to the file, with the
// worker cold, is printed (the bench holds the budget of 1.5 s).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, launch, openPage, root, artifacts, smm } from './harness.mjs';

const EXAMPLE = 'examples/bottling-line-asset-owner.smm.json';
const example = await readFile(join(root, EXAMPLE), 'utf8');
const { id } = JSON.parse(example);
const run = promisify(execFile);

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); await mkdir(artifacts, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** `smm ARGS` on today's date as the page sees it; `encoding` as for `smm`. */
async function cli(args, { encoding } = {}) {
  return smm(args, { env: { SMM_TODAY: today() }, encoding });
}

async function download(page, button) {
  const started = Date.now();
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), button.click()]);
  const path = join(artifacts, d.suggestedFilename());
  await d.saveAs(path);
  return { path, ms: Date.now() - started };
}

test('the report and board pages make Word documents that python-docx reads with the CLI figures', async () => {
  const { page, context, foreign } = await openPage(browser, server.origin);
  try {
    await page.goto(`${server.origin}/__seed__`);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`smm-navigator.v1.assessment.${id}`, example]);
    await page.goto(`${server.origin}/review.html#/assessments/${id}/report`);
    await page.waitForSelector('.report-body');
    const report = await download(page, page.getByRole('button', { name: 'Download as Word (DOCX)' }));
    console.log(`# first Word report from a click, worker cold: ${report.ms} ms`);
    assert.match(report.path, /-report\.docx$/);
    const json = join(artifacts, 'docx-report.json');
    await writeFile(json, await cli(['report', EXAMPLE, '--format', 'json']));
    const { stdout } = await run('python3', [join(root, 'tests/interop/docx_check.py'), 'report', report.path, json]);
    assert.match(stdout, /^ok: .* 18 practices as in the JSON report/);
    assert.match(await page.textContent('.page.report [role="status"]'), /Exported the Word report/);

    await page.goto(`${server.origin}/review.html#/assessments/${id}/board`);
    await page.waitForSelector('.board-page');
    const board = await download(page, page.getByRole('button', { name: 'Download as Word (DOCX)' }));
    console.log(`# board page as Word, worker warm: ${board.ms} ms`);
    const bjson = join(artifacts, 'docx-board.json');
    await writeFile(bjson, await cli(['report', EXAMPLE, '--board', '--format', 'json']));
    const b = await run('python3', [join(root, 'tests/interop/docx_check.py'), 'board', board.path, bjson]);
    assert.match(b.stdout, /^ok: board page with 5 gaps/);
    // The page's document and the CLI's are the same bytes for the same day and frameworks.
    const cliBoard = join(artifacts, 'docx-board-cli.docx');
    await writeFile(cliBoard, await cli(['report', EXAMPLE, '--board', '--format', 'docx'], { encoding: 'buffer' }));
    assert.deepEqual(await readFile(board.path), await readFile(cliBoard), 'the worker and the CLI make the same board page');
    assert.deepEqual(foreign(), []);
  } finally {
    await context.close();
  }
});
