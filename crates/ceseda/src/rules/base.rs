//! The law's answer for a permit, before circumstances: the row (or the decree's category)
//! that names it, the cell of the procedure's column (a printed cell, or the duplicate derived
//! from the renewal by the surcharge paragraph), resolved by sub-case down to its categories.

use std::borrow::Cow;

use crate::law::types::{Category, Cell, Column, Cond, Due, Level, NoMatch, RateKey, RegimeLaw, Row, Schedule, Text};
use crate::model::answer::{Explanation, Outcome};
use crate::model::facts::Facts;
use crate::model::permit::{Permit, PermitFamily};
use crate::model::procedure::Procedure;
use crate::rules::{accepted, amount, cond_field, holds, is_member, Charges, OPTIONAL};
use crate::Error;

/// The law's answer.
#[derive(Debug, Clone)]
pub struct Base {
    /// `AmountDue` for a cell with an amount (even if exemptions later zero it), `Exempt`,
    /// or a non-amount answer.
    pub outcome: Outcome,
    /// The tax, by category.
    pub tax: Option<Level>,
    /// Which tax's rates price it (a change of status can be priced as a first issue).
    pub column: Column,
    /// The surcharge, printed or derived.
    pub surcharge: Option<RateKey>,
    /// Whether the stamp duty is due.
    pub stamp: bool,
    /// The source of the lines.
    pub seed: Text,
    /// The row (or paragraph) of the lines.
    pub row: Text,
    /// Notes and errata of the cell.
    pub charges: Charges,
}

impl Base {
    fn of(outcome: Outcome, procedure: Procedure, seed: &Text, row: &Text) -> Base {
        Base { outcome, tax: None, column: Column::of(procedure), surcharge: None, stamp: false, seed: seed.clone(), row: row.clone(), charges: Charges::default() }
    }
}

/// What a cell is read under: where its stamp comes from and where its lines point.
struct Reading<'l> {
    seed: &'l Text,
    label: &'l Text,
    /// `Some(due)`: the stamp follows the row's column or the regime's stamp paragraph, not the cell.
    stamp: Option<bool>,
    column: Column,
}

/// The law's answer for `permit` under `law`.
pub fn resolve(law: &RegimeLaw, facts: &Facts<'_>, permit: Permit) -> Result<Base, Error> {
    if let Some(e) = law.existence.iter().find(|e| e.permit == permit) {
        let before = e.from.is_some_and(|from| facts.date < from);
        let after = e.until.is_some_and(|until| facts.date > until);
        if before || after {
            // Not on this day: the regime is not one to try instead.
            let mut e = not_in_regime(permit, law);
            if let Error::PermitNotInRegime { available_in, .. } = &mut e {
                available_in.retain(|r| *r != law.regime.id.code());
            }
            return Err(e);
        }
    }
    let mut base = match &law.table.schedule {
        Some(schedule) => from_schedule(law, schedule, facts, permit)?,
        None => from_rows(law, facts, permit)?,
    };
    if facts.procedure == Procedure::FirstIssue && matches!(base.outcome, Outcome::AmountDue | Outcome::Exempt) {
        reunification_exception(law, facts, permit, &mut base)?;
    }
    Ok(base)
}

// ------------------------------------------------------------------------------------------
// Printed tables

fn from_rows(law: &RegimeLaw, facts: &Facts<'_>, permit: Permit) -> Result<Base, Error> {
    let row = find_row(law, permit, facts)?.ok_or_else(|| not_in_regime(permit, law))?;
    let seed: &Text = row.seed.as_ref().unwrap_or(&law.table.seed);
    let procedure = facts.procedure;
    let reading = |stamp_procedure: Procedure| Reading { seed, label: &row.label, stamp: row.stamp_column.map(|c| c.due_for(stamp_procedure)), column: Column::of(procedure) };
    let mut base = if procedure == Procedure::ChangeOfDetails {
        match &row.change_of_details {
            Some(cell) => read(law, facts, permit, cell, reading(procedure))?,
            None => change_of_details(law, row.first_issue == Cell::HorsChamp && row.renewal == Cell::HorsChamp, permit, seed)?,
        }
    } else {
        let duplicate_like = matches!(procedure, Procedure::Duplicate | Procedure::RenewalWithoutExpiredTitle);
        let (cell, derived) = match procedure {
            Procedure::FirstIssue => (&row.first_issue, false),
            Procedure::Renewal => (&row.renewal, false),
            Procedure::RenewalWithoutExpiredTitle if row.without_title.is_some() => (row.without_title.as_ref().unwrap_or(&row.renewal), false),
            Procedure::RenewalWithoutExpiredTitle if !law.duplicates.without_title_as_duplicate || law.duplicates.without_title_as_renewal.contains(&permit) => (&row.renewal, false),
            _ => match &row.duplicate {
                Some(cell) => (cell, false),
                None => (&row.renewal, true),
            },
        };
        let mut base = read(law, facts, permit, cell, reading(procedure))?;
        if duplicate_like {
            duplicate_paragraph(law, facts, permit, &mut base, derived, matches!(row.renewal, Cell::Due(_) | Cell::Choice(..)))?;
        }
        base
    };
    // A later law re-pricing an earlier table says so on every quote priced from rows it did
    // not write itself.
    if let Some(note) = &law.table.note {
        if row.seed.as_deref() != Some(law.regime.id.code()) {
            base.charges.note(note);
        }
    }
    base.charges.lower_confidence(row.confidence);
    Ok(base)
}

