// The pricing API of ceseda (`ceseda/pricing`): totals and amounts only, through the small
// pricing module (wasm/pricing_bg.wasm), with numbers across the wasm boundary.
//
// Hand-written. A request is the same object `quote()` takes; its codes are resolved once to
// small integer ids (ids.js, generated from the core's schema: a code's id is its index), its
// dates to days since 1970-01-01, and the module answers the id of a distinct answer (an amount
// vector, read as text once and kept in ANSWERS). Anything this side cannot read as ids (a
// value of another JSON type, an odd object) goes through the same JSON serialisation as
// quote(), so that the core sees, and refuses, the same request.
//
// Refusals are CesedaError with the core's code, field, value and expected values. The full
// module (the JSON contract, explanations and messages) is a second module: after
// `await loadFull()`, a refusal is the full module's own error, message and suggestion
// included; before it, the message is short and names the code, field and value.

import * as raw from './wasm/pricing.js';
import { CesedaError } from './error.js';
import { CODES, FIELDS, FIELD_IDS, FIELD_KINDS, FIELD_VOCABULARIES, REQUIRED_FIELDS } from './ids.js';

export { CesedaError };
export { CODES, FIELDS, FIELD_IDS };

/** An absent field, in a request's numbers and in a date column. */
export const ABSENT = -2147483648;
/** No answer, no error, no field: the largest value of the column's type. */
export const NONE8 = 0xff;
export const NONE16 = 0xffff;

/** Each vocabulary's codes to their ids. */
export const CODE_IDS = Object.freeze(Object.fromEntries(Object.entries(CODES).map(([name, codes]) => [name, new Map(codes.map((c, i) => [c, i]))])));

const COUNT = FIELDS.length;
const FIELD = Object.fromEntries(FIELDS.map((f, i) => [f, i]));
const [PERMIT, PROCEDURE, DATE, IRREGULAR, KIND, VALIDITY, MEMBER] = ['permit', 'procedure', 'date', 'irregular_entry', 'card_kind', 'card_validity', 'family_member'].map((f) => FIELD[f]);
// The fields price7 takes; a request with any other goes through price().
const COMMON = new Uint8Array(COUNT);
for (const f of [PERMIT, PROCEDURE, DATE, IRREGULAR, KIND, VALIDITY, MEMBER]) COMMON[f] = 1;
const IDS = FIELD_VOCABULARIES.map((v) => (v === null ? null : CODE_IDS[v]));
const COMPONENTS = CODES.component;
const COMPONENT_KEYS = COMPONENTS.map((c) => c.replace(/_([a-z0-9])/g, (_, x) => x.toUpperCase()));
const MAX_REQUEST_LENGTH = 1 << 20;

// ---------------------------------------------------------------------------------------------
// The answers: every distinct answer met so far, by id.

/**
 * Every distinct answer met so far; an answer id indexes it. Each is frozen:
 * `{ outcome, regime, total, dueAtFiling, tax, droitDeTimbre, … }`, amounts as decimal
 * strings (null where the outcome is not an amount). It only grows.
 */
export const ANSWERS = [];

function answerOf(id) {
  if (id >= ANSWERS.length) {
    for (let i = ANSWERS.length, n = raw.answer_count(); i < n; i++) {
      const [outcome, regime, total, due, ...components] = raw.answer_text(i).split('\u001f');
      const a = { outcome, regime, total: total === '' ? null : total, dueAtFiling: due === '' ? null : due };
      COMPONENT_KEYS.forEach((k, c) => (a[k] = components[c] === '' || components[c] === undefined ? null : components[c]));
      ANSWERS.push(Object.freeze(a));
    }
  }
  return ANSWERS[id];
}

// ---------------------------------------------------------------------------------------------
// Refusals.

let full = null;
let fullLoading = null;

/**
 * Loads the full module (the JSON contract, explanations, messages) and answers its API (what
 * `import('ceseda')` gives). From then on, a refusal here is the full module's error.
 */
export function loadFull() {
  fullLoading ??= import('./index.js').then((m) => (full = m));
  return fullLoading;
}

