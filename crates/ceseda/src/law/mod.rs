//! The law: one file per source and period, each holding everything its source says, in the
//! source's order (see [`types`]). [`regimes`] lists them; nothing else names a regime.
//!
//! This layer is data. It depends on the model only; the rules read it.

pub mod errata;
pub mod regimes;
pub(crate) mod texts;
pub mod types;
pub mod windows;

mod lf_2026;
mod pre2016;
mod statute_2009;
mod statute_2010;
mod statute_2011_01;
mod statute_2011_02;
mod statute_2012;
mod statute_2012_12_31;
mod statute_2013;
mod statute_2014;
mod statute_2014_08;
mod table_2011;
mod table_2016;
mod table_2020;

#[cfg(test)]
mod tests;

use crate::law::types::{Cond, Row};
use crate::model::permit::Permit;

/// `row!(label, [permits], first_issue, renewal, duplicate, field: value…)`: a table row as a
/// struct literal, the other fields from [`Row::BLANK`].
macro_rules! row {
    ($label:expr, [$($p:path),* $(,)?], $first:expr, $renewal:expr, $dup:expr $(, $f:ident: $v:expr)* $(,)?) => {
        $crate::law::types::Row {
            label: $crate::law::types::t($label),
            permits: ::std::borrow::Cow::Borrowed(&[$($p),*]),
            first_issue: $first,
            renewal: $renewal,
            duplicate: Some($dup),
            $($f: $v,)*
            ..$crate::law::types::ROW
        }
    };
}

/// `same!(label, [permits], cell, field: value…)`: a row with the same cell in its three columns.
macro_rules! same {
    ($label:expr, [$($p:path),* $(,)?], $cell:expr $(, $f:ident: $v:expr)* $(,)?) => {
        $crate::law::row!($label, [$($p),*], $cell, $cell, $cell $(, $f: $v)*)
    };
}

/// `list![a, b]`: a static list in law data (a `Cow::Borrowed` of an array literal, so that
/// the array lives for the program).
macro_rules! list {
    ($($x:expr),* $(,)?) => {
        ::std::borrow::Cow::Borrowed(&[$($x),*])
    };
}

/// `choice!([(cond, cell), …], no_match)`: alternatives chosen by sub-case.
macro_rules! choice {
    ([$($o:expr),* $(,)?], $nm:expr $(,)?) => {
        $crate::law::types::Cell::Choice(::std::borrow::Cow::Borrowed(&[$($o),*]), $nm)
    };
}

/// `no_match!(field, fr, en, [accepted…])`: what to say when a required field is missing or no
/// alternative applies.
macro_rules! no_match {
    ($field:expr, $fr:expr, $en:expr, [$($e:expr),* $(,)?] $(,)?) => {
        $crate::law::types::NoMatch {
            field: $crate::law::types::t($field),
            reason: $crate::model::answer::Explanation::new($fr, $en),
            expected: ::std::borrow::Cow::Borrowed(&[$($crate::law::types::t($e)),*]),
        }
    };
}

pub(crate) use {choice, list, no_match, row, same};

/// The row of `rows` (amended rows first) listing `permit`, outright or under a sub-case.
fn listing<'t>(rows: impl Iterator<Item = &'t Row>, permit: Permit) -> Option<&'t Row> {
    let mut rows = rows.peekable();
    let mut by_cond = None;
    for row in rows.by_ref() {
        if row.permits.contains(&permit) {
            return Some(row);
        }
        if by_cond.is_none() && row.also.iter().any(|(p, _): &(Permit, Cond)| *p == permit) {
            by_cond = Some(row);
        }
    }
    by_cond
}

/// The row label, with the references as printed, that prices `permit` in `regime`'s law (for
/// a decree's schedule, the first category naming it).
pub fn printed_row(permit: Permit, regime: regimes::RegimeId) -> Option<&'static str> {
    let table = &regime.law().table;
    if let Some(schedule) = &table.schedule {
        return schedule.first_issue.iter().chain(schedule.renewal.iter()).find(|c| c.permits.contains(&permit) || c.members.iter().any(|m| m.permit == permit)).map(|c| c.label.as_ref());
    }
    listing(table.amended.iter().chain(table.rows.iter()), permit).map(|r| r.label.as_ref())
}

/// The regimes whose law lists `permit` on at least one day of their period (a permit created
/// or repealed inside a period exists in it only from or until that day).
pub fn regimes_listing(permit: Permit) -> Vec<&'static str> {
    regimes::RegimeId::ALL.iter().filter(|id| printed_row(permit, **id).is_some() && exists_in(permit, id.law())).map(|id| id.code()).collect()
}

/// Whether `permit` exists on some day of `law`'s period.
fn exists_in(permit: Permit, law: &types::RegimeLaw) -> bool {
    let r = &law.regime;
    law.existence.iter().filter(|e| e.permit == permit).all(|e| e.from.is_none_or(|from| r.valid_until.is_none_or(|until| from <= until)) && e.until.is_none_or(|until| until >= r.valid_from))
}