/// The row pricing `permit`: the amended rows first, then the table; a row listing the permit
/// outright, or else the row whose sub-case condition holds. `Ok(None)`: not in this law.
fn find_row<'l>(law: &'l RegimeLaw, permit: Permit, facts: &Facts<'_>) -> Result<Option<&'l Row>, Error> {
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
            field = Some(cond_field(cond));
            if holds(cond, facts.sub_case, permit, regime, &separate_rows(cond))? {
                return Ok(Some(row));
            }
        }
    }
    match field {
        None => Ok(None),
        // The deciding field was given (a missing one errs in `holds`) but no row takes it.
        Some(field) => Err(no_entry(facts, permit, regime, field)),
    }
}

fn separate_rows(cond: &Cond) -> NoMatch {
    let field = cond_field(cond);
    NoMatch {
        field: Cow::Borrowed(field),
        reason: Explanation::new("le tarif distingue les cas de ce titre", "the tariff prices this permit's cases separately"),
        expected: Cow::Owned(accepted(field)),
    }
}

fn no_entry(facts: &Facts<'_>, permit: Permit, regime: &'static str, field: &'static str) -> Error {
    let s = facts.sub_case;
    let given = match field {
        "admission_card" => s.admission_card.map(|v| v.code().to_string()),
        "family_member" => s.family_member.map(|v| v.code().to_string()),
        "card_validity" => s.card_validity.map(|v| v.code().to_string()),
        "underlying_permit" => s.underlying_permit.map(|v| v.code().to_string()),
        _ => None,
    };
    Error::invalid_sub_case(
        field,
        given.unwrap_or_default(),
        format!("le tarif {regime} ne prévoit pas {} avec cette valeur", permit.code()),
        format!("the {regime} table has no row for {} with this value", permit.code()),
    )
}

// ------------------------------------------------------------------------------------------
// A decree's schedule

/// Whether `schedule` names `permit` in any column (whatever the conditions).
pub fn schedule_lists(schedule: &Schedule, permit: Permit) -> bool {
    schedule.first_issue.iter().chain(schedule.renewal.iter()).any(|c| c.permits.contains(&permit) || c.members.iter().any(|m| m.permit == permit))
}

/// The first category of `categories` naming `permit` whose condition holds.
fn category<'c>(categories: &'c [Category], facts: &Facts<'_>, permit: Permit, regime: &'static str) -> Result<Option<&'c Category>, Error> {
    let mut field = None;
    for c in categories {
        if c.permits.contains(&permit) {
            return Ok(Some(c));
        }
        for m in c.members.iter().filter(|m| m.permit == permit) {
            match &m.when {
                None => return Ok(Some(c)),
                Some(cond) => {
                    field = Some(cond_field(cond));
                    if holds(cond, facts.sub_case, permit, regime, &separate_rows(cond))? {
                        return Ok(Some(c));
                    }
                }
            }
        }
    }
    match field {
        None => Ok(None),
        Some(field) => Err(no_entry(facts, permit, regime, field)),
    }
}

fn stamp_of(law: &RegimeLaw, permit: Permit, procedure: Procedure) -> bool {
    law.stamp.as_ref().is_some_and(|rule| rule.exceptions.iter().find(|(p, _)| *p == permit).is_none_or(|(_, column)| column.due_for(procedure)))
}

fn from_schedule(law: &RegimeLaw, schedule: &Schedule, facts: &Facts<'_>, permit: Permit) -> Result<Base, Error> {
    if !schedule_lists(schedule, permit) {
        return Err(not_in_regime(permit, law));
    }
    let mut base = from_schedule_column(law, schedule, facts, permit)?;
    base.charges.lower_confidence(schedule.readings.contains(&permit).then_some(crate::model::answer::Confidence::Medium));
    Ok(base)
}

