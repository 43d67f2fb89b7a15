//! The DCEM and travel documents (seed 004, measures 8 and 9; article 953 CGI).

use crate::law::texts;
use crate::law::types::{Paragraph, RateKey, RegimeLaw, Subject};
use crate::model::answer::{Component, DueAt, Outcome};
use crate::model::document::TravelDocument;
use crate::model::facts::Facts;
use crate::rules::{Charges, LineSpec};
use crate::Error;

/// Prices a travel document; answers the outcome.
pub fn price(law: &RegimeLaw, facts: &Facts<'_>, doc: TravelDocument, charges: &mut Charges) -> Result<Outcome, Error> {
    let regime = law.regime.id.code();
    let travel = match &law.travel {
        Paragraph::In(t) => t,
        Paragraph::NotCovered(what) => return Err(Error::NotCovered { field: "permit", regime, what: Box::new(what_of(doc, what)) }),
        Paragraph::Absent(note) => {
            charges.note_opt(note.as_ref());
            return Ok(Outcome::Exempt);
        }
    };
    let procedure = facts.procedure;
    let (sourced, key, component, subject, explanation, row) = match doc {
        TravelDocument::Dcem => (travel.dcem_procedures.contains(&procedure), RateKey::Dcem, Component::DcemTax, Subject::Dcem, texts::DCEM, &travel.dcem_text),
        _ => (travel.travel_procedures.contains(&procedure), RateKey::Travel(doc), Component::TravelDocumentTax, Subject::TravelDocument, texts::TRAVEL_DOCUMENT, &travel.travel_text),
    };
    if !sourced {
        return Err(Error::not_covered(
            "procedure",
            regime,
            format!("{} d'un {} : aucune source ne le tarife", procedure.label_fr(), doc.code()),
            format!("the {} of a {}: no source prices it", procedure.code(), doc.code()),
        ));
    }
    if doc == TravelDocument::Dcem && travel.dcem_eu_exempt && facts.circumstances.eu_status.is_some() {
        charges.note(&texts::DCEM_EXEMPT);
        return Ok(Outcome::Exempt);
    }
    let Some(amount) = law.amount(key, facts.date) else {
        return Err(Error::NotCovered { field: "date", regime, what: Box::new(what_of(doc, &travel.not_yet_issued)) });
    };
    charges.line(LineSpec { law, date: facts.date, component, amount, subject, seed: travel.seed.clone(), row: row.clone(), due: DueAt::AtIssue, explanation });
    Ok(Outcome::AmountDue)
}

fn what_of(doc: TravelDocument, what: &crate::model::answer::Explanation) -> crate::model::answer::Explanation {
    crate::model::answer::Explanation { fr: format!("{} : {}", doc.code(), what.fr).into(), en: format!("the {}: {}", doc.code(), what.en).into() }
}
