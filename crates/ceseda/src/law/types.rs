//! The types a law file is written in.
//!
//! A regime is everything one source says about one period, in the source's order: the period
//! and the date that selects it; the figures, each under a stable [`RateKey`] with the article
//! that sets it; the table (rows as printed, each cell naming the statutory category of its
//! amounts); and the paragraphs under the table (duplicates and their surcharge, the stamp
//! duty, change of details, the visa de régularisation, late renewals, exemptions, the DCEM and
//! travel documents). Rules read these values; none of them asks which regime it is in.
//!
//! Every type is plain data: `const`-constructible for the built-in law, and (de)serialisable,
//! so that a reform can amend a figure or move a permit between lists.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::law::regimes::RegimeId;
use crate::model::answer::{Confidence, Explanation, Note};
use crate::model::codes::code_enum;
use crate::model::document::TravelDocument;
use crate::model::permit::Permit;
use crate::model::procedure::Procedure;
use crate::model::subcase::{AdmissionCard, CardKind, CardValidity, FamilyMember};

/// Text in law data: borrowed in the built-in law, owned when deserialised.
pub type Text = Cow<'static, str>;

/// A static text.
pub const fn t(s: &'static str) -> Text {
    Cow::Borrowed(s)
}



// ------------------------------------------------------------------------------------------
// The period

code_enum! {
    /// Which date of the file selects a regime.
    pub enum SelectingDate ("selected_by") {
        /// The date of the decision to issue the title.
        DecisionDate => "decision_date", "Date de la décision", "Decision date";
    }
}

/// A text in force during the period: an article in one of its versions, a table, a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceText {
    /// What it is: "CESEDA D. 311-18-1", "seed 003"…
    pub text: Text,
    /// The version: the date it came into force, where known.
    pub in_force_from: Option<NaiveDate>,
    /// The amending text that made this version ("décret n° 2011-2062").
    pub amended_by: Text,
    /// How sure the library is of it.
    pub confidence: Confidence,
}

/// A tariff regime's identity and period: what the regime list and `ceseda regimes` show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Regime {
    /// Stable id.
    pub id: RegimeId,
    /// French label.
    pub label_fr: Text,
    /// English label.
    pub label_en: Text,
    /// First day (inclusive) of the period in which decisions fall under this regime.
    pub valid_from: NaiveDate,
    /// Last day (inclusive), or `None` while no later source amends it.
    pub valid_until: Option<NaiveDate>,
    /// The date that selects the regime.
    pub selected_by: SelectingDate,
    /// The source, in a line.
    pub source: Text,
    /// How sure we are of the regime as a whole (the lowest rating of its facts).
    pub confidence: Confidence,
    /// Why the confidence is what it is.
    pub provenance: Text,
    /// The texts in force, with their versions.
    pub sources: Cow<'static, [SourceText]>,
}

impl Regime {
    /// Whether `date` falls in this regime's period.
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.valid_from && self.valid_until.is_none_or(|end| date <= end)
    }

    /// "2011-10-01 to 2011-12-31 (table_2011)".
    pub fn period(&self) -> String {
        match self.valid_until {
            Some(end) => format!("{} to {} ({})", self.valid_from, end, self.id),
            None => format!("from {} ({})", self.valid_from, self.id),
        }
    }
}

// ------------------------------------------------------------------------------------------
// Figures

