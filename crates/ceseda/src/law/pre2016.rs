//! The titles of the CESEDA before the law of 7 March 2016 (in force 1 November 2016), grouped
//! by the articles the decree D. 311-18-1 and L. 311-13 name: the vocabulary the 2009–2016 law
//! files are written in. These groups are facts about the code, not tariffs: each law file says
//! what each group pays. (Research note: `law_timeline.md`, §4 and §5.0.)

use crate::law::types::{Category, Cell, Cond, Member, NoMatch, StampColumn};
use crate::law::{list, no_match};
use crate::model::answer::Note;
use crate::model::permit::Permit::{self, *};
use crate::model::subcase::{CardValidity, FamilyMember};

/// Every title of the period (some exist for part of it only: see each law file's existence list).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const ALL: &[Permit] = &[
    Visiteur, Etudiant, Stagiaire, Scientifique, Artiste, Salarie, TravailleurTemporaire, Commercant, ProfessionNonSalariee,
    TravailleurSaisonnier, SalarieEnMission, CarteBleueEuropeenne, ResidentLongueDureeAutreEtat, AdmissionExceptionnelle, CompetencesEtTalents,
    VpfRegroupementFamilial, VpfEntreeAvant13Ans, VpfAideSocialeEnfance, VpfFamilleSalarieEnMission, VpfConjointDeFrancais, VpfConjointDeScientifique,
    VpfParentEnfantFrancais, VpfDroitAuRespect, VpfNeEnFrance, VpfRenteAccidentMaladie, VpfApatride, VpfFamilleApatride, VpfEtrangerMalade,
    VpfFamilleResidentLongueDuree, VpfProtectionSubsidiaire, VpfFamilleProtectionSubsidiaire, VpfVictimeTraiteViolences,
    CrResidentLongueDureeUe, CrResidentLongueDureeUeCarteBleue, CrResidentLongueDureeUeProtectionInternationale, CrRegroupementFamilial,
    CrParentEnfantFrancais, CrConjointDeFrancais, CrEnfantAscendantDeFrancais, CrRenteAccidentMaladie, CrAncienCombattant, CrLegionnaire,
    CrRefugie, CrFamilleRefugie, CrApatride, CrFamilleApatride, CrNonOptionNationalite, CrPermanent, CrContributionEconomique,
    CrVictimeTraiteViolences, CrAccordBilateral, Retraite, CraRetraite, CraUnAnVisiteurTravailleur, CraUnAnEtudiant, CraUnAnAgentOfficiel,
    CraUnAnVpfMalade, CraUnAnVpf, CraUnAnRegroupementFamilial, CraDixAns, Aps, ApsVictimeProstitution, CarteUe, VlsTs,
];

/// The L. 313-11 titles other than the reunification card (1°) and those priced on their own
/// lines: a minor who entered through family reunification pays the 1° d) / c) rate for them.
pub(crate) const L313_11_ENTERED: &[Member] = &[
    Member { permit: VpfEntreeAvant13Ans, when: Some(Cond::EnteredViaReunification) },
    Member { permit: VpfAideSocialeEnfance, when: Some(Cond::EnteredViaReunification) },
    Member { permit: VpfFamilleSalarieEnMission, when: Some(Cond::EnteredViaReunification) },
    Member { permit: VpfConjointDeFrancais, when: Some(Cond::EnteredViaReunification) },
    Member { permit: VpfConjointDeScientifique, when: Some(Cond::EnteredViaReunification) },
    Member { permit: VpfParentEnfantFrancais, when: Some(Cond::EnteredViaReunification) },
    Member { permit: VpfDroitAuRespect, when: Some(Cond::EnteredViaReunification) },
    Member { permit: VpfNeEnFrance, when: Some(Cond::EnteredViaReunification) },
];

