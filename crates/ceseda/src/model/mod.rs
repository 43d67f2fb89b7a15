//! The model: what the law talks about. Permits and travel documents, procedures, the facts
//! of a case (sub-cases and circumstances), the vocabularies of the answer, money, dates and
//! errors. It knows no tariff: nothing here imports the law, the rules or the engine.

pub mod answer;
pub mod codes;
pub mod date;
pub mod document;
pub mod error;
pub mod facts;
pub mod money;
pub mod permit;
pub mod procedure;
pub mod subcase;
mod suggest;
