//! Seed 004: the note of 31 December 2019 (NOR INTV1937918J; loi de finances pour 2020, art.
//! 26) and its January 2020 table.
//!
//! Columns: 1ère admission au séjour · renouvellement (y compris changement de statut) ·
//! duplicata. A uniform 200 € tax, one reduced 50 € rate, a 25 € stamp duty; a lone "25" is
//! the stamp duty alone (tax exempt). Under the table: (***), the change of card, the visa de
//! régularisation (200 €, 50 € at filing) and the 180 € late charge; in the note, nine measures.

use crate::law::texts;
use crate::law::types::Level::{General, Reduced};
use crate::law::types::RateKey::{self, Tax};
use crate::law::types::*;
use crate::law::{choice, list, no_match, regimes::RegimeId, row, same};
use crate::model::answer::{Confidence, Note};
use crate::model::date::ymd;
use crate::model::document::TravelDocument;
use crate::model::permit::Permit::*;
use crate::model::procedure::Procedure;
use crate::model::subcase::{AdmissionCard, FamilyMember};

const GENERAL: Cell = cell("225 (200+25)", Some(General), true);
const REDUCED: Cell = cell("75 (50+25)", Some(Reduced), true);
const STAMP_ONLY: Cell = cell("25", None, true);

const ON_SITE: NoMatch = no_match!(
    "reunification_on_site",
    "le tableau tarife le regroupement familial sur place au tarif général",
    "the table prices reunification on site at the general rate",
    ["true", "false"],
);
/// "75 (50+25) (***) CST/CSP – Si regroupement familial sur place : 225 (200+25)", in all three
/// columns. Measure 2 gives the reduced rate to children only: for anyone else the cell is
/// read as printed and flagged.
const REGROUPEMENT_FAMILIAL: Cell = choice!(
    [
        (Cond::OnSite, GENERAL),
        (Cond::IfFamilyMember(FamilyMember::Child), REDUCED),
        (Cond::Otherwise, cell_erratum("75 (50+25) (***)", Some(Reduced), None, true, "004-vpf-regroupement-familial-spouse-rate")),
    ],
    ON_SITE,
);

const LOI_2024_42_NOTES: &[Note] = &[texts::LOI_2024_42_GENERAL_RATE];
/// A loi 2024-42 permit: no table prints it, L. 436-1 lists it in no reduced or exempt case.
const LOI_2024_42_GENERAL: Cell = Cell::Due(Due { tax: Some(General), stamp: true, notes: ::std::borrow::Cow::Borrowed(LOI_2024_42_NOTES), ..DUE });

/// Loi n° 2024-42 (26 January 2024) : carte « travail dans des métiers en tension » (L. 435-4,
/// until 31 December 2026). Not in the L. 436-4 exemptions from the visa de régularisation.
pub(crate) const METIERS_EN_TENSION: Row = same!("Loi n° 2024-42 : carte « travail dans des métiers en tension » - L. 435-4", [MetiersEnTension], LOI_2024_42_GENERAL,
    seed: Some(t("loi 2024-42")), confidence: Some(Confidence::Medium));
/// Loi n° 2024-42 : carte « talent – profession médicale et de la pharmacie » (L. 421-13-1).
pub(crate) const TALENT_PROFESSION_MEDICALE: Row = same!("Loi n° 2024-42 : carte « talent – profession médicale et de la pharmacie » - L. 421-13-1", [TalentProfessionMedicale], LOI_2024_42_GENERAL,
    seed: Some(t("loi 2024-42")), confidence: Some(Confidence::Medium));

/// The permits loi 2024-42 created (in force 28 January 2024).
pub(crate) const LOI_2024_42_EXISTENCE: &[Existence] = &[
    Existence { permit: MetiersEnTension, from: Some(ymd(2024, 1, 28)), until: Some(ymd(2026, 12, 31)), basis: t("L. 435-4 (loi 2024-42, art. 27), until 31 December 2026") },
    Existence { permit: TalentProfessionMedicale, from: Some(ymd(2024, 1, 28)), until: None, basis: t("L. 421-13-1 (loi 2024-42, art. 21)") },
];

