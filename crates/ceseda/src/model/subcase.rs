//! Typed values of the sub-cases the law distinguishes within a row, and of circumstances.

use crate::model::codes::code_enum;

code_enum! {
    /// Family reunification: which family member the card is for.
    pub enum FamilyMember ("family_member") {
        /// Spouse (conjoint).
        Spouse => "spouse", "Conjoint", "Spouse";
        /// Child (enfant).
        Child => "child", "Enfant", "Child";
    }
}

code_enum! {
    /// Temporary card (CST) or multi-year card (CSP).
    pub enum CardKind ("card_kind") {
        /// Carte de séjour temporaire: one year at most.
        Cst => "cst", "Carte de séjour temporaire (CST)", "Temporary residence card (CST)";
        /// Carte de séjour pluriannuelle: multi-year card.
        Csp => "csp", "Carte de séjour pluriannuelle (CSP)", "Multi-year residence card (CSP)";
    }
}

code_enum! {
    /// How long the card is valid for.
    pub enum CardValidity ("card_validity") {
        /// One year (or less).
        OneYear => "one_year", "Un an (ou moins)", "One year (or less)";
        /// More than one year.
        MoreThanOneYear => "more_than_one_year", "Plus d'un an", "More than one year";
    }
}

code_enum! {
    /// The card issued after an exceptional admission to residence (L. 313-14).
    pub enum AdmissionCard ("admission_card") {
        /// A « vie privée et familiale » card.
        Vpf => "vpf", "Carte « vie privée et familiale »", "« Private and family life » card";
        /// A « salarié » card.
        Salarie => "salarie", "Carte « salarié »", "« Employee » card";
        /// A « travailleur temporaire » card (2016 and 2020 tables only).
        TravailleurTemporaire => "travailleur_temporaire", "Carte « travailleur temporaire »", "« Temporary worker » card";
    }
}

code_enum! {
    /// Citizenship of, or family tie to, the EU, the EEA, Switzerland or Andorra.
    pub enum EuStatus ("eu_status") {
        /// Citizen of an EU or EEA state, Switzerland or Andorra.
        Citizen => "citizen", "Citoyen UE/EEE/suisse ou andorran", "EU/EEA/Swiss or Andorran citizen";
        /// Third-country family member of such a citizen.
        FamilyMember => "family_member", "Membre de famille (ressortissant de pays tiers) d'un tel citoyen", "Third-country family member of such a citizen";
    }
}
