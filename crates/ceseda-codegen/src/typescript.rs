//! The npm package's generated files (`bindings/wasm/js/`):
//!
//! * `index.d.ts`: every declaration of the package: the request (camelCase and snake_case
//!   keys), one string-literal union per vocabulary, one interface per answer type,
//!   `CesedaError` and every exported function.
//! * `codes.js`: what the JavaScript translation reads: the error codes, the vocabularies with
//!   their labels, the accepted request keys (both spellings), the answer keys in camelCase,
//!   the members whose keys are data, and the columns of a columnar batch.
//! * `codes.d.ts`: the declarations of `codes.js`.
//!
//! Names follow the schema (`family_member` → `familyMember`, `FamilyMember`), except a few
//! TypeScript names kept from the first hand-written declarations ([`vocabulary_type`],
//! [`answer_type`]).

use std::path::PathBuf;

use serde_json::Value;

use crate::{quoted, File, GENERATED};

/// Where the files go.
/// Where the TypeScript and JavaScript files go.
pub const DIR: &str = "bindings/wasm/js";

/// The TypeScript and JavaScript files.
pub fn files(schema: &Value) -> Vec<File> {
    let s = Schema::read(schema);
    let file = |name: &str, content: String| File { path: PathBuf::from(DIR).join(name), content };
    vec![file("codes.js", codes_js(&s)), file("codes.d.ts", codes_dts(&s)), file("index.d.ts", index_dts(&s))]
}

// ---------------------------------------------------------------------------------------------
// The schema, read.

struct Member<'a> {
    name: &'a str,
    ty: &'a str,
    nullable: bool,
    optional: bool,
    doc: &'a str,
}

struct Type<'a> {
    name: &'a str,
    doc: &'a str,
    members: Vec<Member<'a>>,
}

struct Entry<'a> {
    code: &'a str,
    label_fr: &'a str,
    label_en: &'a str,
}

struct Vocabulary<'a> {
    name: &'a str,
    codes: Vec<Entry<'a>>,
}

struct Field<'a> {
    name: &'a str,
    /// `code`, `date` or `bool`.
    kind: &'a str,
    vocabulary: &'a str,
    required: bool,
    help_en: &'a str,
}

struct Schema<'a> {
    version: u64,
    fields: Vec<Field<'a>>,
    window_request: Vec<Member<'a>>,
    vocabularies: Vec<Vocabulary<'a>>,
    answers: Vec<Type<'a>>,
    totals: &'a str,
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn yes(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn members(v: &Value) -> Vec<Member<'_>> {
    list(v, "members").iter().map(member).collect()
}

fn member(m: &Value) -> Member<'_> {
    Member { name: text(m, "name"), ty: text(m, "type"), nullable: yes(m, "nullable"), optional: yes(m, "optional"), doc: text(m, "doc") }
}

impl<'a> Schema<'a> {
    fn read(schema: &'a Value) -> Schema<'a> {
        let fields = list(schema, "fields")
            .iter()
            .map(|f| {
                let kind = f.get("kind").unwrap_or(&Value::Null);
                Field { name: text(f, "name"), kind: text(kind, "type"), vocabulary: text(kind, "vocabulary"), required: yes(f, "required"), help_en: text(f, "help_en") }
            })
            .collect();
        let vocabularies = list(schema, "vocabularies")
            .iter()
            .map(|v| Vocabulary {
                name: text(v, "name"),
                codes: list(v, "codes").iter().map(|e| Entry { code: text(e, "code"), label_fr: text(e, "label_fr"), label_en: text(e, "label_en") }).collect(),
            })
            .collect();
        let answers = list(schema, "answers").iter().map(|t| Type { name: text(t, "name"), doc: text(t, "doc"), members: members(t) }).collect();
        Schema {
            version: schema.get("version").and_then(Value::as_u64).unwrap_or(0),
            fields,
            window_request: list(schema, "window_request").iter().map(member).collect(),
            vocabularies,
            answers,
            totals: text(schema, "totals"),
        }
    }

    fn vocabulary(&self, name: &str) -> Option<&Vocabulary<'a>> {
        self.vocabularies.iter().find(|v| v.name == name)
    }

