// SMM Navigator's service worker: after one visit the app works with the
// network off. It caches only the app's own files; assessment data never
// passes through it (it lives in localStorage). VERSION is stamped at build
// time (scripts/stamp-sw.sh), so a new deployment installs a new cache, and
// the page offers to switch to it.
//
// Install caches the reader (what the first page needed anyway). The rest (the
// workbench and the on-demand worker) is fetched when the page, loaded and
// idle, sends 'cache-rest', or when the page first asks for it.
const VERSION = '__BUILD_VERSION__';
const CACHE = `smm-navigator-${VERSION}`;
const SHELL = ['./', './boot.js', './embed.js', './reader.js', './reader_bg.wasm', './main.css', './embed.css'];
// The built-in frameworks, mappings and profiles: written here at build time
// from crates/smm-core/data/builtin.json, their one list (scripts/stamp-sw.sh).
const DATA = [/* __DATA_FILES__ */];
const REST = ['./workbench.html', './workbench.js', './workbench_bg.wasm', './exchange.html', './exchange.js', './exchange_bg.wasm', './worker_loader.js', './worker.js', './worker_bg.wasm',
  ...DATA];
const APP_FILES = new Set([...SHELL, ...REST, './index.html'].map((f) => new URL(f, self.location).pathname));

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('smm-navigator-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function cacheRest() {
  const cache = await caches.open(CACHE);
  for (const file of REST) {
    if (!(await cache.match(file))) {
      try { await cache.add(file); } catch { /* offline now: try again on the next visit */ }
    }
  }
}

self.addEventListener('message', (event) => {
  if (!event.data) return;
  if (event.data.type === 'skip-waiting') self.skipWaiting();
  if (event.data.type === 'cache-rest') event.waitUntil(cacheRest());
});

// Cache first; a miss goes to the network, and an app file fetched that way is
// kept (so a workbench opened before the idle fetch is cached too).
async function respond(event) {
  const request = event.request;
  const url = new URL(request.url);
  const hit = await caches.match(request, { ignoreSearch: true });
  if (hit) return hit;
  try {
    const response = await fetch(request);
    if (response.ok && APP_FILES.has(url.pathname)) {
      const copy = response.clone();
      // Kept alive until stored, so a page that goes offline next finds it.
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(url.pathname.endsWith('/index.html') ? new URL('./', self.location) : url, copy)));
    }
    return response;
  } catch (e) {
    // Offline, and a page that was never cached: the reader's page instead.
    if (request.mode === 'navigate') {
      const page = await caches.match('./');
      if (page) return page;
    }
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(event));
});
