// Starts one of SMM Navigator's four apps: the reader (index.html), the
// workbench (workbench.html), the review (review.html) or the interviews and
// exchange (exchange.html), named by this script tag's data-bundle. Loads its
// WebAssembly module next to this file, then registers the service worker for
// offline use and, once the page is idle, asks it to fetch in the background
// what a visitor of this page is likely to open next (public/sw.js, NEXT):
// after the reader only the workbench, after the workbench the rest. Nothing is
// fetched in the background when the browser asks to save data or reports a
// 2G or 3G connection.
// An external file (not an inline script), so that the content security
// policy forbids inline scripts.
const named = document.querySelector('script[data-bundle]')?.dataset.bundle;
const bundle = ['workbench', 'exchange', 'review'].includes(named) ? named : 'reader';
const embedded = location.hash.startsWith('#/embed/');

// An old link or bookmark to the assessments (`./#/assessments/...`) lands on
// the page that shows it, before the reader is even loaded.
if (bundle === 'reader' && /^#\/answer(\/|$|\?)/.test(location.hash)) {
  location.replace(new URL(`./exchange.html${location.hash}`, import.meta.url));
} else if (bundle === 'reader' && /^#\/assessments(\/|$|\?)/.test(location.hash)) {
  const section = location.hash.match(/^#\/assessments\/[^/?]+\/([a-z]+)/)?.[1];
  // The same pages as Section::bundle in src/shared/route.rs.
  const page = ['requirements', 'trustworthiness', 'report', 'board', 'history', 'peers'].includes(section) ? 'review'
    : ['interviews', 'exchange'].includes(section) ? 'exchange' : 'workbench';
  location.replace(new URL(`./${page}.html${location.hash}`, import.meta.url));
} else {
  const { default: init } = await import(`./${bundle}.js`);
  await init({ module_or_path: new URL(`./${bundle}_bg.wasm`, import.meta.url) });
  if (!embedded) registerServiceWorker();
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  let updating = false;
  // Reload once the new version has taken over, but only when the user asked for it.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updating) location.reload();
  });
  const offerUpdate = (worker) => {
    if (document.querySelector('.update-banner')) return;
    const banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = 'A new version of SMM Navigator is available. Your assessments are kept. ';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload to update';
    button.addEventListener('click', () => {
      updating = true;
      worker.postMessage({ type: 'skip-waiting' });
    });
    banner.append(text, button);
    document.body.append(banner);
  };
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
      });
    });
    // Once this page has loaded and nothing else is going on, the worker
    // fetches what the visitor is likely to open next and it has not cached
    // yet, so that the next step needs no network.
    return navigator.serviceWorker.ready;
  }).then((registration) => {
    if (saveData()) return;
    const warm = () => registration.active?.postMessage({ type: 'cache-rest', after: bundle });
    const idle = () => (window.requestIdleCallback ? requestIdleCallback(warm, { timeout: 10000 }) : setTimeout(warm, 2000));
    if (document.readyState === 'complete') idle(); else addEventListener('load', idle, { once: true });
  }).catch(() => { /* offline use is a convenience: the app works without it */ });
}

/** Whether the browser asks to save data (the Save-Data setting) or reports a
 * slow connection: then nothing is fetched in the background. */
function saveData() {
  const connection = navigator.connection;
  return Boolean(connection && (connection.saveData || /^(slow-2g|2g|3g)$/.test(connection.effectiveType ?? '')));
}
