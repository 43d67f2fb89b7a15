// Declarations of `ceseda/pricing` (pricing.js, pricing-node.js, pricing-api.js): the
// pricing-only module. Hand-written; the id tables (ids.js) are generated from the core's schema.

import type { Component, Lang, Money, Outcome, QuoteRequest, RegimeId } from './index.js';
import { CesedaError } from './index.js';
import { CODES, FIELDS, FIELD_IDS } from './ids.js';

export { CesedaError, CODES, FIELDS, FIELD_IDS };

/** An absent field in a date column (`i32::MIN`). */
export declare const ABSENT: -2147483648;
/** "None" in a Uint8Array column: no answer, no error, no field. */
export declare const NONE8: 0xff;
/** "None" in a Uint16Array column. */
export declare const NONE16: 0xffff;

/** Each vocabulary's codes to their ids (a code's index in {@link CODES}). */
export declare const CODE_IDS: { readonly [V in keyof typeof CODES]: ReadonlyMap<string, number> };

/** Camel-cased component codes: `droit_de_timbre` → `droitDeTimbre`. */
type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

/** One distinct answer: what a quote comes to, without its lines. */
export type Amounts = {
  readonly outcome: Outcome;
  readonly regime: RegimeId;
  /** The total, null where the outcome is not an amount (as `quote().total`). */
  readonly total: Money | null;
  /** What is paid at filing (as `quote().dueAtFiling`). */
  readonly dueAtFiling: Money | null;
} & { readonly [C in Component as Camel<C>]: Money | null };

/** Every distinct answer met so far, by answer id. It only grows. */
export declare const ANSWERS: readonly Amounts[];

/**
 * The total of a request, `quote(request).total`, through the pricing module: the same request
 * object, numbers across the boundary.
 * @throws {CesedaError} as `quote()` would (code, field, value, expected; the message and the
 * suggestion are the full module's once {@link loadFull} has loaded it).
 */
export declare function total(request: QuoteRequest, lang?: Lang): Money | null;

/** The amounts of a request's quote (an entry of {@link ANSWERS}). @throws {CesedaError} */
export declare function amounts(request: QuoteRequest, lang?: Lang): Amounts;

/** The answer id of a request (an index into {@link ANSWERS}). @throws {CesedaError} */
export declare function answerIdOf(request: QuoteRequest, lang?: Lang): number;

/** A column of one number per row. */
export type Column = Int32Array | Uint8Array | Uint16Array | Uint32Array | Int8Array | Int16Array | readonly number[];

/** What {@link priceColumns} answers, one entry per row in each typed array. */
export interface PricedColumns {
  /** An index into {@link ANSWERS}; {@link NONE16} where the row is refused. */
  answer: Uint16Array;
  /** An id of `CODES.outcome`; {@link NONE8} where refused. */
  outcome: Uint8Array;
  /** An id of `CODES.error_code`; {@link NONE8} where priced. */
  error: Uint8Array;
  /** The refused field's id (an index into {@link FIELDS}); {@link NONE8} where none. */
  errorField: Uint8Array;
  /** An index into `errors`; {@link NONE16} where priced. */
  errorIndex: Uint16Array;
  /** The distinct refusals of the batch. */
  errors: CesedaError[];
  /** {@link ANSWERS}. */
  answers: readonly Amounts[];
}

/**
 * Prices requests given in columns of ids, keyed by field name (either spelling): a code's id
 * ({@link CODE_IDS}), a boolean 0 or 1, a date's days since 1970-01-01 ({@link dayOf}). Absent:
 * a negative number, the largest value of an unsigned array's type, {@link ABSENT} in a date
 * column. `rows` defaults to the first column's length.
 */
export declare function priceColumns(columns: { readonly [field: string]: Column }, rows?: number): PricedColumns;

/** Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (1900–2200), undefined if the core would refuse it. */
export declare function dayOf(date: string): number | undefined;

/** Builds the compiled price table for the day of `date` now rather than on demand. */
export declare function prepare(date: string | number): void;

/** Loads the full module (JSON contract, explanations, messages); afterwards refusals are its own errors. */
export declare function loadFull(): Promise<typeof import('./index.js')>;

/** Uses an already imported full API (`import * as ceseda from 'ceseda'`) for refusals. */
export declare function useFull(api: typeof import('./index.js')): void;
