//! The texts a quote carries: line explanations and notes, in French and English. Notes
//! that belong to one source live in its law file; these are shared by several.

use crate::law::types::{article, article_from, Article, Subject::*};
use crate::model::answer::{Explanation, Note};
use crate::model::date::ymd;

/// 1 May 2021: the CESEDA recodification (ordonnance 2020-1733). Article numbers change,
/// amounts do not.
pub(crate) const RECODIFICATION: chrono::NaiveDate = ymd(2021, 5, 1);


/// The articles after the recodification of 1 May 2021 (ordonnance 2020-1733; LEGAL_NOTES).
pub(crate) const ARTICLES_SINCE_2021: &[Article] = &[
    article(IssueTax, "CESEDA L. 436-1"),
    article(ApsTax, "CESEDA L. 436-1 II"),
    article(DuplicateTax, "CESEDA L. 436-2"),
    article(Surcharge, "CESEDA L. 436-2"),
    article(Dcem, "CESEDA L. 436-3"),
    article(VisaRegularisation, "CESEDA L. 436-4"),
    article(LateRenewal, "CESEDA L. 436-5"),
    article(Stamp, "CESEDA L. 436-7"),
    article(TravelDocument, "CGI art. 953"),
];

/// The articles of a period that spans the recodification: the old numbers, then the new ones.
pub(crate) const ARTICLES_ACROSS_2021: &[Article] = &[
    article(IssueTax, "CESEDA L. 311-13 A"),
    article(ApsTax, "CESEDA L. 311-13 A"),
    article(DuplicateTax, "CESEDA L. 311-13 B"),
    article(Surcharge, "CESEDA L. 311-13 B, D. 311-18-1"),
    article(Dcem, "CESEDA L. 311-13 C"),
    article(VisaRegularisation, "CESEDA L. 311-13 D 1°"),
    article(LateRenewal, "CESEDA L. 311-13 D 2°"),
    article(Stamp, "CESEDA L. 311-16"),
    article(TravelDocument, "CGI art. 953"),
    article_from(IssueTax, RECODIFICATION, "CESEDA L. 436-1"),
    article_from(ApsTax, RECODIFICATION, "CESEDA L. 436-1 II"),
    article_from(DuplicateTax, RECODIFICATION, "CESEDA L. 436-2"),
    article_from(Surcharge, RECODIFICATION, "CESEDA L. 436-2"),
    article_from(Dcem, RECODIFICATION, "CESEDA L. 436-3"),
    article_from(VisaRegularisation, RECODIFICATION, "CESEDA L. 436-4"),
    article_from(LateRenewal, RECODIFICATION, "CESEDA L. 436-5"),
    article_from(Stamp, RECODIFICATION, "CESEDA L. 436-7"),
];

/// The articles of the 2016 table: L. 311-13 as in force from 1 November 2016 prices the
/// renewal in its B ("Le renouvellement des titres de séjour … donnent lieu à la perception d'une
/// taxe"), apart from the first issue in A; the 2021 numbers after the recodification.
pub(crate) const ARTICLES_2016: &[Article] = &[
    article(IssueTax, "CESEDA L. 311-13 A"),
    article(RenewalTax, "CESEDA L. 311-13 B"),
    article(ApsTax, "CESEDA L. 311-13 A"),
    article(DuplicateTax, "CESEDA L. 311-13 B"),
    article(Surcharge, "CESEDA L. 311-13 B, D. 311-18-1"),
    article(Dcem, "CESEDA L. 311-13 C"),
    article(VisaRegularisation, "CESEDA L. 311-13 D 1°"),
    article(LateRenewal, "CESEDA L. 311-13 D 2°"),
    article(Stamp, "CESEDA L. 311-16"),
    article(TravelDocument, "CGI art. 953"),
    article_from(IssueTax, RECODIFICATION, "CESEDA L. 436-1"),
    article_from(RenewalTax, RECODIFICATION, "CESEDA L. 436-1"),
    article_from(ApsTax, RECODIFICATION, "CESEDA L. 436-1 II"),
    article_from(DuplicateTax, RECODIFICATION, "CESEDA L. 436-2"),
    article_from(Surcharge, RECODIFICATION, "CESEDA L. 436-2"),
    article_from(Dcem, RECODIFICATION, "CESEDA L. 436-3"),
    article_from(VisaRegularisation, RECODIFICATION, "CESEDA L. 436-4"),
    article_from(LateRenewal, RECODIFICATION, "CESEDA L. 436-5"),
    article_from(Stamp, RECODIFICATION, "CESEDA L. 436-7"),
];

