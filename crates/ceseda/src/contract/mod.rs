//! The one JSON contract every binding and the CLI speak.
//!
//! Every call answers a tagged object, never a panic:
//!
//! ```json
//! {"type": "success", "quote": { … }}
//! {"type": "failure", "error": {"code": "unknown_code", "message": "…", "field": "permit", "value": "…", "expected": [ … ]}}
//! ```
//!
//! Answers are written straight to text (no intermediate value tree). Bindings only translate
//! them into their language. Functions ending in `_in` take the language of messages.

pub mod batch;
pub mod schema;

use serde::Serialize;
use serde_json::{json, Value};

use crate::law::regimes::{law_for, regimes};
use crate::model::codes::Lang;
use crate::model::date::parse_date;
use crate::model::document::TravelDocument;
use crate::model::error::ErrorRecord;
use crate::model::permit::Permit;
use crate::request::{json_type, Request};
use crate::rules::window::{is_late_by, late_after, renewal_window};
use crate::{quote, Error};

use self::batch::Summary;

/// `{"type":"success","<key>":<value>}`.
fn success<T: Serialize + ?Sized>(key: &str, value: &T) -> String {
    #[derive(Serialize)]
    struct Success<'a, T: ?Sized> {
        r#type: &'static str,
        #[serde(flatten)]
        body: Keyed<'a, T>,
    }
    struct Keyed<'a, T: ?Sized>(&'a str, &'a T);
    impl<T: Serialize + ?Sized> Serialize for Keyed<'_, T> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut m = s.serialize_map(Some(1))?;
            m.serialize_entry(self.0, self.1)?;
            m.end()
        }
    }
    serde_json::to_string(&Success { r#type: "success", body: Keyed(key, value) }).unwrap_or_else(|e| failure_in(&Error::InvalidJson { message: e.to_string() }, Lang::En))
}

/// `{"type":"failure","error":{…}}` for an error, its message in `lang`.
pub fn failure_in(error: &Error, lang: Lang) -> String {
    json!({"type": "failure", "error": ErrorRecord::new(error, lang)}).to_string()
}

/// `{"type":"failure","error":{…}}` as a JSON value (English message).
pub fn failure(error: &Error) -> Value {
    json!({"type": "failure", "error": ErrorRecord::from(error)})
}

fn invalid_json(e: &serde_json::Error) -> Error {
    Error::InvalidJson { message: e.to_string() }
}

/// The answer to one request given as JSON text.
fn answer_in(request: &str, lang: Lang) -> String {
    match Request::from_json(request).and_then(|r| quote(&r)) {
        Ok(q) => success("quote", &q),
        Err(e) => failure_in(&e, lang),
    }
}

/// Quotes one request given as JSON text; answers JSON text (messages in English).
pub fn quote_json(request: &str) -> String {
    answer_in(request, Lang::En)
}

/// [`quote_json`], with messages in `lang`.
pub fn quote_json_in(request: &str, lang: Lang) -> String {
    answer_in(request, lang)
}

/// Quotes one request given as a JSON value.
pub fn quote_value(request: &Value) -> Value {
    let text = match Request::from_value(request).and_then(|r| quote(&r)) {
        Ok(q) => success("quote", &q),
        Err(e) => failure_in(&e, Lang::En),
    };
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Parses an optional reform (TOML or JSON text, see [`crate::reform`]). The last few reforms
/// parsed are kept, with their compiled price tables, so that a binding calling once per
/// request (or once per chunk of a batch) with the same text parses it once; at most
/// [`REFORMS_KEPT`] are kept, so nothing grows with the number of calls.
pub fn parse_reform(reform: Option<&str>) -> Result<Option<std::sync::Arc<crate::Reform>>, Error> {
    use std::sync::{Arc, Mutex};
    static KEPT: Mutex<Vec<(String, Arc<crate::Reform>)>> = Mutex::new(Vec::new());
    let Some(text) = reform else { return Ok(None) };
    if let Ok(kept) = KEPT.lock() {
        if let Some((_, r)) = kept.iter().find(|(t, _)| t == text) {
            return Ok(Some(Arc::clone(r)));
        }
    }
    let parsed = Arc::new(crate::Reform::parse(text)?);
    if let Ok(mut kept) = KEPT.lock() {
        if kept.len() >= REFORMS_KEPT {
            kept.remove(0);
        }
        kept.push((text.to_string(), Arc::clone(&parsed)));
    }
    Ok(Some(parsed))
}

/// How many parsed reforms [`parse_reform`] keeps.
pub const REFORMS_KEPT: usize = 4;

/// Quotes a request under `reform` (`None`: the law).
fn quote_under(reform: Option<&crate::Reform>, request: &Request) -> Result<crate::Quote, Error> {
    match reform {
        Some(r) => r.quote(request),
        None => quote(request),
    }
}

/// [`quote_json_in`] under an optional reform, given as its TOML or JSON text: a bad reform is
/// the answer's error (`invalid_reform`, `unknown_field`, `invalid_json`…).
pub fn quote_json_reform_in(request: &str, reform: Option<&str>, lang: Lang) -> String {
    // The request first, then the reform: the order in which every binding meets them.
    match Request::from_json(request).and_then(|q| parse_reform(reform).and_then(|r| quote_under(r.as_deref(), &q))) {
        Ok(q) => success("quote", &q),
        Err(e) => failure_in(&e, lang),
    }
}

/// [`explain_json`] under an optional reform.
pub fn explain_json_reform(request: &str, reform: Option<&str>, lang: &str) -> String {
    let lang_ok = Lang::parse(lang);
    let lang_for_errors = lang_ok.as_ref().copied().unwrap_or(Lang::En);
    let answer = lang_ok.and_then(|l| Request::from_json(request).and_then(|q| parse_reform(reform).and_then(|r| quote_under(r.as_deref(), &q))).map(|q| q.explain(l)));
    match answer {
        Ok(text) => success("explanation", &text),
        Err(e) => failure_in(&e, lang_for_errors),
    }
}

/// [`history_json_in`] under an optional reform.
pub fn history_json_reform_in(request: &str, reform: Option<&str>, lang: Lang) -> String {
    match history_request(request).and_then(|q| parse_reform(reform).map(|r| (r, q))) {
        Ok((Some(r), q)) => success("history", &r.history_in(&q, lang)),
        Ok((None, q)) => success("history", &crate::history::history_in(&q, lang)),
        Err(e) => failure_in(&e, lang),
    }
}

/// [`quote_table_json_in`] under an optional reform (its own compiled price table).
pub fn quote_table_json_reform_in(requests: &str, reform: Option<&str>, lang: Lang) -> String {
    match parse_reform(reform) {
        Ok(r) => table_under(r.as_deref(), requests, lang),
        Err(e) => failure_in(&e, lang),
    }
}

/// The four whitespace characters of JSON (RFC 8259).
const JSON_WHITESPACE: &[char] = &[' ', '\t', '\n', '\r'];

/// Splits the text of a JSON array into the text of its items, without parsing them, so that
/// each item is parsed on its own (one item nested too deep fails alone). `Err` with the
/// array's own error where the text is not an array.
pub fn split_array(text: &str) -> Result<Vec<&str>, Error> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // JSON's whitespace only: `is_ascii_whitespace` also takes a form feed, which JSON does
    // not (a batch must not accept what the single request refuses; found by fuzz/many).
    let skip_ws = |i: &mut usize| {
        while bytes.get(*i).is_some_and(|b| JSON_WHITESPACE.contains(&char::from(*b))) {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    if bytes.get(i) != Some(&b'[') {
        return Err(match serde_json::from_str::<Value>(text) {
            Ok(other) => Error::InvalidJson { message: format!("a batch is a JSON array of requests, got {}", json_type(&other)) },
            Err(e) => invalid_json(&e),
        });
    }
    i += 1;
    let mut items = Vec::new();
    skip_ws(&mut i);
    if bytes.get(i) == Some(&b']') {
        i += 1;
        skip_ws(&mut i);
        return if i == bytes.len() { Ok(items) } else { Err(Error::InvalidJson { message: "trailing characters after the batch".into() }) };
    }
    loop {
        let start = i;
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        while let Some(&b) = bytes.get(i) {
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' if depth == 0 => break,
                    b']' | b'}' => depth -= 1,
                    b',' if depth == 0 => break,
                    _ => {}
                }
            }
            i += 1;
        }
        let item = text.get(start..i).unwrap_or_default().trim_matches(JSON_WHITESPACE);
        if item.is_empty() {
            return Err(Error::InvalidJson { message: format!("empty item at byte {start} of the batch") });
        }
        items.push(item);
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(b']') => {
                i += 1;
                skip_ws(&mut i);
                if i != bytes.len() {
                    return Err(Error::InvalidJson { message: "trailing characters after the batch".into() });
                }
                return Ok(items);
            }
            _ => return Err(Error::InvalidJson { message: "EOF while parsing the batch".into() }),
        }
    }
}

