// Entry `ceseda/init`: the API without top-level await, for bundles that cannot hold it (an
// esbuild or rollup IIFE, a CommonJS bundle) or a page that loads the WebAssembly module from
// a URL of its own. Call `await init()` once (or `init(url)` with the .wasm's URL) before any
// other function; calling init again returns the same promise.
import initWasm from './wasm/ceseda.js';

export * from './api.js';

let ready = null;

export function init(wasm) {
  ready ??= initWasm({ module_or_path: wasm ?? new URL('./wasm/ceseda_bg.wasm', import.meta.url) }).then(() => undefined);
  return ready;
}
