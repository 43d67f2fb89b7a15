// The JavaScript API of ceseda: a translation of the core's JSON contract, nothing more.
//
// Hand-written. `./wasm/ceseda.js` is the wasm-bindgen glue; `./codes.js` (generated from the
// core's schema) holds the code lists and key maps. Requests become canonical JSON text (keys
// to snake_case, Date objects to their local calendar date); the core answers tagged JSON;
// answers get camelCase keys and failures are thrown as CesedaError. No other exception
// escapes for any input, and input size is bounded so that no request exhausts wasm memory.
// The wrapper's own messages (input that is not JSON) are in English.

import * as raw from './wasm/ceseda.js';
import { CesedaError } from './error.js';
import { ANSWER_KEYS, DATA_MAPS, ERROR_CODES, REQUEST_KEYS, TABLE_COLUMNS, VOCABULARIES, WINDOW_KEYS } from './codes.js';

export { ERROR_CODES, VOCABULARIES };

/** The longest JSON text one request may serialise to, in UTF-16 code units (1 MiB). */
export const MAX_REQUEST_LENGTH = 1 << 20;

// Batches go to the core in chunks of at most this many requests (and this much text): wasm
// memory grows to the largest input and answer ever built and never shrinks.
const CHUNK_REQUESTS = 1000;
const CHUNK_LENGTH = 4 * MAX_REQUEST_LENGTH;

// CesedaError lives in error.js, shared with the pricing module (pricing-api.js).
export { CesedaError };

const invalidJson = (message, field = null) => new CesedaError({ code: 'invalid_json', message: `invalid JSON: ${message}`, field, value: null });

// A `lang` that is not a string is sent as its type's name, which the core refuses by name; a
// long one is cut (the core echoes 200 bytes of it at most).
const langOf = (lang) => (typeof lang === 'string' ? lang.slice(0, 256) : kindOf(lang));

const kindOf = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function describe(error) {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an exception';
  }
}

// ---------------------------------------------------------------------------------------------
// Requests: JavaScript values → canonical JSON text.

const isDate = (v) => v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';

/** A Date as its local calendar date, "YYYY-MM-DD" (the core judges the result). */
function formatDate(date) {
  if (Number.isNaN(Date.prototype.getTime.call(date))) return 'Invalid Date';
  const y = Date.prototype.getFullYear.call(date);
  const pad = (n) => String(n).padStart(2, '0');
  return `${y >= 0 ? String(y).padStart(4, '0') : y}-${pad(Date.prototype.getMonth.call(date) + 1)}-${pad(Date.prototype.getDate.call(date))}`;
}

// JSON.stringify replacer: a Date is its local calendar date (`this[key]` is the value before
// Date#toJSON); values JSON cannot carry keep their JSON type, so that the core still names the
// field: a non-finite number or a BigInt is 0, a function or a symbol is {}.
function replacer(key, value) {
  const original = this[key];
  if (original !== null && typeof original === 'object' && isDate(original)) return formatDate(original);
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  if (typeof value === 'bigint') return 0;
  return typeof value === 'function' || typeof value === 'symbol' ? {} : value;
}

/** An array as `[]`, an object as `{}` (a Date, an object with its own `toJSON`, and anything
 * else as it is, for JSON.stringify and the replacer to turn into JSON). */
function placeholder(v) {
  if (v === null || typeof v !== 'object' || isDate(v)) return v;
  if (Array.isArray(v)) return EMPTY_ARRAY;
  return typeof v.toJSON === 'function' ? v : EMPTY_OBJECT;
}
const EMPTY_ARRAY = Object.freeze([]);
const EMPTY_OBJECT = Object.freeze({});

const plainValue = (v) => v === EMPTY_ARRAY || v === EMPTY_OBJECT || typeof v === 'string' || typeof v === 'boolean' || v === null || v === undefined || Number.isFinite(v);

/**
 * The canonical JSON text of a request; throws a CesedaError when there is none. `keys` maps
 * both spellings of each field to the canonical one; other keys go through as given, so the
 * core names them as unknown fields.
 */
