"""``quote_frame``: every row of a pandas or polars DataFrame, or a pyarrow Table, quoted
through the core's one batch path.

Nothing here loops over rows in Python, and no Python object is made per row. A column
crosses into native code as buffers: a code column (or a text or object date column) as its
distinct values plus one ``int32`` index per row (pyarrow's ``dictionary_encode``, or a
categorical's or dictionary's own codes), a date column as ``int32`` days since 1970-01-01, a
flag column as bytes, with nulls and values of the wrong type as separate byte masks (so no
value is a marker). The core prices each distinct row key once, through the compiled price
table, and writes one ``int32`` per row into a bytes object: the index of the row's answer in
a small table of distinct answers (a few dozen). Each result column is then that table's
column taken by those indices (Arrow's ``take``, or a categorical's codes): written once.
"""

from __future__ import annotations

import sys
from typing import Any, Hashable, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from . import _native
from ._errors import InvalidTypeError, MissingFieldError, UnknownFieldError
from ._fields import FIELD_TABLE, FIELDS, TABLE_COLUMNS, VOCABULARIES
from ._translate import Bad, answer, lang_code, translate

__all__ = ["quote_frame", "FRAME_COLUMNS"]

#: The columns of the frame ``quote_frame`` answers, in order (the core's columnar table).
FRAME_COLUMNS: Tuple[str, ...] = tuple(TABLE_COLUMNS)

#: Amounts are decimal128 with this precision and scale 2.
PRECISION = 12

#: ``infer_dtype`` answers for which factorising cannot merge values of different types
#: (``1``, ``1.0`` and ``True`` are equal and hash alike).
_ONE_TYPE = frozenset({"string", "empty", "boolean", "date", "datetime", "integer", "floating", "mixed-integer-float", "decimal", "bytes"})


class Spec(NamedTuple):
    """One input column for ``_native.quote_columns``, and where its values of the wrong type are."""

    field: str
    kind: str
    values: Optional[List[Optional[str]]]
    data: bytes
    nulls: Optional[bytes]
    bad: Optional[bytes]
    #: The JSON types of the values of the wrong type found.
    bad_types: Tuple[str, ...]
    #: Per row, an index into ``bad_types`` (-1: not of the wrong type); ``None`` if there is none.
    row_bad: Any


#: Timestamp ticks a day, by Arrow unit.
_TICKS_PER_DAY = {"s": 86_400, "ms": 86_400_000, "us": 86_400_000_000, "ns": 86_400_000_000_000}


def _imports(who: str = "quote_frame") -> Tuple[Any, Any]:
    try:
        import numpy as np
        import pyarrow as pa
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(f"ceseda.{who} needs numpy and pyarrow: pip install 'ceseda[pandas]' or 'ceseda[polars]'") from e
    return np, pa


def _mask(np: Any, mask: Any) -> Optional[bytes]:
    return None if mask is None or not mask.any() else bytes(np.asarray(mask, dtype=np.uint8).tobytes())


def _distinct(np: Any, field: str, codes: Any, uniques: Sequence[Any]) -> Spec:
    """The spec of a column given as its distinct values and one index per row (-1: null)."""
    kind = FIELD_TABLE[field].kind
    out = [translate(kind, u) for u in uniques]
    names = sorted({o.type for o in out if isinstance(o, Bad)})
    codes = np.asarray(codes)
    row_bad = None
    if names:
        type_ids = np.array([names.index(o.type) if isinstance(o, Bad) else -1 for o in out] + [-1], dtype=np.int64)
        row_bad = type_ids[codes]  # index -1 picks the trailing -1
    if kind == "bool":
        values = np.array([o is True for o in out] + [False], dtype=np.uint8)[codes]
        bad = None if row_bad is None else row_bad >= 0
        return Spec(field, "bools", None, values.tobytes(), _mask(np, codes < 0), _mask(np, bad), tuple(names), row_bad)
    values_ = [None if isinstance(o, Bad) else str(o) for o in out]
    return Spec(field, "codes", values_, np.asarray(codes, dtype="<i4").tobytes(), None, None, tuple(names), row_bad)


def _days(np: Any, field: str, days: Any, nulls: Any) -> Spec:
    """A date column as days since 1970-01-01; nulls go in their own mask, so no day is a
    marker (a day outside int32 is clipped to a day far outside the years the contract reads,
    1900 to 2200, and answers ``invalid_date``)."""
    days = np.asarray(days)
    if days.dtype != np.int32:
        days = np.clip(days.astype(np.int64), -(2**31), 2**31 - 1)
    return Spec(field, "dates", None, np.asarray(days, dtype="<i4").tobytes(), _mask(np, nulls), None, (), None)


