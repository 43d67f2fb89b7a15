#!/usr/bin/env node
// JSON-lines worker for the cross-language conformance suite (crates/ceseda-conformance):
// one canonical JSON request per line on stdin, one canonical JSON answer per line on stdout.
// It never exits on a bad line; it stops at the end of its input.
//
//   node bindings/wasm/tests/worker.mjs [--mode api|json]
//
// --mode api (default) exercises the idiomatic API: a line holding a JSON object has the keys
//   of the request fields turned into camelCase (other keys stay as they are, so the core still
//   names them as unknown) and goes through quote(); the Quote (or the CesedaError) is turned
//   back into the canonical snake_case answer. Lines that are not a JSON object go through
//   quoteJson(). So do the objects on which the idiomatic API deliberately differs from the
//   canonical contract: one with a camelCase key such as "familyMember" (quote() accepts it,
//   the contract does not), and one longer than MAX_REQUEST_LENGTH (the package's bound on
//   wasm memory). Nothing else is filtered: 1e400 is Infinity in JavaScript, a number, and the
//   core reads it as one (invalid_type on its field).
// --mode json passes every line to quoteJson() verbatim.
//
// A many line, `{"many": [request, …]}`, is answered with the array of whole answers, one per
//   request, canonical: through quoteMany() in --mode api (items split and chosen as for a batch
//   line, below), through the core's quote_many_json in --mode json.
// A batch line, `{"batch": [request, …]}` (an object with that one key, holding an array), is
//   answered `{"table": {…}}`: the columns of the core's quote_table_json for those requests,
//   with their canonical snake_case names (total, each component, due_at_filing, outcome,
//   regime, error, error_field, error_message). The items are split as the core splits them,
//   each on its own. In --mode api they are computed by quoteTable(), the batch path a user
//   takes, with the field keys of object requests in camelCase; an item is answered by the
//   core's quote_table_json alone, in its row, where quoteTable() could not see the same text
//   (invalid JSON, text that JSON.stringify does not give back, such as spaces, 1e400 or a
//   duplicate key) or where the idiomatic API deliberately differs (as above, or longer than
//   MAX_REQUEST_LENGTH). In --mode json the whole array goes to quote_table_json. A batch the
//   core refuses whole (an empty item) is answered with its failure; `{"batch": …}` without an
//   array is a request like any other.

import { createInterface } from 'node:readline';
import { CesedaError, MAX_REQUEST_LENGTH, quote, quoteJson, quoteMany, quoteTable } from '../pkg/node.js';
import { ANSWER_KEYS, REQUEST_KEYS, TABLE_COLUMNS } from '../pkg/codes.js';
import * as raw from '../pkg/wasm/ceseda.js';

const args = process.argv.slice(2);
const modeAt = args.indexOf('--mode');
const mode = modeAt >= 0 ? args[modeAt + 1] : (args.find((a) => a.startsWith('--mode='))?.slice(7) ?? 'api');
if (mode !== 'api' && mode !== 'json') {
  process.stderr.write(`worker.mjs: unknown mode ${JSON.stringify(mode)} (api|json)\n`);
  process.exit(2);
}

// Canonical field → camelCase key, and the camelCase spellings the contract does not accept.
const CAMEL = new Map([...REQUEST_KEYS].filter(([key, field]) => key !== field).map(([key, field]) => [field, key]));
const ALIASES = new Set(CAMEL.values());
// camelCase answer key → canonical.
const SNAKE = new Map([...ANSWER_KEYS].map(([snake, camel]) => [camel, snake]));

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether quote() and quoteTable() answer the object `request` as the canonical contract does. */
const idiomatic = (request) => !Object.keys(request).some((k) => ALIASES.has(k)) && JSON.stringify(request).length <= MAX_REQUEST_LENGTH;

const camelKeys = (request) => Object.fromEntries(Object.entries(request).map(([k, v]) => [CAMEL.get(k) ?? k, v]));

// A Quote (camelCase) back to the canonical snake_case object, keys in the same order.
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [SNAKE.get(k) ?? k, canonical(v)]));
  }
  return value;
}

const failure = (error) => JSON.stringify({ error: error.toJSON(), type: 'failure' });

