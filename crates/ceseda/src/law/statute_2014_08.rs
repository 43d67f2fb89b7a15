//! 6 August 2014 – 31 October 2016: D. 311-18-1 of décret n° 2012-1535 and L. 311-13 of 2014,
//! with L. 311-18 (loi n° 2014-873, in force 6 August 2014): "La délivrance et le renouvellement
//! d'un titre de séjour aux étrangers mentionnés aux deuxième et dernière phrases du deuxième
//! alinéa de l'article L. 313-12, aux articles L. 316-1, L. 316-3, L. 316-4 ou au dernier alinéa
//! de l'article L. 431-2 sont exonérés de la perception des taxes prévues aux articles L. 311-13
//! et L. 311-14 et du droit de timbre prévu à l'article L. 311-16."
//!
//! The consolidated record of D. 311-18-1 ends in March 2015: its amounts are carried to
//! 31 October 2016 (the next known decree, 2016-1462, applies from 1 November 2016), with
//! medium confidence. The legislative articles are confirmed unchanged to 2016 (2016-03-09:
//! wording only).

use crate::law::statute_2009::TRAVEL;
use crate::law::statute_2012::{CHANGE_OF_DETAILS, STAMP};
use crate::law::statute_2013::{ARTICLES, DUPLICATE, DUPLICATES, FIRST_ISSUE, RATES, RENEWAL, VISA};
use crate::law::types::*;
use crate::law::{list, no_match, pre2016, regimes::RegimeId, texts};
use crate::model::answer::Confidence;
use crate::model::date::ymd;
use crate::model::permit::Permit::*;
use crate::model::procedure::Procedure;
use crate::model::subcase::FamilyMember;

/// L. 311-18: the titles of L. 316-1, L. 316-3 and L. 316-4 are issued to victims; the spouse of a
/// French national (L. 313-12) and the spouse admitted through reunification (L. 431-2) are
/// covered when they are victims of domestic violence (the reunification resident card and the
/// Algerian reunification certificate with them, M). The charges of L. 311-13 include the visa
/// de régularisation and the 180 € (M). Issue and renewal only: not the duplicate.
pub(crate) const VICTIMS: ViolenceExemption = ViolenceExemption {
    members: list![
        member(VpfConjointDeFrancais),
        member_when(VpfRegroupementFamilial, Cond::FamilyMember(FamilyMember::Spouse)),
        member_when(CrRegroupementFamilial, Cond::FamilyMember(FamilyMember::Spouse)),
        member(CraUnAnRegroupementFamilial),
    ],
    titles: list![VpfVictimeTraiteViolences, CrVictimeTraiteViolences],
    procedures: list![Procedure::FirstIssue, Procedure::Renewal, Procedure::RenewalWithoutExpiredTitle],
    no_match: no_match!(
        "family_member",
        "L. 311-18 exonère le conjoint victime de violences conjugales (L. 431-2), non l'enfant",
        "L. 311-18 exempts the spouse who suffered domestic violence (L. 431-2), not the child",
        ["spouse", "child"]
    ),
    note: texts::VICTIMS_L311_18,
};

/// L. 311-13 D 2°: force majeure and a valid visa only. The persons of L. 311-18 are exempt
/// from the whole quote by the violence paragraph (`VIOLENCE`), not from this line alone.
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

/// D. 311-18-1 of décret 2012-1535, L. 311-13 of 2014 and L. 311-18.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Statute20140806,
        label_fr: t("D. 311-18-1 (décret 2012-1535), L. 311-13 (loi de finances pour 2014) et L. 311-18 (loi 2014-873)"),
        label_en: t("D. 311-18-1 (décret 2012-1535), L. 311-13 (Finance Act 2014) and L. 311-18 (loi 2014-873)"),
        valid_from: ymd(2014, 8, 6),
        valid_until: Some(ymd(2016, 10, 31)),
        selected_by: SelectingDate::DecisionDate,
        source: t("CESEDA D. 311-18-1 (décret 2012-1535), L. 311-13, L. 311-14, L. 311-16, L. 311-18 (loi 2014-873)"),
        confidence: Confidence::Medium,
        provenance: t("High to March 2015 (consolidated texts in shared/sources); medium from then to 31 Oct 2016: the record of D. 311-18-1 ends in March 2015 and no later version was found (the legislative articles are confirmed unchanged to 2016)."),
        sources: list![
            SourceText { text: t("CESEDA D. 311-18-1"), in_force_from: Some(ymd(2012, 12, 31)), amended_by: t("décret n° 2012-1535 du 29 décembre 2012 (record to March 2015)"), confidence: Confidence::Medium },
            SourceText { text: t("CESEDA L. 311-13"), in_force_from: Some(ymd(2014, 1, 1)), amended_by: t("loi n° 2013-1278 du 29 décembre 2013 (wording of 2016-03-09 unchanged in substance)"), confidence: Confidence::High },
            SourceText { text: t("CESEDA L. 311-18"), in_force_from: Some(ymd(2014, 8, 6)), amended_by: t("loi n° 2014-873 du 4 août 2014"), confidence: Confidence::High },
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
    violence: Some(VICTIMS),
    defence_agreement: None,
    defence_agreement_absent: texts::DEFENCE_AGREEMENT_BEFORE_2020,
    reunification_exception: None,
    travel: Paragraph::In(TRAVEL),
    stamp: Some(STAMP),
    existence: ::std::borrow::Cow::Borrowed(pre2016::EXISTENCE),
    change_of_status: None,
};
