//! The pricing-only WebAssembly module of ceseda (`ceseda/pricing` in the npm package): a
//! request crosses as numbers, one per request field in canonical order ([`ceseda::FIELDS`]):
//! a code is its index in the field's vocabulary, a date its days since 1970-01-01, a boolean
//! 0 or 1, an absent field [`ABSENT`]. The answer is a small integer: the id of a distinct
//! answer (an amount vector, read once as text with [`answer_text`] and cached by the
//! JavaScript side), or −1 for a refusal, whose record [`last_error`] gives.
//!
//! No JSON contract and no explanation text is linked in: the module prices through
//! [`ceseda::price_table::lookup`] (the compiled table) and [`ceseda::quote`] (the engine, for
//! requests outside the table's domain), and keeps only the amounts. The core never panics, and
//! nothing here can trap: every index is checked.

use std::cell::RefCell;

use ceseda::fields::{FieldKind, FieldValue, Vocabulary, SPECS};
use ceseda::model::date::from_epoch_days;
use ceseda::price_table::{self, Priced};
use ceseda::{quote, CardKind, CardValidity, Component, Document, Error, FamilyMember, Permit, Procedure, Request};
use wasm_bindgen::prelude::wasm_bindgen;

/// An absent field (`i32::MIN`).
pub const ABSENT: i32 = i32::MIN;

/// Separates the members of a text answer.
const SEP: char = '\u{1f}';
/// Separates the items of a list inside a member.
const ITEM: char = '\u{1e}';

#[derive(Default)]
struct State {
    /// Every distinct answer met so far; an answer's id is its index.
    answers: Vec<Priced>,
    /// `[interval][palette answer]` of the compiled table → answer id + 1 (0: not met yet).
    cells: Vec<Vec<u16>>,
    /// The last refusal of [`price`] or [`price7`].
    last: Option<Error>,
    /// The distinct refusals of the last [`price_columns`], in order of first row.
    batch_errors: Vec<Error>,
    /// Common requests met lately (direct-mapped by a hash of their numbers) and their answer
    /// ids: the core is a pure function, so equal numbers are the same answer.
    memo: Vec<Option<([i32; 7], u16)>>,
}

/// Entries of [`State::memo`] (a power of two).
const MEMO: usize = 4096;

fn memo_slot(args: &[i32; 7]) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for a in args {
        h = (h ^ u32::from_ne_bytes(a.to_ne_bytes())).wrapping_mul(0x0100_0193);
    }
    usize::try_from(h ^ (h >> 16)).unwrap_or(0) & (MEMO - 1)
}

impl State {
    /// The answer id of a common request (price7's numbers), from the memo or priced.
    fn price_common(&mut self, args: [i32; 7]) -> Result<u16, Error> {
        if self.memo.is_empty() {
            self.memo = vec![None; MEMO];
        }
        let slot = memo_slot(&args);
        if let Some(Some((key, id))) = self.memo.get(slot) {
            if *key == args {
                return Ok(*id);
            }
        }
        let [permit, procedure, date, irregular_entry, card_kind, card_validity, family_member] = args;
        let request = match common_request(permit, procedure, date, irregular_entry, card_kind, card_validity, family_member) {
            Some(r) => Ok(r),
            None => request_of(|i| COMMON.iter().position(|n| common_index(n) == i).and_then(|k| args.get(k).copied()).unwrap_or(ABSENT)),
        };
        let id = request.and_then(|r| self.price(&r))?;
        if let Some(entry) = self.memo.get_mut(slot) {
            *entry = Some((args, id));
        }
        Ok(id)
    }
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn with_state<T>(default: T, f: impl FnOnce(&mut State) -> T) -> T {
    STATE.with(|s| s.try_borrow_mut().map_or(default, |mut s| f(&mut s)))
}

impl State {
    /// The id of an answer, added when it is new (`None` past 65,535 distinct answers).
    fn id_of(&mut self, p: &Priced) -> Option<u16> {
        if let Some(i) = self.answers.iter().position(|a| a == p) {
            return u16::try_from(i).ok();
        }
        let id = u16::try_from(self.answers.len()).ok().filter(|i| *i < u16::MAX)?;
        self.answers.push(*p);
        Some(id)
    }

