//! Seed 003: « Taxes et droits acquittés par les ressortissants étrangers sur les titres de
//! séjour – novembre 2016 » (articles L. 311-13, 311-14, 311-16, 311-18 et D. 311-18-1).
//!
//! Columns: 1er titre · renouvellement (y compris changement de motif) · duplicata /
//! renouvellement sans présentation du titre échu. Cells read "total (taxe+timbre)" or
//! "total (taxe+majoration+timbre)"; a lone figure is the 19 € stamp duty alone.

use super::Row;
use crate::permit::Permit::*;
use crate::subcase::{AdmissionCard, CardKind::*, CardValidity::*, FamilyMember::*};
use crate::tariff::{cell, tax, Cell, Cell::*, Cond::*, NoMatch};

const GENERAL: Cell = cell!(269 (250+19));

const BY_CARD_KIND: NoMatch = NoMatch { field: "card_kind", reason: "the table prices the CST and the CSP differently", expected: &["cst", "csp"] };
const BY_MEMBER: NoMatch = NoMatch { field: "family_member", reason: "the table prices the spouse and the child differently", expected: &["spouse", "child"] };
const BY_ENTRY: NoMatch = NoMatch {
    field: "entered_via_family_reunification",
    reason: "the table prices a child who entered through family reunification (139) and one admitted on site (269)",
    expected: &["entered_via_family_reunification: true", "reunification_on_site: true"],
};
const NO_PREVIOUS_CST: NoMatch = NoMatch {
    field: "previously_held_cst",
    reason: "the table prices a first resident card for a spouse of a French national who held no CST before; a CST holder's card is a renewal (change of status)",
    expected: &["false"],
};

/// "25" alone, where the stamp duty is 19: read as the tax (see erratum 003-carte-ue-duplicate).
const CARTE_UE_DUPLICATE: Cell = match tax!(25) {
    Due { printed, printed_total, parts, .. } => Due { printed, printed_total, parts, erratum: Some("003-carte-ue-duplicate") },
    other => other,
};

/// "139 (120+19) si entrés par RF / 269 (250+19) si RF sur place (*)".
const CR_ENFANTS_FIRST_ISSUE: Cell = Choice(&[(OnSite, GENERAL), (EnteredViaReunification, cell!(139 (120+19)))], BY_ENTRY);

