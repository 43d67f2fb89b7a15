//! The Python package's generated files (`bindings/python/python/ceseda/`), all from the
//! core's schema:
//!
//! * `_codes.py`: one str-Enum per vocabulary, each member with `label_fr` / `label_en`;
//! * `_fields.py`: the field table the translation reads (names, kinds, vocabularies,
//!   groups, required, labels and help), the window fields, every vocabulary's codes and the
//!   columns of a batch answer;
//! * `_errors.py`: `CesedaError` and one exception class per error code, with its labels;
//! * `_answers.py`: the answer dataclasses (quote, line, window, regime…), with `from_dict` /
//!   `to_dict` that read and write the core's JSON exactly;
//! * `_api.pyi`: the typed signatures of `quote()` (every field, with its type),
//!   `quote_frame()` (one overload per frame library) and `history()` (every field but the
//!   date, one overload per kind of frame answered).
//!
//! What is Python's own (class names, docstrings, which errors are also `TypeError`s, the
//! methods the dataclasses inherit) is in the tables below; everything else is read from the
//! schema, so a new field, code or answer member needs no edit here.

use serde_json::Value;

use crate::{quoted, File, GENERATED};

/// Where the files go.
const DIR: &str = "bindings/python/python/ceseda";

/// Python names and docstrings of the vocabularies; a vocabulary not listed gets a
/// CamelCase name and a plain docstring.
const ENUMS: &[(&str, &str, &str)] = &[
    ("permit", "Permit", "A residence permit (titre de séjour), as the seed tables name it."),
    ("travel_document", "TravelDocument", "A travel or circulation document taxed on its own; the ``permit`` field accepts it too."),
    ("procedure", "Procedure", "What is asked of the prefecture."),
    ("regime", "RegimeId", "A tariff regime: which law prices the request."),
    ("family_member", "FamilyMember", "Family reunification: spouse or child."),
    ("card_kind", "CardKind", "Temporary card (CST) or multi-year card (CSP)."),
    ("card_validity", "CardValidity", "How long the card is valid for."),
    ("admission_card", "AdmissionCard", "The card issued after an exceptional admission to residence."),
    ("eu_status", "EuStatus", "Citizenship of, or family tie to, the EU, the EEA, Switzerland or Andorra."),
    ("outcome", "Outcome", "What the answer is: an amount, or one of the law's non-amount answers."),
    ("component", "Component", "The kind of charge a line is."),
    ("due", "DueAt", "When a line is paid."),
    ("confidence", "Confidence", "How well the sources support a regime or a figure."),
    ("window_rule", "WindowRule", "The rule that sets a renewal filing window."),
    ("window_status", "WindowStatus", "Where a filing date falls with respect to a renewal window."),
    ("error_code", "ErrorCode", "The stable code of an error (``CesedaError.code``)."),
    ("lang", "Lang", "A language of messages, labels and explanations."),
];

/// Vocabularies that are the union of others: they get no enum of their own.
const UNIONS: &[(&str, &[&str])] = &[("document", &["permit", "travel_document"])];

/// Error codes whose exception is also a `TypeError` (the others are `ValueError`s): the
/// request's shape is wrong rather than one of its values.
const TYPE_ERRORS: &[&str] = &["invalid_type", "missing_field", "unknown_field"];

/// The answer types that become dataclasses: schema name, Python class, the hand-written
/// mixin (in `_methods.py`) that gives it methods.
const ANSWERS: &[(&str, &str, Option<&str>)] = &[
    ("explanation", "Explanation", None),
    ("note", "Note", None),
    ("erratum", "Erratum", None),
    ("line", "Line", None),
    ("quote", "Quote", Some("QuoteMethods")),
    ("window", "RenewalWindow", None),
    ("source_text", "SourceText", None),
    ("regime", "Regime", Some("RegimeMethods")),
    ("component_amount", "ComponentAmount", None),
    ("period_error", "PeriodError", None),
    ("period", "Period", None),
    ("history", "History", None),
    ("field_info", "FieldInfo", None),
    ("relevant_fields", "RelevantFields", None),
];

/// The request fields `history()` does not take: it quotes every day, so a history request has
/// no decision date (the core refuses one as `unknown_field`).
const HISTORY_OMITS: &[&str] = &["date"];

