//! Typed errors. Each has a stable snake_case code, the same string in every binding, and a
//! message in French and in English.

use std::borrow::Cow;
use std::fmt;

use crate::model::answer::Explanation;
use crate::model::codes::Lang;

/// Why a request could not be quoted. [`Error::code`] is stable across versions and languages.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A code (permit, procedure, regime, sub-case value…) that the library does not know.
    UnknownCode {
        /// The request field.
        field: &'static str,
        /// The value given.
        value: String,
        /// Every accepted value.
        expected: Vec<&'static str>,
        /// The accepted value closest to the one given, if one is close ("did you mean").
        suggestion: Option<&'static str>,
    },
    /// A date outside every period for which a source gives the tariff.
    DateOutOfRange {
        /// The request field.
        field: &'static str,
        /// The date given (ISO 8601).
        value: String,
        /// The covered periods, for the message.
        covered: Vec<String>,
    },
    /// The permit exists, but the selected regime's law has no entry for it.
    PermitNotInRegime {
        /// The permit code.
        value: String,
        /// The regime id.
        regime: &'static str,
        /// The regime's source.
        source_doc: &'static str,
        /// The regimes whose law lists the permit.
        available_in: Vec<&'static str>,
    },
    /// The law distinguishes sub-cases for this permit and the request does not say which.
    MissingSubCase {
        /// The permit code.
        permit: &'static str,
        /// The regime id.
        regime: &'static str,
        /// The missing request field.
        field: Cow<'static, str>,
        /// What the law distinguishes.
        reason: Box<Explanation>,
        /// Accepted values.
        expected: Vec<Cow<'static, str>>,
    },
    /// A sub-case or circumstance value that the law does not allow here, or that contradicts
    /// another field.
    InvalidSubCase {
        /// The request field.
        field: Cow<'static, str>,
        /// The value given.
        value: String,
        /// Why it is refused, and what would be accepted.
        reason: Box<Explanation>,
    },
    /// No source gives this charge or procedure for the selected period: the library will not guess.
    NotCovered {
        /// The request field that asks for it.
        field: &'static str,
        /// The regime id.
        regime: &'static str,
        /// What has no source.
        what: Box<Explanation>,
    },
    /// A malformed date string, or a date outside the years 1900–2200.
    InvalidDate {
        /// The request field.
        field: &'static str,
        /// The value given.
        value: String,
    },
    /// A JSON value of the wrong type for its field.
    InvalidType {
        /// The request field.
        field: String,
        /// The JSON type given.
        got: &'static str,
        /// The JSON type expected.
        expected: &'static str,
    },
    /// A required field is missing.
    MissingField {
        /// The request field.
        field: &'static str,
    },
    /// A field the contract does not define (often a typo).
    UnknownField {
        /// The field name given.
        field: String,
        /// Every accepted field.
        expected: Vec<&'static str>,
    },
    /// The input is not JSON, or not a JSON object.
    InvalidJson {
        /// The parser's message.
        message: String,
    },
    /// A reform document that cannot amend the law: a bad value under one of its keys.
    InvalidReform {
        /// The key, as a path in the document (`amend[0].amount`).
        field: String,
        /// The value given.
        value: String,
        /// Why it is refused.
        reason: Box<Explanation>,
        /// What would be accepted, where the values are a list.
        expected: Vec<String>,
    },
}

