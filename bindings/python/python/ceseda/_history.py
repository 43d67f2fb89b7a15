"""``history``: what a request would have cost on every day since 5 January 2009, one row per
period of equal answers (the core's ``history_json``), as a pandas or polars frame."""

from __future__ import annotations

import importlib
from typing import Any, Dict, List, Mapping, Optional

from . import _native
from ._fields import VOCABULARIES
from ._frame import _imports, build
from ._translate import FIELD_KINDS, answer, dumps, lang_code, request_payload

__all__ = ["history_frame", "history_table", "HISTORY_FRAMES"]

#: The kinds of frame ``history`` answers (its ``frame`` argument): pandas by default, like the
#: pandas-first examples of ``quote_frame``, whose answer is of the kind of the frame it is given.
HISTORY_FRAMES = ("pandas", "polars", "arrow")

#: The columns before the component columns, and after them, with their kinds (see ``build``).
_HEAD = {"from": "date", "until": "date", "regimes": "list:string", "outcome": "code:outcome", "total": "money"}
_TAIL = {"error_code": "code:error_code", "error_field": "string", "error_message": "string"}


def history_frame(
    permits: Any = None,
    procedures: Any = ("first_issue", "renewal"),
    *,
    frame: str = "pandas",
    lang: str = "en",
    reform: Any = None,
    **fields: Any,
) -> Any:
    """The tariff histories of several permits and procedures in one frame, ready for plotting:
    one row per (permit, procedure, period), oldest period first within each pair.

    ``permits`` and ``procedures`` are codes (a string, or an iterable of them; ``permits``
    defaults to every permit); other keywords are request fields given to every history (as in
    :func:`ceseda.history`, without ``date``); ``reform`` prices under a reform. The columns:
    ``permit``, ``procedure``, then those of :func:`ceseda.history` (``from``, ``until``,
    ``regimes``, ``outcome``, ``total``, one column per component due in any row, ``error_code``,
    ``error_field``, ``error_message``). ``frame`` is ``"pandas"``, ``"polars"`` or ``"arrow"``.

    >>> import ceseda
    >>> h = ceseda.history_frame(permits=["visiteur", "etudiant"], procedures="first_issue")
    >>> h[h["permit"] == "visiteur"]["total"].iloc[-1]
    Decimal('350.00')
    """
    from ._reform import reform_text

    if not isinstance(frame, str) or frame not in HISTORY_FRAMES:
        raise ValueError(f"frame must be one of {', '.join(map(repr, HISTORY_FRAMES))}, not {frame!r}")
    def codes(value: Any, vocabulary: str) -> List[str]:
        if value is None:
            return list(VOCABULARIES[vocabulary])
        if isinstance(value, str):
            return [value]
        return [str(v.value if hasattr(v, "value") else v) for v in value]
    text = reform_text(reform)
    pairs = [(p, q) for p in codes(permits, "permit") for q in codes(procedures, "procedure")]
    histories = []
    for permit, procedure in pairs:
        request = dumps(request_payload({**fields, "permit": permit, "procedure": procedure}, FIELD_KINDS))
        histories.append((permit, procedure, answer(_native.history_json(request, lang_code(lang), text), "history")["periods"]))
    present = {c["component"] for _, _, periods in histories for p in periods for c in p["components"]}
    components = [c for c in VOCABULARIES["component"] if c in present]
    kinds = {"permit": "code:document", "procedure": "code:procedure", **_HEAD, **dict.fromkeys(components, "money"), **_TAIL}
    table: Dict[str, List[Any]] = {name: [] for name in kinds}
    for permit, procedure, periods in histories:
        for p in periods:
            for name, value in _row(p, components).items():
                table[name].append(value)
            table["permit"].append(permit)
            table["procedure"].append(procedure)
    np, pa = _imports("history_frame")
    if frame != "arrow":
        try:
            importlib.import_module(frame)
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError(f"ceseda.history_frame(frame={frame!r}) needs {frame}: pip install 'ceseda[{frame}]'") from e
    return build(np, pa, frame, kinds, table, np.arange(len(table["permit"])))


def _row(p: Mapping[str, Any], components: List[str]) -> Dict[str, Any]:
    """One period as a row of the history's columns."""
    error = p["error"] or {}
    amounts = {c["component"]: c["amount"] for c in p["components"]}
    row = {**{name: p[name] for name in _HEAD}, "error_code": error.get("code"), "error_field": error.get("field"), "error_message": error.get("message")}
    # As in quote_frame: an absent component is 0.00 where the total is an amount, else null.
    row.update({c: None if p["total"] is None else amounts.get(c, "0.00") for c in components})
    return row


def history_table(fields: Mapping[str, Any], lang: Any = "en", frame: Any = "pandas", reform: Optional[str] = None) -> Any:
    """The history of a request given as Python values (see ``ceseda.history``), under the
    reform whose text is ``reform`` (``None``: the law)."""
    if not isinstance(frame, str) or frame not in HISTORY_FRAMES:
        raise ValueError(f"frame must be one of {', '.join(map(repr, HISTORY_FRAMES))}, not {frame!r}")
    request = dumps(request_payload(fields, FIELD_KINDS))
    periods = answer(_native.history_json(request, lang_code(lang), reform), "history")["periods"]
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
