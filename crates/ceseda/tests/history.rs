//! The tariff history against its oracle, a daily sweep of `quote`; and the sweep's own
//! promise: from 2009-01-05 to 2030-12-31 no day answers `date_out_of_range`.
//!
//! By default the sweep is daily for a sample of requests (every permit's first issue and
//! renewal, the cases with sub-cases and circumstances) and every seventh day for the rest;
//! `CESEDA_SWEEP=full` makes it daily for every document and procedure.

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.
#![allow(clippy::panic)] // a test fails by panicking, with the failing case in the message.

mod common;
use ceseda::history::{history, Period, FIRST_DAY};
use ceseda::{quote, Document, NaiveDate, Procedure, Request};
use chrono::Days;
use serde_json::{json, Value};

const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2030, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

fn full() -> bool {
    std::env::var("CESEDA_SWEEP").is_ok_and(|v| v == "full")
}

/// What a day answers, as history compares it.
/// (outcome and total, component amounts, error code and field).
type Answer = (Option<String>, Vec<(String, String)>, Option<(String, Option<String>)>);

fn day_answer(request: &Request, day: NaiveDate) -> Answer {
    let mut r = request.clone();
    r.date = day;
    match quote(&r) {
        Ok(q) => {
            let mut parts: Vec<(String, String)> = Vec::new();
            for l in &q.lines {
                match parts.iter_mut().find(|(c, _)| c == l.component.code()) {
                    Some(p) => p.1 = ceseda::money::to_string(p.1.parse::<ceseda::Decimal>().unwrap_or_default() + l.amount),
                    None => parts.push((l.component.code().to_string(), ceseda::money::to_string(l.amount))),
                }
            }
            (Some(format!("{}:{:?}", q.outcome.code(), q.total)), parts, None)
        }
        Err(e) => (None, Vec::new(), Some((e.code().to_string(), e.field().map(str::to_string)))),
    }
}

fn period_answer(p: &Period) -> Answer {
    match &p.error {
        Some(e) => (None, Vec::new(), Some((e.code.clone(), e.field.clone()))),
        None => (
            p.outcome.map(|o| format!("{}:{:?}", o.code(), p.total)),
            p.components.iter().map(|c| (c.component.code().to_string(), ceseda::money::to_string(c.amount))).collect(),
            None,
        ),
    }
}

/// Checks a request's history against the daily sweep: every day inside the period that
/// covers it answers the period's answer, and a new period starts exactly where the daily
/// answer changes. Returns the days the sweep saw change.
fn check(request: &Request, step: u64) -> Result<Vec<NaiveDate>, String> {
    let h = history(request);
    let label = request.to_value().to_string();
    let first = h.periods.first().map(|p| p.from);
    if first != Some(FIRST_DAY) {
        return Err(format!("{label}: history starts on {first:?}"));
    }
    for pair in h.periods.windows(2) {
        let next_day = pair[0].until.and_then(|d| d.checked_add_days(Days::new(1)));
        if next_day != Some(pair[1].from) {
            return Err(format!("{label}: gap or overlap after {:?}", pair[0].until));
        }
        if period_answer(&pair[0]) == period_answer(&pair[1]) {
            return Err(format!("{label}: periods from {} and {} answer alike and were not merged", pair[0].from, pair[1].from));
        }
    }
    if h.periods.last().is_some_and(|p| p.until.is_some()) {
        return Err(format!("{label}: the last period is not open-ended"));
    }
    let mut changes = Vec::new();
    let mut previous = None;
    let mut day = FIRST_DAY;
    let mut index = 0;
    while day <= LAST_DAY {
        while h.periods.get(index).and_then(|p| p.until).is_some_and(|until| until < day) {
            index += 1;
        }
        let answer = day_answer(request, day);
        if let Some((code, _)) = &answer.2 {
            if code == "date_out_of_range" {
                return Err(format!("{label}: date_out_of_range on {day}"));
            }
        }
        let period = h.periods.get(index).ok_or_else(|| format!("{label}: no period for {day}"))?;
        if period_answer(period) != answer {
            return Err(format!("{label}: on {day} quote answers {answer:?}, history (period from {}) {:?}", period.from, period_answer(period)));
        }
        if step == 1 && previous.as_ref().is_some_and(|p| *p != answer) {
            changes.push(day);
        }
        previous = Some(answer);
        day = match day.checked_add_days(Days::new(step)) {
            Some(d) => d,
            None => break,
        };
    }
    if step == 1 {
        let starts: Vec<NaiveDate> = h.periods.iter().skip(1).map(|p| p.from).filter(|d| *d <= LAST_DAY).collect();
        if starts != changes {
            return Err(format!("{label}: history changes on {starts:?}, the daily sweep on {changes:?}"));
        }
    }
    Ok(changes)
}

