// relevantFields(): the fields a form should ask for, from the core, with their labels; the
// fields it does not list never change a quote.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CesedaError, quote, relevantFields } from './lib.mjs';

const VISITEUR = { permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' };

describe('relevantFields()', () => {
  test('a first visiteur card asks about the visa de régularisation, not the sub-cases', () => {
    const r = relevantFields(VISITEUR);
    assert.equal(r.regime, 'table_2020');
    const names = r.fields.map((f) => f.name);
    assert.ok(names.includes('irregular_entry') && names.includes('application_date'), names.join());
    assert.ok(!names.includes('family_member') && !names.includes('card_kind'), names.join());
    const irregular = r.fields.find((f) => f.name === 'irregular_entry');
    assert.deepEqual([irregular.labelFr, irregular.labelEn, irregular.kind, irregular.group], ['Entrée ou séjour irréguliers', 'Irregular entry or stay', 'bool', 'circumstance']);
  });

  test('a renewal asks about lateness; family reunification asks who is reunited', () => {
    const renewal = relevantFields({ permit: 'salarie', procedure: 'renewal', date: new Date(2024, 2, 1) }).fields.map((f) => f.name);
    for (const f of ['previous_title_expiry', 'application_date', 'force_majeure', 'holds_valid_visa']) assert.ok(renewal.includes(f), f);
    const family = relevantFields({ permit: 'vpf_regroupement_familial', procedure: 'first_issue', date: '2024-03-01' }).fields;
    assert.equal(family.find((f) => f.name === 'family_member')?.vocabulary, 'family_member');
  });

  test('an unlisted field changes nothing; a listed one does (seed 004: 200 + 25, visa 200)', () => {
    assert.deepEqual(quote({ ...VISITEUR, cardKind: 'csp', familyMember: 'child' }), quote(VISITEUR));
    assert.equal(quote({ ...VISITEUR, irregularEntry: true }).total, '425.00');
  });

  test('errors as quote() gives them, in the language asked for, with the suggestion', () => {
    assert.throws(() => relevantFields({ ...VISITEUR, permit: 'visitor' }, 'fr'), (e) => {
      assert.ok(e instanceof CesedaError);
      assert.deepEqual([e.code, e.field, e.suggestion], ['unknown_code', 'permit', 'visiteur']);
      assert.match(e.message, /Vouliez-vous dire/);
      return true;
    });
    assert.throws(() => relevantFields({ ...VISITEUR, date: '2008-03-01' }), (e) => e.code === 'date_out_of_range' && e.field === 'date');
    assert.throws(() => relevantFields({ ...VISITEUR, cardKind: 'csp' }), (e) => e.code === 'unknown_field');
  });
});
