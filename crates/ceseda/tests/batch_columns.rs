//! `quote_columns` (the batch path of the Python frame and the CLI) against the JSON contract
//! row by row: its fast path (each distinct key read once, each row a table cell) must answer
//! exactly what `Request::from_json` and `quote` answer for the same row, on every kind of row:
//! in the table's domain, outside it (other sub-cases, circumstances, an explicit regime,
//! dates of their own), refused cells, bad codes and values of the wrong type before and after
//! the date, missing and invalid dates, dates before the first covered day.

#![allow(clippy::panic, clippy::indexing_slicing, clippy::expect_used)] // a test fails by panicking; indices are in range.

use ceseda::contract::batch::{quote_columns, Column, Pricer, RowError, Summary};
use ceseda::{Lang, Request};

/// A small deterministic generator (no dependency, same rows on every run).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next()).unwrap_or(0) % n
    }
}

const PERMITS: &[Option<&str>] = &[
    Some("visiteur"),
    Some("salarie"),
    Some("etudiant"),
    Some("vpf_regroupement_familial"),
    Some("cr_conjoint_de_francais"),
    Some("carte_ue"),
    Some("vls_ts"),
    Some("talent_salarie"),
    Some("aps"),
    Some("dcem"),
    Some("visitor"),
    None,
];
const PROCEDURES: &[Option<&str>] = &[Some("first_issue"), Some("renewal"), Some("duplicate"), Some("change_of_details"), Some("renewal_without_expired_title"), Some("nope")];
const CARD_KINDS: &[Option<&str>] = &[Some("cst"), Some("csp"), Some("bad")];
const FAMILY: &[Option<&str>] = &[Some("spouse"), Some("child")];
const EU: &[Option<&str>] = &[Some("citizen"), Some("family_member")];
const REGIMES: &[Option<&str>] = &[Some("table_2016"), Some("table_2020")];
const APPLICATION: &[Option<&str>] = &[Some("2019-12-01"), Some("2024-01-15"), Some("2024-13-01")];

fn code(rng: &mut Rng, values: &[Option<&str>], null_one_in: usize) -> i32 {
    if rng.below(null_one_in) == 0 {
        -1
    } else {
        i32::try_from(rng.below(values.len())).unwrap_or(0)
    }
}

/// A column mostly null: a value one row in `given_one_in`.
fn sparse(rng: &mut Rng, values: &[Option<&str>], given_one_in: usize) -> i32 {
    if rng.below(given_one_in) == 0 {
        i32::try_from(rng.below(values.len())).unwrap_or(0)
    } else {
        -1
    }
}

