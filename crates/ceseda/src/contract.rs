//! The one JSON contract every binding and the CLI speak.
//!
//! Every call answers a tagged object, never a panic:
//!
//! ```json
//! {"type": "success", "quote": { … }}
//! {"type": "failure", "error": {"code": "unknown_code", "message": "…", "field": "permit", "value": "…", "expected": [ … ]}}
//! ```
//!
//! Bindings only translate these values into their language.

use serde_json::{json, Map, Value};

use crate::document::TravelDocument;
use crate::error::{Error, ErrorRecord};
use crate::permit::Permit;
use crate::regime::{RegimeId, REGIMES};
use crate::request::{json_type, parse_date, Request};
use crate::window::renewal_window;
use crate::{quote, tables};

/// `{"type":"failure","error":{…}}` for an error.
pub fn failure(error: &Error) -> Value {
    json!({"type": "failure", "error": ErrorRecord::from(error)})
}

fn success(key: &str, value: Value) -> Value {
    let mut m = Map::new();
    m.insert("type".into(), "success".into());
    m.insert(key.into(), value);
    Value::Object(m)
}

fn to_value<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap_or(Value::Null)
}

/// Quotes one request given as a JSON value.
pub fn quote_value(request: &Value) -> Value {
    match Request::from_value(request).and_then(|r| quote(&r)) {
        Ok(q) => success("quote", to_value(&q)),
        Err(e) => failure(&e),
    }
}

/// Quotes one request given as JSON text; answers JSON text.
pub fn quote_json(request: &str) -> String {
    let answer = match serde_json::from_str::<Value>(request) {
        Ok(v) => quote_value(&v),
        Err(e) => failure(&Error::InvalidJson { message: e.to_string() }),
    };
    answer.to_string()
}

/// Quotes a JSON array of requests; answers a JSON array of answers, one per request, so a
/// bad request does not abort the batch.
pub fn quote_many_json(requests: &str) -> String {
    let answer = match serde_json::from_str::<Value>(requests) {
        // Written answer by answer, so the batch's answers never stand as one value tree.
        Ok(Value::Array(items)) => {
            let mut out = String::with_capacity(items.len() * 512 + 2);
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&quote_value(item).to_string());
            }
            out.push(']');
            return out;
        }
        Ok(other) => failure(&Error::InvalidJson { message: format!("a batch is a JSON array of requests, got {}", json_type(&other)) }),
        Err(e) => failure(&Error::InvalidJson { message: e.to_string() }),
    };
    answer.to_string()
}

/// Quotes a JSON array of requests into columns: `total`, one column per component,
/// `due_at_filing`, `outcome`, `regime`, `error` and `error_field`, each an array with one
/// entry per request (money as two-decimal strings; `null` where a request failed or has no
/// such entry). Far less text than whole quotes, for batch callers that need the amounts.
pub fn quote_table_json(requests: &str) -> String {
    use crate::quote::Component;
    let items = match serde_json::from_str::<Value>(requests) {
        Ok(Value::Array(items)) => items,
        Ok(other) => return failure(&Error::InvalidJson { message: format!("a batch is a JSON array of requests, got {}", json_type(&other)) }).to_string(),
        Err(e) => return failure(&Error::InvalidJson { message: e.to_string() }).to_string(),
    };
    let n = items.len();
    let mut total = Vec::with_capacity(n);
    let mut due_at_filing = Vec::with_capacity(n);
    let mut components: Vec<Vec<Value>> = Component::ALL.iter().map(|_| Vec::with_capacity(n)).collect();
    let (mut outcome, mut regime, mut error, mut error_field) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    for item in &items {
        match Request::from_value(item).and_then(|r| quote(&r)) {
            Ok(q) => {
                total.push(Value::from(crate::money::to_string(q.total)));
                due_at_filing.push(Value::from(crate::money::to_string(q.due_at_filing())));
                for (column, c) in components.iter_mut().zip(Component::ALL) {
                    let amount = q.component(*c);
                    column.push(if amount.is_zero() { Value::Null } else { Value::from(crate::money::to_string(amount)) });
                }
                outcome.push(Value::from(q.outcome.code()));
                regime.push(Value::from(q.regime.code()));
                error.push(Value::Null);
                error_field.push(Value::Null);
            }
            Err(e) => {
                for column in [&mut total, &mut due_at_filing, &mut outcome, &mut regime] {
                    column.push(Value::Null);
                }
                for column in components.iter_mut() {
                    column.push(Value::Null);
                }
                error.push(Value::from(e.code()));
                error_field.push(e.field().map(Value::from).unwrap_or(Value::Null));
            }
        }
    }
    let mut table = Map::new();
    table.insert("total".into(), Value::Array(total));
    for (column, c) in components.into_iter().zip(Component::ALL) {
        table.insert(c.code().into(), Value::Array(column));
    }
    table.insert("due_at_filing".into(), Value::Array(due_at_filing));
    table.insert("outcome".into(), Value::Array(outcome));
    table.insert("regime".into(), Value::Array(regime));
    table.insert("error".into(), Value::Array(error));
    table.insert("error_field".into(), Value::Array(error_field));
    success("table", Value::Object(table)).to_string()
}

