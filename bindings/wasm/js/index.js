// Entry point for browsers, bundlers and other ESM runtimes: fetches the WebAssembly module
// next to this file (bundlers see the `new URL(…, import.meta.url)` and emit the asset), then
// exposes the API. Top-level await: importers wait until the module is ready.
import init from './wasm/ceseda.js';

await init({ module_or_path: new URL('./wasm/ceseda_bg.wasm', import.meta.url) });

export * from './api.js';
