//! Every error code, with the field, the bad value and what would be accepted.

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.

mod common;
use ceseda::{contract, Error, Permit};
use common::*;
use serde_json::{json, Value};

fn failure(input: &str) -> Value {
    serde_json::from_str::<Value>(&contract::quote_json(input)).unwrap_or(Value::Null)
}

#[test]
fn unknown_code() {
    let e = err(json!({"permit": "visitor", "procedure": "first_issue", "date": "2024-03-01"}));
    assert_eq!((e.code(), e.field(), e.value()), ("unknown_code", Some("permit"), Some("visitor")));
    assert!(e.expected().contains(&"visiteur".to_string()));
    let e = err(json!({"permit": "visiteur", "procedure": "renew", "date": "2024-03-01"}));
    assert_eq!((e.code(), e.field()), ("unknown_code", Some("procedure")));
    assert_eq!(e.expected(), ["first_issue", "renewal", "duplicate", "renewal_without_expired_title", "change_of_details"]);
    let e = err(json!({"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "regime": "2016"}));
    assert_eq!((e.code(), e.field()), ("unknown_code", Some("regime")));
    let e = err(json!({"permit": "etudiant", "procedure": "renewal", "date": "2018-03-01", "card_kind": "CSP"}));
    assert_eq!((e.code(), e.field(), e.value()), ("unknown_code", Some("card_kind"), Some("CSP")));
}

#[test]
fn date_out_of_range() {
    // The day before the first source (D. 311-18-1 as of 5 January 2009).
    let e = err(visiteur_first("2009-01-04"));
    assert_eq!((e.code(), e.field()), ("date_out_of_range", Some("date")));
    assert_eq!(e.expected().len(), ceseda::regimes().count());
    assert!(e.expected().first().is_some_and(|p| p.contains("2009-01-05") && p.contains("statute_2009_01_05")), "{:?}", e.expected());
}

#[test]
fn permit_not_in_regime() {
    // L. 313-8 "scientifique" ended with the passeport talent (1 November 2016).
    let e = err(json!({"permit": "scientifique", "procedure": "first_issue", "date": "2024-03-01"}));
    assert_eq!((e.code(), e.field(), e.value()), ("permit_not_in_regime", Some("permit"), Some("scientifique")));
    assert_eq!(e.expected().last().map(String::as_str), Some("statute_2014_08_06"));
    assert!(e.expected().contains(&"table_2011".to_string()) && !e.expected().contains(&"table_2016".to_string()));
    // The métiers en tension card exists from 28 January 2024 to 31 December 2026 (loi 2024-42).
    let tension = |date: &str| err(json!({"permit": "metiers_en_tension", "procedure": "first_issue", "date": date})).code();
    assert_eq!((tension("2024-01-27"), tension("2027-01-01")), ("permit_not_in_regime", "permit_not_in_regime"));
    let e = err(json!({"permit": "recherche_emploi_creation_entreprise", "procedure": "first_issue", "date": "2018-03-01"}));
    assert_eq!(e.code(), "permit_not_in_regime");
    assert_eq!(e.expected(), ["table_2020", "lf_2026"]);
}

#[test]
fn missing_sub_case() {
    // Family reunification with neither spouse nor child.
    let e = err(json!({"permit": "vpf_regroupement_familial", "procedure": "first_issue", "date": "2018-03-01"}));
    assert_eq!((e.code(), e.field()), ("missing_sub_case", Some("family_member")));
    assert_eq!(e.expected(), ["spouse", "child"]);
    let e = err(json!({"permit": "etudiant", "procedure": "renewal", "date": "2018-03-01"}));
    assert_eq!((e.code(), e.field()), ("missing_sub_case", Some("card_kind")));
    let e = err(json!({"permit": "etudiant", "procedure": "duplicate", "date": "2018-03-01", "card_kind": "csp"}));
    assert_eq!((e.code(), e.field()), ("missing_sub_case", Some("card_validity")));
    let e = err(json!({"permit": "admission_exceptionnelle", "procedure": "first_issue", "date": "2022-03-01"}));
    assert_eq!((e.code(), e.field()), ("missing_sub_case", Some("admission_card")));
    let e = err(json!({"permit": "cr_conjoint_de_francais", "procedure": "first_issue", "date": "2018-03-01"}));
    assert_eq!((e.code(), e.field()), ("missing_sub_case", Some("previously_held_cst")));
    let e = err(json!({"permit": "carte_ue", "procedure": "first_issue", "date": "2022-03-01", "irregular_entry": true}));
    assert_eq!((e.code(), e.field()), ("missing_sub_case", Some("eu_status")));
}

#[test]
fn invalid_sub_case() {
    let e = err(json!({"permit": "admission_exceptionnelle", "procedure": "first_issue", "date": "2011-11-15", "admission_card": "travailleur_temporaire"}));
    assert_eq!((e.code(), e.field(), e.value()), ("invalid_sub_case", Some("admission_card"), Some("travailleur_temporaire")));
    let e = err(json!({"permit": "cr_regroupement_familial", "procedure": "first_issue", "date": "2018-03-01", "family_member": "child", "reunification_on_site": true, "entered_via_family_reunification": true}));
    assert_eq!((e.code(), e.field()), ("invalid_sub_case", Some("entered_via_family_reunification")));
    let e = err(json!({"permit": "cr_conjoint_de_francais", "procedure": "first_issue", "date": "2018-03-01", "previously_held_cst": true}));
    assert_eq!((e.code(), e.field()), ("invalid_sub_case", Some("previously_held_cst")));
    let e = err(json!({"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "eu_status": "citizen"}));
    assert_eq!((e.code(), e.field()), ("invalid_sub_case", Some("eu_status")));
    let e = err(json!({"permit": "cra_dix_ans", "procedure": "renewal", "date": "2024-03-01", "algerian_national": false}));
    assert_eq!((e.code(), e.field()), ("invalid_sub_case", Some("algerian_national")));
    let e = err(json!({"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "application_date": "2024-03-02"}));
    assert_eq!((e.code(), e.field()), ("invalid_sub_case", Some("application_date")));
    let e = err(json!({"permit": "vls_ts", "procedure": "first_issue", "date": "2024-03-01", "underlying_permit": "vls_ts"}));
    assert_eq!((e.code(), e.field()), ("invalid_sub_case", Some("underlying_permit")));
}

#[test]
fn not_covered() {
    // The part at filing of an application no source covers.
    let e = err(json!({"permit": "visiteur", "procedure": "first_issue", "date": "2011-11-15", "irregular_entry": true, "application_date": "2008-11-15"}));
    assert_eq!((e.code(), e.field()), ("not_covered", Some("application_date")));
    // The 2026 law taxes the issue and renewal of an APS, not its duplicate.
    let e = err(json!({"permit": "aps", "procedure": "duplicate", "date": "2026-06-15"}));
    assert_eq!((e.code(), e.field()), ("not_covered", Some("procedure")));
}

#[test]
fn invalid_date() {
    for bad in ["2020-02-30", "2024-13-01", "01/03/2024", "2024-3-1", "+2024-03-01", "", "2024-03-01T00:00:00"] {
        let e = err(visiteur_first(bad));
        assert_eq!((e.code(), e.field(), e.value()), ("invalid_date", Some("date"), Some(bad)), "{bad}");
    }
    let e = err(json!({"permit": "salarie", "procedure": "renewal", "date": "2024-03-01", "application_date": "2024-02-31"}));
    assert_eq!((e.code(), e.field()), ("invalid_date", Some("application_date")));
}

#[test]
fn invalid_type() {
    let e = err(json!({"permit": 12, "procedure": "first_issue", "date": "2024-03-01"}));
    assert_eq!((e.code(), e.field()), ("invalid_type", Some("permit")));
    let e = err(json!({"permit": "visiteur", "procedure": "first_issue", "date": 20240301}));
    assert_eq!((e.code(), e.field()), ("invalid_type", Some("date")));
    let e = err(json!({"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "irregular_entry": "yes"}));
    assert_eq!((e.code(), e.field()), ("invalid_type", Some("irregular_entry")));
    assert_eq!(e.expected(), ["boolean"]);
}

#[test]
fn missing_field() {
    let e = err(json!({"permit": "visiteur", "procedure": "first_issue"}));
    assert_eq!((e.code(), e.field()), ("missing_field", Some("date")));
    let e = err(json!({"permit": "visiteur", "date": "2024-03-01", "procedure": null}));
    assert_eq!((e.code(), e.field()), ("missing_field", Some("procedure")));
}

#[test]
fn unknown_field() {
    let e = err(json!({"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "irregular": true}));
    assert_eq!((e.code(), e.field(), e.value()), ("unknown_field", Some("irregular"), Some("irregular")));
    assert!(e.expected().contains(&"irregular_entry".to_string()));
}

#[test]
fn invalid_json() {
    for input in ["", "{", "[1,2]", "null", "\"visiteur\"", "{\"permit\": \"visiteur\",}"] {
        let answer = failure(input);
        assert_eq!(answer["type"], "failure", "{input}");
        assert_eq!(answer["error"]["code"], "invalid_json", "{input}");
    }
}

#[test]
fn every_code_is_reachable_and_listed() {
    let codes: Vec<&str> = [
        err(json!({"permit": "x", "procedure": "first_issue", "date": "2024-03-01"})),
        err(visiteur_first("2008-12-31")),
        err(json!({"permit": "scientifique", "procedure": "first_issue", "date": "2024-03-01"})),
        err(json!({"permit": "vpf_regroupement_familial", "procedure": "first_issue", "date": "2018-03-01"})),
        err(json!({"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "eu_status": "citizen"})),
        err(json!({"permit": "aps", "procedure": "duplicate", "date": "2026-06-15"})),
        err(visiteur_first("2020-02-30")),
        err(json!({"permit": 1, "procedure": "first_issue", "date": "2024-03-01"})),
        err(json!({"permit": "visiteur", "procedure": "first_issue"})),
        err(json!({"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "x": 1})),
        Error::InvalidJson { message: String::new() },
        ceseda::Reform::from_toml_str("name = \"x\"\n[[amend]]\nfrom = 2027-01-01\nrate = \"stamp\"\namount = -1").err().unwrap_or(Error::InvalidJson { message: String::new() }),
    ]
    .iter()
    .map(Error::code)
    .collect();
    assert_eq!(codes, Error::CODES);
}

#[test]
fn hostile_input_never_panics_and_echoes_a_bounded_value() {
    let huge = "x".repeat(1_000_000);
    let answer = failure(&json!({"permit": huge, "procedure": "first_issue", "date": "2024-03-01"}).to_string());
    assert_eq!(answer["error"]["code"], "unknown_code");
    assert!(answer["error"]["value"].as_str().map_or(0, str::len) < 300);
    let deep = "[".repeat(10_000);
    assert_eq!(failure(&deep)["error"]["code"], "invalid_json");
    assert!(Permit::ALL.len() > 70);
}
