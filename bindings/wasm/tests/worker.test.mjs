// The conformance worker (tests/worker.mjs): one answer line per request line, in both modes,
// textually identical to the core's canonical answer, surviving any bad line.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REQUEST_KEYS } from '../pkg/codes.js';
import * as raw from '../pkg/wasm/ceseda.js';
import { REPO, VECTORS, WASM_DIR, quoteJson, quoteTable, readJson, seedCells } from './lib.mjs';

const WORKER = join(WASM_DIR, 'tests', 'worker.mjs');

function run(lines, args = []) {
  return new Promise((resolve, reject) => {
    // Started from the repository root, as the conformance harness does.
    const child = spawn(process.execPath, [WORKER, ...args], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines: out.split('\n').slice(0, -1), err }));
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

const V = { permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' };
const regressions = existsSync(join(VECTORS, 'regressions.json')) ? readJson(join(VECTORS, 'regressions.json')).cases.map((c) => c.request) : [];
const BAD = [
  '', ' ', 'garbage', '{', '[1,2,3]', 'null', '42', '"visiteur"', '{}', '{"permit":"visiteur"}',
  JSON.stringify({ ...V, permit: 'visitor' }), JSON.stringify({ ...V, date: '2020-02-30' }), JSON.stringify({ ...V, irregular_entry: 'yes' }),
  JSON.stringify({ ...V, zzz: true }), JSON.stringify({ ...V, abc_def: 1 }), JSON.stringify({ ...V, irregularEntry: true }),
  JSON.stringify({ ...V, regime: null, family_member: null }), '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","irregular_entry":1e400}',
  '{"permit":"\\ud800","procedure":"first_issue","date":"2024-03-01"}', '{"permit":"visiteur","permit":"salarie","procedure":"first_issue","date":"2024-03-01"}',
  `{"permit":"${'x'.repeat(300)}","procedure":"first_issue","date":"2024-03-01"}`, '{"__proto__":{"a":1},"permit":"visiteur","procedure":"first_issue","date":"2024-03-01"}',
  JSON.stringify({ ...V, date: '2008-06-15' }), JSON.stringify({ permit: 'cr_regroupement_familial', procedure: 'first_issue', date: '2011-11-15' }),
];

describe('worker.mjs', () => {
  const requests = [...seedCells().map((c) => JSON.stringify(c.request)), ...regressions.map((r) => JSON.stringify(r)), ...BAD];

  for (const mode of ['api', 'json']) {
    test(`--mode ${mode}: every answer is the core's canonical answer, byte for byte`, async () => {
      const { code, lines, err } = await run(requests, ['--mode', mode]);
      assert.equal(code, 0, err);
      assert.equal(lines.length, requests.length);
      requests.forEach((r, i) => assert.equal(lines[i], quoteJson(r), `line ${i}: ${r.slice(0, 120)}`));
    });
  }

  test('api is the default mode, and a bad line does not stop it', async () => {
    const { code, lines } = await run(['garbage', JSON.stringify(V), '{', JSON.stringify(V)]);
    assert.equal(code, 0);
    assert.equal(lines.length, 4);
    assert.equal(JSON.parse(lines[1]).quote.total, '225.00');
    assert.equal(JSON.parse(lines[0]).error.code, 'invalid_json');
    assert.equal(lines[3], lines[1]);
  });

  test('answers each line as it arrives (flushes; no buffering until end of input)', async () => {
    const child = spawn(process.execPath, [WORKER], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.setEncoding('utf8');
    const next = () => new Promise((resolve) => child.stdout.once('data', resolve));
    for (let i = 0; i < 3; i++) {
      const got = next();
      child.stdin.write(`${JSON.stringify(V)}\n`);
      assert.equal(JSON.parse(await got).quote.total, '225.00');
    }
    child.stdin.end();
    await new Promise((resolve) => child.on('close', resolve));
  });

  // A mixed batch: seed cells, regression vectors, refused requests and hostile rows, as item
  // texts (some hand-written: spaces, 1e400, a duplicate key, invalid JSON, deep nesting).
  let deep = '"x"';
  for (let i = 0; i < 300; i++) deep = `[${deep}]`;
  const ITEMS = [
    ...seedCells().slice(0, 200).map((c) => JSON.stringify(c.request)),
    ...regressions.map((r) => JSON.stringify(r)),
    ...BAD.filter((line) => { try { JSON.parse(line); return true; } catch { return false; } }),
    'garbage', '1e400', 'tru', '"\\ud800"', '{"permit" : "visiteur", "procedure": "first_issue", "date": "2024-03-01"}',
    JSON.stringify({ ...V, familyMember: 'spouse' }), JSON.stringify({ ...V, regime: 'table_2016' }), `{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","regime":${deep}}`,
    deep, JSON.stringify({ ...V, date: '2201-01-01' }), JSON.stringify({ ...V, permit: 'vls_ts', date: '2022-06-15' }), JSON.stringify(V),
  ];
  const COLUMNS = ['total', 'tax', 'droit_de_timbre', 'duplicate_surcharge', 'visa_de_regularisation_filing', 'visa_de_regularisation_balance',
    'late_renewal_charge', 'dcem_tax', 'travel_document_tax', 'due_at_filing', 'outcome', 'regime', 'error', 'error_field', 'error_message'];
  const coreTable = (items) => JSON.parse(raw.quote_table_json(`[${items.join(',')}]`, 'en')).table;

  for (const mode of ['api', 'json']) {
    test(`--mode ${mode}: a batch line is answered {"table": …}, exactly the core's quote_table_json columns`, async () => {
      const lines = [`{"batch":[${ITEMS.join(',')}]}`, ` { "batch" : [ ${ITEMS.slice(-3).join(' , ')} ] } `, '{"batch":[]}', JSON.stringify(V)];
      const { code, lines: out, err } = await run(lines, ['--mode', mode]);
      assert.equal(code, 0, err);
      assert.equal(out.length, lines.length);
      const answer = JSON.parse(out[0]);
      assert.deepEqual(Object.keys(answer), ['table']);
      assert.deepEqual(new Set(Object.keys(answer.table)), new Set(COLUMNS));
      assert.deepEqual(answer.table, coreTable(ITEMS));
      assert.ok(answer.table.error.includes(null) && answer.table.error.includes('invalid_json') && answer.table.error.includes('unknown_code'));
      assert.deepEqual(JSON.parse(out[1]).table, coreTable(ITEMS.slice(-3)));
      assert.deepEqual(JSON.parse(out[2]).table, coreTable([]));
      assert.equal(out[3], quoteJson(JSON.stringify(V)), 'a request line after batches');
    });
  }

  test('quoteTable() itself, on the same requests as JS values (camelCase keys), gives the core\'s columns', () => {
    // The items JSON.stringify gives back as they are, without a camelCase key (quote() accepts one, the contract does not).
    const values = ITEMS.flatMap((item) => { try { return [[item, JSON.parse(item)]]; } catch { return []; } })
      .filter(([item, v]) => JSON.stringify(v) === item && !(v !== null && typeof v === 'object' && Object.keys(v).some((k) => /[A-Z]/.test(k))))
      .map(([, v]) => v);
    assert.ok(values.length > ITEMS.length - 12, `${values.length} of ${ITEMS.length}`);
    const camelField = new Map([...REQUEST_KEYS].filter(([key, field]) => key !== field).map(([key, field]) => [field, key]));
    const camelFields = (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [camelField.get(k) ?? k, v]));
    const table = quoteTable(values.map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? camelFields(v) : v)));
    assert.ok(table.error.filter((e) => e === null).length > 200);
    const core = JSON.parse(raw.quote_table_json(JSON.stringify(values), 'en')).table;
    const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
    for (const column of COLUMNS) assert.deepEqual(table[camel(column)], core[column], column);
  });

  test('a batch of 1,000 where one request is nested deeper than any JSON parser reads: 999 answers and one invalid_type row', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => (i === 500 ? `{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","regime":${deep}}` : JSON.stringify(V)));
    const { lines: out } = await run([`{"batch":[${items.join(',')}]}`]);
    const { table } = JSON.parse(out[0]);
    assert.equal(table.total.filter((t) => t === '225.00').length, 999);
    assert.equal(table.error[500], 'invalid_type');
    assert.deepEqual(table, coreTable(items));
  });

  test('a batch the core refuses whole, and {"batch": …} without an array, are answered as the core answers them', async () => {
    const { lines: out } = await run(['{"batch":[1,,2]}', '{"batch":[{]}', '{"batch":[1}]}', '{"batch":5}', '{"batch":[1,2],"other":true}']);
    assert.equal(out[0], raw.quote_table_json('[1,,2]', 'en'));
    assert.equal(out[1], raw.quote_table_json('[{]', 'en'));
    assert.equal(JSON.parse(out[2]).error.code, 'invalid_json');
    assert.equal(out[3], quoteJson('{"batch":5}'));
    assert.equal(JSON.parse(out[4]).error.code, 'unknown_field');
  });

  test('an unknown mode is refused', async () => {
    const { code } = await run([], ['--mode', 'nope']);
    assert.equal(code, 2);
  });
});
