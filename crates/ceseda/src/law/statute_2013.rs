//! 1 January 2013 – 31 December 2013: D. 311-18-1 of décret n° 2012-1535, under L. 311-13 as
//! amended by loi n° 2012-1509 (LF 2013, in force 1 January 2013).
//!
//! The law changes: first-issue range 150–280 €; the first issue of the L. 313-11 2° bis card
//! (aide sociale à l'enfance) becomes exempt and the carte bleue européenne's stops being; the
//! renewal of seasonal workers' and retirees' titles is no longer taxed (B), range 55–250 €; the
//! visa de régularisation stays 340 € but only 50 € are collected with the application
//! (D 1°); a renewal requested after the previous title expired owes 180 € (D 2°), save force
//! majeure or a valid visa. The student's change of status keeps the first-issue tax (B,
//! 2nd paragraph).

use crate::law::pre2016::{self, category, category_when, tax, tax_noted, tax_plus};
use crate::law::statute_2009::{self, CR_RF_FIRST_ISSUE, TRAVEL, VPF_RF_FIRST_ISSUE};
use crate::law::statute_2012::{AES_FIRST_ISSUE_2012, CHANGE_OF_DETAILS, CHANGE_OF_STATUS, RLD_FIRST_ISSUE_2012, STAMP};
use crate::law::types::Level::{CstMultiYear, CstOneYear, EuCard, General, Reduced, Resident, ReunifiedChild, StudentOneYear};
use crate::law::types::RateKey::{self, Tax};
use crate::law::types::*;
use crate::law::{choice, list, regimes::RegimeId, texts};
use crate::model::answer::{Confidence, Note};
use crate::model::date::ymd;
use crate::model::permit::Permit::*;
use crate::model::subcase::CardValidity;

const BILATERAL_GENERAL: Cell = tax_noted(General, pre2016::BILATERAL);

/// D. 311-18-1 1° under L. 311-13 A of 2013 (the same lines to 31 October 2016).
pub(crate) const FIRST_ISSUE: &[Category] = &[
    category("L. 311-13 A, 2e alinéa (loi 2012-1509) : « Ces dispositions ne sont pas applicables aux étrangers qui sollicitent un titre de séjour au titre des 2° bis, 10° et 11° de l'article L. 313-11 »", &[VpfAideSocialeEnfance], Cell::Exempt),
    category("L. 311-13 A, 2e alinéa : « Ces dispositions ne sont pas applicables » (L. 313-11 10° et 11°, L. 313-13, L. 314-11 4° à 6°, 8° et 9°, travailleurs temporaires et saisonniers)", pre2016::EXEMPT_FIRST_ISSUE, Cell::Exempt),
    category("L. 311-14 et accord franco-algérien : exemptés (seed 002)", pre2016::AGREEMENT_EXEMPT_FIRST_ISSUE, Cell::Exempt),
    category("L. 311-13 A : hors des titres de L. 311-2 1° à 3° (carte retraité, cartes UE)", pre2016::OUTSIDE_FIRST_ISSUE_TAX, Cell::Exempt),
    category("Autorisation provisoire de séjour : hors champ", pre2016::APS, Cell::HorsChamp),
    category("Titre supposant un titre antérieur : sans objet en première délivrance", pre2016::NO_FIRST_ISSUE, Cell::SansObjet),
    category("L. 311-13 A : « La délivrance d'un visa de long séjour valant … titre de séjour donne lieu … à la perception de la taxe correspondant au titre de séjour que ce visa remplace »", &[VlsTs], Cell::SameAsReplaced),
    category_when("D. 311-18-1 1° c) : titre de L. 313-11 des étrangers entrés mineurs par regroupement familial", pre2016::L313_11_ENTERED, tax(ReunifiedChild)),
    category("D. 311-18-1 1° a) et c) : CST VPF regroupement familial (L. 313-11 1°)", &[VpfRegroupementFamilial], VPF_RF_FIRST_ISSUE),
    category("D. 311-18-1 1° a) et c) : CR regroupement familial (L. 314-9 1°)", &[CrRegroupementFamilial], CR_RF_FIRST_ISSUE),
    category("D. 311-18-1 1° a) : CR conjoint de Français (L. 314-9 3°), sans carte temporaire antérieure", &[CrConjointDeFrancais], pre2016::CR_CONJOINT_FIRST_ISSUE),
    category("D. 311-18-1 1° a) : CR parent d'enfant français (L. 314-9 2°) (*)", &[CrParentEnfantFrancais], BILATERAL_GENERAL),
    category("D. 311-18-1 1° : CST titulaire du statut RLD-CE dans un autre État (L. 313-4-1), selon le titre délivré", &[ResidentLongueDureeAutreEtat], RLD_FIRST_ISSUE_2012),
    category("D. 311-18-1 1° : admission exceptionnelle au séjour (L. 313-14), selon la carte délivrée", &[AdmissionExceptionnelle], AES_FIRST_ISSUE_2012),
    category("D. 311-18-1 1° b) : L. 313-7, L. 313-7-1, L. 313-11 9° et L. 314-11 3°", pre2016::REDUCED_FIRST_ISSUE, tax(Reduced)),
    category("D. 311-18-1 1° a) : titres de L. 311-2 1° à 3°", pre2016::GENERAL_FIRST_ISSUE, tax(General)),
    category("D. 311-18-1 1° a) : titres de L. 311-2 1° à 3° (cartes « salarié », « salarié en mission », carte bleue européenne, VPF victimes)", &[Salarie, SalarieEnMission, CarteBleueEuropeenne, VpfVictimeTraiteViolences], tax(General)),
];

