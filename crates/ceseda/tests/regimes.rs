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

/// Every period, first and last day, with a visitor's first card: the tax of the version of
/// D. 311-18-1 / L. 311-13 in force, plus the 19 € stamp from 1 October 2011 (L. 311-16, LFR 2011).
#[test]
fn each_period_prices_its_first_and_last_day_under_its_own_text() {
    let periods = [
        // D. 311-18-1 of décret 2009-2 (5 January 2009): 300 € first issue, no stamp duty yet.
        ("2009-01-05", "2010-06-25", "statute_2009_01_05", "300.00"),
        // décret 2010-689 (26 June 2010): 340 €; LF 2011 (1 January 2011) and décret 2011-163
        // (12 February 2011) leave the first issue alone.
        ("2010-06-26", "2010-12-31", "statute_2010_06_26", "340.00"),
        ("2011-01-01", "2011-02-11", "statute_2011_01_01", "340.00"),
        ("2011-02-12", "2011-09-30", "statute_2011_02_12", "340.00"),
        // seed 002: 340 + 19.
        ("2011-10-01", "2011-12-31", "table_2011", "359.00"),
        // décret 2011-2062: 349 + 19.
        ("2012-01-01", "2012-12-30", "statute_2012_01_01", "368.00"),
        // décret 2012-1535 (31 December 2012): 241 + 19; LF 2013, LF 2014 and loi 2014-873
        // change other lines.
        ("2012-12-31", "2012-12-31", "statute_2012_12_31", "260.00"),
        ("2013-01-01", "2013-12-31", "statute_2013_01_01", "260.00"),
        ("2014-01-01", "2014-08-05", "statute_2014_01_01", "260.00"),
        ("2014-08-06", "2016-10-31", "statute_2014_08_06", "260.00"),
        // seed 003: 250 + 19.
        ("2016-11-01", "2020-01-01", "table_2016", "269.00"),
        // seed 004: 200 + 25.
        ("2020-01-02", "2026-04-30", "table_2020", "225.00"),
        // LF 2026: 300 + 50.
        ("2026-05-01", "2030-12-31", "lf_2026", "350.00"),
    ];
    for (first, last, regime, visitor) in periods {
        for date in [first, last] {
            let quote = q(visiteur_first(date)).ok();
            assert_eq!(quote.as_ref().map(|q| (q.regime.code(), q.total.map(|t| t.to_string()))), Some((regime, Some(visitor.to_string()))), "{date}");
        }
    }
    // The periods are the listing's, in order, with no gap.
    let listed: Vec<&str> = ceseda::regimes().map(|r| r.id.code()).collect();
    assert_eq!(listed, periods.iter().map(|p| p.2).collect::<Vec<_>>());
}

#[test]
fn uncovered_dates_name_the_covered_periods() {
    for date in ["2009-01-04", "2008-12-31", "1999-01-01", "1900-01-01"] {
        let e = err(visiteur_first(date));
        assert_eq!(e.code(), "date_out_of_range", "{date}");
        assert_eq!(e.field(), Some("date"));
        assert_eq!(e.value(), Some(date));
        let message = e.to_string();
        for period in ["2009-01-05 to 2010-06-25", "2011-10-01 to 2011-12-31", "2014-08-06 to 2016-10-31", "2016-11-01 to 2020-01-01", "2020-01-02 to 2026-04-30", "from 2026-05-01"] {
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
    // Even a date no source covers.
    let mut r = visiteur_first("2008-05-01");
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
    assert_eq!(ids.len(), 13);
    assert_eq!(ids[..2], ["statute_2009_01_05", "statute_2010_06_26"]);
    assert_eq!(ids[9..], ["statute_2014_08_06", "table_2016", "table_2020", "lf_2026"]);
    // The one day of décret 2012-1535 under LF 2012 is a reading (low); the D. 311-18-1 record
    // ends in March 2015 (medium to October 2016).
    assert_eq!(ceseda::RegimeId::Statute20121231.regime().confidence, ceseda::Confidence::Low);
    assert_eq!(ceseda::RegimeId::Statute20140806.regime().confidence, ceseda::Confidence::Medium);
    assert_eq!(ceseda::RegimeId::Statute20130101.regime().confidence, ceseda::Confidence::High);
    assert_eq!(ceseda::RegimeId::Lf2026.regime().confidence, ceseda::Confidence::Medium);
    assert_eq!(ceseda::RegimeId::Table2020.regime().confidence, ceseda::Confidence::High);
}