def _arrow(np: Any, pa: Any, field: str, arr: Any) -> Spec:
    """The spec of an Arrow array or chunked array."""
    import pyarrow.compute as pc

    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    kind, t, n = FIELD_TABLE[field].kind, arr.type, len(arr)
    nulls = arr.is_null().to_numpy(zero_copy_only=False) if arr.null_count else None
    if kind == "bool" and pa.types.is_boolean(t):
        values = arr.fill_null(False).to_numpy(zero_copy_only=False).astype(np.uint8)
        return Spec(field, "bools", None, bytes(values.tobytes()), _mask(np, nulls), None, (), None)
    if kind == "date" and pa.types.is_date(t):
        return _days(np, field, arr.cast(pa.date32()).cast(pa.int32()).fill_null(0).to_numpy(zero_copy_only=False), nulls)
    if kind == "date" and pa.types.is_timestamp(t):
        arr = pc.local_timestamp(arr) if t.tz is not None else arr
        ticks = arr.cast(pa.int64()).fill_null(0).to_numpy(zero_copy_only=False)
        days, rest = np.divmod(ticks, _TICKS_PER_DAY[t.unit])  # floor: days before 1970 too
        if not rest.any():
            return _days(np, field, days, nulls)
        # A time of day: the distinct values go as ISO texts, which the core names in invalid_date.
    if pa.types.is_dictionary(t):
        indices, dictionary = arr.indices, arr.dictionary
    elif pa.types.is_null(t):
        return _distinct(np, field, np.full(n, -1), [])
    else:
        try:
            try:
                encoded = pc.dictionary_encode(arr)
            except pa.ArrowNotImplementedError:
                if not pa.types.is_string_view(t):
                    raise
                encoded = pc.dictionary_encode(arr.cast(pa.large_string()))  # an older pyarrow
        except (pa.ArrowNotImplementedError, pa.ArrowInvalid, pa.ArrowTypeError):
            # Nested values: every one is of the wrong type.
            sample: Any = [] if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t) else {}
            return _distinct(np, field, np.where(nulls if nulls is not None else np.zeros(n, dtype=bool), -1, 0), [sample])
        indices, dictionary = encoded.indices, encoded.dictionary
    if indices.type != pa.int32():
        indices = indices.cast(pa.int32())
    return _distinct(np, field, indices.fill_null(-1).to_numpy(zero_copy_only=False), dictionary.to_pylist())


def _factorize(np: Any, pd: Any, s: Any) -> Tuple[Any, List[Any]]:
    """Distinct values of an object Series, never merging values of different types."""
    if pd.api.types.infer_dtype(s, skipna=True) in _ONE_TYPE:
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
        return codes, list(uniques)
    s = s.map(_hashable, na_action="ignore")
    codes, _ = pd.factorize(s, use_na_sentinel=True)
    types, _ = pd.factorize(s.map(type, na_action="ignore"), use_na_sentinel=True)
    known = codes >= 0
    groups, _ = pd.factorize(codes[known].astype(np.int64) * (int(types.max()) + 1) + types[known])
    out = np.full(len(s), -1, dtype=np.int64)
    out[known] = groups
    first = np.flatnonzero(known)[np.unique(groups, return_index=True)[1]]
    return out, list(s.iloc[first].tolist())


def _hashable(value: Any) -> Any:
    """``value``, or a hashable stand-in of its JSON type (a list is an array, a dict an object)."""
    try:
        hash(value)
    except TypeError:
        return () if isinstance(value, (list, tuple)) else frozenset()
    return value


