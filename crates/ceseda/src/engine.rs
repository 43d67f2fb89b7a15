//! `quote()`: looks the request up in the regime's table, then applies the circumstances
//! (visa de régularisation, late renewal, exemptions) that the sources spell out under it.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::basis::{article, Subject};
use crate::document::Document;
use crate::errata::{self, Erratum};
use crate::error::Error;
use crate::permit::Permit;
use crate::procedure::Procedure;
use crate::quote::{Component, DueAt, Explanation, Line, Note, Outcome, Quote};
use crate::regime::{Regime, RegimeId};
use crate::request::Request;
use crate::subcase::{EuStatus, FamilyMember};
use crate::tables::{self, find_row, lf_2026, table_2011, table_2016, table_2020, Row};
use crate::tariff::{Cell, Parts};
use crate::{late_renewal, notes, travel, visa};

/// Quotes a request: the regime, the outcome, the itemised lines, the total, the errata.
///
/// Never panics; every refusal is a typed [`Error`].
pub fn quote(request: &Request) -> Result<Quote, Error> {
    validate(request)?;
    let regime = match request.regime {
        Some(id) => id,
        None => Regime::for_date(request.date, "date")?.id,
    };
    let mut b = Builder::new(request, regime);
    match request.permit {
        Document::Travel(doc) => travel::price(&mut b, doc)?,
        Document::Permit(permit) => {
            if let Some(replaced) = price_permit(&mut b, permit)? {
                return Ok(replaced);
            }
        }
    }
    Ok(b.finish())
}

/// Cross-field checks: sub-cases and circumstances that contradict each other.
fn validate(r: &Request) -> Result<(), Error> {
    let s = &r.sub_case;
    let c = &r.circumstances;
    if s.reunification_on_site == Some(true) && s.entered_via_family_reunification == Some(true) {
        return Err(Error::invalid_sub_case(
            "entered_via_family_reunification",
            true,
            "contradicts reunification_on_site = true: a child either entered through family reunification or was admitted to it on site",
        ));
    }
    if let Some(app) = c.application_date {
        if app > r.date {
            return Err(Error::invalid_sub_case("application_date", app, format!("is after the decision date {}; an application precedes its decision", r.date)));
        }
    }
    if let Document::Permit(p) = r.permit {
        if c.eu_status == Some(EuStatus::Citizen) && !matches!(p, Permit::CarteUe | Permit::CrAndorran) {
            return Err(Error::invalid_sub_case(
                "eu_status",
                "citizen",
                format!("an EU, EEA, Swiss or Andorran citizen holds a carte UE (or the Andorran resident card), not {}; use eu_status = family_member for a third-country family member", p.code()),
            ));
        }
        if c.algerian_national == Some(false) && p.is_algerian_certificate() {
            return Err(Error::invalid_sub_case("algerian_national", false, format!("{} is a certificat de résidence algérien, issued to Algerian nationals only", p.code())));
        }
        if let Some(u) = s.underlying_permit {
            if u == p || u == Permit::VlsTs || u == Permit::ResidentLongueDureeAutreEtat {
                return Err(Error::invalid_sub_case("underlying_permit", u, format!("cannot be the title replaced or issued for {}", p.code())));
            }
        }
    }
    Ok(())
}

/// Accumulates the lines, errata and notes of a quote.
pub(crate) struct Builder<'r> {
    pub(crate) req: &'r Request,
    pub(crate) regime: RegimeId,
    /// The table's answer before circumstances: what an empty quote means.
    pub(crate) base: Outcome,
    lines: Vec<Line>,
    errata: Vec<Erratum>,
    notes: Vec<Note>,
}

impl<'r> Builder<'r> {
    fn new(req: &'r Request, regime: RegimeId) -> Self {
        Builder { req, regime, base: Outcome::Exempt, lines: Vec::with_capacity(4), errata: Vec::new(), notes: Vec::new() }
    }

    /// The decision date.
    pub(crate) fn date(&self) -> NaiveDate {
        self.req.date
    }