/** Uses an already loaded full API (the `ceseda` module) for refusals' messages. */
export function useFull(api) {
  if (api && typeof api.quote === 'function') full = api;
}

const ERROR_TEXT = { en: (code, field, value) => `${code}${field === null ? '' : `: ${field}`}${value === null ? '' : ` ${JSON.stringify(value)}`}` };

function refusal(record, request, lang) {
  if (full !== null) {
    try {
      full.quote(request, lang);
    } catch (e) {
      if (e instanceof CesedaError) return e;
    }
  }
  return new CesedaError({ suggestion: null, expected: [], ...record, message: ERROR_TEXT.en(record.code, record.field ?? null, record.value ?? null) });
}

/** The record of the module's last refusal (its text: see pricing/src/lib.rs). */
function recordOf(text) {
  const [code, , field, value, expected, suggestion] = text.split('\u001f');
  const opt = (s) => (s === undefined || s === '-' ? null : s.slice(1));
  return { code, field: opt(field), value: opt(value), expected: expected ? expected.split('\u001e') : [], suggestion: opt(suggestion) };
}

const truncate = (s) => {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= 200) return s;
  let end = 200;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return `${new TextDecoder().decode(bytes.subarray(0, end))}…`;
};

const unknownField = (name) => ({ code: 'unknown_field', field: truncate(name), value: truncate(name), expected: [...FIELDS] });
const missingField = (f) => ({ code: 'missing_field', field: FIELDS[f], value: null });
const invalidType = (f, got) => ({ code: 'invalid_type', field: FIELDS[f], value: null, expected: [FIELD_KINDS[f] === 'bool' ? 'boolean' : 'string'], got });
const unknownCode = (f, value) => ({ code: 'unknown_code', field: FIELDS[f], value: truncate(value), expected: FIELD_VOCABULARIES[f] === null ? [] : [...CODES[FIELD_VOCABULARIES[f]]] });
const invalidDate = (f, value) => ({ code: 'invalid_date', field: FIELDS[f], value: truncate(value) });
const invalidJson = (message, field = null) => ({ code: 'invalid_json', field, value: null, message });

// ---------------------------------------------------------------------------------------------
// Dates.

/** Days since 1970-01-01 of a proleptic Gregorian date, years 1900 to 2200 (small integers only). */
function civilDays(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = (yy / 400) | 0;
  const yoe = yy - era * 400;
  const doy = (((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) | 0) + d - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The days since 1970-01-01 of an ISO date "YYYY-MM-DD" (years 1900–2200, as the core reads
 * it), or undefined when the core would refuse it.
 */
export function dayOf(s) {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const c0 = s.charCodeAt(0) - 48;
  const c1 = s.charCodeAt(1) - 48;
  const c2 = s.charCodeAt(2) - 48;
  const c3 = s.charCodeAt(3) - 48;
  const c5 = s.charCodeAt(5) - 48;
  const c6 = s.charCodeAt(6) - 48;
  const c8 = s.charCodeAt(8) - 48;
  const c9 = s.charCodeAt(9) - 48;
  // Every one a digit: 0 to 9 as unsigned.
  if ((c0 >>> 0) > 9 || (c1 >>> 0) > 9 || (c2 >>> 0) > 9 || (c3 >>> 0) > 9 || (c5 >>> 0) > 9 || (c6 >>> 0) > 9 || (c8 >>> 0) > 9 || (c9 >>> 0) > 9) return undefined;
  const y = c0 * 1000 + c1 * 100 + c2 * 10 + c3;
  const m = c5 * 10 + c6;
  const d = c8 * 10 + c9;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y & 3) === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1])) return undefined;
  return civilDays(y, m, d);
}

// Dates met, to their days (requests repeat dates).
const dayCache = new Map();
function cachedDay(s) {
  let d = dayCache.get(s);
  if (d === undefined) {
    d = dayOf(s);
    if (d === undefined) return undefined;
    if (dayCache.size >= 4096) dayCache.clear();
    dayCache.set(s, d);
  }
  return d;
}

