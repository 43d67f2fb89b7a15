"""``quote_frame``: quote every row of a pandas or polars DataFrame (or a pyarrow Table).

Nothing here loops over rows. Each code column is factorised (``pandas.factorize``, the
categories of a categorical, or Arrow's ``dictionary_encode``) so that only its distinct
values cross into native code as strings; dates cross as ``int32`` days since 1970-01-01
and flags as ``int8``, as ``bytes``. The native loop (``_native.quote_frame``) quotes every
row with the core, without the GIL, and hands back Arrow buffers: decimal128(12, 2)
amounts and ``int8`` dictionary indices, which are wrapped without copying.
"""

from __future__ import annotations

import datetime as _dt
import enum
import sys
from typing import Any, Dict, Hashable, List, Optional, Sequence, Tuple

from . import _native
from ._errors import InvalidTypeError, MissingFieldError
from ._translate import BOOL, CODE, DATE, ERROR_CODES, FIELD_KINDS, FIELDS, _VOCAB, answer, clean_str, dumps, is_numpy_bool

__all__ = ["quote_frame", "FRAME_COLUMNS"]

COMPONENTS: Tuple[str, ...] = tuple(_VOCAB["component"])
OUTCOMES: Tuple[str, ...] = tuple(_VOCAB["outcome"])
REGIMES: Tuple[str, ...] = tuple(_VOCAB["regime"])

#: The columns of the frame ``quote_frame`` returns, in order.
FRAME_COLUMNS: Tuple[str, ...] = ("total", *COMPONENTS, "outcome", "regime", "error", "error_field")

#: Amounts are decimal128 with this precision and scale 2.
PRECISION = 12

_DATE_NULL = -(2**31)
_DATE_BAD_TYPE = -(2**31) + 1
_BOOL_NULL = -1
_BOOL_BAD_TYPE = -2
_REQUIRED = ("permit", "procedure", "date")


def _imports() -> Tuple[Any, Any]:
    try:
        import numpy as np
        import pyarrow as pa
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("ceseda.quote_frame needs numpy and pyarrow: pip install 'ceseda[pandas]' or 'ceseda[polars]'") from e
    return np, pa


def _column_type_error(field: str, column: Hashable, dtype: Any, expected: str) -> InvalidTypeError:
    return InvalidTypeError(
        f"column {column!r} for {field} has type {dtype}, expected {expected}",
        field=field,
        value=str(column),
        expected=(expected,),
    )


_EXPECTED_COLUMN = {
    CODE: "strings (str, categorical or dictionary-encoded strings)",
    DATE: "dates (date32, datetime64 at midnight, or datetime.date objects)",
    BOOL: "booleans",
}


# ---------------------------------------------------------------------------- distinct values


def _code_value(value: Any) -> Optional[str]:
    """A distinct value of a code column: its code, or ``None`` for a value of the wrong type."""
    if isinstance(value, enum.Enum):
        value = value.value
    return clean_str(value) if isinstance(value, str) else None


def _date_value(value: Any) -> int:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value.toordinal() - _EPOCH_ORDINAL
    return _DATE_BAD_TYPE


_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()


def _bool_value(value: Any) -> int:
    if isinstance(value, bool) or is_numpy_bool(value):
        return int(bool(value))
    return _BOOL_BAD_TYPE


# ---------------------------------------------------------------------------- numpy helpers


def _i32(np: Any, a: Any) -> bytes:
    return bytes(np.ascontiguousarray(a, dtype="<i4").tobytes())


def _i8(np: Any, a: Any) -> bytes:
    return bytes(np.ascontiguousarray(a, dtype="i1").tobytes())


def _take(np: Any, codes: Any, values: Sequence[int], null: int, dtype: str) -> Any:
    """``values[codes]``, with ``null`` where the code is -1."""
    table = np.append(np.asarray(values, dtype=np.int64), null)  # index -1 picks ``null``
    return table[np.asarray(codes, dtype=np.int64)].astype(dtype)


