//! `ceseda._native`: the private native module behind the `ceseda` Python package.
//!
//! The binding is thin: every function hands text to the core's JSON contract
//! ([`ceseda::contract`]) or, for [`quote_columns`], column buffers to the core's one batch
//! path ([`ceseda::contract::batch::quote_columns`]). All tariff logic, every field, code and
//! message stays in the core; the Python package (`python/ceseda`) turns the answers into
//! typed objects and exceptions.
//!
//! Nothing may unwind into Python: every entry point runs under [`guard`], which turns a panic
//! (there should be none: the core never panics) into an `internal_error` answer.

use std::panic::{catch_unwind, AssertUnwindSafe};

use ceseda::contract::batch::{Column, Pricer, RowError, Summary};
use ceseda::contract::{self, failure_in};
use ceseda::{money, Lang};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// The code of the answer given when the binding itself fails (a panic caught at the FFI
/// boundary). It is not one of the core's error codes: it means a bug.
pub(crate) const INTERNAL_ERROR: &str = "internal_error";

/// Runs `f`, turning a panic into the JSON failure answer `internal_error`.
fn guard(f: impl FnOnce() -> String) -> String {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| internal_failure(&panic_message(payload.as_ref())))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with a non-string payload".to_string()
    }
}

fn internal_failure(message: &str) -> String {
    serde_json::json!({
        "type": "failure",
        "error": {"code": INTERNAL_ERROR, "message": format!("internal error in the ceseda binding: {message}"), "field": null, "value": null},
    })
    .to_string()
}

/// Runs `f` with the language `lang` names (the core refuses any other than `fr` and `en`).
fn in_lang(lang: &str, f: impl FnOnce(Lang) -> String) -> String {
    guard(|| match Lang::parse(lang) {
        Ok(lang) => f(lang),
        Err(e) => failure_in(&e, Lang::En),
    })
}

/// Quotes one request given as JSON text; answers the contract's tagged JSON text.
#[pyfunction]
#[pyo3(signature = (request, lang = "en", reform = None))]
fn quote_json(py: Python<'_>, request: &str, lang: &str, reform: Option<&str>) -> String {
    py.detach(|| in_lang(lang, |l| contract::quote_json_reform_in(request, reform, l)))
}

/// Quotes a JSON array of requests; answers a JSON array of tagged answers.
#[pyfunction]
#[pyo3(signature = (requests, lang = "en"))]
fn quote_many_json(py: Python<'_>, requests: &str, lang: &str) -> String {
    py.detach(|| in_lang(lang, |l| contract::quote_many_json_in(requests, l)))
}

/// Quotes a JSON array of requests into columns: `{"type":"success","table":{…}}`.
#[pyfunction]
#[pyo3(signature = (requests, lang = "en", reform = None))]
fn quote_table_json(py: Python<'_>, requests: &str, lang: &str, reform: Option<&str>) -> String {
    py.detach(|| in_lang(lang, |l| contract::quote_table_json_reform_in(requests, reform, l)))
}

/// The tariff history of a request without its `date`: `{"type":"success","history":{…}}`.
#[pyfunction]
#[pyo3(signature = (request, lang = "en", reform = None))]
fn history_json(py: Python<'_>, request: &str, lang: &str, reform: Option<&str>) -> String {
    py.detach(|| in_lang(lang, |l| contract::history_json_reform_in(request, reform, l)))
}

/// The core's plain-text explanation of the quote of a request (JSON text).
#[pyfunction]
#[pyo3(signature = (request, lang = "en", reform = None))]
fn explain_json(py: Python<'_>, request: &str, lang: &str, reform: Option<&str>) -> String {
    py.detach(|| guard(|| contract::explain_json_reform(request, reform, lang)))
}

/// The renewal window for `{"permit", "expiry", "filing_date"?, "online_application"?}`.
#[pyfunction]
#[pyo3(signature = (input, lang = "en"))]
fn window_json(input: &str, lang: &str) -> String {
    in_lang(lang, |l| contract::window_json_in(input, l))
}

