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

A line ``{"many": [request, …]}`` is answered ``ceseda.quote_many_json`` of the array: one
whole answer per request.

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


def _object(text: str) -> Optional[Dict[str, Any]]:
    """The JSON object ``text`` holds, if Python's json module reads it (``NaN`` is not JSON;
    deeper than Python's recursion limit it cannot). Nothing else is filtered: lone surrogate
    escapes, any depth, numbers beyond a double go through the API as a user would send them
    (``1e400`` is ``inf``, a number, as the core reads it)."""
    try:
        obj = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None


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


_JSON_WS = " \t\n\r"


def batch_items(line: str) -> Optional[List[str]]:
    """The text of each request of a ``{"batch": [...]}`` line, cut as the core cuts an array
    (by depth, outside strings; JSON's whitespace only around items); ``None`` if the line is
    not a batch (or not one that can be cut: the core says why)."""
    m = _BATCH.match(line)
    if m is None or line[m.end() : m.end() + 1] != "[":
        return None
    i = m.end() + 1
    items: List[str] = []
    while line[i : i + 1] and line[i] in _JSON_WS:
        i += 1
    if line[i : i + 1] == "]":
        return items if line[i + 1 :].strip(_JSON_WS) == "}" else None
    depth, in_string, escaped, start = 0, False, False, i
    while i < len(line):
        c = line[i]
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "[{":
            depth += 1
        elif c in "]}" and depth > 0:
            depth -= 1
        elif c == "," and depth == 0:
            items.append(line[start:i].strip(_JSON_WS))
            start = i + 1
        elif c == "]" and depth == 0:
            items.append(line[start:i].strip(_JSON_WS))
            if "" in items or line[i + 1 :].strip(_JSON_WS) != "}":
                return None
            return items
        elif c == "}":
            return None
        i += 1
    return None


def _lone_surrogate(value: Any) -> bool:
    """A text holding a lone surrogate, which no Arrow column holds (Arrow text is UTF-8), and
    which ``quote_frame`` reads from a pandas object column as U+FFFD, where the core refuses
    the JSON text (``invalid_json``): such a row goes to the core alone (a known difference of
    the frame path, left to it)."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def answer_batch(items: List[str], reform: Any = None) -> str:
    """The columns of ``quote_table_json`` for the requests, through ``quote_frame``."""
    import pandas as pd
    import pyarrow as pa

    framed: List[Tuple[int, Dict[str, Any]]] = []
    alone: List[int] = []
    for i, text in enumerate(items):
        obj = _object(text)
        if obj is not None and all(k in ceseda.FIELD_TABLE for k in obj) and not any(_lone_surrogate(v) for v in obj.values()):
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


_MANY = re.compile(r'\s*\{\s*"many"\s*:\s*(?P<array>\[.*\])\s*\}\s*\Z', re.DOTALL)


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
    many = _MANY.match(line)
    if many is not None:
        # ``{"many": [request, …]}``: the package's batch of whole answers, verbatim.
        return ceseda.quote_many_json(many.group("array"))
    reformed = reform_line(line)
    if reformed is not None:
        return answer_reformed(reformed, mode)
    items = batch_items(line)
    if items is not None:
        return answer_batch(items)
    batch = _BATCH.match(line)
    if batch is not None:
        # Not an array the core cuts into items: the core's answer to the array text says why.
        body = line[batch.end() :].rstrip(_JSON_WS)
        return ceseda.quote_table_json(body[:-1] if body.endswith("}") else line)
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
