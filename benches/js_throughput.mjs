#!/usr/bin/env node
// Throughput of the npm package in Node (build it first: bindings/wasm/build.sh).
//
//   node benches/js_throughput.mjs [seconds per measurement, default 2]
//
// Measures, in calls (quotes) per second:
//   quote()        one call per request: JS object in, Quote object out (camelCase conversion,
//                  JSON both ways, one wasm boundary crossing)
//   quoteJson()    the canonical contract, JSON text in and out (no conversion)
//   quoteMany()    batches of 10,000 requests
//   quoteTable()   batches of 10,000 requests, answered in columns (amounts, outcome, regime,
//                  error code): no lines, errata or notes to build, parse and convert
//   JS lookup      a plain object lookup over a hand-made table: what a front-end developer would
//                  otherwise write (no regimes, sub-cases, circumstances, errata or sources)
// The requests are every cell of crates/ceseda/tests/vectors/seed_cells.json, in turn.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const pkg = new URL('../bindings/wasm/pkg/', import.meta.url);
const { quote, quoteJson, quoteMany, quoteTable } = await import(new URL('node.js', pkg).href);
const seconds = Number(process.argv[2] ?? 2);

const cells = JSON.parse(readFileSync(new URL('../crates/ceseda/tests/vectors/seed_cells.json', import.meta.url), 'utf8')).cells;
const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const requests = cells.map((c) => Object.fromEntries(Object.entries(c.request).map(([k, v]) => [camel(k), v])));
const texts = cells.map((c) => JSON.stringify(c.request));

// The hand-made alternative: a few rows of the January 2020 table, keyed by permit and procedure.
const TABLE_2020 = {
  visiteur: { first_issue: { total: '225.00', lines: [['tax', '200.00'], ['droit_de_timbre', '25.00']] }, renewal: { total: '225.00', lines: [['tax', '200.00'], ['droit_de_timbre', '25.00']] } },
  etudiant: { first_issue: { total: '75.00', lines: [['tax', '50.00'], ['droit_de_timbre', '25.00']] }, renewal: { total: '75.00', lines: [['tax', '50.00'], ['droit_de_timbre', '25.00']] } },
  salarie: { first_issue: { total: '225.00', lines: [['tax', '200.00'], ['droit_de_timbre', '25.00']] }, renewal: { total: '225.00', lines: [['tax', '200.00'], ['droit_de_timbre', '25.00']] } },
  vpf_conjoint_de_francais: { first_issue: { total: '225.00', lines: [['tax', '200.00'], ['droit_de_timbre', '25.00']] } },
  cr_refugie: { first_issue: { total: '25.00', lines: [['droit_de_timbre', '25.00']] } },
};
function lookup(request) {
  if (request.date < '2020-01-02' || request.date > '2026-04-30') return null;
  return TABLE_2020[request.permit]?.[request.procedure] ?? null;
}

function measure(name, perCall, run) {
  for (let i = 0; i < 3; i++) run(); // warm-up
  let calls = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < deadline) {
    run();
    calls += perCall;
    now = process.hrtime.bigint();
  }
  const rate = calls / (Number(now - start) / 1e9);
  console.log(`${name.padEnd(34)} ${Math.round(rate).toLocaleString('en-US').padStart(14)} calls/s   (${(1e6 / rate).toFixed(2)} µs per call)`);
  return rate;
}

const wasm = readFileSync(new URL('wasm/ceseda_bg.wasm', pkg));
console.log(`ceseda npm package, Node ${process.version}, ${process.arch}; wasm ${wasm.length} bytes, ${gzipSync(wasm, { level: 9 }).length} gzipped`);
console.log(`${requests.length} distinct requests (the seed cells), ${seconds} s per measurement\n`);

let i = 0;
let sink = 0;
const BLOCK = 1000;
measure('quote() per call', BLOCK, () => {
  for (let k = 0; k < BLOCK; k++) sink += quote(requests[i++ % requests.length]).lines.length;
});
measure('quoteJson() per call', BLOCK, () => {
  for (let k = 0; k < BLOCK; k++) sink += quoteJson(texts[i++ % texts.length]).length;
});
const batch = Array.from({ length: 10_000 }, (_, k) => requests[k % requests.length]);
measure('quoteMany() batches of 10,000', batch.length, () => {
  sink += quoteMany(batch).length;
});
measure('quoteTable() batches of 10,000', batch.length, () => {
  sink += quoteTable(batch).total.length;
});
const lookups = [
  { permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' },
  { permit: 'etudiant', procedure: 'renewal', date: '2022-06-15' },
  { permit: 'salarie', procedure: 'first_issue', date: '2018-06-15' },
  { permit: 'aps', procedure: 'first_issue', date: '2022-06-15' },
];
measure('JS lookup over a hand-made table', BLOCK * 100, () => {
  for (let k = 0; k < BLOCK * 100; k++) sink += lookup(lookups[k & 3])?.lines.length ?? 0;
});
if (sink === 0.5) console.log(sink); // keeps the work observable
