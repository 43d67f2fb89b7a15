"""Python values to the JSON contract and back: the one place that knows how a Python value
maps onto a request field.

A code is a ``str`` (or a str-Enum member); a date is a ``datetime.date``, a
``datetime.datetime`` (or ``pandas.Timestamp``) at midnight, or an ISO 8601 string; a flag is
a ``bool``. ``None`` means "not given". Which fields exist and what kind each is come from the
generated field table (``_fields.py``); whether a value is accepted, and every message, is the
core's business.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import numbers
import re
from typing import Any, Dict, Mapping, Union

from ._errors import InternalError, error_from_record
from ._fields import FIELD_TABLE

_MIDNIGHT = _dt.time()

#: A date as the API takes it: a ``datetime.date`` (a ``datetime`` at midnight) or ISO 8601 text.
DateLike = Union[_dt.date, str]

#: A value no field accepts, of each JSON type: what a Python value of the wrong type is sent
#: as, so that the core reports ``invalid_type`` exactly where it would for that JSON type.
PLACEHOLDERS: Mapping[str, Any] = {"boolean": False, "number": 0, "string": "", "array": [], "object": {}}


class Bad:
    """A Python value of the wrong type for its field, named by its JSON type."""

    __slots__ = ("type",)

    def __init__(self, value: Any) -> None:
        self.type = json_type(value)


def json_type(value: Any) -> str:
    """The JSON type a Python value is reported as: a ``datetime`` or ``bytes`` is an ``object``."""
    if isinstance(value, bool) or is_numpy_bool(value):
        return "boolean"
    if isinstance(value, numbers.Number):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    return "object"


def is_numpy_bool(value: Any) -> bool:
    """``numpy.bool_`` (named ``numpy.bool`` since numpy 2), without importing numpy."""
    t = type(value)
    return t.__module__ == "numpy" and t.__name__ in ("bool_", "bool")


#: A lone surrogate: a ``str`` may hold one, UTF-8 (and so the core) cannot.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_str(value: str) -> str:
    """A plain ``str`` that encodes to UTF-8: a lone surrogate becomes U+FFFD, as it does when
    JavaScript hands a string to the wasm module (text that is not a JSON string value, such as
    a ``lang`` or raw JSON text)."""
    value = str.__str__(value)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = _SURROGATE.sub("\ufffd", value)
    return value


def translate(kind: str, value: Any) -> Union[str, bool, Bad]:
    """The JSON value of a (non-``None``) Python value for a field of ``kind``, or :class:`Bad`.

    A ``datetime`` that is not at midnight goes as its ISO text, which the core refuses as an
    ``invalid_date`` naming it.
    """
    if kind == "bool":
        return bool(value) if isinstance(value, bool) or is_numpy_bool(value) else Bad(value)
    if isinstance(value, enum.Enum) and isinstance(value.value, str):
        value = value.value
    if isinstance(value, str):
        return clean_str(value)
    if kind == "date" and isinstance(value, _dt.date):
        if isinstance(value, _dt.datetime):
            return value.date().isoformat() if value.time() == _MIDNIGHT else value.isoformat()
        return value.isoformat()
    return Bad(value)


def json_value(kind: str, value: Any) -> Any:
    """:func:`translate`, with a value of the wrong type replaced by its placeholder. Text goes
    as it is, lone surrogates included: :func:`dumps` writes them as JSON escapes, which the
    core refuses (``invalid_json``) as it does for the same JSON text from any binding."""
    if isinstance(value, enum.Enum) and isinstance(value.value, str):
        value = value.value
    if isinstance(value, str):
        return str.__str__(value)
    out = translate(kind, value)
    return PLACEHOLDERS[out.type] if isinstance(out, Bad) else out


def request_payload(fields: Mapping[str, Any], kinds: Mapping[str, str]) -> Dict[str, Any]:
    """The JSON object for keyword arguments. ``None`` means not given; a name that is no field
    goes through as ``null`` for the core to name, as the JSON contract would."""
    payload: Dict[str, Any] = {}
    for name, value in fields.items():
        kind = kinds.get(name)
        if kind is None:
            payload[name] = None
        elif value is not None:
            payload[name] = json_value(kind, value)
    return payload


#: The kind of every request field.
FIELD_KINDS: Mapping[str, str] = {name: f.kind for name, f in FIELD_TABLE.items()}


def lang_code(lang: Any) -> str:
    """The text of a ``lang`` argument (the core refuses anything but ``fr`` and ``en``)."""
    if isinstance(lang, enum.Enum):
        lang = lang.value
    return clean_str(lang) if isinstance(lang, str) else repr(lang)


def dumps(value: Any) -> str:
    """Compact JSON text, UTF-8 clean: a lone surrogate (only ever inside a string) is written
    as its ``\\uXXXX`` escape, as ``JSON.stringify`` writes it in JavaScript."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _SURROGATE.sub(lambda m: "\\u%04x" % ord(m.group()), text)


def answer(text: str, key: str) -> Any:
    """The ``key`` of a success answer; raises the typed error of a failure answer."""
    try:
        parsed = json.loads(text)
    except ValueError as e:  # pragma: no cover - the core always answers JSON
        raise InternalError(f"the native module answered invalid JSON: {e}") from None
    if parsed.get("type") == "success":
        return parsed[key]
    raise error_from_record(parsed.get("error") or {})
