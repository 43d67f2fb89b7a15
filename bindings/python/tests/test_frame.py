"""quote_frame: the batch answer equals ``quote()`` row by row, for pandas, polars and Arrow."""

from __future__ import annotations

import datetime
import threading
import time
from decimal import Decimal
from typing import Any, Dict, List, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ceseda
from ceseda import _frame
from ceseda._translate import BOOL, CODE, DATE, FIELD_KINDS
from strategies import OPTIONAL, dates, documents, procedures

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

D = datetime.date
AMOUNTS = ("total", *[c.value for c in ceseda.Component])
LABELS = ("outcome", "regime", "error", "error_field")

# ----------------------------------------------------------------------------- expectations


def expected_row(kwargs: Dict[str, Any]) -> Dict[str, Any]:
    """What one row of quote_frame must hold: quote() on that row's values."""
    given_ = {k: v for k, v in kwargs.items() if v is not None}
    try:
        q = ceseda.quote(**given_)
    except ceseda.CesedaError as e:
        out: Dict[str, Any] = {name: None for name in AMOUNTS}
        field = e.field if e.field in ceseda.FIELDS else None
        return {**out, "outcome": None, "regime": None, "error": e.code, "error_field": field}
    out = {"total": q.total, **{c.value: q.component(c) for c in ceseda.Component}}
    return {**out, "outcome": q.outcome, "regime": q.regime, "error": None, "error_field": None}


def rows_of(result: Any) -> List[Dict[str, Any]]:
    """The rows of a quote_frame answer as dicts of Decimal / str / None."""
    if isinstance(result, pd.DataFrame):
        table = pa.Table.from_pandas(result, preserve_index=False)
    elif isinstance(result, pl.DataFrame):
        table = result.to_arrow()
    else:
        table = result
    assert tuple(table.column_names) == ceseda.FRAME_COLUMNS
    return table.to_pylist()


def check(result: Any, rows: List[Dict[str, Any]]) -> None:
    got = rows_of(result)
    assert len(got) == len(rows)
    for i, (g, kwargs) in enumerate(zip(got, rows)):
        want = expected_row(kwargs)
        assert g == want, f"row {i}: {kwargs}"


# ----------------------------------------------------------------------------- frame builders

JUNK_CODES = ["nope", "", "Visiteur", "table_2016", "csp"]


def code_values(field: str) -> st.SearchStrategy[Optional[str]]:
    if field == "permit":
        valid = documents
    elif field == "procedure":
        valid = procedures
    else:
        valid = OPTIONAL[field]
    return st.one_of(valid, valid, valid, st.sampled_from(JUNK_CODES), st.none())


def date_values(field: str) -> st.SearchStrategy[Optional[D]]:
    return st.one_of(dates, dates, dates, st.dates(D(1990, 1, 1), D(2040, 1, 1)), st.none())


def bool_values(field: str) -> st.SearchStrategy[Optional[bool]]:
    return st.one_of(st.booleans(), st.none())


VALUES = {CODE: code_values, DATE: date_values, BOOL: bool_values}


@st.composite
def frames(draw: Any) -> Dict[str, Any]:
    """Columns (field -> values) and, per column, how to store it."""
    optional = draw(st.lists(st.sampled_from(sorted(OPTIONAL)), max_size=5, unique=True))
    fields = ["permit", "procedure", "date", *optional]
    n = draw(st.integers(min_value=0, max_value=40))
    columns = {f: draw(st.lists(VALUES[FIELD_KINDS[f]](f), min_size=n, max_size=n)) for f in fields}
    layouts = {f: draw(st.sampled_from(LAYOUTS[FIELD_KINDS[f]])) for f in fields}
    return {"n": n, "columns": columns, "layouts": layouts}


LAYOUTS = {
    CODE: ["object", "str", "category", "arrow"],
    DATE: ["object", "datetime64", "arrow"],
    BOOL: ["object", "boolean", "arrow"],
}


def pandas_series(kind: str, layout: str, values: List[Any]) -> Any:
    if layout == "object":
        return pd.Series(values, dtype=object)
    if layout == "str":
        return pd.Series(values, dtype="string")
    if layout == "category":
        return pd.Series(values, dtype="category")
    if layout == "boolean":
        return pd.Series(values, dtype="boolean")
    if layout == "datetime64":
        return pd.Series(pd.to_datetime(pd.Series(values, dtype=object)), dtype="datetime64[s]")
    arrow_type = {CODE: pa.string(), DATE: pa.date32(), BOOL: pa.bool_()}[kind]
    return pd.Series(pd.arrays.ArrowExtensionArray(pa.array(values, type=arrow_type)))