def _days_from_datetime64(np: Any, values: Any) -> Any:
    """``int32`` days for a datetime64 array; a time of day other than midnight is a bad type."""
    nat = np.isnat(values)
    days = values.astype("datetime64[D]")
    midnight = days.astype(values.dtype) == values
    as_int = days.astype(np.int64)
    out = np.clip(as_int, -(2**31) + 2, 2**31 - 1)
    out = np.where(midnight, out, _DATE_BAD_TYPE)
    out = np.where(nat, _DATE_NULL, out)
    return out.astype(np.int32)


# ---------------------------------------------------------------------------- Arrow columns


def _arrow_column(np: Any, pa: Any, field: str, column: Hashable, arr: Any) -> Tuple[Optional[List[Optional[str]]], bytes]:
    """The native spec of an Arrow array or chunked array."""
    import pyarrow.compute as pc

    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    t = arr.type
    n = len(arr)
    kind = FIELD_KINDS[field]
    all_null = arr.null_count == n

    if kind == CODE:
        if pa.types.is_dictionary(t) and _is_string(pa, t.value_type):
            indices, dictionary = arr.indices, arr.dictionary
        elif _is_string(pa, t):
            if pa.types.is_string_view(t):
                arr = arr.cast(pa.large_string())
            encoded = pc.dictionary_encode(arr)
            indices, dictionary = encoded.indices, encoded.dictionary
        elif all_null:
            return [], _i32(np, np.full(n, -1))
        else:
            raise _column_type_error(field, column, t, _EXPECTED_COLUMN[kind])
        codes = indices.cast(pa.int32()).fill_null(-1).to_numpy(zero_copy_only=False)
        return [_code_value(v) for v in dictionary.to_pylist()], _i32(np, codes)

    if kind == DATE:
        if pa.types.is_date(t):
            days = arr.cast(pa.date32()).cast(pa.int32()).fill_null(_DATE_NULL).to_numpy(zero_copy_only=False)
            return None, _i32(np, days)
        if pa.types.is_timestamp(t):
            if t.tz is not None:
                arr = pc.local_timestamp(arr)
            return None, _i32(np, _days_from_datetime64(np, arr.to_numpy(zero_copy_only=False)))
        if all_null:
            return None, _i32(np, np.full(n, _DATE_NULL))
        raise _column_type_error(field, column, t, _EXPECTED_COLUMN[kind])

    if pa.types.is_boolean(t):
        return None, _i8(np, arr.cast(pa.int8()).fill_null(_BOOL_NULL).to_numpy(zero_copy_only=False))
    if all_null:
        return None, _i8(np, np.full(n, _BOOL_NULL))
    raise _column_type_error(field, column, t, _EXPECTED_COLUMN[kind])


def _is_string(pa: Any, t: Any) -> bool:
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t))


# ---------------------------------------------------------------------------- pandas columns


