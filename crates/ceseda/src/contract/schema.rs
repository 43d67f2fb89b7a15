//! The machine-readable schema of the contract: the request's fields (kinds, accepted codes,
//! labels and help in French and English), every vocabulary with its labels, the shape of
//! every answer, and the error codes. The Python package's enums, stubs and field translation,
//! the npm package's TypeScript declarations and the CLI's flags are all derived from it
//! (`cargo run -p ceseda-codegen`, with `--check` in CI).

use serde::Serialize;

use crate::fields::{Entry, FieldKind, Group, Vocabulary, FIELDS, SPECS};
use crate::law::regimes::RegimeId;
use crate::law::windows::WindowRule;
use crate::rules::window::WindowStatus;
use crate::model::answer::{Component, Confidence, DueAt, Outcome};
use crate::model::codes::Code;
use crate::model::document::TravelDocument;
use crate::model::error::ERROR_CODES;
use crate::model::permit::{Permit, PermitFamily};
use crate::model::procedure::Procedure;
use crate::model::subcase::{AdmissionCard, CardKind, CardValidity, EuStatus, FamilyMember};
use crate::Error;

/// The schema's version: it changes when a field, a code or an answer type changes (6: the
/// `invalid_reform` code and the `relevant_fields` answer).
pub const SCHEMA_VERSION: u32 = 6;

/// A request field in the schema.
#[derive(Debug, Clone, Serialize)]
pub struct FieldSchema {
    /// The JSON name.
    pub name: &'static str,
    /// Its kind: `{"type": "code", "vocabulary": …}`, `{"type": "date"}` or `{"type": "bool"}`.
    pub kind: FieldKind,
    /// The JSON type.
    pub json_type: &'static str,
    /// Which part of the request.
    pub group: Group,
    /// Whether it is required.
    pub required: bool,
    /// French label.
    pub label_fr: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// French help.
    pub help_fr: &'static str,
    /// English help.
    pub help_en: &'static str,
}

/// A member of an answer type.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    /// The JSON name.
    pub name: &'static str,
    /// Its type: `string`, `money`, `date`, `boolean`, `integer`, `code:<vocabulary>`,
    /// `<answer type>`, `array:<type>`, or `map:<vocabulary>:<type>` (an object keyed by
    /// codes of the vocabulary, some of them absent; the keys are data, not member names).
    pub r#type: &'static str,
    /// Whether it may be `null`.
    pub nullable: bool,
    /// What it is.
    pub doc: &'static str,
    /// Whether it may be absent (written only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

const fn m(name: &'static str, r#type: &'static str, nullable: bool, doc: &'static str) -> Member {
    Member { name, r#type, nullable, doc, optional: false }
}

/// A member that may be absent.
const fn opt(name: &'static str, r#type: &'static str, nullable: bool, doc: &'static str) -> Member {
    Member { name, r#type, nullable, doc, optional: true }
}

/// An answer type: its name and members.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerType {
    /// The type's name.
    pub name: &'static str,
    /// What it is.
    pub doc: &'static str,
    /// Its members, in order.
    pub members: Vec<Member>,
}

/// An error code with its labels.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorCode {
    /// The code.
    pub code: &'static str,
    /// French label.
    pub label_fr: &'static str,
    /// English label.
    pub label_en: &'static str,
}

/// A vocabulary of the schema.
#[derive(Debug, Clone, Serialize)]
pub struct VocabularySchema {
    /// Its name.
    pub name: &'static str,
    /// Its codes, with labels.
    pub codes: Vec<Entry>,
}

/// The schema.
#[derive(Debug, Clone, Serialize)]
pub struct Schema {
    /// [`SCHEMA_VERSION`].
    pub version: u32,
    /// The request's fields, in canonical order.
    pub fields: Vec<FieldSchema>,
    /// The fields of a window request.
    pub window_fields: &'static [&'static str],
    /// The fields of a window request, with their types (in `window_fields` order).
    pub window_request: Vec<Member>,
    /// Every vocabulary, request and answer.
    pub vocabularies: Vec<VocabularySchema>,
    /// The answer types.
    pub answers: Vec<AnswerType>,
    /// The error codes.
    pub errors: Vec<ErrorCode>,
    /// How totals read: decided once, for every binding.
    pub totals: &'static str,
}

fn entries<T: Code>() -> Vec<Entry> {
    T::all().iter().map(|v| Entry { code: v.code(), label_fr: v.label_fr(), label_en: v.label_en() }).collect()
}

