//! Seed 003: « Taxes et droits acquittés par les ressortissants étrangers sur les titres de
//! séjour – novembre 2016 » (articles L. 311-13, 311-14, 311-16, 311-18 et D. 311-18-1).
//!
//! Columns: 1er titre · renouvellement (y compris changement de motif) · duplicata /
//! renouvellement sans présentation du titre échu. Cells read "total (taxe+timbre)" or
//! "total (taxe+majoration+timbre)"; a lone figure is the 19 € stamp duty alone. Below the
//! table: (*), (**), (***), the change of card, the visa de régularisation, the 180 € late
//! charge and the NB on the 250 € cap.

use crate::law::texts;
use crate::law::types::Level::{EuCard, General, Intermediate, Reduced, ReunifiedChild, StudentOneYear};
use crate::law::types::RateKey::{self, Surcharge, Tax};
use crate::law::types::*;
use crate::law::{choice, list, no_match, regimes::RegimeId, row, same};
use crate::model::answer::{Confidence, Note};
use crate::model::date::ymd;
use crate::model::permit::Permit::*;
use crate::model::procedure::Procedure;
use crate::model::subcase::{AdmissionCard, CardKind::*, CardValidity::*, FamilyMember::*};

const GENERAL: Cell = cell("269 (250+19)", Some(General), true);
const REDUCED_79: Cell = cell("79 (60+19)", Some(Reduced), true);
const STAMP_ONLY: Cell = cell("19", None, true);

const BY_CARD_KIND: NoMatch = no_match!("card_kind", "le tableau distingue la CST et la CSP", "the table prices the CST and the CSP differently", ["cst", "csp"]);
const BY_MEMBER: NoMatch = no_match!("family_member", "le tableau distingue le conjoint et l'enfant", "the table prices the spouse and the child differently", ["spouse", "child"]);
const BY_ENTRY: NoMatch = no_match!(
    "entered_via_family_reunification",
    "le tableau distingue l'enfant entré par regroupement familial (139) et l'enfant admis au regroupement sur place (269)",
    "the table prices a child who entered through family reunification (139) and one admitted on site (269)",
    ["entered_via_family_reunification: true", "reunification_on_site: true"],
);
const NO_PREVIOUS_CST: NoMatch = no_match!(
    "previously_held_cst",
    "le tableau tarife une première carte de résident pour le conjoint de Français qui n'a pas détenu de CST ; pour le titulaire d'une CST, c'est un renouvellement (changement de statut)",
    "the table prices a first resident card for a spouse of a French national who held no CST before; a CST holder's card is a renewal (change of status)",
    ["false"],
);

/// (*): the resident card as a first title under bilateral agreements.
const BILATERAL: &[Note] = &[texts::BILATERAL_AGREEMENT];
/// D. 311-18-1 3°: the EU card's flat tax.
const EU_FLAT: &[Note] = &[texts::EU_CARD_FLAT];
/// (**): "Droit de timbre de 19€ non exigible en application de l'accord franco-algérien."
const ALGERIAN: &[Note] = &[texts::ALGERIAN_STAMP];

/// "139 (120+19) si entrés par RF / 269 (250+19) si RF sur place (*)".
const CR_ENFANTS_FIRST_ISSUE: Cell = choice!(
    [(Cond::OnSite, cell_noted("269 (250+19)", Some(General), true, BILATERAL)), (Cond::EnteredViaReunification, cell("139 (120+19)", Some(ReunifiedChild), true))],
    BY_ENTRY,
);