    /// Adds a line; a zero amount adds nothing.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn line(&mut self, component: Component, amount: Decimal, subject: Subject, seed: &'static str, seed_row: &'static str, due: DueAt, explanation: Explanation) {
        if amount.is_zero() {
            return;
        }
        self.lines.push(Line {
            component,
            amount,
            basis: Cow::Borrowed(article(subject, self.regime, self.req.date)),
            seed: Cow::Borrowed(seed),
            seed_row: Cow::Borrowed(seed_row),
            due,
            explanation,
        });
    }

    pub(crate) fn erratum(&mut self, id: &str) {
        if let Some(e) = errata::erratum(id) {
            if !self.errata.iter().any(|x| x.id == e.id) {
                self.errata.push(e.clone());
            }
        }
    }

    pub(crate) fn note(&mut self, note: Note) {
        if !self.notes.iter().any(|n| n.code == note.code) {
            self.notes.push(note);
        }
    }

    fn finish(self) -> Quote {
        let total: Decimal = self.lines.iter().map(|l| l.amount).sum();
        let outcome = if !total.is_zero() {
            Outcome::AmountDue
        } else if self.base == Outcome::AmountDue {
            Outcome::Exempt
        } else {
            self.base
        };
        let regime = self.regime.regime();
        Quote {
            regime: self.regime,
            confidence: regime.confidence,
            permit: self.req.permit,
            procedure: self.req.procedure,
            date: self.req.date,
            outcome,
            lines: self.lines,
            total: money(total),
            errata: self.errata,
            notes: self.notes,
        }
    }
}

fn money(d: Decimal) -> Decimal {
    let mut d = d;
    d.rescale(2);
    d
}

/// The table's answer for a permit, before circumstances.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Base {
    pub kind: Outcome,
    pub parts: Parts,
    pub seed: &'static str,
    pub row: &'static str,
    /// The row is marked (***).
    pub violence_row: bool,
    /// The tax is charged under the APS tax of 2026.
    pub aps_tax: bool,
}

impl Base {
    fn of(kind: Outcome, seed: &'static str, row: &'static str) -> Base {
        Base { kind, parts: Parts::ZERO, seed, row, violence_row: false, aps_tax: false }
    }
}

/// Prices a residence permit into `b`. Returns a whole quote where the permit is priced as
/// another one (a VLS-TS priced as the title it replaces).
fn price_permit(b: &mut Builder, permit: Permit) -> Result<Option<Quote>, Error> {
    let req = b.req;
    let procedure = req.procedure;
    let base = match b.regime {
        RegimeId::Table2011 => base_2011(b, permit)?,
        RegimeId::Table2016 => base_table(b, RegimeId::Table2016, permit)?,
        RegimeId::Table2020 => base_table(b, RegimeId::Table2020, permit)?,
        RegimeId::Lf2026 => base_lf_2026(b, permit)?,
    };
    b.base = base.kind;
    if procedure == Procedure::FirstIssue && base.kind == Outcome::AmountDue && bilateral_first_issue(b.regime, permit, &req.sub_case) {
        b.note(notes::BILATERAL_AGREEMENT);
    }

    if base.kind == Outcome::SameAsReplacedTitle {
        if let Some(replaced) = req.sub_case.underlying_permit {
            let mut inner = req.clone();
            inner.permit = Document::Permit(replaced);
            // Same regime: the date selects it again, or the explicit id is kept.
            inner.regime = req.regime;
            inner.sub_case.underlying_permit = None;
            let mut q = quote(&inner)?;
            q.permit = req.permit;
            q.notes.insert(0, notes::VLS_TS_AS_REPLACED);
            return Ok(Some(q));
        }
        b.note(notes::VLS_TS_NEEDS_UNDERLYING);
        return Ok(None);
    }
    if !matches!(base.kind, Outcome::AmountDue | Outcome::Exempt) {
        return Ok(None);
    }

    // (***): a spouse who suffered domestic violence pays no tax, stamp or visa de régularisation.
    // The reunification row covers spouses and children, so it must know which.
    let spouse = if permit == Permit::VpfRegroupementFamilial {
        if req.circumstances.violence_victim && base.violence_row && req.sub_case.family_member.is_none() {
            return Err(Error::MissingSubCase {
                permit: permit.code(),
                regime: b.regime.code(),
                field: "family_member",
                reason: "(***) exempts the spouse who suffered domestic violence, not the child",
                expected: vec!["spouse", "child"],
            });
        }
        req.sub_case.family_member == Some(FamilyMember::Spouse)
    } else {
        true
    };
    if req.circumstances.violence_victim && base.violence_row && spouse {
        b.note(notes::VIOLENCE_EXEMPTION);
        b.base = Outcome::Exempt;
        return Ok(None);
    }

    let mut parts = base.parts;
    if req.circumstances.defence_cooperation_agreement {
        if matches!(b.regime, RegimeId::Table2020 | RegimeId::Lf2026) {
            if !parts.tax.is_zero() {
                parts.tax = Decimal::ZERO;
                b.note(notes::DEFENCE_AGREEMENT);
            }
        } else {
            b.note(notes::DEFENCE_AGREEMENT_BEFORE_2020);
        }
    }

    let (tax_subject, tax_text) = if base.aps_tax {
        (Subject::ApsTax, notes::TAX_APS)
    } else {
        match procedure {
            Procedure::FirstIssue => (Subject::IssueTax, notes::TAX_FIRST_ISSUE),
            Procedure::Renewal => (Subject::IssueTax, notes::TAX_RENEWAL),
            Procedure::Duplicate => (Subject::DuplicateTax, notes::TAX_DUPLICATE),
            Procedure::RenewalWithoutExpiredTitle => (Subject::IssueTax, notes::TAX_WITHOUT_TITLE),
            Procedure::ChangeOfDetails => (Subject::IssueTax, notes::TAX_RENEWAL),
        }
    };
    b.line(Component::Tax, parts.tax, tax_subject, base.seed, base.row, DueAt::AtIssue, tax_text);
    let surcharge_text = if b.regime == RegimeId::Table2011 { notes::SURCHARGE_2011 } else { notes::SURCHARGE_2016 };
    b.line(Component::DuplicateSurcharge, parts.surcharge, Subject::Surcharge, base.seed, base.row, DueAt::AtIssue, surcharge_text);
    let stamp_text = if procedure == Procedure::ChangeOfDetails { notes::STAMP_CHANGE_OF_DETAILS } else { notes::STAMP };
    b.line(Component::DroitDeTimbre, parts.stamp, Subject::Stamp, base.seed, base.row, DueAt::AtIssue, stamp_text);

    // The visa de régularisation precedes "un premier titre de séjour" and the late charge a
    // "demande de renouvellement de titre de séjour": an APS is neither.
    let titre_de_sejour = permit.family() != crate::permit::PermitFamily::AutorisationProvisoire;
    let asks_visa = procedure == Procedure::FirstIssue && req.circumstances.irregular_entry;
    let asks_late = matches!(procedure, Procedure::Renewal | Procedure::RenewalWithoutExpiredTitle) && req.circumstances.previous_title_expiry.is_some();
    if !titre_de_sejour && (asks_visa || asks_late) {
        b.note(notes::APS_NOT_A_TITLE);
    } else {
        if asks_visa {
            visa::charge(b, permit)?;
        }
        if matches!(procedure, Procedure::Renewal | Procedure::RenewalWithoutExpiredTitle) {
            late_renewal::charge(b, permit)?;
        }
    }
    Ok(None)
}

