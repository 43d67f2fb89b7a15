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
    assert ceseda.quote("visiteur", "first_issue", date=D(2024, 3, 1)) == by_kw
    with pytest.raises(TypeError, match="multiple values for permit"):
        ceseda.quote("visiteur", permit="visiteur")  # type: ignore[misc]
    with pytest.raises(TypeError, match="at most 3 positional"):
        ceseda.quote("visiteur", "first_issue", D(2024, 3, 1), "table_2020")  # type: ignore[misc]
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
    assert q.due_at_filing == Decimal("100.00")
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
    q = ceseda.quote(**VISITEUR_2024, irregular_entry=True)
    text = ceseda.quote_json(json.dumps({**to_json(VISITEUR_2024), "irregular_entry": True}))
    core = json.loads(text)["quote"]
    assert q.to_dict() == core
    # Members in the schema's order, as the core writes them: to_dict() re-serialises to its very text.
    assert json.dumps({"type": "success", "quote": q.to_dict()}, separators=(",", ":"), ensure_ascii=False) == text


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
        assert (q.total or Decimal("0.00")) == sum((l.amount for l in q.lines), Decimal("0.00"))
        assert (q.total is None) == (q.due_at_filing is None) == (q.outcome not in ("amount_due", "exempt"))


def test_quote_many_json() -> None:
    requests_ = [to_json(VISITEUR_2024), {"permit": "nope"}, 3]
    answers = json.loads(ceseda.quote_many_json(json.dumps(requests_)))
    assert [a["type"] for a in answers] == ["success", "failure", "failure"]
    assert answers[0]["quote"] == ceseda.quote(**VISITEUR_2024).to_dict()
    assert json.loads(ceseda.quote_many_json("{}"))["error"]["code"] == "invalid_json"


def test_explain_is_the_core_text() -> None:
    q = ceseda.quote(**VISITEUR_2024, irregular_entry=True)
    en, fr = q.explain(), q.explain("fr")
    assert "425.00 €" in en and "amount due" in en and "Regime" in en and "visa_de_regularisation_filing" in en
    assert "montant dû" in fr and "Régime" in fr
    request = json.dumps({**to_json(VISITEUR_2024), "irregular_entry": True})
    assert fr == json.loads(ceseda._native.explain_json(request, "fr"))["explanation"]
    assert q.explain("en") == en == q.explain(ceseda.Lang.EN) == ceseda.Quote.from_dict(q.to_dict(), request=q.request).explain()
    assert json.loads(q.request or "") == {**to_json(VISITEUR_2024), "irregular_entry": True}
    with pytest.raises(ValueError, match="no request"):
        ceseda.Quote.from_dict(q.to_dict()).explain()
    with pytest.raises(ceseda.UnknownCodeError) as info:
        q.explain("de")
    assert (info.value.field, info.value.expected) == ("lang", ("fr", "en"))


def test_field_kinds_agree_with_the_core() -> None:
    """The generated kind of every field (code / date / bool) is what the core parses."""
    assert tuple(ceseda.FIELD_TABLE) == ceseda.FIELDS
    base = to_json(VISITEUR_2024)
    for field, spec in ceseda.FIELD_TABLE.items():
        wrong_type = core_answer({**base, field: 12345})["error"]
        assert (wrong_type["code"], wrong_type["field"]) == ("invalid_type", field)
        assert wrong_type["expected"] == [spec.json_type]
        if spec.kind != "bool":
            bad_string = core_answer({**base, field: "not-a-value"})["error"]
            assert bad_string["field"] == field
            assert bad_string["code"] == ("invalid_date" if spec.kind == "date" else "unknown_code")
    assert {k for k, v in ceseda.FIELD_TABLE.items() if v.kind == "code"} >= {"permit", "procedure", "regime"}


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
    table_2020 = next(r for r in regimes if r.id == "table_2020")
    assert table_2020.covers(D(2024, 3, 1)) and not table_2020.covers(D(2019, 1, 1))
    assert regimes[0].valid_from == D(2009, 1, 5)
    assert ceseda.quote(**VISITEUR_2024).regime == next(r.id for r in regimes if r.covers(D(2024, 3, 1)))