/// Seed 004, measure 8 (the DCEM).
pub(crate) const ROW_DCEM: &str = "8. Le tarif du document de circulation pour étranger mineur est porté de 45 à 50 €";
/// Seed 004, measure 9 (travel titles).
pub(crate) const ROW_TRAVEL: &str = "9. Tarif des titres de voyage (article 953 du code général des impôts)";
/// Measure 9: the biometric titles are issued from 1 March 2020.
pub(crate) const BIOMETRIC_NOT_YET: Explanation = Explanation::new(
    "délivré à partir du 1er mars 2020 (seed 004, mesure 9) ; auparavant, le titre d'identité et de voyage d'un an (titre_identite_voyage) à 15 €",
    "issued from 1 March 2020 (seed 004, measure 9); before, the 1-year titre_identite_voyage at 15 €",
);

// Line explanations.
pub(crate) const TAX_FIRST_ISSUE: Explanation = Explanation::new(
    "Taxe due pour la délivrance du premier titre de séjour.",
    "Tax on the issue of a first residence permit.",
);
pub(crate) const TAX_RENEWAL: Explanation = Explanation::new(
    "Taxe due pour le renouvellement du titre, y compris en cas de changement de statut.",
    "Tax on the renewal of the permit, including a change of status.",
);
pub(crate) const TAX_DUPLICATE: Explanation = Explanation::new(
    "Taxe due pour la remise d'un duplicata : le montant de la taxe de renouvellement.",
    "Tax on a duplicate: the amount of the renewal tax.",
);
pub(crate) const TAX_WITHOUT_TITLE: Explanation = Explanation::new(
    "Taxe due pour un renouvellement sans présentation du titre échu.",
    "Tax on a renewal without the expired permit.",
);
pub(crate) const TAX_APS: Explanation = Explanation::new(
    "Taxe de 100 € sur la délivrance ou le renouvellement d'une autorisation provisoire de séjour (loi de finances pour 2026).",
    "100 € tax on the issue or renewal of a temporary residence authorisation (Finance Act 2026).",
);
pub(crate) const STAMP: Explanation = Explanation::new(
    "Droit de timbre dû sur la délivrance, le renouvellement ou le duplicata de la carte.",
    "Stamp duty on the issue, renewal or duplicate of the card.",
);
pub(crate) const STAMP_CHANGE_OF_DETAILS: Explanation = Explanation::new(
    "Changement des mentions de la carte (adresse, état civil) : droit de timbre seul, à l'exclusion de toute autre taxe.",
    "Change of the card's details (address, civil status): stamp duty alone, no other tax.",
);
pub(crate) const SURCHARGE_2011: Explanation = Explanation::new(
    "Majoration de 15 € (note ** du tableau) : duplicata, ou renouvellement sans présentation du titre arrivant à échéance.",
    "15 € surcharge (table note **): duplicate, or renewal without the expiring permit.",
);
pub(crate) const SURCHARGE_2016: Explanation = Explanation::new(
    "Majoration pour un duplicata ou un renouvellement sans présentation du titre échu : 16 €, 9 € pour une carte de résident (D. 311-18-1 3°).",
    "Surcharge on a duplicate or a renewal without the expired permit: 16 €, 9 € for a resident card (D. 311-18-1 3°).",
);
pub(crate) const VISA_FILING: Explanation = Explanation::new(
    "Droit de visa de régularisation, part due au dépôt de la demande : entrée ou séjour irréguliers, ou absence du visa requis.",
    "Regularisation visa fee, part due when the application is filed: irregular entry or stay, or no required visa.",
);
pub(crate) const VISA_BALANCE: Explanation = Explanation::new(
    "Droit de visa de régularisation, solde dû à la délivrance du titre.",
    "Regularisation visa fee, balance due when the permit is issued.",
);
pub(crate) const LATE_RENEWAL: Explanation = Explanation::new(
    "Droit de visa de régularisation pour une demande de renouvellement présentée tardivement : dû si le titre est renouvelé.",
    "Charge on a late renewal application: due if the permit is renewed.",
);
pub(crate) const LATE_RENEWAL_2011: Explanation = Explanation::new(
    "Majoration de 15 € (note ** du tableau) : renouvellement demandé après l'expiration du titre.",
    "15 € surcharge (table note **): renewal requested after the permit expired.",
);
pub(crate) const DCEM: Explanation = Explanation::new(
    "Taxe sur la délivrance, le renouvellement ou le duplicata du document de circulation pour étranger mineur.",
    "Tax on the issue, renewal or duplicate of the travel document for a foreign minor.",
);
pub(crate) const TRAVEL_DOCUMENT: Explanation = Explanation::new(
    "Taxe sur le titre de voyage (article 953 du code général des impôts).",
    "Tax on the travel document (article 953 of the general tax code).",
);

