//! Which sub-cases and circumstances matter for a permit, a procedure and a decision date:
//! the fields a form should ask for.
//!
//! [`relevant_fields`] asks the engine itself rather than a second description of the law:
//! starting from the bare request and a few requests that switch on the charges two fields
//! decide together (an irregular entry; a previous title's expiry, which with the application
//! date decides lateness), it changes each sub-case and circumstance to each value of a probe
//! set (every code, both booleans, absent, and dates around the decision date and on every day
//! the law files name) and keeps the fields whose change changes the answer (the quote, or the
//! error). Requests whose answer is new are explored in turn, so that a field that matters only
//! once another is given (a late renewal's exemptions; the sub-cases of the title a VLS-TS
//! replaces) is found too. `tests/relevance.rs` checks the promise on generated requests:
//! changing fields it does not list never changes the answer.

use chrono::{Days, NaiveDate};

use crate::fields::{Field, FieldKind, FieldValue, Group, SPECS};
use crate::model::document::Document;
use crate::model::procedure::Procedure;
use crate::quote::Quote;
use crate::request::Request;
use crate::Error;

/// Requests explored at most (the bare request and the seeds included).
const MAX_CONTEXTS: usize = 96;
/// New requests one field may add from one explored request.
const MAX_NEW_PER_FIELD: usize = 4;
/// Dates probed, in days before the decision date (negative: after it).
const RELATIVE_DAYS: &[i64] = &[0, 1, 2, 30, 58, 59, 60, 61, 62, 63, 89, 90, 91, 118, 119, 120, 121, 122, 150, 180, 365, 400, 730, 1100, 1500, 2200, 3000, 4500, 6000, -1, -2, -30, -58, -59, -60, -61, -62, -63, -90, -118, -119, -120, -121, -122, -150, -200, -400];
/// The requests explored first (the seeds and a few more) from which every law day is probed.
const LAW_DAY_CONTEXTS: usize = 12;
/// Law dates probed: from this many days before the decision date…
const LAW_DAYS_BEFORE: u64 = 7300;
/// …to this many after it.
const LAW_DAYS_AFTER: u64 = 400;

type Answer = Result<Quote, Error>;

/// The sub-case and circumstance fields that can change the quote of a request for `permit`,
/// `procedure` and `date` (no explicit regime), in canonical order. The required fields and
/// `regime` always matter and are not listed.
///
/// A value that contradicts the other facts (`Facts::validate`: an application after the
/// decision, an EU citizen holding a card that is not an EU card…) is refused whatever the
/// permit, and does not make a field relevant. The answer is computed, not looked up: a few
/// thousand quotes, a few milliseconds.
pub fn relevant_fields(permit: Document, procedure: Procedure, date: NaiveDate) -> Vec<&'static Field> {
    let candidates: Vec<&'static Field> = SPECS.iter().filter(|f| matches!(f.group, Group::SubCase | Group::Circumstance)).collect();
    let base = Request::new(permit, procedure, date);
    let mut contexts: Vec<(Request, Answer)> = Vec::new();
    let mut answers: Vec<Answer> = Vec::new();
    for seed in seeds(&base) {
        if seed.facts().validate().is_ok() {
            let answer = crate::quote(&seed);
            if !answers.contains(&answer) {
                answers.push(answer.clone());
            }
            contexts.push((seed, answer));
        }
    }
    let mut relevant = vec![false; candidates.len()];
    let mut next = 0;
    while let Some((context, answer)) = contexts.get(next).cloned() {
        // Every day the law names is probed from the first requests only; later ones, and the
        // fields already known to matter, take the dates around the decision.
        let law_days = next < LAW_DAY_CONTEXTS;
        next += 1;
        for (is_relevant, field) in relevant.iter_mut().zip(&candidates) {
            if *is_relevant && contexts.len() >= MAX_CONTEXTS {
                continue; // nothing left to learn from this field
            }
            let mut added = 0;
            for variant in variants(&context, field, &candidates, law_days && !*is_relevant) {
                if variant.facts().validate().is_err() {
                    continue;
                }
                let changed = crate::quote(&variant);
                if changed == answer {
                    continue;
                }
                *is_relevant = true;
                if contexts.len() < MAX_CONTEXTS && added < MAX_NEW_PER_FIELD && !answers.contains(&changed) {
                    answers.push(changed.clone());
                    contexts.push((variant, changed));
                    added += 1;
                }
                if added >= MAX_NEW_PER_FIELD || contexts.len() >= MAX_CONTEXTS {
                    break; // known to matter; enough new requests from it here
                }
            }
        }
    }
    candidates.into_iter().zip(relevant).filter_map(|(f, r)| r.then_some(f)).collect()
}

