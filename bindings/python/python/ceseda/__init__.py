"""What a French residence permit (titre de séjour) costs.

Which taxes, stamp duties and regularisation charges are due, how much each is, and which
CESEDA article says so, for a decision on a given date::

    >>> import datetime
    >>> from decimal import Decimal
    >>> import ceseda
    >>> q = ceseda.quote(permit="visiteur", procedure="first_issue", date=datetime.date(2024, 3, 1))
    >>> q.total
    Decimal('225.00')
    >>> [(line.component, line.amount) for line in q.lines]
    [('tax', Decimal('200.00')), ('droit_de_timbre', Decimal('25.00'))]

The package is a thin layer over the Rust library ``ceseda``: every figure comes from its
core, through the same JSON contract as every other binding (:func:`quote_json`).
"""

from __future__ import annotations

from . import _native
from ._catalog import PermitInfo, Regime, RenewalWindow, permits, regimes, renewal_window
from ._codes import (
    AdmissionCard,
    CardKind,
    CardValidity,
    CodeEnum,
    Component,
    Confidence,
    DueAt,
    EuStatus,
    FamilyMember,
    Outcome,
    Permit,
    Procedure,
    RegimeId,
    TravelDocument,
    WindowRule,
)
from ._errors import (
    ERRORS,
    CesedaError,
    DateOutOfRangeError,
    InternalError,
    InvalidDateError,
    InvalidJsonError,
    InvalidSubCaseError,
    InvalidTypeError,
    MissingFieldError,
    MissingSubCaseError,
    NotCoveredError,
    PermitNotInRegimeError,
    UnknownCodeError,
    UnknownFieldError,
    error_from_record,
)
from ._frame import FRAME_COLUMNS, quote_frame
from ._quote import Erratum, Explanation, Line, Note, Quote, quote, quote_json, quote_many_json
from ._translate import ERROR_CODES, FIELDS

__version__: str = _native.__version__

__all__ = [
    # quoting
    "quote",
    "quote_frame",
    "quote_json",
    "quote_many_json",
    "Quote",
    "Line",
    "Explanation",
    "Erratum",
    "Note",
    "FRAME_COLUMNS",
    # what the library knows
    "permits",
    "regimes",
    "renewal_window",
    "PermitInfo",
    "Regime",
    "RenewalWindow",
    "FIELDS",
    "ERROR_CODES",
    # codes
    "CodeEnum",
    "Permit",
    "TravelDocument",
    "Procedure",
    "RegimeId",
    "FamilyMember",
    "CardKind",
    "CardValidity",
    "AdmissionCard",
    "EuStatus",
    "Outcome",
    "Component",
    "DueAt",
    "Confidence",
    "WindowRule",
    # errors
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
    "__version__",
]
