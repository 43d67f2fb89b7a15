//! `window_json`: a tagged answer, every date of it readable by the contract's own parser
//! (years 1900–2200).
#![no_main]

use ceseda::contract::window_json;
use ceseda_conformance::invariants::{short, window_answer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = window_answer(&window_json(text)) {
        panic!("{e}\ninput: {}", short(text));
    }
});