def _pandas(np: Any, pa: Any, pd: Any, field: str, s: Any) -> Spec:
    """The spec of a pandas Series."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        return _distinct(np, field, s.cat.codes.to_numpy(), list(s.dtype.categories))
    if s.dtype != object:
        try:
            return _arrow(np, pa, field, pa.array(s))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
            s = s.astype(object)  # a dtype Arrow cannot hold (periods, intervals…): its values, one by one
    return _distinct(np, field, *_factorize(np, pd, s))


def _polars_arrow(pl: Any, series: Any) -> Any:
    """A polars column as Arrow without a copy: string views stay views (the default
    ``to_arrow()`` rewrites every string as a ``large_string``)."""
    try:
        return series.to_arrow(compat_level=pl.CompatLevel.newest())
    except (AttributeError, TypeError):  # a polars without compatibility levels
        return series.to_arrow()


def _refuse(failure: Optional[str]) -> None:
    """Raises the error of a call the core refused as a whole."""
    if failure is not None:
        answer(failure, "")


def _missing_column(field: str, column: Hashable) -> MissingFieldError:
    return MissingFieldError(f"column {column!r} (for {field}) is not in the frame", field=field, value=str(column))


def _output_columns(want: Optional[Sequence[str]]) -> Tuple[str, ...]:
    """The answer's columns: all of ``FRAME_COLUMNS`` by default, else those named, in the
    order given (an unknown name is refused, naming the columns there are)."""
    if want is None:
        return FRAME_COLUMNS
    if isinstance(want, str):
        want = [want]
    chosen = []
    for name in want:
        if name not in TABLE_COLUMNS:
            raise UnknownFieldError(
                f"quote_frame has no answer column {name!r}; expected one of {', '.join(FRAME_COLUMNS)}",
                field="columns",
                value=str(name),
                expected=FRAME_COLUMNS,
            )
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


def quote_frame(df: Any, columns: Mapping[str, Optional[Hashable]], lang: Any = "en", want: Optional[Sequence[str]] = None, reform: Optional[str] = None) -> Any:
    """Quotes every row of ``df``: see ``ceseda.quote_frame``. ``columns`` maps fields to
    columns; ``want`` names the answer's columns (``None``: all of ``FRAME_COLUMNS``);
    ``reform`` is the text of a reform (``None``: the law)."""
    np, pa = _imports()
    lang = lang_code(lang)
    out_columns = _output_columns(want)
    # An unknown field (or a bad reform) is the core's to name (with the list of fields).
    _refuse(_native.quote_columns(0, [(name, "codes", [], b"", None, None) for name in columns], "object", lang, reform)[2])
    pd: Any = sys.modules.get("pandas")
    pl: Any = sys.modules.get("polars")
    if pd is not None and isinstance(df, pd.DataFrame):
        flavour, n = "pandas", len(df.index)
    elif pl is not None and isinstance(df, pl.DataFrame):
        flavour, n = "polars", df.height
    elif isinstance(df, pa.Table):
        flavour, n = "arrow", df.num_rows
    else:
        hint = " (collect() the LazyFrame first)" if pl is not None and isinstance(df, pl.LazyFrame) else ""
        raise InvalidTypeError(
            f"quote_frame takes a pandas or polars DataFrame or a pyarrow Table, got {type(df).__qualname__}{hint}",
            expected=("pandas.DataFrame", "polars.DataFrame", "pyarrow.Table"),
        )
    specs = []
    for field, column in columns.items():
        if column is None:
            continue
        names = list(df.columns) if flavour != "arrow" else df.column_names
        if column not in names or (flavour != "pandas" and not isinstance(column, str)):
            raise _missing_column(field, column)
        if flavour == "pandas":
            series = df[column]
            if not isinstance(series, pd.Series):
                raise InvalidTypeError(f"column {column!r} (for {field}) is not unique in the frame", field=field, value=str(column))
            specs.append(_pandas(np, pa, pd, field, series))
        else:
            specs.append(_arrow(np, pa, field, _polars_arrow(pl, df.get_column(column)) if flavour == "polars" else df.column(column)))
    rows, answers = _run(np, n, specs, lang, reform)
    return _result(np, pa, flavour, df, rows, answers, out_columns)


def _run(np: Any, n: int, specs: List[Spec], lang: str, reform: Optional[str] = None) -> Tuple[Any, List[Any]]:
    """Quotes the rows. The core names every value of the wrong type by the one type it is told
    of: with several types, each is asked in turn and a row takes the answer of the type of its
    first such value (in the core's field order), the one its error is about."""
    types = sorted({t for s in specs for t in s.bad_types}) or ["object"]
    calls = [_native.quote_columns(n, [s[:6] for s in specs], t, lang, reform) for t in types]
    for _, _, failure in calls:
        _refuse(failure)
    if len(calls) == 1:
        return np.frombuffer(calls[0][0], dtype="<i4"), calls[0][1]
    offsets = np.cumsum([0] + [len(c[1]) for c in calls[:-1]])
    stacked = np.stack([np.frombuffer(c[0], dtype="<u4").astype(np.int64) + o for c, o in zip(calls, offsets)])
    chosen, unset = np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool)
    for s in sorted(specs, key=lambda s: FIELDS.index(s.field)):
        if s.row_bad is not None:
            ids = np.array([types.index(t) for t in s.bad_types] + [-1], dtype=np.int64)[s.row_bad]
            hit = unset & (ids >= 0)
            chosen[hit] = ids[hit]
            unset &= ~hit
    return stacked[chosen, np.arange(n)].astype(np.int32), [a for c in calls for a in c[1]]


