//! 1 January 2012 – 30 December 2012: D. 311-18-1 as amended by décret n° 2011-2062 (in force
//! 1 January 2012), under L. 311-13 as amended by loi n° 2011-1977 (LF 2012, in force
//! 1 January 2012); the stamp duty of L. 311-16 (loi 2010-1657, from 1 October 2011).
//!
//! The decree: 1° a) 349 € (the « salarié » cards lose their reduced rate, L. 311-13 A no
//! longer names them); b) 58 €; c) 116 € for the L. 313-11 card of those who entered as minors
//! through reunification; the reunification-before-2008 exception is gone. 2°: 30 / 58 / 87 /
//! 113 / 143 €. 3°: surcharges of 16 €, EU cards 16 €. The law: the visa de régularisation is
//! 340 €, of which 110 € are collected with the application; a holder of a student or trainee
//! card who receives a card on another ground pays the first-issue tax (B, 2nd paragraph).

use crate::law::pre2016::{self, category, category_when, tax, tax_noted, BY_ADMISSION_CARD, BY_UNDERLYING};
use crate::law::statute_2009::{ARTICLES, CR_RF_FIRST_ISSUE, TRAVEL, VPF_RF_FIRST_ISSUE};
use crate::law::statute_2011_02::{self, RENEWAL};
use crate::law::types::Level::{CstMultiYear, CstOneYear, EuCard, General, Reduced, Resident, ReunifiedChild, StudentOneYear};
use crate::law::types::RateKey::{self, Tax};
use crate::law::types::*;
use crate::law::{choice, list, regimes::RegimeId, texts};
use crate::model::answer::Confidence;
use crate::model::date::ymd;
use crate::model::permit::Permit::*;
use crate::model::subcase::AdmissionCard;

const BILATERAL_GENERAL: Cell = tax_noted(General, pre2016::BILATERAL);

/// The L. 313-4-1 card, priced as the title issued (the « salarié » card now at the general rate).
pub(crate) const RLD_FIRST_ISSUE_2012: Cell = choice!(
    [
        (Cond::Underlying(Visiteur), tax(General)),
        (Cond::Underlying(Scientifique), tax(General)),
        (Cond::Underlying(Artiste), tax(General)),
        (Cond::Underlying(Commercant), tax(General)),
        (Cond::Underlying(ProfessionNonSalariee), tax(General)),
        (Cond::Underlying(Salarie), tax(General)),
        (Cond::Underlying(Etudiant), tax(Reduced)),
        (Cond::Underlying(TravailleurTemporaire), Cell::Exempt),
    ],
    BY_UNDERLYING
);

/// The L. 313-14 card, priced as the card issued.
pub(crate) const AES_FIRST_ISSUE_2012: Cell = choice!(
    [
        (Cond::AdmissionCard(AdmissionCard::Vpf), tax(General)),
        (Cond::AdmissionCard(AdmissionCard::Salarie), tax(General)),
        (Cond::AdmissionCard(AdmissionCard::TravailleurTemporaire), Cell::Exempt),
    ],
    BY_ADMISSION_CARD
);

