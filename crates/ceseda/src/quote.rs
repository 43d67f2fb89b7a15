//! A quote: the regime used, the outcome, the itemised lines with their legal bases, the
//! total, and the errata and notes that touched it.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::law::regimes::RegimeId;
use crate::model::answer::{Component, Confidence, DueAt, Erratum, Line, Note, Outcome};
use crate::model::codes::Lang;
use crate::model::document::Document;
use crate::model::procedure::Procedure;

/// The answer to a [`crate::Request`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Quote {
    /// The regime used.
    pub regime: RegimeId,
    /// How sure the answer is: the regime's rating, lowered where the row or category priced
    /// rests on a reading (an inference, not a line of the source).
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
    /// The sum of the lines: `Some(0.00)` for an exemption, `None` where the outcome is not
    /// an amount (sans objet, hors champ, a VLS-TS without the title it replaces).
    #[serde(with = "crate::model::money::option")]
    pub total: Option<Decimal>,
    /// What is paid when the application is filed (part of the total).
    #[serde(with = "crate::model::money::option")]
    pub due_at_filing: Option<Decimal>,
    /// The errata that touched this quote.
    pub errata: Vec<Erratum>,
    /// Rules applied and readings taken.
    pub notes: Vec<Note>,
}

impl Quote {
    /// The sum of the lines of one component.
    pub fn component(&self, component: Component) -> Decimal {
        crate::model::money::round(self.lines.iter().filter(|l| l.component == component).map(|l| l.amount).sum())
    }

    /// The total, or zero where the outcome has none.
    pub fn total_or_zero(&self) -> Decimal {
        self.total.unwrap_or_else(|| crate::model::money::round(Decimal::ZERO))
    }

    /// A plain-text explanation in `lang`.
    pub fn explain(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let regime = self.regime.regime();
        let mut out = String::new();
        let _ = writeln!(out, "{} — {} — {}", self.permit.code(), self.procedure.code(), self.date);
        let _ = writeln!(
            out,
            "{}: {} ({}; {}: {})",
            lang.pick("Régime", "Regime"),
            lang.pick(&regime.label_fr, &regime.label_en),
            self.regime.code(),
            lang.pick("confiance", "confidence"),
            self.confidence.label(lang)
        );
        for line in &self.lines {
            let due = match (line.due, fr) {
                (DueAt::AtFiling, true) => "au dépôt",
                (DueAt::AtFiling, false) => "at filing",
                (DueAt::AtIssue, true) => "à la délivrance",
                (DueAt::AtIssue, false) => "at issue",
            };
            let _ = writeln!(out, "  {:<32} {:>9} €  {} [{}]", line.component.code(), crate::model::money::to_string(line.amount), line.basis, due);
            let _ = writeln!(out, "      {}", line.explanation.get(lang));
            let _ = writeln!(out, "      seed {}: {}", line.seed, line.seed_row);
        }
        let outcome = match self.outcome {
            Outcome::AmountDue => lang.pick("montant dû", "amount due"),
            Outcome::Exempt => lang.pick("exempté", "exempt"),
            Outcome::SansObjet => "sans objet",
            Outcome::HorsChamp => "hors champ",
            Outcome::SameAsReplacedTitle => lang.pick("même montant que le titre remplacé", "same amount as the title replaced"),
        };
        let total = self.total.map_or_else(|| "—".to_string(), crate::model::money::to_string);
        let _ = writeln!(out, "  {:<32} {:>9} €  ({})", "total", total, outcome);
        for e in &self.errata {
            let _ = writeln!(out, "Erratum {}: « {} » → {} ({})", e.id, e.printed, e.reading, e.reason);
        }
        for n in &self.notes {
            let _ = writeln!(out, "Note [{}]: {}", n.code, n.text.get(lang));
        }
        out
    }
}