def test_renewal_window() -> None:
    w = ceseda.renewal_window("salarie", D(2024, 6, 30), D(2024, 3, 1))
    # The two-month window runs through the expiry date itself.
    assert (w.rule, w.opens, w.closes, w.late) == ("r431_5_two_months", D(2024, 4, 30), D(2024, 6, 30), False)
    # Filed before the window opens: early, not on time; the recommendation lies outside a two-month window.
    assert (w.status, w.late_after, w.recommended_from) == (ceseda.WindowStatus.EARLY, D(2024, 6, 30), None)
    online = ceseda.renewal_window(ceseda.Permit.SALARIE, D(2024, 6, 30), D(2024, 3, 1), online_application=True)
    assert (online.rule, online.opens, online.closes) == ("r431_5_online", D(2024, 3, 2), D(2024, 5, 1))
    assert (online.recommended_from, online.recommended_from_basis, online.recommended_until) == (D(2024, 3, 2), "CESEDA R. 431-5", D(2024, 3, 30))
    late = ceseda.renewal_window("salarie", D(2024, 6, 30), filing_date=D(2024, 7, 1))
    assert late.late is True
    no_filing = ceseda.renewal_window("salarie", D(2024, 6, 30))
    assert no_filing.late is None and no_filing.status is None and no_filing.rule_date == D(2024, 6, 30)
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
        ceseda.renewal_window("salarie", 20240630)
    assert info2.value.field == "expiry"
    with pytest.raises(ceseda.InvalidDateError) as info4:
        ceseda.renewal_window("salarie", "2024-6-30", lang="fr")
    assert info4.value.field == "expiry" and "n'est pas une date valide" in info4.value.message
    assert ceseda.renewal_window("salarie", "2024-06-30") == ceseda.renewal_window("salarie", D(2024, 6, 30))
    with pytest.raises(ceseda.InvalidTypeError) as info3:
        ceseda.renewal_window("salarie", D(2024, 6, 30), online_application=1)
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
    assert (ceseda.Permit.VISITEUR.label_fr, ceseda.Permit.VISITEUR.label_en) == ("Visiteur", "Visitor")
    assert ceseda.Outcome.SANS_OBJET.label("fr") == "Sans objet"
    assert pickle.loads(pickle.dumps(ceseda.Permit.SALARIE)) is ceseda.Permit.SALARIE


def test_the_public_api_is_exported() -> None:
    for name in ceseda.__all__:
        assert hasattr(ceseda, name), name
    assert ceseda.__version__
    assert len(ceseda.FIELDS) == 24 and ceseda.FIELDS[:3] == ("permit", "procedure", "date")


def test_totals_follow_the_outcome() -> None:
    """0.00 for an exemption, None where the outcome is not an amount; due_at_filing goes with it."""
    day = D(2011, 11, 15)
    exempt = ceseda.quote(permit="cra_un_an_visiteur_travailleur", procedure="first_issue", date=day)
    assert (exempt.outcome, exempt.total, exempt.due_at_filing) == ("exempt", Decimal("0.00"), Decimal("0.00"))
    for permit, outcome in (("cr_resident_longue_duree_ue", "sans_objet"), ("aps", "hors_champ"), ("vls_ts", "same_as_replaced_title")):
        q = ceseda.quote(permit=permit, procedure="first_issue", date=day)
        assert (q.outcome, q.total, q.due_at_filing) == (outcome, None, None)
        assert q.to_dict()["total"] is None and q.component("tax") == Decimal("0.00")
    priced = ceseda.quote(permit="vls_ts", procedure="first_issue", date=D(2022, 6, 15), underlying_permit="visiteur")
    assert priced.total is not None and priced.total > 0


@pytest.mark.parametrize(
    "value",
    [D(2024, 3, 1), datetime.datetime(2024, 3, 1), datetime.datetime(2024, 3, 1, tzinfo=datetime.timezone.utc), "2024-03-01"],
    ids=["date", "datetime-midnight", "aware-midnight", "iso-string"],
)
def test_dates_are_dates_datetimes_at_midnight_or_iso_strings(value: object) -> None:
    assert ceseda.quote(permit="visiteur", procedure="first_issue", date=value) == ceseda.quote(**VISITEUR_2024)  # type: ignore[arg-type]


def test_a_pandas_timestamp_is_a_date() -> None:
    pd = pytest.importorskip("pandas")
    assert ceseda.quote(permit="visiteur", procedure="first_issue", date=pd.Timestamp("2024-03-01")) == ceseda.quote(**VISITEUR_2024)


