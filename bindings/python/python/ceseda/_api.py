"""The entry points whose keywords are the request's fields: ``quote``, ``quote_frame`` and
``history``.

Their typed signatures, one keyword per field, are generated from the core's schema into
``_api.pyi``; here they only gather their arguments.
"""

import inspect
from typing import Any, Callable, Dict, Hashable, Optional, Sequence, Tuple

from ._answers import Quote
from ._fields import FIELD_TABLE, REQUIRED
from ._frame import quote_frame as _quote_frame
from ._history import history_table
from ._reform import reform_text
from ._quote import quote_request

#: The fields ``history`` takes by position: the required ones but the date.
_HISTORY_REQUIRED = tuple(f for f in REQUIRED if f != "date")


def _gather(name: str, positional: Tuple[Any, ...], keywords: Dict[str, Any], required: Tuple[str, ...] = REQUIRED) -> Dict[str, Any]:
    """The required fields given by position (in the core's order), then the keywords."""
    if len(positional) > len(required):
        raise TypeError(f"{name}() takes at most {len(required)} positional fields ({', '.join(required)}), got {len(positional)}")
    given = dict(zip(required, positional))
    twice = sorted(set(given) & set(keywords))
    if twice:
        raise TypeError(f"{name}() got multiple values for {', '.join(twice)}")
    return {**given, **keywords}


def quote(*positional: Any, lang: str = "en", reform: Any = None, **fields: Any) -> Quote:
    """Quotes a request: what the permit costs on ``date``.

    ``permit``, ``procedure`` and ``date`` are required (by keyword, or by position in that
    order); every other keyword is one of the core's request fields (:data:`ceseda.FIELDS`):
    the law's sub-cases (``family_member``, ``card_kind``…) and the person's circumstances
    (``irregular_entry``, ``application_date``…). Codes are strings or members of the
    str-Enums; dates are :class:`datetime.date`, a :class:`datetime.datetime` at midnight or an
    ISO 8601 string; flags are :class:`bool`; ``None`` means "not given". Error messages are in
    ``lang`` (``"en"`` or ``"fr"``). ``reform`` prices under a reform instead of the law: the
    path of a TOML or JSON reform file, its text, or a mapping (see the README's *Reforms*);
    every line the reform changed has ``seed == "reform"``.

    Raises a :class:`CesedaError` subclass: :class:`UnknownFieldError` for an unknown keyword,
    :class:`InvalidTypeError` for a value of the wrong type, :class:`UnknownCodeError`,
    :class:`MissingSubCaseError`… for what the core refuses.

    >>> import datetime, ceseda
    >>> ceseda.quote(permit="visiteur", procedure="first_issue", date=datetime.date(2024, 3, 1)).total
    Decimal('225.00')
    """
    return quote_request(_gather("quote", positional, fields), lang, reform_text(reform))


def quote_frame(df: Any, *positional: Optional[Hashable], lang: str = "en", columns: Optional[Sequence[str]] = None, reform: Any = None, **fields: Optional[Hashable]) -> Any:
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
    quoted. A bad row never stops the batch. ``reform``: as for :func:`ceseda.quote` (the
    reform is parsed once and has its own compiled price table). ``columns`` picks fewer, in the order given
    (``columns=["total"]``, ``columns=["total", "error"]``): each column costs a write per
    row, a decimal one 16 bytes a row.

    Amounts are Arrow decimals: turning a column into Python :class:`~decimal.Decimal` objects
    (``.tolist()``, ``.astype(object)``, ``.to_pylist()``, iterating) makes one object per row
    and costs more than the quote itself. Compute on the Arrow column instead
    (``pyarrow.compute.sum``, pandas' ``.sum()`` or ``groupby``, polars expressions), or
    ``cast`` it to ``float64`` or ``int64`` cents where exact decimals are not needed.
    """
    return _quote_frame(df, {**{f: f for f in REQUIRED}, **_gather("quote_frame", positional, fields)}, lang, columns, reform_text(reform))


def history(*positional: Any, lang: str = "en", frame: str = "pandas", reform: Any = None, **fields: Any) -> Any:
    """The tariff history of a request: what it would have cost on every day from 5 January
    2009 (the first source) on, one row per period of equal answers, oldest first.

    ``permit`` and ``procedure`` are required (by keyword, or by position in that order); the
    other keywords are those of :func:`ceseda.quote` (sub-cases and circumstances), except
    ``date``: every day is quoted, so a ``date`` is refused, as the core refuses it, with an
    :class:`UnknownFieldError` (a :class:`CesedaError` and a ``TypeError``, like any keyword
    that is no field of the request). A bad request raises what :func:`ceseda.quote` would.

    ``frame`` is ``"pandas"`` (the default), ``"polars"`` or ``"arrow"`` (a pyarrow Table). The
    columns, one row per period:

    * ``from``, ``until``: the period's first and last days (date32: ``datetime.date`` values);
      ``until`` is null for the last, open-ended period;
    * ``regimes``: the regimes in force over the period, in order, as a *list* of codes
      (``list<string>``), not a joined string: ``explode("regimes")`` (pandas and polars) gives
      one row per period and regime, ready to join with :func:`ceseda.regimes`, and
      ``.list.contains`` / ``.list.len`` work without splitting text;
    * ``outcome`` (null where refused) and ``total`` (decimal(12, 2): ``Decimal``; null where
      refused or where the outcome is not an amount);
    * one decimal(12, 2) column per component due in any period (in the order of
      :class:`ceseda.Component`): ``0.00`` where the total is an amount and the component is
      not due, null where the total is null, as in :func:`ceseda.quote_frame`;
    * ``error_code``, ``error_field``, ``error_message`` (in ``lang``, for the period's first
      day): why a period is refused (``missing_sub_case``, ``permit_not_in_regime``…), else null.

    Codes are categoricals in pandas, ``Enum`` / ``String`` in polars, as in ``quote_frame``.

    >>> import ceseda
    >>> h = ceseda.history("visiteur", "first_issue")
    >>> h["from"].iloc[0], h["total"].iloc[0]
    (datetime.date(2009, 1, 5), Decimal('300.00'))
    """
    return history_table(_gather("history", positional, fields, _HISTORY_REQUIRED), lang, frame, reform_text(reform))


def _signature(f: Callable[..., Any], first: Tuple[str, ...], required: Tuple[str, ...], skip: Tuple[str, ...], last: Tuple[Tuple[str, Any], ...]) -> None:
    """Gives ``f`` the signature ``help()`` and ``inspect`` show: the core's fields by name (the
    required ones positional or keyword, the rest keyword-only, default ``None``)."""
    P = inspect.Parameter
    params = [P(name, P.POSITIONAL_ONLY) for name in first]
    params += [P(name, P.POSITIONAL_OR_KEYWORD) for name in required]
    params += [P(name, P.KEYWORD_ONLY, default=None) for name in FIELD_TABLE if name not in required and name not in skip]
    params += [P(name, P.KEYWORD_ONLY, default=default) for name, default in last]
    f.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]


_signature(quote, (), REQUIRED, (), (("lang", "en"), ("reform", None)))
_signature(quote_frame, ("df",), REQUIRED, (), (("lang", "en"), ("columns", None), ("reform", None)))
_signature(history, (), _HISTORY_REQUIRED, ("date",), (("lang", "en"), ("frame", "pandas"), ("reform", None)))