code_enum! {
    /// The statutory category of a tax: which rate of the article a title pays.
    pub enum Level ("level") {
        /// The general rate.
        General => "general", "Tarif général", "General rate";
        /// The reduced rate (students, trainees, work-injury pensions…; the single reduced rate from 2020).
        Reduced => "reduced", "Tarif réduit", "Reduced rate";
        /// The reduced rate of the « salarié » and « salarié en mission » cards (until 2011).
        ReducedSalarie => "reduced_salarie", "Tarif réduit « salarié »", "Reduced rate for employees";
        /// A child who entered through family reunification.
        ReunifiedChild => "reunified_child", "Enfant entré par regroupement familial", "Child who entered through family reunification";
        /// The renewal of a student card (L. 313-7), whatever its length.
        Student => "student", "Renouvellement étudiant", "Student renewal";
        /// The renewal of a student card valid one year.
        StudentOneYear => "student_one_year", "Renouvellement étudiant, titre d'un an", "Student renewal, one-year card";
        /// The renewal of another temporary card valid one year.
        CstOneYear => "cst_one_year", "Renouvellement d'une autre carte temporaire d'un an", "Renewal of another one-year temporary card";
        /// The renewal of a temporary card valid more than a year.
        CstMultiYear => "cst_multi_year", "Renouvellement d'une carte temporaire de plus d'un an", "Renewal of a temporary card valid more than a year";
        /// The renewal of a resident card (CR, permanent CR; the retiree card too until 30 Dec 2012).
        Resident => "resident", "Renouvellement d'une carte de résident", "Renewal of a resident card";
        /// The intermediate renewal rate of the 2016 table (120 €).
        Intermediate => "intermediate", "Tarif intermédiaire", "Intermediate rate";
        /// The flat tax on an EU card's duplicate, or its renewal without the card.
        EuCard => "eu_card", "Taxe forfaitaire des cartes UE", "Flat tax on EU cards";
        /// The tax on an autorisation provisoire de séjour (from 2026).
        Aps => "aps", "Taxe sur l'autorisation provisoire de séjour", "Tax on a temporary residence authorisation";
    }
}

code_enum! {
    /// Which tax a figure belongs to: the first-issue tax or the renewal tax (a duplicate
    /// costs the renewal tax).
    pub enum Column ("column") {
        /// The tax on a first title.
        FirstIssue => "first_issue", "Première délivrance", "First issue";
        /// The tax on a renewal (and a duplicate).
        Renewal => "renewal", "Renouvellement", "Renewal";
    }
}

impl Column {
    /// The column whose rates price `procedure`.
    pub const fn of(procedure: Procedure) -> Column {
        match procedure {
            Procedure::FirstIssue => Column::FirstIssue,
            _ => Column::Renewal,
        }
    }
}

/// The stable key of a figure, so that a reform can name it: `tax.first_issue.general`,
/// `stamp`, `visa.total`…
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RateKey {
    /// A tax rate.
    Tax(Column, Level),
    /// The droit de timbre.
    Stamp,
    /// The surcharge on a duplicate or a renewal without the title.
    Surcharge,
    /// The surcharge for a carte de résident, where it differs.
    SurchargeResident,
    /// The cap on the tax of a duplicate, surcharge included, stamp excluded.
    SurchargeCap,
    /// The whole visa de régularisation.
    VisaTotal,
    /// The part of the visa de régularisation due when the application is filed.
    VisaAtFiling,
    /// The charge on a late renewal.
    LateCharge,
    /// The surcharge of the renewal tax for a late renewal (before 2013).
    LateSurcharge,
    /// The tax on a document de circulation pour étranger mineur.
    Dcem,
    /// The tax on a travel document.
    Travel(TravelDocument),
}

impl fmt::Display for RateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RateKey::Tax(c, l) => write!(f, "tax.{}.{}", c.code(), l.code()),
            RateKey::Stamp => f.write_str("stamp"),
            RateKey::Surcharge => f.write_str("surcharge"),
            RateKey::SurchargeResident => f.write_str("surcharge.resident"),
            RateKey::SurchargeCap => f.write_str("surcharge.cap"),
            RateKey::VisaTotal => f.write_str("visa.total"),
            RateKey::VisaAtFiling => f.write_str("visa.at_filing"),
            RateKey::LateCharge => f.write_str("late.charge"),
            RateKey::LateSurcharge => f.write_str("late.surcharge"),
            RateKey::Dcem => f.write_str("dcem"),
            RateKey::Travel(d) => write!(f, "travel.{}", d.code()),
        }
    }
}

impl std::str::FromStr for RateKey {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, crate::Error> {
        let fixed = [
            RateKey::Stamp,
            RateKey::Surcharge,
            RateKey::SurchargeResident,
            RateKey::SurchargeCap,
            RateKey::VisaTotal,
            RateKey::VisaAtFiling,
            RateKey::LateCharge,
            RateKey::LateSurcharge,
            RateKey::Dcem,
        ];
        if let Some(k) = fixed.iter().find(|k| k.to_string() == s) {
            return Ok(*k);
        }
        let mut parts = s.splitn(3, '.');
        let parsed = match (parts.next(), parts.next(), parts.next()) {
            (Some("tax"), Some(c), Some(l)) => Column::CODES
                .iter()
                .position(|x| *x == c)
                .and_then(|i| Column::ALL.get(i))
                .zip(Level::CODES.iter().position(|x| *x == l).and_then(|i| Level::ALL.get(i)))
                .map(|(c, l)| RateKey::Tax(*c, *l)),
            (Some("travel"), Some(d), None) => TravelDocument::parse_field(d, "rate").ok().map(RateKey::Travel),
            _ => None,
        };
        parsed.ok_or_else(|| crate::Error::unknown_code("rate", s, ["tax.<column>.<level>", "stamp", "surcharge", "surcharge.resident", "surcharge.cap", "visa.total", "visa.at_filing", "late.charge", "late.surcharge", "dcem", "travel.<document>"]))
    }
}

