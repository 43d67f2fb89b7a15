//! The loi de finances pour 2026, art. 128 (LEGAL_NOTES): seed 004's table with new amounts,
//! for decisions from 1 May 2026.
//!
//! | charge | 2020 | 2026 |
//! |---|---|---|
//! | tax, first issue | 200 (reduced 50) | 300 (reduced 100) |
//! | tax, renewal and duplicate | 200 (reduced 50) | unchanged |
//! | droit de timbre (L. 436-7) | 25 | 50 |
//! | visa de régularisation (L. 436-4) | 200, 50 at filing | 300, 100 at filing |
//! | APS, issue or renewal (L. 436-1 II) | hors champ | 100 |
//!
//! Not found for 2026 and so taken as unchanged (M): the exemption and reduced-rate lists,
//! the 180 € late-renewal charge, the DCEM, and duplicates (renewal tax, L. 436-2). It is not
//! known whether the stamp duty applies to an APS (L): it is not counted.

use crate::law::types::Level::{Aps, General, Reduced};
use crate::law::types::RateKey::{self, Tax};
use crate::law::types::*;
use crate::law::{list, regimes::RegimeId, row, table_2020, texts};
use crate::model::answer::{Confidence, Explanation};
use crate::model::date::ymd;
use crate::model::document::TravelDocument;

const APS_ROW: &str = "LF 2026 art. 128: taxe de 100 € sur la délivrance ou le renouvellement d'une APS (L. 436-1 II)";
const APS_NOTES: &[crate::model::answer::Note] = &[texts::APS_STAMP_UNKNOWN];
const APS_TAX: Cell = cell_noted("100", Some(Aps), false, APS_NOTES);

/// Rows the 2026 law replaces in the 2020 table: the APS, now taxed on issue and renewal; and
/// the rows loi 2024-42 added.
static AMENDED: &[Row] = &[row!(APS_ROW, [crate::Permit::Aps], APS_TAX, APS_TAX,
    Cell::NotCovered(Explanation::new("le duplicata d'une APS : la loi de 2026 ne taxe que sa délivrance et son renouvellement", "the duplicate of an APS: the 2026 law taxes its issue and renewal only")),
    without_title: Some(Cell::NotCovered(Explanation::new(
        "le renouvellement sans présentation du titre d'une APS : la loi de 2026 ne taxe que sa délivrance et son renouvellement",
        "the renewal_without_expired_title of an APS: the 2026 law taxes its issue and renewal only",
    ))),
    change_of_details: Some(Cell::HorsChamp),
    seed: Some(t("lf_2026"))),
    table_2020::METIERS_EN_TENSION,
    table_2020::TALENT_PROFESSION_MEDICALE,
];

const VISA_ROW: &str = "LF 2026 art. 128 (LEGAL_NOTES) : droit de visa de régularisation 300 €, dont 100 € au dépôt (L. 436-4)";

