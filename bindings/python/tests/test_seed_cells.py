"""Every cell of the three seed tables (crates/ceseda/tests/vectors/seed_cells.json), through
the Python API: outcome, total, components and errata."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import ceseda
from conftest import VECTORS, core_answer, kwargs_of

CELLS = json.loads((VECTORS / "seed_cells.json").read_text(encoding="utf-8"))["cells"]
PROCEDURES = {p.value for p in ceseda.Procedure}


def cell_errata(q: ceseda.Quote) -> list:
    """The errata of the cell itself: those whose column is a procedure.

    The fixture lists the misprints of a cell. Errata about a table note (column ``note``,
    e.g. the 2016 table's cap sentence) or a whole row (column ``all``) also touch the quote
    but are not the cell's; the Rust replay (tests/seed_cells.rs) leaves them out too.
    """
    return [e.id for e in q.errata if e.column in PROCEDURES]


def test_the_fixture_holds_every_cell_once() -> None:
    assert len(CELLS) > 500
    ids = [c["id"] for c in CELLS]
    assert len(ids) == len(set(ids))
    for seed in ("002", "003", "004"):
        assert sum(c["seed"] == seed for c in CELLS) > 100


@pytest.mark.parametrize("cell", CELLS, ids=[c["id"] for c in CELLS])
def test_seed_cell(cell: dict) -> None:
    expected = cell["expected"]
    q = ceseda.quote(**kwargs_of(cell["request"]))
    context = f"seed {cell['seed']} row {cell['row']!r}, printed {cell['printed']!r}"

    assert q.outcome == expected["outcome"], context
    # A total where the outcome is an amount (0.00 when exempt), None where it is not.
    assert q.total == (None if expected["total"] is None else Decimal(expected["total"])), context
    assert q.to_dict()["total"] == expected["total"], context
    assert (q.due_at_filing is None) == (q.total is None), context
    components = {c.value: f"{q.component(c):.2f}" for c in ceseda.Component if q.component(c)}
    assert components == expected["components"], context
    assert cell_errata(q) == expected["errata"], context
    if q.outcome == "amount_due":
        assert q.lines, context
    assert sum((line.amount for line in q.lines), Decimal("0.00")) == (q.total or Decimal("0.00"))
    # The JSON contract gives the same quote.
    assert core_answer(cell["request"]) == {"type": "success", "quote": q.to_dict()}