/// The kinds of frame `history()` answers (its `frame` argument), with the stub's return type;
/// the last is the default.
const HISTORY_FRAMES: &[(&str, &str)] = &[("polars", "polars.DataFrame"), ("arrow", "pyarrow.Table"), ("pandas", "pandas.DataFrame")];

/// Python's keywords: a member of that name is the attribute `name_` (PEP 8), its JSON key
/// unchanged (`Period.from_` reads and writes `"from"`).
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
    "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The Python attribute of an answer member.
fn attribute(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("{name}_")
    } else {
        name.to_string()
    }
}

/// The Python files.
pub fn files(schema: &Value) -> Vec<File> {
    [("_codes.py", codes(schema)), ("_fields.py", fields(schema)), ("_errors.py", errors(schema)), ("_answers.py", answers(schema)), ("_api.pyi", api_stub(schema))]
        .into_iter()
        .map(|(name, content)| File { path: format!("{DIR}/{name}").into(), content })
        .collect()
}

// ------------------------------------------------------------------------------ helpers

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

fn camel(name: &str) -> String {
    name.split('_').map(|w| w.get(..1).map_or_else(String::new, |c| c.to_uppercase()) + w.get(1..).unwrap_or_default()).collect()
}

/// The enum class of a vocabulary.
fn enum_name(vocabulary: &str) -> String {
    ENUMS.iter().find(|(v, _, _)| *v == vocabulary).map_or_else(|| camel(vocabulary), |(_, name, _)| (*name).to_string())
}

fn union_of(vocabulary: &str) -> Option<&'static [&'static str]> {
    UNIONS.iter().find(|(v, _)| *v == vocabulary).map(|(_, parts)| *parts)
}

/// The Python type a code of `vocabulary` is given as.
fn code_input(vocabulary: &str) -> String {
    let parts: Vec<String> = union_of(vocabulary).map_or_else(|| vec![enum_name(vocabulary)], |parts| parts.iter().map(|p| enum_name(p)).collect());
    format!("Union[{}, str]", parts.join(", "))
}

fn vocabularies(schema: &Value) -> &[Value] {
    list(schema, "vocabularies")
}

/// `(name, codes)` of every vocabulary.
fn vocabulary_codes(schema: &Value) -> Vec<(&str, Vec<&str>)> {
    vocabularies(schema).iter().map(|v| (text(v, "name"), list(v, "codes").iter().map(|c| text(c, "code")).collect())).collect()
}

fn header(doc: &str) -> String {
    format!("# {GENERATED}\n{}\n\nfrom __future__ import annotations\n\n", docstring(doc))
}

fn docstring(doc: &str) -> String {
    format!("\"\"\"{}\"\"\"", doc.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\""))
}

fn comment(doc: &str) -> String {
    doc.replace('\n', " ")
}

fn all(names: &[String]) -> String {
    let mut out = String::from("__all__ = [\n");
    for n in names {
        out.push_str(&format!("    {},\n", quoted(n)));
    }
    out.push_str("]\n");
    out
}

fn tuple(items: &[&str]) -> String {
    match items {
        [] => "()".to_string(),
        [one] => format!("({},)", quoted(one)),
        _ => format!("({})", items.iter().map(|s| quoted(s)).collect::<Vec<_>>().join(", ")),
    }
}

/// A field's kind: `code`, `date` or `bool`, and its vocabulary.
fn kind(field: &Value) -> (&str, Option<&str>) {
    let kind = field.get("kind").unwrap_or(&Value::Null);
    (text(kind, "type"), kind.get("vocabulary").and_then(Value::as_str))
}

// ------------------------------------------------------------------------------ _codes.py