/// The sub-cases and circumstances that can change the quote of `{"permit","procedure","date"}`.
#[pyfunction]
#[pyo3(signature = (input, lang = "en"))]
fn relevant_fields_json(py: Python<'_>, input: &str, lang: &str) -> String {
    py.detach(|| in_lang(lang, |l| contract::relevant_fields_json_in(input, l)))
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

/// The schema the package's generated files come from: `{"type":"success","schema":{…}}`.
#[pyfunction]
fn schema_json() -> String {
    guard(contract::schema_json)
}

/// One input column, as Python hands it over: `(field, kind, values, data, nulls, bad)`.
///
/// * `kind` `"codes"`: `values` are the distinct values (`None`: of the wrong type) and
///   `data` little-endian `int32` indices into them, negative for null;
/// * `kind` `"dates"`: `data` is little-endian `int32` days since 1970-01-01;
/// * `kind` `"bools"`: `data` is one byte per row, `0` or `1`.
///
/// `nulls` and `bad` (dates and booleans) hold one byte per row, `1` where the row is null or
/// holds a value of the wrong type.
type ColumnIn<'py> = (String, String, Option<Vec<Option<String>>>, Bound<'py, PyBytes>, Option<Bound<'py, PyBytes>>, Option<Bound<'py, PyBytes>>);

/// A column's buffers, decoded (integers are copied out of the little-endian bytes).
struct Decoded<'a> {
    field: &'a str,
    kind: &'a str,
    values: Vec<Option<&'a str>>,
    /// The `int32` values, read in place where the bytes are aligned (they are: a `bytes`
    /// object's data is), copied otherwise.
    ints: std::borrow::Cow<'a, [i32]>,
    bytes: &'a [u8],
    nulls: Option<&'a [u8]>,
    bad: Option<&'a [u8]>,
}

impl<'a> Decoded<'a> {
    fn column(&'a self, bad_type: &'a str) -> Option<Column<'a>> {
        match self.kind {
            "codes" => Some(Column::Codes { values: &self.values, indices: &self.ints, bad_type }),
            "dates" => Some(Column::Dates { days: &self.ints, nulls: self.nulls, bad: self.bad, bad_type }),
            "bools" => Some(Column::Bools { values: self.bytes, nulls: self.nulls, bad: self.bad, bad_type }),
            _ => None,
        }
    }
}

/// One distinct answer as a row of the core's columnar table: the total, one amount per
/// component, due at filing, outcome, regime, error, error field and error message.
fn table_row(answer: &Result<Summary, RowError>, components: usize) -> Vec<Option<String>> {
    let amount = |d: Option<ceseda::Decimal>| d.map(money::to_string);
    match answer {
        Ok(s) => std::iter::once(amount(s.total))
            .chain(s.components.iter().map(|c| amount(*c)))
            .chain([amount(s.due_at_filing), Some(s.outcome.code().to_string()), Some(s.regime.code().to_string()), None, None, None])
            .collect(),
        Err(e) => std::iter::repeat_n(None, components + 4).chain([Some(e.code.to_string()), e.field.clone(), Some(e.message.clone())]).collect(),
    }
}

/// Little-endian `int32` values: borrowed where the bytes are aligned (no copy of a column),
/// else copied out.
fn ints(bytes: &[u8]) -> std::borrow::Cow<'_, [i32]> {
    match bytemuck::try_cast_slice::<u8, i32>(bytes) {
        Ok(ints) if cfg!(target_endian = "little") => std::borrow::Cow::Borrowed(ints),
        _ => std::borrow::Cow::Owned(bytes.chunks_exact(4).map(|c| c.try_into().map_or(0, i32::from_le_bytes)).collect()),
    }
}

/// Rows priced between two checks for Ctrl-C (a few milliseconds of work).
const CHUNK: usize = 1 << 16;

