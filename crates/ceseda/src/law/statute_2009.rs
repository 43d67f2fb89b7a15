//! 5 January 2009 – 25 June 2010: CESEDA D. 311-18-1 as decreed by décret n° 2009-2 (in force
//! 5 January 2009; décret n° 2009-331 of 25 March 2009 only renames the beneficiary, ANAEM →
//! OFII), under L. 311-13 as amended by loi n° 2008-1425 (LF 2009). No stamp duty, no visa de
//! régularisation yet.
//!
//! D. 311-18-1:
//! 1. Premier titre: a) 300 € for the titles of L. 311-2 1° to 3°, save those L. 311-13 A
//!    exempts and, until 31 Dec 2011, spouses and children whose family reunification was
//!    authorised before 28 Dec 2008; b) 55 € for L. 313-7, L. 313-7-1, L. 313-11 9° and
//!    L. 314-11 3°; c) 70 € for the « salarié » and « salarié en mission » cards; d) 110 € for the
//!    L. 313-11 card of those who entered as minors through family reunification.
//! 2. Renouvellement ou duplicata: 70 €, save a) 55 € for L. 313-7-1, L. 313-11 9° and
//!    L. 314-11 3°, and b) 30 € for L. 313-7.
//!
//! L. 311-13 B also says: "Elle n'est pas exigée des réfugiés et des étrangers bénéficiaires de
//! la protection subsidiaire" (the renewal tax, until 31 December 2010), and "La taxe de
//! renouvellement n'est acquittée qu'une fois par période d'un an".

use crate::law::pre2016::{self, category, category_when, tax, tax_noted, BY_ADMISSION_CARD, BY_ENTRY, BY_MEMBER, BY_UNDERLYING};
use crate::law::types::Level::{General, Reduced, ReducedSalarie, ReunifiedChild, Student};
use crate::law::types::RateKey::{self, Tax};
use crate::law::types::*;
use crate::law::{choice, list, regimes::RegimeId, texts};
use crate::model::answer::{Confidence, Note};
use crate::model::date::ymd;
use crate::model::permit::Permit::*;
use crate::model::procedure::Procedure;
use crate::model::subcase::{AdmissionCard, FamilyMember};

const BILATERAL_GENERAL: Cell = tax_noted(General, pre2016::BILATERAL);

/// The L. 313-4-1 card, priced as the title issued ("selon le titre délivré").
pub(crate) const RLD_FIRST_ISSUE_2009: Cell = choice!(
    [
        (Cond::Underlying(Visiteur), tax(General)),
        (Cond::Underlying(Scientifique), tax(General)),
        (Cond::Underlying(Artiste), tax(General)),
        (Cond::Underlying(Commercant), tax(General)),
        (Cond::Underlying(ProfessionNonSalariee), tax(General)),
        (Cond::Underlying(Salarie), tax(ReducedSalarie)),
        (Cond::Underlying(Etudiant), tax(Reduced)),
        (Cond::Underlying(TravailleurTemporaire), Cell::Exempt),
    ],
    BY_UNDERLYING
);

/// The L. 313-14 card, priced as the card issued.
pub(crate) const AES_FIRST_ISSUE_2009: Cell = choice!(
    [
        (Cond::AdmissionCard(AdmissionCard::Vpf), tax(General)),
        (Cond::AdmissionCard(AdmissionCard::Salarie), tax(ReducedSalarie)),
        (Cond::AdmissionCard(AdmissionCard::TravailleurTemporaire), Cell::Exempt),
    ],
    BY_ADMISSION_CARD
);

/// The family-reunification card: spouse (a), child entered through reunification (d), child
/// admitted on site (a).
pub(crate) const VPF_RF_FIRST_ISSUE: Cell = choice!(
    [(Cond::OnSite, tax(General)), (Cond::FamilyMember(FamilyMember::Spouse), tax(General)), (Cond::FamilyMember(FamilyMember::Child), tax(ReunifiedChild))],
    BY_MEMBER
);