/// The table, in its order.
static ROWS: &[Row] = &[
    same!("CST Visiteur - L. 313-4-1 1° - L. 313-6", [Visiteur], GENERAL),
    row!("CST/CSP Etudiant - L. 313-4-1 2° - L. 313-7 - L. 313-17 - L. 313-18", [Etudiant],
        REDUCED_79,
        choice!([(Cond::CardKind(Cst), cell("49 (30+19)", Some(StudentOneYear), true)), (Cond::CardKind(Csp), REDUCED_79)], BY_CARD_KIND),
        choice!([
            (Cond::CardKind(Cst), cell("49 (30+19)", Some(StudentOneYear), true)),
            (Cond::CardKindAndValidity(Csp, MoreThanOneYear), cell_surcharged("95 (60+16+19)", Reduced, Surcharge)),
            (Cond::CardKindAndValidity(Csp, OneYear), REDUCED_79),
        ], BY_CARD_KIND)),
    row!("CST Stagiaire - L. 313-7-1", [Stagiaire], REDUCED_79, cell("139 (120+19)", Some(Intermediate), true), cell_surcharged("155 (120+16+19)", Intermediate, Surcharge)),
    row!("CST Stagiaire ICT - CST Stagiaire ICT (famille) - L. 313-7-2 I", [StagiaireIct], REDUCED_79, cell("139 (120+19)", Some(Intermediate), true), cell_surcharged("155 (120+16+19)", Intermediate, Surcharge)),
    row!("CST Stagiaire mobile ICT - CST Stagiaire mobile (famille) - L. 313-7-2 II", [StagiaireMobileIct], REDUCED_79, cell("139 (120+19)", Some(Intermediate), true), cell_surcharged("155 (120+16+19)", Intermediate, Surcharge)),
    same!("CST/CSP Salarié - L. 313-4-1 5° - L. 313-10 1° - L. 313-14 - L. 313-15 - L. 313-17", [Salarie], GENERAL,
        also: list![(AdmissionExceptionnelle, Cond::AdmissionCard(AdmissionCard::Salarie))]),
    row!("CST Travailleur temporaire - L. 313-4-1 5° - L. 313-10 2° - L. 313-14 - L. 313-15", [TravailleurTemporaire], STAMP_ONLY, GENERAL, GENERAL,
        also: list![(AdmissionExceptionnelle, Cond::AdmissionCard(AdmissionCard::TravailleurTemporaire))]),
    same!("CST/CSP Entrepreneur/profession libérale - L.313-4-1 5° - L.313-10 3° - L. 313-17", [EntrepreneurProfessionLiberale], GENERAL),
    row!("CST/CSP VPF - Regroupement familial (RF) - L. 313-11 1° - L. 313-17", [VpfRegroupementFamilial],
        choice!([(Cond::OnSite, GENERAL), (Cond::FamilyMember(Spouse), GENERAL), (Cond::FamilyMember(Child), cell("139 (120+19)", Some(ReunifiedChild), true))], BY_MEMBER),
        choice!([(Cond::FamilyMember(Spouse), GENERAL), (Cond::FamilyMember(Child), cell("139 (120+19)", Some(ReunifiedChild), true))], BY_MEMBER),
        choice!([(Cond::FamilyMember(Spouse), GENERAL), (Cond::FamilyMember(Child), cell_surcharged("155 (120+16+19)", ReunifiedChild, Surcharge))], BY_MEMBER)),
    same!("CST/CSP VPF - Entrée avant 13 ans - L. 313-11 2° - L. 313-17", [VpfEntreeAvant13Ans], GENERAL),
    row!("CST/CSP VPF - Aide sociale enfance - L. 313-11 2° bis - L. 313-17", [VpfAideSocialeEnfance], STAMP_ONLY, GENERAL, GENERAL),
    same!("CST/CSP VPF - Conjoint de Français - L. 313-11 4° - L. 313-17", [VpfConjointDeFrancais], GENERAL),
    same!("CST/CSP VPF - Parent d'enfant français - L. 313-11 6° - L. 313-17", [VpfParentEnfantFrancais], GENERAL),
    same!("CST/CSP VPF - Droit respect de la VPF - L. 313-11 7° - L. 313-17", [VpfDroitAuRespect], GENERAL),
    same!("CST/CSP VPF - Né en France - L. 313-11 8° - L. 313-17", [VpfNeEnFrance], GENERAL),
    row!("CST/CSP VPF - Rente accident-maladie - L. 313-11 9° - L. 313-17", [VpfRenteAccidentMaladie], REDUCED_79, REDUCED_79, cell_surcharged("95 (60+16+19)", Reduced, Surcharge)),
    row!("CST/CSP VPF - Apatride - L. 313-11 10° - L. 313-17", [VpfApatride], STAMP_ONLY, GENERAL, GENERAL),
    row!("CST/CSP VPF - Conjoint et enfant d'apatride - L. 313-11 10° - L. 313-17", [VpfFamilleApatride], STAMP_ONLY, GENERAL, GENERAL),
    row!("CST/CSP VPF - Maladie - L. 313-11-11°", [VpfEtrangerMalade], STAMP_ONLY, GENERAL, GENERAL),
    same!("CST/CSP VPF - Conjoint et enfant de titulaire du statut RLD-UE dans un autre Etat membre - L. 313-11-1 - L. 313-17", [VpfFamilleResidentLongueDuree], GENERAL),
    row!("CST/CSP VPF - Protection subsidiaire - L. 313-13 - L. 313-17", [VpfProtectionSubsidiaire], STAMP_ONLY, GENERAL, GENERAL),
    row!("CST/CSP VPF - Conjoint, partenaire, enfant de protégé subsidiaire - Ascendant d'un mineur sous protection subsidiaire - L. 313-13 - L. 313-17", [VpfFamilleProtectionSubsidiaire], STAMP_ONLY, GENERAL, GENERAL),
    same!("CST/CSP VPF - Admission exceptionnelle au séjour - L. 313-14", [], GENERAL,
        also: list![(AdmissionExceptionnelle, Cond::AdmissionCard(AdmissionCard::Vpf))]),
    same!("CSP Passeport talents - Salarié - L. 313-20 1°", [TalentSalarie], GENERAL),
    same!("CSP Passeport talents - Carte bleue européenne - L. 313-20 2°", [TalentCarteBleueEuropeenne], GENERAL),
    same!("CSP Passeport talents - Salarié en mission - L. 313-20 3°", [TalentSalarieEnMission], GENERAL),
    same!("CSP Passeport talents - Chercheur - L. 313-4-1 3° - L. 313-20 4°", [TalentChercheur], GENERAL),
    same!("CSP Passeport talents - Créateur d'entreprise - Innovateur - Investisseur - Représentant légal de société - L. 313-20 5°, 6°, 7° et 8°", [TalentCreateurEntreprise], GENERAL),
    same!("CSP Passeport talents - Artiste-interprète - L. 313-4-1 4° - L. 313-20 9°", [TalentArtisteInterprete], GENERAL),
    same!("CSP Passeport talents - Etranger renommé - L. 313-20 10°", [TalentRenomme], GENERAL),
    row!("CSP Passeport talents - Famille - L. 313-21", [TalentFamille], STAMP_ONLY, STAMP_ONLY,
        cell_erratum("269 (250+19)", Some(General), None, true, "003-talent-famille-duplicate")),
    same!("CSP Travailleur saisonnier - L. 313-23", [TravailleurSaisonnier], GENERAL),
    same!("CSP Salarié détaché ICT - CSP Salarié détaché (famille) - L. 313-24", [SalarieDetacheIct], GENERAL),
    same!("CSP Salarié détaché mobile - CSP Salarié détaché mobile (famille) - L. 313-24", [SalarieDetacheMobileIct], GENERAL),
    // Second part of the table: resident cards, victims, retirees, Algerian certificates.
    row!("CR - RLD-UE après 5 ans de séjour régulier - L. 314-8", [CrResidentLongueDureeUe], Cell::SansObjet, GENERAL, GENERAL),
    row!("CR - RLD-UE après 5 ans de séjour sous carte bleue européenne - L. 314-8-1", [CrResidentLongueDureeUeCarteBleue], Cell::SansObjet, GENERAL, GENERAL),
    same!("CR - RLD-UE - Réfugié - Protégé subsidiaire - L. 314-8-2", [CrResidentLongueDureeUeProtectionInternationale], GENERAL),
    same!("CR - Regroupement familial (RF) - Conjoint - L. 314-9 1°", [], GENERAL,
        also: list![(CrRegroupementFamilial, Cond::FamilyMember(Spouse))]),
    row!("CR - Regroupement familial (RF) - Enfants - L. 314-9 1°", [], CR_ENFANTS_FIRST_ISSUE, GENERAL, GENERAL,
        also: list![(CrRegroupementFamilial, Cond::FamilyMember(Child))]),
    row!("CR - Parent d'enfant français - L. 314-9 2°", [CrParentEnfantFrancais], cell_noted("269 (250+19) (*)", Some(General), true, BILATERAL), GENERAL, GENERAL),
    row!("CR - Conjoint de Français - L. 314-9 3°", [CrConjointDeFrancais], choice!([(Cond::NoPreviousCst, GENERAL)], NO_PREVIOUS_CST), GENERAL, GENERAL),
    row!("CR - Enfant ou ascendant de Français - L. 314-11 2°", [CrEnfantAscendantDeFrancais],
        Cell::Due(Due { tax: Some(General), stamp: true, printed: Some(t("69 (250+19) (*)")), erratum: Some(t("003-cr-enfant-ascendant-de-francais-first-issue")), notes: ::std::borrow::Cow::Borrowed(BILATERAL), ..DUE }),
        GENERAL, GENERAL),
    row!("CR - Rente accident-maladie - L. 314-11 3°", [CrRenteAccidentMaladie], REDUCED_79, cell("139 (120+19)", Some(Intermediate), true),
        // "148 (120+9+19)": D. 311-18-1 3° surcharges a carte de résident 9 €, other titles 16 €.
        cell_surcharged("148 (120+9+19)", Intermediate, RateKey::SurchargeResident)),
    row!("CR - Anciens combattants - L. 314-11 4°, 5° et 6°", [CrAncienCombattant], STAMP_ONLY, GENERAL, GENERAL),
    same!("CR - Légionnaire - L. 314-11 7°", [CrLegionnaire], GENERAL),
    row!("CR - Réfugié - L. 314-11 8°", [CrRefugie], STAMP_ONLY, GENERAL, GENERAL),
    row!("CR - Famille de réfugié (conjoint, partenaire, enfant, ascendant de mineur) L.314-11 8°", [CrFamilleRefugie], STAMP_ONLY, GENERAL, GENERAL),
    row!("CR - Apatride - L. 314-11 9°", [CrApatride], Cell::SansObjet, GENERAL, GENERAL),
    row!("CR - Conjoint et enfant d'apatride - L. 314-11 9°", [CrFamilleApatride], STAMP_ONLY, GENERAL, GENERAL),
    row!("CR - Retraité - L. 314-11 11°", [CrRetraite], Cell::SansObjet, GENERAL, GENERAL),
    row!("CR - Non option nationalité française - L. 314-12", [CrNonOptionNationalite], Cell::SansObjet, GENERAL, GENERAL),
    row!("CR - Permanent - L. 314-14", [CrPermanent], Cell::SansObjet, GENERAL, GENERAL),
    same!("APS - Victime prostitution - L. 316-1-1", [ApsVictimeProstitution], Cell::Exempt),
    same!("CST VPF - Plainte/témoignage des victimes de traite ou proxénétisme - Ordonnance protection des victimes de violences conjugales - L. 316-1-L. 316-3", [VpfVictimeTraiteViolences], Cell::Exempt),
    same!("CR Victime traite/proxénétisme/violences conjugales - L. 316-1 - L. 316-4", [CrVictimeTraiteViolences], Cell::Exempt),
    same!("Carte de séjour Retraité et conjoint - L.317-1", [Retraite], STAMP_ONLY),
    row!("CRA I an (art. 5 et 7 accord) - Visiteur - Travailleur salarié et temporaire - Commerçant - Artisan - Travailleur non salarié - Scientifique - Artiste", [CraUnAnVisiteurTravailleur], Cell::Exempt, GENERAL, GENERAL),
    row!("CRA I an - Etudiant (titre III protocole)", [CraUnAnEtudiant], REDUCED_79, cell("49 (30+19)", Some(StudentOneYear), true), cell("49 (30+19)", Some(StudentOneYear), true)),
    same!("CRA I an - Agent officiel (titre III protocole)", [CraUnAnAgentOfficiel], GENERAL),
    row!("CRA I an VPF - Maladie (art. 6-7 accord)", [CraUnAnVpfMalade], STAMP_ONLY, GENERAL, GENERAL),
    same!("CRA I an VPF (art. 6, sauf point 7) - Résidence de plus 10 ans - Conjoint de Français-Conjoint de scientifique-Parent d'enfant français-VPF- Né en France", [CraUnAnVpf], GENERAL),
    row!("CRA I an VPF - Regroupement familial (art. 7 -d)", [CraUnAnRegroupementFamilial], Cell::Exempt, GENERAL, GENERAL),
    // "Duplicata : 269 (250+19) – Non-présentation du titre échu : 250 (**)".
    row!("CRA 10 ans (art. 7 bis)", [CraDixAns], Cell::Exempt, Cell::Exempt, GENERAL,
        without_title: Some(cell_noted("250 (**)", Some(General), false, ALGERIAN))),
    same!("CRA 10 ans - Retraité et conjoint - Art 7ter accord franco-algérien", [CraRetraite], STAMP_ONLY),
    same!("APS Volontariat associatif-Jeune professionnel-Parent enfant malade- L. 311- 10-L. 311-11 -L. 311-12 / Autres autorisations provisoires de séjour", [Aps], Cell::HorsChamp),
    // "25": the flat tax of D. 311-18-1 3° (décret 2012-1535) on an EU card's duplicate or its
    // renewal without the card, not a stamp duty (19 € in 2016).
    row!("Cartes «UE» et «UE- membre de famille» L. 121-1, L. 121-3, L. 122-1", [CarteUe], Cell::Exempt, Cell::Exempt,
        cell_noted("25", Some(EuCard), false, EU_FLAT)),
    row!("Visa de long séjour valant titre de séjour", [VlsTs], Cell::SameAsReplaced, Cell::SansObjet, Cell::SansObjet,
        change_of_details: Some(Cell::SansObjet)),
];

