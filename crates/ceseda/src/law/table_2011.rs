//! Seed 002: « Taxes sur les titres de séjour dues à l'OFII (articles L. 311-13 et 311-14 du
//! CESEDA) – Droits de timbre sur les cartes de séjour (article L. 311-16) », in force late 2011.
//!
//! Columns: taxe en 1er titre · taxe en renouvellement · droit de timbre (1er titre et
//! renouvellement). The duplicate column does not exist: footnote (**) prices duplicates,
//! renewals without the expiring title and renewals after expiry as the renewal tax + 15 €.

use crate::law::texts;
use crate::law::types::Level::{self, CstMultiYear, CstOneYear, EuCard, General, Reduced, ReducedSalarie, Resident, ReunifiedChild, StudentOneYear};
use crate::law::types::RateKey::{self, Tax};
use crate::law::types::*;
use crate::law::regimes::RegimeId;
use crate::law::{choice, list, no_match};
use crate::model::answer::Confidence;
use crate::model::date::ymd;
use crate::model::permit::Permit::*;
use crate::model::subcase::{AdmissionCard, CardValidity::*, FamilyMember::*};

/// A tax-only cell ("340"): the 2011 table prints the stamp duty in its own column.
const fn tax(printed: &'static str, level: Level) -> Cell {
    cell(printed, Some(level), false)
}

/// A row of the 2011 table: two tax columns and the stamp column.
macro_rules! row2011 {
    ($label:expr, [$($p:path),* $(,)?], $first:expr, $renewal:expr, $stamp:expr $(, $f:ident: $v:expr)* $(,)?) => {
        Row {
            label: t($label),
            permits: ::std::borrow::Cow::Borrowed(&[$($p),*]),
            first_issue: $first,
            renewal: $renewal,
            stamp_column: Some($stamp),
            $($f: $v,)*
            ..ROW
        }
    };
}

use StampColumn::{Due as Stamp, DuplicateOnly, Exempt as NoStamp, NotOnFirstIssue};

const BY_UNDERLYING: NoMatch = no_match!(
    "underlying_permit",
    "« selon le titre délivré » : le montant est celui du titre délivré au titre de L. 313-4-1",
    "« selon le titre délivré »: the amount is that of the title issued under L. 313-4-1",
    ["visiteur", "etudiant", "scientifique", "artiste", "salarie", "travailleur_temporaire", "commercant", "profession_non_salariee"],
);
const BY_VALIDITY: NoMatch = no_match!("card_validity", "le tableau distingue les titres d'un an et ceux de plus d'un an", "the table prices one-year cards and longer ones differently", ["one_year", "more_than_one_year"]);
const BY_MEMBER: NoMatch = no_match!("family_member", "le tableau distingue le conjoint (340) et l'enfant (110)", "the table prices the spouse (340) and the child (110) differently", ["spouse", "child"]);
const BY_ADMISSION_CARD: NoMatch = no_match!("admission_card", "le tableau distingue la carte VPF (340) et la carte salarié (70)", "the table prices the VPF card (340) and the salarié card (70)", ["vpf", "salarie"]);
const BY_ENTRY: NoMatch = no_match!(
    "entered_via_family_reunification",
    "le tableau distingue les enfants entrés par regroupement familial (110) et ceux admis au regroupement sur place (340)",
    "the table prices children who entered through family reunification (110) and those admitted on site (340)",
    ["entered_via_family_reunification: true", "reunification_on_site: true"],
);
const NO_PREVIOUS_CST: NoMatch = no_match!(
    "previously_held_cst",
    "« si non-détention antérieure d'une carte de séjour temporaire » ; pour le titulaire d'une CST, c'est un renouvellement",
    "« si non-détention antérieure d'une carte de séjour temporaire »; a CST holder's card is a renewal",
    ["false"],
);