/// L. 311-13 A, 2nd paragraph (wording of 2009; later versions add 2° bis and the 6° of L. 313-10, handled in each law file): "Ces dispositions ne sont pas
/// applicables aux étrangers qui sollicitent un titre de séjour au titre des 10° et 11° de
/// l'article L. 313-11, de l'article L. 313-13 et des 4°, 5°, 6°, 8° et 9° de l'article
/// L. 314-11 ni aux travailleurs temporaires et saisonniers mentionnés aux 1° et 4° de l'article
/// L. 313-10".
pub(crate) const EXEMPT_FIRST_ISSUE: &[Permit] = &[
    TravailleurTemporaire, TravailleurSaisonnier, VpfApatride, VpfFamilleApatride, VpfEtrangerMalade, VpfProtectionSubsidiaire,
    VpfFamilleProtectionSubsidiaire, CrAncienCombattant, CrRefugie, CrFamilleRefugie, CrApatride, CrFamilleApatride,
];

/// The Algerian certificates exempt at first issue under the Franco-Algerian agreement (through
/// L. 311-14 "sauf stipulations contraires"), as seed 002 prints them (M: the agreement is not
/// at hand).
pub(crate) const AGREEMENT_EXEMPT_FIRST_ISSUE: &[Permit] = &[CraUnAnVisiteurTravailleur, CraUnAnVpfMalade, CraUnAnRegroupementFamilial, CraDixAns];

/// Titles that are not among "ceux mentionnés aux 1° à 3° de l'article L. 311-2" (the retiree
/// card is its 4°; EU cards are L. 121-1 documents): no first-issue tax.
pub(crate) const OUTSIDE_FIRST_ISSUE_TAX: &[Permit] = &[Retraite, CraRetraite, CarteUe];

/// Titles whose article requires an earlier residence title: no first issue (sans objet).
pub(crate) const NO_FIRST_ISSUE: &[Permit] = &[
    CrResidentLongueDureeUe, CrResidentLongueDureeUeCarteBleue, CrResidentLongueDureeUeProtectionInternationale, CrPermanent, CrVictimeTraiteViolences,
];

/// Autorisations provisoires de séjour: not cards, outside these taxes.
pub(crate) const APS: &[Permit] = &[Aps, ApsVictimeProstitution];

/// The 1° b) reduced rate: "L. 313-7, L. 313-7-1, au 9° de l'article L. 313-11 et au 3° de
/// l'article L. 314-11" (the one-year Algerian student certificate with them, M).
pub(crate) const REDUCED_FIRST_ISSUE: &[Permit] = &[Etudiant, Stagiaire, VpfRenteAccidentMaladie, CrRenteAccidentMaladie, CraUnAnEtudiant];

/// The titles at the general first-issue rate in every version (1° a): the temporary cards
/// of L. 313-6, L. 313-8, L. 313-9, L. 313-10 2° and 3°, the L. 313-11 cards, the compétences
/// et talents card and the resident cards not priced otherwise, and the Algerian certificates
/// seed 002 prices at 340 (M).
pub(crate) const GENERAL_FIRST_ISSUE: &[Permit] = &[
    Visiteur, Scientifique, Artiste, Commercant, ProfessionNonSalariee, VpfEntreeAvant13Ans, VpfFamilleSalarieEnMission,
    VpfConjointDeFrancais, VpfConjointDeScientifique, VpfParentEnfantFrancais, VpfDroitAuRespect, VpfNeEnFrance, VpfFamilleResidentLongueDuree,
    CompetencesEtTalents, CrEnfantAscendantDeFrancais, CrLegionnaire, CrNonOptionNationalite, CrContributionEconomique,
    CrAccordBilateral, CraUnAnAgentOfficiel, CraUnAnVpf,
];

/// The "salarié" and "salarié en mission" cards (L. 313-10 1° and 5°): a reduced first-issue
/// rate until 31 December 2011.
pub(crate) const SALARIE: &[Permit] = &[Salarie, SalarieEnMission];

/// Renewal: the cards of D. 311-18-1 2° a) of 2009–2010 / b) from 2011 (stagiaire, rentes).
pub(crate) const REDUCED_RENEWAL: &[Permit] = &[Stagiaire, VpfRenteAccidentMaladie, CrRenteAccidentMaladie];

/// Temporary cards renewed for one year (D. 311-18-1 2° c) from 2011): L. 313-1 caps a CST at
/// a year save where an article says otherwise; the Algerian one-year certificates with them (M).
/// `card_validity` "more_than_one_year" for a card its article caps at one year.
pub(crate) const ONE_YEAR_AT_MOST: NoMatch = crate::law::no_match!(
    "card_validity",
    "cette carte de séjour temporaire est délivrée pour un an au plus (L. 313-1) : D. 311-18-1 2° c) la tarife comme carte d'un an",
    "this temporary card is issued for one year at most (L. 313-1): D. 311-18-1 2° c) prices it as a one-year card",
    ["one_year"],
);