/// A card valid one year at most (L. 313-1).
const ONE_YEAR: Cell = choice!([(Cond::UnlessCardValidity(CardValidity::MoreThanOneYear), tax(CstOneYear))], pre2016::ONE_YEAR_AT_MOST);
const BY_LENGTH: Cell = choice!([(Cond::CardValidity(CardValidity::OneYear), tax(CstOneYear)), (Cond::CardValidity(CardValidity::MoreThanOneYear), tax(CstMultiYear))], pre2016::BY_VALIDITY);
const LONG_UNLESS_SAID: Cell = choice!([(Cond::IfCardValidity(CardValidity::OneYear), tax(CstOneYear)), (Cond::Otherwise, tax(CstMultiYear))], pre2016::BY_VALIDITY);
const SHORT_UNLESS_SAID: Cell = choice!([(Cond::IfCardValidity(CardValidity::MoreThanOneYear), tax(CstMultiYear)), (Cond::Otherwise, tax(CstOneYear))], pre2016::BY_VALIDITY);
const STUDENT: Cell = choice!([(Cond::CardValidity(CardValidity::OneYear), tax(StudentOneYear)), (Cond::CardValidity(CardValidity::MoreThanOneYear), tax(Reduced))], pre2016::BY_VALIDITY);
const RLD_RENEWAL: Cell = choice!([(Cond::IfUnderlying(Scientifique), BY_LENGTH), (Cond::Otherwise, tax(CstOneYear))], pre2016::BY_UNDERLYING);
const UNTAXED: &[Note] = &[texts::RENEWAL_UNTAXED_2013];

