//! The batch path against single quotes: the core's columnar table row by row against the
//! single quote of each request, and each binding's batch (the Python frame, the JS
//! `quoteTable`, through their workers' `{"batch": [...]}` lines) against the core's table. A
//! worker that alters one cell of its batch answer is caught.

#![allow(clippy::panic)] // a test reports failure by panicking.

use std::path::PathBuf;

use ceseda::strategies::json_request;
use ceseda_conformance::{case_count, check_batch, repo_root, Worker};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde_json::Value;

/// `n` generated requests (valid and invalid), from a fixed seed.
fn requests(n: usize) -> Vec<Value> {
    let mut runner = TestRunner::deterministic();
    let strategy = json_request();
    (0..n).filter_map(|_| strategy.new_tree(&mut runner).ok().map(|t| t.current())).collect()
}

#[test]
fn every_binding_batch_equals_the_core_table_and_the_single_quotes() {
    let mut workers = match (Worker::python(), Worker::node()) {
        (Ok(py), Ok(js)) => vec![py, js],
        (py, js) => panic!("cannot start the workers: {:?} {:?}", py.err(), js.err()),
    };
    let all = requests(case_count(2_000) as usize);
    for chunk in all.chunks(250) {
        if let Err(e) = check_batch(chunk, &mut workers) {
            panic!("{e}");
        }
    }
}

#[test]
fn an_altered_batch_cell_is_caught() {
    let python = std::env::var_os("CESEDA_PYTHON").map(PathBuf::from).unwrap_or_else(|| repo_root().join(".venv/bin/python"));
    let wrapper = repo_root().join("crates/ceseda-conformance/tests/faulty_worker.py").to_string_lossy().to_string();
    let mut workers = vec![Worker::spawn("faulty", &python, &[&wrapper, "table"]).unwrap_or_else(|e| panic!("{e}"))];
    let e = check_batch(&requests(200), &mut workers).err().unwrap_or_else(|| panic!("the harness missed an altered batch cell"));
    assert!(e.contains("faulty") && e.contains("total"), "{e}");
}

#[test]
fn a_worker_whose_many_answer_is_out_of_place_is_caught() {
    let python = std::env::var_os("CESEDA_PYTHON").map(PathBuf::from).unwrap_or_else(|| repo_root().join(".venv/bin/python"));
    let wrapper = repo_root().join("crates/ceseda-conformance/tests/faulty_worker.py").to_string_lossy().to_string();
    let mut workers = vec![Worker::spawn("faulty", &python, &[&wrapper, "many"]).unwrap_or_else(|e| panic!("{e}"))];
    let texts: Vec<String> = requests(50).iter().map(Value::to_string).collect();
    let e = ceseda_conformance::check_entry_points(&texts, &mut workers).err().unwrap_or_else(|| panic!("the harness missed a misplaced batch answer"));
    assert!(e.contains("faulty") && e.contains("single quote"), "{e}");
    // And the real worker passes the same check.
    let mut real = vec![Worker::python().unwrap_or_else(|e| panic!("{e}"))];
    assert_eq!(ceseda_conformance::check_entry_points(&texts, &mut real), Ok(()));
}