const isDate = (v) => v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';

/** A Date as its local calendar date, "YYYY-MM-DD", as quote() reads it. */
function formatDate(date) {
  if (Number.isNaN(Date.prototype.getTime.call(date))) return 'Invalid Date';
  const y = Date.prototype.getFullYear.call(date);
  const pad = (n) => String(n).padStart(2, '0');
  return `${y >= 0 ? String(y).padStart(4, '0') : y}-${pad(Date.prototype.getMonth.call(date) + 1)}-${pad(Date.prototype.getDate.call(date))}`;
}

// ---------------------------------------------------------------------------------------------
// Requests → numbers.

const values = new Int32Array(COUNT);
// Per field: the first problem met reading it (a record), checked in canonical order.
const problems = new Array(COUNT).fill(null);

/** One field's value into `values[f]`; false (and problems[f]) when the core would refuse it. */
function readValue(f, v) {
  if (v === null) {
    values[f] = ABSENT;
    return true;
  }
  const kind = FIELD_KINDS[f];
  if (kind === 'bool') {
    if (typeof v === 'boolean') {
      values[f] = v ? 1 : 0;
      return true;
    }
  } else if (typeof v === 'string') {
    if (kind === 'code') {
      const id = IDS[f].get(v);
      if (id !== undefined) {
        values[f] = id;
        return true;
      }
      problems[f] = unknownCode(f, v);
      return false;
    }
    const d = cachedDay(v);
    if (d !== undefined) {
      values[f] = d;
      return true;
    }
    problems[f] = invalidDate(f, v);
    return false;
  }
  problems[f] = invalidType(f, jsonType(v));
  return false;
}

const jsonType = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : 'object');

// JSON.stringify replacer, as quote()'s: a Date is its local calendar date; a non-finite number
// or a BigInt is 0; a function or a symbol is {}.
function replacer(key, value) {
  const original = this[key];
  if (original !== null && typeof original === 'object' && isDate(original)) return formatDate(original);
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  if (typeof value === 'bigint') return 0;
  return typeof value === 'function' || typeof value === 'symbol' ? {} : value;
}

const describe = (e) => {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'an exception';
  }
};

/**
 * The request as the JSON object quote() sends to the core (the same serialisation), or a
 * refusal record: for requests the quick reading leaves (odd values, non-objects).
 */
/** An array as `[]`, an object as `{}` (a Date, an object with its own `toJSON`, and anything
 * else as it is): js/api.js's `placeholder`, which tests/pricing.test.mjs holds this one to. */
function placeholder(v) {
  if (v === null || typeof v !== 'object' || isDate(v)) return v;
  if (Array.isArray(v)) return [];
  return typeof v.toJSON === 'function' ? v : {};
}

function asJson(input) {
  const kind = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
  if (input === undefined || typeof input === 'function' || typeof input === 'symbol') return invalidJson(`invalid JSON: a request is a JSON object, got ${typeof input}`);
  let text;
  try {
    let value = input;
    if (input !== null && typeof input === 'object' && !Array.isArray(input) && !isDate(input)) {
      value = Object.create(null);
      for (const key of Object.keys(input)) {
        const f = FIELD_IDS.get(key);
        const field = f === undefined ? key : FIELDS[f];
        if (Object.prototype.hasOwnProperty.call(value, field)) return invalidJson(`invalid JSON: field ${field} is given twice`, field);
        // As quote() sends it (js/api.js, requestText): a key that is no field as null (absent
        // when undefined), a field's array or object as an empty one of its type.
        value[field] = f === undefined ? (input[key] === undefined ? undefined : null) : placeholder(input[key]);
      }
    }
    text = JSON.stringify(value, replacer);
  } catch (e) {
    return invalidJson(`invalid JSON: the request cannot be serialised to JSON: ${describe(e)}`);
  }
  if (typeof text !== 'string') return invalidJson(`invalid JSON: a request is a JSON object, got ${kind}`);
  if (text.length > MAX_REQUEST_LENGTH) return invalidJson(`invalid JSON: the request is ${text.length} characters of JSON; the limit is ${MAX_REQUEST_LENGTH}`);
  const json = JSON.parse(text);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return invalidJson(`a request is a JSON object, got ${jsonType(json)}`);
  return { json };
}

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;
const wellFormed = (s) => (typeof s.isWellFormed === 'function' ? s.isWellFormed() : !LONE.test(s));

