//! The vocabulary the tables are written in: a cell as printed, with its components, and the
//! sub-case conditions that choose between alternatives inside a cell.

use rust_decimal::Decimal;

use crate::error::Error;
use crate::permit::Permit;
use crate::request::SubCase;
use crate::subcase::{AdmissionCard, CardKind, CardValidity, FamilyMember};

/// Whole euros as a two-decimal [`Decimal`], usable in `const` tables.
pub(crate) const fn eur(euros: u32) -> Decimal {
    Decimal::from_parts(euros * 100, 0, 0, false, 2)
}

/// The components of a priced cell, as printed: "155 (120+16+19)" is tax 120, surcharge 16, stamp 19.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parts {
    /// Taxe (OFII tax in 2011, tax on issue and renewal later).
    pub tax: Decimal,
    /// Majoration for a duplicate or a renewal without the expired title.
    pub surcharge: Decimal,
    /// Droit de timbre.
    pub stamp: Decimal,
}

impl Parts {
    pub(crate) const ZERO: Parts = Parts { tax: eur(0), surcharge: eur(0), stamp: eur(0) };

    pub(crate) const fn new(tax: u32, surcharge: u32, stamp: u32) -> Parts {
        Parts { tax: eur(tax), surcharge: eur(surcharge), stamp: eur(stamp) }
    }

    pub(crate) fn sum(&self) -> Decimal {
        self.tax + self.surcharge + self.stamp
    }
}

/// One cell of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cell {
    /// An amount. `printed_total` is the figure printed before the parenthesis; when it
    /// disagrees with the parts, or the parts with the rules, `erratum` names the register entry.
    Due { printed: &'static str, printed_total: Decimal, parts: Parts, erratum: Option<&'static str> },
    /// Exempté: nothing due.
    Exempt,
    /// Sans objet: the procedure does not exist for this title.
    SansObjet,
    /// Hors champ: outside the scope of these taxes.
    HorsChamp,
    /// Même montant que le titre de séjour remplacé (VLS-TS).
    SameAsReplaced,
    /// Alternatives chosen by sub-case: the first whose condition holds.
    Choice(&'static [(Cond, Cell)], NoMatch),
}

/// What to say when no alternative of a [`Cell::Choice`] applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NoMatch {
    /// The request field that decides.
    pub field: &'static str,
    /// What the table distinguishes.
    pub reason: &'static str,
    /// Accepted values.
    pub expected: &'static [&'static str],
}

/// A sub-case condition inside a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cond {
    /// `family_member` is this one (required).
    Member(FamilyMember),
    /// Reunification granted on site (absent means no).
    OnSite,
    /// Entered through family reunification (absent means no).
    EnteredViaReunification,
    /// `card_kind` is this one (required).
    Card(CardKind),
    /// `card_validity` is this one (required).
    Validity(CardValidity),
    /// `card_kind` and, for that kind, `card_validity` (required).
    CardAndValidity(CardKind, CardValidity),
    /// `admission_card` is this one (required).
    Admission(AdmissionCard),
    /// `previously_held_cst` is false (required).
    NoPreviousCst,
    /// `underlying_permit` is this one (required).
    Underlying(Permit),
    /// Always holds: the last alternative of a cell ("otherwise").
    Otherwise,
}

fn required<T: Copy>(value: Option<T>, field: &'static str, permit: Permit, regime: &'static str, no_match: &NoMatch) -> Result<T, Error> {
    value.ok_or_else(|| Error::MissingSubCase {
        permit: permit.code(),
        regime,
        field,
        reason: no_match.reason,
        expected: if no_match.field == field { no_match.expected.to_vec() } else { expected_for(field).to_vec() },
    })
}

/// Accepted values of a sub-case field, for error messages.
pub(crate) fn expected_for(field: &str) -> &'static [&'static str] {
    match field {
        "family_member" => &["spouse", "child"],
        "card_kind" => &["cst", "csp"],
        "card_validity" => &["one_year", "more_than_one_year"],
        "admission_card" => &["vpf", "salarie", "travailleur_temporaire"],
        "previously_held_cst" | "reunification_on_site" | "entered_via_family_reunification" => &["true", "false"],
        _ => &[],
    }
}

impl Cond {
    fn holds(&self, s: &SubCase, permit: Permit, regime: &'static str, nm: &NoMatch) -> Result<bool, Error> {
        Ok(match *self {
            Cond::Member(m) => required(s.family_member, "family_member", permit, regime, nm)? == m,
            Cond::OnSite => s.reunification_on_site == Some(true),
            Cond::EnteredViaReunification => s.entered_via_family_reunification == Some(true),
            Cond::Card(k) => required(s.card_kind, "card_kind", permit, regime, nm)? == k,
            Cond::Validity(v) => required(s.card_validity, "card_validity", permit, regime, nm)? == v,
            Cond::CardAndValidity(k, v) => {
                required(s.card_kind, "card_kind", permit, regime, nm)? == k
                    && required(s.card_validity, "card_validity", permit, regime, nm)? == v
            }
            Cond::Admission(a) => required(s.admission_card, "admission_card", permit, regime, nm)? == a,
            Cond::NoPreviousCst => !required(s.previously_held_cst, "previously_held_cst", permit, regime, nm)?,
            Cond::Underlying(p) => required(s.underlying_permit, "underlying_permit", permit, regime, nm)? == p,
            Cond::Otherwise => true,
        })
    }
}