impl Serialize for RateKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RateKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A figure of the law: its key, its amount, from when within the period (if not from its
/// start), and the words that set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    /// Which figure.
    pub key: RateKey,
    /// The amount.
    #[serde(with = "crate::model::money")]
    pub amount: Decimal,
    /// From this date within the period (`None`: from the period's start).
    pub from: Option<NaiveDate>,
    /// Where the law sets it ("D. 311-18-1 1° a)", "measure 7").
    pub basis: Text,
}

/// A figure from the period's start.
pub const fn rate(key: RateKey, euros: u32, basis: &'static str) -> Rate {
    Rate { key, amount: crate::model::money::eur(euros), from: None, basis: t(basis) }
}

/// A figure from a date within the period.
pub const fn rate_from(key: RateKey, euros: u32, from: NaiveDate, basis: &'static str) -> Rate {
    Rate { key, amount: crate::model::money::eur(euros), from: Some(from), basis: t(basis) }
}

code_enum! {
    /// What a line is charged under, for its article reference.
    pub enum Subject ("subject") {
        /// The tax on the issue (and, where the law has one article for both, the renewal) of a title.
        IssueTax => "issue_tax", "Taxe de délivrance et de renouvellement", "Issue and renewal tax";
        /// The tax on the renewal of a title, where the law sets it apart.
        RenewalTax => "renewal_tax", "Taxe de renouvellement", "Renewal tax";
        /// The tax on a duplicate (the renewal tax).
        DuplicateTax => "duplicate_tax", "Taxe de duplicata", "Duplicate tax";
        /// The surcharge on a duplicate or a renewal without the title.
        Surcharge => "surcharge", "Majoration", "Surcharge";
        /// The tax on the DCEM.
        Dcem => "dcem", "Taxe DCEM", "DCEM tax";
        /// The visa de régularisation.
        VisaRegularisation => "visa_de_regularisation", "Droit de visa de régularisation", "Regularisation visa fee";
        /// The late-renewal charge.
        LateRenewal => "late_renewal", "Renouvellement tardif", "Late renewal";
        /// The droit de timbre.
        Stamp => "stamp", "Droit de timbre", "Stamp duty";
        /// The 2026 tax on an APS.
        ApsTax => "aps_tax", "Taxe sur l'APS", "APS tax";
        /// Travel documents (code général des impôts).
        TravelDocument => "travel_document", "Titres de voyage", "Travel documents";
    }
}

/// The article a subject is charged under, from a date within the period (the CESEDA was
/// renumbered on 1 May 2021).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// What is charged.
    pub subject: Subject,
    /// From this date within the period (`None`: from the period's start).
    pub from: Option<NaiveDate>,
    /// The reference, as the line shows it ("CESEDA L. 436-1").
    pub text: Text,
}

/// An article reference from the period's start.
pub const fn article(subject: Subject, text: &'static str) -> Article {
    Article { subject, from: None, text: t(text) }
}

/// An article reference from a date within the period.
pub const fn article_from(subject: Subject, from: NaiveDate, text: &'static str) -> Article {
    Article { subject, from: Some(from), text: t(text) }
}

// ------------------------------------------------------------------------------------------
// The table

