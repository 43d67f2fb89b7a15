// history(): a request's amounts on every day from 5 January 2009, as periods. The same
// request object as quote() (both spellings, Date objects) but without `date`; camelCase
// answers, money and dates as strings; errors thrown as CesedaError.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CesedaError, history, quote } from './lib.mjs';

const VISITEUR = { permit: 'visiteur', procedure: 'first_issue' };

/** The day before an ISO date, as an ISO date. */
const dayBefore = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('history()', () => {
  test('visiteur first_issue: eight periods from 5 January 2009, the last one open-ended', () => {
    const h = history(VISITEUR);
    assert.equal(h.permit, 'visiteur');
    assert.equal(h.procedure, 'first_issue');
    assert.deepEqual(h.periods.map((p) => p.from), ['2009-01-05', '2010-06-26', '2011-10-01', '2012-01-01', '2012-12-31', '2016-11-01', '2020-01-02', '2026-05-01']);
    assert.deepEqual(h.periods.map((p) => p.total), ['300.00', '340.00', '359.00', '368.00', '260.00', '269.00', '225.00', '350.00']);
    assert.equal(h.periods.at(-1).until, null);
    h.periods.slice(0, -1).forEach((p, i) => assert.equal(p.until, dayBefore(h.periods[i + 1].from), `period ${i}`));
    for (const p of h.periods) {
      assert.deepEqual(Object.keys(p), ['from', 'until', 'regimes', 'outcome', 'total', 'components', 'error']);
      assert.equal(p.outcome, 'amount_due');
      assert.equal(p.error, null);
      assert.ok(p.regimes.length > 0);
    }
    assert.deepEqual(h.periods[0].regimes, ['statute_2009_01_05']);
    assert.deepEqual(h.periods[6].components, [{ component: 'tax', amount: '200.00' }, { component: 'droit_de_timbre', amount: '25.00' }]);
  });

  test('each period is what quote() answers on its first day', () => {
    for (const p of history(VISITEUR).periods) {
      const q = quote({ ...VISITEUR, date: p.from });
      assert.equal(q.total, p.total, p.from);
      assert.ok(p.regimes.includes(q.regime), p.from);
    }
  });

  test('periods the core refuses carry the error: scientifique renewal', () => {
    const h = history({ permit: 'scientifique', procedure: 'renewal' });
    const errors = h.periods.filter((p) => p.error !== null);
    assert.deepEqual(errors.map((p) => [p.error.code, p.error.field]), [['missing_sub_case', 'card_validity'], ['permit_not_in_regime', 'permit']]);
    for (const p of errors) {
      assert.equal(p.total, null);
      assert.equal(p.outcome, null);
      assert.deepEqual(p.components, []);
      assert.deepEqual(Object.keys(p.error), ['code', 'field', 'message']);
    }
    assert.equal(h.periods.at(-1).error.code, 'permit_not_in_regime');
    assert.ok(h.periods.some((p) => p.error === null && p.total !== null));
    const fr = history({ permit: 'scientifique', procedure: 'renewal' }, 'fr');
    assert.notEqual(fr.periods.at(-1).error.message, h.periods.at(-1).error.message);
  });

  test('request keys: camelCase and snake_case give the same history; dates as strings or Date objects', () => {
    const rf = { permit: 'cr_regroupement_familial', procedure: 'first_issue' };
    assert.deepEqual(history({ ...rf, familyMember: 'spouse' }), history({ ...rf, family_member: 'spouse' }));
    const late = { permit: 'salarie', procedure: 'renewal' };
    const h = history({ ...late, previousTitleExpiry: new Date(2024, 0, 15), applicationDate: new Date(2024, 2, 1) });
    assert.deepEqual(h, history({ ...late, previous_title_expiry: '2024-01-15', application_date: '2024-03-01' }));
    // Decided before it was filed: refused; from the filing day on, the late renewal is charged.
    assert.deepEqual(h.periods.map((p) => [p.from, p.error?.code ?? null]), [['2009-01-05', 'invalid_sub_case'], ['2024-03-01', null], ['2026-05-01', null]]);
    assert.ok(h.periods[1].components.some((c) => c.component === 'late_renewal_charge'));
    assert.throws(() => history({ ...rf, familyMember: 'spouse', family_member: 'spouse' }), (e) => e instanceof CesedaError && e.code === 'invalid_json' && e.field === 'family_member');
  });

  test('a date is refused: unknown_field', () => {
    for (const date of ['2024-03-01', new Date(2024, 2, 1), null]) {
      assert.throws(() => history({ ...VISITEUR, date }), (e) => e instanceof CesedaError && e.code === 'unknown_field' && e.field === 'date' && !e.expected.includes('date'));
    }
  });

  test('a bad request throws a CesedaError as quote() does', () => {
    assert.throws(() => history({ ...VISITEUR, permit: 'visitor' }), (e) => e instanceof CesedaError && e.code === 'unknown_code' && e.field === 'permit' && e.suggestion === 'visiteur');
    assert.throws(() => history({ permit: 'visiteur' }), (e) => e.code === 'missing_field' && e.field === 'procedure');
    assert.throws(() => history({ ...VISITEUR, irregularEntry: 'yes' }), (e) => e.code === 'invalid_type' && e.field === 'irregular_entry');
    assert.throws(() => history(null), (e) => e.code === 'invalid_json');
    assert.throws(() => history(VISITEUR, 'de'), (e) => e.code === 'unknown_code' && e.field === 'lang');
    assert.throws(() => history({ permit: 'visiteur' }, 'fr'), (e) => e.message === 'champ obligatoire manquant : procedure');
  });

  test('each call returns fresh objects', () => {
    const a = history(VISITEUR);
    a.periods[0].total = 'changed';
    assert.equal(history(VISITEUR).periods[0].total, '300.00');
  });
});
