"""Reforms: what ``quote``, ``quote_frame`` and ``history`` take as ``reform=``.

A reform is a TOML or JSON document the core parses and validates (see the README's
*Reforms*). Here it only becomes text: a path is read, a mapping is written as JSON (``Decimal``
as a decimal string, dates as ISO strings), text is passed as it is.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping, Optional

from ._errors import InvalidTypeError

__all__ = ["reform_text"]


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, float):
        # Money is never a float: the core refuses it with invalid_reform, naming the key.
        return value
    return value


def _looks_like_path(text: str) -> bool:
    stripped = text.strip()
    if "\n" in stripped or stripped.startswith("{") or "=" in stripped:
        return False
    return stripped.endswith((".toml", ".json")) or os.path.exists(stripped)


def reform_text(reform: Any) -> Optional[str]:
    """The text of a reform given as a path, TOML or JSON text, or a mapping (``None``: none)."""
    if reform is None:
        return None
    if isinstance(reform, Mapping):
        return json.dumps(_jsonable(reform))
    if isinstance(reform, os.PathLike):
        return Path(reform).read_text(encoding="utf-8")
    if isinstance(reform, (bytes, bytearray)):
        return bytes(reform).decode("utf-8", "replace")
    if isinstance(reform, str):
        if _looks_like_path(reform):
            return Path(reform.strip()).read_text(encoding="utf-8")
        return reform
    raise InvalidTypeError(f"reform must be a path, the text of a TOML or JSON reform, or a mapping, not {type(reform).__qualname__}", expected=("str", "os.PathLike", "Mapping"))
