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

const plainValue = (v) => typeof v === 'string' || typeof v === 'boolean' || v === null || v === undefined || Number.isFinite(v);

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
        const field = keys.get(key) ?? key;
        if (Object.prototype.hasOwnProperty.call(value, field)) throw invalidJson(`field ${field} is given twice`, field);
        value[field] = input[key];
        plain &&= plainValue(value[field]);
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

export function quote(request, lang = 'en') {
  return unwrap(raw.quote_json(requestText(request), langOf(lang)), 'quote');
}

export function explain(request, lang = 'en') {
  return unwrap(raw.explain_json(requestText(request), langOf(lang)), 'explanation');
}

export function history(request, lang = 'en') {
  return unwrap(raw.history_json(requestText(request), langOf(lang)), 'history');
}

export function quoteMany(requests, lang = 'en') {
  const results = [];
  const count = inChunks(requests, (i, e) => (results[i] = e), (text, indices) => {
    const answers = chunkAnswer(raw.quote_many_json(text, langOf(lang)), (a) => Array.isArray(a) && a.length === indices.length);
    answers.forEach((a, j) => (results[indices[j]] = a.type === 'success' ? camelize(a.quote) : new CesedaError(a.error)));
  });
  results.length = count;
  return results;
}

export function quoteTable(requests, lang = 'en') {
  const columns = TABLE_COLUMNS.map(() => []);
  const at = (name) => columns[TABLE_COLUMNS.findIndex(([canonical]) => canonical === name)];
  const [error, errorField, errorMessage] = ['error', 'error_field', 'error_message'].map(at);
  const count = inChunks(requests, (i, e) => {
    for (const column of columns) column[i] = null;
    [error[i], errorField[i], errorMessage[i]] = [e.code, e.field, e.message];
  }, (text, indices) => {
    const { table } = chunkAnswer(raw.quote_table_json(text, langOf(lang)), (a) => a?.type === 'success');
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