fn codes(schema: &Value) -> String {
    let enums: Vec<&Value> = vocabularies(schema).iter().filter(|v| union_of(text(v, "name")).is_none()).collect();
    let mut names = vec!["CodeEnum".to_string()];
    names.extend(enums.iter().map(|v| enum_name(text(v, "name"))));
    let mut out = header(
        "The codes of the contract as str-Enums, with their French and English labels.\n\n\
         Every member *is* its code (``Permit.VISITEUR == \"visiteur\"``) and carries ``label_fr`` and\n\
         ``label_en``; the API accepts members and plain strings alike, and answers plain strings.\n",
    );
    out.push_str("import enum\nfrom typing import Type, TypeVar\n\n");
    out.push_str(&all(&names));
    out.push_str(
        r#"
_E = TypeVar("_E", bound="CodeEnum")


class CodeEnum(str, enum.Enum):
    """Base of the code enums: a ``str`` whose value is the stable code, with its labels."""

    _value_: str
    #: The French label.
    label_fr: str
    #: The English label.
    label_en: str

    def __new__(cls: Type[_E], code: str, label_fr: str, label_en: str) -> _E:
        member = str.__new__(cls, code)
        member._value_ = code
        member.label_fr = label_fr
        member.label_en = label_en
        return member

    def __str__(self) -> str:
        return self._value_

    def __format__(self, spec: str) -> str:
        return format(self._value_, spec)

    def label(self, lang: str = "en") -> str:
        """The label in ``lang`` (``"fr"`` or ``"en"``)."""
        return self.label_fr if lang == "fr" else self.label_en
"#,
    );
    for v in enums {
        let name = text(v, "name");
        let doc = ENUMS.iter().find(|(n, _, _)| *n == name).map_or_else(|| format!("The codes of ``{name}``."), |(_, _, d)| (*d).to_string());
        out.push_str(&format!("\n\nclass {}(CodeEnum):\n    {}\n\n", enum_name(name), docstring(&doc)));
        for c in list(v, "codes") {
            let code = text(c, "code");
            out.push_str(&format!("    #: {}\n", comment(text(c, "label_en"))));
            out.push_str(&format!("    {} = ({}, {}, {})\n", code.to_uppercase(), quoted(code), quoted(text(c, "label_fr")), quoted(text(c, "label_en"))));
        }
    }
    out
}

// ------------------------------------------------------------------------------ _fields.py

/// The kind of a window field: the window answer's member of that name, else the request
/// field of that name, else a date (`expiry`, `filing_date`).
fn window_kind<'a>(schema: &'a Value, name: &str) -> &'a str {
    let answer = list(schema, "answers").iter().find(|a| text(a, "name") == "window");
    let member = answer.and_then(|a| list(a, "members").iter().find(|m| text(m, "name") == name)).map(|m| text(m, "type"));
    match member {
        Some(t) if t.starts_with("code:") => "code",
        Some("boolean") => "bool",
        Some("date") => "date",
        _ => list(schema, "fields").iter().find(|f| text(f, "name") == name).map_or("date", |f| kind(f).0),
    }
}

/// The columns of a batch answer, with the type of their values: the `table` answer's
/// members, with one money column per component after the first.
fn table_columns(schema: &Value) -> Vec<(String, String)> {
    let components: Vec<String> = vocabulary_codes(schema).into_iter().find(|(n, _)| *n == "component").map(|(_, c)| c.iter().map(|s| (*s).to_string()).collect()).unwrap_or_default();
    let table = list(schema, "answers").iter().find(|a| text(a, "name") == "table");
    let mut out = Vec::new();
    for (i, m) in table.map_or(&[][..], |t| list(t, "members")).iter().enumerate() {
        let t = text(m, "type");
        out.push((text(m, "name").to_string(), t.strip_prefix("array:").unwrap_or(t).to_string()));
        if i == 0 {
            out.extend(components.iter().map(|c| (c.clone(), "money".to_string())));
        }
    }
    out
}