/// The table, in its order.
pub(crate) static ROWS: &[Row] = &[
    same!("Cartes «UE et «UE- membre de famille» L. 121-1, L. 121-3, L. 122-1", [CarteUe], Cell::Exempt),
    same!("APS Volontariat associatif-Jeune professionnel-Parent enfant malade- L. 311-10 -L. 311-11 -L. 311-12 / Autres autorisations provisoires de séjour", [Aps], Cell::HorsChamp),
    same!("CST Visiteur - L. 313-6", [Visiteur], GENERAL),
    same!("CST/CSP Etudiant - L. 313-7 - L. 313-18", [Etudiant], REDUCED),
    same!("CST Stagiaire - L. 313-7-1", [Stagiaire], REDUCED),
    same!("CST Stagiaire ICT - CST Stagiaire ICT (famille) - L. 313-7-2 I", [StagiaireIct], GENERAL),
    same!("CST Stagiaire mobile ICT - CST Stagiaire mobile (famille) - L. 313-7-2 II", [StagiaireMobileIct], GENERAL),
    same!("CST Recherche d'emploi ou création d'entreprise - L. 313-8", [RechercheEmploiCreationEntreprise], REDUCED),
    same!("CST Jeune au pair - L. 313-9", [JeuneAuPair], REDUCED),
    same!("CST/CSP Salarié - L. 313-10 1 -L. 313-17", [Salarie], GENERAL),
    same!("CST/CSP Salarié - Admission exceptionnelle- Activité solidaire-Aide sociale enfance - L. 313-14 - L. 313-14-1 - L. 313-15 - L. 313-17", [], GENERAL,
        also: list![(AdmissionExceptionnelle, Cond::AdmissionCard(AdmissionCard::Salarie))]),
    same!("CST Travailleur temporaire - L. 313-10 2°", [TravailleurTemporaire], GENERAL),
    same!("CST/CSP Travailleur temporaire - Admission exceptionnelle- Activité solidaire- Aide sociale enfance - L. 313-14 - L. 313-14-1 - L. 313-15", [], GENERAL,
        also: list![(AdmissionExceptionnelle, Cond::AdmissionCard(AdmissionCard::TravailleurTemporaire))]),
    same!("CST/CSP Entrepreneur/profession libérale - L.313-10 3°- L. 313-17", [EntrepreneurProfessionLiberale], GENERAL),
    same!("CST/CSP VPF - Regroupement familial - Conjoint-Enfant - L. 313-11 1° - L. 313-17", [VpfRegroupementFamilial], REGROUPEMENT_FAMILIAL),
    same!("CST/CSP VPF - Entrée avant 13 ans - L. 313-11 2° - L. 313-17", [VpfEntreeAvant13Ans], GENERAL),
    row!("CST/CSP VPF - Aide sociale enfance - L. 313-11 2° bis - L. 313-17", [VpfAideSocialeEnfance], STAMP_ONLY, GENERAL, GENERAL),
    same!("CST/CSP VPF - Conjoint de Français - L. 313-11 4° - L. 313-17", [VpfConjointDeFrancais], GENERAL),
    same!("CST/CSP VPF - Parent d'enfant français -L. 313-11 6° - L. 313-17", [VpfParentEnfantFrancais], GENERAL),
    row!("CST/CSP VPF - Droit respect de la VPF - L. 313-11 7° - L. 313-17", [VpfDroitAuRespect],
        cell_erratum("225 (250+25)", Some(General), None, true, "004-vpf-droit-au-respect-first-issue"), GENERAL, GENERAL),
    same!("CST/CSP VPF - Né en France - L. 313-11 8° - L. 313-17", [VpfNeEnFrance], GENERAL),
    row!("CST/CSP VPF - Rente accident-maladie - L. 313-11 9° - L. 313-17", [VpfRenteAccidentMaladie],
        REDUCED, REDUCED, cell_erratum("75 (50+75)", Some(Reduced), None, true, "004-vpf-rente-accident-maladie-duplicate")),
    row!("CST/CSP VPF - Maladie - L. 313-11-11°", [VpfEtrangerMalade], STAMP_ONLY, GENERAL, GENERAL),
    same!("CST/CSP VPF - Conjoint et enfant de titulaire du statut RLD-UE dans un autre Etat membre - L. 313-11-1 - L. 313-17", [VpfFamilleResidentLongueDuree], GENERAL),
    same!("CST/CSP VPF - Admission exceptionnelle au séjour - Activité solidaire - L. 313-14 - L. 313-14-1", [], GENERAL,
        also: list![(AdmissionExceptionnelle, Cond::AdmissionCard(AdmissionCard::Vpf))]),
    same!("CST VPF - Plainte/témoignage des victimes de traite ou proxénétisme - Ordonnance protection des victimes de violences conjugales - L. 316-1-L. 316-3", [VpfVictimeTraiteViolences], Cell::Exempt),
    same!("CSP Passeport talents - Salarié - L. 313-20 1°", [TalentSalarie], GENERAL),
    same!("CSP Passeport talents - Carte bleue européenne - L. 313-20 2°", [TalentCarteBleueEuropeenne], GENERAL),
    same!("CSP Passeport talents - Salarié en mission - L. 313-20 3°", [TalentSalarieEnMission], GENERAL),
    same!("CSP Passeport talents - Chercheur - Mobilité - L. 313-20 4°", [TalentChercheur], GENERAL),
    same!("CSP Passeport talents - Créateur d'entreprise - Innovateur - Investisseur - Représentant légal de société - L. 313-20 5°, 6°, 7° et 8°", [TalentCreateurEntreprise], GENERAL),
    same!("CSP Passeport talents - Artiste-interprète - L. 313-20 9°", [TalentArtisteInterprete], GENERAL),
    same!("CSP Passeport talents - Etranger renommé - L. 313-20 10°", [TalentRenomme], GENERAL),
    same!("CSP Passeport talents - Famille - L. 313-21", [TalentFamille], GENERAL),
    same!("CSP Travailleur saisonnier - L. 313-23", [TravailleurSaisonnier], REDUCED),
    same!("CSP Salarié détaché ICT - CSP Salarié détaché (famille) - L. 313-24", [SalarieDetacheIct], GENERAL),
    same!("CSP Salarié détaché mobile - CSP Salarié détaché mobile (famille) - L. 313-24", [SalarieDetacheMobileIct], GENERAL),
    row!("CSP Protégé subsidiaire et conjoint, partenaire, enfant, ascendant de mineur - L. 313-25", [VpfProtectionSubsidiaire, VpfFamilleProtectionSubsidiaire], STAMP_ONLY, GENERAL, GENERAL),
    row!("CSP Apatride et conjoint, partenaire, enfant, ascendant de mineur - L. 313-26", [VpfApatride, VpfFamilleApatride], STAMP_ONLY, GENERAL, GENERAL),
    same!("CSP Etudiant en mobilité - L. 313-27", [EtudiantMobilite], REDUCED),
    row!("CR - RLD-UE après 5 ans de séjour régulier - L. 314-8", [CrResidentLongueDureeUe], Cell::SansObjet, GENERAL, GENERAL),
    row!("CR - RLD-UE après 5 ans de séjour sous carte bleue européenne - L. 314-8-1", [CrResidentLongueDureeUeCarteBleue], Cell::SansObjet, GENERAL, GENERAL),
    same!("CR - RLD-UE - Réfugié - Protégé subsidiaire - L. 314-8-2", [CrResidentLongueDureeUeProtectionInternationale], GENERAL),
    same!("CR - Regroupement familial - Conjoint - Enfant - L. 314-9 1°", [CrRegroupementFamilial], GENERAL),
    same!("CR - Parent d'enfant français - L. 314-9 2°", [CrParentEnfantFrancais], GENERAL),
    same!("CR - Conjoint de Français - L. 314-9 3°", [CrConjointDeFrancais], GENERAL),
    same!("CR - Enfant ou ascendant de Français - L. 314-11 2°", [CrEnfantAscendantDeFrancais], GENERAL),
    same!("CR - Rente accident-maladie - L. 314-11 3°", [CrRenteAccidentMaladie], REDUCED),
    row!("CR - Anciens combattants - L. 314-11 4°, 5° et 6°", [CrAncienCombattant], STAMP_ONLY, GENERAL, GENERAL),
    same!("CR - Légionnaire - L. 314-11 7°", [CrLegionnaire], GENERAL),
    row!("CR - Réfugié - L. 314-11 8°", [CrRefugie], STAMP_ONLY, GENERAL, GENERAL),
    row!("CR - Famille de réfugié (conjoint, partenaire, enfant, ascendant de mineur) - L. 314-11 8°", [CrFamilleRefugie], STAMP_ONLY, GENERAL, GENERAL),
    row!("CR - Apatride - Famille d'apatride - L. 314-11 9°", [CrApatride, CrFamilleApatride], Cell::SansObjet, GENERAL, GENERAL),
    row!("CR - Protégé subsidiaire - Famille de protégé - L. 314-11 12°", [CrProtectionSubsidiaire], Cell::SansObjet, GENERAL, GENERAL),
    same!("CR - Retraité - L. 314-11 11°", [CrRetraite], GENERAL),
    same!("CR - Non-option nationalité française - L. 314-12", [CrNonOptionNationalite], GENERAL),
    same!("CR - Permanent - L. 314-14", [CrPermanent], GENERAL),
    same!("CR Victime traite/proxénétisme/violences conjugales - L. 316-4", [CrVictimeTraiteViolences], Cell::Exempt),
    same!("Carte de séjour Retraité et conjoint - L. 317-1", [Retraite], STAMP_ONLY),
    row!("CRA 1 an (art. 5 et 7 accord) - Visiteur - Travailleur salarié et temporaire - Commerçant - Artisan - Travailleur non salarié - Scientifique - Artiste", [CraUnAnVisiteurTravailleur], Cell::Exempt, GENERAL, GENERAL),
    same!("CRA 1 an - Etudiant - Stagiaire (titre III protocole)", [CraUnAnEtudiant], REDUCED),
    same!("CRA 1 an - Agent officiel (titre III protocole)", [CraUnAnAgentOfficiel], GENERAL),
    row!("CRA 1 an VPF - Maladie (art. 6-7 accord)", [CraUnAnVpfMalade], STAMP_ONLY, GENERAL, GENERAL),
    same!("CRA 1 an VPF - (art. 6, 1 à 6 accord) - Résidence de plus 10 ans - Conjoint de Français-Conjoint de scientifique-Parent d'enfant français-VPF- Né en France", [CraUnAnVpf], GENERAL),
    row!("CRA 1 an VPF - Regroupement familial (art. 7 -d accord)", [CraUnAnRegroupementFamilial], Cell::Exempt, GENERAL, GENERAL),
    // Measure 7: the stamp duty is due on the duplicate of any title, CRA included.
    row!("CRA 10 ans (art. 7 bis accord)", [CraDixAns], Cell::Exempt, Cell::Exempt, STAMP_ONLY),
    same!("CRA 10 ans - Retraité et conjoint - Art 7ter accord", [CraRetraite], STAMP_ONLY),
    same!("CR - Application article 10 accord franco-tunisien - Autres accords bilatéraux", [CrAccordBilateral], GENERAL),
    same!("CR - Andorrans - Convention franco-hispano-andorrane", [CrAndorran], Cell::Exempt),
    row!("Visa de long séjour valant titre de séjour", [VlsTs], Cell::SameAsReplaced, Cell::SansObjet, Cell::SansObjet,
        change_of_details: Some(Cell::SansObjet)),
];