/// The reunification resident card: spouse under a bilateral agreement ((*) of seed 002), child
/// entered through reunification (110, by L. 311-13 A's band) or admitted on site.
pub(crate) const CR_RF_FIRST_ISSUE: Cell = choice!(
    [
        (Cond::FamilyMember(FamilyMember::Spouse), BILATERAL_GENERAL),
        (Cond::FamilyMember(FamilyMember::Child), choice!([(Cond::OnSite, tax(General)), (Cond::EnteredViaReunification, tax(ReunifiedChild))], BY_ENTRY)),
    ],
    BY_MEMBER
);

/// D. 311-18-1 1° as decreed in 2009 (the same lines to 31 December 2011).
pub(crate) const FIRST_ISSUE: &[Category] = &[
    // Reached from 30 September 2011, when the card exists: L. 311-13 A as amended by loi
    // 2011-672 adds "ni aux titulaires de la carte de séjour mentionnée au 6° du même article
    // L. 313-10" (to 31 December 2012).
    category("L. 311-13 A, 2e alinéa (loi 2011-672) : « ni aux titulaires de la carte de séjour mentionnée au 6° du même article L. 313-10 » (carte bleue européenne)", &[CarteBleueEuropeenne], Cell::Exempt),
    category("L. 311-13 A, 2e alinéa : « Ces dispositions ne sont pas applicables » (L. 313-11 10° et 11°, L. 313-13, L. 314-11 4° à 6°, 8° et 9°, travailleurs temporaires et saisonniers)", pre2016::EXEMPT_FIRST_ISSUE, Cell::Exempt),
    category("L. 311-14 et accord franco-algérien : exemptés (seed 002)", pre2016::AGREEMENT_EXEMPT_FIRST_ISSUE, Cell::Exempt),
    category("L. 311-13 A : hors des titres de L. 311-2 1° à 3° (carte retraité, cartes UE)", pre2016::OUTSIDE_FIRST_ISSUE_TAX, Cell::Exempt),
    category("Autorisation provisoire de séjour : hors champ", pre2016::APS, Cell::HorsChamp),
    category("Titre supposant un titre antérieur : sans objet en première délivrance", pre2016::NO_FIRST_ISSUE, Cell::SansObjet),
    category("L. 311-13 A : visa de long séjour valant titre de séjour, taxe du titre remplacé", &[VlsTs], Cell::SameAsReplaced),
    category_when("D. 311-18-1 1° d) : titre de L. 313-11 des étrangers entrés mineurs par regroupement familial", pre2016::L313_11_ENTERED, tax(ReunifiedChild)),
    category("D. 311-18-1 1° a) et d) : CST VPF regroupement familial (L. 313-11 1°)", &[VpfRegroupementFamilial], VPF_RF_FIRST_ISSUE),
    category("D. 311-18-1 1° a) et d) : CR regroupement familial (L. 314-9 1°)", &[CrRegroupementFamilial], CR_RF_FIRST_ISSUE),
    category("D. 311-18-1 1° a) : CR conjoint de Français (L. 314-9 3°), sans carte temporaire antérieure", &[CrConjointDeFrancais], pre2016::CR_CONJOINT_FIRST_ISSUE),
    category("D. 311-18-1 1° a) : CR parent d'enfant français (L. 314-9 2°) (*)", &[CrParentEnfantFrancais], BILATERAL_GENERAL),
    category("D. 311-18-1 1° : CST titulaire du statut RLD-CE dans un autre État (L. 313-4-1), selon le titre délivré", &[ResidentLongueDureeAutreEtat], RLD_FIRST_ISSUE_2009),
    category("D. 311-18-1 1° : admission exceptionnelle au séjour (L. 313-14), selon la carte délivrée", &[AdmissionExceptionnelle], AES_FIRST_ISSUE_2009),
    category("D. 311-18-1 1° b) : L. 313-7, L. 313-7-1, L. 313-11 9° et L. 314-11 3°", pre2016::REDUCED_FIRST_ISSUE, tax(Reduced)),
    category("D. 311-18-1 1° c) : cartes « salarié » et « salarié en mission » (L. 313-10 1° et 5°)", pre2016::SALARIE, tax(ReducedSalarie)),
    category("D. 311-18-1 1° a) : titres de L. 311-2 1° à 3°", pre2016::GENERAL_FIRST_ISSUE, tax(General)),
    category("D. 311-18-1 1° a) : titres de L. 311-2 1° à 3° (VPF aide sociale à l'enfance, VPF victimes)", &[VpfAideSocialeEnfance, VpfVictimeTraiteViolences], tax(General)),
];

