//! Residence permits (titres de séjour): one variant per permit named in any source.
//!
//! A permit that is the same legal concept across periods is one variant; where an article
//! changed meaning (L. 313-8 was "scientifique" in 2011 and "recherche d'emploi" in 2020),
//! there are two. The article references *as printed* live with each regime's law file
//! (see `crate::law`); this module holds identity, labels and the post-2021 article where
//! `LEGAL_NOTES.md` gives one. It knows nothing of tariffs.

use std::fmt;
use std::str::FromStr;

use crate::Error;

macro_rules! permits {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident => $code:literal, $fr:literal, $en:literal, $family:ident, $art2021:expr;
    )*) => {
        /// A residence permit (titre de séjour) as the seed tables name it.
        ///
        /// The serde name and the [`FromStr`] input are the stable snake_case [`Permit::code`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Permit {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Permit {
            /// Every permit, in the order of the tables.
            pub const ALL: &'static [Permit] = &[ $( Permit::$variant, )* ];
            /// Every permit code, in the same order.
            pub const CODES: &'static [&'static str] = &[ $( $code, )* ];

            /// Stable snake_case code: the serde name and the `FromStr` input in every binding.
            pub const fn code(self) -> &'static str {
                match self { $( Permit::$variant => $code, )* }
            }

            /// The position in [`Permit::ALL`] (the declaration order).
            pub const fn index(self) -> usize {
                self as usize
            }

            /// French label, as the tables word it.
            pub const fn label_fr(self) -> &'static str {
                match self { $( Permit::$variant => $fr, )* }
            }

            /// English label.
            pub const fn label_en(self) -> &'static str {
                match self { $( Permit::$variant => $en, )* }
            }

            /// The kind of card the permit belongs to.
            pub const fn family(self) -> PermitFamily {
                match self { $( Permit::$variant => PermitFamily::$family, )* }
            }

            /// The CESEDA article after the 1 May 2021 recodification, where `LEGAL_NOTES.md`
            /// gives one. `None` means the mapping is not known: none is invented.
            pub const fn article_since_2021(self) -> Option<&'static str> {
                match self { $( Permit::$variant => $art2021, )* }
            }
        }

        impl Permit {
            /// Parses a permit code, naming `field` in the error (e.g. `underlying_permit`).
            pub fn parse_field(s: &str, field: &'static str) -> Result<Permit, Error> {
                match s {
                    $( $code => Ok(Permit::$variant), )*
                    _ => Err(Error::unknown_code(field, s, Permit::ALL.iter().map(|p| p.code()))),
                }
            }
        }

        impl FromStr for Permit {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                Permit::parse_field(s, "permit")
            }
        }
    };
}

/// The kind of card a permit is (used for grouping and for rules that name a family).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PermitFamily {
    /// Carte de séjour temporaire or pluriannuelle (CST/CSP), work, study and visit motives.
    CarteDeSejour,
    /// Carte de séjour « vie privée et familiale » (VPF).
    ViePriveeEtFamiliale,
    /// Carte de résident (CR), ten years.
    CarteDeResident,
    /// Certificat de résidence algérien (CRA), under the Franco-Algerian agreement of 1968.
    CertificatResidenceAlgerien,
    /// Autorisation provisoire de séjour (APS).
    AutorisationProvisoire,
    /// Cards for EU/EEA/Swiss citizens and their families, and the Andorran card.
    CitoyenEuropeen,
    /// Visa de long séjour valant titre de séjour (VLS-TS).
    VisaLongSejour,
}

