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

The package is a thin layer over the Rust library ``ceseda``: every figure, field, code and
message comes from its core, through the same JSON contract as every other binding
(:func:`quote_json`), and the batch path (:func:`quote_frame`) is the core's own.
:func:`history` answers what a request cost in every period since 2009, as a frame.
"""

from __future__ import annotations

from . import _answers, _codes, _errors, _native
from ._answers import *  # noqa: F403
from ._api import history, quote, quote_frame
from ._catalog import PermitInfo, permits, regimes, relevant_fields, renewal_window
from ._codes import *  # noqa: F403
from ._errors import *  # noqa: F403
from ._fields import FIELD_TABLE, FIELDS, VOCABULARIES, Field
from ._frame import FRAME_COLUMNS
from ._history import history_frame
from ._quote import history_json, quote_json, quote_many_json, quote_table_json

__version__: str = _native.__version__

__all__ = [
    "quote",
    "quote_frame",
    "quote_json",
    "quote_many_json",
    "quote_table_json",
    "history",
    "history_json",
    "history_frame",
    "FRAME_COLUMNS",
    "permits",
    "regimes",
    "relevant_fields",
    "renewal_window",
    "PermitInfo",
    "FIELDS",
    "FIELD_TABLE",
    "Field",
    "VOCABULARIES",
    "__version__",
    *_answers.__all__,
    *_codes.__all__,
    *_errors.__all__,
]
