//! A date picks the regime; boundaries fall where the sources put them.

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.

mod common;
use common::*;
use serde_json::json;

#[test]
fn visiteur_first_issue_across_the_boundaries() {
    // Seed 003 up to and including 1 Jan 2020; seed 004 for decisions from 2 Jan 2020.
    assert_eq!(total(visiteur_first("2019-12-31")), "269.00");
    assert_eq!(total(visiteur_first("2020-01-01")), "269.00");
    assert_eq!(total(visiteur_first("2020-01-02")), "225.00");
    // Seed 004 up to 30 Apr 2026; the loi de finances pour 2026 from 1 May 2026.
    assert_eq!(total(visiteur_first("2026-04-30")), "225.00");
    assert_eq!(total(visiteur_first("2026-05-01")), "350.00");
    // Seed 002 covers late 2011 only.
    assert_eq!(total(visiteur_first("2011-10-01")), "359.00");
    assert_eq!(total(visiteur_first("2011-12-31")), "359.00");
}

#[test]
fn regime_ids_on_each_side() {
    for (date, regime) in [("2019-12-31", "table_2016"), ("2020-01-01", "table_2016"), ("2020-01-02", "table_2020"), ("2026-04-30", "table_2020"), ("2026-05-01", "lf_2026"), ("2011-11-15", "table_2011")] {
        assert_eq!(q(visiteur_first(date)).map(|q| q.regime.code()).ok(), Some(regime), "{date}");
    }
}

#[test]
fn uncovered_dates_name_the_covered_periods() {
    for date in ["2011-09-30", "2012-01-01", "2014-05-01", "2016-10-31", "1999-01-01"] {
        let e = err(visiteur_first(date));
        assert_eq!(e.code(), "date_out_of_range", "{date}");
        assert_eq!(e.field(), Some("date"));
        assert_eq!(e.value(), Some(date));
        let message = e.to_string();
        for period in ["2011-10-01 to 2011-12-31", "2016-11-01 to 2020-01-01", "2020-01-02 to 2026-04-30", "from 2026-05-01"] {
            assert!(message.contains(period), "{message}");
        }
    }
}

#[test]
fn an_explicit_regime_prices_any_date_under_its_table() {
    // What a 2024 first visitor card would have cost under the 2016 table.
    let mut r = visiteur_first("2024-03-01");
    r["regime"] = json!("table_2016");
    assert_eq!(total(r.clone()), "269.00");
    r["regime"] = json!("table_2011");
    assert_eq!(total(r.clone()), "359.00");
    r["regime"] = json!("lf_2026");
    assert_eq!(total(r), "350.00");
    // Even a date no table covers.
    let mut r = visiteur_first("2014-05-01");
    r["regime"] = json!("table_2016");
    assert_eq!(total(r), "269.00");
}

#[test]
fn article_numbers_follow_the_recodification_of_1_may_2021() {
    let before = q(visiteur_first("2021-04-30")).ok();
    let after = q(visiteur_first("2021-05-01")).ok();
    let basis = |q: &Option<ceseda::Quote>, i: usize| q.as_ref().and_then(|q| q.lines.get(i)).map(|l| l.basis.to_string());
    assert_eq!(basis(&before, 0).as_deref(), Some("CESEDA L. 311-13 A"));
    assert_eq!(basis(&before, 1).as_deref(), Some("CESEDA L. 311-16"));
    assert_eq!(basis(&after, 0).as_deref(), Some("CESEDA L. 436-1"));
    assert_eq!(basis(&after, 1).as_deref(), Some("CESEDA L. 436-7"));
    // Same amounts either side.
    assert_eq!(before.map(|q| q.total), after.map(|q| q.total));
}

#[test]
fn lf_2026_amounts_match_service_public() {
    // LEGAL_NOTES: 350 first title (300+50), 250 renewal (200+50), students 150 first, 100 renewal.
    let r = |permit: &str, procedure: &str| total(json!({"permit": permit, "procedure": procedure, "date": "2026-06-01"}));
    assert_eq!(r("visiteur", "first_issue"), "350.00");
    assert_eq!(r("visiteur", "renewal"), "250.00");
    assert_eq!(r("visiteur", "duplicate"), "250.00");
    assert_eq!(r("etudiant", "first_issue"), "150.00");
    assert_eq!(r("etudiant", "renewal"), "100.00");
    assert_eq!(r("cr_refugie", "first_issue"), "50.00"); // stamp only: exempt of tax at first issue
    assert_eq!(r("carte_ue", "first_issue"), "0.00");
    assert_eq!(r("aps", "first_issue"), "100.00");
    assert_eq!(r("aps", "renewal"), "100.00");
    assert_eq!(r("aps", "duplicate"), "error:not_covered");
    assert_eq!(total(json!({"permit": "aps", "procedure": "first_issue", "date": "2026-04-30"})), "null"); // hors champ
}

#[test]
fn regimes_are_listed_with_their_confidence() {
    let ids: Vec<&str> = ceseda::regimes().map(|r| r.id.code()).collect();
    assert_eq!(ids, ["table_2011", "table_2016", "table_2020", "lf_2026"]);
    assert_eq!(ceseda::RegimeId::Lf2026.regime().confidence, ceseda::Confidence::Medium);
    assert_eq!(ceseda::RegimeId::Table2020.regime().confidence, ceseda::Confidence::High);
}