fn fields(schema: &Value) -> String {
    let mut out = header(
        "The request's fields and the contract's vocabularies, from the core's field table.\n\n\
         ``FIELD_TABLE`` is what the translation reads: each field's kind (``\"code\"``, ``\"date\"`` or\n\
         ``\"bool\"``), its vocabulary, its group, whether it is required, its labels and help.\n",
    );
    out.push_str("import types\nfrom typing import Mapping, NamedTuple, Optional, Tuple\n\n");
    let names: Vec<String> =
        ["SCHEMA_VERSION", "Field", "FIELD_TABLE", "FIELDS", "REQUIRED", "WINDOW_FIELDS", "VOCABULARIES", "TABLE_COLUMNS", "TOTALS"].iter().map(|s| (*s).to_string()).collect();
    out.push_str(&all(&names));
    out.push_str(&format!("\n#: The version of the core's schema these files were generated from.\nSCHEMA_VERSION = {}\n", schema.get("version").and_then(Value::as_u64).unwrap_or(0)));
    out.push_str(
        r#"

class Field(NamedTuple):
    """One request field, as the core's field table describes it."""

    #: The JSON name: also the keyword of ``quote()`` and ``quote_frame()``.
    name: str
    #: ``"code"``, ``"date"`` or ``"bool"``.
    kind: str
    #: The vocabulary of a code field (a key of ``VOCABULARIES``), else ``None``.
    vocabulary: Optional[str]
    #: The JSON type: ``"string"`` or ``"boolean"``.
    json_type: str
    #: ``"required"``, ``"selection"``, ``"sub_case"`` or ``"circumstance"``.
    group: str
    #: Whether the request must give it.
    required: bool
    #: French label.
    label_fr: str
    #: English label.
    label_en: str
    #: French help.
    help_fr: str
    #: English help.
    help_en: str


#: Every request field, in the core's canonical order (the order errors are reported in).
FIELD_TABLE: Mapping[str, Field] = types.MappingProxyType(
    {
"#,
    );
    for f in list(schema, "fields") {
        let (k, vocabulary) = kind(f);
        let vocabulary = vocabulary.map_or_else(|| "None".to_string(), quoted);
        let args = [
            quoted(text(f, "name")),
            quoted(k),
            vocabulary,
            quoted(text(f, "json_type")),
            quoted(text(f, "group")),
            py_bool(flag(f, "required")).to_string(),
            quoted(text(f, "label_fr")),
            quoted(text(f, "label_en")),
            quoted(text(f, "help_fr")),
            quoted(text(f, "help_en")),
        ];
        out.push_str(&format!("        {}: Field({}),\n", quoted(text(f, "name")), args.join(", ")));
    }
    out.push_str("    }\n)\n\n#: Every request field's name, in canonical order.\nFIELDS: Tuple[str, ...] = tuple(FIELD_TABLE)\n");
    out.push_str("#: The required fields.\nREQUIRED: Tuple[str, ...] = tuple(f.name for f in FIELD_TABLE.values() if f.required)\n\n");
    out.push_str("#: The fields of a window request (``renewal_window``), with their kinds.\nWINDOW_FIELDS: Mapping[str, str] = types.MappingProxyType(\n    {\n");
    for w in list(schema, "window_fields").iter().filter_map(Value::as_str) {
        out.push_str(&format!("        {}: {},\n", quoted(w), quoted(window_kind(schema, w))));
    }
    out.push_str("    }\n)\n\n#: Every vocabulary's codes, in order (a code's position is its index).\nVOCABULARIES: Mapping[str, Tuple[str, ...]] = types.MappingProxyType(\n    {\n");
    for (name, codes) in vocabulary_codes(schema) {
        out.push_str(&format!("        {}: {},\n", quoted(name), tuple(&codes)));
    }
    out.push_str(
        "    }\n)\n\n#: The columns of a batch answered in columns (``quote_table_json``, ``quote_frame``), in order,\n\
         #: with the type of their values: ``\"money\"``, ``\"code:<vocabulary>\"`` or ``\"string\"``.\n\
         TABLE_COLUMNS: Mapping[str, str] = types.MappingProxyType(\n    {\n",
    );
    for (name, t) in table_columns(schema) {
        out.push_str(&format!("        {}: {},\n", quoted(&name), quoted(&t)));
    }
    out.push_str(&format!("    }}\n)\n\n#: How totals read, decided once for every binding.\nTOTALS = {}\n", quoted(text(schema, "totals"))));
    out
}

// ------------------------------------------------------------------------------ _errors.py

const ERROR_BASE: &str = r#"

class CesedaError(Exception):
    """Why a request could not be answered.

    Catch this to catch every error of the library; catch a subclass for one code. ``code`` is
    the same stable snake_case string as in the JSON contract and every other binding;
    ``field`` names the request field concerned, ``value`` echoes the offending value,
    ``expected`` lists what would be accepted (or, for ``date_out_of_range``, the covered
    periods) and ``suggestion`` is the closest accepted code of an unknown one.
    """

    #: The stable error code (``"unknown_code"``, ``"invalid_type"``…).
    code: str
    #: The request field concerned, if any.
    field: Optional[str]
    #: The offending value, if any, as text.
    value: Optional[str]
    #: Accepted values, or covered periods, if the error can list them.
    expected: Tuple[str, ...]
    #: For an unknown code: the closest accepted code, if one is close.
    suggestion: Optional[str]
    #: The message, in the language asked for (English by default).
    message: str

    #: The code every instance of the class carries (``None`` on the base class).
    default_code: ClassVar[Optional[str]] = None
    #: The French label of the class's code.
    label_fr: ClassVar[str] = "Erreur"
    #: The English label of the class's code.
    label_en: ClassVar[str] = "Error"

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        field: Optional[str] = None,
        value: Optional[str] = None,
        expected: Iterable[str] = (),
        suggestion: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        resolved = code if code is not None else self.default_code
        if resolved is None:
            raise TypeError("CesedaError needs a code")
        self.code = resolved
        self.message = message
        self.field = field
        self.value = value
        self.expected = tuple(expected)
        self.suggestion = suggestion

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, field={self.field!r}, value={self.value!r}, message={self.message!r})"

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (type(self), self.to_dict()))

    def to_dict(self) -> Dict[str, Any]:
        """The error record of the JSON contract: ``{code, message, field, value, expected?, suggestion?}``."""
        record: Dict[str, Any] = {"code": self.code, "message": self.message, "field": self.field, "value": self.value}
        if self.expected:
            record["expected"] = list(self.expected)
        if self.suggestion is not None:
            record["suggestion"] = self.suggestion
        return record