/// Cells marked (*): a first resident card only for those under certain bilateral agreements.
fn bilateral_first_issue(regime: RegimeId, permit: Permit, s: &crate::request::SubCase) -> bool {
    match regime {
        RegimeId::Table2011 => matches!(permit, Permit::CrParentEnfantFrancais) || (permit == Permit::CrRegroupementFamilial && s.family_member == Some(FamilyMember::Spouse)),
        RegimeId::Table2016 => {
            matches!(permit, Permit::CrParentEnfantFrancais | Permit::CrEnfantAscendantDeFrancais)
                || (permit == Permit::CrRegroupementFamilial && s.family_member == Some(FamilyMember::Child) && s.reunification_on_site == Some(true))
        }
        RegimeId::Table2020 | RegimeId::Lf2026 => false,
    }
}

pub(crate) fn not_in_regime(permit: Permit, regime: RegimeId) -> Error {
    Error::PermitNotInRegime {
        value: permit.code().to_string(),
        regime: regime.code(),
        source_doc: regime.regime().source,
        available_in: tables::regimes_listing(permit),
    }
}

/// Reads a plain cell into a [`Base`], going through the errata register for misprints.
fn read_cell(b: &mut Builder, cell: Cell, seed: &'static str, row: &'static str) -> Base {
    match cell {
        Cell::Due { parts, erratum, .. } => {
            let parts = match erratum {
                Some(id) => {
                    b.erratum(id);
                    errata::reading_parts(id).unwrap_or(parts)
                }
                None => parts,
            };
            Base { kind: Outcome::AmountDue, parts, seed, row, violence_row: false, aps_tax: false }
        }
        Cell::Exempt => Base::of(Outcome::Exempt, seed, row),
        Cell::SansObjet => Base::of(Outcome::SansObjet, seed, row),
        Cell::HorsChamp => Base::of(Outcome::HorsChamp, seed, row),
        Cell::SameAsReplaced => Base::of(Outcome::SameAsReplacedTitle, seed, row),
        // `resolve` never returns a choice; treat one as "not priced" rather than panic.
        Cell::Choice(..) => Base::of(Outcome::SansObjet, seed, row),
    }
}

