"""What the library knows: the permits, the regimes, and renewal windows."""

from __future__ import annotations

import datetime as _dt
import functools
import types
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from . import _native
from ._codes import Permit
from ._translate import BOOL, CODE, DATE, BadType, answer, date_of, dumps, translate_into

__all__ = ["PermitInfo", "Regime", "RenewalWindow", "permits", "regimes", "renewal_window"]


@dataclass(frozen=True)
class PermitInfo:
    """A permit or travel document the library can quote."""

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
    #: The regimes whose tables list it (:class:`RegimeId` codes).
    regimes: Tuple[str, ...]
    #: The row label printed in each regime's table, by regime code.
    printed_rows: Mapping[str, str]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PermitInfo":
        return cls(
            code=d["code"],
            kind=d["kind"],
            label_fr=d["label_fr"],
            label_en=d["label_en"],
            family=d["family"],
            article_since_2021=d["article_since_2021"],
            regimes=tuple(d["regimes"]),
            printed_rows=types.MappingProxyType(dict(d["printed_rows"])),
        )

    def to_dict(self) -> Dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind,
            "label_fr": self.label_fr,
            "label_en": self.label_en,
            "family": self.family,
            "article_since_2021": self.article_since_2021,
            "regimes": list(self.regimes),
            "printed_rows": dict(self.printed_rows),
        }


@dataclass(frozen=True)
class Regime:
    """A tariff regime: a table of amounts in force over a period of decision dates."""

    #: Stable id: a :class:`RegimeId` code.
    id: str
    label_fr: str
    label_en: str
    #: First decision date (inclusive) under this regime.
    valid_from: _dt.date
    #: Last decision date (inclusive), or ``None`` while no later source amends it.
    valid_until: Optional[_dt.date]
    #: The date of the file that selects the regime (``"decision_date"``).
    selected_by: str
    #: The source document.
    source: str
    #: How sure the library is of the regime as a whole: a :class:`Confidence` code.
    confidence: str
    #: Why the confidence is what it is.
    provenance: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Regime":
        return cls(
            id=d["id"],
            label_fr=d["label_fr"],
            label_en=d["label_en"],
            valid_from=_dt.date.fromisoformat(d["valid_from"]),
            valid_until=date_of(d["valid_until"]),
            selected_by=d["selected_by"],
            source=d["source"],
            confidence=d["confidence"],
            provenance=d["provenance"],
        )

    def covers(self, date: _dt.date) -> bool:
        """Whether a decision on ``date`` falls in this regime's period."""
        return self.valid_from <= date and (self.valid_until is None or date <= self.valid_until)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "id": self.id,
            "label_fr": self.label_fr,
            "label_en": self.label_en,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": None if self.valid_until is None else self.valid_until.isoformat(),
            "selected_by": self.selected_by,
            "source": self.source,
            "confidence": self.confidence,
            "provenance": self.provenance,
        }


@dataclass(frozen=True)
class RenewalWindow:
    """When a renewal should be filed, and whether a given filing date is late."""

    permit: str
    #: The expiry date of the title to renew.
    expiry: _dt.date
    #: The date the rule was chosen by (the filing date, or the expiry date if none was given).
    rule_date: _dt.date
    #: The rule applied: a :class:`WindowRule` code.
    rule: str
    #: The first day to file, or ``None`` where the rule sets no window.
    opens: Optional[_dt.date]
    #: The last day to file within the window.
    closes: _dt.date
    #: The ministry's recommendation: from four months before expiry…
    recommended_from: Optional[_dt.date]
    #: …to three months before expiry.
    recommended_until: Optional[_dt.date]
    #: The article.
    basis: str
    #: Whether the filing date given is late (``None`` without a filing date, or outside every regime).
    late: Optional[bool] = None
    _has_late: bool = field(default=False, repr=False, compare=False)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "RenewalWindow":
        return cls(
            permit=d["permit"],
            expiry=_dt.date.fromisoformat(d["expiry"]),
            rule_date=_dt.date.fromisoformat(d["rule_date"]),
            rule=d["rule"],
            opens=date_of(d["opens"]),
            closes=_dt.date.fromisoformat(d["closes"]),
            recommended_from=date_of(d["recommended_from"]),
            recommended_until=date_of(d["recommended_until"]),
            basis=d["basis"],
            late=d.get("late"),
            _has_late="late" in d,
        )

    def to_dict(self) -> Dict[str, Any]:
        """The core's JSON object for the window."""
        out: Dict[str, Any] = {
            "permit": self.permit,
            "expiry": self.expiry.isoformat(),
            "rule_date": self.rule_date.isoformat(),
            "rule": self.rule,
            "opens": _iso(self.opens),
            "closes": self.closes.isoformat(),
            "recommended_from": _iso(self.recommended_from),
            "recommended_until": _iso(self.recommended_until),
            "basis": self.basis,
        }
        if self._has_late:
            out["late"] = self.late
        return out


def _iso(date: Optional[_dt.date]) -> Optional[str]:
    return None if date is None else date.isoformat()


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
    expiry: _dt.date,
    filing_date: Optional[_dt.date] = None,
    online_application: Optional[bool] = None,
) -> RenewalWindow:
    """The renewal filing window of a title of ``permit`` expiring on ``expiry``.

    ``filing_date`` picks the rule in force (the expiry date when not given) and, when given,
    says whether that filing is ``late``; ``online_application`` says whether the application
    goes through the online service (the default depends on the permit and the date).
    """
    given = {"permit": (permit, CODE), "expiry": (expiry, DATE), "filing_date": (filing_date, DATE), "online_application": (online_application, BOOL)}
    payload: Dict[str, Any] = {}
    bad: Dict[str, BadType] = {}
    for name, (value, kind) in given.items():
        if value is None:
            continue
        translate_into(payload, bad, name, kind, value)
    return RenewalWindow.from_dict(answer(_native.window_json(dumps(payload)), "window", bad))