    fn answer(&self, name: &str) -> Option<&Type<'a>> {
        self.answers.iter().find(|t| t.name == name)
    }

    fn codes(&self, vocabulary: &str) -> Vec<&'a str> {
        self.vocabulary(vocabulary).map(|v| v.codes.iter().map(|e| e.code).collect()).unwrap_or_default()
    }

    /// The two other vocabularies whose codes, one after the other, are this one's (the
    /// documents are the permits then the travel documents), if any.
    fn concatenation(&self, v: &Vocabulary<'a>) -> Option<(&Vocabulary<'a>, &Vocabulary<'a>)> {
        let codes: Vec<&str> = v.codes.iter().map(|e| e.code).collect();
        let others = || self.vocabularies.iter().filter(|o| o.name != v.name && !o.codes.is_empty());
        others().find_map(|a| {
            let head: Vec<&str> = a.codes.iter().map(|e| e.code).collect();
            let tail = codes.strip_prefix(head.as_slice())?;
            let b = others().find(|b| b.name != a.name && b.codes.iter().map(|e| e.code).eq(tail.iter().copied()))?;
            let same = |x: &Entry<'_>, y: &Entry<'_>| x.code == y.code && x.label_fr == y.label_fr && x.label_en == y.label_en;
            let labels = v.codes.iter().zip(a.codes.iter().chain(&b.codes)).all(|(x, y)| same(x, y));
            labels.then_some((a, b))
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Names and types.

/// `family_member` → `familyMember` (the JavaScript wrapper's rule: `_` + letter or digit).
pub fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut chars = snake.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('_', Some(next)) if next.is_ascii_lowercase() || next.is_ascii_digit() => {
                out.push(next.to_ascii_uppercase());
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

fn pascal(snake: &str) -> String {
    let camel = camel(snake);
    let mut chars = camel.chars();
    chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// The TypeScript name of a vocabulary's union (a few keep their first names, and none may
/// clash with an answer interface or a global such as DOM's `Document`).
fn vocabulary_type(name: &str) -> String {
    match name {
        "document" => "DocumentCode".into(),
        "regime" => "RegimeId".into(),
        "due" => "DueAt".into(),
        other => pascal(other),
    }
}

/// The TypeScript name of an answer type's interface.
fn answer_type(name: &str) -> String {
    match name {
        "error" => "ErrorRecord".into(),
        "window" => "RenewalWindow".into(),
        "table" => "QuoteTable".into(),
        other => pascal(other),
    }
}

/// A schema type in TypeScript.
fn ts_type(s: &Schema<'_>, ty: &str) -> String {
    match ty {
        "string" => "string".into(),
        "money" => "Money".into(),
        "date" => "IsoDate".into(),
        "boolean" => "boolean".into(),
        "integer" => "number".into(),
        _ => {
            if let Some(v) = ty.strip_prefix("code:") {
                vocabulary_type(v)
            } else if let Some(item) = ty.strip_prefix("array:") {
                format!("{}[]", parenthesised(ts_type(s, item)))
            } else if let Some((keys, values)) = ty.strip_prefix("map:").and_then(|rest| rest.split_once(':')) {
                format!("Partial<Record<{}, {}>>", vocabulary_type(keys), ts_type(s, values))
            } else if s.answer(ty).is_some() {
                answer_type(ty)
            } else {
                UNKNOWN.into()
            }
        }
    }
}

fn label_en<'a>(s: &Schema<'a>, vocabulary: &str, code: &str) -> &'a str {
    s.vocabulary(vocabulary).and_then(|v| v.codes.iter().find(|e| e.code == code)).map_or("", |e| e.label_en)
}

/// A sentence: with a full stop unless it ends with one (or an ellipsis).
fn sentence(text: &str) -> String {
    if text.is_empty() || text.ends_with(['.', '…', '?', '!']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// Stands for a type the generator does not know: not a TypeScript type, so tsc refuses it,
/// and the tests look for it.
const UNKNOWN: &str = "UnknownSchemaType";

fn parenthesised(t: String) -> String {
    if t.contains(' ') {
        format!("({t})")
    } else {
        t
    }
}

fn nullable(t: String, nullable: bool) -> String {
    if nullable {
        format!("{t} | null")
    } else {
        t
    }
}

/// A one-line JSDoc comment, indented.
fn doc(indent: &str, text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("{indent}/** {} */\n", text.replace("*/", "*\\/"))
}

fn header(what: &str) -> String {
    format!("// {GENERATED}\n// {what}\n")
}

// ---------------------------------------------------------------------------------------------
// codes.js

fn map_literal(pairs: &[(String, String)]) -> String {
    let body: Vec<String> = pairs.iter().map(|(k, v)| format!("  [{}, {}],", quoted(k), quoted(v))).collect();
    format!("new Map([\n{}\n])", body.join("\n"))
}

/// Both spellings of each field, to the canonical name.
fn key_pairs<'a>(names: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for name in names {
        pairs.push((name.to_string(), name.to_string()));
        if camel(name) != name {
            pairs.push((camel(name), name.to_string()));
        }
    }
    pairs
}

/// The columns of a columnar batch, `[canonical, camelCase]`: the table's first member (the
/// total), one column per component, then the table's other members.
fn table_columns(s: &Schema<'_>) -> Vec<(String, String)> {
    let names: Vec<&str> = s.answer("table").map(|t| t.members.iter().map(|m| m.name).collect()).unwrap_or_default();
    let (first, rest) = names.split_first().map_or((None, &[][..]), |(f, r)| (Some(*f), r));
    first.into_iter().chain(s.codes("component")).chain(rest.iter().copied()).map(|n| (n.to_string(), camel(n))).collect()
}

fn codes_js(s: &Schema<'_>) -> String {
    let mut out = header(&format!("The code lists and key maps the JavaScript API reads (schema version {}).", s.version));
    out.push_str("\n/** Every error code, in the core's order. */\n");
    out.push_str(&format!("export const ERROR_CODES = Object.freeze([{}]);\n", s.codes("error_code").iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", ")));

    out.push_str("\nconst entries = (list) => Object.freeze(list.map(([code, labelFr, labelEn]) => Object.freeze({ code, labelFr, labelEn })));\n");
    // Plain lists first: a concatenation (the documents) refers to two of them.
    let (plain, joined): (Vec<&Vocabulary<'_>>, Vec<&Vocabulary<'_>>) = s.vocabularies.iter().partition(|v| s.concatenation(v).is_none());
    for v in plain {
        let rows: Vec<String> = v.codes.iter().map(|e| format!("  [{}, {}, {}],", quoted(e.code), quoted(e.label_fr), quoted(e.label_en))).collect();
        out.push_str(&format!("const {} = entries([\n{}\n]);\n", camel(v.name), rows.join("\n")));
    }
    for v in joined {
        if let Some((a, b)) = s.concatenation(v) {
            out.push_str(&format!("const {} = Object.freeze([...{}, ...{}]);\n", camel(v.name), camel(a.name), camel(b.name)));
        }
    }
    let names: Vec<String> = s.vocabularies.iter().map(|v| format!("  {},", camel(v.name))).collect();
    out.push_str("\n/** Every vocabulary of the contract: its codes, in order, with French and English labels. */\n");
    out.push_str(&format!("export const VOCABULARIES = Object.freeze({{\n{}\n}});\n", names.join("\n")));

    out.push_str("\n/** Request keys, camelCase and snake_case, to the canonical field name. */\n");
    out.push_str(&format!("export const REQUEST_KEYS = {};\n", map_literal(&key_pairs(s.fields.iter().map(|f| f.name)))));
    out.push_str("\n/** Renewal-window request keys, camelCase and snake_case, to the canonical field name. */\n");
    out.push_str(&format!("export const WINDOW_KEYS = {};\n", map_literal(&key_pairs(s.window_request.iter().map(|m| m.name)))));

    let mut answer_keys: Vec<(String, String)> = Vec::new();
    let mut data_maps: Vec<String> = Vec::new();
    for m in s.answers.iter().flat_map(|t| &t.members) {
        if camel(m.name) != m.name && !answer_keys.iter().any(|(k, _)| k == m.name) {
            answer_keys.push((m.name.to_string(), camel(m.name)));
        }
        if m.ty.starts_with("map:") && !data_maps.iter().any(|d| d == m.name) {
            data_maps.push(quoted(m.name));
        }
    }
    out.push_str("\n/** Answer member names to camelCase (those the same in both spellings are left out). */\n");
    out.push_str(&format!("export const ANSWER_KEYS = {};\n", map_literal(&answer_keys)));
    out.push_str("\n/** Answer members whose keys are data (codes), copied as they are. */\n");
    out.push_str(&format!("export const DATA_MAPS = new Set([{}]);\n", data_maps.join(", ")));
    out.push_str("\n/** The columns of a columnar batch (quote_table_json), [canonical, camelCase], in order. */\n");
    let columns: Vec<String> = table_columns(s).iter().map(|(k, c)| format!("  [{}, {}],", quoted(k), quoted(c))).collect();
    out.push_str(&format!("export const TABLE_COLUMNS = Object.freeze([\n{}\n]);\n", columns.join("\n")));
    out
}

// ---------------------------------------------------------------------------------------------
// codes.d.ts

fn codes_dts(s: &Schema<'_>) -> String {
    let mut out = header("Declarations of codes.js.");
    let types: Vec<String> = s.vocabularies.iter().map(|v| vocabulary_type(v.name)).collect();
    out.push_str(&format!("\nimport type {{ {}, VocabularyEntry }} from './index.js';\n", types.join(", ")));
    out.push_str("\n/** Every error code, in the core's order. */\n");
    out.push_str(&format!("export declare const ERROR_CODES: readonly [{}];\n", s.codes("error_code").iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", ")));
    out.push_str("\n/** Every vocabulary of the contract: its codes, in order, with French and English labels. */\n");
    out.push_str("export declare const VOCABULARIES: {\n");
    for v in &s.vocabularies {
        out.push_str(&format!("  readonly {}: readonly VocabularyEntry<{}>[];\n", camel(v.name), vocabulary_type(v.name)));
    }
    out.push_str("};\n\n");
    out.push_str("export declare const REQUEST_KEYS: ReadonlyMap<string, string>;\n");
    out.push_str("export declare const WINDOW_KEYS: ReadonlyMap<string, string>;\n");
    out.push_str("export declare const ANSWER_KEYS: ReadonlyMap<string, string>;\n");
    out.push_str("export declare const DATA_MAPS: ReadonlySet<string>;\n");
    out.push_str("export declare const TABLE_COLUMNS: readonly (readonly [string, string])[];\n");
    out
}

// ---------------------------------------------------------------------------------------------
// index.d.ts

fn index_dts(s: &Schema<'_>) -> String {
    let mut out = header("Every declaration of the npm package `ceseda`.");
    out.push_str(
        "
import { ERROR_CODES, VOCABULARIES } from './codes.js';

export { ERROR_CODES, VOCABULARIES };

/** An amount in euros as a decimal string with two decimals, e.g. \"225.00\". Never a number. */
export type Money = string;
/** A calendar date, \"YYYY-MM-DD\" (ISO 8601), years 1900 to 2200. */
export type IsoDate = string;
/** A date in a request: an ISO string, or a Date (its local calendar date is used). */
export type DateInput = IsoDate | Date;

/** A code of a vocabulary, with its labels (see {@link VOCABULARIES}). */
export interface VocabularyEntry<C extends string = string> {
  code: C;
  labelFr: string;
  labelEn: string;
}
",
    );

    out.push_str("\n// Vocabularies.\n");
    for v in &s.vocabularies {
        out.push_str(&format!("\n/** The `{}` codes (labels in {{@link VOCABULARIES}}.{}). */\n", v.name, camel(v.name)));
        let body = match s.concatenation(v) {
            Some((a, b)) => format!(" {} | {}", vocabulary_type(a.name), vocabulary_type(b.name)),
            None if v.codes.is_empty() => " never".into(),
            None => v.codes.iter().map(|e| format!("\n  | {}", quoted(e.code))).collect(),
        };
        out.push_str(&format!("export type {} ={body};\n", vocabulary_type(v.name)));
    }

    out.push_str("\n// Requests.\n");
    request_interfaces(s, &mut out);

    out.push_str("\n// Answers.\n");
    for t in &s.answers {
        answer_interface(s, t, &mut out);
    }

    cesedaerror(s, &mut out);
    out.push_str(FUNCTIONS);
    out
}

fn request_interfaces(s: &Schema<'_>, out: &mut String) {
    let field_type = |f: &Field<'_>, date: &str| match f.kind {
        "code" => vocabulary_type(f.vocabulary),
        "date" => date.to_string(),
        "bool" => "boolean".to_string(),
        _ => UNKNOWN.to_string(),
    };
    let body = |camelcase: bool, date: &str| -> String {
        let mut body = String::new();
        for f in &s.fields {
            let name = if camelcase { camel(f.name) } else { f.name.to_string() };
            body.push_str(&doc("  ", &sentence(f.help_en)));
            if f.required {
                body.push_str(&format!("  {name}: {};\n", field_type(f, date)));
            } else {
                body.push_str(&format!("  {name}?: {} | null;\n", field_type(f, date)));
            }
        }
        body
    };
    out.push_str(
        "
/**
 * A request, with camelCase keys. The required fields have no `?`; every other field is
 * optional (absent, `undefined` and `null` all mean \"not said\"). The canonical snake_case keys
 * are accepted too (see {@link CanonicalRequest}).
 */
",
    );
    out.push_str(&format!("export interface Request {{\n{}}}\n", body(true, "DateInput")));
    out.push_str(
        "
/**
 * A request in the canonical snake_case JSON contract (what {@link quoteJson} reads). `D` is the
 * date type: strings in JSON; {@link quote} also accepts Date objects.
 */
",
    );
    out.push_str(&format!("export interface CanonicalRequest<D = IsoDate> {{\n{}}}\n", body(false, "D")));
    out.push_str("\n/** What {@link quote}, {@link quoteMany}, {@link quoteTable} and {@link explain} accept. */\n");
    out.push_str("export type QuoteRequest = Request | CanonicalRequest<DateInput>;\n");
    out.push_str("\n/** What {@link history} accepts: a {@link QuoteRequest} without its `date` (every day is quoted). */\n");
    out.push_str("export type HistoryRequest = Omit<Request, 'date'> | Omit<CanonicalRequest<DateInput>, 'date'>;\n");

    let window = |camelcase: bool, date: &str| -> String {
        let mut body = String::new();
        for m in &s.window_request {
            let name = if camelcase { camel(m.name) } else { m.name.to_string() };
            let ty = if m.ty == "date" { date.to_string() } else { ts_type(s, m.ty) };
            body.push_str(&doc("  ", m.doc));
            body.push_str(&format!("  {name}{}: {};\n", if m.optional { "?" } else { "" }, nullable(ty, m.nullable)));
        }
        body
    };
    out.push_str("\n/** What {@link renewalWindow} accepts (camelCase, or the canonical snake_case keys). */\n");
    out.push_str(&format!("export interface RenewalWindowRequest {{\n{}}}\n", window(true, "DateInput")));
    out.push_str("\n/** {@link RenewalWindowRequest} with the canonical snake_case keys. */\n");
    out.push_str(&format!("export interface CanonicalRenewalWindowRequest<D = IsoDate> {{\n{}}}\n", window(false, "D")));
}