/** Whether a JSON value holds a string (or key) with a lone surrogate: the core cannot parse its text. */
function malformed(v, depth = 0) {
  if (typeof v === 'string') return !wellFormed(v);
  if (v === null || typeof v !== 'object' || depth > 200) return false;
  if (Array.isArray(v)) return v.some((x) => malformed(x, depth + 1));
  return Object.keys(v).some((k) => !wellFormed(k) || malformed(v[k], depth + 1));
}

/**
 * Reads a request into `values`: 1 when only the common fields are set (price7), 2 otherwise
 * (price), or a refusal record.
 */
function read(request) {
  values.fill(ABSENT);
  let common = true;
  let bad = false;
  let json = request;
  if (request === null || typeof request !== 'object' || Array.isArray(request) || isDate(request)) {
    const r = asJson(request);
    if (r.json === undefined) return r;
    json = r.json;
  }
  // The quick reading: every key a field, given once, every value a string, a boolean, a Date,
  // null or undefined.
  let seen = 0;
  let quick = true;
  for (const key in json) {
    if (!Object.prototype.hasOwnProperty.call(json, key)) continue;
    const f = FIELD_IDS.get(key);
    const v = json[key];
    const t = typeof v;
    if (f === undefined || (seen & (1 << f)) !== 0 || !(t === 'string' || t === 'boolean' || v === null || v === undefined || (t === 'object' && isDate(v)))) {
      quick = false;
      break;
    }
    seen |= 1 << f;
  }
  if (!quick) {
    const r = asJson(json);
    if (r.json === undefined) return r;
    json = r.json;
    if (malformed(json)) return invalidJson('invalid JSON: a lone surrogate in a string');
    // The core names the first unknown field in its map's (sorted) order.
    let unknown = null;
    for (const key of Object.keys(json)) if (FIELD_IDS.get(key) === undefined && (unknown === null || key < unknown)) unknown = key;
    if (unknown !== null) return unknownField(unknown);
  }
  if (quick && malformed(json)) return invalidJson('invalid JSON: a lone surrogate in a string');
  for (const key in json) {
    if (!Object.prototype.hasOwnProperty.call(json, key)) continue;
    let v = json[key];
    if (v === undefined) continue;
    if (typeof v === 'object' && v !== null && isDate(v)) v = formatDate(v);
    const f = FIELD_IDS.get(key);
    if (!readValue(f, v)) bad = true;
    else if (values[f] !== ABSENT && COMMON[f] === 0) common = false;
  }
  for (let f = 0; f < REQUIRED_FIELDS; f++) {
    if (problems[f] === null && values[f] === ABSENT) {
      problems[f] = missingField(f);
      bad = true;
    }
  }
  if (bad) {
    let first = null;
    for (let f = 0; f < COUNT; f++) {
      if (problems[f] !== null) {
        first ??= problems[f];
        problems[f] = null;
      }
    }
    return first;
  }
  return common ? 1 : 2;
}

function checkLang(lang) {
  if (lang === 'en' || lang === 'fr') return null;
  const value = typeof lang === 'string' ? lang.slice(0, 256) : lang === null ? 'null' : Array.isArray(lang) ? 'array' : typeof lang;
  return { code: 'unknown_code', field: 'lang', value: truncate(value), expected: ['fr', 'en'] };
}

const DOCUMENT_IDS = CODE_IDS.document;
const PROCEDURE_IDS = CODE_IDS.procedure;
const KIND_IDS = CODE_IDS.card_kind;
const VALIDITY_IDS = CODE_IDS.card_validity;
const MEMBER_IDS = CODE_IDS.family_member;

