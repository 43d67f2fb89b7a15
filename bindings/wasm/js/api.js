// The JavaScript API of ceseda, over the core's JSON contract (string in, string out).
//
// Hand-written. `./wasm/ceseda.js` is the wasm-bindgen glue and `./codes.js` the code lists
// read from the core at build time; the entry points (`index.js` for browsers and bundlers,
// `node.js` for Node) instantiate the WebAssembly module and re-export this file.
//
// Nothing here lets an exception other than a CesedaError escape for any input: requests are
// serialised to JSON in JavaScript (Date objects become local calendar dates, keys become the
// canonical snake_case), the core answers a tagged JSON object, and failures are thrown as
// CesedaError. Input size is bounded, so that no request can exhaust the WebAssembly memory.

import * as raw from './wasm/ceseda.js';
import { ERROR_CODES, REQUEST_FIELDS, WINDOW_FIELDS } from './codes.js';

export { ERROR_CODES };

/** The longest JSON text one request may serialise to, in UTF-16 code units (1 MiB). */
export const MAX_REQUEST_LENGTH = 1 << 20;

// quoteMany and quoteTable send their requests to the core in chunks of at most this many
// requests (and this much JSON text): WebAssembly memory grows to the largest input and answer
// ever built and never shrinks, and a chunk of 1,000 quoteMany answers needs about 6 MB where
// 10,000 need 50 MB. Throughput is the same.
const CHUNK_REQUESTS = 1000;
const CHUNK_LENGTH = 4 * MAX_REQUEST_LENGTH;

/**
 * A failure answered by the core (or by this wrapper before calling it, for input that cannot
 * be turned into JSON). `code` is one of ERROR_CODES; `field`, `value` and `expected` are as in
 * the core's error record (`field` uses the canonical snake_case field name).
 */
export class CesedaError extends Error {
  constructor(record) {
    const r = record !== null && typeof record === 'object' ? record : {};
    super(typeof r.message === 'string' ? r.message : String(r.code));
    this.code = r.code;
    this.field = r.field ?? null;
    this.value = r.value ?? null;
    this.expected = Array.isArray(r.expected) ? r.expected : [];
  }

  /** The canonical error record, as in the JSON contract (without `expected` when empty). */
  toJSON() {
    const record = { code: this.code };
    if (this.expected.length > 0) record.expected = this.expected;
    record.field = this.field;
    record.message = this.message;
    record.value = this.value;
    return record;
  }
}
Object.defineProperty(CesedaError.prototype, 'name', { value: 'CesedaError', writable: true, configurable: true });

// ---------------------------------------------------------------------------------------------
// Requests: JavaScript values → canonical JSON text.

const camelOf = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

// Accepted key → canonical field, for both spellings of every field the core defines.
function aliases(fields) {
  const map = new Map();
  for (const field of fields) {
    map.set(field, field);
    map.set(camelOf(field), field);
  }
  return map;
}
const REQUEST_KEYS = aliases(REQUEST_FIELDS);
const WINDOW_KEYS = aliases(WINDOW_FIELDS);

function invalidJson(message) {
  return new CesedaError({ code: 'invalid_json', message: `invalid JSON: ${message}`, field: null, value: null });
}

function kindOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const pad2 = (n) => (n < 10 ? '0' : '') + n;

/** A Date as its local calendar date, "YYYY-MM-DD"; the core judges the result. */
function formatDate(date) {
  const time = Date.prototype.getTime.call(date);
  if (Number.isNaN(time)) return 'Invalid Date';
  const y = Date.prototype.getFullYear.call(date);
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : String(y);
  return `${year}-${pad2(Date.prototype.getMonth.call(date) + 1)}-${pad2(Date.prototype.getDate.call(date))}`;
}

function isDate(value) {
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}

// JSON.stringify replacer. Dates become local calendar dates (`this[key]` is the value before
// Date#toJSON turned it into a UTC timestamp). Values JSON cannot carry keep their JSON type
// instead of silently vanishing, so the core still names the field: a non-finite number or a
// BigInt becomes 0 (a number), a function or a symbol becomes {} (an object).
function replacer(key, value) {
  const original = this[key];
  if (original !== null && typeof original === 'object' && isDate(original)) return formatDate(original);
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : 0;
    case 'bigint':
      return 0;
    case 'function':
    case 'symbol':
      return {};
    default:
      return value;
  }
}