def _rebuild(cls: Type[CesedaError], record: Mapping[str, Any]) -> CesedaError:
    return error_from_record(record, cls)
"#;

const ERROR_END: &str = r#"

def error_from_record(record: Mapping[str, Any], cls: Optional[Type[CesedaError]] = None) -> CesedaError:
    """The exception for an error record of the JSON contract (``answer["error"]``)."""
    code = str(record.get("code"))
    return (cls or ERRORS.get(code, CesedaError))(
        str(record.get("message", "")),
        code=code,
        field=record.get("field"),
        value=record.get("value"),
        expected=record.get("expected") or (),
        suggestion=record.get("suggestion"),
    )
"#;

fn error_class(code: &str) -> String {
    format!("{}Error", camel(code))
}

fn errors(schema: &Value) -> String {
    let mut out = header("Typed exceptions: ``CesedaError`` and one subclass per error code of the core's contract, with its labels.\n");
    out.push_str("from typing import Any, ClassVar, Dict, Iterable, Mapping, Optional, Tuple, Type\n\n");
    let codes: Vec<(&str, &str, &str)> = list(schema, "errors").iter().map(|e| (text(e, "code"), text(e, "label_fr"), text(e, "label_en"))).collect();
    let mut classes: Vec<(String, &str, &str, &str, &str)> = codes
        .iter()
        .map(|(code, fr, en)| (error_class(code), *code, *fr, *en, if TYPE_ERRORS.contains(code) { "TypeError" } else { "ValueError" }))
        .collect();
    classes.push(("InternalError".to_string(), "internal_error", "Erreur interne", "Internal error", "RuntimeError"));
    let mut names = vec!["CesedaError".to_string()];
    names.extend(classes.iter().map(|c| c.0.clone()));
    names.extend(["ERRORS", "ERROR_CODES", "error_from_record"].iter().map(|s| (*s).to_string()));
    out.push_str(&all(&names));
    out.push_str(ERROR_BASE);
    for (class, code, fr, en, also) in &classes {
        out.push_str(&format!(
            "\n\nclass {class}(CesedaError, {also}):\n    {}\n\n    default_code = {}\n    label_fr = {}\n    label_en = {}\n",
            docstring(&format!("{en} (``{code}``; {fr}).")),
            quoted(code),
            quoted(fr),
            quoted(en)
        ));
    }
    let codes: Vec<&str> = codes.iter().map(|c| c.0).collect();
    out.push_str(&format!("\n\n#: Every error code of the core, in declaration order.\nERROR_CODES: Tuple[str, ...] = {}\n", tuple(&codes)));
    out.push_str("\n#: Every error class, by code (with ``internal_error``, the binding's own).\nERRORS: Mapping[str, Type[CesedaError]] = {\n");
    for (class, code, ..) in &classes {
        out.push_str(&format!("    {}: {class},\n", quoted(code)));
    }
    out.push_str("}\n");
    out.push_str(ERROR_END);
    out
}

