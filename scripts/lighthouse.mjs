// Lighthouse (mobile settings) on the home, explorer, assessment and results
// pages of the release build, in Debian's Chromium. Prints the performance,
// accessibility and best-practices scores and the time to interactive, each
// with its budget and, when missed, by how much. Figures, not a test.
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

const pages = [
  ['home', '/#/'],
  ['explorer', '/#/practices'],
  ['assessment', `/#/assessments/${id}/assess/threat-modeling`],
  ['results', `/#/assessments/${id}/results`],
];
const line = (label, value, ok, budget) => console.log(`${label.padEnd(42)} ${String(value).padStart(9)}  ${ok ? 'within budget' : 'MISSED'} (${budget})`);
try {
  for (const [name, path] of pages) {
    const flags = [...CHROMIUM_ARGS.filter((f) => f !== '--headless'), '--headless=new', `--user-data-dir=${await coldProfile()}`].join(' ');
    const { stdout } = await run(join(root, 'node_modules/.bin/lighthouse'), [
      server.origin + path, '--output=json', '--output-path=stdout', '--quiet', '--disable-storage-reset',
      '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${flags}`,
    ], { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 });
    const r = JSON.parse(stdout);
    const score = (c) => Math.round((r.categories[c]?.score ?? 0) * 100);
    const perf = score('performance');
    const a11y = score('accessibility');
    const bp = score('best-practices');
    const tti = r.audits.interactive?.numericValue ?? NaN;
    console.log(`== ${name} (${path})`);
    line('  Lighthouse performance (mobile)', perf, perf >= 98, perf >= 98 ? '>= 98' : `>= 98, short by ${98 - perf}`);
    line('  Lighthouse accessibility', a11y, a11y === 100, a11y === 100 ? '100' : `100, short by ${100 - a11y}`);
    line('  Lighthouse best practices', bp, true, 'reported');
    line('  time to interactive (simulated mobile, ms)', Math.round(tti), true, 'reported');
  }
} finally {
  await server.close();
}
