"""The idiomatic API: types, round trips, and agreement with the JSON contract."""

from __future__ import annotations

import dataclasses
import datetime
import json
import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ceseda
from ceseda._translate import BOOL, CODE, DATE, FIELD_KINDS
from conftest import core_answer
from strategies import requests, to_json

D = datetime.date
VISITEUR_2024 = {"permit": "visiteur", "procedure": "first_issue", "date": D(2024, 3, 1)}


def test_quick_start() -> None:
    q = ceseda.quote(permit="visiteur", procedure="first_issue", date=datetime.date(2024, 3, 1))
    assert q.total == Decimal("225.00")
    assert [(l.component, l.amount) for l in q.lines] == [("tax", Decimal("200.00")), ("droit_de_timbre", Decimal("25.00"))]
    assert (q.regime, q.confidence, q.outcome) == ("table_2020", "high", "amount_due")
    assert (q.permit, q.procedure, q.date) == ("visiteur", "first_issue", D(2024, 3, 1))


def test_positional_and_enum_arguments() -> None:
    by_kw = ceseda.quote(**VISITEUR_2024)
    assert ceseda.quote("visiteur", "first_issue", D(2024, 3, 1)) == by_kw
    assert ceseda.quote(ceseda.Permit.VISITEUR, ceseda.Procedure.FIRST_ISSUE, D(2024, 3, 1)) == by_kw
    q = ceseda.quote(
        permit=ceseda.Permit.VPF_REGROUPEMENT_FAMILIAL,
        procedure=ceseda.Procedure.FIRST_ISSUE,
        date=D(2018, 6, 15),
        family_member=ceseda.FamilyMember.CHILD,
        regime=ceseda.RegimeId.TABLE_2016,
    )
    assert q.regime == ceseda.RegimeId.TABLE_2016 == "table_2016"
    assert type(q.regime) is str  # answers are plain strings


def test_the_types_of_a_quote() -> None:
    q = ceseda.quote(permit="salarie", procedure="first_issue", date=D(2026, 6, 1), irregular_entry=True)
    assert isinstance(q.total, Decimal) and q.total == Decimal("650.00")
    assert q.due_at_filing() == Decimal("100.00")
    assert isinstance(q.date, D) and not isinstance(q.date, datetime.datetime)
    assert isinstance(q.lines, tuple) and isinstance(q.errata, tuple) and isinstance(q.notes, tuple)
    for line in q.lines:
        assert isinstance(line, ceseda.Line) and isinstance(line.amount, Decimal)
        assert line.amount.as_tuple().exponent == -2
        assert line.component in set(ceseda.Component) and line.due in set(ceseda.DueAt)
        assert line.explanation.fr and line.explanation.en
    assert q.outcome in set(ceseda.Outcome)
    assert q.component(ceseda.Component.VISA_DE_REGULARISATION_FILING) == q.component("visa_de_regularisation_filing") > 0


def test_quotes_are_frozen_hashable_values() -> None:
    q = ceseda.quote(**VISITEUR_2024)
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.total = Decimal("0")  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.lines[0].amount = Decimal("0")  # type: ignore[misc]
    assert q == ceseda.quote(**VISITEUR_2024) and hash(q) == hash(ceseda.quote(**VISITEUR_2024))
    assert pickle.loads(pickle.dumps(q)) == q


def test_to_dict_is_the_core_json_exactly() -> None:
    q = ceseda.quote(**VISITEUR_2024)
    text = ceseda.quote_json(json.dumps(to_json(VISITEUR_2024)))
    core = json.loads(text)["quote"]
    assert q.to_dict() == core
    assert json.dumps(q.to_dict(), sort_keys=True) == json.dumps(core, sort_keys=True)
    # The core writes sorted keys, compactly: to_dict() re-serialises to its very text.
    assert json.dumps({"quote": q.to_dict(), "type": "success"}, sort_keys=True, separators=(",", ":"), ensure_ascii=False) == text


