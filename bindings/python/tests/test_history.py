"""``ceseda.history``: a request's tariff history, one row per period, as a frame; and
``ceseda.history_json``, the core's contract verbatim."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any, Dict, List, Optional

import pytest

import ceseda

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)

VISITEUR_FROM = [D(2009, 1, 5), D(2010, 6, 26), D(2011, 10, 1), D(2012, 1, 1), D(2012, 12, 31), D(2016, 11, 1), D(2020, 1, 2), D(2026, 5, 1)]
VISITEUR_TOTALS = ["300.00", "340.00", "359.00", "368.00", "260.00", "269.00", "225.00", "350.00"]
VISITEUR_COLUMNS = ["from", "until", "regimes", "outcome", "total", "tax", "droit_de_timbre", "error_code", "error_field", "error_message"]


def rows_of(frame: Any) -> List[Dict[str, Any]]:
    """The rows of a history frame of any kind, as dicts of date / Decimal / str / list / None."""
    if isinstance(frame, pd.DataFrame):
        assert isinstance(frame.index, pd.RangeIndex)
        frame = pa.Table.from_pandas(frame, preserve_index=False)
    elif isinstance(frame, pl.DataFrame):
        frame = frame.to_arrow()
    rows: List[Dict[str, Any]] = frame.to_pylist()
    return rows


# ----------------------------------------------------------------------------- visiteur


def test_visiteur_first_issue_in_pandas() -> None:
    h = ceseda.history("visiteur", "first_issue")
    assert isinstance(h, pd.DataFrame)
    assert list(h.columns) == VISITEUR_COLUMNS
    assert h["from"].tolist() == VISITEUR_FROM
    assert all(type(d) is D for d in h["from"])
    assert h["total"].tolist() == [Decimal(t) for t in VISITEUR_TOTALS]
    assert all(type(t) is Decimal for t in h["total"])
    # Periods follow each other without gaps; the last one is open-ended.
    assert h["until"].tolist()[:-1] == [d - ONE_DAY for d in VISITEUR_FROM[1:]]
    assert pd.isna(h["until"].iloc[-1])
    # The stamp duty starts on 1 October 2011: 0.00 before (the period is priced), not null.
    stamp = dict(zip(h["from"], h["droit_de_timbre"]))
    assert [stamp[d] for d in VISITEUR_FROM[:2]] == [Decimal("0.00"), Decimal("0.00")]
    assert stamp[D(2011, 10, 1)] == Decimal("19.00") and stamp[D(2026, 5, 1)] == Decimal("50.00")
    assert (h["tax"] + h["droit_de_timbre"]).tolist() == h["total"].tolist()
    assert h["regimes"].iloc[0] == ["statute_2009_01_05"]
    assert h["regimes"].iloc[1] == ["statute_2010_06_26", "statute_2011_01_01", "statute_2011_02_12"]
    assert h["outcome"].tolist() == ["amount_due"] * 8
    assert h[["error_code", "error_field", "error_message"]].isna().all().all()
    # The dtypes: Arrow-backed dates, lists and decimals; codes as categoricals (as in quote_frame).
    assert str(h["from"].dtype) == "date32[day][pyarrow]" and str(h["until"].dtype) == "date32[day][pyarrow]"
    assert str(h["total"].dtype) == "decimal128(12, 2)[pyarrow]" and str(h["tax"].dtype) == "decimal128(12, 2)[pyarrow]"
    assert h["regimes"].dtype == pd.ArrowDtype(pa.list_(pa.string()))
    assert isinstance(h["outcome"].dtype, pd.CategoricalDtype)
    assert list(h["outcome"].cat.categories) == [o.value for o in ceseda.Outcome]
    assert list(h["error_code"].cat.categories) == [c.value for c in ceseda.ErrorCode]


def test_visiteur_first_issue_in_polars() -> None:
    h = ceseda.history(ceseda.Permit.VISITEUR, ceseda.Procedure.FIRST_ISSUE, frame="polars")
    assert isinstance(h, pl.DataFrame)
    assert h.columns == VISITEUR_COLUMNS
    assert h.schema["from"] == pl.Date and h.schema["until"] == pl.Date
    assert h.schema["regimes"] == pl.List(pl.String)
    assert h.schema["total"] == pl.Decimal(12, 2) and h.schema["droit_de_timbre"] == pl.Decimal(12, 2)
    assert h.schema["outcome"] == pl.Enum([o.value for o in ceseda.Outcome])
    assert h.schema["error_code"] == pl.Enum([c.value for c in ceseda.ErrorCode])
    assert h.schema["error_message"] == pl.String
    assert h["from"].to_list() == VISITEUR_FROM
    assert h["total"].to_list() == [Decimal(t) for t in VISITEUR_TOTALS]
    assert h["until"].to_list()[-1] is None and h["until"].null_count() == 1
    assert h.filter(pl.col("from") < D(2011, 10, 1))["droit_de_timbre"].to_list() == [Decimal("0.00")] * 2
    # A list column: explode gives one row per period and regime.
    assert h.explode("regimes").height == sum(len(r) for r in h["regimes"].to_list())


def test_the_three_kinds_of_frame_hold_the_same_rows() -> None:
    pandas_rows = rows_of(ceseda.history("visiteur", "first_issue", irregular_entry=True))
    assert rows_of(ceseda.history("visiteur", "first_issue", irregular_entry=True, frame="polars")) == pandas_rows
    table = ceseda.history("visiteur", "first_issue", irregular_entry=True, frame="arrow")
    assert isinstance(table, pa.Table)
    assert table.schema.field("from").type == pa.date32() and table.schema.field("total").type == pa.decimal128(12, 2)
    assert rows_of(table) == pandas_rows
    assert {"visa_de_regularisation_filing", "visa_de_regularisation_balance"} <= set(table.column_names)


def test_the_frame_is_the_json_answer() -> None:
    request = {"permit": "salarie", "procedure": "renewal", "previous_title_expiry": "2018-05-01"}
    answer = json.loads(ceseda.history_json(json.dumps(request)))
    assert answer["type"] == "success"
    history = ceseda.History.from_dict(answer["history"])
    assert history.to_dict() == answer["history"]
    assert (history.permit, history.procedure) == ("salarie", "renewal")
    rows = rows_of(ceseda.history(**request, frame="arrow"))
    assert len(rows) == len(history.periods)
    for row, period in zip(rows, history.periods):
        assert (row["from"], row["until"], row["regimes"]) == (period.from_, period.until, list(period.regimes))
        assert (row["outcome"], row["total"]) == (period.outcome, period.total)
        amounts = {c.component: c.amount for c in period.components}
        for component in ceseda.Component:
            if component.value in row:
                assert row[component.value] == (None if period.total is None else amounts.get(component.value, Decimal("0.00")))
            else:
                assert component.value not in amounts
        error = period.error
        assert (row["error_code"], row["error_field"], row["error_message"]) == ((error.code, error.field, error.message) if error else (None, None, None))


# ----------------------------------------------------------------------------- refused periods


def test_scientifique_renewal_has_refused_periods() -> None:
    h = ceseda.history("scientifique", "renewal")
    codes = h["error_code"].tolist()
    assert "missing_sub_case" in codes and "permit_not_in_regime" in codes
    refused = h[h["error_code"].notna()]
    assert refused["total"].isna().all() and refused["tax"].isna().all() and refused["outcome"].isna().all()
    assert refused["error_message"].notna().all()
    missing = h[h["error_code"] == "missing_sub_case"].iloc[0]
    assert missing["error_field"] == "card_validity"
    assert h[h["error_code"] == "permit_not_in_regime"]["error_field"].tolist() == ["permit"]
    # The last period (from the passeport talent on) refuses the permit, open-ended.
    assert h["error_code"].iloc[-1] == "permit_not_in_regime" and pd.isna(h["until"].iloc[-1])
    # Given the sub-case, the missing_sub_case period is priced.
    priced = ceseda.history("scientifique", "renewal", card_validity="one_year")
    assert "missing_sub_case" not in priced["error_code"].tolist()
    # Messages in French.
    fr = ceseda.history("scientifique", "renewal", lang="fr")
    assert fr["error_code"].tolist() == codes
    assert fr["error_message"].dropna().tolist() != h["error_message"].dropna().tolist()


def test_a_period_not_an_amount_has_null_amounts() -> None:
    rows = rows_of(ceseda.history("vls_ts", "first_issue", frame="arrow"))
    assert rows[-1]["outcome"] == "same_as_replaced_title" and rows[-1]["total"] is None
    rows = rows_of(ceseda.history("cr_resident_longue_duree_ue", "first_issue", frame="polars"))
    assert [(r["outcome"], r["total"], r["until"]) for r in rows] == [("sans_objet", None, None)]
    # No component is due in any period: no component column.
    assert list(rows[0]) == ["from", "until", "regimes", "outcome", "total", "error_code", "error_field", "error_message"]


# ----------------------------------------------------------------------------- the request


def test_a_date_is_refused_as_an_unknown_field() -> None:
    # The core refuses a history request with a date (every day is quoted): unknown_field,
    # whose exception is both a CesedaError and a TypeError, like any keyword that is no field.
    with pytest.raises(ceseda.UnknownFieldError) as info:
        ceseda.history("visiteur", "first_issue", date=D(2024, 3, 1))  # type: ignore[call-overload]
    e = info.value
    assert isinstance(e, TypeError) and isinstance(e, ceseda.CesedaError)
    assert (e.code, e.field) == ("unknown_field", "date")
    assert "date" not in e.expected and "permit" in e.expected
    raw = json.loads(ceseda.history_json('{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01"}'))
    assert raw["type"] == "failure" and e.to_dict() == raw["error"]
    # A date of the wrong type is refused alike: the core names the unknown field first.
    with pytest.raises(ceseda.UnknownFieldError):
        ceseda.history("visiteur", "first_issue", date=20240301)  # type: ignore[call-overload]
    # Nor is it taken by position.
    with pytest.raises(TypeError, match="at most 2 positional"):
        ceseda.history("visiteur", "first_issue", D(2024, 3, 1))  # type: ignore[call-overload]


def test_a_bad_request_raises_what_quote_raises() -> None:
    with pytest.raises(ceseda.UnknownCodeError) as info:
        ceseda.history("visitor", "first_issue")
    assert (info.value.field, info.value.suggestion) == ("permit", "visiteur")
    with pytest.raises(ceseda.UnknownCodeError) as fr:
        ceseda.history(permit="visitor", procedure="first_issue", lang="fr")
    assert "Vouliez-vous dire" in fr.value.message
    with pytest.raises(ceseda.MissingFieldError):
        ceseda.history(permit="visiteur")  # type: ignore[call-overload]
    with pytest.raises(ceseda.InvalidTypeError):
        ceseda.history("visiteur", "first_issue", irregular_entry="yes")  # type: ignore[call-overload]
    with pytest.raises(ceseda.UnknownFieldError):
        ceseda.history("visiteur", "first_issue", familly_member="spouse")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="frame must be one of"):
        ceseda.history("visiteur", "first_issue", frame="spark")  # type: ignore[call-overload]
    assert json.loads(ceseda.history_json(b'{"permit":"visitor","procedure":"first_issue"}'))["error"]["code"] == "unknown_code"


def test_positional_and_keyword_fields_are_the_same_request() -> None:
    by_position = ceseda.history("etudiant", "renewal", frame="polars")
    assert by_position.equals(ceseda.history(permit="etudiant", procedure="renewal", frame="polars"))
    with pytest.raises(TypeError, match="multiple values"):
        ceseda.history("etudiant", procedure="renewal", permit="visiteur")  # type: ignore[call-overload]


# ----------------------------------------------------------------------------- agreement with quote()

CASES = [
    {"permit": "visiteur", "procedure": "first_issue"},
    {"permit": "visiteur", "procedure": "first_issue", "irregular_entry": True},
    {"permit": "scientifique", "procedure": "renewal"},
    {"permit": "salarie", "procedure": "renewal", "previous_title_expiry": D(2018, 5, 1)},
    {"permit": "etudiant", "procedure": "renewal"},
    {"permit": "visiteur", "procedure": "renewal", "application_date": D(2015, 3, 1)},
    {"permit": "vpf_regroupement_familial", "procedure": "first_issue", "family_member": "spouse"},
    {"permit": "vls_ts", "procedure": "first_issue", "underlying_permit": "visiteur"},
    {"permit": "aps", "procedure": "duplicate"},
    {"permit": "dcem", "procedure": "first_issue"},
]


def days_inside(start: D, until: Optional[D]) -> List[D]:
    """The first day, the middle and the last day of a period (of its first 400 days if open-ended)."""
    end = until if until is not None else start + datetime.timedelta(days=400)
    return sorted({start, start + (end - start) // 2, end})


@pytest.mark.parametrize("case", CASES, ids=[f"{c['permit']}-{c['procedure']}-{len(c)}" for c in CASES])
def test_every_period_agrees_with_quote(case: Dict[str, Any]) -> None:
    rows = rows_of(ceseda.history(**case, frame="arrow"))
    components = [c.value for c in ceseda.Component if c.value in rows[0]]
    for row in rows:
        for day in days_inside(row["from"], row["until"]):
            where = f"{case} on {day}"
            if row["error_code"] is None:
                q = ceseda.quote(**case, date=day)
                assert (q.outcome, q.total) == (row["outcome"], row["total"]), where
                assert q.regime in row["regimes"], where
                for c in ceseda.Component:
                    if c.value in components:
                        assert row[c.value] == (None if q.total is None else q.component(c)), where
                    else:
                        assert q.component(c) == 0, where
            else:
                with pytest.raises(ceseda.CesedaError) as info:
                    ceseda.quote(**case, date=day)
                assert (info.value.code, info.value.field) == (row["error_code"], row["error_field"]), where
                if day == row["from"]:
                    assert info.value.message == row["error_message"], where


def test_the_history_agrees_with_quote_frame() -> None:
    h = ceseda.history("visiteur", "first_issue", irregular_entry=True)
    days = pd.DataFrame({"permit": "visiteur", "procedure": "first_issue", "date": h["from"], "irregular_entry": True})
    quoted = ceseda.quote_frame(days, irregular_entry="irregular_entry")
    for column in ("total", "tax", "droit_de_timbre", "visa_de_regularisation_filing", "visa_de_regularisation_balance"):
        assert quoted[column].tolist() == h[column].tolist(), column
    assert quoted["outcome"].tolist() == h["outcome"].tolist()


def test_the_docstring_examples_run() -> None:
    import doctest

    from ceseda import _api

    assert doctest.testmod(_api, raise_on_error=False).failed == 0
