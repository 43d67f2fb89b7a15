// ceseda/pricing, the pricing-only module: total(), amounts() and the typed-array batch
// priceColumns() against the full module's quote() over many requests (every seed cell, a
// generated mix of sub-cases, circumstances and dates, and refusals of every kind); refusals
// carry the core's code, field, value and expected values, and once the full module is in
// use, its very error. The module itself stays small (the floor: 80 KB gzipped).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import * as full from './lib.mjs';
import { CesedaError, PKG_DIR, camelRequest, quote, seedCells } from './lib.mjs';
import * as pricing from '../pkg/pricing-node.js';

const { ABSENT, ANSWERS, CODES, CODE_IDS, FIELDS, NONE8, NONE16, amounts, dayOf, priceColumns, total } = pricing;

/** A small deterministic generator (xorshift), so that a failure names its seed and index. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];

const DATES = ['2009-01-05', '2010-06-26', '2011-10-01', '2012-06-01', '2014-05-01', '2016-11-01', '2018-03-01', '2020-01-01', '2021-05-01', '2024-03-01', '2026-01-01', '2026-06-01', '2008-01-01'];

/** Requests as a user writes them: mostly valid, some with rare fields, some refused. */
function generated(count, seed) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const q = { permit: pick(r, CODES.document), procedure: pick(r, CODES.procedure), date: pick(r, DATES) };
    const p = r();
    if (p < 0.3) q.irregular_entry = r() < 0.5;
    if (r() < 0.2) q.card_kind = pick(r, CODES.card_kind);
    if (r() < 0.2) q.card_validity = pick(r, CODES.card_validity);
    if (r() < 0.15) q.family_member = pick(r, CODES.family_member);
    if (r() < 0.05) q.previous_title_expiry = pick(r, DATES);
    if (r() < 0.05) q.force_majeure = true;
    if (r() < 0.05) q.regime = pick(r, CODES.regime);
    if (r() < 0.04) q.underlying_permit = pick(r, CODES.permit);
    if (r() < 0.04) q.eu_status = pick(r, CODES.eu_status);
    if (r() < 0.03) q.application_date = pick(r, DATES);
    if (r() < 0.03) q.violence_victim = true;
    if (r() < 0.03) q.algerian_national = r() < 0.5;
    if (r() < 0.03) q.online_application = true;
    // Refusals of every kind this side or the core answers.
    const bad = r();
    if (bad < 0.02) q.permit = 'visitor';
    else if (bad < 0.03) q.date = '2024-02-30';
    else if (bad < 0.04) q.date = '24-03-01';
    else if (bad < 0.05) delete q.procedure;
    else if (bad < 0.06) q.irregular_entry = 'yes';
    else if (bad < 0.07) q.card_kind = 3;
    else if (bad < 0.075) q.colour = 'blue';
    else if (bad < 0.08) q.date = '1899-12-31';
    out.push(r() < 0.5 ? camelRequest(q) : q);
  }
  return out;
}

/** quote()'s answer to a request: its total, or its CesedaError. */
function expected(request, lang = 'en') {
  try {
    return { total: quote(request, lang).total };
  } catch (e) {
    if (!(e instanceof CesedaError)) throw e;
    return { error: e };
  }
}

function actual(fn) {
  try {
    return { total: fn() };
  } catch (e) {
    if (!(e instanceof CesedaError)) throw e;
    return { error: e };
  }
}

/** The members the pricing module's refusals carry before the full module is in use. */
const core = (e) => ({ code: e.code, field: e.field, value: e.value, expected: e.expected });

function checkAgainstQuote(requests, label) {
  let refused = 0;
  requests.forEach((request, i) => {
    const want = expected(request);
    const got = actual(() => total(request));
    const where = `${label} #${i}: ${JSON.stringify(request)}`;
    if (want.error) {
      refused++;
      assert.ok(got.error, `${where}: quote() refuses (${want.error.code}), total() answered ${got.total}`);
      assert.deepEqual(core(got.error), core(want.error), where);
    } else {
      assert.equal(got.error, undefined, `${where}: ${got.error?.code} ${got.error?.field}`);
      assert.equal(got.total, want.total, where);
    }
  });
  return refused;
}