/** A code's id for the quick path, ABSENT when absent, -1 when the slow reading must decide. */
const quickCode = (ids, v) => (v === undefined ? ABSENT : typeof v === 'string' ? ids.get(v) ?? -1 : -1);

/**
 * The quick path: a plain object holding only the common fields, each given once, codes known,
 * the date an ISO string, irregular entry a boolean. Its answer id, or -2 when the full reading
 * must decide (anything else, refusals included).
 */
function quickId(r) {
  if (r === null || typeof r !== 'object') return -2;
  const permit = r.permit;
  const procedure = r.procedure;
  const date = r.date;
  if (typeof permit !== 'string' || typeof procedure !== 'string' || typeof date !== 'string') return -2;
  let keys = 0;
  for (const key in r) keys++;
  let given = 3;
  let irregular = r.irregularEntry;
  const irregularSnake = r.irregular_entry;
  if (irregularSnake !== undefined) {
    if (irregular !== undefined) return -2;
    irregular = irregularSnake;
  }
  let kind = ABSENT;
  let validity = ABSENT;
  let member = ABSENT;
  let flag = ABSENT;
  if (irregular !== undefined) {
    if (typeof irregular !== 'boolean') return -2;
    flag = irregular ? 1 : 0;
    given++;
  }
  if (keys > given) {
    const k = r.cardKind ?? r.card_kind;
    const v = r.cardValidity ?? r.card_validity;
    const m = r.familyMember ?? r.family_member;
    kind = quickCode(KIND_IDS, k);
    validity = quickCode(VALIDITY_IDS, v);
    member = quickCode(MEMBER_IDS, m);
    if (kind === -1 || validity === -1 || member === -1) return -2;
    given += (k !== undefined) + (v !== undefined) + (m !== undefined);
    // Both spellings of one field: the full reading refuses it.
    if (r.cardKind !== undefined && r.card_kind !== undefined) return -2;
    if (r.cardValidity !== undefined && r.card_validity !== undefined) return -2;
    if (r.familyMember !== undefined && r.family_member !== undefined) return -2;
  }
  if (keys !== given || Array.isArray(r)) return -2;
  const p = DOCUMENT_IDS.get(permit);
  const q = PROCEDURE_IDS.get(procedure);
  const d = dayOf(date);
  if (p === undefined || q === undefined || d === undefined) return -2;
  const id = raw.price7(p, q, d, flag, kind, validity, member);
  return id < 0 ? -2 : id;
}

/** The answer id of a request; throws the refusal. */
function answerId(request, lang) {
  // Only successes come from the quick path, and they do not depend on the language.
  if (lang === 'en' || lang === 'fr') {
    const id = quickId(request);
    if (id >= 0) return id;
  }
  const badLang = checkLang(lang);
  if (badLang !== null) throw refusal(badLang, request, lang);
  const how = read(request);
  if (typeof how === 'object') throw refusal(how, request, lang);
  const id = how === 1 ? raw.price7(values[PERMIT], values[PROCEDURE], values[DATE], values[IRREGULAR], values[KIND], values[VALIDITY], values[MEMBER]) : raw.price(values);
  if (id < 0) throw refusal(recordOf(raw.last_error('en')), request, lang);
  return id;
}

// ---------------------------------------------------------------------------------------------
// The API (declared in pricing.d.ts).

/** The total of a request as a decimal string (null where the outcome is not an amount): quote(request).total. */
export function total(request, lang = 'en') {
  const id = answerId(request, lang);
  return (id < ANSWERS.length ? ANSWERS[id] : answerOf(id)).total;
}

/** The amounts of a request's quote (an entry of ANSWERS). */
export function amounts(request, lang = 'en') {
  return answerOf(answerId(request, lang));
}

/** The id (an index into ANSWERS) of a request's answer; throws its refusal. */
export function answerIdOf(request, lang = 'en') {
  const id = answerId(request, lang);
  answerOf(id);
  return id;
}

