//! Cross-language conformance harness.
//!
//! Every generated request goes to the core (in process), to the Python package and to the
//! npm package. The two bindings answer from long-lived worker processes, started once per
//! run, that speak JSON lines over stdin/stdout. The answers are compared field by field in
//! the canonical JSON form; a mismatch is shrunk by proptest to a minimal request, which is
//! reported with all three answers (and, with `CESEDA_CONFORMANCE_RECORD=1`, appended to
//! the shared regression vectors that every language's own suite replays).
//!
//! The npm worker (`bindings/wasm/tests/worker.mjs`) also prices every request through the
//! fast paths of `ceseda/pricing`, `total()` and the typed-array batch `priceColumns()`, and
//! answers an `internal` failure where they disagree with its full `quote()`: such a request
//! is a mismatch here like any other.

// serde_json::Value["key"] yields Null on a miss; it never panics.
#![allow(clippy::indexing_slicing)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};
use serde_json::{json, Value};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A binding's worker process: one JSON request per line in, one JSON answer per line out.
pub struct Worker {
    /// Name, for reports.
    pub name: String,
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Worker {
    /// Starts `program args…` in the repository root.
    pub fn spawn(name: &str, program: &Path, args: &[&str]) -> Result<Worker, String> {
        let mut child = Command::new(program)
            .args(args)
            .current_dir(repo_root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start the {name} worker ({}): {e}; run scripts/test-all.sh, which builds the bindings first", program.display()))?;
        let stdin = child.stdin.take().ok_or("no stdin")?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        Ok(Worker { name: name.to_string(), child, stdin, stdout: BufReader::new(stdout) })
    }

    /// The Python package's worker (`CESEDA_PYTHON` or the repository's virtualenv).
    pub fn python() -> Result<Worker, String> {
        let python = std::env::var_os("CESEDA_PYTHON").map(PathBuf::from).unwrap_or_else(|| repo_root().join(".venv/bin/python"));
        Worker::spawn("python", &python, &["bindings/python/tests/worker.py"])
    }

    /// The npm package's worker (Node).
    pub fn node() -> Result<Worker, String> {
        Worker::spawn("js", Path::new("node"), &["bindings/wasm/tests/worker.mjs"])
    }

    /// Sends one request line and reads one answer.
    pub fn ask(&mut self, line: &str) -> Result<Value, String> {
        writeln!(self.stdin, "{line}").and_then(|_| self.stdin.flush()).map_err(|e| format!("{} worker: {e}", self.name))?;
        let mut answer = String::new();
        let n = self.stdout.read_line(&mut answer).map_err(|e| format!("{} worker: {e}", self.name))?;
        if n == 0 {
            return Err(format!("{} worker closed its output", self.name));
        }
        serde_json::from_str(&answer).map_err(|e| format!("{} worker answered non-JSON ({e}): {answer}", self.name))
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The fields compared: outcome, regime, total, every line (component, amount, basis, seed
/// row, when due), errata and notes; for a failure, the error code and field.
pub fn canonical(answer: &Value) -> Value {
    match answer["type"].as_str() {
        Some("success") => {
            let q = &answer["quote"];
            let lines: Vec<Value> = q["lines"]
                .as_array()
                .map(|ls| ls.iter().map(|l| json!([l["component"], l["amount"], l["basis"], l["seed"], l["seed_row"], l["due"]])).collect())
                .unwrap_or_default();
            let ids = |key: &str, field: &str| -> Vec<Value> { q[key].as_array().map(|a| a.iter().map(|e| e[field].clone()).collect()).unwrap_or_default() };
            json!({
                "type": "success",
                "permit": q["permit"], "procedure": q["procedure"], "date": q["date"],
                "regime": q["regime"], "confidence": q["confidence"], "outcome": q["outcome"], "total": q["total"],
                "lines": lines, "errata": ids("errata", "id"), "notes": ids("notes", "code"),
            })
        }
        Some("failure") => json!({"type": "failure", "code": answer["error"]["code"], "field": answer["error"]["field"]}),
        _ => json!({"type": "malformed", "answer": answer}),
    }
}

/// The three answers to one request.
#[derive(Debug, Clone)]
pub struct Answers {
    /// The request line sent.
    pub request: Value,
    /// The core's answer.
    pub rust: Value,
    /// The bindings' answers, by worker name.
    pub others: Vec<(String, Value)>,
}

impl Answers {
    /// Whether every binding agrees with the core.
    pub fn agree(&self) -> bool {
        let reference = canonical(&self.rust);
        self.others.iter().all(|(_, a)| canonical(a) == reference)
    }

    /// A report naming the request and every answer.
    pub fn report(&self) -> String {
        let mut out = format!("request: {}\nrust:    {}\n", self.request, canonical(&self.rust));
        for (name, answer) in &self.others {
            let mark = if canonical(answer) == canonical(&self.rust) { "" } else { "   <-- differs" };
            out.push_str(&format!("{name:<8} {}{mark}\n", canonical(answer)));
        }
        out
    }
}

/// Asks the core and every worker.
pub fn ask_all(request: &Value, workers: &mut [Worker]) -> Result<Answers, String> {
    let line = request.to_string();
    let rust = serde_json::from_str(&ceseda::contract::quote_json(&line)).map_err(|e| e.to_string())?;
    let mut others = Vec::with_capacity(workers.len());
    for w in workers.iter_mut() {
        others.push((w.name.clone(), w.ask(&line)?));
    }
    Ok(Answers { request: request.clone(), rust, others })
}

/// The batch path checked: every worker answers `{"batch": [...]}` with the core's columnar
/// table for the same requests, and every row of the core's table agrees with the single quote
/// of its request. Returns the first disagreement, described.
pub fn check_batch(requests: &[Value], workers: &mut [Worker]) -> Result<(), String> {
    let array = Value::Array(requests.to_vec()).to_string();
    let table: Value = serde_json::from_str(&ceseda::contract::quote_table_json(&array)).map_err(|e| e.to_string())?;
    let columns = &table["table"];
    for (i, request) in requests.iter().enumerate() {
        let single: Value = serde_json::from_str(&ceseda::contract::quote_json(&request.to_string())).map_err(|e| e.to_string())?;
        let row = |key: &str| columns[key].get(i).cloned().unwrap_or(Value::Null);
        let (total, outcome, error) = match single["type"].as_str() {
            Some("success") => (single["quote"]["total"].clone(), single["quote"]["outcome"].clone(), Value::Null),
            _ => (Value::Null, Value::Null, single["error"]["code"].clone()),
        };
        if (row("total"), row("outcome"), row("error")) != (total.clone(), outcome.clone(), error.clone()) {
            return Err(format!("row {i} of the core's table ({}, {}, {}) differs from the single quote ({total}, {outcome}, {error}) of {request}", row("total"), row("outcome"), row("error")));
        }
        for line in single["quote"]["lines"].as_array().into_iter().flatten() {
            let component = line["component"].as_str().unwrap_or("");
            let sum: ceseda::Decimal = single["quote"]["lines"].as_array().into_iter().flatten().filter(|l| l["component"] == component).filter_map(|l| l["amount"].as_str()?.parse::<ceseda::Decimal>().ok()).sum();
            if row(component) != ceseda::money::to_string(sum) {
                return Err(format!("row {i}, component {component}: the table says {}, the single quote {sum}, for {request}", row(component)));
            }
        }
    }
    let line = json!({"batch": requests}).to_string();
    for w in workers.iter_mut() {
        let answer = w.ask(&line)?;
        // The table is compared whole; the tag, where a worker writes one, must say success.
        let tagged_ok = answer.get("type").is_none_or(|t| t == "success");
        if !tagged_ok || answer["table"] != *columns {
            let differing: Vec<String> = columns.as_object().into_iter().flatten().filter(|(k, v)| answer["table"].get(k.as_str()) != Some(v)).map(|(k, _)| k.clone()).collect();
            let extra: Vec<String> = answer["table"].as_object().into_iter().flatten().filter(|(k, _)| columns.get(k.as_str()).is_none()).map(|(k, _)| k.clone()).collect();
            return Err(format!("the {} worker's batch differs from the core's table in columns {differing:?} (extra columns {extra:?}; tag {})", w.name, answer["type"]));
        }
    }
    Ok(())
}

/// A mismatch, shrunk.
#[derive(Debug)]
pub struct Mismatch {
    /// The minimal request proptest shrank to.
    pub minimal: Value,
    /// The three answers to it.
    pub answers: Option<Answers>,
    /// proptest's reason.
    pub reason: String,
}

/// Runs `cases` generated requests through the core and the workers.
///
/// `seed`: a fixed seed makes the run repeatable (the harness's own tests); `None` draws a
/// fresh one, so that successive CI runs explore different requests.
pub fn run(cases: u32, workers: &mut [Worker], strategy: impl Strategy<Value = Value>, seed: Option<[u8; 32]>) -> Result<u32, Box<Mismatch>> {
    // Shrinking asks every worker at each step; 4,000 steps is ample for these requests.
    let config = Config { cases, failure_persistence: None, max_shrink_iters: 4_000, ..Config::default() };
    let mut runner = match seed {
        Some(seed) => TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed)),
        None => TestRunner::new(config),
    };
    let workers = std::cell::RefCell::new(workers);
    let checked = std::cell::Cell::new(0u32);
    let result = runner.run(&strategy, |request| {
        checked.set(checked.get() + 1);
        let answers = ask_all(&request, &mut workers.borrow_mut()).map_err(TestCaseError::fail)?;
        if answers.agree() {
            Ok(())
        } else {
            Err(TestCaseError::fail(format!("mismatch\n{}", answers.report())))
        }
    });
    match result {
        Ok(()) => Ok(checked.get()),
        Err(TestError::Fail(reason, minimal)) => {
            let answers = ask_all(&minimal, &mut workers.borrow_mut()).ok();
            Err(Box::new(Mismatch { minimal, answers, reason: reason.to_string() }))
        }
        Err(TestError::Abort(reason)) => Err(Box::new(Mismatch { minimal: Value::Null, answers: None, reason: reason.to_string() })),
    }
}

/// The shared regression vectors.
pub fn regressions_path() -> PathBuf {
    repo_root().join("crates/ceseda/tests/vectors/regressions.json")
}

/// Appends a shrunk request, with the core's answer as the expectation, to the vectors.
pub fn record_regression(request: &Value, note: &str) -> Result<(), String> {
    let path = regressions_path();
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let mut doc: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let expected: Value = serde_json::from_str(&ceseda::contract::quote_json(&request.to_string())).map_err(|e| e.to_string())?;
    if let Some(cases) = doc["cases"].as_array_mut() {
        if !cases.iter().any(|c| c["request"] == *request) {
            cases.push(json!({"note": note, "request": request, "expected": expected}));
        }
    }
    let pretty = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    std::fs::write(&path, pretty + "\n").map_err(|e| e.to_string())
}

/// The number of cases: `CESEDA_CONFORMANCE_CASES`, or `default`.
pub fn case_count(default: u32) -> u32 {
    std::env::var("CESEDA_CONFORMANCE_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}