/// The names of [`relevant_fields`].
pub fn relevant_field_names(permit: Document, procedure: Procedure, date: NaiveDate) -> Vec<&'static str> {
    relevant_fields(permit, procedure, date).into_iter().map(|f| f.name).collect()
}

fn shifted(date: NaiveDate, days_before: i64) -> Option<NaiveDate> {
    if days_before >= 0 {
        date.checked_sub_days(Days::new(days_before.unsigned_abs()))
    } else {
        date.checked_add_days(Days::new(days_before.unsigned_abs()))
    }
}

/// The bare request, and requests that switch on the charges two fields decide together.
fn seeds(base: &Request) -> Vec<Request> {
    let mut seeds = vec![base.clone()];
    let mut irregular = base.clone();
    irregular.circumstances.irregular_entry = true;
    seeds.push(irregular);
    for days_before in [30, 1, -10, -45, -70, -100, -130] {
        let mut expiring = base.clone();
        expiring.circumstances.previous_title_expiry = shifted(base.date, days_before);
        seeds.push(expiring);
    }
    seeds
}

/// The probe values of a field of the kind given, around `date`.
fn probe_values(kind: FieldKind, date: NaiveDate, law_days: bool) -> Vec<FieldValue> {
    match kind {
        FieldKind::Bool => vec![FieldValue::Bool(true), FieldValue::Bool(false)],
        FieldKind::Code(v) => (0..v.len()).filter_map(|i| u16::try_from(i).ok()).map(FieldValue::Code).collect(),
        FieldKind::Date => {
            let from = date.checked_sub_days(Days::new(LAW_DAYS_BEFORE)).unwrap_or(NaiveDate::MIN);
            let until = date.checked_add_days(Days::new(LAW_DAYS_AFTER)).unwrap_or(NaiveDate::MAX);
            let mut days: Vec<NaiveDate> = RELATIVE_DAYS.iter().filter_map(|&d| shifted(date, d)).collect();
            for &d in crate::history::law_dates().iter().filter(|_| law_days) {
                if d >= from && d <= until {
                    days.push(d);
                    days.extend(d.pred_opt());
                }
            }
            days.sort_unstable();
            days.dedup();
            days.into_iter().map(FieldValue::Date).collect()
        }
    }
}

/// `context` with `field` absent, then with each probe value.
fn variants(context: &Request, field: &Field, candidates: &[&'static Field], law_days: bool) -> Vec<Request> {
    let mut out = Vec::new();
    if (field.get)(context).is_some() {
        let mut unset = Request::new(context.permit, context.procedure, context.date);
        for other in candidates.iter().filter(|f| f.name != field.name) {
            if let Some(v) = (other.get)(context) {
                (other.set)(&mut unset, v);
            }
        }
        out.push(unset);
    }
    let current = (field.get)(context);
    for value in probe_values(field.kind, context.date, law_days) {
        if current == Some(value) {
            continue;
        }
        let mut r = context.clone();
        (field.set)(&mut r, value);
        if r != *context {
            out.push(r);
        }
    }
    out
}
