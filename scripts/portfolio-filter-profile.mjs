// Where the portfolio's time goes with N (200) assessments opened from files:
// the opening, and each filter change, split into the page's own work up to
// the changed DOM, the layout that follows, and the frame painted. A
// diagnostic beside bench.mjs section 7, which times the same to the paint.
//   node scripts/portfolio-filter-profile.mjs [N]
// It leaves a picture of the heatmap of N in tests/e2e/artifacts/.
import { join } from 'node:path';
import { serve, launch, root, portfolioFiles, openPortfolio } from '../tests/e2e/harness.mjs';

const n = Number(process.argv[2] ?? 200);
const server = await serve();
const browser = await launch();
try {
  const { files } = await portfolioFiles(n);
  // Opening: from the file choice to the table holding them all (the page's
  // work), to the layout after it, and to the frame painted.
  const { page, context } = await openPortfolio(browser, server.origin, files);
  const open = await page.evaluate((n) => new Promise((resolve) => {
    const check = () => {
      if (document.querySelectorAll('.portfolio-gaps thead th[data-id]:not([hidden])').length !== n) return requestAnimationFrame(check);
      const dom = performance.now() - window.__t0;
      void document.body.offsetHeight;
      const layout = performance.now() - window.__t0;
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ dom: Math.round(dom), layout: Math.round(layout), painted: Math.round(performance.now() - window.__t0) })));
    };
    check();
  }), n);
  console.log(`opening ${n} files: table written ${open.dom} ms, laid out ${open.layout} ms, painted ${open.painted} ms`);
  const rows = [];
  for (const role of ['product-supplier', '', 'asset-owner', '', 'product-supplier', '', 'asset-owner', '']) {
    rows.push(await page.evaluate((role) => new Promise((resolve) => {
      const select = document.querySelector('.portfolio-controls select');
      let t0 = 0, dom = 0, layout = 0;
      const mo = new MutationObserver(() => {
        if (dom) return;
        dom = performance.now() - t0;
        void document.body.offsetHeight;
        layout = performance.now() - t0;
        requestAnimationFrame(() => requestAnimationFrame(() => {
          mo.disconnect();
          resolve({ role: role || 'all', dom: Math.round(dom), layout: Math.round(layout), painted: Math.round(performance.now() - t0) });
        }));
      });
      mo.observe(document.querySelector('.portfolio'), { subtree: true, childList: true, attributes: true, characterData: true });
      t0 = performance.now();
      select.value = role;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }), role));
  }
  console.table(rows);
  await page.locator('.portfolio-heatmap').screenshot({ path: join(root, `tests/e2e/artifacts/portfolio-heatmap-${n}.png`) });
  const med = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[rows.length >> 1];
  console.log(`median: first DOM change ${med('dom')} ms, after layout ${med('layout')} ms, frame painted ${med('painted')} ms`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