/// (*): the resident card as a first title under bilateral agreements.
const BILATERAL: &[crate::model::answer::Note] = &[texts::BILATERAL_AGREEMENT];
const BILATERAL_340: Cell = cell_noted("340 (*)", Some(General), false, BILATERAL);

const CE_CARD_DUPLICATE: Cell = cell("15", Some(EuCard), false);

const ETUDIANT_RENEWAL: Cell = choice!([(Cond::CardValidity(OneYear), tax("30", StudentOneYear)), (Cond::CardValidity(MoreThanOneYear), tax("55", Reduced))], BY_VALIDITY);
const SCIENTIFIQUE_RENEWAL: Cell = choice!([(Cond::CardValidity(OneYear), tax("85", CstOneYear)), (Cond::CardValidity(MoreThanOneYear), tax("110", CstMultiYear))], BY_VALIDITY);

/// L. 313-11 5° was repealed on 18 June 2011 (loi 2011-672); the table still prints its row.
const REPEALED: &[crate::model::answer::Note] = &[texts::L313_11_5_STILL_PRINTED];

/// Titles the table has no row for though D. 311-18-1 (décret 2011-163, the decree the table
/// prints) and L. 311-13 price them in the same months: the amounts of `statute_2011_02`.
const STATUTE: Option<Text> = Some(t("D. 311-18-1 (décret 2011-163)"));
const STATUTE_NOTES: &[crate::model::answer::Note] = &[texts::NOT_IN_TABLE_2011];
const fn statute_tax(level: Level) -> Cell {
    Cell::Due(Due { tax: Some(level), notes: ::std::borrow::Cow::Borrowed(STATUTE_NOTES), ..DUE })
}
const STATUTE_EXEMPT: Cell = Cell::Due(Due { notes: ::std::borrow::Cow::Borrowed(STATUTE_NOTES), ..DUE });
const LONG_UNLESS_SAID: Cell = choice!([(Cond::IfCardValidity(OneYear), statute_tax(CstOneYear)), (Cond::Otherwise, statute_tax(CstMultiYear))], BY_VALIDITY);
static AMENDED: &[Row] = &[
    row2011!("L. 311-13 A (loi 2011-672) et D. 311-18-1 2° c) et d) : carte bleue européenne (L. 313-10 6°)", [CarteBleueEuropeenne], STATUTE_EXEMPT, LONG_UNLESS_SAID, Stamp, seed: STATUTE),
    row2011!("D. 311-18-1 2° e) : carte de résident de longue durée-UE après une carte bleue (L. 314-8-1)", [CrResidentLongueDureeUeCarteBleue], Cell::SansObjet, statute_tax(Resident), NotOnFirstIssue, seed: STATUTE),
    row2011!("L. 311-13 A (L. 313-13) et D. 311-18-1 2° c) : CST VPF famille d'un protégé subsidiaire", [VpfFamilleProtectionSubsidiaire], STATUTE_EXEMPT, statute_tax(CstOneYear), Stamp, seed: STATUTE),
    row2011!("D. 311-18-1 1° a) et 2° e) : carte de résident délivrée en application d'un accord bilatéral", [CrAccordBilateral], statute_tax(General), statute_tax(Resident), Stamp, seed: STATUTE),
];