/// Titles priced by a reading, not a line of the decree (medium confidence): the Algerian
/// certificates (the Franco-Algerian agreement, not at hand, read through L. 311-14, seed 002
/// the only evidence) and the EU cards (outside the L. 311-2 titles the decree prices).
pub(crate) const READINGS: &[Permit] = &[
    CraRetraite, CraUnAnVisiteurTravailleur, CraUnAnEtudiant, CraUnAnAgentOfficiel, CraUnAnVpfMalade, CraUnAnVpf, CraUnAnRegroupementFamilial, CraDixAns, CarteUe,
];

/// L. 311-13 B from 1 January 2013: "Le renouvellement des titres de séjour autres que ceux
/// délivrés aux étrangers titulaires d'un contrat de travail saisonnier et aux retraités …".
pub(crate) const RENEWAL_OUTSIDE_THE_TAX_2013: &[Permit] = &[TravailleurSaisonnier, Retraite, CraRetraite];

/// The one-year temporary cards (L. 313-1): the renewal of 2° c); a longer card is refused.
pub(crate) const CST_ONE_YEAR: &[Permit] = &[
    Visiteur, Artiste, Salarie, TravailleurTemporaire, Commercant, ProfessionNonSalariee, AdmissionExceptionnelle,
    VpfRegroupementFamilial, VpfEntreeAvant13Ans, VpfAideSocialeEnfance, VpfConjointDeFrancais, VpfConjointDeScientifique,
    VpfParentEnfantFrancais, VpfDroitAuRespect, VpfNeEnFrance, VpfApatride, VpfFamilleApatride, VpfEtrangerMalade,
    VpfFamilleResidentLongueDuree, VpfVictimeTraiteViolences,
    CraUnAnVisiteurTravailleur, CraUnAnAgentOfficiel, CraUnAnVpfMalade, CraUnAnVpf, CraUnAnRegroupementFamilial,
];

/// Temporary cards issued for more than a year where their article allows it, at the
/// one-year rate unless `card_validity` says more (seasonal workers, employees on assignment and
/// Blue Card holders default to the longer card, as their articles give it).
pub(crate) const CST_LONG_BY_DEFAULT: &[Permit] = &[TravailleurSaisonnier, SalarieEnMission, CarteBleueEuropeenne];

/// Temporary cards that may exceed a year but are usually one-year cards.
pub(crate) const CST_SHORT_BY_DEFAULT: &[Permit] = &[VpfFamilleSalarieEnMission, VpfProtectionSubsidiaire, VpfFamilleProtectionSubsidiaire];

/// The resident cards (D. 311-18-1 2° e): carte de résident and carte de résident permanent.
pub(crate) const RESIDENT: &[Permit] = &[
    CrResidentLongueDureeUe, CrResidentLongueDureeUeCarteBleue, CrResidentLongueDureeUeProtectionInternationale, CrRegroupementFamilial,
    CrParentEnfantFrancais, CrConjointDeFrancais, CrEnfantAscendantDeFrancais, CrAncienCombattant, CrLegionnaire, CrRefugie,
    CrFamilleRefugie, CrApatride, CrFamilleApatride, CrNonOptionNationalite, CrPermanent, CrContributionEconomique,
    CrVictimeTraiteViolences, CrAccordBilateral,
];

/// The retiree cards (L. 317-1; the Algerian one with it, M).
pub(crate) const RETIREE: &[Permit] = &[Retraite, CraRetraite];

/// The visa de régularisation's exemptions (L. 311-13 D, 2011–2016): "réfugiés, apatrides et
/// bénéficiaires de la protection subsidiaire et … étrangers mentionnés au 2° bis de l'article
/// L. 313-11, aux 4° à 7° de l'article L. 314-11 et à l'article L. 314-12" — the persons, not
/// their families (M).
pub(crate) const VISA_EXEMPT: &[Permit] = &[
    CrRefugie, VpfApatride, CrApatride, VpfProtectionSubsidiaire, VpfAideSocialeEnfance, CrAncienCombattant, CrLegionnaire, CrNonOptionNationalite,
];

