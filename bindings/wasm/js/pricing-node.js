// Entry point of `ceseda/pricing` for Node (the "node" export condition): reads the small
// pricing module next to this file and instantiates it synchronously (no top-level await, so
// `require("ceseda/pricing")` works where Node can require ES modules).
import { readFileSync } from 'node:fs';
import { initSync } from './wasm/pricing.js';

initSync({ module: readFileSync(new URL('./wasm/pricing_bg.wasm', import.meta.url)) });

export * from './pricing-api.js';