fn from_schedule_column<'s>(law: &'s RegimeLaw, schedule: &'s Schedule, facts: &Facts<'_>, permit: Permit) -> Result<Base, Error> {
    let regime = law.regime.id.code();
    let seed: &Text = &law.table.seed;
    let procedure = facts.procedure;
    let missing_column = || {
        Error::not_covered(
            "procedure",
            regime,
            format!("{} de {} : le décret ne le classe pas", procedure.label_fr(), permit.code()),
            format!("the {} of {}: the decree does not place it", procedure.code(), permit.code()),
        )
    };
    let renewal = || category(&schedule.renewal, facts, permit, regime)?.ok_or_else(missing_column);
    let reading = |c: &'s Category, column: Column| Reading { seed, label: &c.label, stamp: Some(stamp_of(law, permit, procedure)), column };
    match procedure {
        Procedure::FirstIssue => {
            let c = category(&schedule.first_issue, facts, permit, regime)?.ok_or_else(missing_column)?;
            read(law, facts, permit, &c.cell, reading(c, Column::FirstIssue))
        }
        Procedure::Renewal => {
            if let Some(rule) = &law.change_of_status {
                let previous = facts.sub_case.previous_permit;
                if previous.is_some_and(|p| p != permit && rule.from.contains(&p)) {
                    let c = category(&schedule.first_issue, facts, permit, regime)?.ok_or_else(missing_column)?;
                    let mut base = read(law, facts, permit, &c.cell, reading(c, Column::FirstIssue))?;
                    base.charges.note(&rule.note);
                    return Ok(base);
                }
            }
            let c = renewal()?;
            read(law, facts, permit, &c.cell, reading(c, Column::Renewal))
        }
        Procedure::ChangeOfDetails => {
            let c = renewal()?;
            if c.cell == Cell::SansObjet {
                return Ok(Base::of(Outcome::SansObjet, procedure, seed, &c.label));
            }
            change_of_details(law, c.cell == Cell::HorsChamp, permit, seed)
        }
        Procedure::Duplicate | Procedure::RenewalWithoutExpiredTitle => {
            if procedure == Procedure::RenewalWithoutExpiredTitle && (!law.duplicates.without_title_as_duplicate || law.duplicates.without_title_as_renewal.contains(&permit)) {
                let c = renewal()?;
                let mut base = read(law, facts, permit, &c.cell, reading(c, Column::Renewal))?;
                duplicate_paragraph(law, facts, permit, &mut base, false, false)?;
                return Ok(base);
            }
            if let Some(c) = category(&schedule.duplicate, facts, permit, regime)? {
                let mut base = read(law, facts, permit, &c.cell, reading(c, Column::Renewal))?;
                duplicate_paragraph(law, facts, permit, &mut base, false, false)?;
                return Ok(base);
            }
            let c = renewal()?;
            let mut base = read(law, facts, permit, &c.cell, reading(c, Column::Renewal))?;
            duplicate_paragraph(law, facts, permit, &mut base, true, matches!(c.cell, Cell::Due(_) | Cell::Choice(..)))?;
            Ok(base)
        }
    }
}

// ------------------------------------------------------------------------------------------
// Cells

/// Reads a cell (resolving sub-case alternatives) into a [`Base`].
fn read(law: &RegimeLaw, facts: &Facts<'_>, permit: Permit, cell: &Cell, at: Reading<'_>) -> Result<Base, Error> {
    let regime = law.regime.id.code();
    let procedure = facts.procedure;
    let plain = resolve_cell(cell, facts, permit, regime)?;
    let mut base = match plain {
        Cell::Due(d) => due(d, procedure, &at),
        Cell::Exempt => {
            let mut b = Base::of(Outcome::Exempt, procedure, at.seed, at.label);
            b.stamp = at.stamp.unwrap_or(false);
            b
        }
        Cell::SansObjet => Base::of(Outcome::SansObjet, procedure, at.seed, at.label),
        Cell::HorsChamp => Base::of(Outcome::HorsChamp, procedure, at.seed, at.label),
        Cell::SameAsReplaced => {
            // The 2016 and 2020 tables' "même montant" is the replaced title's printed amount,
            // stamp included; the 2011 table and the decrees put the visa outside the stamp.
            let mut b = Base::of(Outcome::SameAsReplacedTitle, procedure, at.seed, at.label);
            b.stamp = at.stamp.unwrap_or(true);
            b
        }
        Cell::NotCovered(what) => return Err(Error::NotCovered { field: "procedure", regime, what: Box::new(what.clone()) }),
        // `resolve_cell` never returns a choice.
        Cell::Choice(..) => Base::of(Outcome::SansObjet, procedure, at.seed, at.label),
    };
    base.column = at.column;
    Ok(base)
}

