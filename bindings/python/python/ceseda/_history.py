"""``history``: what a request would have cost on every day since 5 January 2009, one row per
period of equal answers (the core's ``history_json``), as a pandas or polars frame."""

from __future__ import annotations

import importlib
from typing import Any, Dict, List, Mapping

from . import _native
from ._fields import VOCABULARIES
from ._frame import _imports, build
from ._translate import FIELD_KINDS, answer, dumps, lang_code, request_payload

__all__ = ["history_frame", "HISTORY_FRAMES"]

#: The kinds of frame ``history`` answers (its ``frame`` argument): pandas by default, like the
#: pandas-first examples of ``quote_frame``, whose answer is of the kind of the frame it is given.
HISTORY_FRAMES = ("pandas", "polars", "arrow")

#: The columns before the component columns, and after them, with their kinds (see ``build``).
_HEAD = {"from": "date", "until": "date", "regimes": "list:string", "outcome": "code:outcome", "total": "money"}
_TAIL = {"error_code": "code:error_code", "error_field": "string", "error_message": "string"}


def history_frame(fields: Mapping[str, Any], lang: Any = "en", frame: Any = "pandas") -> Any:
    """The history of a request given as Python values (see ``ceseda.history``)."""
    if not isinstance(frame, str) or frame not in HISTORY_FRAMES:
        raise ValueError(f"frame must be one of {', '.join(map(repr, HISTORY_FRAMES))}, not {frame!r}")
    request = dumps(request_payload(fields, FIELD_KINDS))
    periods = answer(_native.history_json(request, lang_code(lang)), "history")["periods"]
    np, pa = _imports("history")
    if frame != "arrow":
        try:
            importlib.import_module(frame)
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError(f"ceseda.history(frame={frame!r}) needs {frame}: pip install 'ceseda[{frame}]'") from e
    present = {c["component"] for p in periods for c in p["components"]}
    components = [c for c in VOCABULARIES["component"] if c in present]
    kinds = {**_HEAD, **dict.fromkeys(components, "money"), **_TAIL}
    table: Dict[str, List[Any]] = {name: [] for name in kinds}
    for p in periods:
        error = p["error"] or {}
        amounts = {c["component"]: c["amount"] for c in p["components"]}
        row = {**{name: p[name] for name in _HEAD}, "error_code": error.get("code"), "error_field": error.get("field"), "error_message": error.get("message")}
        # As in quote_frame: an absent component is 0.00 where the total is an amount, else null.
        row.update({c: None if p["total"] is None else amounts.get(c, "0.00") for c in components})
        for name in kinds:
            table[name].append(row[name])
    return build(np, pa, frame, kinds, table, np.arange(len(periods)))
