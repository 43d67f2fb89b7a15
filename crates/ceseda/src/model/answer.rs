//! The parts of an answer: itemised lines (each with its legal basis and source), notes and
//! errata, and the vocabularies they are written in. The quote that holds them is built by
//! the engine (`crate::Quote`).

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::model::codes::{code_enum, Lang};

code_enum! {
    /// What the answer is: an amount, or one of the law's non-amount answers.
    #[non_exhaustive]
    pub enum Outcome ("outcome") {
        /// Something is due: see the lines.
        AmountDue => "amount_due", "Montant dû", "Amount due";
        /// Exempté: nothing is due (the total is 0.00).
        Exempt => "exempt", "Exempté", "Exempt";
        /// Sans objet: the procedure does not exist for this title (no total).
        SansObjet => "sans_objet", "Sans objet", "Not applicable (sans objet)";
        /// Hors champ: outside the scope of these taxes (no total).
        HorsChamp => "hors_champ", "Hors champ", "Outside the scope of these taxes (hors champ)";
        /// Même montant que le titre de séjour remplacé (VLS-TS): give `underlying_permit` to price it (no total until then).
        SameAsReplacedTitle => "same_as_replaced_title", "Même montant que le titre de séjour remplacé", "Same amount as the residence permit it replaces";
    }
}

impl Outcome {
    /// Whether a quote with this outcome has a total: an amount or an exemption (0.00).
    pub const fn has_total(self) -> bool {
        matches!(self, Outcome::AmountDue | Outcome::Exempt)
    }
}

code_enum! {
    /// The kind of charge a line is.
    #[non_exhaustive]
    pub enum Component ("component") {
        /// The tax on the title (taxe OFII, taxe sur la délivrance et le renouvellement).
        Tax => "tax", "Taxe", "Tax";
        /// Droit de timbre: the stamp duty on the card.
        DroitDeTimbre => "droit_de_timbre", "Droit de timbre", "Stamp duty";
        /// Majoration: the surcharge on a duplicate or a renewal without the expired title.
        DuplicateSurcharge => "duplicate_surcharge", "Majoration (duplicata, renouvellement sans le titre)", "Surcharge (duplicate, renewal without the title)";
        /// Visa de régularisation, the part due when the application is filed.
        VisaDeRegularisationFiling => "visa_de_regularisation_filing", "Droit de visa de régularisation, part due au dépôt", "Regularisation visa fee, part due at filing";
        /// Visa de régularisation, the balance due when the title is issued.
        VisaDeRegularisationBalance => "visa_de_regularisation_balance", "Droit de visa de régularisation, solde dû à la délivrance", "Regularisation visa fee, balance due at issue";
        /// The charge on a late renewal (180 €; a surcharge of the renewal tax before 2013).
        LateRenewalCharge => "late_renewal_charge", "Droit pour renouvellement tardif", "Late-renewal charge";
        /// The tax on a document de circulation pour étranger mineur.
        DcemTax => "dcem_tax", "Taxe sur le document de circulation pour étranger mineur", "Tax on the travel document for a foreign minor (DCEM)";
        /// The tax on a travel document (article 953 CGI).
        TravelDocumentTax => "travel_document_tax", "Taxe sur le titre de voyage", "Travel document tax";
    }
}

code_enum! {
    /// When a line is paid.
    pub enum DueAt ("due") {
        /// When the application is filed.
        AtFiling => "at_filing", "Au dépôt de la demande", "When the application is filed";
        /// When the title is issued.
        AtIssue => "at_issue", "À la délivrance du titre", "When the title is issued";
    }
}

code_enum! {
    /// How well the sources support a regime or a figure (`LEGAL_NOTES.md` ratings).
    pub enum Confidence ("confidence") {
        /// Several consistent sources, or official text.
        High => "high", "élevée", "high";
        /// One good source, or an inference from official text.
        Medium => "medium", "moyenne", "medium";
        /// A secondary mention only.
        Low => "low", "faible", "low";
    }
}

impl Confidence {
    /// The weaker of two ratings: an answer is only as sure as its least sure source.
    pub const fn weaker(self, other: Confidence) -> Confidence {
        match (self, other) {
            (Confidence::Low, _) | (_, Confidence::Low) => Confidence::Low,
            (Confidence::Medium, _) | (_, Confidence::Medium) => Confidence::Medium,
            _ => Confidence::High,
        }
    }
}

/// A short text in French and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Explanation {
    /// French.
    pub fr: Cow<'static, str>,
    /// English.
    pub en: Cow<'static, str>,
}

impl Explanation {
    /// A text from two static strings. Without the `text` feature (the pricing-only wasm
    /// module), both are empty: the law's statics then hold no explanation text, which the
    /// linker leaves out; amounts, codes and articles are unchanged.
    #[cfg(feature = "text")]
    pub const fn new(fr: &'static str, en: &'static str) -> Explanation {
        Explanation { fr: Cow::Borrowed(fr), en: Cow::Borrowed(en) }
    }

    /// A text from two static strings; empty without the `text` feature.
    #[cfg(not(feature = "text"))]
    pub const fn new(_fr: &'static str, _en: &'static str) -> Explanation {
        Explanation { fr: Cow::Borrowed(""), en: Cow::Borrowed("") }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// A remark attached to a quote: a rule applied, a reading taken, a caveat.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Note {
    /// Stable code.
    pub code: Cow<'static, str>,
    /// The remark.
    #[serde(flatten)]
    pub text: Explanation,
}

impl Note {
    /// A note from static strings.
    pub const fn new(code: &'static str, fr: &'static str, en: &'static str) -> Note {
        Note { code: Cow::Borrowed(code), text: Explanation::new(fr, en) }
    }
}

/// One erratum: what a source prints, what the library reads instead, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Erratum {
    /// Stable id, `<seed>-<row>-<column>`.
    pub id: Cow<'static, str>,
    /// The seed file ("002", "003", "004").
    pub seed: Cow<'static, str>,
    /// The row as printed.
    pub row: Cow<'static, str>,
    /// The column (a procedure code) or "note".
    pub column: Cow<'static, str>,
    /// The cell or sentence as printed.
    pub printed: Cow<'static, str>,
    /// The reading the library uses.
    pub reading: Cow<'static, str>,
    /// Why this reading.
    pub reason: Cow<'static, str>,
    /// How sure the reading is.
    pub confidence: Confidence,
}

/// One itemised charge.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Line {
    /// What kind of charge.
    pub component: Component,
    /// How much.
    #[serde(with = "crate::model::money")]
    pub amount: Decimal,
    /// The article it is charged under, in the numbering in force on the decision date.
    pub basis: Cow<'static, str>,
    /// The source it comes from: a seed ("002", "003", "004") or a text.
    pub seed: Cow<'static, str>,
    /// The row (or paragraph) of the source, as printed.
    pub seed_row: Cow<'static, str>,
    /// When it is paid.
    pub due: DueAt,
    /// Why it is due.
    pub explanation: Explanation,
}
