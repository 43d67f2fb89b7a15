//! 12 February 2011 – 30 September 2011: D. 311-18-1 as amended by décret n° 2011-163 (in force
//! 12 February 2011), under L. 311-13 as amended by loi n° 2010-1657 and, from 30 September
//! 2011, by loi n° 2011-672 (the first issue of the new carte bleue européenne, L. 313-10 6°,
//! is exempt; the card exists from that day).
//!
//! D. 311-18-1 2° now prices the renewal by card and length: a) 30 € the L. 313-7 card valid one
//! year; b) 55 € the L. 313-7 card of more than a year, L. 313-7-1, L. 313-11 9°, L. 314-11 3°;
//! c) 85 € the other temporary cards of one year; d) 110 € the temporary cards of more than a
//! year and the compétences et talents card; e) 140 € the resident, permanent resident and
//! retiree cards. 3°: 15 € for the duplicate of an EU card or its renewal without the card; for
//! any other title's duplicate, renewal without the title, or renewal requested after expiry,
//! the 2° tariff + 15 € (not for the titles of a).

use crate::law::pre2016::{self, category, category_when, tax, tax_noted};
use crate::law::statute_2009::{self, ARTICLES, CHANGE_OF_DETAILS, FIRST_ISSUE, REUNIFICATION, TRAVEL};
use crate::law::statute_2011_01::VISA;
use crate::law::types::Level::{CstMultiYear, CstOneYear, EuCard, General, Reduced, ReducedSalarie, Resident, ReunifiedChild, StudentOneYear};
use crate::law::types::RateKey::{self, Tax};
use crate::law::types::*;
use crate::law::{choice, list, regimes::RegimeId, texts};
use crate::model::answer::{Confidence, Note};
use crate::model::date::ymd;
use crate::model::permit::Permit::*;
use crate::model::subcase::CardValidity;

/// By card length, where the card may be one year or more.
/// A card valid one year at most (L. 313-1).
const ONE_YEAR: Cell = choice!([(Cond::UnlessCardValidity(CardValidity::MoreThanOneYear), tax(CstOneYear))], pre2016::ONE_YEAR_AT_MOST);
const BY_LENGTH: Cell = choice!([(Cond::CardValidity(CardValidity::OneYear), tax(CstOneYear)), (Cond::CardValidity(CardValidity::MoreThanOneYear), tax(CstMultiYear))], pre2016::BY_VALIDITY);
/// Cards issued for more than a year unless said otherwise.
const LONG_UNLESS_SAID: Cell = choice!([(Cond::IfCardValidity(CardValidity::OneYear), tax(CstOneYear)), (Cond::Otherwise, tax(CstMultiYear))], pre2016::BY_VALIDITY);
/// Cards issued for a year unless said otherwise.
const SHORT_UNLESS_SAID: Cell = choice!([(Cond::IfCardValidity(CardValidity::MoreThanOneYear), tax(CstMultiYear)), (Cond::Otherwise, tax(CstOneYear))], pre2016::BY_VALIDITY);
/// The student card: a) one year, b) more than one year.
const STUDENT: Cell = choice!([(Cond::CardValidity(CardValidity::OneYear), tax(StudentOneYear)), (Cond::CardValidity(CardValidity::MoreThanOneYear), tax(Reduced))], pre2016::BY_VALIDITY);
/// The L. 313-4-1 card renews as the title issued.
const RLD_RENEWAL: Cell = choice!([(Cond::IfUnderlying(Scientifique), BY_LENGTH), (Cond::Otherwise, tax(CstOneYear))], pre2016::BY_UNDERLYING);

