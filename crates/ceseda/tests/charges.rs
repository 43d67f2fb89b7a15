//! The charges under each table: visa de régularisation, late renewal, exemptions,
//! duplicates and surcharges, changes of details, the DCEM and travel documents. Each test
//! quotes the source's wording it checks.

#![allow(clippy::indexing_slicing, clippy::panic)] // serde_json::Value["key"] yields Null on a miss; it never panics.

mod common;
use ceseda::Component::*;
use ceseda::{DueAt, Outcome};
use common::*;
use serde_json::{json, Value};

fn with(mut base: Value, extra: Value) -> Value {
    if let (Some(b), Some(e)) = (base.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    base
}

fn salarie_first(date: &str) -> Value {
    json!({"permit": "salarie", "procedure": "first_issue", "date": date, "irregular_entry": true})
}

fn notes(request: Value) -> Vec<String> {
    q(request).map(|q| q.notes.iter().map(|n| n.code.to_string()).collect()).unwrap_or_default()
}

// ---------------------------------------------------------------- visa de régularisation

#[test]
fn visa_2020_is_200_paid_50_then_150() {
    // Seed 004, measure 5: "50 € … au moment du dépôt … Le complément de 150 € … si le titre est délivré."
    let quote = q(salarie_first("2024-03-01")).ok();
    let quote = quote.as_ref();
    assert_eq!(quote.map(|q| q.total.map_or_else(|| "null".to_string(), ceseda::money::to_string)).as_deref(), Some("425.00"));
    assert_eq!(quote.map(|q| part(q, Tax)).as_deref(), Some("200.00"));
    assert_eq!(quote.map(|q| part(q, DroitDeTimbre)).as_deref(), Some("25.00"));
    assert_eq!(quote.map(|q| part(q, VisaDeRegularisationFiling)).as_deref(), Some("50.00"));
    assert_eq!(quote.map(|q| part(q, VisaDeRegularisationBalance)).as_deref(), Some("150.00"));
    let filing = quote.and_then(|q| q.lines.iter().find(|l| l.component == VisaDeRegularisationFiling)).map(|l| (l.due, l.basis.to_string()));
    assert_eq!(filing, Some((DueAt::AtFiling, "CESEDA L. 436-4".to_string())));
}

#[test]
fn visa_2026_is_300_paid_100_then_200() {
    let quote = q(salarie_first("2026-06-01")).ok();
    let quote = quote.as_ref();
    assert_eq!(quote.map(|q| q.total.map_or_else(|| "null".to_string(), ceseda::money::to_string)).as_deref(), Some("650.00"));
    assert_eq!(quote.map(|q| (part(q, Tax), part(q, DroitDeTimbre))), Some(("300.00".into(), "50.00".into())));
    assert_eq!(quote.map(|q| (part(q, VisaDeRegularisationFiling), part(q, VisaDeRegularisationBalance))), Some(("100.00".into(), "200.00".into())));
}

#[test]
fn visa_2016_is_340_of_which_50_at_filing() {
    // Seed 003: "Droit de visa de régularisation : 340€ dont 50€ à acquitter lors de la demande".
    let quote = q(salarie_first("2018-06-15")).ok();
    assert_eq!(quote.as_ref().map(|q| (part(q, VisaDeRegularisationFiling), part(q, VisaDeRegularisationBalance))), Some(("50.00".into(), "290.00".into())));
    assert_eq!(total(salarie_first("2018-06-15")), "609.00"); // 250 + 19 + 340
}

#[test]
fn visa_follows_the_application_date_from_2_january_2020() {
    // Seed 004: "applicables aux demandes de titres de séjour présentées à partir du 2 janvier 2020.
    // Toutefois, les étrangers ayant acquitté la part initiale de 50 € antérieurement au 2 janvier
    // 2020 et dont la décision … interviendra après cette date devront être assujettis au nouveau
    // tarif pour le paiement de la part complémentaire".
    let transitional = with(salarie_first("2020-01-15"), json!({"application_date": "2019-12-15"}));
    assert_eq!(total(transitional.clone()), "425.00"); // 200 + 25 + 50 + 150, not 50 + 290
    assert!(notes(transitional).contains(&"visa_de_regularisation_transitional_2020".to_string()));
    // Decided on 1 Jan 2020: still the 2016 table, 340.
    assert_eq!(total(with(salarie_first("2020-01-01"), json!({"application_date": "2019-12-15"}))), "609.00");
    // Filed on 2 Jan 2020.
    assert_eq!(total(with(salarie_first("2020-02-01"), json!({"application_date": "2020-01-02"}))), "425.00");
}

#[test]
fn visa_across_1_may_2026_keeps_the_part_paid_at_filing() {
    let filed_before = with(salarie_first("2026-05-15"), json!({"application_date": "2026-04-30"}));
    let quote = q(filed_before.clone()).ok();
    assert_eq!(quote.as_ref().map(|q| (part(q, VisaDeRegularisationFiling), part(q, VisaDeRegularisationBalance))), Some(("50.00".into(), "200.00".into())));
    assert!(notes(filed_before).contains(&"visa_de_regularisation_transitional_2026".to_string()));
    let filed_after = with(salarie_first("2026-05-15"), json!({"application_date": "2026-05-01"}));
    assert_eq!(total(filed_after), "650.00");
}

#[test]
fn visa_is_charged_on_first_issue_only() {
    let renewal = json!({"permit": "salarie", "procedure": "renewal", "date": "2024-03-01", "irregular_entry": true});
    assert_eq!(total(renewal), "225.00");
}

#[test]
fn visa_exemption_lists_differ_by_regime() {
    // 2016: "CR : Ancien combattant - Légionnaire - Réfugié - Apatride - Non-option …" — the refugee, not the family.
    let r = |permit: &str, date: &str| total(json!({"permit": permit, "procedure": "first_issue", "date": date, "irregular_entry": true}));
    assert_eq!(r("cr_refugie", "2018-06-15"), "19.00");
    assert_eq!(r("cr_famille_refugie", "2018-06-15"), "359.00");
    assert_eq!(r("cr_legionnaire", "2018-06-15"), "269.00");
    assert_eq!(r("vpf_aide_sociale_enfance", "2018-06-15"), "19.00");
    // 2016 lists the stateless person only; 2020's CSP row covers the family too.
    assert_eq!(r("vpf_famille_apatride", "2018-06-15"), "359.00");
    assert_eq!(r("vpf_famille_apatride", "2022-06-15"), "25.00");
    assert_eq!(r("cr_protection_subsidiaire", "2022-06-15"), "null"); // sans objet at first issue: no total
    assert_eq!(r("cr_andorran", "2022-06-15"), "0.00");
    assert_eq!(r("cr_legionnaire", "2022-06-15"), "225.00");
    assert_eq!(r("visiteur", "2022-06-15"), "425.00");
}

#[test]
fn eu_citizens_are_exempt_but_not_their_family_members() {
    // "Cartes de séjour délivrées aux citoyens de l'UE … (NB : les membres de leur famille
    // ressortissants de pays tiers peuvent être assujettis)."
    let card = |status: &str| total(json!({"permit": "carte_ue", "procedure": "first_issue", "date": "2022-06-15", "irregular_entry": true, "eu_status": status}));
    assert_eq!(card("citizen"), "0.00");
    assert_eq!(card("family_member"), "200.00");
}

#[test]
fn domestic_violence_exempts_the_spouse_from_everything() {
    // (***) "Exemption du droit de visa de régularisation, du droit de timbre et de la taxe …
    // en cas de violences conjugales subies par le conjoint étranger".
    let spouse = json!({"permit": "vpf_conjoint_de_francais", "procedure": "first_issue", "date": "2022-06-15", "irregular_entry": true, "violence_victim": true});
    let quote = q(spouse.clone()).ok();
    assert_eq!(quote.as_ref().map(|q| (q.outcome, q.lines.len())), Some((Outcome::Exempt, 0)));
    assert!(notes(spouse).contains(&"violence_exemption".to_string()));
    for procedure in ["renewal", "duplicate"] {
        assert_eq!(total(json!({"permit": "vpf_conjoint_de_francais", "procedure": procedure, "date": "2018-06-15", "violence_victim": true})), "0.00");
    }
    // The reunified spouse, not the child.
    let rf = |member: &str| total(json!({"permit": "vpf_regroupement_familial", "procedure": "first_issue", "date": "2018-06-15", "family_member": member, "violence_victim": true}));
    assert_eq!(rf("spouse"), "0.00");
    assert_eq!(rf("child"), "139.00");
    let unknown = err(json!({"permit": "vpf_regroupement_familial", "procedure": "first_issue", "date": "2022-06-15", "violence_victim": true}));
    assert_eq!((unknown.code(), unknown.field()), ("missing_sub_case", Some("family_member")));
    // Without the circumstance, the table's amount.
    assert_eq!(total(json!({"permit": "vpf_conjoint_de_francais", "procedure": "first_issue", "date": "2022-06-15"})), "225.00");
}

#[test]
fn defence_agreements_exempt_the_tax_from_2020_only() {
    // Seed 004, measure 3: "les étrangers relevant de certains accords de coopération en matière de défense".
    let r = |date: &str| total(json!({"permit": "salarie", "procedure": "first_issue", "date": date, "defence_cooperation_agreement": true}));
    assert_eq!(r("2022-06-15"), "25.00");
    assert_eq!(r("2026-06-15"), "50.00");
    assert_eq!(r("2018-06-15"), "269.00");
}

// ---------------------------------------------------------------- late renewal

fn renewal(date: &str, application: &str, expiry: &str) -> Value {
    json!({"permit": "salarie", "procedure": "renewal", "date": date, "application_date": application, "previous_title_expiry": expiry})
}

#[test]
fn late_renewal_2020_is_after_the_window_closed() {
    // Seed 004, measure 6: "présentées après l'expiration du délai fixé pour le dépôt … reste fixé à 180 €".
    // From 1 May 2021, R. 431-5: the last two months before expiry for a non-online
    // application; the title is valid through its expiry date, so that day is on time.
    assert_eq!(total(renewal("2024-07-15", "2024-06-30", "2024-06-30")), "225.00");
    assert_eq!(total(renewal("2024-07-15", "2024-07-01", "2024-06-30")), "405.00");
    assert!(notes(renewal("2024-07-15", "2024-07-01", "2024-06-30")).contains(&"online_application_assumed_no".to_string()));
    // Online (R. 431-5): the window closes on the 60th day before expiry.
    let online = |app: &str| total(with(renewal("2024-07-15", app, "2024-06-30"), json!({"online_application": true})));
    assert_eq!(online("2024-05-01"), "225.00");
    assert_eq!(online("2024-05-02"), "405.00");
    // Before 1 May 2021, R. 311-2: the last two months before expiry.
    assert_eq!(total(renewal("2020-07-15", "2020-06-30", "2020-06-30")), "225.00");
    assert_eq!(total(renewal("2020-07-15", "2020-07-01", "2020-06-30")), "405.00");
    let quote = q(renewal("2024-07-15", "2024-07-01", "2024-06-30")).ok();
    let line = quote.as_ref().and_then(|q| q.lines.iter().find(|l| l.component == LateRenewalCharge)).map(|l| (l.basis.to_string(), l.due));
    assert_eq!(line, Some(("CESEDA L. 436-5".to_string(), DueAt::AtIssue)));
}

#[test]
fn late_renewal_2016_is_after_the_previous_title_expired() {
    // Seed 003: "demande de renouvellement … présentée après l'échéance du titre précédent : 180€".
    assert_eq!(total(renewal("2018-07-15", "2018-06-30", "2018-06-30")), "269.00");
    assert_eq!(total(renewal("2018-07-15", "2018-07-01", "2018-06-30")), "449.00");
}

#[test]
fn late_renewal_exemptions() {
    // "Exemptions : en cas de force majeure ; si victime de violences conjugales ou de traite ;
    // si présentation d'un visa valide ; citoyens de l'UE …".
    let late = renewal("2024-07-15", "2024-07-01", "2024-06-30");
    assert_eq!(total(late.clone()), "405.00");
    for exemption in [json!({"force_majeure": true}), json!({"violence_victim": true}), json!({"holds_valid_visa": true})] {
        let exempt = with(late.clone(), exemption.clone());
        assert_eq!(total(exempt.clone()), "225.00", "{exemption}");
        assert!(notes(exempt).contains(&"late_renewal_exempt".to_string()));
    }
    let eu = json!({"permit": "carte_ue", "procedure": "renewal", "date": "2024-07-15", "application_date": "2024-07-01", "previous_title_expiry": "2024-06-30"});
    assert_eq!(total(with(eu.clone(), json!({"eu_status": "family_member"}))), "180.00");
    assert_eq!(total(with(eu, json!({"eu_status": "citizen"}))), "0.00");
}

#[test]
fn late_renewal_2011_is_the_renewal_tax_plus_15() {
    // Seed 002 (**): "renouvellement demandé après expiration du titre : Montant de la taxe de
    // renouvellement + 15 euros … mais pas aux étudiants en CST 1 an".
    assert_eq!(total(renewal("2011-11-15", "2011-11-01", "2011-10-31")), "119.00"); // 85 + 15 + 19
    assert_eq!(total(renewal("2011-11-15", "2011-10-31", "2011-10-31")), "104.00");
    let student = json!({"permit": "etudiant", "procedure": "renewal", "date": "2011-11-15", "application_date": "2011-11-01", "previous_title_expiry": "2011-10-31", "card_validity": "one_year"});
    assert_eq!(total(student), "49.00");
    // "la taxe en cas de renouvellement tardif ne s'applique pas" to CE cards.
    assert_eq!(total(json!({"permit": "carte_ue", "procedure": "renewal", "date": "2011-11-15", "application_date": "2011-11-01", "previous_title_expiry": "2011-10-31"})), "0.00");
}

#[test]
fn lateness_needs_both_dates() {
    let only_application = json!({"permit": "salarie", "procedure": "renewal", "date": "2024-07-15", "application_date": "2024-07-01"});
    assert_eq!(total(only_application.clone()), "225.00");
    assert!(notes(only_application).contains(&"lateness_not_checked".to_string()));
}

#[test]
fn renewal_window_function() {
    use chrono::NaiveDate;
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or(NaiveDate::MIN);
    let w = ceseda::renewal_window(ceseda::Permit::TalentSalarie, d("2024-06-30"), Some(d("2024-03-15")), None).unwrap_or_else(|e| panic!("{e}"));
    // Seed 001: talent passports online since 31 May 2021 → R. 431-5, 120th to 60th day.
    assert_eq!((w.rule, w.opens, w.closes), (ceseda::WindowRule::R431_5Online, Some(d("2024-03-02")), d("2024-05-01")));
    // Seed 001's four months before expiry (29 February) is before the window opens: the
    // recommendation starts with the window.
    assert_eq!((w.recommended_from, w.recommended_until), (Some(d("2024-03-02")), Some(d("2024-03-30"))));
    assert!(!ceseda::is_late(ceseda::RegimeId::Table2020, &w, d("2024-05-01")));
    assert!(ceseda::is_late(ceseda::RegimeId::Table2020, &w, d("2024-05-02")));
    let w = ceseda::renewal_window(ceseda::Permit::CrResidentLongueDureeUe, d("2020-06-30"), None, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((w.rule, w.opens), (ceseda::WindowRule::R311_2LongTermResident, None));
}

#[test]
fn an_andorran_card_is_exempt_from_the_2020_late_charge() {
    // Seed 004: "citoyens de l'UE, de l'EEE, de Suisse et d'Andorre"; the card is for Andorrans only.
    let late = |permit: &str| json!({"permit": permit, "procedure": "renewal", "date": "2022-06-15", "application_date": "2022-06-01", "previous_title_expiry": "2022-05-01"});
    assert_eq!(total(late("cr_andorran")), "0.00");
    assert!(notes(late("cr_andorran")).contains(&"late_renewal_exempt".to_string()));
    assert_eq!(total(late("salarie")), "405.00"); // 200 + 25 + 180
}

#[test]
fn renewal_window_follows_the_versions_of_r_311_2() {
    use ceseda::Permit::{CrResidentLongueDureeUe, CrResidentLongueDureeUeCarteBleue, CrResidentLongueDureeUeProtectionInternationale, Salarie};
    use ceseda::WindowRule::{R311_2LongTermResident, R311_2};
    use chrono::NaiveDate;
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or(NaiveDate::MIN);
    let rule = |p, filed: &str| ceseda::renewal_window(p, d("2016-06-30"), Some(d(filed)), None).map(|w| (w.rule, w.basis));
    // 22 March 2007: L. 314-8 residents only; 9 March 2014 (décret 2014-301): and L. 314-8-2.
    assert_eq!(rule(CrResidentLongueDureeUe, "2009-06-01").map(|r| r.0), Ok(R311_2LongTermResident));
    assert_eq!(rule(CrResidentLongueDureeUeProtectionInternationale, "2014-03-08").map(|r| r.0), Ok(R311_2));
    assert_eq!(rule(CrResidentLongueDureeUeProtectionInternationale, "2014-03-09").map(|r| r.0), Ok(R311_2LongTermResident));
    assert!(rule(CrResidentLongueDureeUeProtectionInternationale, "2014-03-09").is_ok_and(|r| r.1.contains("2014-301")));
    // L. 314-8-1 (after a blue card) is never named.
    assert_eq!(rule(CrResidentLongueDureeUeCarteBleue, "2016-05-01").map(|r| r.0), Ok(R311_2));
    // 15 November 2006: no exception yet.
    assert_eq!(rule(CrResidentLongueDureeUe, "2007-03-21").map(|r| r.0), Ok(R311_2));
    // Before the first version: an error naming the field, never a guess.
    let e = rule(Salarie, "2006-11-14").err();
    assert_eq!(e.as_ref().map(|e| (e.code(), e.field())), Some(("date_out_of_range", Some("filing_date"))));
    let e = ceseda::renewal_window(Salarie, d("2005-06-30"), None, None).err();
    assert_eq!(e.as_ref().map(|e| (e.code(), e.field())), Some(("date_out_of_range", Some("expiry"))));
}

// ---------------------------------------------------------------- duplicates and surcharges

#[test]
fn duplicates_2011_are_the_renewal_tax_plus_15() {
    let r = |permit: &str, extra: Value| total(with(json!({"permit": permit, "procedure": "duplicate", "date": "2011-11-15"}), extra));
    assert_eq!(r("visiteur", json!({})), "119.00"); // 85 + 15 + 19
    assert_eq!(r("etudiant", json!({"card_validity": "one_year"})), "49.00"); // 30 + 19, no surcharge
    assert_eq!(r("etudiant", json!({"card_validity": "more_than_one_year"})), "89.00"); // 55 + 15 + 19
    assert_eq!(r("cra_un_an_etudiant", json!({})), "49.00");
    assert_eq!(r("carte_ue", json!({})), "15.00"); // "le montant de la taxe est de 15€", no stamp
    assert_eq!(r("cra_dix_ans", json!({})), "34.00"); // exempt + 15, "Exempté sauf duplicata" stamp
    assert_eq!(total(json!({"permit": "visiteur", "procedure": "renewal_without_expired_title", "date": "2011-11-15"})), "119.00");
}

#[test]
fn duplicates_2016_surcharge_and_250_cap() {
    // NB: surcharges "ne sont pas appliquées lorsqu'elles occasionnent un montant total de taxe
    // - hors droit de timbre - supérieur à 250€".
    let dup = json!({"permit": "visiteur", "procedure": "duplicate", "date": "2018-06-15"});
    assert_eq!(total(dup.clone()), "269.00");
    assert!(notes(dup.clone()).contains(&"surcharge_capped_2016".to_string()));
    assert!(q(dup).map(|q| q.errata.iter().any(|e| e.id == "003-cap-note")).unwrap_or(false));
    let stagiaire = q(json!({"permit": "stagiaire", "procedure": "duplicate", "date": "2018-06-15"})).ok();
    assert_eq!(stagiaire.as_ref().map(|q| part(q, DuplicateSurcharge)).as_deref(), Some("16.00"));
    assert_eq!(total(json!({"permit": "stagiaire", "procedure": "renewal_without_expired_title", "date": "2018-06-15"})), "155.00");
    // The Algerian 10-year certificate without the expired title: 250, stamp not due (**).
    let cra = json!({"permit": "cra_dix_ans", "procedure": "renewal_without_expired_title", "date": "2018-06-15"});
    assert_eq!(total(cra.clone()), "250.00");
    assert!(notes(cra).contains(&"algerian_stamp".to_string()));
}

#[test]
fn duplicates_from_2020_carry_no_surcharge() {
    // Seed 004, measure 4: "L'étranger qui demande un duplicata … devra acquitter uniquement la taxe
    // applicable lors du renouvellement".
    for procedure in ["duplicate", "renewal_without_expired_title"] {
        let r = json!({"permit": "stagiaire", "procedure": procedure, "date": "2022-06-15"});
        assert_eq!(total(r.clone()), "75.00");
        assert!(notes(r).contains(&"no_surcharge_since_2020".to_string()));
    }
    assert_eq!(total(json!({"permit": "cra_dix_ans", "procedure": "duplicate", "date": "2022-06-15"})), "25.00");
}

// ---------------------------------------------------------------- change of details

#[test]
fn a_change_of_details_costs_the_stamp_duty_only() {
    let r = |permit: &str, date: &str| total(json!({"permit": permit, "procedure": "change_of_details", "date": date}));
    // 2016: "droit de timbre de 19€, à l'exclusion de toute autre taxe ; applicable à tout titre de séjour, y compris les CRA".
    assert_eq!(r("visiteur", "2018-06-15"), "19.00");
    assert_eq!(r("cra_dix_ans", "2018-06-15"), "19.00");
    // 2020: 25 €, "sauf titres « UE/EEE/Suisses », cartes pour Andorrans et APS".
    assert_eq!(r("visiteur", "2022-06-15"), "25.00");
    assert_eq!(r("cra_un_an_vpf", "2022-06-15"), "25.00");
    assert_eq!(r("carte_ue", "2022-06-15"), "0.00");
    assert_eq!(r("cr_andorran", "2022-06-15"), "0.00");
    assert_eq!(q(json!({"permit": "aps", "procedure": "change_of_details", "date": "2022-06-15"})).map(|q| q.outcome).ok(), Some(Outcome::HorsChamp));
    assert_eq!(r("visiteur", "2026-06-15"), "50.00");
    let quote = q(json!({"permit": "visiteur", "procedure": "change_of_details", "date": "2022-06-15"})).ok();
    assert_eq!(quote.map(|q| q.lines.iter().map(|l| l.component).collect::<Vec<_>>()), Some(vec![DroitDeTimbre]));
}

// ---------------------------------------------------------------- non-amount answers

#[test]
fn non_amount_outcomes() {
    let outcome = |permit: &str, procedure: &str, date: &str| q(json!({"permit": permit, "procedure": procedure, "date": date})).map(|q| q.outcome).ok();
    assert_eq!(outcome("cr_permanent", "first_issue", "2018-06-15"), Some(Outcome::SansObjet));
    assert_eq!(outcome("aps", "first_issue", "2018-06-15"), Some(Outcome::HorsChamp));
    assert_eq!(outcome("cr_victime_traite_violences", "renewal", "2022-06-15"), Some(Outcome::Exempt));
    assert_eq!(outcome("vls_ts", "first_issue", "2022-06-15"), Some(Outcome::SameAsReplacedTitle));
    assert_eq!(outcome("vls_ts", "renewal", "2022-06-15"), Some(Outcome::SansObjet));
    // "Même montant que le titre de séjour": with the title replaced, the amount.
    let vls = q(json!({"permit": "vls_ts", "procedure": "first_issue", "date": "2022-06-15", "underlying_permit": "visiteur"})).ok();
    assert_eq!(vls.as_ref().map(|q| (q.outcome, q.total.map_or_else(|| "null".to_string(), ceseda::money::to_string))), Some((Outcome::AmountDue, "225.00".to_string())));
    assert_eq!(vls.map(|q| q.permit.code()), Some("vls_ts"));
}

#[test]
fn reunification_granted_before_2008_waits_for_2012() {
    // Seed 002, under "Conjoint et enfant admis au RF sur place : 340": "taxe applicable à partir
    // du 1/1/2012 lorsque le RF a été accordé avant le 28/12/2008".
    let r = |granted: &str, on_site: bool| total(json!({"permit": "vpf_regroupement_familial", "procedure": "first_issue", "date": "2011-11-15", "family_member": "spouse", "reunification_on_site": on_site, "reunification_granted_on": granted}));
    assert_eq!(r("2008-12-27", true), "19.00");
    assert_eq!(r("2008-12-28", true), "359.00");
    // Read as the on-site case's: a spouse who came through reunification pays the 340.
    assert_eq!(r("2008-01-01", false), "359.00");
    let child = total(json!({"permit": "cr_regroupement_familial", "procedure": "first_issue", "date": "2011-11-15", "family_member": "child", "entered_via_family_reunification": true, "reunification_granted_on": "2008-01-01"}));
    assert_eq!(child, "129.00");
}

// ---------------------------------------------------------------- DCEM and travel documents

#[test]
fn dcem_and_travel_documents_by_date() {
    let r = |permit: &str, date: &str| total(json!({"permit": permit, "procedure": "first_issue", "date": date}));
    // Seed 004, measure 8: "porté de 45 à 50 €" for decisions from 2 Jan 2020.
    assert_eq!(r("dcem", "2020-01-01"), "45.00");
    assert_eq!(r("dcem", "2020-01-02"), "50.00");
    assert_eq!(r("dcem", "2026-06-01"), "50.00");
    assert_eq!(total(json!({"permit": "dcem", "procedure": "renewal", "date": "2022-06-01", "eu_status": "family_member"})), "0.00");
    // Measure 9: biometric titles from 1 March 2020.
    assert_eq!(r("titre_voyage_protection_subsidiaire_4_ans", "2020-02-29"), "error:not_covered");
    assert_eq!(r("titre_voyage_protection_subsidiaire_4_ans", "2020-03-01"), "40.00");
    assert_eq!(r("titre_voyage_protection_subsidiaire_5_ans", "2020-03-01"), "45.00");
    assert_eq!(r("titre_voyage_refugie", "2018-06-15"), "45.00");
    assert_eq!(r("titre_identite_voyage", "2020-02-29"), "15.00");
    assert_eq!(r("sauf_conduit", "2024-02-29"), "15.00");
    let dcem = q(json!({"permit": "dcem", "procedure": "duplicate", "date": "2021-06-01"})).ok();
    assert_eq!(dcem.and_then(|q| q.lines.first().map(|l| (l.component, l.basis.to_string()))), Some((DcemTax, "CESEDA L. 436-3".to_string())));
}

// ---------------------------------------------------------------- explanations

#[test]
fn every_line_explains_itself_in_french_and_english() {
    let quote = q(with(salarie_first("2024-03-01"), json!({}))).ok();
    for line in quote.iter().flat_map(|q| q.lines.iter()) {
        assert!(!line.explanation.fr.is_empty() && !line.explanation.en.is_empty());
        assert!(line.basis.starts_with("CESEDA"));
        assert!(!line.seed_row.is_empty());
    }
    let text = quote.map(|q| (q.explain(ceseda::Lang::Fr), q.explain(ceseda::Lang::En))).unwrap_or_default();
    assert!(text.0.contains("Droit de visa de régularisation") && text.0.contains("au dépôt"));
    assert!(text.1.contains("425.00") && text.1.contains("at filing"));
}

#[test]
fn bilateral_agreement_footnote() {
    // (*) "Concerne les étrangers relevant de certains accords bilatéraux prévoyant la délivrance de la CR en 1er titre".
    let n = notes(json!({"permit": "cr_parent_enfant_francais", "procedure": "first_issue", "date": "2018-06-15"}));
    assert!(n.contains(&"bilateral_agreement".to_string()));
    let n = notes(json!({"permit": "cr_parent_enfant_francais", "procedure": "renewal", "date": "2018-06-15"}));
    assert!(!n.contains(&"bilateral_agreement".to_string()));
    assert_eq!(ceseda::law::printed_row(ceseda::Permit::Visiteur, ceseda::RegimeId::Table2016), Some("CST Visiteur - L. 313-4-1 1° - L. 313-6"));
    assert_eq!(ceseda::law::printed_row(ceseda::Permit::Scientifique, ceseda::RegimeId::Table2020), None);
}

// ---------------------------------------------------------------- review findings

#[test]
fn an_eu_card_renewed_late_must_say_whose_card_it_is() {
    let late = json!({"permit": "carte_ue", "procedure": "renewal", "date": "2021-11-15", "application_date": "2021-11-10", "previous_title_expiry": "2021-11-01"});
    let e = err(late.clone());
    assert_eq!((e.code(), e.field()), ("missing_sub_case", Some("eu_status")));
    assert_eq!(total(with(late, json!({"eu_status": "citizen"}))), "0.00");
}

#[test]
fn the_2011_cra_dix_ans_renewal_without_the_title_has_no_stamp() {
    // Stamp column: "Exempté sauf duplicata".
    assert_eq!(total(json!({"permit": "cra_dix_ans", "procedure": "renewal_without_expired_title", "date": "2011-11-15"})), "15.00");
    assert_eq!(total(json!({"permit": "cra_dix_ans", "procedure": "duplicate", "date": "2011-11-15"})), "34.00");
}

#[test]
fn an_aps_carries_no_visa_de_regularisation_or_late_charge() {
    let aps = json!({"permit": "aps", "procedure": "first_issue", "date": "2026-06-15", "irregular_entry": true});
    assert_eq!(total(aps.clone()), "100.00");
    assert!(notes(aps).contains(&"aps_not_a_titre_de_sejour".to_string()));
    assert_eq!(total(json!({"permit": "aps", "procedure": "renewal", "date": "2026-08-01", "application_date": "2026-07-20", "previous_title_expiry": "2026-07-01"})), "100.00");
    let victim = q(json!({"permit": "aps_victime_prostitution", "procedure": "first_issue", "date": "2017-11-15", "irregular_entry": true})).ok();
    assert_eq!(victim.map(|q| (q.outcome, q.lines.len())), Some((Outcome::Exempt, 0)));
}

#[test]
fn the_part_at_filing_follows_the_application_date_under_2016_too() {
    // Filed under the 2012 statute (110 € at filing), decided under 2016: the balance is the
    // 340 € droit less what was paid, not the 2016 balance of 290 €.
    let early = q(json!({"permit": "salarie", "procedure": "first_issue", "date": "2017-03-01", "irregular_entry": true, "application_date": "2012-10-01"})).ok();
    assert_eq!(early.as_ref().map(|q| (part(q, VisaDeRegularisationFiling), part(q, VisaDeRegularisationBalance))), Some(("110.00".into(), "230.00".into())));
    let basis = early.as_ref().and_then(|q| q.lines.iter().find(|l| l.component == VisaDeRegularisationFiling).map(|l| l.seed.to_string()));
    assert!(basis.is_some_and(|s| s.contains("2011-1977")), "the part at filing cites the law of the application");
    assert!(early.is_some_and(|q| q.notes.iter().any(|n| n.code == "visa_de_regularisation_transitional")));
    let q2016 = q(json!({"permit": "salarie", "procedure": "first_issue", "date": "2017-03-01", "irregular_entry": true, "application_date": "2016-11-01"})).ok();
    assert_eq!(q2016.as_ref().map(|q| (part(q, VisaDeRegularisationFiling), part(q, VisaDeRegularisationBalance))), Some(("50.00".into(), "290.00".into())));
    // The part at filing is the law's in force on the application date: the 2014 statute, 50 €.
    let late_2016 = q(json!({"permit": "salarie", "procedure": "first_issue", "date": "2017-03-01", "irregular_entry": true, "application_date": "2016-10-01"})).ok();
    assert_eq!(late_2016.as_ref().map(|q| (part(q, VisaDeRegularisationFiling), part(q, VisaDeRegularisationBalance))), Some(("50.00".into(), "290.00".into())));
    // No source covers an application of 2008.
    let uncovered = json!({"permit": "salarie", "procedure": "first_issue", "date": "2017-03-01", "irregular_entry": true, "application_date": "2008-10-01"});
    assert_eq!(err(uncovered).code(), "not_covered");
}

#[test]
fn an_application_of_2019_decided_in_2026_carries_both_transitional_notes() {
    let r = json!({"permit": "salarie", "procedure": "first_issue", "date": "2026-06-01", "irregular_entry": true, "application_date": "2019-03-01"});
    let n = notes(r.clone());
    assert!(n.contains(&"visa_de_regularisation_transitional_2020".to_string()) && n.contains(&"visa_de_regularisation_transitional_2026".to_string()));
    let quote = q(r).ok();
    assert_eq!(quote.as_ref().map(|q| (part(q, VisaDeRegularisationFiling), part(q, VisaDeRegularisationBalance))), Some(("50.00".into(), "200.00".into())));
}

#[test]
fn readings_are_flagged_on_the_quote() {
    // 2016 EU card duplicate "25": the flat tax of D. 311-18-1 3° (no stamp), noted, no erratum.
    let ue = q(json!({"permit": "carte_ue", "procedure": "duplicate", "date": "2018-06-15"})).ok();
    assert_eq!(ue.as_ref().map(|q| (part(q, Tax), q.lines.len())), Some(("25.00".into(), 1)));
    assert!(ue.is_some_and(|q| q.errata.is_empty() && q.notes.iter().any(|n| n.code == "eu_card_flat_tax")));
    // 2020 reunification at the reduced rate: flagged unless the child is named.
    let spouse_rate = |member: Option<&str>| {
        let mut r = json!({"permit": "vpf_regroupement_familial", "procedure": "first_issue", "date": "2022-06-15"});
        if let Some(m) = member {
            r["family_member"] = json!(m);
        }
        q(r).map(|q| q.errata.iter().any(|e| e.id == "004-vpf-regroupement-familial-spouse-rate")).unwrap_or(false)
    };
    assert!(spouse_rate(None) && spouse_rate(Some("spouse")) && !spouse_rate(Some("child")));
    // 2011 VLS-TS duplicate: note (**) "y compris le VLS/TS".
    assert_eq!(total(json!({"permit": "vls_ts", "procedure": "duplicate", "date": "2011-11-15"})), "15.00");
    // The 2016 CRA 10 ans without its title is no capped surcharge.
    assert!(!notes(json!({"permit": "cra_dix_ans", "procedure": "renewal_without_expired_title", "date": "2018-06-15"})).contains(&"surcharge_capped_2016".to_string()));
    // 2016 names domestic violence only for the late charge.
    let late_2016 = json!({"permit": "salarie", "procedure": "renewal", "date": "2018-07-15", "application_date": "2018-07-01", "previous_title_expiry": "2018-06-30", "violence_victim": true});
    assert!(notes(late_2016).contains(&"late_renewal_violence_2016".to_string()));
}

#[test]
fn travel_documents_are_priced_for_sourced_procedures_only() {
    let r = |permit: &str, procedure: &str| total(json!({"permit": permit, "procedure": procedure, "date": "2022-06-15"}));
    assert_eq!(r("dcem", "duplicate"), "50.00");
    assert_eq!(r("dcem", "renewal_without_expired_title"), "error:not_covered");
    assert_eq!(r("titre_voyage_refugie", "renewal"), "45.00");
    assert_eq!(r("titre_voyage_refugie", "duplicate"), "error:not_covered");
}
