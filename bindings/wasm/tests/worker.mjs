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
//   quoteJson(). So do two kinds of object on which the idiomatic API deliberately differs from
//   the canonical contract: one with a camelCase key such as "familyMember" (quote() accepts it,
//   the contract does not), and one holding a number JSON.parse cannot represent (1e400 is
//   Infinity in JavaScript, where the core refuses the text as invalid JSON).
// --mode json passes every line to quoteJson() verbatim.

import { createInterface } from 'node:readline';
import { CesedaError, quote, quoteJson } from '../pkg/node.js';
import { ANSWER_KEYS, REQUEST_KEYS } from '../pkg/codes.js';

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

function hasNonFinite(value) {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasNonFinite);
  return false;
}

// A Quote (camelCase) back to the canonical snake_case object, keys in the same order.
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [SNAKE.get(k) ?? k, canonical(v)]));
  }
  return value;
}

const failure = (error) => JSON.stringify({ error: error.toJSON(), type: 'failure' });

function viaApi(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return quoteJson(line);
  }
  if (request === null || typeof request !== 'object' || Array.isArray(request)) return quoteJson(line);
  if (Object.keys(request).some((k) => ALIASES.has(k)) || hasNonFinite(request)) return quoteJson(line);
  const camel = Object.fromEntries(Object.entries(request).map(([k, v]) => [CAMEL.get(k) ?? k, v]));
  try {
    return JSON.stringify({ type: 'success', quote: canonical(quote(camel)) });
  } catch (e) {
    if (e instanceof CesedaError) return failure(e);
    throw e;
  }
}

function answer(line) {
  try {
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