const VISA_ROW: &str = "Droit de visa de régularisation : 340€ dont 50€ à acquitter lors de la demande de titre de séjour (article L. 311-13-D-1 du CESEDA)";
const LATE_ROW: &str = "Droit de visa de régularisation en cas de demande de renouvellement de titre de séjour présentée après l'échéance du titre précédent : 180€ (article L. 311-13-D-2 du CESEDA)";

/// The law of the November 2016 table.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Table2016,
        label_fr: t("Taxes et droits acquittés sur les titres de séjour – novembre 2016"),
        label_en: t("Residence permit taxes and duties – November 2016"),
        valid_from: ymd(2016, 11, 1),
        valid_until: Some(ymd(2020, 1, 1)),
        selected_by: SelectingDate::DecisionDate,
        source: t("seed 003: TAXES ET DROITS ACQUITTES PAR LES RESSORTISSANTS ETRANGERS SUR LES TITRES DE SEJOUR - NOVEMBRE 2016 (décret 2016-1462)"),
        confidence: Confidence::High,
        provenance: t("Décret 2016-1462 of 28 Oct 2016, in force 1 Nov 2016; replaced for decisions from 2 Jan 2020 (seed 004)."),
        sources: list![
            SourceText { text: t("seed 003 (tableau de novembre 2016)"), in_force_from: Some(ymd(2016, 11, 1)), amended_by: t("décret n° 2016-1462 du 28 octobre 2016"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-13, L. 311-14, L. 311-16, L. 311-18"), in_force_from: Some(ymd(2016, 11, 1)), amended_by: t("loi n° 2016-274 du 7 mars 2016"), confidence: Confidence::High },
        ],
    },
    rates: list![
        rate(Tax(Column::FirstIssue, General), 250, "seed 003, 1er titre"),
        rate(Tax(Column::FirstIssue, Reduced), 60, "seed 003, 1er titre (étudiant, stagiaire, rente)"),
        rate(Tax(Column::FirstIssue, ReunifiedChild), 120, "seed 003, 1er titre (enfant entré par RF)"),
        rate(Tax(Column::Renewal, General), 250, "seed 003, renouvellement"),
        rate(Tax(Column::Renewal, Reduced), 60, "seed 003, renouvellement (étudiant CSP, rente VPF)"),
        rate(Tax(Column::Renewal, Intermediate), 120, "seed 003, renouvellement (stagiaire, rente CR)"),
        rate(Tax(Column::Renewal, ReunifiedChild), 120, "seed 003, renouvellement (enfant entré par RF)"),
        rate(Tax(Column::Renewal, StudentOneYear), 30, "seed 003, renouvellement (étudiant CST)"),
        rate(Tax(Column::Renewal, EuCard), 25, "seed 003, duplicata des cartes UE (D. 311-18-1 3°)"),
        rate(RateKey::Stamp, 19, "CESEDA L. 311-16"),
        rate(Surcharge, 16, "seed 003, troisième colonne (D. 311-18-1 3° : 16 € dans les autres cas)"),
        rate(RateKey::SurchargeResident, 9, "seed 003, troisième colonne (D. 311-18-1 3° : 9 € pour la carte de résident)"),
        rate(RateKey::SurchargeCap, 250, "seed 003, NB (plafond de L. 311-13)"),
        rate(RateKey::VisaTotal, 340, "CESEDA L. 311-13 D 1°"),
        rate(RateKey::VisaAtFiling, 50, "CESEDA L. 311-13 D 1°"),
        rate(RateKey::LateCharge, 180, "CESEDA L. 311-13 D 2°"),
        rate(RateKey::Dcem, 45, "seed 004, mesure 8 (« porté de 45 à 50 € »)"),
        rate(RateKey::Travel(crate::TravelDocument::TitreVoyageRefugie), 45, "seed 004, mesure 9; CGI art. 953"),
        rate(RateKey::Travel(crate::TravelDocument::TitreIdentiteVoyage), 15, "seed 004, mesure 9; CGI art. 953"),
        rate(RateKey::Travel(crate::TravelDocument::SaufConduit), 15, "seed 004, mesure 9; CGI art. 953"),
        // Only reached when a later date is priced under this regime on request.
        rate_from(RateKey::Travel(crate::TravelDocument::TitreVoyageProtectionSubsidiaire4Ans), 40, ymd(2020, 3, 1), "seed 004, mesure 9 (à partir du 1er mars 2020)"),
        rate_from(RateKey::Travel(crate::TravelDocument::TitreVoyageProtectionSubsidiaire5Ans), 45, ymd(2020, 3, 1), "seed 004, mesure 9 (à partir du 1er mars 2020)"),
    ],
    articles: ::std::borrow::Cow::Borrowed(texts::ARTICLES_2016),
    table: Table { seed: t("003"), printed: true, rows: ::std::borrow::Cow::Borrowed(ROWS), amended: list![], note: None, schedule: None },
    duplicates: Duplicates {
        text: t("Duplicata/Renouvellement sans présentation du titre échu (troisième colonne du tableau)"),
        without_title_as_duplicate: true,
        without_title_as_renewal: ::std::borrow::Cow::Borrowed(&[]),
        surcharge: Some(SurchargeRule {
            line: texts::SURCHARGE_2016,
            excluded: list![member_when(Etudiant, Cond::IfCardValidity(OneYear)), member(CraUnAnEtudiant)],
            excluded_note: None,
            resident_rate: true,
            exempt_titles_pay: false,
            cap: Some(CapRule { note: texts::SURCHARGE_CAPPED_2016, erratum: Some(t("003-cap-note")) }),
            surcharge_alone: list![],
            surcharge_alone_note: None,
        }),
        note: None,
        title_notes: list![],
    },
    change_of_details: ChangeOfDetails {
        text: t("Changement de la carte de séjour (modifications des mentions : état civil, adresse...)"),
        not_covered: None,
        no_charge: None,
        excluded: list![],
        excluded_note: None,
    },
    visa: Paragraph::In(Visa {
        seed: t("003"),
        text: t(VISA_ROW),
        exempt: list![
            VpfAideSocialeEnfance, VpfApatride, VpfProtectionSubsidiaire, VpfVictimeTraiteViolences,
            CrAncienCombattant, CrLegionnaire, CrRefugie, CrApatride, CrNonOptionNationalite, CrVictimeTraiteViolences,
        ],
        filing_part_by_application_date: true,
        application_date_note: None,
        transitional_notes: list![],
    }),
    late: Paragraph::In(Late {
        seed: t("003"),
        text: t(LATE_ROW),
        line: texts::LATE_RENEWAL,
        definition: LateDefinition::AfterExpiry,
        kind: LateKind::Charge,
        exemptions: LateExemptions { force_majeure: true, violence_victims: true, valid_visa: true, eu_citizens: true, andorran_citizens: false },
        excluded: list![],
        excluded_note: None,
        reading_note: texts::LATE_READING_EXPIRY,
        violence_note: Some(texts::LATE_VIOLENCE_2016),
        once_with_without_title: false,
    }),
    violence: Some(VIOLENCE),
    defence_agreement: None,
    defence_agreement_absent: texts::DEFENCE_AGREEMENT_BEFORE_2020,
    reunification_exception: None,
    travel: Paragraph::In(Travel {
        seed: t("004"),
        dcem_text: t(texts::ROW_DCEM),
        travel_text: t(texts::ROW_TRAVEL),
        dcem_procedures: list![Procedure::FirstIssue, Procedure::Renewal, Procedure::Duplicate],
        travel_procedures: list![Procedure::FirstIssue, Procedure::Renewal],
        not_yet_issued: texts::BIOMETRIC_NOT_YET,
        dcem_eu_exempt: false,
    }),
    stamp: None,
    existence: list![],
    change_of_status: None,
};

/// (***): "Exemption du droit de visa de régularisation, du droit de timbre et de la taxe … en
/// cas de violences conjugales subies par le conjoint étranger" — the rows it marks. The
/// reunification row covers spouses and children, so it must know which.
pub(crate) const VIOLENCE: ViolenceExemption = ViolenceExemption {
    members: list![member_when(VpfRegroupementFamilial, Cond::FamilyMember(Spouse)), member(VpfConjointDeFrancais)],
    titles: list![],
    // "pour la primo-délivrance, le renouvellement (avec ou sans présentation du titre échu) et
    // le duplicata": not a change of the card's details.
    procedures: list![Procedure::FirstIssue, Procedure::Renewal, Procedure::RenewalWithoutExpiredTitle, Procedure::Duplicate],
    no_match: no_match!(
        "family_member",
        "(***) exempte le conjoint victime de violences conjugales, non l'enfant",
        "(***) exempts the spouse who suffered domestic violence, not the child",
        ["spouse", "child"],
    ),
    note: texts::VIOLENCE_EXEMPTION,
};
