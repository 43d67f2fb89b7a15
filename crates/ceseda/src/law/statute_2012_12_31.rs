//! 31 December 2012 (one day): D. 311-18-1 as amended by décret n° 2012-1535 (in force
//! 31 December 2012 in the consolidated record), while L. 311-13 is still the text of loi
//! n° 2011-1977 (LF 2012): the LF 2013 text applies only from 1 January 2013.
//!
//! How the day is priced (research note §6; confidence low):
//! * the decree's amounts where they lie inside the law then in force: first issue 241 / 58 /
//!   116 €; renewal 30 / 58 / 87 / 181 €; duplicate surcharge 9 € for a carte de résident and
//!   16 € otherwise; EU cards 25 €;
//! * the resident and permanent resident cards: the decree's 241 € exceeds the 220 € maximum of
//!   L. 311-13 B then in force, so the legal maximum applies (a decree cannot set a tax above
//!   its law's bound); their duplicates likewise stop at 220 €;
//! * the retiree card: the law still taxes its renewal but the decree no longer sets an amount
//!   for it (2° e) names the resident cards only): nothing can be collected;
//! * no late-renewal charge of any kind (the decree drops its surcharge; the 180 € starts on
//!   1 January 2013);
//! * the rest follows L. 311-13 of 2012: the blue card's first issue exempt, the visa de
//!   régularisation 340 € of which 110 € at filing, the student's change of status at the
//!   first-issue tax.
//!
//! The decree's notice in the Journal officiel gives 1 January 2013 as its entry into force,
//! which would leave this day under the 2012 regime; the consolidated record in
//! `shared/sources` says 31 December 2012 and is followed here (research note, Q1).

use crate::law::pre2016::{self, category, category_when, tax, tax_noted};
use crate::law::statute_2009::{self, ARTICLES, TRAVEL};
use crate::law::statute_2012::{CHANGE_OF_DETAILS, CHANGE_OF_STATUS, FIRST_ISSUE, STAMP, VISA};
use crate::law::types::Level::{CstMultiYear, CstOneYear, EuCard, General, Reduced, Resident, ReunifiedChild, StudentOneYear};
use crate::law::types::RateKey::{self, Tax};
use crate::law::types::*;
use crate::law::{choice, list, regimes::RegimeId, texts};
use crate::model::answer::{Confidence, Note};
use crate::model::date::ymd;
use crate::model::permit::Permit::*;
use crate::model::subcase::CardValidity;

/// A card valid one year at most (L. 313-1).
const ONE_YEAR: Cell = choice!([(Cond::UnlessCardValidity(CardValidity::MoreThanOneYear), tax(CstOneYear))], pre2016::ONE_YEAR_AT_MOST);
const BY_LENGTH: Cell = choice!([(Cond::CardValidity(CardValidity::OneYear), tax(CstOneYear)), (Cond::CardValidity(CardValidity::MoreThanOneYear), tax(CstMultiYear))], pre2016::BY_VALIDITY);
const LONG_UNLESS_SAID: Cell = choice!([(Cond::IfCardValidity(CardValidity::OneYear), tax(CstOneYear)), (Cond::Otherwise, tax(CstMultiYear))], pre2016::BY_VALIDITY);
const SHORT_UNLESS_SAID: Cell = choice!([(Cond::IfCardValidity(CardValidity::MoreThanOneYear), tax(CstMultiYear)), (Cond::Otherwise, tax(CstOneYear))], pre2016::BY_VALIDITY);
const STUDENT: Cell = choice!([(Cond::CardValidity(CardValidity::OneYear), tax(StudentOneYear)), (Cond::CardValidity(CardValidity::MoreThanOneYear), tax(Reduced))], pre2016::BY_VALIDITY);
const RLD_RENEWAL: Cell = choice!([(Cond::IfUnderlying(Scientifique), BY_LENGTH), (Cond::Otherwise, tax(CstOneYear))], pre2016::BY_UNDERLYING);

const CAPPED: &[Note] = &[texts::STATUTORY_MAXIMUM_2012_12_31];
const NO_AMOUNT: &[Note] = &[texts::RETIREE_NO_DECREE_AMOUNT];