def test_decimal_and_date_round_trips() -> None:
    q = ceseda.quote(permit="vpf_droit_au_respect", procedure="first_issue", date=D(2022, 6, 15))
    d = q.to_dict()
    assert all(isinstance(l["amount"], str) for l in d["lines"]) and d["total"] == "225.00"
    assert d["date"] == "2022-06-15"
    back = ceseda.Quote.from_dict(d)
    assert back == q and back.to_dict() == d
    assert ceseda.Quote.from_dict(json.loads(json.dumps(d))) == q
    assert q.errata and q.errata[0].id == "004-vpf-droit-au-respect-first-issue"


@given(requests())
def test_the_api_agrees_with_the_json_contract(kwargs: dict) -> None:
    core = core_answer(to_json(kwargs))
    try:
        q = ceseda.quote(**kwargs)
    except ceseda.CesedaError as e:
        assert core["type"] == "failure", core
        assert e.to_dict() == core["error"]
        assert type(e) is ceseda.ERRORS[core["error"]["code"]]
    else:
        assert core == {"type": "success", "quote": q.to_dict()}
        assert ceseda.Quote.from_dict(core["quote"]) == q
        assert q.total == sum((l.amount for l in q.lines), Decimal("0.00"))


def test_quote_many_json() -> None:
    requests_ = [to_json(VISITEUR_2024), {"permit": "nope"}, 3]
    answers = json.loads(ceseda.quote_many_json(json.dumps(requests_)))
    assert [a["type"] for a in answers] == ["success", "failure", "failure"]
    assert answers[0]["quote"] == ceseda.quote(**VISITEUR_2024).to_dict()
    assert json.loads(ceseda.quote_many_json("{}"))["error"]["code"] == "invalid_json"


def test_explain_is_the_core_text() -> None:
    q = ceseda.quote(**VISITEUR_2024)
    en, fr = q.explain(), q.explain("fr")
    assert "225.00 €" in en and "amount due" in en and "Regime" in en
    assert "montant dû" in fr and "Régime" in fr
    assert q.explain("en") == en == ceseda.Quote.from_dict(q.to_dict()).explain()
    with pytest.raises(ceseda.InvalidTypeError):
        q.explain(1)  # type: ignore[arg-type]


def test_field_kinds_agree_with_the_core() -> None:
    """The Python kind of every field (code / date / bool) is what the core parses."""
    assert tuple(FIELD_KINDS) == ceseda.FIELDS
    base = to_json(VISITEUR_2024)
    for field, kind in FIELD_KINDS.items():
        wrong_type = core_answer({**base, field: 12345})["error"]
        assert (wrong_type["code"], wrong_type["field"]) == ("invalid_type", field)
        assert wrong_type["expected"] == (["boolean"] if kind == BOOL else ["string"])
        if kind != BOOL:
            bad_string = core_answer({**base, field: "not-a-value"})["error"]
            assert bad_string["field"] == field
            assert bad_string["code"] == ("invalid_date" if kind == DATE else "unknown_code")
    assert {k for k, v in FIELD_KINDS.items() if v == CODE} >= {"permit", "procedure", "regime"}


def test_none_means_not_given() -> None:
    assert ceseda.quote(**VISITEUR_2024, family_member=None, irregular_entry=None, application_date=None) == ceseda.quote(**VISITEUR_2024)


def test_numpy_booleans_are_booleans() -> None:
    np = pytest.importorskip("numpy")
    assert ceseda.quote(**VISITEUR_2024, irregular_entry=np.bool_(True)) == ceseda.quote(**VISITEUR_2024, irregular_entry=True)


def test_permits() -> None:
    permits = ceseda.permits()
    core = json.loads(ceseda._native.permits_json())["permits"]
    assert [p.to_dict() for p in permits] == core
    codes = [p.code for p in permits]
    assert codes == [p.value for p in ceseda.Permit] + [t.value for t in ceseda.TravelDocument]
    visiteur = permits[0]
    assert (visiteur.code, visiteur.kind, visiteur.label_en) == ("visiteur", "permit", "Visitor")
    assert "table_2016" in visiteur.regimes and visiteur.printed_rows["table_2016"]
    with pytest.raises(TypeError):
        visiteur.printed_rows["x"] = "y"  # type: ignore[index]


