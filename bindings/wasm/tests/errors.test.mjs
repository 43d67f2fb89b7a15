// Every error code of the core, through quote() (thrown CesedaError) and quoteJson() (the
// canonical failure), with the same code, field, value and expected values; quoteMany() and
// quoteTable() carry the same code (and field) in the request's item or row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CesedaError, ERROR_CODES, REPO, quote, quoteJson, quoteMany, quoteTable, renewalWindow } from './lib.mjs';

const V = { permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' };

// One request per code; `json` is the canonical text when the JS value has none.
const CASES = {
  unknown_code: { request: { ...V, permit: 'visitor' }, field: 'permit', value: 'visitor' },
  date_out_of_range: { request: { ...V, date: '2008-06-15' }, field: 'date', value: '2008-06-15' },
  permit_not_in_regime: { request: { ...V, permit: 'etudiant_mobilite', date: '2018-06-15' }, field: 'permit', value: 'etudiant_mobilite' },
  missing_sub_case: { request: { permit: 'cr_regroupement_familial', procedure: 'first_issue', date: '2011-11-15' }, field: 'family_member', value: null },
  invalid_sub_case: { request: { ...V, date: '2022-06-15', applicationDate: '2022-07-01' }, field: 'application_date', value: '2022-07-01' },
  not_covered: { request: { permit: 'dcem', procedure: 'renewal_without_expired_title', date: '2024-03-01' }, field: 'procedure', value: null },
  invalid_date: { request: { ...V, date: '2020-02-30' }, field: 'date', value: '2020-02-30' },
  invalid_type: { request: { ...V, irregularEntry: 'yes' }, field: 'irregular_entry', value: null },
  missing_field: { request: { permit: 'visiteur', procedure: 'first_issue' }, field: 'date', value: null },
  unknown_field: { request: { ...V, colour: 'blue' }, field: 'colour', value: 'colour' },
  invalid_json: { request: 42, json: '{"permit": "visiteur",', field: null, value: null },
};

// One call per code that refuses a whole call.
const CALL_CASES = {
  invalid_reform: { options: { reform: { name: 'x', amend: [{ from: '2027-01-01', rate: 'stamp', amount: '-5' }] } }, field: 'amend[0].amount', value: '-5' },
};

const snake = (request) =>
  Object.fromEntries(Object.entries(request).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

describe('error codes', () => {
  test('ERROR_CODES is the core list (crates/ceseda/src/model/error.rs, Error::CODES), in order', () => {
    const source = readFileSync(join(REPO, 'crates', 'ceseda', 'src', 'model', 'error.rs'), 'utf8');
    const block = /pub const CODES: &'static \[&'static str\] = &\[([^\]]*)\]/.exec(source);
    assert.ok(block, 'Error::CODES not found in error.rs');
    const codes = [...block[1].matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
    assert.deepEqual([...ERROR_CODES], codes);
    assert.ok(Object.isFrozen(ERROR_CODES));
  });

  test('every code has a case here', () => {
    assert.deepEqual([...Object.keys(CASES), ...Object.keys(CALL_CASES)].sort(), [...ERROR_CODES].sort());
  });

  // Codes of a whole call rather than of one request: a bad reform refuses the call, batches too.
  for (const [code, c] of Object.entries(CALL_CASES)) {
    test(`${code}: thrown by quote(), quoteMany() and quoteTable() for the whole call`, () => {
      for (const call of [() => quote(V, c.options), () => quoteMany([V], c.options), () => quoteTable([V], c.options)]) {
        assert.throws(call, (e) => e instanceof CesedaError && e.code === code && e.field === c.field && e.value === c.value && Array.isArray(e.expected));
      }
    });
  }

  for (const [code, c] of Object.entries(CASES)) {
    test(`${code}: thrown by quote() as a CesedaError, answered alike by quoteJson()`, () => {
      let error;
      try {
        quote(c.request);
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof CesedaError, `no CesedaError for ${code}: ${error}`);
      assert.equal(error.code, code);
      assert.equal(error.field, c.field);
      assert.equal(error.value, c.value);
      assert.ok(Array.isArray(error.expected));
      assert.equal(typeof error.message, 'string');
      assert.ok(error.message.length > 0);

      const answer = JSON.parse(quoteJson(c.json ?? JSON.stringify(snake(c.request))));
      assert.equal(answer.type, 'failure');
      assert.equal(answer.error.code, code);
      assert.equal(answer.error.field, c.field);
      if (!c.json) {
        assert.deepEqual(error.toJSON(), answer.error);
      }

      const [item] = quoteMany([c.request]);
      assert.ok(item instanceof CesedaError);
      assert.equal(item.code, code);

      const table = quoteTable([V, c.request, V]);
      assert.deepEqual(table.error, [null, code, null]);
      assert.deepEqual(table.errorField, [null, c.field, null]);
      assert.deepEqual(table.errorMessage, [null, error.message, null]);
      assert.deepEqual(table.total, ['225.00', null, '225.00']);
    });
  }

  test('expected lists what would be accepted', () => {
    const codes = (request) => {
      try {
        quote(request);
      } catch (e) {
        return e.expected;
      }
      return null;
    };
    assert.deepEqual(codes({ ...V, procedure: 'renew' }), ['first_issue', 'renewal', 'duplicate', 'renewal_without_expired_title', 'change_of_details']);
    assert.deepEqual(codes({ ...V, familyMember: 'cousin' }), ['spouse', 'child']);
    assert.ok(codes({ ...V, date: '2008-06-15' }).some((p) => p.includes('table_2016')));
    assert.deepEqual(codes({ ...V, irregularEntry: 1 }), ['boolean']);
  });

  test('renewalWindow() errors carry the same codes', () => {
    assert.throws(() => renewalWindow({ permit: 'salarie', expiry: '30/06/2024' }), (e) => e instanceof CesedaError && e.code === 'invalid_date' && e.field === 'expiry');
    assert.throws(() => renewalWindow({ permit: 'salarie', expiry: '2024-06-30', onlineApplication: 'yes' }), (e) => e.code === 'invalid_type' && e.field === 'online_application');
  });
});
