"""The JSON-lines worker of the conformance suite: one answer per line, never exits on a
bad line, and the api mode agrees with the json mode on everything the suite compares."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import ceseda
import worker
from conftest import HERE, REPO, canonical
from strategies import requests, to_json

WORKER = HERE / "worker.py"

BAD_LINES = [
    "",
    "not json",
    "[]",
    "3",
    "null",
    '"visiteur"',
    "{",
    "{}",
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-3-1"}',
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-02-30"}',
    '{"permit":"visiteur","procedure":"first_issue","date":"0000-06-01"}',
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","application_date":"0000-06-01"}',
    '{"permit":"visiteur","procedure":"first_issue","date":"20240301"}',
    '{"permit":"visiteur","procedure":"first_issue","date":20240301}',
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","irregular_entry":1}',
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","irregular_entry":"true"}',
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","family_member":[]}',
    '{"permit":"bad","procedure":3,"date":"2024-03-01"}',
    '{"permit":3,"procedure":"bad","date":"2024-03-01","zzz":true}',
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","regime":null}',
    '{"permit":"visiteur","procedure":"first_issue"}',
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","permit":"salarie"}',
    '{"permit":"\\ud800","procedure":"first_issue","date":"2024-03-01"}',
    '{"permit":"visiteur","procedure":"first_issue","date":"２０２４-03-01"}',
    '{"permit":NaN,"procedure":"first_issue","date":"2024-03-01"}',
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","family_member":["\\udc00"]}',
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","nested":' + "[" * 200 + "]" * 200 + "}",
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","irregular_entry":1e400}',
    '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","irregular_entry":123456789012345678901234567890}',
]
GOOD_LINE = '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01"}'


def run_worker(lines: list, mode: str) -> list:
    text = "".join(line + "\n" for line in lines)
    proc = subprocess.run(
        [sys.executable, str(WORKER), "--mode", mode],
        input=text.encode("utf-8", "surrogatepass"),
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=True,
    )
    out = proc.stdout.decode("utf-8").splitlines()
    assert len(out) == len(lines), proc.stderr.decode()
    return [json.loads(line) for line in out]


def test_the_worker_answers_every_line_in_both_modes() -> None:
    lines = [GOOD_LINE, *BAD_LINES, GOOD_LINE, b"\xff\xfe".decode("latin-1")]
    api = run_worker(lines, "api")
    js = run_worker(lines, "json")
    assert api[0]["type"] == api[-2]["type"] == "success"
    for line, a, j in zip(lines, api, js):
        assert canonical(a) == canonical(j), line
        assert a["type"] in ("success", "failure")
    assert api[0] == js[0]  # a success is the very same object


def test_the_default_mode_is_api() -> None:
    proc = subprocess.run([sys.executable, str(WORKER)], input=GOOD_LINE + "\n", capture_output=True, text=True, cwd=REPO, timeout=60, check=True)
    assert json.loads(proc.stdout)["quote"]["total"] == "225.00"


def test_api_mode_uses_the_python_api() -> None:
    assert worker.api_kwargs(GOOD_LINE) == {"permit": "visiteur", "procedure": "first_issue", "date": datetime.date(2024, 3, 1)}
    assert worker.api_kwargs('{"date":"2024-3-1"}') == {"date": "2024-3-1"}  # the core parses it
    assert worker.api_kwargs("[]") is None
    assert worker.api_kwargs('{"lang":"fr"}') is None
    # An api failure is rebuilt from the CesedaError: the core's record, whole.
    line = '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","irregular_entry":1}'
    assert json.loads(worker.answer_api(line)) == json.loads(worker.answer_json(line))


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**31), 2**31 - 1),
    st.from_regex(r"[a-z_]{0,12}", fullmatch=True),
    st.sampled_from(["2020-02-30", "2024-13-01", "2024-3-1", "01/03/2024", "", "2024-02-29", "visiteur", "csp", "table_2016"]),
    st.just([]),
)
FIELD_NAMES = st.sampled_from(list(worker.ceseda.FIELDS))


@st.composite
def request_lines(draw: st.DrawFn) -> str:
    """Like the conformance suite's generator: valid requests, junk in a field, a field
    removed, an unknown field, or junk instead of a request."""
    kind = draw(st.sampled_from(["valid", "junk_field", "removed", "unknown", "junk"]))
    if kind == "junk":
        return json.dumps(draw(JUNK))
    obj = to_json(draw(requests(max_optional=6)))
    if kind == "junk_field":
        obj[draw(FIELD_NAMES)] = draw(JUNK)
    elif kind == "removed":
        obj.pop(draw(FIELD_NAMES), None)
    elif kind == "unknown":
        obj[draw(st.from_regex(r"[a-z]{1,10}", fullmatch=True))] = True
    return json.dumps(obj)


@settings(max_examples=300)
@given(request_lines())
def test_api_and_json_modes_agree(line: str) -> None:
    api = json.loads(worker.answer_api(line))
    js = json.loads(worker.answer_json(line))
    assert canonical(api) == canonical(js)
    assert api == js  # messages, expected values and suggestions included


# ----------------------------------------------------------------------------- batches

HOSTILE = [
    3,
    None,
    "visiteur",
    [],
    {},
    {"zzz": 1},
    {"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "lang": "fr"},
    {"permit": "visitor", "procedure": "first_issue", "date": "2024-03-01"},
    {"permit": 3, "procedure": [], "date": "2024-03-01"},
    {"permit": True, "procedure": "first_issue", "date": {}},
    {"permit": "visiteur", "procedure": "first_issue", "date": "2024-3-1"},
    {"permit": "visiteur", "procedure": "first_issue", "date": "1899-12-31"},
    {"permit": "visiteur", "procedure": "first_issue", "date": 20240301},
    {"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "irregular_entry": 1},
    {"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "irregular_entry": 1.0},
    {"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "irregular_entry": "true"},
    {"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "irregular_entry": [True]},
    {"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "irregular_entry": True},
    {"permit": "visiteur", "procedure": "first_issue", "date": "2024-03-01", "family_member": ["\udc00"]},
    {"permit": "etudiant", "procedure": "renewal", "date": "2011-11-15"},
    {"permit": "vls_ts", "procedure": "first_issue", "date": "2022-06-15"},
    {"permit": "cra_un_an_visiteur_travailleur", "procedure": "first_issue", "date": "2011-11-15"},
    {"permit": "salarie", "procedure": "first_issue", "date": "2026-06-01", "irregular_entry": True, "application_date": "2026-04-01"},
]
RAW_ITEMS = ['{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01","irregular_entry":1e400}', '{"permit":"\\ud800"}', "NaN"]


def core_table(items: list) -> dict:
    return json.loads(worker.ceseda.quote_table_json("[" + ",".join(items) + "]"))


def batch_line(items: list) -> str:
    return '{"batch": [' + ", ".join(items) + "]}"


def test_a_batch_is_answered_with_the_core_table() -> None:
    """A mixed batch (answers, refusals, values of every wrong type, text Python reads
    differently) through quote_frame: exactly the core's quote_table_json, column by column."""
    valid = [json.dumps(to_json(r)) for r in [dict(permit="visiteur", procedure="first_issue", date=datetime.date(2024, 3, 1))] * 3]
    items = valid + [json.dumps(h) for h in HOSTILE] + RAW_ITEMS + valid
    expected = core_table(items)
    assert expected["type"] == "success"
    for mode in ("api", "json"):
        got = json.loads(worker.answer_line(batch_line(items), mode))
        assert set(got["table"]) == set(ceseda.FRAME_COLUMNS)
        assert got == expected, [(k, got["table"][k], expected["table"][k]) for k in expected["table"] if got["table"][k] != expected["table"][k]]
    assert json.loads(worker.answer_line('{"batch": []}', "api")) == core_table([])
    # Not an array: the core's failure.
    assert json.loads(worker.answer_line('{"batch": 3}', "api"))["type"] == "failure"


@settings(max_examples=40)
@given(st.lists(request_lines(), max_size=12))
def test_generated_batches_are_the_core_table(lines: list) -> None:
    assert json.loads(worker.answer_line(batch_line(lines), "api")) == core_table(lines)


def test_the_worker_process_answers_batch_lines() -> None:
    items = [GOOD_LINE, '{"permit":"visitor","procedure":"first_issue","date":"2024-03-01"}']
    answers = run_worker([batch_line(items), GOOD_LINE], "api")
    assert answers[0] == core_table(items) and answers[1]["type"] == "success"
