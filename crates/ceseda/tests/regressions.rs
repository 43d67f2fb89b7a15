//! Replays the shared regression vectors (`tests/vectors/regressions.json`): each request must
//! give exactly the canonical answer recorded, as it must in Python and JavaScript.

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.

use serde_json::Value;

#[test]
fn every_regression_vector_gives_its_recorded_answer() {
    let doc: Value = serde_json::from_str(include_str!("vectors/regressions.json")).unwrap_or_default();
    let cases = doc["cases"].as_array().cloned().unwrap_or_default();
    assert!(cases.len() >= 10);
    for case in cases {
        let answer: Value = serde_json::from_str(&ceseda::contract::quote_json(&case["request"].to_string())).unwrap_or_default();
        let expected = &case["expected"];
        // Messages may be reworded; everything else is the contract.
        let strip = |mut v: Value| {
            if let Some(e) = v.get_mut("error").and_then(Value::as_object_mut) {
                e.remove("message");
            }
            v
        };
        assert_eq!(strip(answer), strip(expected.clone()), "{}: {}", case["note"], case["request"]);
    }
}

/// Without what may be reworded: every `message` and `error_message`.
pub fn without_messages(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().filter(|(k, _)| *k != "message" && *k != "error_message").map(|(k, x)| (k.clone(), without_messages(x))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(without_messages).collect()),
        other => other.clone(),
    }
}

/// The core's answer to an entry (`None` for the CLI's, replayed by its own tests).
fn core_answer(entry: &Value) -> Option<String> {
    use ceseda::contract as c;
    let text = entry["text"].as_str().unwrap_or_default();
    // A language no UTF-8 text holds (a lone surrogate) reaches the core as U+FFFD, as every
    // binding hands it over.
    let lang = match (&entry["lang"], &entry["lang_json"]) {
        (Value::String(l), _) => l.clone(),
        (_, Value::String(j)) => serde_json::from_str::<String>(j).unwrap_or_else(|_| "\u{fffd}".to_string()),
        _ => "en".to_string(),
    };
    let in_lang = |f: fn(&str, ceseda::Lang) -> String| ceseda::Lang::parse(&lang).map_or_else(|e| c::failure_in(&e, ceseda::Lang::En), |l| f(text, l));
    Some(match entry["entry"].as_str()? {
        "quote" => in_lang(c::quote_json_in),
        "quote_many" => in_lang(c::quote_many_json_in),
        "quote_table" => in_lang(c::quote_table_json_in),
        "window" => in_lang(c::window_json_in),
        "history" => in_lang(c::history_json_in),
        "explain" => c::explain_json(text, &lang),
        _ => return None,
    })
}

#[test]
fn every_entry_point_vector_gives_its_recorded_answer() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/regressions.json");
    let mut doc: Value = serde_json::from_str(include_str!("vectors/regressions.json")).unwrap_or_default();
    let record = std::env::var_os("CESEDA_VECTORS_RECORD").is_some();
    let entries = doc["entries"].as_array_mut().map(std::mem::take).unwrap_or_default();
    assert!(entries.len() >= 20, "{} entries", entries.len());
    let mut kept = Vec::new();
    for mut entry in entries {
        if let Some(answer) = core_answer(&entry) {
            let answer: Value = serde_json::from_str(&answer).unwrap_or_default();
            if record {
                entry["expected"] = answer;
            } else {
                assert_eq!(without_messages(&answer), without_messages(&entry["expected"]), "{}: {}", entry["note"], entry["text"]);
            }
        }
        kept.push(entry);
    }
    if record {
        doc["entries"] = Value::Array(kept);
        let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        assert!(std::fs::write(path, text + "\n").is_ok(), "cannot write {path}");
    }
}