const REFUGEE_EXEMPT: &[Note] = &[texts::REFUGEE_RENEWAL_EXEMPT];

/// D. 311-18-1 2° as decreed in 2009 (to 11 February 2011), with L. 311-13 B's refugees
/// (to 31 December 2010).
pub(crate) const RENEWAL: &[Category] = &[
    category("L. 311-13 B : « Elle n'est pas exigée des réfugiés et des étrangers bénéficiaires de la protection subsidiaire »", &[CrRefugie, VpfProtectionSubsidiaire], Cell::Due(Due { notes: ::std::borrow::Cow::Borrowed(REFUGEE_EXEMPT), ..DUE })),
    category("L. 311-14 et accord franco-algérien : exempté (seed 002)", &[CraDixAns], Cell::Exempt),
    category("Carte UE (L. 121-1, L. 121-3) : aucun montant du décret", &[CarteUe], Cell::Due(Due { notes: ::std::borrow::Cow::Borrowed(EU_CARD_NOT_TAXED), ..DUE })),
    category("Autorisation provisoire de séjour : hors champ", pre2016::APS, Cell::HorsChamp),
    category("Visa de long séjour valant titre de séjour : sans objet", &[VlsTs], Cell::SansObjet),
    category_when("D. 311-18-1 2° b) : L. 313-7 (30 €)", STUDENTS, tax(Student)),
    category("D. 311-18-1 2° a) : L. 313-7-1, L. 313-11 9° et L. 314-11 3°", pre2016::REDUCED_RENEWAL, tax(Reduced)),
    category("D. 311-18-1 2° : renouvellement d'un titre de séjour", GENERAL_RENEWAL, tax(General)),
];

const EU_CARD_NOT_TAXED: &[Note] = &[texts::EU_CARD_NOT_TAXED];

/// The duplicate of a refugee's or subsidiary-protection holder's title: L. 311-13 B exempts
/// them from the renewal tax only (M).
pub(crate) const DUPLICATE: &[Category] = &[category(
    "D. 311-18-1 2° : duplicata (l'exemption de L. 311-13 B ne vise que la taxe de renouvellement)",
    &[CrRefugie, VpfProtectionSubsidiaire],
    tax(General),
)];

/// The student cards of 2° b) (the L. 313-4-1 card issued as a student card and the one-year
/// Algerian student certificate with them, M).
pub(crate) const STUDENTS: &[Member] = &[
    member(Etudiant),
    member(CraUnAnEtudiant),
    member_when(ResidentLongueDureeAutreEtat, Cond::IfUnderlying(Etudiant)),
];

/// Every other title: "le montant de la taxe est fixé à 70 euros".
pub(crate) const GENERAL_RENEWAL: &[crate::Permit] = &[
    Visiteur, Scientifique, Artiste, Salarie, TravailleurTemporaire, Commercant, ProfessionNonSalariee, TravailleurSaisonnier, SalarieEnMission,
    CarteBleueEuropeenne, ResidentLongueDureeAutreEtat, AdmissionExceptionnelle, CompetencesEtTalents, VpfRegroupementFamilial, VpfEntreeAvant13Ans,
    VpfAideSocialeEnfance, VpfFamilleSalarieEnMission, VpfConjointDeFrancais, VpfConjointDeScientifique, VpfParentEnfantFrancais, VpfDroitAuRespect,
    VpfNeEnFrance, VpfApatride, VpfFamilleApatride, VpfEtrangerMalade, VpfFamilleResidentLongueDuree, VpfFamilleProtectionSubsidiaire,
    VpfVictimeTraiteViolences, CrResidentLongueDureeUe, CrResidentLongueDureeUeCarteBleue, CrResidentLongueDureeUeProtectionInternationale,
    CrRegroupementFamilial, CrParentEnfantFrancais, CrConjointDeFrancais, CrEnfantAscendantDeFrancais, CrAncienCombattant, CrLegionnaire,
    CrFamilleRefugie, CrApatride, CrFamilleApatride, CrNonOptionNationalite, CrPermanent, CrContributionEconomique, CrVictimeTraiteViolences,
    CrAccordBilateral, Retraite, CraRetraite, CraUnAnVisiteurTravailleur, CraUnAnAgentOfficiel, CraUnAnVpfMalade, CraUnAnVpf,
    CraUnAnRegroupementFamilial,
];