/// D. 311-18-1 2° of décret 2011-163 (to 30 December 2012; the amounts change in 2012).
pub(crate) const RENEWAL: &[Category] = &[
    category("L. 311-14 et accord franco-algérien : exempté sauf duplicata (seed 002)", &[CraDixAns], Cell::Exempt),
    category("Carte UE (L. 121-1, L. 121-3) : pas de taxe de renouvellement (D. 311-18-1 3° pour le duplicata)", &[CarteUe], Cell::Exempt),
    category("Autorisation provisoire de séjour : hors champ", pre2016::APS, Cell::HorsChamp),
    category("Visa de long séjour valant titre de séjour : sans objet", &[VlsTs], Cell::SansObjet),
    category("D. 311-18-1 2° a) : L. 313-7 valable un an (certificat algérien étudiant d'un an)", &[CraUnAnEtudiant], tax(StudentOneYear)),
    category_when("D. 311-18-1 2° a) et b) : L. 313-7, selon la durée du titre", statute_2009::STUDENTS, STUDENT),
    category("D. 311-18-1 2° b) : L. 313-7-1, L. 313-11 9° et L. 314-11 3°", pre2016::REDUCED_RENEWAL, tax(Reduced)),
    category("D. 311-18-1 2° e) : carte de résident, carte de résident permanent, carte de séjour retraité", RESIDENT_AND_RETIREE, tax(Resident)),
    category("D. 311-18-1 2° d) : carte de séjour compétences et talents", &[CompetencesEtTalents], tax(CstMultiYear)),
    category("D. 311-18-1 2° c) et d) : CST scientifique, selon la durée du titre", &[Scientifique], BY_LENGTH),
    category("D. 311-18-1 2° c) et d) : CST de plus d'un an (L. 313-10 4°, 5° et 6°)", pre2016::CST_LONG_BY_DEFAULT, LONG_UNLESS_SAID),
    category("D. 311-18-1 2° c) et d) : CST d'un an sauf durée supérieure", pre2016::CST_SHORT_BY_DEFAULT, SHORT_UNLESS_SAID),
    category("D. 311-18-1 2° c) et d) : CST titulaire du statut RLD-CE (L. 313-4-1), selon le titre délivré", &[ResidentLongueDureeAutreEtat], RLD_RENEWAL),
    category("D. 311-18-1 2° c) : autres cartes de séjour temporaires valables un an", pre2016::CST_ONE_YEAR, ONE_YEAR),
];

/// The cards of 2° e).
pub(crate) const RESIDENT_AND_RETIREE: &[crate::Permit] = &[
    CrResidentLongueDureeUe, CrResidentLongueDureeUeCarteBleue, CrResidentLongueDureeUeProtectionInternationale, CrRegroupementFamilial,
    CrParentEnfantFrancais, CrConjointDeFrancais, CrEnfantAscendantDeFrancais, CrAncienCombattant, CrLegionnaire, CrRefugie,
    CrFamilleRefugie, CrApatride, CrFamilleApatride, CrNonOptionNationalite, CrPermanent, CrContributionEconomique,
    CrVictimeTraiteViolences, CrAccordBilateral, Retraite, CraRetraite,
];

pub(crate) const EU_FLAT: &[Note] = &[texts::EU_CARD_FLAT];

/// D. 311-18-1 3°, 1st paragraph: the EU card's duplicate, or its renewal without the card.
pub(crate) const DUPLICATE: &[Category] = &[category(
    "D. 311-18-1 3° : « En cas de fourniture d'un duplicata d'un titre de séjour délivré sur le fondement de l'article L. 121-1 ou L. 121-3 ou en cas de non-présentation d'un tel titre en vue de son renouvellement »",
    &[CarteUe],
    tax_noted(EuCard, EU_FLAT),
)];

/// D. 311-18-1 3°, 2nd paragraph, as seed 002 (the ministry's table of the same decree) reads
/// it: the surcharge applies to every title, "y compris le VLS/TS et le CRA 10 ans", not to the
/// one-year student card.
pub(crate) const DUPLICATES: Duplicates = Duplicates {
    text: t("D. 311-18-1 3° : « En cas de fourniture d'un duplicata d'un autre titre de séjour ou en cas de non-présentation d'un tel titre en vue de son renouvellement … le tarif de la taxe est celui fixé au 2 du présent article majoré de 15 euros »"),
    without_title_as_duplicate: true,
    without_title_as_renewal: ::std::borrow::Cow::Borrowed(&[]),
    surcharge: Some(SurchargeRule {
        line: texts::SURCHARGE_DECREE_15,
        excluded: ::std::borrow::Cow::Borrowed(pre2016::STUDENTS_ONE_YEAR),
        excluded_note: Some(texts::NO_SURCHARGE_STUDENT_2011),
        resident_rate: false,
        exempt_titles_pay: true,
        cap: None,
        surcharge_alone: list![VlsTs],
        surcharge_alone_note: Some(texts::VLS_TS_DUPLICATE_2011),
    }),
    note: None,
    title_notes: list![],
};

