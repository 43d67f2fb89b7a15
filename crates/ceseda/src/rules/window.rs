//! Renewal filing windows and lateness, read from [`crate::law::windows`] and the late
//! paragraph of the regime in force.

use chrono::{Days, Months, NaiveDate};

use crate::law::regimes::RegimeId;
use crate::law::types::{LateDefinition, Paragraph};
use crate::law::windows::{WindowRule, WindowText, ONLINE_BY_DEFAULT, RECOMMENDED_MONTHS, RECOMMENDED_SOURCE, TALENT_ONLINE_FROM, WINDOWS};
use crate::model::codes::code_enum;
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
    /// Seed 001's recommendation, where it lies inside the window (the online R. 431-5
    /// window only): from four months before expiry, or the day the window opens if that is
    /// later…
    pub recommended_from: Option<NaiveDate>,
    /// …to three months before expiry.
    pub recommended_until: Option<NaiveDate>,
    /// The article.
    pub basis: String,
    /// Where `recommended_from` comes from: `"seed 001"` (four months before expiry), or the
    /// window's article where four months before expiry is before the window opens.
    pub recommended_from_basis: Option<String>,
    /// Where `recommended_until` comes from (`"seed 001"`: three months before expiry).
    pub recommended_until_basis: Option<String>,
}

code_enum! {
    /// Where a filing date falls with respect to a renewal window.
    pub enum WindowStatus ("status") {
        /// Before the window opens.
        Early => "early", "en avance : avant l'ouverture du délai de dépôt", "early: before the filing window opens";
        /// Inside the window.
        OnTime => "on_time", "dans les délais", "on time";
        /// After the window closed.
        Late => "late", "en retard : après la fin du délai de dépôt", "late: after the filing window closed";
    }
}

impl RenewalWindow {
    /// Where a filing on `filing_date` falls: before the window opens, inside it (both ends
    /// included), or after it closed. A window that does not open (the long-term residents
    /// R. 311-2 excepts) has no early filing.
    pub fn status(&self, filing_date: NaiveDate) -> WindowStatus {
        if self.opens.is_some_and(|opens| filing_date < opens) {
            WindowStatus::Early
        } else if filing_date > self.closes {
            WindowStatus::Late
        } else {
            WindowStatus::OnTime
        }
    }
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
    // Seed 001's four to three months lie before a two-month window opens: recommended only
    // inside the online window (120th to 60th day), whose 120th day can come after the fourth
    // month before expiry (121 to 123 days).
    let recommended = match (rule, opens, months_before(RECOMMENDED_MONTHS.0), months_before(RECOMMENDED_MONTHS.1)) {
        (WindowRule::R431_5Online, Some(opens), Some(from), Some(until)) if opens <= until && until <= closes => {
            let (from, from_basis) = if from < opens { (opens, text.basis.to_string()) } else { (from, RECOMMENDED_SOURCE.to_string()) };
            Some((from, from_basis, until))
        }
        _ => None,
    };
    let (recommended_from, recommended_from_basis, recommended_until) = match recommended {
        Some((from, basis, until)) => (Some(from), Some(basis), Some(until)),
        None => (None, None, None),
    };
    Ok(RenewalWindow {
        permit,
        expiry,
        rule_date,
        rule,
        opens,
        closes,
        recommended_from,
        recommended_until,
        basis: text.basis.to_string(),
        recommended_from_basis,
        recommended_until_basis: recommended_until.map(|_| RECOMMENDED_SOURCE.to_string()),
    })
}

/// The last day a renewal is not late by `definition`: later filings pay the late-renewal
/// charge (unless exempt).
pub fn late_after(definition: LateDefinition, window: &RenewalWindow) -> NaiveDate {
    match definition {
        LateDefinition::AfterExpiry => window.expiry,
        LateDefinition::AfterWindow => window.closes,
    }
}

