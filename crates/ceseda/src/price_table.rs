//! The compiled price table: the engine's totals over the table's domain, computed once per
//! period of constant law, so that [`total`] costs about a table lookup.
//!
//! The law only changes an answer on its change days ([`crate::history::law_change_days`]);
//! between two of them, a request without dates of its own answers the same every day. So the
//! table has one slice per interval between change days, built once requests in it have been
//! priced often enough to pay for it ([`BUILD_AFTER`]: a slice costs about as many quotes as it
//! has cells, so a handful of requests never builds one), by running [`crate::quote`] over
//! every cell; [`prepare`] builds one at once. A cell is (document, procedure, the sub-cases most
//! requests carry: `card_kind`, `card_validity`, `family_member`, and `irregular_entry`); its
//! value is an index into the interval's palette of distinct answers (a few dozen).
//!
//! Requests outside the domain (an explicit regime, a date field such as
//! `previous_title_expiry`, another sub-case or circumstance) and refused requests go to the
//! engine, which answers exactly as [`crate::quote`] does. The engine is the oracle: a test
//! checks every cell against it (`tests/price_table.rs`).

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::history::{law_change_days, FIRST_DAY};
use crate::law::regimes::RegimeId;
use crate::model::answer::{Component, Outcome};
use crate::model::document::Document;
use crate::model::facts::{Circumstances, SubCase};
use crate::model::procedure::Procedure;
use crate::model::subcase::{CardKind, CardValidity, FamilyMember};
use crate::request::Request;
use crate::{quote, Error, Quote};

/// What a quote comes to, without its lines: the total and the part due at filing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// The regime used.
    pub regime: RegimeId,
    /// The outcome.
    pub outcome: Outcome,
    /// The total (`None` where the outcome is not an amount), as in [`Quote::total`].
    pub total: Option<Decimal>,
    /// What is paid at filing, as in [`Quote::due_at_filing`].
    pub due_at_filing: Option<Decimal>,
}

impl Totals {
    /// The totals of a quote.
    pub fn of(q: &Quote) -> Totals {
        Totals { regime: q.regime, outcome: q.outcome, total: q.total, due_at_filing: q.due_at_filing }
    }
}

/// A priced cell: the totals and the amount of every component ([`Component::ALL`] order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Priced {
    /// The totals.
    pub totals: Totals,
    /// The sum of the lines of each component, zero where absent.
    pub components: [Decimal; Component::ALL.len()],
}

impl Priced {
    /// The priced answer of a quote.
    pub fn of(q: &Quote) -> Priced {
        let mut components = [Decimal::ZERO; Component::ALL.len()];
        for (slot, c) in components.iter_mut().zip(Component::ALL) {
            *slot = q.component(*c);
        }
        Priced { totals: Totals::of(q), components }
    }
}

/// The total of a request: what [`crate::quote`] would total, from the compiled table where the
/// request is in its domain, from the engine otherwise. Refusals are the engine's errors.
pub fn total(request: &Request) -> Result<Totals, Error> {
    match lookup(request) {
        Some(cell) => Ok(cell.priced.totals),
        None => quote(request).map(|q| Totals::of(&q)),
    }
}

/// A cell of the table that answered.
#[derive(Debug, Clone, Copy)]
pub struct Cell<'t> {
    /// Which interval between change days.
    pub interval: usize,
    /// Which answer of the interval's palette (equal cells of one interval share it).
    pub answer: u8,
    /// The answer.
    pub priced: &'t Priced,
}

/// The table's answer to a request in its domain that the engine prices; `None` for a request
/// outside the domain or refused (ask [`crate::quote`]).
pub fn lookup(request: &Request) -> Option<Cell<'static>> {
    built_in().lookup(request, &quote)
}

/// The cell of a request in the table's domain (its date aside), `None` outside it. With
/// [`interval_index`] and [`interval_table`], a batch prices a request whose fields repeat (all
/// but the date) by looking its cell up once.
pub fn cell_of(request: &Request) -> Option<usize> {
    cell_index(request)
}

/// The interval between change days that holds `date` (`None` before the first covered day).
/// Building nothing, counting nothing.
pub fn interval_index(date: NaiveDate) -> Option<usize> {
    if date < FIRST_DAY {
        return None;
    }
    law_change_days().partition_point(|d| *d <= date).checked_sub(1)
}

/// The first day of every interval, in order (the law's change days).
pub fn interval_starts() -> &'static [NaiveDate] {
    law_change_days()
}

/// The cells and palette of `interval` (see [`lookup`]: a cell is an index into the palette,
/// whose `None` entry is a cell the engine refuses, whose error depends on the whole request).
/// With `build`, the interval's slice is built now if it is not yet (call it once enough
/// requests need the interval: see [`BUILD_AFTER`]); without, `None` until it is built.
pub fn interval_table(interval: usize, build: bool) -> Option<(&'static [u8], &'static [Option<Priced>])> {
    let start = *law_change_days().get(interval)?;
    let (_, slice) = built_in().slice_of(start, build, &quote)?;
    Some((&slice.cells, &slice.palette))
}

// ------------------------------------------------------------------------------------------
// The domain

const PROCEDURES: usize = Procedure::ALL.len();
/// `None` then each value, for the three sub-cases of the domain.
const CARD_KINDS: usize = 1 + CardKind::ALL.len();
const CARD_VALIDITIES: usize = 1 + CardValidity::ALL.len();
const FAMILY_MEMBERS: usize = 1 + FamilyMember::ALL.len();
/// Cells of one interval.
pub const CELLS: usize = Document::COUNT * PROCEDURES * 2 * CARD_KINDS * CARD_VALIDITIES * FAMILY_MEMBERS;

