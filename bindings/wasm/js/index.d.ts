// Type declarations for ceseda (hand-written). `./codes.js` is generated at build time from
// the core: it holds the Permit, TravelDocument and PermitFamily unions and ERROR_CODES.

import type { Permit, TravelDocument, PermitFamily, ErrorCode } from './codes.js';
import { ERROR_CODES } from './codes.js';

export type { Permit, TravelDocument, PermitFamily, ErrorCode };
export { ERROR_CODES };

/** An amount in euros as a decimal string with two decimals, e.g. "225.00". Never a number. */
export type Money = string;
/** A calendar date, "YYYY-MM-DD" (ISO 8601). */
export type IsoDate = string;
/** A date in a request: an ISO string, or a Date (its local calendar date is used). */
export type DateInput = IsoDate | Date;

/** What a request quotes: a residence permit or a separately taxed travel document. */
export type DocumentCode = Permit | TravelDocument;

/** What is asked of the prefecture. */
export type Procedure = 'first_issue' | 'renewal' | 'duplicate' | 'renewal_without_expired_title' | 'change_of_details';

/** A tariff regime's id, oldest first. */
export type RegimeId = 'table_2011' | 'table_2016' | 'table_2020' | 'lf_2026';

/** The kind of charge a line is. */
export type Component =
  | 'tax'
  | 'droit_de_timbre'
  | 'duplicate_surcharge'
  | 'visa_de_regularisation_filing'
  | 'visa_de_regularisation_balance'
  | 'late_renewal_charge'
  | 'dcem_tax'
  | 'travel_document_tax';

/** What the answer is: an amount, or one of the tables' non-amount answers. */
export type Outcome = 'amount_due' | 'exempt' | 'sans_objet' | 'hors_champ' | 'same_as_replaced_title';

/** When a line is paid. */
export type DueAt = 'at_filing' | 'at_issue';

/** How well the sources support a regime, an erratum's reading or a figure. */
export type Confidence = 'high' | 'medium' | 'low';

/** Family reunification: which family member the card is for. */
export type FamilyMember = 'spouse' | 'child';
/** Temporary card (CST) or multi-year card (CSP). */
export type CardKind = 'cst' | 'csp';
/** How long the card is valid for. */
export type CardValidity = 'one_year' | 'more_than_one_year';
/** The card issued after an exceptional admission to residence (L. 313-14). */
export type AdmissionCard = 'vpf' | 'salarie' | 'travailleur_temporaire';
/** Citizen of the EU/EEA/Switzerland/Andorra, or third-country family member of one. */
export type EuStatus = 'citizen' | 'family_member';
/** The rule that sets a renewal filing window. */
export type WindowRule = 'r311_2_two_months' | 'r311_2_long_term_resident_excepted' | 'r431_5_online' | 'r431_5_two_months';
/** The date of the file that selects a regime. */
export type SelectingDate = 'decision_date';

/**
 * A request, with camelCase keys. `permit`, `procedure` and `date` are required; every other
 * field is optional (absent, `undefined` and `null` all mean "not said"). The canonical
 * snake_case keys are accepted too (see {@link CanonicalRequest}).
 */
export interface Request {
  /** The permit or travel document. */
  permit: DocumentCode;
  procedure: Procedure;
  /** The decision date: it selects the regime (unless `regime` is given). */
  date: DateInput;
  /** Price under this regime's table instead of the one in force on `date`. */
  regime?: RegimeId | null;
  familyMember?: FamilyMember | null;
  reunificationOnSite?: boolean | null;
  enteredViaFamilyReunification?: boolean | null;
  cardKind?: CardKind | null;
  cardValidity?: CardValidity | null;
  admissionCard?: AdmissionCard | null;
  previouslyHeldCst?: boolean | null;
  /** The title actually issued, where a row prices "as the title issued or replaced". */
  underlyingPermit?: Permit | null;
  reunificationGrantedOn?: DateInput | null;
  /** Entered or staying irregularly: the visa de régularisation is due before a first title. */
  irregularEntry?: boolean | null;
  applicationDate?: DateInput | null;
  previousTitleExpiry?: DateInput | null;
  forceMajeure?: boolean | null;
  holdsValidVisa?: boolean | null;
  violenceVictim?: boolean | null;
  euStatus?: EuStatus | null;
  defenceCooperationAgreement?: boolean | null;
  algerianNational?: boolean | null;
  onlineApplication?: boolean | null;
}

/**
 * A request in the canonical snake_case JSON contract (what {@link quoteJson} reads).
 * `D` is the date type: strings in JSON; {@link quote} also accepts Date objects here.
 */
