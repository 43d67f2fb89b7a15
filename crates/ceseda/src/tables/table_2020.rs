//! Seed 004: the January 2020 table annexed to the note of 31 December 2019
//! (NOR INTV1937918J; loi de finances pour 2020, art. 26).
//!
//! Columns: 1ère admission au séjour · renouvellement (y compris changement de statut) ·
//! duplicata. A uniform 200 € tax, one reduced 50 € rate, a 25 € stamp duty; a lone "25" is
//! the stamp duty alone (tax exempt).

use super::Row;
use crate::permit::Permit::*;
use crate::subcase::AdmissionCard;
use crate::tariff::{cell, Cell, Cell::*, Cond::*, NoMatch};

const GENERAL: Cell = cell!(225 (200+25));
const REDUCED: Cell = cell!(75 (50+25));

const ON_SITE: NoMatch = NoMatch { field: "reunification_on_site", reason: "the table prices reunification on site at the general rate", expected: &["true", "false"] };
/// "75 (50+25) (***) CST/CSP – Si regroupement familial sur place : 225 (200+25)", in all three columns.
const REGROUPEMENT_FAMILIAL: Cell = Choice(&[(OnSite, GENERAL), (Otherwise, REDUCED)], ON_SITE);

pub(crate) static TABLE: &[Row] = &[
    Row::same("Cartes «UE et «UE- membre de famille» L. 121-1, L. 121-3, L. 122-1", &[CarteUe], Exempt),
    Row::same("APS Volontariat associatif-Jeune professionnel-Parent enfant malade- L. 311-10 -L. 311-11 -L. 311-12 / Autres autorisations provisoires de séjour", &[Aps], HorsChamp),
    Row::same("CST Visiteur - L. 313-6", &[Visiteur], GENERAL),
    Row::same("CST/CSP Etudiant - L. 313-7 - L. 313-18", &[Etudiant], REDUCED),
    Row::same("CST Stagiaire - L. 313-7-1", &[Stagiaire], REDUCED),
    Row::same("CST Stagiaire ICT - CST Stagiaire ICT (famille) - L. 313-7-2 I", &[StagiaireIct], GENERAL),
    Row::same("CST Stagiaire mobile ICT - CST Stagiaire mobile (famille) - L. 313-7-2 II", &[StagiaireMobileIct], GENERAL),
    Row::same("CST Recherche d'emploi ou création d'entreprise - L. 313-8", &[RechercheEmploiCreationEntreprise], REDUCED),
    Row::same("CST Jeune au pair - L. 313-9", &[JeuneAuPair], REDUCED),
    Row::same("CST/CSP Salarié - L. 313-10 1 -L. 313-17", &[Salarie], GENERAL),
    Row::same("CST/CSP Salarié - Admission exceptionnelle- Activité solidaire-Aide sociale enfance - L. 313-14 - L. 313-14-1 - L. 313-15 - L. 313-17", &[], GENERAL)
        .also(&[(AdmissionExceptionnelle, Admission(AdmissionCard::Salarie))]),
    Row::same("CST Travailleur temporaire - L. 313-10 2°", &[TravailleurTemporaire], GENERAL),
    Row::same("CST/CSP Travailleur temporaire - Admission exceptionnelle- Activité solidaire- Aide sociale enfance - L. 313-14 - L. 313-14-1 - L. 313-15", &[], GENERAL)
        .also(&[(AdmissionExceptionnelle, Admission(AdmissionCard::TravailleurTemporaire))]),
    Row::same("CST/CSP Entrepreneur/profession libérale - L.313-10 3°- L. 313-17", &[EntrepreneurProfessionLiberale], GENERAL),
    Row::same("CST/CSP VPF - Regroupement familial - Conjoint-Enfant - L. 313-11 1° - L. 313-17", &[VpfRegroupementFamilial], REGROUPEMENT_FAMILIAL).violence_exemption(),
    Row::same("CST/CSP VPF - Entrée avant 13 ans - L. 313-11 2° - L. 313-17", &[VpfEntreeAvant13Ans], GENERAL),
    Row::new("CST/CSP VPF - Aide sociale enfance - L. 313-11 2° bis - L. 313-17", &[VpfAideSocialeEnfance], cell!(25), GENERAL, GENERAL),
    Row::same("CST/CSP VPF - Conjoint de Français - L. 313-11 4° - L. 313-17", &[VpfConjointDeFrancais], GENERAL).violence_exemption(),
    Row::same("CST/CSP VPF - Parent d'enfant français -L. 313-11 6° - L. 313-17", &[VpfParentEnfantFrancais], GENERAL),
    Row::new("CST/CSP VPF - Droit respect de la VPF - L. 313-11 7° - L. 313-17", &[VpfDroitAuRespect],
        cell!(225 (250+25), erratum = "004-vpf-droit-au-respect-first-issue"), GENERAL, GENERAL),
    Row::same("CST/CSP VPF - Né en France - L. 313-11 8° - L. 313-17", &[VpfNeEnFrance], GENERAL),
    Row::new("CST/CSP VPF - Rente accident-maladie - L. 313-11 9° - L. 313-17", &[VpfRenteAccidentMaladie],
        REDUCED, REDUCED, cell!(75 (50+75), erratum = "004-vpf-rente-accident-maladie-duplicate")),
    Row::new("CST/CSP VPF - Maladie - L. 313-11-11°", &[VpfEtrangerMalade], cell!(25), GENERAL, GENERAL),
    Row::same("CST/CSP VPF - Conjoint et enfant de titulaire du statut RLD-UE dans un autre Etat membre - L. 313-11-1 - L. 313-17", &[VpfFamilleResidentLongueDuree], GENERAL),
    Row::same("CST/CSP VPF - Admission exceptionnelle au séjour - Activité solidaire - L. 313-14 - L. 313-14-1", &[], GENERAL)
        .also(&[(AdmissionExceptionnelle, Admission(AdmissionCard::Vpf))]),
    Row::same("CST VPF - Plainte/témoignage des victimes de traite ou proxénétisme - Ordonnance protection des victimes de violences conjugales - L. 316-1-L. 316-3", &[VpfVictimeTraiteViolences], Exempt),
    Row::same("CSP Passeport talents - Salarié - L. 313-20 1°", &[TalentSalarie], GENERAL),
    Row::same("CSP Passeport talents - Carte bleue européenne - L. 313-20 2°", &[TalentCarteBleueEuropeenne], GENERAL),
    Row::same("CSP Passeport talents - Salarié en mission - L. 313-20 3°", &[TalentSalarieEnMission], GENERAL),
    Row::same("CSP Passeport talents - Chercheur - Mobilité - L. 313-20 4°", &[TalentChercheur], GENERAL),
    Row::same("CSP Passeport talents - Créateur d'entreprise - Innovateur - Investisseur - Représentant légal de société - L. 313-20 5°, 6°, 7° et 8°", &[TalentCreateurEntreprise], GENERAL),
    Row::same("CSP Passeport talents - Artiste-interprète - L. 313-20 9°", &[TalentArtisteInterprete], GENERAL),
    Row::same("CSP Passeport talents - Etranger renommé - L. 313-20 10°", &[TalentRenomme], GENERAL),
    Row::same("CSP Passeport talents - Famille - L. 313-21", &[TalentFamille], GENERAL),
    Row::same("CSP Travailleur saisonnier - L. 313-23", &[TravailleurSaisonnier], REDUCED),
    Row::same("CSP Salarié détaché ICT - CSP Salarié détaché (famille) - L. 313-24", &[SalarieDetacheIct], GENERAL),
    Row::same("CSP Salarié détaché mobile - CSP Salarié détaché mobile (famille) - L. 313-24", &[SalarieDetacheMobileIct], GENERAL),
    Row::new("CSP Protégé subsidiaire et conjoint, partenaire, enfant, ascendant de mineur - L. 313-25", &[VpfProtectionSubsidiaire, VpfFamilleProtectionSubsidiaire], cell!(25), GENERAL, GENERAL),
    Row::new("CSP Apatride et conjoint, partenaire, enfant, ascendant de mineur - L. 313-26", &[VpfApatride, VpfFamilleApatride], cell!(25), GENERAL, GENERAL),
    Row::same("CSP Etudiant en mobilité - L. 313-27", &[EtudiantMobilite], REDUCED),
    Row::new("CR - RLD-UE après 5 ans de séjour régulier - L. 314-8", &[CrResidentLongueDureeUe], SansObjet, GENERAL, GENERAL),
    Row::new("CR - RLD-UE après 5 ans de séjour sous carte bleue européenne - L. 314-8-1", &[CrResidentLongueDureeUeCarteBleue], SansObjet, GENERAL, GENERAL),
    Row::same("CR - RLD-UE - Réfugié - Protégé subsidiaire - L. 314-8-2", &[CrResidentLongueDureeUeProtectionInternationale], GENERAL),
    Row::same("CR - Regroupement familial - Conjoint - Enfant - L. 314-9 1°", &[CrRegroupementFamilial], GENERAL),
    Row::same("CR - Parent d'enfant français - L. 314-9 2°", &[CrParentEnfantFrancais], GENERAL),
    Row::same("CR - Conjoint de Français - L. 314-9 3°", &[CrConjointDeFrancais], GENERAL),
    Row::same("CR - Enfant ou ascendant de Français - L. 314-11 2°", &[CrEnfantAscendantDeFrancais], GENERAL),
    Row::same("CR - Rente accident-maladie - L. 314-11 3°", &[CrRenteAccidentMaladie], REDUCED),
    Row::new("CR - Anciens combattants - L. 314-11 4°, 5° et 6°", &[CrAncienCombattant], cell!(25), GENERAL, GENERAL),
    Row::same("CR - Légionnaire - L. 314-11 7°", &[CrLegionnaire], GENERAL),
    Row::new("CR - Réfugié - L. 314-11 8°", &[CrRefugie], cell!(25), GENERAL, GENERAL),
    Row::new("CR - Famille de réfugié (conjoint, partenaire, enfant, ascendant de mineur) - L. 314-11 8°", &[CrFamilleRefugie], cell!(25), GENERAL, GENERAL),
    Row::new("CR - Apatride - Famille d'apatride - L. 314-11 9°", &[CrApatride, CrFamilleApatride], SansObjet, GENERAL, GENERAL),
    Row::new("CR - Protégé subsidiaire - Famille de protégé - L. 314-11 12°", &[CrProtectionSubsidiaire], SansObjet, GENERAL, GENERAL),
    Row::same("CR - Retraité - L. 314-11 11°", &[CrRetraite], GENERAL),
    Row::same("CR - Non-option nationalité française - L. 314-12", &[CrNonOptionNationalite], GENERAL),
    Row::same("CR - Permanent - L. 314-14", &[CrPermanent], GENERAL),
    Row::same("CR Victime traite/proxénétisme/violences conjugales - L. 316-4", &[CrVictimeTraiteViolences], Exempt),
    Row::same("Carte de séjour Retraité et conjoint - L. 317-1", &[Retraite], cell!(25)),
    Row::new("CRA 1 an (art. 5 et 7 accord) - Visiteur - Travailleur salarié et temporaire - Commerçant - Artisan - Travailleur non salarié - Scientifique - Artiste", &[CraUnAnVisiteurTravailleur], Exempt, GENERAL, GENERAL),
    Row::same("CRA 1 an - Etudiant - Stagiaire (titre III protocole)", &[CraUnAnEtudiant], REDUCED),
    Row::same("CRA 1 an - Agent officiel (titre III protocole)", &[CraUnAnAgentOfficiel], GENERAL),
    Row::new("CRA 1 an VPF - Maladie (art. 6-7 accord)", &[CraUnAnVpfMalade], cell!(25), GENERAL, GENERAL),
    Row::same("CRA 1 an VPF - (art. 6, 1 à 6 accord) - Résidence de plus 10 ans - Conjoint de Français-Conjoint de scientifique-Parent d'enfant français-VPF- Né en France", &[CraUnAnVpf], GENERAL),
    Row::new("CRA 1 an VPF - Regroupement familial (art. 7 -d accord)", &[CraUnAnRegroupementFamilial], Exempt, GENERAL, GENERAL),
    // Measure 7: the stamp duty is due on the duplicate of any title, CRA included.
    Row::new("CRA 10 ans (art. 7 bis accord)", &[CraDixAns], Exempt, Exempt, cell!(25)),
    Row::same("CRA 10 ans - Retraité et conjoint - Art 7ter accord", &[CraRetraite], cell!(25)),
    Row::same("CR - Application article 10 accord franco-tunisien - Autres accords bilatéraux", &[CrAccordBilateral], GENERAL),
    Row::same("CR - Andorrans - Convention franco-hispano-andorrane", &[CrAndorran], Exempt),
    Row::new("Visa de long séjour valant titre de séjour", &[VlsTs], SameAsReplaced, SansObjet, SansObjet),
];

/// The uniform rate (measure 1) and the single reduced rate (measure 2).
pub(crate) const GENERAL_TAX: rust_decimal::Decimal = crate::tariff::eur(200);
pub(crate) const REDUCED_TAX: rust_decimal::Decimal = crate::tariff::eur(50);
/// The stamp duty (measure 7).
pub(crate) const STAMP: rust_decimal::Decimal = crate::tariff::eur(25);