const VISA_ROW: &str = "Droit de visa de régularisation : 200€ dont 50€ à acquitter lors de la demande de titre de séjour (article L. 311-13-D-1 du CESEDA)";
const LATE_ROW: &str = "Droit de visa de régularisation en cas de demande de renouvellement de titre de séjour présentée après l'expiration du délai fixé pour le dépôt de la demande de renouvellement : 180€ (article L. 311-13-D-2 du CESEDA)";

/// Seed 004's exemption list of the visa de régularisation: "à l'exception des titres
/// suivants". The 2020 table prices stateless and subsidiary-protection holders with their
/// families on one CSP row (L. 313-25, L. 313-26) and one CR row (L. 314-11 9° and 12°), so
/// the exemption covers those families too.
pub(crate) const VISA_EXEMPT: &[crate::Permit] = &[
    VpfAideSocialeEnfance, VpfVictimeTraiteViolences,
    VpfApatride, VpfFamilleApatride, VpfProtectionSubsidiaire, VpfFamilleProtectionSubsidiaire,
    CrAncienCombattant, CrLegionnaire, CrRefugie, CrApatride, CrFamilleApatride, CrProtectionSubsidiaire,
    CrNonOptionNationalite, CrVictimeTraiteViolences, CrAndorran,
];

/// Measure 6: the 180 € charge, "après l'expiration du délai fixé pour le dépôt".
pub(crate) const LATE: Late = Late {
    seed: t("004"),
    text: t(LATE_ROW),
    line: texts::LATE_RENEWAL,
    definition: LateDefinition::AfterWindow,
    kind: LateKind::Charge,
    exemptions: LateExemptions { force_majeure: true, violence_victims: true, valid_visa: true, eu_citizens: true, andorran_citizens: true },
    excluded: list![],
    excluded_note: None,
    reading_note: texts::LATE_READING_WINDOW,
    violence_note: None,
    once_with_without_title: false,
};