/// The law of the loi de finances pour 2026.
pub(crate) static LAW: RegimeLaw = RegimeLaw {
    regime: Regime {
        id: RegimeId::Lf2026,
        label_fr: t("Loi de finances pour 2026, art. 128 (tableau de janvier 2020 majoré)"),
        label_en: t("Finance Act 2026, art. 128 (January 2020 table with the 2026 increases)"),
        valid_from: ymd(2026, 5, 1),
        valid_until: None,
        selected_by: SelectingDate::DecisionDate,
        source: t("LEGAL_NOTES: loi de finances pour 2026, art. 128 (Conseil constitutionnel 2026-901 DC), applied to seed 004's table"),
        confidence: Confidence::Medium,
        provenance: t("Amounts H (several sources); the 1 May 2026 start date M; exemption lists, the 180 € charge, the DCEM and duplicates taken as unchanged (M); stamp duty on an APS unknown (L)."),
        sources: list![
            SourceText { text: t("loi de finances pour 2026, art. 128 (LEGAL_NOTES)"), in_force_from: Some(ymd(2026, 5, 1)), amended_by: t("loi de finances pour 2026"), confidence: Confidence::Medium },
            SourceText { text: t("seed 004 (tableau de janvier 2020), re-priced"), in_force_from: Some(ymd(2020, 1, 2)), amended_by: t("loi n° 2019-1479 du 28 décembre 2019, art. 26"), confidence: Confidence::High },
        ],
    },
    rates: list![
        rate(Tax(Column::FirstIssue, General), 300, "LF 2026 art. 128 (L. 436-1)"),
        rate(Tax(Column::FirstIssue, Reduced), 100, "LF 2026 art. 128 (L. 436-1)"),
        rate(Tax(Column::FirstIssue, Aps), 100, "LF 2026 art. 128 (L. 436-1 II)"),
        rate(Tax(Column::Renewal, General), 200, "seed 004, mesure 1 (inchangé)"),
        rate(Tax(Column::Renewal, Reduced), 50, "seed 004, mesure 2 (inchangé)"),
        rate(Tax(Column::Renewal, Aps), 100, "LF 2026 art. 128 (L. 436-1 II)"),
        rate(RateKey::Stamp, 50, "LF 2026 art. 128 (L. 436-7)"),
        rate(RateKey::VisaTotal, 300, "LF 2026 art. 128 (L. 436-4)"),
        rate(RateKey::VisaAtFiling, 100, "LF 2026 art. 128 (L. 436-4)"),
        rate(RateKey::LateCharge, 180, "seed 004, mesure 6 (inchangé, M)"),
        rate(RateKey::Dcem, 50, "seed 004, mesure 8 (inchangé, M)"),
        rate(RateKey::Travel(TravelDocument::TitreVoyageRefugie), 45, "seed 004, mesure 9"),
        rate(RateKey::Travel(TravelDocument::TitreIdentiteVoyage), 15, "seed 004, mesure 9"),
        rate(RateKey::Travel(TravelDocument::SaufConduit), 15, "seed 004, mesure 9"),
        rate(RateKey::Travel(TravelDocument::TitreVoyageProtectionSubsidiaire4Ans), 40, "seed 004, mesure 9"),
        rate(RateKey::Travel(TravelDocument::TitreVoyageProtectionSubsidiaire5Ans), 45, "seed 004, mesure 9"),
    ],
    articles: ::std::borrow::Cow::Borrowed(texts::ARTICLES_SINCE_2021),
    table: Table { seed: t("004+lf_2026"), printed: false, rows: ::std::borrow::Cow::Borrowed(table_2020::ROWS), amended: ::std::borrow::Cow::Borrowed(AMENDED), note: Some(texts::LF_2026), schedule: None },
    duplicates: table_2020::DUPLICATES,
    change_of_details: table_2020::CHANGE_OF_DETAILS,
    visa: Paragraph::In(Visa {
        seed: t("lf_2026"),
        text: t(VISA_ROW),
        exempt: ::std::borrow::Cow::Borrowed(table_2020::VISA_EXEMPT),
        filing_part_by_application_date: true,
        application_date_note: Some(texts::VISA_APPLICATION_DATE),
        transitional_notes: list![(ymd(2020, 1, 2), texts::VISA_TRANSITIONAL_2020), (ymd(2026, 5, 1), texts::VISA_TRANSITIONAL_2026)],
    }),
    late: Paragraph::In(table_2020::LATE),
    violence: Some(super::table_2016::VIOLENCE),
    defence_agreement: Some(texts::DEFENCE_AGREEMENT),
    defence_agreement_absent: texts::DEFENCE_AGREEMENT_BEFORE_2020,
    reunification_exception: None,
    travel: Paragraph::In(table_2020::TRAVEL),
    stamp: None,
    existence: ::std::borrow::Cow::Borrowed(table_2020::LOI_2024_42_EXISTENCE),
    change_of_status: None,
};
