"""Every error code of the core is raised as its own CesedaError subclass, with the code,
field and value the JSON contract gives for the same request."""

from __future__ import annotations

import datetime
import json
import pickle
from decimal import Decimal

import pytest

import ceseda
from conftest import core_answer

D = datetime.date
BASE = {"permit": "visiteur", "procedure": "first_issue", "date": D(2024, 3, 1)}


def as_json(kwargs: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, D) else v) for k, v in kwargs.items()}


# (code, exception class, Python keyword arguments); each is also sent as JSON.
API_CASES = [
    ("unknown_code", ceseda.UnknownCodeError, {**BASE, "permit": "visitor"}),
    ("unknown_code", ceseda.UnknownCodeError, {**BASE, "procedure": "first"}),
    ("unknown_code", ceseda.UnknownCodeError, {**BASE, "regime": "table_1999"}),
    ("unknown_code", ceseda.UnknownCodeError, {**BASE, "underlying_permit": "dcem"}),
    ("unknown_code", ceseda.UnknownCodeError, {**BASE, "family_member": "cousin"}),
    ("date_out_of_range", ceseda.DateOutOfRangeError, {**BASE, "date": D(2005, 1, 1)}),
    ("date_out_of_range", ceseda.DateOutOfRangeError, {**BASE, "date": D(2009, 1, 4)}),
    ("permit_not_in_regime", ceseda.PermitNotInRegimeError, {"permit": "etudiant_mobilite", "procedure": "first_issue", "date": D(2011, 11, 15)}),
    ("missing_sub_case", ceseda.MissingSubCaseError, {"permit": "etudiant", "procedure": "renewal", "date": D(2011, 11, 15)}),
    ("invalid_sub_case", ceseda.InvalidSubCaseError, {**BASE, "reunification_on_site": True, "entered_via_family_reunification": True}),
    ("invalid_sub_case", ceseda.InvalidSubCaseError, {**BASE, "application_date": D(2024, 3, 2)}),
    ("not_covered", ceseda.NotCoveredError, {"permit": "aps", "procedure": "duplicate", "date": D(2026, 6, 15)}),
    ("not_covered", ceseda.NotCoveredError, {"permit": "visiteur", "procedure": "first_issue", "date": D(2011, 11, 15), "irregular_entry": True, "application_date": D(2008, 11, 15)}),
    ("missing_field", ceseda.MissingFieldError, {"procedure": "first_issue", "date": D(2024, 3, 1)}),
    ("missing_field", ceseda.MissingFieldError, {"permit": "visiteur", "date": D(2024, 3, 1)}),
    ("missing_field", ceseda.MissingFieldError, {"permit": "visiteur", "procedure": "first_issue"}),
    ("missing_field", ceseda.MissingFieldError, {"permit": None, "procedure": "first_issue", "date": D(2024, 3, 1)}),
    ("unknown_field", ceseda.UnknownFieldError, {**BASE, "familly_member": "spouse"}),
    ("invalid_type", ceseda.InvalidTypeError, {**BASE, "irregular_entry": "yes"}),
    ("invalid_type", ceseda.InvalidTypeError, {**BASE, "permit": ["visiteur"]}),
]


@pytest.mark.parametrize("code,cls,kwargs", API_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(API_CASES)])
def test_api_raises_the_subclass_of_the_contract(code: str, cls: type, kwargs: dict) -> None:
    with pytest.raises(cls) as info:
        ceseda.quote(**kwargs)
    e = info.value
    assert type(e) is cls
    assert isinstance(e, ceseda.CesedaError)
    assert e.code == code == cls.default_code
    record = core_answer(as_json(kwargs))["error"]
    assert record["code"] == code
    # The core built the error: the whole record is the core's.
    assert e.to_dict() == record
    assert e.field == record["field"] and e.value == record.get("value")
    assert e.expected == tuple(record.get("expected", ()))
    assert e.suggestion == record.get("suggestion")
    assert str(e) == e.message == record["message"]
    # And in French.
    with pytest.raises(cls) as fr:
        ceseda.quote(**kwargs, lang="fr")
    french = json.loads(ceseda.quote_json(json.dumps(as_json(kwargs)), lang="fr"))["error"]
    assert fr.value.to_dict() == french and fr.value.message != e.message


# Python values of the wrong type: each is reported as the JSON type it is closest to (a
# date, bytes or any other object as an "object"), with the core's message.
PYTHON_TYPE_CASES = [
    ("date", 20240301, "number"),
    ("reunification_granted_on", 1.5, "number"),
    ("application_date", True, "boolean"),
    ("permit", Decimal("1"), "number"),
    ("procedure", 1.0, "number"),
    ("family_member", True, "boolean"),
    ("regime", b"table_2020", "object"),
    ("card_kind", D(2024, 1, 1), "object"),
    ("underlying_permit", ("visiteur",), "array"),
    ("irregular_entry", 1, "number"),
    ("online_application", 0.0, "number"),
    ("algerian_national", "true", "string"),
    ("violence_victim", Decimal("1"), "number"),
    ("force_majeure", {"a": 1}, "object"),
]


