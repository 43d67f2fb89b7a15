//! Typed errors. Each has a stable snake_case code, the same string in every binding.

use std::fmt;

/// Why a request could not be quoted. [`Error::code`] is stable across versions and languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A code (permit, procedure, regime, sub-case value…) that the library does not know.
    #[error("unknown {field} {value:?}; expected one of: {}", expected.join(", "))]
    UnknownCode {
        /// The request field.
        field: &'static str,
        /// The value given.
        value: String,
        /// Every accepted value.
        expected: Vec<&'static str>,
    },
    /// A date outside every period for which a source gives the tariff.
    #[error("{field} {value} is outside every covered period; covered: {}", covered.join("; "))]
    DateOutOfRange {
        /// The request field.
        field: &'static str,
        /// The date given (ISO 8601).
        value: String,
        /// The covered periods, for the message.
        covered: Vec<String>,
    },
    /// The permit exists, but the selected regime's table has no row for it.
    #[error("permit {value:?} does not appear in the {regime} table ({source_doc}); it appears in: {}", available_in.join(", "))]
    PermitNotInRegime {
        /// The permit code.
        value: String,
        /// The regime id.
        regime: &'static str,
        /// The regime's source document.
        source_doc: &'static str,
        /// The regimes whose tables list the permit.
        available_in: Vec<&'static str>,
    },
    /// The table distinguishes sub-cases for this permit and the request does not say which.
    #[error("{permit} under {regime} needs {field}: {reason}; expected one of: {}", expected.join(", "))]
    MissingSubCase {
        /// The permit code.
        permit: &'static str,
        /// The regime id.
        regime: &'static str,
        /// The missing request field.
        field: &'static str,
        /// What the table distinguishes.
        reason: &'static str,
        /// Accepted values.
        expected: Vec<&'static str>,
    },
    /// A sub-case or circumstance value that the table does not allow here, or that contradicts
    /// another field.
    #[error("{field} = {value}: {reason}")]
    InvalidSubCase {
        /// The request field.
        field: &'static str,
        /// The value given.
        value: String,
        /// Why it is refused, and what would be accepted.
        reason: String,
    },
    /// No source gives this charge or procedure for the selected period: the library will not guess.
    #[error("not covered by any source: {what} ({field} under {regime})")]
    NotCovered {
        /// The request field that asks for it.
        field: &'static str,
        /// The regime id.
        regime: &'static str,
        /// What has no source.
        what: String,
    },
    /// A malformed date string.
    #[error("{field} {value:?} is not a valid date; expected YYYY-MM-DD (ISO 8601)")]
    InvalidDate {
        /// The request field.
        field: &'static str,
        /// The value given.
        value: String,
    },
    /// A JSON value of the wrong type for its field.
    #[error("{field} has the wrong type: got {got}, expected {expected}")]
    InvalidType {
        /// The request field.
        field: String,
        /// The JSON type given.
        got: &'static str,
        /// The JSON type expected.
        expected: &'static str,
    },
    /// A required field is missing.
    #[error("missing required field {field}")]
    MissingField {
        /// The request field.
        field: &'static str,
    },
    /// A field the contract does not define (often a typo).
    #[error("unknown field {field:?}; expected one of: {}", expected.join(", "))]
    UnknownField {
        /// The field name given.
        field: String,
        /// Every accepted field.
        expected: Vec<&'static str>,
    },
    /// The input is not JSON, or not a JSON object.
    #[error("invalid JSON: {message}")]
    InvalidJson {
        /// The parser's message.
        message: String,
    },
}

