//! A quote: the regime used, the outcome, the itemised lines with their legal bases, the
//! total, and the errata and notes that touched it.

use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::codes::code_enum;
use crate::document::Document;
use crate::errata::Erratum;
use crate::procedure::Procedure;
use crate::regime::{Confidence, RegimeId};

code_enum! {
    /// What the answer is: an amount, or one of the tables' non-amount answers.
    #[non_exhaustive]
    pub enum Outcome ("outcome") {
        /// Something is due: see the lines.
        AmountDue => "amount_due",
        /// Exempté: nothing is due.
        Exempt => "exempt",
        /// Sans objet: the procedure does not exist for this title.
        SansObjet => "sans_objet",
        /// Hors champ: outside the scope of these taxes.
        HorsChamp => "hors_champ",
        /// Même montant que le titre de séjour remplacé (VLS-TS): give `underlying_permit` to price it.
        SameAsReplacedTitle => "same_as_replaced_title",
    }
}

code_enum! {
    /// The kind of charge a line is.
    #[non_exhaustive]
    pub enum Component ("component") {
        /// The tax on the title (taxe OFII, taxe sur la délivrance et le renouvellement).
        Tax => "tax",
        /// Droit de timbre: the stamp duty on the card.
        DroitDeTimbre => "droit_de_timbre",
        /// Majoration: the surcharge on a duplicate or a renewal without the expired title.
        DuplicateSurcharge => "duplicate_surcharge",
        /// Visa de régularisation, the part due when the application is filed.
        VisaDeRegularisationFiling => "visa_de_regularisation_filing",
        /// Visa de régularisation, the balance due when the title is issued.
        VisaDeRegularisationBalance => "visa_de_regularisation_balance",
        /// The charge on a late renewal (180 €; +15 € under the 2011 table).
        LateRenewalCharge => "late_renewal_charge",
        /// The tax on a document de circulation pour étranger mineur.
        DcemTax => "dcem_tax",
        /// The tax on a travel document (article 953 CGI).
        TravelDocumentTax => "travel_document_tax",
    }
}

code_enum! {
    /// When a line is paid.
    pub enum DueAt ("due") {
        /// When the application is filed.
        AtFiling => "at_filing",
        /// When the title is issued.
        AtIssue => "at_issue",
    }
}

/// A short explanation in French and English.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Explanation {
    /// French.
    pub fr: Cow<'static, str>,
    /// English.
    pub en: Cow<'static, str>,
}

impl Explanation {
    pub(crate) const fn new(fr: &'static str, en: &'static str) -> Explanation {
        Explanation { fr: Cow::Borrowed(fr), en: Cow::Borrowed(en) }
    }
}

/// One itemised charge.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Line {
    /// What kind of charge.
    pub component: Component,
    /// How much.
    #[serde(with = "crate::money")]
    pub amount: Decimal,
    /// The article it is charged under, in the numbering in force on the decision date.
    pub basis: Cow<'static, str>,
    /// The seed it comes from ("002", "003", "004"), or the other source.
    pub seed: Cow<'static, str>,
    /// The row (or note) of the source, as printed.
    pub seed_row: Cow<'static, str>,
    /// When it is paid.
    pub due: DueAt,
    /// Why it is due.
    pub explanation: Explanation,
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
    pub(crate) const fn new(code: &'static str, fr: &'static str, en: &'static str) -> Note {
        Note { code: Cow::Borrowed(code), text: Explanation::new(fr, en) }
    }
}

/// The answer to a [`crate::Request`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// The regime used.
    pub regime: RegimeId,
    /// The regime's confidence rating.
    pub confidence: Confidence,
    /// What was quoted.
    pub permit: Document,
    /// The procedure.
    pub procedure: Procedure,
    /// The decision date.
    pub date: NaiveDate,
    /// The answer's kind.
    pub outcome: Outcome,
    /// The itemised charges.
    pub lines: Vec<Line>,
    /// The sum of the lines.
    #[serde(with = "crate::money")]
    pub total: Decimal,
    /// The errata that touched this quote.
    pub errata: Vec<Erratum>,
    /// Rules applied and readings taken.
    pub notes: Vec<Note>,
}

impl Quote {
    /// The sum of the lines of one component.
    pub fn component(&self, component: Component) -> Decimal {
        self.lines.iter().filter(|l| l.component == component).map(|l| l.amount).sum()
    }

    /// What is paid when the application is filed.
    pub fn due_at_filing(&self) -> Decimal {
        self.lines.iter().filter(|l| l.due == DueAt::AtFiling).map(|l| l.amount).sum()
    }

    /// A plain-text explanation, in French (`"fr"`) or English (anything else).
    pub fn explain(&self, lang: &str) -> String {
        let fr = lang == "fr";
        let pick = |e: &Explanation| if fr { e.fr.to_string() } else { e.en.to_string() };
        let regime = self.regime.regime();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} — {} — {}",
            self.permit.code(),
            self.procedure.code(),
            self.date
        );
        let _ = writeln!(
            out,
            "{}: {} ({}; {}: {})",
            if fr { "Régime" } else { "Regime" },
            if fr { regime.label_fr } else { regime.label_en },
            self.regime.code(),
            if fr { "confiance" } else { "confidence" },
            self.confidence.code()
        );
        for line in &self.lines {
            let due = match (line.due, fr) {
                (DueAt::AtFiling, true) => "au dépôt",
                (DueAt::AtFiling, false) => "at filing",
                (DueAt::AtIssue, true) => "à la délivrance",
                (DueAt::AtIssue, false) => "at issue",
            };
            let _ = writeln!(out, "  {:<32} {:>9} €  {} [{}]", line.component.code(), crate::money::to_string(line.amount), line.basis, due);
            let _ = writeln!(out, "      {}", pick(&line.explanation));
            let _ = writeln!(out, "      seed {}: {}", line.seed, line.seed_row);
        }
        let outcome = match self.outcome {
            Outcome::AmountDue => if fr { "montant dû" } else { "amount due" },
            Outcome::Exempt => if fr { "exempté" } else { "exempt" },
            Outcome::SansObjet => "sans objet",
            Outcome::HorsChamp => "hors champ",
            Outcome::SameAsReplacedTitle => if fr { "même montant que le titre remplacé" } else { "same amount as the title replaced" },
        };
        let _ = writeln!(out, "  {:<32} {:>9} €  ({})", "total", crate::money::to_string(self.total), outcome);
        for e in &self.errata {
            let _ = writeln!(out, "Erratum {}: « {} » → {} ({})", e.id, e.printed, e.reading, e.reason);
        }
        for n in &self.notes {
            let _ = writeln!(out, "Note [{}]: {}", n.code, pick(&n.text));
        }
        out
    }
}
