// axe-core on every page of an assessment, on a phone and a desktop, with every
// "How is this computed?" disclosure open; no violation of any impact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, pageOf, axeViolations, root } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const example = await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8');
const id = JSON.parse(example).id;
const pages = ['#/assessments', `#/assessments/${id}`, `#/assessments/${id}/targets`, `#/assessments/${id}/targets/threat-modeling`,
  `#/assessments/${id}/assess`, `#/assessments/${id}/assess/threat-modeling`, `#/assessments/${id}/results`,
  `#/assessments/${id}/roadmap`, `#/assessments/${id}/report`, `#/assessments/${id}/history`,
  `#/assessments/${id}/requirements`, `#/assessments/${id}/trustworthiness`, `#/assessments/${id}/board`];

for (const [label, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 900 }]]) {
  test(`every assessment page passes axe on a ${label}`, async () => {
    const { page, context, foreign } = await openPage(browser, server.origin, viewport);
    await page.goto(server.origin + '/');
    await appReady(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`smm-navigator.v1.assessment.${id}`, example]);
    for (const hash of pages) {
      await page.goto(pageOf(server.origin, hash));
      await page.reload();
      await appReady(page);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      assert.deepEqual(await axeViolations(page), [], `${hash} on a ${label}`);
    }
    assert.deepEqual(foreign(), []);
    await context.close();
  });
}