/// Quotes a JSON array of requests; answers a JSON array of answers, one per request, each
/// exactly the answer [`quote_json`] gives for that request alone.
pub fn quote_many_json(requests: &str) -> String {
    quote_many_json_in(requests, Lang::En)
}

/// [`quote_many_json_in`] under an optional reform.
pub fn quote_many_json_reform_in(requests: &str, reform: Option<&str>, lang: Lang) -> String {
    let reform = match parse_reform(reform) {
        Ok(r) => r,
        Err(e) => return failure_in(&e, lang),
    };
    match split_array(requests) {
        Ok(items) => {
            let answers: Vec<String> = items
                .iter()
                .map(|item| match Request::from_json(item).and_then(|q| quote_under(reform.as_deref(), &q)) {
                    Ok(q) => success("quote", &q),
                    Err(e) => failure_in(&e, lang),
                })
                .collect();
            format!("[{}]", answers.join(","))
        }
        Err(e) => failure_in(&e, lang),
    }
}

/// [`quote_many_json`], with messages in `lang`.
pub fn quote_many_json_in(requests: &str, lang: Lang) -> String {
    match split_array(requests) {
        Ok(items) => {
            let mut out = String::with_capacity(items.len() * 512 + 2);
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&answer_in(item, lang));
            }
            out.push(']');
            out
        }
        Err(e) => failure_in(&e, lang),
    }
}