fn request(v: Value) -> Request {
    let mut v = v;
    v["date"] = json!("2020-01-01");
    Request::from_value(&v).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn visitor_first_issue_changes_on_the_days_the_law_changes_it() {
    let changes = check(&request(json!({"permit": "visiteur", "procedure": "first_issue"})), 1).unwrap_or_else(|e| panic!("{e}"));
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or(NaiveDate::MIN);
    // 300 → 340 (décret 2010-689) → 359 (stamp, LFR 2011) → 368 (décret 2011-2062) →
    // 260 (décret 2012-1535) → 269 (seed 003) → 225 (seed 004) → 350 (LF 2026).
    let expected: Vec<NaiveDate> = ["2010-06-26", "2011-10-01", "2012-01-01", "2012-12-31", "2016-11-01", "2020-01-02", "2026-05-01"].iter().map(|s| d(s)).collect();
    assert_eq!(changes, expected);
    let h = history(&request(json!({"permit": "visiteur", "procedure": "first_issue"})));
    let totals: Vec<String> = h.periods.iter().map(|p| p.total.map(ceseda::money::to_string).unwrap_or_default()).collect();
    assert_eq!(totals, ["300.00", "340.00", "359.00", "368.00", "260.00", "269.00", "225.00", "350.00"]);
    // The 340 € period spans three regimes of equal amounts.
    assert_eq!(h.periods.get(1).map(|p| p.regimes.iter().map(|r| r.code()).collect::<Vec<_>>()), Some(vec!["statute_2010_06_26", "statute_2011_01_01", "statute_2011_02_12"]));
}

#[test]
fn a_permit_outside_some_periods_has_error_rows() {
    // The carte bleue européenne exists from 30 September 2011; the passeport talent replaces it.
    let h = history(&request(json!({"permit": "scientifique", "procedure": "first_issue"})));
    let last = h.periods.last();
    assert_eq!(last.map(|p| (p.from.to_string(), p.error.as_ref().map(|e| e.code.clone()))), Some(("2016-11-01".into(), Some("permit_not_in_regime".into()))));
    check(&request(json!({"permit": "metiers_en_tension", "procedure": "renewal"})), 1).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn circumstances_and_request_dates_count() {
    let cases = [
        json!({"permit": "salarie", "procedure": "first_issue", "irregular_entry": true}),
        json!({"permit": "salarie", "procedure": "first_issue", "irregular_entry": true, "application_date": "2012-10-01"}),
        json!({"permit": "salarie", "procedure": "renewal", "application_date": "2015-07-01", "previous_title_expiry": "2015-06-30"}),
        json!({"permit": "etudiant", "procedure": "renewal", "card_kind": "cst", "card_validity": "one_year"}),
        json!({"permit": "cr_rente_accident_maladie", "procedure": "duplicate"}),
        json!({"permit": "vls_ts", "procedure": "first_issue", "underlying_permit": "etudiant"}),
        json!({"permit": "vpf_regroupement_familial", "procedure": "first_issue", "family_member": "child"}),
        json!({"permit": "dcem", "procedure": "first_issue"}),
        json!({"permit": "talent_salarie", "procedure": "renewal", "application_date": "2022-01-01", "previous_title_expiry": "2022-03-01"}),
    ];
    for c in cases {
        check(&request(c), 1).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn every_document_and_procedure_agrees_with_the_sweep_and_is_never_out_of_range() {
    let mut failures = Vec::new();
    for doc in Document::all() {
        for procedure in Procedure::ALL {
            let step = if full() || matches!(procedure, Procedure::FirstIssue | Procedure::Renewal) { 1 } else { 7 };
            let r = Request::new(doc, *procedure, FIRST_DAY);
            if let Err(e) = check(&r, step) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_contract_refuses_a_date_and_answers_periods() {
    let ok: Value = serde_json::from_str(&ceseda::contract::history_json(r#"{"permit":"visiteur","procedure":"first_issue"}"#)).unwrap_or_default();
    assert_eq!(ok["type"], "success");
    assert_eq!(ok["history"]["periods"][0]["from"], "2009-01-05");
    assert_eq!(ok["history"]["periods"][0]["total"], "300.00");
    assert_eq!(ok["history"]["periods"][0]["components"][0], json!({"component": "tax", "amount": "300.00"}));
    let ko: Value = serde_json::from_str(&ceseda::contract::history_json(r#"{"permit":"visiteur","procedure":"first_issue","date":"2020-01-01"}"#)).unwrap_or_default();
    assert_eq!((ko["error"]["code"].as_str(), ko["error"]["field"].as_str()), (Some("unknown_field"), Some("date")));
}
