"""Quotes: the typed answer of the core, and the functions that ask for one."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Tuple, Union

from . import _native
from ._codes import (
    AdmissionCard,
    CardKind,
    CardValidity,
    Component,
    EuStatus,
    FamilyMember,
    Permit,
    Procedure,
    RegimeId,
    TravelDocument,
)
from ._errors import InvalidTypeError
from ._translate import answer, clean_str, dumps, request_payload

__all__ = ["Explanation", "Line", "Erratum", "Note", "Quote", "quote", "quote_json", "quote_many_json"]


def money(text: str) -> Decimal:
    """A money string of the contract (``"225.00"``) as a Decimal."""
    return Decimal(text)


def money_str(amount: Decimal) -> str:
    """A Decimal as the contract's two-decimal money string."""
    return format(amount, ".2f")


@dataclass(frozen=True)
class Explanation:
    """A short explanation, in French and English."""

    fr: str
    en: str

    def to_dict(self) -> Dict[str, str]:
        return {"fr": self.fr, "en": self.en}


@dataclass(frozen=True)
class Line:
    """One itemised charge of a quote."""

    #: What kind of charge: a :class:`Component` code.
    component: str
    #: How much, in euros, with two decimals.
    amount: Decimal
    #: The article it is charged under, in the numbering in force on the decision date.
    basis: str
    #: The seed table it comes from ("002", "003", "004"), or the other source.
    seed: str
    #: The row (or note) of the source, as printed.
    seed_row: str
    #: When it is paid: a :class:`DueAt` code (``"at_filing"`` or ``"at_issue"``).
    due: str
    #: Why it is due.
    explanation: Explanation

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Line":
        e = d["explanation"]
        return cls(
            component=d["component"],
            amount=money(d["amount"]),
            basis=d["basis"],
            seed=d["seed"],
            seed_row=d["seed_row"],
            due=d["due"],
            explanation=Explanation(fr=e["fr"], en=e["en"]),
        )

    def to_dict(self) -> Dict[str, Any]:
        return {
            "component": self.component,
            "amount": money_str(self.amount),
            "basis": self.basis,
            "seed": self.seed,
            "seed_row": self.seed_row,
            "due": self.due,
            "explanation": self.explanation.to_dict(),
        }


