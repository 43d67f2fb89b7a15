//! 1 January 2014 – 5 August 2014: D. 311-18-1 of décret n° 2012-1535, under L. 311-13 as
//! amended by lois n° 2011-1977 and n° 2013-1278 (LF 2014, in force 1 January 2014).
//!
//! The one change: the second paragraph of L. 311-13 B (a student or trainee changing status
//! pays the first-issue tax) is gone; such a change is priced as the renewal of the new title
//! again. (R. 311-2 changes on 9 March 2014: the filing window, not a price.)

use crate::law::statute_2009::TRAVEL;
use crate::law::statute_2012::{CHANGE_OF_DETAILS, STAMP};
use crate::law::statute_2013::{ARTICLES, DUPLICATE, DUPLICATES, FIRST_ISSUE, LATE, RATES, RENEWAL, VISA};
use crate::law::types::*;
use crate::law::{list, pre2016, regimes::RegimeId, texts};
use crate::model::answer::Confidence;
use crate::model::date::ymd;

/// The D. 311-18-1 of décret 2012-1535 under the LF 2014.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Statute20140101,
        label_fr: t("D. 311-18-1 (décret 2012-1535) et L. 311-13 (loi de finances pour 2014)"),
        label_en: t("D. 311-18-1 (décret 2012-1535) and L. 311-13 (Finance Act 2014)"),
        valid_from: ymd(2014, 1, 1),
        valid_until: Some(ymd(2014, 8, 5)),
        selected_by: SelectingDate::DecisionDate,
        source: t("CESEDA D. 311-18-1 (décret 2012-1535), L. 311-13 (lois 2011-1977 et 2013-1278), L. 311-14, L. 311-16"),
        confidence: Confidence::High,
        provenance: t("Consolidated texts in shared/sources: L. 311-13 from 1 Jan 2014; D. 311-18-1 from 31 Dec 2012."),
        sources: list![
            SourceText { text: t("CESEDA D. 311-18-1"), in_force_from: Some(ymd(2012, 12, 31)), amended_by: t("décret n° 2012-1535 du 29 décembre 2012"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-13"), in_force_from: Some(ymd(2014, 1, 1)), amended_by: t("loi n° 2011-1977 du 28 décembre 2011 et loi n° 2013-1278 du 29 décembre 2013"), confidence: Confidence::High },
            SourceText { text: t("CESEDA R. 311-2"), in_force_from: Some(ymd(2014, 3, 9)), amended_by: t("décret n° 2014-301 du 6 mars 2014"), confidence: Confidence::High },
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
    change_of_status: None,
};
