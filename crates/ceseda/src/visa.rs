//! The visa de régularisation: due before a first title when the person entered or stays
//! irregularly, or lacks the required visa. Paid in two parts: one at filing, the balance at
//! issue.
//!
//! | regime | amount | at filing | at issue | date that decides |
//! |---|---|---|---|---|
//! | `table_2011` | no source | | | |
//! | `table_2016` | 340 | 50 | 290 | the decision date (the part at filing: the application date) |
//! | `table_2020` | 200 | 50 | 150 | the application date (from 2 Jan 2020) |
//! | `lf_2026` | 300 | 100 | 200 | the application date (M) |
//!
//! Transitional rule of seed 004: an initial 50 € paid before 2 Jan 2020, with a decision
//! after it, leaves the balance at the new rate. The same reading is taken for 1 May 2026 (M):
//! the part at filing follows the application date, the balance the decision date.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::basis::Subject;
use crate::engine::Builder;
use crate::error::Error;
use crate::permit::Permit::{self, *};
use crate::quote::{Component, DueAt};
use crate::regime::{RegimeId, LF2020_START, LF2026_START};
use crate::subcase::EuStatus;
use crate::tariff::eur;
use crate::notes;

const ROW_2016: &str = "Droit de visa de régularisation : 340€ dont 50€ à acquitter lors de la demande de titre de séjour (article L. 311-13-D-1 du CESEDA)";
const ROW_2020: &str = "Droit de visa de régularisation : 200€ dont 50€ à acquitter lors de la demande de titre de séjour (article L. 311-13-D-1 du CESEDA)";
const ROW_2026: &str = "LF 2026 art. 128 (LEGAL_NOTES) : droit de visa de régularisation 300 €, dont 100 € au dépôt (L. 436-4)";

/// Seed 003: "sauf pour les titres exemptés suivants".
const EXEMPT_2016: &[Permit] = &[
    VpfAideSocialeEnfance, VpfApatride, VpfProtectionSubsidiaire, VpfVictimeTraiteViolences,
    CrAncienCombattant, CrLegionnaire, CrRefugie, CrApatride, CrNonOptionNationalite, CrVictimeTraiteViolences,
];

/// Seed 004: "à l'exception des titres suivants". The 2020 table prices stateless and
/// subsidiary-protection holders with their families on one CSP row (L. 313-25, L. 313-26)
/// and one CR row (L. 314-11 9° and 12°), so the exemption covers those families too.
const EXEMPT_2020: &[Permit] = &[
    VpfAideSocialeEnfance, VpfVictimeTraiteViolences,
    VpfApatride, VpfFamilleApatride, VpfProtectionSubsidiaire, VpfFamilleProtectionSubsidiaire,
    CrAncienCombattant, CrLegionnaire, CrRefugie, CrApatride, CrFamilleApatride, CrProtectionSubsidiaire,
    CrNonOptionNationalite, CrVictimeTraiteViolences, CrAndorran,
];

/// (at filing, balance) under a regime; `None` where no source gives them (late 2011).
fn parts(regime: RegimeId) -> Option<(Decimal, Decimal)> {
    match regime {
        RegimeId::Table2011 => None,
        RegimeId::Table2016 => Some((eur(50), eur(290))),
        RegimeId::Table2020 => Some((eur(50), eur(150))),
        RegimeId::Lf2026 => Some((eur(100), eur(200))),
    }
}

/// The part due at filing for an application filed on `date`: the rate in force then.
fn filing_part(date: NaiveDate) -> Option<Decimal> {
    let from_2013 = NaiveDate::from_ymd_opt(2013, 1, 1)?;
    let regime = if date >= LF2026_START {
        RegimeId::Lf2026
    } else if date >= LF2020_START {
        RegimeId::Table2020
    } else if date >= from_2013 {
        // 50 € from 2013 (LEGAL_NOTES, M) and under the 2016 table (seed 003).
        RegimeId::Table2016
    } else {
        // 2012: 110 € at filing (LEGAL_NOTES, M), but no table of ours covers 2012.
        return None;
    };
    parts(regime).map(|(filing, _)| filing)
}

/// Whether `permit` is exempt under `regime`'s list.
pub(crate) fn exempt(regime: RegimeId, permit: Permit) -> bool {
    match regime {
        RegimeId::Table2011 => false,
        RegimeId::Table2016 => EXEMPT_2016.contains(&permit),
        RegimeId::Table2020 | RegimeId::Lf2026 => EXEMPT_2020.contains(&permit),
    }
}

/// Adds the visa de régularisation lines to a first-issue quote.
pub(crate) fn charge(b: &mut Builder, permit: Permit) -> Result<(), Error> {
    let regime = b.regime;
    let (mut filing, balance) = parts(regime).ok_or_else(|| Error::NotCovered {
        field: "irregular_entry",
        regime: regime.code(),
        what: "the visa de régularisation in late 2011: seed 002 does not give it".to_string(),
    })?;
    let eu = b.req.circumstances.eu_status;
    if permit == CarteUe {
        match eu {
            None => {
                return Err(Error::MissingSubCase {
                    permit: permit.code(),
                    regime: regime.code(),
                    field: "eu_status",
                    reason: "EU/EEA/Swiss citizens are exempt from the visa de régularisation, their third-country family members may be liable",
                    expected: vec!["citizen", "family_member"],
                })
            }
            Some(EuStatus::Citizen) => {
                b.note(notes::VISA_EXEMPT);
                return Ok(());
            }
            Some(EuStatus::FamilyMember) => {}
        }
    }
    if exempt(regime, permit) || eu == Some(EuStatus::Citizen) {
        b.note(notes::VISA_EXEMPT);
        return Ok(());
    }
    // An explicit regime prices both parts under it; otherwise the part due at filing is the
    // one in force when the application was filed, and the balance the one at the decision.
    if b.req.regime.is_none() {
        let application = match b.req.circumstances.application_date {
            Some(d) => d,
            None if regime == RegimeId::Table2016 => b.date(),
            None => {
                b.note(notes::VISA_APPLICATION_DATE);
                b.date()
            }
        };
        filing = filing_part(application).ok_or_else(|| Error::NotCovered {
            field: "application_date",
            regime: regime.code(),
            what: format!("the part of the visa de régularisation paid at filing on {application}: no source covers applications before 2013"),
        })?;
        if application < LF2020_START && regime != RegimeId::Table2016 {
            b.note(notes::VISA_TRANSITIONAL_2020);
        }
        if application < LF2026_START && regime == RegimeId::Lf2026 {
            b.note(notes::VISA_TRANSITIONAL_2026);
        }
    }
    let (seed, row) = match regime {
        RegimeId::Table2011 | RegimeId::Table2016 => ("003", ROW_2016),
        RegimeId::Table2020 => ("004", ROW_2020),
        RegimeId::Lf2026 => ("lf_2026", ROW_2026),
    };
    b.line(Component::VisaDeRegularisationFiling, filing, Subject::VisaRegularisation, seed, row, DueAt::AtFiling, notes::VISA_FILING);
    b.line(Component::VisaDeRegularisationBalance, balance, Subject::VisaRegularisation, seed, row, DueAt::AtIssue, notes::VISA_BALANCE);
    Ok(())
}

/// The full visa de régularisation of a regime, and the part due at filing.
pub fn visa_de_regularisation(regime: RegimeId) -> Option<(Decimal, Decimal)> {
    parts(regime).map(|(filing, balance)| (filing + balance, filing))
}
