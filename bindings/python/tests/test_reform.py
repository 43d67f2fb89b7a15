"""Reforms from Python: a path, TOML or JSON text, or a dict; the same amounts as the core."""

import datetime
import json
import pathlib
from decimal import Decimal

import pandas as pd
import pytest

import ceseda

ROOT = pathlib.Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "examples" / "analysis" / "reform_2027.toml"
AS_DICT = {"name": "reform_2027", "amend": [{"from": datetime.date(2027, 1, 1), "rate": "tax.first_issue.general", "amount": Decimal("350")}]}
VISITEUR_2027 = dict(permit="visiteur", procedure="first_issue", date=datetime.date(2027, 3, 1))


@pytest.mark.parametrize("reform", [SAMPLE, str(SAMPLE), SAMPLE.read_text(encoding="utf-8"), AS_DICT, json.dumps({**AS_DICT, "amend": [{"from": "2027-01-01", "rate": "tax.first_issue.general", "amount": 350}]})])
def test_the_sample_reform_prices_visiteur_2027_at_400(reform):
    q = ceseda.quote(**VISITEUR_2027, reform=reform)
    assert q.total == Decimal("400.00")
    assert [(line.component, line.amount, line.seed) for line in q.lines] == [("tax", Decimal("350.00"), "reform"), ("droit_de_timbre", Decimal("50.00"), "004+lf_2026")]
    assert "reform_2027: tax.first_issue.general = 350.00 from 2027-01-01" in q.lines[0].seed_row
    assert any(n.code == "reform" for n in q.notes)
    assert "400.00" in q.explain()
    # The law itself: 300 + 50.
    assert ceseda.quote(**VISITEUR_2027).total == Decimal("350.00")


def test_invalid_reforms_are_typed_errors_naming_key_and_value():
    bad = {"name": "x", "amend": [{"from": "2027-01-01", "permit": "visitor", "tax": "reduced"}]}
    with pytest.raises(ceseda.InvalidReformError) as e:
        ceseda.quote(**VISITEUR_2027, reform=bad)
    assert (e.value.code, e.value.field, e.value.value) == ("invalid_reform", "amend[0].permit", "visitor")
    with pytest.raises(ceseda.InvalidReformError) as e:
        ceseda.quote(**VISITEUR_2027, reform={"name": "x", "amend": [{"from": "2027-01-01", "rate": "stamp", "amount": "-5"}]})
    assert (e.value.field, e.value.value) == ("amend[0].amount", "-5")
    with pytest.raises(ceseda.InvalidReformError) as e:
        ceseda.quote(**VISITEUR_2027, reform={"name": "x", "amend": [{"from": "2027-01-01", "rate": "stamp", "amount": 5.5}]})
    assert e.value.field == "amend[0].amount"
    with pytest.raises(ceseda.UnknownFieldError) as e:
        ceseda.quote(**VISITEUR_2027, reform='name = "x"\nwhen = 2027-01-01\n')
    assert e.value.field == "when"
    with pytest.raises(ceseda.InvalidTypeError):
        ceseda.quote(**VISITEUR_2027, reform=42)


def test_quote_frame_under_a_reform_agrees_with_quote():
    cases = pd.DataFrame({
        "permit": ["visiteur", "salarie", "etudiant", "visiteur", "visitor"],
        "procedure": ["first_issue", "first_issue", "renewal", "first_issue", "first_issue"],
        "date": pd.to_datetime(["2027-03-01", "2027-03-01", "2027-03-01", "2026-06-01", "2027-03-01"]),
    })
    law = ceseda.quote_frame(cases)
    reformed = ceseda.quote_frame(cases, reform=SAMPLE)
    assert reformed["total"].tolist()[:4] == [Decimal("400.00"), Decimal("400.00"), law["total"][2], Decimal("350.00")]
    assert law["total"].tolist()[:2] == [Decimal("350.00"), Decimal("350.00")]
    assert reformed["error"].tolist()[4] == "unknown_code"
    for i in range(4):
        row = cases.iloc[i]
        q = ceseda.quote(permit=row["permit"], procedure=row["procedure"], date=row["date"].date(), reform=SAMPLE)
        assert reformed["total"].iloc[i] == q.total
        assert reformed["tax"].iloc[i] == q.component("tax")


def test_history_under_a_reform_and_history_frame():
    h = ceseda.history("visiteur", "first_issue", reform=SAMPLE)
    assert (h["from"].iloc[-1], h["total"].iloc[-1]) == (datetime.date(2027, 1, 1), Decimal("400.00"))
    law = ceseda.history("visiteur", "first_issue")
    assert len(h) == len(law) + 1
    frame = ceseda.history_frame(permits=["visiteur", "etudiant"], procedures=["first_issue", "renewal"])
    assert list(frame.columns[:4]) == ["permit", "procedure", "from", "until"]
    for (permit, procedure), rows in frame.groupby(["permit", "procedure"], observed=True):
        one = ceseda.history(permit, procedure)
        assert rows["total"].tolist() == one["total"].tolist()
        assert rows["from"].tolist() == one["from"].tolist()
        for component in ("tax", "droit_de_timbre"):
            assert rows[component].tolist() == one[component].tolist()
    polars = ceseda.history_frame(permits="visiteur", procedures="first_issue", frame="polars", reform=SAMPLE)
    assert polars["total"].to_list()[-1] == Decimal("400.00")
