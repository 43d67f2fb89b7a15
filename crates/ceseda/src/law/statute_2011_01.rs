//! 1 January 2011 – 11 February 2011: D. 311-18-1 of décret n° 2010-689, under L. 311-13 as
//! amended by loi n° 2010-1657 (LF 2011, in force 1 January 2011).
//!
//! The law changes: the first-issue ceiling 340 → 385 €; the renewal range 55–220 € "selon la
//! nature et la durée du titre", the 15–30 € band now only for student cards "d'une durée d'un
//! an au plus"; the refugees' renewal exemption is deleted; a visa de régularisation of 220 € is
//! created (D); the DCEM tax rises from 30 to 45 € (C). The decree's lines are unchanged.

use crate::law::pre2016::{self, category, category_when, tax, tax_noted};
use crate::law::statute_2009::{self, ARTICLES, CHANGE_OF_DETAILS, DUPLICATES, FIRST_ISSUE, GENERAL_RENEWAL, REUNIFICATION, TRAVEL};
use crate::law::types::Level::{General, Reduced, ReducedSalarie, ReunifiedChild, Student};
use crate::law::types::RateKey::{self, Tax};
use crate::law::types::*;
use crate::law::{choice, list, regimes::RegimeId, texts};
use crate::model::answer::{Confidence, Note};
use crate::model::date::ymd;
use crate::model::permit::Permit::*;
use crate::model::subcase::CardValidity;

const BELOW_MINIMUM: &[Note] = &[texts::STUDENT_BELOW_MINIMUM];
const EU_CARD_NOT_TAXED: &[Note] = &[texts::EU_CARD_NOT_TAXED];
/// 2° b): 30 € whatever the length, below the law's new minimum for a card of more than a year.
const STUDENT: Cell = choice!([(Cond::IfCardValidity(CardValidity::MoreThanOneYear), tax_noted(Student, BELOW_MINIMUM)), (Cond::Otherwise, tax(Student))], pre2016::BY_VALIDITY);

/// D. 311-18-1 2° under the LF 2011's L. 311-13 B: the refugees now pay; the student card of
/// more than one year keeps the decree's 30 €, below the law's new 55 € minimum.
pub(crate) const RENEWAL: &[Category] = &[
    category("L. 311-14 et accord franco-algérien : exempté (seed 002)", &[CraDixAns], Cell::Exempt),
    category("Carte UE (L. 121-1, L. 121-3) : aucun montant du décret", &[CarteUe], Cell::Due(Due { notes: ::std::borrow::Cow::Borrowed(EU_CARD_NOT_TAXED), ..DUE })),
    category("Autorisation provisoire de séjour : hors champ", pre2016::APS, Cell::HorsChamp),
    category("Visa de long séjour valant titre de séjour : sans objet", &[VlsTs], Cell::SansObjet),
    category_when(
        "D. 311-18-1 2° b) : L. 313-7 (30 €)",
        statute_2009::STUDENTS,
        STUDENT,
    ),
    category("D. 311-18-1 2° a) : L. 313-7-1, L. 313-11 9° et L. 314-11 3°", pre2016::REDUCED_RENEWAL, tax(Reduced)),
    category("D. 311-18-1 2° : renouvellement d'un titre de séjour", GENERAL_RENEWAL, tax(General)),
    category("D. 311-18-1 2° : renouvellement d'un titre de séjour (L. 311-13 B, loi 2010-1657, ne dispense plus les réfugiés)", &[CrRefugie, VpfProtectionSubsidiaire], tax(General)),
];

/// L. 311-13 D (loi 2010-1657): 220 €, "préalablement à la délivrance d'un premier titre de
/// séjour"; nothing is collected at filing.
pub(crate) const VISA: Visa = Visa {
    seed: t("CESEDA L. 311-13 D (loi 2010-1657)"),
    text: t("L. 311-13 D : « préalablement à la délivrance d'un premier titre de séjour, l'étranger qui n'est pas entré en France muni des documents et visas exigés … acquitte … un droit de visa de régularisation d'un montant égal à 220 € »"),
    exempt: ::std::borrow::Cow::Borrowed(pre2016::VISA_EXEMPT),
    filing_part_by_application_date: true,
    application_date_note: None,
    transitional_notes: list![],
};

/// The D. 311-18-1 of décret 2010-689 under the LF 2011.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Statute20110101,
        label_fr: t("D. 311-18-1 (décret 2010-689) et L. 311-13 (loi de finances pour 2011)"),
        label_en: t("D. 311-18-1 (décret 2010-689) and L. 311-13 (Finance Act 2011)"),
        valid_from: ymd(2011, 1, 1),
        valid_until: Some(ymd(2011, 2, 11)),
        selected_by: SelectingDate::DecisionDate,
        source: t("CESEDA D. 311-18-1 (décret 2010-689), L. 311-13 (loi 2010-1657), L. 311-14"),
        confidence: Confidence::High,
        provenance: t("Consolidated texts in shared/sources: L. 311-13 from 1 Jan 2011 (loi 2010-1657); D. 311-18-1 from 26 Jun 2010. The student card of more than a year renews at the decree's 30 €, below the law's 55 € minimum (noted)."),
        sources: list![
            SourceText { text: t("CESEDA D. 311-18-1"), in_force_from: Some(ymd(2010, 6, 26)), amended_by: t("décret n° 2010-689 du 24 juin 2010"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-13"), in_force_from: Some(ymd(2011, 1, 1)), amended_by: t("loi n° 2010-1657 du 29 décembre 2010"), confidence: Confidence::High },
        ],
    },
    rates: list![
        rate(Tax(Column::FirstIssue, General), 340, "D. 311-18-1 1° a) (décret 2010-689)"),
        rate(Tax(Column::FirstIssue, Reduced), 55, "D. 311-18-1 1° b)"),
        rate(Tax(Column::FirstIssue, ReducedSalarie), 70, "D. 311-18-1 1° c)"),
        rate(Tax(Column::FirstIssue, ReunifiedChild), 110, "D. 311-18-1 1° d)"),
        rate(Tax(Column::Renewal, General), 110, "D. 311-18-1 2° (décret 2010-689)"),
        rate(Tax(Column::Renewal, Reduced), 55, "D. 311-18-1 2° a)"),
        rate(Tax(Column::Renewal, Student), 30, "D. 311-18-1 2° b)"),
        rate(RateKey::VisaTotal, 220, "L. 311-13 D (loi 2010-1657)"),
        rate(RateKey::VisaAtFiling, 0, "L. 311-13 D (loi 2010-1657): nothing at filing"),
        rate(RateKey::Dcem, 45, "L. 311-13 C (loi 2010-1657)"),
    ],
    articles: ::std::borrow::Cow::Borrowed(ARTICLES),
    table: Table {
        seed: t("D. 311-18-1 (décret 2010-689)"),
        printed: false,
        rows: list![],
        amended: list![],
        note: None,
        schedule: Some(Schedule { first_issue: ::std::borrow::Cow::Borrowed(FIRST_ISSUE), renewal: ::std::borrow::Cow::Borrowed(RENEWAL), duplicate: list![], readings: ::std::borrow::Cow::Borrowed(crate::law::pre2016::READINGS) }),
    },
    duplicates: DUPLICATES,
    change_of_details: CHANGE_OF_DETAILS,
    visa: Paragraph::In(VISA),
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
