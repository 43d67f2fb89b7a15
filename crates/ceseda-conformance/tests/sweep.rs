//! The temporal sweep: every day from the first source (5 January 2009) to 31 December 2030,
//! every document and procedure, under a set of circumstances. On every day:
//!
//! * a quote's total is the sum of its lines, no line is negative, what is due at filing is the
//!   sum of the lines due at filing, and the regime's period contains the decision date;
//! * the compiled price table (`ceseda::total`, the batch paths' fast path) answers the quote's
//!   totals, or the same error;
//! * an answer changes from one day to the next only on a day the law lists as a change day
//!   (`ceseda::history::law_change_days()`).
//!
//! Run in release (`scripts/test-rust.sh`: `cargo test --release -p ceseda-conformance --test
//! sweep`). By default every day of every document and procedure is swept under the common
//! circumstances, and each other set of circumstances over a quarter of the documents (a
//! different quarter per set, so that every document meets some of them); `CESEDA_SWEEP=full`
//! sweeps every set over every document. The JSON contract is checked on the first day of each
//! regime and on each change day, through `quote_json`, `quote_many_json` and
//! `quote_table_json`.

#![allow(clippy::panic)] // a test fails by panicking, with the failing case in the message.

use std::collections::BTreeSet;

use ceseda::history::{law_change_days, FIRST_DAY};
use ceseda::{quote, Circumstances, Decimal, Document, DueAt, EuStatus, NaiveDate, Procedure, Request, SubCase};
use ceseda_conformance::invariants;

const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2030, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

fn full() -> bool {
    std::env::var("CESEDA_SWEEP").is_ok_and(|v| v == "full")
}

/// The circumstances swept (none with a date of its own: a request's own dates are change days
/// of that request, not of the law).
fn circumstance_sets() -> Vec<(&'static str, SubCase, Circumstances)> {
    let c = Circumstances::default;
    let s = SubCase::default;
    vec![
        ("common", s(), c()),
        ("irregular entry", s(), Circumstances { irregular_entry: true, ..c() }),
        ("violence victim", s(), Circumstances { violence_victim: true, ..c() }),
        ("force majeure, valid visa", s(), Circumstances { force_majeure: true, holds_valid_visa: true, ..c() }),
        ("EU citizen", s(), Circumstances { eu_status: EuStatus::ALL.first().copied(), ..c() }),
        ("online, Algerian", s(), Circumstances { online_application: Some(true), algerian_national: Some(true), ..c() }),
        ("card kind csp", SubCase { card_kind: ceseda::CardKind::ALL.last().copied(), ..s() }, c()),
        ("spouse, more than a year", SubCase { family_member: ceseda::FamilyMember::ALL.first().copied(), card_validity: ceseda::CardValidity::ALL.last().copied(), ..s() }, c()),
    ]
}

/// What a day answers, as compared from one day to the next.
#[derive(PartialEq, Eq, Debug)]
enum Answer {
    Quote { outcome: &'static str, total: Option<Decimal>, due: Option<Decimal>, components: Vec<(&'static str, Decimal)> },
    Refused { code: &'static str, field: Option<String> },
}

