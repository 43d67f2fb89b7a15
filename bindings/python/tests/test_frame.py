"""quote_frame: the batch answer equals ``quote()`` row by row, and the core's
``quote_table_json``, for pandas, polars and Arrow."""

from __future__ import annotations

import datetime
import json
import threading
import time
from decimal import Decimal
from typing import Any, Dict, List, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ceseda
from ceseda import _frame
from strategies import OPTIONAL, dates, documents, procedures

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

D = datetime.date
MONEY = tuple(name for name, kind in ceseda._fields.TABLE_COLUMNS.items() if kind == "money")
KIND = {name: f.kind for name, f in ceseda.FIELD_TABLE.items()}

# ----------------------------------------------------------------------------- expectations


def expected_row(kwargs: Dict[str, Any], lang: str = "en") -> Dict[str, Any]:
    """What one row of quote_frame must hold: quote() on that row's values."""
    given_ = {k: v for k, v in kwargs.items() if v is not None}
    try:
        q = ceseda.quote(**given_, lang=lang)
    except ceseda.CesedaError as e:
        return {**{name: None for name in MONEY}, "outcome": None, "regime": None, "error": e.code, "error_field": e.field, "error_message": e.message}
    number = q.total is not None
    components = {c.value: q.component(c) if number else None for c in ceseda.Component}
    return {"total": q.total, **components, "due_at_filing": q.due_at_filing, "outcome": q.outcome, "regime": q.regime, "error": None, "error_field": None, "error_message": None}


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


def check(result: Any, rows: List[Dict[str, Any]], lang: str = "en") -> None:
    got = rows_of(result)
    assert len(got) == len(rows)
    for i, (g, kwargs) in enumerate(zip(got, rows)):
        assert g == expected_row(kwargs, lang), f"row {i}: {kwargs}"


# ----------------------------------------------------------------------------- frame builders

JUNK_CODES = ["nope", "", "Visiteur", "table_2016", "csp"]


def code_values(field: str) -> st.SearchStrategy[Optional[str]]:
    valid = documents if field == "permit" else procedures if field == "procedure" else OPTIONAL[field]
    return st.one_of(valid, valid, valid, st.sampled_from(JUNK_CODES), st.none())


def date_values(field: str) -> st.SearchStrategy[Optional[D]]:
    return st.one_of(dates, dates, dates, st.dates(D(1890, 1, 1), D(2210, 1, 1)), st.none())


def bool_values(field: str) -> st.SearchStrategy[Optional[bool]]:
    return st.one_of(st.booleans(), st.none())


VALUES = {"code": code_values, "date": date_values, "bool": bool_values}
LAYOUTS = {
    "code": ["object", "str", "category", "arrow"],
    "date": ["object", "datetime64", "arrow", "iso"],
    "bool": ["object", "boolean", "arrow"],
}


@st.composite
def frames(draw: Any) -> Dict[str, Any]:
    """Columns (field -> values) and, per column, how to store it."""
    optional = draw(st.lists(st.sampled_from(sorted(OPTIONAL)), max_size=5, unique=True))
    fields = ["permit", "procedure", "date", *optional]
    n = draw(st.integers(min_value=0, max_value=40))
    columns = {f: draw(st.lists(VALUES[KIND[f]](f), min_size=n, max_size=n)) for f in fields}
    layouts = {f: draw(st.sampled_from(LAYOUTS[KIND[f]])) for f in fields}
    return {"n": n, "columns": columns, "layouts": layouts}


def pandas_series(kind: str, layout: str, values: List[Any]) -> Any:
    if layout == "object":
        return pd.Series(values, dtype=object)
    if layout == "str":
        return pd.Series(values, dtype="string")
    if layout == "category":
        return pd.Series(values, dtype="category")
    if layout == "boolean":
        return pd.Series(values, dtype="boolean")
    if layout == "iso":
        return pd.Series([None if v is None else v.isoformat() for v in values], dtype="string")
    if layout == "datetime64":
        return pd.Series([None if v is None else np.datetime64(v, "s") for v in values], dtype="datetime64[s]")
    arrow_type = {"code": pa.string(), "date": pa.date32(), "bool": pa.bool_()}[kind]
    return pd.Series(pd.arrays.ArrowExtensionArray(pa.array(values, type=arrow_type)))


