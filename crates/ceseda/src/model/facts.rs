//! The facts of a case: what is asked for, when, the sub-cases the law distinguishes within a
//! row, and the person's circumstances. Rules read these; they never read a request.

use chrono::NaiveDate;

use crate::model::document::Document;
use crate::model::permit::{Permit, PermitFamily};
use crate::model::procedure::Procedure;
use crate::model::subcase::{AdmissionCard, CardKind, CardValidity, EuStatus, FamilyMember};
use crate::Error;

/// Sub-cases the law distinguishes within a row. `None` means "not said"; a row that needs
/// the value then answers with a `missing_sub_case` error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SubCase {
    /// Family reunification: spouse or child.
    pub family_member: Option<FamilyMember>,
    /// Family reunification granted on site (regroupement familial sur place).
    pub reunification_on_site: Option<bool>,
    /// The child entered France through family reunification (entré par RF).
    pub entered_via_family_reunification: Option<bool>,
    /// CST or CSP.
    pub card_kind: Option<CardKind>,
    /// Card valid one year, or more.
    pub card_validity: Option<CardValidity>,
    /// For an exceptional admission (L. 313-14): the card issued.
    pub admission_card: Option<AdmissionCard>,
    /// For a CR for the spouse of a French national: whether a CST was held before.
    pub previously_held_cst: Option<bool>,
    /// The title actually issued, where a row prices "as the title issued or replaced"
    /// (2011 long-term-resident CST; VLS-TS).
    pub underlying_permit: Option<Permit>,
    /// When the family reunification was granted (the tax waited until 1 Jan 2012 for
    /// reunifications granted before 28 Dec 2008).
    pub reunification_granted_on: Option<NaiveDate>,
    /// For a renewal that changes status: the title held before (in 2012 and 2013 a student
    /// or trainee changing status paid the first-issue tax).
    pub previous_permit: Option<Permit>,
}

/// Circumstances of the person and the file. Booleans default to `false`, the common case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Circumstances {
    /// Entered or staying irregularly, or without the required visa: the visa de
    /// régularisation is due before a first title.
    pub irregular_entry: bool,
    /// When the application was filed. It sets the visa de régularisation's part due at filing
    /// (the decision date stands in when absent) and, with `previous_title_expiry`, lateness
    /// (not checked when either is absent).
    pub application_date: Option<NaiveDate>,
    /// Expiry date of the previous title (renewals): with `application_date` it decides lateness.
    pub previous_title_expiry: Option<NaiveDate>,
    /// Force majeure excuses a late renewal.
    pub force_majeure: bool,
    /// Holds a valid visa (excuses a late renewal).
    pub holds_valid_visa: bool,
    /// Victim of domestic violence or of trafficking.
    pub violence_victim: bool,
    /// EU/EEA/Swiss/Andorran citizen, or third-country family member of one.
    pub eu_status: Option<EuStatus>,
    /// Covered by a defence-cooperation agreement (2020 table onwards).
    pub defence_cooperation_agreement: bool,
    /// Algerian national (the CRA rules of the Franco-Algerian agreement).
    pub algerian_national: Option<bool>,
    /// Filed through the online service (ANEF): the R. 431-5 window applies from 1 May 2021.
    pub online_application: Option<bool>,
}

/// The facts a rule reads: the document, the procedure, the decision date, the sub-cases
/// and the circumstances.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// What is quoted.
    pub document: Document,
    /// The procedure.
    pub procedure: Procedure,
    /// The decision date.
    pub date: NaiveDate,
    /// The sub-cases.
    pub sub_case: &'a SubCase,
    /// The circumstances.
    pub circumstances: &'a Circumstances,
}

impl Facts<'_> {
    /// The application date, or the decision date where none is given.
    pub fn application_or_decision_date(&self) -> NaiveDate {
        self.circumstances.application_date.unwrap_or(self.date)
    }

    /// Cross-field checks: facts that contradict each other, whatever the law.
    pub fn validate(&self) -> Result<(), Error> {
        let s = self.sub_case;
        let c = self.circumstances;
        if s.reunification_on_site == Some(true) && s.entered_via_family_reunification == Some(true) {
            return Err(Error::invalid_sub_case(
                "entered_via_family_reunification",
                true,
                "contredit reunification_on_site = true : un enfant est soit entré par regroupement familial, soit admis au regroupement sur place",
                "contradicts reunification_on_site = true: a child either entered through family reunification or was admitted to it on site",
            ));
        }
        if let Some(app) = c.application_date {
            if app > self.date {
                return Err(Error::invalid_sub_case(
                    "application_date",
                    app,
                    format!("est postérieure à la date de décision {} ; une demande précède sa décision", self.date),
                    format!("is after the decision date {}; an application precedes its decision", self.date),
                ));
            }
        }
        if let Document::Permit(p) = self.document {
            if c.eu_status == Some(EuStatus::Citizen) && p.family() != PermitFamily::CitoyenEuropeen {
                return Err(Error::invalid_sub_case(
                    "eu_status",
                    "citizen",
                    format!("un citoyen UE, EEE, suisse ou andorran détient une carte UE (ou la carte de résident andorrane), pas {} ; indiquer eu_status = family_member pour un membre de famille ressortissant d'un pays tiers", p.code()),
                    format!("an EU, EEA, Swiss or Andorran citizen holds a carte UE (or the Andorran resident card), not {}; use eu_status = family_member for a third-country family member", p.code()),
                ));
            }
            if c.algerian_national == Some(false) && p.is_algerian_certificate() {
                return Err(Error::invalid_sub_case(
                    "algerian_national",
                    false,
                    format!("{} est un certificat de résidence algérien, délivré aux seuls ressortissants algériens", p.code()),
                    format!("{} is a certificat de résidence algérien, issued to Algerian nationals only", p.code()),
                ));
            }
            if let Some(u) = s.underlying_permit {
                if u == p || u == Permit::VlsTs || u == Permit::ResidentLongueDureeAutreEtat {
                    return Err(Error::invalid_sub_case(
                        "underlying_permit",
                        u,
                        format!("ne peut pas être le titre remplacé ou délivré pour {}", p.code()),
                        format!("cannot be the title replaced or issued for {}", p.code()),
                    ));
                }
            }
        }
        Ok(())
    }
}
