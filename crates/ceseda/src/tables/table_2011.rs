//! Seed 002: « Taxes sur les titres de séjour dues à l'OFII (articles L. 311-13 et 311-14 du
//! CESEDA) – Droits de timbre sur les cartes de séjour (article L. 311-16) », in force late 2011.
//!
//! Columns: taxe en 1er titre · taxe en renouvellement · droit de timbre (1er titre et
//! renouvellement). The duplicate column does not exist: footnote (**) prices duplicates,
//! renewals without the expiring title and renewals after expiry as the renewal tax + 15 €.

use super::Listed;
use crate::permit::Permit::{self, *};
use crate::subcase::{AdmissionCard, CardValidity::*, FamilyMember::*};
use crate::tariff::{eur, tax, Cell, Cell::*, Cond, Cond::*, NoMatch};

/// The stamp-duty column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    /// "19".
    Due,
    /// "Exempté si 1er titre, sauf duplicata": due on renewals and duplicates only.
    NotOnFirstIssue,
    /// "Exempté sauf duplicata": due on duplicates only.
    DuplicateOnly,
    /// "Exempté".
    Exempt,
    /// "Hors champ" / "Sans objet": follows the tax cells.
    None,
}

/// A row of the 2011 table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    pub label: &'static str,
    pub permits: &'static [Permit],
    pub also: &'static [(Permit, Cond)],
    pub first_issue: Cell,
    pub renewal: Cell,
    pub stamp: Stamp,
    /// "taxe applicable à partir du 1/1/2012 lorsque le RF a été accordé avant le 28/12/2008".
    pub reunification_before_2008_rule: bool,
}

impl Listed for Row {
    fn permits(&self) -> &'static [Permit] {
        self.permits
    }
    fn also(&self) -> &'static [(Permit, Cond)] {
        self.also
    }
    fn label(&self) -> &'static str {
        self.label
    }
}

const fn row(label: &'static str, permits: &'static [Permit], first_issue: Cell, renewal: Cell) -> Row {
    Row { label, permits, also: &[], first_issue, renewal, stamp: Stamp::Due, reunification_before_2008_rule: false }
}

impl Row {
    const fn stamp(mut self, stamp: Stamp) -> Row {
        self.stamp = stamp;
        self
    }
    const fn also(mut self, also: &'static [(Permit, Cond)]) -> Row {
        self.also = also;
        self
    }
    const fn reunification_before_2008(mut self) -> Row {
        self.reunification_before_2008_rule = true;
        self
    }
}

/// The stamp duty (décret 2011-1070, from 1 Oct 2011).
pub(crate) const STAMP: rust_decimal::Decimal = eur(19);
/// Footnote (**): "Montant de la taxe de renouvellement + 15 euros".
pub(crate) const SURCHARGE: rust_decimal::Decimal = eur(15);

const BY_UNDERLYING: NoMatch = NoMatch {
    field: "underlying_permit",
    reason: "« selon le titre délivré »: the amount is that of the title issued under L. 313-4-1",
    expected: &["visiteur", "etudiant", "scientifique", "artiste", "salarie", "travailleur_temporaire", "commercant", "profession_non_salariee"],
};
const BY_VALIDITY: NoMatch = NoMatch { field: "card_validity", reason: "the table prices one-year cards and longer ones differently", expected: &["one_year", "more_than_one_year"] };
const BY_MEMBER: NoMatch = NoMatch { field: "family_member", reason: "the table prices the spouse (340) and the child (110) differently", expected: &["spouse", "child"] };
const BY_ADMISSION_CARD: NoMatch = NoMatch { field: "admission_card", reason: "the table prices the VPF card (340) and the salarié card (70)", expected: &["vpf", "salarie"] };
const BY_ENTRY: NoMatch = NoMatch {
    field: "entered_via_family_reunification",
    reason: "the table prices children who entered through family reunification (110) and those admitted on site (340)",
    expected: &["entered_via_family_reunification: true", "reunification_on_site: true"],
};
const NO_PREVIOUS_CST: NoMatch = NoMatch {
    field: "previously_held_cst",
    reason: "« si non-détention antérieure d'une carte de séjour temporaire »; a CST holder's card is a renewal",
    expected: &["false"],
};

const ETUDIANT_RENEWAL: Cell = Choice(&[(Validity(OneYear), tax!(30)), (Validity(MoreThanOneYear), tax!(55))], BY_VALIDITY);
const SCIENTIFIQUE_RENEWAL: Cell = Choice(&[(Validity(OneYear), tax!(85)), (Validity(MoreThanOneYear), tax!(110))], BY_VALIDITY);