/// A sub-case condition inside a cell or a list.
///
/// The "required" conditions need their field: absent, the answer is `missing_sub_case`.
/// The "if" conditions hold only when the field is given with that value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cond {
    /// `family_member` is this one (required).
    FamilyMember(FamilyMember),
    /// `family_member` is given and is this one.
    IfFamilyMember(FamilyMember),
    /// Reunification granted on site (absent means no).
    OnSite,
    /// Entered through family reunification (absent means no).
    EnteredViaReunification,
    /// `card_kind` is this one (required).
    CardKind(CardKind),
    /// `card_validity` is this one (required).
    CardValidity(CardValidity),
    /// `card_validity` is given and is this one.
    IfCardValidity(CardValidity),
    /// `card_validity` is absent or is not this one.
    UnlessCardValidity(CardValidity),
    /// `card_kind` and, for that kind, `card_validity` (required).
    CardKindAndValidity(CardKind, CardValidity),
    /// `admission_card` is this one (required).
    AdmissionCard(AdmissionCard),
    /// `previously_held_cst` is false (required).
    NoPreviousCst,
    /// `underlying_permit` is this one (required).
    Underlying(Permit),
    /// `underlying_permit` is given and is this one.
    IfUnderlying(Permit),
    /// Every condition holds.
    AllOf(Cow<'static, [Cond]>),
    /// Always holds: the last alternative ("otherwise").
    Otherwise,
}

/// What to say when a required condition's field is missing, or no alternative applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoMatch {
    /// The request field that decides.
    pub field: Text,
    /// What the law distinguishes.
    pub reason: Explanation,
    /// Accepted values.
    pub expected: Cow<'static, [Text]>,
}

/// A permit, possibly under a condition: a member of a list of the law.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The permit.
    pub permit: Permit,
    /// The condition, if the list names the permit only in some cases.
    pub when: Option<Cond>,
}

/// A permit, in every case.
pub const fn member(permit: Permit) -> Member {
    Member { permit, when: None }
}

/// A permit, when `cond` holds.
pub const fn member_when(permit: Permit, cond: Cond) -> Member {
    Member { permit, when: Some(cond) }
}

/// An amount as a table prints it, naming the category of each of its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    /// The tax, by statutory category (`None`: the title is exempt from the tax).
    pub tax: Option<Level>,
    /// The surcharge printed in the cell (2016: "155 (120+16+19)"), if any.
    pub surcharge: Option<RateKey>,
    /// Whether the droit de timbre is part of the cell.
    pub stamp: bool,
    /// The cell as printed, where the source prints one ("269 (250+19)").
    pub printed: Option<Text>,
    /// The errata register entry, where the printed cell departs from its categories.
    pub erratum: Option<Text>,
    /// Footnotes the cell carries ((*), (**)): said on the quote.
    pub notes: Cow<'static, [Note]>,
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// An amount.
    Due(Due),
    /// Exempté: nothing due.
    Exempt,
    /// Sans objet: the procedure does not exist for this title.
    SansObjet,
    /// Hors champ: outside the scope of these taxes.
    HorsChamp,
    /// Même montant que le titre de séjour remplacé (VLS-TS).
    SameAsReplaced,
    /// No source prices it: refused with `not_covered`.
    NotCovered(Explanation),
    /// Alternatives chosen by sub-case: the first whose condition holds.
    Choice(Cow<'static, [(Cond, Cell)]>, NoMatch),
}

/// The printed stamp-duty column of the 2011 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StampColumn {
    /// "19".
    Due,
    /// "Exempté si 1er titre, sauf duplicata": due on renewals and duplicates only.
    NotOnFirstIssue,
    /// "Exempté sauf duplicata": due on duplicates only.
    DuplicateOnly,
    /// "Exempté".
    Exempt,
    /// "Hors champ" / "Sans objet": follows the tax cells.
    None,
}

impl StampColumn {
    /// Whether the stamp is due for `procedure` under this column.
    pub const fn due_for(self, procedure: Procedure) -> bool {
        match (self, procedure) {
            (StampColumn::Due, _) => true,
            (StampColumn::NotOnFirstIssue, Procedure::FirstIssue) => false,
            (StampColumn::NotOnFirstIssue, _) => true,
            (StampColumn::DuplicateOnly, Procedure::Duplicate) => true,
            _ => false,
        }
    }
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The row label, as printed (with the references it prints).
    pub label: Text,
    /// The permits the row prices.
    pub permits: Cow<'static, [Permit]>,
    /// Permits the row prices under a sub-case (one legal concept split over several rows).
    pub also: Cow<'static, [(Permit, Cond)]>,
    /// First title.
    pub first_issue: Cell,
    /// Renewal.
    pub renewal: Cell,
    /// The printed third column (duplicate; in 2016 also renewal without the expired title).
    /// `None` where the source has no such column: the duplicate rule derives it.
    pub duplicate: Option<Cell>,
    /// Where the third column prints a separate renewal without the expired title.
    pub without_title: Option<Cell>,
    /// Where the row prices a change of details otherwise than the paragraph does.
    pub change_of_details: Option<Cell>,
    /// The printed stamp column (2011); `None` where each cell says.
    pub stamp_column: Option<StampColumn>,
    /// The source of the row, where it is not the table's (a row added by a later text).
    pub seed: Option<Text>,
    /// Where the row is an inference rated below its regime, its rating.
    pub confidence: Option<Confidence>,
}