/// The columns of a batch answer, as the JSON contract writes them.
#[derive(Debug, Default, Serialize)]
pub struct Table {
    /// Totals (money strings; `null` where refused or not an amount).
    pub total: Vec<Option<String>>,
    /// One column per component, in [`crate::Component::ALL`] order.
    #[serde(flatten)]
    pub components: std::collections::BTreeMap<&'static str, Vec<Option<String>>>,
    /// Due at filing.
    pub due_at_filing: Vec<Option<String>>,
    /// Outcomes.
    pub outcome: Vec<Option<&'static str>>,
    /// Regimes.
    pub regime: Vec<Option<&'static str>>,
    /// Error codes.
    pub error: Vec<Option<&'static str>>,
    /// Error fields.
    pub error_field: Vec<Option<String>>,
    /// Error messages.
    pub error_message: Vec<Option<String>>,
}

impl Table {
    fn push(&mut self, answer: Result<&Summary, &batch::RowError>) {
        let money = |d: Option<rust_decimal::Decimal>| d.map(crate::model::money::to_string);
        match answer {
            Ok(s) => {
                self.total.push(money(s.total));
                for (c, amount) in crate::Component::ALL.iter().zip(&s.components) {
                    self.components.entry(c.code()).or_default().push(money(*amount));
                }
                self.due_at_filing.push(money(s.due_at_filing));
                self.outcome.push(Some(s.outcome.code()));
                self.regime.push(Some(s.regime.code()));
                self.error.push(None);
                self.error_field.push(None);
                self.error_message.push(None);
            }
            Err(e) => {
                self.total.push(None);
                for c in crate::Component::ALL {
                    self.components.entry(c.code()).or_default().push(None);
                }
                self.due_at_filing.push(None);
                self.outcome.push(None);
                self.regime.push(None);
                self.error.push(Some(e.code));
                self.error_field.push(e.field.clone());
                self.error_message.push(Some(e.message.clone()));
            }
        }
    }
}

