"""Benchmark: ceseda.quote_frame on a realistic 1,000,000-row frame, pandas and polars,
against what an analyst would otherwise write (a pandas merge on a hand-made tariff table).

    .venv/bin/python benches/python_quote_frame.py [--rows 1000000] [--repeat 3]

Needs the package built into the venv (scripts/test-python.sh does it). Prints rows/s for
each contender (best of --repeat runs, after a warm-up run) and how often the hand-made
table agrees with the library.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import platform
import time
from typing import Any, Callable, Dict, List, Tuple

import numpy as np
import pandas as pd
import polars as pl

import ceseda

# What a prefecture's caseload looks like, roughly: many students, workers and families,
# renewals more often than first titles. Weights are relative.
PERMITS: Dict[str, float] = {
    "etudiant": 20, "salarie": 12, "vpf_conjoint_de_francais": 8, "vpf_regroupement_familial": 3,
    "vpf_parent_enfant_francais": 6, "vpf_droit_au_respect": 5, "vpf_etranger_malade": 3,
    "visiteur": 5, "travailleur_temporaire": 4, "talent_salarie": 3, "talent_chercheur": 2,
    "talent_carte_bleue_europeenne": 2, "talent_famille": 3, "cr_conjoint_de_francais": 3,
    "cr_refugie": 3, "cr_famille_refugie": 2, "cr_resident_longue_duree_ue": 3,
    "cra_un_an_vpf": 2, "cra_dix_ans": 2, "admission_exceptionnelle": 2, "aps": 2,
    "recherche_emploi_creation_entreprise": 2, "stagiaire": 1, "jeune_au_pair": 1,
    "retraite": 1, "carte_ue": 1, "dcem": 1, "titre_identite_voyage": 1,
}  # fmt: skip
PROCEDURES: Dict[str, float] = {"first_issue": 30, "renewal": 50, "duplicate": 8, "renewal_without_expired_title": 4, "change_of_details": 8}
START, END = datetime.date(2017, 1, 1), datetime.date(2026, 12, 31)


def build_frame(rows: int, seed: int = 2024) -> pd.DataFrame:
    rng = np.random.default_rng(seed)

    def pick(weights: Dict[str, float]) -> np.ndarray:
        codes = np.array(list(weights), dtype=object)
        p = np.array(list(weights.values()), dtype=float)
        return codes[rng.choice(len(codes), size=rows, p=p / p.sum())]

    span = (END - START).days + 1
    dates = np.datetime64(START.isoformat()) + rng.integers(0, span, rows).astype("timedelta64[D]")
    permit = pick(PERMITS)

    def where(permits: List[str], yes: Any, no: Any) -> np.ndarray:
        """A sub-case recorded for the permits whose table row needs it, as a case file would."""
        return np.where(np.isin(permit, permits), np.where(rng.random(rows) < 0.6, yes, no), None)

    return pd.DataFrame(
        {
            "permit": pd.Series(permit, dtype="str"),
            "procedure": pd.Series(pick(PROCEDURES), dtype="str"),
            "decision_date": pd.Series(dates.astype("datetime64[s]")),
            "family_member": pd.Series(where(["vpf_regroupement_familial", "cr_regroupement_familial"], "spouse", "child"), dtype="str"),
            "card_kind": pd.Series(where(["etudiant"], "csp", "cst"), dtype="str"),
            "admission_card": pd.Series(where(["admission_exceptionnelle"], "vpf", "salarie"), dtype="str"),
            "previously_held_cst": pd.Series(where(["cr_conjoint_de_francais"], True, False), dtype="boolean"),
            "eu_status": pd.Series(np.where(permit == "carte_ue", "citizen", None), dtype="str"),
            "irregular_entry": rng.random(rows) < 0.05,
        }
    )


def hand_made_table() -> Tuple[pd.DataFrame, List[Tuple[pd.Timestamp, str]]]:
    """What an analyst would type from the published tables: one total per (permit,
    procedure, regime), ignoring sub-cases and circumstances, and the regime periods.

    (Typed here by asking the library once per cell, outside the timing.)"""
    regimes = [r for r in ceseda.regimes() if r.valid_until is None or r.valid_until >= START]
    rows = []
    for r in regimes:
        on = max(r.valid_from, START) + datetime.timedelta(days=30)
        for permit in PERMITS:
            for procedure in PROCEDURES:
                try:
                    # The analyst types the most common sub-case of a row.
                    kwargs: Dict[str, Any] = {
                        "vpf_regroupement_familial": {"family_member": "spouse"},
                        "etudiant": {"card_kind": "csp"},
                        "admission_exceptionnelle": {"admission_card": "vpf"},
                        "cr_conjoint_de_francais": {"previously_held_cst": True},
                        "carte_ue": {"eu_status": "citizen"},
                    }.get(permit, {})
                    total = ceseda.quote(permit=permit, procedure=procedure, date=on, **kwargs).total
                except ceseda.CesedaError:
                    continue
                rows.append((permit, procedure, r.id, total))
    table = pd.DataFrame(rows, columns=["permit", "procedure", "regime", "total"])
    table["total"] = table["total"].astype(pd.ArrowDtype(__import__("pyarrow").decimal128(12, 2)))
    bounds = [(pd.Timestamp(r.valid_from), r.id) for r in regimes]
    return table, bounds


def merge_baseline(df: pd.DataFrame, table: pd.DataFrame, bounds: List[Tuple[pd.Timestamp, str]]) -> pd.DataFrame:
    """The analyst's version: the regime from the date, then a merge on the tariff table."""
    edges = [b for b, _ in bounds] + [pd.Timestamp.max]
    regime = pd.cut(df["decision_date"], bins=edges, labels=[name for _, name in bounds], right=False)
    keys = pd.DataFrame({"permit": df["permit"], "procedure": df["procedure"], "regime": regime.astype("str")})
    return keys.merge(table, on=["permit", "procedure", "regime"], how="left")


