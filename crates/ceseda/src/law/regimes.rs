//! The list of regimes, oldest first: the only place that names one. Adding a regime is a
//! law file and one line here.

use chrono::NaiveDate;

use crate::law::types::{Regime, RegimeLaw};
use crate::law::{lf_2026, statute_2009, statute_2010, statute_2011_01, statute_2011_02, statute_2012, statute_2012_12_31, statute_2013, statute_2014, statute_2014_08, table_2011, table_2016, table_2020};
use crate::model::codes::code_enum;
use crate::Error;

code_enum! {
    /// A tariff regime's stable id.
    #[non_exhaustive]
    pub enum RegimeId ("regime") {
        /// D. 311-18-1 (décret 2009-2) and L. 311-13 (LF 2009), 5 Jan 2009 – 25 Jun 2010.
        Statute20090105 => "statute_2009_01_05", "D. 311-18-1 de 2009", "D. 311-18-1 of 2009";
        /// D. 311-18-1 (décret 2010-689), 26 Jun – 31 Dec 2010.
        Statute20100626 => "statute_2010_06_26", "D. 311-18-1 de juin 2010", "D. 311-18-1 of June 2010";
        /// D. 311-18-1 (décret 2010-689) under L. 311-13 of the LF 2011, 1 Jan – 11 Feb 2011.
        Statute20110101 => "statute_2011_01_01", "L. 311-13 de la loi de finances pour 2011", "L. 311-13 of the Finance Act 2011";
        /// D. 311-18-1 (décret 2011-163), 12 Feb – 30 Sep 2011.
        Statute20110212 => "statute_2011_02_12", "D. 311-18-1 de février 2011", "D. 311-18-1 of February 2011";
        /// Seed 002: the OFII table (340 / 85 / 19), 1 Oct – 31 Dec 2011.
        Table2011 => "table_2011", "Tableau OFII de 2011", "2011 OFII table";
        /// D. 311-18-1 (décret 2011-2062) and L. 311-13 (LF 2012), 1 Jan – 30 Dec 2012.
        Statute20120101 => "statute_2012_01_01", "D. 311-18-1 et L. 311-13 de 2012", "D. 311-18-1 and L. 311-13 of 2012";
        /// D. 311-18-1 (décret 2012-1535) under L. 311-13 of 2012, 31 Dec 2012.
        Statute20121231 => "statute_2012_12_31", "31 décembre 2012", "31 December 2012";
        /// D. 311-18-1 (décret 2012-1535) and L. 311-13 (LF 2013), 2013.
        Statute20130101 => "statute_2013_01_01", "L. 311-13 de la loi de finances pour 2013", "L. 311-13 of the Finance Act 2013";
        /// D. 311-18-1 (décret 2012-1535) and L. 311-13 (LF 2014), 1 Jan – 5 Aug 2014.
        Statute20140101 => "statute_2014_01_01", "L. 311-13 de la loi de finances pour 2014", "L. 311-13 of the Finance Act 2014";
        /// With L. 311-18 (loi 2014-873), 6 Aug 2014 – 31 Oct 2016.
        Statute20140806 => "statute_2014_08_06", "L. 311-18 (loi 2014-873)", "L. 311-18 (loi 2014-873)";
        /// Seed 003: the November 2016 table (décret 2016-1462).
        Table2016 => "table_2016", "Tableau de novembre 2016", "November 2016 table";
        /// Seed 004: the January 2020 table (loi de finances pour 2020, note INTV1937918J).
        Table2020 => "table_2020", "Tableau de janvier 2020", "January 2020 table";
        /// Seed 004's table with the increases of the loi de finances pour 2026, art. 128.
        Lf2026 => "lf_2026", "Loi de finances pour 2026", "Finance Act 2026";
    }
}

/// Every regime's law, oldest first. Gaps between them are periods no source covers.
pub static LAWS: &[&RegimeLaw] = &[
    &statute_2009::LAW,
    &statute_2010::LAW,
    &statute_2011_01::LAW,
    &statute_2011_02::LAW,
    &table_2011::LAW,
    &statute_2012::LAW,
    &statute_2012_12_31::LAW,
    &statute_2013::LAW,
    &statute_2014::LAW,
    &statute_2014_08::LAW,
    &table_2016::LAW,
    &table_2020::LAW,
    &lf_2026::LAW,
];

impl RegimeId {
    /// This regime's law.
    pub fn law(self) -> &'static RegimeLaw {
        match self {
            RegimeId::Statute20090105 => &statute_2009::LAW,
            RegimeId::Statute20100626 => &statute_2010::LAW,
            RegimeId::Statute20110101 => &statute_2011_01::LAW,
            RegimeId::Statute20110212 => &statute_2011_02::LAW,
            RegimeId::Table2011 => &table_2011::LAW,
            RegimeId::Statute20120101 => &statute_2012::LAW,
            RegimeId::Statute20121231 => &statute_2012_12_31::LAW,
            RegimeId::Statute20130101 => &statute_2013::LAW,
            RegimeId::Statute20140101 => &statute_2014::LAW,
            RegimeId::Statute20140806 => &statute_2014_08::LAW,
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

/// A list of regimes' laws, oldest first: the built-in law ([`Laws::BUILT_IN`]) or a law a
/// reform amended (`crate::reform::Reform`), which owns its regimes. The engine prices under
/// either; it is a pair of pointers, passed by value.
#[derive(Debug, Clone, Copy)]
pub struct Laws<'a>(LawList<'a>);

#[derive(Debug, Clone, Copy)]
enum LawList<'a> {
    BuiltIn(&'static [&'static RegimeLaw]),
    Owned(&'a [RegimeLaw]),
}

impl<'a> Laws<'a> {
    /// The law as the sources state it.
    pub const BUILT_IN: Laws<'static> = Laws(LawList::BuiltIn(LAWS));

    /// Regimes owned elsewhere (a reform's), oldest first, disjoint.
    pub fn owned(laws: &'a [RegimeLaw]) -> Laws<'a> {
        Laws(LawList::Owned(laws))
    }

    /// Every regime's law, oldest first.
    pub fn iter(self) -> impl Iterator<Item = &'a RegimeLaw> {
        let (built_in, owned): (&'static [&'static RegimeLaw], &'a [RegimeLaw]) = match self.0 {
            LawList::BuiltIn(l) => (l, &[]),
            LawList::Owned(l) => (&[], l),
        };
        built_in.iter().copied().chain(owned.iter())
    }

    /// The law in force on `date`, or an error naming the covered periods.
    pub fn law_for(self, date: NaiveDate, field: &'static str) -> Result<&'a RegimeLaw, Error> {
        self.iter().find(|l| l.regime.covers(date)).ok_or_else(|| Error::DateOutOfRange { field, value: date.to_string(), covered: self.iter().map(|l| l.regime.period()).collect() })
    }

    /// The law of regime `id` (a reform's amended version where it has one; the last of them
    /// where a reform split the regime).
    pub fn law(self, id: RegimeId) -> &'a RegimeLaw {
        self.iter().filter(|l| l.regime.id == id).last().unwrap_or_else(|| id.law())
    }

    /// Whether these are the built-in laws.
    pub fn is_built_in(self) -> bool {
        matches!(self.0, LawList::BuiltIn(_))
    }
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