def _pandas_column(np: Any, pa: Any, pd: Any, field: str, column: Hashable, s: Any) -> Tuple[Optional[List[Optional[str]]], bytes]:
    """The native spec of a pandas Series."""
    kind = FIELD_KINDS[field]
    dtype = s.dtype
    n = len(s)
    if isinstance(dtype, pd.ArrowDtype):
        return _arrow_column(np, pa, field, column, pa.array(s.array))

    if isinstance(dtype, pd.CategoricalDtype):
        # Categories are the distinct values: classify them, keep the codes.
        codes = s.cat.codes.to_numpy()
        categories = list(dtype.categories)
        if kind == CODE:
            return [_code_value(c) for c in categories], _i32(np, codes)
        if kind == DATE:
            return None, _i32(np, _take(np, codes, [_date_value(c) for c in categories], _DATE_NULL, "int32"))
        return None, _i8(np, _take(np, codes, [_bool_value(c) for c in categories], _BOOL_NULL, "int8"))

    is_object = dtype == object
    is_string = isinstance(dtype, pd.StringDtype)

    if kind == CODE and (is_object or is_string):
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
        return [_code_value(u) for u in uniques], _i32(np, codes)

    if kind == DATE:
        if pd.api.types.is_datetime64_any_dtype(dtype):
            if getattr(dtype, "tz", None) is not None:
                s = s.dt.tz_localize(None)
            return None, _i32(np, _days_from_datetime64(np, s.to_numpy()))
        if is_object:
            codes, uniques = pd.factorize(s, use_na_sentinel=True)
            return None, _i32(np, _take(np, codes, [_date_value(u) for u in uniques], _DATE_NULL, "int32"))

    if kind == BOOL:
        if dtype == bool:
            return None, _i8(np, s.to_numpy())
        if isinstance(dtype, pd.BooleanDtype):
            return None, _i8(np, s.to_numpy(dtype="int8", na_value=_BOOL_NULL))
        if is_object:
            if pd.api.types.infer_dtype(s, skipna=True) in ("boolean", "empty"):
                codes, uniques = pd.factorize(s, use_na_sentinel=True)
                return None, _i8(np, _take(np, codes, [_bool_value(u) for u in uniques], _BOOL_NULL, "int8"))
            # Mixed: factorising would merge 1 with True (they hash equal), so sort by type.
            is_bool = s.map(type, na_action="ignore").isin([bool, np.bool_]).to_numpy()
            out = np.full(n, _BOOL_BAD_TYPE, dtype=np.int8)
            out[s.isna().to_numpy()] = _BOOL_NULL
            out[is_bool] = s[is_bool].astype(bool).to_numpy().astype(np.int8)
            return None, _i8(np, out)

    if bool(s.isna().all()):
        # A column of nothing but missing values, whatever its type: the field is not given.
        if kind == CODE:
            return [], _i32(np, np.full(n, -1))
        if kind == DATE:
            return None, _i32(np, np.full(n, _DATE_NULL))
        return None, _i8(np, np.full(n, _BOOL_NULL))
    raise _column_type_error(field, column, dtype, _EXPECTED_COLUMN[kind])


# ---------------------------------------------------------------------------- the call


def _field_columns(permit: Any, procedure: Any, date: Any, columns: Dict[str, Any]) -> Dict[str, Any]:
    unknown = [name for name in columns if name not in FIELD_KINDS]
    if unknown:
        # The core names the unknown field, with the list of fields.
        answer(_native.quote_json(dumps({name: None for name in unknown})), "quote")
    given = {"permit": permit, "procedure": procedure, "date": date, **columns}
    for name in _REQUIRED:
        if given[name] is None:
            raise MissingFieldError(f"quote_frame needs a column for {name}", field=name)
    # In the core's field order, so that the native loop reports errors in the same order.
    return {name: given[name] for name in FIELDS if given.get(name) is not None}


def _missing_column(field: str, column: Hashable) -> MissingFieldError:
    return MissingFieldError(f"column {column!r} (for {field}) is not in the frame", field=field, value=str(column))