pub(crate) static TABLE: &[Row] = &[
    // "340 ou 70 ou 55 ou exemption selon le titre délivré" / "30 ou 55 ou 85 ou 110 selon le titre délivré"
    row("CST titulaire statut RLD-CE dans un autre Etat membre – L. 313-4-1", &[ResidentLongueDureeAutreEtat],
        Choice(&[
            (Underlying(Visiteur), tax!(340)), (Underlying(Scientifique), tax!(340)), (Underlying(Artiste), tax!(340)),
            (Underlying(Commercant), tax!(340)), (Underlying(ProfessionNonSalariee), tax!(340)),
            (Underlying(Salarie), tax!(70)), (Underlying(Etudiant), tax!(55)), (Underlying(TravailleurTemporaire), Exempt),
        ], BY_UNDERLYING),
        Choice(&[
            (Underlying(Etudiant), ETUDIANT_RENEWAL), (Underlying(Scientifique), SCIENTIFIQUE_RENEWAL),
            (Underlying(Visiteur), tax!(85)), (Underlying(Artiste), tax!(85)), (Underlying(Commercant), tax!(85)),
            (Underlying(ProfessionNonSalariee), tax!(85)), (Underlying(Salarie), tax!(85)), (Underlying(TravailleurTemporaire), tax!(85)),
        ], BY_UNDERLYING)),
    row("CST visiteur - L. 313-6", &[Visiteur], tax!(340), tax!(85)),
    row("CST étudiant - L. 313-7", &[Etudiant], tax!(55), ETUDIANT_RENEWAL),
    row("CST stagiaire - L. 313-7-1", &[Stagiaire], tax!(55), tax!(55)),
    row("CST scientifique - L. 313-8", &[Scientifique], tax!(340), SCIENTIFIQUE_RENEWAL),
    row("CST artiste - L. 313-9", &[Artiste], tax!(340), tax!(85)),
    row("CST salarié - L. 313-10-1°", &[Salarie], tax!(70), tax!(85)),
    row("CST travailleur temporaire - L. 313-10-1°", &[TravailleurTemporaire], Exempt, tax!(85)),
    row("CST commerçant - L. 313-10-2°", &[Commercant], tax!(340), tax!(85)),
    row("CST profession non salariée - L. 313-10-3°", &[ProfessionNonSalariee], tax!(340), tax!(85)),
    row("CST travailleur saisonnier - L. 313-10-4°", &[TravailleurSaisonnier], Exempt, tax!(110)),
    row("CST salarié en mission - L. 313-10-5°", &[SalarieEnMission], tax!(70), tax!(110)),
    row("CST VPF L. 313-11-1° Regroupement familial (RF)", &[VpfRegroupementFamilial],
        Choice(&[(OnSite, tax!(340)), (Member(Spouse), tax!(340)), (Member(Child), tax!(110))], BY_MEMBER), tax!(85))
        .reunification_before_2008(),
    row("CST VPF - L. 313-11-2° et 2° bis Entrée avant 13 ans – Aide sociale enfance", &[VpfEntreeAvant13Ans, VpfAideSocialeEnfance], tax!(340), tax!(85)),
    row("CST VPF - L. 313-11-3° - Conjoint, enfant de salarié en mission et de titulaire carte compétences-talents", &[VpfFamilleSalarieEnMission], tax!(340), tax!(85)),
    row("CST VPF L. 313-11-4° - Conjoint de Français", &[VpfConjointDeFrancais], tax!(340), tax!(85)),
    row("CST VPF L. 313-11-5° - Conjoint de scientifique", &[VpfConjointDeScientifique], tax!(340), tax!(85)),
    row("CST VPF L. 313-11-6° - Parent d'enfant français", &[VpfParentEnfantFrancais], tax!(340), tax!(85)),
    row("CST VPF L. 313-11-7° - Droit respect de la VPF", &[VpfDroitAuRespect], tax!(340), tax!(85)),
    row("CST VPF L. 313-11-8° - Né en France", &[VpfNeEnFrance], tax!(340), tax!(85)),
    row("CST VPF L. 313-11-9° - Rente accident-maladie", &[VpfRenteAccidentMaladie], tax!(55), tax!(55)),
    row("CST VPF L. 313-11-10° - Apatride – Conjoint et enfant d'apatride", &[VpfApatride, VpfFamilleApatride], Exempt, tax!(85)),
    row("CST VPF Maladie - L. 313-11-11°", &[VpfEtrangerMalade], Exempt, tax!(85)),
    row("CST VPF L. 313-11-1 - Conjoint et enfant de titulaire RLD-CE autre Etat membre", &[VpfFamilleResidentLongueDuree], tax!(340), tax!(85)),
    row("CST VPF - Protection subsidiaire L. 313-13", &[VpfProtectionSubsidiaire], Exempt, tax!(85)),
    row("CST VPF ou salarié - admission exceptionnelle au séjour - L. 313-14", &[AdmissionExceptionnelle],
        Choice(&[(Admission(AdmissionCard::Vpf), tax!(340)), (Admission(AdmissionCard::Salarie), tax!(70))], BY_ADMISSION_CARD),
        Choice(&[(Admission(AdmissionCard::Vpf), tax!(85)), (Admission(AdmissionCard::Salarie), tax!(85))], BY_ADMISSION_CARD)),
    row("CR après 5 ans de séjour régulier L. 314-8", &[CrResidentLongueDureeUe], SansObjet, tax!(140)),
    row("CR – Regroupement familial (RF) - Conjoint - L. 314-9-1°", &[], tax!(340), tax!(140))
        .also(&[(CrRegroupementFamilial, Member(Spouse))]),
    row("CR – Regroupement familial (RF) enfants L. 314-9-1°", &[],
        Choice(&[(OnSite, tax!(340)), (EnteredViaReunification, tax!(110))], BY_ENTRY), tax!(140))
        .also(&[(CrRegroupementFamilial, Member(Child))])
        .reunification_before_2008(),
    row("CR – Parent d'enfant français L. 314-9- 2°", &[CrParentEnfantFrancais], tax!(340), tax!(140)),
    row("CR – Conjoint de Français L. 314-9-3°", &[CrConjointDeFrancais], Choice(&[(NoPreviousCst, tax!(340))], NO_PREVIOUS_CST), tax!(140)),
    row("CR - Enfant ou ascendant de Français - L. 314-11-2°", &[CrEnfantAscendantDeFrancais], tax!(340), tax!(140)),
    row("CR - Rente accident-maladie - L. 314-11-3°", &[CrRenteAccidentMaladie], tax!(55), tax!(55)),
    row("CR - Anciens combattants - L. 314-11-4°, 5°et 6°", &[CrAncienCombattant], Exempt, tax!(140)),
    row("CR – Légionnaire - L. 314-11-7°", &[CrLegionnaire], tax!(340), tax!(140)),
    row("CR – Réfugié – Conjoint et enfant de réfugié L. 314-11-8°", &[CrRefugie, CrFamilleRefugie], Exempt, tax!(140)),
    row("CR – Apatride - Conjoint et enfant d'apatride – L. 314-11-9°", &[CrApatride, CrFamilleApatride], Exempt, tax!(140)),
    row("CR – non option nationalité française - L. 314-12", &[CrNonOptionNationalite], tax!(340), tax!(140)),
    row("CR permanent - L. 314-14", &[CrPermanent], SansObjet, tax!(140)),
    row("CR contribution économique – L 314-15", &[CrContributionEconomique], tax!(340), tax!(140)),
    row("Carte compétences et talents - L. 315-1°", &[CompetencesEtTalents], tax!(340), tax!(110)),
    row("CST VPF dépôt plainte-témoignage -L. 316-1", &[VpfVictimeTraiteViolences], tax!(340), tax!(85)),
    row("CR après dépôt plainte ou témoignage si condamnation du mis en cause L. 316-1", &[CrVictimeTraiteViolences], SansObjet, tax!(140)),
    row("Carte de séjour et CRA - Retraité et conjoint de retraité – L. 317-1 – Art 7 ter accord franco-algérien", &[Retraite, CraRetraite], Exempt, tax!(140)),
    row("Certificat de résidence algérien 1 an (art. 5 et 7 accord) – Visiteur -Travailleur salarié et temporaire - Commerçant –Artisan - Travailleur non salarié - Scientifique - Artiste", &[CraUnAnVisiteurTravailleur], Exempt, tax!(85))
        .stamp(Stamp::NotOnFirstIssue),
    row("CRA 1 an - Etudiant (titre III protocole)", &[CraUnAnEtudiant], tax!(55), tax!(30)),
    row("CRA 1 an - Agent officiel (titre III protocole)", &[CraUnAnAgentOfficiel], tax!(340), tax!(85)),
    row("CRA 1 an VPF maladie (art. 6-7 accord)", &[CraUnAnVpfMalade], Exempt, tax!(85)),
    row("CRA 1 an VPF (art. 6, sauf point 7 accord)", &[CraUnAnVpf], tax!(340), tax!(85)),
    row("CRA 1 an VPF Regroupement familial (art. 7 –d)", &[CraUnAnRegroupementFamilial], Exempt, tax!(85)).stamp(Stamp::NotOnFirstIssue),
    row("CRA 10 ans (art. 7 bis accord)", &[CraDixAns], Exempt, Exempt).stamp(Stamp::DuplicateOnly),
    row("Autorisation provisoire de séjour L. 311-10, L. 311-11 et L. 311-12", &[Aps], HorsChamp, HorsChamp).stamp(Stamp::None),
    row("Cartes « CE » et « CE– membres de famille» L. 121-1 et 121-3", &[CarteUe], Exempt, Exempt).stamp(Stamp::Exempt),
    row("Visa de long séjour valant titre de séjour", &[VlsTs], SameAsReplaced, SansObjet).stamp(Stamp::None),
];

/// Whether footnote (**)'s 15 € surcharge spares this request: students on a one-year CST and
/// one-year CRA students pay the renewal tax alone.
pub(crate) fn surcharge_exempt(permit: Permit, underlying: Option<Permit>, validity: Option<crate::subcase::CardValidity>) -> bool {
    let student = permit == Etudiant || (permit == ResidentLongueDureeAutreEtat && underlying == Some(Etudiant));
    permit == CraUnAnEtudiant || (student && validity == Some(OneYear))
}

/// The date before which a family reunification was granted for the tax to wait until 1 Jan 2012.
pub(crate) const REUNIFICATION_CUTOFF: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2008, 12, 28) {
    Some(d) => d,
    None => chrono::NaiveDate::MIN,
};
