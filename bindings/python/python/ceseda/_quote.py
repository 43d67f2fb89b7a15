"""Quotes: asking the core, and the JSON contract verbatim."""

from __future__ import annotations

from typing import Any, Mapping, Optional, Union

from . import _native
from ._answers import Quote
from ._errors import InvalidTypeError
from ._translate import FIELD_KINDS, answer, clean_str, dumps, lang_code, request_payload

__all__ = ["quote_request", "quote_json", "quote_many_json", "quote_table_json", "history_json"]


def quote_request(fields: Mapping[str, Any], lang: Any = "en", reform: Optional[str] = None) -> Quote:
    """The quote of a request given as Python values (see ``ceseda.quote``), under the reform
    whose text is ``reform`` (``None``: the law)."""
    request = dumps(request_payload(fields, FIELD_KINDS))
    q = Quote.from_dict(answer(_native.quote_json(request, lang_code(lang), reform), "quote"), request=request)
    if reform is not None:
        # explain() quotes again, under the same reform.
        object.__setattr__(q, "_reform", reform)
    return q


def _text(value: Any) -> str:
    """JSON text, as ``str`` or UTF-8 ``bytes``."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    if not isinstance(value, str):
        raise InvalidTypeError(f"JSON text must be str or bytes, not {type(value).__qualname__}", expected=("str",))
    return clean_str(value)


def quote_json(request: Union[str, bytes], lang: str = "en") -> str:
    """The canonical contract, verbatim: one JSON request in, one tagged JSON answer out.

    Never raises for a bad request: the answer is ``{"type":"failure","error":{…}}``.
    """
    return str(_native.quote_json(_text(request), lang_code(lang)))


def quote_many_json(requests: Union[str, bytes], lang: str = "en") -> str:
    """A JSON array of requests in, a JSON array of tagged answers out (one per request)."""
    return str(_native.quote_many_json(_text(requests), lang_code(lang)))


def quote_table_json(requests: Union[str, bytes], lang: str = "en") -> str:
    """A JSON array of requests in, the answers in columns out (``{"type":"success","table":{…}}``)."""
    return str(_native.quote_table_json(_text(requests), lang_code(lang)))


def history_json(request: Union[str, bytes], lang: str = "en") -> str:
    """A JSON request without ``date`` in, its tariff history out, verbatim:
    ``{"type":"success","history":{"permit","procedure","periods":[…]}}``
    (``ceseda.History.from_dict`` reads the ``history``). Never raises for a bad request
    (a ``date`` is an ``unknown_field``): the answer is ``{"type":"failure","error":{…}}``.
    """
    return str(_native.history_json(_text(request), lang_code(lang)))
