"""``quote_frame``: every row of a pandas or polars DataFrame, or a pyarrow Table, quoted
through the core's one batch path.

Nothing here loops over rows in Python. A column crosses into native code as buffers: a code
column (or a text or object date column) as its distinct values plus one ``int32`` index per
row, a date column as ``int32`` days since 1970-01-01, a flag column as bytes, with nulls and
values of the wrong type as separate byte masks. The core (``quote_columns``) answers one
index per row into a small table of distinct answers; the result's columns are built from it
with Arrow's ``take`` and dictionaries.
"""

from __future__ import annotations

import sys
from typing import Any, Hashable, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from . import _native
from ._errors import InvalidTypeError, MissingFieldError
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
    codes = np.asarray(codes, dtype=np.int64)
    type_ids = np.array([names.index(o.type) if isinstance(o, Bad) else -1 for o in out] + [-1], dtype=np.int64)
    row_bad = type_ids[codes] if names else None  # index -1 picks the trailing -1
    if kind == "bool":
        values = np.array([o is True for o in out] + [False], dtype=np.uint8)[codes]
        bad = None if row_bad is None else row_bad >= 0
        return Spec(field, "bools", None, bytes(values.tobytes()), _mask(np, codes < 0), _mask(np, bad), tuple(names), row_bad)
    values_ = [None if isinstance(o, Bad) else str(o) for o in out]
    return Spec(field, "codes", values_, bytes(np.ascontiguousarray(codes, dtype="<i4").tobytes()), None, None, tuple(names), row_bad)


def _days(np: Any, field: str, days: Any, nulls: Any) -> Spec:
    days = np.clip(np.asarray(days, dtype=np.int64), -(2**31), 2**31 - 1).astype("<i4")
    return Spec(field, "dates", None, bytes(days.tobytes()), _mask(np, nulls), None, (), None)


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
        stamps = arr.to_numpy(zero_copy_only=False)
        days = stamps.astype("datetime64[D]")
        if bool(((days == stamps) | np.isnat(stamps)).all()):
            return _days(np, field, np.where(np.isnat(days), 0, days.astype(np.int64)), nulls)
        # A time of day: the distinct values go as ISO texts, which the core names in invalid_date.
    if pa.types.is_dictionary(t):
        indices, dictionary = arr.indices, arr.dictionary
    elif pa.types.is_null(t):
        return _distinct(np, field, np.full(n, -1), [])
    else:
        try:
            encoded = pc.dictionary_encode(arr.cast(pa.large_string()) if pa.types.is_string_view(t) else arr)
        except (pa.ArrowNotImplementedError, pa.ArrowInvalid, pa.ArrowTypeError):
            # Nested values: every one is of the wrong type.
            sample: Any = [] if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t) else {}
            return _distinct(np, field, np.where(nulls if nulls is not None else np.zeros(n, dtype=bool), -1, 0), [sample])
        indices, dictionary = encoded.indices, encoded.dictionary
    return _distinct(np, field, indices.cast(pa.int64()).fill_null(-1).to_numpy(zero_copy_only=False), dictionary.to_pylist())


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


def _refuse(failure: Optional[str]) -> None:
    """Raises the error of a call the core refused as a whole."""
    if failure is not None:
        answer(failure, "")


def _missing_column(field: str, column: Hashable) -> MissingFieldError:
    return MissingFieldError(f"column {column!r} (for {field}) is not in the frame", field=field, value=str(column))


def quote_frame(df: Any, columns: Mapping[str, Optional[Hashable]], lang: Any = "en", reform: Optional[str] = None) -> Any:
    """Quotes every row of ``df``: see ``ceseda.quote_frame``. ``columns`` maps fields to columns;
    ``reform`` is the text of a reform (``None``: the law)."""
    np, pa = _imports()
    lang = lang_code(lang)
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
            specs.append(_arrow(np, pa, field, df.get_column(column).to_arrow() if flavour == "polars" else df.column(column)))
    rows, answers = _run(np, n, specs, lang, reform)
    return _result(np, pa, flavour, df, rows, answers)


def _run(np: Any, n: int, specs: List[Spec], lang: str, reform: Optional[str] = None) -> Tuple[Any, List[Any]]:
    """Quotes the rows. The core names every value of the wrong type by the one type it is told
    of: with several types, each is asked in turn and a row takes the answer of the type of its
    first such value (in the core's field order), the one its error is about."""
    types = sorted({t for s in specs for t in s.bad_types}) or ["object"]
    calls = [_native.quote_columns(n, [s[:6] for s in specs], t, lang, reform) for t in types]
    for _, _, failure in calls:
        _refuse(failure)
    if len(calls) == 1:
        return np.frombuffer(calls[0][0], dtype="<u4"), calls[0][1]
    offsets = np.cumsum([0] + [len(c[1]) for c in calls[:-1]])
    stacked = np.stack([np.frombuffer(c[0], dtype="<u4").astype(np.int64) + o for c, o in zip(calls, offsets)])
    chosen, unset = np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool)
    for s in sorted(specs, key=lambda s: FIELDS.index(s.field)):
        if s.row_bad is not None:
            ids = np.array([types.index(t) for t in s.bad_types] + [-1], dtype=np.int64)[s.row_bad]
            hit = unset & (ids >= 0)
            chosen[hit] = ids[hit]
            unset &= ~hit
    return stacked[chosen, np.arange(n)], [a for c in calls for a in c[1]]


def _result(np: Any, pa: Any, flavour: str, df: Any, rows: Any, answers: List[Any]) -> Any:
    """The answer frame: ``TABLE_COLUMNS``, row ``i`` the distinct answer ``rows[i]``."""
    table = dict(zip(TABLE_COLUMNS, zip(*answers))) if answers else {name: () for name in TABLE_COLUMNS}
    return build(np, pa, flavour, TABLE_COLUMNS, table, rows, df.index if flavour == "pandas" else None)


def _arrow_column(pa: Any, kind: str, values: Sequence[Any]) -> Any:
    """The Arrow array of a column of a kind Arrow holds as such, else ``None``."""
    if kind == "money":
        return pa.array(values, pa.string()).cast(pa.decimal128(PRECISION, 2))
    if kind == "date":
        return pa.array(values, pa.string()).cast(pa.date32())
    if kind == "list:string":
        return pa.array(values, pa.list_(pa.string()))
    return None


def build(np: Any, pa: Any, flavour: str, kinds: Mapping[str, str], table: Mapping[str, Sequence[Any]], rows: Any, index: Any = None) -> Any:
    """A frame of ``flavour`` (``"pandas"``, ``"polars"`` or ``"arrow"``) with the columns of
    ``kinds``, whose row ``i`` is entry ``rows[i]`` of each column of ``table`` (the core's JSON
    values). By kind: ``"money"`` (two-decimal text) is decimal128(12, 2), ``"date"`` (ISO text)
    date32 and ``"list:string"`` a list of strings, Arrow-backed in pandas; ``"code:<vocabulary>"``
    and ``"string"`` are categoricals in pandas, ``Enum`` and ``String`` in polars, dictionaries
    in pyarrow. ``index`` is the pandas index (``None``: a ``RangeIndex``)."""
    take = pa.array(np.asarray(rows, dtype=np.int64))
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
        codes[name] = np.array([-1 if v is None else index_of[v] for v in values], dtype=np.int32)[np.asarray(rows, dtype=np.int64)]
        categories[name] = cats

    if flavour == "pandas":
        import pandas as pd

        data = {name: pd.arrays.ArrowExtensionArray(arrays[name]) if name in arrays else pd.Categorical.from_codes(codes[name], categories=categories[name]) for name in kinds}
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