/// The defaults a row literal fills in with `..ROW` (see the `row!` macro).
pub const ROW: Row = Row {
        label: Cow::Borrowed(""),
        permits: Cow::Borrowed(&[]),
        also: Cow::Borrowed(&[]),
        first_issue: Cell::SansObjet,
        renewal: Cell::SansObjet,
        duplicate: None,
        without_title: None,
        change_of_details: None,
        stamp_column: None,
        seed: None,
        confidence: None,
};

/// The defaults a cell literal fills in with `..DUE`.
pub const DUE: Due = Due { tax: None, surcharge: None, stamp: false, printed: None, erratum: None, notes: Cow::Borrowed(&[]) };

/// A cell as printed: the figure, the category of its tax (`None`: exempt), and whether the
/// stamp duty is part of it.
pub const fn cell(printed: &'static str, tax: Option<Level>, stamp: bool) -> Cell {
    Cell::Due(Due { tax, stamp, printed: Some(t(printed)), ..DUE })
}

/// A cell as printed with a surcharge: "155 (120+16+19)".
pub const fn cell_surcharged(printed: &'static str, tax: Level, surcharge: RateKey) -> Cell {
    Cell::Due(Due { tax: Some(tax), surcharge: Some(surcharge), stamp: true, printed: Some(t(printed)), ..DUE })
}

/// A cell as printed, registered in the errata.
pub const fn cell_erratum(printed: &'static str, tax: Option<Level>, surcharge: Option<RateKey>, stamp: bool, erratum: &'static str) -> Cell {
    Cell::Due(Due { tax, surcharge, stamp, printed: Some(t(printed)), erratum: Some(t(erratum)), ..DUE })
}

/// A cell as printed, with the footnotes it carries.
pub const fn cell_noted(printed: &'static str, tax: Option<Level>, stamp: bool, notes: &'static [Note]) -> Cell {
    Cell::Due(Due { tax, stamp, printed: Some(t(printed)), notes: Cow::Borrowed(notes), ..DUE })
}

/// A table: its source and its rows. A later law may amend rows (`amended` is read first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The source of the rows ("003"), shown on every line they price.
    pub seed: Text,
    /// Whether the printed figures are this regime's own (a later law that re-prices another
    /// regime's table does not reprint it).
    pub printed: bool,
    /// The rows, in the source's order.
    pub rows: Cow<'static, [Row]>,
    /// Rows a later text replaces or adds, read before `rows`.
    pub amended: Cow<'static, [Row]>,
    /// Said on every quote priced from `rows` (a later law re-pricing an earlier table).
    pub note: Option<Note>,
    /// Where the source is a decree's list of categories rather than a printed table.
    pub schedule: Option<Schedule>,
}

/// A category of a decree: its words, the permits it names, and what they pay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// The source's words ("1° b) 58 euros pour … L. 313-7, L. 313-7-1, …").
    pub label: Text,
    /// The permits it names in every case.
    pub permits: Cow<'static, [Permit]>,
    /// The permits it names in some cases only, with the condition.
    pub members: Cow<'static, [Member]>,
    /// What they pay: the category of the tax (stamp duty per the regime's stamp paragraph),
    /// or a non-amount answer.
    pub cell: Cell,
}

/// The categories of a decree, by column: the first category naming the permit applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// First issue.
    pub first_issue: Cow<'static, [Category]>,
    /// Renewal (and the base of duplicates and renewals without the title).
    pub renewal: Cow<'static, [Category]>,
    /// Titles whose duplicate (and renewal without the title) is not their renewal plus the
    /// surcharge (the EU cards' flat tax).
    pub duplicate: Cow<'static, [Category]>,
    /// Titles the decree prices only through a reading (medium confidence): their quotes say so.
    pub readings: Cow<'static, [Permit]>,
}

