// SMM Navigator's service worker: after one visit the app works with the
// network off. It caches only the app's own files; assessment data never
// passes through it (it lives in localStorage). VERSION is stamped at build
// time (scripts/stamp-sw.sh), so a new deployment installs a new cache, and
// the page offers to switch to it.
const VERSION = '__BUILD_VERSION__';
const CACHE = `smm-navigator-${VERSION}`;
const FILES = ['./', './index.html', './boot.js', './embed.js', './smm-navigator.js', './smm-navigator_bg.wasm', './main.css', './embed.css'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('smm-navigator-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(caches.match('./index.html').then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
