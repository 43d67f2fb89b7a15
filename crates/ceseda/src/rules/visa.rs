//! The visa de régularisation: due before a first title when the person entered or stays
//! irregularly, or lacks the required visa. Paid in two parts: one at filing, the balance at
//! issue.
//!
//! The part due at filing is the one in force when the application was filed (where the law
//! says so; the decision date stands in when no application date is given); the balance is
//! the whole visa in force at the decision less what was paid at filing (2012 → 2013: 110 €
//! paid, 230 € owed: the droit is 340 € under both laws; 2011 → 2012: nothing paid at filing,
//! 340 € at issue). Where a transitional rule says otherwise (2 January 2020: "la part
//! complémentaire" at the new rate; 1 May 2026 by analogy), the balance is the decision law's.

use std::borrow::Cow;

use crate::law::regimes::Laws;
use crate::law::texts;
use crate::law::types::{Paragraph, RateKey, RegimeLaw, Subject};
use crate::model::answer::{Component, DueAt, Explanation};
use crate::model::facts::Facts;
use crate::model::permit::Permit;
use crate::model::subcase::EuStatus;
use crate::rules::{amount, Charges, LineSpec};
use crate::Error;

/// The visa de régularisation lines of a first-issue quote. `explicit_regime`: the caller
/// chose the regime, so both parts are priced under it.
pub fn charge<'l>(laws: Laws<'l>, law: &'l RegimeLaw, facts: &Facts<'_>, permit: Permit, explicit_regime: bool, charges: &mut Charges) -> Result<(), Error> {
    let regime = law.regime.id.code();
    let visa = match &law.visa {
        Paragraph::In(v) => v,
        Paragraph::Absent(note) => {
            charges.note_opt(note.as_ref());
            return Ok(());
        }
        Paragraph::NotCovered(what) => return Err(Error::NotCovered { field: "irregular_entry", regime, what: Box::new(what.clone()) }),
    };
    let eu = facts.circumstances.eu_status;
    if permit.eu_status_decides() && eu.is_none() {
        return Err(Error::MissingSubCase {
            permit: permit.code(),
            regime,
            field: Cow::Borrowed("eu_status"),
            reason: Box::new(Explanation::new(
                "les citoyens de l'UE, de l'EEE et de Suisse sont exemptés du droit de visa de régularisation, les membres de leur famille ressortissants de pays tiers peuvent y être assujettis",
                "EU/EEA/Swiss citizens are exempt from the visa de régularisation, their third-country family members may be liable",
            )),
            expected: vec![Cow::Borrowed("citizen"), Cow::Borrowed("family_member")],
        });
    }
    if eu == Some(EuStatus::Citizen) || visa.exempt.contains(&permit) {
        charges.note(&texts::VISA_EXEMPT);
        return Ok(());
    }
    let date = facts.date;
    let total = amount(law, RateKey::VisaTotal, date)?;
    let decision_filing = amount(law, RateKey::VisaAtFiling, date)?;
    let mut balance = total - decision_filing;
    let mut filing = decision_filing;
    // The law whose text the part at filing cites.
    let mut filing_law = law;
    if !explicit_regime && visa.filing_part_by_application_date {
        let application = match facts.circumstances.application_date {
            Some(d) => d,
            None => {
                charges.note_opt(visa.application_date_note.as_ref());
                date
            }
        };
        let uncovered = || {
            Error::not_covered(
                "application_date",
                regime,
                format!("la part du droit de visa de régularisation payée au dépôt le {application} : aucune source ne couvre cette date de demande"),
                format!("the part of the visa de régularisation paid at filing on {application}: no source covers that application date"),
            )
        };
        let at_application = if law.regime.covers(application) { law } else { laws.law_for(application, "application_date").map_err(|_| uncovered())? };
        filing = match &at_application.visa {
            Paragraph::In(_) => {
                filing_law = at_application;
                amount(at_application, RateKey::VisaAtFiling, application)?
            }
            // No visa de régularisation yet when the application was filed: nothing was due then.
            Paragraph::Absent(_) => rust_decimal::Decimal::ZERO,
            Paragraph::NotCovered(_) => return Err(uncovered()),
        };
        let mut transitional = false;
        for (from, note) in visa.transitional_notes.iter() {
            if application < *from {
                charges.note(note);
                transitional = true;
            }
        }
        if !transitional && filing != decision_filing {
            charges.note(&texts::VISA_TRANSITIONAL_READING);
        }
        if !transitional {
            balance = (total - filing).max(rust_decimal::Decimal::ZERO);
        }
    }
    let spec = |law: &'l RegimeLaw, date, component, amount, due, explanation| {
        let (seed, row) = match &law.visa {
            Paragraph::In(v) => (v.seed.clone(), v.text.clone()),
            _ => (visa.seed.clone(), visa.text.clone()),
        };
        LineSpec { law, date, component, amount, subject: Subject::VisaRegularisation, seed, row, due, explanation }
    };
    let filed = facts.circumstances.application_date.filter(|_| !std::ptr::eq(filing_law, law)).unwrap_or(date);
    charges.line(spec(filing_law, filed, Component::VisaDeRegularisationFiling, filing, DueAt::AtFiling, texts::VISA_FILING));
    charges.line(spec(law, date, Component::VisaDeRegularisationBalance, balance, DueAt::AtIssue, texts::VISA_BALANCE));
    Ok(())
}
