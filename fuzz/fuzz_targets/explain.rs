//! `explain_json(request, lang)`: the first line of the input is the language, the rest the
//! request; a tagged answer, a success exactly where the quote succeeds in a known language.
#![no_main]

use ceseda::contract::explain_json;
use ceseda_conformance::invariants::{explain_answer, short};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (lang, request) = text.split_once('\n').unwrap_or(("en", text));
    if let Err(e) = explain_answer(request, lang, &explain_json(request, lang)) {
        panic!("{e}\nlang: {}\ninput: {}", short(lang), short(request));
    }
});