/// Quotes `len` rows given as columns through the core's batch path, without the GIL.
///
/// Answers `(rows, answers, failure)`: `rows` holds one little-endian `int32` per row, the
/// index of its answer in `answers`, the distinct answers as rows of the core's columnar table
/// (see [`table_row`]); `failure` is the contract's failure answer when the whole call is
/// refused (an unknown field, a short column), else `None`. `bad_type` names the type of every
/// value of the wrong type, for the messages. The row indices are written straight into the
/// returned bytes, chunk by chunk; between two chunks the loop checks for a signal, so Ctrl-C
/// raises `KeyboardInterrupt` within a chunk.
#[pyfunction]
#[pyo3(signature = (len, columns, bad_type, lang = "en", reform = None))]
#[allow(clippy::type_complexity)]
fn quote_columns<'py>(
    py: Python<'py>,
    len: usize,
    columns: Vec<ColumnIn<'py>>,
    bad_type: &str,
    lang: &str,
    reform: Option<&str>,
) -> PyResult<(Bound<'py, PyBytes>, Vec<Vec<Option<String>>>, Option<String>)> {
    let decoded: Vec<Decoded<'_>> = columns
        .iter()
        .map(|(field, kind, values, data, nulls, bad)| {
            let bytes = data.as_bytes();
            Decoded {
                field,
                kind,
                values: values.as_ref().map(|v| v.iter().map(Option::as_deref).collect()).unwrap_or_default(),
                ints: if kind == "bools" { std::borrow::Cow::Borrowed(&[][..]) } else { ints(bytes) },
                bytes,
                nulls: nulls.as_ref().map(|b| b.as_bytes()),
                bad: bad.as_ref().map(|b| b.as_bytes()),
            }
        })
        .collect();
    let refused = |failure: String| Ok((PyBytes::new(py, &[]), Vec::new(), Some(failure)));
    let lang = match Lang::parse(lang) {
        Ok(lang) => lang,
        Err(e) => return refused(failure_in(&e, Lang::En)),
    };
    let mut given = Vec::with_capacity(decoded.len());
    for d in &decoded {
        match d.column(bad_type) {
            Some(column) => given.push((d.field, column)),
            None => return refused(internal_failure(&format!("unknown column kind {:?}", d.kind))),
        }
    }
    let reform = match contract::parse_reform(reform) {
        Ok(reform) => reform,
        Err(e) => return refused(failure_in(&e, lang)),
    };
    let mut pricer = match catch_unwind(AssertUnwindSafe(|| Pricer::new_under(reform.as_deref(), len, &given, lang))) {
        Ok(Ok(pricer)) => pricer,
        Ok(Err(e)) => return refused(failure_in(&e, lang)),
        Err(payload) => return refused(internal_failure(&panic_message(payload.as_ref()))),
    };
    // The loop's outcome: a panic's message, or the interrupt.
    let mut stopped: Option<Result<String, PyErr>> = None;
    let rows = PyBytes::new_with(py, len.saturating_mul(4), |buf| {
        py.detach(|| {
            let mut chunk = vec![0u32; CHUNK.min(len)];
            for (i, bytes) in buf.chunks_mut(CHUNK * 4).enumerate() {
                let n = bytes.len() / 4;
                let Some(part) = chunk.get_mut(..n) else { break };
                if let Err(payload) = catch_unwind(AssertUnwindSafe(|| pricer.price(i * CHUNK, part))) {
                    stopped = Some(Ok(panic_message(payload.as_ref())));
                    break;
                }
                for (dst, row) in bytes.chunks_exact_mut(4).zip(part.iter()) {
                    dst.copy_from_slice(&row.to_le_bytes());
                }
                if let Err(e) = Python::attach(|py| py.check_signals()) {
                    stopped = Some(Err(e));
                    break;
                }
            }
        });
        Ok(())
    })?;
    match stopped {
        Some(Err(interrupt)) => Err(interrupt),
        Some(Ok(panic)) => refused(internal_failure(&panic)),
        None => {
            let components = ceseda::Component::ALL.len();
            let answers = pricer.answers().iter().map(|a| table_row(a, components)).collect();
            Ok((rows, answers, None))
        }
    }
}

/// The private native module of the `ceseda` package.
#[pymodule]
mod _native {
    #[pymodule_export]
    use super::{explain_json, history_json, permits_json, quote_columns, quote_json, quote_many_json, quote_table_json, regimes_json, relevant_fields_json, schema_json, window_json};

    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("INTERNAL_ERROR", super::INTERNAL_ERROR)?;
        Ok(())
    }
}