/// The table, in its order.
static ROWS: &[Row] = &[
    // "340 ou 70 ou 55 ou exemption selon le titre délivré" / "30 ou 55 ou 85 ou 110 selon le titre délivré"
    row2011!("CST titulaire statut RLD-CE dans un autre Etat membre – L. 313-4-1", [ResidentLongueDureeAutreEtat],
        choice!([
            (Cond::Underlying(Visiteur), tax("340", General)), (Cond::Underlying(Scientifique), tax("340", General)), (Cond::Underlying(Artiste), tax("340", General)),
            (Cond::Underlying(Commercant), tax("340", General)), (Cond::Underlying(ProfessionNonSalariee), tax("340", General)),
            (Cond::Underlying(Salarie), tax("70", ReducedSalarie)), (Cond::Underlying(Etudiant), tax("55", Reduced)), (Cond::Underlying(TravailleurTemporaire), Cell::Exempt),
        ], BY_UNDERLYING),
        choice!([
            (Cond::Underlying(Etudiant), ETUDIANT_RENEWAL), (Cond::Underlying(Scientifique), SCIENTIFIQUE_RENEWAL),
            (Cond::Underlying(Visiteur), tax("85", CstOneYear)), (Cond::Underlying(Artiste), tax("85", CstOneYear)), (Cond::Underlying(Commercant), tax("85", CstOneYear)),
            (Cond::Underlying(ProfessionNonSalariee), tax("85", CstOneYear)), (Cond::Underlying(Salarie), tax("85", CstOneYear)), (Cond::Underlying(TravailleurTemporaire), tax("85", CstOneYear)),
        ], BY_UNDERLYING),
        Stamp),
    row2011!("CST visiteur - L. 313-6", [Visiteur], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CST étudiant - L. 313-7", [Etudiant], tax("55", Reduced), ETUDIANT_RENEWAL, Stamp),
    row2011!("CST stagiaire - L. 313-7-1", [Stagiaire], tax("55", Reduced), tax("55", Reduced), Stamp),
    row2011!("CST scientifique - L. 313-8", [Scientifique], tax("340", General), SCIENTIFIQUE_RENEWAL, Stamp),
    row2011!("CST artiste - L. 313-9", [Artiste], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CST salarié - L. 313-10-1°", [Salarie], tax("70", ReducedSalarie), tax("85", CstOneYear), Stamp),
    row2011!("CST travailleur temporaire - L. 313-10-1°", [TravailleurTemporaire], Cell::Exempt, tax("85", CstOneYear), Stamp),
    row2011!("CST commerçant - L. 313-10-2°", [Commercant], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CST profession non salariée - L. 313-10-3°", [ProfessionNonSalariee], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CST travailleur saisonnier - L. 313-10-4°", [TravailleurSaisonnier], Cell::Exempt, tax("110", CstMultiYear), Stamp),
    row2011!("CST salarié en mission - L. 313-10-5°", [SalarieEnMission], tax("70", ReducedSalarie), tax("110", CstMultiYear), Stamp),
    row2011!("CST VPF L. 313-11-1° Regroupement familial (RF)", [VpfRegroupementFamilial],
        choice!([(Cond::OnSite, tax("340", General)), (Cond::FamilyMember(Spouse), tax("340", General)), (Cond::FamilyMember(Child), tax("110", ReunifiedChild))], BY_MEMBER),
        tax("85", CstOneYear), Stamp),
    row2011!("CST VPF - L. 313-11-2° et 2° bis Entrée avant 13 ans – Aide sociale enfance", [VpfEntreeAvant13Ans, VpfAideSocialeEnfance], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CST VPF - L. 313-11-3° - Conjoint, enfant de salarié en mission et de titulaire carte compétences-talents", [VpfFamilleSalarieEnMission], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CST VPF L. 313-11-4° - Conjoint de Français", [VpfConjointDeFrancais], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CST VPF L. 313-11-5° - Conjoint de scientifique", [VpfConjointDeScientifique], cell_noted("340", Some(General), false, REPEALED), cell_noted("85", Some(CstOneYear), false, REPEALED), Stamp),
    row2011!("CST VPF L. 313-11-6° - Parent d'enfant français", [VpfParentEnfantFrancais], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CST VPF L. 313-11-7° - Droit respect de la VPF", [VpfDroitAuRespect], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CST VPF L. 313-11-8° - Né en France", [VpfNeEnFrance], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CST VPF L. 313-11-9° - Rente accident-maladie", [VpfRenteAccidentMaladie], tax("55", Reduced), tax("55", Reduced), Stamp),
    row2011!("CST VPF L. 313-11-10° - Apatride – Conjoint et enfant d'apatride", [VpfApatride, VpfFamilleApatride], Cell::Exempt, tax("85", CstOneYear), Stamp),
    row2011!("CST VPF Maladie - L. 313-11-11°", [VpfEtrangerMalade], Cell::Exempt, tax("85", CstOneYear), Stamp),
    row2011!("CST VPF L. 313-11-1 - Conjoint et enfant de titulaire RLD-CE autre Etat membre", [VpfFamilleResidentLongueDuree], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CST VPF - Protection subsidiaire L. 313-13", [VpfProtectionSubsidiaire], Cell::Exempt, tax("85", CstOneYear), Stamp),
    row2011!("CST VPF ou salarié - admission exceptionnelle au séjour - L. 313-14", [AdmissionExceptionnelle],
        choice!([(Cond::AdmissionCard(AdmissionCard::Vpf), tax("340", General)), (Cond::AdmissionCard(AdmissionCard::Salarie), tax("70", ReducedSalarie))], BY_ADMISSION_CARD),
        choice!([(Cond::AdmissionCard(AdmissionCard::Vpf), tax("85", CstOneYear)), (Cond::AdmissionCard(AdmissionCard::Salarie), tax("85", CstOneYear))], BY_ADMISSION_CARD),
        Stamp),
    row2011!("CR après 5 ans de séjour régulier L. 314-8", [CrResidentLongueDureeUe], Cell::SansObjet, tax("140", Resident), Stamp),
    row2011!("CR – Regroupement familial (RF) - Conjoint - L. 314-9-1°", [], BILATERAL_340, tax("140", Resident), Stamp,
        also: list![(CrRegroupementFamilial, Cond::FamilyMember(Spouse))]),
    row2011!("CR – Regroupement familial (RF) enfants L. 314-9-1°", [],
        choice!([(Cond::OnSite, tax("340", General)), (Cond::EnteredViaReunification, tax("110", ReunifiedChild))], BY_ENTRY), tax("140", Resident), Stamp,
        also: list![(CrRegroupementFamilial, Cond::FamilyMember(Child))]),
    row2011!("CR – Parent d'enfant français L. 314-9- 2°", [CrParentEnfantFrancais], BILATERAL_340, tax("140", Resident), Stamp),
    row2011!("CR – Conjoint de Français L. 314-9-3°", [CrConjointDeFrancais], choice!([(Cond::NoPreviousCst, tax("340", General))], NO_PREVIOUS_CST), tax("140", Resident), Stamp),
    row2011!("CR - Enfant ou ascendant de Français - L. 314-11-2°", [CrEnfantAscendantDeFrancais], tax("340", General), tax("140", Resident), Stamp),
    row2011!("CR - Rente accident-maladie - L. 314-11-3°", [CrRenteAccidentMaladie], tax("55", Reduced), tax("55", Reduced), Stamp),
    row2011!("CR - Anciens combattants - L. 314-11-4°, 5°et 6°", [CrAncienCombattant], Cell::Exempt, tax("140", Resident), Stamp),
    row2011!("CR – Légionnaire - L. 314-11-7°", [CrLegionnaire], tax("340", General), tax("140", Resident), Stamp),
    row2011!("CR – Réfugié – Conjoint et enfant de réfugié L. 314-11-8°", [CrRefugie, CrFamilleRefugie], Cell::Exempt, tax("140", Resident), Stamp),
    row2011!("CR – Apatride - Conjoint et enfant d'apatride – L. 314-11-9°", [CrApatride, CrFamilleApatride], Cell::Exempt, tax("140", Resident), Stamp),
    row2011!("CR – non option nationalité française - L. 314-12", [CrNonOptionNationalite], tax("340", General), tax("140", Resident), Stamp),
    row2011!("CR permanent - L. 314-14", [CrPermanent], Cell::SansObjet, tax("140", Resident), Stamp),
    row2011!("CR contribution économique – L 314-15", [CrContributionEconomique], tax("340", General), tax("140", Resident), Stamp),
    row2011!("Carte compétences et talents - L. 315-1°", [CompetencesEtTalents], tax("340", General), tax("110", CstMultiYear), Stamp),
    row2011!("CST VPF dépôt plainte-témoignage -L. 316-1", [VpfVictimeTraiteViolences], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CR après dépôt plainte ou témoignage si condamnation du mis en cause L. 316-1", [CrVictimeTraiteViolences], Cell::SansObjet, tax("140", Resident), Stamp),
    row2011!("Carte de séjour et CRA - Retraité et conjoint de retraité – L. 317-1 – Art 7 ter accord franco-algérien", [Retraite, CraRetraite], Cell::Exempt, tax("140", Resident), Stamp),
    row2011!("Certificat de résidence algérien 1 an (art. 5 et 7 accord) – Visiteur -Travailleur salarié et temporaire - Commerçant –Artisan - Travailleur non salarié - Scientifique - Artiste", [CraUnAnVisiteurTravailleur], Cell::Exempt, tax("85", CstOneYear), NotOnFirstIssue),
    row2011!("CRA 1 an - Etudiant (titre III protocole)", [CraUnAnEtudiant], tax("55", Reduced), tax("30", StudentOneYear), Stamp),
    row2011!("CRA 1 an - Agent officiel (titre III protocole)", [CraUnAnAgentOfficiel], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CRA 1 an VPF maladie (art. 6-7 accord)", [CraUnAnVpfMalade], Cell::Exempt, tax("85", CstOneYear), Stamp),
    row2011!("CRA 1 an VPF (art. 6, sauf point 7 accord)", [CraUnAnVpf], tax("340", General), tax("85", CstOneYear), Stamp),
    row2011!("CRA 1 an VPF Regroupement familial (art. 7 –d)", [CraUnAnRegroupementFamilial], Cell::Exempt, tax("85", CstOneYear), NotOnFirstIssue),
    row2011!("CRA 10 ans (art. 7 bis accord)", [CraDixAns], Cell::Exempt, Cell::Exempt, DuplicateOnly),
    row2011!("Autorisation provisoire de séjour L. 311-10, L. 311-11 et L. 311-12", [Aps], Cell::HorsChamp, Cell::HorsChamp, StampColumn::None),
    // (**) "Pour les cartes "CE" et "CE-membres de famille" le montant de la taxe est de 15€"
    // (D. 311-18-1 3°, 1st paragraph): a flat tax for the duplicate or the renewal without the card.
    row2011!("Cartes « CE » et « CE– membres de famille» L. 121-1 et 121-3", [CarteUe], Cell::Exempt, Cell::Exempt, NoStamp,
        duplicate: Some(CE_CARD_DUPLICATE), without_title: Some(CE_CARD_DUPLICATE)),
    row2011!("Visa de long séjour valant titre de séjour", [VlsTs], Cell::SameAsReplaced, Cell::SansObjet, StampColumn::None,
        change_of_details: Some(Cell::SansObjet)),
];

const LATE_ROW: &str = "(**) renouvellement demandé après expiration du titre : montant de la taxe de renouvellement + 15 euros";

/// The law of the 2011 table.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Table2011,
        label_fr: t("Taxes dues à l'OFII et droit de timbre (tableau 2011)"),
        label_en: t("OFII taxes and stamp duty (2011 table)"),
        valid_from: ymd(2011, 10, 1),
        valid_until: Some(ymd(2011, 12, 31)),
        selected_by: SelectingDate::DecisionDate,
        source: t("seed 002: TAXES SUR LES TITRES DE SEJOUR DUES A L'OFII (articles L. 311-13, L. 311-14, L. 311-16 du CESEDA)"),
        confidence: Confidence::Medium,
        provenance: t("The table states no dates: its amounts are those of D. 311-18-1 (décret 2011-163) with the 19 € stamp of L. 311-16 (loi 2010-1657), in force 1 Oct 2011; D. 311-18-1 changes on 1 Jan 2012 (décret 2011-2062). The visa de régularisation (220 €) and the DCEM (45 €) come from L. 311-13 D and C then in force."),
        sources: list![
            SourceText { text: t("seed 002 (tableau OFII)"), in_force_from: None, amended_by: t("décret n° 2011-163 du 9 février 2011"), confidence: Confidence::Medium },
            SourceText { text: t("CESEDA L. 311-16"), in_force_from: Some(ymd(2011, 10, 1)), amended_by: t("loi n° 2010-1657 du 29 décembre 2010"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-13"), in_force_from: Some(ymd(2011, 9, 30)), amended_by: t("loi n° 2011-672 du 16 juin 2011"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-14"), in_force_from: Some(ymd(2011, 12, 30)), amended_by: t("loi n° 2011-1977 du 28 décembre 2011"), confidence: Confidence::High },
        ],
    },
    rates: list![
        rate(Tax(Column::FirstIssue, General), 340, "seed 002, 1er titre"),
        rate(Tax(Column::FirstIssue, ReducedSalarie), 70, "seed 002, 1er titre (salarié)"),
        rate(Tax(Column::FirstIssue, Reduced), 55, "seed 002, 1er titre (étudiant, stagiaire, rente)"),
        rate(Tax(Column::FirstIssue, ReunifiedChild), 110, "seed 002, 1er titre (enfant entré par RF)"),
        rate(Tax(Column::Renewal, StudentOneYear), 30, "seed 002, renouvellement (étudiant, titre d'un an)"),
        rate(Tax(Column::Renewal, Reduced), 55, "seed 002, renouvellement"),
        rate(Tax(Column::Renewal, CstOneYear), 85, "seed 002, renouvellement"),
        rate(Tax(Column::Renewal, CstMultiYear), 110, "seed 002, renouvellement"),
        rate(Tax(Column::Renewal, Resident), 140, "seed 002, renouvellement"),
        rate(RateKey::Stamp, 19, "seed 002, droit de timbre (L. 311-16)"),
        rate(RateKey::Surcharge, 15, "seed 002, note (**)"),
        rate(RateKey::LateSurcharge, 15, "seed 002, note (**)"),
        rate(Tax(Column::Renewal, EuCard), 15, "seed 002, note (**) (D. 311-18-1 3°)"),
        rate(RateKey::VisaTotal, 220, "L. 311-13 D (loi 2010-1657)"),
        rate(RateKey::VisaAtFiling, 0, "L. 311-13 D (loi 2010-1657): nothing at filing"),
        rate(RateKey::Dcem, 45, "L. 311-13 C (loi 2010-1657)"),
    ],
    articles: list![
        article(Subject::IssueTax, "CESEDA L. 311-13, L. 311-14"),
        article(Subject::DuplicateTax, "CESEDA L. 311-13, L. 311-14"),
        article(Subject::Surcharge, "CESEDA L. 311-13 (note ** du tableau)"),
        article(Subject::LateRenewal, "CESEDA L. 311-13 (note ** du tableau)"),
        article(Subject::Stamp, "CESEDA L. 311-16"),
        article(Subject::Dcem, "CESEDA L. 311-13"),
        article(Subject::VisaRegularisation, "CESEDA L. 311-13"),
        article(Subject::ApsTax, "CESEDA L. 311-13"),
        article(Subject::TravelDocument, "CGI art. 953"),
    ],
    table: Table { seed: t("002"), printed: true, rows: ::std::borrow::Cow::Borrowed(ROWS), amended: ::std::borrow::Cow::Borrowed(AMENDED), note: None, schedule: None },
    duplicates: Duplicates {
        text: t("(**) Duplicata (y compris du 1er titre de séjour) / renouvellement sans présentation du titre arrivant à échéance : montant de la taxe de renouvellement + 15 euros"),
        without_title_as_duplicate: true,
        without_title_as_renewal: ::std::borrow::Cow::Borrowed(&[]),
        surcharge: Some(SurchargeRule {
            line: texts::SURCHARGE_2011,
            excluded: ::std::borrow::Cow::Borrowed(STUDENTS_ONE_YEAR),
            excluded_note: Some(texts::NO_SURCHARGE_STUDENT_2011),
            resident_rate: false,
            exempt_titles_pay: true,
            cap: None,
            surcharge_alone: list![VlsTs],
            surcharge_alone_note: Some(texts::VLS_TS_DUPLICATE_2011),
        }),
        note: None,
        title_notes: list![(CarteUe, texts::CE_CARD_2011)],
    },
    // Seed 002 does not price it; L. 311-16 (in force 1 Oct 2011) does: "le changement d'une
    // carte de séjour … [est] soumis à un droit de timbre d'un montant de 19 €".
    change_of_details: ChangeOfDetails {
        text: t("L. 311-16 : changement d'une carte de séjour"),
        not_covered: None,
        no_charge: None,
        excluded: list![CarteUe],
        excluded_note: Some(texts::CHANGE_OF_DETAILS_EXCLUDED),
    },
    // Seed 002 does not give it; L. 311-13 D (loi 2010-1657) then in force does.
    visa: Paragraph::In(crate::law::statute_2011_01::VISA),
    late: Paragraph::In(Late {
        seed: t("002"),
        text: t(LATE_ROW),
        line: texts::LATE_RENEWAL_2011,
        definition: LateDefinition::AfterExpiry,
        kind: LateKind::Surcharge,
        exemptions: LateExemptions { force_majeure: false, violence_victims: false, valid_visa: false, eu_citizens: false, andorran_citizens: false },
        excluded: list![CarteUe],
        excluded_note: Some(texts::LATE_NOT_FOR_CE_CARDS),
        reading_note: texts::LATE_READING_EXPIRY,
        violence_note: None,
        once_with_without_title: true,
    }),
    violence: None,
    defence_agreement: None,
    defence_agreement_absent: texts::DEFENCE_AGREEMENT_BEFORE_2020,
    reunification_exception: Some(ReunificationException {
        // The parenthesis is printed under "Conjoint et enfant admis au RF sur place": read as
        // that case's. D. 311-18-1 1° a) and d) word it otherwise: said on the quote.
        members: list![member_when(VpfRegroupementFamilial, Cond::OnSite), member_when(CrRegroupementFamilial, Cond::AllOf(::std::borrow::Cow::Borrowed(&[Cond::IfFamilyMember(Child), Cond::OnSite])))],
        granted_before: ymd(2008, 12, 28),
        until: ymd(2011, 12, 31),
        note: texts::REUNIFICATION_BEFORE_2008,
        otherwise_in_decree: Some((::std::borrow::Cow::Borrowed(crate::law::pre2016::REUNIFICATION_EXCEPTION), texts::REUNIFICATION_TABLE_VS_DECREE)),
    }),
    travel: Paragraph::In(crate::law::statute_2009::TRAVEL),
    stamp: None,
    existence: list![],
    change_of_status: None,
};

/// (**): "pas aux étudiants en CST 1 an ou CRA 1 an, qui n'acquittent que le montant de la
/// taxe de renouvellement (30€), sans majoration" — the long-term-resident CST issued as a
/// student card included.
const STUDENTS_ONE_YEAR: &[Member] = &[
    member_when(Etudiant, Cond::IfCardValidity(OneYear)),
    member_when(ResidentLongueDureeAutreEtat, Cond::AllOf(std::borrow::Cow::Borrowed(&[Cond::IfUnderlying(Etudiant), Cond::IfCardValidity(OneYear)]))),
    member(CraUnAnEtudiant),
];