fn check_quote(request: &Request) -> Result<Answer, String> {
    let answer = match quote(request) {
        Ok(q) => {
            let regime = q.regime.regime();
            if !regime.covers(q.date) && request.regime.is_none() {
                return Err(format!("regime {} does not cover {}", q.regime.code(), q.date));
            }
            let mut sum = Decimal::ZERO;
            let mut at_filing = Decimal::ZERO;
            let mut components: Vec<(&'static str, Decimal)> = Vec::new();
            for line in &q.lines {
                if line.amount < Decimal::ZERO {
                    return Err(format!("negative line {:?}", line.component));
                }
                sum += line.amount;
                if line.due == DueAt::AtFiling {
                    at_filing += line.amount;
                }
                match components.iter_mut().find(|(c, _)| *c == line.component.code()) {
                    Some(c) => c.1 += line.amount,
                    None => components.push((line.component.code(), line.amount)),
                }
            }
            match q.total {
                Some(t) if t != sum => return Err(format!("total {t} is not the sum of the lines {sum}")),
                None if !q.lines.is_empty() => return Err("lines under no total".into()),
                _ => {}
            }
            if let (Some(_), Some(due)) = (q.total, q.due_at_filing) {
                if due != at_filing {
                    return Err(format!("due at filing {due}, lines due at filing {at_filing}"));
                }
            }
            match ceseda::total(request) {
                Ok(t) if t == ceseda::Totals::of(&q) => {}
                other => return Err(format!("the price table answers {other:?}, the quote {:?}", ceseda::Totals::of(&q))),
            }
            Answer::Quote { outcome: q.outcome.code(), total: q.total, due: q.due_at_filing, components }
        }
        Err(e) => {
            match ceseda::total(request) {
                Err(t) if t.code() == e.code() && t.field() == e.field() => {}
                other => return Err(format!("the price table answers {other:?}, the quote refuses {}", e.code())),
            }
            Answer::Refused { code: e.code(), field: e.field().map(str::to_string) }
        }
    };
    Ok(answer)
}

/// The JSON contract on one day: the single answer's invariants, and the same request answered
/// alike through the batch and the table.
fn check_json(requests: &[Request]) -> Result<(), String> {
    let texts: Vec<String> = requests.iter().map(|r| r.to_value().to_string()).collect();
    for t in &texts {
        invariants::quote_answer(&ceseda::contract::quote_json(t)).map_err(|e| format!("{e}: {t}"))?;
    }
    let array = format!("[{}]", texts.join(","));
    invariants::many_answer(&array, &ceseda::contract::quote_many_json(&array))?;
    invariants::table_answer(&array, &ceseda::contract::quote_table_json(&array))
}

#[test]
#[cfg_attr(debug_assertions, ignore = "ten million quotes: run in release (scripts/test-rust.sh)")]
fn every_day_every_document_and_procedure_holds_and_changes_only_on_law_change_days() {
    let change_days: BTreeSet<NaiveDate> = law_change_days().iter().copied().collect();
    let json_days: BTreeSet<NaiveDate> = change_days.iter().copied().chain(ceseda::regimes().map(|r| r.valid_from)).filter(|d| *d >= FIRST_DAY && *d <= LAST_DAY).collect();
    let documents: Vec<Document> = Document::all().collect();
    let sets = circumstance_sets();
    let mut quotes = 0u64;
    let mut changes: BTreeSet<NaiveDate> = BTreeSet::new();
    for (s, (name, sub_case, circumstances)) in sets.iter().enumerate() {
        for (d, document) in documents.iter().enumerate() {
            if s > 0 && !full() && d % 4 != s % 4 {
                continue;
            }
            for procedure in Procedure::ALL {
                let mut request = Request::new(*document, *procedure, FIRST_DAY);
                request.sub_case = sub_case.clone();
                request.circumstances = circumstances.clone();
                let mut previous: Option<Answer> = None;
                let mut day = FIRST_DAY;
                while day <= LAST_DAY {
                    request.date = day;
                    let answer = check_quote(&request).unwrap_or_else(|e| panic!("{name}: {}: {e}", request.to_value()));
                    quotes += 1;
                    if previous.as_ref().is_some_and(|p| *p != answer) {
                        assert!(change_days.contains(&day), "{name}: {} changes on {day}, which is no change day of the law: {previous:?} then {answer:?}", request.to_value());
                        changes.insert(day);
                    }
                    previous = Some(answer);
                    day = day.succ_opt().unwrap_or(NaiveDate::MAX);
                }
            }
        }
        // The JSON entry points on the days the answers can change, for every document.
        for day in &json_days {
            let requests: Vec<Request> = documents
                .iter()
                .flat_map(|doc| Procedure::ALL.iter().map(move |p| (doc, p)))
                .map(|(doc, p)| {
                    let mut r = Request::new(*doc, *p, *day);
                    r.sub_case = sub_case.clone();
                    r.circumstances = circumstances.clone();
                    r
                })
                .collect();
            check_json(&requests).unwrap_or_else(|e| panic!("{name}, {day}: {e}"));
        }
    }
    // The sweep sees the law change: most change days change some answer.
    assert!(changes.len() >= 10, "only {} of the {} change days changed an answer", changes.len(), change_days.len());
    assert!(quotes > 1_000_000, "only {quotes} quotes");
    eprintln!("sweep: {quotes} quotes, {} days on which an answer changed, all among the law's {} change days", changes.len(), change_days.len());
}
