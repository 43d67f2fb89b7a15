//! The JSON contract: canonical requests and quotes survive a round trip; answers are tagged.

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.

mod common;
use ceseda::{contract, quote, Procedure, Request};
use common::*;
use serde_json::{json, Value};

#[test]
fn request_round_trip_is_canonical() {
    let input = json!({
        "permit": "cr_regroupement_familial", "procedure": "first_issue", "date": "2018-03-01",
        "family_member": "child", "entered_via_family_reunification": true,
        "irregular_entry": true, "application_date": "2017-12-01", "online_application": false,
    });
    let request = Request::from_value(&input).ok();
    let back = request.as_ref().map(Request::to_value);
    assert_eq!(back.as_ref(), Some(&input));
    let again = back.and_then(|v| Request::from_value(&v).ok());
    assert_eq!(again, request);
    // serde goes through the same path.
    let via_serde: Option<Request> = serde_json::from_value(input.clone()).ok();
    assert_eq!(via_serde, request);
    assert_eq!(serde_json::to_value(&request).ok(), Some(input));
}

#[test]
fn quote_serialises_to_the_contract() {
    let request = Request::from_value(&json!({"permit": "salarie", "procedure": "first_issue", "date": "2024-03-01", "irregular_entry": true}));
    let q = request.and_then(|r| quote(&r));
    let text = q.as_ref().ok().and_then(|q| serde_json::to_string(q).ok()).unwrap_or_default();
    let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    assert_eq!(v["total"], "425.00");
    assert_eq!(v["due_at_filing"], "50.00");
    assert_eq!(v["lines"][2]["amount"], "50.00");
    assert_eq!(v["lines"][2]["due"], "at_filing");
    assert!(v["lines"].as_array().is_some_and(|lines| lines.iter().all(|l| l["amount"].is_string())));
}

