//! Rust, Python and JavaScript must return identical results.

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.
#![allow(clippy::panic)] // a test reports failure by panicking.

use ceseda::strategies::json_request;
use ceseda_conformance::{ask_all, case_count, canonical, record_regression, regressions_path, run, Worker};

/// 2,000 cases by default: at about 0.3 ms a case across three languages this stays within a
/// few seconds of CI time while still reaching every permit, procedure and error code several
/// times over. Set CESEDA_CONFORMANCE_CASES (e.g. 100000) for a longer run.
const CI_CASES: u32 = 2_000;

fn workers() -> Vec<Worker> {
    match (Worker::python(), Worker::node()) {
        (Ok(py), Ok(js)) => vec![py, js],
        (py, js) => {
            let errors: Vec<String> = [py.err(), js.err()].into_iter().flatten().collect();
            panic!("cannot start the workers: {}", errors.join("; "))
        }
    }
}

#[test]
fn rust_python_and_js_agree_on_generated_requests() {
    let mut workers = workers();
    let cases = case_count(CI_CASES);
    match run(cases, &mut workers, json_request(), None) {
        Ok(checked) => assert!(checked >= cases, "only {checked} cases checked"),
        Err(m) => {
            if std::env::var_os("CESEDA_CONFORMANCE_RECORD").is_some() {
                let _ = record_regression(&m.minimal, "shrunk by the conformance suite");
            }
            let report = m.answers.map(|a| a.report()).unwrap_or_default();
            panic!("the languages disagree; minimal case after shrinking:\n{report}\n{}", m.reason);
        }
    }
}

#[test]
fn regression_vectors_agree_in_every_language() {
    let text = std::fs::read_to_string(regressions_path()).unwrap_or_default();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let cases = doc["cases"].as_array().cloned().unwrap_or_default();
    assert!(!cases.is_empty(), "no regression vectors");
    let mut workers = workers();
    for case in cases {
        let answers = ask_all(&case["request"], &mut workers).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(canonical(&answers.rust), canonical(&case["expected"]), "core vs vector {}", case["request"]);
        assert!(answers.agree(), "{}", answers.report());
    }
}

#[test]
fn rust_python_and_js_agree_on_hostile_request_texts() {
    // Deep nesting, long strings, lone surrogates, numbers beyond a double, duplicate keys:
    // sent as text, unfiltered, to the core and through each binding's idiomatic API.
    let mut workers = workers();
    let cases = case_count(CI_CASES) / 4;
    match ceseda_conformance::run_text(cases, &mut workers, ceseda_conformance::hostile_text(), None) {
        Ok(checked) => assert!(checked >= cases, "only {checked} cases checked"),
        Err(m) => {
            let report = m.answers.map(|a| a.report()).unwrap_or_default();
            panic!("the languages disagree on a hostile request; minimal case after shrinking:\n{report}\n{}", m.reason);
        }
    }
}

#[test]
fn every_entry_point_answers_as_the_single_quote_in_every_language() {
    use proptest::strategy::{Strategy, ValueTree};
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let valid = json_request();
    let hostile = ceseda_conformance::hostile_text();
    let mut texts: Vec<String> = Vec::new();
    for i in 0..case_count(CI_CASES) as usize {
        let text = if i % 4 == 3 { hostile.new_tree(&mut runner).map(|t| t.current()) } else { valid.new_tree(&mut runner).map(|t| t.current().to_string()) };
        texts.extend(text.ok());
    }
    // The regression vectors' batches, item by item, with the rest.
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(regressions_path()).unwrap_or_default()).unwrap_or_default();
    for entry in doc["entries"].as_array().into_iter().flatten().filter(|e| e["entry"] == "quote_many" || e["entry"] == "quote") {
        let text = entry["text"].as_str().unwrap_or_default();
        match ceseda::contract::split_array(text) {
            Ok(items) if entry["entry"] == "quote_many" => texts.extend(items.into_iter().map(str::to_string)),
            _ => texts.push(text.to_string()),
        }
    }
    let mut workers = workers();
    for chunk in texts.chunks(100) {
        if let Err(e) = ceseda_conformance::check_entry_points(chunk, &mut workers) {
            panic!("{e}");
        }
    }
}