// Notes.
pub(crate) const VIOLENCE_EXEMPTION: Note = Note::new(
    "violence_exemption",
    "(***) Violences conjugales subies par le conjoint étranger et rupture de la vie commune : exemption du droit de visa de régularisation, du droit de timbre et de la taxe.",
    "(***) Domestic violence suffered by the foreign spouse: no regularisation visa fee, no stamp duty and no tax.",
);
pub(crate) const DEFENCE_AGREEMENT: Note = Note::new(
    "defence_agreement",
    "Étranger relevant d'un accord de coopération en matière de défense : exempté de la taxe (note de 2019, points 3 et 4) ; le droit de timbre reste dû.",
    "Covered by a defence-cooperation agreement: exempt from the tax (2019 note, measures 3 and 4); stamp duty is still due.",
);
pub(crate) const DEFENCE_AGREEMENT_BEFORE_2020: Note = Note::new(
    "defence_agreement_before_2020",
    "L'exemption au titre des accords de défense n'apparaît qu'à partir de 2020 : sans effet sous ce régime.",
    "The defence-agreement exemption appears only from 2020: no effect under this regime.",
);
pub(crate) const NO_SURCHARGE_SINCE_2020: Note = Note::new(
    "no_surcharge_since_2020",
    "Depuis 2020, le duplicata ne donne plus lieu à surtaxe et la majoration pour non-présentation du titre échu est supprimée (point 4) : taxe de renouvellement seule.",
    "Since 2020 a duplicate carries no surcharge and the surcharge for a missing expired permit is abolished (measure 4): the renewal tax alone.",
);
pub(crate) const SURCHARGE_CAPPED_2016: Note = Note::new(
    "surcharge_capped_2016",
    "Majoration de 16 € non appliquée : elle porterait la taxe, hors droit de timbre, au-delà du plafond de 250 € (NB du tableau de 2016).",
    "16 € surcharge not applied: it would take the tax, stamp duty excluded, above the 250 € cap (2016 table, NB).",
);
pub(crate) const ALGERIAN_STAMP: Note = Note::new(
    "algerian_stamp",
    "(**) Droit de timbre non exigible en application de l'accord franco-algérien.",
    "(**) Stamp duty not due under the Franco-Algerian agreement.",
);
pub(crate) const CHANGE_OF_DETAILS_EXCLUDED: Note = Note::new(
    "change_of_details_excluded",
    "Changement de la carte : le droit de timbre n'est pas dû pour les titres UE/EEE/suisses et les cartes pour Andorrans.",
    "Change of card details: no stamp duty for EU/EEA/Swiss titles and Andorran cards.",
);
pub(crate) const APS_STAMP_UNKNOWN: Note = Note::new(
    "aps_stamp_unknown",
    "Loi de finances pour 2026 : taxe de 100 € sur l'APS. Aucune source ne dit si le droit de timbre s'y applique (confiance faible) : il n'est pas compté.",
    "Finance Act 2026: 100 € tax on an APS. No source says whether stamp duty applies to it (low confidence): it is not counted.",
);
pub(crate) const LOI_2024_42_GENERAL_RATE: Note = Note::new(
    "loi_2024_42_general_rate",
    "Titre créé par la loi n° 2024-42 du 26 janvier 2024, absent des tableaux : il ne figure dans aucune liste de tarif réduit ou d'exonération de l'article L. 436-1, d'où le tarif normal (confiance moyenne : déduit du texte, non d'un tableau).",
    "Permit created by loi 2024-42 of 26 January 2024, in no table: it is in none of the reduced-rate or exemption lists of L. 436-1, hence the general rate (medium confidence: inferred from the text, not from a table).",
);
pub(crate) const REUNIFICATION_TABLE_VS_DECREE: Note = Note::new(
    "reunification_table_vs_decree",
    "Regroupement familial accordé avant le 28/12/2008 : le décret en vigueur (D. 311-18-1 1° a) et d), jusqu'au 31/12/2011) exempterait ce conjoint ou cet enfant entré par regroupement familial ; le tableau OFII imprime l'exception sous l'admission sur place seulement. Tarifé comme le tableau, source du ministère pour la période.",
    "Family reunification granted before 28 Dec 2008: the decree in force (D. 311-18-1 1° a) and d), until 31 Dec 2011) would exempt this spouse or child who entered through reunification; the OFII table prints the exception under reunification on site only. Priced as the table, the ministry's source for the period.",
);
pub(crate) const L313_11_5_STILL_PRINTED: Note = Note::new(
    "l313_11_5_still_printed",
    "La carte « conjoint de scientifique » (L. 313-11 5°) a été abrogée le 18 juin 2011 (loi 2011-672) ; le tableau de fin 2011 l'imprime encore : tarifée comme imprimée.",
    "The « spouse of a scientist » card (L. 313-11 5°) was repealed on 18 June 2011 (loi 2011-672); the late-2011 table still prints it: priced as printed.",
);
pub(crate) const NOT_IN_TABLE_2011: Note = Note::new(
    "not_in_table_2011",
    "Titre absent du tableau de fin 2011 : montant de D. 311-18-1 (décret 2011-163) et de L. 311-13 en vigueur, dont le tableau reprend les autres montants.",
    "Permit missing from the late-2011 table: the amount of D. 311-18-1 (décret 2011-163) and of L. 311-13 in force, whose other amounts the table prints.",
);
pub(crate) const CRA_DIX_ANS_DUPLICATE_STATUTE: Note = Note::new(
    "cra_dix_ans_duplicate_statute",
    "Certificat de résidence algérien de 10 ans : renouvellement exonéré par l'accord franco-algérien ; aucun texte de 2012 à 2016 ne fixe la taxe de son duplicata : droit de timbre seul (lecture retenue, confiance moyenne ; le tableau de 2016 le tarifie 250 €).",
    "Algerian 10-year residence certificate: renewal exempt under the Franco-Algerian agreement; no text of 2012–2016 sets the tax on its duplicate: stamp duty alone (reading taken, medium confidence; the 2016 table charges 250 €).",
);
pub(crate) const LF_2026: Note = Note::new(
    "lf_2026",
    "Montants de la loi de finances pour 2026 (art. 128) appliqués au tableau de janvier 2020 : 1re délivrance 300 € (minoré 100 €), renouvellement et duplicata inchangés, droit de timbre 50 €.",
    "Finance Act 2026 (art. 128) amounts applied to the January 2020 table: first issue 300 € (reduced 100 €), renewal and duplicate unchanged, stamp duty 50 €.",
);
pub(crate) const REUNIFICATION_BEFORE_2008: Note = Note::new(
    "reunification_before_2008",
    "Regroupement familial sur place accordé avant le 28/12/2008 : taxe applicable à partir du 1/1/2012 seulement ; le droit de timbre est immédiatement applicable. Lecture retenue : la parenthèse du tableau vise l'admission au RF sur place, sous laquelle elle est imprimée (D. 311-18-1 1° a) et d) excepte plutôt les conjoints et les enfants entrés par regroupement familial).",
    "Family reunification on site granted before 28 Dec 2008: the tax applies only from 1 Jan 2012; the stamp duty applies at once. Reading taken: the table's parenthesis concerns reunification on site, under which it is printed (D. 311-18-1 1° a) and d) rather except spouses and children who entered through family reunification).",
);
pub(crate) const NO_SURCHARGE_STUDENT_2011: Note = Note::new(
    "no_surcharge_student_2011",
    "Étudiants en CST 1 an ou CRA 1 an : taxe de renouvellement seule, sans majoration (D. 311-18-1 3° : « Cette majoration n'est pas applicable aux titres mentionnés au a du même 2 »).",
    "Students with a one-year CST or CRA: the renewal tax alone, no surcharge (D. 311-18-1 3°: « Cette majoration n'est pas applicable aux titres mentionnés au a du même 2 »).",
);
pub(crate) const VLS_TS_DUPLICATE_2011: Note = Note::new(
    "vls_ts_duplicate_2011",
    "VLS-TS : la majoration de 15 € s'applique « y compris le VLS/TS » (tableau OFII de 2011, note **, qui lit le décret 2011-163) ; sa taxe de renouvellement et son droit de timbre sont sans objet, la majoration est donc due seule (lecture retenue).",
    "VLS-TS: the 15 € surcharge applies \"including the VLS/TS\" (the 2011 OFII table, note **, reading décret 2011-163); its renewal tax and stamp duty are sans objet, so the 15 € is due alone (reading taken).",
);
pub(crate) const APS_NOT_A_TITLE: Note = Note::new(
    "aps_not_a_titre_de_sejour",
    "Autorisation provisoire de séjour : ni le droit de visa de régularisation (préalable à un premier titre de séjour) ni le droit pour renouvellement tardif (renouvellement d'un titre de séjour) ne s'y appliquent.",
    "Temporary residence authorisation: neither the regularisation visa fee (before a first residence permit) nor the late-renewal charge (renewal of a residence permit) applies to it.",
);
pub(crate) const CE_CARD_2011: Note = Note::new(
    "ce_card_2011",
    "Cartes « CE » : taxe de 15 € pour un duplicata ou un renouvellement sans le titre ; la taxe de renouvellement tardif ne s'applique pas (note **).",
    "« CE » cards: 15 € for a duplicate or a renewal without the card; the late-renewal charge does not apply (note **).",
);
pub(crate) const VLS_TS_AS_REPLACED: Note = Note::new(
    "vls_ts_as_replaced",
    "Visa de long séjour valant titre de séjour : même montant que le titre de séjour remplacé (underlying_permit).",
    "Long-stay visa equivalent to a permit: the same amount as the permit it replaces (underlying_permit).",
);
pub(crate) const VLS_TS_NO_STAMP: Note = Note::new(
    "vls_ts_no_stamp",
    "Visa de long séjour valant titre de séjour : la taxe du titre remplacé (L. 311-13 A), sans droit de timbre, que L. 311-16 réserve aux cartes de séjour.",
    "Long-stay visa equivalent to a permit: the tax of the permit it replaces (L. 311-13 A), without the stamp duty, which L. 311-16 puts on residence cards only.",
);
pub(crate) const VLS_TS_NEEDS_UNDERLYING: Note = Note::new(
    "vls_ts_needs_underlying",
    "Même montant que le titre de séjour remplacé : indiquer underlying_permit pour obtenir le montant.",
    "Same amount as the permit it replaces: give underlying_permit to get the amount.",
);
pub(crate) const VISA_EXEMPT: Note = Note::new(
    "visa_de_regularisation_exempt",
    "Titre exempté du droit de visa de régularisation (liste d'exemptions du régime).",
    "This permit is exempt from the regularisation visa fee (the regime's exemption list).",
);
pub(crate) const VISA_APPLICATION_DATE: Note = Note::new(
    "visa_de_regularisation_application_date",
    "Depuis le 2 janvier 2020, le droit de visa de régularisation suit la date de la demande ; la date de demande n'étant pas donnée, la date de décision est retenue.",
    "Since 2 Jan 2020 the regularisation visa fee follows the application date; none was given, so the decision date is used.",
);
pub(crate) const VISA_TRANSITIONAL_2020: Note = Note::new(
    "visa_de_regularisation_transitional_2020",
    "Part initiale de 50 € acquittée avant le 2 janvier 2020, décision après cette date : le complément est dû au nouveau tarif (note du 31 décembre 2019).",
    "Initial 50 € paid before 2 Jan 2020, decision after it: the balance is due at the new rate (note of 31 Dec 2019).",
);
pub(crate) const VISA_TRANSITIONAL_2026: Note = Note::new(
    "visa_de_regularisation_transitional_2026",
    "Demande déposée avant le 1er mai 2026, décision après : part initiale au tarif de la demande, solde au tarif de 2026, par analogie avec la règle transitoire de 2020 (confiance moyenne).",
    "Application filed before 1 May 2026, decision after it: initial part at the application-date rate, balance at the 2026 rate, by analogy with the 2020 transitional rule (medium confidence).",
);
pub(crate) const LATENESS_NOT_CHECKED: Note = Note::new(
    "lateness_not_checked",
    "Retard non vérifié : donner à la fois application_date et previous_title_expiry.",
    "Lateness not checked: give both application_date and previous_title_expiry.",
);
pub(crate) const LATE_EXEMPT: Note = Note::new(
    "late_renewal_exempt",
    "Demande tardive, mais exemptée du droit de 180 € par une exemption de la loi en vigueur (force majeure, visa en cours de validité ; selon la période, victime de violences, citoyen UE/EEE/suisse, andorran à partir de 2020).",
    "Late application, but exempt from the 180 € charge by an exemption of the law in force (force majeure, a valid visa; depending on the period, victims of violence, EU/EEA/Swiss citizens, Andorrans from 2020).",
);
pub(crate) const LATE_NOT_FOR_CE_CARDS: Note = Note::new(
    "late_renewal_not_for_ce_cards",
    "La majoration du renouvellement tardif ne s'applique pas aux cartes « CE » (tableau OFII de 2011, note **, lecture du même décret ; confiance moyenne).",
    "The late-renewal surcharge does not apply to « CE » cards (the 2011 OFII table, note **, reading the same decree; medium confidence).",
);
pub(crate) const LATE_ALREADY_SURCHARGED: Note = Note::new(
    "late_renewal_already_surcharged",
    "Renouvellement tardif sans présentation du titre : la majoration n'est due qu'une fois (D. 311-18-1 3°).",
    "Late renewal without the permit: the surcharge is due once (D. 311-18-1 3°).",
);
pub(crate) const LATE_READING_EXPIRY: Note = Note::new(
    "late_reading_after_expiry",
    "Lecture retenue : la demande est tardive si elle est présentée après l'expiration du titre précédent (« demandé après l'expiration du précédent titre de séjour »), non après la fin du délai de dépôt.",
    "Reading taken: the application is late when filed after the previous permit expired (« demandé après l'expiration du précédent titre de séjour »), not after the filing window closed.",
);
pub(crate) const LATE_READING_WINDOW: Note = Note::new(
    "late_reading_after_window",
    "Lecture retenue : la demande est tardive si elle est présentée après la fin du délai de dépôt (R. 311-2 jusqu'au 30 avril 2021, R. 431-5 ensuite ; note du 31 décembre 2019, point 6).",
    "Reading taken: the application is late when filed after the filing window closed (R. 311-2 until 30 Apr 2021, R. 431-5 after; note of 31 Dec 2019, measure 6).",
);
pub(crate) const BILATERAL_AGREEMENT: Note = Note::new(
    "bilateral_agreement",
    "(*) Concerne les étrangers relevant de certains accords bilatéraux prévoyant la délivrance de la carte de résident en premier titre.",
    "(*) Applies to foreign nationals under bilateral agreements that provide for a resident card as a first title.",
);
pub(crate) const ONLINE_ASSUMED_NO: Note = Note::new(
    "online_application_assumed_no",
    "Délai R. 431-5 : demande supposée hors téléservice (deux derniers mois avant l'expiration), faute d'indication ; pour une demande en ligne (liste R. 431-2), le délai se ferme au 60e jour avant l'expiration : préciser online_application.",
    "R. 431-5 window: the application is taken as not filed online (the last two months before expiry), as nothing says otherwise; online (the R. 431-2 list) the window closes on the 60th day before expiry: set online_application.",
);
pub(crate) const LATE_VIOLENCE_2016: Note = Note::new(
    "late_renewal_violence_2016",
    "Le tableau de 2016 n'exempte du droit pour renouvellement tardif que les victimes de violences conjugales ; celui de 2020 ajoute la traite. La circonstance violence_victim couvre les deux.",
    "The 2016 table exempts only victims of domestic violence from the late-renewal charge; the 2020 table adds trafficking. The violence_victim circumstance covers both.",
);
pub(crate) const DCEM_EXEMPT: Note = Note::new(
    "dcem_exempt",
    "Taxe DCEM non applicable à un mineur citoyen UE/EEE/suisse ou andorran, ni à un mineur membre de la famille d'un tel citoyen.",
    "No DCEM tax for a minor who is an EU/EEA/Swiss or Andorran citizen, or a family member of one.",
);