/// The vocabularies of answers (the request's are in [`Vocabulary`]).
fn answer_vocabularies() -> Vec<VocabularySchema> {
    vec![
        VocabularySchema { name: "travel_document", codes: entries::<TravelDocument>() },
        VocabularySchema {
            name: "document_kind",
            codes: vec![
                Entry { code: "permit", label_fr: "Titre de séjour", label_en: "Residence permit" },
                Entry { code: "travel_document", label_fr: "Document de voyage", label_en: "Travel document" },
            ],
        },
        VocabularySchema { name: "permit_family", codes: PERMIT_FAMILIES.iter().map(|(_, code, fr, en)| Entry { code, label_fr: fr, label_en: en }).collect() },
        VocabularySchema { name: "outcome", codes: entries::<Outcome>() },
        VocabularySchema { name: "component", codes: entries::<Component>() },
        VocabularySchema { name: "due", codes: entries::<DueAt>() },
        VocabularySchema { name: "confidence", codes: entries::<Confidence>() },
        VocabularySchema { name: "window_rule", codes: entries::<WindowRule>() },
        VocabularySchema { name: "window_status", codes: entries::<WindowStatus>() },
        VocabularySchema { name: "error_code", codes: ERROR_CODES.iter().map(|(c, fr, en)| Entry { code: c, label_fr: fr, label_en: en }).collect() },
        VocabularySchema {
            name: "lang",
            codes: vec![Entry { code: "fr", label_fr: "français", label_en: "French" }, Entry { code: "en", label_fr: "anglais", label_en: "English" }],
        },
    ]
}

/// The kinds of card, with their codes (as serde writes them) and labels.
const PERMIT_FAMILIES: &[(PermitFamily, &str, &str, &str)] = &[
    (PermitFamily::CarteDeSejour, "carte_de_sejour", "Carte de séjour temporaire ou pluriannuelle", "Temporary or multi-year residence card"),
    (PermitFamily::ViePriveeEtFamiliale, "vie_privee_et_familiale", "Carte « vie privée et familiale »", "Private and family life card"),
    (PermitFamily::CarteDeResident, "carte_de_resident", "Carte de résident", "Resident card"),
    (PermitFamily::CertificatResidenceAlgerien, "certificat_residence_algerien", "Certificat de résidence algérien", "Algerian residence certificate"),
    (PermitFamily::AutorisationProvisoire, "autorisation_provisoire", "Autorisation provisoire de séjour", "Temporary residence authorisation"),
    (PermitFamily::CitoyenEuropeen, "citoyen_europeen", "Carte de citoyen européen ou andorran", "EU, EEA, Swiss or Andorran citizen's card"),
    (PermitFamily::VisaLongSejour, "visa_long_sejour", "Visa de long séjour valant titre de séjour", "Long-stay visa equivalent to a residence permit"),
];

/// The fields of a window request, typed.
fn window_request() -> Vec<Member> {
    vec![
        m("permit", "code:permit", false, "The permit of the title to renew."),
        m("expiry", "date", false, "The expiry date of the title to renew."),
        opt("filing_date", "date", true, "When the application is (or was) filed: picks the rule in force and adds `late`."),
        opt("online_application", "boolean", true, "Whether the application goes through the online service (ANEF)."),
    ]
}