fn answer_interface(s: &Schema<'_>, t: &Type<'_>, out: &mut String) {
    out.push('\n');
    if t.name == "table" {
        // Columns: one entry per request, null where the request was refused.
        out.push_str(&doc("", &format!("{} Each column has one entry per request, entry `i` answering request `i`; {}.", t.doc, s.totals)));
        out.push_str("export interface QuoteTable {\n");
        let components = s.codes("component");
        for (canonical, key) in table_columns(s) {
            let (ty, what) = match t.members.iter().find(|m| m.name == canonical) {
                Some(m) => (m.ty.strip_prefix("array:").map_or_else(|| UNKNOWN.to_string(), |item| ts_type(s, item)), m.doc.to_string()),
                None if components.contains(&canonical.as_str()) => ("Money".to_string(), format!("Component `{canonical}`: {}.", label_en(s, "component", &canonical))),
                None => (UNKNOWN.to_string(), String::new()),
            };
            out.push_str(&doc("  ", &what));
            out.push_str(&format!("  {key}: ({ty} | null)[];\n"));
        }
        out.push_str("}\n");
        return;
    }
    out.push_str(&doc("", t.doc));
    out.push_str(&format!("export interface {} {{\n", answer_type(t.name)));
    // The error record keeps the contract's keys (it is what CesedaError#toJSON() gives).
    let key = |name: &str| if t.name == "error" { name.to_string() } else { camel(name) };
    for m in &t.members {
        out.push_str(&doc("  ", m.doc));
        out.push_str(&format!("  {}{}: {};\n", key(m.name), if m.optional { "?" } else { "" }, nullable(ts_type(s, m.ty), m.nullable)));
    }
    out.push_str("}\n");
}

