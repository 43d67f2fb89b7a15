//! The renewal filing window: R. 311-2 4° until 30 April 2021, R. 431-5 from 1 May 2021
//! (décret 2021-313), and seed 001's practice (the online service, the recommended months).
//!
//! * R. 311-2 4° (`sources/R311-2.md`), three versions: from 15 November 2006 "dans le courant
//!   des deux derniers mois précédant l'expiration de la carte de séjour dont il est titulaire";
//!   from 22 March 2007 "…, sauf s'il est titulaire du statut de résident de longue durée-CE
//!   accordé par la France en application de l'article L. 314-8"; from 9 March 2014 (décret
//!   2014-301) "… des articles L. 314-8 et L. 314-8-2". L. 314-8-1 (after a blue card) is never
//!   named, so its holders file in the two months like anyone else. Filings before
//!   15 November 2006 are outside every version: an error, never a guess.
//! * R. 431-5: from the 120th to the 60th day before expiry for permits applied for online
//!   (the R. 431-2 list); the last two months otherwise.
//! * Seed 001: talent passports can be applied for online since 31 May 2021; the ministry
//!   recommends filing four to three months before expiry.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::law::types::{t, Text};
use crate::model::codes::code_enum;
use crate::model::date::ymd;
use crate::model::permit::Permit::{self, *};

code_enum! {
    /// The rule that sets a renewal filing window.
    pub enum WindowRule ("rule") {
        /// R. 311-2 4° (until 30 Apr 2021): the last two months before expiry.
        R311_2 => "r311_2_two_months", "R. 311-2 4° : les deux derniers mois avant l'expiration", "R. 311-2 4°: the last two months before expiry";
        /// R. 311-2 4°: long-term EU residents are excepted from the window.
        R311_2LongTermResident => "r311_2_long_term_resident_excepted", "R. 311-2 4° : résident de longue durée-UE, hors délai", "R. 311-2 4°: long-term EU resident, no window";
        /// R. 431-5 (from 1 May 2021), online permits: the 120th to the 60th day before expiry.
        R431_5Online => "r431_5_online", "R. 431-5 : demande en ligne, du 120e au 60e jour avant l'expiration", "R. 431-5: online application, the 120th to the 60th day before expiry";
        /// R. 431-5 (from 1 May 2021), other permits: the last two months before expiry.
        R431_5TwoMonths => "r431_5_two_months", "R. 431-5 : les deux derniers mois avant l'expiration", "R. 431-5: the last two months before expiry";
    }
}

/// A version of the window rule, from the date it applies to filings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WindowText {
    /// The first filing date it governs.
    pub from: NaiveDate,
    /// The article.
    pub basis: Text,
    /// Titles excepted from the window (long-term residents under R. 311-2).
    pub excepted: Cow<'static, [Permit]>,
    /// The online window, in days before expiry (opens, closes), where the text has one.
    pub online_days: Option<(u64, u64)>,
    /// The window otherwise, in months before expiry.
    pub months: u32,
}

/// Every version, oldest first.
pub static WINDOWS: &[WindowText] = &[
    WindowText { from: ymd(2006, 11, 15), basis: t("CESEDA R. 311-2 4° (version du 15 novembre 2006)"), excepted: Cow::Borrowed(&[]), online_days: None, months: 2 },
    WindowText {
        from: ymd(2007, 3, 22),
        basis: t("CESEDA R. 311-2 4° (version du 22 mars 2007)"),
        excepted: Cow::Borrowed(&[CrResidentLongueDureeUe]),
        online_days: None,
        months: 2,
    },
    WindowText {
        from: ymd(2014, 3, 9),
        basis: t("CESEDA R. 311-2 4° (décret n° 2014-301)"),
        excepted: Cow::Borrowed(&[CrResidentLongueDureeUe, CrResidentLongueDureeUeProtectionInternationale]),
        online_days: None,
        months: 2,
    },
    WindowText { from: ymd(2021, 5, 1), basis: t("CESEDA R. 431-5"), excepted: Cow::Borrowed(&[]), online_days: Some((120, 60)), months: 2 },
];

/// Seed 001: "Since May 31, 2021, you can apply for a talent passport residence permit online."
pub const TALENT_ONLINE_FROM: NaiveDate = ymd(2021, 5, 31);
/// The permits seed 001 says are applied for online from [`TALENT_ONLINE_FROM`].
pub const ONLINE_BY_DEFAULT: &[Permit] = &[
    TalentSalarie, TalentCarteBleueEuropeenne, TalentSalarieEnMission, TalentChercheur, TalentCreateurEntreprise, TalentArtisteInterprete, TalentRenomme, TalentFamille,
];
/// Seed 001: "The ministry recommends to make this request within 4 to 3 months before the
/// expiry", in months before expiry (from, until).
pub const RECOMMENDED_MONTHS: (u32, u32) = (4, 3);
/// Where the recommendation comes from, as the window answer names it.
pub const RECOMMENDED_SOURCE: &str = "seed 001";