/// D. 311-18-1 2° of décret 2012-1535, within the L. 311-13 B of 2012.
pub(crate) const RENEWAL: &[Category] = &[
    category("L. 311-14 et accord franco-algérien : exempté sauf duplicata (seed 002)", &[CraDixAns], Cell::Exempt),
    category("Carte UE (L. 121-1, L. 121-3) : pas de taxe de renouvellement (D. 311-18-1 3° pour le duplicata)", &[CarteUe], Cell::Exempt),
    category("Autorisation provisoire de séjour : hors champ", pre2016::APS, Cell::HorsChamp),
    category("Visa de long séjour valant titre de séjour : sans objet", &[VlsTs], Cell::SansObjet),
    category("D. 311-18-1 2° a) : L. 313-7 valable un an (certificat algérien étudiant d'un an)", &[CraUnAnEtudiant], tax(StudentOneYear)),
    category_when("D. 311-18-1 2° a) et b) : L. 313-7, selon la durée du titre", statute_2009::STUDENTS, STUDENT),
    category("D. 311-18-1 2° b) : L. 313-7-1, L. 313-11 9° et L. 314-11 3°", pre2016::REDUCED_RENEWAL, tax(Reduced)),
    category("D. 311-18-1 2° e) : « 241 euros pour la carte de résident et la carte de résident permanent », dans la limite de 220 € de L. 311-13 B (loi 2011-1977)", pre2016::RESIDENT, tax_noted(Resident, CAPPED)),
    category("Carte de séjour retraité (L. 317-1) : le décret ne fixe plus de montant", pre2016::RETIREE, Cell::Due(Due { notes: ::std::borrow::Cow::Borrowed(NO_AMOUNT), ..DUE })),
    category("D. 311-18-1 2° d) : carte de séjour compétences et talents", &[CompetencesEtTalents], tax(CstMultiYear)),
    category("D. 311-18-1 2° c) et d) : CST scientifique, selon la durée du titre", &[Scientifique], BY_LENGTH),
    category("D. 311-18-1 2° c) et d) : CST de plus d'un an (L. 313-10 4°, 5° et 6°)", pre2016::CST_LONG_BY_DEFAULT, LONG_UNLESS_SAID),
    category("D. 311-18-1 2° c) et d) : CST d'un an sauf durée supérieure", pre2016::CST_SHORT_BY_DEFAULT, SHORT_UNLESS_SAID),
    category("D. 311-18-1 2° c) et d) : CST titulaire du statut RLD-CE (L. 313-4-1), selon le titre délivré", &[ResidentLongueDureeAutreEtat], RLD_RENEWAL),
    category("D. 311-18-1 2° c) : autres cartes de séjour temporaires valables un an", pre2016::CST_ONE_YEAR, ONE_YEAR),
];

/// D. 311-18-1 3° of décret 2012-1535: 25 € for EU cards.
pub(crate) const DUPLICATE: &[Category] = &[category(
    "D. 311-18-1 3° : « En cas de fourniture d'un duplicata d'un titre de séjour délivré sur le fondement de l'article L. 121-1 ou L. 121-3 ou en cas de non-présentation d'un tel titre en vue de son renouvellement, le tarif de la taxe est de 25 euros »",
    &[CarteUe],
    tax_noted(EuCard, crate::law::statute_2011_02::EU_FLAT),
)];

/// D. 311-18-1 3° of décret 2012-1535: "majoré de 9 euros pour la carte de résident et de 16 euros
/// dans les autres cas"; the renewal requested after expiry is no longer surcharged.
pub(crate) const DUPLICATES: Duplicates = Duplicates {
    text: t("D. 311-18-1 3° : « En cas de fourniture d'un duplicata d'un autre titre de séjour ou en cas de non-présentation d'un tel titre en vue de son renouvellement, le tarif de la taxe est celui fixé au 2 du présent article majoré de 9 euros pour la carte de résident et de 16 euros dans les autres cas »"),
    without_title_as_duplicate: true,
    without_title_as_renewal: ::std::borrow::Cow::Borrowed(&[]),
    surcharge: Some(SurchargeRule {
        line: texts::SURCHARGE_DECREE_9_16,
        excluded: ::std::borrow::Cow::Borrowed(pre2016::STUDENTS_ONE_YEAR),
        excluded_note: Some(texts::NO_SURCHARGE_STUDENT_2011),
        resident_rate: true,
        exempt_titles_pay: false,
        cap: Some(CapRule { note: texts::SURCHARGE_CAPPED_2012_12_31, erratum: None }),
        // Seed 002's "y compris le VLS/TS" read the 2011 decree; no text of 2012–2016 prices a
        // visa's duplicate (the 2016 table: "Sans objet").
        surcharge_alone: list![],
        surcharge_alone_note: None,
    }),
    note: None,
    title_notes: list![(CraDixAns, texts::CRA_DIX_ANS_DUPLICATE_STATUTE)],
};

