//! WebAssembly exports of the `ceseda` JSON contract.
//!
//! Every export takes and returns a string and only forwards to [`ceseda::contract`]: the
//! JavaScript wrapper (`js/index.js`) turns the tagged answers into objects and errors. The
//! core never panics, so nothing here can trap.

use wasm_bindgen::prelude::wasm_bindgen;

/// Quotes one canonical JSON request; answers `{"type":"success","quote":…}` or
/// `{"type":"failure","error":…}`.
#[wasm_bindgen]
pub fn quote_json(request: &str) -> String {
    ceseda::contract::quote_json(request)
}

/// Quotes a JSON array of requests; answers a JSON array of answers (or one failure when the
/// input is not an array).
#[wasm_bindgen]
pub fn quote_many_json(requests: &str) -> String {
    ceseda::contract::quote_many_json(requests)
}

/// Quotes a JSON array of requests into columns: `{"type":"success","table":{"total":[…],…}}`,
/// one entry per request in each column (or one failure when the input is not an array).
#[wasm_bindgen]
pub fn quote_table_json(requests: &str) -> String {
    ceseda::contract::quote_table_json(requests)
}

/// Every permit and travel document: `{"type":"success","permits":[…]}`.
#[wasm_bindgen]
pub fn permits_json() -> String {
    ceseda::contract::permits_json()
}

/// Every regime, oldest first: `{"type":"success","regimes":[…]}`.
#[wasm_bindgen]
pub fn regimes_json() -> String {
    ceseda::contract::regimes_json()
}

/// The renewal window for `{"permit","expiry","filing_date"?,"online_application"?}`.
#[wasm_bindgen]
pub fn window_json(input: &str) -> String {
    ceseda::contract::window_json(input)
}

/// Every error code, as a JSON array of strings, in the core's declaration order.
#[wasm_bindgen]
pub fn error_codes_json() -> String {
    let codes: Vec<String> = ceseda::Error::CODES
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect();
    format!("[{}]", codes.join(","))
}
