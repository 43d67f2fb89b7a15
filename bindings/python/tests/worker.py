"""JSON-lines worker for the cross-language conformance suite (crates/ceseda-conformance).

Reads one JSON request per line on stdin and writes one JSON answer per line on stdout,
flushed after each line; a bad line gets a failure answer and never stops the worker.

    python bindings/python/tests/worker.py [--mode api|json]

``--mode json`` answers ``ceseda.quote_json(line)``: the contract, verbatim.

``--mode api`` (the default) goes through the idiomatic API, as a Python user would: a
JSON object whose date fields are valid ISO dates is turned into keyword arguments (dates
as ``datetime.date``) for ``ceseda.quote(**obj)``, and the answer is rebuilt from the
``Quote`` (``to_dict()``) or from the ``CesedaError`` raised. Anything else (not JSON, not
an object, a date field that is not a valid ISO date, which the Python API cannot even
express) falls back to ``quote_json``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import re
import sys
from typing import Any, Dict, Optional

import ceseda

DATE_FIELDS = ("date", "reunification_granted_on", "application_date", "previous_title_expiry")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _iso_date(value: Any) -> Optional[datetime.date]:
    """The date of a canonical ``YYYY-MM-DD`` string, or ``None``."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> Any:
    """serde_json refuses a number too large for a double; Python's json would take it."""
    if not math.isfinite(float(text)):
        raise ValueError(f"number out of range: {text[:20]}")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _strict_json(value: Any, depth: int = 0) -> bool:
    """Whether the core's parser (serde_json) reads ``value`` as Python's did.

    Python's json module is more lenient: it takes lone surrogate escapes (``"\\ud800"``),
    which serde_json refuses, and nests deeper than serde_json's limit of 128 (``NaN`` and
    numbers beyond a double are refused while parsing, see :func:`_finite`).
    """
    if depth > 100:
        return False
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, list):
        return all(_strict_json(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(_strict_json(k, depth + 1) and _strict_json(v, depth + 1) for k, v in value.items())
    return True


def api_kwargs(line: str) -> Optional[Dict[str, Any]]:
    """The keyword arguments of ``ceseda.quote`` for a request line, or ``None`` to fall back."""
    try:
        obj = json.loads(line, parse_constant=_reject_constant, parse_float=_finite, parse_int=_finite)
    except ValueError:
        return None
    if not isinstance(obj, dict) or not _strict_json(obj):
        return None
    kwargs = dict(obj)
    for name in DATE_FIELDS:
        if name not in obj or obj[name] is None:
            continue
        date = _iso_date(obj[name])
        if date is None:
            return None
        kwargs[name] = date
    return kwargs


def answer_json(line: str) -> str:
    return ceseda.quote_json(line)


def answer_api(line: str) -> str:
    kwargs = api_kwargs(line)
    if kwargs is None:
        return answer_json(line)
    try:
        q = ceseda.quote(**kwargs)
    except ceseda.CesedaError as e:
        return _dumps({"type": "failure", "error": e.to_dict()})
    return _dumps({"type": "success", "quote": q.to_dict()})


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _internal(e: BaseException) -> str:
    return _dumps({"type": "failure", "error": {"code": "internal_error", "message": f"worker: {type(e).__name__}: {e}", "field": None, "value": None}})


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("api", "json"), default="api")
    args = parser.parse_args(argv)
    handle = answer_api if args.mode == "api" else answer_json
    out = sys.stdout.buffer
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", "replace").rstrip("\r\n")
        try:
            text = handle(line)
        except Exception as e:  # noqa: BLE001 - a worker answers every line
            text = _internal(e)
        out.write(text.encode("utf-8", "replace") + b"\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
