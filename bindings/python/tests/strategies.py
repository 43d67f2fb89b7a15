"""Hypothesis strategies for requests, shared by the API and frame tests."""

from __future__ import annotations

import datetime
from typing import Any, Dict

from hypothesis import strategies as st

import ceseda

D = datetime.date

#: Dates around every regime boundary, and the span the tables cover.
BOUNDARIES = [
    D(2011, 9, 30), D(2011, 10, 1), D(2011, 12, 31), D(2012, 1, 1), D(2016, 10, 31), D(2016, 11, 1),
    D(2019, 12, 31), D(2020, 1, 1), D(2020, 1, 2), D(2021, 4, 30), D(2021, 5, 1), D(2026, 4, 30), D(2026, 5, 1),
]  # fmt: skip

dates = st.one_of(
    st.dates(min_value=D(2011, 1, 1), max_value=D(2030, 12, 31)),
    st.dates(min_value=D(2016, 11, 1), max_value=D(2026, 12, 31)),
    st.sampled_from(BOUNDARIES),
)

documents = st.one_of(st.sampled_from([p.value for p in ceseda.Permit]), st.sampled_from([t.value for t in ceseda.TravelDocument]))
procedures = st.sampled_from([p.value for p in ceseda.Procedure])


def codes(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([m.value for m in enum])


#: Optional fields and a strategy for a valid value of each.
OPTIONAL: Dict[str, st.SearchStrategy[Any]] = {
    "regime": codes(ceseda.RegimeId),
    "family_member": codes(ceseda.FamilyMember),
    "reunification_on_site": st.booleans(),
    "entered_via_family_reunification": st.booleans(),
    "card_kind": codes(ceseda.CardKind),
    "card_validity": codes(ceseda.CardValidity),
    "admission_card": codes(ceseda.AdmissionCard),
    "previously_held_cst": st.booleans(),
    "underlying_permit": codes(ceseda.Permit),
    "reunification_granted_on": dates,
    "previous_permit": codes(ceseda.Permit),
    "irregular_entry": st.booleans(),
    "application_date": dates,
    "previous_title_expiry": dates,
    "force_majeure": st.booleans(),
    "holds_valid_visa": st.booleans(),
    "violence_victim": st.booleans(),
    "eu_status": codes(ceseda.EuStatus),
    "defence_cooperation_agreement": st.booleans(),
    "algerian_national": st.booleans(),
    "online_application": st.booleans(),
}


@st.composite
def requests(draw: Any, max_optional: int = 4) -> Dict[str, Any]:
    """Keyword arguments for ``ceseda.quote``: valid types, values that may be refused."""
    kwargs: Dict[str, Any] = {"permit": draw(documents), "procedure": draw(procedures), "date": draw(dates)}
    names = draw(st.lists(st.sampled_from(sorted(OPTIONAL)), max_size=max_optional, unique=True))
    for name in names:
        kwargs[name] = draw(OPTIONAL[name])
    return kwargs


def to_json(kwargs: Dict[str, Any]) -> Dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, D) else v) for k, v in kwargs.items()}
