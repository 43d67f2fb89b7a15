//! Helpers shared by the integration tests.
#![allow(dead_code)]

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.

use ceseda::{quote, Component, Error, Quote, Request};
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// Quotes a canonical JSON request.
pub fn q(request: Value) -> Result<Quote, Error> {
    quote(&Request::from_value(&request)?)
}

/// Quotes and returns the total as a two-decimal string, or the error code.
pub fn total(request: Value) -> String {
    match q(request) {
        Ok(quote) => quote.total.map_or_else(|| "null".to_string(), ceseda::money::to_string),
        Err(e) => format!("error:{}", e.code()),
    }
}

/// Money from a string.
pub fn eur(s: &str) -> Decimal {
    s.parse().unwrap_or(Decimal::MIN)
}

/// A component's amount on a quote.
pub fn part(quote: &Quote, c: Component) -> String {
    ceseda::money::to_string(quote.component(c))
}

/// The error of a request that must fail.
pub fn err(request: Value) -> Error {
    match q(request) {
        Ok(quote) => Error::InvalidJson { message: format!("expected an error, got total {:?}", quote.total) },
        Err(e) => e,
    }
}

/// A first visitor card decided on `date`.
pub fn visiteur_first(date: &str) -> Value {
    json!({"permit": "visiteur", "procedure": "first_issue", "date": date})
}
