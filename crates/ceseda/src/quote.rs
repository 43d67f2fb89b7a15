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

    /// A plain-text explanation in `lang`: in French, every label (component, when due,
    /// outcome, confidence) is the vocabulary's French label; in English the component is its
    /// code.
    pub fn explain(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let regime = self.regime.regime();
        let mut out = String::new();
        let _ = writeln!(out, "{} — {} — {}", self.permit.code(), self.procedure.code(), self.date);
        let _ = writeln!(
            out,
            "{}{} {} ({}; {}{} {})",
            lang.pick("Régime", "Regime"),
            lang.pick(" :", ":"),
            lang.pick(&regime.label_fr, &regime.label_en),
            self.regime.code(),
            lang.pick("confiance", "confidence"),
            lang.pick(" :", ":"),
            self.confidence.label(lang)
        );
        let name = |c: Component| if fr { c.label_fr() } else { c.code() };
        let width = self.lines.iter().map(|l| name(l.component).chars().count()).chain([32]).max().unwrap_or(32);
        for line in &self.lines {
            let due = match (line.due, fr) {
                (due, true) => lower_first(due.label_fr()),
                (DueAt::AtFiling, false) => "at filing".to_string(),
                (DueAt::AtIssue, false) => "at issue".to_string(),
            };
            let _ = writeln!(out, "  {:<width$} {:>9} €  {} [{}]", name(line.component), crate::model::money::to_string(line.amount), line.basis, due);
            let _ = writeln!(out, "      {}", line.explanation.get(lang));
            let _ = writeln!(out, "      {} {}{} {}", lang.pick("source", "seed"), line.seed, lang.pick(" :", ":"), line.seed_row);
        }
        let outcome = match (self.outcome, fr) {
            (outcome, true) => lower_first(outcome.label_fr()),
            (Outcome::AmountDue, false) => "amount due".to_string(),
            (Outcome::Exempt, false) => "exempt".to_string(),
            (Outcome::SansObjet, false) => "sans objet".to_string(),
            (Outcome::HorsChamp, false) => "hors champ".to_string(),
            (Outcome::SameAsReplacedTitle, false) => "same amount as the title replaced".to_string(),
        };
        let total = self.total.map_or_else(|| "—".to_string(), crate::model::money::to_string);
        let _ = writeln!(out, "  {:<width$} {:>9} €  ({})", "total", total, outcome);
        for e in &self.errata {
            let _ = writeln!(out, "Erratum {}{} « {} » → {} ({})", e.id, lang.pick(" :", ":"), e.printed, e.reading, e.reason);
        }
        for n in &self.notes {
            let _ = writeln!(out, "Note [{}]{} {}", n.code, lang.pick(" :", ":"), n.text.get(lang));
        }
        out
    }
}

/// A label as it reads inside a sentence: "Au dépôt de la demande" → "au dépôt de la demande".
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}
