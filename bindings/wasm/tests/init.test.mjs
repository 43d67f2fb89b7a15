// The `ceseda/init` entry: no top-level await; init() instantiates the module (from bytes, a
// URL or the file next to it), once, and then the whole API answers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PKG_DIR } from './lib.mjs';

test('init(bytes) then quote: seed 004 CST Visiteur, 225 (200+25); init again is the same promise', async () => {
  const m = await import(join(PKG_DIR, 'init.js'));
  const first = m.init(readFileSync(join(PKG_DIR, 'wasm', 'ceseda_bg.wasm')));
  assert.equal(m.init(), first);
  await first;
  assert.equal(m.quote({ permit: 'visiteur', procedure: 'first_issue', date: '2022-06-15' }).total, '225.00');
  assert.equal(m.relevantFields({ permit: 'visiteur', procedure: 'first_issue', date: '2022-06-15' }).regime, 'table_2020');
  assert.ok(!readFileSync(join(PKG_DIR, 'init.js'), 'utf8').match(/^\s*await\b/m), 'no top-level await');
});
