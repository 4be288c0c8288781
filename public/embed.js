// SMM Navigator for documentation pages: one script tag, no other code.
//   <script type="module" src="https://example.org/tools/smm/embed.js"></script>
//   <div data-smm-practice="threat-modeling"></div>
//   <div data-smm-mini="threat-modeling,patch-management"></div>
// Loads the stylesheet and the reader's WebAssembly module (catalogue only, no
// workbench) from its own folder, then fills every marked element. Nothing is
// sent anywhere.
import init from './reader.js';

globalThis.SMM_NAVIGATOR_BASE = new URL('./', import.meta.url).href;
const css = document.createElement('link');
css.rel = 'stylesheet';
css.href = new URL('./embed.css', import.meta.url).href;
document.head.append(css);
await init({ module_or_path: new URL('./reader_bg.wasm', import.meta.url) });
