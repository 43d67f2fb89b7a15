"""What a reform would raise: a year of residence-permit decisions priced under the law and
under a reform, revenue by component and the difference.

    python examples/analysis/reform_revenue.py                         # 2027, the sample reform
    python examples/analysis/reform_revenue.py --year 2027 --reform examples/analysis/reform_2027.toml --scale 0.1

THE POPULATION IS SYNTHETIC. It is not an official statistic: it is a made-up year of about
1.2 million decisions, at the scale France issues residence permits, split by category and
procedure with the assumptions below. Change them to your own figures; the pricing is the
library's (``ceseda.quote_frame``, under the law and under ``reform=``), the counts are not.

Assumptions (per year, before ``--scale``):

* ``CASES`` below: decisions by category and procedure (first issues about 330,000, renewals
  about 850,000, duplicates about 30,000 — the orders of magnitude of recent years, rounded);
* a share of first issues follows an irregular entry (``IRREGULAR_SHARE``, by category), and
  owes the visa de régularisation;
* decisions are spread evenly over the days of the year;
* renewals are of one-year temporary cards (``card_kind="cst"``, ``card_validity="one_year"``),
  resident cards issued without a temporary card before them (``previously_held_cst=False``),
  family reunification cards to spouses (``family_member="spouse"``), exceptional admissions
  to the « vie privée et familiale » card (``admission_card="vpf"``);
* nobody is exempt for circumstances (violence, defence agreements), nobody renews late.

Writes ``reform_revenue.png`` and ``reform_revenue.svg`` and prints the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import sys
from decimal import Decimal
from typing import Any, Dict, List, Optional, Sequence, Tuple

import matplotlib

matplotlib.use("Agg")  # no display: files only

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import ceseda  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
SAMPLE_REFORM = HERE / "reform_2027.toml"

#: Synthetic decisions per year: (permit, procedure) -> count. NOT official statistics.
CASES: Dict[Tuple[str, str], int] = {
    ("etudiant", "first_issue"): 105_000,
    ("etudiant", "renewal"): 160_000,
    ("salarie", "first_issue"): 35_000,
    ("salarie", "renewal"): 95_000,
    ("travailleur_temporaire", "first_issue"): 15_000,
    ("travailleur_temporaire", "renewal"): 25_000,
    ("talent_salarie", "first_issue"): 12_000,
    ("talent_salarie", "renewal"): 10_000,
    ("visiteur", "first_issue"): 20_000,
    ("visiteur", "renewal"): 45_000,
    ("vpf_conjoint_de_francais", "first_issue"): 50_000,
    ("vpf_conjoint_de_francais", "renewal"): 80_000,
    ("vpf_regroupement_familial", "first_issue"): 15_000,
    ("vpf_regroupement_familial", "renewal"): 30_000,
    ("vpf_droit_au_respect", "first_issue"): 30_000,
    ("vpf_droit_au_respect", "renewal"): 75_000,
    ("vpf_etranger_malade", "first_issue"): 8_000,
    ("vpf_etranger_malade", "renewal"): 25_000,
    ("admission_exceptionnelle", "first_issue"): 20_000,
    ("cr_conjoint_de_francais", "first_issue"): 20_000,
    ("cr_refugie", "first_issue"): 25_000,
    ("cr_resident_longue_duree_ue", "renewal"): 60_000,
    ("cr_conjoint_de_francais", "renewal"): 90_000,
    ("cr_refugie", "renewal"): 60_000,
    ("cr_permanent", "renewal"): 40_000,
    ("etudiant", "duplicate"): 10_000,
    ("salarie", "duplicate"): 10_000,
    ("vpf_conjoint_de_francais", "duplicate"): 10_000,
}
#: Synthetic share of first issues after an irregular entry (visa de régularisation due).
IRREGULAR_SHARE: Dict[str, float] = {"vpf_droit_au_respect": 0.6, "admission_exceptionnelle": 0.8, "vpf_conjoint_de_francais": 0.15, "vpf_etranger_malade": 0.5, "salarie": 0.05}
#: The sub-cases every row gives (ignored where the law does not ask).
SUB_CASES: Dict[str, Any] = {"card_kind": "cst", "card_validity": "one_year"}
COMPONENT_LABELS: Dict[str, str] = {
    "tax": "Tax",
    "droit_de_timbre": "Stamp duty",
    "duplicate_surcharge": "Duplicate surcharge",
    "visa_de_regularisation_filing": "Visa de régularisation (at filing)",
    "visa_de_regularisation_balance": "Visa de régularisation (balance)",
    "late_renewal_charge": "Late-renewal charge",
}


def population(year: int, scale: float = 1.0) -> pd.DataFrame:
    """The synthetic year: one row per decision, ``scale`` times the assumed counts. Rows are
    deterministic (no random draw): dates cycle through the year, the irregular entries are
    spread evenly within each category."""
    days = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
    parts: List[pd.DataFrame] = []
    for (permit, procedure), count in CASES.items():
        n = max(1, round(count * scale))
        i = np.arange(n)
        share = IRREGULAR_SHARE.get(permit, 0.0) if procedure == "first_issue" else 0.0
        part = pd.DataFrame({
            "permit": permit,
            "procedure": procedure,
            "date": pd.to_datetime(dt.date(year, 1, 1)) + pd.to_timedelta(i % days, unit="D"),
            # Row i is irregular when floor((i+1)·share) > floor(i·share): exactly round(n·share) rows.
            "irregular_entry": np.floor((i + 1) * share) > np.floor(i * share),
        })
        part["family_member"] = "spouse" if permit == "vpf_regroupement_familial" else None
        part["previously_held_cst"] = False if permit.startswith("cr_") and procedure == "first_issue" else None
        part["admission_card"] = "vpf" if permit == "admission_exceptionnelle" else None
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True)
    for field, value in SUB_CASES.items():
        frame[field] = value
    return frame


def price(frame: pd.DataFrame, reform: Any = None) -> pd.DataFrame:
    """The frame's quotes (``ceseda.quote_frame``), under the law or ``reform``."""
    return ceseda.quote_frame(frame, **{c: c for c in frame.columns if c in ceseda.FIELDS}, reform=reform)