pub(crate) static TABLE: &[Row] = &[
    Row::same("CST Visiteur - L. 313-4-1 1° - L. 313-6", &[Visiteur], GENERAL),
    Row::new("CST/CSP Etudiant - L. 313-4-1 2° - L. 313-7 - L. 313-17 - L. 313-18", &[Etudiant],
        cell!(79 (60+19)),
        Choice(&[(Card(Cst), cell!(49 (30+19))), (Card(Csp), cell!(79 (60+19)))], BY_CARD_KIND),
        Choice(&[
            (Card(Cst), cell!(49 (30+19))),
            (CardAndValidity(Csp, MoreThanOneYear), cell!(95 (60+16+19))),
            (CardAndValidity(Csp, OneYear), cell!(79 (60+19))),
        ], BY_CARD_KIND)),
    Row::new("CST Stagiaire - L. 313-7-1", &[Stagiaire], cell!(79 (60+19)), cell!(139 (120+19)), cell!(155 (120+16+19))),
    Row::new("CST Stagiaire ICT - CST Stagiaire ICT (famille) - L. 313-7-2 I", &[StagiaireIct], cell!(79 (60+19)), cell!(139 (120+19)), cell!(155 (120+16+19))),
    Row::new("CST Stagiaire mobile ICT - CST Stagiaire mobile (famille) - L. 313-7-2 II", &[StagiaireMobileIct], cell!(79 (60+19)), cell!(139 (120+19)), cell!(155 (120+16+19))),
    Row::same("CST/CSP Salarié - L. 313-4-1 5° - L. 313-10 1° - L. 313-14 - L. 313-15 - L. 313-17", &[Salarie], GENERAL)
        .also(&[(AdmissionExceptionnelle, Admission(AdmissionCard::Salarie))]),
    Row::new("CST Travailleur temporaire - L. 313-4-1 5° - L. 313-10 2° - L. 313-14 - L. 313-15", &[TravailleurTemporaire], cell!(19), GENERAL, GENERAL)
        .also(&[(AdmissionExceptionnelle, Admission(AdmissionCard::TravailleurTemporaire))]),
    Row::same("CST/CSP Entrepreneur/profession libérale - L.313-4-1 5° - L.313-10 3° - L. 313-17", &[EntrepreneurProfessionLiberale], GENERAL),
    Row::new("CST/CSP VPF - Regroupement familial (RF) - L. 313-11 1° - L. 313-17", &[VpfRegroupementFamilial],
        Choice(&[(OnSite, GENERAL), (Member(Spouse), GENERAL), (Member(Child), cell!(139 (120+19)))], BY_MEMBER),
        Choice(&[(Member(Spouse), GENERAL), (Member(Child), cell!(139 (120+19)))], BY_MEMBER),
        Choice(&[(Member(Spouse), GENERAL), (Member(Child), cell!(155 (120+16+19)))], BY_MEMBER))
        .violence_exemption(),
    Row::same("CST/CSP VPF - Entrée avant 13 ans - L. 313-11 2° - L. 313-17", &[VpfEntreeAvant13Ans], GENERAL),
    Row::new("CST/CSP VPF - Aide sociale enfance - L. 313-11 2° bis - L. 313-17", &[VpfAideSocialeEnfance], cell!(19), GENERAL, GENERAL),
    Row::same("CST/CSP VPF - Conjoint de Français - L. 313-11 4° - L. 313-17", &[VpfConjointDeFrancais], GENERAL).violence_exemption(),
    Row::same("CST/CSP VPF - Parent d'enfant français - L. 313-11 6° - L. 313-17", &[VpfParentEnfantFrancais], GENERAL),
    Row::same("CST/CSP VPF - Droit respect de la VPF - L. 313-11 7° - L. 313-17", &[VpfDroitAuRespect], GENERAL),
    Row::same("CST/CSP VPF - Né en France - L. 313-11 8° - L. 313-17", &[VpfNeEnFrance], GENERAL),
    Row::new("CST/CSP VPF - Rente accident-maladie - L. 313-11 9° - L. 313-17", &[VpfRenteAccidentMaladie], cell!(79 (60+19)), cell!(79 (60+19)), cell!(95 (60+16+19))),
    Row::new("CST/CSP VPF - Apatride - L. 313-11 10° - L. 313-17", &[VpfApatride], cell!(19), GENERAL, GENERAL),
    Row::new("CST/CSP VPF - Conjoint et enfant d'apatride - L. 313-11 10° - L. 313-17", &[VpfFamilleApatride], cell!(19), GENERAL, GENERAL),
    Row::new("CST/CSP VPF - Maladie - L. 313-11-11°", &[VpfEtrangerMalade], cell!(19), GENERAL, GENERAL),
    Row::same("CST/CSP VPF - Conjoint et enfant de titulaire du statut RLD-UE dans un autre Etat membre - L. 313-11-1 - L. 313-17", &[VpfFamilleResidentLongueDuree], GENERAL),
    Row::new("CST/CSP VPF - Protection subsidiaire - L. 313-13 - L. 313-17", &[VpfProtectionSubsidiaire], cell!(19), GENERAL, GENERAL),
    Row::new("CST/CSP VPF - Conjoint, partenaire, enfant de protégé subsidiaire - Ascendant d'un mineur sous protection subsidiaire - L. 313-13 - L. 313-17", &[VpfFamilleProtectionSubsidiaire], cell!(19), GENERAL, GENERAL),
    Row::same("CST/CSP VPF - Admission exceptionnelle au séjour - L. 313-14", &[], GENERAL)
        .also(&[(AdmissionExceptionnelle, Admission(AdmissionCard::Vpf))]),
    Row::same("CSP Passeport talents - Salarié - L. 313-20 1°", &[TalentSalarie], GENERAL),
    Row::same("CSP Passeport talents - Carte bleue européenne - L. 313-20 2°", &[TalentCarteBleueEuropeenne], GENERAL),
    Row::same("CSP Passeport talents - Salarié en mission - L. 313-20 3°", &[TalentSalarieEnMission], GENERAL),
    Row::same("CSP Passeport talents - Chercheur - L. 313-4-1 3° - L. 313-20 4°", &[TalentChercheur], GENERAL),
    Row::same("CSP Passeport talents - Créateur d'entreprise - Innovateur - Investisseur - Représentant légal de société - L. 313-20 5°, 6°, 7° et 8°", &[TalentCreateurEntreprise], GENERAL),
    Row::same("CSP Passeport talents - Artiste-interprète - L. 313-4-1 4° - L. 313-20 9°", &[TalentArtisteInterprete], GENERAL),
    Row::same("CSP Passeport talents - Etranger renommé - L. 313-20 10°", &[TalentRenomme], GENERAL),
    Row::new("CSP Passeport talents - Famille - L. 313-21", &[TalentFamille], cell!(19), cell!(19), cell!(269 (250+19), erratum = "003-talent-famille-duplicate")),
    Row::same("CSP Travailleur saisonnier - L. 313-23", &[TravailleurSaisonnier], GENERAL),
    Row::same("CSP Salarié détaché ICT - CSP Salarié détaché (famille) - L. 313-24", &[SalarieDetacheIct], GENERAL),
    Row::same("CSP Salarié détaché mobile - CSP Salarié détaché mobile (famille) - L. 313-24", &[SalarieDetacheMobileIct], GENERAL),
    // Second part of the table: resident cards, victims, retirees, Algerian certificates.
    Row::new("CR - RLD-UE après 5 ans de séjour régulier - L. 314-8", &[CrResidentLongueDureeUe], SansObjet, GENERAL, GENERAL),
    Row::new("CR - RLD-UE après 5 ans de séjour sous carte bleue européenne - L. 314-8-1", &[CrResidentLongueDureeUeCarteBleue], SansObjet, GENERAL, GENERAL),
    Row::same("CR - RLD-UE - Réfugié - Protégé subsidiaire - L. 314-8-2", &[CrResidentLongueDureeUeProtectionInternationale], GENERAL),
    Row::same("CR - Regroupement familial (RF) - Conjoint - L. 314-9 1°", &[], GENERAL)
        .also(&[(CrRegroupementFamilial, Member(Spouse))]),
    Row::new("CR - Regroupement familial (RF) - Enfants - L. 314-9 1°", &[],
        CR_ENFANTS_FIRST_ISSUE, GENERAL, GENERAL)
        .also(&[(CrRegroupementFamilial, Member(Child))]),
    Row::same("CR - Parent d'enfant français - L. 314-9 2°", &[CrParentEnfantFrancais], GENERAL),
    Row::new("CR - Conjoint de Français - L. 314-9 3°", &[CrConjointDeFrancais], Choice(&[(NoPreviousCst, GENERAL)], NO_PREVIOUS_CST), GENERAL, GENERAL),
    Row::new("CR - Enfant ou ascendant de Français - L. 314-11 2°", &[CrEnfantAscendantDeFrancais],
        cell!(69 (250+19), erratum = "003-cr-enfant-ascendant-de-francais-first-issue"), GENERAL, GENERAL),
    Row::new("CR - Rente accident-maladie - L. 314-11 3°", &[CrRenteAccidentMaladie],
        cell!(79 (60+19)), cell!(139 (120+19)), cell!(148 (120+9+19), erratum = "003-cr-rente-accident-maladie-duplicate")),
    Row::new("CR - Anciens combattants - L. 314-11 4°, 5° et 6°", &[CrAncienCombattant], cell!(19), GENERAL, GENERAL),
    Row::same("CR - Légionnaire - L. 314-11 7°", &[CrLegionnaire], GENERAL),
    Row::new("CR - Réfugié - L. 314-11 8°", &[CrRefugie], cell!(19), GENERAL, GENERAL),
    Row::new("CR - Famille de réfugié (conjoint, partenaire, enfant, ascendant de mineur) L.314-11 8°", &[CrFamilleRefugie], cell!(19), GENERAL, GENERAL),
    Row::new("CR - Apatride - L. 314-11 9°", &[CrApatride], SansObjet, GENERAL, GENERAL),
    Row::new("CR - Conjoint et enfant d'apatride - L. 314-11 9°", &[CrFamilleApatride], cell!(19), GENERAL, GENERAL),
    Row::new("CR - Retraité - L. 314-11 11°", &[CrRetraite], SansObjet, GENERAL, GENERAL),
    Row::new("CR - Non option nationalité française - L. 314-12", &[CrNonOptionNationalite], SansObjet, GENERAL, GENERAL),
    Row::new("CR - Permanent - L. 314-14", &[CrPermanent], SansObjet, GENERAL, GENERAL),
    Row::same("APS - Victime prostitution - L. 316-1-1", &[ApsVictimeProstitution], Exempt),
    Row::same("CST VPF - Plainte/témoignage des victimes de traite ou proxénétisme - Ordonnance protection des victimes de violences conjugales - L. 316-1-L. 316-3", &[VpfVictimeTraiteViolences], Exempt),
    Row::same("CR Victime traite/proxénétisme/violences conjugales - L. 316-1 - L. 316-4", &[CrVictimeTraiteViolences], Exempt),
    Row::same("Carte de séjour Retraité et conjoint - L.317-1", &[Retraite], cell!(19)),
    Row::new("CRA I an (art. 5 et 7 accord) - Visiteur - Travailleur salarié et temporaire - Commerçant - Artisan - Travailleur non salarié - Scientifique - Artiste", &[CraUnAnVisiteurTravailleur], Exempt, GENERAL, GENERAL),
    Row::new("CRA I an - Etudiant (titre III protocole)", &[CraUnAnEtudiant], cell!(79 (60+19)), cell!(49 (30+19)), cell!(49 (30+19))),
    Row::same("CRA I an - Agent officiel (titre III protocole)", &[CraUnAnAgentOfficiel], GENERAL),
    Row::new("CRA I an VPF - Maladie (art. 6-7 accord)", &[CraUnAnVpfMalade], cell!(19), GENERAL, GENERAL),
    Row::same("CRA I an VPF (art. 6, sauf point 7) - Résidence de plus 10 ans - Conjoint de Français-Conjoint de scientifique-Parent d'enfant français-VPF- Né en France", &[CraUnAnVpf], GENERAL),
    Row::new("CRA I an VPF - Regroupement familial (art. 7 -d)", &[CraUnAnRegroupementFamilial], Exempt, GENERAL, GENERAL),
    // "Non-présentation du titre échu : 250 (**)": (**) the 19 € stamp is not due under the
    // Franco-Algerian agreement, so the cell is the tax alone.
    Row::new("CRA 10 ans (art. 7 bis)", &[CraDixAns], Exempt, Exempt, GENERAL).without_title(tax!(250)),
    Row::same("CRA 10 ans - Retraité et conjoint - Art 7ter accord franco-algérien", &[CraRetraite], cell!(19)),
    Row::same("APS Volontariat associatif-Jeune professionnel-Parent enfant malade- L. 311- 10-L. 311-11 -L. 311-12 / Autres autorisations provisoires de séjour", &[Aps], HorsChamp),
    // The duplicate's 25 is not the stamp duty (19 € in 2016): it is read as the tax.
    Row::new("Cartes «UE» et «UE- membre de famille» L. 121-1, L. 121-3, L. 122-1", &[CarteUe], Exempt, Exempt, CARTE_UE_DUPLICATE),
    Row::new("Visa de long séjour valant titre de séjour", &[VlsTs], SameAsReplaced, SansObjet, SansObjet),
];

/// The cap of the NB below the table: surcharges are not applied where they would take the
/// tax, stamp duty excluded, above 250 €.
pub(crate) const SURCHARGE_CAP: rust_decimal::Decimal = crate::tariff::eur(250);
/// The stamp duty in 2016.
pub(crate) const STAMP: rust_decimal::Decimal = crate::tariff::eur(19);
/// The surcharge (majoration) on duplicates and renewals without the expired title.
pub(crate) const SURCHARGE: rust_decimal::Decimal = crate::tariff::eur(16);