/// The droit de timbre where a decree's schedule is the tariff: due on every title, except
/// where a title's stamp follows a column of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StampRule {
    /// The source's words.
    pub text: Text,
    /// Titles outside the stamp, or owing it on some procedures only.
    pub exceptions: Cow<'static, [(Permit, StampColumn)]>,
}

/// A permit that exists only from or until a date inside a period (a code created or
/// repealed by a text outside the tariff's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Existence {
    /// The permit.
    pub permit: Permit,
    /// First day it exists, if after the period's start.
    pub from: Option<NaiveDate>,
    /// Last day it exists, if before the period's end.
    pub until: Option<NaiveDate>,
    /// The text that creates or repeals it.
    pub basis: Text,
}

/// A change of status priced as a first issue (L. 311-13 B, 2nd paragraph, 2012–2013): "L'étranger
/// titulaire de la carte de séjour portant la mention « étudiant » ou « stagiaire » qui se voit
/// délivrer une carte de séjour à un autre titre acquitte le montant de la taxe prévue pour la
/// délivrance d'un premier titre de séjour".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeOfStatus {
    /// The titles whose holders pay the first-issue tax of their new title.
    pub from: Cow<'static, [Permit]>,
    /// Said when it applies.
    pub note: Note,
}

// ------------------------------------------------------------------------------------------
// The paragraphs under the table

/// How duplicates and renewals without the title are priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicates {
    /// The source's words.
    pub text: Text,
    /// A renewal without the expired title is priced as a duplicate (`true`) or as a renewal.
    pub without_title_as_duplicate: bool,
    /// Titles whose renewal without the title stays a renewal all the same: the law takes
    /// their renewal out of the tax (L. 311-13 B from 2013: seasonal workers and retirees), so
    /// the majoration of a renewal tariff has nothing to increase.
    pub without_title_as_renewal: Cow<'static, [Permit]>,
    /// The surcharge (majoration), where there is one. Where the table prints a duplicate
    /// column, the column is read and this rule explains (and tests) it.
    pub surcharge: Option<SurchargeRule>,
    /// Said on every duplicate and renewal without the title.
    pub note: Option<Note>,
    /// Said on the duplicate of particular titles.
    pub title_notes: Cow<'static, [(Permit, Note)]>,
}

/// The surcharge of the renewal tax on a duplicate or a renewal without the title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurchargeRule {
    /// The explanation of the surcharge line.
    pub line: Explanation,
    /// Titles that pay the renewal tax without the surcharge (a one-year student card…).
    pub excluded: Cow<'static, [Member]>,
    /// Said when an excluded title is quoted.
    pub excluded_note: Option<Note>,
    /// A carte de résident pays `surcharge.resident` instead (D. 311-18-1 3°, 2012).
    pub resident_rate: bool,
    /// Whether a title exempt from the renewal tax still pays the surcharge (2011: "applicable
    /// à tous les titres de séjour, y compris … le CRA 10 ans"); otherwise a surcharge is a
    /// majoration of a tax and a tax-exempt title carries none.
    pub exempt_titles_pay: bool,
    /// The surcharge is dropped where the tax would exceed `surcharge.cap`.
    pub cap: Option<CapRule>,
    /// Titles whose renewal is sans objet but whose duplicate pays the surcharge alone
    /// ("y compris le VLS/TS"), and what to say.
    pub surcharge_alone: Cow<'static, [Permit]>,
    /// Said when the surcharge is charged alone.
    pub surcharge_alone_note: Option<Note>,
}

/// The cap of a surcharge: what to say when it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapRule {
    /// Said when the cap drops the surcharge.
    pub note: Note,
    /// The erratum of the sentence that states the cap, if it is misprinted.
    pub erratum: Option<Text>,
}

/// A change of the card's details (address, civil status).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeOfDetails {
    /// The source's words (the row shown on the line).
    pub text: Text,
    /// Where no source prices it in the period: why (answered `not_covered`).
    pub not_covered: Option<Explanation>,
    /// Where no text charges it in the period (before the stamp duty): what to say (answered
    /// `exempt`).
    pub no_charge: Option<Note>,
    /// Titles outside the stamp for a change, and what to say.
    pub excluded: Cow<'static, [Permit]>,
    /// Said for an excluded title.
    pub excluded_note: Option<Note>,
}