/// Measure 4, and "Changement de la carte de séjour … sauf titres « UE/EEE/Suisses », cartes
/// pour Andorrans et APS".
pub(crate) const DUPLICATES: Duplicates = Duplicates {
    text: t("4. La remise d'un duplicata d'un titre de séjour ne donne plus lieu au paiement d'une surtaxe"),
    without_title_as_duplicate: false,
    without_title_as_renewal: ::std::borrow::Cow::Borrowed(&[]),
    surcharge: None,
    note: Some(texts::NO_SURCHARGE_SINCE_2020),
    title_notes: list![],
};

/// "Changement de la carte de séjour": the stamp duty alone.
pub(crate) const CHANGE_OF_DETAILS: ChangeOfDetails = ChangeOfDetails {
    text: t("Changement de la carte de séjour (modifications des mentions : état civil, adresse...)"),
    not_covered: None,
    no_charge: None,
    excluded: list![CarteUe, CrAndorran],
    excluded_note: Some(texts::CHANGE_OF_DETAILS_EXCLUDED),
};

/// Measures 8 and 9.
pub(crate) const TRAVEL: Travel = Travel {
    seed: t("004"),
    dcem_text: t(texts::ROW_DCEM),
    travel_text: t(texts::ROW_TRAVEL),
    dcem_procedures: list![Procedure::FirstIssue, Procedure::Renewal, Procedure::Duplicate],
    travel_procedures: list![Procedure::FirstIssue, Procedure::Renewal],
    not_yet_issued: texts::BIOMETRIC_NOT_YET,
    dcem_eu_exempt: true,
};

