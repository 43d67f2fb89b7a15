//! `quote_table_json` (the compiled price table where it answers): every column one row per
//! request, row `i` the total, components, outcome, regime and error of the single answer.
#![no_main]

use ceseda::contract::quote_table_json;
use ceseda_conformance::invariants::{short, table_answer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = table_answer(text, &quote_table_json(text)) {
        panic!("{e}\ninput: {}", short(text));
    }
});