#[test]
fn money_is_always_a_two_decimal_string() {
    let answer: Value = serde_json::from_str(&contract::quote_json(r#"{"permit":"carte_ue","procedure":"first_issue","date":"2022-03-01"}"#)).unwrap_or(Value::Null);
    assert_eq!(answer["quote"]["total"], "0.00");
    assert_eq!(answer["quote"]["outcome"], "exempt");
    // A float is never money: the money parser refuses anything but a decimal string.
    assert_eq!(ceseda::money::parse("225.0e0"), None);
    let hors_champ: Value = serde_json::from_str(&contract::quote_json(r#"{"permit":"aps","procedure":"first_issue","date":"2022-03-01"}"#)).unwrap_or(Value::Null);
    assert_eq!(hors_champ["quote"]["total"], Value::Null);
    assert_eq!(hors_champ["quote"]["outcome"], "hors_champ");
}

#[test]
fn answers_are_tagged() {
    let ok: Value = serde_json::from_str(&contract::quote_json(&visiteur_first("2024-03-01").to_string())).unwrap_or(Value::Null);
    assert_eq!(ok["type"], "success");
    assert_eq!(ok["quote"]["procedure"], "first_issue");
    let ko: Value = serde_json::from_str(&contract::quote_json(&visiteur_first("2008-12-31").to_string())).unwrap_or(Value::Null);
    assert_eq!(ko["type"], "failure");
    assert_eq!(ko["error"]["code"], "date_out_of_range");
    assert_eq!(ko["error"]["field"], "date");
    assert_eq!(ko["error"]["value"], "2008-12-31");
    assert!(ko["error"]["message"].as_str().is_some_and(|m| m.contains("2016-11-01")));
}

#[test]
fn a_batch_answers_one_result_per_request() {
    let batch = json!([visiteur_first("2024-03-01"), visiteur_first("2008-12-31"), "nonsense"]);
    let answers: Value = serde_json::from_str(&contract::quote_many_json(&batch.to_string())).unwrap_or(Value::Null);
    let types: Vec<&str> = answers.as_array().map(|a| a.iter().filter_map(|x| x["type"].as_str()).collect()).unwrap_or_default();
    assert_eq!(types, ["success", "failure", "failure"]);
    assert_eq!(answers[2]["error"]["code"], "invalid_json");
}

#[test]
fn permits_and_regimes_are_listed() {
    let permits: Value = serde_json::from_str(&contract::permits_json()).unwrap_or(Value::Null);
    let list = permits["permits"].as_array().cloned().unwrap_or_default();
    assert!(list.iter().any(|p| p["code"] == "visiteur" && p["label_fr"] == "Visiteur" && p["article_since_2021"] == "L. 426-20"));
    assert!(list.iter().any(|p| p["code"] == "dcem" && p["kind"] == "travel_document"));
    let visiteur = list.iter().find(|p| p["code"] == "visiteur").cloned().unwrap_or(Value::Null);
    assert_eq!(visiteur["printed_rows"]["table_2016"], "CST Visiteur - L. 313-4-1 1° - L. 313-6");
    assert_eq!(visiteur["printed_rows"]["table_2011"], "CST visiteur - L. 313-6");
    let regimes: Value = serde_json::from_str(&contract::regimes_json()).unwrap_or(Value::Null);
    let listed = regimes["regimes"].as_array().cloned().unwrap_or_default();
    assert_eq!(listed.len(), 13);
    assert_eq!((listed.first().map(|r| r["valid_from"].clone()), listed.last().map(|r| r["valid_until"].clone())), (Some(json!("2009-01-05")), Some(Value::Null)));
    assert!(listed.iter().any(|r| r["id"] == "table_2020" && r["valid_from"] == "2020-01-02"));
    assert_eq!(Procedure::ALL.len(), 5);
}

#[test]
fn window_contract() {
    let w: Value = serde_json::from_str(&contract::window_json(r#"{"permit":"salarie","expiry":"2024-06-30","filing_date":"2024-05-15","online_application":true}"#)).unwrap_or(Value::Null);
    assert_eq!(w["window"]["rule"], "r431_5_online");
    assert_eq!(w["window"]["closes"], "2024-05-01");
    assert_eq!(w["window"]["late"], true);
    assert_eq!((w["window"]["status"].as_str(), w["window"]["late_after"].as_str()), (Some("late"), Some("2024-05-01")));
    let e: Value = serde_json::from_str(&contract::window_json(r#"{"permit":"salarie"}"#)).unwrap_or(Value::Null);
    assert_eq!(e["error"]["code"], "missing_field");
}

#[test]
fn an_early_filing_is_early_not_on_time() {
    let window = |request: &str| -> Value { serde_json::from_str::<Value>(&contract::window_json(request)).unwrap_or(Value::Null)["window"].clone() };
    let w = window(r#"{"permit":"talent_salarie","expiry":"2020-06-30","filing_date":"2020-03-01"}"#);
    assert_eq!((w["rule"].as_str(), w["opens"].as_str(), w["status"].as_str(), w["late"].as_bool()), (Some("r311_2_two_months"), Some("2020-04-30"), Some("early"), Some(false)));
    // table_2020 reads "late" as after the window closed; the 2016 table as after expiry.
    assert_eq!(w["late_after"], "2020-06-30");
    assert_eq!((w["recommended_from"].clone(), w["recommended_from_basis"].clone()), (Value::Null, Value::Null));
    let w = window(r#"{"permit":"salarie","expiry":"2024-06-30","filing_date":"2024-03-02","online_application":true}"#);
    assert_eq!((w["status"].as_str(), w["late_after"].as_str(), w["recommended_from"].as_str(), w["recommended_from_basis"].as_str()), (Some("on_time"), Some("2024-05-01"), Some("2024-03-02"), Some("CESEDA R. 431-5")));
    // No late-renewal charge before 2013 (the 2011 table's surcharge aside): late_after is null.
    let w = window(r#"{"permit":"salarie","expiry":"2010-06-30","filing_date":"2010-07-15"}"#);
    assert_eq!((w["status"].as_str(), w["late"].as_bool(), w["late_after"].clone()), (Some("late"), Some(false), Value::Null));
    // Without a filing date, neither status nor late_after.
    let w = window(r#"{"permit":"salarie","expiry":"2024-06-30"}"#);
    assert!(w.get("status").is_none() && w.get("late_after").is_none() && w.get("late").is_none());
}

#[test]
fn codes_are_listed_for_code_generators() {
    let codes: Value = serde_json::from_str(&contract::codes_json()).unwrap_or(Value::Null);
    assert_eq!(codes["codes"]["error_codes"].as_array().map(Vec::len), Some(ceseda::Error::CODES.len()));
    assert_eq!(codes["codes"]["procedures"][0], "first_issue");
    assert_eq!(codes["codes"]["fields"].as_array().map(Vec::len), Some(ceseda::FIELDS.len()));
    assert_eq!(codes["codes"]["components"][1], "droit_de_timbre");
}

#[test]
fn a_batch_in_columns() {
    let batch = json!([visiteur_first("2024-03-01"), visiteur_first("2008-12-31"), {"permit": "salarie", "procedure": "first_issue", "date": "2024-03-01", "irregular_entry": true}]);
    let answer: Value = serde_json::from_str(&contract::quote_table_json(&batch.to_string())).unwrap_or(Value::Null);
    let t = &answer["table"];
    assert_eq!(t["total"], json!(["225.00", null, "425.00"]));
    assert_eq!(t["tax"], json!(["200.00", null, "200.00"]));
    // An absent component is "0.00" where the total is a number, null where it is null.
    assert_eq!(t["visa_de_regularisation_filing"], json!(["0.00", null, "50.00"]));
    assert_eq!(t["error_message"][1].as_str().map(|m| m.contains("outside every covered period")), Some(true));
    assert_eq!(t["due_at_filing"], json!(["0.00", null, "50.00"]));
    assert_eq!(t["error"], json!([null, "date_out_of_range", null]));
    assert_eq!(t["error_field"], json!([null, "date", null]));
    assert_eq!(t["regime"], json!(["table_2020", null, "table_2020"]));
    let bad: Value = serde_json::from_str(&contract::quote_table_json("{}")).unwrap_or(Value::Null);
    assert_eq!(bad["error"]["code"], "invalid_json");
}