def polars_series(name: str, kind: str, layout: str, values: List[Any]) -> Any:
    if kind == "code":
        s = pl.Series(name, values, dtype=pl.String)
        return s.cast(pl.Categorical) if layout == "category" else s
    if kind == "date":
        s = pl.Series(name, values, dtype=pl.Date)
        return s.cast(pl.Datetime("ms")) if layout == "datetime64" else s.cast(pl.String) if layout == "iso" else s
    return pl.Series(name, values, dtype=pl.Boolean)


def as_rows(columns: Dict[str, List[Any]], n: int) -> List[Dict[str, Any]]:
    return [{f: columns[f][i] for f in columns} for i in range(n)]


# ----------------------------------------------------------------------------- properties


@settings(max_examples=60)
@given(frames())
def test_pandas_frames_equal_row_by_row_quotes(spec: Dict[str, Any]) -> None:
    columns, layouts, n = spec["columns"], spec["layouts"], spec["n"]
    # Column names differ from the fields: every field is mapped explicitly.
    df = pd.DataFrame({f"col_{f}": pandas_series(KIND[f], layouts[f], v) for f, v in columns.items()})
    df.index = pd.RangeIndex(100, 100 + n)
    mapping = {f: f"col_{f}" for f in columns}
    result = ceseda.quote_frame(df, **mapping)
    assert isinstance(result, pd.DataFrame) and result.index.equals(df.index)
    for name in MONEY:
        assert result[name].dtype == pd.ArrowDtype(pa.decimal128(12, 2))
    check(result, as_rows(columns, n))


@settings(max_examples=60)
@given(frames())
def test_polars_frames_equal_row_by_row_quotes(spec: Dict[str, Any]) -> None:
    columns, layouts, n = spec["columns"], spec["layouts"], spec["n"]
    df = pl.DataFrame([polars_series(f, KIND[f], layouts[f], v) for f, v in columns.items()])
    extra = {f: f for f in columns if f not in ("permit", "procedure", "date")}
    result = ceseda.quote_frame(df, **extra)
    assert isinstance(result, pl.DataFrame) and result.height == n
    for name in MONEY:
        assert result.schema[name] == pl.Decimal(12, 2)
    assert result.schema["outcome"] == pl.Enum([o.value for o in ceseda.Outcome])
    assert result.schema["error_message"] == pl.String
    check(result, as_rows(columns, n))


@settings(max_examples=30)
@given(frames())
def test_arrow_tables_equal_row_by_row_quotes(spec: Dict[str, Any]) -> None:
    columns, n = spec["columns"], spec["n"]
    types = {"code": pa.string(), "date": pa.date32(), "bool": pa.bool_()}
    table = pa.table({f: pa.array(v, type=types[KIND[f]]) for f, v in columns.items()})
    extra = {f: f for f in columns if f not in ("permit", "procedure", "date")}
    result = ceseda.quote_frame(table, **extra)
    assert isinstance(result, pa.Table)
    check(result, as_rows(columns, n))


ODD_VALUES = {
    "code": [3, 1.5, Decimal("1"), True, b"visiteur", ceseda.Permit.SALARIE, D(2024, 1, 1), ["visiteur"], {"a": 1}],
    "date": ["2024-03-01", "2024-3-1", datetime.datetime(2024, 3, 1), datetime.datetime(2024, 3, 1, 12), 20240301, 1.5, True, pd.Timestamp("2024-03-01"), []],
    "bool": [1, 0, "true", 1.0, np.bool_(True), np.bool_(False), Decimal("1"), [True]],
}


