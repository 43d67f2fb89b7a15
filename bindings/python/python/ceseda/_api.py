"""The two entry points whose keywords are the request's fields: ``quote`` and ``quote_frame``.

Their typed signatures, one keyword per field, are generated from the core's schema into
``_api.pyi``; here they only gather their arguments.
"""

from typing import Any, Dict, Hashable, Optional, Tuple

from ._answers import Quote
from ._fields import REQUIRED
from ._frame import quote_frame as _quote_frame
from ._quote import quote_request


def _gather(name: str, positional: Tuple[Any, ...], keywords: Dict[str, Any]) -> Dict[str, Any]:
    """The required fields given by position (in the core's order), then the keywords."""
    if len(positional) > len(REQUIRED):
        raise TypeError(f"{name}() takes at most {len(REQUIRED)} positional fields ({', '.join(REQUIRED)}), got {len(positional)}")
    given = dict(zip(REQUIRED, positional))
    twice = sorted(set(given) & set(keywords))
    if twice:
        raise TypeError(f"{name}() got multiple values for {', '.join(twice)}")
    return {**given, **keywords}


def quote(*positional: Any, lang: str = "en", **fields: Any) -> Quote:
    """Quotes a request: what the permit costs on ``date``.

    ``permit``, ``procedure`` and ``date`` are required (by keyword, or by position in that
    order); every other keyword is one of the core's request fields (:data:`ceseda.FIELDS`):
    the law's sub-cases (``family_member``, ``card_kind``…) and the person's circumstances
    (``irregular_entry``, ``application_date``…). Codes are strings or members of the
    str-Enums; dates are :class:`datetime.date`, a :class:`datetime.datetime` at midnight or an
    ISO 8601 string; flags are :class:`bool`; ``None`` means "not given". Error messages are in
    ``lang`` (``"en"`` or ``"fr"``).

    Raises a :class:`CesedaError` subclass: :class:`UnknownFieldError` for an unknown keyword,
    :class:`InvalidTypeError` for a value of the wrong type, :class:`UnknownCodeError`,
    :class:`MissingSubCaseError`… for what the core refuses.

    >>> import datetime, ceseda
    >>> ceseda.quote(permit="visiteur", procedure="first_issue", date=datetime.date(2024, 3, 1)).total
    Decimal('225.00')
    """
    return quote_request(_gather("quote", positional, fields), lang)


def quote_frame(df: Any, *positional: Optional[Hashable], lang: str = "en", **columns: Optional[Hashable]) -> Any:
    """Quotes every row of a frame; answers a frame of the same kind, row for row.

    ``df`` is a pandas or polars DataFrame, or a pyarrow Table. ``permit``, ``procedure`` and
    ``date`` name its columns for those fields (by default, columns of the same name; ``None``:
    not given); any other request field is given as ``field="column name"``, e.g.
    ``quote_frame(df, irregular_entry="entered_irregularly")``.

    Columns hold what :func:`ceseda.quote` takes: codes as strings or categoricals, dates as
    dates (date32, datetime64 at midnight, ``datetime.date`` objects or ISO strings), flags as
    booleans; a missing value (None, NaN, NA, NaT) means the field is not given.

    The answer has the same number of rows (and, for pandas, the same index) and the columns
    :data:`FRAME_COLUMNS`, those of the core's ``quote_table_json``: ``total``, one column per
    component and ``due_at_filing`` as decimal(12, 2); ``outcome`` and ``regime`` (codes);
    ``error``, ``error_field`` and ``error_message`` (in ``lang``) for a row that could not be
    quoted. A bad row never stops the batch.
    """
    return _quote_frame(df, {**{f: f for f in REQUIRED}, **_gather("quote_frame", positional, columns)}, lang)
