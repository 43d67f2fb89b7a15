// Type-checked (never run) by tests/types.test.mjs: `tsc --noEmit -p tests/types`. Every line
// marked with the expect-error directive must be an error: the declarations are checked both ways.
import {
  CesedaError, ERROR_CODES, MAX_REQUEST_LENGTH, VOCABULARIES, explain, history, permits, quote, quoteJson, quoteMany, quoteTable, regimes, relevantFields, renewalWindow,
} from 'ceseda';
import { init, quote as quoteAfterInit } from 'ceseda/init';
import type {
  Component, ComponentAmount, DocumentCode, DocumentKind, ErrorCode, ErrorRecord, Erratum, History, HistoryRequest, IsoDate, Lang, Line, Money, Note,
  FieldInfo, Outcome, Period, PeriodError, Permit, PermitFamily, PermitInfo, Procedure, Quote, QuoteTable, Regime, RegimeId, RelevantFields, RenewalWindow, Request, SourceText,
  TravelDocument, VocabularyEntry,
} from 'ceseda';

const request: Request = { permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' };
const q: Quote = quote(request);
const total: Money | null = q.total;
const dueAtFiling: Money | null = q.dueAtFiling;
if (q.total !== null) {
  const sure: Money = q.total;
}
const outcome: Outcome = q.outcome;
const regime: RegimeId = q.regime;
const line: Line | undefined = q.lines[0];
const component: Component | undefined = line?.component;
const seedRow: string | undefined = line?.seedRow;
const fr: string | undefined = line?.explanation.fr;
const errata: Erratum[] = q.errata;
const notes: Note[] = q.notes;
const code: DocumentCode = q.permit;

// Dates as strings or Date objects; every optional field, camelCase or snake_case.
quote({
  permit: 'salarie', procedure: 'renewal', date: new Date(), applicationDate: new Date(2024, 0, 1), previousTitleExpiry: '2024-01-15',
  irregularEntry: false, forceMajeure: true, holdsValidVisa: false, violenceVictim: false, euStatus: 'family_member', defenceCooperationAgreement: false,
  algerianNational: null, onlineApplication: true, regime: 'table_2020', familyMember: 'spouse', reunificationOnSite: false,
  enteredViaFamilyReunification: true, cardKind: 'csp', cardValidity: 'one_year', admissionCard: 'vpf', previouslyHeldCst: true,
  underlyingPermit: 'etudiant', reunificationGrantedOn: new Date(),
});
quote({ permit: 'dcem', procedure: 'first_issue', date: '2024-03-01', irregular_entry: true, application_date: new Date() });
quote({ permit: 'titre_voyage_protection_subsidiaire_4_ans', procedure: 'renewal', date: '2024-03-01' });

// @ts-expect-error: not a permit code
quote({ permit: 'visitor', procedure: 'first_issue', date: '2024-03-01' });
// @ts-expect-error: not a procedure
quote({ permit: 'visiteur', procedure: 'renew', date: '2024-03-01' });
// @ts-expect-error: date is required
quote({ permit: 'visiteur', procedure: 'first_issue' });
// @ts-expect-error: booleans are booleans
quote({ ...request, irregularEntry: 'yes' });
// @ts-expect-error: a travel document is never the title issued
quote({ ...request, underlyingPermit: 'dcem' });
// @ts-expect-error: money is a string, never a number
const asNumber: number = q.total;
// @ts-expect-error: the total may be null (sans_objet, hors_champ)
const notNull: Money = q.total;
// @ts-expect-error: keys are camelCase in a Quote
q.lines[0]?.seed_row;

// quoteMany: a Quote or a CesedaError per request.
for (const item of quoteMany([request, { ...request, permit: 'salarie' }])) {
  if (item instanceof CesedaError) {
    const c: ErrorCode = item.code;
    const f: string | null = item.field;
    const v: string | null = item.value;
    const e: string[] = item.expected;
    const s: string | null = item.suggestion;
    const r: ErrorRecord = item.toJSON();
    const rs: string[] | undefined = r.expected;
  } else {
    const t: Money | null = item.total;
  }
}

// quoteTable: one array per column, null where a request failed or a charge is absent.
const table: QuoteTable = quoteTable([request, { permit: 'dcem', procedure: 'first_issue', date: new Date(), irregular_entry: true }]);
const totals: (Money | null)[] = table.total;
const firstTotal: Money | null | undefined = table.total[0];
const columns: (Money | null)[][] = [
  table.tax, table.droitDeTimbre, table.duplicateSurcharge, table.visaDeRegularisationFiling, table.visaDeRegularisationBalance,
  table.lateRenewalCharge, table.dcemTax, table.travelDocumentTax, table.dueAtFiling,
];
const messages: (string | null)[] = table.errorMessage;
const outcomes: (Outcome | null)[] = table.outcome;
const regimeIds: (RegimeId | null)[] = table.regime;
const errorCodes: (ErrorCode | null)[] = table.error;
const errorFields: (string | null)[] = table.errorField;
quoteTable([]);
quoteTable(quoteMany([]).length ? [request] : [{ permit: 'visiteur', procedure: 'renewal', date: '2024-03-01', family_member: 'spouse' }]);
for (const t of table.total) {
  // @ts-expect-error: money can be null in a table
  const m: Money = t;
  if (t !== null) {
    const ok: Money = t;
  }
}
// @ts-expect-error: money is a string, never a number
const tableNumber: (number | null)[] = table.tax;
// @ts-expect-error: columns are camelCase
table.droit_de_timbre;
// @ts-expect-error: an error column holds error codes
const badCode: 'no_such_code' | null | undefined = table.error[0];
// @ts-expect-error: the requests are checked as in quote()
quoteTable([{ permit: 'visitor', procedure: 'first_issue', date: '2024-03-01' }]);
// @ts-expect-error: a batch is an array
quoteTable(request);

try {
  quote(request);
} catch (e) {
  if (e instanceof CesedaError && e.code === 'missing_sub_case') {
    const m: string = e.message;
  }
  // @ts-expect-error: not an error code
  if (e instanceof CesedaError && e.code === 'no_such_code') {
  }
}

// explain(), and lang for messages.
const text1: string = explain(request);
const text2: string = explain({ permit: 'visiteur', procedure: 'first_issue', date: new Date() }, 'fr');
quote(request, 'en');
quoteMany([request], 'fr');
quoteTable([request], 'fr');
renewalWindow({ permit: 'salarie', expiry: '2024-06-30' }, 'fr');
quoteJson('{}', 'fr');
const lang: Lang = 'fr';
// @ts-expect-error: fr or en only
explain(request, 'de');
// @ts-expect-error: fr or en only
quote(request, 'FR');

// Vocabularies with labels.
const procedures: readonly VocabularyEntry<Procedure>[] = VOCABULARIES.procedure;
const firstLabel: string | undefined = VOCABULARIES.component[0]?.labelFr;
const outcomeCode: Outcome | undefined = VOCABULARIES.outcome[0]?.code;
// @ts-expect-error: no such vocabulary
VOCABULARIES.colour;

const codes: readonly ErrorCode[] = ERROR_CODES;
const first: 'unknown_code' = ERROR_CODES[0];
const limit: number = MAX_REQUEST_LENGTH;
const text: string = quoteJson('{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01"}');

const list: PermitInfo[] = permits();
const permitCodes: Permit[] = list.filter((p) => p.kind === 'permit').map((p) => p.code as Permit);
const rows: string | undefined = list[0]?.printedRows.table_2016;
const article: string | null | undefined = list[0]?.articleSince2021;
const travel: TravelDocument = 'sauf_conduit';
const procedure: Procedure = 'change_of_details';
const kind: DocumentKind | undefined = list[0]?.kind;
const family: PermitFamily | null | undefined = list[0]?.family;
// @ts-expect-error: printed rows are keyed by regime ids
const noRow = list[0]?.printedRows.table_1999;
const rs: Regime[] = regimes();
const until: string | null | undefined = rs[0]?.validUntil;
const sources: SourceText[] | undefined = rs[0]?.sources;

const w: RenewalWindow = renewalWindow({ permit: 'salarie', expiry: new Date(), filingDate: '2024-03-01', onlineApplication: true });
renewalWindow({ permit: 'salarie', expiry: '2024-06-30', filing_date: new Date(), online_application: false });
const late: boolean | null | undefined = w.late;
const opens: string | null = w.opens;
// @ts-expect-error: a travel document has no renewal window
renewalWindow({ permit: 'dcem', expiry: '2024-06-30' });

// history(): a request without its date; periods with money strings, ISO dates and nullable parts.
const hr: HistoryRequest = { permit: 'visiteur', procedure: 'first_issue' };
const h: History = history(hr);
history({ permit: 'salarie', procedure: 'renewal', previousTitleExpiry: new Date(), application_date: '2024-03-01' }, 'fr');
history({ permit: 'cr_regroupement_familial', procedure: 'first_issue', familyMember: 'spouse' });
const hp: DocumentCode = h.permit;
const period: Period | undefined = h.periods[0];
if (period) {
  const from: IsoDate = period.from;
  const to: IsoDate | null = period.until;
  const periodTotal: Money | null = period.total;
  const periodOutcome: Outcome | null = period.outcome;
  const periodRegimes: RegimeId[] = period.regimes;
  const amounts: ComponentAmount[] = period.components;
  const c0: Component | undefined = period.components[0]?.component;
  const pe: PeriodError | null = period.error;
  const peCode: ErrorCode | undefined = period.error?.code;
  const peField: string | null | undefined = period.error?.field;
  // @ts-expect-error: the last period has no end
  const always: IsoDate = period.until;
  // @ts-expect-error: money is a string, never a number
  const periodNumber: number | null = period.total;
}
// @ts-expect-error: a history request has no date
history({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' });
// @ts-expect-error: nor in snake_case objects with Date values
history({ permit: 'visiteur', procedure: 'first_issue', application_date: new Date(), date: new Date() });
// @ts-expect-error: not a permit code
history({ permit: 'visitor', procedure: 'first_issue' });
// @ts-expect-error: the procedure is required
history({ permit: 'visiteur' });
// @ts-expect-error: fr or en only
history(hr, 'de');

// relevantFields: the questions a form asks, with their labels.
const relevant: RelevantFields = relevantFields({ permit: 'visiteur', procedure: 'first_issue', date: new Date() }, 'fr');
const firstField: FieldInfo | undefined = relevant.fields[0];
const fieldLabel: string | undefined = firstField?.labelFr;
const fieldVocabulary: string | null | undefined = firstField?.vocabulary;
const inForce: RegimeId = relevant.regime;
// @ts-expect-error: not a permit code
relevantFields({ permit: 'visitor', procedure: 'first_issue', date: '2024-03-01' });
// @ts-expect-error: the date is required
relevantFields({ permit: 'visiteur', procedure: 'first_issue' });
// ceseda/init: the same API after init().
const ready: Promise<void> = init('/assets/ceseda_bg.wasm');
void ready.then(() => quoteAfterInit({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' }).total);
void [fieldLabel, fieldVocabulary, inForce];