/// The one day of décret 2012-1535 under the LF 2012.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Statute20121231,
        label_fr: t("D. 311-18-1 (décret 2012-1535) sous L. 311-13 (loi de finances pour 2012), 31 décembre 2012"),
        label_en: t("D. 311-18-1 (décret 2012-1535) under L. 311-13 (Finance Act 2012), 31 December 2012"),
        valid_from: ymd(2012, 12, 31),
        valid_until: Some(ymd(2012, 12, 31)),
        selected_by: SelectingDate::DecisionDate,
        source: t("CESEDA D. 311-18-1 (décret 2012-1535), L. 311-13 (loi 2011-1977), L. 311-14, L. 311-16"),
        confidence: Confidence::Low,
        provenance: t("The consolidated record dates décret 2012-1535 from 31 Dec 2012, the LF 2013 text of L. 311-13 from 1 Jan 2013: the decree's amounts within the 2012 law's bounds (resident cards capped at its 220 € maximum; no amount for the retiree card; no late charge). The decree's JORF notice gives 1 Jan 2013 (not followed: the record is the primary source)."),
        sources: list![
            SourceText { text: t("CESEDA D. 311-18-1"), in_force_from: Some(ymd(2012, 12, 31)), amended_by: t("décret n° 2012-1535 du 29 décembre 2012"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-13"), in_force_from: Some(ymd(2012, 1, 1)), amended_by: t("loi n° 2011-1977 du 28 décembre 2011"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-16"), in_force_from: Some(ymd(2011, 10, 1)), amended_by: t("loi n° 2010-1657 du 29 décembre 2010"), confidence: Confidence::High },
        ],
    },
    rates: list![
        rate(Tax(Column::FirstIssue, General), 241, "D. 311-18-1 1° a) (décret 2012-1535)"),
        rate(Tax(Column::FirstIssue, Reduced), 58, "D. 311-18-1 1° b)"),
        rate(Tax(Column::FirstIssue, ReunifiedChild), 116, "D. 311-18-1 1° c)"),
        rate(Tax(Column::Renewal, StudentOneYear), 30, "D. 311-18-1 2° a) (décret 2012-1535)"),
        rate(Tax(Column::Renewal, Reduced), 58, "D. 311-18-1 2° b)"),
        rate(Tax(Column::Renewal, CstOneYear), 87, "D. 311-18-1 2° c)"),
        rate(Tax(Column::Renewal, CstMultiYear), 181, "D. 311-18-1 2° d)"),
        rate(Tax(Column::Renewal, Resident), 220, "D. 311-18-1 2° e) (241 €), limited to the 220 € maximum of L. 311-13 B (loi 2011-1977)"),
        rate(Tax(Column::Renewal, EuCard), 25, "D. 311-18-1 3°, 1er alinéa"),
        rate(RateKey::Surcharge, 16, "D. 311-18-1 3°, 2e alinéa (autres cas)"),
        rate(RateKey::SurchargeResident, 9, "D. 311-18-1 3°, 2e alinéa (carte de résident)"),
        rate(RateKey::SurchargeCap, 220, "L. 311-13 B (loi 2011-1977): maximum 220 €"),
        rate(RateKey::Stamp, 19, "L. 311-16 (loi 2010-1657)"),
        rate(RateKey::VisaTotal, 340, "L. 311-13 D (loi 2011-1977)"),
        rate(RateKey::VisaAtFiling, 110, "L. 311-13 D (loi 2011-1977)"),
        rate(RateKey::Dcem, 45, "L. 311-13 C"),
    ],
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
    late: Paragraph::Absent(Some(texts::NO_LATE_CHARGE_2012_12_31)),
    violence: None,
    defence_agreement: None,
    defence_agreement_absent: texts::DEFENCE_AGREEMENT_BEFORE_2020,
    reunification_exception: None,
    travel: Paragraph::In(TRAVEL),
    stamp: Some(STAMP),
    existence: ::std::borrow::Cow::Borrowed(pre2016::EXISTENCE),
    change_of_status: Some(CHANGE_OF_STATUS),
};
