//! Quotes under reforms: the same reform (generated, valid or not) gives the same answer in
//! Rust, Python and JavaScript, quote by quote and batch by batch.

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.
#![allow(clippy::panic)] // a test reports failure by panicking.

use ceseda::strategies::json_request;
use ceseda_conformance::{ask_all, case_count, check_batch_under, reformed_request, run, Worker};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde_json::{json, Value};

fn workers() -> Vec<Worker> {
    match (Worker::python(), Worker::node()) {
        (Ok(py), Ok(js)) => vec![py, js],
        (py, js) => panic!("cannot start the workers: {:?} {:?}", py.err(), js.err()),
    }
}

/// The sample reform of examples/analysis (reform_2027.toml), as JSON, and a permit moved.
fn sample() -> Value {
    json!({"name": "reform_2027", "amend": [
        {"from": "2027-01-01", "rate": "tax.first_issue.general", "amount": 350},
        {"from": "2027-06-01", "permit": "etudiant", "tax": "exempt"},
        {"from": "2027-06-01", "permit": "salarie", "visa_exempt": true},
    ]})
}

#[test]
fn the_sample_reform_is_400_in_every_language() {
    let mut workers = workers();
    let request = json!({"reform": sample(), "request": {"permit": "visiteur", "procedure": "first_issue", "date": "2027-03-01"}});
    let answers = ask_all(&request, &mut workers).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(answers.rust["quote"]["total"], "400.00");
    assert_eq!(answers.rust["quote"]["lines"][0]["seed"], "reform");
    assert!(answers.agree(), "{}", answers.report());
}

#[test]
fn rust_python_and_js_agree_under_generated_reforms() {
    let mut workers = workers();
    // A reform is parsed in each language for each case: fewer cases than the plain suite.
    let cases = case_count(2_000) / 5;
    match run(cases, &mut workers, reformed_request(), None) {
        Ok(checked) => assert!(checked >= cases, "only {checked} cases checked"),
        Err(m) => {
            let report = m.answers.map(|a| a.report()).unwrap_or_default();
            panic!("the languages disagree under a reform; minimal case after shrinking:\n{report}\n{}", m.reason);
        }
    }
}

#[test]
fn batches_under_a_reform_equal_the_core_table_and_the_single_quotes() {
    let mut workers = workers();
    let mut runner = TestRunner::deterministic();
    let strategy = json_request();
    let mut requests: Vec<Value> = (0..600).filter_map(|_| strategy.new_tree(&mut runner).ok().map(|t| t.current())).collect();
    // Dates the reform amends.
    for (i, r) in requests.iter_mut().enumerate().filter(|(i, _)| i % 3 == 0) {
        if let Some(m) = r.as_object_mut() {
            m.insert("date".into(), Value::from(format!("2027-{:02}-15", 1 + i % 12)));
        }
    }
    for chunk in requests.chunks(200) {
        if let Err(e) = check_batch_under(Some(&sample()), chunk, &mut workers) {
            panic!("{e}");
        }
    }
}

#[test]
fn generated_reforms_are_valid_and_invalid_and_change_quotes() {
    let mut runner = TestRunner::deterministic();
    let strategy = reformed_request();
    let (mut changed, mut invalid, mut ok, n) = (0, 0, 0usize, 400);
    for _ in 0..n {
        let Ok(tree) = strategy.new_tree(&mut runner) else { continue };
        let case = tree.current();
        let answer: Value = serde_json::from_str(&ceseda::contract::quote_json_reform_in(&case["request"].to_string(), Some(&case["reform"].to_string()), ceseda::Lang::En)).unwrap_or_default();
        if answer["error"]["code"] == "invalid_reform" || answer["error"]["code"] == "unknown_field" && answer["error"]["field"].as_str().is_some_and(|f| f.starts_with("amend")) {
            invalid += 1;
        }
        ok += usize::from(answer["type"] == "success");
        if answer["quote"]["lines"].as_array().is_some_and(|ls| ls.iter().any(|l| l["seed"] == "reform")) {
            changed += 1;
        }
    }
    eprintln!("changed {changed} invalid {invalid} of {n}; successes {ok}");
    assert!(changed * 20 >= n, "only {changed} of {n} generated cases have a line the reform changed");
    assert!(invalid * 20 >= n, "only {invalid} of {n} generated reforms are invalid");
}
