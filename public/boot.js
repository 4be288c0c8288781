// Starts SMM Navigator: loads the WebAssembly module next to this file. An
// external file (not an inline script), so that the content security policy
// can forbid inline scripts altogether.
import init from './smm-navigator.js';

await init({ module_or_path: new URL('./smm-navigator_bg.wasm', import.meta.url) });
