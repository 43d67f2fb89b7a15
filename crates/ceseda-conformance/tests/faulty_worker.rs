//! The harness must be able to fail: against a worker that alters one field of a real
//! binding's answer, it reports the mismatch and shrinks it to a minimal request.

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.
#![allow(clippy::panic)] // a test reports failure by panicking.

use std::path::PathBuf;

use ceseda::strategies::json_request;
use ceseda_conformance::{repo_root, run, Worker};

fn faulty(fault: &str) -> Worker {
    let python = std::env::var_os("CESEDA_PYTHON").map(PathBuf::from).unwrap_or_else(|| repo_root().join(".venv/bin/python"));
    let wrapper = repo_root().join("crates/ceseda-conformance/tests/faulty_worker.py");
    let wrapper = wrapper.to_string_lossy().to_string();
    Worker::spawn("faulty", &python, &[&wrapper, fault]).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn an_altered_line_amount_is_caught_and_shrunk() {
    let mut workers = vec![faulty("amount")];
    let m = run(2_000, &mut workers, json_request(), Some([7; 32])).err().unwrap_or_else(|| panic!("the harness missed an altered amount"));
    let report = m.answers.as_ref().map(|a| a.report()).unwrap_or_default();
    assert!(report.contains("<-- differs"), "{report}");
    // The fault touches étudiant quotes only; shrinking keeps the permit and drops the rest.
    assert_eq!(m.minimal["permit"], "etudiant", "{report}");
    let fields = m.minimal.as_object().map(|o| o.len()).unwrap_or(0);
    assert!(fields <= 5, "not shrunk: {}", m.minimal);
}

#[test]
fn an_altered_error_code_is_caught_and_shrunk() {
    let mut workers = vec![faulty("error_code")];
    let m = run(2_000, &mut workers, json_request(), Some([7; 32])).err().unwrap_or_else(|| panic!("the harness missed an altered error code"));
    assert_eq!(m.answers.as_ref().map(|a| a.rust["error"]["code"].clone()), Some("permit_not_in_regime".into()), "{:?}", m.answers.map(|a| a.report()));
    let fields = m.minimal.as_object().map(|o| o.len()).unwrap_or(0);
    assert!(fields <= 4, "not shrunk: {}", m.minimal);
}
