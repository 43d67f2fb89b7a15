// Shared helpers for the tests. The tests run against the built package (../pkg, see build.sh)
// through its Node entry; tests/package.test.mjs checks the published layout and export map.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WASM_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PKG_DIR = join(WASM_DIR, 'pkg');
export const REPO = join(WASM_DIR, '..', '..');
export const VECTORS = join(REPO, 'crates', 'ceseda', 'tests', 'vectors');

if (!existsSync(join(PKG_DIR, 'node.js'))) {
  throw new Error(`${PKG_DIR} is not built: run bindings/wasm/build.sh first`);
}

export * from '../pkg/node.js';

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The seed cells, read from the core's shared vectors (never copied). */
export function seedCells() {
  return readJson(join(VECTORS, 'seed_cells.json')).cells;
}

/**
 * A seed cell's expected total under the contract: null where the outcome is not an amount
 * (sans_objet, hors_champ, and same_as_replaced_title without the title), whatever the
 * shared vectors say (they still write "0.00" there).
 */
export function expectedTotal(cell) {
  const { outcome, total } = cell.expected;
  const notAnAmount = outcome === 'sans_objet' || outcome === 'hors_champ' || (outcome === 'same_as_replaced_title' && !cell.request.underlying_permit);
  return notAnAmount ? null : total;
}

/** snake_case → camelCase, for request keys. */
export const camel = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

export function camelRequest(request) {
  return Object.fromEntries(Object.entries(request).map(([k, v]) => [camel(k), v]));
}

/** A two-decimal money string as integer cents (exact). */
export function cents(money) {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(money);
  if (!m) throw new Error(`not a two-decimal money string: ${JSON.stringify(money)}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

export function money(c) {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** The non-zero components of a quote, summed per component, as two-decimal strings. */
export function components(quote) {
  const sums = new Map();
  for (const line of quote.lines) sums.set(line.component, (sums.get(line.component) ?? 0) + cents(line.amount));
  return Object.fromEntries([...sums].filter(([, c]) => c !== 0).map(([k, c]) => [k, money(c)]));
}
