// quoteTable(): the batch answered in columns. Every seed cell gives, row by row, what quote()
// and quoteMany() give (total, each component, the part due at filing, outcome, regime) and what
// the fixture expects; bad rows carry their error code and field; chunk boundaries (by count and
// by length) keep rows in place.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as raw from '../pkg/wasm/ceseda.js';
import {
  CesedaError, MAX_REQUEST_LENGTH, VOCABULARIES, camelRequest, cents, components, expectedTotal, money, quote, quoteMany, quoteTable, seedCells,
} from './lib.mjs';

const cells = seedCells();
const V = { permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' };

const COMPONENTS = ['tax', 'droit_de_timbre', 'duplicate_surcharge', 'visa_de_regularisation_filing', 'visa_de_regularisation_balance',
  'late_renewal_charge', 'dcem_tax', 'travel_document_tax'];
const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const KEYS = ['total', ...COMPONENTS.map(camel), 'dueAtFiling', 'outcome', 'regime', 'error', 'errorField', 'errorMessage'];

/** Row `i` of a table, as an object keyed like the table. */
const row = (table, i) => Object.fromEntries(Object.entries(table).map(([k, column]) => [k, column[i]]));

/** The row quoteTable() must give for a quote() / quoteMany() result (a Quote or a CesedaError). */
function expectedRow(result) {
  const r = Object.fromEntries(KEYS.map((k) => [k, null]));
  if (result instanceof CesedaError) {
    r.error = result.code;
    r.errorField = result.field;
    r.errorMessage = result.message;
    return r;
  }
  r.total = result.total;
  // A component is "0.00" where absent and the total is a number, null where the total is null.
  if (result.total !== null) for (const c of COMPONENTS) r[camel(c)] = '0.00';
  for (const [component, amount] of Object.entries(components(result))) r[camel(component)] = amount;
  r.dueAtFiling = result.total === null ? null : money(result.lines.filter((l) => l.due === 'at_filing').reduce((sum, l) => sum + cents(l.amount), 0));
  r.outcome = result.outcome;
  r.regime = result.regime;
  return r;
}

function outcomeOf(fn) {
  try {
    return fn();
  } catch (e) {
    assert.ok(e instanceof CesedaError, String(e));
    return e;
  }
}

function assertShape(table, length) {
  assert.deepEqual(Object.keys(table), KEYS);
  for (const [key, column] of Object.entries(table)) {
    assert.ok(Array.isArray(column), key);
    assert.equal(column.length, length, key);
    for (let i = 0; i < length; i++) assert.ok(i in column, `${key}[${i}] is a hole`);
  }
}

describe('quoteTable(): seed cells', () => {
  const table = quoteTable(cells.map((c) => camelRequest(c.request)));

  test('one row per cell, every column present, no holes', () => assertShape(table, cells.length));

  test('every cell agrees with the fixture: outcome, total, components', () => {
    cells.forEach((cell, i) => {
      const r = row(table, i);
      assert.equal(r.error, null, `${cell.id}: ${r.error}`);
      assert.equal(r.outcome, cell.expected.outcome, cell.id);
      assert.equal(r.total, expectedTotal(cell), cell.id);
      const listed = Object.fromEntries(COMPONENTS.filter((c) => r[camel(c)] !== null && r[camel(c)] !== '0.00').map((c) => [c, r[camel(c)]]));
      assert.deepEqual(listed, cell.expected.components, cell.id);
    });
  });

  test('every row is what quote() answers for the cell', () => {
    cells.forEach((cell, i) => assert.deepEqual(row(table, i), expectedRow(quote(camelRequest(cell.request))), cell.id));
  });

  test('every row is what quoteMany() answers for the cell', () => {
    const many = quoteMany(cells.map((c) => camelRequest(c.request)));
    cells.forEach((cell, i) => assert.deepEqual(row(table, i), expectedRow(many[i]), cell.id));
  });

  test('the canonical snake_case requests give the same table', () => {
    assert.deepEqual(quoteTable(cells.map((c) => c.request)), table);
  });

  test('the columns are the core\'s, camelCased, in the documented order', () => {
    const answer = JSON.parse(raw.quote_table_json(JSON.stringify([V]), 'en'));
    assert.equal(answer.type, 'success');
    assert.deepEqual(Object.keys(answer.table).map(camel).sort(), [...KEYS].sort());
    assert.deepEqual(VOCABULARIES.component.map((e) => e.code), COMPONENTS);
    const components = JSON.parse(raw.quote_json(JSON.stringify({ ...V, procedure: 'duplicate' }), 'en')).quote.lines.map((l) => l.component);
    for (const c of components) assert.ok(COMPONENTS.includes(c), c);
  });
});

describe('quoteTable(): bad rows', () => {
  test('errors keep their row, with the code and field quote() gives', () => {
    const cyclic = { ...V };
    cyclic.self = cyclic;
    const throwing = { ...V };
    Object.defineProperty(throwing, 'date', { enumerable: true, get() { throw new Error('no date'); } });
    const requests = [
      V, { ...V, permit: 'visitor' }, cyclic, null, undefined, 42, 'visiteur', [V], { ...V, date: '2008-06-15' },
      { ...V, irregularEntry: 'yes' }, { ...V, irregularEntry: 10n }, { ...V, colour: 'blue' }, { permit: 'visiteur', procedure: 'first_issue' },
      { ...V, familyMember: 'spouse', family_member: 'spouse' }, throwing, { ...V, permit: 'x'.repeat(MAX_REQUEST_LENGTH + 1) },
      { ...V, date: new Date(2024, 2, 1) }, { ...V, date: new Date(Number.NaN) }, V,
    ];
    const table = quoteTable(requests);
    assertShape(table, requests.length);
    requests.forEach((r, i) => assert.deepEqual(row(table, i), expectedRow(outcomeOf(() => quote(r))), `row ${i}`));
    const many = quoteMany(requests);
    requests.forEach((_, i) => assert.deepEqual(row(table, i), expectedRow(many[i]), `row ${i}`));

    assert.deepEqual(table.error, [null, 'unknown_code', 'unknown_field', 'invalid_json', 'invalid_json', 'invalid_json', 'invalid_json',
      'invalid_json', 'date_out_of_range', 'invalid_type', 'invalid_type', 'unknown_field', 'missing_field', 'invalid_json', 'invalid_json',
      'invalid_json', null, 'invalid_date', null]);
    assert.deepEqual(table.errorField.slice(0, 4), [null, 'permit', 'self', null]);
    assert.equal(table.errorField[13], 'family_member');
    assert.equal(table.total[0], '225.00');
    assert.equal(table.total[16], '225.00');
    for (const key of KEYS.filter((k) => !k.startsWith('error'))) assert.equal(table[key][2], null, key);
  });

  test('holes in a sparse batch are bad rows, not skipped', () => {
    const table = quoteTable([V, , V]); // eslint-disable-line no-sparse-arrays
    assert.deepEqual(table.total, ['225.00', null, '225.00']);
    assert.deepEqual(table.error, [null, 'invalid_json', null]);
  });

  test('an unreadable item is a bad row; an unreadable length throws', () => {
    const items = new Proxy([V, V], { get(t, k) { if (k === '1') throw new Error('item'); return Reflect.get(t, k); } });
    assert.deepEqual(quoteTable(items).error, [null, 'invalid_json']);
    const length = new Proxy([V], { get(t, k) { if (k === 'length') throw new Error('len'); return t[k]; } });
    assert.throws(() => quoteTable(length), (e) => e instanceof CesedaError && e.code === 'invalid_json');
  });

  test('a batch that is not an array throws invalid_json', () => {
    for (const input of [undefined, null, 1, 'abc', '[]', V, new Set([V]), { length: 1, 0: V }, () => [V]]) {
      assert.throws(() => quoteTable(input), (e) => e instanceof CesedaError && e.code === 'invalid_json' && /array/.test(e.message));
    }
  });

  test('an empty batch is a table of empty columns', () => {
    const table = quoteTable([]);
    assertShape(table, 0);
  });

  test('the module keeps working after bad batches', () => {
    assert.equal(quote(V).total, '225.00');
    assert.equal(quoteTable([V]).total[0], '225.00');
  });
});

describe('quoteTable(): chunks', () => {
  test('2,500 requests (three chunks), bad rows around the boundaries, agree with quoteMany() row by row', () => {
    const bad = new Set([0, 998, 999, 1000, 1001, 1999, 2000, 2499]);
    const requests = [];
    for (let i = 0; i < 2500; i++) {
      if (bad.has(i)) {
        const cyclic = { ...V };
        cyclic.self = cyclic;
        requests.push(i % 2 ? cyclic : { ...V, date: '2008-06-15' });
      } else {
        const cell = cells[i % cells.length];
        requests.push(i % 3 ? camelRequest(cell.request) : cell.request);
      }
    }
    const table = quoteTable(requests);
    assertShape(table, requests.length);
    const many = quoteMany(requests);
    requests.forEach((_, i) => assert.deepEqual(row(table, i), expectedRow(many[i]), `row ${i}`));
    for (const i of bad) assert.equal(table.error[i], i % 2 ? 'unknown_field' : 'date_out_of_range', `row ${i}`);
    requests.forEach((_, i) => {
      if (!bad.has(i)) assert.equal(table.total[i], expectedTotal(cells[i % cells.length]), `row ${i}`);
    });
  });

  test('exactly 1,000 and 1,001 requests', () => {
    for (const n of [999, 1000, 1001, 2000]) {
      const requests = Array.from({ length: n }, (_, i) => (i === n - 1 ? { ...V, permit: 'salarie' } : V));
      const table = quoteTable(requests);
      assertShape(table, n);
      assert.equal(table.total.filter((t) => t === '225.00').length, n);
      assert.equal(table.regime[n - 1], 'table_2020');
    }
  });

  test('long requests are chunked by length (about 1 MiB each, 4 MiB a chunk)', () => {
    const long = (i) => ({ ...V, note: `${i}`.padEnd(MAX_REQUEST_LENGTH - 100, 'x') });
    const requests = [];
    for (let i = 0; i < 12; i++) requests.push(i % 3 === 1 ? V : long(i));
    const table = quoteTable(requests);
    assertShape(table, requests.length);
    requests.forEach((r, i) => {
      if (i % 3 === 1) assert.equal(table.total[i], '225.00', `row ${i}`);
      else assert.deepEqual([table.error[i], table.errorField[i]], ['unknown_field', 'note'], `row ${i}`);
    });
    const many = quoteMany(requests);
    requests.forEach((_, i) => assert.deepEqual(row(table, i), expectedRow(many[i]), `row ${i}`));
  });
});