def test_regimes() -> None:
    regimes = ceseda.regimes()
    assert [r.id for r in regimes] == [r.value for r in ceseda.RegimeId]
    assert [r.to_dict() for r in regimes] == json.loads(ceseda._native.regimes_json())["regimes"]
    for r in regimes:
        assert isinstance(r.valid_from, D)
        assert r.valid_until is None or isinstance(r.valid_until, D)
    assert regimes[-1].valid_until is None
    assert regimes[2].covers(D(2024, 3, 1)) and not regimes[2].covers(D(2019, 1, 1))
    assert ceseda.quote(**VISITEUR_2024).regime == next(r.id for r in regimes if r.covers(D(2024, 3, 1)))


def test_renewal_window() -> None:
    w = ceseda.renewal_window("salarie", D(2024, 6, 30), D(2024, 3, 1))
    # The two-month window runs through the expiry date itself.
    assert (w.rule, w.opens, w.closes, w.late) == ("r431_5_two_months", D(2024, 4, 30), D(2024, 6, 30), False)
    online = ceseda.renewal_window(ceseda.Permit.SALARIE, D(2024, 6, 30), D(2024, 3, 1), online_application=True)
    assert (online.rule, online.opens, online.closes) == ("r431_5_online", D(2024, 3, 2), D(2024, 5, 1))
    late = ceseda.renewal_window("salarie", D(2024, 6, 30), filing_date=D(2024, 7, 1))
    assert late.late is True
    no_filing = ceseda.renewal_window("salarie", D(2024, 6, 30))
    assert no_filing.late is None and no_filing.rule_date == D(2024, 6, 30)
    for w in (online, late, no_filing):
        payload = {"permit": "salarie", "expiry": "2024-06-30"}
        if w is online:
            payload.update(filing_date="2024-03-01", online_application=True)
        if w is late:
            payload["filing_date"] = "2024-07-01"
        assert w.to_dict() == json.loads(ceseda._native.window_json(json.dumps(payload)))["window"]


def test_renewal_window_errors() -> None:
    with pytest.raises(ceseda.UnknownCodeError) as info:
        ceseda.renewal_window("nope", D(2024, 6, 30))
    assert info.value.field == "permit"
    with pytest.raises(ceseda.InvalidTypeError) as info2:
        ceseda.renewal_window("salarie", "2024-06-30")  # type: ignore[arg-type]
    assert info2.value.field == "expiry"
    with pytest.raises(ceseda.InvalidTypeError) as info3:
        ceseda.renewal_window("salarie", D(2024, 6, 30), online_application=1)  # type: ignore[arg-type]
    assert info3.value.field == "online_application"


@given(st.sampled_from([p.value for p in ceseda.Permit]), st.dates(D(2012, 1, 1), D(2030, 1, 1)), st.none() | st.dates(D(2011, 1, 1), D(2031, 1, 1)), st.none() | st.booleans())
def test_renewal_window_agrees_with_the_contract(permit: str, expiry: D, filing: object, online: object) -> None:
    payload = {"permit": permit, "expiry": expiry.isoformat()}
    if filing is not None:
        payload["filing_date"] = filing.isoformat()  # type: ignore[attr-defined]
    if online is not None:
        payload["online_application"] = online
    core = json.loads(ceseda._native.window_json(json.dumps(payload)))
    w = ceseda.renewal_window(permit, expiry, filing, online)  # type: ignore[arg-type]
    assert core == {"type": "success", "window": w.to_dict()}


def test_str_enums() -> None:
    assert ceseda.Permit.VISITEUR == "visiteur" and str(ceseda.Permit.VISITEUR) == "visiteur"
    assert f"{ceseda.Procedure.FIRST_ISSUE}" == "first_issue"
    assert ceseda.Permit("visiteur") is ceseda.Permit.VISITEUR
    assert json.dumps(ceseda.Component.TAX) == '"tax"'


def test_the_public_api_is_exported() -> None:
    for name in ceseda.__all__:
        assert hasattr(ceseda, name), name
    assert ceseda.__version__
    assert len(ceseda.FIELDS) == 23 and ceseda.FIELDS[:3] == ("permit", "procedure", "date")