/**
 * The canonical JSON text of a request given as a JavaScript value; throws a CesedaError when
 * there is none. `keys` maps both spellings of each field to the canonical one; other keys are
 * passed through as given, so the core reports them as unknown fields.
 */
function requestText(input, keys, what) {
  let text;
  try {
    if (input === undefined || typeof input === 'function' || typeof input === 'symbol') {
      throw invalidJson(`a ${what} is a JSON object, got ${typeof input}`);
    }
    let value = input;
    // Plain values (strings, booleans, null, finite numbers) need no replacer, and
    // JSON.stringify is several times faster without one.
    let plain = false;
    if (input !== null && typeof input === 'object' && !Array.isArray(input) && !isDate(input)) {
      value = Object.create(null);
      plain = true;
      for (const key of Object.keys(input)) {
        const field = keys.get(key) ?? key;
        if (Object.prototype.hasOwnProperty.call(value, field)) {
          throw new CesedaError({
            code: 'invalid_json',
            message: `invalid JSON: field ${field} is given twice (${JSON.stringify(camelOf(field))} and ${JSON.stringify(field)})`,
            field,
            value: null,
          });
        }
        const v = input[key];
        value[field] = v;
        if (plain && !(typeof v === 'string' || typeof v === 'boolean' || v === null || v === undefined || Number.isFinite(v))) plain = false;
      }
    }
    text = plain ? JSON.stringify(value) : JSON.stringify(value, replacer);
  } catch (e) {
    if (e instanceof CesedaError) throw e;
    throw invalidJson(`the ${what} cannot be serialised to JSON: ${describe(e)}`);
  }
  if (typeof text !== 'string') throw invalidJson(`a ${what} is a JSON object, got ${kindOf(input)}`);
  if (text.length > MAX_REQUEST_LENGTH) {
    throw invalidJson(`the ${what} is ${text.length} characters of JSON; the limit is ${MAX_REQUEST_LENGTH}`);
  }
  return text;
}

function describe(error) {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unprintable error';
  }
}

// ---------------------------------------------------------------------------------------------
// Answers: canonical JSON → JavaScript values.

const camelCache = new Map();
function camelKey(key) {
  let camel = camelCache.get(key);
  if (camel === undefined) {
    camel = camelOf(key);
    camelCache.set(key, camel);
  }
  return camel;
}

// Maps whose keys are data (regime ids), not field names: copied as they are.
const DATA_MAPS = new Set(['printed_rows']);

function camelize(value) {
  if (Array.isArray(value)) return value.map(camelize);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) {
      out[camelKey(key)] = DATA_MAPS.has(key) ? { ...value[key] } : camelize(value[key]);
    }
    return out;
  }
  return value;
}

function unwrap(answerText, key) {
  const answer = JSON.parse(answerText);
  if (answer.type === 'success') return camelize(answer[key]);
  throw new CesedaError(answer.error);
}

// ---------------------------------------------------------------------------------------------
// The API.

/**
 * Quotes one request. Keys may be camelCase (`familyMember`) or the canonical snake_case
 * (`family_member`); dates are "YYYY-MM-DD" strings or Date objects (their local calendar date).
 * Returns the Quote with camelCase keys, money as two-decimal strings; throws a CesedaError.
 */
export function quote(request) {
  return unwrap(raw.quote_json(requestText(request, REQUEST_KEYS, 'request')), 'quote');
}

/** The number of requests in a batch; throws invalid_json when it is not an array. */
function batchLength(requests) {
  if (!Array.isArray(requests)) throw invalidJson(`a batch is an array of requests, got ${kindOf(requests)}`);
  try {
    return requests.length;
  } catch (e) {
    throw invalidJson(`the batch cannot be read: ${describe(e)}`);
  }
}

/**
 * Serialises the first `count` requests of a batch and sends them to the core in chunks (see
 * CHUNK_REQUESTS). `bad(i, error)` is called for each request that cannot be serialised;
 * `chunk(text, indices)` for each chunk, with the JSON array text of its requests and their
 * indices in `requests`, in order.
 */
