"""Typed exceptions: one class per error code of the core's contract.

Every error the library raises is a :class:`CesedaError`. Its ``code`` is the same stable
snake_case string as in the JSON contract and every other binding; ``field`` names the
request field concerned, ``value`` echoes the offending value and ``expected`` lists what
would be accepted (or, for ``date_out_of_range``, the covered periods).
"""

from __future__ import annotations

from typing import Any, ClassVar, Dict, Iterable, Mapping, Optional, Tuple, Type

__all__ = [
    "CesedaError",
    "UnknownCodeError",
    "DateOutOfRangeError",
    "PermitNotInRegimeError",
    "MissingSubCaseError",
    "InvalidSubCaseError",
    "NotCoveredError",
    "InvalidDateError",
    "InvalidTypeError",
    "MissingFieldError",
    "UnknownFieldError",
    "InvalidJsonError",
    "InternalError",
    "ERRORS",
    "error_from_record",
]


class CesedaError(Exception):
    """Why a request could not be answered.

    Catch this to catch every error of the library; catch a subclass for one code.
    """

    #: The stable error code (``"unknown_code"``, ``"invalid_type"``…).
    code: str
    #: The request field concerned, if any.
    field: Optional[str]
    #: The offending value, if any, as text.
    value: Optional[str]
    #: Accepted values, or covered periods, if the error can list them.
    expected: Tuple[str, ...]
    #: The human-readable message (English).
    message: str

    #: The code every instance of the class carries (``None`` on the base class).
    default_code: ClassVar[Optional[str]] = None

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        field: Optional[str] = None,
        value: Optional[str] = None,
        expected: Iterable[str] = (),
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

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, field={self.field!r}, value={self.value!r}, message={self.message!r})"

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (type(self), self.to_dict()))

    def to_dict(self) -> Dict[str, Any]:
        """The error record of the JSON contract: ``{code, message, field, value, expected?}``."""
        record: Dict[str, Any] = {"code": self.code, "message": self.message, "field": self.field, "value": self.value}
        if self.expected:
            record["expected"] = list(self.expected)
        return record


def _rebuild(cls: Type[CesedaError], record: Mapping[str, Any]) -> CesedaError:
    return cls(
        record["message"],
        code=record["code"],
        field=record.get("field"),
        value=record.get("value"),
        expected=record.get("expected") or (),
    )


class UnknownCodeError(CesedaError, ValueError):
    """A code (permit, procedure, regime, sub-case value…) the library does not know."""

    default_code = "unknown_code"


class DateOutOfRangeError(CesedaError, ValueError):
    """A date outside every period for which a source gives the tariff (``expected`` lists them)."""

    default_code = "date_out_of_range"


class PermitNotInRegimeError(CesedaError, ValueError):
    """The permit exists, but the selected regime's table has no row for it."""

    default_code = "permit_not_in_regime"


class MissingSubCaseError(CesedaError, ValueError):
    """The table distinguishes sub-cases for this permit and the request does not say which."""

    default_code = "missing_sub_case"


class InvalidSubCaseError(CesedaError, ValueError):
    """A sub-case or circumstance the table does not allow here, or that contradicts another field."""

    default_code = "invalid_sub_case"


class NotCoveredError(CesedaError, ValueError):
    """No source gives this charge or procedure for the period: the library will not guess."""

    default_code = "not_covered"


class InvalidDateError(CesedaError, ValueError):
    """A malformed date string (JSON contract only: the Python API takes ``datetime.date``)."""

    default_code = "invalid_date"


class InvalidTypeError(CesedaError, TypeError):
    """A value of the wrong type for its field (e.g. a ``str`` where a ``datetime.date`` is expected)."""

    default_code = "invalid_type"


class MissingFieldError(CesedaError, TypeError):
    """A required field (``permit``, ``procedure``, ``date``) is missing."""

    default_code = "missing_field"


class UnknownFieldError(CesedaError, TypeError):
    """A field the contract does not define, often a typo (``expected`` lists the fields)."""

    default_code = "unknown_field"


class InvalidJsonError(CesedaError, ValueError):
    """The input is not JSON, or not a JSON object (the JSON functions only)."""

    default_code = "invalid_json"


class InternalError(CesedaError, RuntimeError):
    """A bug in the library: the native code failed where it should not. Please report it."""

    default_code = "internal_error"


#: Every error class, by code.
ERRORS: Mapping[str, Type[CesedaError]] = {
    str(cls.default_code): cls
    for cls in (
        UnknownCodeError,
        DateOutOfRangeError,
        PermitNotInRegimeError,
        MissingSubCaseError,
        InvalidSubCaseError,
        NotCoveredError,
        InvalidDateError,
        InvalidTypeError,
        MissingFieldError,
        UnknownFieldError,
        InvalidJsonError,
        InternalError,
    )
}


def error_from_record(record: Mapping[str, Any]) -> CesedaError:
    """The exception for an error record of the JSON contract (``answer["error"]``)."""
    code = str(record.get("code"))
    cls = ERRORS.get(code, CesedaError)
    return cls(
        str(record.get("message", "")),
        code=code,
        field=record.get("field"),
        value=record.get("value"),
        expected=record.get("expected") or (),
    )
