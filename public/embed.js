// SMM Navigator for documentation pages: one script tag, no other code.
//   <script type="module" src="https://example.org/tools/smm/embed.js"></script>
//   <smm-practice-card practice="threat-modeling" level="2" theme="dark"></smm-practice-card>
//   <smm-mini-assessment practices="threat-modeling,patch-management" app-url="https://example.org/tools/smm/" org-role="asset-owner"></smm-mini-assessment>
//   <div data-smm-practice="threat-modeling"></div>          (the older form, filled once)
//   <div data-smm-mini="threat-modeling,patch-management"></div>
// Loads the reader's WebAssembly module (catalogue only, no workbench) from its
// own folder. The custom elements render whenever they are added to the page
// (instant navigation, client-side routers), render again when an attribute
// changes, and release what they held when removed. Their content lives in a
// shadow root with its own copy of embed.css, so the page's styles and theirs
// do not mix. Nothing is sent anywhere.
import init, { mount_practice_card, mount_mini_assessment } from './reader.js';

globalThis.SMM_NAVIGATOR_BASE = new URL('./', import.meta.url).href;
const cssHref = new URL('./embed.css', import.meta.url).href;
// The data-smm-* form renders in the page itself: it needs the stylesheet there.
const css = document.createElement('link');
css.rel = 'stylesheet';
css.href = cssHref;
document.head.append(css);
await init({ module_or_path: new URL('./reader_bg.wasm', import.meta.url) });

/** The base of both elements: a shadow root holding the stylesheet and one
 * mount point, re-rendered on every change of an observed attribute. */
class SmmElement extends HTMLElement {
  #handle = null;
  #queued = false;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#handle?.unmount();
    this.#handle?.free();
    this.#handle = null;
  }

  attributeChangedCallback() {
    // Several attributes set in a row render once.
    if (!this.isConnected || this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#render();
    });
  }

  #render() {
    this.disconnectedCallback();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = cssHref;
    const host = document.createElement('div');
    host.className = 'smm-embed-host';
    host.setAttribute('part', 'body');
    root.replaceChildren(link, host);
    this.#handle = this.mount(host);
  }

  /** The attribute `name`, or undefined when absent (wasm-bindgen's None). */
  attr(name) {
    return this.getAttribute(name) ?? undefined;
  }
}

customElements.define('smm-practice-card', class extends SmmElement {
  static observedAttributes = ['practice', 'level', 'heading', 'theme'];
  mount(host) {
    return mount_practice_card(host, this.getAttribute('practice') ?? '', this.attr('level'), this.attr('heading'), this.attr('theme'));
  }
});

customElements.define('smm-mini-assessment', class extends SmmElement {
  static observedAttributes = ['practices', 'app-url', 'org-role', 'theme'];
  mount(host) {
    return mount_mini_assessment(host, this.getAttribute('practices') ?? '', this.attr('app-url'), this.attr('org-role'), this.attr('theme'));
  }
});