@settings(max_examples=80)
@given(st.data())
def test_values_of_the_wrong_type_fail_their_row_only(data: Any) -> None:
    """Mixed object columns: a value of the wrong type is that row's invalid_type, with the
    core's message naming its JSON type, and never collides with a real value (1 is no True)."""
    fields = data.draw(st.lists(st.sampled_from(sorted(KIND)), min_size=1, max_size=3, unique=True))
    n = data.draw(st.integers(1, 12))
    base: Dict[str, List[Any]] = {"permit": ["visiteur"] * n, "procedure": ["renewal"] * n, "date": [D(2022, 6, 15)] * n}
    columns = dict(base)
    for field in fields:
        kind = KIND[field]
        good = VALUES[kind](field)
        columns[field] = data.draw(st.lists(st.one_of(good, st.sampled_from(ODD_VALUES[kind])), min_size=n, max_size=n))
    df = pd.DataFrame({f: pd.Series(v, dtype=object) for f, v in columns.items()})
    extra = {f: f for f in fields if f not in base}
    check(ceseda.quote_frame(df, **extra), as_rows(columns, n))


# ----------------------------------------------------------------------------- examples


def small_frame() -> Dict[str, List[Any]]:
    return {
        "permit": ["visiteur", "salarie", "nope", None, "vpf_regroupement_familial", "dcem", "vls_ts", "cra_un_an_visiteur_travailleur"],
        "procedure": ["first_issue", "first_issue", "first_issue", "renewal", "first_issue", "first_issue", "first_issue", "first_issue"],
        "date": [D(2024, 3, 1), D(2026, 6, 1), D(2024, 3, 1), D(2024, 3, 1), D(2018, 6, 15), D(2005, 1, 1), D(2022, 6, 15), D(2011, 11, 15)],
        "irregular_entry": [False, True, None, None, None, None, None, None],
    }


def test_the_documented_columns_and_values() -> None:
    cols = small_frame()
    result = ceseda.quote_frame(pd.DataFrame(cols), irregular_entry="irregular_entry")
    assert list(result.columns) == list(ceseda.FRAME_COLUMNS)
    assert result["total"].tolist()[:2] == [Decimal("225.00"), Decimal("650.00")]
    assert result["due_at_filing"].tolist()[1] == Decimal("100.00")
    assert result["error"].tolist()[2:6] == ["unknown_code", "missing_field", "missing_sub_case", "date_out_of_range"]
    assert result["error_field"].tolist()[2:6] == ["permit", "permit", "family_member", "date"]
    assert result["error_message"].tolist()[3] == "missing required field permit"
    assert result["total"].isna().tolist() == [False, False, True, True, True, True, True, False]
    assert result["total"].sum() == Decimal("875.00")
    # same_as_replaced_title without its title: no total, no components; exempt: 0.00 throughout.
    assert result["outcome"].tolist()[6:] == ["same_as_replaced_title", "exempt"]
    assert result.iloc[6][list(MONEY)].isna().all()
    assert result.iloc[7][list(MONEY)].tolist() == [Decimal("0.00")] * len(MONEY)
    check(result, as_rows(cols, len(cols["permit"])))


def test_the_frame_is_the_core_table() -> None:
    cols = small_frame()
    result = ceseda.quote_frame(pd.DataFrame(cols), irregular_entry="irregular_entry", lang="fr")
    requests = [{k: (v.isoformat() if isinstance(v, D) else v) for k, v in row.items() if v is not None} for row in as_rows(cols, len(cols["permit"]))]
    table = json.loads(ceseda.quote_table_json(json.dumps(requests), lang="fr"))["table"]
    got = {name: [None if v is None else str(v) for v in column] for name, column in pa.Table.from_pandas(result, preserve_index=False).to_pydict().items()}
    assert got == table
    assert "champ obligatoire manquant : permit" in got["error_message"]


