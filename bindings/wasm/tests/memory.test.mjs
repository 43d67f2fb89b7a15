// Wasm memory across repeated batches (issue 12): a WebAssembly memory grows and never
// shrinks, so a leak or an unbounded buffer in the batch paths would show as growth from one
// batch to the next. A memory check, not a timing: after a first batch of each kind has grown
// the memory to what a batch needs, 100 more batches of the same size (mixed: answers, refusals,
// hostile rows) grow it by at most 1 MiB, and it stays under 32 MiB in all.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { initSync } from '../pkg/wasm/ceseda.js';
import { quoteMany, quoteTable } from './lib.mjs';

// The instance the package already runs (initSync answers it when it exists).
const wasm = initSync({ module: readFileSync(new URL('../pkg/wasm/ceseda_bg.wasm', import.meta.url)) });
const bytes = () => wasm.memory.buffer.byteLength;

/** The stated bounds. */
const MAX_GROWTH = 1 << 20; // 1 MiB over 100 batches after the first
const MAX_MEMORY = 32 << 20; // 32 MiB in all (measured: 6 to 8 MiB)

const V = { permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' };
let deep = [];
for (let i = 0; i < 200; i++) deep = [deep];
const ROWS = [
  V, { ...V, permit: 'salarie', irregularEntry: true }, { ...V, date: '2008-06-15' }, { ...V, permit: 'visitor' },
  { ...V, permit: deep }, { ...V, permit: 'x'.repeat(10_000) }, { ...V, date: '2026-06-01', procedure: 'renewal' }, null,
];
const batch = (n, offset) => Array.from({ length: n }, (_, i) => ROWS[(i + offset) % ROWS.length]);

describe('wasm memory across 100 repeated batches', () => {
  for (const [name, run, size] of [['quoteTable', quoteTable, 5_000], ['quoteMany', quoteMany, 2_000]]) {
    test(`${name}: 100 batches of ${size} grow the memory by at most 1 MiB after the first`, () => {
      run(batch(size, 0));
      const after_first = bytes();
      for (let k = 1; k <= 100; k++) {
        const out = run(batch(size, k));
        assert.equal((out.total ?? out).length, size);
      }
      const growth = bytes() - after_first;
      console.log(`${name}: wasm memory ${after_first} bytes after the first batch, +${growth} after 100 more`);
      assert.ok(growth <= MAX_GROWTH, `${name}: wasm memory grew by ${growth} bytes over 100 batches`);
      assert.ok(bytes() <= MAX_MEMORY, `${name}: wasm memory is ${bytes()} bytes, over ${MAX_MEMORY}`);
    });
  }
});