def test_a_time_of_day_or_a_malformed_string_is_an_invalid_date() -> None:
    for value in (datetime.datetime(2024, 3, 1, 12, 30), "2024-3-1", "1899-12-31", D(1850, 1, 1)):
        with pytest.raises(ceseda.InvalidDateError) as info:
            ceseda.quote(permit="visiteur", procedure="first_issue", date=value)
        assert info.value.field == "date"
        assert info.value.to_dict() == core_answer({**to_json(VISITEUR_2024), "date": info.value.value})["error"]


def test_messages_in_french() -> None:
    with pytest.raises(ceseda.UnknownCodeError) as info:
        ceseda.quote(permit="visitor", procedure="first_issue", date=D(2024, 3, 1), lang="fr")
    e = info.value
    assert e.suggestion == "visiteur" and "Vouliez-vous dire" in e.message
    assert e.to_dict() == json.loads(ceseda.quote_json('{"permit":"visitor","procedure":"first_issue","date":"2024-03-01"}', lang="fr"))["error"]
    with pytest.raises(ceseda.MissingFieldError) as info2:
        ceseda.quote(procedure="first_issue", date=D(2024, 3, 1), lang=ceseda.Lang.FR)
    assert info2.value.message == "champ obligatoire manquant : permit"
    with pytest.raises(ceseda.UnknownCodeError) as info3:
        ceseda.quote(**VISITEUR_2024, lang="de")
    assert info3.value.field == "lang"


def test_quote_table_json() -> None:
    table = json.loads(ceseda.quote_table_json(json.dumps([to_json(VISITEUR_2024), {"permit": "nope"}])))["table"]
    assert set(table) == set(ceseda.FRAME_COLUMNS)
    assert table["total"] == ["225.00", None] and table["error"] == [None, "unknown_code"]


def test_help_shows_every_field_by_name() -> None:
    import inspect

    params = inspect.signature(ceseda.quote).parameters
    assert list(params) == [*ceseda.FIELDS, "lang", "reform"]
    assert [params[f].kind for f in ("permit", "procedure", "date")] == [inspect.Parameter.POSITIONAL_OR_KEYWORD] * 3
    assert params["irregular_entry"].kind == inspect.Parameter.KEYWORD_ONLY and params["irregular_entry"].default is None
    assert "object at 0x" not in str(inspect.signature(ceseda.quote))
    assert "date" not in inspect.signature(ceseda.history).parameters
    assert list(inspect.signature(ceseda.quote_frame).parameters)[0] == "df"


def test_relevant_fields() -> None:
    # Seed 004, CST Visiteur: the visa de régularisation is the only charge a circumstance adds.
    r = ceseda.relevant_fields("visiteur", "first_issue", D(2024, 3, 1))
    names = [f.name for f in r.fields]
    assert r.regime == "table_2020" and "irregular_entry" in names and "family_member" not in names
    irregular = next(f for f in r.fields if f.name == "irregular_entry")
    assert (irregular.label_fr, irregular.label_en, irregular.kind) == ("Entrée ou séjour irréguliers", "Irregular entry or stay", "bool")
    renewal = [f.name for f in ceseda.relevant_fields(ceseda.Permit.SALARIE, ceseda.Procedure.RENEWAL, "2024-03-01").fields]
    assert {"previous_title_expiry", "application_date", "force_majeure", "holds_valid_visa"} <= set(renewal)
    with pytest.raises(ceseda.UnknownCodeError) as e:
        ceseda.relevant_fields("visitor", "first_issue", D(2024, 3, 1), lang="fr")
    assert (e.value.field, e.value.suggestion) == ("permit", "visiteur") and "Vouliez-vous dire" in e.value.message
    with pytest.raises(ceseda.DateOutOfRangeError):
        ceseda.relevant_fields("visiteur", "first_issue", D(2008, 3, 1))


def test_relevant_fields_agree_with_quote() -> None:
    # An unlisted field changes nothing; a listed one does (the visa de régularisation).
    listed = {f.name for f in ceseda.relevant_fields("visiteur", "first_issue", D(2024, 3, 1)).fields}
    base = ceseda.quote(permit="visiteur", procedure="first_issue", date=D(2024, 3, 1))
    assert "card_kind" not in listed and ceseda.quote(permit="visiteur", procedure="first_issue", date=D(2024, 3, 1), card_kind="csp") == base
    assert ceseda.quote(permit="visiteur", procedure="first_issue", date=D(2024, 3, 1), irregular_entry=True).total == Decimal("425.00")