def test_datetime_and_text_dates() -> None:
    cols = {
        "permit": ["visiteur"] * 4,
        "procedure": ["first_issue"] * 4,
        "date": pd.to_datetime(["2024-03-01", "2024-03-01 12:30", None, "2018-06-15"], format="ISO8601"),
    }
    result = ceseda.quote_frame(pd.DataFrame(cols))
    # A time of day is an invalid date, named as the core names it.
    assert result["error"].tolist()[:3] == [np.nan, "invalid_date", "missing_field"]
    assert "2024-03-01T12:30:00" in result["error_message"].tolist()[1]
    assert result["total"].tolist()[0] == Decimal("225.00") and result["total"].tolist()[3] == Decimal("269.00")
    tz = pd.DataFrame({**cols, "date": pd.to_datetime(["2024-03-01"] * 4).tz_localize("Europe/Paris")})
    assert ceseda.quote_frame(tz)["total"].tolist() == [Decimal("225.00")] * 4
    polars = pl.DataFrame({"permit": ["visiteur"] * 2, "procedure": ["first_issue"] * 2, "date": [datetime.datetime(2024, 3, 1), datetime.datetime(2024, 3, 1, 1)]})
    assert ceseda.quote_frame(polars)["error"].to_list() == [None, "invalid_date"]
    text = pd.DataFrame({"permit": ["visiteur"] * 3, "procedure": ["first_issue"] * 3, "date": ["2024-03-01", "2024-3-1", None]})
    assert ceseda.quote_frame(text)["error"].tolist() == [np.nan, "invalid_date", "missing_field"]
    assert ceseda.quote_frame(pl.from_pandas(text))["error"].to_list() == [None, "invalid_date", "missing_field"]


def test_dates_beyond_the_contract_years_are_invalid_dates() -> None:
    days = np.array(["2024-03-01", "300000-01-01", "1850-01-01", "2201-01-01"], dtype="datetime64[D]")
    df = pd.DataFrame({"permit": ["visiteur"] * 4, "procedure": ["first_issue"] * 4, "date": days})
    assert ceseda.quote_frame(df)["error"].tolist() == [np.nan, "invalid_date", "invalid_date", "invalid_date"]


def test_categorical_and_enum_inputs() -> None:
    df = pd.DataFrame(small_frame())
    plain = ceseda.quote_frame(df, irregular_entry="irregular_entry")
    as_categories = df.assign(permit=df["permit"].astype("category"), procedure=pd.Categorical(df["procedure"], categories=["renewal", "first_issue", "unused"]))
    pd.testing.assert_frame_equal(ceseda.quote_frame(as_categories, irregular_entry="irregular_entry"), plain)
    with_enums = df.assign(permit=[ceseda.Permit.VISITEUR, ceseda.Permit.SALARIE, "nope", None, "vpf_regroupement_familial", ceseda.TravelDocument.DCEM, "vls_ts", "cra_un_an_visiteur_travailleur"])
    pd.testing.assert_frame_equal(ceseda.quote_frame(with_enums, irregular_entry="irregular_entry"), plain)
    polars = pl.from_pandas(df).with_columns(pl.col("procedure").cast(pl.Enum([p.value for p in ceseda.Procedure])))
    assert ceseda.quote_frame(polars, irregular_entry="irregular_entry").equals(ceseda.quote_frame(pl.from_pandas(df), irregular_entry="irregular_entry"))


def test_columns_of_the_wrong_type_fail_every_row() -> None:
    """A column that holds no value its field takes (numbers for a code…) is every row's
    invalid_type, as the JSON contract answers for the same values."""
    base = pd.DataFrame(small_frame())
    cases = [
        (base.assign(permit=range(8)), {}, "permit", "number"),
        (base.assign(date=[True] * 8), {}, "date", "boolean"),
        (base.assign(irregular_entry=[0, 1, 0, 1, 0, 1, 0, 1]), {"irregular_entry": "irregular_entry"}, "irregular_entry", "number"),
    ]
    for df, extra, field, got in cases:
        result = ceseda.quote_frame(df, **extra)
        errors = set(zip(result["error"], result["error_field"]))
        assert ("invalid_type", field) in errors, field
        assert any(f"got {got}," in m for m in result["error_message"].dropna()), field
    polars = ceseda.quote_frame(pl.DataFrame({"permit": [1], "procedure": ["renewal"], "date": [D(2024, 1, 1)]}))
    assert polars["error"].to_list() == ["invalid_type"]


