// The idiomatic API: camelCase both ways, snake_case requests, quoteJson verbatim, quoteMany, quoteTable,
// permits, regimes and the renewal window.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CesedaError, ERROR_CODES, MAX_REQUEST_LENGTH, VOCABULARIES, explain, permits, quote, quoteJson, quoteMany, quoteTable, regimes, renewalWindow,
} from './lib.mjs';

const VISITEUR = { permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' };

describe('quote()', () => {
  test('the README figure: a first visitor card in March 2024 is 225.00', () => {
    const q = quote(VISITEUR);
    assert.equal(q.total, '225.00');
    assert.equal(q.outcome, 'amount_due');
    assert.equal(q.regime, 'table_2020');
    assert.equal(q.date, '2024-03-01');
    assert.deepEqual(q.lines.map((l) => [l.component, l.amount, l.due]), [
      ['tax', '200.00', 'at_issue'],
      ['droit_de_timbre', '25.00', 'at_issue'],
    ]);
  });

  test('quote keys are camelCase, all the way down; values are the canonical codes', () => {
    const q = quote(VISITEUR);
    assert.deepEqual(Object.keys(q), ['regime', 'confidence', 'permit', 'procedure', 'date', 'outcome', 'lines', 'total', 'dueAtFiling', 'errata', 'notes']);
    assert.deepEqual(Object.keys(q.lines[0]).sort(), ['amount', 'basis', 'component', 'due', 'explanation', 'seed', 'seedRow'].sort());
    assert.deepEqual(Object.keys(q.lines[0].explanation).sort(), ['en', 'fr']);
    assert.equal(typeof q.total, 'string');
    assert.match(q.lines[0].seedRow, /Visiteur/);
  });

  test('request keys: camelCase and snake_case give the same quote, and can be mixed', () => {
    const camel = quote({ permit: 'salarie', procedure: 'first_issue', date: '2026-06-01', irregularEntry: true, applicationDate: '2026-05-15' });
    const snake = quote({ permit: 'salarie', procedure: 'first_issue', date: '2026-06-01', irregular_entry: true, application_date: '2026-05-15' });
    const mixed = quote({ permit: 'salarie', procedure: 'first_issue', date: '2026-06-01', irregular_entry: true, applicationDate: '2026-05-15' });
    assert.deepEqual(camel, snake);
    assert.deepEqual(camel, mixed);
    assert.equal(camel.total, '650.00');
    assert.ok(camel.lines.some((l) => l.component === 'visa_de_regularisation_filing' && l.due === 'at_filing'));
  });

  test('sub-case keys: familyMember, reunificationOnSite, underlyingPermit…', () => {
    const q = quote({ permit: 'cr_regroupement_familial', procedure: 'first_issue', date: '2011-11-15', familyMember: 'spouse' });
    assert.equal(q.outcome, 'amount_due');
    assert.throws(() => quote({ permit: 'cr_regroupement_familial', procedure: 'first_issue', date: '2011-11-15' }),
      (e) => e instanceof CesedaError && e.code === 'missing_sub_case' && e.field === 'family_member');
  });

  test('the same field under both spellings is refused', () => {
    assert.throws(() => quote({ ...VISITEUR, irregularEntry: true, irregular_entry: false }),
      (e) => e instanceof CesedaError && e.code === 'invalid_json' && e.field === 'irregular_entry');
  });

  test('undefined and null fields are absent', () => {
    assert.deepEqual(quote({ ...VISITEUR, regime: undefined, familyMember: null, irregularEntry: undefined }), quote(VISITEUR));
  });

  test('an unknown key is named as given', () => {
    assert.throws(() => quote({ ...VISITEUR, familyMembr: 'spouse' }),
      (e) => e.code === 'unknown_field' && e.field === 'familyMembr' && e.value === 'familyMembr' && e.expected.includes('family_member'));
  });

  test('a request for another regime than the date selects', () => {
    const q = quote({ ...VISITEUR, regime: 'table_2016' });
    assert.equal(q.regime, 'table_2016');
  });

  test('dueAtFiling: what is paid when the application is filed', () => {
    assert.equal(quote(VISITEUR).dueAtFiling, '0.00');
    const q = quote({ permit: 'salarie', procedure: 'first_issue', date: '2024-03-01', irregularEntry: true });
    assert.deepEqual([q.total, q.dueAtFiling], ['425.00', '50.00']);
  });

  test('total and dueAtFiling are null where the outcome is not an amount, "0.00" when exempt', () => {
    const vls = quote({ permit: 'vls_ts', procedure: 'first_issue', date: '2022-06-15' });
    assert.deepEqual([vls.outcome, vls.total, vls.dueAtFiling, vls.lines], ['same_as_replaced_title', null, null, []]);
    const given = quote({ permit: 'vls_ts', procedure: 'first_issue', date: '2022-06-15', underlyingPermit: 'visiteur' });
    assert.equal(typeof given.total, 'string');
  });

  test('lang: error messages in French or English; anything else is refused by name', () => {
    const bad = { ...VISITEUR, permit: 'visitor' };
    assert.throws(() => quote(bad, 'fr'), (e) => e.code === 'unknown_code' && /^permit inconnu/.test(e.message) && /Vouliez-vous dire « visiteur »/.test(e.message));
    assert.throws(() => quote(bad), (e) => /^unknown permit "visitor"/.test(e.message));
    for (const lang of ['de', 'FR', '', null, 1, {}, Symbol('fr')]) {
      assert.throws(() => quote(VISITEUR, lang), (e) => e instanceof CesedaError && e.code === 'unknown_code' && e.field === 'lang', String(typeof lang));
    }
    assert.equal(quote(VISITEUR, 'fr').total, '225.00');
  });
});

describe('explain()', () => {
  test('the quote as plain text, in English by default, or in French', () => {
    assert.match(explain(VISITEUR), /^visiteur — first_issue — 2024-03-01\n/);
    assert.match(explain(VISITEUR), /total\s+225\.00 €\s+\(amount due\)/);
    assert.match(explain(VISITEUR, 'fr'), /\(montant dû\)/);
    assert.match(explain({ ...VISITEUR, date: new Date(2024, 2, 1), irregularEntry: true }, 'en'), /visa_de_regularisation_filing/);
  });

  test('a refused request or a bad lang throws a CesedaError', () => {
    assert.throws(() => explain({ ...VISITEUR, date: '2008-06-15' }, 'fr'), (e) => e instanceof CesedaError && e.code === 'date_out_of_range' && /en dehors/.test(e.message));
    assert.throws(() => explain(VISITEUR, 'de'), (e) => e.code === 'unknown_code' && e.field === 'lang');
    assert.throws(() => explain(null), (e) => e.code === 'invalid_json');
  });
});

describe('CesedaError', () => {
  test('is an Error with code, field, value, expected and the core message', () => {
    let error;
    try {
      quote({ ...VISITEUR, permit: 'visitor' });
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof CesedaError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'CesedaError');
    assert.equal(error.code, 'unknown_code');
    assert.equal(error.field, 'permit');
    assert.equal(error.value, 'visitor');
    assert.ok(error.expected.includes('visiteur'));
    assert.match(error.message, /^unknown permit "visitor"/);
    assert.ok(ERROR_CODES.includes(error.code));
    assert.match(String(error.stack), /CesedaError/);
  });

  test('toJSON() is the canonical error record', () => {
    const answer = JSON.parse(quoteJson(JSON.stringify({ ...VISITEUR, permit: 'visitor' })));
    try {
      quote({ ...VISITEUR, permit: 'visitor' });
      assert.fail('no error');
    } catch (e) {
      assert.deepEqual(e.toJSON(), answer.error);
      assert.equal(JSON.stringify(e), JSON.stringify(answer.error));
    }
  });

  test('suggestion: the closest accepted code, or null', () => {
    assert.throws(() => quote({ ...VISITEUR, permit: 'visitor' }), (e) => e.suggestion === 'visiteur' && e.toJSON().suggestion === 'visiteur');
    assert.throws(() => quote({ ...VISITEUR, date: '2008-06-15' }), (e) => e.suggestion === null && !('suggestion' in e.toJSON()));
  });

  test('expected is an empty array and value null when the core gives none', () => {
    try {
      quote({ permit: 'visiteur', procedure: 'first_issue' });
      assert.fail('no error');
    } catch (e) {
      assert.equal(e.code, 'missing_field');
      assert.equal(e.field, 'date');
      assert.equal(e.value, null);
      assert.deepEqual(e.expected, []);
      assert.equal('expected' in e.toJSON(), false);
    }
  });
});

describe('quoteJson()', () => {
  test('speaks the canonical snake_case contract verbatim', () => {
    const text = quoteJson(JSON.stringify(VISITEUR));
    assert.equal(typeof text, 'string');
    const answer = JSON.parse(text);
    assert.equal(answer.type, 'success');
    assert.equal(answer.quote.total, '225.00');
    assert.ok('seed_row' in answer.quote.lines[0]);
  });

  test('lang: messages in French', () => {
    const answer = JSON.parse(quoteJson('{"permit":"visiteur"}', 'fr'));
    assert.equal(answer.error.message, 'champ obligatoire manquant : procedure');
    assert.equal(JSON.parse(quoteJson(JSON.stringify(VISITEUR), 'de')).error.field, 'lang');
  });

  test('camelCase keys are unknown fields there', () => {
    const answer = JSON.parse(quoteJson(JSON.stringify({ ...VISITEUR, irregularEntry: true })));
    assert.equal(answer.type, 'failure');
    assert.equal(answer.error.code, 'unknown_field');
    assert.equal(answer.error.field, 'irregularEntry');
  });

  test('never throws: non-strings and oversized text are invalid_json answers', () => {
    for (const input of [undefined, null, 42, {}, [], Symbol('x'), () => 1, 10n]) {
      const answer = JSON.parse(quoteJson(input));
      assert.equal(answer.type, 'failure');
      assert.equal(answer.error.code, 'invalid_json');
      assert.equal(answer.error.field, null);
    }
    const answer = JSON.parse(quoteJson(' '.repeat(MAX_REQUEST_LENGTH + 1)));
    assert.equal(answer.error.code, 'invalid_json');
    assert.match(answer.error.message, /limit/);
  });
});

describe('quoteMany()', () => {
  test('one item per request, in order: a Quote or a CesedaError', () => {
    const results = quoteMany([VISITEUR, { ...VISITEUR, permit: 'visitor' }, null, { ...VISITEUR, date: new Date(2024, 2, 1) }]);
    assert.equal(results.length, 4);
    assert.equal(results[0].total, '225.00');
    assert.ok(results[1] instanceof CesedaError);
    assert.equal(results[1].code, 'unknown_code');
    assert.ok(results[2] instanceof CesedaError);
    assert.equal(results[2].code, 'invalid_json');
    assert.deepEqual(results[3], results[0]);
  });

  test('an empty batch is an empty array', () => {
    assert.deepEqual(quoteMany([]), []);
  });

  test('a large batch keeps its order across chunks and matches quote()', () => {
    const requests = [];
    for (let i = 0; i < 2500; i++) {
      requests.push(i % 7 === 3 ? { ...VISITEUR, date: '2008-06-15' } : { permit: i % 2 ? 'salarie' : 'visiteur', procedure: 'first_issue', date: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`, irregularEntry: i % 3 === 0 });
    }
    const results = quoteMany(requests);
    assert.equal(results.length, requests.length);
    results.forEach((r, i) => {
      if (i % 7 === 3) {
        assert.ok(r instanceof CesedaError && r.code === 'date_out_of_range', `item ${i}`);
      } else {
        assert.deepEqual(r, quote(requests[i]), `item ${i}`);
      }
    });
  });

  test('requests that cannot be serialised fail alone', () => {
    const cyclic = { ...VISITEUR };
    cyclic.self = cyclic;
    const results = quoteMany([VISITEUR, cyclic, VISITEUR]);
    assert.equal(results[0].total, '225.00');
    // A key that is no field is refused whatever it holds (as in Python): the cycle is never read.
    assert.deepEqual([results[1].code, results[1].field], ['unknown_field', 'self']);
    assert.equal(results[2].total, '225.00');
  });

  test('a batch that is not an array throws invalid_json', () => {
    for (const input of [undefined, null, 1, 'abc', VISITEUR, new Set([VISITEUR])]) {
      assert.throws(() => quoteMany(input), (e) => e instanceof CesedaError && e.code === 'invalid_json');
    }
  });

  test('one bad request never fails the batch: 999 good ones and one nested deeper than the core parses', () => {
    let deep = 'x';
    for (let i = 0; i < 300; i++) deep = [deep];
    for (const bad of [{ ...VISITEUR, regime: deep }, deep, { ...VISITEUR, permit: 'visitor' }, 'garbage', 42]) {
      const results = quoteMany([...Array(999).fill(VISITEUR), bad]);
      assert.equal(results.length, 1000);
      assert.ok(results.slice(0, 999).every((r) => r.total === '225.00'));
      assert.ok(results[999] instanceof CesedaError, String(results[999]));
      const table = quoteTable([VISITEUR, bad, ...Array(998).fill(VISITEUR)]);
      assert.equal(table.total.filter((t) => t === '225.00').length, 999);
      assert.equal(table.error[1], results[999].code);
    }
  });

  test('lang: messages of the items; a bad lang throws for the whole batch', () => {
    const [item] = quoteMany([{ ...VISITEUR, date: '2008-06-15' }], 'fr');
    assert.match(item.message, /en dehors de toute période couverte/);
    assert.throws(() => quoteMany([VISITEUR], 'de'), (e) => e instanceof CesedaError && e.field === 'lang');
    assert.deepEqual(quoteMany([], 'de'), []);
  });
});

describe('quoteTable()', () => {
  test('the README example: columns with camelCase keys, null where a request failed or a charge is absent', () => {
    const table = quoteTable([VISITEUR, { ...VISITEUR, permit: 'visitor' }, { permit: 'salarie', procedure: 'first_issue', date: new Date(2024, 2, 1), irregular_entry: true }]);
    assert.deepEqual(table, {
      total: ['225.00', null, '425.00'],
      tax: ['200.00', null, '200.00'],
      droitDeTimbre: ['25.00', null, '25.00'],
      duplicateSurcharge: ['0.00', null, '0.00'],
      visaDeRegularisationFiling: ['0.00', null, '50.00'],
      visaDeRegularisationBalance: ['0.00', null, '150.00'],
      lateRenewalCharge: ['0.00', null, '0.00'],
      dcemTax: ['0.00', null, '0.00'],
      travelDocumentTax: ['0.00', null, '0.00'],
      dueAtFiling: ['0.00', null, '50.00'],
      outcome: ['amount_due', null, 'amount_due'],
      regime: ['table_2020', null, 'table_2020'],
      error: [null, 'unknown_code', null],
      errorField: [null, 'permit', null],
      errorMessage: [null, table.errorMessage[1], null],
    });
    assert.match(table.errorMessage[1], /^unknown permit "visitor"; expected one of: visiteur, /);
  });

  test('a quote that is not an amount has null in every money column', () => {
    const table = quoteTable([{ permit: 'vls_ts', procedure: 'first_issue', date: '2022-06-15' }]);
    assert.deepEqual([table.total[0], table.tax[0], table.dueAtFiling[0], table.outcome[0], table.error[0]], [null, null, null, 'same_as_replaced_title', null]);
  });

  test('lang: error messages in French; a bad lang throws', () => {
    const table = quoteTable([VISITEUR, { permit: 'visiteur' }], 'fr');
    assert.deepEqual(table.errorMessage, [null, 'champ obligatoire manquant : procedure']);
    assert.throws(() => quoteTable([VISITEUR], 'es'), (e) => e instanceof CesedaError && e.field === 'lang');
  });
});

describe('catalogues', () => {
  test('VOCABULARIES: every code with its French and English labels, frozen', () => {
    assert.deepEqual(VOCABULARIES.procedure.map((e) => e.code), ['first_issue', 'renewal', 'duplicate', 'renewal_without_expired_title', 'change_of_details']);
    assert.deepEqual(VOCABULARIES.component.find((e) => e.code === 'droit_de_timbre'), { code: 'droit_de_timbre', labelFr: 'Droit de timbre', labelEn: 'Stamp duty' });
    assert.deepEqual(VOCABULARIES.errorCode.map((e) => e.code), [...ERROR_CODES]);
    const list = permits();
    assert.deepEqual(VOCABULARIES.document.map((e) => [e.code, e.labelFr, e.labelEn]), list.map((p) => [p.code, p.labelFr, p.labelEn]));
    assert.deepEqual(VOCABULARIES.permit.map((e) => e.code), list.filter((p) => p.kind === 'permit').map((p) => p.code));
    assert.deepEqual(VOCABULARIES.regime.map((e) => e.code), regimes().map((r) => r.id));
    assert.ok(new Set(list.map((p) => p.family)).size > 2);
    for (const p of list) assert.ok(p.family === null || VOCABULARIES.permitFamily.some((e) => e.code === p.family), p.family);
    assert.ok(Object.isFrozen(VOCABULARIES) && Object.isFrozen(VOCABULARIES.outcome) && Object.isFrozen(VOCABULARIES.outcome[0]));
  });

  test('permits(): codes, camelCase keys, printed rows keyed by regime id', () => {
    const list = permits();
    assert.ok(list.length > 80);
    const visiteur = list.find((p) => p.code === 'visiteur');
    assert.equal(visiteur.kind, 'permit');
    assert.equal(visiteur.labelFr, 'Visiteur');
    assert.equal(visiteur.articleSince2021, 'L. 426-20');
    assert.deepEqual(Object.keys(visiteur.printedRows).sort(), ['statute_2009_01_05', 'statute_2010_06_26', 'statute_2011_01_01', 'statute_2011_02_12', 'table_2011', 'statute_2012_01_01', 'statute_2012_12_31', 'statute_2013_01_01', 'statute_2014_01_01', 'statute_2014_08_06', 'table_2016', 'table_2020', 'lf_2026'].sort());
    assert.ok(list.some((p) => p.kind === 'travel_document' && p.family === null));
    assert.equal(new Set(list.map((p) => p.code)).size, list.length);
  });

  test('regimes(): oldest first, camelCase keys', () => {
    const list = regimes();
    assert.deepEqual(list.map((r) => r.id), ['statute_2009_01_05', 'statute_2010_06_26', 'statute_2011_01_01', 'statute_2011_02_12', 'table_2011', 'statute_2012_01_01', 'statute_2012_12_31', 'statute_2013_01_01', 'statute_2014_01_01', 'statute_2014_08_06', 'table_2016', 'table_2020', 'lf_2026']);
    assert.equal(list[0].validFrom, '2009-01-05');
    assert.equal(list.find((r) => r.id === 'table_2011').validFrom, '2011-10-01');
    assert.equal(list.at(-1).validUntil, null);
    assert.equal(list[0].selectedBy, 'decision_date');
    assert.ok(list.every((r) => r.sources.length > 0 && 'inForceFrom' in r.sources[0] && 'amendedBy' in r.sources[0]));
  });

  test('each call returns fresh objects', () => {
    const a = permits();
    a[0].code = 'changed';
    assert.notEqual(permits()[0].code, 'changed');
  });
});

describe('renewalWindow()', () => {
  test('R. 431-5 online window, camelCase keys both ways', () => {
    const w = renewalWindow({ permit: 'salarie', expiry: '2024-06-30', filingDate: '2024-03-01', onlineApplication: true });
    assert.equal(w.rule, 'r431_5_online');
    assert.equal(w.opens, '2024-03-02');
    assert.equal(w.closes, '2024-05-01');
    assert.equal(w.ruleDate, '2024-03-01');
    assert.equal(w.late, false);
    assert.ok('recommendedFrom' in w && 'recommendedUntil' in w);
    // Filed the day before the 120th day: early, not on time.
    assert.equal(w.status, 'early');
    assert.equal(w.lateAfter, '2024-05-01');
    assert.deepEqual([w.recommendedFrom, w.recommendedFromBasis, w.recommendedUntil], ['2024-03-02', 'CESEDA R. 431-5', '2024-03-30']);
  });

  test('snake_case keys and Date objects are accepted; late only with a filing date', () => {
    const w = renewalWindow({ permit: 'salarie', expiry: new Date(2024, 5, 30), filing_date: new Date(2024, 6, 10) });
    assert.equal(w.expiry, '2024-06-30');
    assert.equal(w.late, true);
    assert.equal(w.status, 'late');
    assert.equal('late' in renewalWindow({ permit: 'salarie', expiry: '2024-06-30' }), false);
    assert.equal('status' in renewalWindow({ permit: 'salarie', expiry: '2024-06-30' }), false);
  });

  test('errors are CesedaErrors', () => {
    assert.throws(() => renewalWindow({ permit: 'salarie' }), (e) => e.code === 'missing_field' && e.field === 'expiry');
    assert.throws(() => renewalWindow({ permit: 'dcem', expiry: '2024-06-30' }), (e) => e.code === 'unknown_code' && e.field === 'permit');
    assert.throws(() => renewalWindow({ permit: 'salarie', expiry: '2024-06-30', procedure: 'renewal' }), (e) => e.code === 'unknown_field');
    assert.throws(() => renewalWindow(null), (e) => e.code === 'invalid_json');
    assert.throws(() => renewalWindow({ permit: 'salarie', expiry: '2024-06-31' }), (e) => e.code === 'invalid_date');
    assert.throws(() => renewalWindow({ permit: 'salarie' }, 'fr'), (e) => e.message === 'champ obligatoire manquant : expiry');
    assert.throws(() => renewalWindow({ permit: 'salarie', expiry: '2024-06-30' }, 'it'), (e) => e.field === 'lang');
  });
});
