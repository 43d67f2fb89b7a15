//! A realistic mix of requests for the benchmarks (the shape of a year's permits).

use ceseda::{Permit, Procedure, Request};
use chrono::NaiveDate;

/// `n` requests mixing permits, procedures and decision dates from 2017 to 2026.
pub fn mixed_requests(n: usize) -> Vec<Request> {
    let permits = [Permit::Visiteur, Permit::Etudiant, Permit::Salarie, Permit::VpfConjointDeFrancais, Permit::TalentSalarie, Permit::CrResidentLongueDureeUe, Permit::VpfRegroupementFamilial, Permit::CraUnAnVpf];
    let procedures = [Procedure::FirstIssue, Procedure::Renewal, Procedure::Renewal, Procedure::Duplicate];
    let start = NaiveDate::from_ymd_opt(2017, 1, 1).unwrap_or(NaiveDate::MIN);
    (0..n)
        .map(|i| {
            let permit = permits.get(i % permits.len()).copied().unwrap_or(Permit::Visiteur);
            let procedure = procedures.get(i % procedures.len()).copied().unwrap_or(Procedure::FirstIssue);
            let date = start + chrono::Days::new((i as u64 * 7919) % 3600);
            let mut r = Request::new(permit, procedure, date);
            r.sub_case.card_kind = Some(ceseda::CardKind::Cst);
            r.sub_case.family_member = Some(ceseda::FamilyMember::Spouse);
            r.circumstances.irregular_entry = i % 10 == 0;
            r
        })
        .collect()
}
