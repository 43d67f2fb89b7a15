"""examples/analysis: the scripts write their pictures, what they plot is what ceseda.quote
answers, and the notebook runs (and is stored without outputs)."""

import datetime
import importlib.util
import os
import pathlib
import sys
from decimal import Decimal

import nbformat
import pandas as pd
import pytest

import ceseda

ANALYSIS = pathlib.Path(__file__).resolve().parents[3] / "examples" / "analysis"
TODAY = datetime.date(2026, 12, 2)


def load(name):
    spec = importlib.util.spec_from_file_location(name, ANALYSIS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


tariff_history = load("tariff_history")
reform_revenue = load("reform_revenue")


def pictures(paths):
    png, svg = paths
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    assert "<svg" in svg.read_text(encoding="utf-8")[:2000]


def test_tariff_history_plots_the_quotes(tmp_path):
    pictures(tariff_history.main(["--today", TODAY.isoformat(), "--out", str(tmp_path)]))
    frame = tariff_history.tariff_frame(TODAY)
    assert set(frame["permit"]) == set(tariff_history.CATEGORIES)
    assert frame["from"].min() == datetime.date(2009, 1, 5) and frame["until"].max() == TODAY
    checked = 0
    for _, row in frame.iterrows():
        # Each plotted step is the quote of its first and last days.
        for day in (row["from"], row["until"]):
            q = ceseda.quote(permit=row["permit"], procedure=row["procedure"], date=day, **tariff_history.SUB_CASES[row["permit"]])
            assert q.total == row["total"], (row["permit"], row["procedure"], day)
            for component in tariff_history.COLOURS:
                if component in frame.columns:
                    assert q.component(component) == row[component], (row["permit"], day, component)
            checked += 1
    assert checked >= 120
    # Real figures: a first visiteur card cost 300 € in 2009, 225 € in 2024, 350 € from May 2026.
    visiteur = frame[(frame["permit"] == "visiteur") & (frame["procedure"] == "first_issue")]
    assert [visiteur["total"].iloc[i] for i in (0, -2, -1)] == [Decimal("300.00"), Decimal("225.00"), Decimal("350.00")]
    # The steps drawn are those totals, in euros.
    xs, ys = tariff_history._steps(visiteur, "total")
    assert xs[0] == datetime.date(2009, 1, 5) and xs[-1] == TODAY and ys[:2] == [300.0, 340.0]


def test_reform_revenue_numbers_are_the_quotes(tmp_path, capsys):
    table, paths = reform_revenue.main(["--scale", "0.002", "--out", str(tmp_path)])
    pictures(paths)
    assert "SYNTHETIC population" in capsys.readouterr().out
    people = reform_revenue.population(2027, 0.002)
    assert len(people) == sum(max(1, round(n * 0.002)) for n in reform_revenue.CASES.values())
    law = {c: Decimal("0.00") for c in table["component"]}
    reform = dict(law)
    first_issues_at_300 = 0
    for row in people.to_dict("records"):
        fields = {k: v for k, v in row.items() if v is not None and not (isinstance(v, float) and pd.isna(v))}
        fields["date"] = fields["date"].date()
        fields["irregular_entry"] = bool(fields["irregular_entry"])
        a = ceseda.quote(**fields)
        b = ceseda.quote(**fields, reform=reform_revenue.SAMPLE_REFORM)
        for c in law:
            law[c] += a.total if c == "total" else a.component(c)
            reform[c] += b.total if c == "total" else b.component(c)
        first_issues_at_300 += a.component("tax") == Decimal("300.00")
    assert table.set_index("component")["law"].to_dict() == law
    assert table.set_index("component")["reform"].to_dict() == reform
    # The sample reform raises the general first-issue tax from 300 to 350 €: 50 € a card.
    difference = table.set_index("component")["difference"]
    assert difference["tax"] == difference["total"] == 50 * first_issues_at_300 > 0
    assert difference["droit_de_timbre"] == 0


def test_the_notebook_is_stored_without_outputs():
    nb = nbformat.read(ANALYSIS / "analysis.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


def test_the_notebook_runs(tmp_path, monkeypatch):
    from nbclient import NotebookClient

    nb = nbformat.read(ANALYSIS / "analysis.ipynb", as_version=4)
    monkeypatch.setenv("CESEDA_NOTEBOOK_SCALE", "0.002")
    monkeypatch.setenv("CESEDA_NOTEBOOK_TODAY", TODAY.isoformat())
    monkeypatch.setenv("CESEDA_ANALYSIS_OUT", str(tmp_path))
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ANALYSIS)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    assert (tmp_path / "tariff_history.png").exists() and (tmp_path / "reform_revenue.svg").exists()