@pytest.mark.parametrize("field,value,got", PYTHON_TYPE_CASES, ids=[f"{c[0]}-{c[2]}" for c in PYTHON_TYPE_CASES])
def test_a_python_value_of_the_wrong_type_is_an_invalid_type_error(field: str, value: object, got: str) -> None:
    with pytest.raises(ceseda.InvalidTypeError) as info:
        ceseda.quote(**{**BASE, field: value})
    e = info.value
    assert (e.code, e.field, e.value) == ("invalid_type", field, None)
    assert isinstance(e, TypeError) and not isinstance(e, ValueError)
    assert f"got {got}," in e.message
    assert e.expected == (ceseda.FIELD_TABLE[field].json_type,)
    with pytest.raises(ceseda.InvalidTypeError) as fr:
        ceseda.quote(**{**BASE, field: value}, lang="fr")
    assert f"reçu {got}," in fr.value.message


def test_invalid_type_is_reported_where_the_core_would_report_it() -> None:
    # An unknown field comes first, then the fields in the core's order.
    cases = [
        ({**BASE, "nope": 1, "irregular_entry": 1}, "unknown_field", "nope"),
        ({**BASE, "permit": "bad", "irregular_entry": 1}, "unknown_code", "permit"),
        ({**BASE, "irregular_entry": 1, "permit": "bad"}, "unknown_code", "permit"),
        ({**BASE, "family_member": 3, "card_kind": "bad"}, "invalid_type", "family_member"),
        ({**BASE, "family_member": "bad", "card_kind": 3}, "unknown_code", "family_member"),
        ({"permit": 3, "date": D(2024, 3, 1)}, "invalid_type", "permit"),
        ({"permit": "visiteur", "date": "2024-03-01"}, "missing_field", "procedure"),
    ]
    for kwargs, code, field in cases:
        with pytest.raises(ceseda.CesedaError) as info:
            ceseda.quote(**kwargs)
        assert (info.value.code, info.value.field) == (code, field), kwargs


def test_json_only_codes_map_to_their_subclasses() -> None:
    cases = [
        ("{", ceseda.InvalidJsonError, "invalid_json", None),
        ("[]", ceseda.InvalidJsonError, "invalid_json", None),
        ('{"permit":"visiteur","procedure":"first_issue","date":"2024-3-1"}', ceseda.InvalidDateError, "invalid_date", "date"),
        ('{"permit":"visiteur","procedure":"first_issue","date":"2024-02-30"}', ceseda.InvalidDateError, "invalid_date", "date"),
        ('{"permit":"visiteur","procedure":"first_issue","date":20240301}', ceseda.InvalidTypeError, "invalid_type", "date"),
    ]
    for text, cls, code, field in cases:
        answer = json.loads(ceseda.quote_json(text))
        assert answer["type"] == "failure"
        e = ceseda.error_from_record(answer["error"])
        assert type(e) is cls and (e.code, e.field) == (code, field)
        assert e.to_dict() == answer["error"]


def test_every_code_of_the_core_has_its_class() -> None:
    assert set(ceseda.ERROR_CODES) <= set(ceseda.ERRORS)
    assert set(ceseda.ERRORS) - set(ceseda.ERROR_CODES) == {"internal_error"}
    covered = {c for c, _, _ in API_CASES} | {"invalid_json", "invalid_date", "invalid_reform"}
    assert covered == set(ceseda.ERROR_CODES)


def test_invalid_reform_has_its_class_in_both_languages() -> None:
    bad = {"name": "x", "amend": [{"from": "2027-01-01", "rate": "stamp", "amount": "-5"}]}
    for lang, words in (("en", "cannot be negative"), ("fr", "ne peut être négatif")):
        with pytest.raises(ceseda.InvalidReformError) as info:
            ceseda.quote(**BASE, reform=bad, lang=lang)
        assert isinstance(info.value, ceseda.CesedaError)
        assert (info.value.code, info.value.field, info.value.value) == ("invalid_reform", "amend[0].amount", "-5")
        assert words in info.value.message
    for code, cls in ceseda.ERRORS.items():
        assert cls.default_code == code
        assert issubclass(cls, ceseda.CesedaError)
        assert issubclass(cls, (ValueError, TypeError, RuntimeError))
    assert issubclass(ceseda.InvalidTypeError, TypeError)
    assert issubclass(ceseda.UnknownCodeError, ValueError)
    assert issubclass(ceseda.DateOutOfRangeError, ValueError)


def test_an_unknown_code_from_a_newer_core_is_still_a_ceseda_error() -> None:
    e = ceseda.error_from_record({"code": "something_new", "message": "m", "field": "permit", "value": None})
    assert type(e) is ceseda.CesedaError and e.code == "something_new"


def test_errors_pickle_and_compare_by_record() -> None:
    with pytest.raises(ceseda.UnknownCodeError) as info:
        ceseda.quote(**{**BASE, "permit": "visitor"})
    e = info.value
    assert e.suggestion == "visiteur"
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is type(e) and back.to_dict() == e.to_dict() and back.suggestion == "visiteur"
    assert "visitor" in repr(e)


