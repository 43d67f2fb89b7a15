//! What a quote is for: a residence permit, or one of the separately taxed travel documents
//! (the DCEM for minors and the travel titles of article 953 CGI).

use std::fmt;
use std::str::FromStr;

use crate::model::codes::code_enum;
use crate::model::permit::Permit;
use crate::Error;

code_enum! {
    /// A travel or circulation document taxed on its own (seed 004 measures 8 and 9).
    #[non_exhaustive]
    pub enum TravelDocument ("permit") {
        /// Document de circulation pour étranger mineur (DCEM), L. 311-13 C / L. 436-3.
        Dcem => "dcem", "Document de circulation pour étranger mineur (DCEM)", "Travel document for a foreign minor (DCEM)";
        /// Titre de voyage biométrique de 5 ans pour réfugié ou apatride titulaire d'une carte de résident.
        TitreVoyageRefugie => "titre_voyage_refugie", "Titre de voyage de 5 ans (réfugié, apatride titulaire d'une carte de résident)", "5-year refugee travel document";
        /// Titre d'identité et de voyage d'un an (TIV).
        TitreIdentiteVoyage => "titre_identite_voyage", "Titre d'identité et de voyage d'un an", "1-year identity and travel document";
        /// Sauf-conduit.
        SaufConduit => "sauf_conduit", "Sauf-conduit", "Safe-conduct";
        /// Titre de voyage biométrique de 4 ans, protection subsidiaire ou apatride titulaire d'une carte pluriannuelle (from 1 Mar 2020).
        TitreVoyageProtectionSubsidiaire4Ans => "titre_voyage_protection_subsidiaire_4_ans", "Titre de voyage biométrique de 4 ans (protection subsidiaire, apatride, carte pluriannuelle)", "4-year biometric travel document (subsidiary protection or stateless, multi-year card)";
        /// Titre de voyage biométrique de 5 ans, protection subsidiaire titulaire d'une carte de résident (from 1 Mar 2020).
        TitreVoyageProtectionSubsidiaire5Ans => "titre_voyage_protection_subsidiaire_5_ans", "Titre de voyage biométrique de 5 ans (protection subsidiaire, carte de résident)", "5-year biometric travel document (subsidiary protection, resident card)";
    }
}

/// What is quoted: a residence permit or a travel document. The request field `permit`
/// accepts both kinds of code; they never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Document {
    /// A residence permit.
    Permit(Permit),
    /// A travel or circulation document.
    Travel(TravelDocument),
}

impl Document {
    /// How many documents there are (permits, then travel documents).
    pub const COUNT: usize = Permit::ALL.len() + TravelDocument::ALL.len();

    /// Every document, permits first.
    pub fn all() -> impl Iterator<Item = Document> + Clone {
        Permit::ALL.iter().map(|p| Document::Permit(*p)).chain(TravelDocument::ALL.iter().map(|t| Document::Travel(*t)))
    }

    /// The stable code.
    pub const fn code(self) -> &'static str {
        match self {
            Document::Permit(p) => p.code(),
            Document::Travel(t) => t.code(),
        }
    }

    /// French label.
    pub const fn label_fr(self) -> &'static str {
        match self {
            Document::Permit(p) => p.label_fr(),
            Document::Travel(t) => t.label_fr(),
        }
    }

    /// English label.
    pub const fn label_en(self) -> &'static str {
        match self {
            Document::Permit(p) => p.label_en(),
            Document::Travel(t) => t.label_en(),
        }
    }

    /// Every accepted code, permits first.
    pub fn all_codes() -> impl Iterator<Item = &'static str> {
        Document::all().map(Document::code)
    }

    /// The position in [`Document::all`].
    pub const fn index(self) -> usize {
        match self {
            Document::Permit(p) => p.index(),
            Document::Travel(t) => Permit::ALL.len() + t.index(),
        }
    }

    /// The document at a position of [`Document::all`].
    pub fn from_index(i: usize) -> Option<Document> {
        match Permit::ALL.get(i) {
            Some(p) => Some(Document::Permit(*p)),
            None => TravelDocument::ALL.get(i.checked_sub(Permit::ALL.len())?).map(|t| Document::Travel(*t)),
        }
    }

    /// Parses a permit or travel-document code, naming `field` in the error.
    pub fn parse_field(s: &str, field: &'static str) -> Result<Self, Error> {
        if let Ok(p) = Permit::parse_field(s, field) {
            return Ok(Document::Permit(p));
        }
        TravelDocument::parse_field(s, field).map(Document::Travel).map_err(|_| Error::unknown_code(field, s, Document::all_codes()))
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
        f.pad(self.code())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_round_trip() {
        for (i, d) in Document::all().enumerate() {
            assert_eq!(d.index(), i);
            assert_eq!(Document::from_index(i), Some(d));
        }
        assert_eq!(Document::from_index(Document::COUNT), None);
    }
}