def revenue(priced: pd.DataFrame) -> Dict[str, Decimal]:
    """Revenue by component (and the total), in euros, as Decimal sums of the quotes."""
    out = {c: sum((v for v in priced[c] if not pd.isna(v)), Decimal("0.00")) for c in COMPONENT_LABELS}
    out["total"] = sum((v for v in priced["total"] if not pd.isna(v)), Decimal("0.00"))
    return out


def compare(year: int, reform: Any = SAMPLE_REFORM, scale: float = 1.0) -> Tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(the population, its quotes under the law, under the reform, the revenue table)."""
    people = population(year, scale)
    law = price(people)
    reformed = price(people, reform)
    refused = law["error"].notna() | reformed["error"].notna()
    if refused.any():
        raise ValueError(f"{int(refused.sum())} synthetic rows are refused, e.g. {law[refused].iloc[0].to_dict()}")
    a, b = revenue(law), revenue(reformed)
    table = pd.DataFrame({"component": list(a), "law": list(a.values()), "reform": [b[c] for c in a], "difference": [b[c] - a[c] for c in a]})
    return people, law, reformed, table


def by_category(people: pd.DataFrame, law: pd.DataFrame, reformed: pd.DataFrame) -> pd.DataFrame:
    """The difference in revenue by category and procedure (Decimal euros), largest first."""
    diff = pd.DataFrame({"permit": people["permit"], "procedure": people["procedure"], "difference": [r - l for r, l in zip(reformed["total"], law["total"])]})
    out = diff.groupby(["permit", "procedure"], sort=False)["difference"].agg(lambda s: sum(s, Decimal("0.00"))).reset_index()
    return out[out["difference"] != 0].sort_values("difference", ascending=False, key=lambda s: s.map(abs)).reset_index(drop=True)


def draw(table: pd.DataFrame, categories: pd.DataFrame, year: int, title: str, out: pathlib.Path, rows_priced: int = 0) -> List[pathlib.Path]:
    """A bar chart of revenue by component, law against reform, and the difference by category."""
    rows = table[(table["component"] != "total") & ((table["law"] != 0) | (table["reform"] != 0))]
    fig, (left, right) = plt.subplots(1, 2, figsize=(16, 7), gridspec_kw={"width_ratios": [1.1, 1]})
    x = np.arange(len(rows))
    millions = lambda values: [float(v) / 1e6 for v in values]  # noqa: E731 - drawing only
    left.bar(x - 0.2, millions(rows["law"]), width=0.4, label="Law in force", color="#1f77b4")
    left.bar(x + 0.2, millions(rows["reform"]), width=0.4, label="Under the reform", color="#ff7f0e")
    for xi, (l, r) in enumerate(zip(rows["law"], rows["reform"])):
        if r != l:
            left.annotate(f"{'+' if r > l else ''}{float(r - l) / 1e6:,.1f} M€", (xi + 0.2, float(r) / 1e6), textcoords="offset points", xytext=(0, 4), ha="center", fontsize=9, fontweight="bold")
    left.set_xticks(x, [COMPONENT_LABELS[c] for c in rows["component"]], rotation=20, ha="right")
    left.set_ylabel("Revenue (millions of euros, M€)")
    left.set_title(f"Revenue by component, {year}", loc="left")
    left.legend(loc="upper right", frameon=False)
    left.grid(axis="y", alpha=0.3)
    top = categories.head(12)
    labels = [f"{p} — {q.replace('_', ' ')}" for p, q in zip(top["permit"], top["procedure"])]
    right.barh(np.arange(len(top))[::-1], millions(top["difference"]), color=["#2ca02c" if d > 0 else "#d62728" for d in top["difference"]])
    right.set_yticks(np.arange(len(top))[::-1], labels, fontsize=9)
    right.set_xlabel("Change in revenue (millions of euros, M€)")
    right.set_title("Where the difference comes from (category — procedure)", loc="left")
    right.axvline(0, color="black", linewidth=0.8)
    right.grid(axis="x", alpha=0.3)
    total = table[table["component"] == "total"].iloc[0]
    fig.suptitle(
        f"{title}: {float(total['reform']) / 1e6:,.1f} M€ against {float(total['law']) / 1e6:,.1f} M€ under the law ({float(total['difference']) / 1e6:+,.1f} M€)",
        fontsize=13, x=0.01, ha="left",
    )
    size = f"{rows_priced:,} decisions priced; " if rows_priced else ""
    fig.text(0.01, 0.01, f"SYNTHETIC POPULATION ({size}about 1.2 million a year at full scale), split by assumed shares (see the assumptions at the top of reform_revenue.py): not official statistics. Amounts: the ceseda library.", fontsize=9, color="darkred")
    fig.tight_layout(rect=(0, 0.04, 1, 0.95))
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "reform_revenue.png", out / "reform_revenue.svg"]
    for p in paths:
        fig.savefig(p, dpi=110)
    plt.close(fig)
    return paths


def reform_title(reform: Any) -> str:
    """The reform's title, as its document gives it (for the chart)."""
    import tomllib

    path = pathlib.Path(reform)
    if path.suffix == ".toml" and path.exists():
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        return str(doc.get("title") or doc.get("name"))
    return str(reform)


