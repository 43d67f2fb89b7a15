//! The request's fields, in one table: name, kind, accepted codes, labels and help in French and
//! English, and how each reads and writes a [`Request`]. The JSON parser, the columnar batch,
//! the CLI's flags and the schema every binding is generated from all read this table, so a
//! new field is one entry here.

use chrono::NaiveDate;

use crate::law::regimes::RegimeId;
use crate::model::answer::Explanation;
use crate::model::codes::Code;
use crate::model::document::Document;
use crate::model::permit::Permit;
use crate::model::procedure::Procedure;
use crate::model::subcase::{AdmissionCard, CardKind, CardValidity, EuStatus, FamilyMember};
use crate::request::Request;
use crate::Error;

/// A closed vocabulary a code field takes its values from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Vocabulary {
    /// Permits and travel documents.
    Document,
    /// Permits only.
    Permit,
    /// Procedures.
    Procedure,
    /// Regimes.
    Regime,
    /// Family members.
    FamilyMember,
    /// Card kinds.
    CardKind,
    /// Card validities.
    CardValidity,
    /// Admission cards.
    AdmissionCard,
    /// EU statuses.
    EuStatus,
}

/// One code of a vocabulary, with its labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// The code.
    pub code: &'static str,
    /// French label.
    pub label_fr: &'static str,
    /// English label.
    pub label_en: &'static str,
}

fn entries<T: Code>() -> Vec<Entry> {
    T::all().iter().map(|v| Entry { code: v.code(), label_fr: v.label_fr(), label_en: v.label_en() }).collect()
}

impl Vocabulary {
    /// Every vocabulary.
    pub const ALL: &'static [Vocabulary] = &[
        Vocabulary::Document,
        Vocabulary::Permit,
        Vocabulary::Procedure,
        Vocabulary::Regime,
        Vocabulary::FamilyMember,
        Vocabulary::CardKind,
        Vocabulary::CardValidity,
        Vocabulary::AdmissionCard,
        Vocabulary::EuStatus,
    ];

    /// The vocabulary's name in the schema.
    pub const fn name(self) -> &'static str {
        match self {
            Vocabulary::Document => "document",
            Vocabulary::Permit => "permit",
            Vocabulary::Procedure => "procedure",
            Vocabulary::Regime => "regime",
            Vocabulary::FamilyMember => "family_member",
            Vocabulary::CardKind => "card_kind",
            Vocabulary::CardValidity => "card_validity",
            Vocabulary::AdmissionCard => "admission_card",
            Vocabulary::EuStatus => "eu_status",
        }
    }

    /// Every code, with its labels, in order: a code's position is its index.
    pub fn entries(self) -> Vec<Entry> {
        match self {
            Vocabulary::Document => Document::all().map(|d| Entry { code: d.code(), label_fr: d.label_fr(), label_en: d.label_en() }).collect(),
            Vocabulary::Permit => entries::<Permit>(),
            Vocabulary::Procedure => entries::<Procedure>(),
            Vocabulary::Regime => entries::<RegimeId>(),
            Vocabulary::FamilyMember => entries::<FamilyMember>(),
            Vocabulary::CardKind => entries::<CardKind>(),
            Vocabulary::CardValidity => entries::<CardValidity>(),
            Vocabulary::AdmissionCard => entries::<AdmissionCard>(),
            Vocabulary::EuStatus => entries::<EuStatus>(),
        }
    }

    /// How many codes there are.
    pub fn len(self) -> usize {
        match self {
            Vocabulary::Document => Document::COUNT,
            Vocabulary::Permit => Permit::ALL.len(),
            Vocabulary::Procedure => Procedure::ALL.len(),
            Vocabulary::Regime => RegimeId::ALL.len(),
            Vocabulary::FamilyMember => FamilyMember::ALL.len(),
            Vocabulary::CardKind => CardKind::ALL.len(),
            Vocabulary::CardValidity => CardValidity::ALL.len(),
            Vocabulary::AdmissionCard => AdmissionCard::ALL.len(),
            Vocabulary::EuStatus => EuStatus::ALL.len(),
        }
    }

    /// Whether the vocabulary is empty (none is).
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Parses a code, naming `field` in the error; answers its index.
    pub fn parse(self, s: &str, field: &'static str) -> Result<u16, Error> {
        fn index<T: Code + PartialEq>(v: T) -> u16 {
            T::all().iter().position(|x| *x == v).and_then(|i| u16::try_from(i).ok()).unwrap_or(u16::MAX)
        }
        Ok(match self {
            Vocabulary::Document => u16::try_from(Document::parse_field(s, field)?.index()).unwrap_or(u16::MAX),
            Vocabulary::Permit => index(Permit::parse_field(s, field)?),
            Vocabulary::Procedure => index(Procedure::parse_field(s, field)?),
            Vocabulary::Regime => index(RegimeId::parse_field(s, field)?),
            Vocabulary::FamilyMember => index(FamilyMember::parse_field(s, field)?),
            Vocabulary::CardKind => index(CardKind::parse_field(s, field)?),
            Vocabulary::CardValidity => index(CardValidity::parse_field(s, field)?),
            Vocabulary::AdmissionCard => index(AdmissionCard::parse_field(s, field)?),
            Vocabulary::EuStatus => index(EuStatus::parse_field(s, field)?),
        })
    }

    /// The code at `index`.
    pub fn code(self, index: u16) -> Option<&'static str> {
        let i = usize::from(index);
        match self {
            Vocabulary::Document => Document::from_index(i).map(Document::code),
            _ => self.entries().get(i).map(|e| e.code),
        }
    }
}

