// Date objects in requests: their local calendar date, "YYYY-MM-DD"; the core judges it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import vm from 'node:vm';
import { CesedaError, PKG_DIR, quote, quoteMany, renewalWindow } from './lib.mjs';

const V = { permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' };
const codeOf = (request) => {
  try {
    quote(request);
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof CesedaError, String(e));
    return `${e.code}:${e.value}`;
  }
};

describe('Date objects', () => {
  test('a Date gives the same quote as its ISO string', () => {
    assert.deepEqual(quote({ ...V, date: new Date(2024, 2, 1) }), quote(V));
    assert.equal(quote({ ...V, date: new Date(2024, 2, 1) }).date, '2024-03-01');
  });

  test('the local calendar date is used, whatever the time of day', () => {
    for (const [h, m] of [[0, 0], [0, 30], [12, 0], [23, 59]]) {
      assert.equal(quote({ ...V, date: new Date(2024, 2, 1, h, m, 59, 999) }).date, '2024-03-01');
    }
  });

  test('in every time zone: local date, not the UTC date of toISOString()', () => {
    const script = `
      const { quote } = await import(${JSON.stringify(`${PKG_DIR}/node.js`)});
      const late = new Date(2024, 2, 1, 23, 30), early = new Date(2024, 2, 1, 0, 30);
      console.log(JSON.stringify([quote({permit:'visiteur',procedure:'first_issue',date:late}).date,
        quote({permit:'visiteur',procedure:'first_issue',date:early}).date, late.toISOString().slice(0,10), early.toISOString().slice(0,10)]));`;
    const seen = new Set();
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Pago_Pago']) {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: tz } }).toString();
      const [late, early, lateUtc, earlyUtc] = JSON.parse(out);
      assert.equal(late, '2024-03-01', tz);
      assert.equal(early, '2024-03-01', tz);
      seen.add(lateUtc).add(earlyUtc);
    }
    assert.ok(seen.size > 1, 'the time zones chosen should disagree on the UTC date');
  });

  test('every date field accepts a Date, camelCase or snake_case', () => {
    const base = { permit: 'salarie', procedure: 'renewal', date: '2024-06-10' };
    const strings = { ...base, applicationDate: '2024-06-01', previousTitleExpiry: '2024-05-20' };
    const dates = { ...base, date: new Date(2024, 5, 10), applicationDate: new Date(2024, 5, 1), previous_title_expiry: new Date(2024, 4, 20) };
    assert.deepEqual(quote(dates), quote(strings));
    const rf = { permit: 'cr_regroupement_familial', procedure: 'first_issue', date: '2011-11-15', familyMember: 'spouse' };
    assert.deepEqual(quote({ ...rf, reunificationGrantedOn: new Date(2008, 0, 5) }), quote({ ...rf, reunificationGrantedOn: '2008-01-05' }));
  });

  test('Dates in quoteMany() and renewalWindow()', () => {
    const [q] = quoteMany([{ ...V, date: new Date(2024, 2, 1) }]);
    assert.equal(q.total, '225.00');
    const w = renewalWindow({ permit: 'salarie', expiry: new Date(2024, 5, 30), filingDate: new Date(2024, 2, 1), onlineApplication: true });
    assert.equal(w.opens, '2024-03-02');
  });

  test('a Date from another realm, or a subclass, is still a Date', () => {
    const foreign = vm.runInNewContext('new Date(2024, 2, 1, 10)');
    assert.equal(foreign instanceof Date, false);
    assert.equal(quote({ ...V, date: foreign }).date, '2024-03-01');
    class Day extends Date {}
    assert.equal(quote({ ...V, date: new Day(2024, 2, 1) }).date, '2024-03-01');
  });

  test('dates the core refuses keep its codes', () => {
    assert.equal(codeOf({ ...V, date: new Date(Number.NaN) }), 'invalid_date:Invalid Date');
    assert.equal(codeOf({ ...V, date: new Date(10000, 0, 1) }), 'invalid_date:10000-01-01');
    assert.equal(codeOf({ ...V, date: new Date(-5, 0, 1) }), 'invalid_date:-5-01-01');
    const year999 = new Date(2000, 0, 1);
    year999.setFullYear(999);
    assert.equal(codeOf({ ...V, date: year999 }), 'invalid_date:0999-01-01');
    assert.equal(codeOf({ ...V, date: new Date(2008, 5, 15) }), 'date_out_of_range:2008-06-15');
    assert.equal(codeOf({ ...V, date: '2020-02-30' }), 'invalid_date:2020-02-30');
    assert.equal(codeOf({ ...V, date: '2024-3-1' }), 'invalid_date:2024-3-1');
    assert.equal(codeOf({ ...V, date: '2024-03-01T00:00:00Z' }), 'invalid_date:2024-03-01T00:00:00Z');
    assert.equal(codeOf({ ...V, date: '+2024-03-01' }), 'invalid_date:+2024-03-01');
  });

  test('the contract reads the years 1900 to 2200 only', () => {
    assert.equal(codeOf({ ...V, date: new Date(1899, 11, 31) }), 'invalid_date:1899-12-31');
    assert.equal(codeOf({ ...V, date: new Date(1900, 0, 1) }), 'date_out_of_range:1900-01-01');
    assert.equal(codeOf({ ...V, date: new Date(2200, 11, 31) }), 'ok');
    assert.equal(codeOf({ ...V, date: new Date(2201, 0, 1) }), 'invalid_date:2201-01-01');
    assert.equal(codeOf({ ...V, date: '2201-01-01' }), 'invalid_date:2201-01-01');
    assert.throws(() => renewalWindow({ permit: 'salarie', expiry: new Date(2201, 0, 1) }), (e) => e.code === 'invalid_date' && e.field === 'expiry');
  });

  test('29 February: valid in leap years only', () => {
    assert.equal(codeOf({ ...V, date: '2024-02-29' }), 'ok');
    assert.equal(codeOf({ ...V, date: '2023-02-29' }), 'invalid_date:2023-02-29');
    assert.equal(quote({ ...V, date: new Date(2024, 1, 29) }).date, '2024-02-29');
  });

  test('a Date where the contract wants a code is that date as a string', () => {
    assert.equal(codeOf({ ...V, permit: new Date(2024, 2, 1) }), 'unknown_code:2024-03-01');
  });

  test('a Date as the whole request is not an object', () => {
    assert.throws(() => quote(new Date()), (e) => e instanceof CesedaError && e.code === 'invalid_json' && /got string/.test(e.message));
  });
});
