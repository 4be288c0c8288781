// The content security policy: present with the required directives, and no
// page of the app triggers a single violation under it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, pageOf, root, dist } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the built page carries a strict policy', async () => {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'a CSP meta tag');
  for (const d of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(csp.includes(d), `missing ${d}`);
  }
  assert.ok(!/unsafe-inline|unsafe-eval'/.test(csp.replace("'wasm-unsafe-eval'", '')), 'no unsafe-inline or unsafe-eval');
  assert.ok(!/<script(?![^>]*src=)[^>]*>/.test(html), 'no inline script');
});

test('no page triggers a policy violation', async () => {
  const { page, context, errors } = await openPage(browser, server.origin);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const example = await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8');
  const id = JSON.parse(example).id;
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`smm-navigator.v1.assessment.${id}`, example]);
  const pages = ['#/', '#/practices', '#/practices/threat-modeling', '#/assessments', `#/assessments/${id}`,
    `#/assessments/${id}/targets/access-control`, `#/assessments/${id}/assess/access-control`, `#/assessments/${id}/results`,
    `#/assessments/${id}/roadmap`, `#/assessments/${id}/requirements`, `#/assessments/${id}/report`, `#/assessments/${id}/history`, `#/assessments/${id}/trustworthiness`];
  for (const hash of pages) {
    await page.goto(pageOf(server.origin, hash));
    await page.reload();
    await appReady(page);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    assert.deepEqual(await page.evaluate(() => window.__violations), [], `violations on ${hash}`);
  }
  // A download (Blob URL) and the print view under the policy.
  await page.goto(`${server.origin}/workbench.html#/assessments/${id}/roadmap`);
  await appReady(page);
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the roadmap as CSV' }).click()]);
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${server.origin}/workbench.html#/assessments/${id}/report`);
  await appReady(page);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors.filter((e) => /Content Security Policy/i.test(e)), []);
  await context.close();
});