def polars_series(name: str, kind: str, layout: str, values: List[Any]) -> Any:
    if kind == CODE:
        s = pl.Series(name, values, dtype=pl.String)
        return s.cast(pl.Categorical) if layout == "category" else s
    if kind == DATE:
        s = pl.Series(name, values, dtype=pl.Date)
        return s.cast(pl.Datetime("ms")) if layout == "datetime64" else s
    return pl.Series(name, values, dtype=pl.Boolean)


def as_rows(columns: Dict[str, List[Any]], n: int) -> List[Dict[str, Any]]:
    return [{f: columns[f][i] for f in columns} for i in range(n)]


# ----------------------------------------------------------------------------- properties


@settings(max_examples=60)
@given(frames())
def test_pandas_frames_equal_row_by_row_quotes(spec: Dict[str, Any]) -> None:
    columns, layouts, n = spec["columns"], spec["layouts"], spec["n"]
    # Column names differ from the fields: every field is mapped explicitly.
    df = pd.DataFrame({f"col_{f}": pandas_series(FIELD_KINDS[f], layouts[f], v) for f, v in columns.items()})
    df.index = pd.RangeIndex(100, 100 + n)
    mapping = {f: f"col_{f}" for f in columns}
    result = ceseda.quote_frame(df, **mapping)
    assert isinstance(result, pd.DataFrame) and result.index.equals(df.index)
    for name in AMOUNTS:
        assert result[name].dtype == pd.ArrowDtype(pa.decimal128(12, 2))
    check(result, as_rows(columns, n))


@settings(max_examples=60)
@given(frames())
def test_polars_frames_equal_row_by_row_quotes(spec: Dict[str, Any]) -> None:
    columns, layouts, n = spec["columns"], spec["layouts"], spec["n"]
    df = pl.DataFrame([polars_series(f, FIELD_KINDS[f], layouts[f], v) for f, v in columns.items()])
    extra = {f: f for f in columns if f not in ("permit", "procedure", "date")}
    result = ceseda.quote_frame(df, **extra)
    assert isinstance(result, pl.DataFrame) and result.height == n
    for name in AMOUNTS:
        assert result.schema[name] == pl.Decimal(12, 2)
    assert result.schema["outcome"] == pl.Enum([o.value for o in ceseda.Outcome])
    check(result, as_rows(columns, n))


@settings(max_examples=30)
@given(frames())
def test_arrow_tables_equal_row_by_row_quotes(spec: Dict[str, Any]) -> None:
    columns, n = spec["columns"], spec["n"]
    types = {CODE: pa.string(), DATE: pa.date32(), BOOL: pa.bool_()}
    table = pa.table({f: pa.array(v, type=types[FIELD_KINDS[f]]) for f, v in columns.items()})
    extra = {f: f for f in columns if f not in ("permit", "procedure", "date")}
    result = ceseda.quote_frame(table, **extra)
    assert isinstance(result, pa.Table)
    check(result, as_rows(columns, n))


ODD_VALUES = {
    CODE: [3, 1.5, Decimal("1"), True, b"visiteur", ceseda.Permit.SALARIE, D(2024, 1, 1)],
    DATE: ["2024-03-01", datetime.datetime(2024, 3, 1), 20240301, 1.5, pd.Timestamp("2024-03-01")],
    BOOL: [1, 0, "true", 1.0, np.bool_(True), np.bool_(False)],
}


@settings(max_examples=60)
@given(st.data())
def test_values_of_the_wrong_type_fail_their_row_only(data: Any) -> None:
    """Mixed object columns: a value of the wrong type is that row's invalid_type."""
    field = data.draw(st.sampled_from(sorted(FIELD_KINDS)))
    kind = FIELD_KINDS[field]
    n = data.draw(st.integers(1, 12))
    good = VALUES[kind](field)
    values = data.draw(st.lists(st.one_of(good, st.sampled_from(ODD_VALUES[kind])), min_size=n, max_size=n))
    base = {"permit": ["visiteur"] * n, "procedure": ["renewal"] * n, "date": [D(2022, 6, 15)] * n}
    columns = {**base, field: values}
    df = pd.DataFrame({f: pd.Series(v, dtype=object) for f, v in columns.items()})
    extra = {field: field} if field not in base else {}
    check(ceseda.quote_frame(df, **extra), as_rows(columns, n))


# ----------------------------------------------------------------------------- examples


def small_frame() -> Dict[str, List[Any]]:
    return {
        "permit": ["visiteur", "salarie", "nope", None, "vpf_regroupement_familial", "dcem"],
        "procedure": ["first_issue", "first_issue", "first_issue", "renewal", "first_issue", "first_issue"],
        "date": [D(2024, 3, 1), D(2026, 6, 1), D(2024, 3, 1), D(2024, 3, 1), D(2018, 6, 15), D(2005, 1, 1)],
        "irregular_entry": [False, True, None, None, None, None],
    }


