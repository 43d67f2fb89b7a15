//! The loi de finances pour 2026, art. 128 (LEGAL_NOTES): seed 004's table with new amounts,
//! for decisions from 1 May 2026.
//!
//! | charge | 2020 | 2026 |
//! |---|---|---|
//! | tax, first issue | 200 (reduced 50) | 300 (reduced 100) |
//! | tax, renewal and duplicate | 200 (reduced 50) | unchanged |
//! | droit de timbre (L. 436-7) | 25 | 50 |
//! | visa de régularisation (L. 436-4) | 200, 50 at filing | 300, 100 at filing |
//! | APS, issue or renewal (L. 436-1 II) | hors champ | 100 |
//!
//! Not found for 2026 and so taken as unchanged (M): the exemption and reduced-rate lists,
//! the 180 € late-renewal charge, the DCEM, and duplicates (renewal tax, L. 436-2).

use rust_decimal::Decimal;

use super::table_2020::{GENERAL_TAX, REDUCED_TAX, STAMP as STAMP_2020};
use crate::procedure::Procedure;
use crate::tariff::{eur, Parts};

/// First-issue tax at the general rate.
pub(crate) const FIRST_ISSUE_TAX: Decimal = eur(300);
/// First-issue tax at the reduced rate.
pub(crate) const FIRST_ISSUE_REDUCED_TAX: Decimal = eur(100);
/// Droit de timbre.
pub(crate) const STAMP: Decimal = eur(50);
/// New tax on the issue or renewal of an APS (L. 436-1 II).
pub(crate) const APS_TAX: Decimal = eur(100);

/// The 2026 parts of a (resolved, errata-read) 2020 cell.
///
/// Every tax in the 2020 table is 200, 50 or nothing, and every stamp 25 or nothing
/// (a test walks the table to check it), so each 2020 figure has exactly one 2026 figure.
pub(crate) fn uplift(parts: Parts, procedure: Procedure) -> Parts {
    let first = procedure == Procedure::FirstIssue;
    let tax = if parts.tax == GENERAL_TAX && first {
        FIRST_ISSUE_TAX
    } else if parts.tax == REDUCED_TAX && first {
        FIRST_ISSUE_REDUCED_TAX
    } else {
        parts.tax
    };
    let stamp = if parts.stamp == STAMP_2020 { STAMP } else { parts.stamp };
    Parts { tax, surcharge: parts.surcharge, stamp }
}