/// Quotes a JSON array of requests into columns: `total`, one column per component,
/// `due_at_filing`, `outcome`, `regime`, `error`, `error_field` and `error_message`, each an
/// array with one entry per request (money as two-decimal strings; a component is `"0.00"`
/// where the total is a number and absent, `null` where the total is `null`).
pub fn quote_table_json(requests: &str) -> String {
    quote_table_json_in(requests, Lang::En)
}

/// [`quote_table_json`], with messages in `lang`.
pub fn quote_table_json_in(requests: &str, lang: Lang) -> String {
    table_under(None, requests, lang)
}

fn table_under(reform: Option<&crate::Reform>, requests: &str, lang: Lang) -> String {
    let items = match split_array(requests) {
        Ok(items) => items,
        Err(e) => return failure_in(&e, lang),
    };
    let mut table = Table::default();
    for c in crate::Component::ALL {
        table.components.insert(c.code(), Vec::with_capacity(items.len()));
    }
    for item in items {
        // The compiled price table where it answers, the engine otherwise.
        let summary = Request::from_json(item).and_then(|r| match reform {
            Some(reform) => match reform.lookup(&r) {
                Some(cell) => Ok(Summary::of_priced(cell.priced)),
                None => reform.engine(&r).map(|q| Summary::of(&q)),
            },
            None => match crate::price_table::lookup(&r) {
                Some(cell) => Ok(Summary::of_priced(cell.priced)),
                None => quote(&r).map(|q| Summary::of(&q)),
            },
        });
        match summary {
            Ok(s) => table.push(Ok(&s)),
            Err(e) => table.push(Err(&batch::RowError::of(&e, lang))),
        }
    }
    success("table", &table)
}

/// The plain-text explanation of the quote of a request: `{"type":"success","explanation":"…"}`.
pub fn explain_json(request: &str, lang: &str) -> String {
    let lang_ok = Lang::parse(lang);
    let lang_for_errors = lang_ok.as_ref().copied().unwrap_or(Lang::En);
    match lang_ok.and_then(|l| Request::from_json(request).and_then(|r| quote(&r)).map(|q| q.explain(l))) {
        Ok(text) => success("explanation", &text),
        Err(e) => failure_in(&e, lang_for_errors),
    }
}

/// Parses a history request: a quote request without its `date` (every day is quoted).
pub fn history_request(request: &str) -> Result<Request, Error> {
    let mut map = crate::request::parse_object(request)?.map_err(|kind| Error::InvalidJson { message: format!("a request is a JSON object, got {kind}") })?;
    if map.contains_key("date") {
        let expected = crate::FIELDS.iter().copied().filter(|f| *f != "date").collect();
        return Err(Error::UnknownField { field: "date".to_string(), expected });
    }
    map.insert("date".to_string(), Value::String(crate::history::FIRST_DAY.to_string()));
    Request::from_map(&map)
}

/// The tariff history of a request given without its date:
/// `{"type":"success","history":{"permit","procedure","periods":[…]}}` (messages in `lang`).
pub fn history_json_in(request: &str, lang: Lang) -> String {
    match history_request(request) {
        Ok(r) => success("history", &crate::history::history_in(&r, lang)),
        Err(e) => failure_in(&e, lang),
    }
}

/// [`history_json_in`] in English.
pub fn history_json(request: &str) -> String {
    history_json_in(request, Lang::En)
}

/// Every closed vocabulary of the contract, for bindings and tools that generate types.
pub fn codes_value() -> Value {
    serde_json::to_value(schema::codes()).unwrap_or(Value::Null)
}

/// `codes_value()` as JSON text.
pub fn codes_json() -> String {
    success("codes", &schema::codes())
}

/// The machine-readable schema every binding is generated from (see [`schema`]).
pub fn schema_json() -> String {
    success("schema", &schema::schema())
}

