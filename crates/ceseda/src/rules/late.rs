//! A late renewal: a fixed charge (180 € from 2013, L. 311-13 D 2° then L. 436-5) or, before,
//! a surcharge of the renewal tax. What "late" means is the regime's reading (its late
//! paragraph), applied to the filing window of [`crate::rules::window`].

use std::borrow::Cow;

use crate::law::texts;
use crate::law::types::{LateKind, Paragraph, RateKey, RegimeLaw, Subject};
use crate::law::windows::WindowRule;
use crate::model::answer::{Component, DueAt, Explanation};
use crate::model::facts::Facts;
use crate::model::permit::Permit;
use crate::model::procedure::Procedure;
use crate::model::subcase::EuStatus;
use crate::rules::window::{is_late_by, renewal_window};
use crate::rules::{amount, is_member, Charges, LineSpec, OPTIONAL};
use crate::Error;

/// The late-renewal line of a renewal quote, if the renewal is late and not exempt.
pub fn charge(law: &RegimeLaw, facts: &Facts<'_>, permit: Permit, charges: &mut Charges) -> Result<(), Error> {
    let c = facts.circumstances;
    let (application, expiry) = match (c.application_date, c.previous_title_expiry) {
        (Some(a), Some(e)) => (a, e),
        (None, None) => return Ok(()),
        _ => {
            charges.note(&texts::LATENESS_NOT_CHECKED);
            return Ok(());
        }
    };
    let late = match &law.late {
        Paragraph::In(l) => l,
        Paragraph::Absent(note) => {
            charges.note_opt(note.as_ref());
            return Ok(());
        }
        Paragraph::NotCovered(what) => return Err(Error::NotCovered { field: "previous_title_expiry", regime: law.regime.id.code(), what: Box::new(what.clone()) }),
    };
    let window = renewal_window(permit, expiry, Some(application), c.online_application)?;
    if !is_late_by(late.definition, &window, application) {
        return Ok(());
    }
    charges.note(&late.reading_note);
    let regime = law.regime.id.code();
    let key = match late.kind {
        LateKind::Surcharge => {
            if late.excluded.contains(&permit) {
                charges.note_opt(late.excluded_note.as_ref());
                return Ok(());
            }
            if let Some(rule) = &law.duplicates.surcharge {
                if is_member(&rule.excluded, permit, facts.sub_case, regime, &OPTIONAL)? {
                    charges.note_opt(rule.excluded_note.as_ref());
                    return Ok(());
                }
            }
            if late.once_with_without_title && facts.procedure == Procedure::RenewalWithoutExpiredTitle {
                charges.note(&texts::LATE_ALREADY_SURCHARGED);
                return Ok(());
            }
            RateKey::LateSurcharge
        }
        LateKind::Charge => {
            if window.rule == WindowRule::R431_5TwoMonths && c.online_application.is_none() {
                charges.note(&texts::ONLINE_ASSUMED_NO);
            }
            if late.excluded.contains(&permit) {
                charges.note_opt(late.excluded_note.as_ref());
                return Ok(());
            }
            if permit.eu_status_decides() && c.eu_status.is_none() && late.exemptions.eu_citizens {
                return Err(Error::MissingSubCase {
                    permit: permit.code(),
                    regime,
                    field: Cow::Borrowed("eu_status"),
                    reason: Box::new(Explanation::new(
                        "les citoyens de l'UE, de l'EEE et de Suisse sont exemptés du droit pour renouvellement tardif, les membres de leur famille ressortissants de pays tiers ne le sont pas",
                        "EU/EEA/Swiss citizens are exempt from the late-renewal charge, their third-country family members are not",
                    )),
                    expected: vec![Cow::Borrowed("citizen"), Cow::Borrowed("family_member")],
                });
            }
            if c.violence_victim {
                charges.note_opt(late.violence_note.as_ref());
            }
            let ex = &late.exemptions;
            let exempt = (c.force_majeure && ex.force_majeure)
                || (c.violence_victim && ex.violence_victims)
                || (c.holds_valid_visa && ex.valid_visa)
                || (c.eu_status == Some(EuStatus::Citizen) && ex.eu_citizens)
                || (permit.held_by_exempt_citizens() && ex.andorran_citizens);
            if exempt {
                charges.note(&texts::LATE_EXEMPT);
                return Ok(());
            }
            RateKey::LateCharge
        }
    };
    charges.line(LineSpec {
        law,
        date: facts.date,
        component: Component::LateRenewalCharge,
        amount: amount(law, key, facts.date)?,
        subject: Subject::LateRenewal,
        seed: late.seed.clone(),
        row: late.text.clone(),
        due: DueAt::AtIssue,
        explanation: late.line.clone(),
    });
    Ok(())
}
