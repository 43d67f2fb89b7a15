//! `ceseda._native`: the private native module behind the `ceseda` Python package.
//!
//! The binding is thin. Every function speaks the core's JSON contract
//! ([`ceseda::contract`]) or, for [`quote_frame`], moves column buffers in and out; all
//! tariff logic stays in the core. The Python package (`python/ceseda`) turns the answers
//! into typed objects and exceptions.
//!
//! Nothing may unwind into Python: every entry point runs under [`guard`], which turns a
//! panic (there should be none: the core never panics) into an `internal_error` answer.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use ceseda::contract;
use ceseda::{
    AdmissionCard, CardKind, CardValidity, Circumstances, Component, Confidence, Document, DueAt, Error, EuStatus,
    FamilyMember, Outcome, Permit, Procedure, Quote, RegimeId, Request, SubCase, TravelDocument, WindowRule, FIELDS,
};
use chrono::NaiveDate;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde_json::{json, Map, Value};

mod frame;

/// The code of the answer given when the binding itself fails (a panic caught at the FFI
/// boundary). It is not one of the core's [`Error::CODES`]: it means a bug.
pub(crate) const INTERNAL_ERROR: &str = "internal_error";

/// Runs `f`, turning a panic into the JSON failure answer `internal_error`.
fn guard(f: impl FnOnce() -> String) -> String {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| internal_failure(&panic_message(payload.as_ref())))
}

pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with a non-string payload".to_string()
    }
}

fn internal_failure(message: &str) -> String {
    json!({
        "type": "failure",
        "error": {"code": INTERNAL_ERROR, "message": format!("internal error in the ceseda binding: {message}"), "field": null, "value": null},
    })
    .to_string()
}

/// Quotes one request given as JSON text; answers the contract's tagged JSON text.
#[pyfunction]
fn quote_json(py: Python<'_>, request: &str) -> String {
    py.detach(|| guard(|| contract::quote_json(request)))
}

/// Quotes a JSON array of requests; answers a JSON array of tagged answers.
#[pyfunction]
fn quote_many_json(py: Python<'_>, requests: &str) -> String {
    py.detach(|| guard(|| contract::quote_many_json(requests)))
}

/// Every permit and travel document: `{"type":"success","permits":[…]}`.
#[pyfunction]
fn permits_json() -> String {
    guard(contract::permits_json)
}

/// Every regime: `{"type":"success","regimes":[…]}`.
#[pyfunction]
fn regimes_json() -> String {
    guard(contract::regimes_json)
}

/// The renewal window for `{"permit", "expiry", "filing_date"?, "online_application"?}`.
#[pyfunction]
fn window_json(input: &str) -> String {
    guard(|| contract::window_json(input))
}

/// The core's plain-text explanation of a quote given as its canonical JSON object:
/// `{"type":"success","explanation":"…"}`, or a failure if the text is not a quote.
#[pyfunction]
fn explain_json(quote: &str, lang: &str) -> String {
    guard(|| match serde_json::from_str::<Quote>(quote) {
        Ok(q) => json!({"type": "success", "explanation": q.explain(lang)}).to_string(),
        Err(e) => contract::failure(&Error::InvalidJson { message: format!("not a quote: {e}") }).to_string(),
    })
}

/// The closed vocabularies of the contract, from the core: field names, error codes and
/// the codes of every enumeration.
#[pyfunction]
fn vocabularies() -> HashMap<&'static str, Vec<&'static str>> {
    fn codes<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|v| code(*v)).collect()
    }
    HashMap::from([
        ("fields", FIELDS.to_vec()),
        ("error_codes", Error::CODES.to_vec()),
        ("permit", codes(Permit::ALL, Permit::code)),
        ("travel_document", codes(TravelDocument::ALL, TravelDocument::code)),
        ("procedure", codes(Procedure::ALL, Procedure::code)),
        ("regime", codes(RegimeId::ALL, RegimeId::code)),
        ("family_member", codes(FamilyMember::ALL, FamilyMember::code)),
        ("card_kind", codes(CardKind::ALL, CardKind::code)),
        ("card_validity", codes(CardValidity::ALL, CardValidity::code)),
        ("admission_card", codes(AdmissionCard::ALL, AdmissionCard::code)),
        ("eu_status", codes(EuStatus::ALL, EuStatus::code)),
        ("outcome", codes(Outcome::ALL, Outcome::code)),
        ("component", codes(Component::ALL, Component::code)),
        ("due", codes(DueAt::ALL, DueAt::code)),
        ("confidence", codes(Confidence::ALL, Confidence::code)),
        ("window_rule", codes(WindowRule::ALL, WindowRule::code)),
    ])
}

