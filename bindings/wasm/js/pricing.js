// Entry point of `ceseda/pricing` for browsers, bundlers and other ESM runtimes: fetches the
// small pricing module next to this file (wasm/pricing_bg.wasm, not the full module), then
// exposes the pricing API. Top-level await: importers wait until the module is ready. In Node,
// imported straight from disk, it reads the module with fs (see index.js).
import init from './wasm/pricing.js';

const wasm = new URL('./wasm/pricing_bg.wasm', import.meta.url);
if (wasm.protocol === 'file:' && typeof process !== 'undefined' && process.versions?.node) {
  const fs = 'fs/promises';
  const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fs);
  await init({ module_or_path: await readFile(wasm) });
} else {
  await init({ module_or_path: wasm });
}

export * from './pricing-api.js';
