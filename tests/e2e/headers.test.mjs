// The response headers offered to hosts: every ready-to-copy file and the
// README's block carry the same headers with the same values, the content
// security policy is the pages' meta tag policy plus frame-ancestors, and the
// permissions policy denies the same features everywhere. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from './harness.mjs';

const HEADERS = ['Content-Security-Policy', 'Permissions-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Cross-Origin-Opener-Policy'];
const read = (path) => readFile(join(root, path), 'utf8');

/** Each source of headers, parsed to { name: value }. */
const SOURCES = {
  // Netlify and Cloudflare Pages: "  Name: value" under a path line.
  'public/_headers': (text) => pairs(text, /^\s+([A-Za-z-]+):\s*(.+?)\s*$/gm),
  'docs/hosting/nginx.conf': (text) => pairs(text, /^\s*add_header\s+([A-Za-z-]+)\s+"([^"]*)"\s+always;\s*$/gm),
  'docs/hosting/apache.htaccess': (text) => pairs(text, /^\s*Header always set\s+([A-Za-z-]+)\s+"([^"]*)"\s*$/gm),
  'docs/hosting/staticwebapp.config.json': (text) => JSON.parse(text).globalHeaders,
  // The block in README.md's publishing section.
  'README.md': (text) => {
    const section = text.split('## Publishing and the content security policy')[1].split('\n## ')[0];
    return pairs(section.match(/```\n([\s\S]*?)```/)[1], /^([A-Za-z-]+):\s*(.+?)\s*$/gm);
  },
};

function pairs(text, re) {
  const out = {};
  for (const [, name, value] of text.matchAll(re)) {
    assert.ok(!(name in out), `${name} twice`);
    out[name] = value;
  }
  return out;
}

async function parsed() {
  const out = {};
  for (const [path, parse] of Object.entries(SOURCES)) out[path] = parse(await read(path));
  return out;
}

/** The policy of the meta tag of a page. */
async function metaPolicy(path) {
  const csp = (await read(path)).match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, `${path} has a policy meta tag`);
  return csp;
}

const directives = (csp) => csp.split(';').map((d) => d.trim()).filter(Boolean);

test('every header file and the README block send the same headers with the same values', async () => {
  const all = await parsed();
  for (const [path, headers] of Object.entries(all)) {
    assert.deepEqual(Object.keys(headers).sort(), [...HEADERS].sort(), `${path}: the headers`);
  }
  const [first, ...rest] = Object.entries(all);
  for (const [path, headers] of rest) assert.deepEqual(headers, first[1], `${path} differs from ${first[0]}`);
  assert.equal(first[1]['X-Content-Type-Options'], 'nosniff');
  assert.equal(first[1]['Referrer-Policy'], 'no-referrer');
  assert.equal(first[1]['Cross-Origin-Opener-Policy'], 'same-origin');
});

test('the header policy is the pages\' meta tag policy plus frame-ancestors', async () => {
  const meta = await metaPolicy('index.html');
  const pages = (await readdir(join(root, 'public'))).filter((f) => f.endsWith('.html')).map((f) => `public/${f}`);
  assert.deepEqual(pages.sort(), ['public/exchange.html', 'public/review.html', 'public/workbench.html']);
  for (const page of pages) {
    assert.equal(await metaPolicy(page), meta, `${page} carries the reader's policy`);
  }
  for (const [path, headers] of Object.entries(await parsed())) {
    const header = directives(headers['Content-Security-Policy']);
    const extra = header.filter((d) => !directives(meta).includes(d));
    assert.deepEqual(header.slice(0, directives(meta).length), directives(meta), `${path}: the meta tag's directives, in order`);
    assert.deepEqual(extra, ["frame-ancestors 'self'"], `${path}: only frame-ancestors added`);
  }
});

test('the permissions policy denies the same features in every file, each one once', async () => {
  const names = {};
  for (const [path, headers] of Object.entries(await parsed())) {
    const entries = headers['Permissions-Policy'].split(',').map((e) => e.trim());
    for (const e of entries) assert.match(e, /^[a-z-]+=\(\)$/, `${path}: ${e} is not denied to every origin`);
    names[path] = entries.map((e) => e.replace('=()', ''));
    assert.equal(new Set(names[path]).size, names[path].length, `${path}: a feature twice`);
    for (const f of ['camera', 'microphone', 'geolocation', 'usb', 'serial', 'hid', 'payment', 'clipboard-read', 'display-capture']) {
      assert.ok(names[path].includes(f), `${path}: ${f} not denied`);
    }
  }
  const [first, ...rest] = Object.values(names);
  for (const n of rest) assert.deepEqual([...n].sort(), [...first].sort());
});

test('the build copies public/_headers into the site', async () => {
  assert.match(await read('index.html'), /<link data-trunk rel="copy-file" href="public\/_headers">/);
});