/// The law of the January 2020 table.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Table2020,
        label_fr: t("Taxes et droits acquittés sur les titres de séjour – janvier 2020"),
        label_en: t("Residence permit taxes and duties – January 2020"),
        valid_from: ymd(2020, 1, 2),
        valid_until: Some(ymd(2026, 4, 30)),
        selected_by: SelectingDate::DecisionDate,
        source: t("seed 004: note d'information du 31 décembre 2019, NOR INTV1937918J (loi 2019-1479, art. 26), and its January 2020 table"),
        confidence: Confidence::High,
        provenance: t("Official note; applies to decisions from 2 Jan 2020. Article numbers change on 1 May 2021 (recodification), amounts do not."),
        sources: list![
            SourceText { text: t("seed 004 (note INTV1937918J et tableau de janvier 2020)"), in_force_from: Some(ymd(2020, 1, 2)), amended_by: t("loi n° 2019-1479 du 28 décembre 2019, art. 26"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 436-1 à L. 436-7 (recodification)"), in_force_from: Some(ymd(2021, 5, 1)), amended_by: t("ordonnance n° 2020-1733 du 16 décembre 2020"), confidence: Confidence::High },
        ],
    },
    rates: list![
        rate(Tax(Column::FirstIssue, General), 200, "seed 004, mesure 1"),
        rate(Tax(Column::FirstIssue, Reduced), 50, "seed 004, mesure 2"),
        rate(Tax(Column::Renewal, General), 200, "seed 004, mesure 1"),
        rate(Tax(Column::Renewal, Reduced), 50, "seed 004, mesure 2"),
        rate(RateKey::Stamp, 25, "seed 004, mesure 7"),
        rate(RateKey::VisaTotal, 200, "seed 004, mesure 5"),
        rate(RateKey::VisaAtFiling, 50, "seed 004, mesure 5"),
        rate(RateKey::LateCharge, 180, "seed 004, mesure 6"),
        rate(RateKey::Dcem, 50, "seed 004, mesure 8"),
        rate(RateKey::Travel(TravelDocument::TitreVoyageRefugie), 45, "seed 004, mesure 9"),
        rate(RateKey::Travel(TravelDocument::TitreIdentiteVoyage), 15, "seed 004, mesure 9"),
        rate(RateKey::Travel(TravelDocument::SaufConduit), 15, "seed 004, mesure 9"),
        rate_from(RateKey::Travel(TravelDocument::TitreVoyageProtectionSubsidiaire4Ans), 40, ymd(2020, 3, 1), "seed 004, mesure 9 (à partir du 1er mars 2020)"),
        rate_from(RateKey::Travel(TravelDocument::TitreVoyageProtectionSubsidiaire5Ans), 45, ymd(2020, 3, 1), "seed 004, mesure 9 (à partir du 1er mars 2020)"),
    ],
    articles: ::std::borrow::Cow::Borrowed(texts::ARTICLES_ACROSS_2021),
    table: Table { seed: t("004"), printed: true, rows: ::std::borrow::Cow::Borrowed(ROWS), amended: list![METIERS_EN_TENSION, TALENT_PROFESSION_MEDICALE], note: None, schedule: None },
    duplicates: DUPLICATES,
    change_of_details: CHANGE_OF_DETAILS,
    visa: Paragraph::In(Visa {
        seed: t("004"),
        text: t(VISA_ROW),
        exempt: ::std::borrow::Cow::Borrowed(VISA_EXEMPT),
        filing_part_by_application_date: true,
        application_date_note: Some(texts::VISA_APPLICATION_DATE),
        transitional_notes: list![(ymd(2020, 1, 2), texts::VISA_TRANSITIONAL_2020)],
    }),
    late: Paragraph::In(LATE),
    violence: Some(super::table_2016::VIOLENCE),
    defence_agreement: Some(texts::DEFENCE_AGREEMENT),
    defence_agreement_absent: texts::DEFENCE_AGREEMENT_BEFORE_2020,
    reunification_exception: None,
    travel: Paragraph::In(TRAVEL),
    stamp: None,
    existence: ::std::borrow::Cow::Borrowed(LOI_2024_42_EXISTENCE),
    change_of_status: None,
};