def quote_frame(
    df: Any,
    permit: Hashable = "permit",
    procedure: Hashable = "procedure",
    date: Hashable = "date",
    **columns: Hashable,
) -> Any:
    """Quotes every row of a frame; answers a frame of the same kind, row for row.

    ``df`` is a pandas or polars DataFrame, or a pyarrow Table. ``permit``, ``procedure``
    and ``date`` name its columns for those fields (by default, columns of the same
    name); any other request field is given as ``field="column name"``, e.g.
    ``quote_frame(df, irregular_entry="entered_irregularly")``.

    Columns hold what :func:`ceseda.quote` takes: codes as strings (or categoricals),
    dates as dates (date32, datetime64 at midnight, or ``datetime.date`` objects), flags as
    booleans. A missing value (None, NaN, NA, NaT) means the field is not given.

    The answer has the same number of rows (and, for pandas, the same index) with the
    columns :data:`FRAME_COLUMNS`: ``total`` and one column per component, as decimals
    (pandas: ``ArrowDtype(decimal128(12, 2))``, polars: ``Decimal(12, 2)``), then
    ``outcome`` and ``regime`` (codes), ``error`` (the error code of a row that could not
    be quoted, else null) and ``error_field`` (the field that error is about). A bad row
    has null amounts and never stops the batch.

    A column of the wrong type altogether (numbers for a code, strings for a date…) raises
    :class:`InvalidTypeError`; an unknown field :class:`UnknownFieldError`; a column that is
    not in the frame :class:`MissingFieldError`.
    """
    np, pa = _imports()
    fields = _field_columns(permit, procedure, date, columns)

    pd = sys.modules.get("pandas")
    pl = sys.modules.get("polars")
    if pd is not None and isinstance(df, pd.DataFrame):
        flavour = "pandas"
        n = len(df.index)
    elif pl is not None and isinstance(df, pl.DataFrame):
        flavour = "polars"
        n = df.height
    elif isinstance(df, pa.Table):
        flavour = "arrow"
        n = df.num_rows
    else:
        lazy = pl is not None and isinstance(df, pl.LazyFrame)
        hint = " (collect() the LazyFrame first)" if lazy else ""
        raise InvalidTypeError(
            f"quote_frame takes a pandas or polars DataFrame or a pyarrow Table, got {type(df).__qualname__}{hint}",
            expected=("pandas.DataFrame", "polars.DataFrame", "pyarrow.Table"),
        )

    specs = []
    for field, column in fields.items():
        if flavour == "pandas":
            assert pd is not None
            if column not in df.columns:
                raise _missing_column(field, column)
            series = df[column]
            if not isinstance(series, pd.Series):
                raise InvalidTypeError(f"column {column!r} (for {field}) is not unique in the frame", field=field, value=str(column))
            uniques, data = _pandas_column(np, pa, pd, field, column, series)
        elif flavour == "polars":
            if not isinstance(column, str) or column not in df.columns:
                raise _missing_column(field, column)
            uniques, data = _arrow_column(np, pa, field, column, df.get_column(column).to_arrow())
        else:
            if not isinstance(column, str) or column not in df.column_names:
                raise _missing_column(field, column)
            uniques, data = _arrow_column(np, pa, field, column, df.column(column))
        specs.append((field, uniques, data))

    try:
        amounts, validity, null_count, outcome, regime, error, error_field = _native.quote_frame(n, specs)
    except ValueError as e:  # pragma: no cover - a malformed call is a bug in this module
        from ._errors import InternalError

        raise InternalError(f"quote_frame: {e}") from None
    return _result(np, pa, flavour, df, n, amounts, validity, null_count, outcome, regime, error, error_field)


def _result(np: Any, pa: Any, flavour: str, df: Any, n: int, amounts: bytes, validity: bytes, null_count: int, *codes: bytes) -> Any:
    decimal = pa.decimal128(PRECISION, 2)
    amount_buffer = pa.py_buffer(amounts)
    validity_buffer = pa.py_buffer(validity) if null_count else None
    width = n * 16
    names = ("total", *COMPONENTS)
    arrays = [pa.Array.from_buffers(decimal, n, [validity_buffer, amount_buffer.slice(i * width, width)], null_count) for i in range(len(names))]
    vocabularies = (OUTCOMES, REGIMES, ERROR_CODES, FIELDS)
    indices = [np.frombuffer(b, dtype=np.int8) for b in codes]
    labels = ("outcome", "regime", "error", "error_field")

    if flavour == "pandas":
        import pandas as pd

        data: Dict[str, Any] = {name: pd.arrays.ArrowExtensionArray(a) for name, a in zip(names, arrays)}
        for label, idx, vocab in zip(labels, indices, vocabularies):
            data[label] = pd.Categorical.from_codes(idx, categories=list(vocab))
        return pd.DataFrame(data, index=df.index, copy=False)

    dictionaries = [
        pa.DictionaryArray.from_arrays(pa.array(idx, mask=idx < 0), pa.array(list(vocab), pa.string())) for idx, vocab in zip(indices, vocabularies)
    ]
    table = pa.Table.from_arrays([*arrays, *dictionaries], names=[*names, *labels])
    if flavour == "arrow":
        return table

    import polars as pl

    out = pl.from_arrow(table)
    assert isinstance(out, pl.DataFrame)
    return out.with_columns(pl.col(label).cast(pl.Enum(list(vocab))) for label, vocab in zip(labels, vocabularies))