function inChunks(requests, count, bad, chunk) {
  let texts = [];
  let indices = [];
  let length = 0;
  const flush = () => {
    if (texts.length === 0) return;
    chunk(`[${texts.join(',')}]`, indices);
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
      text = requestText(item, REQUEST_KEYS, 'request');
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
}

/**
 * Quotes many requests. Returns an array as long as `requests`, where each item is either the
 * Quote or the CesedaError for the request at the same index: one bad request does not stop the
 * batch. Throws a CesedaError only when `requests` is not an array.
 */
export function quoteMany(requests) {
  const count = batchLength(requests);
  const results = new Array(count);
  inChunks(
    requests,
    count,
    (i, error) => {
      results[i] = error;
    },
    (text, indices) => {
      const answers = JSON.parse(raw.quote_many_json(text));
      for (let j = 0; j < indices.length; j++) {
        const answer = answers[j];
        results[indices[j]] = answer.type === 'success' ? camelize(answer.quote) : new CesedaError(answer.error);
      }
    },
  );
  return results;
}

// The columns of quoteTable(), as the core names them (canonical snake_case), in the order of
// the result's keys: the total, one column per component, the part due at filing, then the
// outcome, regime, error code and error field.
const TABLE_COLUMNS = [
  'total',
  'tax',
  'droit_de_timbre',
  'duplicate_surcharge',
  'visa_de_regularisation_filing',
  'visa_de_regularisation_balance',
  'late_renewal_charge',
  'dcem_tax',
  'travel_document_tax',
  'due_at_filing',
  'outcome',
  'regime',
  'error',
  'error_field',
];
const TABLE_KEYS = TABLE_COLUMNS.map(camelOf);

/**
 * Quotes many requests into columns: an object of arrays (`total`, one per component,
 * `dueAtFiling`, `outcome`, `regime`, `error`, `errorField`), each as long as `requests`, entry
 * `i` answering request `i`. Money is a two-decimal string; an entry is null where the request
 * failed (then `error` holds its code) or where the quote has no such component. Far cheaper
 * than quoteMany() when only the amounts are needed. Throws a CesedaError only when `requests`
 * is not an array.
 */
export function quoteTable(requests) {
  const count = batchLength(requests);
  const columns = TABLE_COLUMNS.map(() => new Array(count));
  const error = columns[TABLE_COLUMNS.indexOf('error')];
  const errorField = columns[TABLE_COLUMNS.indexOf('error_field')];
  const failRow = (i, code, field) => {
    for (const column of columns) column[i] = null;
    error[i] = code;
    errorField[i] = field ?? null;
  };
  inChunks(
    requests,
    count,
    (i, e) => failRow(i, e.code, e.field),
    (text, indices) => {
      const answer = JSON.parse(raw.quote_table_json(text));
      if (answer.type !== 'success') {
        // Not reached (a chunk is an array of JSON texts); kept so that no row is left empty.
        for (const i of indices) failRow(i, answer.error?.code ?? 'invalid_json', answer.error?.field);
        return;
      }
      const table = answer.table;
      for (let c = 0; c < TABLE_COLUMNS.length; c++) {
        const source = Array.isArray(table[TABLE_COLUMNS[c]]) ? table[TABLE_COLUMNS[c]] : [];
        const column = columns[c];
        for (let j = 0; j < indices.length; j++) column[indices[j]] = source[j] ?? null;
      }
    },
  );
  const result = {};
  for (let c = 0; c < TABLE_KEYS.length; c++) result[TABLE_KEYS[c]] = columns[c];
  return result;
}

function failureText(message) {
  return JSON.stringify({
    error: { code: 'invalid_json', field: null, message: `invalid JSON: ${message}`, value: null },
    type: 'failure',
  });
}

/**
 * The canonical contract, verbatim: JSON text of one snake_case request in, JSON text of the
 * tagged answer out ({"type":"success","quote":…} or {"type":"failure","error":…}). Never throws.
 */
export function quoteJson(text) {
  if (typeof text !== 'string') return failureText(`quoteJson takes JSON text (a string), got ${kindOf(text)}`);
  if (text.length > MAX_REQUEST_LENGTH) {
    return failureText(`the request is ${text.length} characters of JSON; the limit is ${MAX_REQUEST_LENGTH}`);
  }
  return raw.quote_json(text);
}

/** Every permit and travel document the core knows, with labels and printed table rows. */
export function permits() {
  return unwrap(raw.permits_json(), 'permits');
}

/** Every tariff regime, oldest first, with its period, source and confidence. */
export function regimes() {
  return unwrap(raw.regimes_json(), 'regimes');
}

/**
 * The renewal filing window for a title of `permit` expiring on `expiry`. `filingDate` picks the
 * rule in force (and adds `late`); `onlineApplication` says whether the online service is used.
 */
export function renewalWindow(input) {
  return unwrap(raw.window_json(requestText(input, WINDOW_KEYS, 'window request')), 'window');
}
