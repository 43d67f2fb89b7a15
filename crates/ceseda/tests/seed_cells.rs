//! Every cell of the three seed tables, replayed from the shared fixture
//! `tests/vectors/seed_cells.json` (transcribed independently of `src/tables/`). Each case
//! names its seed row; a failure lists every mismatching cell at once.

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.

use std::collections::BTreeMap;

use ceseda::{quote, Outcome, Request};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;

fn vectors() -> Value {
    let text = include_str!("vectors/seed_cells.json");
    serde_json::from_str(text).unwrap_or(Value::Null)
}

fn check(cell: &Value) -> Result<(), String> {
    let id = cell["id"].as_str().unwrap_or("?");
    let request = Request::from_value(&cell["request"]).map_err(|e| format!("{id}: bad request: {e}"))?;
    let q = quote(&request).map_err(|e| format!("{id} [{}]: error {}: {e}", cell["row"], e.code()))?;
    let expected = &cell["expected"];
    let mut problems = Vec::new();
    let outcome = q.outcome.code();
    if Some(outcome) != expected["outcome"].as_str() {
        problems.push(format!("outcome {outcome} != {}", expected["outcome"]));
    }
    let total = q.total.map(ceseda::money::to_string);
    if total.as_deref() != expected["total"].as_str() {
        problems.push(format!("total {total:?} != {}", expected["total"]));
    }
    let mut got: BTreeMap<String, String> = BTreeMap::new();
    for line in &q.lines {
        let entry = got.entry(line.component.code().to_string()).or_insert_with(|| "0.00".to_string());
        let sum = entry.parse::<rust_decimal::Decimal>().unwrap_or_default() + line.amount;
        *entry = ceseda::money::to_string(sum);
    }
    let want: BTreeMap<String, String> = expected["components"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string())).collect())
        .unwrap_or_default();
    if got != want {
        problems.push(format!("components {got:?} != {want:?}"));
    }
    // The fixture lists the errata of the cell itself; rule-level entries (column "note" or
    // "all", such as the 2016 cap sentence) may come on top.
    let cell_level = |e: &&ceseda::Erratum| ceseda::Procedure::ALL.iter().any(|p| p.code() == e.column);
    let errata: Vec<&str> = q.errata.iter().filter(cell_level).map(|e| e.id.as_ref()).collect();
    let want_errata: Vec<&str> = expected["errata"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    if errata != want_errata {
        problems.push(format!("errata {errata:?} != {want_errata:?}"));
    }
    if q.outcome == Outcome::AmountDue && q.lines.is_empty() {
        problems.push("amount_due without lines".into());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{id} [seed {} row {:?}, printed {:?}]: {}", cell["seed"], cell["row"], cell["printed"], problems.join("; ")))
    }
}

/// One test per cell, named `<seed>/<permit>/<procedure>[/<alternative>] — <printed row>`,
/// plus a check that the fixture covers the three seeds.
fn main() {
    let v = vectors();
    let cells = v["cells"].as_array().cloned().unwrap_or_default();
    let mut trials: Vec<Trial> = cells
        .into_iter()
        .map(|cell| {
            let name = format!("{} — {}", cell["id"].as_str().unwrap_or("?"), cell["row"].as_str().unwrap_or("?"));
            Trial::test(name, move || check(&cell).map_err(Failed::from))
        })
        .collect();
    trials.push(Trial::test("the fixture covers every seed", || {
        let v = vectors();
        let cells = v["cells"].as_array().cloned().unwrap_or_default();
        for seed in ["002", "003", "004"] {
            let n = cells.iter().filter(|c| c["seed"] == seed).count();
            if n < 100 {
                return Err(format!("seed {seed}: only {n} cells").into());
            }
        }
        Ok(())
    }));
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}
