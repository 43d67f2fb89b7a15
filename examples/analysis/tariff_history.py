"""Eighteen years of residence-permit fees: a step chart of what a first issue and a renewal
of five categories cost, from 5 January 2009 (the first source) to today, the components
stacked, each change of regime marked and numbered, its text in the key under the chart.

    python examples/analysis/tariff_history.py                 # today's date, output/ next to this file
    python examples/analysis/tariff_history.py --today 2026-12-01 --out /tmp/charts

Writes ``tariff_history.png`` and ``tariff_history.svg``. Every figure comes from
``ceseda.history_frame`` (the core's history: one row per period of equal amounts); "today" is
passed in (the library never reads the clock), by default ``datetime.date.today()``.
Renewals are those of a one-year temporary card (``card_kind="cst"``, ``card_validity="one_year"``)
where the law distinguishes the length or the kind of card; the resident card is one issued to
the spouse of a French national who held no temporary card before (``previously_held_cst=False``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import sys
from decimal import Decimal
from typing import Any, Dict, List, Optional, Sequence

import matplotlib

matplotlib.use("Agg")  # no display: files only

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

import ceseda  # noqa: E402

#: The categories drawn, with the label shown.
CATEGORIES: Dict[str, str] = {
    "visiteur": "Visiteur",
    "salarie": "Salarié",
    "etudiant": "Étudiant",
    "vpf_conjoint_de_francais": "VPF conjoint de Français",
    "cr_conjoint_de_francais": "Carte de résident (conjoint de Français)",
}
PROCEDURES: Dict[str, str] = {"first_issue": "First issue", "renewal": "Renewal"}
#: The sub-cases given where the law asks (ignored where it does not): a one-year temporary
#: card; a resident card issued without a temporary card before it.
SUB_CASES: Dict[str, Dict[str, Any]] = {
    permit: {"card_kind": "cst", "card_validity": "one_year", **({"previously_held_cst": False} if permit.startswith("cr_") else {})} for permit in CATEGORIES
}
#: Stacking order and colours of the components.
COLOURS: Dict[str, str] = {
    "tax": "#1f77b4",
    "droit_de_timbre": "#ff7f0e",
    "duplicate_surcharge": "#8c564b",
    "visa_de_regularisation_filing": "#2ca02c",
    "visa_de_regularisation_balance": "#98df8a",
    "late_renewal_charge": "#d62728",
}
LABELS: Dict[str, str] = {
    "tax": "Tax (taxe de délivrance / renouvellement)",
    "droit_de_timbre": "Stamp duty (droit de timbre)",
}
HERE = pathlib.Path(__file__).resolve().parent


def tariff_frame(today: dt.date, reform: Any = None) -> Any:
    """The plotted data: one row per (permit, procedure, period), periods cut at ``today``
    (``until`` is the last day drawn), with the components as Decimal columns."""
    import pandas as pd

    frames = [ceseda.history_frame(permits=permit, procedures=list(PROCEDURES), reform=reform, **SUB_CASES[permit]) for permit in CATEGORIES]
    frame = pd.concat(frames, ignore_index=True)
    frame = frame[frame["from"] <= today].copy()
    frame["until"] = [today if _missing(u) or u > today else u for u in frame["until"]]
    return frame.reset_index(drop=True)


def _missing(value: Any) -> bool:
    """Whether a frame cell is null (None, NaN, NA, NaT)."""
    import pandas as pd

    return bool(pd.isna(value))


def _float(value: Any) -> float:
    """A Decimal cell as a float for drawing (NaN where null): figures stay Decimal elsewhere."""
    return float("nan") if _missing(value) else float(value)


def regime_changes(today: dt.date) -> List[Any]:
    """The regimes that started between the first source and ``today``, oldest first."""
    return [r for r in ceseda.regimes() if r.valid_from <= today]


def _steps(rows: Any, column: str) -> Any:
    """x (each period's first day, then the last day) and y (amounts, the last repeated)."""
    xs = list(rows["from"]) + [rows["until"].iloc[-1]]
    ys = [_float(v) for v in rows[column]]
    return xs, ys + ys[-1:]


def draw(frame: Any, today: dt.date, out: pathlib.Path) -> List[pathlib.Path]:
    """Draws the chart into ``out`` (PNG and SVG); answers the paths written."""
    regimes = regime_changes(today)
    components = [c for c in COLOURS if c in frame.columns and any(not _missing(v) and v != 0 for v in frame[c])]
    fig, axes = plt.subplots(len(CATEGORIES), len(PROCEDURES), figsize=(16, 4.2 * len(CATEGORIES) + 3.5), sharex=True, squeeze=False)
    top = max(float(t) for t in frame["total"] if not _missing(t)) * 1.18
    for i, (permit, label) in enumerate(CATEGORIES.items()):
        for j, (procedure, plabel) in enumerate(PROCEDURES.items()):
            ax = axes[i][j]
            rows = frame[(frame["permit"] == permit) & (frame["procedure"] == procedure)]
            base = None
            for c in components:
                xs, ys = _steps(rows, c)
                lower = base if base is not None else [0.0] * len(ys)
                upper = [a + (b if b == b else 0.0) for a, b in zip(lower, ys)]
                ax.fill_between(xs, lower, upper, step="post", color=COLOURS[c], alpha=0.85, linewidth=0, label=LABELS.get(c, c.replace("_", " ").capitalize()))
                base = upper
            xs, totals = _steps(rows, "total")
            ax.step(xs, totals, where="post", color="black", linewidth=1.2, label="Total")
            for k, r in enumerate(regimes, start=1):
                ax.axvline(r.valid_from, color="grey", linestyle=":", linewidth=0.8)
                ax.text(r.valid_from, top * (0.985 if k % 2 else 0.925), str(k), fontsize=7, ha="center", va="top", color="dimgrey", bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="lightgrey", lw=0.5))
            refused = rows[rows["error_code"].notna()]
            for _, p in refused.iterrows():
                ax.axvspan(p["from"], p["until"], color="lightgrey", alpha=0.5, hatch="//", linewidth=0)
            ax.set_ylim(0, top)
            ax.set_xlim(dt.date(2009, 1, 1), today)
            ax.set_title(f"{label} — {plabel.lower()}", fontsize=11, loc="left")
            ax.set_ylabel("Amount due (euros, €)")
            ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f} €"))
            ax.grid(axis="y", alpha=0.3)
            last = rows["total"].iloc[-1] if len(rows) else None
            if not _missing(last):
                ax.annotate(f"{Decimal(last):.2f} €", (rows["from"].iloc[-1], float(last)), textcoords="offset points", xytext=(4, 4), fontsize=8)
    for ax in axes[-1]:
        ax.xaxis.set_major_locator(mdates.YearLocator(2))
        ax.xaxis.set_minor_locator(mdates.YearLocator(1))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.set_xlabel("Decision date")
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper right", ncol=len(labels), fontsize=9, frameon=False, bbox_to_anchor=(0.99, 0.985))
    fig.suptitle(f"What a French residence permit costs, 5 January 2009 – {today:%d %B %Y}: first issue and renewal, components stacked", fontsize=14, x=0.01, ha="left", y=0.99)
    key = "Regime changes (dotted lines):  " + "    ".join(f"{k}. {r.valid_from:%d %b %Y} {r.label_en}" for k, r in enumerate(regimes, start=1))
    fig.text(0.01, 0.005, _wrap(key, 190) + "\nHatched: no amount (the library refuses the request for that period). Source: the ceseda library (CESEDA, seeds 002–004).", fontsize=8.5, va="bottom", family="sans-serif")
    fig.tight_layout(rect=(0, 0.06, 1, 0.965))
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "tariff_history.png", out / "tariff_history.svg"]
    for p in paths:
        fig.savefig(p, dpi=110)
    plt.close(fig)
    return paths


def _wrap(text: str, width: int) -> str:
    lines, line = [], ""
    for part in text.split("    "):
        if len(line) + len(part) + 4 > width and line:
            lines.append(line)
            line = part
        else:
            line = f"{line}    {part}" if line else part
    return "\n".join(lines + [line])


def main(argv: Optional[Sequence[str]] = None) -> List[pathlib.Path]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="the last day drawn (YYYY-MM-DD; default: today)")
    parser.add_argument("--out", type=pathlib.Path, default=HERE / "output", help="directory for the PNG and SVG")
    parser.add_argument("--reform", default=None, help="draw the history under a reform (a TOML or JSON file)")
    args = parser.parse_args(argv)
    frame = tariff_frame(args.today, args.reform)
    paths = draw(frame, args.today, args.out)
    for p in paths:
        print(p)
    return paths


if __name__ == "__main__":
    main(sys.argv[1:])