/// The visa de régularisation: due before a first title when the person entered or stays
/// irregularly, or lacks the required visa.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visa {
    /// The source of the lines.
    pub seed: Text,
    /// The source's words.
    pub text: Text,
    /// Titles exempt from it.
    pub exempt: Cow<'static, [Permit]>,
    /// Whether the part due at filing is the one in force on the application date (the
    /// balance always follows the decision).
    pub filing_part_by_application_date: bool,
    /// Said when the application date is not given and the decision date stands in.
    pub application_date_note: Option<Note>,
    /// Said when the application was filed before a change of the visa, by the first day of
    /// the text that changed it.
    pub transitional_notes: Cow<'static, [(NaiveDate, Note)]>,
}

code_enum! {
    /// What makes a renewal late.
    pub enum LateDefinition ("late_definition") {
        /// Filed after the previous title expired.
        AfterExpiry => "after_expiry", "Demande présentée après l'expiration du titre", "Filed after the title expired";
        /// Filed after the filing window closed.
        AfterWindow => "after_window", "Demande présentée après la fin du délai de dépôt", "Filed after the filing window closed";
    }
}

code_enum! {
    /// What a late renewal costs.
    pub enum LateKind ("late_kind") {
        /// A fixed charge (`late.charge`).
        Charge => "charge", "Droit fixe", "Fixed charge";
        /// A surcharge added to the renewal tax (`late.surcharge`).
        Surcharge => "surcharge", "Majoration de la taxe", "Surcharge on the tax";
    }
}

/// Who escapes the late-renewal charge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LateExemptions {
    /// Force majeure.
    pub force_majeure: bool,
    /// Victims of domestic violence or trafficking.
    pub violence_victims: bool,
    /// Holders of a valid visa.
    pub valid_visa: bool,
    /// EU, EEA and Swiss citizens.
    pub eu_citizens: bool,
    /// Andorran citizens (named from 2020: "citoyens de l'UE, de l'EEE, de Suisse et d'Andorre").
    pub andorran_citizens: bool,
}

/// A late renewal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Late {
    /// The source of the line.
    pub seed: Text,
    /// The source's words.
    pub text: Text,
    /// The explanation of the line.
    pub line: Explanation,
    /// What makes a renewal late.
    pub definition: LateDefinition,
    /// What it costs.
    pub kind: LateKind,
    /// Who escapes it.
    pub exemptions: LateExemptions,
    /// Titles the charge does not apply to, and what to say.
    pub excluded: Cow<'static, [Permit]>,
    /// Said for an excluded title.
    pub excluded_note: Option<Note>,
    /// Said on every late renewal: the reading of "late" taken.
    pub reading_note: Note,
    /// Said when a violence victim is exempted where the text names domestic violence only.
    pub violence_note: Option<Note>,
    /// Whether a renewal without the title, already surcharged, pays the late surcharge again.
    pub once_with_without_title: bool,
}

/// An exemption from the tax, the stamp and the visa de régularisation for victims of
/// domestic violence: (***) of the 2016 and 2020 tables, L. 311-18.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViolenceExemption {
    /// Who it covers when they say they are victims (`violence_victim`).
    pub members: Cow<'static, [Member]>,
    /// Titles that are themselves issued to victims (L. 316-1, L. 316-3, L. 316-4): covered
    /// whatever the circumstances say.
    pub titles: Cow<'static, [Permit]>,
    /// The procedures it covers.
    pub procedures: Cow<'static, [Procedure]>,
    /// What to say when a member's condition needs a field not given.
    pub no_match: NoMatch,
    /// Said when it applies.
    pub note: Note,
}

/// The reunification-before-28-December-2008 exception of the 2011 table (and of D. 311-18-1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReunificationException {
    /// Who it covers.
    pub members: Cow<'static, [Member]>,
    /// Reunifications granted before this date pay no first-issue tax…
    pub granted_before: NaiveDate,
    /// …for decisions up to this date.
    pub until: NaiveDate,
    /// Said when it applies.
    pub note: Note,
    /// Where the source's exception differs from the decree's (the 2011 table's parenthesis):
    /// those the decree would except, and what to say when the table charges them.
    pub otherwise_in_decree: Option<(Cow<'static, [Member]>, Note)>,
}

