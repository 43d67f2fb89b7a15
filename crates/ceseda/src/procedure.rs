//! The procedure: what is being asked of the prefecture.

use crate::codes::code_enum;

code_enum! {
    /// What is being asked: a first title, a renewal, a duplicate…
    #[non_exhaustive]
    pub enum Procedure ("procedure") {
        /// First issue (première admission au séjour, 1er titre).
        FirstIssue => "first_issue",
        /// Renewal of a previous title, including a change of status (changement de statut).
        Renewal => "renewal",
        /// Duplicate (duplicata) of a lost, stolen or damaged card.
        Duplicate => "duplicate",
        /// Renewal without presenting the expired title (renouvellement sans présentation du
        /// titre échu); the 2011 and 2016 tables charge it like a duplicate.
        RenewalWithoutExpiredTitle => "renewal_without_expired_title",
        /// Change of the details printed on the card (address, civil status): stamp duty only.
        ChangeOfDetails => "change_of_details",
    }
}
