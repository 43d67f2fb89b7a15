//! `quote_json`: any text answers a tagged answer with a known error code; a quote's total is
//! the sum of its lines and its dates read back; a batch of that one request answers the same.
#![no_main]

use ceseda::contract::{quote_json, quote_many_json};
use ceseda_conformance::invariants::{quote_answer, short};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let answer = quote_json(text);
    if let Err(e) = quote_answer(&answer) {
        panic!("{e}\ninput: {}", short(text));
    }
    // The same text as the one item of a batch (where it is one item, as it is: no top-level
    // comma, no whitespace around it that would move the positions a message names).
    let batch = format!("[{text}]");
    if let Ok([item]) = ceseda::contract::split_array(&batch).as_deref() {
        if *item == text && quote_many_json(&batch) != format!("[{answer}]") {
            panic!("[request] answers differently from request\ninput: {}", short(text));
        }
    }
});