    /// The answer id of a request, or its refusal.
    fn price(&mut self, r: &Request) -> Result<u16, Error> {
        if let Some(cell) = price_table::lookup(r) {
            let known = self.cells.get(cell.interval).and_then(|c| c.get(usize::from(cell.answer))).copied().unwrap_or(0);
            if let Some(id) = known.checked_sub(1) {
                return Ok(id);
            }
            let id = self.id_of(cell.priced).ok_or_else(too_many)?;
            if self.cells.len() <= cell.interval {
                self.cells.resize_with(cell.interval + 1, Vec::new);
            }
            if let Some(row) = self.cells.get_mut(cell.interval) {
                let at = usize::from(cell.answer);
                if row.len() <= at {
                    row.resize(at + 1, 0);
                }
                if let Some(slot) = row.get_mut(at) {
                    *slot = id.saturating_add(1);
                }
            }
            return Ok(id);
        }
        let q = quote(r)?;
        self.id_of(&Priced::of(&q)).ok_or_else(too_many)
    }
}

fn too_many() -> Error {
    Error::InvalidJson { message: "more than 65,535 distinct answers in one module".to_string() }
}

/// A request from its field values (`value(i)` for field `i` of [`SPECS`]), checked as the
/// JSON parser checks it, field by field in canonical order.
fn request_of(value: impl Fn(usize) -> i32) -> Result<Request, Error> {
    let mut r = Request::new(Document::Permit(Permit::Visiteur), Procedure::FirstIssue, ceseda::model::date::MIN_DATE);
    for (i, field) in SPECS.iter().enumerate() {
        let v = value(i);
        if v == ABSENT {
            if field.required() {
                return Err(Error::MissingField { field: field.name });
            }
            continue;
        }
        let typed = match field.kind {
            FieldKind::Code(vocabulary) => match u16::try_from(v).ok().filter(|i| usize::from(*i) < vocabulary.len()) {
                Some(i) => FieldValue::Code(i),
                None => return Err(unknown_id(vocabulary, field.name, v)),
            },
            FieldKind::Date => match from_epoch_days(v) {
                Some(d) => FieldValue::Date(d),
                None => return Err(Error::InvalidDate { field: field.name, value: format!("day {v}") }),
            },
            FieldKind::Bool => match v {
                0 => FieldValue::Bool(false),
                1 => FieldValue::Bool(true),
                _ => return Err(Error::InvalidType { field: field.name.to_string(), got: "number", expected: "boolean" }),
            },
        };
        (field.set)(&mut r, typed);
    }
    Ok(r)
}

/// An id outside a vocabulary: unknown_code, with the id as the value (the JavaScript side
/// resolves codes to ids; a column of ids can hold anything).
fn unknown_id(_vocabulary: Vocabulary, field: &'static str, id: i32) -> Error {
    Error::UnknownCode { field, value: format!("#{id}"), expected: Vec::new(), suggestion: None }
}

fn answer_or_refusal(state: &mut State, r: Result<Request, Error>) -> i32 {
    match r.and_then(|r| state.price(&r)) {
        Ok(id) => i32::from(id),
        Err(e) => {
            state.last = Some(e);
            -1
        }
    }
}

/// How many request fields there are (the length [`price`] takes).
#[wasm_bindgen]
pub fn field_count() -> usize {
    SPECS.len()
}

/// Prices a request given as one number per field ([`ceseda::FIELDS`] order): its answer id,
/// or −1 (then [`last_error`]).
#[wasm_bindgen]
pub fn price(values: &[i32]) -> i32 {
    with_state(-1, |s| answer_or_refusal(s, request_of(|i| values.get(i).copied().unwrap_or(ABSENT))))
}

/// The common request, built directly (no field table), or `None` when a value is not an id,
/// a day or a boolean the core accepts (the generic reading then names the refusal).
#[allow(clippy::too_many_arguments)]
fn common_request(permit: i32, procedure: i32, date: i32, irregular_entry: i32, card_kind: i32, card_validity: i32, family_member: i32) -> Option<Request> {
    fn code<T: Copy>(all: &[T], v: i32) -> Option<Option<T>> {
        if v == ABSENT {
            return Some(None);
        }
        all.get(usize::try_from(v).ok()?).copied().map(Some)
    }
    let permit = Document::from_index(usize::try_from(permit).ok()?)?;
    let procedure = code(Procedure::ALL, procedure)??;
    let mut r = Request::new(permit, procedure, day(date)?);
    r.circumstances.irregular_entry = match irregular_entry {
        ABSENT | 0 => false,
        1 => true,
        _ => return None,
    };
    r.sub_case.card_kind = code(CardKind::ALL, card_kind)?;
    r.sub_case.card_validity = code(CardValidity::ALL, card_validity)?;
    r.sub_case.family_member = code(FamilyMember::ALL, family_member)?;
    Some(r)
}

/// The date of a day number, the last one remembered (requests repeat dates).
fn day(days: i32) -> Option<ceseda::NaiveDate> {
    thread_local! {
        static LAST: std::cell::Cell<(i32, Option<ceseda::NaiveDate>)> = const { std::cell::Cell::new((ABSENT, None)) };
    }
    LAST.with(|last| {
        let (d, date) = last.get();
        if d == days {
            return date;
        }
        let date = from_epoch_days(days);
        last.set((days, date));
        date
    })
}

/// The field indices of the common request's members, in [`price7`]'s order.
const COMMON: [&str; 7] = ["permit", "procedure", "date", "irregular_entry", "card_kind", "card_validity", "family_member"];

fn common_index(name: &str) -> usize {
    SPECS.iter().position(|f| f.name == name).unwrap_or(usize::MAX)
}

/// [`price`] for the common request: `permit`, `procedure`, `date`, `irregular_entry`,
/// `card_kind`, `card_validity`, `family_member` (in that order), every other field absent.
#[wasm_bindgen]
pub fn price7(permit: i32, procedure: i32, date: i32, irregular_entry: i32, card_kind: i32, card_validity: i32, family_member: i32) -> i32 {
    let args = [permit, procedure, date, irregular_entry, card_kind, card_validity, family_member];
    with_state(-1, |s| match s.price_common(args) {
        Ok(id) => i32::from(id),
        Err(e) => {
            s.last = Some(e);
            -1
        }
    })
}

/// Prices `rows` requests in columns: `fields` names the columns given (field indices), `data`
/// holds them one after the other (`fields.len() × rows` values). Per row: the answer id, or
/// `0x8000_0000 | e` for the refusal `e` of [`batch_error`].
#[wasm_bindgen]
pub fn price_columns(fields: &[u8], data: &[i32], rows: usize) -> Vec<u32> {
    let mut column_of = [usize::MAX; 64];
    for (c, f) in fields.iter().enumerate() {
        if let Some(slot) = column_of.get_mut(usize::from(*f)) {
            *slot = c;
        }
    }
    // Where every column given is one of the common request's, each row is built directly.
    let common_columns: Option<[Option<usize>; 7]> = fields.iter().all(|f| COMMON.iter().any(|n| common_index(n) == usize::from(*f))).then(|| {
        COMMON.map(|n| column_of.get(common_index(n)).copied().filter(|c| *c != usize::MAX))
    });
    with_state(Vec::new(), |s| {
        s.batch_errors.clear();
        let mut out = Vec::with_capacity(rows);
        for row in 0..rows {
            let value = |i: usize| match column_of.get(i) {
                Some(&c) if c != usize::MAX => data.get(c.saturating_mul(rows).saturating_add(row)).copied().unwrap_or(ABSENT),
                _ => ABSENT,
            };
            let priced = match &common_columns {
                Some(c) => {
                    let at = |k: usize| c.get(k).copied().flatten().map_or(ABSENT, |col| data.get(col.saturating_mul(rows).saturating_add(row)).copied().unwrap_or(ABSENT));
                    s.price_common([at(0), at(1), at(2), at(3), at(4), at(5), at(6)])
                }
                None => request_of(value).and_then(|r| s.price(&r)),
            };
            let answer = match priced {
                Ok(id) => u32::from(id),
                Err(e) => {
                    let index = match s.batch_errors.iter().position(|x| *x == e) {
                        Some(i) => i,
                        None => {
                            s.batch_errors.push(e);
                            s.batch_errors.len() - 1
                        }
                    };
                    0x8000_0000 | u32::try_from(index).unwrap_or(0x7fff_ffff)
                }
            };
            out.push(answer);
        }
        out
    })
}

/// The record of refusal `index` of the last [`price_columns`] (see [`last_error`]), or "".
#[wasm_bindgen]
pub fn batch_error(index: usize, lang: &str) -> String {
    with_state(String::new(), |s| s.batch_errors.get(index).map(|e| record_text(e, lang)).unwrap_or_default())
}

/// How many distinct answers have been met (ids below this are valid).
#[wasm_bindgen]
pub fn answer_count() -> usize {
    with_state(0, |s| s.answers.len())
}

/// An answer as text: outcome, regime, total, due at filing, then each component's amount
/// ([`Component::ALL`] order), separated by U+001F; an amount that is not a number is empty.
#[wasm_bindgen]
pub fn answer_text(id: usize) -> String {
    with_state(String::new(), |s| {
        let Some(p) = s.answers.get(id) else { return String::new() };
        let amount = |d: Option<ceseda::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut out = format!("{}{SEP}{}{SEP}{}{SEP}{}", p.totals.outcome.code(), p.totals.regime.code(), amount(p.totals.total), amount(p.totals.due_at_filing));
        for (c, _) in p.components.iter().zip(Component::ALL) {
            out.push(SEP);
            out.push_str(&amount(p.totals.total.map(|_| *c)));
        }
        out
    })
}

/// The error record of the last refusal, as text: code, message (empty: the messages are the
/// full module's), field, value, expected (items separated by U+001E), suggestion, separated
/// by U+001F; an absent member is `-`, a present one `+` and its text. `lang` is ignored.
#[wasm_bindgen]
pub fn last_error(lang: &str) -> String {
    with_state(String::new(), |s| s.last.as_ref().map(|e| record_text(e, lang)).unwrap_or_default())
}

fn record_text(e: &Error, _lang: &str) -> String {
    // No message: Error::message and its formatting are a tenth of the module; the JavaScript
    // side takes the message from the full module when it is loaded.
    let opt = |v: Option<&str>| v.map_or_else(|| "-".to_string(), |v| format!("+{v}"));
    let expected = e.expected().join(&ITEM.to_string());
    format!("{}{SEP}{SEP}{}{SEP}{}{SEP}{expected}{SEP}{}", e.code(), opt(e.field()), opt(e.value()), opt(e.suggestion()))
}

/// Builds the compiled table's slice for the day `date` (days since 1970-01-01) now, rather
/// than after a few thousand requests on it.
#[wasm_bindgen]
pub fn prepare(date: i32) {
    if let Some(d) = from_epoch_days(date) {
        price_table::prepare(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_answers_a_common_request() {
        let date = ceseda::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap_or_default();
        price_table::prepare(date);
        let r = Request::new(Permit::Visiteur, Procedure::FirstIssue, date);
        assert!(price_table::lookup(&r).is_some());
    }
}


#[cfg(test)]
mod common {
    use super::*;

    #[test]
    fn the_direct_and_the_generic_readings_agree() {
        let d = ceseda::model::date::to_epoch_days(ceseda::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap_or_default());
        for permit in [0, 10, 60, 1000, -1] {
            for irregular in [ABSENT, 0, 1, 2] {
                for kind in [ABSENT, 0, 1, 5] {
                    let args = [permit, 0, d, irregular, kind, ABSENT, ABSENT];
                    let generic = request_of(|i| COMMON.iter().position(|n| common_index(n) == i).and_then(|k| args.get(k).copied()).unwrap_or(ABSENT));
                    if let Some(direct) = common_request(permit, 0, d, irregular, kind, ABSENT, ABSENT) {
                        assert_eq!(Ok(direct), generic);
                    } else {
                        assert!(generic.is_err());
                    }
                }
            }
        }
    }

    #[test]
    fn an_empty_memo_answers_nothing() {
        // Every field absent: missing_field, never the memo's empty entries.
        assert_eq!(price7(ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT), -1);
        assert!(price_columns(&[], &[], 1).first().is_some_and(|r| r & 0x8000_0000 != 0));
    }
}