// ------------------------------------------------------------------------------ _answers.py

/// How a member's JSON value is read and written, and its Python type.
struct Conv {
    ty: String,
    read: String,
    write: String,
}

fn class_of(answer: &str) -> Option<&'static str> {
    ANSWERS.iter().find(|(a, _, _)| *a == answer).map(|(_, c, _)| *c)
}

/// `x` is the JSON value (`read`) or the Python value (`write`).
fn conv(t: &str, x: &str) -> Conv {
    if let Some(item) = t.strip_prefix("array:") {
        let inner = conv(item, "x");
        return Conv {
            ty: format!("Tuple[{}, ...]", inner.ty),
            read: format!("tuple({} for x in {x})", inner.read),
            write: format!("[{} for x in {x}]", inner.write),
        };
    }
    match t {
        "money" => Conv { ty: "Decimal".into(), read: format!("Decimal({x})"), write: format!("format({x}, \".2f\")") },
        "date" => Conv { ty: "_dt.date".into(), read: format!("_dt.date.fromisoformat({x})"), write: format!("{x}.isoformat()") },
        "boolean" => Conv { ty: "bool".into(), read: format!("bool({x})"), write: x.to_string() },
        "integer" => Conv { ty: "int".into(), read: format!("int({x})"), write: x.to_string() },
        other => match class_of(other) {
            Some(class) => Conv { ty: class.to_string(), read: format!("{class}.from_dict({x})"), write: format!("{x}.to_dict()") },
            None => Conv { ty: "str".into(), read: format!("str({x})"), write: x.to_string() },
        },
    }
}

const ANSWERS_HEAD: &str = r#"import datetime as _dt
from dataclasses import dataclass
from dataclasses import field as _field
from decimal import Decimal
from typing import Any, Callable, Dict, FrozenSet, Mapping, Optional, Tuple, TypeVar

from ._methods import QuoteMethods, RegimeMethods

_T = TypeVar("_T")


def _opt(convert: Callable[[Any], _T], value: Any) -> Optional[_T]:
    return None if value is None else convert(value)

"#;

fn answers(schema: &Value) -> String {
    let mut out = header(
        "The answers of the core as frozen dataclasses: codes are plain strings, money ``Decimal``\n\
         and dates ``datetime.date``. ``from_dict`` reads the core's JSON object and ``to_dict``\n\
         writes it back exactly.\n",
    );
    out.push_str(ANSWERS_HEAD);
    let names: Vec<String> = ANSWERS.iter().map(|(_, c, _)| (*c).to_string()).collect();
    out.push_str(&all(&names));
    for (answer, class, mixin) in ANSWERS {
        let Some(t) = list(schema, "answers").iter().find(|a| text(a, "name") == *answer) else { continue };
        let members = list(t, "members");
        // A member that may be null or absent is `Optional` (`None` when absent).
        let maybe = |m: &Value| flag(m, "nullable") || flag(m, "optional");
        let nullable = members.iter().any(maybe);
        let base = mixin.map_or_else(String::new, |m| format!("({m})"));
        out.push_str(&format!("\n\n@dataclass(frozen=True)\nclass {class}{base}:\n    {}\n\n", docstring(text(t, "doc"))));
        let mut reads = Vec::new();
        let mut writes = Vec::new();
        for m in members {
            let key = quoted(text(m, "name"));
            let name = attribute(text(m, "name"));
            let c = conv(text(m, "type"), "v");
            out.push_str(&format!("    #: {}\n", comment(text(m, "doc"))));
            if maybe(m) {
                out.push_str(&format!("    {name}: Optional[{}]\n", c.ty));
                reads.push(format!("{name}=_opt(lambda v: {}, d.get({key}))", c.read));
                writes.push(format!("({key}, _opt(lambda v: {}, self.{name}))", c.write));
            } else {
                out.push_str(&format!("    {name}: {}\n", c.ty));
                reads.push(format!("{name}={}", conv(text(m, "type"), &format!("d[{key}]")).read));
                writes.push(format!("({key}, {})", conv(text(m, "type"), &format!("self.{name}")).write));
            }
        }
        if *answer == "quote" {
            out.push_str("    #: The canonical JSON text of the request quoted (what ``explain()`` quotes again), if known.\n");
            out.push_str("    request: Optional[str] = _field(default=None, compare=False, repr=False)\n");
        }
        if nullable {
            out.push_str("    #: The members the core's object left out (``to_dict`` leaves them out too).\n");
            out.push_str("    _absent: FrozenSet[str] = _field(default=frozenset(), compare=False, repr=False)\n");
        }
        let absent = if nullable { format!(",\n            _absent=frozenset(k for k in {} if k not in d)", tuple(&members.iter().filter(|m| maybe(m)).map(|m| text(m, "name")).collect::<Vec<_>>())) } else { String::new() };
        out.push_str(&format!(
            "\n    @classmethod\n    def from_dict(cls, d: Mapping[str, Any], **extra: Any) -> \"{class}\":\n        \"\"\"Reads the core's JSON object.\"\"\"\n        return cls(\n            {}{absent},\n            **extra,\n        )\n",
            reads.join(",\n            ")
        ));
        let filter = if nullable { " if k not in self._absent" } else { "" };
        out.push_str(&format!(
            "\n    def to_dict(self) -> Dict[str, Any]:\n        \"\"\"The core's JSON object: money as two-decimal strings, dates as ISO strings.\"\"\"\n        items = [\n            {},\n        ]\n        return {{k: x for k, x in items{filter}}}\n",
            writes.join(",\n            ")
        ));
    }
    out
}