describe('total() equals quote().total', () => {
  test('on every seed cell (snake_case and camelCase)', () => {
    const cells = seedCells().map((c) => c.request);
    checkAgainstQuote(cells, 'seed');
    checkAgainstQuote(cells.map(camelRequest), 'seed camel');
    assert.equal(total({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' }), '225.00');
    assert.equal(total({ permit: 'salarie', procedure: 'first_issue', date: '2024-03-01', irregularEntry: true }), '425.00');
  });

  test('on 6,000 generated requests, refusals included, with code, field, value and expected', () => {
    const refused = checkAgainstQuote(generated(6000, 11), 'generated');
    assert.ok(refused > 300, `only ${refused} refusals generated`);
  });

  test('past the compiled table\'s build point (thousands of requests on one day)', () => {
    const r = rng(5);
    const requests = Array.from({ length: 6000 }, () => ({ permit: pick(r, CODES.document), procedure: pick(r, CODES.procedure), date: '2026-06-01', irregularEntry: r() < 0.3 }));
    checkAgainstQuote(requests, 'one day');
  });

  test('odd input is read as quote() reads it', () => {
    const V = { permit: 'visiteur', procedure: 'first_issue' };
    const odd = [
      null, undefined, 5, 'visiteur', [], [V], new Date(2024, 2, 1),
      { ...V, date: new Date(2024, 2, 1) },
      { ...V, date: new Date(Number.NaN) },
      { ...V, date: '2024-03-01', irregularEntry: null },
      { ...V, date: '2024-03-01', irregularEntry: undefined, colour: undefined },
      { ...V, date: '2024-03-01', familyMember: 'spouse', family_member: 'child' },
      { ...V, date: '2024-03-01', zeta: 1, alpha: 2 },
      { ...V, date: '2024-03-01', irregular_entry: Number.NaN },
      { ...V, date: '2024-03-01', card_kind: () => 1 },
      { ...V, date: '2024-03-01', card_kind: { toJSON: () => 'csp' } },
      { ...V, date: 20240301 },
      { ...V, date: ['2024-03-01'] },
      { procedure: 'first_issue' },
      {},
      { ...V, date: '2024-03-01', permit: 'x'.repeat(500) },
      Object.assign(Object.create({ inherited: 1 }), { ...V, date: '2024-03-01' }),
      // A lone surrogate: the core cannot parse the text (invalid_json, before any field).
      { ...V, date: '2024-03-01', permit: '\ud800' },
      { ...V, date: '2024-03-01', '\udc00': 1 },
      { ...V, date: '2024-03-01', card_kind: ['\ud800'], colour: 1 },
    ];
    checkAgainstQuote(odd, 'odd');
  });

  test('a bad lang is refused first, as quote() refuses it', () => {
    for (const lang of ['de', 5, null]) {
      const want = expected({ permit: 'visitor', procedure: 'first_issue', date: '2024-03-01' }, lang);
      const got = actual(() => total({ permit: 'visitor', procedure: 'first_issue', date: '2024-03-01' }, lang));
      assert.deepEqual(core(got.error), core(want.error), String(lang));
    }
  });

  test('amounts() is what quote() itemises', () => {
    for (const request of generated(500, 3)) {
      let q;
      try {
        q = quote(request);
      } catch {
        continue;
      }
      const a = amounts(request);
      assert.equal(a.total, q.total);
      assert.equal(a.dueAtFiling, q.dueAtFiling);
      assert.equal(a.outcome, q.outcome);
      assert.equal(a.regime, q.regime);
      const sums = new Map();
      for (const line of q.lines) sums.set(line.component, (sums.get(line.component) ?? 0) + Math.round(Number(line.amount) * 100));
      for (const c of CODES.component) {
        const key = c.replace(/_([a-z0-9])/g, (_, x) => x.toUpperCase());
        const cents = sums.get(c) ?? 0;
        assert.equal(a[key], q.total === null ? null : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, `${c} of ${JSON.stringify(request)}`);
      }
    }
  });
});

test('dayOf() reads every ISO date as the core does (1900–2200, real calendar days), and nothing else', () => {
  let checked = 0;
  for (let y = 1899; y <= 2201; y++) {
    for (let m = 0; m <= 13; m++) {
      for (let d = 0; d <= 32; d++) {
        const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const at = new Date(Date.UTC(y, m - 1, d));
        const real = y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && at.getUTCDate() === d && at.getUTCMonth() === m - 1;
        assert.equal(dayOf(s), real ? Math.round(at.getTime() / 86400000) : undefined, s);
        checked++;
      }
    }
  }
  assert.ok(checked > 100000);
  for (const s of ['2024-3-01', '+024-03-01', '2024-03-01 ', '2024/03/01', '２０２４-03-01', '', null, 19783]) assert.equal(dayOf(s), undefined, String(s));
});

describe('priceColumns(): the typed-array batch', () => {
  const requests = generated(4000, 29).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])));

  /** The requests as columns of ids, for those this encoding can state (codes known, dates valid). */
  function columnsOf(list) {
    const used = [...new Set(list.flatMap((r) => Object.keys(r)))].filter((f) => FIELDS.includes(f));
    const cols = Object.fromEntries(used.map((f) => [f, f.endsWith('date') || f.endsWith('_on') || f.endsWith('expiry') ? new Int32Array(list.length).fill(ABSENT) : new Int16Array(list.length).fill(-1)]));
    list.forEach((r, i) => {
      for (const f of used) {
        const v = r[f];
        if (v === undefined) continue;
        const vocabulary = { permit: 'document', procedure: 'procedure', regime: 'regime', family_member: 'family_member', card_kind: 'card_kind', card_validity: 'card_validity', admission_card: 'admission_card', underlying_permit: 'permit', previous_permit: 'permit', eu_status: 'eu_status' }[f];
        if (cols[f] instanceof Int32Array) cols[f][i] = dayOf(v) ?? ABSENT;
        else if (vocabulary) cols[f][i] = CODE_IDS[vocabulary].get(v) ?? 999;
        else cols[f][i] = v === true ? 1 : v === false ? 0 : 7;
      }
    });
    return cols;
  }

  test('every row is what quote() answers for it (amounts, outcome, regime; refusals\' code and field)', () => {
    // Rows this encoding cannot state exactly (an unknown field, a malformed date) are left out.
    const stated = requests.filter((r) => Object.keys(r).every((k) => FIELDS.includes(k)) && ['date', 'application_date', 'previous_title_expiry'].every((f) => r[f] === undefined || dayOf(r[f]) !== undefined));
    const out = priceColumns(columnsOf(stated));
    assert.equal(out.answer.length, stated.length);
    let refused = 0;
    stated.forEach((r, i) => {
      const want = expected(r);
      const where = `row ${i}: ${JSON.stringify(r)}`;
      if (want.error) {
        refused++;
        assert.equal(out.answer[i], NONE16, where);
        assert.equal(out.outcome[i], NONE8, where);
        assert.equal(CODES.error_code[out.error[i]], want.error.code === 'invalid_type' || want.error.code === 'unknown_code' ? CODES.error_code[out.error[i]] : want.error.code, where);
        assert.equal(out.errors[out.errorIndex[i]].code, CODES.error_code[out.error[i]], where);
        if (!['invalid_type', 'unknown_code'].includes(want.error.code)) {
          assert.equal(FIELDS[out.errorField[i]] ?? null, want.error.field, where);
          assert.deepEqual(core(out.errors[out.errorIndex[i]]), core(want.error), where);
        }
      } else {
        const q = quote(r);
        const a = ANSWERS[out.answer[i]];
        assert.equal(out.error[i], NONE8, where);
        assert.equal(a.total, q.total, where);
        assert.equal(a.dueAtFiling, q.dueAtFiling, where);
        assert.equal(a.regime, q.regime, where);
        assert.equal(CODES.outcome[out.outcome[i]], q.outcome, where);
        assert.equal(a, amounts(r), where);
      }
    });
    assert.ok(refused > 100, `only ${refused} refused rows`);
  });

  test('unsigned columns: the type\'s largest value is absent; an id out of range is unknown_code', () => {
    const out = priceColumns({
      permit: Uint16Array.of(CODE_IDS.document.get('visiteur'), CODE_IDS.document.get('salarie'), 999, 0xffff),
      procedure: Uint8Array.of(0, 0, 0, 0),
      date: Int32Array.of(dayOf('2024-03-01'), dayOf('2024-03-01'), dayOf('2024-03-01'), dayOf('2024-03-01')),
      irregularEntry: Uint8Array.of(0xff, 1, 0, 0),
    });
    assert.equal(ANSWERS[out.answer[0]].total, '225.00');
    assert.equal(ANSWERS[out.answer[1]].total, '425.00');
    assert.equal(ANSWERS[out.answer[1]].visaDeRegularisationFiling, '50.00');
    assert.deepEqual([CODES.error_code[out.error[2]], FIELDS[out.errorField[2]]], ['unknown_code', 'permit']);
    assert.deepEqual([CODES.error_code[out.error[3]], FIELDS[out.errorField[3]]], ['missing_field', 'permit']);
  });

  test('an unknown column is refused as an unknown field', () => {
    assert.throws(() => priceColumns({ colour: new Uint8Array(1) }), (e) => e instanceof CesedaError && e.code === 'unknown_field');
  });
});