/// Every error code, in declaration order, with its French and English labels.
pub const ERROR_CODES: &[(&str, &str, &str)] = &[
    ("unknown_code", "Code inconnu", "Unknown code"),
    ("date_out_of_range", "Date hors des périodes couvertes", "Date outside the covered periods"),
    ("permit_not_in_regime", "Titre absent de ce régime", "Permit not in this regime"),
    ("missing_sub_case", "Précision manquante", "Missing sub-case"),
    ("invalid_sub_case", "Précision incompatible", "Invalid sub-case"),
    ("not_covered", "Non couvert par les sources", "Not covered by any source"),
    ("invalid_date", "Date invalide", "Invalid date"),
    ("invalid_type", "Type invalide", "Invalid type"),
    ("missing_field", "Champ obligatoire manquant", "Missing required field"),
    ("unknown_field", "Champ inconnu", "Unknown field"),
    ("invalid_json", "JSON invalide", "Invalid JSON"),
    ("invalid_reform", "Réforme invalide", "Invalid reform"),
];

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
        "invalid_reform",
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
            Error::InvalidReform { .. } => "invalid_reform",
        }
    }

    /// The request field the error is about, where there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::UnknownCode { field, .. }
            | Error::DateOutOfRange { field, .. }
            | Error::NotCovered { field, .. }
            | Error::InvalidDate { field, .. }
            | Error::MissingField { field } => Some(field),
            Error::MissingSubCase { field, .. } | Error::InvalidSubCase { field, .. } => Some(field),
            Error::PermitNotInRegime { .. } => Some("permit"),
            Error::InvalidType { field, .. } | Error::UnknownField { field, .. } | Error::InvalidReform { field, .. } => Some(field),
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
            | Error::InvalidDate { value, .. }
            | Error::InvalidReform { value, .. } => Some(value),
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
            Error::UnknownCode { expected, .. } | Error::UnknownField { expected, .. } => expected.iter().map(|s| s.to_string()).collect(),
            Error::MissingSubCase { expected, .. } => expected.iter().map(|s| s.to_string()).collect(),
            Error::DateOutOfRange { covered, .. } => covered.clone(),
            Error::PermitNotInRegime { available_in, .. } => available_in.iter().map(|s| s.to_string()).collect(),
            Error::InvalidType { expected, .. } => vec![expected.to_string()],
            Error::InvalidReform { expected, .. } => expected.clone(),
            _ => Vec::new(),
        }
    }

    /// The closest accepted code, for an unknown code that is near one.
    pub fn suggestion(&self) -> Option<&'static str> {
        match self {
            Error::UnknownCode { suggestion, .. } => *suggestion,
            _ => None,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let list = |items: &[&str]| items.join(", ");
        match self {
            Error::UnknownCode { field, value, expected, suggestion } => {
                let hint = match (suggestion, fr) {
                    (Some(s), true) => format!(". Vouliez-vous dire « {s} » ?"),
                    (Some(s), false) => format!(". Did you mean {s:?}?"),
                    (None, _) => String::new(),
                };
                if fr {
                    format!("{field} inconnu : {value:?} ; valeurs admises : {}{hint}", list(expected))
                } else {
                    format!("unknown {field} {value:?}; expected one of: {}{hint}", list(expected))
                }
            }
            Error::DateOutOfRange { field, value, covered } => {
                let covered: Vec<&str> = covered.iter().map(String::as_str).collect();
                if fr {
                    format!("{field} {value} est en dehors de toute période couverte ; périodes couvertes : {}", covered.join(" ; "))
                } else {
                    format!("{field} {value} is outside every covered period; covered: {}", covered.join("; "))
                }
            }
            Error::PermitNotInRegime { value, regime, source_doc, available_in } => {
                let where_ = if available_in.is_empty() { lang.pick("aucun régime", "no regime").to_string() } else { list(available_in) };
                if fr {
                    format!("le titre {value:?} ne figure pas dans le régime {regime} ({source_doc}) ; il figure dans : {where_}")
                } else {
                    format!("permit {value:?} does not appear in the {regime} regime ({source_doc}); it appears in: {where_}")
                }
            }
            Error::MissingSubCase { permit, regime, field, reason, expected } => {
                let expected: Vec<&str> = expected.iter().map(|e| e.as_ref()).collect();
                let expected = expected.as_slice();
                if fr {
                    format!("{permit} sous {regime} demande {field} : {} ; valeurs admises : {}", reason.fr, list(expected))
                } else {
                    format!("{permit} under {regime} needs {field}: {}; expected one of: {}", reason.en, list(expected))
                }
            }
            Error::InvalidSubCase { field, value, reason } => {
                if fr {
                    format!("{field} = {value} : {}", reason.fr)
                } else {
                    format!("{field} = {value}: {}", reason.en)
                }
            }
            Error::NotCovered { field, regime, what } => {
                if fr {
                    format!("non couvert par les sources : {} ({field} sous {regime})", what.fr)
                } else {
                    format!("not covered by any source: {} ({field} under {regime})", what.en)
                }
            }
            Error::InvalidDate { field, value } => {
                if fr {
                    format!("{field} {value:?} n'est pas une date valide ; attendu AAAA-MM-JJ (ISO 8601), années 1900 à 2200")
                } else {
                    format!("{field} {value:?} is not a valid date; expected YYYY-MM-DD (ISO 8601), years 1900 to 2200")
                }
            }
            Error::InvalidType { field, got, expected } => {
                if fr {
                    format!("{field} a un type invalide : reçu {got}, attendu {expected}")
                } else {
                    format!("{field} has the wrong type: got {got}, expected {expected}")
                }
            }
            Error::MissingField { field } => {
                if fr {
                    format!("champ obligatoire manquant : {field}")
                } else {
                    format!("missing required field {field}")
                }
            }
            Error::UnknownField { field, expected } => {
                if fr {
                    format!("champ inconnu {field:?} ; champs admis : {}", list(expected))
                } else {
                    format!("unknown field {field:?}; expected one of: {}", list(expected))
                }
            }
            Error::InvalidJson { message } => {
                if fr {
                    format!("JSON invalide : {message}")
                } else {
                    format!("invalid JSON: {message}")
                }
            }
            Error::InvalidReform { field, value, reason, expected } => {
                let accepted = if expected.is_empty() { String::new() } else { format!("{}{}", lang.pick(" ; valeurs admises : ", "; expected one of: "), expected.join(", ")) };
                if fr {
                    format!("réforme invalide, {field} = {value} : {}{accepted}", reason.fr)
                } else {
                    format!("invalid reform, {field} = {value}: {}{accepted}", reason.en)
                }
            }
        }
    }

    /// An `unknown_code` error, with a suggestion where an accepted code is close.
    pub(crate) fn unknown_code(field: &'static str, value: &str, expected: impl IntoIterator<Item = &'static str>) -> Error {
        let expected: Vec<&'static str> = expected.into_iter().collect();
        let suggestion = crate::model::suggest::closest(value, &expected, field);
        Error::UnknownCode { field, value: truncate(value), expected, suggestion }
    }

    pub(crate) fn invalid_sub_case(field: impl Into<Cow<'static, str>>, value: impl fmt::Display, fr: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Error {
        Error::InvalidSubCase { field: field.into(), value: truncate(&value.to_string()), reason: Box::new(Explanation { fr: fr.into(), en: en.into() }) }
    }

    pub(crate) fn not_covered(field: &'static str, regime: &'static str, fr: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Error {
        Error::NotCovered { field, regime, what: Box::new(Explanation { fr: fr.into(), en: en.into() }) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}

/// Error records echo user input; a multi-megabyte string should not come back whole.
pub fn truncate(value: &str) -> String {
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
    /// Human-readable message, in the language asked for (English by default).
    pub message: String,
    /// The field concerned, if any.
    pub field: Option<String>,
    /// The offending value, if any.
    pub value: Option<String>,
    /// Accepted values or covered periods, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected: Vec<String>,
    /// For an unknown code: the closest accepted code, if one is close.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl ErrorRecord {
    /// The record of `e`, with its message in `lang`.
    pub fn new(e: &Error, lang: Lang) -> Self {
        ErrorRecord {
            code: e.code().to_string(),
            message: e.message(lang),
            field: e.field().map(str::to_string),
            value: e.value().map(str::to_string),
            expected: e.expected(),
            suggestion: e.suggestion().map(str::to_string),
        }
    }
}

impl From<&Error> for ErrorRecord {
    fn from(e: &Error) -> Self {
        ErrorRecord::new(e, Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_labels_agree() {
        let labelled: Vec<&str> = ERROR_CODES.iter().map(|(c, _, _)| *c).collect();
        assert_eq!(labelled, Error::CODES);
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let e = Error::MissingField { field: "permit" };
        assert_eq!(e.message(Lang::En), "missing required field permit");
        assert_eq!(e.message(Lang::Fr), "champ obligatoire manquant : permit");
    }
}