def _result(np: Any, pa: Any, flavour: str, df: Any, rows: Any, answers: List[Any], out_columns: Sequence[str] = FRAME_COLUMNS) -> Any:
    """The answer frame: the ``out_columns`` of ``TABLE_COLUMNS``, row ``i`` the distinct
    answer ``rows[i]``."""
    table = dict(zip(TABLE_COLUMNS, zip(*answers))) if answers else {name: () for name in TABLE_COLUMNS}
    kinds = {name: TABLE_COLUMNS[name] for name in out_columns}
    return build(np, pa, flavour, kinds, table, rows, df.index if flavour == "pandas" else None)


def _arrow_column(pa: Any, kind: str, values: Sequence[Any]) -> Any:
    """The Arrow array of a column of a kind Arrow holds as such, else ``None``."""
    if kind == "money":
        return pa.array(values, pa.string()).cast(pa.decimal128(PRECISION, 2))
    if kind == "date":
        return pa.array(values, pa.string()).cast(pa.date32())
    if kind == "list:string":
        return pa.array(values, pa.list_(pa.string()))
    return None


def _small_codes(np: Any, n: int) -> Any:
    """The narrowest signed integer type for codes of ``n`` categories (and -1)."""
    return np.int8 if n < 2**7 else np.int16 if n < 2**15 else np.int32


def build(np: Any, pa: Any, flavour: str, kinds: Mapping[str, str], table: Mapping[str, Sequence[Any]], rows: Any, index: Any = None) -> Any:
    """A frame of ``flavour`` (``"pandas"``, ``"polars"`` or ``"arrow"``) with the columns of
    ``kinds``, whose row ``i`` is entry ``rows[i]`` of each column of ``table`` (the core's JSON
    values). By kind: ``"money"`` (two-decimal text) is decimal128(12, 2), ``"date"`` (ISO text)
    date32 and ``"list:string"`` a list of strings, Arrow-backed in pandas; ``"code:<vocabulary>"``
    and ``"string"`` are categoricals in pandas, ``Enum`` and ``String`` in polars, dictionaries
    in pyarrow. ``index`` is the pandas index (``None``: a ``RangeIndex``).

    Each column is written once: the few distinct values are built as one small array, then
    taken by ``rows`` (Arrow's ``take`` in native code; a categorical's codes are the small
    array of codes taken the same way). Nothing is made per row in Python."""
    rows = np.asarray(rows)
    if rows.dtype != np.int32:
        rows = rows.astype(np.int32)
    take = pa.array(rows)  # zero-copy over the rows' buffer
    arrays, codes, categories = {}, {}, {}
    for name, kind in kinds.items():
        values = table[name]
        array = _arrow_column(pa, kind, values)
        if array is not None:
            arrays[name] = array.take(take)
            continue
        vocabulary = list(VOCABULARIES.get(kind[5:], ())) if kind.startswith("code:") else []
        cats = vocabulary + sorted({v for v in values if v is not None} - set(vocabulary))
        index_of = {c: i for i, c in enumerate(cats)}
        small = np.array([-1 if v is None else index_of[v] for v in values] + [-1], dtype=_small_codes(np, len(cats)))
        codes[name] = small.take(rows) if len(values) else np.full(len(rows), -1, dtype=small.dtype)
        categories[name] = cats

    if flavour == "pandas":
        import pandas as pd

        data = {
            name: pd.arrays.ArrowExtensionArray(arrays[name]) if name in arrays else pd.Categorical.from_codes(codes[name], categories=categories[name], validate=False)
            for name in kinds
        }
        return pd.DataFrame(data, index=index, copy=False)
    for name, c in codes.items():
        arrays[name] = pa.DictionaryArray.from_arrays(pa.array(c, mask=c < 0), pa.array(categories[name], pa.string()))
    out = pa.Table.from_arrays([arrays[name] for name in kinds], names=list(kinds))
    if flavour == "arrow":
        return out

    import polars as pl

    frame: Any = pl.from_arrow(out)
    casts = [pl.col(name).cast(pl.Enum(categories[name]) if kinds[name].startswith("code:") else pl.String) for name in codes]
    return frame.with_columns(casts)
