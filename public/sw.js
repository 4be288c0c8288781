// SMM Navigator's service worker: after one visit the app works with the
// network off. It caches only the app's own files; assessment data never
// passes through it (it lives in localStorage). VERSION is stamped at build
// time (scripts/stamp-sw.sh), so a new deployment installs a new cache, and
// the page offers to switch to it.
//
// The promises it keeps, also when two deployments share an origin or the
// server changes version under a running worker:
// - One cache per deployment and version: its name carries the registration
//   scope and VERSION. Activation deletes only the caches of its own scope
//   (other versions); a deployment at /a/ never touches the caches of /b/.
// - A cache holds the files of one build only. Files are fetched with
//   cache: 'reload' (past the HTTP cache, which may still hold an older build),
//   all of a batch into memory first, and stored only when every one of them
//   arrived whole and the server still serves this worker's sw.js (so not a
//   newer build); otherwise nothing of the batch is stored.
// - Install caches the reader (SHELL) as one batch: if a file fails, install
//   fails and no cache is left. The rest comes in batches, each a page's
//   module and wasm (or the on-demand worker, or the data files) stored
//   together or not at all: BATCHES.
// - What is fetched in the background depends on what the visitor opened:
//   after the reader, the workbench only; after the workbench (or the review
//   or exchange page), the other pages, the on-demand worker and the data
//   (NEXT). The page asks for it with 'cache-rest' once loaded and idle, and
//   never when the browser asks to save data or reports a 2G or 3G
//   connection (boot.js). A page that is opened is cached whatever the
//   connection: its first request for a file of a batch that is not stored
//   starts that batch, and the page's own requests wait for it and are answered
//   from it, so the files come down once.
const VERSION = '__BUILD_VERSION__';
const SCOPE = self.registration.scope;
const CACHE_PREFIX = `smm-navigator|${SCOPE}|`;
const CACHE = `${CACHE_PREFIX}${VERSION}`;
const SHELL = ['./', './boot.js', './embed.js', './reader.js', './reader_bg.wasm', './main.css', './embed.css'];
// The built-in frameworks, mappings and profiles: written here at build time
// from crates/smm-core/data/builtin.json, their one list (scripts/stamp-sw.sh).
const DATA = [/* __DATA_FILES__ */];
const BATCHES = {
  workbench: ['./workbench.html', './workbench.js', './workbench_bg.wasm'],
  review: ['./review.html', './review.js', './review_bg.wasm'],
  exchange: ['./exchange.html', './exchange.js', './exchange_bg.wasm'],
  worker: ['./worker_loader.js', './worker.js', './worker_bg.wasm'],
  data: DATA,
};
// The batches fetched in the background after a visit to each page: its own
// first (a first visit, before the worker controlled the page, did not go
// through it), then what the visitor is likely to need next.
const NEXT = {
  reader: ['workbench'],
  workbench: ['workbench', 'data', 'review', 'exchange', 'worker'],
  review: ['review', 'workbench', 'data', 'exchange', 'worker'],
  exchange: ['exchange', 'workbench', 'data', 'review', 'worker'],
};
const REST = Object.values(BATCHES).flat();

const href = (file) => new URL(file, self.location).href;
const pathOf = (file) => new URL(file, self.location).pathname;
// The pages, by path, with the key they are cached under (index.html is the
// folder's page, cached once as './').
const PAGES = new Map([['./', './'], ['./index.html', './'], ['./workbench.html', './workbench.html'], ['./exchange.html', './exchange.html'], ['./review.html', './review.html']]
  .map(([page, key]) => [pathOf(page), href(key)]));
const FILES = new Set([...SHELL, ...REST].map(pathOf));
// The batch each file of the rest belongs to, by path.
const BATCH_OF = new Map(Object.entries(BATCHES).flatMap(([batch, files]) => files.map((f) => [pathOf(f), batch])));

/** Fetches every file past the HTTP cache and waits for each whole body.
 * Rejects if any one fails, is not a plain 200-range answer of this origin
 * (opaque) or came through a redirect (a redirected answer cannot serve a
 * navigation, and is not the file asked for). Resolves to [[url, response]]. */
async function fetchAll(files) {
  return Promise.all(files.map(async (file) => {
    const response = await fetch(new Request(href(file), { cache: 'reload', credentials: 'same-origin' }));
    if (!response.ok || response.type !== 'basic' || response.redirected) {
      throw new Error(`${file}: ${response.status} ${response.type}${response.redirected ? ' redirected' : ''}`);
    }
    // Read a copy to the end, so a body cut off half-way fails here, before
    // anything is stored; the response itself keeps the bytes for the cache.
    await response.clone().arrayBuffer();
    return [href(file), response];
  }));
}

/** Whether the server still serves this worker's build: its sw.js, fetched
 * after a batch, carries this VERSION. A batch fetched while the server
 * already served another build is thrown away, never mixed into this cache. */
async function stillServed() {
  const response = await fetch(new Request(href('./sw.js'), { cache: 'reload', credentials: 'same-origin' }));
  return response.ok && (await response.text()).includes(`'${VERSION}'`);
}