def test_all_null_columns_of_any_type_mean_not_given() -> None:
    df = pd.DataFrame(small_frame()).assign(force_majeure=np.nan, card_kind=np.nan)
    plain = ceseda.quote_frame(df, irregular_entry="irregular_entry")
    pd.testing.assert_frame_equal(ceseda.quote_frame(df, irregular_entry="irregular_entry", force_majeure="force_majeure", card_kind="card_kind"), plain)


def test_bad_calls() -> None:
    df = pd.DataFrame(small_frame())
    with pytest.raises(ceseda.UnknownFieldError) as info:
        ceseda.quote_frame(df, irregular="irregular_entry")
    assert info.value.field == "irregular" and "irregular_entry" in info.value.expected
    with pytest.raises(ceseda.UnknownFieldError):
        ceseda.quote_frame(df, irregular="irregular_entry", lang="fr")
    with pytest.raises(ceseda.MissingFieldError) as info2:
        ceseda.quote_frame(df, permit="titre")
    assert (info2.value.field, info2.value.value) == ("permit", "titre")
    # No column for a required field: every row misses it.
    assert set(ceseda.quote_frame(df, permit=None)["error"]) == {"missing_field"}
    with pytest.raises(ceseda.MissingFieldError):
        ceseda.quote_frame(pl.from_pandas(df), force_majeure="nope")
    with pytest.raises(ceseda.InvalidTypeError):
        ceseda.quote_frame(df.to_dict())
    with pytest.raises(ceseda.InvalidTypeError, match="collect"):
        ceseda.quote_frame(pl.from_pandas(df).lazy())
    with pytest.raises(ceseda.UnknownCodeError):
        ceseda.quote_frame(df, lang="de")


def test_messages_in_french() -> None:
    cols = small_frame()
    result = ceseda.quote_frame(pd.DataFrame(cols), irregular_entry="irregular_entry", lang="fr")
    check(result, as_rows(cols, len(cols["permit"])), lang="fr")


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
    """No Python loop over rows: only the distinct values of a column are translated."""
    calls = {"n": 0}
    original = _frame.translate

    def counting(kind: str, value: Any) -> Any:
        calls["n"] += 1
        return original(kind, value)

    monkeypatch.setattr(_frame, "translate", counting)
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
    assert calls["n"] <= len(permits) + 3 + 100 + 2