/**
 * Prices `rows` requests given in columns of ids: `columns` maps field names (either spelling)
 * to typed arrays (or arrays) of numbers, one per row: a code's id (CODE_IDS), a boolean 0 or
 * 1, a date's days since 1970-01-01 (dayOf); absent: a negative number, the largest value of an
 * unsigned array's type, or ABSENT in a date column. Answers per row: `answer` (an index into
 * ANSWERS, NONE16 where refused), `outcome` (an id of CODES.outcome, NONE8 where refused),
 * `error` (an id of CODES.error_code, NONE8 where priced), `errorField` (a field id, NONE8 where
 * none) and `errorIndex` (into `errors`, the distinct refusals, NONE16 where priced).
 */
export function priceColumns(columns, rows) {
  if (columns === null || typeof columns !== 'object') throw new CesedaError(invalidJson(`invalid JSON: columns are an object of arrays, got ${jsonType(columns)}`));
  const given = [];
  for (const key of Object.keys(columns)) {
    const f = FIELD_IDS.get(key);
    if (f === undefined) throw new CesedaError({ ...unknownField(key), message: `unknown field ${key}` });
    if (given.some(([g]) => g === f)) throw new CesedaError(invalidJson(`invalid JSON: field ${FIELDS[f]} is given twice`, FIELDS[f]));
    given.push([f, columns[key]]);
  }
  const n = rows ?? (given.length > 0 ? given[0][1].length : 0);
  const data = new Int32Array(given.length * n);
  given.forEach(([f, column], c) => {
    if (column.length < n) throw new CesedaError(invalidJson(`invalid JSON: column ${FIELDS[f]} has ${column.length} rows, not ${n}`, FIELDS[f]));
    const none = column instanceof Uint8Array ? 0xff : column instanceof Uint16Array ? 0xffff : column instanceof Uint32Array ? 0xffffffff : -1;
    const date = FIELD_KINDS[f] === 'date';
    const out = data.subarray(c * n, (c + 1) * n);
    if (column instanceof Int32Array && date) out.set(column.subarray(0, n));
    else {
      for (let i = 0; i < n; i++) {
        const v = column[i];
        out[i] = date ? (Number.isInteger(v) ? v : ABSENT) : v < 0 || v === none || !Number.isInteger(v) ? ABSENT : v;
      }
    }
  });
  const fields = Uint8Array.from(given, ([f]) => f);
  const result = raw.price_columns(fields, data, n);
  const answer = new Uint16Array(n);
  const outcome = new Uint8Array(n);
  const error = new Uint8Array(n);
  const errorField = new Uint8Array(n);
  const errorIndex = new Uint16Array(n);
  const errors = [];
  if (raw.answer_count() > ANSWERS.length) answerOf(raw.answer_count() - 1);
  const outcomeIds = ANSWERS.map((a) => CODES.outcome.indexOf(a.outcome));
  const errorCodes = [];
  const errorFields = [];
  for (let i = 0; i < n; i++) {
    const r = result[i];
    if (r < 0x80000000) {
      answer[i] = r;
      outcome[i] = outcomeIds[r];
      error[i] = NONE8;
      errorField[i] = NONE8;
      errorIndex[i] = NONE16;
    } else {
      const e = r - 0x80000000;
      if (e >= errors.length) {
        for (let k = errors.length; k <= e; k++) {
          const record = recordOf(raw.batch_error(k, 'en'));
          errors.push(new CesedaError({ ...record, message: ERROR_TEXT.en(record.code, record.field, record.value) }));
          errorCodes.push(CODES.error_code.indexOf(record.code));
          errorFields.push(record.field === null ? NONE8 : FIELD[record.field] ?? NONE8);
        }
      }
      answer[i] = NONE16;
      outcome[i] = NONE8;
      error[i] = errorCodes[e];
      errorField[i] = errorFields[e];
      errorIndex[i] = e;
    }
  }
  return { answer, outcome, error, errorField, errorIndex, errors, answers: ANSWERS };
}

/** Builds the compiled table for the day of `date` (an ISO string or days) now rather than on demand. */
export function prepare(date) {
  const d = typeof date === 'number' ? date : dayOf(date);
  if (d !== undefined) raw.prepare(d);
}