/** Stores a fetched batch; if a write fails (e.g. the quota), removes what
 * it wrote and rethrows, so the batch is in the cache entirely or not at all. */
async function putAll(cache, fetched) {
  try {
    await Promise.all(fetched.map(([url, response]) => cache.put(url, response)));
  } catch (e) {
    await Promise.all(fetched.map(([url]) => cache.delete(url)));
    throw e;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // Everything in memory first; the cache is only created once the whole
    // reader arrived (a throw fails the install and leaves no cache).
    const fetched = await fetchAll(SHELL);
    if (!(await stillServed())) throw new Error('the server serves another version now');
    const cache = await caches.open(CACHE);
    try {
      await putAll(cache, fetched);
    } catch (e) {
      await caches.delete(CACHE);
      throw e;
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    // This scope's caches of other versions. Caches of other scopes on this
    // origin belong to other deployments and are left alone.
    const stale = names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
    // Caches of the versions before scoped names ('smm-navigator-<version>'):
    // ours only if it holds this scope's boot.js (a deployment at another path
    // kept its own paths).
    for (const name of names.filter((n) => n.startsWith('smm-navigator-'))) {
      if (await (await caches.open(name)).match(href('./boot.js'))) stale.push(name);
    }
    await Promise.all(stale.map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

/** Whether this worker is the registration's active one (a worker replaced by
 * a newer version must not write into a cache the newer one has deleted). */
function active() {
  return !self.serviceWorker || self.registration.active === self.serviceWorker;
}

// A batch of the rest into this version's cache: its files are fetched (past
// the HTTP cache) and stored together, only if every one arrived, the server
// still serves this version, and this worker is still the active one.
// Otherwise nothing is stored; the next visit tries again. One fill per batch
// at a time: a second call waits for the first.
const filling = new Map();
function fill(batch) {
  if (!filling.has(batch)) {
    filling.set(batch, cacheBatch(BATCHES[batch])
      .catch(() => { /* offline or another version now: next visit */ })
      .finally(() => filling.delete(batch)));
  }
  return filling.get(batch);
}

async function cacheBatch(files) {
  if (!active() || !(await caches.has(CACHE))) return;
  const cache = await caches.open(CACHE);
  const held = await Promise.all(files.map((file) => cache.match(href(file))));
  if (held.every(Boolean)) return;
  const fetched = await fetchAll(files);
  if (!(await stillServed())) return;
  // Checked again right before writing: caches.open would recreate a cache
  // that a newer version's activation deleted meanwhile.
  if (!active() || !(await caches.has(CACHE))) return;
  await putAll(cache, fetched);
}

/** The background fetch after a visit to page `after`: its NEXT batches, one after the other. */
async function fillAfter(after) {
  for (const batch of NEXT[after] ?? []) await fill(batch);
}

self.addEventListener('message', (event) => {
  if (!event.data) return;
  if (event.data.type === 'skip-waiting') self.skipWaiting();
  if (event.data.type === 'cache-rest') event.waitUntil(fillAfter(event.data.after));
});

// Cache first, from this version's cache only. A miss of a file of the rest
// starts its batch, which stores the batch as a whole and only while the
// server still serves this version (a lone file fetched at run time could come
// from a newer build than the cache, and would put B's workbench module beside
// A's wasm, or the reverse). A page's module and wasm wait for the batch and
// are answered from it, so they come down once; a page itself is answered from
// the network at once, so its frame shows while the batch arrives. When the
// batch could not be stored, the request goes to the network unchanged. (SHELL
// files never miss once installed: install stored them all.)
async function respond(event, key, ignoreSearch) {
  const request = event.request;
  const hit = await caches.match(key, { cacheName: CACHE, ignoreSearch });
  if (hit) return hit;
  const batch = BATCH_OF.get(new URL(key).pathname);
  if (batch && request.mode !== 'navigate') {
    await fill(batch);
    const filled = await caches.match(key, { cacheName: CACHE, ignoreSearch });
    if (filled) return filled;
  }
  try {
    const response = await fetch(request);
    if (batch) event.waitUntil(fill(batch));
    return response;
  } catch (e) {
    // Offline, and a page that was never cached: the reader's page instead.
    if (request.mode === 'navigate') {
      const page = await caches.match(href('./'), { cacheName: CACHE });
      if (page) return page;
    }
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Outside this deployment's folder, or not a read: not ours.
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  // A navigation to one of the pages is answered with the page whatever its
  // query: the app routes in the hash (never sent), so a query (a tracking
  // parameter, a link from elsewhere) makes no difference to the file.
  if (request.mode === 'navigate' && PAGES.has(url.pathname)) {
    event.respondWith(respond(event, PAGES.get(url.pathname), true));
    return;
  }
  // Any other request: only the app's files, matched exactly. The same path
  // with a query is not a file this cache holds, so it goes to the network.
  if (url.search || (!FILES.has(url.pathname) && !PAGES.has(url.pathname))) return;
  event.respondWith(respond(event, PAGES.get(url.pathname) ?? url.href, false));
});
