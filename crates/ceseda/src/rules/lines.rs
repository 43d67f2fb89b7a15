//! The lines of the table's answer: the tax by its category, the surcharge and the stamp duty.

use crate::law::texts;
use crate::law::types::{Column, Level, RateKey, RegimeLaw, Subject};
use crate::model::answer::{Component, DueAt};
use crate::model::facts::Facts;
use crate::model::procedure::Procedure;
use crate::rules::base::Base;
use crate::rules::{amount, Charges, LineSpec};
use crate::Error;

/// The tax, surcharge and stamp-duty lines of `base`.
pub fn table_lines(law: &RegimeLaw, facts: &Facts<'_>, base: &Base, charges: &mut Charges) -> Result<(), Error> {
    let date = facts.date;
    let procedure = facts.procedure;
    let spec = |component, amount, subject, explanation| LineSpec {
        law,
        date,
        component,
        amount,
        subject,
        seed: base.seed.clone(),
        row: base.row.clone(),
        due: DueAt::AtIssue,
        explanation,
    };
    if let Some(level) = base.tax {
        let tax = amount(law, RateKey::Tax(base.column, level), date)?;
        let (subject, explanation) = if level == Level::Aps {
            (Subject::ApsTax, texts::TAX_APS)
        } else if base.column == Column::FirstIssue {
            (Subject::IssueTax, texts::TAX_FIRST_ISSUE)
        } else {
            match procedure {
                Procedure::FirstIssue => (Subject::IssueTax, texts::TAX_FIRST_ISSUE),
                Procedure::Duplicate => (Subject::DuplicateTax, texts::TAX_DUPLICATE),
                Procedure::RenewalWithoutExpiredTitle => (Subject::RenewalTax, texts::TAX_WITHOUT_TITLE),
                Procedure::Renewal | Procedure::ChangeOfDetails => (Subject::RenewalTax, texts::TAX_RENEWAL),
            }
        };
        charges.line(spec(Component::Tax, tax, subject, explanation));
    }
    if let Some(key) = base.surcharge {
        let explanation = law.duplicates.surcharge.as_ref().map_or(texts::SURCHARGE_2016, |r| r.line.clone());
        charges.line(spec(Component::DuplicateSurcharge, amount(law, key, date)?, Subject::Surcharge, explanation));
    }
    if base.stamp {
        let explanation = if procedure == Procedure::ChangeOfDetails { texts::STAMP_CHANGE_OF_DETAILS } else { texts::STAMP };
        charges.line(spec(Component::DroitDeTimbre, amount(law, RateKey::Stamp, date)?, Subject::Stamp, explanation));
    }
    Ok(())
}
