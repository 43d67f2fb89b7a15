"""Shared fixtures and helpers for the Python binding's tests."""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import sys
from typing import Any, Dict, Mapping

import pytest
from hypothesis import HealthCheck, settings

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
VECTORS = REPO / "crates" / "ceseda" / "tests" / "vectors"
README = REPO / "README.md"

DATE_FIELDS = ("date", "reunification_granted_on", "application_date", "previous_title_expiry")

# tests/ is on sys.path (pytest's rootdir-relative import), so `import worker` works; make
# it explicit for runs from elsewhere.
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
# CI: reproducible examples, a few more of them.
settings.register_profile("ci", deadline=None, derandomize=True, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "default"))


def kwargs_of(request: Mapping[str, Any]) -> Dict[str, Any]:
    """The keyword arguments of ``ceseda.quote`` for a canonical JSON request."""
    out = dict(request)
    for name in DATE_FIELDS:
        if isinstance(out.get(name), str):
            out[name] = datetime.date.fromisoformat(out[name])
    return out


def canonical(answer: Mapping[str, Any]) -> Dict[str, Any]:
    """The fields the cross-language conformance suite compares (port of its `canonical`)."""
    if answer.get("type") == "success":
        q = answer["quote"]
        return {
            "type": "success",
            **{k: q[k] for k in ("permit", "procedure", "date", "regime", "confidence", "outcome", "total")},
            "lines": [[l["component"], l["amount"], l["basis"], l["seed"], l["seed_row"], l["due"]] for l in q["lines"]],
            "errata": [e["id"] for e in q["errata"]],
            "notes": [n["code"] for n in q["notes"]],
        }
    if answer.get("type") == "failure":
        return {"type": "failure", "code": answer["error"]["code"], "field": answer["error"]["field"]}
    return {"type": "malformed", "answer": dict(answer)}


def core_answer(request: Any) -> Dict[str, Any]:
    """The core's tagged answer to a request (any JSON value)."""
    import ceseda

    return json.loads(ceseda.quote_json(json.dumps(request)))


@pytest.fixture(scope="session")
def seed_cells() -> list:
    return json.loads((VECTORS / "seed_cells.json").read_text(encoding="utf-8"))["cells"]