/// Seeds 003 and 004: three columns, cells with their components. `table` is the regime
/// whose table is read (`lf_2026` reads the 2020 table).
fn base_table(b: &mut Builder, table: RegimeId, permit: Permit) -> Result<Base, Error> {
    let regime = b.regime;
    let (rows, seed, is_2016) = match table {
        RegimeId::Table2016 => (table_2016::TABLE, "003", true),
        _ => (table_2020::TABLE, "004", false),
    };
    let req = b.req;
    let row = find_row(rows, permit, &req.sub_case, regime)?.ok_or_else(|| not_in_regime(permit, regime))?;
    let cell = match req.procedure {
        Procedure::FirstIssue => row.first_issue,
        Procedure::Renewal => row.renewal,
        Procedure::Duplicate => {
            if !is_2016 {
                b.note(notes::NO_SURCHARGE_SINCE_2020);
            }
            row.duplicate
        }
        Procedure::RenewalWithoutExpiredTitle if is_2016 => row.without_title.unwrap_or(row.duplicate),
        Procedure::RenewalWithoutExpiredTitle => {
            b.note(notes::NO_SURCHARGE_SINCE_2020);
            row.renewal
        }
        Procedure::ChangeOfDetails => return Ok(change_of_details(b, row, permit, seed)),
    };
    let plain = cell.resolve(&req.sub_case, permit, regime.code())?;
    let mut base = read_cell(b, plain, seed, row.label);
    base.violence_row = row.violence_exemption;
    if is_2016 && matches!(req.procedure, Procedure::Duplicate | Procedure::RenewalWithoutExpiredTitle) && base.kind == Outcome::AmountDue {
        let renewal_taxed = matches!(row.renewal, Cell::Due { .. } | Cell::Choice(..));
        if renewal_taxed && base.parts.surcharge.is_zero() && !base.parts.tax.is_zero() && base.parts.tax + table_2016::SURCHARGE > table_2016::SURCHARGE_CAP {
            b.note(notes::SURCHARGE_CAPPED_2016);
            b.erratum("003-cap-note");
        }
        if permit == Permit::CraDixAns && req.procedure == Procedure::RenewalWithoutExpiredTitle {
            b.note(notes::ALGERIAN_STAMP);
        }
    }
    if !is_2016 && permit == Permit::VpfRegroupementFamilial && req.sub_case.family_member != Some(FamilyMember::Child) && req.sub_case.reunification_on_site != Some(true) {
        b.erratum("004-vpf-regroupement-familial-spouse-rate");
    }
    Ok(base)
}

/// « Changement de la carte de séjour »: stamp duty alone, except where the note excludes it.
fn change_of_details(b: &mut Builder, row: &Row, permit: Permit, seed: &'static str) -> Base {
    const ROW: &str = "Changement de la carte de séjour (modifications des mentions : état civil, adresse...)";
    if row.first_issue == Cell::HorsChamp && row.renewal == Cell::HorsChamp {
        return Base::of(Outcome::HorsChamp, seed, ROW);
    }
    if permit == Permit::VlsTs {
        return Base::of(Outcome::SansObjet, seed, ROW);
    }
    let stamp = match b.regime {
        RegimeId::Table2011 => table_2011::STAMP,
        RegimeId::Table2016 => table_2016::STAMP,
        RegimeId::Table2020 => table_2020::STAMP,
        RegimeId::Lf2026 => lf_2026::STAMP,
    };
    if b.regime != RegimeId::Table2016 && matches!(permit, Permit::CarteUe | Permit::CrAndorran) {
        b.note(notes::CHANGE_OF_DETAILS_EXCLUDED);
        return Base::of(Outcome::Exempt, seed, ROW);
    }
    Base { kind: Outcome::AmountDue, parts: Parts { tax: Decimal::ZERO, surcharge: Decimal::ZERO, stamp }, seed, row: ROW, violence_row: false, aps_tax: false }
}