/// Quotes a whole frame, column by column. See [`frame`] for the buffer layout.
///
/// `columns` holds one `(field, uniques, data)` triple per request field given:
/// * a code field: `uniques` lists the column's distinct values (`None` for a value of the
///   wrong type) and `data` holds little-endian `int32` indices into it, `-1` for null;
/// * a date field: `uniques` is `None`; `data` holds little-endian `int32` days since
///   1970-01-01, `i32::MIN` for null and `i32::MIN + 1` for a value of the wrong type;
/// * a boolean field: `uniques` is `None`; `data` holds `int8`: `0`, `1`, `-1` for null,
///   `-2` for a value of the wrong type.
///
/// Answers `(amounts, validity, null_count, outcome, regime, error, error_field)`:
/// `amounts` is `1 + Component::ALL.len()` little-endian `i128` columns (decimal128, scale
/// 2) one after the other, the total first; `validity` the Arrow bitmap shared by them;
/// the last four are `int8` indices into the `outcome`, `regime`, `error_codes` and
/// `fields` vocabularies, `-1` for null.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn quote_frame<'py>(
    py: Python<'py>,
    rows: usize,
    columns: Vec<(String, Option<Vec<Option<String>>>, Bound<'py, PyBytes>)>,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>, usize, Bound<'py, PyBytes>, Bound<'py, PyBytes>, Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let specs: Vec<frame::Spec<'_>> =
        columns.iter().map(|(field, uniques, data)| frame::Spec { field: field.as_str(), uniques: uniques.as_deref(), data: data.as_bytes() }).collect();
    let out = py.detach(|| {
        catch_unwind(AssertUnwindSafe(|| frame::run(rows, &specs))).unwrap_or_else(|payload| Err(format!("{}: {}", INTERNAL_ERROR, panic_message(payload.as_ref()))))
    });
    let out = out.map_err(PyValueError::new_err)?;
    Ok((
        PyBytes::new(py, &out.amounts),
        PyBytes::new(py, &out.validity),
        out.null_count,
        PyBytes::new(py, &out.outcome),
        PyBytes::new(py, &out.regime),
        PyBytes::new(py, &out.error),
        PyBytes::new(py, &out.error_field),
    ))
}

/// Parses one distinct value of a code column exactly as the core parses that request
/// field: through [`Request::from_map`], so the error (code, field, expected values) is the
/// core's own.
pub(crate) fn parse_code(field: &'static str, value: &str) -> Result<Request, Error> {
    let mut map = Map::new();
    map.insert("permit".into(), Value::from("visiteur"));
    map.insert("procedure".into(), Value::from("first_issue"));
    map.insert("date".into(), Value::from("2020-06-15"));
    map.insert(field.into(), Value::from(value));
    Request::from_map(&map)
}

/// A request with no field set yet: the frame fills it row by row.
pub(crate) fn blank_request() -> Request {
    Request {
        permit: Document::Permit(Permit::Visiteur),
        procedure: Procedure::FirstIssue,
        date: NaiveDate::MIN,
        regime: None,
        sub_case: SubCase::default(),
        circumstances: Circumstances::default(),
    }
}

/// The private native module of the `ceseda` package.
#[pymodule]
mod _native {
    #[pymodule_export]
    use super::{explain_json, permits_json, quote_frame, quote_json, quote_many_json, regimes_json, vocabularies, window_json};

    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("INTERNAL_ERROR", super::INTERNAL_ERROR)?;
        Ok(())
    }
}
