//! The one batch path: every binding and the CLI quote many requests through it.
//!
//! * [`quote_each`] streams: one answer per request, in order, in constant memory.
//! * [`quote_columns`] takes columns of already-factorised values (a code column is its
//!   distinct values plus one index per row) and answers one index per row into a table of
//!   distinct [`Summary`] answers: a frame of ten million rows has a few hundred distinct
//!   answers, so the result is four bytes a row. Each distinct request is priced once.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::fields::{Field, FieldKind, FieldValue, SPECS};
use crate::law::regimes::RegimeId;
use crate::model::answer::{Component, Outcome};
use crate::model::codes::Lang;
use crate::model::date::{from_epoch_days, parse_date};
use crate::quote::Quote;
use crate::request::Request;
use crate::{quote, Error};

/// FxHash (rustc's): the maps of [`quote_columns`] hash a request per row, and SipHash cost
/// more than pricing it. Their keys are parsed requests and answers, not raw text.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            if let Some(w) = word.get_mut(..chunk.len()) {
                w.copy_from_slice(chunk);
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fx>>;

/// Quotes requests one by one, in order.
pub fn quote_each<I>(requests: I) -> impl Iterator<Item = Result<Quote, Error>>
where
    I: IntoIterator<Item = Result<Request, Error>>,
{
    requests.into_iter().map(|r| r.and_then(|r| quote(&r)))
}

/// [`quote_each`] under a reform (`None`: the law).
pub fn quote_each_under<'r, I>(reform: Option<&'r crate::Reform>, requests: I) -> impl Iterator<Item = Result<Quote, Error>> + 'r
where
    I: IntoIterator<Item = Result<Request, Error>>,
    I::IntoIter: 'r,
{
    requests.into_iter().map(move |r| r.and_then(|r| reform.map_or_else(|| quote(&r), |reform| reform.engine(&r))))
}

/// The amounts of an answer, in columns: what a batch needs of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Summary {
    /// The total (`None` where the outcome is not an amount).
    pub total: Option<Decimal>,
    /// One amount per [`Component::ALL`], in order: `0.00` where the total is a number and
    /// the component is absent, `None` where the total is `None`.
    pub components: Vec<Option<Decimal>>,
    /// What is paid at filing (as the total).
    pub due_at_filing: Option<Decimal>,
    /// The outcome.
    pub outcome: Outcome,
    /// The regime.
    pub regime: RegimeId,
}

impl Summary {
    /// The summary of a cell of the compiled price table.
    pub fn of_priced(p: &crate::price_table::Priced) -> Summary {
        let total = p.totals.total;
        let components = p.components.iter().map(|c| total.map(|_| *c)).collect();
        Summary { total, components, due_at_filing: p.totals.due_at_filing, outcome: p.totals.outcome, regime: p.totals.regime }
    }

    /// The summary of a quote.
    pub fn of(q: &Quote) -> Summary {
        let components = Component::ALL.iter().map(|c| q.total.map(|_| q.component(*c))).collect();
        Summary { total: q.total, components, due_at_filing: q.due_at_filing, outcome: q.outcome, regime: q.regime }
    }
}

/// A refused row, in columns.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RowError {
    /// The error code.
    pub code: &'static str,
    /// The field, if any.
    pub field: Option<String>,
    /// The message, in the language asked for.
    pub message: String,
}

impl RowError {
    /// The row error of `e`.
    pub fn of(e: &Error, lang: Lang) -> RowError {
        RowError { code: e.code(), field: e.field().map(str::to_string), message: e.message(lang) }
    }
}

/// One input column of [`quote_columns`], for the field it is given for.
#[derive(Debug, Clone, Copy)]
pub enum Column<'a> {
    /// A code field: the column's distinct values (`None`: a value of the wrong type, whose
    /// type is `bad_type`) and, per row, an index into them (negative: null). Given for a date
    /// field, the values are ISO 8601 texts, parsed as the JSON contract parses them.
    Codes {
        /// The distinct values.
        values: &'a [Option<&'a str>],
        /// One index per row.
        indices: &'a [i32],
        /// The type name of a value of the wrong type, for the message.
        bad_type: &'a str,
    },
    /// A date field: days since 1970-01-01 per row, with per-row null and wrong-type flags.
    Dates {
        /// One value per row (ignored where null or of the wrong type).
        days: &'a [i32],
        /// `1` where the row is null.
        nulls: Option<&'a [u8]>,
        /// `1` where the row holds a value of the wrong type.
        bad: Option<&'a [u8]>,
        /// The type name of a value of the wrong type, for the message.
        bad_type: &'a str,
    },
    /// A boolean field: `0` or `1` per row, with per-row null and wrong-type flags.
    Bools {
        /// One value per row.
        values: &'a [u8],
        /// `1` where the row is null.
        nulls: Option<&'a [u8]>,
        /// `1` where the row holds a value of the wrong type.
        bad: Option<&'a [u8]>,
        /// The type name of a value of the wrong type, for the message.
        bad_type: &'a str,
    },
}

