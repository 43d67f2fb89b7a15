//! `relevant_fields(permit, procedure, date)`: the fields it does not list never change the
//! answer, and the ones a form needs are listed (figures from the seed tables).

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.

use ceseda::fields::{Field, Group, SPECS};
use ceseda::relevance::relevant_field_names;
use ceseda::strategies;
use ceseda::{quote, Document, NaiveDate, Permit, Procedure, Request};
use proptest::prelude::*;
use proptest::sample::select;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn names(permit: Permit, procedure: Procedure, date: NaiveDate) -> Vec<&'static str> {
    relevant_field_names(Document::Permit(permit), procedure, date)
}

/// `kept` with the fields that `listed` does not name taken from `other`.
fn with_unlisted_from(kept: &Request, other: &Request, listed: &[&str]) -> Request {
    let mut r = Request::new(kept.permit, kept.procedure, kept.date);
    let fields: Vec<&Field> = SPECS.iter().filter(|f| matches!(f.group, Group::SubCase | Group::Circumstance)).collect();
    for f in fields {
        let source = if listed.contains(&f.name) { kept } else { other };
        if let Some(v) = (f.get)(source) {
            (f.set)(&mut r, v);
        }
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("CESEDA_RELEVANCE_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(96), ..ProptestConfig::default() })]

    /// Changing every field it does not list (to values consistent with the other facts) never
    /// changes the answer: the quote, or the error.
    #[test]
    fn unlisted_fields_never_change_the_answer(
        permit in strategies::document(),
        procedure in select(Procedure::ALL),
        date in prop_oneof![strategies::covered_date(), strategies::date()],
        sub_a in strategies::sub_case(), circ_a in strategies::circumstances(),
        sub_b in strategies::sub_case(), circ_b in strategies::circumstances(),
    ) {
        let mut a = Request::new(permit, procedure, date);
        a.sub_case = sub_a;
        a.circumstances = circ_a.at(date);
        let mut b = a.clone();
        b.sub_case = sub_b;
        b.circumstances = circ_b.at(date);
        let listed = relevant_field_names(permit, procedure, date);
        let changed = with_unlisted_from(&a, &b, &listed);
        prop_assume!(a.facts().validate().is_ok() && changed.facts().validate().is_ok());
        prop_assert_eq!(quote(&a), quote(&changed), "listed: {:?}", listed);
    }
}

#[test]
fn a_first_visiteur_card_asks_about_the_visa_de_regularisation_only() {
    // Seed 004, CST Visiteur: 200 + 25, and the visa de régularisation (50 + 150) on an
    // irregular entry; no sub-case of the table's row.
    let listed = names(Permit::Visiteur, Procedure::FirstIssue, day(2024, 3, 1));
    for f in ["irregular_entry", "application_date"] {
        assert!(listed.contains(&f), "{f} missing from {listed:?}");
    }
    for f in ["family_member", "card_kind", "card_validity", "admission_card", "previous_title_expiry", "force_majeure", "holds_valid_visa"] {
        assert!(!listed.contains(&f), "{f} listed in {listed:?}");
    }
}

#[test]
fn a_renewal_asks_about_lateness_and_its_excuses() {
    // Seed 004 measure 6: 180 € when filed after the window, unless force majeure or a valid visa.
    let listed = names(Permit::Salarie, Procedure::Renewal, day(2024, 3, 1));
    for f in ["previous_title_expiry", "application_date", "force_majeure", "holds_valid_visa", "online_application"] {
        assert!(listed.contains(&f), "{f} missing from {listed:?}");
    }
    assert!(!listed.contains(&"irregular_entry"), "{listed:?}");
}

#[test]
fn family_reunification_asks_who_the_family_member_is() {
    // Seed 004, VPF regroupement familial: the spouse's and the child's rates are separate cells.
    let listed = names(Permit::VpfRegroupementFamilial, Procedure::FirstIssue, day(2024, 3, 1));
    assert!(listed.contains(&"family_member"), "{listed:?}");
}


#[test]
fn the_json_contract_lists_the_fields_with_their_labels() {
    let answer: serde_json::Value = serde_json::from_str(&ceseda::contract::relevant_fields_json(
        r#"{"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01"}"#,
    ))
    .unwrap_or_default();
    assert_eq!(answer["type"], "success", "{answer}");
    let r = &answer["relevant_fields"];
    assert_eq!(r["regime"], "table_2020");
    let fields = r["fields"].as_array().cloned().unwrap_or_default();
    let irregular = fields.iter().find(|f| f["name"] == "irregular_entry").cloned().unwrap_or_default();
    assert_eq!(irregular["label_fr"], "Entrée ou séjour irréguliers");
    assert_eq!(irregular["label_en"], "Irregular entry or stay");
    assert_eq!(irregular["kind"], "bool");
    assert_eq!(irregular["group"], "circumstance");
    let listed: Vec<&str> = fields.iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(listed, names(Permit::Visiteur, Procedure::FirstIssue, day(2024, 3, 1)));
}

#[test]
fn the_json_contract_refuses_what_a_quote_refuses() {
    let failure = |input: &str, lang| -> serde_json::Value {
        let v: serde_json::Value = serde_json::from_str(&ceseda::contract::relevant_fields_json_in(input, lang)).unwrap_or_default();
        assert_eq!(v["type"], "failure", "{v}");
        v["error"].clone()
    };
    let e = failure(r#"{"permit": "visitor", "procedure": "first_issue", "date": "2024-03-01"}"#, ceseda::Lang::Fr);
    assert_eq!((e["code"].as_str(), e["field"].as_str(), e["suggestion"].as_str()), (Some("unknown_code"), Some("permit"), Some("visiteur")));
    assert!(e["message"].as_str().unwrap_or("").contains("Vouliez-vous dire"), "{e}");
    let e = failure(r#"{"permit": "visiteur", "procedure": "first_issue", "date": "2008-03-01"}"#, ceseda::Lang::En);
    assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some("date_out_of_range"), Some("date")));
    let e = failure(r#"{"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "card_kind": "cst"}"#, ceseda::Lang::En);
    assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some("unknown_field"), Some("card_kind")));
    let e = failure(r#"{"permit": "visiteur", "date": "2024-03-01"}"#, ceseda::Lang::En);
    assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some("missing_field"), Some("procedure")));
}
