//! Renewal filing windows and lateness, read from [`crate::law::windows`] and the late
//! paragraph of the regime in force.

use chrono::{Days, Months, NaiveDate};

use crate::law::regimes::RegimeId;
use crate::law::types::{LateDefinition, Paragraph};
use crate::law::windows::{WindowRule, WindowText, ONLINE_BY_DEFAULT, RECOMMENDED_MONTHS, TALENT_ONLINE_FROM, WINDOWS};
use crate::model::date::in_bounds;
use crate::model::permit::Permit;
use crate::Error;

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

/// The version of the window rule that governs a filing on `date`.
fn text_for(date: NaiveDate) -> Option<&'static WindowText> {
    WINDOWS.iter().rev().find(|w| w.from <= date)
}

/// Whether the online window applies to `permit` by default (seed 001: talent passports from
/// 31 May 2021); for others the caller says.
fn online_by_default(permit: Permit, rule_date: NaiveDate) -> bool {
    rule_date >= TALENT_ONLINE_FROM && ONLINE_BY_DEFAULT.contains(&permit)
}

/// The renewal window for a title of `permit` expiring on `expiry`.
///
/// `filing_date` picks the rule in force (the expiry date when `None`); `online` says whether
/// the application goes through the online service (default: talent passports from
/// 31 May 2021, per seed 001; others not). Every date of the answer is inside the contract's
/// bounds (years 1900–2200), or the answer is an `invalid_date` error on `expiry`.
pub fn renewal_window(permit: Permit, expiry: NaiveDate, filing_date: Option<NaiveDate>, online: Option<bool>) -> Result<RenewalWindow, Error> {
    let rule_date = filing_date.unwrap_or(expiry);
    let bad_expiry = || Error::InvalidDate { field: "expiry", value: expiry.to_string() };
    let text = text_for(rule_date).ok_or_else(|| Error::DateOutOfRange {
        field: if filing_date.is_some() { "filing_date" } else { "expiry" },
        value: rule_date.to_string(),
        covered: WINDOWS.first().map(|w| format!("from {} ({})", w.from, w.basis)).into_iter().collect(),
    })?;
    let months_before = |m: u32| expiry.checked_sub_months(Months::new(m)).filter(|d| in_bounds(*d));
    let days_before = |d: u64| expiry.checked_sub_days(Days::new(d)).filter(|d| in_bounds(*d));
    // "Les deux derniers mois précédant l'expiration": the title is valid through its expiry
    // date, so filing that day is still within the window.
    let (rule, opens, closes) = match text.online_days {
        None if text.excepted.contains(&permit) => (WindowRule::R311_2LongTermResident, None, expiry),
        None => (WindowRule::R311_2, months_before(text.months), expiry),
        Some((open, close)) if online.unwrap_or_else(|| online_by_default(permit, rule_date)) => {
            (WindowRule::R431_5Online, days_before(open), days_before(close).ok_or_else(bad_expiry)?)
        }
        Some(_) => (WindowRule::R431_5TwoMonths, months_before(text.months), expiry),
    };
    if !in_bounds(expiry) || (rule != WindowRule::R311_2LongTermResident && opens.is_none()) {
        return Err(bad_expiry());
    }
    Ok(RenewalWindow {
        permit,
        expiry,
        rule_date,
        rule,
        opens,
        closes,
        recommended_from: months_before(RECOMMENDED_MONTHS.0),
        recommended_until: months_before(RECOMMENDED_MONTHS.1),
        basis: text.basis.to_string(),
    })
}

/// Whether a filing on `application_date` is late by `definition` (see each regime's late
/// paragraph).
pub fn is_late_by(definition: LateDefinition, window: &RenewalWindow, application_date: NaiveDate) -> bool {
    match definition {
        LateDefinition::AfterExpiry => application_date > window.expiry,
        LateDefinition::AfterWindow => application_date > window.closes,
    }
}

/// Whether a renewal filed on `application_date` is late under `regime`'s reading; `false`
/// where the regime has no late charge.
pub fn is_late(regime: RegimeId, window: &RenewalWindow, application_date: NaiveDate) -> bool {
    match &regime.law().late {
        Paragraph::In(late) => is_late_by(late.definition, window, application_date),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::ymd as d;

    #[test]
    fn r311_2_is_the_last_two_months() {
        let w = renewal_window(Permit::Salarie, d(2020, 6, 30), Some(d(2020, 5, 1)), None).ok();
        assert_eq!(w.as_ref().map(|w| (w.rule, w.opens, w.closes)), Some((WindowRule::R311_2, Some(d(2020, 4, 30)), d(2020, 6, 30))));
    }

    #[test]
    fn r431_5_online_is_120_to_60_days() {
        let w = renewal_window(Permit::Salarie, d(2024, 6, 30), Some(d(2024, 3, 1)), Some(true)).ok();
        assert_eq!(w.as_ref().map(|w| (w.rule, w.opens, w.closes)), Some((WindowRule::R431_5Online, Some(d(2024, 3, 2)), d(2024, 5, 1))));
    }

    #[test]
    fn the_rule_changes_on_1_may_2021() {
        let before = renewal_window(Permit::TalentSalarie, d(2021, 9, 1), Some(d(2021, 4, 30)), Some(true)).map(|w| w.rule);
        let after = renewal_window(Permit::TalentSalarie, d(2021, 9, 1), Some(d(2021, 5, 1)), Some(true)).map(|w| w.rule);
        assert_eq!((before, after), (Ok(WindowRule::R311_2), Ok(WindowRule::R431_5Online)));
    }

    #[test]
    fn windows_never_leave_the_contract_bounds() {
        // A window opening before 1900 is outside the contract's dates.
        let early = renewal_window(Permit::Salarie, d(1900, 1, 10), Some(d(2010, 1, 1)), None);
        assert_eq!(early.map_err(|e| e.code()), Err("invalid_date"));
        // A rule date before the first version of R. 311-2 (15 November 2006) has no rule.
        let before = renewal_window(Permit::Salarie, d(1900, 1, 10), None, None);
        assert_eq!(before.map_err(|e| (e.code(), e.field().map(str::to_string))), Err(("date_out_of_range", Some("expiry".to_string()))));
        let late = renewal_window(Permit::Salarie, d(2200, 12, 31), None, Some(true));
        assert!(late.is_ok());
    }
}
