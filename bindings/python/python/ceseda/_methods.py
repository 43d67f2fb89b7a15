"""The methods of the generated answer dataclasses (``_answers.py``): what a quote or a regime
can do beyond holding the core's answer."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Optional, Tuple

from . import _native
from ._translate import answer, lang_code

if TYPE_CHECKING:
    from ._answers import Line


class QuoteMethods:
    """What a :class:`Quote` can do: explain itself, sum a component."""

    if TYPE_CHECKING:
        lines: Tuple[Line, ...]
        request: Optional[str]

    def explain(self, lang: str = "en") -> str:
        """The core's plain-text explanation, in French (``"fr"``) or English (``"en"``).

        The core quotes the request again (``Quote.request``), so a quote read with
        ``Quote.from_dict`` explains itself only if given its request.
        """
        if self.request is None:
            raise ValueError("this Quote carries no request to explain: build it with ceseda.quote() or Quote.from_dict(d, request=...)")
        return str(answer(_native.explain_json(self.request, lang_code(lang), getattr(self, "_reform", None)), "explanation"))

    def component(self, component: str) -> Decimal:
        """The sum of the lines of one component (``Decimal("0.00")`` if there is none)."""
        return sum((line.amount for line in self.lines if line.component == component), Decimal("0.00"))


class RegimeMethods:
    """What a :class:`Regime` can do: say whether it covers a decision date."""

    if TYPE_CHECKING:
        valid_from: _dt.date
        valid_until: Optional[_dt.date]

    def covers(self, date: _dt.date) -> bool:
        """Whether a decision on ``date`` falls in this regime's period."""
        return self.valid_from <= date and (self.valid_until is None or date <= self.valid_until)