def test_the_native_loop_releases_the_gil() -> None:
    n = 400_000
    columns = [
        ("permit", "codes", ["visiteur", "salarie"], np.resize(np.array([0, 1], dtype="<i4"), n).tobytes(), None, None),
        ("procedure", "codes", ["first_issue"], np.zeros(n, dtype="<i4").tobytes(), None, None),
        ("date", "dates", None, np.resize(np.arange(17000, 20000, 30, dtype="<i4"), n).tobytes(), None, None),
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
        rows, answers, failure = ceseda._native.quote_columns(n, columns, "object")
        end = time.perf_counter()
    finally:
        stop.set()
        thread.join()
    assert failure is None and len(rows) == 4 * n and answers
    margin = (end - start) / 4
    assert any(start + margin < t < end - margin for t in ticks), f"no tick during the {end - start:.3f}s native call"


def test_a_refused_call_is_the_core_error() -> None:
    rows, answers, failure = ceseda._native.quote_columns(3, [("permit", "codes", ["visiteur"], b"\x00\x00\x00\x00", None, None)], "object")
    assert (rows, answers) == (b"", []) and failure is not None
    assert json.loads(failure)["error"]["code"] == "invalid_json"  # a column shorter than the frame


# ----------------------------------------------------------------------------- issue 11 and 12


def test_columns_picks_the_answer_columns() -> None:
    df = pd.DataFrame(small_frame())
    full = ceseda.quote_frame(df, irregular_entry="irregular_entry")
    only = ceseda.quote_frame(df, irregular_entry="irregular_entry", columns=["total"])
    assert list(only.columns) == ["total"] and only.index.equals(df.index)
    pd.testing.assert_series_equal(only["total"], full["total"])
    picked = ceseda.quote_frame(df, irregular_entry="irregular_entry", columns=["error_message", "total", "error"])
    assert list(picked.columns) == ["error_message", "total", "error"]
    pd.testing.assert_frame_equal(picked, full[["error_message", "total", "error"]])
    assert ceseda.quote_frame(pl.from_pandas(df), irregular_entry="irregular_entry", columns=["regime"]).columns == ["regime"]
    assert ceseda.quote_frame(pa.Table.from_pandas(df, preserve_index=False), irregular_entry="irregular_entry", columns="total").column_names == ["total"]
    with pytest.raises(ceseda.UnknownFieldError) as e:
        ceseda.quote_frame(df, columns=["totl"])
    assert (e.value.field, e.value.value) == ("columns", "totl") and e.value.expected == ceseda.FRAME_COLUMNS
    assert "columns" in str(inspect_signature(ceseda.quote_frame))


def inspect_signature(f: Any) -> Any:
    import inspect

    return inspect.signature(f)


def test_the_error_message_column_beside_error_and_error_field() -> None:
    df = pd.DataFrame({"permit": ["visitor", "visiteur"], "procedure": ["first_issue"] * 2, "date": [D(2024, 3, 1)] * 2})
    result = ceseda.quote_frame(df, lang="fr")
    assert list(result.columns[-3:]) == ["error", "error_field", "error_message"]
    assert (result["error"][0], result["error_field"][0]) == ("unknown_code", "permit")
    assert "Vouliez-vous dire" in result["error_message"][0]
    assert pd.isna(result["error_message"][1])


def test_frame_dates_the_contract_cannot_carry_are_invalid_dates() -> None:
    """D5: a date32 around year 101,900, int32's extremes (which once collided with the null
    and wrong-type markers) are invalid_date like any day outside 1900 to 2200; a null is a
    missing date; none is priced."""
    raw = [36_500_000, -(2**31), -(2**31) + 1, 2**31 - 1, (D(1899, 12, 31) - D(1970, 1, 1)).days, (D(2201, 1, 1) - D(1970, 1, 1)).days, None, 19_783]
    table = pa.table({"permit": ["visiteur"] * len(raw), "procedure": ["first_issue"] * len(raw), "date": pa.array(raw, pa.int32()).cast(pa.date32())})
    result = ceseda.quote_frame(table).to_pydict()
    assert result["error"] == ["invalid_date"] * 6 + ["missing_field", None]
    assert result["error_field"][:7] == ["date"] * 7
    assert result["total"] == [None] * 7 + [Decimal("225.00")]
    assert "+101903-08-11" in result["error_message"][0]
    # The same days as polars dates.
    polars = ceseda.quote_frame(pl.from_arrow(table))
    assert polars["error"].to_list() == result["error"]


def test_a_datetime_at_midnight_reads_alike_in_every_kind_of_column() -> None:
    """D5: a datetime at midnight is the date in a datetime column, in an object column of
    datetimes and in a mixed object column (dates, datetimes, texts); with a time of day it is
    an invalid date in each."""
    values = [datetime.datetime(2024, 3, 1), D(2024, 3, 1), "2024-03-01", datetime.datetime(2024, 3, 1, 9, 30), pd.Timestamp("2024-03-01")]
    n = len(values)
    mixed = pd.DataFrame({"permit": ["visiteur"] * n, "procedure": ["first_issue"] * n, "date": pd.Series(values, dtype=object)})
    got = ceseda.quote_frame(mixed)
    assert got["total"].tolist()[:3] == [Decimal("225.00")] * 3 and got["total"].tolist()[4] == Decimal("225.00")
    assert got["error"].tolist()[3] == "invalid_date"
    only_datetimes = mixed.iloc[[0, 3]].assign(date=pd.Series([values[0], values[3]], dtype=object).values)
    assert ceseda.quote_frame(only_datetimes)["error"].tolist()[1] == "invalid_date"
    assert ceseda.quote_frame(only_datetimes)["total"].tolist()[0] == Decimal("225.00")
    as_datetime64 = mixed.iloc[[0, 3]].assign(date=pd.to_datetime([values[0], values[3]]))
    pd.testing.assert_frame_equal(ceseda.quote_frame(as_datetime64), ceseda.quote_frame(only_datetimes))


def test_ctrl_c_interrupts_the_native_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C during a long quote_frame raises KeyboardInterrupt from inside the native loop
    (it checks for signals every chunk of rows), not once the loop is over: the native call,
    interrupted shortly after it starts, returns long before the time it takes in full."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals reach the main thread only")

    # Rows the price table cannot answer (each carries an application date): the engine's path.
    n = 4_000_000

    def codes(value: str) -> Any:
        return pa.DictionaryArray.from_arrays(pa.array(np.zeros(n, dtype=np.int32)), pa.array([value]))

    application = pa.array((np.arange(n) % 4000 + 14_610).astype(np.int32)).cast(pa.date32())  # from 2010-01-01
    big = pa.table({"permit": codes("salarie"), "procedure": codes("first_issue"), "date": pa.array(np.full(n, 19_783, dtype=np.int32)).cast(pa.date32()), "application_date": application})

    real = _frame._native
    timings: List[float] = []
    interrupt_after: List[float] = []

    class Native:
        """The native module, timing its call on the big frame (and interrupting it when asked)."""

        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

        def quote_columns(self, length: int, *args: Any, **kwargs: Any) -> Any:
            if length != n:
                return real.quote_columns(length, *args, **kwargs)
            timer = None
            if interrupt_after:
                timer = threading.Timer(interrupt_after[0], lambda: signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT))
                timer.start()
            start = time.perf_counter()
            try:
                return real.quote_columns(length, *args, **kwargs)
            finally:
                timings.append(time.perf_counter() - start)
                if timer is not None:
                    timer.cancel()

    monkeypatch.setattr(_frame, "_native", Native())
    ceseda.quote_frame(big, application_date="application_date")
    whole = timings[-1]
    if whole < 0.2:
        pytest.skip(f"the native loop takes {whole:.2f}s only")
    interrupt_after.append(min(0.1, whole / 8))
    with pytest.raises(KeyboardInterrupt):
        ceseda.quote_frame(big, application_date="application_date")
    assert timings[-1] < whole / 2, f"the native call returned after {timings[-1]:.2f}s, interrupted at {interrupt_after[0]:.2f}s; in full it takes {whole:.2f}s"


