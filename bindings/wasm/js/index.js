// Entry point for browsers, bundlers and other ESM runtimes: fetches the WebAssembly module
// next to this file (bundlers see the `new URL(…, import.meta.url)` and emit the asset), then
// exposes the API. Top-level await: importers wait until the module is ready.
// Imported straight from disk in Node (`import('…/pkg/index.js')`), where fetch cannot read
// file: URLs, it reads the module with fs instead; the specifier is a variable so that
// bundlers do not try to resolve the fs module for the browser.
import init from './wasm/ceseda.js';

const wasm = new URL('./wasm/ceseda_bg.wasm', import.meta.url);
if (wasm.protocol === 'file:' && typeof process !== 'undefined' && process.versions?.node) {
  const fs = 'fs/promises';
  const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fs);
  await init({ module_or_path: await readFile(wasm) });
} else {
  await init({ module_or_path: wasm });
}

export * from './api.js';
