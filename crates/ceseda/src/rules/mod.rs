//! The rules: pure functions of (the facts, the law in force) that return what they add to a
//! quote: lines, notes and errata. They read the law's values and never ask which regime it
//! is; the engine applies them in a fixed order.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::law::errata;
use crate::law::types::{Cond, Member, NoMatch, RateKey, RegimeLaw, Subject, Text};
use crate::model::answer::{Component, DueAt, Erratum, Explanation, Line, Note};
use crate::model::facts::SubCase;
use crate::model::permit::Permit;
use crate::Error;

pub mod base;
pub mod exemptions;
pub mod late;
pub mod lines;
pub mod travel;
pub mod visa;
pub mod window;

/// What rules add to a quote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Charges {
    /// Itemised charges, in the order of the quote.
    pub lines: Vec<Line>,
    /// Rules applied and readings taken (each code once).
    pub notes: Vec<Note>,
    /// Errata that touched the answer (each once).
    pub errata: Vec<&'static Erratum>,
    /// Where a row is rated below its regime (an inference, not a table), its rating.
    pub confidence: Option<crate::model::answer::Confidence>,
}

impl Charges {
    /// Adds a note, once.
    pub fn note(&mut self, note: &Note) {
        if !self.notes.iter().any(|n| n.code == note.code) {
            self.notes.push(note.clone());
        }
    }

    /// Adds a note if there is one.
    pub fn note_opt(&mut self, note: Option<&Note>) {
        if let Some(n) = note {
            self.note(n);
        }
    }

    /// Adds the register entry `id`, once.
    pub fn erratum(&mut self, id: &str) {
        if let Some(e) = errata::erratum(id) {
            if !self.errata.iter().any(|x| x.id == e.id) {
                self.errata.push(e);
            }
        }
    }

    /// Adds a line; a zero amount adds nothing.
    pub(crate) fn line(&mut self, line: LineSpec<'_>) {
        if line.amount.is_zero() {
            return;
        }
        self.lines.push(Line {
            component: line.component,
            amount: line.amount,
            basis: line.law.article_text(line.subject, line.date),
            seed: line.seed,
            seed_row: line.row,
            due: line.due,
            explanation: line.explanation,
        });
    }

    /// Appends another rule's charges.
    pub fn extend(&mut self, other: Charges) {
        self.lines.extend(other.lines);
        for n in &other.notes {
            self.note(n);
        }
        for e in other.errata {
            self.erratum(&e.id);
        }
        self.lower_confidence(other.confidence);
    }

    /// Lowers the answer's rating to `rating`, if given and weaker.
    pub fn lower_confidence(&mut self, rating: Option<crate::model::answer::Confidence>) {
        if let Some(r) = rating {
            self.confidence = Some(self.confidence.map_or(r, |c| c.weaker(r)));
        }
    }
}

/// Everything a line is made of. Its texts are the law's `Cow`s: a built-in text is borrowed
/// for the program, so copying one copies a pointer.
pub(crate) struct LineSpec<'a> {
    pub law: &'a RegimeLaw,
    pub date: NaiveDate,
    pub component: Component,
    pub amount: Decimal,
    pub subject: Subject,
    pub seed: Text,
    pub row: Text,
    pub due: DueAt,
    pub explanation: Explanation,
}


/// The amount of `key` on `date`; a figure the law file forgot is a bug, answered as such.
pub(crate) fn amount(law: &RegimeLaw, key: RateKey, date: NaiveDate) -> Result<Decimal, Error> {
    law.amount(key, date).ok_or_else(|| {
        Error::not_covered(
            "permit",
            law.regime.id.code(),
            format!("le montant {key} n'est pas donné par ce régime"),
            format!("the figure {key} is not given by this regime"),
        )
    })
}