function requestText(input, keys = REQUEST_KEYS, what = 'request') {
  let text;
  try {
    if (input === undefined || typeof input === 'function' || typeof input === 'symbol') {
      throw invalidJson(`a ${what} is a JSON object, got ${typeof input}`);
    }
    let value = input;
    let plain = false; // JSON.stringify is several times faster without a replacer
    if (input !== null && typeof input === 'object' && !Array.isArray(input) && !isDate(input)) {
      value = Object.create(null);
      plain = true;
      for (const key of Object.keys(input)) {
        const field = keys.get(key);
        const name = field ?? key;
        if (Object.prototype.hasOwnProperty.call(value, name)) throw invalidJson(`field ${name} is given twice`, name);
        // No field takes an array or an object, and a key that is no field is refused whatever
        // it holds: they go as a placeholder of their JSON type (as in Python), so that no
        // depth, size or content of theirs can change the core's answer. A key holding
        // `undefined` is absent, as JSON.stringify leaves it out (and as ceseda/pricing reads it).
        value[name] = field === undefined ? (input[key] === undefined ? undefined : null) : placeholder(input[key]);
        plain &&= plainValue(value[name]);
      }
    }
    text = plain ? JSON.stringify(value) : JSON.stringify(value, replacer);
  } catch (e) {
    throw e instanceof CesedaError ? e : invalidJson(`the ${what} cannot be serialised to JSON: ${describe(e)}`);
  }
  if (typeof text !== 'string') throw invalidJson(`a ${what} is a JSON object, got ${kindOf(input)}`);
  if (text.length > MAX_REQUEST_LENGTH) throw invalidJson(`the ${what} is ${text.length} characters of JSON; the limit is ${MAX_REQUEST_LENGTH}`);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Answers: canonical JSON → JavaScript values.

function camelize(value) {
  if (Array.isArray(value)) return value.map(camelize);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const key of Object.keys(value)) out[ANSWER_KEYS.get(key) ?? key] = DATA_MAPS.has(key) ? { ...value[key] } : camelize(value[key]);
  return out;
}

function unwrap(answerText, key) {
  const answer = JSON.parse(answerText);
  if (answer.type === 'success') return camelize(answer[key]);
  throw new CesedaError(answer.error);
}

// ---------------------------------------------------------------------------------------------
// Batches.

/** The length of a batch; throws invalid_json when it is not an array. */
function batchLength(requests) {
  if (!Array.isArray(requests)) throw invalidJson(`a batch is an array of requests, got ${kindOf(requests)}`);
  try {
    return requests.length;
  } catch (e) {
    throw invalidJson(`the batch cannot be read: ${describe(e)}`);
  }
}

/**
 * Serialises a batch and sends it to the core in chunks: `bad(i, error)` for each request that
 * cannot be serialised, `chunk(text, indices)` for each chunk, with the JSON array of its
 * requests and their indices in `requests`.
 */
function inChunks(requests, bad, chunk) {
  const count = batchLength(requests);
  let texts = [];
  let indices = [];
  let length = 0;
  const flush = () => {
    if (texts.length > 0) chunk(`[${texts.join(',')}]`, indices);
    texts = [];
    indices = [];
    length = 0;
  };
  for (let i = 0; i < count; i++) {
    let text;
    try {
      let item;
      try {
        item = requests[i];
      } catch (e) {
        throw invalidJson(`request ${i} cannot be read: ${describe(e)}`);
      }
      text = requestText(item);
    } catch (e) {
      bad(i, e instanceof CesedaError ? e : invalidJson(describe(e)));
      continue;
    }
    if (texts.length >= CHUNK_REQUESTS || length + text.length > CHUNK_LENGTH) flush();
    texts.push(text);
    indices.push(i);
    length += text.length + 1;
  }
  flush();
  return count;
}

/** The core's answer to a chunk, checked: `expect(answer)` or a batch-wide failure (a bad `lang`). */
function chunkAnswer(text, expect) {
  const answer = JSON.parse(text);
  if (!expect(answer)) throw new CesedaError(answer?.error ?? { code: 'invalid_json', message: 'invalid JSON: the core answered no batch' });
  return answer;
}

// ---------------------------------------------------------------------------------------------
// The API (declared in index.d.ts). `lang` is the language of the core's messages, "en" or "fr".

// The last argument of a call: a language ("en", "fr") or `{ lang, reform }` (an object with
// neither is no language, refused as any other).
function optionsOf(options) {
  if (options !== null && typeof options === 'object' && !Array.isArray(options) && ('lang' in options || 'reform' in options)) {
    return { lang: options.lang ?? 'en', reform: reformText(options.reform) };
  }
  return { lang: options, reform: undefined };
}

