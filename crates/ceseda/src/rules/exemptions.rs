//! Exemptions that depend on the person, not the row: the (***) / L. 311-18 exemption of
//! victims of domestic violence, and the defence-cooperation agreements of 2020.

use crate::law::types::RegimeLaw;
use crate::model::facts::Facts;
use crate::model::permit::Permit;
use crate::rules::base::Base;
use crate::rules::{is_member, Charges};
use crate::Error;

/// Whether the violence exemption takes the whole quote (tax, stamp and visa de
/// régularisation); if so, its note is added to `charges`.
pub fn violence(law: &RegimeLaw, facts: &Facts<'_>, permit: Permit, charges: &mut Charges) -> Result<bool, Error> {
    let Some(v) = &law.violence else { return Ok(false) };
    if !v.procedures.contains(&facts.procedure) {
        return Ok(false);
    }
    let by_title = v.titles.contains(&permit);
    if by_title || (facts.circumstances.violence_victim && is_member(&v.members, permit, facts.sub_case, law.regime.id.code(), &v.no_match)?) {
        charges.note(&v.note);
        return Ok(true);
    }
    Ok(false)
}

/// Under a defence-cooperation agreement, the tax is not due where the law says so (2020 on);
/// elsewhere the quote says the period has no such exemption.
pub fn defence_agreement(law: &RegimeLaw, facts: &Facts<'_>, base: &mut Base) {
    if !facts.circumstances.defence_cooperation_agreement {
        return;
    }
    match &law.defence_agreement {
        Some(note) => {
            if base.tax.is_some() {
                base.tax = None;
                base.charges.note(note);
            }
        }
        None => base.charges.note(&law.defence_agreement_absent),
    }
}
