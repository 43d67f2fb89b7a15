//! Renewal filing windows and lateness.
//!
//! * Until 30 Apr 2021, R. 311-2 4°: file during the last two months before expiry; long-term
//!   EU residents are excepted.
//! * From 1 May 2021, R. 431-5 (décret 2021-313): from the 120th to the 60th day before expiry
//!   for permits applied for online (ANEF, the R. 431-2 list); two months otherwise.
//! * Seed 001 describes the online process as "at the earliest three months before expiry and
//!   at the latest two months before", and the ministry recommends four to three months.
//!
//! What "late" means differs between the texts, so each regime takes its own reading:
//!
//! | regime | late when the application is filed… | source |
//! |---|---|---|
//! | `table_2011` | after the title expired ("renouvellement demandé après expiration du titre") | seed 002, note (**) |
//! | `table_2016` | after the title expired ("après l'échéance du titre précédent") | seed 003 |
//! | `table_2020`, `lf_2026` | after the filing window closed ("après l'expiration du délai fixé pour le dépôt") | seed 004, measure 6 |

use chrono::{Days, Months, NaiveDate};

use crate::codes::code_enum;
use crate::permit::Permit;
use crate::regime::{RegimeId, RECODIFICATION};

code_enum! {
    /// The rule that sets a renewal filing window.
    pub enum WindowRule ("rule") {
        /// R. 311-2 4° (until 30 Apr 2021): the last two months before expiry.
        R311_2 => "r311_2_two_months",
        /// R. 311-2 4°: long-term EU residents are excepted from the window.
        R311_2LongTermResident => "r311_2_long_term_resident_excepted",
        /// R. 431-5 (from 1 May 2021), online permits: the 120th to the 60th day before expiry.
        R431_5Online => "r431_5_online",
        /// R. 431-5 (from 1 May 2021), other permits: the last two months before expiry.
        R431_5TwoMonths => "r431_5_two_months",
    }
}

/// The period in which a renewal should be filed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RenewalWindow {
    /// The permit.
    pub permit: Permit,
    /// The expiry date of the title to renew.
    pub expiry: NaiveDate,
    /// The date the rule was chosen by (the filing date, or the expiry date if none was given).
    pub rule_date: NaiveDate,
    /// The rule applied.
    pub rule: WindowRule,
    /// The first day to file, or `None` where the rule sets no window.
    pub opens: Option<NaiveDate>,
    /// The last day to file within the window.
    pub closes: NaiveDate,
    /// Seed 001's recommendation: from four months before expiry…
    pub recommended_from: Option<NaiveDate>,
    /// …to three months before expiry.
    pub recommended_until: Option<NaiveDate>,
    /// The article.
    pub basis: String,
}

/// Permits that seed 001 says can be applied for online since 31 May 2021 (talent passports).
/// For others, the caller says whether the application went through the online service.
fn online_by_default(permit: Permit, rule_date: NaiveDate) -> bool {
    const TALENT_ONLINE_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2021, 5, 31) {
        Some(d) => d,
        None => NaiveDate::MAX,
    };
    rule_date >= TALENT_ONLINE_FROM
        && matches!(
            permit,
            Permit::TalentSalarie
                | Permit::TalentCarteBleueEuropeenne
                | Permit::TalentSalarieEnMission
                | Permit::TalentChercheur
                | Permit::TalentCreateurEntreprise
                | Permit::TalentArtisteInterprete
                | Permit::TalentRenomme
                | Permit::TalentFamille
        )
}

/// The renewal window for a title of `permit` expiring on `expiry`.
///
/// `filing_date` picks the rule in force (the expiry date when `None`); `online` says whether
/// the application goes through the online service (default: talent passports from
/// 31 May 2021, per seed 001; others not).
pub fn renewal_window(permit: Permit, expiry: NaiveDate, filing_date: Option<NaiveDate>, online: Option<bool>) -> RenewalWindow {
    let rule_date = filing_date.unwrap_or(expiry);
    let months_before = |m: u32| expiry.checked_sub_months(Months::new(m));
    let days_before = |d: u64| expiry.checked_sub_days(Days::new(d));
    // "Les deux derniers mois précédant l'expiration": the title is valid through its expiry
    // date, so filing that day is still within the window.
    let long_term_resident = matches!(permit, Permit::CrResidentLongueDureeUe | Permit::CrResidentLongueDureeUeCarteBleue | Permit::CrResidentLongueDureeUeProtectionInternationale);
    let (rule, opens, closes, basis) = if rule_date < RECODIFICATION {
        if long_term_resident {
            (WindowRule::R311_2LongTermResident, None, expiry, "CESEDA R. 311-2 4°")
        } else {
            (WindowRule::R311_2, months_before(2), expiry, "CESEDA R. 311-2 4°")
        }
    } else if online.unwrap_or_else(|| online_by_default(permit, rule_date)) {
        (WindowRule::R431_5Online, days_before(120), days_before(60).unwrap_or(expiry), "CESEDA R. 431-5")
    } else {
        (WindowRule::R431_5TwoMonths, months_before(2), expiry, "CESEDA R. 431-5")
    };
    RenewalWindow {
        permit,
        expiry,
        rule_date,
        rule,
        opens,
        closes,
        recommended_from: months_before(4),
        recommended_until: months_before(3),
        basis: basis.to_string(),
    }
}

/// Whether a renewal filed on `application_date` is late under `regime`'s reading (see the
/// module documentation).
pub fn is_late(regime: RegimeId, window: &RenewalWindow, application_date: NaiveDate) -> bool {
    match regime {
        RegimeId::Table2011 | RegimeId::Table2016 => application_date > window.expiry,
        RegimeId::Table2020 | RegimeId::Lf2026 => application_date > window.closes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn r311_2_is_the_last_two_months() {
        let w = renewal_window(Permit::Salarie, d(2020, 6, 30), Some(d(2020, 5, 1)), None);
        assert_eq!(w.rule, WindowRule::R311_2);
        assert_eq!(w.opens, Some(d(2020, 4, 30)));
        assert_eq!(w.closes, d(2020, 6, 30));
    }

    #[test]
    fn r431_5_online_is_120_to_60_days() {
        let w = renewal_window(Permit::Salarie, d(2024, 6, 30), Some(d(2024, 3, 1)), Some(true));
        assert_eq!(w.rule, WindowRule::R431_5Online);
        assert_eq!(w.opens, Some(d(2024, 3, 2)));
        assert_eq!(w.closes, d(2024, 5, 1));
    }

    #[test]
    fn the_rule_changes_on_1_may_2021() {
        let before = renewal_window(Permit::TalentSalarie, d(2021, 9, 1), Some(d(2021, 4, 30)), Some(true));
        let after = renewal_window(Permit::TalentSalarie, d(2021, 9, 1), Some(d(2021, 5, 1)), Some(true));
        assert_eq!(before.rule, WindowRule::R311_2);
        assert_eq!(after.rule, WindowRule::R431_5Online);
    }
}