fn cesedaerror(s: &Schema<'_>, out: &mut String) {
    out.push_str(
        "
/**
 * Why a request was refused: thrown by every function of this package except {@link quoteJson};
 * also an item of {@link quoteMany}'s result. Its members are the {@link ErrorRecord}'s, an
 * absent list being empty and an absent value null.
 */
export declare class CesedaError extends Error {
  constructor(record: ErrorRecord);
  readonly name: 'CesedaError';
",
    );
    for m in s.answer("error").map(|t| t.members.as_slice()).unwrap_or_default() {
        if m.name == "message" {
            continue;
        }
        let list = m.ty.starts_with("array:");
        out.push_str(&doc("  ", m.doc));
        out.push_str(&format!("  readonly {}: {};\n", camel(m.name), nullable(ts_type(s, m.ty), m.nullable || (m.optional && !list))));
    }
    out.push_str("  /** The canonical error record, as in the JSON contract. */\n  toJSON(): ErrorRecord;\n}\n");
}

/// The exported functions: the API of `js/api.js`.
const FUNCTIONS: &str = "
/** The longest JSON text one request may serialise to (UTF-16 code units); longer is invalid_json. */
export declare const MAX_REQUEST_LENGTH: number;

/**
 * A reform: the text of a TOML or JSON reform document, or the document as an object (money as
 * a decimal string or an integer, dates as ISO strings). See the README's *Reforms*.
 */
export type Reform = string | { readonly [key: string]: unknown };

/** The options of a call: the language of error messages, and a reform to price under. */
export interface Options {
  readonly lang?: Lang;
  /** Price under this reform instead of the law: every line it changed has `seed: \"reform\"`. */
  readonly reform?: Reform | null;
}

/**
 * Quotes one request. Money is a two-decimal string, dates are ISO strings, keys camelCase.
 * `options` is the language of error messages (English by default), or `{ lang, reform }`.
 * @throws {CesedaError} for any request the core refuses (an invalid reform: invalid_reform), and for input that is not a JSON
 *   object (including cyclic objects: invalid_json).
 */
export declare function quote(request: QuoteRequest, options?: Lang | Options): Quote;

/**
 * Quotes many requests. The result has one item per request, at the same index: the Quote, or
 * the CesedaError for that request (check with `instanceof CesedaError`); one bad request never
 * fails the others. Requests go to the WebAssembly module in chunks of up to 1,000.
 * @throws {CesedaError} only when `requests` is not an array or `lang` is not a language.
 */
export declare function quoteMany(requests: readonly QuoteRequest[], options?: Lang | Options): Array<Quote | CesedaError>;

/**
 * Quotes many requests into columns ({@link QuoteTable}): the amounts, outcome and regime of
 * each request, or its error, without the lines, errata and notes of a whole Quote. Far cheaper
 * than {@link quoteMany} when only the amounts are needed. A request that cannot be serialised
 * (cyclic, too long) has error \"invalid_json\" in its row.
 * @throws {CesedaError} only when `requests` is not an array or `lang` is not a language.
 */
export declare function quoteTable(requests: readonly QuoteRequest[], options?: Lang | Options): QuoteTable;

/**
 * The quote of a request as plain text, in `lang` (English by default): each line with its
 * amount, article and explanation, the total, notes and errata.
 * @throws {CesedaError}
 */
export declare function explain(request: QuoteRequest, options?: Lang | Options): string;

/**
 * The amounts of one request on every day since 5 January 2009, as periods ({@link History}):
 * the request is a quote request without `date`. A period the core refuses (a sub-case its
 * regime needs, a permit its regime does not list) has `error` set and `total` null.
 * @throws {CesedaError} for a request that cannot be read: a `date` (unknown_field), an unknown
 *   code, a field of the wrong type, input that is not a JSON object.
 */
export declare function history(request: HistoryRequest, options?: Lang | Options): History;

/**
 * The canonical JSON contract, verbatim: the JSON text of one snake_case request in, the JSON
 * text of `{\"type\":\"success\",\"quote\":{…}}` or `{\"type\":\"failure\",\"error\":{…}}` out.
 * Never throws.
 */
export declare function quoteJson(request: string, lang?: Lang): string;

/** Every permit and travel document. */
export declare function permits(): PermitInfo[];

/** Every tariff regime, oldest first. */
export declare function regimes(): Regime[];

/**
 * The renewal filing window for a title.
 * @throws {CesedaError}
 */
export declare function renewalWindow(request: RenewalWindowRequest | CanonicalRenewalWindowRequest<DateInput>, lang?: Lang): RenewalWindow;

/**
 * The sub-cases and circumstances that can change the quote of a permit, a procedure and a
 * decision date, with their labels: the fields a form should ask for. Changing a field it does
 * not list never changes the answer.
 * @throws {CesedaError} as quote() would for these three fields (an unknown code with its
 *   suggestion, a date no regime covers), and unknown_field for any other key.
 */
export declare function relevantFields(request: { permit: DocumentCode; procedure: Procedure; date: DateInput }, lang?: Lang): RelevantFields;
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_follows_the_wrappers_rule() {
        assert_eq!(camel("family_member"), "familyMember");
        assert_eq!(camel("article_since_2021"), "articleSince2021");
        assert_eq!(camel("permit"), "permit");
        assert_eq!(pascal("eu_status"), "EuStatus");
    }

    #[test]
    fn every_type_the_schema_uses_is_known() {
        let schema = crate::schema();
        for f in files(&schema) {
            if f.path.extension().is_some_and(|e| e == "ts") {
                assert!(!f.content.contains(UNKNOWN), "{} has a type the generator does not know", f.path.display());
            }
            assert!(f.content.starts_with(&format!("// {GENERATED}\n")), "{}", f.path.display());
        }
    }

    #[test]
    fn the_table_has_a_column_per_component() {
        let schema = crate::schema();
        let s = Schema::read(&schema);
        let columns: Vec<String> = table_columns(&s).into_iter().map(|(k, _)| k).collect();
        assert_eq!(columns.first().map(String::as_str), Some("total"));
        for c in s.codes("component") {
            assert!(columns.iter().any(|k| k == c), "{c}");
        }
        assert!(columns.iter().any(|k| k == "error_message"));
    }
}