/// The answer types.
fn answers() -> Vec<AnswerType> {
    vec![
        AnswerType {
            name: "quote",
            doc: "The answer to a request.",
            members: vec![
                m("regime", "code:regime", false, "The regime used."),
                m("confidence", "code:confidence", false, "How sure the answer is: the regime's rating, lowered where the row priced rests on a reading."),
                m("permit", "code:document", false, "What was quoted."),
                m("procedure", "code:procedure", false, "The procedure."),
                m("date", "date", false, "The decision date."),
                m("outcome", "code:outcome", false, "The answer's kind."),
                m("lines", "array:line", false, "The itemised charges."),
                m("total", "money", true, "The sum of the lines; 0.00 when exempt, null when the outcome is not an amount."),
                m("due_at_filing", "money", true, "What is paid when the application is filed (part of the total); null with the total."),
                m("errata", "array:erratum", false, "The errata that touched this quote."),
                m("notes", "array:note", false, "Rules applied and readings taken."),
            ],
        },
        AnswerType {
            name: "line",
            doc: "One itemised charge.",
            members: vec![
                m("component", "code:component", false, "What kind of charge."),
                m("amount", "money", false, "How much."),
                m("basis", "string", false, "The article, in the numbering in force on the decision date."),
                m("seed", "string", false, "The source: a seed table or a text."),
                m("seed_row", "string", false, "The row or paragraph of the source, as printed."),
                m("due", "code:due", false, "When it is paid."),
                m("explanation", "explanation", false, "Why it is due."),
            ],
        },
        AnswerType { name: "explanation", doc: "A short text in French and English.", members: vec![m("fr", "string", false, "French."), m("en", "string", false, "English.")] },
        AnswerType {
            name: "note",
            doc: "A rule applied, a reading taken, a caveat.",
            members: vec![m("code", "string", false, "Stable code."), m("fr", "string", false, "French."), m("en", "string", false, "English.")],
        },
        AnswerType {
            name: "erratum",
            doc: "Where a source disagrees with itself, and the reading taken.",
            members: vec![
                m("id", "string", false, "Stable id."),
                m("seed", "string", false, "The seed file."),
                m("row", "string", false, "The row, as printed."),
                m("column", "string", false, "The column (a procedure code) or \"note\"."),
                m("printed", "string", false, "The cell or sentence as printed."),
                m("reading", "string", false, "The reading used."),
                m("reason", "string", false, "Why."),
                m("confidence", "code:confidence", false, "How sure the reading is."),
            ],
        },
        AnswerType {
            name: "error",
            doc: "Why a request was refused.",
            members: vec![
                m("code", "code:error_code", false, "Stable error code."),
                m("message", "string", false, "The message, in the language asked for."),
                m("field", "string", true, "The field concerned."),
                m("value", "string", true, "The offending value."),
                opt("expected", "array:string", false, "Accepted values or covered periods (absent when empty)."),
                opt("suggestion", "string", true, "For an unknown code: the closest accepted code (absent when none)."),
            ],
        },
        AnswerType {
            name: "window",
            doc: "The period in which a renewal should be filed.",
            members: vec![
                m("permit", "code:permit", false, "The permit."),
                m("expiry", "date", false, "The expiry date of the title to renew."),
                m("rule_date", "date", false, "The date the rule was chosen by."),
                m("rule", "code:window_rule", false, "The rule applied."),
                m("opens", "date", true, "The first day to file (null where the rule sets no window)."),
                m("closes", "date", false, "The last day to file within the window."),
                m("recommended_from", "date", true, "Seed 001's recommendation, only where it lies inside the window (the online R. 431-5 window): from four months before expiry, or the day the window opens if later (null otherwise)."),
                m("recommended_until", "date", true, "…to three months before expiry (null with recommended_from)."),
                m("basis", "string", false, "The article."),
                m("recommended_from_basis", "string", true, "Where recommended_from comes from: \"seed 001\" (four months before expiry), or the window's article where that day is before the window opens."),
                m("recommended_until_basis", "string", true, "Where recommended_until comes from (\"seed 001\")."),
                opt("late", "boolean", true, "Whether a filing on the given date is late by the reading of the regime in force on that date (only when a filing date is given; false where that regime has no late-renewal charge)."),
                opt("status", "code:window_status", false, "Where the filing date falls: early (before the window opens), on_time, or late (after it closed); only when a filing date is given."),
                opt("late_after", "date", true, "The last day a renewal is not late under the regime in force on the filing date: a later filing pays the late-renewal charge unless exempt (only when a filing date is given; null where that regime has no late-renewal charge or no regime covers the date)."),
            ],
        },
        AnswerType {
            name: "regime",
            doc: "A tariff regime: its period and sources.",
            members: vec![
                m("id", "code:regime", false, "Stable id."),
                m("label_fr", "string", false, "French label."),
                m("label_en", "string", false, "English label."),
                m("valid_from", "date", false, "First day of the period."),
                m("valid_until", "date", true, "Last day (null while no later source amends it)."),
                m("selected_by", "string", false, "The date that selects the regime."),
                m("source", "string", false, "The source, in a line."),
                m("confidence", "code:confidence", false, "How sure the library is of it."),
                m("provenance", "string", false, "Why the confidence is what it is."),
                m("sources", "array:source_text", false, "The texts in force, with their versions."),
            ],
        },
        AnswerType {
            name: "source_text",
            doc: "A text in force during a period.",
            members: vec![
                m("text", "string", false, "What it is."),
                m("in_force_from", "date", true, "The version's date."),
                m("amended_by", "string", false, "The amending text."),
                m("confidence", "code:confidence", false, "How sure the library is of it."),
            ],
        },
        AnswerType {
            name: "permit_info",
            doc: "A permit or travel document, as permits_json lists it.",
            members: vec![
                m("code", "code:document", false, "Its code."),
                m("kind", "code:document_kind", false, "A residence permit or a travel document."),
                m("label_fr", "string", false, "French label."),
                m("label_en", "string", false, "English label."),
                m("family", "code:permit_family", true, "The kind of card (null for travel documents)."),
                m("article_since_2021", "string", true, "The CESEDA article since the 1 May 2021 recodification, where known."),
                m("regimes", "array:code:regime", false, "The regimes whose law lists it."),
                m("printed_rows", "map:regime:string", false, "The row printed in each regime's table, keyed by regime id."),
            ],
        },
        AnswerType {
            name: "history",
            doc: "A request's amounts on every day from 5 January 2009, as periods (history_json).",
            members: vec![
                m("permit", "code:document", false, "What was quoted."),
                m("procedure", "code:procedure", false, "The procedure."),
                m("periods", "array:period", false, "The periods, in order, without gaps; the last one is open-ended."),
            ],
        },
        AnswerType {
            name: "period",
            doc: "Days with the same answer: the same amounts, or the same error code.",
            members: vec![
                m("from", "date", false, "First day."),
                m("until", "date", true, "Last day (null for the open-ended last period)."),
                m("regimes", "array:code:regime", false, "The regimes in force over the period, in order."),
                m("outcome", "code:outcome", true, "The outcome (null where refused)."),
                m("total", "money", true, "The total, where the outcome is an amount."),
                m("components", "array:component_amount", false, "Each component due, in the order of the quote's lines."),
                m("error", "period_error", true, "Where refused: the error of the period's first day."),
            ],
        },
        AnswerType {
            name: "component_amount",
            doc: "One component's amount over a period.",
            members: vec![m("component", "code:component", false, "The component."), m("amount", "money", false, "Its amount (the sum of its lines).")],
        },
        AnswerType {
            name: "period_error",
            doc: "The refusal of a period.",
            members: vec![
                m("code", "code:error_code", false, "The error code."),
                m("field", "string", true, "The field it names."),
                m("message", "string", false, "The message, for the period's first day, in the language asked for."),
            ],
        },
        AnswerType {
            name: "relevant_fields",
            doc: "The sub-cases and circumstances that can change the quote of a permit, a procedure and a decision date (relevant_fields_json): changing a field it does not list never changes the answer.",
            members: vec![
                m("permit", "code:document", false, "The permit or travel document."),
                m("procedure", "code:procedure", false, "The procedure."),
                m("date", "date", false, "The decision date."),
                m("regime", "code:regime", false, "The regime in force on the date."),
                m("fields", "array:field_info", false, "The fields that matter, in canonical order (the required fields and regime always do and are not listed)."),
            ],
        },
        AnswerType {
            name: "field_info",
            doc: "A request field, as the schema describes it.",
            members: vec![
                m("name", "string", false, "The JSON name."),
                m("group", "string", false, "sub_case or circumstance."),
                m("kind", "string", false, "code, date or bool."),
                m("vocabulary", "string", true, "The vocabulary of a code field (null otherwise)."),
                m("label_fr", "string", false, "French label."),
                m("label_en", "string", false, "English label."),
                m("help_fr", "string", false, "French help."),
                m("help_en", "string", false, "English help."),
            ],
        },
        AnswerType {
            name: "table",
            doc: "A batch answered in columns (quote_table_json), one entry per request; plus one column per component.",
            members: vec![
                m("total", "array:money", false, "Totals (null where refused or not an amount)."),
                m("due_at_filing", "array:money", false, "Due at filing."),
                m("outcome", "array:code:outcome", false, "Outcomes (null where refused)."),
                m("regime", "array:code:regime", false, "Regimes (null where refused)."),
                m("error", "array:code:error_code", false, "Error codes (null where answered)."),
                m("error_field", "array:string", false, "Error fields."),
                m("error_message", "array:string", false, "Error messages."),
            ],
        },
    ]
}

