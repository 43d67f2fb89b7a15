//! The compiled price table against its oracle, the engine: every cell of the domain, on the
//! first and the last day of every interval between change days (so the table also proves the
//! law constant in between), answers what `quote` answers; and requests outside the domain go
//! to the engine. In a debug build every fourth interval is checked; `--release` or
//! `CESEDA_SWEEP=full` checks them all (scripts/test-rust.sh runs it in release).

#![allow(clippy::panic, clippy::indexing_slicing)] // a test fails by panicking; indices are in range.

use ceseda::history::law_change_days;
use ceseda::price_table::{domain, prepare, total, Totals};
use ceseda::{quote, NaiveDate, Request};
use chrono::Days;

fn engine(r: &Request) -> Result<Totals, String> {
    quote(r).map(|q| Totals::of(&q)).map_err(|e| e.code().to_string())
}

fn check_day(day: NaiveDate) -> Vec<String> {
    prepare(day);
    let mut failures = Vec::new();
    for r in domain(day) {
        let fast = total(&r).map_err(|e| e.code().to_string());
        let slow = engine(&r);
        if fast != slow {
            failures.push(format!("{}: table {fast:?}, engine {slow:?}", r.to_value()));
        }
    }
    failures
}

#[test]
fn every_cell_of_every_interval_equals_the_engine() {
    let days = law_change_days();
    let all = cfg!(not(debug_assertions)) || std::env::var("CESEDA_SWEEP").is_ok_and(|v| v == "full");
    let mut failures = Vec::new();
    for (i, start) in days.iter().enumerate() {
        if !all && i % 4 != 0 {
            continue;
        }
        let last = days.get(i + 1).and_then(|next| next.checked_sub_days(Days::new(1))).unwrap_or(*start + Days::new(400));
        failures.extend(check_day(*start));
        if last != *start {
            failures.extend(check_day(last));
        }
        assert!(failures.len() < 20, "{}", failures.join("\n"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn requests_outside_the_domain_are_the_engine_s() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or(NaiveDate::MIN);
    let mut late = Request::new(ceseda::Permit::Salarie, ceseda::Procedure::Renewal, d("2024-07-15"));
    late.circumstances.application_date = Some(d("2024-07-01"));
    late.circumstances.previous_title_expiry = Some(d("2024-06-30"));
    assert_eq!(total(&late).ok().and_then(|t| t.total).map(|t| t.to_string()).as_deref(), Some("405.00"));
    let mut explicit = Request::new(ceseda::Permit::Visiteur, ceseda::Procedure::FirstIssue, d("2024-03-01"));
    explicit.regime = Some(ceseda::RegimeId::Table2016);
    assert_eq!(total(&explicit).ok().and_then(|t| t.total).map(|t| t.to_string()).as_deref(), Some("269.00"));
    // Refusals are the engine's errors, whole.
    let early = Request::new(ceseda::Permit::Visiteur, ceseda::Procedure::FirstIssue, d("2008-12-31"));
    assert_eq!(total(&early).err().map(|e| e.code()), Some("date_out_of_range"));
    let missing = Request::new(ceseda::Permit::VpfRegroupementFamilial, ceseda::Procedure::FirstIssue, d("2018-03-01"));
    assert_eq!(total(&missing).err().map(|e| (e.code(), e.field().map(str::to_string))), Some(("missing_sub_case", Some("family_member".to_string()))));
}
