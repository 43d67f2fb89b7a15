// Reforms: quote(request, { reform }) with the reform's TOML or JSON text, or an object; the
// same amounts as the core (examples/analysis/reform_2027.toml: visiteur 2027 is 400.00).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CesedaError, explain, history, quote, quoteMany, quoteTable, REPO } from './lib.mjs';

const SAMPLE = readFileSync(join(REPO, 'examples', 'analysis', 'reform_2027.toml'), 'utf8');
const AS_OBJECT = { name: 'reform_2027', amend: [{ from: '2027-01-01', rate: 'tax.first_issue.general', amount: '350' }] };
const VISITEUR = { permit: 'visiteur', procedure: 'first_issue', date: '2027-03-01' };

describe('reforms', () => {
  for (const [name, reform] of [['TOML text', SAMPLE], ['an object', AS_OBJECT], ['JSON text', JSON.stringify(AS_OBJECT)]]) {
    test(`the sample reform as ${name}: 350 + 50`, () => {
      const q = quote(VISITEUR, { reform });
      assert.equal(q.total, '400.00');
      assert.deepEqual(q.lines.map((l) => [l.component, l.amount, l.seed]), [['tax', '350.00', 'reform'], ['droit_de_timbre', '50.00', '004+lf_2026']]);
      assert.match(q.lines[0].seedRow, /reform_2027: tax.first_issue.general = 350.00 from 2027-01-01/);
      assert.ok(q.notes.some((n) => n.code === 'reform'));
    });
  }

  test('the law is unchanged without a reform, and lang still works', () => {
    assert.equal(quote(VISITEUR).total, '350.00');
    assert.equal(quote(VISITEUR, { lang: 'fr' }).total, '350.00');
    assert.match(explain(VISITEUR, { reform: SAMPLE, lang: 'fr' }), /400,00|400\.00/);
  });

  test('batches and history under the reform', () => {
    const requests = [VISITEUR, { ...VISITEUR, permit: 'salarie' }, { ...VISITEUR, date: '2026-06-01' }];
    assert.deepEqual(quoteTable(requests, { reform: SAMPLE }).total, ['400.00', '400.00', '350.00']);
    assert.deepEqual(quoteMany(requests, { reform: AS_OBJECT }).map((q) => q.total), ['400.00', '400.00', '350.00']);
    const h = history({ permit: 'visiteur', procedure: 'first_issue' }, { reform: SAMPLE });
    assert.deepEqual([h.periods.at(-1).from, h.periods.at(-1).total], ['2027-01-01', '400.00']);
  });

  test('an invalid reform is a CesedaError naming the key and the value', () => {
    const bad = { name: 'x', amend: [{ from: '2027-01-01', rate: 'stamp', amount: '-5' }] };
    assert.throws(() => quote(VISITEUR, { reform: bad }), (e) => e instanceof CesedaError && e.code === 'invalid_reform' && e.field === 'amend[0].amount' && e.value === '-5');
    const unknown = { name: 'x', amend: [{ from: '2027-01-01', permit: 'visitor', tax: 'reduced' }] };
    assert.throws(() => quote(VISITEUR, { reform: unknown }), (e) => e.code === 'invalid_reform' && e.field === 'amend[0].permit' && e.value === 'visitor');
    assert.throws(() => quote(VISITEUR, { reform: 'name = ' }), (e) => e.code === 'invalid_json');
    assert.throws(() => quote(VISITEUR, { reform: 42 }), (e) => e instanceof CesedaError && e.code === 'invalid_type' && e.field === 'reform');
    assert.throws(() => quoteTable([VISITEUR], { reform: bad }), (e) => e.code === 'invalid_reform');
  });
});
