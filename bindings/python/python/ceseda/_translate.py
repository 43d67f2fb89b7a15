"""Translation of Python values into the canonical JSON request, and of answers back.

This is the only place that knows how a Python value maps onto a field of the contract:
a code is a ``str`` (or one of the str-Enums), a date is a ``datetime.date`` (not a
``datetime.datetime``, not a string), a flag is a ``bool``. ``None`` means "not given".
Whether a code exists, and everything else about the request, is the core's business.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
from typing import Any, Dict, Mapping, Optional, Tuple

from . import _native
from ._errors import CesedaError, InternalError, InvalidTypeError, error_from_record

_VOCAB = _native.vocabularies()

#: Every field of a request, in the core's canonical order.
FIELDS: Tuple[str, ...] = tuple(_VOCAB["fields"])
#: Every error code of the core, in declaration order.
ERROR_CODES: Tuple[str, ...] = tuple(_VOCAB["error_codes"])

CODE = "code"
DATE = "date"
BOOL = "bool"

#: The Python kind of each request field. tests/test_api.py checks it against the core.
FIELD_KINDS: Mapping[str, str] = {
    "permit": CODE,
    "procedure": CODE,
    "date": DATE,
    "regime": CODE,
    "family_member": CODE,
    "reunification_on_site": BOOL,
    "entered_via_family_reunification": BOOL,
    "card_kind": CODE,
    "card_validity": CODE,
    "admission_card": CODE,
    "previously_held_cst": BOOL,
    "underlying_permit": CODE,
    "reunification_granted_on": DATE,
    "irregular_entry": BOOL,
    "application_date": DATE,
    "previous_title_expiry": DATE,
    "force_majeure": BOOL,
    "holds_valid_visa": BOOL,
    "violence_victim": BOOL,
    "eu_status": CODE,
    "defence_cooperation_agreement": BOOL,
    "algerian_national": BOOL,
    "online_application": BOOL,
}

_EXPECTED = {CODE: "str", DATE: "datetime.date", BOOL: "bool"}


class BadType(Exception):
    """A Python value of the wrong type for its field (internal: becomes InvalidTypeError)."""

    def __init__(self, field: str, kind: str, value: Any) -> None:
        super().__init__(field)
        self.field = field
        self.kind = kind
        self.got = type(value).__qualname__
        module = type(value).__module__
        if module not in ("builtins", None):
            self.got = f"{module}.{self.got}"

    def error(self) -> InvalidTypeError:
        expected = _EXPECTED[self.kind]
        return InvalidTypeError(
            f"{self.field} has the wrong type: got {self.got}, expected {expected}",
            field=self.field,
            expected=(expected,),
        )


def is_numpy_bool(value: Any) -> bool:
    """``numpy.bool_`` (named ``numpy.bool`` since numpy 2), without importing numpy."""
    t = type(value)
    return t.__module__ == "numpy" and t.__name__ in ("bool_", "bool")


def clean_str(value: str) -> str:
    """A plain ``str`` that encodes to UTF-8 (a lone surrogate becomes "?")."""
    value = str.__str__(value)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def translate_into(payload: Dict[str, Any], bad: Dict[str, "BadType"], name: str, kind: str, value: Any) -> None:
    """Puts the JSON value of ``value`` in ``payload``, or records its :class:`BadType` in ``bad``.

    A wrongly typed value goes to the core as a placeholder no field accepts (``0``), so that the
    core reports the errors in its own order, exactly as the JSON contract would.
    """
    try:
        payload[name] = translate(name, kind, value)
    except BadType as e:
        bad[name] = e
        payload[name] = 0


def translate(field: str, kind: str, value: Any) -> Any:
    """The JSON value of a Python value for ``field``; raises :class:`BadType`."""
    if kind == CODE:
        if isinstance(value, enum.Enum):
            value = value.value
        if isinstance(value, str):
            return clean_str(value)
    elif kind == DATE:
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
            return value.isoformat()
    elif kind == BOOL:
        if isinstance(value, bool):
            return value
        if is_numpy_bool(value):
            return bool(value)
    raise BadType(field, kind, value)


def request_payload(fields: Mapping[str, Any]) -> Tuple[Dict[str, Any], Dict[str, BadType]]:
    """The canonical JSON object for keyword arguments, and the type errors found.

    A value of the wrong type is replaced by ``0``, which no field accepts, so that the core
    reports ``invalid_type`` for it exactly where its own checks would: an unknown field
    first, then field by field in :data:`FIELDS` order. Unknown fields go through as
    ``null`` for the core to name.
    """
    payload: Dict[str, Any] = {}
    bad: Dict[str, BadType] = {}
    for name, value in fields.items():
        kind = FIELD_KINDS.get(name)
        if kind is None or value is None:
            payload[name] = None
            continue
        translate_into(payload, bad, name, kind, value)
    return payload, bad


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def answer(text: str, key: str, bad: Optional[Mapping[str, BadType]] = None) -> Any:
    """The ``key`` of a success answer; raises the typed error of a failure answer."""
    try:
        parsed = json.loads(text)
    except ValueError as e:  # pragma: no cover - the core always answers JSON
        raise InternalError(f"the native module answered invalid JSON: {e}") from None
    if parsed.get("type") == "success":
        return parsed[key]
    raise failure(parsed.get("error") or {}, bad)


def failure(record: Mapping[str, Any], bad: Optional[Mapping[str, BadType]] = None) -> CesedaError:
    """The exception for a failure record; a placeholder's ``invalid_type`` becomes the Python one."""
    if bad and record.get("code") == "invalid_type" and record.get("field") in bad:
        return bad[str(record["field"])].error()
    return error_from_record(record)


def date_of(text: Optional[str]) -> Optional[_dt.date]:
    return None if text is None else _dt.date.fromisoformat(text)