def test_the_documented_columns_and_values() -> None:
    cols = small_frame()
    result = ceseda.quote_frame(pd.DataFrame(cols), irregular_entry="irregular_entry")
    assert list(result.columns) == list(ceseda.FRAME_COLUMNS)
    assert result["total"].tolist()[:2] == [Decimal("225.00"), Decimal("650.00")]
    assert result["error"].tolist()[2:] == ["unknown_code", "missing_field", "missing_sub_case", "date_out_of_range"]
    assert result["error_field"].tolist()[2:] == ["permit", "permit", "family_member", "date"]
    assert result["total"].isna().tolist() == [False, False, True, True, True, True]
    assert result["total"].sum() == Decimal("875.00")
    check(result, as_rows(cols, 6))


def test_datetime64_columns() -> None:
    cols = {
        "permit": ["visiteur"] * 4,
        "procedure": ["first_issue"] * 4,
        "date": pd.to_datetime(["2024-03-01", "2024-03-01 12:30", None, "2018-06-15"], format="ISO8601"),
    }
    result = ceseda.quote_frame(pd.DataFrame(cols))
    assert result["error"].tolist()[:3] == [np.nan, "invalid_type", "missing_field"]
    assert result["total"].tolist()[0] == Decimal("225.00") and result["total"].tolist()[3] == Decimal("269.00")
    tz = pd.DataFrame({**cols, "date": pd.to_datetime(["2024-03-01", "2024-03-01", "2024-03-01", "2024-03-01"]).tz_localize("Europe/Paris")})
    assert ceseda.quote_frame(tz)["total"].tolist() == [Decimal("225.00")] * 4
    polars = pl.DataFrame({"permit": ["visiteur"] * 2, "procedure": ["first_issue"] * 2, "date": [datetime.datetime(2024, 3, 1), datetime.datetime(2024, 3, 1, 1)]})
    assert ceseda.quote_frame(polars)["error"].to_list() == [None, "invalid_type"]


def test_dates_beyond_the_calendar_are_invalid_dates() -> None:
    df = pd.DataFrame({"permit": ["visiteur"] * 2, "procedure": ["first_issue"] * 2, "date": np.array(["2024-03-01", "300000-01-01"], dtype="datetime64[D]")})
    assert ceseda.quote_frame(df)["error"].tolist() == [np.nan, "invalid_date"]


def test_categorical_and_enum_inputs() -> None:
    df = pd.DataFrame(small_frame())
    as_categories = df.assign(permit=df["permit"].astype("category"), procedure=pd.Categorical(df["procedure"], categories=["renewal", "first_issue", "unused"]))
    pd.testing.assert_frame_equal(ceseda.quote_frame(as_categories, irregular_entry="irregular_entry"), ceseda.quote_frame(df, irregular_entry="irregular_entry"))
    with_enums = df.assign(permit=[ceseda.Permit.VISITEUR, ceseda.Permit.SALARIE, "nope", None, "vpf_regroupement_familial", ceseda.TravelDocument.DCEM])
    pd.testing.assert_frame_equal(ceseda.quote_frame(with_enums, irregular_entry="irregular_entry"), ceseda.quote_frame(df, irregular_entry="irregular_entry"))
    polars = pl.from_pandas(df).with_columns(pl.col("procedure").cast(pl.Enum([p.value for p in ceseda.Procedure])))
    assert ceseda.quote_frame(polars, irregular_entry="irregular_entry").equals(ceseda.quote_frame(pl.from_pandas(df), irregular_entry="irregular_entry"))


def test_column_types_that_cannot_hold_the_field_are_refused() -> None:
    base = pd.DataFrame(small_frame())
    cases = [
        (base.assign(permit=range(6)), {}, "permit"),
        (base.assign(date=[str(d) for d in base["date"]]).astype({"date": "string"}), {}, "date"),
        (base.assign(irregular_entry=[0, 1, 0, 1, 0, 1]), {"irregular_entry": "irregular_entry"}, "irregular_entry"),
    ]
    for df, extra, field in cases:
        with pytest.raises(ceseda.InvalidTypeError) as info:
            ceseda.quote_frame(df, **extra)
        assert info.value.field == field
    with pytest.raises(ceseda.InvalidTypeError):
        ceseda.quote_frame(pl.DataFrame({"permit": [1], "procedure": ["renewal"], "date": [D(2024, 1, 1)]}))
    with pytest.raises(ceseda.InvalidTypeError):
        ceseda.quote_frame(pl.DataFrame({"permit": ["visiteur"], "procedure": ["renewal"], "date": ["2024-01-01"]}))