/// The schema.
pub fn schema() -> Schema {
    let fields = SPECS
        .iter()
        .map(|f| FieldSchema {
            name: f.name,
            kind: f.kind,
            json_type: f.kind.json_type(),
            group: f.group,
            required: f.required(),
            label_fr: static_str(&f.label.fr),
            label_en: static_str(&f.label.en),
            help_fr: static_str(&f.help.fr),
            help_en: static_str(&f.help.en),
        })
        .collect();
    let mut vocabularies: Vec<VocabularySchema> = Vocabulary::ALL.iter().map(|v| VocabularySchema { name: v.name(), codes: v.entries() }).collect();
    vocabularies.extend(answer_vocabularies());
    Schema {
        version: SCHEMA_VERSION,
        fields,
        window_fields: super::WINDOW_FIELDS,
        window_request: window_request(),
        vocabularies,
        answers: answers(),
        errors: ERROR_CODES.iter().map(|(code, label_fr, label_en)| ErrorCode { code, label_fr, label_en }).collect(),
        totals: "total is \"0.00\" for an exempt outcome and null for sans_objet, hors_champ and a same_as_replaced_title whose title is not given; in columnar answers an absent component is \"0.00\" where the total is a number and null where the total is null",
    }
}

#[allow(clippy::ptr_arg)] // the variant tells a static text from a deserialised one
pub(crate) fn static_str(s: &std::borrow::Cow<'static, str>) -> &'static str {
    match s {
        std::borrow::Cow::Borrowed(b) => b,
        std::borrow::Cow::Owned(_) => "",
    }
}

/// The closed vocabularies, keyed as the first contract wrote them (`codes_json`).
#[derive(Debug, Clone, Serialize)]
pub struct Codes {
    /// Request fields.
    pub fields: &'static [&'static str],
    /// Permit codes.
    pub permits: &'static [&'static str],
    /// Travel-document codes.
    pub travel_documents: &'static [&'static str],
    /// Procedures.
    pub procedures: &'static [&'static str],
    /// Regimes.
    pub regimes: &'static [&'static str],
    /// Family members.
    pub family_member: &'static [&'static str],
    /// Card kinds.
    pub card_kind: &'static [&'static str],
    /// Card validities.
    pub card_validity: &'static [&'static str],
    /// Admission cards.
    pub admission_card: &'static [&'static str],
    /// EU statuses.
    pub eu_status: &'static [&'static str],
    /// Outcomes.
    pub outcomes: &'static [&'static str],
    /// Components.
    pub components: &'static [&'static str],
    /// When a line is due.
    pub due: &'static [&'static str],
    /// Error codes.
    pub error_codes: &'static [&'static str],
}