/// D. 311-18-1 1° as decreed for 2012 (the same lines on 31 December 2012).
pub(crate) const FIRST_ISSUE: &[Category] = &[
    category("L. 311-13 A, 2e alinéa (inséré par la loi 2011-672, repris par la loi 2011-1977) : « ni aux titulaires de la carte de séjour mentionnée au 6° du même article L. 313-10 » (carte bleue européenne)", &[CarteBleueEuropeenne], Cell::Exempt),
    category("L. 311-13 A, 2e alinéa : « Ces dispositions ne sont pas applicables » (L. 313-11 10° et 11°, L. 313-13, L. 314-11 4° à 6°, 8° et 9°, travailleurs temporaires et saisonniers)", pre2016::EXEMPT_FIRST_ISSUE, Cell::Exempt),
    category("L. 311-14 et accord franco-algérien : exemptés (seed 002)", pre2016::AGREEMENT_EXEMPT_FIRST_ISSUE, Cell::Exempt),
    category("L. 311-13 A : hors des titres de L. 311-2 1° à 3° (carte retraité, cartes UE)", pre2016::OUTSIDE_FIRST_ISSUE_TAX, Cell::Exempt),
    category("Autorisation provisoire de séjour : hors champ", pre2016::APS, Cell::HorsChamp),
    category("Titre supposant un titre antérieur : sans objet en première délivrance", pre2016::NO_FIRST_ISSUE, Cell::SansObjet),
    category("L. 311-13 A : « La demande d'un visa de long séjour valant … titre de séjour donne lieu … à la perception … de la taxe correspondant au titre de séjour que ce visa remplace », non remboursée en cas de rejet", &[VlsTs], Cell::SameAsReplaced),
    category_when("D. 311-18-1 1° c) : titre de L. 313-11 des étrangers entrés mineurs par regroupement familial", pre2016::L313_11_ENTERED, tax(ReunifiedChild)),
    category("D. 311-18-1 1° a) et c) : CST VPF regroupement familial (L. 313-11 1°)", &[VpfRegroupementFamilial], VPF_RF_FIRST_ISSUE),
    category("D. 311-18-1 1° a) et c) : CR regroupement familial (L. 314-9 1°)", &[CrRegroupementFamilial], CR_RF_FIRST_ISSUE),
    category("D. 311-18-1 1° a) : CR conjoint de Français (L. 314-9 3°), sans carte temporaire antérieure", &[CrConjointDeFrancais], pre2016::CR_CONJOINT_FIRST_ISSUE),
    category("D. 311-18-1 1° a) : CR parent d'enfant français (L. 314-9 2°) (*)", &[CrParentEnfantFrancais], BILATERAL_GENERAL),
    category("D. 311-18-1 1° : CST titulaire du statut RLD-CE dans un autre État (L. 313-4-1), selon le titre délivré", &[ResidentLongueDureeAutreEtat], RLD_FIRST_ISSUE_2012),
    category("D. 311-18-1 1° : admission exceptionnelle au séjour (L. 313-14), selon la carte délivrée", &[AdmissionExceptionnelle], AES_FIRST_ISSUE_2012),
    category("D. 311-18-1 1° b) : L. 313-7, L. 313-7-1, L. 313-11 9° et L. 314-11 3°", pre2016::REDUCED_FIRST_ISSUE, tax(Reduced)),
    category("D. 311-18-1 1° a) : titres de L. 311-2 1° à 3°", pre2016::GENERAL_FIRST_ISSUE, tax(General)),
    category("D. 311-18-1 1° a) : titres de L. 311-2 1° à 3° (cartes « salarié » et « salarié en mission », VPF aide sociale à l'enfance, VPF victimes)", &[Salarie, SalarieEnMission, VpfAideSocialeEnfance, VpfVictimeTraiteViolences], tax(General)),
];

/// D. 311-18-1 3°, 2nd paragraph: 16 €, read as in 2011.
pub(crate) const DUPLICATES: Duplicates = Duplicates {
    text: t("D. 311-18-1 3° : « le tarif de la taxe est celui fixé au 2 du présent article majoré de 16 euros. Cette majoration n'est pas applicable aux titres mentionnés au a du même 2 »"),
    without_title_as_duplicate: true,
    without_title_as_renewal: ::std::borrow::Cow::Borrowed(&[]),
    surcharge: Some(SurchargeRule {
        line: texts::SURCHARGE_DECREE_16,
        excluded: ::std::borrow::Cow::Borrowed(pre2016::STUDENTS_ONE_YEAR),
        excluded_note: Some(texts::NO_SURCHARGE_STUDENT_2011),
        resident_rate: false,
        exempt_titles_pay: false,
        cap: None,
        // Seed 002's "y compris le VLS/TS" read the 2011 decree; no text of 2012–2016 prices a
        // visa's duplicate (the 2016 table: "Sans objet").
        surcharge_alone: list![],
        surcharge_alone_note: None,
    }),
    note: None,
    title_notes: list![(CraDixAns, texts::CRA_DIX_ANS_DUPLICATE_STATUTE)],
};