/// LF 2026: seed 004's table with the 2026 amounts, and the new APS tax.
fn base_lf_2026(b: &mut Builder, permit: Permit) -> Result<Base, Error> {
    const APS_ROW: &str = "LF 2026 art. 128: taxe de 100 € sur la délivrance ou le renouvellement d'une APS (L. 436-1 II)";
    if permit == Permit::Aps {
        return match b.req.procedure {
            Procedure::FirstIssue | Procedure::Renewal => {
                b.note(notes::APS_STAMP_UNKNOWN);
                Ok(Base { kind: Outcome::AmountDue, parts: Parts { tax: lf_2026::APS_TAX, surcharge: Decimal::ZERO, stamp: Decimal::ZERO }, seed: "lf_2026", row: APS_ROW, violence_row: false, aps_tax: true })
            }
            Procedure::ChangeOfDetails => Ok(Base::of(Outcome::HorsChamp, "004", APS_ROW)),
            Procedure::Duplicate | Procedure::RenewalWithoutExpiredTitle => Err(Error::NotCovered {
                field: "procedure",
                regime: RegimeId::Lf2026.code(),
                what: format!("the {} of an APS: the 2026 law taxes its issue and renewal only", b.req.procedure),
            }),
        };
    }
    let mut base = base_table(b, RegimeId::Table2020, permit)?;
    if base.kind == Outcome::AmountDue && b.req.procedure != Procedure::ChangeOfDetails {
        base.parts = lf_2026::uplift(base.parts, b.req.procedure);
    }
    base.seed = "004+lf_2026";
    b.note(notes::LF_2026);
    Ok(base)
}

/// Seed 002: tax columns and a stamp column; duplicates by footnote (**).
fn base_2011(b: &mut Builder, permit: Permit) -> Result<Base, Error> {
    use table_2011::Stamp;
    let regime = b.regime;
    let req = b.req;
    let s = &req.sub_case;
    let row = find_row(table_2011::TABLE, permit, s, regime)?.ok_or_else(|| not_in_regime(permit, regime))?;
    let (cell, stamp_due) = match req.procedure {
        Procedure::FirstIssue => (row.first_issue, row.stamp == Stamp::Due),
        Procedure::Renewal => (row.renewal, matches!(row.stamp, Stamp::Due | Stamp::NotOnFirstIssue)),
        Procedure::Duplicate => (row.renewal, matches!(row.stamp, Stamp::Due | Stamp::NotOnFirstIssue | Stamp::DuplicateOnly)),
        // "Exempté sauf duplicata": a renewal without the expiring title is not a duplicate.
        Procedure::RenewalWithoutExpiredTitle => (row.renewal, matches!(row.stamp, Stamp::Due | Stamp::NotOnFirstIssue)),
        Procedure::ChangeOfDetails => {
            return Err(Error::NotCovered {
                field: "procedure",
                regime: regime.code(),
                what: "a change of card details: the 2011 table does not price it".to_string(),
            })
        }
    };
    let plain = cell.resolve(s, permit, regime.code())?;
    let mut base = read_cell(b, plain, "002", row.label);
    if permit == Permit::VlsTs && matches!(req.procedure, Procedure::Duplicate | Procedure::RenewalWithoutExpiredTitle) {
        // (**) "applicable à tous les titres de séjour, y compris le VLS/TS": no renewal tax
        // exists for it (sans objet), so the 15 € alone; its stamp column is "sans objet".
        b.note(notes::VLS_TS_DUPLICATE_2011);
        base.kind = Outcome::AmountDue;
        base.parts.surcharge = table_2011::SURCHARGE;
        return Ok(base);
    }
    if !matches!(base.kind, Outcome::AmountDue | Outcome::Exempt) {
        return Ok(base);
    }
    // The parenthesis stands under "Conjoint et enfant admis au RF sur place": read as that case's.
    if row.reunification_before_2008_rule && req.procedure == Procedure::FirstIssue && s.reunification_on_site == Some(true) {
        if let Some(granted) = s.reunification_granted_on {
            if granted < table_2011::REUNIFICATION_CUTOFF && req.date < NaiveDate::from_ymd_opt(2012, 1, 1).unwrap_or(NaiveDate::MAX) {
                base.parts.tax = Decimal::ZERO;
                b.note(notes::REUNIFICATION_BEFORE_2008);
            }
        }
    }
    if matches!(req.procedure, Procedure::Duplicate | Procedure::RenewalWithoutExpiredTitle) {
        if table_2011::surcharge_exempt(permit, s.underlying_permit, s.card_validity) {
            b.note(notes::NO_SURCHARGE_STUDENT_2011);
        } else {
            base.parts.surcharge = table_2011::SURCHARGE;
        }
        if permit == Permit::CarteUe {
            b.note(notes::CE_CARD_2011);
        }
    }
    if stamp_due {
        base.parts.stamp = table_2011::STAMP;
    }
    if !base.parts.sum().is_zero() {
        base.kind = Outcome::AmountDue;
    }
    Ok(base)
}
