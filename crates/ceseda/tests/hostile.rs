//! Hostile input against the JSON contract: what a user could send, unfiltered, answers as
//! the contract says, and one bad request never fails the batch around it (issue 12, D1 and
//! D2).

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.

use ceseda::contract::{history_json, quote_json, quote_many_json, quote_table_json, window_json};
use serde_json::Value;

const GOOD: &str = r#"{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01"}"#;

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

fn code_field(answer: &Value) -> (Value, Value) {
    (answer["error"]["code"].clone(), answer["error"]["field"].clone())
}

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn a_field_nested_at_any_depth_is_invalid_type_alone_and_in_a_batch() {
    for depth in [1, 100, 126, 127, 128, 129, 300, 100_000] {
        let bad = format!(r#"{{"permit":{},"procedure":"first_issue","date":"2024-03-01"}}"#, nested(depth));
        let alone = parse(&quote_json(&bad));
        assert_eq!(code_field(&alone), ("invalid_type".into(), "permit".into()), "depth {depth}");
        let many = parse(&quote_many_json(&format!("[{GOOD},{bad},{GOOD}]")));
        assert_eq!(many.as_array().map(Vec::len), Some(3), "depth {depth}: {many}");
        assert_eq!(many[0]["quote"]["total"], "225.00");
        assert_eq!(many[1], alone, "depth {depth}");
        assert_eq!(many[2], many[0]);
        let table = parse(&quote_table_json(&format!("[{GOOD},{bad}]")));
        assert_eq!(table["type"], "success", "depth {depth}: {table}");
        assert_eq!(table["table"]["total"], serde_json::json!(["225.00", null]));
        assert_eq!(table["table"]["error"], serde_json::json!([null, "invalid_type"]));
        assert_eq!(table["table"]["error_field"], serde_json::json!([null, "permit"]));
        // Objects, and the other entry points.
        let deep_object = format!(r#"{{"permit":"visiteur","procedure":"first_issue","date":{}"x"{}}}"#, r#"{"a":"#.repeat(depth), "}".repeat(depth));
        assert_eq!(code_field(&parse(&quote_json(&deep_object))), ("invalid_type".into(), "date".into()), "depth {depth}");
        let window = format!(r#"{{"permit":"visiteur","expiry":{}}}"#, nested(depth));
        assert_eq!(code_field(&parse(&window_json(&window))), ("invalid_type".into(), "expiry".into()), "depth {depth}");
        let history = format!(r#"{{"permit":"visiteur","procedure":{}}}"#, nested(depth));
        assert_eq!(code_field(&parse(&history_json(&history))), ("invalid_type".into(), "procedure".into()), "depth {depth}");
    }
}

#[test]
fn a_whole_request_nested_too_deep_is_invalid_json_alone_and_in_a_batch() {
    let bad = nested(1000);
    assert_eq!(code_field(&parse(&quote_json(&bad))), ("invalid_json".into(), Value::Null));
    let many = parse(&quote_many_json(&format!("[{GOOD},{bad}]")));
    assert_eq!(many[0]["type"], "success");
    assert_eq!(many[1]["error"]["code"], "invalid_json");
}

#[test]
fn members_are_judged_by_type_whatever_they_hold() {
    // A number beyond a double, a lone surrogate inside an array, a huge integer: no field takes
    // a number or an array, so each is invalid_type on its field, as in every binding.
    for (value, field) in [("1e400", "irregular_entry"), ("-1e400", "irregular_entry"), ("123456789012345678901234567890", "permit"), (r#"["\ud800"]"#, "permit"), (r#"{"\udfff":1}"#, "procedure")] {
        let request = format!(r#"{{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","{field}":{value}}}"#);
        assert_eq!(code_field(&parse(&quote_json(&request))), ("invalid_type".into(), field.into()), "{request}");
    }
    // A lone surrogate in a code itself is not text UTF-8 can hold: invalid_json, no field.
    let request = r#"{"permit":"\ud800","procedure":"first_issue","date":"2024-03-01"}"#;
    assert_eq!(code_field(&parse(&quote_json(request))), ("invalid_json".into(), Value::Null));
    // Syntax is still checked at every depth.
    for broken in [r#"{"permit":[[[}"#, r#"{"permit":[1,]}"#, r#"{"permit":"visiteur"} x"#, r#"{"permit":[tru]}"#] {
        assert_eq!(code_field(&parse(&quote_json(broken))), ("invalid_json".into(), Value::Null), "{broken}");
    }
    // The last of two equal keys wins, as before.
    let twice = r#"{"permit":"nope","permit":"visiteur","procedure":"first_issue","date":"2024-03-01"}"#;
    assert_eq!(parse(&quote_json(twice))["quote"]["total"], "225.00");
}

fn date_like(s: &str) -> bool {
    let body = s.trim_start_matches(['-', '+']);
    let parts: Vec<&str> = body.split('-').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn dates_of(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if date_like(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| dates_of(x, out)),
        Value::Object(m) => m.iter().filter(|(k, _)| *k != "error").for_each(|(_, x)| dates_of(x, out)),
        _ => {}
    }
}

#[test]
fn every_window_answer_holds_dates_the_contract_reads_back() {
    // D2: an expiry of 0000-01-01 answered "-0001-11-01".
    let outside = parse(&window_json(r#"{"permit":"visiteur","expiry":"0000-01-01"}"#));
    assert_eq!(code_field(&outside), ("invalid_date".into(), "expiry".into()));
    let mut answered = 0;
    for year in [1900, 1901, 2006, 2008, 2009, 2021, 2199, 2200] {
        for (month, day) in [(1, 1), (2, 28), (3, 1), (6, 30), (12, 31)] {
            for permit in ["visiteur", "talent_salarie", "resident_longue_duree_autre_etat"] {
                for online in ["true", "false", "null"] {
                    let expiry = format!("{year}-{month:02}-{day:02}");
                    let request = format!(r#"{{"permit":"{permit}","expiry":"{expiry}","filing_date":"{expiry}","online_application":{online}}}"#);
                    let answer = parse(&window_json(&request));
                    match answer["type"].as_str() {
                        Some("success") => answered += 1,
                        _ => assert!(["invalid_date", "date_out_of_range", "unknown_code"].contains(&answer["error"]["code"].as_str().unwrap_or("")), "{request}: {answer}"),
                    }
                    let mut dates = Vec::new();
                    dates_of(&answer, &mut dates);
                    for d in dates {
                        assert!(ceseda::parse_date(&d, "date").is_ok(), "{request}: the answer's date {d} does not read back");
                    }
                }
            }
        }
    }
    assert!(answered > 100, "only {answered} windows answered");
}

#[test]
fn quote_dates_are_read_in_years_1900_to_2200_only() {
    let at = |date: &str| parse(&quote_json(&format!(r#"{{"permit":"visiteur","procedure":"first_issue","date":"{date}"}}"#)));
    for date in ["0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31", "-0001-11-01", "+2024-01-01", "12024-01-01"] {
        assert_eq!(code_field(&at(date)), ("invalid_date".into(), "date".into()), "{date}");
    }
    for date in ["1900-01-01", "2009-01-04"] {
        assert_eq!(code_field(&at(date)), ("date_out_of_range".into(), "date".into()), "{date}");
    }
    let last = at("2200-12-31");
    assert_eq!(last["quote"]["regime"], "lf_2026", "{last}");
}

#[test]
fn a_batch_reads_json_whitespace_only() {
    // Found by fuzz/quote: a form feed before an item was skipped by the batch, which then
    // answered a request the single quote refuses as invalid JSON.
    let text = format!("\u{c}{GOOD}");
    assert_eq!(parse(&quote_json(&text))["error"]["code"], "invalid_json");
    let many = parse(&quote_many_json(&format!("[{text}]")));
    assert_eq!(many[0]["error"]["code"], "invalid_json", "{many}");
    let table = parse(&quote_table_json(&format!("[{text}]")));
    assert_eq!(table["table"]["error"][0], "invalid_json", "{table}");
    let spaced = parse(&quote_many_json(&format!("[ \t\r\n{GOOD} \n]")));
    assert_eq!(spaced[0]["quote"]["total"], "225.00");
}