def test_all_null_columns_of_any_type_mean_not_given() -> None:
    df = pd.DataFrame(small_frame()).assign(force_majeure=np.nan, card_kind=np.nan)
    plain = ceseda.quote_frame(df, irregular_entry="irregular_entry")
    pd.testing.assert_frame_equal(ceseda.quote_frame(df, irregular_entry="irregular_entry", force_majeure="force_majeure", card_kind="card_kind"), plain)


def test_bad_calls() -> None:
    df = pd.DataFrame(small_frame())
    with pytest.raises(ceseda.UnknownFieldError) as info:
        ceseda.quote_frame(df, irregular="irregular_entry")
    assert info.value.field == "irregular"
    with pytest.raises(ceseda.MissingFieldError) as info2:
        ceseda.quote_frame(df, permit="titre")
    assert (info2.value.field, info2.value.value) == ("permit", "titre")
    with pytest.raises(ceseda.MissingFieldError):
        ceseda.quote_frame(df, permit=None)
    with pytest.raises(ceseda.MissingFieldError):
        ceseda.quote_frame(pl.from_pandas(df), force_majeure="nope")
    with pytest.raises(ceseda.InvalidTypeError):
        ceseda.quote_frame(df.to_dict())
    with pytest.raises(ceseda.InvalidTypeError, match="collect"):
        ceseda.quote_frame(pl.from_pandas(df).lazy())


def test_empty_frames() -> None:
    empty = {"permit": pd.Series([], dtype=object), "procedure": pd.Series([], dtype=object), "date": pd.Series([], dtype="datetime64[s]")}
    result = ceseda.quote_frame(pd.DataFrame(empty))
    assert len(result) == 0 and list(result.columns) == list(ceseda.FRAME_COLUMNS)
    polars = ceseda.quote_frame(pl.DataFrame(schema={"permit": pl.String, "procedure": pl.String, "date": pl.Date}))
    assert polars.height == 0 and polars.columns == list(ceseda.FRAME_COLUMNS)


def test_chunked_arrow_columns() -> None:
    table = pa.Table.from_pandas(pd.DataFrame(small_frame()), preserve_index=False)
    chunked = pa.concat_tables([table.slice(0, 2), table.slice(2)])
    assert chunked.column("permit").num_chunks == 2
    assert ceseda.quote_frame(chunked, irregular_entry="irregular_entry").equals(ceseda.quote_frame(table, irregular_entry="irregular_entry"))


def test_distinct_values_cross_once_not_every_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """No Python loop over rows: only the distinct values of a column are looked at."""
    calls = {"code": 0, "date": 0, "bool": 0}
    for name, key in (("_code_value", "code"), ("_date_value", "date"), ("_bool_value", "bool")):
        original = getattr(_frame, name)

        def counting(value: Any, _original: Any = original, _key: str = key) -> Any:
            calls[_key] += 1
            return _original(value)

        monkeypatch.setattr(_frame, name, counting)
    n = 50_000
    rng = np.random.default_rng(1)
    permits = np.array([p.value for p in ceseda.Permit], dtype=object)
    df = pd.DataFrame(
        {
            "permit": permits[rng.integers(0, len(permits), n)],
            "procedure": np.array(["first_issue", "renewal", "duplicate"], dtype=object)[rng.integers(0, 3, n)],
            "date": np.array([D(2017, 1, 1) + datetime.timedelta(days=int(d)) for d in range(0, 3000, 30)], dtype=object)[rng.integers(0, 100, n)],
            "irregular_entry": np.array([True, False, None], dtype=object)[rng.integers(0, 3, n)],
        }
    )
    result = ceseda.quote_frame(df, irregular_entry="irregular_entry")
    assert len(result) == n
    assert calls["code"] <= len(permits) + 3 and calls["date"] <= 100 and calls["bool"] <= 2


def test_the_native_loop_releases_the_gil() -> None:
    n = 400_000
    specs = [
        ("permit", ["visiteur", "salarie"], np.resize(np.array([0, 1], dtype="<i4"), n).tobytes()),
        ("procedure", ["first_issue"], np.zeros(n, dtype="<i4").tobytes()),
        ("date", None, np.full(n, (D(2024, 3, 1) - D(1970, 1, 1)).days, dtype="<i4").tobytes()),
    ]
    ticks: List[float] = []
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    thread = threading.Thread(target=spin)
    thread.start()
    try:
        time.sleep(0.01)
        start = time.perf_counter()
        out = ceseda._native.quote_frame(n, specs)
        end = time.perf_counter()
    finally:
        stop.set()
        thread.join()
    assert out[2] == 0  # no null row
    margin = (end - start) / 4
    assert any(start + margin < t < end - margin for t in ticks), f"no tick during the {end - start:.3f}s native call"