def best_of(repeat: int, f: Callable[[], Any]) -> Tuple[float, Any]:
    f()  # warm-up
    best, out = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = args.rows

    df = build_frame(n)
    pdf = pl.from_pandas(df)
    table, bounds = hand_made_table()
    cols = dict(date="decision_date", **{c: c for c in ("family_member", "card_kind", "admission_card", "previously_held_cst", "eu_status", "irregular_entry")})

    print(f"ceseda {ceseda.__version__}, Python {platform.python_version()}, pandas {pd.__version__}, polars {pl.__version__}, {platform.machine()}")
    print(f"{n:,} rows: {df['permit'].nunique()} permits, {df['procedure'].nunique()} procedures, decision dates {START} to {END}, sub-cases where the tables need them, 5% irregular entries")
    results = {}
    for name, f in [
        ("quote_frame (pandas)", lambda: ceseda.quote_frame(df, **cols)),
        ("quote_frame (polars)", lambda: ceseda.quote_frame(pdf, **cols)),
        ("pandas merge on a hand-made tariff table", lambda: merge_baseline(df, table, bounds)),
    ]:
        seconds, out = best_of(args.repeat, f)
        results[name] = out
        print(f"  {name:<42} {n / seconds:>12,.0f} rows/s   ({seconds * 1000:,.0f} ms)")

    quoted = results["quote_frame (pandas)"]
    baseline = results["pandas merge on a hand-made tariff table"]
    errors = quoted["error"].value_counts()
    print(f"quote_frame: {int(quoted['error'].isna().sum()):,} rows quoted, {int(quoted['error'].notna().sum()):,} refused ({', '.join(f'{k} {v:,}' for k, v in errors.items() if v)})")
    ok = quoted["error"].isna().to_numpy()
    lib = quoted["total"].to_numpy(dtype=object, na_value=None)
    hand = baseline["total"].to_numpy(dtype=object, na_value=None)
    agree = (lib == hand)[ok].mean()
    print(f"the hand-made table gives the library's total on {agree:.1%} of the quoted rows (it knows no circumstance and one sub-case per row),")
    print(f"  and a figure for {int((~ok & (hand != None)).sum()):,} of the rows the library refuses")  # noqa: E711
    pl_total = results["quote_frame (polars)"]["total"].to_arrow().to_pylist()
    assert pl_total == quoted["total"].tolist() or pl_total == [None if pd.isna(x) else x for x in quoted["total"].tolist()]


if __name__ == "__main__":
    main()
