//! The DCEM and travel documents (seed 004, measures 8 and 9; article 953 CGI; LEGAL_NOTES).
//!
//! | document | until 1 Jan 2020 | from 2 Jan 2020 | from 1 Mar 2020 |
//! |---|---|---|---|
//! | DCEM | 45 | 50 | 50 |
//! | 5-year refugee travel title | 45 | 45 | 45 |
//! | 1-year titre d'identité et de voyage | 15 | 15 | 15 |
//! | sauf-conduit | 15 | 15 | 15 |
//! | 4-year biometric title, subsidiary protection / stateless, CSP | – | – | 40 |
//! | 5-year biometric title, subsidiary protection, CR | – | – | 45 |
//!
//! Covered from the 2016 regime on (the 2019 note says what the amounts were and stay);
//! the 2026 law leaves them unchanged (LEGAL_NOTES, M). Before 1 Mar 2020 the subsidiary-
//! protection and stateless holders received the 1-year title at 15 €.

use chrono::NaiveDate;

use crate::basis::Subject;
use crate::document::TravelDocument;
use crate::engine::Builder;
use crate::error::Error;
use crate::notes;
use crate::procedure::Procedure;
use crate::quote::{Component, DueAt, Outcome};
use crate::regime::RegimeId;
use crate::tariff::eur;

/// Measure 9: "applicables à partir du 1er mars 2020".
const BIOMETRIC_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2020, 3, 1) {
    Some(d) => d,
    None => NaiveDate::MAX,
};
const ROW_DCEM: &str = "8. Le tarif du document de circulation pour étranger mineur est porté de 45 à 50 €";
const ROW_TRAVEL: &str = "9. Tarif des titres de voyage (article 953 du code général des impôts)";

/// Prices a travel document into `b`.
pub(crate) fn price(b: &mut Builder, doc: TravelDocument) -> Result<(), Error> {
    let regime = b.regime;
    if regime == RegimeId::Table2011 {
        return Err(Error::NotCovered { field: "permit", regime: regime.code(), what: format!("the {} tax in late 2011: no source gives it", doc.code()) });
    }
    // Measure 8 prices the DCEM's "délivrance, renouvellement et duplicata"; measure 9 and
    // article 953 CGI price the travel titles as issued. Nothing else has a source.
    let sourced = match doc {
        TravelDocument::Dcem => matches!(b.req.procedure, Procedure::FirstIssue | Procedure::Renewal | Procedure::Duplicate),
        _ => matches!(b.req.procedure, Procedure::FirstIssue | Procedure::Renewal),
    };
    if !sourced {
        return Err(Error::NotCovered { field: "procedure", regime: regime.code(), what: format!("the {} of a {}: no source prices it", b.req.procedure, doc.code()) });
    }
    let (amount, component, subject, explanation, row) = match doc {
        TravelDocument::Dcem => {
            if b.req.circumstances.eu_status.is_some() {
                b.note(notes::DCEM_EXEMPT);
                b.base = Outcome::Exempt;
                return Ok(());
            }
            let amount = if regime == RegimeId::Table2016 { eur(45) } else { eur(50) };
            (amount, Component::DcemTax, Subject::Dcem, notes::DCEM, ROW_DCEM)
        }
        TravelDocument::TitreVoyageRefugie => (eur(45), Component::TravelDocumentTax, Subject::TravelDocument, notes::TRAVEL_DOCUMENT, ROW_TRAVEL),
        TravelDocument::TitreIdentiteVoyage | TravelDocument::SaufConduit => (eur(15), Component::TravelDocumentTax, Subject::TravelDocument, notes::TRAVEL_DOCUMENT, ROW_TRAVEL),
        TravelDocument::TitreVoyageProtectionSubsidiaire4Ans | TravelDocument::TitreVoyageProtectionSubsidiaire5Ans => {
            if b.date() < BIOMETRIC_FROM {
                return Err(Error::NotCovered {
                    field: "date",
                    regime: regime.code(),
                    what: format!("the {}: issued from 1 March 2020 (seed 004, measure 9); before, the 1-year titre_identite_voyage at 15 €", doc.code()),
                });
            }
            let amount = if doc == TravelDocument::TitreVoyageProtectionSubsidiaire4Ans { eur(40) } else { eur(45) };
            (amount, Component::TravelDocumentTax, Subject::TravelDocument, notes::TRAVEL_DOCUMENT, ROW_TRAVEL)
        }
    };
    b.base = Outcome::AmountDue;
    b.line(component, amount, subject, "004", row, DueAt::AtIssue, explanation);
    Ok(())
}