// The 2009–2016 texts (D. 311-18-1, L. 311-13, L. 311-16, L. 311-18).
pub(crate) const SURCHARGE_DECREE_15: Explanation = Explanation::new(
    "Majoration de 15 € de la taxe de renouvellement (D. 311-18-1 3°) : duplicata, ou renouvellement sans présentation du titre.",
    "15 € surcharge on the renewal tax (D. 311-18-1 3°): duplicate, or renewal without the permit.",
);
pub(crate) const SURCHARGE_DECREE_16: Explanation = Explanation::new(
    "Majoration de 16 € de la taxe de renouvellement (D. 311-18-1 3°) : duplicata, ou renouvellement sans présentation du titre.",
    "16 € surcharge on the renewal tax (D. 311-18-1 3°): duplicate, or renewal without the permit.",
);
pub(crate) const SURCHARGE_DECREE_9_16: Explanation = Explanation::new(
    "Majoration de la taxe de renouvellement (D. 311-18-1 3°) : 9 € pour la carte de résident, 16 € dans les autres cas.",
    "Surcharge on the renewal tax (D. 311-18-1 3°): 9 € for a resident card, 16 € otherwise.",
);
pub(crate) const LATE_RENEWAL_DECREE: Explanation = Explanation::new(
    "Majoration de la taxe de renouvellement (D. 311-18-1 3°) : renouvellement demandé après l'expiration du titre.",
    "Surcharge on the renewal tax (D. 311-18-1 3°): renewal requested after the permit expired.",
);
pub(crate) const NO_VISA_BEFORE_2011: Note = Note::new(
    "no_visa_de_regularisation_before_2011",
    "Le droit de visa de régularisation n'existe pas avant le 1er janvier 2011 (L. 311-13 D, loi 2010-1657) : rien n'est dû à ce titre.",
    "The visa de régularisation does not exist before 1 January 2011 (L. 311-13 D, loi 2010-1657): nothing is due for it.",
);
pub(crate) const NO_LATE_CHARGE_BEFORE_2011: Note = Note::new(
    "no_late_renewal_charge",
    "Aucun texte de la période ne majore un renouvellement demandé après l'expiration du titre (D. 311-18-1, versions de 2009 et 2010).",
    "No text of the period surcharges a renewal requested after the permit expired (D. 311-18-1, 2009 and 2010 versions).",
);
pub(crate) const NO_LATE_CHARGE_2012_12_31: Note = Note::new(
    "no_late_renewal_charge",
    "31 décembre 2012 : le décret 2012-1535 supprime la majoration pour renouvellement tardif, et le droit de 180 € (L. 311-13 D 2°) n'entre en vigueur que le 1er janvier 2013.",
    "31 December 2012: décret 2012-1535 removes the late-renewal surcharge, and the 180 € charge (L. 311-13 D 2°) applies only from 1 January 2013.",
);
pub(crate) const NO_CHANGE_CHARGE_BEFORE_STAMP: Note = Note::new(
    "no_change_of_details_charge",
    "Avant le droit de timbre (L. 311-16, 1er octobre 2011), aucun texte ne taxe le changement des mentions de la carte.",
    "Before the stamp duty (L. 311-16, 1 October 2011), no text charges a change of the card's details.",
);
pub(crate) const REFUGEE_RENEWAL_EXEMPT: Note = Note::new(
    "refugee_renewal_exempt",
    "L. 311-13 B (loi 2008-1425) : la taxe de renouvellement « n'est pas exigée des réfugiés et des étrangers bénéficiaires de la protection subsidiaire » (jusqu'au 31 décembre 2010).",
    "L. 311-13 B (loi 2008-1425): the renewal tax \"is not required of refugees and beneficiaries of subsidiary protection\" (until 31 December 2010).",
);
pub(crate) const STUDENT_BELOW_MINIMUM: Note = Note::new(
    "below_statutory_minimum",
    "Du 1er janvier au 11 février 2011, le décret fixe à 30 € le renouvellement de la carte étudiant de plus d'un an, sous le minimum de 55 € de L. 311-13 B (loi 2010-1657) : le montant du décret est retenu (un montant non fixé ne peut être perçu).",
    "From 1 January to 11 February 2011 the decree sets 30 € for renewing a student card of more than a year, below the 55 € minimum of L. 311-13 B (loi 2010-1657): the decree's amount is used (an amount not fixed cannot be collected).",
);
pub(crate) const STATUTORY_MAXIMUM_2012_12_31: Note = Note::new(
    "statutory_maximum_applied",
    "31 décembre 2012 : le décret 2012-1535 fixe 241 € pour la carte de résident, mais L. 311-13 B alors en vigueur (loi 2011-1977) plafonne la taxe à 220 € : le plafond légal s'applique (lecture retenue, confiance faible).",
    "31 December 2012: décret 2012-1535 sets 241 € for a resident card, but the L. 311-13 B then in force (loi 2011-1977) caps the tax at 220 €: the legal maximum applies (reading taken, low confidence).",
);
pub(crate) const SURCHARGE_CAPPED_2012_12_31: Note = Note::new(
    "surcharge_capped",
    "Majoration non appliquée : elle porterait la taxe au-delà du plafond de L. 311-13 B en vigueur ce jour (220 €).",
    "Surcharge not applied: it would take the tax above the L. 311-13 B maximum in force that day (220 €).",
);
pub(crate) const SURCHARGE_CAPPED_250: Note = Note::new(
    "surcharge_capped",
    "Majoration non appliquée : elle porterait la taxe au-delà du plafond de 250 € de L. 311-13 B.",
    "Surcharge not applied: it would take the tax above the 250 € maximum of L. 311-13 B.",
);
pub(crate) const RETIREE_NO_DECREE_AMOUNT: Note = Note::new(
    "no_decree_amount",
    "31 décembre 2012 : le décret 2012-1535 ne fixe plus de montant pour la carte « retraité » (2° e) ne vise que la carte de résident et la carte de résident permanent) ; sans montant fixé, rien ne peut être perçu.",
    "31 December 2012: décret 2012-1535 no longer sets an amount for the retiree card (2° e) names only the resident and permanent resident cards); with no amount set, nothing can be collected.",
);
pub(crate) const RENEWAL_UNTAXED_2013: Note = Note::new(
    "renewal_untaxed",
    "L. 311-13 B (loi 2012-1509) : le renouvellement des titres des travailleurs saisonniers et des retraités ne donne pas lieu à la taxe.",
    "L. 311-13 B (loi 2012-1509): the renewal of seasonal workers' and retirees' titles is not taxed.",
);
pub(crate) const CHANGE_OF_STATUS_2012: Note = Note::new(
    "change_of_status_first_issue_tax",
    "L. 311-13 B, 2e alinéa (2012 et 2013) : le titulaire d'une carte « étudiant » ou « stagiaire » qui reçoit une carte à un autre titre acquitte la taxe de première délivrance.",
    "L. 311-13 B, 2nd paragraph (2012 and 2013): a holder of a student or trainee card who receives a card on another ground pays the first-issue tax.",
);
pub(crate) const REUNIFICATION_BEFORE_2008_DECREE: Note = Note::new(
    "reunification_before_2008",
    "D. 311-18-1 1° a) et d) : jusqu'au 31 décembre 2011, pas de taxe pour les conjoints et les enfants entrés par regroupement familial dont la demande a été autorisée avant le 28 décembre 2008 et qui ont acquitté la redevance de l'article R. 421-29 (supposée acquittée).",
    "D. 311-18-1 1° a) and d): until 31 December 2011, no tax for spouses and children who entered through family reunification authorised before 28 December 2008 who paid the R. 421-29 fee (taken as paid).",
);
pub(crate) const EU_CARD_FLAT: Note = Note::new(
    "eu_card_flat_tax",
    "D. 311-18-1 3° : taxe forfaitaire pour le duplicata d'une carte UE (L. 121-1, L. 121-3) ou son renouvellement sans présentation ; pas de droit de timbre.",
    "D. 311-18-1 3°: a flat tax on the duplicate of an EU card (L. 121-1, L. 121-3) or its renewal without the card; no stamp duty.",
);
pub(crate) const EU_CARD_NOT_TAXED: Note = Note::new(
    "eu_card_not_taxed",
    "Avant le 12 février 2011, aucun montant du décret ne vise les cartes UE (documents de L. 121-1, hors des titres de L. 311-2) : non taxées (lecture retenue, confiance moyenne).",
    "Before 12 February 2011 no amount of the decree names EU cards (L. 121-1 documents, outside the L. 311-2 titles): not taxed (reading taken, medium confidence).",
);
pub(crate) const LATE_NOT_FOR_EU_CARDS_2013: Note = Note::new(
    "late_renewal_not_for_eu_cards",
    "Le droit de 180 € vise le renouvellement d'un titre de séjour ; une carte UE (L. 121-1) n'en est pas un : non appliqué (lecture retenue, confiance moyenne).",
    "The 180 € charge applies to the renewal of a residence permit; an EU card (L. 121-1) is not one: not applied (reading taken, medium confidence).",
);
pub(crate) const VICTIMS_L311_18: Note = Note::new(
    "victims_exemption_l311_18",
    "L. 311-18 (loi 2014-873) : la délivrance et le renouvellement du titre des victimes (L. 313-12, L. 316-1, L. 316-3, L. 316-4, L. 431-2) sont exonérés des taxes et du droit de timbre ; le duplicata ne l'est pas.",
    "L. 311-18 (loi 2014-873): the issue and renewal of victims' titles (L. 313-12, L. 316-1, L. 316-3, L. 316-4, L. 431-2) are exempt from the taxes and the stamp duty; a duplicate is not.",
);
pub(crate) const VISA_APPLICATION_DATE_GENERIC: Note = Note::new(
    "visa_de_regularisation_application_date",
    "La part du droit de visa de régularisation perçue lors de la demande est celle en vigueur à la date de la demande ; celle-ci n'étant pas donnée, la date de décision est retenue.",
    "The part of the visa de régularisation collected with the application is the one in force on the application date; none was given, so the decision date is used.",
);
pub(crate) const VISA_TRANSITIONAL_READING: Note = Note::new(
    "visa_de_regularisation_transitional",
    "Demande et décision sous deux lois différentes : part perçue au dépôt selon la loi de la demande, le solde complète le droit de visa de la loi de la décision (lecture retenue par analogie avec la règle transitoire de 2020, confiance moyenne).",
    "Application and decision under two different laws: the part collected at filing follows the application's law, the balance makes up the decision law's whole visa (reading taken by analogy with the 2020 transitional rule, medium confidence).",
);
