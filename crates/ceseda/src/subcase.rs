//! Typed sub-cases that the tables distinguish within a row, and circumstance values.

use crate::codes::code_enum;

code_enum! {
    /// Family reunification: which family member the card is for.
    pub enum FamilyMember ("family_member") {
        /// Spouse (conjoint).
        Spouse => "spouse",
        /// Child (enfant).
        Child => "child",
    }
}

code_enum! {
    /// Temporary card (CST) or multi-year card (CSP).
    pub enum CardKind ("card_kind") {
        /// Carte de séjour temporaire: one year at most.
        Cst => "cst",
        /// Carte de séjour pluriannuelle: multi-year card.
        Csp => "csp",
    }
}

code_enum! {
    /// How long the card is valid for.
    pub enum CardValidity ("card_validity") {
        /// One year (or less).
        OneYear => "one_year",
        /// More than one year.
        MoreThanOneYear => "more_than_one_year",
    }
}

code_enum! {
    /// The card issued after an exceptional admission to residence (L. 313-14).
    pub enum AdmissionCard ("admission_card") {
        /// A « vie privée et familiale » card.
        Vpf => "vpf",
        /// A « salarié » card.
        Salarie => "salarie",
        /// A « travailleur temporaire » card (2016 and 2020 tables only).
        TravailleurTemporaire => "travailleur_temporaire",
    }
}

code_enum! {
    /// Citizenship of, or family tie to, the EU, the EEA, Switzerland or Andorra.
    pub enum EuStatus ("eu_status") {
        /// Citizen of an EU or EEA state, Switzerland or Andorra.
        Citizen => "citizen",
        /// Third-country family member of such a citizen.
        FamilyMember => "family_member",
    }
}
