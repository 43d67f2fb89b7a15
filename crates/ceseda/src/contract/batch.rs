//! The one batch path: every binding and the CLI quote many requests through it.
//!
//! * [`quote_each`] streams: one answer per request, in order, in constant memory.
//! * [`quote_columns`] takes columns of already-factorised values (a code column is its
//!   distinct values plus one index per row) and answers one index per row into a table of
//!   distinct [`Summary`] answers: a frame of ten million rows has a few hundred distinct
//!   answers, so the result is four bytes a row. Each distinct row key is read once and priced
//!   through the compiled price table ([`Pricer`], which a binding runs chunk by chunk).

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

/// [`quote_columns`] under a reform (`None`: the law): each distinct request priced once, from
/// the reform's own compiled price table where it answers, its engine otherwise.
pub fn quote_columns_under(reform: Option<&crate::Reform>, len: usize, columns: &[(&str, Column<'_>)], lang: Lang) -> Result<ColumnsAnswer, Error> {
    let mut pricer = Pricer::new_under(reform, len, columns, lang)?;
    let mut rows = vec![0; len];
    pricer.price(0, &mut rows);
    Ok(ColumnsAnswer { rows, answers: pricer.answers() })
}

/// Where a row's combination of values (every column but the decision date) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Not seen yet.
    Unset,
    /// Refused by a field before the date: the answer, whatever the date.
    Fixed(u32),
    /// Refused by a field after the date: the answer where the date reads.
    AfterDate(u32),
    /// Read: the index of its template request.
    Template(u32),
}

/// A combination's request, its date aside, and its cell in the price table.
struct Template {
    request: Request,
    cell: Option<usize>,
    /// No date field but the decision date and no explicit regime: the answer is the same on
    /// every day between two change days.
    same_all_interval: bool,
}

/// Per interval between change days: its table once built, and its palette's answers.
#[derive(Default)]
struct IntervalState {
    asked: u32,
    table: Option<(&'static [u8], &'static [Option<crate::price_table::Priced>])>,
    answers: Vec<u32>,
}

/// The combinations seen: a dense array when the columns' states multiply to few, else a map.
enum Slots {
    Dense(Vec<Slot>),
    Sparse(FxMap<u64, Slot>),
}

/// Dense slot arrays up to this many combinations (4 MiB).
const DENSE_SLOTS: u64 = 1 << 20;

/// The interval of every day the contract can carry (1900 to 2200), `u16::MAX` before the
/// first covered day: one array read per row instead of a search among the change days.
fn day_intervals() -> &'static [u16] {
    static DAYS: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    DAYS.get_or_init(|| {
        let first = crate::model::date::to_epoch_days(crate::model::date::MIN_DATE);
        let last = crate::model::date::to_epoch_days(crate::model::date::MAX_DATE);
        (first..=last)
            .map(|d| from_epoch_days(d).and_then(crate::price_table::interval_index).and_then(|i| u16::try_from(i).ok()).unwrap_or(u16::MAX))
            .collect()
    })
}

/// Prices the rows of columns in chunks (a binding checks for an interrupt between two).
///
/// A row is keyed by the states of its columns other than the decision date (a code column's
/// index, a flag's value, null or of the wrong type): each distinct key is read once into a
/// template request, and its cell in the compiled price table found once. A row then costs
/// its key, the interval of its date (an array read) and the interval's cell: no request is
/// built and nothing is hashed. Rows the table does not answer (a refused cell, a request
/// outside the table's domain, a date column other than the decision date, a date that does
/// not read) are priced request by request, each distinct request once, as before.
pub struct Pricer<'a> {
    lang: Lang,
    /// The reform priced under (`None`: the law). Under a reform every row takes the
    /// request-by-request path, read from the reform's own price table.
    reform: Option<&'a crate::Reform>,
    plan: Vec<(&'static Field, Option<&'a Column<'a>>)>,
    /// Per plan entry, a code column's distinct values read once.
    distinct: Vec<Option<Vec<Option<Read>>>>,
    /// The key's columns with their strides; `None`: no fast path (every row is read alone).
    key: Option<Vec<(&'a Column<'a>, u64)>>,
    /// The decision date's place in the plan, and its column.
    date_at: usize,
    date: Option<&'a Column<'a>>,
    /// A text date column's distinct values, as days (`None`: does not read).
    date_texts: Vec<Option<i32>>,
    slots: Slots,
    templates: Vec<Template>,
    intervals: Vec<IntervalState>,
    by_request: FxMap<Request, u32>,
    /// Rows priced from a template and a day (outside the table, or refused): the answer.
    by_template_day: FxMap<(u32, i32), u32>,
    /// The same, per template and interval, where the answer cannot change inside one.
    by_template_interval: FxMap<(u32, u16), u32>,
    by_answer: FxMap<Result<Summary, RowError>, u32>,
    answers: Vec<Result<Summary, RowError>>,
}