/// D. 311-18-1 3°: the late renewal, + 16 €.
pub(crate) const LATE: Late = Late {
    seed: t("D. 311-18-1 (décret 2011-2062)"),
    text: t("D. 311-18-1 3° : « en cas de renouvellement d'un tel titre alors que la demande en a été faite après l'expiration de sa durée de validité, le tarif de la taxe est celui fixé au 2 … majoré de 16 euros »"),
    line: texts::LATE_RENEWAL_DECREE,
    definition: LateDefinition::AfterExpiry,
    kind: LateKind::Surcharge,
    exemptions: LateExemptions { force_majeure: false, violence_victims: false, valid_visa: false, eu_citizens: false, andorran_citizens: false },
    excluded: list![CarteUe],
    excluded_note: Some(texts::LATE_NOT_FOR_CE_CARDS),
    reading_note: texts::LATE_READING_EXPIRY,
    violence_note: None,
    once_with_without_title: true,
};

/// L. 311-16: "la délivrance, le renouvellement, le duplicata ou le changement d'une carte de
/// séjour ou d'un titre équivalent … sont soumis à un droit de timbre d'un montant de 19 €".
pub(crate) const STAMP: StampRule = StampRule {
    text: t("L. 311-16 : droit de timbre de 19 € sur la délivrance, le renouvellement, le duplicata ou le changement d'une carte de séjour"),
    exceptions: ::std::borrow::Cow::Borrowed(pre2016::STAMP_EXCEPTIONS),
};

/// L. 311-16: the change of a card costs the stamp duty alone (not for EU cards).
pub(crate) const CHANGE_OF_DETAILS: ChangeOfDetails = ChangeOfDetails {
    text: t("L. 311-16 : changement d'une carte de séjour"),
    not_covered: None,
    no_charge: None,
    excluded: list![CarteUe],
    excluded_note: Some(texts::CHANGE_OF_DETAILS_EXCLUDED),
};

/// L. 311-13 D (loi 2011-1977): "un droit de visa de régularisation d'un montant égal à 340 €,
/// dont 110 €, non remboursables, sont perçus lors de la demande de titre".
pub(crate) const VISA: Visa = Visa {
    seed: t("CESEDA L. 311-13 D (loi 2011-1977)"),
    text: t("L. 311-13 D : « un droit de visa de régularisation d'un montant égal à 340 €, dont 110 €, non remboursables, sont perçus lors de la demande de titre »"),
    exempt: ::std::borrow::Cow::Borrowed(pre2016::VISA_EXEMPT),
    filing_part_by_application_date: true,
    application_date_note: Some(texts::VISA_APPLICATION_DATE_GENERIC),
    transitional_notes: list![],
};

/// L. 311-13 B, 2nd paragraph (2012 and 2013).
pub(crate) const CHANGE_OF_STATUS: ChangeOfStatus = ChangeOfStatus { from: list![Etudiant, Stagiaire, CraUnAnEtudiant], note: texts::CHANGE_OF_STATUS_2012 };