describe('the pricing module is small and loads the full one only on demand', () => {
  test('pricing_bg.wasm is at most 80 KB gzipped (the floor; the goal is 60 KB)', () => {
    const gz = gzipSync(readFileSync(join(PKG_DIR, 'wasm', 'pricing_bg.wasm')), { level: 9 }).length;
    assert.ok(gz <= 80 * 1024, `${gz} bytes gzipped`);
  });

  test('its code imports neither the full module nor its glue', () => {
    for (const file of ['pricing-api.js', 'pricing-node.js', 'pricing.js', 'ids.js', 'error.js']) {
      const text = readFileSync(join(PKG_DIR, file), 'utf8');
      assert.doesNotMatch(text, /from '\.\/(api|index|node)\.js'|wasm\/ceseda/, file);
    }
  });

  test('with the full module in use, a refusal is its very error (message and suggestion)', async () => {
    const m = await pricing.loadFull();
    assert.equal(typeof m.quote, 'function');
    for (const request of generated(1500, 41)) {
      const want = expected(request, 'fr');
      const got = actual(() => total(request, 'fr'));
      if (want.error) assert.deepEqual(got.error.toJSON(), want.error.toJSON(), JSON.stringify(request));
      else assert.equal(got.total, want.total);
    }
    const e = actual(() => total({ permit: 'visitor', procedure: 'first_issue', date: '2024-03-01' })).error;
    assert.equal(e.suggestion, 'visiteur');
    pricing.useFull(full);
  });
});
