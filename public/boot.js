// Starts SMM Navigator: loads the WebAssembly module next to this file, then
// registers the service worker for offline use. An external file (not an
// inline script), so that the content security policy forbids inline scripts.
import init from './smm-navigator.js';

await init({ module_or_path: new URL('./smm-navigator_bg.wasm', import.meta.url) });

let updating = false;

function offerUpdate(worker) {
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
}

if ('serviceWorker' in navigator && location.protocol !== 'file:' && !document.querySelector('[data-smm-embed]')) {
  // Reload once the new version has taken over, but only when the user asked for it.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updating) location.reload();
  });
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
      });
    });
  }).catch(() => { /* offline use is a convenience: the app works without it */ });
}
