// Replays every cell of crates/ceseda/tests/vectors/seed_cells.json through the idiomatic API
// (camelCase keys), and checks that quoteMany and quoteJson give the same answers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { camel, camelRequest, cents, components, expectedTotal, quote, quoteJson, quoteMany, seedCells } from './lib.mjs';

const cells = seedCells();

// The fixture lists a cell's own misprints: errata whose column is a procedure. Errata about a
// table note (column "note") or a whole row also touch the quote but are not the cell's; the
// Rust and Python replays leave them out too.
const PROCEDURES = new Set(JSON.parse(quoteJson('{"permit":"visiteur","procedure":"?","date":"2024-03-01"}')).error.expected);
const cellErrata = (q) => q.errata.filter((e) => PROCEDURES.has(e.column)).map((e) => e.id);

function check(cell, q) {
  const { expected } = cell;
  assert.equal(q.outcome, expected.outcome, 'outcome');
  assert.equal(q.total, expectedTotal(cell), 'total');
  assert.deepEqual(components(q), expected.components, 'components');
  assert.deepEqual(cellErrata(q), expected.errata, 'errata');
  if (q.total === null) {
    assert.equal(q.dueAtFiling, null, 'dueAtFiling is null with the total');
    assert.deepEqual(q.lines, [], 'no lines without a total');
  } else {
    assert.equal(cents(q.total), q.lines.reduce((sum, l) => sum + cents(l.amount), 0), 'total is the sum of the lines');
    const atFiling = q.lines.filter((l) => l.due === 'at_filing').reduce((sum, l) => sum + cents(l.amount), 0);
    assert.equal(cents(q.dueAtFiling), atFiling, 'dueAtFiling is the sum of the lines due at filing');
  }
}

describe('seed cells', () => {
  test('the vectors are there', () => {
    assert.ok(cells.length > 500, `only ${cells.length} cells`);
    assert.equal(new Set(cells.map((c) => c.id)).size, cells.length, 'ids are unique');
    assert.deepEqual([...PROCEDURES].sort(), ['change_of_details', 'duplicate', 'first_issue', 'renewal', 'renewal_without_expired_title']);
  });

  for (const cell of cells) {
    test(cell.id, () => check(cell, quote(camelRequest(cell.request))));
  }
});

describe('seed cells through the other entry points', () => {
  test('quote() with the canonical snake_case request gives the same quote', () => {
    for (const cell of cells) {
      assert.deepEqual(quote(cell.request), quote(camelRequest(cell.request)), cell.id);
    }
  });

  test('quoteMany() answers every cell in order, as quote() does', () => {
    const results = quoteMany(cells.map((c) => camelRequest(c.request)));
    assert.equal(results.length, cells.length);
    cells.forEach((cell, i) => {
      assert.ok(!(results[i] instanceof Error), `${cell.id}: ${results[i].message}`);
      check(cell, results[i]);
    });
  });

  test('quoteJson() answers the canonical snake_case form of the same quote', () => {
    for (const cell of cells) {
      const answer = JSON.parse(quoteJson(JSON.stringify(cell.request)));
      assert.equal(answer.type, 'success', cell.id);
      const q = quote(cell.request);
      assert.equal(answer.quote.total, q.total);
      assert.equal(answer.quote.due_at_filing, q.dueAtFiling);
      assert.equal(answer.quote.outcome, q.outcome);
      assert.deepEqual(answer.quote.lines.map((l) => l.seed_row), q.lines.map((l) => l.seedRow));
      assert.deepEqual(Object.keys(answer.quote).map(camel), Object.keys(q));
    }
  });
});