impl<'a> Pricer<'a> {
    /// Checks the columns (an unknown field name or a column shorter than `len` refuses the
    /// whole call) and prepares the pricing.
    pub fn new(len: usize, columns: &'a [(&'a str, Column<'a>)], lang: Lang) -> Result<Pricer<'a>, Error> {
        Pricer::new_under(None, len, columns, lang)
    }

    /// [`Pricer::new`] under a reform (`None`: the law).
    pub fn new_under(reform: Option<&'a crate::Reform>, len: usize, columns: &'a [(&'a str, Column<'a>)], lang: Lang) -> Result<Pricer<'a>, Error> {
        let mut given: Vec<(&'static Field, &'a Column<'a>)> = Vec::with_capacity(columns.len());
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
        let plan: Vec<(&'static Field, Option<&'a Column<'a>>)> =
            SPECS.iter().map(|f| (f, given.iter().find(|(g, _)| std::ptr::eq(*g, f)).map(|(_, c)| *c))).filter(|(f, c)| c.is_some() || f.required()).collect();
        // Each distinct value of a code (or text date) column is read once, not once per row.
        let distinct = plan
            .iter()
            .map(|(field, column)| match column {
                Some(Column::Codes { values, .. }) => Some(values.iter().map(|v| v.map(|s| read(field, Value::Code(s)))).collect()),
                _ => None,
            })
            .collect();
        let date_at = plan.iter().position(|(f, _)| f.name == "date").unwrap_or(usize::MAX);
        let date = plan.get(date_at).and_then(|(_, c)| *c);
        let date_texts = match date {
            Some(Column::Codes { values, .. }) => values.iter().map(|v| v.and_then(|s| parse_date(s, "date").ok()).map(crate::model::date::to_epoch_days)).collect(),
            _ => Vec::new(),
        };
        // The key: every column but the date's, each a mixed-radix digit.
        let mut key = Some(Vec::new());
        let mut radix: u64 = 1;
        for (i, (_, column)) in plan.iter().enumerate() {
            let Some(column) = column else { continue };
            if i == date_at {
                if matches!(column, Column::Bools { .. }) {
                    key = None;
                }
                continue;
            }
            let states = match column {
                Column::Codes { values, .. } => u64::try_from(values.len()).ok().and_then(|n| n.checked_add(1)),
                Column::Bools { .. } => Some(4),
                Column::Dates { .. } => None,
            };
            match (states.and_then(|s| radix.checked_mul(s)), key.as_mut()) {
                (Some(next), Some(parts)) => {
                    parts.push((*column, radix));
                    radix = next;
                }
                _ => key = None,
            }
        }
        // The key's fast path reads the law's price table: not for a reform.
        if reform.is_some() {
            key = None;
        }
        // Dense where it is small, for the frame too (a few rows never fill megabytes).
        let rows_bound = u64::try_from(len).unwrap_or(u64::MAX).saturating_mul(4).saturating_add(4096);
        let slots = if key.is_some() && radix <= DENSE_SLOTS.min(rows_bound) {
            Slots::Dense(vec![Slot::Unset; usize::try_from(radix).unwrap_or(0)])
        } else {
            Slots::Sparse(FxMap::default())
        };
        let intervals = if key.is_some() { (0..crate::price_table::interval_starts().len()).map(|_| IntervalState::default()).collect() } else { Vec::new() };
        Ok(Pricer {
            lang,
            reform,
            plan,
            distinct,
            key,
            date_at,
            date,
            date_texts,
            slots,
            templates: Vec::new(),
            intervals,
            by_request: FxMap::default(),
            by_template_day: FxMap::default(),
            by_template_interval: FxMap::default(),
            by_answer: FxMap::default(),
            answers: Vec::new(),
        })
    }

    /// Prices rows `first..first + out.len()`, writing each row's answer index into `out`.
    pub fn price(&mut self, first: usize, out: &mut [u32]) {
        let days = day_intervals();
        let first_day = crate::model::date::to_epoch_days(crate::model::date::MIN_DATE);
        for (row, slot_out) in (first..).zip(out.iter_mut()) {
            *slot_out = match self.key_of(row) {
                Some(key) => self.fast(row, key, days, first_day),
                None => self.slow(row, None),
            };
        }
    }

    /// The distinct answers, in the order of the indices written.
    pub fn answers(self) -> Vec<Result<Summary, RowError>> {
        self.answers
    }

    fn key_of(&self, row: usize) -> Option<u64> {
        let parts = self.key.as_ref()?;
        let mut key = 0u64;
        for (column, stride) in parts {
            let state = match **column {
                Column::Codes { values, indices, .. } => match indices.get(row).and_then(|i| usize::try_from(*i).ok()) {
                    Some(i) if i < values.len() => u64::try_from(i).map_or(0, |i| i + 1),
                    _ => 0,
                },
                Column::Bools { values, nulls, bad, .. } => {
                    if flag(bad, row) {
                        1
                    } else if flag(nulls, row) {
                        0
                    } else {
                        values.get(row).map_or(0, |b| 2 + u64::from(*b != 0))
                    }
                }
                Column::Dates { .. } => return None,
            };
            key += state * stride;
        }
        Some(key)
    }

    /// The decision date of `row` as days, where it is a date the contract reads.
    fn day_of(&self, row: usize) -> Option<i32> {
        match *self.date? {
            Column::Dates { days, nulls, bad, .. } => {
                if flag(bad, row) || flag(nulls, row) {
                    None
                } else {
                    days.get(row).copied()
                }
            }
            Column::Codes { indices, .. } => indices.get(row).and_then(|i| usize::try_from(*i).ok()).and_then(|i| self.date_texts.get(i)).copied().flatten(),
            Column::Bools { .. } => None,
        }
    }

    fn fast(&mut self, row: usize, key: u64, days: &[u16], first_day: i32) -> u32 {
        let slot = match &self.slots {
            Slots::Dense(v) => usize::try_from(key).ok().and_then(|k| v.get(k)).copied().unwrap_or(Slot::Unset),
            Slots::Sparse(m) => m.get(&key).copied().unwrap_or(Slot::Unset),
        };
        let slot = if slot == Slot::Unset { self.new_slot(row, key) } else { slot };
        let template = match slot {
            Slot::Fixed(answer) => return answer,
            Slot::AfterDate(answer) => {
                return match self.day_of(row).and_then(from_epoch_days) {
                    Some(_) => answer,
                    None => self.slow(row, None),
                }
            }
            Slot::Template(t) => t,
            Slot::Unset => return self.slow(row, None),
        };
        let Some(day) = self.day_of(row) else { return self.slow(row, None) };
        let interval = day.checked_sub(first_day).and_then(|d| usize::try_from(d).ok()).and_then(|d| days.get(d)).copied().filter(|i| *i != u16::MAX);
        let cell = usize::try_from(template).ok().and_then(|t| self.templates.get(t)).and_then(|t| t.cell);
        let (Some(iv), Some(cell)) = (interval, cell) else { return self.off_table(row, template, day, interval) };
        let iv = usize::from(iv);
        let Some(state) = self.intervals.get_mut(iv) else { return self.off_table(row, template, day, interval) };
        if state.table.is_none() {
            state.asked += 1;
            // Built at once if some other call built it, else once this call needs it enough.
            state.table = crate::price_table::interval_table(iv, state.asked >= crate::price_table::BUILD_AFTER);
            if let Some((_, palette)) = state.table {
                state.answers = vec![u32::MAX; palette.len()];
            }
        }
        let Some((cells, palette)) = state.table else { return self.off_table(row, template, day, interval) };
        let Some(p) = cells.get(cell).map(|p| usize::from(*p)) else { return self.off_table(row, template, day, interval) };
        match state.answers.get(p).copied() {
            Some(answer) if answer != u32::MAX => answer,
            _ => match palette.get(p).and_then(Option::as_ref) {
                Some(priced) => {
                    let answer = self.intern(Ok(Summary::of_priced(priced)));
                    if let Some(slot) = self.intervals.get_mut(iv).and_then(|s| s.answers.get_mut(p)) {
                        *slot = answer;
                    }
                    answer
                }
                // Refused: the engine's error names the whole request.
                None => self.off_table(row, template, day, interval),
            },
        }
    }

    /// A row with a template the table does not answer (outside its domain, refused, or its
    /// interval not built yet): the engine's answer, once per template and interval where the
    /// template has no date of its own nor an explicit regime (its answer is then the same on
    /// every day of an interval between change days, as the price table's is), else once per
    /// template and day.
    fn off_table(&mut self, row: usize, template: u32, day: i32, interval: Option<u16>) -> u32 {
        let same_all_interval = usize::try_from(template).ok().and_then(|t| self.templates.get(t)).is_some_and(|t| t.same_all_interval);
        match interval.filter(|_| same_all_interval) {
            Some(iv) => match self.by_template_interval.get(&(template, iv)) {
                Some(answer) => *answer,
                None => {
                    let answer = self.slow(row, Some((template, day)));
                    self.by_template_interval.insert((template, iv), answer);
                    answer
                }
            },
            None => self.slow(row, Some((template, day))),
        }
    }

    /// Reads the fields of `row` but its date into the slot of its key.
    fn new_slot(&mut self, row: usize, key: u64) -> Slot {
        let mut request = Request::blank();
        let mut slot = None;
        for (i, ((field, column), distinct)) in self.plan.iter().zip(&self.distinct).enumerate() {
            if i == self.date_at {
                continue;
            }
            match self.read_at(field, *column, distinct.as_ref(), row) {
                Ok(Some(value)) => (field.set)(&mut request, value),
                Ok(None) => {}
                Err(e) => {
                    let answer = self.intern(Err(RowError::of(&e, self.lang)));
                    slot = Some(if i < self.date_at { Slot::Fixed(answer) } else { Slot::AfterDate(answer) });
                    break;
                }
            }
        }
        let slot = slot.unwrap_or_else(|| {
            let cell = crate::price_table::cell_of(&request);
            let same_all_interval = SPECS.iter().all(|f| f.name == "date" || !(matches!(f.kind, FieldKind::Date) || f.name == "regime") || (f.get)(&request).is_none());
            self.templates.push(Template { request, cell, same_all_interval });
            Slot::Template(u32::try_from(self.templates.len() - 1).unwrap_or(u32::MAX))
        });
        match &mut self.slots {
            Slots::Dense(v) => {
                if let Some(s) = usize::try_from(key).ok().and_then(|k| v.get_mut(k)) {
                    *s = slot;
                }
            }
            Slots::Sparse(m) => {
                m.insert(key, slot);
            }
        }
        slot
    }

    fn read_at(&self, field: &'static Field, column: Option<&Column<'_>>, distinct: Option<&Vec<Option<Read>>>, row: usize) -> Read {
        let known = match (column, distinct) {
            (Some(Column::Codes { indices, .. }), Some(read)) => indices.get(row).and_then(|i| usize::try_from(*i).ok()).and_then(|i| read.get(i)).and_then(Option::as_ref),
            _ => None,
        };
        match known {
            Some(known) => known.clone(),
            None => read(field, column.map_or(Value::Null, |c| value_at(c, row))),
        }
    }

    /// Prices `row` request by request: from its template and date where it has them, else
    /// by reading every field.
    fn slow(&mut self, row: usize, template: Option<(u32, i32)>) -> u32 {
        if let Some(key) = template {
            if let Some(answer) = self.by_template_day.get(&key) {
                return *answer;
            }
            let answer = self.priced(row, template);
            self.by_template_day.insert(key, answer);
            return answer;
        }
        self.priced(row, None)
    }

    fn priced(&mut self, row: usize, template: Option<(u32, i32)>) -> u32 {
        let request = match template.and_then(|(t, day)| Some((usize::try_from(t).ok().and_then(|t| self.templates.get(t))?, from_epoch_days(day)?))) {
            Some((t, date)) => {
                let mut request = t.request.clone();
                request.date = date;
                request
            }
            None => {
                let mut request = Request::blank();
                for ((field, column), distinct) in self.plan.iter().zip(&self.distinct) {
                    match self.read_at(field, *column, distinct.as_ref(), row) {
                        Ok(Some(value)) => (field.set)(&mut request, value),
                        Ok(None) => {}
                        Err(e) => return self.intern(Err(RowError::of(&e, self.lang))),
                    }
                }
                request
            }
        };
        match self.by_request.get(&request) {
            Some(i) => *i,
            None => {
                let cell = match self.reform {
                    Some(reform) => reform.lookup(&request),
                    None => crate::price_table::lookup(&request),
                };
                let answer = match cell {
                    Some(cell) => Ok(Summary::of_priced(cell.priced)),
                    None => self.reform.map_or_else(|| quote(&request), |reform| reform.engine(&request)).map(|q| Summary::of(&q)).map_err(|e| RowError::of(&e, self.lang)),
                };
                let i = self.intern(answer);
                self.by_request.insert(request, i);
                i
            }
        }
    }

    /// The index of `answer` among the distinct answers (cloned only when new).
    fn intern(&mut self, answer: Result<Summary, RowError>) -> u32 {
        if let Some(i) = self.by_answer.get(&answer) {
            return *i;
        }
        let i = u32::try_from(self.answers.len()).unwrap_or(u32::MAX);
        self.answers.push(answer.clone());
        self.by_answer.insert(answer, i);
        i
    }
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
