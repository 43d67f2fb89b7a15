// The TypeScript declarations: a usage file type-checks (tsc --noEmit), and every string-literal
// union equals the core's list: the generated ones (codes.d.ts) against the contract, the
// hand-written ones (index.d.ts) against the core's source and contract.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ERROR_CODES, PKG_DIR, REPO, WASM_DIR, camel, permits, quoteJson, quoteTable, regimes } from './lib.mjs';

const SRC = join(REPO, 'crates', 'ceseda', 'src');
const declarations = readFileSync(join(PKG_DIR, 'index.d.ts'), 'utf8') + readFileSync(join(PKG_DIR, 'codes.d.ts'), 'utf8');

/** The members of `export type Name = 'a' | 'b' …;` in the package's declarations. */
function union(name) {
  const m = new RegExp(`export type ${name} =([^;]*);`).exec(declarations);
  assert.ok(m, `no union ${name}`);
  return [...m[1].matchAll(/['"]([^'"]+)['"]/g)].map((x) => x[1]);
}

/** The codes of a `code_enum!` in the core's source: `pub enum Name ("field") { X => "code", … }`. */
function coreEnum(file, name) {
  const source = readFileSync(join(SRC, file), 'utf8');
  const start = source.indexOf(`pub enum ${name} (`);
  assert.ok(start >= 0, `enum ${name} not found in ${file}`);
  const body = source.slice(start, source.indexOf('\n    }\n', start));
  return [...body.matchAll(/=> "([a-z0-9_]+)"/g)].map((x) => x[1]);
}

/** The accepted values the core lists for a bad value of `field`. */
function contractList(field) {
  const request = { permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01', [field]: '?' };
  const answer = JSON.parse(quoteJson(JSON.stringify(request)));
  assert.equal(answer.error?.code, 'unknown_code', field);
  return answer.error.expected;
}

const sorted = (a) => [...a].sort();

describe('TypeScript', () => {
  test('tsc --noEmit on a usage file (strict, exactOptionalPropertyTypes)', () => {
    const tsc = join(WASM_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', join(WASM_DIR, 'tests', 'types')], { stdio: 'pipe' });
    } catch (e) {
      assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
    }
  });

  test('Permit and TravelDocument are exactly the codes permits() lists', () => {
    const list = permits();
    assert.deepEqual(union('Permit'), list.filter((p) => p.kind === 'permit').map((p) => p.code));
    assert.deepEqual(union('TravelDocument'), list.filter((p) => p.kind === 'travel_document').map((p) => p.code));
    assert.deepEqual(sorted(union('PermitFamily')), sorted(new Set(list.map((p) => p.family).filter(Boolean))));
    assert.deepEqual(contractList('permit'), [...union('Permit'), ...union('TravelDocument')]);
    assert.deepEqual(contractList('underlying_permit'), union('Permit'));
  });

  test('QuoteTable declares exactly the columns quoteTable() answers: total, each Component, dueAtFiling…', () => {
    const block = /export interface QuoteTable \{([^}]*)\}/.exec(declarations);
    assert.ok(block, 'no interface QuoteTable');
    const declared = [...block[1].matchAll(/^\s+(\w+): \(([^)]*)\)\[\];$/gm)].map((m) => [m[1], m[2]]);
    const columns = ['total', ...union('Component').map(camel), 'dueAtFiling', 'outcome', 'regime', 'error', 'errorField'];
    assert.deepEqual(declared.map(([k]) => k), columns);
    assert.deepEqual(Object.keys(quoteTable([])), columns);
    const types = Object.fromEntries(declared);
    for (const money of ['total', 'dueAtFiling', ...union('Component').map(camel)]) assert.equal(types[money], 'Money | null', money);
    assert.deepEqual([types.outcome, types.regime, types.error, types.errorField], ['Outcome | null', 'RegimeId | null', 'ErrorCode | null', 'string | null']);
  });

  test('ErrorCode is ERROR_CODES', () => {
    const m = /ERROR_CODES: readonly \[([^\]]*)\]/.exec(declarations);
    assert.deepEqual([...m[1].matchAll(/"([a-z_]+)"/g)].map((x) => x[1]), [...ERROR_CODES]);
  });

  test('RegimeId is regimes() and the core enum', () => {
    assert.deepEqual(union('RegimeId'), regimes().map((r) => r.id));
    assert.deepEqual(union('RegimeId'), coreEnum('regime.rs', 'RegimeId'));
    assert.deepEqual(union('RegimeId'), contractList('regime'));
  });

  const HAND_WRITTEN = [
    ['Procedure', 'procedure.rs', 'Procedure', 'procedure'],
    ['FamilyMember', 'subcase.rs', 'FamilyMember', 'family_member'],
    ['CardKind', 'subcase.rs', 'CardKind', 'card_kind'],
    ['CardValidity', 'subcase.rs', 'CardValidity', 'card_validity'],
    ['AdmissionCard', 'subcase.rs', 'AdmissionCard', 'admission_card'],
    ['EuStatus', 'subcase.rs', 'EuStatus', 'eu_status'],
    ['Component', 'quote.rs', 'Component'],
    ['Outcome', 'quote.rs', 'Outcome'],
    ['DueAt', 'quote.rs', 'DueAt'],
    ['Confidence', 'regime.rs', 'Confidence'],
    ['SelectingDate', 'regime.rs', 'SelectingDate'],
    ['WindowRule', 'window.rs', 'WindowRule'],
  ];
  for (const [name, file, rustName, field] of HAND_WRITTEN) {
    test(`${name} is the core's ${rustName}${field ? ` and what the contract accepts for ${field}` : ''}`, () => {
      assert.deepEqual(union(name), coreEnum(file, rustName));
      if (field) assert.deepEqual(union(name), contractList(field));
    });
  }
});
