#!/usr/bin/env node
// The pricing module's fast paths against a plain object lookup, side by side in one process
// (build the package first: bindings/wasm/build.sh).
//
//   node benches/js_total.mjs [seconds per measurement, default 2]
//   node benches/js_total.mjs --smoke      a few iterations of each, no figures to read (CI)
//
// Measures:
//   JS lookup            a plain object lookup over a hand-made table, table[permit][procedure]
//                        with a date check: what a front-end developer would otherwise write (no
//                        regimes, sub-cases, circumstances or refusals): the reference
//   total()              ceseda/pricing, one call per request: the same request object quote()
//                        takes, codes to ids in JS, numbers across the wasm boundary, the total as
//                        a decimal string
//   total(), seed cells  the same over every seed cell (sub-cases the compiled table does not
//                        cover go to the engine)
//   quote().total        the full module's JSON path, for comparison
//   priceColumns()       the typed-array batch, 1,000,000 rows a call: rows per second
// and prints each against the lookup measured in the same run.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const smoke = process.argv.includes('--smoke');
const seconds = smoke ? 0.02 : Number(process.argv.find((a, i) => i >= 2 && !a.startsWith('-')) ?? 2);
const pkg = new URL('../bindings/wasm/pkg/', import.meta.url);
const pricing = await import(new URL('pricing-node.js', pkg).href);
const { quote } = await import(new URL('node.js', pkg).href);
const { CODES, CODE_IDS, ABSENT, ANSWERS, dayOf, prepare, priceColumns, total } = pricing;

const cells = JSON.parse(readFileSync(new URL('../crates/ceseda/tests/vectors/seed_cells.json', import.meta.url), 'utf8')).cells;
const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const seedRequests = cells.map((c) => Object.fromEntries(Object.entries(c.request).map(([k, v]) => [camel(k), v])));

// A calculator's requests: a permit, a procedure, a date, sometimes irregular entry.
const DATES = ['2024-03-01', '2025-01-15', '2026-06-01', '2022-06-15'];
let seed = 7;
const next = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const permits = ['visiteur', 'etudiant', 'salarie', 'vpf_conjoint_de_francais', 'cr_refugie'];
const requests = Array.from({ length: 4096 }, () => {
  const r = { permit: permits[Math.floor(next() * permits.length)], procedure: next() < 0.5 ? 'first_issue' : 'renewal', date: DATES[Math.floor(next() * DATES.length)] };
  if (next() < 0.2) r.irregularEntry = next() < 0.5;
  return r;
});
for (const d of DATES) prepare(d);

// The hand-made alternative: a few rows of the January 2020 table, keyed by permit and procedure.
const TABLE_2020 = {
  visiteur: { first_issue: '225.00', renewal: '225.00' },
  etudiant: { first_issue: '75.00', renewal: '75.00' },
  salarie: { first_issue: '225.00', renewal: '225.00' },
  vpf_conjoint_de_francais: { first_issue: '225.00', renewal: '225.00' },
  cr_refugie: { first_issue: '25.00', renewal: '25.00' },
};
function lookup(request) {
  if (request.date < '2020-01-02' || request.date > '2026-12-31') return null;
  return TABLE_2020[request.permit]?.[request.procedure] ?? null;
}

function measure(name, perCall, run) {
  for (let i = 0; i < (smoke ? 1 : 5); i++) run(); // warm-up
  let calls = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  do {
    run();
    calls += perCall;
    now = process.hrtime.bigint();
  } while (now < deadline);
  const rate = calls / (Number(now - start) / 1e9);
  return { name, rate };
}

let sink = 0;
let i = 0;
const BLOCK = 4096;
const results = [];
const reference = measure('JS lookup (hand-made table)', BLOCK, () => {
  for (let k = 0; k < BLOCK; k++) sink += lookup(requests[i++ & 4095])?.length ?? 0;
});
results.push(reference);
results.push(measure('total() per call', BLOCK, () => {
  for (let k = 0; k < BLOCK; k++) sink += total(requests[i++ & 4095])?.length ?? 0;
}));
results.push(measure('total() per call, every seed cell', BLOCK, () => {
  for (let k = 0; k < BLOCK; k++) sink += total(seedRequests[i++ % seedRequests.length])?.length ?? 0;
}));
results.push(measure('quote().total per call (full module)', smoke ? 16 : 1024, () => {
  for (let k = 0; k < (smoke ? 16 : 1024); k++) sink += quote(requests[i++ & 4095]).total?.length ?? 0;
}));

const ROWS = smoke ? 10_000 : 1_000_000;
const cols = { permit: new Uint16Array(ROWS), procedure: new Uint8Array(ROWS), date: new Int32Array(ROWS), irregularEntry: new Uint8Array(ROWS) };
for (let r = 0; r < ROWS; r++) {
  const q = requests[r & 4095];
  cols.permit[r] = CODE_IDS.document.get(q.permit);
  cols.procedure[r] = CODE_IDS.procedure.get(q.procedure);
  cols.date[r] = dayOf(q.date);
  cols.irregularEntry[r] = q.irregularEntry === undefined ? 0xff : q.irregularEntry ? 1 : 0;
}
const batch = measure(`priceColumns(), ${ROWS.toLocaleString('en-US')} rows a call`, ROWS, () => {
  const out = priceColumns(cols);
  sink += ANSWERS[out.answer[0]].total.length;
});
results.push(batch);

// The batch agrees with total() on every row measured.
const check = priceColumns(cols, Math.min(ROWS, 4096));
for (let r = 0; r < check.answer.length; r++) {
  if (ANSWERS[check.answer[r]].total !== total(requests[r & 4095])) throw new Error(`row ${r}: the batch and total() disagree`);
}

const wasm = readFileSync(new URL('wasm/pricing_bg.wasm', pkg));
const fullWasm = readFileSync(new URL('wasm/ceseda_bg.wasm', pkg));
console.log(`ceseda/pricing, Node ${process.version}, ${process.arch}${smoke ? ' (smoke run: figures meaningless)' : ''}`);
console.log(`pricing_bg.wasm ${wasm.length} bytes, ${gzipSync(wasm, { level: 9 }).length} gzipped (floor 80 KB, goal 60 KB); the full module ${gzipSync(fullWasm, { level: 9 }).length} gzipped`);
for (const { name, rate } of results) {
  const ns = 1e9 / rate;
  const ratio = reference.rate / rate;
  console.log(`${name.padEnd(42)} ${Math.round(rate).toLocaleString('en-US').padStart(14)} /s  ${ns.toFixed(1).padStart(9)} ns  ${ratio.toFixed(2).padStart(7)}× the lookup`);
}
console.log(`\ntotal() is ${(reference.rate / results[1].rate).toFixed(2)}× the object lookup (target ≤ 3×, floor ≤ 5×); the batch ${(batch.rate / 1e6).toFixed(2)} M rows/s (target ≥ 5 M/s)`);
if (sink === 0) console.log('');
void CODES;
void ABSENT;
