"""The shared regression vectors (crates/ceseda/tests/vectors/regressions.json), recorded by
the conformance suite: each request, through the JSON contract and through the Python API,
must give the recorded answer."""

from __future__ import annotations

import datetime
import json

import pytest

import ceseda

from conftest import VECTORS, canonical
import worker

PATH = VECTORS / "regressions.json"
CASES = json.loads(PATH.read_text(encoding="utf-8"))["cases"] if PATH.exists() else []


def _id(case: dict) -> str:
    return case.get("note") or json.dumps(case["request"], sort_keys=True)[:80]


@pytest.mark.skipif(not PATH.exists(), reason=f"no regression vectors at {PATH}")
def test_there_are_regression_vectors() -> None:
    assert CASES


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
@pytest.mark.parametrize("mode", ["json", "api"])
def test_regression_vector(case: dict, mode: str) -> None:
    line = json.dumps(case["request"])
    handle = worker.answer_api if mode == "api" else worker.answer_json
    got = json.loads(handle(line))
    # Compared as the conformance suite compares (messages and explanations may be reworded).
    assert canonical(got) == canonical(case["expected"])


# ----------------------------------------------------------------------------- entry points

DOC = json.loads(PATH.read_text(encoding="utf-8")) if PATH.exists() else {}
ENTRIES = [e for e in DOC.get("entries", []) if e["entry"] != "cli"]


def _without_messages(value):
    if isinstance(value, dict):
        return {k: _without_messages(v) for k, v in value.items() if k not in ("message", "error_message")}
    if isinstance(value, list):
        return [_without_messages(v) for v in value]
    return value


def _lang(entry: dict) -> str:
    return entry["lang"] if "lang" in entry else json.loads(entry["lang_json"]) if "lang_json" in entry else "en"


def _native_answer(entry: dict) -> str:
    """The entry through the package's JSON functions (the native module behind them)."""
    text, lang = entry["text"], _lang(entry)
    native = ceseda._native
    if entry["entry"] == "explain":
        return native.explain_json(ceseda._translate.clean_str(text), ceseda._translate.lang_code(lang))
    public = {"quote": ceseda.quote_json, "quote_many": ceseda.quote_many_json, "quote_table": ceseda.quote_table_json, "history": ceseda.history_json}
    if entry["entry"] in public:
        return public[entry["entry"]](text, lang)
    return native.window_json(ceseda._translate.clean_str(text), ceseda._translate.lang_code(lang))


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["note"][:60] for e in ENTRIES])
def test_entry_point_vector(entry: dict) -> None:
    """Each entry's text through the package gives the core's recorded answer; where the text
    is a JSON object Python reads, the idiomatic API (quote, renewal_window, history,
    Quote.explain) answers it alike: the same code and field, or the same success."""
    assert _without_messages(json.loads(_native_answer(entry))) == _without_messages(entry["expected"])
    expected = entry["expected"]
    try:
        obj = json.loads(entry["text"])
    except (ValueError, RecursionError):
        return
    if not isinstance(obj, dict):
        return
    dates = {k: (datetime.date.fromisoformat(v) if isinstance(v, str) and worker._iso_date(v) else v) for k, v in obj.items()}
    call = {
        "quote": lambda: ceseda.quote(**dates),
        "window": lambda: ceseda.renewal_window(**dates),
        "history": lambda: ceseda.history(**dates),
        "explain": lambda: ceseda.quote(**dates).explain(_lang(entry)),
    }.get(entry["entry"])
    if call is None:
        return
    try:
        got = call()
    except ceseda.CesedaError as e:
        assert expected["type"] == "failure", f"{entry['note']}: raised {e!r}"
        assert (e.code, e.field) == (expected["error"]["code"], expected["error"].get("field")), entry["note"]
        return
    assert expected["type"] == "success", f"{entry['note']}: answered {got!r}"
    if entry["entry"] == "explain":
        assert got == expected["explanation"]
    elif entry["entry"] == "quote":
        assert canonical({"type": "success", "quote": got.to_dict()}) == canonical(expected)