/// Every permit and travel document, with labels and the rows printed in each regime's law.
pub fn permits_value() -> Value {
    let permits = Permit::ALL.iter().map(|p| {
        let references: serde_json::Map<String, Value> = crate::RegimeId::ALL
            .iter()
            .filter_map(|r| crate::law::printed_row(*p, *r).map(|row| (r.code().to_string(), Value::from(row))))
            .collect();
        json!({
            "code": p.code(),
            "kind": "permit",
            "label_fr": p.label_fr(),
            "label_en": p.label_en(),
            "family": p.family(),
            "article_since_2021": p.article_since_2021(),
            "regimes": crate::law::regimes_listing(*p),
            "printed_rows": references,
        })
    });
    let travel = TravelDocument::ALL.iter().map(|t| {
        let regimes: Vec<&str> = crate::law::regimes::LAWS.iter().filter(|l| matches!(l.travel, crate::law::types::Paragraph::In(_))).map(|l| l.regime.id.code()).collect();
        json!({
            "code": t.code(),
            "kind": "travel_document",
            "label_fr": t.label_fr(),
            "label_en": t.label_en(),
            "family": null,
            "article_since_2021": null,
            "regimes": regimes,
            "printed_rows": {},
        })
    });
    Value::Array(permits.chain(travel).collect())
}

/// `permits_value()` as JSON text.
pub fn permits_json() -> String {
    success("permits", &permits_value())
}

/// Every regime, oldest first.
pub fn regimes_value() -> Value {
    serde_json::to_value(regimes().collect::<Vec<_>>()).unwrap_or(Value::Null)
}

/// `regimes_value()` as JSON text.
pub fn regimes_json() -> String {
    success("regimes", &regimes().collect::<Vec<_>>())
}

/// The fields of a window request.
pub const WINDOW_FIELDS: &[&str] = &["permit", "expiry", "filing_date", "online_application"];

/// The renewal window for `{"permit", "expiry", "filing_date"?, "online_application"?}`.
pub fn window_value(input: &Value) -> Value {
    serde_json::from_str(&window_answer(input, Lang::En)).unwrap_or(Value::Null)
}

fn window_answer(input: &Value, lang: Lang) -> String {
    let run = || -> Result<String, Error> {
        let map = input.as_object().ok_or_else(|| Error::InvalidJson { message: format!("a window request is a JSON object, got {}", json_type(input)) })?;
        if let Some(k) = map.keys().find(|k| !WINDOW_FIELDS.contains(&k.as_str())) {
            return Err(Error::UnknownField { field: crate::model::error::truncate(k), expected: WINDOW_FIELDS.to_vec() });
        }
        let text = |field: &'static str| -> Result<Option<&str>, Error> {
            match map.get(field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.as_str())),
                Some(other) => Err(Error::InvalidType { field: field.into(), got: json_type(other), expected: "string" }),
            }
        };
        let permit = Permit::parse_field(text("permit")?.ok_or(Error::MissingField { field: "permit" })?, "permit")?;
        let expiry = parse_date(text("expiry")?.ok_or(Error::MissingField { field: "expiry" })?, "expiry")?;
        let filing = text("filing_date")?.map(|s| parse_date(s, "filing_date")).transpose()?;
        let online = match map.get("online_application") {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => return Err(Error::InvalidType { field: "online_application".into(), got: json_type(other), expected: "boolean" }),
        };
        let window = renewal_window(permit, expiry, filing, online)?;
        let mut v = serde_json::to_value(&window).map_err(|e| invalid_json(&e))?;
        if let (Some(date), Value::Object(m)) = (filing, &mut v) {
            // The late-renewal paragraph of the regime in force on the filing date: `None` where
            // no regime covers it, `Some(None)` where that regime has no late charge.
            let definition = law_for(date, "filing_date").ok().map(|law| match &law.late {
                crate::law::types::Paragraph::In(l) => Some(l.definition),
                _ => None,
            });
            let late = definition.map(|d| d.is_some_and(|d| is_late_by(d, &window, date)));
            m.insert("late".into(), late.map_or(Value::Null, Value::Bool));
            m.insert("status".into(), Value::from(window.status(date).code()));
            let late_after = definition.flatten().map(|d| late_after(d, &window).to_string());
            m.insert("late_after".into(), late_after.map_or(Value::Null, Value::String));
        }
        Ok(success("window", &v))
    };
    run().unwrap_or_else(|e| failure_in(&e, lang))
}