#[test]
fn the_columns_answer_what_the_contract_answers_row_by_row() {
    // A debug build checks fewer rows and builds fewer intervals (scripts/test-rust.sh runs it
    // in release too); with fewer rows the keys go in a map, with more in a dense array.
    let (n, every) = if cfg!(debug_assertions) { (8_000, 6) } else { (60_000, 2) };
    let mut rng = Rng(7);
    let first = 13_000; // 2005-08-05: some rows before the first covered day
    let permit: Vec<i32> = (0..n).map(|_| code(&mut rng, PERMITS, 50)).collect();
    let procedure: Vec<i32> = (0..n).map(|_| code(&mut rng, PROCEDURES, 50)).collect();
    let card_kind: Vec<i32> = (0..n).map(|_| sparse(&mut rng, CARD_KINDS, 3)).collect();
    let family: Vec<i32> = (0..n).map(|_| code(&mut rng, FAMILY, 3)).collect();
    let eu: Vec<i32> = (0..n).map(|_| sparse(&mut rng, EU, 10)).collect();
    let regime: Vec<i32> = (0..n).map(|_| sparse(&mut rng, REGIMES, 20)).collect();
    let application: Vec<i32> = (0..n).map(|_| sparse(&mut rng, APPLICATION, 10)).collect();
    let mut days: Vec<i32> = (0..n).map(|_| first + i32::try_from(rng.below(8_000)).unwrap_or(0)).collect();
    let nulls: Vec<u8> = (0..n).map(|_| u8::from(rng.below(200) == 0)).collect();
    let bad: Vec<u8> = (0..n).map(|_| u8::from(rng.below(300) == 0)).collect();
    // Days the contract cannot carry (year 101,903; i32's extremes), never markers.
    for (row, d) in [(3, 36_500_000), (5, i32::MIN), (7, i32::MIN + 1), (9, i32::MAX)] {
        if let Some(slot) = days.get_mut(row) {
            *slot = d;
        }
    }
    let irregular: Vec<u8> = (0..n).map(|_| u8::from(rng.below(10) == 0)).collect();
    let irregular_bad: Vec<u8> = (0..n).map(|_| u8::from(rng.below(500) == 0)).collect();
    let columns = [
        ("permit", Column::Codes { values: PERMITS, indices: &permit, bad_type: "number" }),
        ("procedure", Column::Codes { values: PROCEDURES, indices: &procedure, bad_type: "number" }),
        ("date", Column::Dates { days: &days, nulls: Some(&nulls), bad: Some(&bad), bad_type: "number" }),
        ("card_kind", Column::Codes { values: CARD_KINDS, indices: &card_kind, bad_type: "number" }),
        ("family_member", Column::Codes { values: FAMILY, indices: &family, bad_type: "number" }),
        ("eu_status", Column::Codes { values: EU, indices: &eu, bad_type: "number" }),
        ("regime", Column::Codes { values: REGIMES, indices: &regime, bad_type: "number" }),
        ("application_date", Column::Codes { values: APPLICATION, indices: &application, bad_type: "number" }),
        ("irregular_entry", Column::Bools { values: &irregular, nulls: None, bad: Some(&irregular_bad), bad_type: "number" }),
    ];
    // Some intervals with their table built, the others without (the engine answers, then the
    // table once this call has asked it often enough): both paths are checked.
    for day in ceseda::price_table::interval_starts().iter().step_by(every) {
        ceseda::price_table::prepare(*day);
    }
    let answer = quote_columns(n, &columns, Lang::En).expect("the columns are well formed");
    assert_eq!(answer.rows.len(), n);
    let text = |values: &[Option<&str>], i: i32| -> Option<serde_json::Value> {
        let i = usize::try_from(i).ok()?;
        Some(match values.get(i)? {
            Some(s) => serde_json::Value::from(*s),
            None => serde_json::Value::from(3),
        })
    };
    let mut fast_cells = 0;
    for row in 0..n {
        let mut request = serde_json::Map::new();
        for (name, column) in &columns {
            let value = match column {
                Column::Codes { values, indices, .. } => text(values, indices[row]),
                Column::Dates { days, nulls, bad, .. } => {
                    if bad.is_some_and(|b| b[row] != 0) {
                        Some(serde_json::Value::from(3))
                    } else if nulls.is_some_and(|b| b[row] != 0) {
                        None
                    } else {
                        let date = ceseda::model::date::from_epoch_days(days[row]);
                        Some(serde_json::Value::from(date.map_or_else(|| "out of range".to_string(), |d| d.format("%Y-%m-%d").to_string())))
                    }
                }
                Column::Bools { values, bad, .. } => {
                    if bad.is_some_and(|b| b[row] != 0) {
                        Some(serde_json::Value::from(3))
                    } else {
                        Some(serde_json::Value::from(values[row] != 0))
                    }
                }
            };
            if let Some(value) = value {
                request.insert((*name).to_string(), value);
            }
        }
        let text = serde_json::Value::Object(request).to_string();
        let want = Request::from_json(&text).and_then(|r| ceseda::quote(&r)).map(|q| Summary::of(&q)).map_err(|e| RowError::of(&e, Lang::En));
        let got = &answer.answers[answer.rows[row] as usize];
        if let Err(e) = &want {
            // The out-of-range days are invalid dates, not missing or of the wrong type.
            if [3, 5, 7, 9].contains(&row) && bad[row] == 0 && nulls[row] == 0 && permit[row] >= 0 && PERMITS[permit[row] as usize].is_some() {
                assert!(e.code == "invalid_date" || e.code == "unknown_code", "row {row}: {e:?}");
            }
        } else {
            fast_cells += 1;
        }
        match (&want, got) {
            // A day the contract cannot carry has no ISO text to quote: the message names the day.
            (Err(w), Err(g)) if w.message.contains("\"out of range\"") => assert_eq!((w.code, &w.field), (g.code, &g.field), "row {row}: {text}"),
            _ => assert_eq!(got, &want, "row {row}: {text}"),
        }
    }
    assert!(fast_cells > n / 4, "only {fast_cells} rows priced");
}

#[test]
fn chunks_answer_as_one_call() {
    let permits: &[Option<&str>] = &[Some("visiteur"), Some("salarie"), Some("etudiant")];
    let procedures: &[Option<&str>] = &[Some("first_issue"), Some("renewal")];
    let n = 20_000;
    let mut rng = Rng(3);
    let p: Vec<i32> = (0..n).map(|_| code(&mut rng, permits, 100)).collect();
    let q: Vec<i32> = (0..n).map(|_| code(&mut rng, procedures, 100)).collect();
    let days: Vec<i32> = (0..n).map(|_| 15_000 + i32::try_from(rng.below(6_000)).unwrap_or(0)).collect();
    let columns = [
        ("permit", Column::Codes { values: permits, indices: &p, bad_type: "number" }),
        ("procedure", Column::Codes { values: procedures, indices: &q, bad_type: "number" }),
        ("date", Column::Dates { days: &days, nulls: None, bad: None, bad_type: "number" }),
    ];
    let whole = quote_columns(n, &columns, Lang::Fr).expect("well formed");
    let mut pricer = Pricer::new(n, &columns, Lang::Fr).expect("well formed");
    let mut rows = vec![0; n];
    for (i, chunk) in rows.chunks_mut(777).enumerate() {
        pricer.price(i * 777, chunk);
    }
    let answers = pricer.answers();
    let resolve = |rows: &[u32], answers: &[Result<Summary, RowError>]| rows.iter().map(|r| answers[*r as usize].clone()).collect::<Vec<_>>();
    assert_eq!(resolve(&rows, &answers), resolve(&whole.rows, &whole.answers));
}
