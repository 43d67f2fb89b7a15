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

pub mod invariants;

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

/// The reform and the request of a line `{"reform": {…}, "request": {…}}` (a quote under a
/// reform), or `None` for a plain request.
pub fn reformed(request: &Value) -> Option<(&Value, &Value)> {
    let m = request.as_object()?;
    match (m.len(), m.get("reform"), m.get("request")) {
        (2, Some(reform), Some(inner)) => Some((reform, inner)),
        _ => None,
    }
}

/// The core's answer to a line: a request, or `{"reform", "request"}`.
fn core_answer(request: &Value) -> String {
    match reformed(request) {
        Some((reform, inner)) => ceseda::contract::quote_json_reform_in(&inner.to_string(), Some(&reform.to_string()), ceseda::Lang::En),
        None => ceseda::contract::quote_json(&request.to_string()),
    }
}

/// A generated reform document (as JSON): one to three amendments from a date between 2009 and
/// 2030, each a figure (an integer or a decimal string, some beyond the visa's total, some
/// negative), a permit moved between the tax lists or into or out of the visa's exemptions,
/// now and then a new regime, an unknown permit or an unknown key: valid and invalid reforms.
pub fn reform_strategy() -> impl Strategy<Value = Value> {
    use proptest::prelude::*;
    // Mostly the law of recent years, which is what reforms amend; now and then any year.
    let year = prop_oneof![4 => 2020i32..=2030, 1 => 2009i32..=2030];
    let day = (year, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Value::from(format!("{y:04}-{m:02}-{d:02}")));
    let rates = ["tax.first_issue.general", "tax.first_issue.reduced", "tax.renewal.general", "tax.renewal.reduced", "stamp", "visa.total", "visa.at_filing", "late.charge", "surcharge", "dcem"];
    let amount = prop_oneof![
        24 => (0u32..=600).prop_map(Value::from),
        12 => (0u32..=60_000).prop_map(|c| Value::from(format!("{}.{:02}", c / 100, c % 100))),
        1 => prop_oneof![Just(Value::from("-5")), Just(Value::from(12.5))],
    ];
    let permits = ["visiteur", "salarie", "etudiant", "vpf_conjoint_de_francais", "cr_refugie", "talent_salarie", "aps", "cr_conjoint_de_francais"];
    let change = prop_oneof![
        24 => (proptest::sample::select(rates.to_vec()), amount).prop_map(|(r, a)| json!({"rate": r, "amount": a})),
        10 => (proptest::sample::select(permits.to_vec()), proptest::sample::select(vec!["general", "reduced", "exempt"])).prop_map(|(p, t)| json!({"permit": p, "tax": t})),
        6 => (proptest::sample::select(permits.to_vec()), any::<bool>()).prop_map(|(p, b)| json!({"permit": p, "visa_exempt": b})),
        1 => prop_oneof![
            Just(json!({"permit": "visitor", "tax": "reduced"})),
            Just(json!({"permit": "salarie", "tax": "free"})),
            Just(json!({"rate": "stamp", "amount": 10, "colour": "blue"})),
        ],
    ];
    let amend = (day.clone(), change).prop_map(|(d, c)| {
        let mut m = c.as_object().cloned().unwrap_or_default();
        m.insert("from".into(), d);
        Value::Object(m)
    });
    let regime = proptest::option::weighted(0.2, (2026i32..=2031, 1u32..=12).prop_map(|(y, m)| json!([{"from": format!("{y:04}-{m:02}-01"), "label_en": "Generated regime"}])));
    (proptest::collection::vec(amend, 1..=3), regime).prop_map(|(amend, regime)| {
        let mut doc = json!({"name": "generated", "amend": amend});
        if let (Some(r), Some(m)) = (regime, doc.as_object_mut()) {
            m.insert("regime".into(), r);
        }
        doc
    })
}