def test_error_classes_carry_their_labels() -> None:
    assert (ceseda.UnknownCodeError.label_fr, ceseda.UnknownCodeError.label_en) == ("Code inconnu", "Unknown code")
    assert ceseda.InternalError.default_code == ceseda._native.INTERNAL_ERROR


def test_errors_echo_long_values_truncated() -> None:
    with pytest.raises(ceseda.UnknownCodeError) as info:
        ceseda.quote(**{**BASE, "permit": "x" * 10_000})
    assert info.value.value is not None and len(info.value.value) < 300


def test_a_lone_surrogate_is_the_cores_answer_to_the_same_json_text() -> None:
    # D4: the JSON text of the request holds the surrogate's escape, which the core refuses
    # as invalid_json with no field; so do the npm package and the Rust core.
    for permit in ("visiteur\ud800", "\ud800", "\udfff"):
        text = json.dumps({**as_json(BASE), "permit": permit})
        core = json.loads(ceseda.quote_json(text))["error"]
        with pytest.raises(ceseda.InvalidJsonError) as info:
            ceseda.quote(**{**BASE, "permit": permit})
        assert (info.value.code, info.value.field) == (core["code"], core["field"]) == ("invalid_json", None)
    # A surrogate pair given as two code points is the character they encode.
    assert ceseda.quote(**{**BASE, "permit": "visiteur"}).total == Decimal("225.00")
    with pytest.raises(ceseda.InvalidJsonError):
        ceseda.history(permit="\ud800", procedure="first_issue")
    with pytest.raises(ceseda.InvalidJsonError):
        ceseda.renewal_window(permit="\ud800", expiry=D(2024, 6, 30))
    answer = json.loads(ceseda.quote_json('{"permit":"\ud800"}'))
    assert answer["type"] == "failure"


def test_explain_in_a_lone_surrogate_language_is_a_ceseda_error() -> None:
    # D3: it raised UnicodeEncodeError. The language is refused as the npm package refuses it.
    q = ceseda.quote(**BASE)
    for lang in ("\ud800", "fr\udc00"):
        with pytest.raises(ceseda.UnknownCodeError) as info:
            q.explain(lang)
        assert info.value.field == "lang"
        with pytest.raises(ceseda.UnknownCodeError):
            ceseda.quote(**BASE, lang=lang)


def test_a_window_outside_the_contracts_years_is_invalid_date() -> None:
    # D2: renewal_window(expiry=date(1, 1, 1)) raised ValueError (year 0 is out of range).
    for expiry in (D(1, 1, 1), D(1899, 12, 31), D(9999, 12, 31), "0000-01-01"):
        with pytest.raises(ceseda.InvalidDateError) as info:
            ceseda.renewal_window(permit="visiteur", expiry=expiry)
        assert info.value.field == "expiry"
    # Every date of every answer is a datetime.date the contract reads back.
    for expiry in (D(1900, 1, 1), D(2009, 1, 5), D(2200, 12, 31)):
        try:
            w = ceseda.renewal_window(permit="visiteur", expiry=expiry, filing_date=expiry)
        except ceseda.CesedaError as e:
            assert e.code in ("invalid_date", "date_out_of_range")
            continue
        for value in vars(w).values():
            if isinstance(value, D):
                assert D(1900, 1, 1) <= value <= D(2200, 12, 31)


def test_one_bad_request_never_fails_the_batch() -> None:
    # D1: [good, bad] answered one failure object for the whole batch.
    good = json.dumps(as_json(BASE))
    for depth in (1, 126, 127, 128, 200, 5000):
        bad = '{"permit":' + "[" * depth + "]" * depth + ',"procedure":"first_issue","date":"2024-03-01"}'
        alone = json.loads(ceseda.quote_json(bad))
        assert (alone["error"]["code"], alone["error"]["field"]) == ("invalid_type", "permit"), depth
        many = json.loads(ceseda.quote_many_json(f"[{good},{bad},{good}]"))
        assert isinstance(many, list) and [a["type"] for a in many] == ["success", "failure", "success"]
        assert many[1] == alone
        table = json.loads(ceseda.quote_table_json(f"[{good},{bad}]"))["table"]
        assert (table["total"], table["error"], table["error_field"]) == (["225.00", None], [None, "invalid_type"], [None, "permit"])
    with pytest.raises(ceseda.InvalidTypeError) as info:
        nested: list = []
        for _ in range(300):
            nested = [nested]
        ceseda.quote(**{**BASE, "permit": nested})
    assert info.value.field == "permit"


def test_non_string_input_to_the_json_functions_is_an_invalid_type_error() -> None:
    for f in (ceseda.quote_json, ceseda.quote_many_json, ceseda.quote_table_json):
        with pytest.raises(ceseda.InvalidTypeError):
            f(3)  # type: ignore[arg-type]
    # UTF-8 bytes are JSON text too.
    assert ceseda.quote_json(b'{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01"}') == ceseda.quote_json(
        '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01"}'
    )