/// D. 311-18-1 2° of décret 2012-1535, within L. 311-13 B of 2013.
pub(crate) const RENEWAL: &[Category] = &[
    category("L. 311-14 et accord franco-algérien : exempté sauf duplicata (seed 002)", &[CraDixAns], Cell::Exempt),
    category("L. 311-13 B (loi 2012-1509) : le renouvellement des titres « délivrés aux étrangers titulaires d'un contrat de travail saisonnier et aux retraités » n'est pas taxé", &[TravailleurSaisonnier, Retraite, CraRetraite], Cell::Due(Due { notes: ::std::borrow::Cow::Borrowed(UNTAXED), ..DUE })),
    category("Carte UE (L. 121-1, L. 121-3) : pas de taxe de renouvellement (D. 311-18-1 3° pour le duplicata)", &[CarteUe], Cell::Exempt),
    category("Autorisation provisoire de séjour : hors champ", pre2016::APS, Cell::HorsChamp),
    category("Visa de long séjour valant titre de séjour : sans objet", &[VlsTs], Cell::SansObjet),
    category("D. 311-18-1 2° a) : L. 313-7 valable un an (certificat algérien étudiant d'un an)", &[CraUnAnEtudiant], tax(StudentOneYear)),
    category_when("D. 311-18-1 2° a) et b) : L. 313-7, selon la durée du titre", statute_2009::STUDENTS, STUDENT),
    category("D. 311-18-1 2° b) : L. 313-7-1, L. 313-11 9° et L. 314-11 3°", pre2016::REDUCED_RENEWAL, tax(Reduced)),
    category("D. 311-18-1 2° e) : « 241 euros pour la carte de résident et la carte de résident permanent »", pre2016::RESIDENT, tax(Resident)),
    category("D. 311-18-1 2° d) : carte de séjour compétences et talents", &[CompetencesEtTalents], tax(CstMultiYear)),
    category("D. 311-18-1 2° c) et d) : CST scientifique, selon la durée du titre", &[Scientifique], BY_LENGTH),
    category("D. 311-18-1 2° c) et d) : CST de plus d'un an (L. 313-10 5° et 6°)", &[SalarieEnMission, CarteBleueEuropeenne], LONG_UNLESS_SAID),
    category("D. 311-18-1 2° c) et d) : CST d'un an sauf durée supérieure", pre2016::CST_SHORT_BY_DEFAULT, SHORT_UNLESS_SAID),
    category("D. 311-18-1 2° c) et d) : CST titulaire du statut RLD-CE (L. 313-4-1), selon le titre délivré", &[ResidentLongueDureeAutreEtat], RLD_RENEWAL),
    category("D. 311-18-1 2° c) : autres cartes de séjour temporaires valables un an", pre2016::CST_ONE_YEAR, ONE_YEAR),
];

const SEASONAL_DUPLICATE: Cell =
    choice!([(Cond::IfCardValidity(CardValidity::OneYear), tax_plus(CstOneYear, RateKey::Surcharge)), (Cond::Otherwise, tax_plus(CstMultiYear, RateKey::Surcharge))], pre2016::BY_VALIDITY);

/// Duplicates priced on their own: EU cards (25 €); the seasonal worker's title, whose renewal
/// L. 311-13 B no longer taxes but whose duplicate it still does, at the 2° tariff plus the
/// surcharge (M).
pub(crate) const DUPLICATE: &[Category] = &[
    category(
        "D. 311-18-1 3° : « En cas de fourniture d'un duplicata d'un titre de séjour délivré sur le fondement de l'article L. 121-1 ou L. 121-3 ou en cas de non-présentation d'un tel titre en vue de son renouvellement, le tarif de la taxe est de 25 euros »",
        &[CarteUe],
        tax_noted(EuCard, crate::law::statute_2011_02::EU_FLAT),
    ),
    category(
        "L. 311-13 B : « ainsi que la fourniture de duplicata » ; D. 311-18-1 2° c) ou d) et 3° (carte saisonnier)",
        &[TravailleurSaisonnier],
        SEASONAL_DUPLICATE,
    ),
];