/// Whether a filing on `application_date` is late by `definition` (see each regime's late
/// paragraph).
pub fn is_late_by(definition: LateDefinition, window: &RenewalWindow, application_date: NaiveDate) -> bool {
    application_date > late_after(definition, window)
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

    /// The status of a filing on each of `days`.
    fn statuses(w: &RenewalWindow, days: &[NaiveDate]) -> Vec<WindowStatus> {
        days.iter().map(|day| w.status(*day)).collect()
    }

    use WindowStatus::{Early, Late, OnTime};

    #[test]
    fn r311_2_early_on_time_and_late_at_the_boundaries() {
        // The case: a talent passport expiring 30 June 2020, filed on 1 March 2020,
        // is under R. 311-2 (not online before 31 May 2021): early, not on time.
        let w = renewal_window(Permit::TalentSalarie, d(2020, 6, 30), Some(d(2020, 3, 1)), None);
        let w = w.as_ref().map_err(|e| e.code());
        assert_eq!(w.map(|w| (w.rule, w.opens, w.closes)), Ok((WindowRule::R311_2, Some(d(2020, 4, 30)), d(2020, 6, 30))));
        let days = [d(2020, 3, 1), d(2020, 4, 29), d(2020, 4, 30), d(2020, 6, 30), d(2020, 7, 1)];
        assert_eq!(w.map(|w| statuses(w, &days)), Ok(vec![Early, Early, OnTime, OnTime, Late]));
        // Seed 001's four to three months lie before the two-month window: not recommended.
        assert_eq!(w.map(|w| (w.recommended_from, w.recommended_until, w.recommended_from_basis.clone())), Ok((None, None, None)));
    }

    #[test]
    fn r431_5_online_recommends_inside_the_120th_to_60th_day() {
        let w = renewal_window(Permit::TalentSalarie, d(2024, 6, 30), Some(d(2024, 3, 1)), None);
        let w = w.as_ref().map_err(|e| e.code());
        assert_eq!(w.map(|w| (w.rule, w.opens, w.closes)), Ok((WindowRule::R431_5Online, Some(d(2024, 3, 2)), d(2024, 5, 1))));
        let days = [d(2024, 3, 1), d(2024, 3, 2), d(2024, 5, 1), d(2024, 5, 2)];
        assert_eq!(w.map(|w| statuses(w, &days)), Ok(vec![Early, OnTime, OnTime, Late]));
        // Four months before expiry (29 February, the 122nd day) is before the window opens:
        // the recommendation starts on the 120th day, by R. 431-5.
        let recommended = |w: &RenewalWindow| (w.recommended_from, w.recommended_from_basis.clone(), w.recommended_until, w.recommended_until_basis.clone());
        assert_eq!(
            w.map(recommended),
            Ok((Some(d(2024, 3, 2)), Some("CESEDA R. 431-5".to_string()), Some(d(2024, 3, 30)), Some("seed 001".to_string())))
        );
        // Where the fourth month before expiry is the 120th day (November to February, 120
        // days), seed 001's date stands.
        let w = renewal_window(Permit::Salarie, d(2023, 3, 1), None, Some(true)).map_err(|e| e.code());
        assert_eq!(w.as_ref().map(|w| w.opens), Ok(Some(d(2022, 11, 1))));
        assert_eq!(w.as_ref().map(recommended), Ok((Some(d(2022, 11, 1)), Some("seed 001".to_string()), Some(d(2022, 12, 1)), Some("seed 001".to_string()))));
    }

    #[test]
    fn r431_5_not_online_is_two_months_without_recommendation() {
        let w = renewal_window(Permit::Salarie, d(2024, 6, 30), Some(d(2024, 3, 1)), Some(false));
        let w = w.as_ref().map_err(|e| e.code());
        assert_eq!(w.map(|w| (w.rule, w.opens, w.closes)), Ok((WindowRule::R431_5TwoMonths, Some(d(2024, 4, 30)), d(2024, 6, 30))));
        let days = [d(2024, 3, 1), d(2024, 4, 29), d(2024, 4, 30), d(2024, 6, 30), d(2024, 7, 1)];
        assert_eq!(w.map(|w| statuses(w, &days)), Ok(vec![Early, Early, OnTime, OnTime, Late]));
        assert_eq!(w.map(|w| (w.recommended_from, w.recommended_until)), Ok((None, None)));
        // A talent passport before 31 May 2021 is not online by default.
        let talent = renewal_window(Permit::TalentSalarie, d(2021, 9, 30), Some(d(2021, 5, 30)), None).map(|w| w.rule);
        assert_eq!(talent, Ok(WindowRule::R431_5TwoMonths));
    }

    #[test]
    fn long_term_residents_are_never_early() {
        let w = renewal_window(Permit::CrResidentLongueDureeUe, d(2020, 6, 30), Some(d(2019, 1, 1)), None);
        let w = w.as_ref().map_err(|e| e.code());
        assert_eq!(w.map(|w| (w.rule, w.opens, w.closes)), Ok((WindowRule::R311_2LongTermResident, None, d(2020, 6, 30))));
        let days = [d(2019, 1, 1), d(2020, 6, 30), d(2020, 7, 1)];
        assert_eq!(w.map(|w| statuses(w, &days)), Ok(vec![OnTime, OnTime, Late]));
        assert_eq!(w.map(|w| w.recommended_from), Ok(None));
    }

    #[test]
    fn late_after_is_the_regime_reading() {
        let w = renewal_window(Permit::Salarie, d(2024, 6, 30), None, Some(true));
        let w = w.as_ref().map_err(|e| e.code());
        assert_eq!(w.map(|w| late_after(LateDefinition::AfterWindow, w)), Ok(d(2024, 5, 1)));
        assert_eq!(w.map(|w| late_after(LateDefinition::AfterExpiry, w)), Ok(d(2024, 6, 30)));
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
