// Lighthouse (mobile settings) on the reader's home, explorer and practice
// pages and the workbench's assessment and results pages of the release build,
// in Debian's Chromium; each page three times, cold, and the median reported.
// Prints the performance, accessibility and best-practices scores and the time
// to interactive, each with its budget (performance: 98 on reader pages, 97 on
// the workbench's assessment and results pages, whose largest contentful paint
// has a budget of 2.2 s) and, when missed, by how much. Figures, not a test.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { serve, root, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const run = promisify(execFile);
const chrome = process.env.CHROMIUM ?? '/usr/bin/chromium';
const example = await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8');
const id = JSON.parse(example).id;
const server = await serve();

// A fresh browser profile for every page, so that each is measured cold (no
// HTTP cache, no service worker); one assessment is seeded into its storage
// from a page of the same origin that loads none of the app's files.
async function coldProfile() {
  const profile = await mkdtemp(join(tmpdir(), 'smm-lh-'));
  const seed = await chromium.launchPersistentContext(profile, { executablePath: chrome, args: CHROMIUM_ARGS });
  const page = await seed.newPage();
  await page.goto(server.origin + '/__seed__');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`smm-navigator.v1.assessment.${id}`, example]);
  await seed.close();
  return profile;
}

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const only = process.env.LIGHTHOUSE_PAGES?.split(',');
const allPages = [
  ['home', '/#/', 98],
  ['explorer', '/#/practices', 98],
  ['practice', '/#/practices/threat-modeling', 98],
  ['assessment', `/workbench.html#/assessments/${id}/assess/threat-modeling`, 97, 2200],
  ['results', `/workbench.html#/assessments/${id}/results`, 97, 2200],
];
// LIGHTHOUSE_PAGES=assessment,results measures only those.
const pages = allPages.filter(([name]) => !only || only.includes(name));
const line = (label, value, ok, budget) => console.log(`${label.padEnd(42)} ${String(value).padStart(9)}  ${ok ? 'within budget' : 'MISSED'} (${budget})`);
try {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [name, path, target, lcpBudget] of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const flags = [...CHROMIUM_ARGS.filter((f) => f !== '--headless'), '--headless=new', `--user-data-dir=${await coldProfile()}`].join(' ');
      const { stdout } = await run(join(root, 'node_modules/.bin/lighthouse'), [
        server.origin + path, '--output=json', '--output-path=stdout', '--quiet', '--disable-storage-reset',
        '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${flags}`,
      ], { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 });
      const r = JSON.parse(stdout);
      const score = (c) => Math.round((r.categories[c]?.score ?? 0) * 100);
      runs.push({ perf: score('performance'), a11y: score('accessibility'), bp: score('best-practices'),
        tti: r.audits.interactive?.numericValue ?? NaN, lcp: r.audits['largest-contentful-paint']?.numericValue ?? NaN });
    }
    const m = (k) => median(runs.map((r) => r[k]));
    const perf = m('perf');
    const a11y = Math.min(...runs.map((r) => r.a11y));
    console.log(`== ${name} (${path}), median of ${RUNS}: performance ${runs.map((r) => r.perf).join(' / ')}`);
    line('  Lighthouse performance (mobile)', perf, perf >= target, perf >= target ? `>= ${target}` : `>= ${target}, short by ${target - perf}`);
    line('  Lighthouse accessibility (lowest run)', a11y, a11y === 100, a11y === 100 ? '100' : `100, short by ${100 - a11y}`);
    line('  Lighthouse best practices', m('bp'), true, 'reported');
    const lcp = Math.round(m('lcp'));
    if (lcpBudget) line('  largest contentful paint (simulated, ms)', lcp, lcp <= lcpBudget, lcp <= lcpBudget ? `<= ${lcpBudget}` : `<= ${lcpBudget}, over by ${lcp - lcpBudget}`);
    else line('  largest contentful paint (simulated, ms)', lcp, true, 'reported');
    line('  time to interactive (simulated mobile, ms)', Math.round(m('tti')), true, 'reported');
  }
} finally {
  await server.close();
}
