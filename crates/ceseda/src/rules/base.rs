//! The table's answer for a permit, before circumstances: the row that lists it, the cell of
//! the procedure's column (a printed cell, or the duplicate derived from the renewal by the
//! surcharge paragraph), resolved by sub-case down to its categories.

use std::borrow::Cow;

use crate::law::types::{Cell, Column, Due, Level, NoMatch, RateKey, RegimeLaw, Row};
use crate::model::answer::Outcome;
use crate::model::facts::Facts;
use crate::model::permit::{Permit, PermitFamily};
use crate::model::procedure::Procedure;
use crate::rules::{accepted, amount, cond_field, holds, is_member, Charges, OPTIONAL};
use crate::Error;

/// The table's answer.
#[derive(Debug, Clone)]
pub struct Base {
    /// `AmountDue` for a cell with an amount (even if exemptions later zero it), `Exempt`,
    /// or a non-amount answer.
    pub outcome: Outcome,
    /// The tax, by category.
    pub tax: Option<Level>,
    /// The surcharge, printed or derived.
    pub surcharge: Option<RateKey>,
    /// Whether the stamp duty is due.
    pub stamp: bool,
    /// The source of the lines.
    pub seed: &'static str,
    /// The row (or paragraph) of the lines.
    pub row: &'static str,
    /// The row that lists the permit.
    pub listing: &'static Row,
    /// Notes and errata of the cell.
    pub charges: Charges,
}

impl Base {
    fn of(outcome: Outcome, listing: &'static Row, seed: &'static str, row: &'static str) -> Base {
        Base { outcome, tax: None, surcharge: None, stamp: false, seed, row, listing, charges: Charges::default() }
    }
}

/// The table's answer for `permit` under `law`.
pub fn resolve(law: &'static RegimeLaw, facts: &Facts<'_>, permit: Permit) -> Result<Base, Error> {
    let row = find_row(law, permit, facts)?.ok_or_else(|| not_in_regime(permit, law))?;
    let seed: &'static str = row.seed.as_deref().unwrap_or(&law.table.seed);

    let mut base = if facts.procedure == Procedure::ChangeOfDetails {
        match &row.change_of_details {
            Some(cell) => read(law, facts, permit, row, cell, seed)?,
            None => change_of_details(law, row, permit, seed)?,
        }
    } else {
        priced(law, facts, permit, row, seed)?
    };
    // A later law re-pricing an earlier table says so on every quote priced from its rows.
    if let Some(note) = &law.table.note {
        if !law.table.amended.iter().any(|r| std::ptr::eq(r, row)) {
            base.charges.note(note);
        }
    }
    Ok(base)
}

/// The cell of a first issue, renewal, duplicate or renewal without the title.
fn priced(law: &'static RegimeLaw, facts: &Facts<'_>, permit: Permit, row: &'static Row, seed: &'static str) -> Result<Base, Error> {
    let procedure = facts.procedure;
    let duplicates = &law.duplicates;

    let derived_duplicate = |printed: &'static Option<Cell>| -> (&'static Cell, bool) {
        match printed {
            Some(cell) => (cell, false),
            None => (&row.renewal, true),
        }
    };
    let (cell, derived) = match procedure {
        Procedure::FirstIssue => (&row.first_issue, false),
        Procedure::Renewal => (&row.renewal, false),
        Procedure::Duplicate => derived_duplicate(&row.duplicate),
        Procedure::RenewalWithoutExpiredTitle => match &row.without_title {
            Some(cell) => (cell, false),
            None if duplicates.without_title_as_duplicate => derived_duplicate(&row.duplicate),
            None => (&row.renewal, false),
        },
        Procedure::ChangeOfDetails => (&row.renewal, false),
    };
    let duplicate_like = matches!(procedure, Procedure::Duplicate | Procedure::RenewalWithoutExpiredTitle);
    let mut notes = Charges::default();
    if duplicate_like {
        notes.note_opt(duplicates.note.as_ref());
    }

    let mut base = read(law, facts, permit, row, cell, seed)?;
    base.charges.extend(notes);
    if duplicate_like {
        if derived {
            derive_surcharge(law, facts, permit, &mut base)?;
        } else if matches!(base.outcome, Outcome::AmountDue) {
            check_cap(law, facts, row, &mut base)?;
        }
        if let Some((_, note)) = duplicates.title_notes.iter().find(|(p, _)| *p == permit) {
            base.charges.note(note);
        }
    }
    if row.reunification_before_2008 && procedure == Procedure::FirstIssue && matches!(base.outcome, Outcome::AmountDue | Outcome::Exempt) {
        if let Some(x) = &law.reunification_exception {
            let s = facts.sub_case;
            let on_site = s.reunification_on_site == Some(true);
            let granted_early = s.reunification_granted_on.is_some_and(|d| d < x.granted_before);
            if granted_early && (on_site || !x.on_site_only) && facts.date <= x.until {
                base.tax = None;
                base.charges.note(&x.note);
            }
        }
    }
    Ok(base)
}