impl Error {
    /// Every error code, in declaration order.
    pub const CODES: &'static [&'static str] = &[
        "unknown_code",
        "date_out_of_range",
        "permit_not_in_regime",
        "missing_sub_case",
        "invalid_sub_case",
        "not_covered",
        "invalid_date",
        "invalid_type",
        "missing_field",
        "unknown_field",
        "invalid_json",
    ];

    /// The stable error code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::UnknownCode { .. } => "unknown_code",
            Error::DateOutOfRange { .. } => "date_out_of_range",
            Error::PermitNotInRegime { .. } => "permit_not_in_regime",
            Error::MissingSubCase { .. } => "missing_sub_case",
            Error::InvalidSubCase { .. } => "invalid_sub_case",
            Error::NotCovered { .. } => "not_covered",
            Error::InvalidDate { .. } => "invalid_date",
            Error::InvalidType { .. } => "invalid_type",
            Error::MissingField { .. } => "missing_field",
            Error::UnknownField { .. } => "unknown_field",
            Error::InvalidJson { .. } => "invalid_json",
        }
    }

    /// The request field the error is about, where there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::UnknownCode { field, .. }
            | Error::DateOutOfRange { field, .. }
            | Error::MissingSubCase { field, .. }
            | Error::InvalidSubCase { field, .. }
            | Error::NotCovered { field, .. }
            | Error::InvalidDate { field, .. }
            | Error::MissingField { field } => Some(field),
            Error::PermitNotInRegime { .. } => Some("permit"),
            Error::InvalidType { field, .. } | Error::UnknownField { field, .. } => Some(field),
            Error::InvalidJson { .. } => None,
        }
    }

    /// The offending value, where there is one.
    pub fn value(&self) -> Option<&str> {
        match self {
            Error::UnknownCode { value, .. }
            | Error::DateOutOfRange { value, .. }
            | Error::PermitNotInRegime { value, .. }
            | Error::InvalidSubCase { value, .. }
            | Error::InvalidDate { value, .. } => Some(value),
            Error::UnknownField { field, .. } => Some(field),
            Error::MissingSubCase { .. }
            | Error::NotCovered { .. }
            | Error::InvalidType { .. }
            | Error::MissingField { .. }
            | Error::InvalidJson { .. } => None,
        }
    }

    /// The accepted values, where the error can list them.
    pub fn expected(&self) -> Vec<String> {
        match self {
            Error::UnknownCode { expected, .. }
            | Error::MissingSubCase { expected, .. }
            | Error::UnknownField { expected, .. } => expected.iter().map(|s| s.to_string()).collect(),
            Error::DateOutOfRange { covered, .. } => covered.clone(),
            Error::PermitNotInRegime { available_in, .. } => available_in.iter().map(|s| s.to_string()).collect(),
            Error::InvalidType { expected, .. } => vec![expected.to_string()],
            _ => Vec::new(),
        }
    }

    pub(crate) fn unknown_code(
        field: &'static str,
        value: &str,
        expected: impl IntoIterator<Item = &'static str>,
    ) -> Error {
        Error::UnknownCode { field, value: truncate(value), expected: expected.into_iter().collect() }
    }

    pub(crate) fn invalid_sub_case(field: &'static str, value: impl fmt::Display, reason: impl Into<String>) -> Error {
        Error::InvalidSubCase { field, value: truncate(&value.to_string()), reason: reason.into() }
    }
}

/// Error records echo user input; a multi-megabyte string should not come back whole.
pub(crate) fn truncate(value: &str) -> String {
    const MAX: usize = 200;
    if value.len() <= MAX {
        return value.to_string();
    }
    let mut end = MAX;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", value.get(..end).unwrap_or_default())
}

/// The serialisable record of an error: what every binding receives.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ErrorRecord {
    /// Stable error code.
    pub code: String,
    /// Human-readable message (English).
    pub message: String,
    /// The field concerned, if any.
    pub field: Option<String>,
    /// The offending value, if any.
    pub value: Option<String>,
    /// Accepted values or covered periods, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected: Vec<String>,
}

impl From<&Error> for ErrorRecord {
    fn from(e: &Error) -> Self {
        ErrorRecord {
            code: e.code().to_string(),
            message: e.to_string(),
            field: e.field().map(str::to_string),
            value: e.value().map(str::to_string),
            expected: e.expected(),
        }
    }
}