/// `window_value()` on JSON text.
pub fn window_json(input: &str) -> String {
    window_json_in(input, Lang::En)
}

/// [`window_json`], with messages in `lang`.
pub fn window_json_in(input: &str, lang: Lang) -> String {
    match crate::request::parse_object(input) {
        Ok(Ok(map)) => window_answer(&Value::Object(map), lang),
        Ok(Err(kind)) => failure_in(&Error::InvalidJson { message: format!("a window request is a JSON object, got {kind}") }, lang),
        Err(e) => failure_in(&e, lang),
    }
}

/// The fields of a relevant-fields request.
pub const RELEVANT_FIELDS_REQUEST: &[&str] = &["permit", "procedure", "date"];

/// One field as [`relevant_fields_json_in`] lists it: the schema's description of the field.
#[derive(Debug, Clone, Serialize)]
pub struct FieldInfo {
    /// The JSON name.
    pub name: &'static str,
    /// `sub_case` or `circumstance`.
    pub group: crate::fields::Group,
    /// `code`, `date` or `bool`.
    pub kind: &'static str,
    /// The vocabulary of a code field (null otherwise).
    pub vocabulary: Option<&'static str>,
    /// French label.
    pub label_fr: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// French help.
    pub help_fr: &'static str,
    /// English help.
    pub help_en: &'static str,
}

#[derive(Serialize)]
struct Relevant {
    permit: crate::Document,
    procedure: crate::Procedure,
    date: chrono::NaiveDate,
    regime: crate::RegimeId,
    fields: Vec<FieldInfo>,
}

/// The sub-cases and circumstances that can change the quote of `{"permit","procedure","date"}`
/// ([`crate::relevant_fields`]): `{"type":"success","relevant_fields":{"permit","procedure",
/// "date","regime","fields":[…]}}`, messages in `lang`. A date no regime covers is refused as
/// a quote would be (`date_out_of_range`).
pub fn relevant_fields_json_in(input: &str, lang: Lang) -> String {
    let run = || -> Result<String, Error> {
        let value: Value = serde_json::from_str(input).map_err(|e| invalid_json(&e))?;
        let map = value.as_object().ok_or_else(|| Error::InvalidJson { message: format!("a relevant-fields request is a JSON object, got {}", json_type(&value)) })?;
        if let Some(k) = map.keys().find(|k| !RELEVANT_FIELDS_REQUEST.contains(&k.as_str())) {
            return Err(Error::UnknownField { field: crate::model::error::truncate(k), expected: RELEVANT_FIELDS_REQUEST.to_vec() });
        }
        let request = Request::from_map(map)?;
        let law = law_for(request.date, "date")?;
        let fields = crate::relevant_fields(request.permit, request.procedure, request.date)
            .into_iter()
            .map(|f| FieldInfo {
                name: f.name,
                group: f.group,
                kind: match f.kind {
                    crate::fields::FieldKind::Code(_) => "code",
                    crate::fields::FieldKind::Date => "date",
                    crate::fields::FieldKind::Bool => "bool",
                },
                vocabulary: match f.kind {
                    crate::fields::FieldKind::Code(v) => Some(v.name()),
                    _ => None,
                },
                label_fr: schema::static_str(&f.label.fr),
                label_en: schema::static_str(&f.label.en),
                help_fr: schema::static_str(&f.help.fr),
                help_en: schema::static_str(&f.help.en),
            })
            .collect();
        let answer = Relevant { permit: request.permit, procedure: request.procedure, date: request.date, regime: law.regime.id, fields };
        Ok(success("relevant_fields", &answer))
    };
    run().unwrap_or_else(|e| failure_in(&e, lang))
}

/// [`relevant_fields_json_in`] in English.
pub fn relevant_fields_json(input: &str) -> String {
    relevant_fields_json_in(input, Lang::En)
}