/// D. 311-18-1 2°: "Pour le renouvellement d'un titre de séjour ou pour la délivrance d'un
/// duplicata": the duplicate costs the renewal tax, nothing else; no rule for a renewal
/// without the title or after expiry.
pub(crate) const DUPLICATES: Duplicates = Duplicates {
    text: t("D. 311-18-1 2° : « Pour le renouvellement d'un titre de séjour ou pour la délivrance d'un duplicata »"),
    without_title_as_duplicate: false,
    without_title_as_renewal: ::std::borrow::Cow::Borrowed(&[]),
    surcharge: None,
    note: None,
    title_notes: list![],
};

/// No stamp duty yet: a change of details costs nothing.
pub(crate) const CHANGE_OF_DETAILS: ChangeOfDetails = ChangeOfDetails {
    text: t("Changement des mentions de la carte"),
    not_covered: None,
    no_charge: Some(texts::NO_CHANGE_CHARGE_BEFORE_STAMP),
    excluded: list![],
    excluded_note: None,
};

/// The articles of L. 311-13 in its 2008–2016 structure, and the decree.
pub(crate) const ARTICLES: &[Article] = &[
    article(Subject::IssueTax, "CESEDA L. 311-13 A, D. 311-18-1 1°"),
    article(Subject::RenewalTax, "CESEDA L. 311-13 B, D. 311-18-1 2°"),
    article(Subject::DuplicateTax, "CESEDA L. 311-13 B, D. 311-18-1 2°"),
    article(Subject::Surcharge, "CESEDA L. 311-13 B, D. 311-18-1 3°"),
    article(Subject::LateRenewal, "CESEDA L. 311-13 B, D. 311-18-1 3°"),
    article(Subject::Dcem, "CESEDA L. 311-13 C"),
    article(Subject::VisaRegularisation, "CESEDA L. 311-13 D"),
    article(Subject::Stamp, "CESEDA L. 311-16"),
    article(Subject::ApsTax, "CESEDA L. 311-13 A"),
    article(Subject::TravelDocument, "CGI art. 953"),
];

/// L. 311-13 C: the DCEM (and the titre d'identité républicain), no travel document priced.
pub(crate) const TRAVEL: Travel = Travel {
    seed: t("CESEDA L. 311-13 C"),
    dcem_text: t("L. 311-13 C : « La délivrance, le renouvellement et la fourniture de duplicata des documents de circulation délivrés aux étrangers mineurs … donnent lieu à la perception … d'une taxe »"),
    travel_text: t("Titres de voyage : aucun texte de la période à disposition"),
    dcem_procedures: list![Procedure::FirstIssue, Procedure::Renewal, Procedure::Duplicate],
    travel_procedures: list![],
    not_yet_issued: crate::model::answer::Explanation::new("aucun texte de la période ne le tarife", "no text of the period prices it"),
    dcem_eu_exempt: false,
};