/// What kind of value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "type", content = "vocabulary", rename_all = "snake_case")]
pub enum FieldKind {
    /// A code of a vocabulary (a JSON string).
    Code(Vocabulary),
    /// An ISO 8601 date (a JSON string, `YYYY-MM-DD`).
    Date,
    /// A boolean.
    Bool,
}

impl FieldKind {
    /// The JSON type the field takes.
    pub const fn json_type(self) -> &'static str {
        match self {
            FieldKind::Code(_) | FieldKind::Date => "string",
            FieldKind::Bool => "boolean",
        }
    }
}

/// Which part of the request a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Required: what, which procedure, when.
    Required,
    /// An explicit choice of regime.
    Selection,
    /// A sub-case the law distinguishes within a row.
    SubCase,
    /// A circumstance of the person or the file.
    Circumstance,
}

/// A typed field value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldValue {
    /// The index of a code in the field's vocabulary.
    Code(u16),
    /// A date.
    Date(NaiveDate),
    /// A boolean.
    Bool(bool),
}

/// One field of the request.
#[derive(Debug, Clone)]
pub struct Field {
    /// The JSON name (also the CLI flag, `--name` with `-` for `_`, and the frame column).
    pub name: &'static str,
    /// The kind of value.
    pub kind: FieldKind,
    /// Which part of the request.
    pub group: Group,
    /// Its label.
    pub label: Explanation,
    /// What it means.
    pub help: Explanation,
    /// The value a request holds, if not the default.
    pub get: fn(&Request) -> Option<FieldValue>,
    /// Sets the value (a value of the wrong kind is ignored: callers parse by the field's kind).
    pub set: fn(&mut Request, FieldValue),
}

impl Field {
    /// Whether the field is required.
    pub fn required(&self) -> bool {
        self.group == Group::Required
    }

    /// The field named `name`.
    pub fn named(name: &str) -> Option<&'static Field> {
        SPECS.iter().find(|f| f.name == name)
    }
}

fn code_of<T: Code + PartialEq>(v: Option<T>) -> Option<FieldValue> {
    v.and_then(|v| T::all().iter().position(|x| *x == v)).and_then(|i| u16::try_from(i).ok()).map(FieldValue::Code)
}

fn from_code<T: Code>(v: FieldValue) -> Option<T> {
    match v {
        FieldValue::Code(i) => T::all().get(usize::from(i)).copied(),
        _ => None,
    }
}

fn date_of(v: FieldValue) -> Option<NaiveDate> {
    match v {
        FieldValue::Date(d) => Some(d),
        _ => None,
    }
}

fn bool_of(v: FieldValue) -> Option<bool> {
    match v {
        FieldValue::Bool(b) => Some(b),
        _ => None,
    }
}

fn flag(b: bool) -> Option<FieldValue> {
    b.then_some(FieldValue::Bool(true))
}

macro_rules! fields {
    ($( $name:literal : $kind:expr, $group:ident, $fr:literal, $en:literal, $hfr:literal, $hen:literal,
        get |$r:ident| $get:expr, set |$w:ident, $v:ident| $set:expr; )*) => {
        /// Every field of the JSON request, in canonical order (the order errors are reported in).
        pub const FIELDS: &[&str] = &[$($name),*];

        /// Every field, with its kind, labels and accessors, in canonical order.
        pub static SPECS: &[Field] = &[$(
            Field {
                name: $name,
                kind: $kind,
                group: Group::$group,
                label: Explanation::new($fr, $en),
                help: Explanation::new($hfr, $hen),
                get: |$r: &Request| -> Option<FieldValue> { $get },
                set: |$w: &mut Request, $v: FieldValue| { $set },
            },
        )*];
    };
}