/// The D. 311-18-1 of décret 2011-2062.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Statute20120101,
        label_fr: t("D. 311-18-1 (décret 2011-2062) et L. 311-13 (loi de finances pour 2012)"),
        label_en: t("D. 311-18-1 (décret 2011-2062) and L. 311-13 (Finance Act 2012)"),
        valid_from: ymd(2012, 1, 1),
        valid_until: Some(ymd(2012, 12, 30)),
        selected_by: SelectingDate::DecisionDate,
        source: t("CESEDA D. 311-18-1 (décret 2011-2062), L. 311-13 (loi 2011-1977), L. 311-14, L. 311-16"),
        confidence: Confidence::High,
        provenance: t("Consolidated texts in shared/sources: D. 311-18-1 and L. 311-13 from 1 Jan 2012; L. 311-16 from 1 Oct 2011. Duplicates read as seed 002 reads the 2011 decree (M); CRA figures as seed 002 (M)."),
        sources: list![
            SourceText { text: t("CESEDA D. 311-18-1"), in_force_from: Some(ymd(2012, 1, 1)), amended_by: t("décret n° 2011-2062 du 29 décembre 2011"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-13"), in_force_from: Some(ymd(2012, 1, 1)), amended_by: t("loi n° 2011-1977 du 28 décembre 2011"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-14"), in_force_from: Some(ymd(2011, 12, 30)), amended_by: t("loi n° 2011-1977 du 28 décembre 2011"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-16"), in_force_from: Some(ymd(2011, 10, 1)), amended_by: t("loi n° 2010-1657 du 29 décembre 2010"), confidence: Confidence::High },
        ],
    },
    rates: list![
        rate(Tax(Column::FirstIssue, General), 349, "D. 311-18-1 1° a) (décret 2011-2062)"),
        rate(Tax(Column::FirstIssue, Reduced), 58, "D. 311-18-1 1° b)"),
        rate(Tax(Column::FirstIssue, ReunifiedChild), 116, "D. 311-18-1 1° c)"),
        rate(Tax(Column::Renewal, StudentOneYear), 30, "D. 311-18-1 2° a) (décret 2011-2062)"),
        rate(Tax(Column::Renewal, Reduced), 58, "D. 311-18-1 2° b)"),
        rate(Tax(Column::Renewal, CstOneYear), 87, "D. 311-18-1 2° c)"),
        rate(Tax(Column::Renewal, CstMultiYear), 113, "D. 311-18-1 2° d)"),
        rate(Tax(Column::Renewal, Resident), 143, "D. 311-18-1 2° e)"),
        rate(Tax(Column::Renewal, EuCard), 16, "D. 311-18-1 3°, 1er alinéa"),
        rate(RateKey::Surcharge, 16, "D. 311-18-1 3°, 2e alinéa"),
        rate(RateKey::LateSurcharge, 16, "D. 311-18-1 3°, 2e alinéa"),
        rate(RateKey::Stamp, 19, "L. 311-16 (loi 2010-1657)"),
        rate(RateKey::VisaTotal, 340, "L. 311-13 D (loi 2011-1977)"),
        rate(RateKey::VisaAtFiling, 110, "L. 311-13 D (loi 2011-1977)"),
        rate(RateKey::Dcem, 45, "L. 311-13 C"),
    ],
    articles: ::std::borrow::Cow::Borrowed(ARTICLES),
    table: Table {
        seed: t("D. 311-18-1 (décret 2011-2062)"),
        printed: false,
        rows: list![],
        amended: list![],
        note: None,
        schedule: Some(Schedule { first_issue: ::std::borrow::Cow::Borrowed(FIRST_ISSUE), renewal: ::std::borrow::Cow::Borrowed(RENEWAL), duplicate: ::std::borrow::Cow::Borrowed(statute_2011_02::DUPLICATE), readings: ::std::borrow::Cow::Borrowed(crate::law::pre2016::READINGS) }),
    },
    duplicates: DUPLICATES,
    change_of_details: CHANGE_OF_DETAILS,
    visa: Paragraph::In(VISA),
    late: Paragraph::In(LATE),
    violence: None,
    defence_agreement: None,
    defence_agreement_absent: texts::DEFENCE_AGREEMENT_BEFORE_2020,
    reunification_exception: None,
    travel: Paragraph::In(TRAVEL),
    stamp: Some(STAMP),
    existence: ::std::borrow::Cow::Borrowed(pre2016::EXISTENCE),
    change_of_status: Some(CHANGE_OF_STATUS),
};