/// The answer of [`quote_columns`]: one index per row into `answers`.
#[derive(Debug, Clone, Default)]
pub struct ColumnsAnswer {
    /// Per row, the index of its answer.
    pub rows: Vec<u32>,
    /// The distinct answers.
    pub answers: Vec<Result<Summary, RowError>>,
}

fn flag(flags: Option<&[u8]>, row: usize) -> bool {
    flags.and_then(|f| f.get(row)).is_some_and(|b| *b != 0)
}

/// What one input column holds at `row`.
enum Value<'a> {
    Null,
    Bad(&'a str),
    Code(&'a str),
    Days(i32),
    Bool(bool),
}

fn value_at<'a>(column: &Column<'a>, row: usize) -> Value<'a> {
    match *column {
        Column::Codes { values, indices, bad_type } => match indices.get(row).copied() {
            None => Value::Null,
            Some(i) if i < 0 => Value::Null,
            Some(i) => match usize::try_from(i).ok().and_then(|i| values.get(i)) {
                Some(Some(s)) => Value::Code(s),
                Some(None) => Value::Bad(bad_type),
                None => Value::Null,
            },
        },
        Column::Dates { days, nulls, bad, bad_type } => {
            if flag(bad, row) {
                Value::Bad(bad_type)
            } else if flag(nulls, row) {
                Value::Null
            } else {
                days.get(row).map_or(Value::Null, |d| Value::Days(*d))
            }
        }
        Column::Bools { values, nulls, bad, bad_type } => {
            if flag(bad, row) {
                Value::Bad(bad_type)
            } else if flag(nulls, row) {
                Value::Null
            } else {
                values.get(row).map_or(Value::Null, |b| Value::Bool(*b != 0))
            }
        }
    }
}

/// A field read: its value, `None` where not given.
type Read = Result<Option<FieldValue>, Error>;

/// Reads one field of one row, as [`Request::from_map`] would read its JSON value.
/// `None` where the field is not given.
fn read(field: &'static Field, value: Value<'_>) -> Read {
    let wrong = |got: &str| Error::InvalidType { field: field.name.to_string(), got: static_type(got), expected: field.kind.json_type() };
    Ok(Some(match (field.kind, value) {
        (_, Value::Null) if field.required() => return Err(Error::MissingField { field: field.name }),
        (_, Value::Null) => return Ok(None),
        (_, Value::Bad(got)) => return Err(wrong(got)),
        (FieldKind::Code(v), Value::Code(s)) => FieldValue::Code(v.parse(s, field.name)?),
        (FieldKind::Date, Value::Code(s)) => FieldValue::Date(parse_date(s, field.name)?),
        (FieldKind::Date, Value::Days(d)) => FieldValue::Date(from_epoch_days(d).ok_or_else(|| Error::InvalidDate { field: field.name, value: days_text(d) })?),
        (FieldKind::Bool, Value::Bool(b)) => FieldValue::Bool(b),
        (kind, _) => return Err(wrong(kind.json_type())),
    }))
}

/// Type names are few; keep the common ones static, others as "other".
fn static_type(got: &str) -> &'static str {
    ["string", "boolean", "number", "null", "array", "object", "date", "datetime", "float", "integer", "bytes"].into_iter().find(|t| *t == got).unwrap_or("other")
}

fn days_text(days: i32) -> String {
    crate::model::date::ymd(1970, 1, 1)
        .checked_add_signed(chrono::Duration::days(i64::from(days)))
        .map_or_else(|| format!("{days} days from 1970-01-01"), |d| d.format("%Y-%m-%d").to_string())
}

