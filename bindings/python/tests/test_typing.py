"""The package type-checks under mypy --strict, and its signatures catch misuse statically."""

from __future__ import annotations

import pathlib
import subprocess
import sys
import textwrap

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]

pytest.importorskip("mypy", reason="mypy is not installed (bindings/python/requirements-dev.txt)")


def mypy(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_package_passes_mypy_strict() -> None:
    proc = mypy()
    assert proc.returncode == 0, proc.stdout + proc.stderr


USAGE = """
    import datetime
    from decimal import Decimal
    from typing import Optional
    import ceseda
    import polars

    q: ceseda.Quote = ceseda.quote(permit=ceseda.Permit.VISITEUR, procedure="first_issue", date=datetime.date(2024, 3, 1), irregular_entry=True, lang="fr")
    total: Optional[Decimal] = q.total
    due: Optional[Decimal] = q.due_at_filing
    day: datetime.date = q.date
    amounts = [line.amount for line in q.lines]
    text: str = q.explain("fr")
    label: str = ceseda.Permit.VISITEUR.label_fr
    try:
        ceseda.quote("visiteur", "renewal", "2024-03-01")
    except ceseda.UnknownCodeError as e:
        code: str = e.code
        suggestion: Optional[str] = e.suggestion
    frame: polars.DataFrame = ceseda.quote_frame(polars.DataFrame(), irregular_entry="irregular")
    periods: polars.DataFrame = ceseda.history(ceseda.Permit.VISITEUR, "first_issue", irregular_entry=True, frame="polars", lang="fr")
    history: ceseda.History = ceseda.History.from_dict({})
    start: datetime.date = history.periods[0].from_
    raw: str = ceseda.history_json('{"permit":"visiteur","procedure":"first_issue"}')
    {misuse}
"""


@pytest.mark.parametrize(
    "misuse,message",
    [
        ("", None),
        ('ceseda.quote(permit="visiteur", procedure="renewal", date=datetime.date(2024, 3, 1), familly_member="spouse")', "Unexpected keyword argument"),
        ('ceseda.quote(permit="visiteur", procedure="renewal", date=20240301)', "incompatible type"),
        ('ceseda.quote(permit="visiteur", procedure="renewal", date=datetime.date(2024, 3, 1), lang="de")', "incompatible type"),
        ('ceseda.quote_frame(polars.DataFrame(), irregular="irregular")', "No overload variant"),
        ("x: int = ceseda.quote_frame(polars.DataFrame())", "Incompatible types"),
        ('ceseda.history("visiteur", "first_issue", date=datetime.date(2024, 3, 1))', "No overload variant"),
        ('ceseda.history("visiteur", "first_issue", frame="spark")', "No overload variant"),
        ('x: int = ceseda.history("visiteur", "first_issue", frame="polars")', "Incompatible types"),
        ('ceseda.quote(permit="visiteur", procedure="renewal", date=datetime.date(2024, 3, 1), irregular_entry=1.5)', "incompatible type"),
        ("x: int = ceseda.quote(permit='visiteur', procedure='renewal', date=datetime.date(2024, 3, 1)).total", "Incompatible types"),
    ],
    ids=["clean", "typo", "int-date", "unknown-lang", "frame-typo", "frame-kind", "history-date", "history-frame", "history-kind", "float-flag", "decimal-total"],
)
def test_signatures_catch_misuse(tmp_path: pathlib.Path, misuse: str, message: str) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(textwrap.dedent(USAGE).replace("{misuse}", misuse), encoding="utf-8")
    proc = mypy(str(sample))
    if message is None:
        assert proc.returncode == 0, proc.stdout
    else:
        assert proc.returncode == 1 and message in proc.stdout, proc.stdout