/// Every closed vocabulary of the contract, for bindings and tools that generate types:
/// request fields, procedures, regimes, sub-case values, outcomes, components and error codes.
pub fn codes_value() -> Value {
    use crate::quote::{Component, DueAt, Outcome};
    use crate::subcase::{AdmissionCard, CardKind, CardValidity, EuStatus, FamilyMember};
    fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Value {
        Value::Array(all.iter().map(|t| Value::from(code(*t))).collect())
    }
    json!({
        "fields": crate::request::FIELDS,
        "permits": codes(Permit::ALL, Permit::code),
        "travel_documents": codes(TravelDocument::ALL, TravelDocument::code),
        "procedures": codes(crate::Procedure::ALL, crate::Procedure::code),
        "regimes": codes(RegimeId::ALL, RegimeId::code),
        "family_member": codes(FamilyMember::ALL, FamilyMember::code),
        "card_kind": codes(CardKind::ALL, CardKind::code),
        "card_validity": codes(CardValidity::ALL, CardValidity::code),
        "admission_card": codes(AdmissionCard::ALL, AdmissionCard::code),
        "eu_status": codes(EuStatus::ALL, EuStatus::code),
        "outcomes": codes(Outcome::ALL, Outcome::code),
        "components": codes(Component::ALL, Component::code),
        "due": codes(DueAt::ALL, DueAt::code),
        "error_codes": Error::CODES,
    })
}

/// `codes_value()` as JSON text.
pub fn codes_json() -> String {
    success("codes", codes_value()).to_string()
}

/// Every permit and travel document, with labels and the references printed in each table.
pub fn permits_value() -> Value {
    let permits = Permit::ALL.iter().map(|p| {
        let references: Map<String, Value> = [RegimeId::Table2011, RegimeId::Table2016, RegimeId::Table2020, RegimeId::Lf2026]
            .iter()
            .filter_map(|r| tables::printed_row(*p, *r).map(|row| (r.code().to_string(), Value::from(row))))
            .collect();
        json!({
            "code": p.code(),
            "kind": "permit",
            "label_fr": p.label_fr(),
            "label_en": p.label_en(),
            "family": p.family(),
            "article_since_2021": p.article_since_2021(),
            "regimes": tables::regimes_listing(*p),
            "printed_rows": references,
        })
    });
    let travel = TravelDocument::ALL.iter().map(|t| {
        json!({
            "code": t.code(),
            "kind": "travel_document",
            "label_fr": t.label_fr(),
            "label_en": t.label_en(),
            "family": null,
            "article_since_2021": null,
            "regimes": ["table_2016", "table_2020", "lf_2026"],
            "printed_rows": {},
        })
    });
    Value::Array(permits.chain(travel).collect())
}

/// `permits_value()` as JSON text.
pub fn permits_json() -> String {
    success("permits", permits_value()).to_string()
}

/// Every regime, oldest first.
pub fn regimes_value() -> Value {
    to_value(&REGIMES)
}

/// `regimes_value()` as JSON text.
pub fn regimes_json() -> String {
    success("regimes", regimes_value()).to_string()
}

/// The renewal window for `{"permit", "expiry", "filing_date"?, "online_application"?}`.
pub fn window_value(input: &Value) -> Value {
    let run = || -> Result<Value, Error> {
        let map = input.as_object().ok_or_else(|| Error::InvalidJson { message: format!("a window request is a JSON object, got {}", json_type(input)) })?;
        const FIELDS: &[&str] = &["permit", "expiry", "filing_date", "online_application"];
        if let Some(k) = map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            return Err(Error::UnknownField { field: crate::error::truncate(k), expected: FIELDS.to_vec() });
        }
        let text = |field: &'static str| -> Result<Option<&str>, Error> {
            match map.get(field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.as_str())),
                Some(other) => Err(Error::InvalidType { field: field.into(), got: json_type(other), expected: "string" }),
            }
        };
        let permit: Permit = text("permit")?.ok_or(Error::MissingField { field: "permit" })?.parse()?;
        let expiry = parse_date(text("expiry")?.ok_or(Error::MissingField { field: "expiry" })?, "expiry")?;
        let filing = text("filing_date")?.map(|s| parse_date(s, "filing_date")).transpose()?;
        let online = match map.get("online_application") {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => return Err(Error::InvalidType { field: "online_application".into(), got: json_type(other), expected: "boolean" }),
        };
        let window = renewal_window(permit, expiry, filing, online);
        let mut v = to_value(&window);
        if let (Some(date), Value::Object(m)) = (filing, &mut v) {
            let regime = crate::Regime::for_date(date, "filing_date").ok().map(|r| r.id);
            m.insert("late".into(), regime.map(|r| Value::Bool(crate::window::is_late(r, &window, date))).unwrap_or(Value::Null));
        }
        Ok(v)
    };
    match run() {
        Ok(v) => success("window", v),
        Err(e) => failure(&e),
    }
}

/// `window_value()` on JSON text.
pub fn window_json(input: &str) -> String {
    match serde_json::from_str::<Value>(input) {
        Ok(v) => window_value(&v),
        Err(e) => failure(&Error::InvalidJson { message: e.to_string() }),
    }
    .to_string()
}
