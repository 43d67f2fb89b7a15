//! The charge on a late renewal: 180 € from the 2016 table on (L. 311-13 D 2°, then L. 436-5),
//! and footnote (**)'s 15 € surcharge under the 2011 table. What "late" means is read per
//! regime: see [`crate::window`].

use crate::basis::Subject;
use crate::engine::Builder;
use crate::error::Error;
use crate::notes;
use crate::permit::Permit;
use crate::procedure::Procedure;
use crate::quote::{Component, DueAt};
use crate::regime::RegimeId;
use crate::subcase::EuStatus;
use crate::tables::table_2011;
use crate::tariff::eur;
use crate::window::{is_late, renewal_window, WindowRule};

const ROW_2016: &str = "Droit de visa de régularisation en cas de demande de renouvellement de titre de séjour présentée après l'échéance du titre précédent : 180€ (article L. 311-13-D-2 du CESEDA)";
const ROW_2020: &str = "Droit de visa de régularisation en cas de demande de renouvellement de titre de séjour présentée après l'expiration du délai fixé pour le dépôt de la demande de renouvellement : 180€ (article L. 311-13-D-2 du CESEDA)";
const ROW_2011: &str = "(**) renouvellement demandé après expiration du titre : montant de la taxe de renouvellement + 15 euros";

/// The late-renewal charge from 2016 (unchanged in 2026, M).
pub const LATE_RENEWAL_CHARGE: rust_decimal::Decimal = eur(180);

/// Adds the late-renewal line to a renewal quote, if the renewal is late and not exempt.
pub(crate) fn charge(b: &mut Builder, permit: Permit) -> Result<(), Error> {
    let c = &b.req.circumstances;
    let (application, expiry) = match (c.application_date, c.previous_title_expiry) {
        (Some(a), Some(e)) => (a, e),
        (None, None) => return Ok(()),
        _ => {
            b.note(notes::LATENESS_NOT_CHECKED);
            return Ok(());
        }
    };
    let window = renewal_window(permit, expiry, Some(application), c.online_application);
    if !is_late(b.regime, &window, application) {
        return Ok(());
    }
    let regime = b.regime;
    let c = &b.req.circumstances;
    if regime == RegimeId::Table2011 {
        b.note(notes::LATE_READING_EXPIRY);
        let s = &b.req.sub_case;
        if permit == Permit::CarteUe {
            b.note(notes::LATE_NOT_FOR_CE_CARDS);
        } else if table_2011::surcharge_exempt(permit, s.underlying_permit, s.card_validity) {
            b.note(notes::NO_SURCHARGE_STUDENT_2011);
        } else if b.req.procedure == Procedure::RenewalWithoutExpiredTitle {
            b.note(notes::LATE_ALREADY_SURCHARGED);
        } else {
            b.line(Component::LateRenewalCharge, table_2011::SURCHARGE, Subject::LateRenewal, "002", ROW_2011, DueAt::AtIssue, notes::LATE_RENEWAL_2011);
        }
        return Ok(());
    }
    b.note(if regime == RegimeId::Table2016 { notes::LATE_READING_EXPIRY } else { notes::LATE_READING_WINDOW });
    if window.rule == WindowRule::R431_5TwoMonths && c.online_application.is_none() {
        b.note(notes::ONLINE_ASSUMED_NO);
    }
    if permit == Permit::CarteUe && c.eu_status.is_none() {
        return Err(Error::MissingSubCase {
            permit: permit.code(),
            regime: regime.code(),
            field: "eu_status",
            reason: "EU/EEA/Swiss citizens are exempt from the late-renewal charge, their third-country family members are not",
            expected: vec!["citizen", "family_member"],
        });
    }
    if c.violence_victim && regime == RegimeId::Table2016 {
        b.note(notes::LATE_VIOLENCE_2016);
    }
    if c.force_majeure || c.violence_victim || c.holds_valid_visa || c.eu_status == Some(EuStatus::Citizen) {
        b.note(notes::LATE_EXEMPT);
        return Ok(());
    }
    let (seed, row) = if regime == RegimeId::Table2016 { ("003", ROW_2016) } else { ("004", ROW_2020) };
    b.line(Component::LateRenewalCharge, LATE_RENEWAL_CHARGE, Subject::LateRenewal, seed, row, DueAt::AtIssue, notes::LATE_RENEWAL);
    Ok(())
}