impl Cell {
    /// Resolves alternatives against the request's sub-cases, down to a plain cell.
    pub(crate) fn resolve(&self, s: &SubCase, permit: Permit, regime: &'static str) -> Result<Cell, Error> {
        match self {
            Cell::Choice(options, no_match) => match choose(options, no_match, s, permit, regime)? {
                Some(cell) => cell.resolve(s, permit, regime),
                None => Err(no_alternative(s, permit, regime, no_match)),
            },
            plain => Ok(*plain),
        }
    }

    /// Every plain cell reachable from this one (for exhaustive table tests).
    #[cfg(test)]
    pub(crate) fn leaves(&self) -> Vec<Cell> {
        match self {
            Cell::Choice(options, _) => options.iter().flat_map(|(_, c)| c.leaves()).collect(),
            plain => vec![*plain],
        }
    }
}

/// The first alternative whose condition holds; `Ok(None)` when none does.
pub(crate) fn choose<'c>(options: &'c [(Cond, Cell)], nm: &NoMatch, s: &SubCase, permit: Permit, regime: &'static str) -> Result<Option<&'c Cell>, Error> {
    for (cond, cell) in options {
        if cond.holds(s, permit, regime, nm)? {
            return Ok(Some(cell));
        }
    }
    Ok(None)
}

fn no_alternative(s: &SubCase, permit: Permit, regime: &'static str, nm: &NoMatch) -> Error {
    let given: Option<String> = match nm.field {
        "reunification_on_site" => s.reunification_on_site.map(|b| b.to_string()),
        "entered_via_family_reunification" => s.entered_via_family_reunification.map(|b| b.to_string()),
        "previously_held_cst" => s.previously_held_cst.map(|b| b.to_string()),
        "underlying_permit" => s.underlying_permit.map(|p| p.code().to_string()),
        "admission_card" => s.admission_card.map(|a| a.code().to_string()),
        _ => None,
    };
    match given {
        Some(value) => Error::invalid_sub_case(
            nm.field,
            value,
            format!("{} under {regime}: {}; accepted: {}", permit.code(), nm.reason, nm.expected.join(", ")),
        ),
        None => Error::MissingSubCase { permit: permit.code(), regime, field: nm.field, reason: nm.reason, expected: nm.expected.to_vec() },
    }
}

/// `cell!(269 (250+19))`, `cell!(155 (120+16+19))`, `cell!(19)`: a cell written as the seed prints it.
/// The lone-figure form is the stamp duty alone (tax exempt).
macro_rules! cell {
    ($total:literal ($tax:literal + $stamp:literal)) => {
        $crate::tariff::Cell::Due {
            printed: concat!(stringify!($total), " (", stringify!($tax), "+", stringify!($stamp), ")"),
            printed_total: $crate::tariff::eur($total),
            parts: $crate::tariff::Parts::new($tax, 0, $stamp),
            erratum: None,
        }
    };
    ($total:literal ($tax:literal + $surcharge:literal + $stamp:literal)) => {
        $crate::tariff::Cell::Due {
            printed: concat!(stringify!($total), " (", stringify!($tax), "+", stringify!($surcharge), "+", stringify!($stamp), ")"),
            printed_total: $crate::tariff::eur($total),
            parts: $crate::tariff::Parts::new($tax, $surcharge, $stamp),
            erratum: None,
        }
    };
    ($total:literal ($($parts:tt)*), erratum = $id:literal) => {
        match cell!($total ($($parts)*)) {
            $crate::tariff::Cell::Due { printed, printed_total, parts, .. } => {
                $crate::tariff::Cell::Due { printed, printed_total, parts, erratum: Some($id) }
            }
            other => other,
        }
    };
    ($stamp:literal) => {
        $crate::tariff::Cell::Due {
            printed: stringify!($stamp),
            printed_total: $crate::tariff::eur($stamp),
            parts: $crate::tariff::Parts::new(0, 0, $stamp),
            erratum: None,
        }
    };
}

/// A tax-only amount (the 2011 table prints the tax and the stamp in separate columns).
macro_rules! tax {
    ($tax:literal) => {
        $crate::tariff::Cell::Due {
            printed: stringify!($tax),
            printed_total: $crate::tariff::eur($tax),
            parts: $crate::tariff::Parts::new($tax, 0, 0),
            erratum: None,
        }
    };
}

pub(crate) use {cell, tax};