/// Whether `cond` holds for the sub-cases; a required field that is absent is a
/// `missing_sub_case` error that says why (`why`).
pub fn holds(cond: &Cond, s: &SubCase, permit: Permit, regime: &'static str, why: &NoMatch) -> Result<bool, Error> {
    let missing = |field: &'static str| Error::MissingSubCase {
        permit: permit.code(),
        regime,
        field: Cow::Borrowed(field),
        reason: Box::new(why.reason.clone()),
        expected: if why.field == field { why.expected.to_vec() } else { accepted(field) },
    };
    Ok(match cond {
        Cond::FamilyMember(m) => s.family_member.ok_or_else(|| missing("family_member"))? == *m,
        Cond::IfFamilyMember(m) => s.family_member == Some(*m),
        Cond::OnSite => s.reunification_on_site == Some(true),
        Cond::EnteredViaReunification => s.entered_via_family_reunification == Some(true),
        Cond::CardKind(k) => s.card_kind.ok_or_else(|| missing("card_kind"))? == *k,
        Cond::CardValidity(v) => s.card_validity.ok_or_else(|| missing("card_validity"))? == *v,
        Cond::IfCardValidity(v) => s.card_validity == Some(*v),
        Cond::UnlessCardValidity(v) => s.card_validity != Some(*v),
        Cond::CardKindAndValidity(k, v) => s.card_kind.ok_or_else(|| missing("card_kind"))? == *k && s.card_validity.ok_or_else(|| missing("card_validity"))? == *v,
        Cond::AdmissionCard(a) => s.admission_card.ok_or_else(|| missing("admission_card"))? == *a,
        Cond::NoPreviousCst => !s.previously_held_cst.ok_or_else(|| missing("previously_held_cst"))?,
        Cond::Underlying(p) => s.underlying_permit.ok_or_else(|| missing("underlying_permit"))? == *p,
        Cond::IfUnderlying(p) => s.underlying_permit == Some(*p),
        Cond::AllOf(all) => {
            for c in all.iter() {
                if !holds(c, s, permit, regime, why)? {
                    return Ok(false);
                }
            }
            true
        }
        Cond::Otherwise => true,
    })
}

/// The field a condition reads.
pub fn cond_field(cond: &Cond) -> &'static str {
    match cond {
        Cond::FamilyMember(_) | Cond::IfFamilyMember(_) => "family_member",
        Cond::OnSite => "reunification_on_site",
        Cond::EnteredViaReunification => "entered_via_family_reunification",
        Cond::CardKind(_) | Cond::CardKindAndValidity(..) => "card_kind",
        Cond::CardValidity(_) | Cond::IfCardValidity(_) | Cond::UnlessCardValidity(_) => "card_validity",
        Cond::AdmissionCard(_) => "admission_card",
        Cond::NoPreviousCst => "previously_held_cst",
        Cond::Underlying(_) | Cond::IfUnderlying(_) => "underlying_permit",
        Cond::AllOf(all) => all.first().map_or("", cond_field),
        Cond::Otherwise => "",
    }
}

/// The values a sub-case field accepts, for error messages.
pub fn accepted(field: &str) -> Vec<Cow<'static, str>> {
    use crate::model::subcase::{AdmissionCard, CardKind, CardValidity, FamilyMember};
    let codes: &[&'static str] = match field {
        "family_member" => FamilyMember::CODES,
        "card_kind" => CardKind::CODES,
        "card_validity" => CardValidity::CODES,
        "admission_card" => AdmissionCard::CODES,
        "previously_held_cst" | "reunification_on_site" | "entered_via_family_reunification" => &["true", "false"],
        _ => &[],
    };
    codes.iter().map(|c| Cow::Borrowed(*c)).collect()
}

/// Whether `permit` is in `members`, evaluating each member's condition.
pub fn is_member(members: &[Member], permit: Permit, s: &SubCase, regime: &'static str, why: &NoMatch) -> Result<bool, Error> {
    for m in members.iter().filter(|m| m.permit == permit) {
        match &m.when {
            None => return Ok(true),
            Some(cond) => {
                if holds(cond, s, permit, regime, why)? {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// A `NoMatch` for lists whose conditions only read optional fields (never an error).
pub(crate) const OPTIONAL: NoMatch = crate::law::no_match!("", "", "", []);