/// Quotes `len` rows given as columns, `(field name, column)`. Fields not given take their
/// default; an unknown field name or a column shorter than `len` refuses the whole call.
/// Each row's error is the one the JSON contract would answer for the same request.
pub fn quote_columns(len: usize, columns: &[(&str, Column<'_>)], lang: Lang) -> Result<ColumnsAnswer, Error> {
    quote_columns_under(None, len, columns, lang)
}

/// [`quote_columns`] under a reform (`None`: the law), read from the reform's own price table.
pub fn quote_columns_under(reform: Option<&crate::Reform>, len: usize, columns: &[(&str, Column<'_>)], lang: Lang) -> Result<ColumnsAnswer, Error> {
    let mut given: Vec<(&'static Field, &Column<'_>)> = Vec::with_capacity(columns.len());
    for (name, column) in columns {
        let field = Field::named(name).ok_or_else(|| Error::UnknownField { field: crate::model::error::truncate(name), expected: crate::fields::FIELDS.to_vec() })?;
        let rows = match column {
            Column::Codes { indices, .. } => indices.len(),
            Column::Dates { days, .. } => days.len(),
            Column::Bools { values, .. } => values.len(),
        };
        if rows < len {
            return Err(Error::InvalidJson { message: format!("column {name} has {rows} rows, expected {len}") });
        }
        given.push((field, column));
    }
    // Canonical order, so that a row's first error is the contract's.
    let plan: Vec<(&'static Field, Option<&Column<'_>>)> =
        SPECS.iter().map(|f| (f, given.iter().find(|(g, _)| std::ptr::eq(*g, f)).map(|(_, c)| *c))).filter(|(f, c)| c.is_some() || f.required()).collect();

    let mut out = ColumnsAnswer { rows: Vec::with_capacity(len), answers: Vec::new() };
    let mut by_request: FxMap<Request, u32> = FxMap::default();
    // Rows the compiled price table answers, by (interval, palette entry): no hashing of the
    // whole request, no engine.
    let mut by_cell: FxMap<(usize, u8), u32> = FxMap::default();
    let mut by_answer: FxMap<Result<Summary, RowError>, u32> = FxMap::default();
    // Cloned only when new: most rows repeat an answer.
    let mut intern = |answer: Result<Summary, RowError>, out: &mut ColumnsAnswer| -> u32 {
        if let Some(i) = by_answer.get(&answer) {
            return *i;
        }
        let i = u32::try_from(out.answers.len()).unwrap_or(u32::MAX);
        out.answers.push(answer.clone());
        by_answer.insert(answer, i);
        i
    };
    // Each distinct value of a code (or text date) column is read once, not once per row.
    let distinct: Vec<Option<Vec<Option<Read>>>> = plan
        .iter()
        .map(|(field, column)| match column {
            Some(Column::Codes { values, .. }) => Some(values.iter().map(|v| v.map(|s| read(field, Value::Code(s)))).collect()),
            _ => None,
        })
        .collect();
    for row in 0..len {
        let mut request = Request::blank();
        let mut refused = None;
        for ((field, column), distinct) in plan.iter().zip(&distinct) {
            let known = match (column, distinct) {
                (Some(Column::Codes { indices, .. }), Some(read)) => {
                    indices.get(row).and_then(|i| usize::try_from(*i).ok()).and_then(|i| read.get(i)).and_then(Option::as_ref)
                }
                _ => None,
            };
            let value = match known {
                Some(known) => known.clone(),
                None => read(field, column.map_or(Value::Null, |c| value_at(c, row))),
            };
            match value {
                Ok(Some(value)) => (field.set)(&mut request, value),
                Ok(None) => {}
                Err(e) => {
                    refused = Some(e);
                    break;
                }
            }
        }
        let index = match refused {
            Some(e) => intern(Err(RowError::of(&e, lang)), &mut out),
            None => match reform.map_or_else(|| crate::price_table::lookup(&request), |r| r.lookup(&request)) {
                Some(cell) => match by_cell.get(&(cell.interval, cell.answer)) {
                    Some(i) => *i,
                    None => {
                        let i = intern(Ok(Summary::of_priced(cell.priced)), &mut out);
                        by_cell.insert((cell.interval, cell.answer), i);
                        i
                    }
                },
                None => match by_request.get(&request) {
                Some(i) => *i,
                None => {
                    let answer = reform.map_or_else(|| quote(&request), |r| r.engine(&request)).map(|q| Summary::of(&q)).map_err(|e| RowError::of(&e, lang));
                    let i = intern(answer, &mut out);
                    by_request.insert(request, i);
                    i
                }
                },
            },
        };
        out.rows.push(index);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_fields_read_iso_texts_as_the_json_contract_does() {
        let codes = |values: &'static [Option<&'static str>], indices: &'static [i32]| Column::Codes { values, indices, bad_type: "number" };
        let columns = [
            ("permit", codes(&[Some("visiteur")], &[0, 0, 0, 0])),
            ("procedure", codes(&[Some("first_issue")], &[0, 0, 0, 0])),
            ("date", codes(&[Some("2024-03-01"), Some("2024-3-1"), None], &[0, 1, 2, -1])),
        ];
        let answer = quote_columns(4, &columns, Lang::En);
        let errors: Vec<Option<&str>> = answer.iter().flat_map(|a| a.rows.iter().map(|r| a.answers.get(*r as usize))).map(|a| a.and_then(|a| a.as_ref().err()).map(|e| e.code)).collect();
        assert_eq!(errors, [None, Some("invalid_date"), Some("invalid_type"), Some("missing_field")]);
        for (row, request) in [(1, r#"{"permit":"visiteur","procedure":"first_issue","date":"2024-3-1"}"#), (2, r#"{"permit":"visiteur","procedure":"first_issue","date":3}"#)] {
            let want = Request::from_json(request).err().map(|e| RowError::of(&e, Lang::En));
            let got = answer.as_ref().ok().and_then(|a| a.rows.get(row).and_then(|r| a.answers.get(*r as usize))).and_then(|a| a.clone().err());
            assert_eq!(got, want);
        }
    }
}
