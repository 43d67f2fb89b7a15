//! The list of regimes, oldest first: the only place that names one. Adding a regime is a
//! law file and one line here.

use chrono::NaiveDate;

use crate::law::types::{Regime, RegimeLaw};
use crate::law::{lf_2026, table_2011, table_2016, table_2020};
use crate::model::codes::code_enum;
use crate::Error;

code_enum! {
    /// A tariff regime's stable id.
    #[non_exhaustive]
    pub enum RegimeId ("regime") {
        /// Seed 002: the OFII table (340 / 85 / 19), 1 Oct – 31 Dec 2011.
        Table2011 => "table_2011", "Tableau OFII de 2011", "2011 OFII table";
        /// Seed 003: the November 2016 table (décret 2016-1462).
        Table2016 => "table_2016", "Tableau de novembre 2016", "November 2016 table";
        /// Seed 004: the January 2020 table (loi de finances pour 2020, note INTV1937918J).
        Table2020 => "table_2020", "Tableau de janvier 2020", "January 2020 table";
        /// Seed 004's table with the increases of the loi de finances pour 2026, art. 128.
        Lf2026 => "lf_2026", "Loi de finances pour 2026", "Finance Act 2026";
    }
}

/// Every regime's law, oldest first. Gaps between them are periods no source covers.
pub static LAWS: &[&RegimeLaw] = &[&table_2011::LAW, &table_2016::LAW, &table_2020::LAW, &lf_2026::LAW];

impl RegimeId {
    /// This regime's law.
    pub fn law(self) -> &'static RegimeLaw {
        match self {
            RegimeId::Table2011 => &table_2011::LAW,
            RegimeId::Table2016 => &table_2016::LAW,
            RegimeId::Table2020 => &table_2020::LAW,
            RegimeId::Lf2026 => &lf_2026::LAW,
        }
    }

    /// This regime's period and sources.
    pub fn regime(self) -> &'static Regime {
        &self.law().regime
    }
}

/// Every regime's period, oldest first.
pub fn regimes() -> impl Iterator<Item = &'static Regime> {
    LAWS.iter().map(|l| &l.regime)
}

/// The law in force on `date` (a decision date), or an error naming the covered periods.
pub fn law_for(date: NaiveDate, field: &'static str) -> Result<&'static RegimeLaw, Error> {
    LAWS.iter().copied().find(|l| l.regime.covers(date)).ok_or_else(|| Error::DateOutOfRange { field, value: date.to_string(), covered: covered_periods() })
}

/// The covered periods, for error messages.
pub fn covered_periods() -> Vec<String> {
    regimes().map(Regime::period).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regimes_are_ordered_disjoint_and_listed_once() {
        for pair in LAWS.windows(2) {
            if let [a, b] = pair {
                let end = a.regime.valid_until.unwrap_or(NaiveDate::MAX);
                assert!(end < b.regime.valid_from, "{} overlaps {}", a.regime.id, b.regime.id);
            }
        }
        assert_eq!(LAWS.len(), RegimeId::ALL.len());
        for (law, id) in LAWS.iter().zip(RegimeId::ALL) {
            assert_eq!(law.regime.id, *id);
            assert_eq!(id.law().regime.id, *id);
        }
    }
}
