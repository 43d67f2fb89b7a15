"""JSON-lines worker for the cross-language conformance suite (crates/ceseda-conformance).

Reads one JSON request per line on stdin and writes one JSON answer per line on stdout,
flushed after each line; a bad line gets a failure answer and never stops the worker.

    python bindings/python/tests/worker.py [--mode api|json]

``--mode json`` answers ``ceseda.quote_json(line)``: the contract, verbatim.

``--mode api`` (the default) goes through the idiomatic API, as a Python user would: a JSON
object is turned into keyword arguments for ``ceseda.quote(**obj)`` (valid ISO dates as
``datetime.date``), and the answer is rebuilt from the ``Quote`` (``to_dict()``) or from the
``CesedaError`` raised. What the Python API cannot express (not JSON, not an object, text that
Python's json module reads differently from the core's parser) falls back to ``quote_json``.

A line ``{"batch": [request, …]}`` is answered ``{"type": "success", "table": {…}}`` with the
columns of the core's ``quote_table_json`` for those requests, computed in both modes through
``ceseda.quote_frame`` on a pandas DataFrame built from the requests (object columns holding
the JSON values): money as two-decimal strings, nulls as null. A request the frame cannot hold
(not an object, an unknown field, text Python reads differently) is answered by the core for
that request alone, as the single-request fallback is.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import re
import sys
from typing import Any, Dict, List, Optional, Tuple

import ceseda

DATE_FIELDS = tuple(name for name, f in ceseda.FIELD_TABLE.items() if f.kind == "date")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_BATCH = re.compile(r'\s*\{\s*"batch"\s*:\s*')


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


def _object(text: str) -> Optional[Dict[str, Any]]:
    """The JSON object ``text`` holds, if Python reads it as the core does."""
    try:
        obj = json.loads(text, parse_constant=_reject_constant, parse_float=_finite, parse_int=_finite)
    except (ValueError, RecursionError):
        return None
    return obj if isinstance(obj, dict) and _strict_json(obj) else None


def api_kwargs(line: str) -> Optional[Dict[str, Any]]:
    """The keyword arguments of ``ceseda.quote`` for a request line, or ``None`` to fall back."""
    obj = _object(line)
    if obj is None or "lang" in obj:  # quote()'s own keyword: the core names it as an unknown field
        return None
    return {k: (_iso_date(v) or v) if k in DATE_FIELDS else v for k, v in obj.items()}


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


# ----------------------------------------------------------------------------- batches


def batch_items(line: str) -> Optional[List[str]]:
    """The text of each request of a ``{"batch": [...]}`` line, as the core would cut them;
    ``None`` if the line is not a batch (or not one Python can cut)."""
    m = _BATCH.match(line)
    if m is None:
        return None
    decoder, i, items = json.JSONDecoder(), m.end(), []
    if line[i : i + 1] != "[":
        return None
    i += 1
    try:
        while True:
            while line[i : i + 1].isspace():
                i += 1
            if line[i : i + 1] == "]" and not items:
                break
            _, end = decoder.raw_decode(line, i)
            items.append(line[i:end])
            i = end
            while line[i : i + 1].isspace():
                i += 1
            if line[i : i + 1] == "]":
                break
            if line[i : i + 1] != ",":
                return None
            i += 1
    except (ValueError, RecursionError):
        return None
    return items if line[i + 1 :].strip() == "}" else None


def answer_batch(items: List[str], reform: Any = None) -> str:
    """The columns of ``quote_table_json`` for the requests, through ``quote_frame``."""
    import pandas as pd
    import pyarrow as pa

    framed: List[Tuple[int, Dict[str, Any]]] = []
    alone: List[int] = []
    for i, text in enumerate(items):
        obj = _object(text)
        if obj is not None and all(k in ceseda.FIELD_TABLE for k in obj):
            framed.append((i, obj))
        else:
            alone.append(i)
    columns: Dict[str, List[Any]] = {name: [None] * len(items) for name in ceseda.FRAME_COLUMNS}
    if framed:
        given = [f for f in ceseda.FIELDS if any(f in obj for _, obj in framed)]
        df = pd.DataFrame({f: pd.Series([obj.get(f) for _, obj in framed], dtype=object) for f in given}, index=range(len(framed)))
        mapping = {f: (f if f in given else None) for f in ceseda.FIELDS}
        result = ceseda.quote_frame(df, **mapping, reform=reform)
        rows = pa.Table.from_pandas(result, preserve_index=False).to_pylist()
        for (i, _), row in zip(framed, rows):
            for name, value in row.items():
                columns[name][i] = None if value is None else str(value)
    if alone:
        array = "[" + ",".join(items[i] for i in alone) + "]"
        answered = ceseda.quote_table_json(array) if reform is None else ceseda._native.quote_table_json(array, "en", _dumps(reform))
        table = json.loads(answered)["table"]
        for j, i in enumerate(alone):
            for name in columns:
                columns[name][i] = table[name][j]
    return _dumps({"type": "success", "table": columns})


def reform_line(line: str) -> Optional[Dict[str, Any]]:
    """A line ``{"reform": {…}, "request": {…}}`` or ``{"reform": {…}, "batch": [...]}``."""
    obj = _object(line)
    if obj is None or set(obj) not in ({"reform", "request"}, {"reform", "batch"}):
        return None
    return obj


def answer_reformed(obj: Dict[str, Any], mode: str) -> str:
    """A quote (or a batch) under a reform: ``quote(..., reform=dict)`` / ``quote_frame(..., reform=dict)``
    in api mode, the native contract with the reform's JSON text in json mode."""
    reform = obj["reform"]
    if "batch" in obj:
        items = [_dumps(r) for r in obj["batch"]] if isinstance(obj["batch"], list) else None
        if items is None:
            return str(ceseda._native.quote_table_json(_dumps(obj["batch"]), "en", _dumps(reform)))
        return answer_batch(items, reform)
    request = obj["request"]
    text = _dumps(request)
    kwargs = api_kwargs(text) if mode == "api" and isinstance(request, dict) else None
    if kwargs is None:
        return str(ceseda._native.quote_json(text, "en", _dumps(reform)))
    try:
        q = ceseda.quote(**kwargs, reform=reform)
    except ceseda.CesedaError as e:
        return _dumps({"type": "failure", "error": e.to_dict()})
    return _dumps({"type": "success", "quote": q.to_dict()})


def answer_line(line: str, mode: str) -> str:
    reformed = reform_line(line)
    if reformed is not None:
        return answer_reformed(reformed, mode)
    items = batch_items(line)
    if items is not None:
        return answer_batch(items)
    if _BATCH.match(line):
        return ceseda.quote_table_json(line)  # not a batch Python can cut: the core says why
    return answer_api(line) if mode == "api" else answer_json(line)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _internal(e: BaseException) -> str:
    return _dumps({"type": "failure", "error": {"code": "internal_error", "message": f"worker: {type(e).__name__}: {e}", "field": None, "value": None}})


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("api", "json"), default="api")
    args = parser.parse_args(argv)
    out = sys.stdout.buffer
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", "replace").rstrip("\r\n")
        try:
            text = answer_line(line, args.mode)
        except Exception as e:  # noqa: BLE001 - a worker answers every line
            text = _internal(e)
        out.write(text.encode("utf-8", "replace") + b"\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