// A reform as the core reads it: TOML or JSON text, or an object written as JSON.
function reformText(reform) {
  if (reform === undefined || reform === null) return undefined;
  if (typeof reform === 'string') return reform;
  if (typeof reform === 'object' && !Array.isArray(reform)) {
    let text;
    try {
      text = JSON.stringify(reform, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
    } catch (e) {
      throw invalidJson(`the reform cannot be written as JSON: ${describe(e)}`);
    }
    if (text.length > MAX_REQUEST_LENGTH) throw invalidJson(`the reform is ${text.length} characters of JSON; the limit is ${MAX_REQUEST_LENGTH}`);
    return text;
  }
  throw new CesedaError({ code: 'invalid_type', message: `reform has the wrong type: got ${kindOf(reform)}, expected string or object`, field: 'reform', value: null, expected: ['string', 'object'] });
}

// Calls `plain(lang)` for the law, `reformed(reform, lang)` under a reform.
function call(options, plain, reformed) {
  const { lang, reform } = optionsOf(options);
  return reform === undefined ? plain(langOf(lang)) : reformed(reform, langOf(lang));
}

export function quote(request, options = 'en') {
  const text = requestText(request);
  return unwrap(call(options, (l) => raw.quote_json(text, l), (r, l) => raw.quote_json_reform(text, r, l)), 'quote');
}

export function explain(request, options = 'en') {
  const text = requestText(request);
  return unwrap(call(options, (l) => raw.explain_json(text, l), (r, l) => raw.explain_json_reform(text, r, l)), 'explanation');
}

export function history(request, options = 'en') {
  const text = requestText(request);
  return unwrap(call(options, (l) => raw.history_json(text, l), (r, l) => raw.history_json_reform(text, r, l)), 'history');
}

export function quoteMany(requests, options = 'en') {
  const many = (text) => call(options, (l) => raw.quote_many_json(text, l), (r, l) => raw.quote_many_json_reform(text, r, l));
  const results = [];
  const count = inChunks(requests, (i, e) => (results[i] = e), (text, indices) => {
    const answers = chunkAnswer(many(text), (a) => Array.isArray(a) && a.length === indices.length);
    answers.forEach((a, j) => (results[indices[j]] = a.type === 'success' ? camelize(a.quote) : new CesedaError(a.error)));
  });
  results.length = count;
  return results;
}

export function quoteTable(requests, options = 'en') {
  const tableOf = (text) => call(options, (l) => raw.quote_table_json(text, l), (r, l) => raw.quote_table_json_reform(text, r, l));
  const columns = TABLE_COLUMNS.map(() => []);
  const at = (name) => columns[TABLE_COLUMNS.findIndex(([canonical]) => canonical === name)];
  const [error, errorField, errorMessage] = ['error', 'error_field', 'error_message'].map(at);
  const count = inChunks(requests, (i, e) => {
    for (const column of columns) column[i] = null;
    [error[i], errorField[i], errorMessage[i]] = [e.code, e.field, e.message];
  }, (text, indices) => {
    const { table } = chunkAnswer(tableOf(text), (a) => a?.type === 'success');
    TABLE_COLUMNS.forEach(([canonical], c) => indices.forEach((i, j) => (columns[c][i] = table[canonical]?.[j] ?? null)));
  });
  for (const column of columns) column.length = count;
  return Object.fromEntries(TABLE_COLUMNS.map(([, key], c) => [key, columns[c]]));
}

const failureText = (message) => JSON.stringify({ error: invalidJson(message).toJSON(), type: 'failure' });

export function quoteJson(text, lang = 'en') {
  if (typeof text !== 'string') return failureText(`quoteJson takes JSON text (a string), got ${kindOf(text)}`);
  if (text.length > MAX_REQUEST_LENGTH) return failureText(`the request is ${text.length} characters of JSON; the limit is ${MAX_REQUEST_LENGTH}`);
  return raw.quote_json(text, langOf(lang));
}

export const permits = () => unwrap(raw.permits_json(), 'permits');

export const regimes = () => unwrap(raw.regimes_json(), 'regimes');

export function renewalWindow(input, lang = 'en') {
  return unwrap(raw.window_json(requestText(input, WINDOW_KEYS, 'window request'), langOf(lang)), 'window');
}

const RELEVANT_KEYS = new Map([['permit', 'permit'], ['procedure', 'procedure'], ['date', 'date']]);

export function relevantFields(request, lang = 'en') {
  return unwrap(raw.relevant_fields_json(requestText(request, RELEVANT_KEYS, 'relevant-fields request'), langOf(lang)), 'relevant_fields');
}