fn option_index(i: Option<usize>) -> usize {
    i.map_or(0, |i| i + 1)
}

/// The cell of a request, or `None` where the request is outside the domain.
fn cell_index(r: &Request) -> Option<usize> {
    let s = &r.sub_case;
    let c = &r.circumstances;
    let default_sub_case = SubCase { card_kind: s.card_kind, card_validity: s.card_validity, family_member: s.family_member, ..SubCase::default() };
    let default_circumstances = Circumstances { irregular_entry: c.irregular_entry, ..Circumstances::default() };
    if r.regime.is_some() || *s != default_sub_case || *c != default_circumstances {
        return None;
    }
    let mut i = r.permit.index();
    i = i * PROCEDURES + r.procedure.index();
    i = i * 2 + usize::from(c.irregular_entry);
    i = i * CARD_KINDS + option_index(s.card_kind.map(CardKind::index));
    i = i * CARD_VALIDITIES + option_index(s.card_validity.map(CardValidity::index));
    i = i * FAMILY_MEMBERS + option_index(s.family_member.map(FamilyMember::index));
    Some(i)
}

/// Every request of the domain on `date`, in cell order.
pub fn domain(date: NaiveDate) -> Vec<Request> {
    fn options<T: Copy>(all: &[T]) -> Vec<Option<T>> {
        std::iter::once(None).chain(all.iter().copied().map(Some)).collect()
    }
    let mut out = Vec::with_capacity(CELLS);
    for doc in Document::all() {
        for procedure in Procedure::ALL {
            for irregular in [false, true] {
                for kind in options(CardKind::ALL) {
                    for validity in options(CardValidity::ALL) {
                        for member in options(FamilyMember::ALL) {
                            let mut r = Request::new(doc, *procedure, date);
                            r.circumstances.irregular_entry = irregular;
                            r.sub_case.card_kind = kind;
                            r.sub_case.card_validity = validity;
                            r.sub_case.family_member = member;
                            out.push(r);
                        }
                    }
                }
            }
        }
    }
    out
}

// ------------------------------------------------------------------------------------------
// The intervals

/// One interval's cells: indices into its palette (`None`: refused, the engine answers).
#[derive(Debug)]
pub(crate) struct Slice {
    palette: Vec<Option<Priced>>,
    cells: Vec<u8>,
}

/// Requests an interval answers through the engine before its slice is built: a slice is
/// [`CELLS`] quotes, so building it after this many keeps the cost within a small factor of
/// the engine's for any workload.
pub const BUILD_AFTER: u32 = 4_096;

/// Builds the slice of the interval of `date` now (tests, benchmarks, a server warming up).
pub fn prepare(date: NaiveDate) {
    let _ = built_in().slice_of(date, true, &quote);
}

/// The built-in law's table.
fn built_in() -> &'static PriceTable {
    static TABLE: OnceLock<PriceTable> = OnceLock::new();
    TABLE.get_or_init(|| PriceTable::new(law_change_days().to_vec()))
}

/// A price table over the intervals between `days`: the built-in law's, or a reform's (which
/// owns its own, so that a reform prices as fast as the law).
#[derive(Debug)]
pub(crate) struct PriceTable {
    days: Vec<NaiveDate>,
    intervals: Vec<Interval>,
}

#[derive(Debug)]
struct Interval {
    asked: AtomicU32,
    slice: OnceLock<Option<Slice>>,
}

/// The engine a table is built from and falls back on.
pub(crate) type Pricer<'p> = &'p dyn Fn(&Request) -> Result<Quote, Error>;

impl PriceTable {
    /// An empty table over the intervals between change days `days` (sorted).
    pub(crate) fn new(days: Vec<NaiveDate>) -> PriceTable {
        let intervals = days.iter().map(|_| Interval { asked: AtomicU32::new(0), slice: OnceLock::new() }).collect();
        PriceTable { days, intervals }
    }

    /// The table's answer to `request` (see [`lookup`]), its slices built with `price`.
    pub(crate) fn lookup(&self, request: &Request, price: Pricer<'_>) -> Option<Cell<'_>> {
        let index = cell_index(request)?;
        let (interval, slice) = self.slice_of(request.date, false, price)?;
        let answer = *slice.cells.get(index)?;
        let priced = slice.palette.get(usize::from(answer))?.as_ref()?;
        Some(Cell { interval, answer, priced })
    }

    /// The interval of `date` between two change days, built on first use (or `now`); `None`
    /// before the first covered day, or where an interval's palette would not fit a byte.
    pub(crate) fn slice_of(&self, date: NaiveDate, now: bool, price: Pricer<'_>) -> Option<(usize, &Slice)> {
        if date < FIRST_DAY {
            return None;
        }
        let i = self.days.partition_point(|d| *d <= date).checked_sub(1)?;
        let start = *self.days.get(i)?;
        let interval = self.intervals.get(i)?;
        if let Some(built) = interval.slice.get() {
            return built.as_ref().map(|s| (i, s));
        }
        if !now && interval.asked.fetch_add(1, Ordering::Relaxed) < BUILD_AFTER {
            return None;
        }
        interval.slice.get_or_init(|| build(start, price)).as_ref().map(|s| (i, s))
    }
}

fn build(day: NaiveDate, price: Pricer<'_>) -> Option<Slice> {
    let mut palette: Vec<Option<Priced>> = vec![None];
    let mut cells = Vec::with_capacity(CELLS);
    for r in domain(day) {
        let answer = price(&r).ok().map(|q| Priced::of(&q));
        let p = match palette.iter().position(|x| *x == answer) {
            Some(p) => p,
            None => {
                palette.push(answer);
                palette.len() - 1
            }
        };
        cells.push(u8::try_from(p).ok()?);
    }
    Some(Slice { palette, cells })
}
