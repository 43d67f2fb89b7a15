"""What the library knows: the permits, the regimes, and renewal windows."""

from __future__ import annotations

import functools
import types
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from . import _native
from ._answers import Regime, RelevantFields, RenewalWindow
from ._codes import Permit, Procedure
from ._fields import WINDOW_FIELDS
from ._translate import FIELD_KINDS, DateLike, answer, dumps, lang_code, request_payload

__all__ = ["PermitInfo", "permits", "regimes", "relevant_fields", "renewal_window"]


@dataclass(frozen=True)
class PermitInfo:
    """A permit or travel document the library can quote (an entry of ``permits_json``)."""

    #: The stable code (the ``permit`` field's value).
    code: str
    #: ``"permit"`` or ``"travel_document"``.
    kind: str
    label_fr: str
    label_en: str
    #: The kind of card (``"carte_de_sejour"``, ``"carte_de_resident"``…); ``None`` for a travel document.
    family: Optional[str]
    #: The CESEDA article since the 1 May 2021 recodification, where one is known.
    article_since_2021: Optional[str]
    #: The regimes whose law lists it (:class:`RegimeId` codes).
    regimes: Tuple[str, ...]
    #: The row label printed in each regime's table, by regime code.
    printed_rows: Mapping[str, str]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PermitInfo":
        return cls(**{**d, "regimes": tuple(d["regimes"]), "printed_rows": types.MappingProxyType(dict(d["printed_rows"]))})

    def to_dict(self) -> Dict[str, Any]:
        return {**self.__dict__, "regimes": list(self.regimes), "printed_rows": dict(self.printed_rows)}


@functools.lru_cache(maxsize=None)
def permits() -> Tuple[PermitInfo, ...]:
    """Every permit and travel document, with labels and the row printed in each table."""
    return tuple(PermitInfo.from_dict(p) for p in answer(_native.permits_json(), "permits"))


@functools.lru_cache(maxsize=None)
def regimes() -> Tuple[Regime, ...]:
    """Every tariff regime, oldest first. Gaps between them are periods no source covers."""
    return tuple(Regime.from_dict(r) for r in answer(_native.regimes_json(), "regimes"))


def renewal_window(
    permit: Union[Permit, str],
    expiry: DateLike,
    filing_date: Optional[DateLike] = None,
    online_application: Optional[bool] = None,
    *,
    lang: str = "en",
) -> RenewalWindow:
    """The renewal filing window of a title of ``permit`` expiring on ``expiry``.

    ``filing_date`` picks the rule in force (the expiry date when not given) and, when given,
    says whether that filing is ``late``; ``online_application`` says whether the application
    goes through the online service (the default depends on the permit and the date). Dates
    are taken as by :func:`ceseda.quote`.
    """
    given = {"permit": permit, "expiry": expiry, "filing_date": filing_date, "online_application": online_application}
    payload = request_payload(given, WINDOW_FIELDS)
    return RenewalWindow.from_dict(answer(_native.window_json(dumps(payload), lang_code(lang)), "window"))



def relevant_fields(
    permit: Union[Permit, str],
    procedure: Union[Procedure, str],
    date: DateLike,
    *,
    lang: str = "en",
) -> RelevantFields:
    """The sub-cases and circumstances that can change the quote of ``permit``, ``procedure``
    and ``date``, with their labels (``.fields``, in canonical order): the fields a form should
    ask for. Changing a field it does not list never changes the answer. Refused as
    :func:`ceseda.quote` would refuse these three fields (an unknown code with its suggestion,
    a date no regime covers).
    """
    payload = request_payload({"permit": permit, "procedure": procedure, "date": date}, {k: FIELD_KINDS[k] for k in ("permit", "procedure", "date")})
    return RelevantFields.from_dict(answer(_native.relevant_fields_json(dumps(payload), lang_code(lang)), "relevant_fields"))
