//! The request: what to quote, the table's sub-cases, and the person's circumstances.
//!
//! In JSON a request is one flat object (see [`FIELDS`]); absent optional fields take the
//! common case. Parsing names the field, the bad value and what would be accepted.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::document::Document;
use crate::error::{truncate, Error};
use crate::permit::Permit;
use crate::procedure::Procedure;
use crate::regime::RegimeId;
use crate::subcase::{AdmissionCard, CardKind, CardValidity, EuStatus, FamilyMember};

/// A request for a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The permit or travel document.
    pub permit: Document,
    /// The procedure.
    pub procedure: Procedure,
    /// The decision date: it selects the regime (unless `regime` is given).
    pub date: NaiveDate,
    /// An explicit regime, to price under a table other than the one in force on `date`.
    pub regime: Option<RegimeId>,
    /// The sub-cases a table distinguishes within a row.
    pub sub_case: SubCase,
    /// The circumstances that add or remove charges.
    pub circumstances: Circumstances,
}

/// Sub-cases the tables distinguish within a row. `None` means "not said"; a row that needs
/// the value then answers with a `missing_sub_case` error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
    /// When the family reunification was granted (2011 table: the tax applies from
    /// 1 Jan 2012 to reunifications granted before 28 Dec 2008).
    pub reunification_granted_on: Option<NaiveDate>,
}

/// Circumstances of the person and the file. Booleans default to `false`, the common case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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

/// Every field of the JSON request, in canonical order.
pub const FIELDS: &[&str] = &[
    "permit",
    "procedure",
    "date",
    "regime",
    "family_member",
    "reunification_on_site",
    "entered_via_family_reunification",
    "card_kind",
    "card_validity",
    "admission_card",
    "previously_held_cst",
    "underlying_permit",
    "reunification_granted_on",
    "irregular_entry",
    "application_date",
    "previous_title_expiry",
    "force_majeure",
    "holds_valid_visa",
    "violence_victim",
    "eu_status",
    "defence_cooperation_agreement",
    "algerian_national",
    "online_application",
];

impl Request {
    /// A request with no sub-case and the common circumstances.
    pub fn new(permit: impl Into<Document>, procedure: Procedure, date: NaiveDate) -> Self {
        Request {
            permit: permit.into(),
            procedure,
            date,
            regime: None,
            sub_case: SubCase::default(),
            circumstances: Circumstances::default(),
        }
    }