/// D. 311-18-1 3° (9 € / 16 €), within the 250 € maximum of L. 311-13 B.
pub(crate) const DUPLICATES: Duplicates = Duplicates {
    text: t("D. 311-18-1 3° : « le tarif de la taxe est celui fixé au 2 du présent article majoré de 9 euros pour la carte de résident et de 16 euros dans les autres cas »"),
    without_title_as_duplicate: true,
    without_title_as_renewal: ::std::borrow::Cow::Borrowed(pre2016::RENEWAL_OUTSIDE_THE_TAX_2013),
    surcharge: Some(SurchargeRule {
        line: texts::SURCHARGE_DECREE_9_16,
        excluded: ::std::borrow::Cow::Borrowed(pre2016::STUDENTS_ONE_YEAR),
        excluded_note: Some(texts::NO_SURCHARGE_STUDENT_2011),
        resident_rate: true,
        exempt_titles_pay: false,
        cap: Some(CapRule { note: texts::SURCHARGE_CAPPED_250, erratum: None }),
        // Seed 002's "y compris le VLS/TS" read the 2011 decree; no text of 2012–2016 prices a
        // visa's duplicate (the 2016 table: "Sans objet").
        surcharge_alone: list![],
        surcharge_alone_note: None,
    }),
    note: None,
    title_notes: list![(CraDixAns, texts::CRA_DIX_ANS_DUPLICATE_STATUTE)],
};

/// L. 311-13 D 1° (loi 2012-1509): 340 €, "dont 50 €, non remboursables, sont perçus lors de la
/// demande de titre".
pub(crate) const VISA: Visa = Visa {
    seed: t("CESEDA L. 311-13 D 1° (loi 2012-1509)"),
    text: t("L. 311-13 D 1° : « un droit de visa de régularisation d'un montant égal à 340 €, dont 50 €, non remboursables, sont perçus lors de la demande de titre »"),
    exempt: ::std::borrow::Cow::Borrowed(pre2016::VISA_EXEMPT),
    filing_part_by_application_date: true,
    application_date_note: Some(texts::VISA_APPLICATION_DATE_GENERIC),
    transitional_notes: list![],
};

/// L. 311-13 D 2° (loi 2012-1509).
pub(crate) const LATE: Late = Late {
    seed: t("CESEDA L. 311-13 D 2° (loi 2012-1509)"),
    text: t("L. 311-13 D 2° : « le renouvellement d'un titre de séjour demandé après l'expiration du précédent titre de séjour donne lieu, sauf cas de force majeure ou présentation d'un visa en cours de validité, à l'acquittement d'un droit de visa de régularisation de 180 € »"),
    line: texts::LATE_RENEWAL,
    definition: LateDefinition::AfterExpiry,
    kind: LateKind::Charge,
    exemptions: LateExemptions { force_majeure: true, violence_victims: false, valid_visa: true, eu_citizens: false, andorran_citizens: false },
    excluded: list![CarteUe],
    excluded_note: Some(texts::LATE_NOT_FOR_EU_CARDS_2013),
    reading_note: texts::LATE_READING_EXPIRY,
    violence_note: None,
    once_with_without_title: false,
};

/// The articles of L. 311-13 from 2013 (D is split into 1° and 2°).
pub(crate) const ARTICLES: &[Article] = &[
    article(Subject::IssueTax, "CESEDA L. 311-13 A, D. 311-18-1 1°"),
    article(Subject::RenewalTax, "CESEDA L. 311-13 B, D. 311-18-1 2°"),
    article(Subject::DuplicateTax, "CESEDA L. 311-13 B, D. 311-18-1 2°"),
    article(Subject::Surcharge, "CESEDA L. 311-13 B, D. 311-18-1 3°"),
    article(Subject::LateRenewal, "CESEDA L. 311-13 D 2°"),
    article(Subject::Dcem, "CESEDA L. 311-13 C"),
    article(Subject::VisaRegularisation, "CESEDA L. 311-13 D 1°"),
    article(Subject::Stamp, "CESEDA L. 311-16"),
    article(Subject::ApsTax, "CESEDA L. 311-13 A"),
    article(Subject::TravelDocument, "CGI art. 953"),
];

