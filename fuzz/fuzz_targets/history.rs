//! `history_json`: a tagged answer; periods contiguous from the first day, the last one open,
//! each total the sum of its components, every date readable.
#![no_main]

use ceseda::contract::history_json;
use ceseda_conformance::invariants::{history_answer, short};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = history_answer(&history_json(text)) {
        panic!("{e}\ninput: {}", short(text));
    }
});
