//! The procedure: what is being asked of the prefecture.

use crate::model::codes::code_enum;

code_enum! {
    /// What is being asked: a first title, a renewal, a duplicate…
    #[non_exhaustive]
    pub enum Procedure ("procedure") {
        /// First issue (première admission au séjour, 1er titre).
        FirstIssue => "first_issue", "Première délivrance", "First issue";
        /// Renewal of a previous title, including a change of status (changement de statut).
        Renewal => "renewal", "Renouvellement (y compris changement de statut)", "Renewal (including a change of status)";
        /// Duplicate (duplicata) of a lost, stolen or damaged card.
        Duplicate => "duplicate", "Duplicata", "Duplicate";
        /// Renewal without presenting the expired title (renouvellement sans présentation du
        /// titre échu); the 2011 and 2016 tables charge it like a duplicate.
        RenewalWithoutExpiredTitle => "renewal_without_expired_title", "Renouvellement sans présentation du titre échu", "Renewal without the expired title";
        /// Change of the details printed on the card (address, civil status): stamp duty only.
        ChangeOfDetails => "change_of_details", "Changement des mentions de la carte (adresse, état civil)", "Change of the card's details (address, civil status)";
    }
}

impl Procedure {
    /// A renewal, with or without the expired title.
    pub const fn is_renewal(self) -> bool {
        matches!(self, Procedure::Renewal | Procedure::RenewalWithoutExpiredTitle)
    }
}