/// The figures from 2013 to 31 October 2016.
pub(crate) const RATES: &[Rate] = &[
    rate(Tax(Column::FirstIssue, General), 241, "D. 311-18-1 1° a) (décret 2012-1535)"),
    rate(Tax(Column::FirstIssue, Reduced), 58, "D. 311-18-1 1° b)"),
    rate(Tax(Column::FirstIssue, ReunifiedChild), 116, "D. 311-18-1 1° c)"),
    rate(Tax(Column::Renewal, StudentOneYear), 30, "D. 311-18-1 2° a) (décret 2012-1535)"),
    rate(Tax(Column::Renewal, Reduced), 58, "D. 311-18-1 2° b)"),
    rate(Tax(Column::Renewal, CstOneYear), 87, "D. 311-18-1 2° c)"),
    rate(Tax(Column::Renewal, CstMultiYear), 181, "D. 311-18-1 2° d)"),
    rate(Tax(Column::Renewal, Resident), 241, "D. 311-18-1 2° e)"),
    rate(Tax(Column::Renewal, EuCard), 25, "D. 311-18-1 3°, 1er alinéa"),
    rate(RateKey::Surcharge, 16, "D. 311-18-1 3°, 2e alinéa (autres cas)"),
    rate(RateKey::SurchargeResident, 9, "D. 311-18-1 3°, 2e alinéa (carte de résident)"),
    rate(RateKey::SurchargeCap, 250, "L. 311-13 B (loi 2012-1509): maximum 250 €"),
    rate(RateKey::LateCharge, 180, "L. 311-13 D 2° (loi 2012-1509)"),
    rate(RateKey::Stamp, 19, "L. 311-16 (loi 2010-1657)"),
    rate(RateKey::VisaTotal, 340, "L. 311-13 D 1° (loi 2012-1509)"),
    rate(RateKey::VisaAtFiling, 50, "L. 311-13 D 1° (loi 2012-1509)"),
    rate(RateKey::Dcem, 45, "L. 311-13 C"),
];

/// The D. 311-18-1 of décret 2012-1535 under the LF 2013.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Statute20130101,
        label_fr: t("D. 311-18-1 (décret 2012-1535) et L. 311-13 (loi de finances pour 2013)"),
        label_en: t("D. 311-18-1 (décret 2012-1535) and L. 311-13 (Finance Act 2013)"),
        valid_from: ymd(2013, 1, 1),
        valid_until: Some(ymd(2013, 12, 31)),
        selected_by: SelectingDate::DecisionDate,
        source: t("CESEDA D. 311-18-1 (décret 2012-1535), L. 311-13 (loi 2012-1509), L. 311-14, L. 311-16"),
        confidence: Confidence::High,
        provenance: t("Consolidated texts in shared/sources: L. 311-13 from 1 Jan 2013 (loi 2012-1509); D. 311-18-1 from 31 Dec 2012. Duplicates read as seed 002 reads the 2011 decree (M); CRA figures as seed 002 (M)."),
        sources: list![
            SourceText { text: t("CESEDA D. 311-18-1"), in_force_from: Some(ymd(2012, 12, 31)), amended_by: t("décret n° 2012-1535 du 29 décembre 2012"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-13"), in_force_from: Some(ymd(2013, 1, 1)), amended_by: t("loi n° 2012-1509 du 29 décembre 2012"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-16"), in_force_from: Some(ymd(2011, 10, 1)), amended_by: t("loi n° 2010-1657 du 29 décembre 2010"), confidence: Confidence::High },
        ],
    },
    rates: ::std::borrow::Cow::Borrowed(RATES),
    articles: ::std::borrow::Cow::Borrowed(ARTICLES),
    table: Table {
        seed: t("D. 311-18-1 (décret 2012-1535)"),
        printed: false,
        rows: list![],
        amended: list![],
        note: None,
        schedule: Some(Schedule { first_issue: ::std::borrow::Cow::Borrowed(FIRST_ISSUE), renewal: ::std::borrow::Cow::Borrowed(RENEWAL), duplicate: ::std::borrow::Cow::Borrowed(DUPLICATE), readings: ::std::borrow::Cow::Borrowed(crate::law::pre2016::READINGS) }),
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