// ------------------------------------------------------------------------------ _api.pyi

const API_HEAD: &str = r#"import datetime as _dt
import os
from typing import TYPE_CHECKING, Any, Hashable, Literal, Mapping, Optional, Sequence, Union, overload

from ._answers import Quote
from ._codes import *  # noqa: F403

if TYPE_CHECKING:
    import pandas
    import polars
    import pyarrow

#: A date: ``datetime.date``, a ``datetime.datetime`` (or ``pandas.Timestamp``) at midnight, or
#: an ISO 8601 ``YYYY-MM-DD`` string.
DateLike = Union[_dt.date, str]

#: A reform: the path of a TOML or JSON file, its text, or (as JSON would read it) a mapping.
ReformLike = Union[str, "os.PathLike[str]", Mapping[str, Any]]

"#;

fn api_stub(schema: &Value) -> String {
    let langs: Vec<&str> = vocabulary_codes(schema).into_iter().find(|(n, _)| *n == "lang").map(|(_, c)| c).unwrap_or_default();
    let lang = format!("Union[Lang, Literal[{}]]", langs.iter().map(|l| quoted(l)).collect::<Vec<_>>().join(", "));
    let mut out = header("Typed signatures of ``quote()``, ``quote_frame()`` and ``history()`` (``_api.py``): every request field, with its type.\n");
    out.push_str(API_HEAD);
    let fields = list(schema, "fields");
    let ty = |f: &Value| -> String {
        match kind(f) {
            ("code", Some(v)) => code_input(v),
            ("date", _) => "DateLike".into(),
            _ => "bool".into(),
        }
    };
    let mut quote = String::from("def quote(\n");
    for f in fields.iter().filter(|f| flag(f, "required")) {
        quote.push_str(&format!("    {}: {},\n", text(f, "name"), ty(f)));
    }
    quote.push_str("    *,\n");
    for f in fields.iter().filter(|f| !flag(f, "required")) {
        quote.push_str(&format!("    {}: Optional[{}] = None,\n", text(f, "name"), ty(f)));
    }
    quote.push_str(&format!(
        "    lang: {lang} = \"en\",\n    reform: Optional[ReformLike] = None,\n) -> Quote:\n    {}\n    ...\n",
        docstring("Quotes a request: what the permit costs on ``date``; messages of errors in ``lang``.")
    ));
    out.push_str(&quote);
    // polars first: it carries types, where pandas and pyarrow may not (an untyped first
    // overload would match every call).
    for (frame, doc) in [("polars.DataFrame", "polars in, polars out."), ("pyarrow.Table", "pyarrow in, pyarrow out."), ("pandas.DataFrame", "pandas in, pandas out (same index).")] {
        out.push_str(&format!("\n@overload\ndef quote_frame(\n    df: \"{frame}\",\n"));
        for f in fields.iter().filter(|f| flag(f, "required")) {
            out.push_str(&format!("    {}: Optional[Hashable] = {},\n", text(f, "name"), quoted(text(f, "name"))));
        }
        out.push_str("    *,\n");
        for f in fields.iter().filter(|f| !flag(f, "required")) {
            out.push_str(&format!("    {}: Optional[Hashable] = None,\n", text(f, "name")));
        }
        out.push_str(&format!(
            "    lang: {lang} = \"en\",\n    columns: Optional[Sequence[str]] = None,\n    reform: Optional[ReformLike] = None,\n) -> \"{frame}\":\n    {}\n    ...\n",
            docstring(&format!("Quotes every row of a frame: {doc} ``columns``: the answer's columns (default: all of ``FRAME_COLUMNS``)."))
        ));
    }
    // history(): the quote's fields but the date; `frame` picks the kind of frame answered
    // (literal overloads, the default last).
    let frames = HISTORY_FRAMES.iter().map(|(f, _)| quoted(f)).collect::<Vec<_>>().join(", ");
    for (i, (frame, answered)) in HISTORY_FRAMES.iter().enumerate() {
        let last = i + 1 == HISTORY_FRAMES.len();
        out.push_str("\n@overload\ndef history(\n");
        for f in fields.iter().filter(|f| flag(f, "required") && !HISTORY_OMITS.contains(&text(f, "name"))) {
            out.push_str(&format!("    {}: {},\n", text(f, "name"), ty(f)));
        }
        out.push_str("    *,\n");
        for f in fields.iter().filter(|f| !flag(f, "required") && !HISTORY_OMITS.contains(&text(f, "name"))) {
            out.push_str(&format!("    {}: Optional[{}] = None,\n", text(f, "name"), ty(f)));
        }
        let default = if last { format!(" = {}", quoted(frame)) } else { String::new() };
        out.push_str(&format!(
            "    lang: {lang} = \"en\",\n    frame: Literal[{}]{default},\n    reform: Optional[ReformLike] = None,\n) -> \"{answered}\":\n    {}\n    ...\n",
            quoted(frame),
            docstring(&format!("The tariff history of a request, one row per period, as a ``{answered}`` (``frame``: {frames}).")),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file<'a>(files: &'a [File], name: &str) -> &'a str {
        files.iter().find(|f| f.path.ends_with(name)).map_or("", |f| f.content.as_str())
    }

    #[test]
    fn every_field_code_and_error_of_the_schema_is_generated() {
        let schema = crate::schema();
        let files = files(&schema);
        assert!(files.iter().all(|f| f.content.starts_with(&format!("# {GENERATED}\n"))));
        for f in list(&schema, "fields") {
            let name = text(f, "name");
            assert!(file(&files, "_fields.py").contains(&format!("{}: Field({}", quoted(name), quoted(name))), "{name}");
            let history = if HISTORY_OMITS.contains(&name) { 0 } else { HISTORY_FRAMES.len() };
            assert_eq!(file(&files, "_api.pyi").matches(&format!("\n    {name}: ")).count(), 4 + history, "{name}: quote(), three quote_frame() and the history() overloads");
        }
        for v in vocabularies(&schema).iter().filter(|v| union_of(text(v, "name")).is_none()) {
            assert!(file(&files, "_codes.py").contains(&format!("class {}(CodeEnum):", enum_name(text(v, "name")))));
            for c in list(v, "codes") {
                assert!(file(&files, "_codes.py").contains(&format!("    {} = ({}, ", text(c, "code").to_uppercase(), quoted(text(c, "code")))));
            }
        }
        for e in list(&schema, "errors") {
            assert!(file(&files, "_errors.py").contains(&format!("class {}(CesedaError, ", error_class(text(e, "code")))));
        }
    }

    #[test]
    fn names_follow_python_conventions() {
        assert_eq!(camel("date_out_of_range"), "DateOutOfRange");
        assert_eq!(error_class("invalid_json"), "InvalidJsonError");
        assert_eq!(enum_name("regime"), "RegimeId");
        assert_eq!(enum_name("something_new"), "SomethingNew");
        assert_eq!(code_input("document"), "Union[Permit, TravelDocument, str]");
        assert_eq!(docstring("a \"\"\" b"), "\"\"\"a \\\"\\\"\\\" b\"\"\"");
        assert_eq!((attribute("from"), attribute("until")), ("from_".to_string(), "until".to_string()));
    }
}
