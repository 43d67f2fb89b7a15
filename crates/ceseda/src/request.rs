//! The request: what to quote, when, under which regime (by default the one in force), the
//! sub-cases and the circumstances.
//!
//! In JSON a request is one flat object (see [`crate::fields`]); absent optional fields take
//! the common case. Parsing names the field, the bad value and what would be accepted.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::fields::{Field, FieldKind, FieldValue, FIELDS, SPECS};
use crate::law::regimes::RegimeId;
use crate::model::date::parse_date;
use crate::model::document::Document;
use crate::model::error::truncate;
use crate::model::facts::{Circumstances, Facts, SubCase};
use crate::model::procedure::Procedure;
use crate::Error;

/// A request for a quote.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Request {
    /// The permit or travel document.
    pub permit: Document,
    /// The procedure.
    pub procedure: Procedure,
    /// The decision date: it selects the regime (unless `regime` is given).
    pub date: NaiveDate,
    /// An explicit regime, to price under a law other than the one in force on `date`.
    pub regime: Option<RegimeId>,
    /// The sub-cases the law distinguishes within a row.
    pub sub_case: SubCase,
    /// The circumstances that add or remove charges.
    pub circumstances: Circumstances,
}

impl Request {
    /// A request with no sub-case and the common circumstances.
    pub fn new(permit: impl Into<Document>, procedure: Procedure, date: NaiveDate) -> Self {
        Request { permit: permit.into(), procedure, date, regime: None, sub_case: SubCase::default(), circumstances: Circumstances::default() }
    }

    /// The facts the rules read.
    pub fn facts(&self) -> Facts<'_> {
        Facts { document: self.permit, procedure: self.procedure, date: self.date, sub_case: &self.sub_case, circumstances: &self.circumstances }
    }

    /// Parses the canonical JSON text of a request.
    pub fn from_json(text: &str) -> Result<Request, Error> {
        match parse_object(text)? {
            Ok(map) => Request::from_map(&map),
            Err(kind) => Err(Error::InvalidJson { message: format!("a request is a JSON object, got {kind}") }),
        }
    }

    /// Parses a request from a JSON value (an object).
    pub fn from_value(value: &Value) -> Result<Request, Error> {
        let map = value.as_object().ok_or_else(|| Error::InvalidJson { message: format!("a request is a JSON object, got {}", json_type(value)) })?;
        Request::from_map(map)
    }

    /// Parses a request from a JSON object's fields: an unknown field first, then field by
    /// field in canonical order, the first error wins.
    pub fn from_map(map: &Map<String, Value>) -> Result<Request, Error> {
        if let Some(key) = map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            return Err(Error::UnknownField { field: truncate(key), expected: FIELDS.to_vec() });
        }
        let mut request = Request::blank();
        for field in SPECS {
            match map.get(field.name).filter(|v| !v.is_null()) {
                None if field.required() => return Err(Error::MissingField { field: field.name }),
                None => {}
                Some(value) => (field.set)(&mut request, parse_value(field, value)?),
            }
        }
        Ok(request)
    }

    /// The canonical JSON object: set fields only, in canonical order.
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        for field in SPECS {
            if let Some(v) = (field.get)(self) {
                m.insert(field.name.to_string(), field_json(field, v));
            }
        }
        Value::Object(m)
    }

    /// A request with every field at its default, for the parsers to fill.
    pub(crate) fn blank() -> Request {
        Request::new(Document::Permit(crate::Permit::Visiteur), Procedure::FirstIssue, crate::model::date::MIN_DATE)
    }
}

/// Parses the JSON text of an object, reading each member's value one level deep: a member
/// that is an array or an object is kept as an empty one (no field takes either, so its type
/// is all that matters), its content checked for syntax only, at any depth; a number, even
/// beyond a double, is kept as `0`. So one member nested too deep for a JSON parser, or
/// holding a lone surrogate escape inside an array, or a number beyond a double, is
/// `invalid_type` on its field (as in every binding, whose own values of the wrong
/// type reach the core as such) rather than `invalid_json` for the whole request; and a batch
/// item never fails by its depth. `Ok(Err(kind))`: the text is JSON, but not an object.
pub fn parse_object(text: &str) -> Result<Result<Map<String, Value>, &'static str>, Error> {
    use serde::de::{Deserializer, MapAccess, Visitor};
    use serde_json::value::RawValue;

    struct Members;
    impl<'de> Visitor<'de> for Members {
        type Value = Map<String, Value>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            let mut map = Map::new();
            while let Some((key, raw)) = access.next_entry::<String, &'de RawValue>()? {
                let text = raw.get();
                let value = match text.as_bytes().first() {
                    Some(b'[') => Value::Array(Vec::new()),
                    Some(b'{') => Value::Object(Map::new()),
                    // No field takes a number: its type is all that matters, even beyond a double.
                    Some(b'-' | b'0'..=b'9') => Value::from(0),
                    _ => serde_json::from_str(text).map_err(serde::de::Error::custom)?,
                };
                map.insert(key, value);
            }
            Ok(map)
        }
    }
    let invalid = |e: serde_json::Error| Error::InvalidJson { message: e.to_string() };
    if text.trim_start_matches([' ', '\t', '\n', '\r']).starts_with('{') {
        let mut de = serde_json::Deserializer::from_str(text);
        let map = de.deserialize_map(Members).map_err(invalid)?;
        de.end().map_err(invalid)?;
        Ok(Ok(map))
    } else {
        // Not an object: which JSON it is, for the message (syntax checked at any depth).
        let raw: &RawValue = serde_json::from_str(text).map_err(invalid)?;
        Ok(Err(match raw.get().as_bytes().first() {
            Some(b'[') => "array",
            Some(b'"') => "string",
            Some(b't' | b'f') => "boolean",
            Some(b'n') => "null",
            _ => "number",
        }))
    }
}

/// Parses one field's JSON value by the field's kind.
pub fn parse_value(field: &Field, value: &Value) -> Result<FieldValue, Error> {
    let wrong = |expected: &'static str| Error::InvalidType { field: field.name.to_string(), got: json_type(value), expected };
    match (field.kind, value) {
        (FieldKind::Code(vocabulary), Value::String(s)) => vocabulary.parse(s, field.name).map(FieldValue::Code),
        (FieldKind::Date, Value::String(s)) => parse_date(s, field.name).map(FieldValue::Date),
        (FieldKind::Bool, Value::Bool(b)) => Ok(FieldValue::Bool(*b)),
        (kind, _) => Err(wrong(kind.json_type())),
    }
}

/// A field value as JSON.
pub fn field_json(field: &Field, value: FieldValue) -> Value {
    match (field.kind, value) {
        (FieldKind::Code(vocabulary), FieldValue::Code(i)) => vocabulary.code(i).map_or(Value::Null, Value::from),
        (_, FieldValue::Date(d)) => Value::from(d.to_string()),
        (_, FieldValue::Bool(b)) => Value::Bool(b),
        _ => Value::Null,
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

/// The JSON type of a value, for messages.
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
