"""The shared regression vectors (crates/ceseda/tests/vectors/regressions.json), recorded by
the conformance suite: each request, through the JSON contract and through the Python API,
must give the recorded answer."""

from __future__ import annotations

import json

import pytest

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
