// Replays crates/ceseda/tests/vectors/regressions.json (when it exists): every request gives
// its recorded canonical answer through quoteJson(), messages aside (they may be reworded), and
// the idiomatic API gives the same answer, one by one and all in one quoteTable() batch.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CesedaError, VECTORS, camel, quote, quoteJson, quoteTable, readJson } from './lib.mjs';

const path = join(VECTORS, 'regressions.json');
const cases = existsSync(path) ? readJson(path).cases : [];

const withoutMessage = (answer) => {
  if (answer.type !== 'failure') return answer;
  const { message: _, ...error } = answer.error;
  return { ...answer, error };
};

const snake = (value) => {
  if (Array.isArray(value)) return value.map(snake);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snake(v)]));
  }
  return value;
};

describe('regression vectors', { skip: cases.length === 0 && `${path} does not exist` }, () => {
  for (const [i, c] of cases.entries()) {
    const name = `${i}: ${c.note ?? JSON.stringify(c.request)}`;
    test(name, () => {
      const answer = JSON.parse(quoteJson(JSON.stringify(c.request)));
      assert.deepEqual(withoutMessage(answer), withoutMessage(c.expected));

      const isObject = c.request !== null && typeof c.request === 'object' && !Array.isArray(c.request);
      if (!isObject) return;
      const request = Object.fromEntries(Object.entries(c.request).map(([k, v]) => [camel(k), v]));
      let api;
      try {
        api = { type: 'success', quote: snake(quote(request)) };
      } catch (e) {
        assert.ok(e instanceof CesedaError, String(e));
        api = { type: 'failure', error: e.toJSON() };
      }
      assert.deepEqual(withoutMessage(api), withoutMessage(c.expected));
    });
  }

  test('every object request in one quoteTable() batch: each row is the recorded answer', () => {
    const objects = cases.filter((c) => c.request !== null && typeof c.request === 'object' && !Array.isArray(c.request));
    const table = quoteTable(objects.map((c) => Object.fromEntries(Object.entries(c.request).map(([k, v]) => [camel(k), v]))));
    objects.forEach((c, i) => {
      const expected = c.expected.type === 'success'
        ? [c.expected.quote.total, c.expected.quote.outcome, c.expected.quote.regime, null, null]
        : [null, null, null, c.expected.error.code, c.expected.error.field ?? null];
      assert.deepEqual([table.total[i], table.outcome[i], table.regime[i], table.error[i], table.errorField[i]], expected, `${i}: ${c.note ?? ''}`);
    });
  });
});
