// Benchmark of SMM Navigator in headless Chromium; prints figures, asserts nothing.
//   1. edit-to-update latency: tick/untick one indicator on the assess page with the
//      live results open; time from the click to the moment the derived level, the
//      gap table row and the chart have all changed (performance.mark/measure);
//      median and p95 of 50 changes.
//   2. time to interactive with 50 stored assessments: from navigation start to the
//      moment the list shows all 50 (median of 5 loads).
// Run through scripts/bench.sh, which builds the release first and prints sizes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, root } from '../tests/e2e/harness.mjs';

const example = JSON.parse(await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8'));
const catalogue = JSON.parse(await readFile(join(root, 'crates/smm-core/data/catalogue.json'), 'utf8'));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const fmt = (ms) => `${ms.toFixed(2)} ms`;
const budget = (label, value, limit, unit = 'ms') => {
  const ok = value <= limit;
  const gap = ok ? `within budget (${limit} ${unit})` : `OVER budget by ${(value - limit).toFixed(2)} ${unit} (budget ${limit} ${unit})`;
  console.log(`${label}: ${unit === 'ms' ? fmt(value) : `${value} ${unit}`}  ${gap}`);
};

const server = await serve();
const browser = await launch();
try {
  // 1. Edit latency.
  {
    const { page, context } = await openPage(browser, server.origin);
    await page.goto(server.origin + '/');
    await appReady(page);
    // Threat modelling: tick every indicator of levels 1-2 and all but one of level 3.
    const tm = catalogue.practices.find((p) => p.id === 'threat-modeling');
    const a = structuredClone(example);
    const ids = tm.levels.filter((l) => l.level <= 3).flatMap((l) => l.indicators.map((i) => i.id));
    const flip = ids.pop();
    a.results['threat-modeling'] = { indicators_met: ids, scope: 'general', notes: '', evidence: [] };
    await page.evaluate((a) => localStorage.setItem(`smm-navigator.v1.assessment.${a.id}`, JSON.stringify(a)), a);
    await page.goto(`${server.origin}/#/assessments/${a.id}/assess/threat-modeling`);
    await page.reload();
    await page.waitForSelector('.checklist-page');
    await page.evaluate(() => { document.querySelector('.live-results')?.setAttribute('open', ''); });
    const samples = await page.evaluate(async (flip) => {
      const box = document.querySelector(`input[data-indicator="${flip}"]`);
      const out = [];
      for (let i = 0; i < 50; i++) {
        const level = document.querySelector('.live-level').textContent;
        const row = document.querySelector('.live-results tr[data-practice="threat-modeling"]').textContent;
        const chart = document.querySelector('.live-results .chart-svg').innerHTML;
        performance.mark('edit-start');
        box.click();
        await new Promise((resolve) => {
          const done = () => document.querySelector('.live-level').textContent !== level
            && document.querySelector('.live-results tr[data-practice="threat-modeling"]').textContent !== row
            && document.querySelector('.live-results .chart-svg').innerHTML !== chart;
          if (done()) return resolve();
          const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(); } });
          mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        });
        performance.mark('edit-end');
        out.push(performance.measure(`edit-${i}`, 'edit-start', 'edit-end').duration);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return out;
    }, flip);
    console.log(`edit-to-update latency over ${samples.length} changes: median ${fmt(median(samples))}, p95 ${fmt(pct(samples, 0.95))}, max ${fmt(Math.max(...samples))}`);
    budget('edit-to-update median', median(samples), 16);
    await context.close();
  }

  // 2. Interactive with 50 stored assessments.
  {
    const { page, context } = await openPage(browser, server.origin);
    await page.goto(server.origin + '/');
    await appReady(page);
    await page.evaluate((ex) => {
      for (let i = 0; i < 50; i++) {
        const a = structuredClone(ex);
        a.id = `bench-${i}`;
        a.metadata.name = `Benchmark assessment ${i + 1}`;
        localStorage.setItem(`smm-navigator.v1.assessment.${a.id}`, JSON.stringify(a));
      }
    }, example);
    await page.addInitScript(() => {
      new MutationObserver((_, mo) => {
        if (document.querySelectorAll('.assessment-row').length >= 50 && !window.__ready) {
          window.__ready = performance.now();
          mo.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    });
    const times = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${server.origin}/?run=${i}#/assessments`);
      await page.waitForFunction(() => window.__ready, null, { timeout: 20000 });
      times.push(await page.evaluate(() => window.__ready));
    }
    console.log(`time to interactive with 50 stored assessments (navigation start to list shown), 5 loads: ${times.map(fmt).join(', ')}`);
    budget('time to interactive median', median(times), 300);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
