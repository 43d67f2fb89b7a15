// Entry point for Node (the "node" export condition): reads the WebAssembly module next to
// this file and instantiates it synchronously, so there is no top-level await and
// `require("ceseda")` works where Node can require ES modules.
import { readFileSync } from 'node:fs';
import { initSync } from './wasm/ceseda.js';

initSync({ module: readFileSync(new URL('./wasm/ceseda_bg.wasm', import.meta.url)) });

export * from './api.js';