/// The D. 311-18-1 of décret 2009-2.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Statute20090105,
        label_fr: t("D. 311-18-1 (décret 2009-2) et L. 311-13 (loi de finances pour 2009)"),
        label_en: t("D. 311-18-1 (décret 2009-2) and L. 311-13 (Finance Act 2009)"),
        valid_from: ymd(2009, 1, 5),
        valid_until: Some(ymd(2010, 6, 25)),
        selected_by: SelectingDate::DecisionDate,
        source: t("CESEDA D. 311-18-1 (décrets 2009-2 et 2009-331), L. 311-13 (loi 2008-1425), L. 311-14"),
        confidence: Confidence::High,
        provenance: t("Consolidated texts in shared/sources: D. 311-18-1 from 5 Jan 2009 (décret 2009-2; décret 2009-331 of 25 Mar 2009, in force 28 Mar 2009, changes no amount); L. 311-13 from 29 Dec 2008 (loi 2008-1425)."),
        sources: list![
            SourceText { text: t("CESEDA D. 311-18-1"), in_force_from: Some(ymd(2009, 1, 5)), amended_by: t("décret n° 2009-2 du 2 janvier 2009"), confidence: Confidence::High },
            SourceText { text: t("CESEDA D. 311-18-1 (bénéficiaire : OFII)"), in_force_from: Some(ymd(2009, 3, 28)), amended_by: t("décret n° 2009-331 du 25 mars 2009"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-13"), in_force_from: Some(ymd(2008, 12, 29)), amended_by: t("loi n° 2008-1425 du 27 décembre 2008"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-14"), in_force_from: Some(ymd(2008, 12, 29)), amended_by: t("loi n° 2008-1425 du 27 décembre 2008"), confidence: Confidence::High },
        ],
    },
    rates: list![
        rate(Tax(Column::FirstIssue, General), 300, "D. 311-18-1 1° a) (décret 2009-2)"),
        rate(Tax(Column::FirstIssue, Reduced), 55, "D. 311-18-1 1° b) (décret 2009-2)"),
        rate(Tax(Column::FirstIssue, ReducedSalarie), 70, "D. 311-18-1 1° c) (décret 2009-2)"),
        rate(Tax(Column::FirstIssue, ReunifiedChild), 110, "D. 311-18-1 1° d) (décret 2009-2)"),
        rate(Tax(Column::Renewal, General), 70, "D. 311-18-1 2° (décret 2009-2)"),
        rate(Tax(Column::Renewal, Reduced), 55, "D. 311-18-1 2° a) (décret 2009-2)"),
        rate(Tax(Column::Renewal, Student), 30, "D. 311-18-1 2° b) (décret 2009-2)"),
        rate(RateKey::Dcem, 30, "L. 311-13 C (loi 2008-1425)"),
    ],
    articles: ::std::borrow::Cow::Borrowed(ARTICLES),
    table: Table {
        seed: t("D. 311-18-1 (décret 2009-2)"),
        printed: false,
        rows: list![],
        amended: list![],
        note: None,
        schedule: Some(Schedule { first_issue: ::std::borrow::Cow::Borrowed(FIRST_ISSUE), renewal: ::std::borrow::Cow::Borrowed(RENEWAL), duplicate: ::std::borrow::Cow::Borrowed(DUPLICATE), readings: ::std::borrow::Cow::Borrowed(crate::law::pre2016::READINGS) }),
    },
    duplicates: DUPLICATES,
    change_of_details: CHANGE_OF_DETAILS,
    visa: Paragraph::Absent(Some(texts::NO_VISA_BEFORE_2011)),
    late: Paragraph::Absent(Some(texts::NO_LATE_CHARGE_BEFORE_2011)),
    violence: None,
    defence_agreement: None,
    defence_agreement_absent: texts::DEFENCE_AGREEMENT_BEFORE_2020,
    reunification_exception: Some(REUNIFICATION),
    travel: Paragraph::In(TRAVEL),
    stamp: None,
    existence: ::std::borrow::Cow::Borrowed(pre2016::EXISTENCE),
    change_of_status: None,
};

/// D. 311-18-1 1° a) and d), to 31 December 2011.
pub(crate) const REUNIFICATION: ReunificationException = ReunificationException {
    members: ::std::borrow::Cow::Borrowed(pre2016::REUNIFICATION_EXCEPTION),
    granted_before: ymd(2008, 12, 28),
    until: ymd(2011, 12, 31),
    note: texts::REUNIFICATION_BEFORE_2008_DECREE,
    otherwise_in_decree: None,
};