fields! {
    "permit": FieldKind::Code(Vocabulary::Document), Required, "Titre", "Permit",
        "Le titre de séjour ou le document de voyage", "The residence permit or travel document",
        get |r| u16::try_from(r.permit.index()).ok().map(FieldValue::Code),
        set |r, v| if let FieldValue::Code(i) = v { if let Some(d) = Document::from_index(usize::from(i)) { r.permit = d } };
    "procedure": FieldKind::Code(Vocabulary::Procedure), Required, "Démarche", "Procedure",
        "Ce qui est demandé : première délivrance, renouvellement, duplicata…", "What is asked for: a first issue, a renewal, a duplicate…",
        get |r| code_of(Some(r.procedure)),
        set |r, v| if let Some(p) = from_code(v) { r.procedure = p };
    "date": FieldKind::Date, Required, "Date de la décision", "Decision date",
        "La date de la décision de délivrance : elle choisit le régime", "The date of the decision to issue: it selects the regime",
        get |r| Some(FieldValue::Date(r.date)),
        set |r, v| if let Some(d) = date_of(v) { r.date = d };
    "regime": FieldKind::Code(Vocabulary::Regime), Selection, "Régime", "Regime",
        "Pour tarifer sous un autre régime que celui en vigueur à la date", "To price under another regime than the one in force on the date",
        get |r| code_of(r.regime),
        set |r, v| r.regime = from_code(v);
    "family_member": FieldKind::Code(Vocabulary::FamilyMember), SubCase, "Membre de famille", "Family member",
        "Regroupement familial : conjoint ou enfant", "Family reunification: spouse or child",
        get |r| code_of(r.sub_case.family_member),
        set |r, v| r.sub_case.family_member = from_code(v);
    "reunification_on_site": FieldKind::Bool, SubCase, "Regroupement familial sur place", "Reunification on site",
        "Regroupement familial accordé sur place", "Family reunification granted on site",
        get |r| r.sub_case.reunification_on_site.map(FieldValue::Bool),
        set |r, v| r.sub_case.reunification_on_site = bool_of(v);
    "entered_via_family_reunification": FieldKind::Bool, SubCase, "Entré par regroupement familial", "Entered through family reunification",
        "L'enfant est entré en France par regroupement familial", "The child entered France through family reunification",
        get |r| r.sub_case.entered_via_family_reunification.map(FieldValue::Bool),
        set |r, v| r.sub_case.entered_via_family_reunification = bool_of(v);
    "card_kind": FieldKind::Code(Vocabulary::CardKind), SubCase, "Type de carte", "Card kind",
        "Carte temporaire (CST) ou pluriannuelle (CSP)", "Temporary (CST) or multi-year (CSP) card",
        get |r| code_of(r.sub_case.card_kind),
        set |r, v| r.sub_case.card_kind = from_code(v);
    "card_validity": FieldKind::Code(Vocabulary::CardValidity), SubCase, "Durée de la carte", "Card validity",
        "Carte d'un an ou de plus d'un an", "Card valid one year, or more",
        get |r| code_of(r.sub_case.card_validity),
        set |r, v| r.sub_case.card_validity = from_code(v);
    "admission_card": FieldKind::Code(Vocabulary::AdmissionCard), SubCase, "Carte délivrée (admission exceptionnelle)", "Card issued (exceptional admission)",
        "Admission exceptionnelle au séjour : la carte délivrée", "Exceptional admission: the card issued",
        get |r| code_of(r.sub_case.admission_card),
        set |r, v| r.sub_case.admission_card = from_code(v);
    "previously_held_cst": FieldKind::Bool, SubCase, "A détenu une CST", "Held a CST before",
        "Conjoint de Français : a détenu une carte de séjour temporaire", "Spouse of a French national: held a temporary card before",
        get |r| r.sub_case.previously_held_cst.map(FieldValue::Bool),
        set |r, v| r.sub_case.previously_held_cst = bool_of(v);
    "underlying_permit": FieldKind::Code(Vocabulary::Permit), SubCase, "Titre délivré ou remplacé", "Title issued or replaced",
        "Le titre réellement délivré ou remplacé (VLS-TS, CST RLD-CE)", "The title actually issued or replaced (VLS-TS, long-term-resident CST)",
        get |r| code_of(r.sub_case.underlying_permit),
        set |r, v| r.sub_case.underlying_permit = from_code(v);
    "reunification_granted_on": FieldKind::Date, SubCase, "Regroupement accordé le", "Reunification granted on",
        "Date à laquelle le regroupement familial a été accordé", "When the family reunification was granted",
        get |r| r.sub_case.reunification_granted_on.map(FieldValue::Date),
        set |r, v| r.sub_case.reunification_granted_on = date_of(v);
    "previous_permit": FieldKind::Code(Vocabulary::Permit), SubCase, "Titre détenu auparavant", "Title held before",
        "Renouvellement avec changement de statut : le titre détenu auparavant", "Renewal with a change of status: the title held before",
        get |r| code_of(r.sub_case.previous_permit),
        set |r, v| r.sub_case.previous_permit = from_code(v);
    "irregular_entry": FieldKind::Bool, Circumstance, "Entrée ou séjour irréguliers", "Irregular entry or stay",
        "Entré ou séjournant irrégulièrement, ou sans le visa requis : droit de visa de régularisation", "Entered or staying irregularly, or without the required visa: visa de régularisation",
        get |r| flag(r.circumstances.irregular_entry),
        set |r, v| r.circumstances.irregular_entry = bool_of(v).unwrap_or(false);
    "application_date": FieldKind::Date, Circumstance, "Date de la demande", "Application date",
        "Date de dépôt de la demande", "When the application was filed",
        get |r| r.circumstances.application_date.map(FieldValue::Date),
        set |r, v| r.circumstances.application_date = date_of(v);
    "previous_title_expiry": FieldKind::Date, Circumstance, "Expiration du titre précédent", "Previous title's expiry",
        "Date d'expiration du titre à renouveler", "Expiry date of the title to renew",
        get |r| r.circumstances.previous_title_expiry.map(FieldValue::Date),
        set |r, v| r.circumstances.previous_title_expiry = date_of(v);
    "force_majeure": FieldKind::Bool, Circumstance, "Force majeure", "Force majeure",
        "Cas de force majeure (excuse un renouvellement tardif)", "Force majeure (excuses a late renewal)",
        get |r| flag(r.circumstances.force_majeure),
        set |r, v| r.circumstances.force_majeure = bool_of(v).unwrap_or(false);
    "holds_valid_visa": FieldKind::Bool, Circumstance, "Visa en cours de validité", "Holds a valid visa",
        "Présente un visa en cours de validité (excuse un renouvellement tardif)", "Holds a valid visa (excuses a late renewal)",
        get |r| flag(r.circumstances.holds_valid_visa),
        set |r, v| r.circumstances.holds_valid_visa = bool_of(v).unwrap_or(false);
    "violence_victim": FieldKind::Bool, Circumstance, "Victime de violences ou de traite", "Victim of violence or trafficking",
        "Victime de violences conjugales ou de traite", "Victim of domestic violence or trafficking",
        get |r| flag(r.circumstances.violence_victim),
        set |r, v| r.circumstances.violence_victim = bool_of(v).unwrap_or(false);
    "eu_status": FieldKind::Code(Vocabulary::EuStatus), Circumstance, "Statut UE", "EU status",
        "Citoyen UE/EEE/suisse/andorran, ou membre de famille d'un tel citoyen", "EU/EEA/Swiss/Andorran citizen, or family member of one",
        get |r| code_of(r.circumstances.eu_status),
        set |r, v| r.circumstances.eu_status = from_code(v);
    "defence_cooperation_agreement": FieldKind::Bool, Circumstance, "Accord de coopération de défense", "Defence-cooperation agreement",
        "Relève d'un accord de coopération en matière de défense", "Covered by a defence-cooperation agreement",
        get |r| flag(r.circumstances.defence_cooperation_agreement),
        set |r, v| r.circumstances.defence_cooperation_agreement = bool_of(v).unwrap_or(false);
    "algerian_national": FieldKind::Bool, Circumstance, "Ressortissant algérien", "Algerian national",
        "Ressortissant algérien (accord franco-algérien)", "Algerian national (Franco-Algerian agreement)",
        get |r| r.circumstances.algerian_national.map(FieldValue::Bool),
        set |r, v| r.circumstances.algerian_national = bool_of(v);
    "online_application": FieldKind::Bool, Circumstance, "Demande en ligne", "Online application",
        "Déposée par le téléservice (ANEF)", "Filed through the online service (ANEF)",
        get |r| r.circumstances.online_application.map(FieldValue::Bool),
        set |r, v| r.circumstances.online_application = bool_of(v);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_specs_agree() {
        let names: Vec<&str> = SPECS.iter().map(|f| f.name).collect();
        assert_eq!(names, FIELDS);
    }

    #[test]
    fn every_vocabulary_round_trips_its_indices() {
        for v in Vocabulary::ALL {
            for (i, e) in v.entries().iter().enumerate() {
                let index = v.parse(e.code, "x").ok();
                assert_eq!(index.map(usize::from), Some(i), "{}", e.code);
                assert_eq!(v.code(u16::try_from(i).unwrap_or(u16::MAX)), Some(e.code));
            }
        }
    }
}
