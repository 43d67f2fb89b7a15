//! Tariff regimes: which table applies on which date, and how sure we are of it.

use chrono::NaiveDate;

use crate::codes::code_enum;
use crate::error::Error;

code_enum! {
    /// A tariff regime's stable id.
    #[non_exhaustive]
    pub enum RegimeId ("regime") {
        /// Seed 002: the older OFII table (340 / 85 / 19), late 2011.
        Table2011 => "table_2011",
        /// Seed 003: the November 2016 table (décret 2016-1462).
        Table2016 => "table_2016",
        /// Seed 004: the January 2020 table (loi de finances pour 2020, note INTV1937918J).
        Table2020 => "table_2020",
        /// Seed 004's table with the increases of the loi de finances pour 2026, art. 128.
        Lf2026 => "lf_2026",
    }
}

code_enum! {
    /// How well the sources support a regime or a figure (`LEGAL_NOTES.md` ratings).
    pub enum Confidence ("confidence") {
        /// Several consistent sources, or official text.
        High => "high",
        /// One good source, or an inference from official text.
        Medium => "medium",
        /// A secondary mention only.
        Low => "low",
    }
}

code_enum! {
    /// Which date of the file selects a regime.
    pub enum SelectingDate ("selected_by") {
        /// The date of the decision to issue the title.
        DecisionDate => "decision_date",
    }
}

/// A tariff regime: a table of amounts in force over a period.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Regime {
    /// Stable id.
    pub id: RegimeId,
    /// French label.
    pub label_fr: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// First day (inclusive) of the period in which decisions fall under this regime.
    pub valid_from: NaiveDate,
    /// Last day (inclusive), or `None` while no later source amends it.
    pub valid_until: Option<NaiveDate>,
    /// The date that selects the regime.
    pub selected_by: SelectingDate,
    /// The source document.
    pub source: &'static str,
    /// How sure we are of the regime as a whole (the lowest rating of its facts).
    pub confidence: Confidence,
    /// Why the confidence is what it is.
    pub provenance: &'static str,
}

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// 1 May 2021: the CESEDA recodification (ordonnance 2020-1733). Article numbers change.
pub const RECODIFICATION: NaiveDate = ymd(2021, 5, 1);
/// 2 January 2020: the loi de finances pour 2020 applies to decisions from this date.
pub const LF2020_START: NaiveDate = ymd(2020, 1, 2);
/// 1 May 2026: the loi de finances pour 2026 increases apply.
pub const LF2026_START: NaiveDate = ymd(2026, 5, 1);

/// Every regime, oldest first. Gaps between them are periods no source covers.
pub const REGIMES: &[Regime] = &[TABLE_2011, TABLE_2016, TABLE_2020, LF_2026];

const TABLE_2011: Regime = Regime {
        id: RegimeId::Table2011,
        label_fr: "Taxes dues à l'OFII et droit de timbre (tableau 2011)",
        label_en: "OFII taxes and stamp duty (2011 table)",
        valid_from: ymd(2011, 10, 1),
        valid_until: Some(ymd(2011, 12, 31)),
        selected_by: SelectingDate::DecisionDate,
        source: "seed 002: TAXES SUR LES TITRES DE SEJOUR DUES A L'OFII (articles L. 311-13, L. 311-14, L. 311-16 du CESEDA)",
        confidence: Confidence::Medium,
        provenance: "The table states no dates. 1 Oct 2011 is when the 19 € stamp began (décret 2011-1070); from 1 Jan 2012 the circulaire of 12 January 2012 set other amounts (LEGAL_NOTES, M).",
};

const TABLE_2016: Regime = Regime {
        id: RegimeId::Table2016,
        label_fr: "Taxes et droits acquittés sur les titres de séjour – novembre 2016",
        label_en: "Residence permit taxes and duties – November 2016",
        valid_from: ymd(2016, 11, 1),
        valid_until: Some(ymd(2020, 1, 1)),
        selected_by: SelectingDate::DecisionDate,
        source: "seed 003: TAXES ET DROITS ACQUITTES PAR LES RESSORTISSANTS ETRANGERS SUR LES TITRES DE SEJOUR - NOVEMBRE 2016 (décret 2016-1462)",
        confidence: Confidence::High,
        provenance: "Décret 2016-1462 of 28 Oct 2016, in force 1 Nov 2016; replaced for decisions from 2 Jan 2020 (seed 004).",
};

const TABLE_2020: Regime = Regime {
        id: RegimeId::Table2020,
        label_fr: "Taxes et droits acquittés sur les titres de séjour – janvier 2020",
        label_en: "Residence permit taxes and duties – January 2020",
        valid_from: LF2020_START,
        valid_until: Some(ymd(2026, 4, 30)),
        selected_by: SelectingDate::DecisionDate,
        source: "seed 004: note d'information du 31 décembre 2019, NOR INTV1937918J (loi 2019-1479, art. 26), and its January 2020 table",
        confidence: Confidence::High,
        provenance: "Official note; applies to decisions from 2 Jan 2020. Article numbers change on 1 May 2021 (recodification), amounts do not.",
};

const LF_2026: Regime = Regime {
        id: RegimeId::Lf2026,
        label_fr: "Loi de finances pour 2026, art. 128 (tableau de janvier 2020 majoré)",
        label_en: "Finance Act 2026, art. 128 (January 2020 table with the 2026 increases)",
        valid_from: LF2026_START,
        valid_until: None,
        selected_by: SelectingDate::DecisionDate,
        source: "LEGAL_NOTES: loi de finances pour 2026, art. 128 (Conseil constitutionnel 2026-901 DC), applied to seed 004's table",
        confidence: Confidence::Medium,
        provenance: "Amounts H (several sources); the 1 May 2026 start date M; exemption lists, the 180 € charge, the DCEM and duplicates taken as unchanged (M); stamp duty on an APS unknown (L).",
};

impl RegimeId {
    /// This regime's metadata.
    pub fn regime(self) -> &'static Regime {
        match self {
            RegimeId::Table2011 => &TABLE_2011,
            RegimeId::Table2016 => &TABLE_2016,
            RegimeId::Table2020 => &TABLE_2020,
            RegimeId::Lf2026 => &LF_2026,
        }
    }
}

impl Regime {
    /// Whether `date` falls in this regime's period.
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.valid_from && self.valid_until.map_or(true, |end| date <= end)
    }

    /// The regime in force on `date` (a decision date), or an error naming the covered periods.
    pub fn for_date(date: NaiveDate, field: &'static str) -> Result<&'static Regime, Error> {
        REGIMES.iter().find(|r| r.covers(date)).ok_or_else(|| Error::DateOutOfRange {
            field,
            value: date.to_string(),
            covered: covered_periods(),
        })
    }

    /// "1 Oct 2011 – 31 Dec 2011 (table_2011)" style description of the period.
    pub fn period(&self) -> String {
        match self.valid_until {
            Some(end) => format!("{} to {} ({})", self.valid_from, end, self.id),
            None => format!("from {} ({})", self.valid_from, self.id),
        }
    }
}

/// The covered periods, for error messages.
pub fn covered_periods() -> Vec<String> {
    REGIMES.iter().map(Regime::period).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regimes_are_ordered_and_disjoint() {
        for pair in REGIMES.windows(2) {
            if let [a, b] = pair {
                let end = a.valid_until.unwrap_or(NaiveDate::MAX);
                assert!(end < b.valid_from, "{} overlaps {}", a.id, b.id);
            }
        }
        for r in REGIMES {
            assert_eq!(r.id.regime().id, r.id);
        }
    }
}
