// Where bench.mjs section 5 spends its time: an indicator ticked on the assess
// page of one tab until the frameworks view of another tab (CSF 2.0, coverage
// table and crosswalk) shows the change. Each change is split into
//   click:   the editing tab's click handler (its update, validation and save);
//   deliver: from the end of that handler to the storage event in the other tab
//            (the editing tab's own redraw runs in this interval when the two
//            tabs share a renderer thread);
//   handle:  the other tab's storage handler (reading the stored assessment);
//   redraw:  from the end of that handler to the changed tables.
// A diagnostic; it asserts nothing.  node scripts/frameworks-update-profile.mjs [N]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, root, openFrameworksView } from '../tests/e2e/harness.mjs';

const n = Number(process.argv[2] ?? 40);
const example = JSON.parse(await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8'));
const catalogue = JSON.parse(await readFile(join(root, 'crates/smm-core/data/catalogue.json'), 'utf8'));
const server = await serve();
const browser = await launch();
try {
  // The init script runs before the app's own listener in every page.
  const { context, view, editor, flip } = await openFrameworksView(browser, server.origin, example, catalogue, 'profile-frameworks', () => {
    window.addEventListener('storage', () => { window.__evStart = performance.timeOrigin + performance.now(); }, true);
  });
  // Registered after the app's: runs when the app's handler has returned.
  await view.evaluate(() => window.addEventListener('storage', () => { window.__evEnd = performance.timeOrigin + performance.now(); }));
  const rows = [];
  for (let i = 0; i < n; i++) {
    await view.evaluate(() => {
      const text = () => document.querySelector('.crosswalk-table tr[data-practice="access-control"]').textContent
        + document.querySelector('.coverage-table').textContent;
      const before = text();
      window.__changed = new Promise((resolve) => {
        const mo = new MutationObserver(() => { if (text() !== before) { mo.disconnect(); resolve(performance.timeOrigin + performance.now()); } });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => { mo.disconnect(); resolve(NaN); }, 5000);
      });
    });
    const [t0, t1] = await editor.evaluate((flip) => {
      const t = performance.timeOrigin + performance.now();
      document.querySelector(`input[data-indicator="${flip}"]`).click();
      return [t, performance.timeOrigin + performance.now()];
    }, flip);
    const t4 = await view.evaluate(() => window.__changed);
    const [t2, t3] = await view.evaluate(() => [window.__evStart, window.__evEnd]);
    rows.push({ click: t1 - t0, deliver: t2 - t1, handle: t3 - t2, redraw: t4 - t3, total: t4 - t0 });
    await new Promise((r) => setTimeout(r, 30));
  }
  const med = (k) => rows.map((r) => r[k]).filter((x) => !Number.isNaN(x)).sort((x, y) => x - y)[rows.length >> 1];
  const line = Object.keys(rows[0]).map((k) => `${k} ${med(k).toFixed(1)} ms`).join(', ');
  console.log(`frameworks view after an indicator changes in another tab, median of ${n}: ${line}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
