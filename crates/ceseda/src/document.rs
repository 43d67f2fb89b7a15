//! What a quote is for: a residence permit, or one of the separately taxed travel documents
//! (the DCEM for minors and the travel titles of article 953 CGI).

use std::fmt;
use std::str::FromStr;

use crate::codes::code_enum;
use crate::error::Error;
use crate::permit::Permit;

code_enum! {
    /// A travel or circulation document taxed on its own (seed 004 measures 8 and 9).
    #[non_exhaustive]
    pub enum TravelDocument ("permit") {
        /// Document de circulation pour étranger mineur (DCEM), L. 311-13 C / L. 436-3.
        Dcem => "dcem",
        /// Titre de voyage biométrique de 5 ans pour réfugié ou apatride titulaire d'une carte de résident.
        TitreVoyageRefugie => "titre_voyage_refugie",
        /// Titre d'identité et de voyage d'un an (TIV).
        TitreIdentiteVoyage => "titre_identite_voyage",
        /// Sauf-conduit.
        SaufConduit => "sauf_conduit",
        /// Titre de voyage biométrique de 4 ans, protection subsidiaire ou apatride titulaire d'une carte pluriannuelle (from 1 Mar 2020).
        TitreVoyageProtectionSubsidiaire4Ans => "titre_voyage_protection_subsidiaire_4_ans",
        /// Titre de voyage biométrique de 5 ans, protection subsidiaire titulaire d'une carte de résident (from 1 Mar 2020).
        TitreVoyageProtectionSubsidiaire5Ans => "titre_voyage_protection_subsidiaire_5_ans",
    }
}

impl TravelDocument {
    /// French label.
    pub const fn label_fr(self) -> &'static str {
        match self {
            TravelDocument::Dcem => "Document de circulation pour étranger mineur (DCEM)",
            TravelDocument::TitreVoyageRefugie => "Titre de voyage de 5 ans (réfugié, apatride titulaire d'une carte de résident)",
            TravelDocument::TitreIdentiteVoyage => "Titre d'identité et de voyage d'un an",
            TravelDocument::SaufConduit => "Sauf-conduit",
            TravelDocument::TitreVoyageProtectionSubsidiaire4Ans => "Titre de voyage biométrique de 4 ans (protection subsidiaire, apatride, carte pluriannuelle)",
            TravelDocument::TitreVoyageProtectionSubsidiaire5Ans => "Titre de voyage biométrique de 5 ans (protection subsidiaire, carte de résident)",
        }
    }

    /// English label.
    pub const fn label_en(self) -> &'static str {
        match self {
            TravelDocument::Dcem => "Travel document for a foreign minor (DCEM)",
            TravelDocument::TitreVoyageRefugie => "5-year refugee travel document",
            TravelDocument::TitreIdentiteVoyage => "1-year identity and travel document",
            TravelDocument::SaufConduit => "Safe-conduct",
            TravelDocument::TitreVoyageProtectionSubsidiaire4Ans => "4-year biometric travel document (subsidiary protection or stateless, multi-year card)",
            TravelDocument::TitreVoyageProtectionSubsidiaire5Ans => "5-year biometric travel document (subsidiary protection, resident card)",
        }
    }
}

/// What is quoted: a residence permit or a travel document. The request field `permit`
/// accepts both kinds of code; they never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Document {
    /// A residence permit.
    Permit(Permit),
    /// A travel or circulation document.
    Travel(TravelDocument),
}

impl Document {
    /// The stable code.
    pub const fn code(self) -> &'static str {
        match self {
            Document::Permit(p) => p.code(),
            Document::Travel(t) => t.code(),
        }
    }

    /// Every accepted code, permits first.
    pub fn all_codes() -> impl Iterator<Item = &'static str> {
        Permit::ALL.iter().map(|p| p.code()).chain(TravelDocument::ALL.iter().map(|t| t.code()))
    }

    /// Parses a permit or travel-document code, naming `field` in the error.
    pub fn parse_field(s: &str, field: &'static str) -> Result<Self, Error> {
        if let Ok(p) = s.parse::<Permit>() {
            return Ok(Document::Permit(p));
        }
        TravelDocument::parse_field(s, field)
            .map(Document::Travel)
            .map_err(|_| Error::unknown_code(field, s, Document::all_codes()))
    }
}

impl From<Permit> for Document {
    fn from(p: Permit) -> Self {
        Document::Permit(p)
    }
}

impl From<TravelDocument> for Document {
    fn from(t: TravelDocument) -> Self {
        Document::Travel(t)
    }
}

impl FromStr for Document {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Document::parse_field(s, "permit")
    }
}

impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Document {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Document {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
