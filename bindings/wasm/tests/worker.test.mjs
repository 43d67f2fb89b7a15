// The conformance worker (tests/worker.mjs): one answer line per request line, in both modes,
// textually identical to the core's canonical answer, surviving any bad line.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO, VECTORS, WASM_DIR, quoteJson, readJson, seedCells } from './lib.mjs';

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
  JSON.stringify({ ...V, date: '2013-01-01' }), JSON.stringify({ permit: 'cr_regroupement_familial', procedure: 'first_issue', date: '2011-11-15' }),
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

  test('an unknown mode is refused', async () => {
    const { code } = await run([], ['--mode', 'nope']);
    assert.equal(code, 2);
  });
});