export interface CanonicalRequest<D = IsoDate> {
  permit: DocumentCode;
  procedure: Procedure;
  date: D;
  regime?: RegimeId | null;
  family_member?: FamilyMember | null;
  reunification_on_site?: boolean | null;
  entered_via_family_reunification?: boolean | null;
  card_kind?: CardKind | null;
  card_validity?: CardValidity | null;
  admission_card?: AdmissionCard | null;
  previously_held_cst?: boolean | null;
  underlying_permit?: Permit | null;
  reunification_granted_on?: D | null;
  irregular_entry?: boolean | null;
  application_date?: D | null;
  previous_title_expiry?: D | null;
  force_majeure?: boolean | null;
  holds_valid_visa?: boolean | null;
  violence_victim?: boolean | null;
  eu_status?: EuStatus | null;
  defence_cooperation_agreement?: boolean | null;
  algerian_national?: boolean | null;
  online_application?: boolean | null;
}

/** What {@link quote} and {@link quoteMany} accept. */
export type QuoteRequest = Request | CanonicalRequest<DateInput>;

/** A short explanation in French and English. */
export interface Explanation {
  fr: string;
  en: string;
}

/** One itemised charge. */
export interface Line {
  component: Component;
  amount: Money;
  /** The article it is charged under, in the numbering in force on the decision date. */
  basis: string;
  /** The seed table it comes from ("002", "003", "004"), or the other source. */
  seed: string;
  /** The row (or note) of the source, as printed. */
  seedRow: string;
  due: DueAt;
  explanation: Explanation;
}

/** A remark attached to a quote: a rule applied, a reading taken, a caveat. */
export interface Note {
  code: string;
  fr: string;
  en: string;
}

/** A place where a source misprints something, and the reading the library takes instead. */
export interface Erratum {
  /** Stable id, `<seed>-<row>-<column>`. */
  id: string;
  seed: string;
  row: string;
  /** A procedure code, or "note". */
  column: string;
  printed: string;
  reading: string;
  reason: string;
  confidence: Confidence;
}

/** The answer to a request. */
export interface Quote {
  regime: RegimeId;
  confidence: Confidence;
  permit: DocumentCode;
  procedure: Procedure;
  date: IsoDate;
  outcome: Outcome;
  lines: Line[];
  /** The sum of the lines. */
  total: Money;
  errata: Erratum[];
  notes: Note[];
}

/** A tariff regime: a table of amounts in force over a period. */
export interface Regime {
  id: RegimeId;
  labelFr: string;
  labelEn: string;
  /** First day (inclusive) of the period. */
  validFrom: IsoDate;
  /** Last day (inclusive), or null while no later source amends it. */
  validUntil: IsoDate | null;
  selectedBy: SelectingDate;
  source: string;
  confidence: Confidence;
  provenance: string;
}

/** A permit or travel document, as listed by {@link permits}. */
export interface PermitInfo {
  code: DocumentCode;
  kind: 'permit' | 'travel_document';
  labelFr: string;
  labelEn: string;
  /** The kind of card (null for travel documents). */
  family: PermitFamily | null;
  /** The CESEDA article since the 1 May 2021 recodification, where known. */
  articleSince2021: string | null;
  /** The regimes whose tables list it. */
  regimes: RegimeId[];
  /** The row label printed in each regime's table (keys are regime ids, kept as they are). */
  printedRows: Partial<Record<RegimeId, string>>;
}

/** What {@link renewalWindow} accepts (camelCase, or the canonical snake_case keys). */
export interface RenewalWindowRequest {
  permit: Permit;
  /** Expiry date of the title to renew. */
  expiry: DateInput;
  /** When the application is (or was) filed: picks the rule in force and adds `late`. */
  filingDate?: DateInput | null;
  /** Whether the application goes through the online service (ANEF). */
  onlineApplication?: boolean | null;
}

/** {@link RenewalWindowRequest} with the canonical snake_case keys. */
export interface CanonicalRenewalWindowRequest<D = IsoDate> {
  permit: Permit;
  expiry: D;
  filing_date?: D | null;
  online_application?: boolean | null;
}

/** The period in which a renewal should be filed. */
export interface RenewalWindow {
  permit: Permit;
  expiry: IsoDate;
  /** The date the rule was chosen by (the filing date, or the expiry date). */
  ruleDate: IsoDate;
  rule: WindowRule;
  /** First day to file, or null where the rule sets no window. */
  opens: IsoDate | null;
  /** Last day to file within the window. */
  closes: IsoDate;
  recommendedFrom: IsoDate | null;
  recommendedUntil: IsoDate | null;
  basis: string;
  /** Only when `filingDate` was given: whether that filing is late (null if no regime covers it). */
  late?: boolean | null;
}

