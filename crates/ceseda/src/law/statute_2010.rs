//! 26 June 2010 – 31 December 2010: D. 311-18-1 as amended by décret n° 2010-689 (in force
//! 26 June 2010), under L. 311-13 as amended by loi n° 2008-1425.
//!
//! The décret changes two amounts and nothing else: the general first-issue tax 300 → 340 €
//! (1° a) and the renewal or duplicate 70 → 110 € (2°). The lines are those of 2009.

use crate::law::statute_2009::{ARTICLES, CHANGE_OF_DETAILS, DUPLICATE, DUPLICATES, FIRST_ISSUE, RENEWAL, REUNIFICATION, TRAVEL};
use crate::law::types::Level::{General, Reduced, ReducedSalarie, ReunifiedChild, Student};
use crate::law::types::RateKey::{self, Tax};
use crate::law::types::*;
use crate::law::{list, pre2016, regimes::RegimeId, texts};
use crate::model::answer::Confidence;
use crate::model::date::ymd;

/// The D. 311-18-1 of décret 2010-689.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Statute20100626,
        label_fr: t("D. 311-18-1 (décret 2010-689) et L. 311-13 (loi de finances pour 2009)"),
        label_en: t("D. 311-18-1 (décret 2010-689) and L. 311-13 (Finance Act 2009)"),
        valid_from: ymd(2010, 6, 26),
        valid_until: Some(ymd(2010, 12, 31)),
        selected_by: SelectingDate::DecisionDate,
        source: t("CESEDA D. 311-18-1 (décret 2010-689), L. 311-13 (loi 2008-1425), L. 311-14"),
        confidence: Confidence::High,
        provenance: t("Consolidated texts in shared/sources: D. 311-18-1 from 26 Jun 2010 (décret 2010-689); L. 311-13 from 29 Dec 2008."),
        sources: list![
            SourceText { text: t("CESEDA D. 311-18-1"), in_force_from: Some(ymd(2010, 6, 26)), amended_by: t("décret n° 2010-689 du 24 juin 2010"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-13"), in_force_from: Some(ymd(2008, 12, 29)), amended_by: t("loi n° 2008-1425 du 27 décembre 2008"), confidence: Confidence::High },
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
        rate(RateKey::Dcem, 30, "L. 311-13 C (loi 2008-1425)"),
    ],
    articles: ::std::borrow::Cow::Borrowed(ARTICLES),
    table: Table {
        seed: t("D. 311-18-1 (décret 2010-689)"),
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
