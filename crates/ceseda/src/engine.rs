//! `quote()`: selects the law in force, applies the rules in a fixed order, builds the quote.
//!
//! 1. the table's answer for the permit and procedure ([`rules::base`]);
//! 2. a VLS-TS is priced as the title it replaces;
//! 3. the violence exemption, then the defence-agreement exemption ([`rules::exemptions`]);
//! 4. the tax, surcharge and stamp-duty lines ([`rules::lines`]);
//! 5. the visa de régularisation on a first issue ([`rules::visa`]) and the late-renewal
//!    charge on a renewal ([`rules::late`]), neither for an APS (not a titre de séjour).

use rust_decimal::Decimal;

use crate::law::regimes::Laws;
use crate::law::texts;
use crate::law::types::RegimeLaw;
use crate::model::answer::{Component, DueAt, Outcome};
use crate::model::document::Document;
use crate::model::facts::Facts;
use crate::model::money::round;
use crate::model::permit::{Permit, PermitFamily};
use crate::model::procedure::Procedure;
use crate::quote::Quote;
use crate::request::Request;
use crate::rules::{self, Charges};
use crate::Error;

/// Quotes a request: the regime, the outcome, the itemised lines, the total, the errata.
///
/// Never panics; every refusal is a typed [`Error`].
pub fn quote(request: &Request) -> Result<Quote, Error> {
    quote_in(Laws::BUILT_IN, request)
}

/// [`quote`] under `laws` (the built-in law, or a reform's).
pub(crate) fn quote_in(laws: Laws<'_>, request: &Request) -> Result<Quote, Error> {
    let facts = request.facts();
    facts.validate()?;
    let law = match request.regime {
        Some(id) => laws.law(id),
        None => laws.law_for(request.date, "date")?,
    };
    let mut charges = Charges::default();
    let outcome = match request.permit {
        Document::Travel(doc) => rules::travel::price(law, &facts, doc, &mut charges)?,
        Document::Permit(permit) => match price_permit(laws, request, law, &facts, permit, &mut charges)? {
            Priced::Outcome(o) => o,
            Priced::AsReplaced(q) => return Ok(*q),
        },
    };
    Ok(finish(request, law, outcome, charges))
}

enum Priced {
    Outcome(Outcome),
    AsReplaced(Box<Quote>),
}

fn price_permit(laws: Laws<'_>, request: &Request, law: &RegimeLaw, facts: &Facts<'_>, permit: Permit, charges: &mut Charges) -> Result<Priced, Error> {
    let mut base = rules::base::resolve(law, facts, permit)?;
    if base.outcome == Outcome::SameAsReplacedTitle {
        if let Some(replaced) = request.sub_case.underlying_permit {
            let mut inner = request.clone();
            inner.permit = Document::Permit(replaced);
            inner.sub_case.underlying_permit = None;
            let mut q = quote_in(laws, &inner)?;
            q.permit = request.permit;
            q.notes.insert(0, texts::VLS_TS_AS_REPLACED);
            if !base.stamp && q.lines.iter().any(|l| l.component == Component::DroitDeTimbre) {
                // L. 311-16 stamps "une carte de séjour": a visa is not one (seed 002: "Sans objet").
                q.lines.retain(|l| l.component != Component::DroitDeTimbre);
                let sum: Decimal = q.lines.iter().map(|l| l.amount).sum();
                q.total = q.total.map(|_| round(sum));
                q.notes.insert(1, texts::VLS_TS_NO_STAMP);
            }
            return Ok(Priced::AsReplaced(Box::new(q)));
        }
        base.charges.note(&texts::VLS_TS_NEEDS_UNDERLYING);
    }
    if !matches!(base.outcome, Outcome::AmountDue | Outcome::Exempt) {
        charges.extend(base.charges);
        return Ok(Priced::Outcome(base.outcome));
    }
    if rules::exemptions::violence(law, facts, permit, &mut base.charges)? {
        charges.extend(base.charges);
        return Ok(Priced::Outcome(Outcome::Exempt));
    }
    rules::exemptions::defence_agreement(law, facts, &mut base);
    let outcome = base.outcome;
    rules::lines::table_lines(law, facts, &base, charges)?;
    let Charges { notes, errata, confidence, .. } = std::mem::take(&mut base.charges);
    charges.lower_confidence(confidence);
    // The cell's notes come before the lines' rules.
    let later = std::mem::replace(&mut charges.notes, notes);
    for n in &later {
        charges.note(n);
    }
    for e in errata {
        charges.erratum(&e.id);
    }

    // The visa de régularisation precedes "un premier titre de séjour" and the late charge a
    // "demande de renouvellement de titre de séjour": an APS is neither.
    let titre_de_sejour = permit.family() != PermitFamily::AutorisationProvisoire;
    let c = facts.circumstances;
    let asks_visa = facts.procedure == Procedure::FirstIssue && c.irregular_entry;
    let asks_late = facts.procedure.is_renewal() && c.previous_title_expiry.is_some();
    if !titre_de_sejour && (asks_visa || asks_late) {
        charges.note(&texts::APS_NOT_A_TITLE);
    } else {
        if asks_visa {
            rules::visa::charge(laws, law, facts, permit, request.regime.is_some(), charges)?;
        }
        if facts.procedure.is_renewal() {
            rules::late::charge(law, facts, permit, charges)?;
        }
    }
    Ok(Priced::Outcome(outcome))
}

fn finish(request: &Request, law: &RegimeLaw, base: Outcome, charges: Charges) -> Quote {
    let total: Decimal = charges.lines.iter().map(|l| l.amount).sum();
    let outcome = if !total.is_zero() {
        Outcome::AmountDue
    } else if base == Outcome::AmountDue {
        Outcome::Exempt
    } else {
        base
    };
    let has_total = outcome.has_total();
    let at_filing: Decimal = charges.lines.iter().filter(|l| l.due == DueAt::AtFiling).map(|l| l.amount).sum();
    Quote {
        regime: law.regime.id,
        confidence: charges.confidence.map_or(law.regime.confidence, |c| c.weaker(law.regime.confidence)),
        permit: request.permit,
        procedure: request.procedure,
        date: request.date,
        outcome,
        lines: charges.lines,
        total: has_total.then(|| round(total)),
        due_at_filing: has_total.then(|| round(at_filing)),
        errata: charges.errata.into_iter().cloned().collect(),
        notes: charges.notes,
    }
}