/// D. 311-18-1 3°: "ou en cas de renouvellement d'un tel titre alors que la demande en a été
/// faite après l'expiration de sa durée de validité" — the same surcharge.
pub(crate) const LATE: Late = Late {
    seed: t("D. 311-18-1 (décret 2011-163)"),
    text: t("D. 311-18-1 3° : « en cas de renouvellement d'un tel titre alors que la demande en a été faite après l'expiration de sa durée de validité, le tarif de la taxe est celui fixé au 2 … majoré de 15 euros »"),
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

/// The D. 311-18-1 of décret 2011-163.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Statute20110212,
        label_fr: t("D. 311-18-1 (décret 2011-163) et L. 311-13 (lois 2010-1657 et 2011-672)"),
        label_en: t("D. 311-18-1 (décret 2011-163) and L. 311-13 (lois 2010-1657 and 2011-672)"),
        valid_from: ymd(2011, 2, 12),
        valid_until: Some(ymd(2011, 9, 30)),
        selected_by: SelectingDate::DecisionDate,
        source: t("CESEDA D. 311-18-1 (décret 2011-163), L. 311-13 (loi 2010-1657; loi 2011-672 from 30 Sep 2011), L. 311-14"),
        confidence: Confidence::High,
        provenance: t("Consolidated texts in shared/sources: D. 311-18-1 from 12 Feb 2011 (décret 2011-163); L. 311-13 from 1 Jan 2011 and 30 Sep 2011. Duplicates read as seed 002 reads the same decree."),
        sources: list![
            SourceText { text: t("CESEDA D. 311-18-1"), in_force_from: Some(ymd(2011, 2, 12)), amended_by: t("décret n° 2011-163 du 9 février 2011"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-13"), in_force_from: Some(ymd(2011, 1, 1)), amended_by: t("loi n° 2010-1657 du 29 décembre 2010"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-13 (carte bleue européenne)"), in_force_from: Some(ymd(2011, 9, 30)), amended_by: t("loi n° 2011-672 du 16 juin 2011"), confidence: Confidence::High },
        ],
    },
    rates: list![
        rate(Tax(Column::FirstIssue, General), 340, "D. 311-18-1 1° a) (décret 2011-163)"),
        rate(Tax(Column::FirstIssue, Reduced), 55, "D. 311-18-1 1° b)"),
        rate(Tax(Column::FirstIssue, ReducedSalarie), 70, "D. 311-18-1 1° c)"),
        rate(Tax(Column::FirstIssue, ReunifiedChild), 110, "D. 311-18-1 1° d)"),
        rate(Tax(Column::Renewal, StudentOneYear), 30, "D. 311-18-1 2° a) (décret 2011-163)"),
        rate(Tax(Column::Renewal, Reduced), 55, "D. 311-18-1 2° b)"),
        rate(Tax(Column::Renewal, CstOneYear), 85, "D. 311-18-1 2° c)"),
        rate(Tax(Column::Renewal, CstMultiYear), 110, "D. 311-18-1 2° d)"),
        rate(Tax(Column::Renewal, Resident), 140, "D. 311-18-1 2° e)"),
        rate(Tax(Column::Renewal, EuCard), 15, "D. 311-18-1 3°, 1er alinéa"),
        rate(RateKey::Surcharge, 15, "D. 311-18-1 3°, 2e alinéa"),
        rate(RateKey::LateSurcharge, 15, "D. 311-18-1 3°, 2e alinéa"),
        rate(RateKey::VisaTotal, 220, "L. 311-13 D (loi 2010-1657)"),
        rate(RateKey::VisaAtFiling, 0, "L. 311-13 D (loi 2010-1657): nothing at filing"),
        rate(RateKey::Dcem, 45, "L. 311-13 C (loi 2010-1657)"),
    ],
    articles: ::std::borrow::Cow::Borrowed(ARTICLES),
    table: Table {
        seed: t("D. 311-18-1 (décret 2011-163)"),
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
    reunification_exception: Some(REUNIFICATION),
    travel: Paragraph::In(TRAVEL),
    stamp: None,
    existence: ::std::borrow::Cow::Borrowed(pre2016::EXISTENCE),
    change_of_status: None,
};