/// The DCEM and travel documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Travel {
    /// The source of the lines.
    pub seed: Text,
    /// The DCEM's row.
    pub dcem_text: Text,
    /// The travel titles' row.
    pub travel_text: Text,
    /// The procedures priced for the DCEM.
    pub dcem_procedures: Cow<'static, [Procedure]>,
    /// The procedures priced for travel titles.
    pub travel_procedures: Cow<'static, [Procedure]>,
    /// Said where a travel title is not issued yet, with what stands in for it.
    pub not_yet_issued: Explanation,
    /// Whether a minor who is an EU/EEA/Swiss or Andorran citizen, or a family member of one,
    /// owes no DCEM tax (seed 004, measure 8; L. 311-13 C had no such exemption).
    pub dcem_eu_exempt: bool,
}

/// A paragraph of the law that a period may have, lack, or lack a source for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Paragraph<T> {
    /// In force in the period.
    In(T),
    /// No such charge in the period; what to say when the facts would call for it.
    Absent(Option<Note>),
    /// No source at hand says: refused with `not_covered`, for this reason.
    NotCovered(Explanation),
}

/// Everything one source says about one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegimeLaw {
    /// The period and its sources.
    pub regime: Regime,
    /// Every figure, under its key.
    pub rates: Cow<'static, [Rate]>,
    /// The article of each subject, in the numbering in force.
    pub articles: Cow<'static, [Article]>,
    /// The table.
    pub table: Table,
    /// Duplicates and renewals without the title.
    pub duplicates: Duplicates,
    /// Change of the card's details.
    pub change_of_details: ChangeOfDetails,
    /// The visa de régularisation.
    pub visa: Paragraph<Visa>,
    /// Late renewals.
    pub late: Paragraph<Late>,
    /// The (***) / L. 311-18 exemption.
    pub violence: Option<ViolenceExemption>,
    /// The exemption of those under a defence-cooperation agreement (tax only), and what to say;
    /// where `None`, `defence_agreement_absent` is said instead.
    pub defence_agreement: Option<Note>,
    /// Said when a defence agreement is given where the period has no such exemption.
    pub defence_agreement_absent: Note,
    /// The 2008 reunification exception.
    pub reunification_exception: Option<ReunificationException>,
    /// The DCEM and travel documents.
    pub travel: Paragraph<Travel>,
    /// The droit de timbre, where the tariff is a decree's schedule (printed tables say it in
    /// their cells).
    pub stamp: Option<StampRule>,
    /// Permits that exist for part of the period only.
    pub existence: Cow<'static, [Existence]>,
    /// A change of status priced as a first issue.
    pub change_of_status: Option<ChangeOfStatus>,
}

impl RegimeLaw {
    /// The figure under `key` in force on `date`, with where the law sets it.
    pub fn rate(&self, key: RateKey, date: NaiveDate) -> Option<&Rate> {
        self.rates.iter().rev().find(|r| r.key == key && r.from.is_none_or(|from| from <= date))
    }

    /// The amount under `key` on `date`.
    pub fn amount(&self, key: RateKey, date: NaiveDate) -> Option<Decimal> {
        self.rate(key, date).map(|r| r.amount)
    }

    /// [`RegimeLaw::article`] as the law's text (borrowed for the program where it is built in).
    pub fn article_text(&self, subject: Subject, date: NaiveDate) -> Text {
        let find = |subject: Subject| self.articles.iter().rev().find(|a| a.subject == subject && a.from.is_none_or(|from| from <= date)).map(|a| a.text.clone());
        match (find(subject), subject) {
            (Some(text), _) => text,
            (None, Subject::RenewalTax) => find(Subject::IssueTax).unwrap_or(t("")),
            (None, _) => t(""),
        }
    }

    /// The article for `subject` on `date` (a renewal falls back on the issue tax's article
    /// where the law has one article for both).
    pub fn article(&self, subject: Subject, date: NaiveDate) -> &str {
        let find = |subject: Subject| self.articles.iter().rev().find(|a| a.subject == subject && a.from.is_none_or(|from| from <= date)).map(|a| a.text.as_ref());
        match (find(subject), subject) {
            (Some(text), _) => text,
            (None, Subject::RenewalTax) => find(Subject::IssueTax).unwrap_or(""),
            (None, _) => "",
        }
    }
}