    /// Parses the canonical JSON text of a request.
    pub fn from_json(text: &str) -> Result<Request, Error> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| Error::InvalidJson { message: e.to_string() })?;
        Request::from_value(&value)
    }

    /// Parses a request from a JSON value (an object).
    pub fn from_value(value: &Value) -> Result<Request, Error> {
        let map = value.as_object().ok_or_else(|| Error::InvalidJson {
            message: format!("a request is a JSON object, got {}", json_type(value)),
        })?;
        Request::from_map(map)
    }

    /// Parses a request from a JSON object's fields.
    pub fn from_map(map: &Map<String, Value>) -> Result<Request, Error> {
        for key in map.keys() {
            if !FIELDS.contains(&key.as_str()) {
                return Err(Error::UnknownField { field: truncate(key), expected: FIELDS.to_vec() });
            }
        }
        let f = Fields(map);
        Ok(Request {
            permit: f.required_str("permit").and_then(|s| Document::parse_field(s, "permit"))?,
            procedure: f.required_str("procedure").and_then(|s| Procedure::parse_field(s, "procedure"))?,
            date: f.required_str("date").and_then(|s| parse_date(s, "date"))?,
            regime: f.code("regime", RegimeId::parse_field)?,
            sub_case: SubCase {
                family_member: f.code("family_member", FamilyMember::parse_field)?,
                reunification_on_site: f.bool("reunification_on_site")?,
                entered_via_family_reunification: f.bool("entered_via_family_reunification")?,
                card_kind: f.code("card_kind", CardKind::parse_field)?,
                card_validity: f.code("card_validity", CardValidity::parse_field)?,
                admission_card: f.code("admission_card", AdmissionCard::parse_field)?,
                previously_held_cst: f.bool("previously_held_cst")?,
                underlying_permit: f.code("underlying_permit", Permit::parse_field)?,
                reunification_granted_on: f.date("reunification_granted_on")?,
            },
            circumstances: Circumstances {
                irregular_entry: f.bool("irregular_entry")?.unwrap_or(false),
                application_date: f.date("application_date")?,
                previous_title_expiry: f.date("previous_title_expiry")?,
                force_majeure: f.bool("force_majeure")?.unwrap_or(false),
                holds_valid_visa: f.bool("holds_valid_visa")?.unwrap_or(false),
                violence_victim: f.bool("violence_victim")?.unwrap_or(false),
                eu_status: f.code("eu_status", EuStatus::parse_field)?,
                defence_cooperation_agreement: f.bool("defence_cooperation_agreement")?.unwrap_or(false),
                algerian_national: f.bool("algerian_national")?,
                online_application: f.bool("online_application")?,
            },
        })
    }

    /// The canonical JSON object: set fields only, in [`FIELDS`] order.
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_string(), v);
        };
        put("permit", self.permit.code().into());
        put("procedure", self.procedure.code().into());
        put("date", self.date.to_string().into());
        let s = &self.sub_case;
        let c = &self.circumstances;
        let opt: [(&str, Option<Value>); 20] = [
            ("regime", self.regime.map(|r| r.code().into())),
            ("family_member", s.family_member.map(|v| v.code().into())),
            ("reunification_on_site", s.reunification_on_site.map(Value::from)),
            ("entered_via_family_reunification", s.entered_via_family_reunification.map(Value::from)),
            ("card_kind", s.card_kind.map(|v| v.code().into())),
            ("card_validity", s.card_validity.map(|v| v.code().into())),
            ("admission_card", s.admission_card.map(|v| v.code().into())),
            ("previously_held_cst", s.previously_held_cst.map(Value::from)),
            ("underlying_permit", s.underlying_permit.map(|v| v.code().into())),
            ("reunification_granted_on", s.reunification_granted_on.map(|d| d.to_string().into())),
            ("irregular_entry", c.irregular_entry.then_some(Value::Bool(true))),
            ("application_date", c.application_date.map(|d| d.to_string().into())),
            ("previous_title_expiry", c.previous_title_expiry.map(|d| d.to_string().into())),
            ("force_majeure", c.force_majeure.then_some(Value::Bool(true))),
            ("holds_valid_visa", c.holds_valid_visa.then_some(Value::Bool(true))),
            ("violence_victim", c.violence_victim.then_some(Value::Bool(true))),
            ("eu_status", c.eu_status.map(|v| v.code().into())),
            ("defence_cooperation_agreement", c.defence_cooperation_agreement.then_some(Value::Bool(true))),
            ("algerian_national", c.algerian_national.map(Value::from)),
            ("online_application", c.online_application.map(Value::from)),
        ];
        for (k, v) in opt {
            if let Some(v) = v {
                put(k, v);
            }
        }
        Value::Object(m)
    }
}

impl serde::Serialize for Request {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Request {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        Request::from_value(&value).map_err(serde::de::Error::custom)
    }
}

/// Parses an ISO 8601 calendar date (`YYYY-MM-DD`), naming `field` in the error.
pub fn parse_date(s: &str, field: &'static str) -> Result<NaiveDate, Error> {
    // chrono accepts some non-canonical forms (e.g. a leading '+'); the contract does not.
    let canonical = s.len() == 10 && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if canonical => Ok(d),
        _ => Err(Error::InvalidDate { field, value: truncate(s) }),
    }
}

pub(crate) fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Typed access to the fields of a request object; `null` counts as absent.
struct Fields<'a>(&'a Map<String, Value>);

impl<'a> Fields<'a> {
    fn get(&self, field: &'static str) -> Option<&'a Value> {
        self.0.get(field).filter(|v| !v.is_null())
    }

    fn str(&self, field: &'static str) -> Result<Option<&'a str>, Error> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(Error::InvalidType { field: field.to_string(), got: json_type(other), expected: "string" }),
        }
    }

    fn required_str(&self, field: &'static str) -> Result<&'a str, Error> {
        self.str(field)?.ok_or(Error::MissingField { field })
    }

    fn code<T>(&self, field: &'static str, parse: impl Fn(&str, &'static str) -> Result<T, Error>) -> Result<Option<T>, Error> {
        self.str(field)?.map(|s| parse(s, field)).transpose()
    }

    fn date(&self, field: &'static str) -> Result<Option<NaiveDate>, Error> {
        self.str(field)?.map(|s| parse_date(s, field)).transpose()
    }

    fn bool(&self, field: &'static str) -> Result<Option<bool>, Error> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(Error::InvalidType { field: field.to_string(), got: json_type(other), expected: "boolean" }),
        }
    }
}
