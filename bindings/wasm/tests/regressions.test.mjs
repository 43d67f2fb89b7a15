// Replays crates/ceseda/tests/vectors/regressions.json (when it exists): every request gives
// its recorded canonical answer through quoteJson(), messages aside (they may be reworded), and
// the idiomatic API gives the same answer, one by one and all in one quoteTable() batch.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CesedaError, VECTORS, camel, explain, history, quote, quoteJson, quoteMany, quoteTable, readJson, renewalWindow } from './lib.mjs';
import * as raw from '../pkg/wasm/ceseda.js';

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

// The entry-point vectors (`entries`): JSON text, possibly not JSON, to every entry point. Each
// goes through the package's own functions (quoteJson, and the wasm exports it wraps), and,
// where the text is a JSON object, through the idiomatic API (quote, quoteMany, quoteTable,
// renewalWindow, history, explain): the same code and field, or the same answer.
const entries = existsSync(path) ? (readJson(path).entries ?? []).filter((e) => e.entry !== 'cli') : [];

const withoutMessages = (value) => {
  if (Array.isArray(value)) return value.map(withoutMessages);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'message' && k !== 'error_message').map(([k, v]) => [k, withoutMessages(v)]));
  }
  return value;
};

const langOf = (e) => e.lang ?? (e.lang_json !== undefined ? JSON.parse(e.lang_json) : 'en');

function rawAnswer(e) {
  const fn = { quote: raw.quote_json, quote_many: raw.quote_many_json, quote_table: raw.quote_table_json, window: raw.window_json, history: raw.history_json, explain: raw.explain_json }[e.entry];
  return JSON.parse(e.entry === 'quote' ? quoteJson(e.text, langOf(e)) : fn(e.text, langOf(e)));
}

const camelObject = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [camel(k), v]));

function apiAnswer(e, value) {
  const lang = langOf(e);
  const items = () => value.map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? camelObject(v) : v));
  switch (e.entry) {
    case 'quote': return { type: 'success', quote: snake(quote(camelObject(value), lang)) };
    case 'window': return { type: 'success', window: snake(renewalWindow(camelObject(value), lang)) };
    case 'history': return { type: 'success', history: snake(history(camelObject(value), lang)) };
    case 'explain': return { type: 'success', explanation: explain(camelObject(value), lang) };
    case 'quote_many': return quoteMany(items(), lang).map((a) => (a instanceof CesedaError ? { type: 'failure', error: a.toJSON() } : { type: 'success', quote: snake(a) }));
    case 'quote_table': {
      const t = quoteTable(items(), lang);
      return { type: 'success', table: Object.fromEntries(Object.entries(t).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])) };
    }
    default: return undefined;
  }
}

const codeField = (a) => (a?.type === 'failure' ? [a.error.code, a.error.field ?? null] : a?.type);

describe('entry-point regression vectors', { skip: entries.length === 0 && 'no entries' }, () => {
  for (const e of entries) {
    test(e.note, () => {
      assert.deepEqual(withoutMessages(rawAnswer(e)), withoutMessages(e.expected));
      let value;
      try {
        value = JSON.parse(e.text);
      } catch {
        return;
      }
      const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
      if (!(isObject || (Array.isArray(value) && e.entry.startsWith('quote_')))) return;
      let api;
      try {
        api = apiAnswer(e, value);
      } catch (err) {
        assert.ok(err instanceof CesedaError, String(err));
        api = { type: 'failure', error: err.toJSON() };
      }
      if (api === undefined) return;
      if (e.entry === 'quote_many') {
        assert.deepEqual(api.map(codeField), e.expected.map(codeField));
        api.forEach((a, i) => a.type === 'success' && assert.equal(a.quote.total, e.expected[i].quote.total));
      } else if (e.entry === 'quote_table') {
        for (const key of ['total', 'outcome', 'regime', 'error', 'error_field']) assert.deepEqual(api.table[key], e.expected.table[key], key);
      } else if (e.expected.type === 'failure') {
        assert.deepEqual(codeField(api), codeField(e.expected));
      } else {
        assert.deepEqual(withoutMessages(api), withoutMessages(e.expected));
      }
    });
  }
});
