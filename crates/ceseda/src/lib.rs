//! # ceseda
//!
//! What a French residence permit (titre de séjour) costs: which taxes, stamp duties and
//! regularisation charges are due, how much each is, and which CESEDA article says so.
//!
//! ```
//! use ceseda::{quote, Permit, Procedure, Request};
//! use chrono::NaiveDate;
//!
//! let date = NaiveDate::from_ymd_opt(2024, 3, 1).ok_or("bad date")?;
//! let q = quote(&Request::new(Permit::Visiteur, Procedure::FirstIssue, date))?;
//! assert_eq!(q.total.to_string(), "225.00");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The core does no I/O and never reads the clock: every date is passed in. The JSON
//! contract in [`contract`] is what the Python and JavaScript bindings speak.

#![cfg_attr(doctest, doc = include_str!("../../../README.md"))]

mod basis;
mod codes;
pub mod contract;
mod document;
mod engine;
mod errata;
mod error;
mod late_renewal;
pub mod money;
mod notes;
mod permit;
mod procedure;
mod quote;
mod regime;
mod request;
#[cfg(feature = "proptest")]
pub mod strategies;
mod subcase;
mod tables;
mod tariff;
mod travel;
mod visa;
mod window;

pub use document::{Document, TravelDocument};
pub use engine::quote;
pub use errata::{erratum, Erratum, ERRATA};
pub use error::{Error, ErrorRecord};
pub use late_renewal::LATE_RENEWAL_CHARGE;
pub use permit::{Permit, PermitFamily};
pub use procedure::Procedure;
pub use quote::{Component, DueAt, Explanation, Line, Note, Outcome, Quote};
pub use regime::{covered_periods, Confidence, Regime, RegimeId, SelectingDate, REGIMES};
pub use request::{parse_date, Circumstances, Request, SubCase, FIELDS};
pub use subcase::{AdmissionCard, CardKind, CardValidity, EuStatus, FamilyMember};
pub use visa::visa_de_regularisation;
pub use window::{is_late, renewal_window, RenewalWindow, WindowRule};

/// Crate-internal access for the crate's own tests of the tables.
#[cfg(test)]
mod table_tests;