/// A quote under a generated reform: `{"reform": {…}, "request": {…}}`, the request one of
/// a common case (a permit a reform names, first issue, renewal or duplicate), of
/// [`ceseda::strategies::request`] or of [`ceseda::strategies::json_request`] (some invalid), most often decided on a
/// day after the reform's first amendment (up to three years after it), where it can change.
pub fn reformed_request() -> impl Strategy<Value = Value> {
    use proptest::prelude::*;
    // Common cases first (the permits and procedures reforms name), then any request.
    let permits = ["visiteur", "salarie", "etudiant", "vpf_conjoint_de_francais", "cr_refugie", "talent_salarie", "cr_conjoint_de_francais", "aps"];
    let common = (proptest::sample::select(permits.to_vec()), proptest::sample::select(vec!["first_issue", "renewal", "duplicate"]), any::<bool>())
        .prop_map(|(p, q, irregular)| json!({"permit": p, "procedure": q, "date": "2027-01-01", "irregular_entry": irregular, "card_kind": "cst", "card_validity": "one_year", "previously_held_cst": false}));
    let request = prop_oneof![3 => common, 2 => ceseda::strategies::request().prop_map(|r| r.to_value()), 1 => ceseda::strategies::json_request()];
    (reform_strategy(), request, proptest::option::weighted(0.8, 0u64..1_100)).prop_map(|(reform, mut request, after)| {
        let first = reform["amend"][0]["from"].as_str().and_then(|d| ceseda::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let valid = request["date"].as_str().is_some_and(|d| ceseda::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok());
        if let (Some(first), Some(days), true, Some(m)) = (first, after, valid, request.as_object_mut()) {
            if let Some(day) = first.checked_add_days(chrono::Days::new(days)) {
                m.insert("date".into(), Value::from(day.to_string()));
            }
        }
        json!({"reform": reform, "request": request})
    })
}

/// Asks the core and every worker.
pub fn ask_all(request: &Value, workers: &mut [Worker]) -> Result<Answers, String> {
    ask_all_text(&request.to_string(), workers)
}

/// Asks the core and every worker about one line of JSON text (which need not be JSON: what a
/// user could send, unfiltered). The request reported is the text, as a JSON string where it
/// is not JSON.
pub fn ask_all_text(line: &str, workers: &mut [Worker]) -> Result<Answers, String> {
    let request = serde_json::from_str(line).unwrap_or_else(|_| Value::String(line.to_string()));
    // A quote under a reform goes to the core's reform entry point; anything else as it came.
    let core = if reformed(&request).is_some() { core_answer(&request) } else { ceseda::contract::quote_json(line) };
    let rust = serde_json::from_str(&core).map_err(|e| e.to_string())?;
    let mut others = Vec::with_capacity(workers.len());
    for w in workers.iter_mut() {
        others.push((w.name.clone(), w.ask(line)?));
    }
    Ok(Answers { request, rust, others })
}

/// The batch path checked: every worker answers `{"batch": [...]}` with the core's columnar
/// table for the same requests, and every row of the core's table agrees with the single quote
/// of its request. Returns the first disagreement, described.
pub fn check_batch(requests: &[Value], workers: &mut [Worker]) -> Result<(), String> {
    check_batch_under(None, requests, workers)
}

/// [`check_batch`] under a reform (its JSON document): the line sent is
/// `{"reform": {…}, "batch": [...]}`, the core's table is `quote_table_json_reform_in`'s.
pub fn check_batch_under(reform: Option<&Value>, requests: &[Value], workers: &mut [Worker]) -> Result<(), String> {
    let array = Value::Array(requests.to_vec()).to_string();
    let reform_text = reform.map(Value::to_string);
    let table: Value = serde_json::from_str(&ceseda::contract::quote_table_json_reform_in(&array, reform_text.as_deref(), ceseda::Lang::En)).map_err(|e| e.to_string())?;
    let columns = &table["table"];
    for (i, request) in requests.iter().enumerate() {
        let single: Value = serde_json::from_str(&ceseda::contract::quote_json_reform_in(&request.to_string(), reform_text.as_deref(), ceseda::Lang::En)).map_err(|e| e.to_string())?;
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
    let line = match reform {
        Some(r) => json!({"reform": r, "batch": requests}).to_string(),
        None => json!({"batch": requests}).to_string(),
    };
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

/// Every entry point against the single quote, for a batch of request texts (any text, valid
/// JSON or not): in the core, `quote_many_json` answer `i` is exactly `quote_json(request i)`,
/// `quote_table_json` row `i` has its amounts, outcome and error, and the compiled price table
/// (`ceseda::total`, the batch paths' fast path) its totals; in every worker, `{"many": […]}`
/// (JS `quoteMany`, Python `quote_many_json`) answers each request as the core's single quote,
/// field by field ([`canonical`]), and `{"batch": […]}` (JS `quoteTable`, Python
/// `quote_frame`) answers the core's table whole.
pub fn check_entry_points(texts: &[String], workers: &mut [Worker]) -> Result<(), String> {
    let array = format!("[{}]", texts.join(","));
    invariants::many_answer(&array, &ceseda::contract::quote_many_json(&array))?;
    invariants::table_answer(&array, &ceseda::contract::quote_table_json(&array))?;
    let items = ceseda::contract::split_array(&array).map_err(|e| format!("the batch cannot be split: {e}"))?;
    let singles: Vec<Value> = items.iter().map(|t| serde_json::from_str(&ceseda::contract::quote_json(t)).unwrap_or(Value::Null)).collect();
    for (item, single) in items.iter().zip(&singles) {
        if let Ok(request) = ceseda::Request::from_json(item) {
            let fast = ceseda::total(&request);
            let quoted = ceseda::quote(&request).map(|q| ceseda::Totals::of(&q));
            let same = match (&fast, &quoted) {
                (Ok(a), Ok(b)) => a == b,
                (Err(a), Err(b)) => a.code() == b.code() && a.field() == b.field(),
                _ => false,
            };
            if !same {
                return Err(format!("price_table::total answers {fast:?}, quote {quoted:?}, for {item}"));
            }
        }
        invariants::quote_answer(&single.to_string())?;
    }
    let many_line = format!("{{\"many\": {array}}}");
    let batch_line = format!("{{\"batch\": {array}}}");
    let table: Value = serde_json::from_str(&ceseda::contract::quote_table_json(&array)).map_err(|e| e.to_string())?;
    for w in workers.iter_mut() {
        let many = w.ask(&many_line)?;
        let answers = many.as_array().ok_or_else(|| format!("the {} worker answered no array to a many line: {many}", w.name))?;
        if answers.len() != singles.len() {
            return Err(format!("the {} worker answered {} of {} requests", w.name, answers.len(), singles.len()));
        }
        for ((answer, single), item) in answers.iter().zip(&singles).zip(&items) {
            if canonical(answer) != canonical(single) {
                return Err(format!("the {} worker's batch answers {} where the core's single quote answers {}, for {}", w.name, canonical(answer), canonical(single), invariants::short(item)));
            }
        }
        let batch = w.ask(&batch_line)?;
        if batch["table"] != table["table"] {
            let differing: Vec<String> = table["table"].as_object().into_iter().flatten().filter(|(k, v)| batch["table"].get(k.as_str()) != Some(v)).map(|(k, _)| k.clone()).collect();
            let first = (0..texts.len()).find(|i| table["table"].as_object().into_iter().flatten().any(|(k, v)| batch["table"][k.as_str()].get(*i) != v.get(*i)));
            let row = |t: &Value, i: usize| -> Value { t.as_object().map(|m| m.iter().map(|(k, v)| (k.clone(), v.get(i).cloned().unwrap_or(Value::Null))).collect()).unwrap_or_default() };
            let detail = first.map(|i| format!("first at row {i}, {}: core {} worker {}", invariants::short(items.get(i).copied().unwrap_or_default()), row(&table["table"], i), row(&batch["table"], i)));
            return Err(format!("the {} worker's table differs from the core's in columns {differing:?} (tag {}, error {}); {detail:?}", w.name, batch["type"], batch["error"]));
        }
    }
    Ok(())
}

/// Hostile request texts: a generated request with one member replaced by what a user could
/// send and a parser may choke on: nesting to any depth, long strings, lone surrogate escapes,
/// numbers beyond a double, duplicate keys, control characters. Nothing is filtered.
pub fn hostile_text() -> proptest::strategy::BoxedStrategy<String> {
    use proptest::prelude::*;
    use proptest::sample::select;
    let field = select(ceseda::FIELDS);
    let value: BoxedStrategy<String> = prop_oneof![
        (1usize..400).prop_map(|n| format!("{}{}", "[".repeat(n), "]".repeat(n))),
        (1usize..300).prop_map(|n| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n))),
        (1usize..200).prop_map(|n| format!("{}\"\\ud800\"{}", "[".repeat(n), "]".repeat(n))),
        (0usize..100_000).prop_map(|n| format!("\"{}\"", "x".repeat(n))),
        (0usize..5_000).prop_map(|n| format!("\"visiteur{}\"", "\\u00e9".repeat(n))),
        select(vec![
            "\"\\ud800\"", "\"\\udfff\"", "\"vis\\udc00iteur\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"visiteur\\u0000\"",
            "1e400", "-1e400", "123456789012345678901234567890", "-0", "0.1e-400", "1E+2", "18446744073709551616",
            "\"2024-03-01T00:00:00\"", "\"+2024-03-01\"", "\"0000-01-01\"", "\"1899-12-31\"", "\"2201-01-01\"", "\"99999-01-01\"",
            "\"\\t\"", "\"\\/visiteur\"", "{}", "[]", "null", "true", "\"\"",
        ])
        .prop_map(str::to_string),
    ]
    .boxed();
    (ceseda::strategies::request(), field, value, proptest::bool::weighted(0.2)).prop_map(|(r, f, v, twice)| {
        let mut text = r.to_value().to_string();
        // The member goes last: replacing a present field, after it where `twice` keeps both.
        if !twice {
            if let Some(mut m) = r.to_value().as_object().cloned() {
                m.remove(f);
                text = Value::Object(m).to_string();
            }
        }
        let head = text.trim_end_matches('}');
        let sep = if head.ends_with('{') { "" } else { "," };
        format!("{head}{sep}\"{f}\":{v}}}")
    })
    .boxed()
}

/// Runs `cases` generated request texts through the core and the workers (see [`run`]).
pub fn run_text(cases: u32, workers: &mut [Worker], strategy: impl Strategy<Value = String>, seed: Option<[u8; 32]>) -> Result<u32, Box<Mismatch>> {
    let config = Config { cases, failure_persistence: None, max_shrink_iters: 1_000, ..Config::default() };
    let mut runner = match seed {
        Some(seed) => TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed)),
        None => TestRunner::new(config),
    };
    let workers = std::cell::RefCell::new(workers);
    let checked = std::cell::Cell::new(0u32);
    let result = runner.run(&strategy, |line| {
        checked.set(checked.get() + 1);
        let answers = ask_all_text(&line, &mut workers.borrow_mut()).map_err(TestCaseError::fail)?;
        if answers.agree() {
            Ok(())
        } else {
            Err(TestCaseError::fail(format!("mismatch\n{}", answers.report())))
        }
    });
    match result {
        Ok(()) => Ok(checked.get()),
        Err(TestError::Fail(reason, minimal)) => {
            let answers = ask_all_text(&minimal, &mut workers.borrow_mut()).ok();
            Err(Box::new(Mismatch { minimal: Value::String(minimal), answers, reason: reason.to_string() }))
        }
        Err(TestError::Abort(reason)) => Err(Box::new(Mismatch { minimal: Value::Null, answers: None, reason: reason.to_string() })),
    }
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