/// Every code list.
pub fn codes() -> Codes {
    Codes {
        fields: FIELDS,
        permits: Permit::CODES,
        travel_documents: TravelDocument::CODES,
        procedures: Procedure::CODES,
        regimes: RegimeId::CODES,
        family_member: FamilyMember::CODES,
        card_kind: CardKind::CODES,
        card_validity: CardValidity::CODES,
        admission_card: AdmissionCard::CODES,
        eu_status: EuStatus::CODES,
        outcomes: Outcome::CODES,
        components: Component::CODES,
        due: DueAt::CODES,
        error_codes: Error::CODES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permit_families_are_every_family_as_serde_writes_it() {
        for (family, code, _, _) in PERMIT_FAMILIES {
            assert_eq!(serde_json::to_value(family).ok(), Some(serde_json::Value::from(*code)));
        }
        for p in Permit::ALL {
            assert!(PERMIT_FAMILIES.iter().any(|(f, ..)| *f == p.family()), "{p}");
        }
    }

    #[test]
    fn the_window_request_is_the_window_fields() {
        let names: Vec<&str> = window_request().iter().map(|m| m.name).collect();
        assert_eq!(names, super::super::WINDOW_FIELDS);
    }

    /// The members of an answer type, sorted (serde_json's maps are sorted).
    fn members(name: &str) -> Vec<&'static str> {
        let mut names: Vec<&str> = answers().into_iter().find(|a| a.name == name).map(|a| a.members.iter().map(|m| m.name).collect()).unwrap_or_default();
        names.sort_unstable();
        names
    }

    fn keys(v: &serde_json::Value) -> Vec<&str> {
        v.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default()
    }

    #[test]
    fn history_members_are_what_history_json_writes() {
        let text = super::super::history_json(r#"{"permit":"scientifique","procedure":"renewal"}"#);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let history = v.get("history").cloned().unwrap_or_default();
        assert_eq!(keys(&history), members("history"));
        let periods = history.get("periods").and_then(|p| p.as_array()).cloned().unwrap_or_default();
        assert!(periods.len() > 2);
        for p in &periods {
            assert_eq!(keys(p), members("period"));
            for c in p.get("components").and_then(|c| c.as_array()).into_iter().flatten() {
                assert_eq!(keys(c), members("component_amount"));
            }
            if let Some(e) = p.get("error").filter(|e| !e.is_null()) {
                assert_eq!(keys(e), members("period_error"));
            }
        }
    }

    #[test]
    fn permit_info_members_are_what_permits_json_writes() {
        let listing = super::super::permits_value();
        let info = answers().into_iter().find(|a| a.name == "permit_info").map(|a| a.members).unwrap_or_default();
        let mut names: Vec<&str> = info.iter().map(|m| m.name).collect();
        names.sort_unstable();
        for entry in listing.as_array().into_iter().flatten() {
            let keys: Vec<&str> = entry.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
            assert_eq!(keys, names);
        }
    }
}