MEMORY_CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import python_quote_frame as bench
import ceseda
path, n = sys.argv[2], int(sys.argv[3])
df = bench.build_frame(n)
ref = bench.Reference(df, bench.categorical(df))
run = {
    "quote_frame": lambda frame: ceseda.quote_frame(frame, **bench.FIELDS),
    "total": lambda frame: ceseda.quote_frame(frame, columns=["total"], **bench.FIELDS),
    "merge": ref.merge,
}[path]
run(df.head(1000))  # imports and the price table's first intervals, not counted
print(json.dumps(bench.peak_growth(lambda: run(df))))
"""


def test_peak_memory_of_a_million_rows_is_bounded() -> None:
    """issue 12: the peak memory quote_frame adds on 1,000,000 rows (the benchmark's frame),
    measured by the kernel's resident high-water mark, each path in a fresh process (Arrow's
    allocator keeps what it frees): with every answer column, at most 200 bytes a row (the
    answer itself is 10 decimal columns of 16 bytes and 5 code columns of 1); with
    ``columns=["total"]``, at most 40 bytes a row and no more than the pandas merge on a
    tariff table (which answers the total only). A memory check, not a timing."""
    import subprocess
    import sys
    from pathlib import Path

    if not Path("/proc/self/clear_refs").exists():
        pytest.skip("needs Linux's /proc")
    benches = Path(__file__).resolve().parents[3] / "benches"
    n = 1_000_000

    def peak(path: str) -> int:
        done = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(benches), path, str(n)], capture_output=True, text=True, check=True, timeout=600)
        return int(json.loads(done.stdout.strip().splitlines()[-1]))

    peaks = {path: peak(path) for path in ("quote_frame", "total", "merge")}
    assert peaks["quote_frame"] <= 200 * n, peaks
    assert peaks["total"] <= 40 * n, peaks
    assert peaks["total"] <= peaks["merge"], peaks