/** The canonical error record of the JSON contract. */
export interface ErrorRecord {
  code: ErrorCode;
  message: string;
  /** The request field concerned (canonical snake_case name), if any. */
  field: string | null;
  /** The offending value (truncated to 200 bytes), if any. */
  value: string | null;
  /** Accepted values or covered periods; absent when there are none. */
  expected?: string[];
}

/** Thrown by every function of this package except {@link quoteJson}; also an item of {@link quoteMany}'s result. */
export declare class CesedaError extends Error {
  constructor(record: ErrorRecord);
  readonly name: 'CesedaError';
  /** Stable code, the same in every binding. */
  readonly code: ErrorCode;
  /** The request field concerned, as its canonical snake_case name (e.g. "family_member"), or null. */
  readonly field: string | null;
  /** The offending value, or null. */
  readonly value: string | null;
  /** Accepted values or covered periods; empty when there are none. */
  readonly expected: string[];
  /** The canonical error record. */
  toJSON(): ErrorRecord;
}

/** The longest JSON text one request may serialise to (UTF-16 code units); longer is invalid_json. */
export declare const MAX_REQUEST_LENGTH: number;

/**
 * Quotes one request. Money is a two-decimal string, dates are ISO strings, keys camelCase.
 * @throws {CesedaError} for any request the core refuses, and for input that is not a JSON
 *   object (including cyclic objects: invalid_json).
 */
export declare function quote(request: QuoteRequest): Quote;

/**
 * Quotes many requests. The result has one item per request, at the same index: the Quote, or
 * the CesedaError for that request (check with `instanceof CesedaError`). Requests go to the
 * WebAssembly module in chunks of up to 1,000.
 * @throws {CesedaError} (invalid_json) only when `requests` is not an array.
 */
export declare function quoteMany(requests: readonly QuoteRequest[]): Array<Quote | CesedaError>;

/**
 * What {@link quoteTable} answers: one array per column, each as long as the batch, entry `i`
 * answering request `i`. Money is a two-decimal string. Every entry of a failed request is null
 * except `error` (and `errorField` when the error names a field); a component column is null
 * where the quote has no such charge (its amount would be zero).
 */
export interface QuoteTable {
  /** The sum of the lines (present for every quoted request, "0.00" when nothing is due). */
  total: (Money | null)[];
  /** Component `tax`: the tax on the title. */
  tax: (Money | null)[];
  /** Component `droit_de_timbre`: the stamp duty on the card. */
  droitDeTimbre: (Money | null)[];
  /** Component `duplicate_surcharge`. */
  duplicateSurcharge: (Money | null)[];
  /** Component `visa_de_regularisation_filing`: the part due when the application is filed. */
  visaDeRegularisationFiling: (Money | null)[];
  /** Component `visa_de_regularisation_balance`: the balance due when the title is issued. */
  visaDeRegularisationBalance: (Money | null)[];
  /** Component `late_renewal_charge`. */
  lateRenewalCharge: (Money | null)[];
  /** Component `dcem_tax`. */
  dcemTax: (Money | null)[];
  /** Component `travel_document_tax`. */
  travelDocumentTax: (Money | null)[];
  /** What is paid when the application is filed (present for every quoted request). */
  dueAtFiling: (Money | null)[];
  outcome: (Outcome | null)[];
  regime: (RegimeId | null)[];
  /** The error code of a failed request; null for a quoted one. */
  error: (ErrorCode | null)[];
  /** The request field the error names (canonical snake_case), or null. */
  errorField: (string | null)[];
}

/**
 * Quotes many requests into columns ({@link QuoteTable}): the amounts, outcome and regime of
 * each request, or its error code, without the lines, errata and notes of a whole Quote. Far
 * cheaper than {@link quoteMany} when only the amounts are needed. Accepts what quoteMany
 * accepts; a request that cannot be serialised (cyclic, too long) has error "invalid_json" in
 * its row. Requests go to the WebAssembly module in chunks of up to 1,000.
 * @throws {CesedaError} (invalid_json) only when `requests` is not an array.
 */
export declare function quoteTable(requests: readonly QuoteRequest[]): QuoteTable;

/**
 * The canonical JSON contract, verbatim: the JSON text of one snake_case request in, the JSON
 * text of `{"type":"success","quote":{…}}` or `{"type":"failure","error":{…}}` out. Never throws.
 */
export declare function quoteJson(request: string): string;

/** Every permit and travel document. */
export declare function permits(): PermitInfo[];

/** Every tariff regime, oldest first. */
export declare function regimes(): Regime[];

/**
 * The renewal filing window for a title.
 * @throws {CesedaError}
 */
export declare function renewalWindow(request: RenewalWindowRequest | CanonicalRenewalWindowRequest<DateInput>): RenewalWindow;