/// The stamp duty (L. 311-16, from 1 October 2011) is due on every card, except as seed 002
/// prints it: EU cards exempt; the one-year Algerian certificates of art. 5, 7 and 7 d not on
/// the first title; the ten-year certificate on duplicates only; APS and VLS-TS outside it.
pub(crate) const STAMP_EXCEPTIONS: &[(Permit, StampColumn)] = &[
    (CarteUe, StampColumn::Exempt),
    (CraUnAnVisiteurTravailleur, StampColumn::NotOnFirstIssue),
    (CraUnAnRegroupementFamilial, StampColumn::NotOnFirstIssue),
    (CraDixAns, StampColumn::DuplicateOnly),
    (Aps, StampColumn::None),
    (ApsVictimeProstitution, StampColumn::None),
    (VlsTs, StampColumn::None),
];

/// (**) of seed 002, which reads D. 311-18-1 3°: students on a one-year card pay the renewal
/// tax without the surcharge (the long-term-resident CST issued as a student card, and the
/// one-year Algerian student certificate, with them).
pub(crate) const STUDENTS_ONE_YEAR: &[Member] = &[
    Member { permit: Etudiant, when: Some(Cond::IfCardValidity(CardValidity::OneYear)) },
    Member { permit: ResidentLongueDureeAutreEtat, when: Some(Cond::AllOf(std::borrow::Cow::Borrowed(&[Cond::IfUnderlying(Etudiant), Cond::IfCardValidity(CardValidity::OneYear)]))) },
    Member { permit: CraUnAnEtudiant, when: None },
];

/// The reunification-before-28-December-2008 exception of D. 311-18-1 1° a) and d) (to
/// 31 December 2011): "des titres délivrés aux conjoints d'étrangers dont la demande de
/// regroupement familial a été autorisée avant le 28 décembre 2008" and "du titre délivré aux
/// enfants" — spouses, and children who entered through reunification.
pub(crate) const REUNIFICATION_EXCEPTION: &[Member] = &[
    Member { permit: VpfRegroupementFamilial, when: Some(Cond::IfFamilyMember(FamilyMember::Spouse)) },
    Member { permit: VpfRegroupementFamilial, when: Some(Cond::AllOf(std::borrow::Cow::Borrowed(&[Cond::IfFamilyMember(FamilyMember::Child), Cond::EnteredViaReunification]))) },
    Member { permit: CrRegroupementFamilial, when: Some(Cond::IfFamilyMember(FamilyMember::Spouse)) },
    Member { permit: CrRegroupementFamilial, when: Some(Cond::AllOf(std::borrow::Cow::Borrowed(&[Cond::IfFamilyMember(FamilyMember::Child), Cond::EnteredViaReunification]))) },
];

pub(crate) const BY_MEMBER: NoMatch = no_match!("family_member", "le décret distingue le conjoint et l'enfant", "the decree prices the spouse and the child differently", ["spouse", "child"]);
pub(crate) const BY_ENTRY: NoMatch = no_match!(
    "entered_via_family_reunification",
    "le décret distingue l'enfant entré par regroupement familial et l'enfant admis au regroupement sur place",
    "the decree prices a child who entered through family reunification and one admitted on site differently",
    ["entered_via_family_reunification: true", "reunification_on_site: true"]
);
pub(crate) const BY_VALIDITY: NoMatch = no_match!("card_validity", "le décret distingue les titres d'un an et ceux de plus d'un an", "the decree prices one-year cards and longer ones differently", ["one_year", "more_than_one_year"]);
pub(crate) const BY_UNDERLYING: NoMatch = no_match!(
    "underlying_permit",
    "L. 313-4-1 : le montant est celui du titre délivré",
    "L. 313-4-1: the amount is that of the title issued",
    ["visiteur", "etudiant", "scientifique", "artiste", "salarie", "travailleur_temporaire", "commercant", "profession_non_salariee"]
);
pub(crate) const BY_ADMISSION_CARD: NoMatch = no_match!("admission_card", "L. 313-14 : le montant est celui de la carte délivrée", "L. 313-14: the amount is that of the card issued", ["vpf", "salarie", "travailleur_temporaire"]);
pub(crate) const NO_PREVIOUS_CST: NoMatch = no_match!(
    "previously_held_cst",
    "une première carte de résident pour le conjoint de Français qui n'a pas détenu de CST ; pour le titulaire d'une CST, c'est un renouvellement",
    "a first resident card for a spouse of a French national who held no CST before; a CST holder's card is a renewal",
    ["false"]
);