/// Reads a cell (resolving sub-case alternatives) into a [`Base`].
fn read(law: &'static RegimeLaw, facts: &Facts<'_>, permit: Permit, row: &'static Row, cell: &'static Cell, seed: &'static str) -> Result<Base, Error> {
    let regime = law.regime.id.code();
    let plain = resolve_cell(cell, facts, permit, regime)?;
    let label: &'static str = &row.label;
    let stamp_column = row.stamp_column.map(|c| c.due_for(facts.procedure));
    let base = match plain {
        Cell::Due(d) => due(d, Outcome::AmountDue, row, seed, stamp_column),
        Cell::Exempt => {
            let mut b = Base::of(Outcome::Exempt, row, seed, label);
            b.stamp = stamp_column.unwrap_or(false);
            b
        }
        Cell::SansObjet => Base::of(Outcome::SansObjet, row, seed, label),
        Cell::HorsChamp => Base::of(Outcome::HorsChamp, row, seed, label),
        Cell::SameAsReplaced => Base::of(Outcome::SameAsReplacedTitle, row, seed, label),
        Cell::NotCovered(what) => return Err(Error::NotCovered { field: "procedure", regime, what: Box::new(what.clone()) }),
        // `resolve_cell` never returns a choice.
        Cell::Choice(..) => Base::of(Outcome::SansObjet, row, seed, label),
    };
    Ok(base)
}

fn due(d: &'static Due, outcome: Outcome, row: &'static Row, seed: &'static str, stamp_column: Option<bool>) -> Base {
    let mut base = Base::of(outcome, row, seed, &row.label);
    base.tax = d.tax;
    base.surcharge = d.surcharge;
    base.stamp = stamp_column.unwrap_or(d.stamp);
    for n in d.notes.iter() {
        base.charges.note(n);
    }
    if let Some(id) = &d.erratum {
        base.charges.erratum(id);
    }
    base
}

/// The plain cell a cell comes to for these sub-cases.
pub fn resolve_cell<'c>(cell: &'c Cell, facts: &Facts<'_>, permit: Permit, regime: &'static str) -> Result<&'c Cell, Error> {
    match cell {
        Cell::Choice(options, why) => {
            for (cond, option) in options.iter() {
                if holds(cond, facts.sub_case, permit, regime, why)? {
                    return resolve_cell(option, facts, permit, regime);
                }
            }
            Err(no_alternative(facts, permit, regime, why))
        }
        plain => Ok(plain),
    }
}

fn no_alternative(facts: &Facts<'_>, permit: Permit, regime: &'static str, why: &NoMatch) -> Error {
    let s = facts.sub_case;
    let given: Option<String> = match why.field.as_ref() {
        "reunification_on_site" => s.reunification_on_site.map(|b| b.to_string()),
        "entered_via_family_reunification" => s.entered_via_family_reunification.map(|b| b.to_string()),
        "previously_held_cst" => s.previously_held_cst.map(|b| b.to_string()),
        "underlying_permit" => s.underlying_permit.map(|p| p.code().to_string()),
        "admission_card" => s.admission_card.map(|a| a.code().to_string()),
        _ => None,
    };
    let expected = why.expected.iter().map(|e| e.as_ref()).collect::<Vec<_>>().join(", ");
    match given {
        Some(value) => Error::invalid_sub_case(
            why.field.clone(),
            value,
            format!("{} sous {regime} : {} ; valeurs admises : {expected}", permit.code(), why.reason.fr),
            format!("{} under {regime}: {}; accepted: {expected}", permit.code(), why.reason.en),
        ),
        None => Error::MissingSubCase { permit: permit.code(), regime, field: why.field.clone(), reason: Box::new(why.reason.clone()), expected: why.expected.to_vec() },
    }
}

/// The row pricing `permit`: the amended rows first, then the table; a row listing the permit
/// outright, or else the row whose sub-case condition holds. `Ok(None)`: not in this law.
fn find_row(law: &'static RegimeLaw, permit: Permit, facts: &Facts<'_>) -> Result<Option<&'static Row>, Error> {
    let table = &law.table;
    let rows = || table.amended.iter().chain(table.rows.iter());
    if let Some(row) = rows().find(|r| r.permits.contains(&permit)) {
        return Ok(Some(row));
    }
    let regime = law.regime.id.code();
    let mut field = None;
    for row in rows() {
        for (p, cond) in row.also.iter() {
            if *p != permit {
                continue;
            }
            let f = cond_field(cond);
            field = Some(f);
            let why = NoMatch {
                field: Cow::Borrowed(f),
                reason: crate::model::answer::Explanation::new("le tableau tarife ce titre sur des lignes distinctes", "the table prices this permit on separate rows"),
                expected: Cow::Owned(accepted(f)),
            };
            if holds(cond, facts.sub_case, permit, regime, &why)? {
                return Ok(Some(row));
            }
        }
    }
    match field {
        None => Ok(None),
        // The deciding field was given (a missing one errs in `holds`) but no row takes it.
        Some(field) => {
            let s = facts.sub_case;
            let given = match field {
                "admission_card" => s.admission_card.map(|v| v.code().to_string()),
                "family_member" => s.family_member.map(|v| v.code().to_string()),
                _ => None,
            };
            Err(Error::invalid_sub_case(
                field,
                given.unwrap_or_default(),
                format!("le tableau {regime} n'a pas de ligne pour {} avec cette valeur", permit.code()),
                format!("the {regime} table has no row for {} with this value", permit.code()),
            ))
        }
    }
}