permits! {
    /// Visiteur (L. 313-6).
    Visiteur => "visiteur", "Visiteur", "Visitor", CarteDeSejour, Some("L. 426-20");
    /// Étudiant, CST or CSP (L. 313-7, L. 313-18).
    Etudiant => "etudiant", "Étudiant", "Student", CarteDeSejour, Some("L. 422-1, L. 422-2");
    /// Étudiant en mobilité, CSP (L. 313-27), 2020 table.
    EtudiantMobilite => "etudiant_mobilite", "Étudiant en mobilité", "Student on an EU mobility programme", CarteDeSejour, Some("L. 422-5");
    /// Stagiaire (L. 313-7-1).
    Stagiaire => "stagiaire", "Stagiaire", "Trainee", CarteDeSejour, Some("L. 426-23");
    /// Stagiaire ICT and family (L. 313-7-2 I).
    StagiaireIct => "stagiaire_ict", "Stagiaire ICT (et famille)", "Intra-corporate transfer trainee (and family)", CarteDeSejour, None;
    /// Stagiaire mobile ICT and family (L. 313-7-2 II).
    StagiaireMobileIct => "stagiaire_mobile_ict", "Stagiaire mobile ICT (et famille)", "Mobile intra-corporate transfer trainee (and family)", CarteDeSejour, None;
    /// Scientifique (L. 313-8 before 2016), 2011 table only.
    Scientifique => "scientifique", "Scientifique", "Scientist", CarteDeSejour, None;
    /// Recherche d'emploi ou création d'entreprise (L. 313-8 from 2016), 2020 table.
    RechercheEmploiCreationEntreprise => "recherche_emploi_creation_entreprise", "Recherche d'emploi ou création d'entreprise", "Job search or business creation", CarteDeSejour, None;
    /// Artiste, profession artistique et culturelle (L. 313-9 before 2016), 2011 table only.
    Artiste => "artiste", "Artiste", "Artist", CarteDeSejour, None;
    /// Jeune au pair (L. 313-9 from 2016), 2020 table.
    JeuneAuPair => "jeune_au_pair", "Jeune au pair", "Au pair", CarteDeSejour, None;
    /// Salarié (L. 313-10 1°).
    Salarie => "salarie", "Salarié", "Employee", CarteDeSejour, Some("L. 421-1");
    /// Travailleur temporaire (L. 313-10 1° in 2011, 2° from 2016).
    TravailleurTemporaire => "travailleur_temporaire", "Travailleur temporaire", "Temporary worker", CarteDeSejour, Some("L. 421-3");
    /// Commerçant (L. 313-10 2°), 2011 table only.
    Commercant => "commercant", "Commerçant", "Trader", CarteDeSejour, None;
    /// Profession non salariée (L. 313-10 3°), 2011 table only.
    ProfessionNonSalariee => "profession_non_salariee", "Profession non salariée", "Self-employed occupation", CarteDeSejour, None;
    /// Entrepreneur / profession libérale (L. 313-10 3° from 2016).
    EntrepreneurProfessionLiberale => "entrepreneur_profession_liberale", "Entrepreneur / profession libérale", "Entrepreneur / liberal profession", CarteDeSejour, None;
    /// Travailleur saisonnier (CST L. 313-10 4° in 2011, CSP L. 313-23 from 2016).
    TravailleurSaisonnier => "travailleur_saisonnier", "Travailleur saisonnier", "Seasonal worker", CarteDeSejour, Some("L. 421-34");
    /// Salarié en mission (L. 313-10 5°), until 31 October 2016.
    SalarieEnMission => "salarie_en_mission", "Salarié en mission", "Employee on assignment", CarteDeSejour, None;
    /// CST « carte bleue européenne » (L. 313-10 6°, loi 2011-672), 30 Sep 2011 – 31 Oct 2016;
    /// the passeport talent – carte bleue européenne (L. 313-20 2°) succeeds it.
    CarteBleueEuropeenne => "carte_bleue_europeenne", "CST « carte bleue européenne » (L. 313-10 6°)", "EU Blue Card, temporary residence card (L. 313-10 6°)", CarteDeSejour, None;
    /// CST for the holder of long-term resident status in another EU state (L. 313-4-1), 2011 table.
    ResidentLongueDureeAutreEtat => "resident_longue_duree_autre_etat", "Titulaire du statut de résident de longue durée-CE dans un autre État membre", "Long-term EU resident of another member state", CarteDeSejour, None;
    /// Admission exceptionnelle au séjour (L. 313-14, and L. 313-14-1, L. 313-15 in 2020).
    AdmissionExceptionnelle => "admission_exceptionnelle", "Admission exceptionnelle au séjour", "Exceptional admission to residence", CarteDeSejour, None;
    /// Passeport talent – salarié qualifié (L. 313-20 1°).
    TalentSalarie => "talent_salarie", "Passeport talent – salarié qualifié", "Talent passport – qualified employee", CarteDeSejour, Some("L. 421-9");
    /// Passeport talent – carte bleue européenne (L. 313-20 2°).
    TalentCarteBleueEuropeenne => "talent_carte_bleue_europeenne", "Passeport talent – carte bleue européenne", "Talent passport – EU Blue Card", CarteDeSejour, None;
    /// Passeport talent – salarié en mission (L. 313-20 3°).
    TalentSalarieEnMission => "talent_salarie_en_mission", "Passeport talent – salarié en mission", "Talent passport – employee on assignment", CarteDeSejour, None;
    /// Passeport talent – chercheur (L. 313-20 4°).
    TalentChercheur => "talent_chercheur", "Passeport talent – chercheur", "Talent passport – researcher", CarteDeSejour, None;
    /// Passeport talent – créateur d'entreprise, innovateur, investisseur, représentant légal (L. 313-20 5° à 8°).
    TalentCreateurEntreprise => "talent_createur_entreprise", "Passeport talent – créateur d'entreprise, innovateur, investisseur, représentant légal", "Talent passport – founder, innovator, investor, company officer", CarteDeSejour, None;
    /// Passeport talent – artiste-interprète (L. 313-20 9°).
    TalentArtisteInterprete => "talent_artiste_interprete", "Passeport talent – artiste-interprète", "Talent passport – performing artist", CarteDeSejour, None;
    /// Passeport talent – étranger renommé (L. 313-20 10°).
    TalentRenomme => "talent_renomme", "Passeport talent – étranger renommé", "Talent passport – person of renown", CarteDeSejour, None;
    /// Passeport talent – famille (L. 313-21).
    TalentFamille => "talent_famille", "Passeport talent – famille", "Talent passport – family member", CarteDeSejour, None;
    /// Passeport talent – profession médicale et de la pharmacie (L. 421-13-1, loi 2024-42).
    TalentProfessionMedicale => "talent_profession_medicale", "Passeport talent – profession médicale et de la pharmacie", "Talent passport – medical and pharmacy professions", CarteDeSejour, Some("L. 421-13-1");
    /// Travail dans des métiers en tension (L. 435-4, loi 2024-42), until 31 December 2026.
    MetiersEnTension => "metiers_en_tension", "Carte « travail dans des métiers en tension »", "Work in occupations with labour shortages", CarteDeSejour, Some("L. 435-4");
    /// Salarié détaché ICT and family (L. 313-24).
    SalarieDetacheIct => "salarie_detache_ict", "Salarié détaché ICT (et famille)", "Intra-corporate transferee (and family)", CarteDeSejour, None;
    /// Salarié détaché mobile ICT and family (L. 313-24).
    SalarieDetacheMobileIct => "salarie_detache_mobile_ict", "Salarié détaché mobile ICT (et famille)", "Mobile intra-corporate transferee (and family)", CarteDeSejour, None;
    /// Carte compétences et talents (L. 315-1), 2011 table only.
    CompetencesEtTalents => "competences_et_talents", "Carte compétences et talents", "Skills and talents card", CarteDeSejour, None;

    /// VPF – regroupement familial (L. 313-11 1°).
    VpfRegroupementFamilial => "vpf_regroupement_familial", "VPF – regroupement familial", "Family life – family reunification", ViePriveeEtFamiliale, None;
    /// VPF – entrée avant 13 ans (L. 313-11 2°).
    VpfEntreeAvant13Ans => "vpf_entree_avant_13_ans", "VPF – entrée en France avant 13 ans", "Family life – arrived before age 13", ViePriveeEtFamiliale, None;
    /// VPF – aide sociale à l'enfance (L. 313-11 2° bis).
    VpfAideSocialeEnfance => "vpf_aide_sociale_enfance", "VPF – aide sociale à l'enfance", "Family life – child welfare (ASE)", ViePriveeEtFamiliale, None;
    /// VPF – conjoint, enfant de salarié en mission ou de titulaire de la carte compétences et talents (L. 313-11 3°), 2011 only.
    VpfFamilleSalarieEnMission => "vpf_famille_salarie_en_mission", "VPF – conjoint, enfant de salarié en mission et de titulaire carte compétences et talents", "Family life – family of an employee on assignment or skills-and-talents holder", ViePriveeEtFamiliale, None;
    /// VPF – conjoint de Français (L. 313-11 4°).
    VpfConjointDeFrancais => "vpf_conjoint_de_francais", "VPF – conjoint de Français", "Family life – spouse of a French national", ViePriveeEtFamiliale, None;
    /// VPF – conjoint de scientifique (L. 313-11 5°), 2011 only.
    VpfConjointDeScientifique => "vpf_conjoint_de_scientifique", "VPF – conjoint de scientifique", "Family life – spouse of a scientist", ViePriveeEtFamiliale, None;
    /// VPF – parent d'enfant français (L. 313-11 6°).
    VpfParentEnfantFrancais => "vpf_parent_enfant_francais", "VPF – parent d'enfant français", "Family life – parent of a French child", ViePriveeEtFamiliale, None;
    /// VPF – droit au respect de la vie privée et familiale (L. 313-11 7°).
    VpfDroitAuRespect => "vpf_droit_au_respect", "VPF – droit au respect de la vie privée et familiale", "Family life – right to respect for private and family life", ViePriveeEtFamiliale, None;
    /// VPF – né en France (L. 313-11 8°).
    VpfNeEnFrance => "vpf_ne_en_france", "VPF – né en France", "Family life – born in France", ViePriveeEtFamiliale, None;
    /// VPF – rente accident du travail ou maladie professionnelle (L. 313-11 9°).
    VpfRenteAccidentMaladie => "vpf_rente_accident_maladie", "VPF – rente accident du travail ou maladie professionnelle", "Family life – work-injury or occupational-disease pension", ViePriveeEtFamiliale, None;
    /// VPF – apatride (L. 313-11 10°; CSP L. 313-26 in 2020).
    VpfApatride => "vpf_apatride", "VPF – apatride", "Family life – stateless person", ViePriveeEtFamiliale, None;
    /// VPF – conjoint et enfant d'apatride (L. 313-11 10°; CSP L. 313-26 in 2020).
    VpfFamilleApatride => "vpf_famille_apatride", "VPF – conjoint et enfant d'apatride", "Family life – family of a stateless person", ViePriveeEtFamiliale, None;
    /// VPF – étranger malade (L. 313-11 11°).
    VpfEtrangerMalade => "vpf_etranger_malade", "VPF – étranger malade", "Family life – medical grounds", ViePriveeEtFamiliale, None;
    /// VPF – conjoint et enfant d'un résident de longue durée-UE d'un autre État (L. 313-11-1).
    VpfFamilleResidentLongueDuree => "vpf_famille_resident_longue_duree", "VPF – conjoint et enfant de titulaire du statut RLD-UE dans un autre État membre", "Family life – family of a long-term EU resident of another state", ViePriveeEtFamiliale, None;
    /// VPF – protection subsidiaire (L. 313-13; CSP L. 313-25 in 2020).
    VpfProtectionSubsidiaire => "vpf_protection_subsidiaire", "VPF – protection subsidiaire", "Family life – subsidiary protection", ViePriveeEtFamiliale, None;
    /// VPF – famille de protégé subsidiaire (L. 313-13; CSP L. 313-25 in 2020).
    VpfFamilleProtectionSubsidiaire => "vpf_famille_protection_subsidiaire", "VPF – conjoint, partenaire, enfant de protégé subsidiaire, ascendant d'un mineur protégé", "Family life – family of a subsidiary-protection beneficiary", ViePriveeEtFamiliale, None;
    /// VPF – victime de traite, proxénétisme ou violences conjugales, plainte ou témoignage (L. 316-1, L. 316-3).
    VpfVictimeTraiteViolences => "vpf_victime_traite_violences", "VPF – plainte ou témoignage : victime de traite, proxénétisme ou violences conjugales", "Family life – victim of trafficking or domestic violence", ViePriveeEtFamiliale, None;

    /// CR – résident de longue durée-UE après 5 ans de séjour régulier (L. 314-8).
    CrResidentLongueDureeUe => "cr_resident_longue_duree_ue", "CR – résident de longue durée-UE après 5 ans de séjour régulier", "Resident card – EU long-term resident after 5 years", CarteDeResident, None;
    /// CR – RLD-UE après 5 ans sous carte bleue européenne (L. 314-8-1).
    CrResidentLongueDureeUeCarteBleue => "cr_resident_longue_duree_ue_carte_bleue", "CR – RLD-UE après 5 ans sous carte bleue européenne", "Resident card – EU long-term resident after 5 years on a Blue Card", CarteDeResident, None;
    /// CR – RLD-UE pour réfugié ou protégé subsidiaire (L. 314-8-2).
    CrResidentLongueDureeUeProtectionInternationale => "cr_resident_longue_duree_ue_protection_internationale", "CR – RLD-UE réfugié ou protégé subsidiaire", "Resident card – EU long-term resident, refugee or subsidiary protection", CarteDeResident, None;
    /// CR – regroupement familial, conjoint ou enfant (L. 314-9 1°).
    CrRegroupementFamilial => "cr_regroupement_familial", "CR – regroupement familial (conjoint, enfants)", "Resident card – family reunification (spouse, children)", CarteDeResident, None;
    /// CR – parent d'enfant français (L. 314-9 2°).
    CrParentEnfantFrancais => "cr_parent_enfant_francais", "CR – parent d'enfant français", "Resident card – parent of a French child", CarteDeResident, None;
    /// CR – conjoint de Français (L. 314-9 3°).
    CrConjointDeFrancais => "cr_conjoint_de_francais", "CR – conjoint de Français", "Resident card – spouse of a French national", CarteDeResident, None;
    /// CR – enfant ou ascendant de Français (L. 314-11 2°).
    CrEnfantAscendantDeFrancais => "cr_enfant_ascendant_de_francais", "CR – enfant ou ascendant de Français", "Resident card – child or dependent parent of a French national", CarteDeResident, None;
    /// CR – rente accident du travail ou maladie professionnelle (L. 314-11 3°).
    CrRenteAccidentMaladie => "cr_rente_accident_maladie", "CR – rente accident du travail ou maladie professionnelle", "Resident card – work-injury or occupational-disease pension", CarteDeResident, None;
    /// CR – anciens combattants (L. 314-11 4°, 5° et 6°).
    CrAncienCombattant => "cr_ancien_combattant", "CR – anciens combattants", "Resident card – war veterans", CarteDeResident, None;
    /// CR – légionnaire (L. 314-11 7°).
    CrLegionnaire => "cr_legionnaire", "CR – légionnaire", "Resident card – Foreign Legion", CarteDeResident, None;
    /// CR – réfugié (L. 314-11 8°).
    CrRefugie => "cr_refugie", "CR – réfugié", "Resident card – refugee", CarteDeResident, None;
    /// CR – famille de réfugié (L. 314-11 8°).
    CrFamilleRefugie => "cr_famille_refugie", "CR – famille de réfugié (conjoint, partenaire, enfant, ascendant de mineur)", "Resident card – refugee's family", CarteDeResident, None;
    /// CR – apatride (L. 314-11 9°).
    CrApatride => "cr_apatride", "CR – apatride", "Resident card – stateless person", CarteDeResident, None;
    /// CR – conjoint et enfant d'apatride (L. 314-11 9°).
    CrFamilleApatride => "cr_famille_apatride", "CR – conjoint et enfant d'apatride", "Resident card – stateless person's family", CarteDeResident, None;
    /// CR – protégé subsidiaire et famille (L. 314-11 12°), 2020 table.
    CrProtectionSubsidiaire => "cr_protection_subsidiaire", "CR – protégé subsidiaire, famille de protégé", "Resident card – subsidiary protection and family", CarteDeResident, None;
    /// CR – retraité (L. 314-11 11°).
    CrRetraite => "cr_retraite", "CR – retraité", "Resident card – retiree", CarteDeResident, None;
    /// CR – non-option pour la nationalité française (L. 314-12).
    CrNonOptionNationalite => "cr_non_option_nationalite", "CR – non-option pour la nationalité française", "Resident card – did not opt for French nationality", CarteDeResident, None;
    /// CR permanent (L. 314-14).
    CrPermanent => "cr_permanent", "CR permanent", "Permanent resident card", CarteDeResident, None;
    /// CR – contribution économique exceptionnelle (L. 314-15), 2011 only.
    CrContributionEconomique => "cr_contribution_economique", "CR – contribution économique exceptionnelle", "Resident card – exceptional economic contribution", CarteDeResident, None;
    /// CR – victime de traite, proxénétisme ou violences conjugales (L. 316-1, L. 316-4).
    CrVictimeTraiteViolences => "cr_victime_traite_violences", "CR – victime de traite, proxénétisme ou violences conjugales", "Resident card – victim of trafficking or domestic violence", CarteDeResident, None;
    /// CR – article 10 de l'accord franco-tunisien et autres accords bilatéraux, 2020 table.
    CrAccordBilateral => "cr_accord_bilateral", "CR – accord franco-tunisien (art. 10) et autres accords bilatéraux", "Resident card – Franco-Tunisian agreement art. 10 and other bilateral agreements", CarteDeResident, None;
    /// CR – Andorrans, convention franco-hispano-andorrane, 2020 table.
    CrAndorran => "cr_andorran", "CR – Andorrans (convention franco-hispano-andorrane)", "Resident card – Andorran nationals", CitoyenEuropeen, None;

    /// Carte de séjour retraité et conjoint (L. 317-1).
    Retraite => "retraite", "Carte de séjour retraité et conjoint", "Retiree card (and spouse)", CarteDeSejour, None;
    /// CRA 10 ans retraité et conjoint (art. 7 ter de l'accord franco-algérien).
    CraRetraite => "cra_retraite", "CRA 10 ans – retraité et conjoint (art. 7 ter)", "Algerian 10-year certificate – retiree and spouse (art. 7 ter)", CertificatResidenceAlgerien, None;
    /// CRA 1 an (art. 5 et 7): visiteur, salarié, temporaire, commerçant, artisan, non salarié, scientifique, artiste.
    CraUnAnVisiteurTravailleur => "cra_un_an_visiteur_travailleur", "CRA 1 an (art. 5 et 7) – visiteur, travailleur salarié et temporaire, commerçant, artisan, non salarié, scientifique, artiste", "Algerian 1-year certificate – visitor or worker (art. 5 and 7)", CertificatResidenceAlgerien, None;
    /// CRA 1 an étudiant (titre III du protocole).
    CraUnAnEtudiant => "cra_un_an_etudiant", "CRA 1 an – étudiant, stagiaire (titre III du protocole)", "Algerian 1-year certificate – student (protocol title III)", CertificatResidenceAlgerien, None;
    /// CRA 1 an agent officiel (titre III du protocole).
    CraUnAnAgentOfficiel => "cra_un_an_agent_officiel", "CRA 1 an – agent officiel (titre III du protocole)", "Algerian 1-year certificate – official agent (protocol title III)", CertificatResidenceAlgerien, None;
    /// CRA 1 an VPF malade (art. 6-7 de l'accord).
    CraUnAnVpfMalade => "cra_un_an_vpf_malade", "CRA 1 an VPF – maladie (art. 6-7)", "Algerian 1-year certificate – family life, medical grounds (art. 6-7)", CertificatResidenceAlgerien, None;
    /// CRA 1 an VPF (art. 6 sauf point 7).
    CraUnAnVpf => "cra_un_an_vpf", "CRA 1 an VPF (art. 6 sauf 7°)", "Algerian 1-year certificate – family life (art. 6 except 7)", CertificatResidenceAlgerien, None;
    /// CRA 1 an VPF regroupement familial (art. 7 d).
    CraUnAnRegroupementFamilial => "cra_un_an_regroupement_familial", "CRA 1 an VPF – regroupement familial (art. 7 d)", "Algerian 1-year certificate – family reunification (art. 7 d)", CertificatResidenceAlgerien, None;
    /// CRA 10 ans (art. 7 bis de l'accord).
    CraDixAns => "cra_dix_ans", "CRA 10 ans (art. 7 bis)", "Algerian 10-year certificate (art. 7 bis)", CertificatResidenceAlgerien, None;

    /// Autorisation provisoire de séjour (L. 311-10, L. 311-11, L. 311-12 and others).
    Aps => "aps", "Autorisation provisoire de séjour", "Temporary residence authorisation (APS)", AutorisationProvisoire, None;
    /// APS victime de la prostitution (L. 316-1-1), 2016 table.
    ApsVictimeProstitution => "aps_victime_prostitution", "APS – victime de la prostitution", "Temporary authorisation – victim of prostitution", AutorisationProvisoire, None;
    /// Cartes « CE »/« UE » and « UE – membre de famille » (L. 121-1, L. 121-3, L. 122-1).
    CarteUe => "carte_ue", "Carte « UE » ou « UE – membre de famille »", "EU citizen or EU family-member card", CitoyenEuropeen, None;
    /// Visa de long séjour valant titre de séjour (VLS-TS).
    VlsTs => "vls_ts", "Visa de long séjour valant titre de séjour", "Long-stay visa equivalent to a residence permit (VLS-TS)", VisaLongSejour, None;
}