/// A category from a label, its permits and its cell.
pub(crate) const fn category(label: &'static str, permits: &'static [Permit], cell: Cell) -> Category {
    Category { label: crate::law::types::t(label), permits: std::borrow::Cow::Borrowed(permits), members: list![], cell }
}

/// A category naming permits under conditions.
pub(crate) const fn category_when(label: &'static str, members: &'static [Member], cell: Cell) -> Category {
    Category { label: crate::law::types::t(label), permits: std::borrow::Cow::Borrowed(&[]), members: std::borrow::Cow::Borrowed(members), cell }
}

/// A note for the first-issue categories that attest a bilateral agreement ((*) of seed 002).
pub(crate) const BILATERAL: &[Note] = &[crate::law::texts::BILATERAL_AGREEMENT];

/// The tax of a category (the decree prints no cell: the amount is the regime's rate).
pub(crate) const fn tax(level: crate::law::types::Level) -> Cell {
    Cell::Due(crate::law::types::Due { tax: Some(level), ..crate::law::types::DUE })
}

/// The tax of a category, with what to say.
pub(crate) const fn tax_noted(level: crate::law::types::Level, notes: &'static [Note]) -> Cell {
    Cell::Due(crate::law::types::Due { tax: Some(level), notes: std::borrow::Cow::Borrowed(notes), ..crate::law::types::DUE })
}

/// Permits that exist for part of 2009–2016 only (research note §4): created or repealed by
/// texts outside the tariff's.
pub(crate) const EXISTENCE: &[crate::law::types::Existence] = &[
    existence(VlsTs, Some(crate::model::date::ymd(2009, 6, 1)), None, "CESEDA R. 311-3 4° à 8° (décret 2009-477): VLS-TS from 1 June 2009"),
    existence(VpfConjointDeScientifique, None, Some(crate::model::date::ymd(2011, 6, 17)), "L. 313-11 5° repealed by loi 2011-672 (18 June 2011)"),
    existence(CarteBleueEuropeenne, Some(crate::model::date::ymd(2011, 9, 30)), None, "L. 313-10 6° (loi 2011-672), in force 30 September 2011"),
    existence(CrResidentLongueDureeUeCarteBleue, Some(crate::model::date::ymd(2011, 9, 30)), None, "L. 314-8-1 (loi 2011-672), in force 30 September 2011"),
    existence(CrResidentLongueDureeUeProtectionInternationale, Some(crate::model::date::ymd(2013, 11, 14)), None, "L. 314-8-2 (loi 2013-1005), in force 14 November 2013"),
    existence(ApsVictimeProstitution, Some(crate::model::date::ymd(2016, 4, 15)), None, "L. 316-1-1 (loi 2016-444), in force 15 April 2016"),
];

const fn existence(permit: Permit, from: Option<chrono::NaiveDate>, until: Option<chrono::NaiveDate>, basis: &'static str) -> crate::law::types::Existence {
    crate::law::types::Existence { permit, from, until, basis: crate::law::types::t(basis) }
}

/// The tax of a category plus a surcharge (a duplicate priced on its own line).
pub(crate) const fn tax_plus(level: crate::law::types::Level, surcharge: crate::law::types::RateKey) -> Cell {
    Cell::Due(crate::law::types::Due { tax: Some(level), surcharge: Some(surcharge), ..crate::law::types::DUE })
}

/// "340 (si non-détention antérieure d'une carte de séjour temporaire)": the first resident card of
/// a spouse of a French national.
pub(crate) const CR_CONJOINT_FIRST_ISSUE: Cell = crate::law::choice!([(Cond::NoPreviousCst, tax(crate::law::types::Level::General))], NO_PREVIOUS_CST);