fn due(d: &Due, procedure: Procedure, at: &Reading<'_>) -> Base {
    let mut base = Base::of(Outcome::AmountDue, procedure, at.seed, at.label);
    base.tax = d.tax;
    base.surcharge = d.surcharge;
    base.stamp = at.stamp.unwrap_or(d.stamp);
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
        "card_validity" => s.card_validity.map(|v| v.code().to_string()),
        "card_kind" => s.card_kind.map(|k| k.code().to_string()),
        "family_member" => s.family_member.map(|m| m.code().to_string()),
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

/// `permit_not_in_regime`, naming the regimes that list the permit.
pub fn not_in_regime(permit: Permit, law: &RegimeLaw) -> Error {
    Error::PermitNotInRegime {
        value: permit.code().to_string(),
        regime: law.regime.id.code(),
        source_doc: law.regime.id.regime().source.as_ref(),
        available_in: crate::law::regimes_listing(permit),
    }
}

// ------------------------------------------------------------------------------------------
// The paragraphs

/// « Changement de la carte de séjour »: the stamp duty alone, except where the paragraph
/// excludes the title.
fn change_of_details(law: &RegimeLaw, hors_champ: bool, permit: Permit, seed: &Text) -> Result<Base, Error> {
    let change = &law.change_of_details;
    let text: &Text = &change.text;
    let procedure = Procedure::ChangeOfDetails;
    if let Some(what) = &change.not_covered {
        return Err(Error::NotCovered { field: "procedure", regime: law.regime.id.code(), what: Box::new(what.clone()) });
    }
    if hors_champ {
        return Ok(Base::of(Outcome::HorsChamp, procedure, seed, text));
    }
    if let Some(note) = &change.no_charge {
        let mut base = Base::of(Outcome::Exempt, procedure, seed, text);
        base.charges.note(note);
        return Ok(base);
    }
    if change.excluded.contains(&permit) {
        let mut base = Base::of(Outcome::Exempt, procedure, seed, text);
        base.charges.note_opt(change.excluded_note.as_ref());
        return Ok(base);
    }
    let mut base = Base::of(Outcome::AmountDue, procedure, seed, text);
    base.stamp = true;
    Ok(base)
}

/// Duplicates and renewals without the title: the paragraph's note, its title notes, and the
/// surcharge, derived from the renewal (`derived`) or explained where the table prints the
/// cell (`renewal_taxed`: whether the renewal cell carries a tax, for the cap).
fn duplicate_paragraph(law: &RegimeLaw, facts: &Facts<'_>, permit: Permit, base: &mut Base, derived: bool, renewal_taxed: bool) -> Result<(), Error> {
    let duplicates = &law.duplicates;
    base.charges.note_opt(duplicates.note.as_ref());
    if let Some((_, note)) = duplicates.title_notes.iter().find(|(p, _)| *p == permit) {
        base.charges.note(note);
    }
    if derived {
        derive_surcharge(law, facts, permit, base)
    } else if base.outcome == Outcome::AmountDue && renewal_taxed {
        check_cap(law, facts, base)
    } else {
        Ok(())
    }
}

/// A duplicate (or renewal without the title) derived from the renewal: the renewal tax plus
/// the surcharge, where the paragraph adds one.
fn derive_surcharge(law: &RegimeLaw, facts: &Facts<'_>, permit: Permit, base: &mut Base) -> Result<(), Error> {
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
fn check_cap(law: &RegimeLaw, facts: &Facts<'_>, base: &mut Base) -> Result<(), Error> {
    let Some(rule) = &law.duplicates.surcharge else { return Ok(()) };
    let Some(cap) = &rule.cap else { return Ok(()) };
    if let (None, Some(level)) = (base.surcharge, base.tax) {
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

/// The reunification-before-28-December-2008 exception: no first-issue tax.
fn reunification_exception(law: &RegimeLaw, facts: &Facts<'_>, permit: Permit, base: &mut Base) -> Result<(), Error> {
    let Some(x) = &law.reunification_exception else { return Ok(()) };
    let granted_early = facts.sub_case.reunification_granted_on.is_some_and(|d| d < x.granted_before);
    if !(granted_early && facts.date <= x.until) {
        return Ok(());
    }
    let regime = law.regime.id.code();
    if is_member(&x.members, permit, facts.sub_case, regime, &OPTIONAL)? {
        base.tax = None;
        base.charges.note(&x.note);
    } else if let Some((decree, note)) = &x.otherwise_in_decree {
        if is_member(decree, permit, facts.sub_case, regime, &OPTIONAL)? {
            base.charges.note(note);
        }
    }
    Ok(())
}
