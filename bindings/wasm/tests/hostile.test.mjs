// Hostile input: every call answers a Quote or throws a CesedaError (quoteJson answers a
// failure), never a wasm trap or another exception, and the module keeps working.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CesedaError, MAX_REQUEST_LENGTH, history, permits, quote, quoteJson, quoteMany, quoteTable, renewalWindow } from './lib.mjs';
import * as raw from '../pkg/wasm/ceseda.js';

const V = { permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' };

function outcome(fn) {
  try {
    const value = fn();
    return { ok: true, value };
  } catch (e) {
    assert.ok(e instanceof CesedaError, `not a CesedaError: ${e && e.stack}`);
    return { ok: false, error: e };
  }
}

function fails(fn, code) {
  const r = outcome(fn);
  assert.equal(r.ok, false, 'expected a CesedaError');
  if (code) assert.equal(r.error.code, code, r.error.message);
  return r.error;
}

function stillWorks() {
  assert.equal(quote(V).total, '225.00');
}

describe('not a request object', () => {
  const inputs = [null, undefined, 0, -1, 1.5, Number.NaN, Infinity, true, false, '', 'visiteur', '{"permit":"visiteur"}',
    [], [V], Symbol('s'), () => V, 10n, new Map(Object.entries(V)), new Set(), Promise.resolve(V), /x/, new Uint8Array(4), Math, globalThis.Buffer?.from('{}')];
  for (const input of inputs) {
    test(`quote(${typeof input === 'symbol' ? 'Symbol' : Object.prototype.toString.call(input)})`, () => {
      const r = outcome(() => quote(input));
      if (!r.ok) assert.ok(['invalid_json', 'missing_field', 'unknown_field'].includes(r.error.code), r.error.code);
      else assert.fail('a non-request quoted');
      assert.equal(JSON.parse(quoteJson(input)).type, 'failure');
      assert.equal(outcome(() => quoteMany([input])).value[0] instanceof CesedaError, true);
      assert.ok(outcome(() => quoteTable([input])).value.error[0] !== null);
      fails(() => renewalWindow(input));
      fails(() => history(input));
    });
  }
  test('the core names the JSON type', () => {
    assert.match(fails(() => quote(null), 'invalid_json').message, /got null/);
    assert.match(fails(() => quote(42), 'invalid_json').message, /got number/);
    assert.match(fails(() => quote('x'), 'invalid_json').message, /got string/);
    assert.match(fails(() => quote([]), 'invalid_json').message, /got array/);
    assert.match(fails(() => quote(undefined), 'invalid_json').message, /got undefined/);
  });
});

describe('values JSON cannot carry keep their type', () => {
  test('NaN, Infinity and BigInt are numbers: invalid_type', () => {
    for (const v of [Number.NaN, Infinity, -Infinity, 10n]) {
      const e = fails(() => quote({ ...V, irregularEntry: v }), 'invalid_type');
      assert.equal(e.field, 'irregular_entry');
      assert.match(e.message, /got number/);
    }
  });
  test('functions and symbols are objects: invalid_type, not silently dropped', () => {
    for (const v of [() => true, Symbol('x')]) {
      assert.equal(fails(() => quote({ ...V, irregularEntry: v }), 'invalid_type').field, 'irregular_entry');
      assert.equal(fails(() => quote({ ...V, permit: v }), 'invalid_type').field, 'permit');
    }
  });
  test('objects and arrays as values', () => {
    assert.equal(fails(() => quote({ ...V, permit: ['visiteur'] }), 'invalid_type').field, 'permit');
    assert.equal(fails(() => quote({ ...V, date: { y: 2024 } }), 'invalid_type').field, 'date');
    assert.equal(fails(() => quote({ ...V, permit: 7 }), 'invalid_type').field, 'permit');
  });
});

describe('objects that fight back', () => {
  test('cyclic references: never read (a field is judged by its type, a key that is no field refused whatever it holds)', () => {
    const a = { ...V };
    a.self = a;
    assert.equal(fails(() => quote(a), 'unknown_field').field, 'self');
    const b = { ...V, regime: [] };
    b.regime.push(b.regime);
    assert.equal(fails(() => quote(b), 'invalid_type').field, 'regime');
    const w = { permit: 'salarie', expiry: '2024-06-30' };
    w.filingDate = w;
    assert.equal(fails(() => renewalWindow(w), 'invalid_type').field, 'filing_date');
    stillWorks();
  });
  test('throwing getters, toJSON and proxies: invalid_json', () => {
    const getter = { ...V };
    Object.defineProperty(getter, 'date', { enumerable: true, get() { throw new Error('boom'); } });
    assert.match(fails(() => quote(getter), 'invalid_json').message, /boom/);
    fails(() => quote({ ...V, regime: { toJSON() { throw new TypeError('nope'); } } }), 'invalid_json');
    fails(() => quote(new Proxy({}, { ownKeys() { throw new Error('trap'); } })), 'invalid_json');
    fails(() => quote(new Proxy(V, { get() { throw new Error('trap'); } })), 'invalid_json');
    fails(() => quoteMany(new Proxy([V], { get(t, k) { if (k === 'length') throw new Error('len'); return t[k]; } })), 'invalid_json');
    const [item] = quoteMany(new Proxy([V], { get(t, k) { if (k === '0') throw new Error('item'); return Reflect.get(t, k); } }));
    assert.equal(item.code, 'invalid_json');
    fails(() => quote({ ...V, regime: { toJSON() { throw 'not an Error'; } } }), 'invalid_json');
    stillWorks();
  });
  test('a proxy that behaves is read like an object', () => {
    assert.equal(quote(new Proxy({ ...V }, {})).total, '225.00');
  });
  test('deep nesting: a field of any depth is invalid_type, as in the core and in Python; never a stack overflow', () => {
    let deep = [];
    for (let i = 0; i < 200000; i++) deep = [deep];
    assert.equal(fails(() => quote({ ...V, regime: deep }), 'invalid_type').field, 'regime');
    assert.equal(fails(() => quote({ ...V, nope: deep }), 'unknown_field').field, 'nope');
    let medium = 'x';
    for (let i = 0; i < 1000; i++) medium = [medium];
    assert.equal(fails(() => quote({ ...V, regime: medium }), 'invalid_type').field, 'regime');
    let object = {};
    for (let i = 0; i < 1000; i++) object = { a: object };
    assert.equal(fails(() => quote({ ...V, date: object }), 'invalid_type').field, 'date');
    // What JSON text says, the core reads: the same answers.
    assert.equal(JSON.parse(quoteJson(JSON.stringify({ ...V, regime: medium }))).error.code, 'invalid_type');
    assert.equal(JSON.parse(quoteJson(`${'['.repeat(100000)}${']'.repeat(100000)}`)).error.code, 'invalid_json');
    stillWorks();
  });
  test('D1: one bad request never fails the batch around it (quoteMany threw a TypeError)', () => {
    let deep = [];
    for (let i = 0; i < 126; i++) deep = [deep];
    const requests = [...Array.from({ length: 999 }, () => ({ ...V })), { ...V, permit: deep }];
    const many = quoteMany(requests);
    assert.equal(many.length, 1000);
    assert.equal(many.filter((q) => q.total === '225.00').length, 999);
    assert.ok(many[999] instanceof CesedaError);
    assert.deepEqual([many[999].code, many[999].field], ['invalid_type', 'permit']);
    const table = quoteTable(requests);
    assert.equal(table.total.filter((t) => t === '225.00').length, 999);
    assert.deepEqual([table.error[999], table.errorField[999]], ['invalid_type', 'permit']);
    assert.equal(table.error.filter((e) => e !== null).length, 1);
    // The same batch as JSON text, through the core: row for row the same.
    const text = `[${requests.map((r) => JSON.stringify(r)).join(',')}]`;
    assert.deepEqual(JSON.parse(raw.quote_many_json(text, 'en')).map((a) => a.error?.code ?? a.quote.total), many.map((q) => q.code ?? q.total));
  });
  test('__proto__ and constructor keys are just unknown fields; nothing is polluted', () => {
    const polluting = JSON.parse('{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","__proto__":{"polluted":true}}');
    assert.equal(fails(() => quote(polluting), 'unknown_field').field, '__proto__');
    assert.equal(fails(() => quote({ ...V, constructor: 'x' }), 'unknown_field').field, 'constructor');
    assert.equal({}.polluted, undefined);
    const nullProto = Object.assign(Object.create(null), V);
    assert.equal(quote(nullProto).total, '225.00');
  });
  test('inherited and non-enumerable properties are not read', () => {
    const inherited = Object.create({ irregularEntry: 'not read' });
    Object.assign(inherited, V);
    Object.defineProperty(inherited, 'regime', { value: 'bogus', enumerable: false });
    assert.equal(quote(inherited).total, '225.00');
  });
});

describe('a hostile lang', () => {
  test('any value is refused by the core as an unknown lang, huge ones without reaching wasm whole', () => {
    for (const lang of ['x'.repeat(50_000_000), '\ud800', 'fr ', null, 0, {}, [], Symbol('en'), () => 'fr', 10n]) {
      for (const call of [() => quote(V, lang), () => quoteMany([V], lang), () => quoteTable([V], lang), () => renewalWindow({ permit: 'salarie', expiry: '2024-06-30' }, lang),
        () => history({ permit: 'visiteur', procedure: 'first_issue' }, lang)]) {
        const e = fails(call, 'unknown_code');
        assert.equal(e.field, 'lang');
        assert.ok(e.message.length < 1000);
      }
      assert.equal(JSON.parse(quoteJson(JSON.stringify(V), lang)).error.field, 'lang');
    }
    stillWorks();
  });
});

describe('huge and strange strings', () => {
  test('a value over the size limit: invalid_json, no allocation in wasm', () => {
    const e = fails(() => quote({ ...V, permit: 'x'.repeat(MAX_REQUEST_LENGTH) }), 'invalid_json');
    assert.match(e.message, /limit/);
    fails(() => quote({ ...V, permit: 'x'.repeat(50_000_000) }), 'invalid_json');
    const [item] = quoteMany([{ ...V, permit: 'x'.repeat(MAX_REQUEST_LENGTH + 1) }]);
    assert.equal(item.code, 'invalid_json');
    assert.equal(JSON.parse(quoteJson('"' + 'x'.repeat(50_000_000) + '"')).error.code, 'invalid_json');
    stillWorks();
  });
  test('a large value under the limit: the core truncates what it echoes', () => {
    const e = fails(() => quote({ ...V, permit: 'é'.repeat(400_000) }), 'unknown_code');
    assert.ok(Buffer.byteLength(e.value) <= 210, `value echoed whole: ${e.value.length}`);
    assert.ok(e.message.length < 10_000);
    const k = fails(() => quote({ ...V, ['k'.repeat(500_000)]: 1 }), 'unknown_field');
    assert.ok(k.field.length <= 210);
  });
  test('many keys', () => {
    const many = { ...V };
    for (let i = 0; i < 50_000; i++) many[`k${i}`] = i;
    fails(() => quote(many), 'unknown_field');
  });
  test('NUL, lone surrogates, emoji, RTL and control characters', () => {
    // A lone surrogate has no UTF-8 form: its JSON escape is refused by the core, as in quoteJson.
    for (const s of ['\ud800', 'a\udfffb']) {
      assert.equal(fails(() => quote({ ...V, permit: s }), 'invalid_json').field, null);
      assert.equal(JSON.parse(quoteJson(JSON.stringify({ ...V, permit: s }))).error.code, 'invalid_json');
    }
    for (const s of ['\u0000', '\ud83d\ude00', 'vis\u0000iteur', '😀', '\u202evisiteur', '\n\r\t\b\f', 'visiteur ', ' visiteur', 'VISITEUR', 'visiteur\u200b']) {
      const e = fails(() => quote({ ...V, permit: s }), 'unknown_code');
      assert.equal(typeof e.value, 'string');
      const d = fails(() => quote({ ...V, date: s }), 'invalid_date');
      assert.equal(d.field, 'date');
      const answer = JSON.parse(quoteJson(JSON.stringify({ ...V, permit: s })));
      assert.equal(answer.error.code, 'unknown_code');
    }
    assert.equal(JSON.parse(quoteJson('{"permit":"\\ud800","procedure":"first_issue","date":"2024-03-01"}')).error.code, 'invalid_json');
    stillWorks();
  });
  test('quoteJson with text that is not JSON', () => {
    for (const text of ['', ' ', 'null', 'nul', '{', '}', '{"permit":}', '{"a":1,}', "{'permit':'visiteur'}", '\ufeff{}', '1e400', '{"date":1e400}', '\u0000', 'NaN', '[]', '"x"', '{"permit":"visiteur"} trailing']) {
      const answer = JSON.parse(quoteJson(text));
      assert.equal(answer.type, 'failure', text);
      assert.ok(['invalid_json', 'missing_field', 'invalid_type', 'unknown_field'].includes(answer.error.code), `${text}: ${answer.error.code}`);
    }
  });
});

describe('random input', () => {
  // A small deterministic generator (no dependency): nested values of every JS type.
  let seed = 42;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = (a) => a[rnd(a.length)];
  const FIELDS = ['permit', 'procedure', 'date', 'regime', 'familyMember', 'family_member', 'irregularEntry', 'applicationDate', 'underlyingPermit', 'cardKind', 'zzz', '', '__proto__'];
  const STRINGS = ['visiteur', 'salarie', 'first_issue', 'renewal', 'duplicate', '2024-03-01', '2011-11-15', '2018-06-15', '2020-02-30', 'table_2016', 'spouse', 'csp', '', 'x'];
  function value(depth) {
    switch (rnd(depth > 2 ? 8 : 11)) {
      case 0: return null;
      case 1: return undefined;
      case 2: return rnd(2) === 0;
      case 3: return pick([0, -1, 1.5, Number.NaN, Infinity, 2 ** 60, -0]);
      case 4: case 5: case 6: return pick(STRINGS);
      case 7: return new Date(2000 + rnd(30), rnd(12), 1 + rnd(31));
      case 8: return [value(depth + 1), value(depth + 1)];
      case 9: return request(depth + 1);
      default: return pick([10n, Symbol('s'), () => 1]);
    }
  }
  function request(depth = 0) {
    const r = {};
    const n = rnd(7);
    if (rnd(3)) Object.assign(r, V);
    for (let i = 0; i < n; i++) r[pick(FIELDS)] = value(depth);
    return r;
  }

  test('5,000 random requests: a Quote or a CesedaError, the same from quote(), quoteMany() and quoteTable()', () => {
    const requests = Array.from({ length: 5000 }, () => (rnd(10) ? request() : value(0)));
    const many = quoteMany(requests);
    const table = quoteTable(requests);
    requests.forEach((r, i) => {
      const one = outcome(() => quote(r));
      if (one.ok) assert.deepEqual(many[i], one.value);
      else assert.equal(many[i].code, one.error.code);
      if (one.ok) assert.deepEqual([table.total[i], table.outcome[i], table.regime[i], table.error[i]], [one.value.total, one.value.outcome, one.value.regime, null]);
      else assert.deepEqual([table.total[i], table.error[i], table.errorField[i]], [null, one.error.code, one.error.field]);
    });
    stillWorks();
  });

  test('5,000 random strings through quoteJson(): always a JSON answer', () => {
    const alphabet = '{}[]":,0123456789.-eE truefalsnul\\u"permitvisiteurdate';
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const n = rnd(60);
      for (let j = 0; j < n; j++) s += alphabet[rnd(alphabet.length)];
      const answer = JSON.parse(quoteJson(s));
      assert.ok(answer.type === 'failure' || answer.type === 'success');
    }
    assert.ok(permits().length > 0);
    stillWorks();
  });
});
