//! # ceseda
//!
//! What a French residence permit (titre de séjour) costs: which taxes, stamp duties and
//! regularisation charges are due, how much each is, and which CESEDA article says so.
//!
//! ```
//! use ceseda::{quote, NaiveDate, Permit, Procedure, Request};
//!
//! let date = NaiveDate::from_ymd_opt(2024, 3, 1).ok_or("bad date")?;
//! let q = quote(&Request::new(Permit::Visiteur, Procedure::FirstIssue, date))?;
//! assert_eq!(q.total.map(|t| t.to_string()).as_deref(), Some("225.00"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The layers point one way: [`model`] (permits, procedures, the facts of a case) ←
//! [`law`] (one file per source and period, as data) ← [`rules`] (pure functions of the facts
//! and the law) ← the engine ([`quote`]) ← [`contract`] (the JSON contract, the schema, the
//! batch path) ← the CLI and the bindings. The core does no I/O and never reads the clock:
//! every date is passed in.

#![cfg_attr(doctest, doc = include_str!("../../../README.md"))]

pub mod contract;
mod engine;
pub mod fields;
pub mod history;
pub mod law;
mod law_dates;
pub mod model;
pub mod price_table;
mod quote;
pub mod relevance;
pub mod reform;
mod request;
pub mod rules;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;

pub use engine::quote;
pub use fields::FIELDS;
pub use history::{history, History};
pub use price_table::{total, Totals};
pub use law::errata::{erratum, ERRATA};
pub use law::regimes::{covered_periods, regimes, RegimeId};
pub use law::types::{Regime, SelectingDate};
pub use law::windows::WindowRule;
pub use model::answer::{Component, Confidence, DueAt, Erratum, Explanation, Line, Note, Outcome};
pub use model::codes::Lang;
pub use model::date::parse_date;
pub use model::document::{Document, TravelDocument};
pub use model::error::{Error, ErrorRecord};
pub use model::facts::{Circumstances, SubCase};
pub use model::money;
pub use model::permit::{Permit, PermitFamily};
pub use model::procedure::Procedure;
pub use model::subcase::{AdmissionCard, CardKind, CardValidity, EuStatus, FamilyMember};
pub use quote::Quote;
pub use relevance::relevant_fields;
pub use reform::Reform;
pub use request::Request;
pub use rules::window::{is_late, renewal_window, RenewalWindow, WindowStatus};