/// `permit_not_in_regime`, naming the regimes that list the permit.
pub fn not_in_regime(permit: Permit, law: &RegimeLaw) -> Error {
    Error::PermitNotInRegime {
        value: permit.code().to_string(),
        regime: law.regime.id.code(),
        source_doc: static_source(law),
        available_in: crate::law::regimes_listing(permit),
    }
}

fn static_source(law: &RegimeLaw) -> &'static str {
    law.regime.id.regime().source.as_ref()
}

/// « Changement de la carte de séjour »: the stamp duty alone, except where the paragraph
/// excludes the title.
fn change_of_details(law: &'static RegimeLaw, row: &'static Row, permit: Permit, seed: &'static str) -> Result<Base, Error> {
    let change = &law.change_of_details;
    let text: &'static str = &change.text;
    if let Some(what) = &change.not_covered {
        return Err(Error::NotCovered { field: "procedure", regime: law.regime.id.code(), what: Box::new(what.clone()) });
    }
    if row.first_issue == Cell::HorsChamp && row.renewal == Cell::HorsChamp {
        return Ok(Base::of(Outcome::HorsChamp, row, seed, text));
    }
    if change.excluded.contains(&permit) {
        let mut base = Base::of(Outcome::Exempt, row, seed, text);
        base.charges.note_opt(change.excluded_note.as_ref());
        return Ok(base);
    }
    let mut base = Base::of(Outcome::AmountDue, row, seed, text);
    base.stamp = true;
    Ok(base)
}

/// A duplicate (or renewal without the title) derived from the renewal: the renewal tax plus
/// the surcharge, where the paragraph adds one.
fn derive_surcharge(law: &'static RegimeLaw, facts: &Facts<'_>, permit: Permit, base: &mut Base) -> Result<(), Error> {
    let Some(rule) = &law.duplicates.surcharge else { return Ok(()) };
    let regime = law.regime.id.code();
    match base.outcome {
        Outcome::AmountDue | Outcome::Exempt => {
            if is_member(&rule.excluded, permit, facts.sub_case, regime, &OPTIONAL)? {
                base.charges.note_opt(rule.excluded_note.as_ref());
                return Ok(());
            }
            if base.tax.is_none() && !rule.exempt_titles_pay {
                return Ok(());
            }
            let key = if rule.resident_rate && permit.family() == PermitFamily::CarteDeResident { RateKey::SurchargeResident } else { RateKey::Surcharge };
            if let Some(cap) = &rule.cap {
                let tax = match base.tax {
                    Some(level) => amount(law, RateKey::Tax(Column::Renewal, level), facts.date)?,
                    None => rust_decimal::Decimal::ZERO,
                };
                if tax + amount(law, key, facts.date)? > amount(law, RateKey::SurchargeCap, facts.date)? {
                    base.charges.note(&cap.note);
                    if let Some(id) = &cap.erratum {
                        base.charges.erratum(id);
                    }
                    return Ok(());
                }
            }
            base.surcharge = Some(key);
            base.outcome = Outcome::AmountDue;
        }
        Outcome::SansObjet if rule.surcharge_alone.contains(&permit) => {
            base.charges.note_opt(rule.surcharge_alone_note.as_ref());
            base.outcome = Outcome::AmountDue;
            base.surcharge = Some(RateKey::Surcharge);
            base.stamp = false;
        }
        _ => {}
    }
    Ok(())
}

/// A printed duplicate cell without a surcharge, where the paragraph's cap explains why.
fn check_cap(law: &'static RegimeLaw, facts: &Facts<'_>, row: &'static Row, base: &mut Base) -> Result<(), Error> {
    let Some(rule) = &law.duplicates.surcharge else { return Ok(()) };
    let Some(cap) = &rule.cap else { return Ok(()) };
    let renewal_taxed = matches!(row.renewal, Cell::Due(_) | Cell::Choice(..));
    if let (true, None, Some(level)) = (renewal_taxed, base.surcharge, base.tax) {
        let tax = amount(law, RateKey::Tax(Column::Renewal, level), facts.date)?;
        if !tax.is_zero() && tax + amount(law, RateKey::Surcharge, facts.date)? > amount(law, RateKey::SurchargeCap, facts.date)? {
            base.charges.note(&cap.note);
            if let Some(id) = &cap.erratum {
                base.charges.erratum(id);
            }
        }
    }
    Ok(())
}
