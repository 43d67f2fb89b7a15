//! The tariff tables, one module per seed, each written in the order and wording of its source
//! so that it reads side by side with the page.

pub(crate) mod lf_2026;
pub(crate) mod table_2011;
pub(crate) mod table_2016;
pub(crate) mod table_2020;

use crate::error::Error;
use crate::permit::Permit;
use crate::regime::RegimeId;
use crate::request::SubCase;
use crate::tariff::{expected_for, Cell, Cond, NoMatch};

/// A row of the 2016 or 2020 table: first title, renewal, duplicate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    /// The row label, as printed.
    pub label: &'static str,
    /// The permits the row prices.
    pub permits: &'static [Permit],
    /// Permits the row prices under a sub-case (one legal concept split over several rows).
    pub also: &'static [(Permit, Cond)],
    pub first_issue: Cell,
    pub renewal: Cell,
    /// The third column (duplicate; in 2016 also renewal without the expired title).
    pub duplicate: Cell,
    /// Where the third column distinguishes a renewal without the expired title.
    pub without_title: Option<Cell>,
    /// Marked (***): a spouse who suffered domestic violence pays nothing.
    pub violence_exemption: bool,
}

impl Row {
    pub(crate) const fn new(label: &'static str, permits: &'static [Permit], first_issue: Cell, renewal: Cell, duplicate: Cell) -> Row {
        Row { label, permits, also: &[], first_issue, renewal, duplicate, without_title: None, violence_exemption: false }
    }

    pub(crate) const fn same(label: &'static str, permits: &'static [Permit], cell: Cell) -> Row {
        Row::new(label, permits, cell, cell, cell)
    }

    pub(crate) const fn also(mut self, also: &'static [(Permit, Cond)]) -> Row {
        self.also = also;
        self
    }

    pub(crate) const fn without_title(mut self, cell: Cell) -> Row {
        self.without_title = Some(cell);
        self
    }

    /// Marks the row (***).
    pub(crate) const fn violence_exemption(mut self) -> Row {
        self.violence_exemption = true;
        self
    }
}

/// Something a table row can be looked up by.
pub(crate) trait Listed {
    fn permits(&self) -> &'static [Permit];
    fn also(&self) -> &'static [(Permit, Cond)];
    fn label(&self) -> &'static str;
}

impl Listed for Row {
    fn permits(&self) -> &'static [Permit] {
        self.permits
    }
    fn also(&self) -> &'static [(Permit, Cond)] {
        self.also
    }
    fn label(&self) -> &'static str {
        self.label
    }
}

/// Finds the row pricing `permit`: a row listing it outright, or else the row whose sub-case
/// condition holds. `Ok(None)`: the permit is not in this table.
pub(crate) fn find_row<'t, R: Listed>(table: &'t [R], permit: Permit, s: &SubCase, regime: RegimeId) -> Result<Option<&'t R>, Error> {
    if let Some(row) = table.iter().find(|r| r.permits().contains(&permit)) {
        return Ok(Some(row));
    }
    let mut field = None;
    for row in table {
        for (p, cond) in row.also() {
            if *p == permit {
                field = Some(cond_field(cond));
                if cond_holds(cond, s, permit, regime)? {
                    return Ok(Some(row));
                }
            }
        }
    }
    match field {
        None => Ok(None),
        // The deciding field was given (a missing one errs in `cond_holds`) but no row takes it.
        Some(field) => Err(Error::invalid_sub_case(
            field,
            given_value(field, s),
            format!("the {} table has no row for {} with this value", regime.code(), permit.code()),
        )),
    }
}

fn given_value(field: &str, s: &SubCase) -> String {
    match field {
        "admission_card" => s.admission_card.map(|v| v.code().to_string()),
        "family_member" => s.family_member.map(|v| v.code().to_string()),
        _ => None,
    }
    .unwrap_or_default()
}

fn cond_field(cond: &Cond) -> &'static str {
    match cond {
        Cond::Member(_) => "family_member",
        Cond::Admission(_) => "admission_card",
        Cond::Card(_) | Cond::CardAndValidity(..) => "card_kind",
        Cond::Validity(_) => "card_validity",
        Cond::OnSite => "reunification_on_site",
        Cond::EnteredViaReunification => "entered_via_family_reunification",
        Cond::NoPreviousCst => "previously_held_cst",
        Cond::Underlying(_) => "underlying_permit",
        Cond::Otherwise => "",
    }
}

fn cond_holds(cond: &Cond, s: &SubCase, permit: Permit, regime: RegimeId) -> Result<bool, Error> {
    // Reuse the cell machinery: a one-option choice resolves iff the condition holds.
    let field = cond_field(cond);
    let options: [(Cond, Cell); 1] = [(*cond, Cell::Exempt)];
    let nm = NoMatch { field, reason: "the table prices this permit on separate rows", expected: expected_for(field) };
    crate::tariff::choose(&options, &nm, s, permit, regime.code()).map(|c| c.is_some())
}

/// The label of the row listing `permit`, outright or under a sub-case.
fn label_in<R: Listed>(table: &[R], permit: Permit) -> Option<&'static str> {
    table.iter().find(|r| r.permits().contains(&permit) || r.also().iter().any(|(p, _)| *p == permit)).map(Listed::label)
}

/// The regimes whose tables list `permit`, for error messages.
pub(crate) fn regimes_listing(permit: Permit) -> Vec<&'static str> {
    let mut out = Vec::new();
    if label_in(table_2011::TABLE, permit).is_some() {
        out.push(RegimeId::Table2011.code());
    }
    if label_in(table_2016::TABLE, permit).is_some() {
        out.push(RegimeId::Table2016.code());
    }
    if label_in(table_2020::TABLE, permit).is_some() {
        out.push(RegimeId::Table2020.code());
        out.push(RegimeId::Lf2026.code());
    }
    out
}

/// The row label, with the article references as printed, for `permit` in `regime`'s table.
pub(crate) fn printed_row(permit: Permit, regime: RegimeId) -> Option<&'static str> {
    match regime {
        RegimeId::Table2011 => label_in(table_2011::TABLE, permit),
        RegimeId::Table2016 => label_in(table_2016::TABLE, permit),
        RegimeId::Table2020 | RegimeId::Lf2026 => label_in(table_2020::TABLE, permit),
    }
}
