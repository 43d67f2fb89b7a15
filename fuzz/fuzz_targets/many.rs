//! `quote_many_json`: one answer per request, answer `i` exactly the single answer to request
//! `i`; a text that is not an array answers one failure with a known code.
#![no_main]

use ceseda::contract::quote_many_json;
use ceseda_conformance::invariants::{many_answer, short};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = many_answer(text, &quote_many_json(text)) {
        panic!("{e}\ninput: {}", short(text));
    }
});
