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
//
// In --mode api each request quote() answers is also priced through the fast paths of
// `ceseda/pricing`: total() on the same object, and priceColumns(), the typed-array batch, on
// the request as columns of ids (where its values are ids and days). Both must give quote()'s
// total, amounts, outcome and regime, or its refusal's code, field and value; a disagreement is
// answered as an "internal" failure, which the suite reports as a mismatch.

import { createInterface } from 'node:readline';
import { CesedaError, MAX_REQUEST_LENGTH, quote, quoteJson, quoteMany, quoteTable } from '../pkg/node.js';
import { ANSWER_KEYS, REQUEST_KEYS, TABLE_COLUMNS } from '../pkg/codes.js';
import * as raw from '../pkg/wasm/ceseda.js';
import * as pricing from '../pkg/pricing-node.js';
import { FIELD_KINDS } from '../pkg/ids.js';

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

const internal = (message) => JSON.stringify({ error: { code: 'internal', field: null, message: `worker: ${message}`, value: null }, type: 'failure' });

/** The request (canonical keys) as one-row columns of ids, or undefined where a value is not one. */
function asColumns(request) {
  const columns = {};
  for (const [field, value] of Object.entries(request)) {
    const f = pricing.FIELD_IDS.get(field);
    if (f === undefined || value === null) return undefined;
    const vocabulary = vocabularyOf(field);
    const kind = FIELD_KINDS[f];
    // Only values a column of that kind can hold: a boolean in a boolean column, a known code's
    // id in a code column, a valid date's day in a date column.
    if (kind === 'bool' && typeof value === 'boolean') columns[field] = Int32Array.of(value ? 1 : 0);
    else if (kind === 'code' && typeof value === 'string' && pricing.CODE_IDS[vocabulary].has(value)) columns[field] = Int32Array.of(pricing.CODE_IDS[vocabulary].get(value));
    else if (kind === 'date' && typeof value === 'string' && pricing.dayOf(value) !== undefined) columns[field] = Int32Array.of(pricing.dayOf(value));
    else return undefined;
  }
  return columns;
}
const FIELD_VOCABULARY = new Map([['permit', 'document'], ['procedure', 'procedure'], ['regime', 'regime'], ['family_member', 'family_member'], ['card_kind', 'card_kind'],
  ['card_validity', 'card_validity'], ['admission_card', 'admission_card'], ['underlying_permit', 'permit'], ['previous_permit', 'permit'], ['eu_status', 'eu_status']]);
const vocabularyOf = (field) => FIELD_VOCABULARY.get(field) ?? null;

/** Where the fast paths disagree with quote()'s answer (a Quote or a CesedaError): what, or null. */
function fastPathsDisagree(request, answer) {
  const same = (a, q) => a.total === q.total && a.dueAtFiling === q.dueAtFiling && a.outcome === q.outcome && a.regime === q.regime;
  const sameError = (e, q) => e instanceof CesedaError && e.code === q.code && e.field === q.field && e.value === q.value;
  let fast;
  try {
    fast = pricing.amounts(camelKeys(request));
  } catch (e) {
    fast = e;
  }
  if (answer instanceof CesedaError ? !sameError(fast, answer) : !same(fast, answer)) return `pricing amounts() ${JSON.stringify(fast)} where quote() answers ${JSON.stringify(answer)}`;
  const columns = asColumns(request);
  if (columns === undefined) return null;
  const out = pricing.priceColumns(columns, 1);
  const row = out.answer[0] === pricing.NONE16 ? out.errors[out.errorIndex[0]] : pricing.ANSWERS[out.answer[0]];
  // A code refused this side never reaches the batch (its column holds ids only).
  if (answer instanceof CesedaError ? !sameError(row, answer) : !same(row, answer)) return `pricing priceColumns() ${JSON.stringify(row)} where quote() answers ${JSON.stringify(answer)}`;
  return null;
}

function viaApi(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return quoteJson(line);
  }
  if (!isObject(request) || !idiomatic(request)) return quoteJson(line);
  let q;
  try {
    q = quote(camelKeys(request));
  } catch (e) {
    if (!(e instanceof CesedaError)) throw e;
    const disagreement = fastPathsDisagree(request, e);
    return disagreement === null ? failure(e) : internal(disagreement);
  }
  const disagreement = fastPathsDisagree(request, q);
  return disagreement === null ? JSON.stringify({ type: 'success', quote: canonical(q) }) : internal(disagreement);
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

/** A line `{"reform": {…}, "request": {…}}` or `{"reform": {…}, "batch": [...]}`, parsed. */
function reformLine(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(value) || !('reform' in value) || Object.keys(value).length !== 2) return undefined;
  return 'request' in value || 'batch' in value ? value : undefined;
}

// Under a reform: quote(request, { reform }) and quoteTable(requests, { reform }) in api mode
// (the reform as an object), the raw contract with the reform's JSON text otherwise.
function reformed({ reform, request, batch: requests }) {
  const text = JSON.stringify(reform);
  if (requests !== undefined) {
    if (mode === 'json' || !Array.isArray(requests) || !requests.every((r) => isObject(r) && idiomatic(r))) {
      const answer = JSON.parse(raw.quote_table_json_reform(JSON.stringify(requests), text, 'en'));
      return answer.type === 'success' ? JSON.stringify({ table: answer.table }) : JSON.stringify(answer);
    }
    const answered = quoteTable(requests.map(camelKeys), { reform });
    return JSON.stringify({ table: Object.fromEntries(TABLE_COLUMNS.map(([name, key]) => [name, answered[key]])) });
  }
  if (mode === 'json' || !isObject(request) || !idiomatic(request)) return raw.quote_json_reform(JSON.stringify(request), text, 'en');
  try {
    return JSON.stringify({ type: 'success', quote: canonical(quote(camelKeys(request), { reform })) });
  } catch (e) {
    if (e instanceof CesedaError) return failure(e);
    throw e;
  }
}

function answer(line) {
  try {
    if (/^\s*\{\s*"many"\s*:/.test(line)) {
      const answered = many(line);
      if (answered !== undefined) return answered;
    }
    const underReform = reformLine(line);
    if (underReform !== undefined) return reformed(underReform);
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