def main(argv: Optional[Sequence[str]] = None) -> Tuple[pd.DataFrame, List[pathlib.Path]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--year", type=int, default=2027, help="the year of decisions (default 2027)")
    parser.add_argument("--reform", default=str(SAMPLE_REFORM), help="the reform (a TOML or JSON file; default: the sample)")
    parser.add_argument("--scale", type=float, default=1.0, help="a fraction of the synthetic population (default 1: about 1.2 million rows)")
    parser.add_argument("--out", type=pathlib.Path, default=HERE / "output", help="directory for the PNG and SVG")
    args = parser.parse_args(argv)
    people, law, reformed, table = compare(args.year, args.reform, args.scale)
    print(f"SYNTHETIC population: {len(people):,} decisions in {args.year} (scale {args.scale}); not official statistics.")
    print(f"{'component':<34}{'law (€)':>18}{'reform (€)':>18}{'difference (€)':>18}")
    for _, r in table.iterrows():
        print(f"{r['component']:<34}{r['law']:>18,.2f}{r['reform']:>18,.2f}{r['difference']:>+18,.2f}")
    paths = draw(table, by_category(people, law, reformed), args.year, reform_title(args.reform), args.out, len(people))
    for p in paths:
        print(p)
    return table, paths


if __name__ == "__main__":
    main(sys.argv[1:])