@dataclass(frozen=True)
class Erratum:
    """A place where a seed table disagrees with itself, and the reading the library takes."""

    #: Stable id, ``<seed>-<row>-<column>``.
    id: str
    #: The seed file ("002", "003", "004").
    seed: str
    #: The row as printed.
    row: str
    #: The column (a procedure code), or "note".
    column: str
    #: The cell or sentence as printed.
    printed: str
    #: The reading the library uses.
    reading: str
    #: Why this reading.
    reason: str
    #: How sure the reading is: a :class:`Confidence` code.
    confidence: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Erratum":
        return cls(
            id=d["id"],
            seed=d["seed"],
            row=d["row"],
            column=d["column"],
            printed=d["printed"],
            reading=d["reading"],
            reason=d["reason"],
            confidence=d["confidence"],
        )

    def to_dict(self) -> Dict[str, Any]:
        return {
            "id": self.id,
            "seed": self.seed,
            "row": self.row,
            "column": self.column,
            "printed": self.printed,
            "reading": self.reading,
            "reason": self.reason,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Note:
    """A remark attached to a quote: a rule applied, a reading taken, a caveat."""

    #: Stable code.
    code: str
    #: The remark in French.
    fr: str
    #: The remark in English.
    en: str

    def to_dict(self) -> Dict[str, str]:
        return {"code": self.code, "fr": self.fr, "en": self.en}


@dataclass(frozen=True)
class Quote:
    """What a request costs: the regime used, the outcome, the itemised lines and the total.

    Codes are plain strings (equal to the str-Enum members), money is :class:`~decimal.Decimal`
    and dates are :class:`datetime.date`. :meth:`to_dict` gives back the core's canonical JSON
    object exactly.
    """

    #: The regime used: a :class:`RegimeId` code.
    regime: str
    #: The regime's confidence rating: a :class:`Confidence` code.
    confidence: str
    #: What was quoted: a :class:`Permit` or :class:`TravelDocument` code.
    permit: str
    #: The procedure: a :class:`Procedure` code.
    procedure: str
    #: The decision date.
    date: _dt.date
    #: The answer's kind: an :class:`Outcome` code.
    outcome: str
    #: The itemised charges.
    lines: Tuple[Line, ...]
    #: The sum of the lines.
    total: Decimal
    #: The errata of the seed tables that touched this quote.
    errata: Tuple[Erratum, ...]
    #: Rules applied and readings taken.
    notes: Tuple[Note, ...]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Quote":
        """A quote from the core's canonical JSON object (``answer["quote"]``)."""
        return cls(
            regime=d["regime"],
            confidence=d["confidence"],
            permit=d["permit"],
            procedure=d["procedure"],
            date=_dt.date.fromisoformat(d["date"]),
            outcome=d["outcome"],
            lines=tuple(Line.from_dict(x) for x in d["lines"]),
            total=money(d["total"]),
            errata=tuple(Erratum.from_dict(x) for x in d["errata"]),
            notes=tuple(Note(code=n["code"], fr=n["fr"], en=n["en"]) for n in d["notes"]),
        )

    def to_dict(self) -> Dict[str, Any]:
        """The core's canonical JSON object: money as two-decimal strings, dates as ISO strings."""
        return {
            "regime": self.regime,
            "confidence": self.confidence,
            "permit": self.permit,
            "procedure": self.procedure,
            "date": self.date.isoformat(),
            "outcome": self.outcome,
            "lines": [line.to_dict() for line in self.lines],
            "total": money_str(self.total),
            "errata": [e.to_dict() for e in self.errata],
            "notes": [n.to_dict() for n in self.notes],
        }

    def explain(self, lang: str = "en") -> str:
        """The core's plain-text explanation, in French (``"fr"``) or English (anything else)."""
        if not isinstance(lang, str):
            raise InvalidTypeError(f"lang has the wrong type: got {type(lang).__qualname__}, expected str", field="lang", expected=("str",))
        return str(answer(_native.explain_json(dumps(self.to_dict()), lang), "explanation"))

    def component(self, component: Union[Component, str]) -> Decimal:
        """The sum of the lines of one component (``Decimal("0.00")`` if there is none)."""
        code = component.value if isinstance(component, Component) else component
        return sum((line.amount for line in self.lines if line.component == code), Decimal("0.00"))

    def due_at_filing(self) -> Decimal:
        """What is paid when the application is filed."""
        return sum((line.amount for line in self.lines if line.due == "at_filing"), Decimal("0.00"))


_UNSET: Any = object()

if TYPE_CHECKING:
    Code = str
    PermitCode = Union[Permit, TravelDocument, str]

    def quote(
        permit: PermitCode,
        procedure: Union[Procedure, str],
        date: _dt.date,
        *,
        regime: Optional[Union[RegimeId, str]] = None,
        family_member: Optional[Union[FamilyMember, str]] = None,
        reunification_on_site: Optional[bool] = None,
        entered_via_family_reunification: Optional[bool] = None,
        card_kind: Optional[Union[CardKind, str]] = None,
        card_validity: Optional[Union[CardValidity, str]] = None,
        admission_card: Optional[Union[AdmissionCard, str]] = None,
        previously_held_cst: Optional[bool] = None,
        underlying_permit: Optional[Union[Permit, str]] = None,
        reunification_granted_on: Optional[_dt.date] = None,
        irregular_entry: Optional[bool] = None,
        application_date: Optional[_dt.date] = None,
        previous_title_expiry: Optional[_dt.date] = None,
        force_majeure: Optional[bool] = None,
        holds_valid_visa: Optional[bool] = None,
        violence_victim: Optional[bool] = None,
        eu_status: Optional[Union[EuStatus, str]] = None,
        defence_cooperation_agreement: Optional[bool] = None,
        algerian_national: Optional[bool] = None,
        online_application: Optional[bool] = None,
    ) -> Quote: ...

else:

    def quote(permit=_UNSET, procedure=_UNSET, date=_UNSET, **fields):
        """Quotes a request: what the permit costs on ``date``.

        ``permit``, ``procedure`` and ``date`` are required; every other keyword is one of
        the core's request fields (:data:`ceseda.FIELDS`): the table's sub-cases
        (``family_member``, ``card_kind``…) and the person's circumstances
        (``irregular_entry``, ``application_date``…). Codes are strings or members of the
        str-Enums, dates are :class:`datetime.date`, flags are :class:`bool`; ``None`` means
        "not given".

        Raises a :class:`CesedaError` subclass: :class:`UnknownFieldError` for an unknown
        keyword, :class:`InvalidTypeError` for a value of the wrong Python type,
        :class:`UnknownCodeError`, :class:`MissingSubCaseError`… for what the core refuses.

        >>> import datetime, ceseda
        >>> ceseda.quote(permit="visiteur", procedure="first_issue", date=datetime.date(2024, 3, 1)).total
        Decimal('225.00')
        """
        given = {}
        for name, value in (("permit", permit), ("procedure", procedure), ("date", date)):
            if value is not _UNSET:
                given[name] = value
        given.update(fields)
        payload, bad = request_payload(given)
        return Quote.from_dict(answer(_native.quote_json(dumps(payload)), "quote", bad))


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(f"{name} has the wrong type: got {type(value).__qualname__}, expected str", expected=("str",))
    return clean_str(value)


def quote_json(request: str) -> str:
    """The canonical contract, verbatim: one JSON request in, one tagged JSON answer out.

    Never raises for a bad request: the answer is ``{"type":"failure","error":{…}}``.
    """
    return str(_native.quote_json(_text(request, "request")))


def quote_many_json(requests: str) -> str:
    """A JSON array of requests in, a JSON array of tagged answers out (one per request)."""
    return str(_native.quote_many_json(_text(requests, "requests")))
