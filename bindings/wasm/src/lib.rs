//! WebAssembly exports of the `ceseda` JSON contract: string in, string out, each a direct call
//! of [`ceseda::contract`]. `lang` ("fr" or "en") is the language of messages; any other value
//! is the core's `unknown_code` failure on the field `lang`. The core never panics, so nothing
//! here can trap; the JavaScript wrapper (`js/api.js`) only translates the answers.

use ceseda::contract as c;
use ceseda::Lang;
use wasm_bindgen::prelude::wasm_bindgen;

/// `answer(lang)`, or the failure naming `lang` when it is not a language.
fn in_lang(lang: &str, answer: impl FnOnce(Lang) -> String) -> String {
    Lang::parse(lang).map_or_else(|e| c::failure_in(&e, Lang::En), answer)
}

/// One request: `{"type":"success","quote":…}` or `{"type":"failure","error":…}`.
#[wasm_bindgen]
pub fn quote_json(request: &str, lang: &str) -> String {
    in_lang(lang, |l| c::quote_json_in(request, l))
}

/// A JSON array of requests: a JSON array of answers, each parsed and answered on its own.
#[wasm_bindgen]
pub fn quote_many_json(requests: &str, lang: &str) -> String {
    in_lang(lang, |l| c::quote_many_json_in(requests, l))
}

/// A JSON array of requests, answered in columns: `{"type":"success","table":{…}}`.
#[wasm_bindgen]
pub fn quote_table_json(requests: &str, lang: &str) -> String {
    in_lang(lang, |l| c::quote_table_json_in(requests, l))
}

/// The tariff history of a request without `date`: `{"type":"success","history":{…}}`.
#[wasm_bindgen]
pub fn history_json(request: &str, lang: &str) -> String {
    in_lang(lang, |l| c::history_json_in(request, l))
}

/// The plain-text explanation of a request's quote: `{"type":"success","explanation":"…"}`.
#[wasm_bindgen]
pub fn explain_json(request: &str, lang: &str) -> String {
    c::explain_json(request, lang)
}

/// The renewal window for `{"permit","expiry","filing_date"?,"online_application"?}`.
#[wasm_bindgen]
pub fn window_json(input: &str, lang: &str) -> String {
    in_lang(lang, |l| c::window_json_in(input, l))
}

/// The sub-cases and circumstances that can change the quote of `{"permit","procedure","date"}`:
/// `{"type":"success","relevant_fields":{…}}`.
#[wasm_bindgen]
pub fn relevant_fields_json(input: &str, lang: &str) -> String {
    in_lang(lang, |l| c::relevant_fields_json_in(input, l))
}

/// Every permit and travel document: `{"type":"success","permits":[…]}`.
#[wasm_bindgen]
pub fn permits_json() -> String {
    c::permits_json()
}

/// Every regime, oldest first: `{"type":"success","regimes":[…]}`.
#[wasm_bindgen]
pub fn regimes_json() -> String {
    c::regimes_json()
}

/// [`quote_json`] under a reform (its TOML or JSON text; `None`: the law).
#[wasm_bindgen]
pub fn quote_json_reform(request: &str, reform: Option<String>, lang: &str) -> String {
    in_lang(lang, |l| c::quote_json_reform_in(request, reform.as_deref(), l))
}

/// [`quote_many_json`] under a reform.
#[wasm_bindgen]
pub fn quote_many_json_reform(requests: &str, reform: Option<String>, lang: &str) -> String {
    in_lang(lang, |l| c::quote_many_json_reform_in(requests, reform.as_deref(), l))
}

/// [`quote_table_json`] under a reform (its own compiled price table).
#[wasm_bindgen]
pub fn quote_table_json_reform(requests: &str, reform: Option<String>, lang: &str) -> String {
    in_lang(lang, |l| c::quote_table_json_reform_in(requests, reform.as_deref(), l))
}

/// [`history_json`] under a reform.
#[wasm_bindgen]
pub fn history_json_reform(request: &str, reform: Option<String>, lang: &str) -> String {
    in_lang(lang, |l| c::history_json_reform_in(request, reform.as_deref(), l))
}

/// [`explain_json`] under a reform.
#[wasm_bindgen]
pub fn explain_json_reform(request: &str, reform: Option<String>, lang: &str) -> String {
    c::explain_json_reform(request, reform.as_deref(), lang)
}