/**
 * The texts of the items of the batch line `line`, split as the core splits an array (by
 * depth, outside strings), and the array's text; undefined when the line is not a batch. An
 * array the core cannot split (unbalanced) has no items: the core's failure answers it.
 */
/** Trims JSON's four whitespace characters only (String#trim also takes a form feed). */
const jsonTrim = (text) => text.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');

function batchItems(line) {
  const head = /^\s*\{\s*"batch"\s*:\s*\[/.exec(line);
  if (!head) return undefined;
  const start = head[0].length - 1;
  const items = [];
  let [depth, inString, escaped, from] = [0, false, false, start + 1];
  for (let i = start + 1; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      items.push(jsonTrim(line.slice(from, i)));
      from = i + 1;
    } else if (c === ']') {
      const last = jsonTrim(line.slice(from, i));
      if (last !== '' || items.length > 0) items.push(last);
      return /^\s*\}\s*$/.test(line.slice(i + 1)) ? { items, array: line.slice(start, i + 1) } : undefined;
    } else if (c === '}') break;
  }
  return { items: undefined, array: line.slice(start).replace(/\}\s*$/, '') };
}

/** The core's own answer to a JSON array text: its columns, or its failure text. */
function coreTable(arrayText) {
  const text = raw.quote_table_json(arrayText, 'en');
  const answer = JSON.parse(text);
  return answer.type === 'success' ? answer.table : text;
}

/** The item's value, when quoteTable() answers it as the core answers its text. */
function viaQuoteTable(item) {
  let value;
  try {
    value = JSON.parse(item);
  } catch {
    return undefined;
  }
  if (JSON.stringify(value) !== item || (isObject(value) && !idiomatic(value))) return undefined;
  return { value: isObject(value) ? camelKeys(value) : value };
}

function batch({ items, array }) {
  if (mode === 'json' || items === undefined || items.includes('')) {
    const whole = coreTable(array);
    return typeof whole === 'string' ? whole : JSON.stringify({ table: whole });
  }
  const api = items.map(viaQuoteTable);
  const answered = quoteTable(api.map((a) => a?.value ?? null));
  const table = Object.fromEntries(TABLE_COLUMNS.map(([name, key]) => [name, answered[key]]));
  items.forEach((item, i) => {
    if (api[i] !== undefined) return;
    const alone = coreTable(`[${item}]`);
    for (const [name] of TABLE_COLUMNS) table[name][i] = alone[name]?.[0] ?? null;
  });
  return JSON.stringify({ table });
}

function viaApi(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return quoteJson(line);
  }
  if (!isObject(request) || !idiomatic(request)) return quoteJson(line);
  try {
    return JSON.stringify({ type: 'success', quote: canonical(quote(camelKeys(request))) });
  } catch (e) {
    if (e instanceof CesedaError) return failure(e);
    throw e;
  }
}

/** `{"many": [...]}`: quoteMany() for the items it sees as the core does, quote_many_json alone for the others. */
function many(line) {
  const items = batchItems(line.replace(/^\s*\{\s*"many"/, '{"batch"'));
  if (items === undefined) return undefined;
  if (mode === 'json' || items.items === undefined || items.items.includes('')) return raw.quote_many_json(items.array, 'en');
  const api = items.items.map(viaQuoteTable);
  const answered = quoteMany(api.map((a) => a?.value ?? null));
  return `[${items.items.map((item, i) => {
    if (api[i] === undefined) return JSON.stringify(JSON.parse(raw.quote_many_json(`[${item}]`, 'en'))[0]);
    const a = answered[i];
    return a instanceof CesedaError ? failure(a) : JSON.stringify({ type: 'success', quote: canonical(a) });
  }).join(',')}]`;
}

function answer(line) {
  try {
    if (/^\s*\{\s*"many"\s*:/.test(line)) {
      const answered = many(line);
      if (answered !== undefined) return answered;
    }
    const items = batchItems(line);
    if (items !== undefined) return batch(items);
    return mode === 'json' ? quoteJson(line) : viaApi(line);
  } catch (e) {
    // Not reachable by design; answered rather than fatal, so that the suite reports it.
    const message = `worker: ${e instanceof Error ? e.message : String(e)}`;
    return JSON.stringify({ error: { code: 'internal', field: null, message, value: null }, type: 'failure' });
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
for await (const line of lines) {
  process.stdout.write(`${answer(line)}\n`);
}