impl Permit {
    /// True for the Algerian residence certificates (the CRA rules of the 1968 agreement).
    pub const fn is_algerian_certificate(self) -> bool {
        matches!(self.family(), PermitFamily::CertificatResidenceAlgerien)
    }

    /// Whether the card is issued both to EU/EEA/Swiss citizens and to their third-country
    /// family members, so that `eu_status` decides the charges that exempt citizens only.
    pub const fn eu_status_decides(self) -> bool {
        matches!(self, Permit::CarteUe)
    }

    /// Whether the card is held by Andorran citizens only (the 2020 late-renewal exemption names
    /// "citoyens de l'UE, de l'EEE, de Suisse et d'Andorre", seed 004).
    pub const fn held_by_exempt_citizens(self) -> bool {
        matches!(self, Permit::CrAndorran)
    }

    /// The label in `lang`.
    pub const fn label(self, lang: crate::Lang) -> &'static str {
        lang.pick(self.label_fr(), self.label_en())
    }
}

impl crate::model::codes::Code for Permit {
    const FIELD: &'static str = "permit";
    fn all() -> &'static [Self] {
        Permit::ALL
    }
    fn code(self) -> &'static str {
        Permit::code(self)
    }
    fn label_fr(self) -> &'static str {
        Permit::label_fr(self)
    }
    fn label_en(self) -> &'static str {
        Permit::label_en(self)
    }
}

impl fmt::Display for Permit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl serde::Serialize for Permit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Permit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for p in Permit::ALL {
            assert!(seen.insert(p.code()), "duplicate code {}", p.code());
            assert_eq!(p.code().parse::<Permit>().ok(), Some(*p));
            assert!(p.code().chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'));
        }
    }

    #[test]
    fn unknown_code_names_field_and_choices() {
        let err = "visitor".parse::<Permit>().err();
        let err = err.as_ref().map(|e| (e.code(), e.field(), e.value()));
        assert_eq!(err, Some(("unknown_code", Some("permit"), Some("visitor"))));
    }
}
