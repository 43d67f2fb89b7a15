"""Benchmark: ceseda.quote_frame on a realistic frame, side by side in one process with what
an analyst would otherwise write: a pandas merge of the same frame with a tariff table priced
in advance (string columns, then categorical columns), and a polars join on a polars frame.

    .venv/bin/python benches/python_quote_frame.py [--rows N] [--repeat 3] [--no-memory]
    CESEDA_BENCH_ROWS=10000000 .venv/bin/python benches/python_quote_frame.py   # 10M rows
    .venv/bin/python benches/python_quote_frame.py --smoke    # a few rows, once (tests run it)

Needs the package built into the venv (scripts/test-python.sh does it). Prints, per path, rows/s
(best of --repeat runs after a warm-up) and the ratio ``quote_frame`` / reference (above 1:
quote_frame is faster), then the peak memory of each path, measured in a subprocess per path
as the growth of the peak resident set size (tracemalloc does not see Arrow's buffers), and
how often the hand-made table agrees with the library. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import subprocess
import sys
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


#: The string columns of the frame (made categorical for the categorical paths).
CODE_COLUMNS = ("permit", "procedure", "family_member", "card_kind", "admission_card", "eu_status")
#: quote_frame's columns for the request fields the frame carries.
FIELDS = dict(date="decision_date", **{c: c for c in ("family_member", "card_kind", "admission_card", "previously_held_cst", "eu_status", "irregular_entry")})


def categorical(df: pd.DataFrame) -> pd.DataFrame:
    return df.astype({c: "category" for c in CODE_COLUMNS})


class Reference:
    """The tariff table priced in advance, in the forms each reference path joins on."""

    def __init__(self, df: pd.DataFrame, dfc: pd.DataFrame) -> None:
        table, bounds = hand_made_table()
        self.table, self.bounds = table, bounds
        self.edges = [b for b, _ in bounds] + [pd.Timestamp.max]
        self.labels = [name for _, name in bounds]
        # Categorical keys with the frame's categories: pandas merges on the codes.
        tc = table.copy()
        for c in ("permit", "procedure"):
            tc[c] = pd.Categorical(tc[c], categories=dfc[c].cat.categories)
        tc["regime"] = pd.Categorical(tc["regime"], categories=self.labels)
        self.table_cat = tc
        # polars: the regime as the index of its period (search_sorted), the table's total Decimal.
        index = {name: i for i, name in enumerate(self.labels)}
        self.table_pl = pl.from_pandas(table.assign(regime_index=table["regime"].map(index).astype("uint32")).drop(columns=["regime"]))
        self.bounds_pl = pl.Series([b.to_pydatetime() for b, _ in bounds])

    def merge(self, df: pd.DataFrame) -> pd.DataFrame:
        """The analyst's version: the regime from the date, then a merge on the tariff table."""
        regime = pd.cut(df["decision_date"], bins=self.edges, labels=self.labels, right=False)
        keys = pd.DataFrame({"permit": df["permit"], "procedure": df["procedure"], "regime": regime.astype("str")})
        return keys.merge(self.table, on=["permit", "procedure", "regime"], how="left")

    def merge_categorical(self, dfc: pd.DataFrame) -> pd.DataFrame:
        """The same on categorical columns (the regime is pd.cut's categorical)."""
        regime = pd.cut(dfc["decision_date"], bins=self.edges, labels=self.labels, right=False)
        keys = pd.DataFrame({"permit": dfc["permit"], "procedure": dfc["procedure"], "regime": regime})
        return keys.merge(self.table_cat, on=["permit", "procedure", "regime"], how="left")

    def join(self, pdf: pl.DataFrame) -> pl.DataFrame:
        """The polars version: the period by search_sorted, then a left join."""
        bounds = self.bounds_pl.cast(pdf.schema["decision_date"])
        keys = pdf.select("permit", "procedure", regime_index=(pl.lit(bounds).search_sorted(pl.col("decision_date"), side="right") - 1).cast(pl.UInt32))
        return keys.join(self.table_pl, on=["permit", "procedure", "regime_index"], how="left")


def paths(n: int) -> Tuple[Dict[str, Callable[[], Any]], Dict[str, Any]]:
    """Every path of the benchmark, by name, over the same n rows (and what they work on)."""
    df = build_frame(n)
    dfc = categorical(df)
    pdf = pl.from_pandas(df)
    pdfc = pdf.with_columns(pl.col(c).cast(pl.Categorical) for c in CODE_COLUMNS)
    ref = Reference(df, dfc)
    total = ["total"]
    return {
        "quote_frame, strings, total": lambda: ceseda.quote_frame(df, columns=total, **FIELDS),
        "quote_frame, strings, every column": lambda: ceseda.quote_frame(df, **FIELDS),
        "pandas merge, strings": lambda: ref.merge(df),
        "quote_frame, categoricals, total": lambda: ceseda.quote_frame(dfc, columns=total, **FIELDS),
        "quote_frame, categoricals, every column": lambda: ceseda.quote_frame(dfc, **FIELDS),
        "pandas merge, categoricals": lambda: ref.merge_categorical(dfc),
        "quote_frame, polars, total": lambda: ceseda.quote_frame(pdf, columns=total, **FIELDS),
        "quote_frame, polars categoricals, total": lambda: ceseda.quote_frame(pdfc, columns=total, **FIELDS),
        "polars join": lambda: ref.join(pdf),
    }, {"df": df, "dfc": dfc, "pdf": pdf, "ref": ref}


#: Each quote_frame path and the reference it is compared with.
RATIOS = {
    "quote_frame, strings, total": "pandas merge, strings",
    "quote_frame, categoricals, total": "pandas merge, categoricals",
    "quote_frame, polars, total": "polars join",
    "quote_frame, polars categoricals, total": "polars join",
    "quote_frame, strings, every column": "pandas merge, strings",
    "quote_frame, categoricals, every column": "pandas merge, categoricals",
}


def _status(key: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(f"no {key} in /proc/self/status")


def peak_growth(f: Callable[[], Any]) -> int:
    """How far the resident set rises above where it was while ``f`` runs (bytes), the peak
    counted by the kernel (Linux: the high-water mark is reset first)."""
    gc.collect()
    with open("/proc/self/clear_refs", "w") as c:
        c.write("5")  # reset VmHWM to the current RSS
    before = _status("VmRSS")
    out = f()
    peak = _status("VmHWM")
    del out
    return peak - before


def child(name: str, n: int) -> None:
    """One path in a fresh process: prints its peak memory growth as JSON."""
    table, _ = paths(n)
    f = table[name]
    # Warm-up on a few rows (imports, the price table's intervals), not counted.
    small, _ = paths(1000)
    small[name]()
    print(json.dumps({"path": name, "peak": peak_growth(f)}))


def memory(n: int, names: List[str]) -> Dict[str, int]:
    out = {}
    for name in names:
        done = subprocess.run([sys.executable, __file__, "--child", name, "--rows", str(n)], capture_output=True, text=True, check=True)
        out[name] = json.loads(done.stdout.strip().splitlines()[-1])["peak"]
    return out


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
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=int(os.environ.get("CESEDA_BENCH_ROWS", "1000000")))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="a few rows, once: checks that every path runs")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory subprocesses")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.smoke:
        args.rows, args.repeat = 2000, 1
    n = args.rows
    if args.child:
        child(args.child, n)
        return

    table, data = paths(n)
    df = data["df"]
    print(f"ceseda {ceseda.__version__}, Python {platform.python_version()}, pandas {pd.__version__}, polars {pl.__version__}, pyarrow {__import__('pyarrow').__version__}, {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"{n:,} rows: {df['permit'].nunique()} permits, {df['procedure'].nunique()} procedures, decision dates {START} to {END}, sub-cases where the tables need them, 5% irregular entries")
    seconds: Dict[str, float] = {}
    results: Dict[str, Any] = {}
    # Interleaved rounds, so that a burst of load on the machine hits every path alike.
    for name, f in table.items():
        f()  # warm-up
    for _ in range(args.repeat):
        for name, f in table.items():
            gc.collect()
            time.sleep(0.05)  # let polars' worker threads go idle
            t0 = time.perf_counter()
            out = f()
            dt = time.perf_counter() - t0
            if dt < seconds.get(name, float("inf")):
                seconds[name], results[name] = dt, out
            del out
    for name in table:
        print(f"  {name:<42} {n / seconds[name]:>13,.0f} rows/s  ({seconds[name] * 1000:8,.1f} ms)")
    print("ratios (reference time / quote_frame time; above 1: quote_frame is faster):")
    for name, ref in RATIOS.items():
        print(f"  {name:<42} {seconds[ref] / seconds[name]:5.2f}x  the {ref}")

    if not args.no_memory:
        # In smoke mode, two paths only: the subprocesses work, and stay quick.
        peaks = memory(n, list(table)[:2] if args.smoke else list(table))
        print("peak memory growth while the path runs (RSS high-water mark, a subprocess per path):")
        for name, peak in peaks.items():
            print(f"  {name:<42} {peak / 2**20:9,.1f} MiB")
        for name, ref in RATIOS.items():
            if name in peaks and ref in peaks and peaks[ref] > 0:
                print(f"  {name:<42} {peaks[name] / peaks[ref]:5.2f}x  the peak of the {ref}")

    # What the README warns about: one Python Decimal per row costs more than the quote.
    quoted = ceseda.quote_frame(df, **FIELDS)
    t0 = time.perf_counter()
    quoted["total"].tolist()
    to_objects = time.perf_counter() - t0
    t0 = time.perf_counter()
    quoted["total"].sum()
    in_arrow = time.perf_counter() - t0
    qf = seconds["quote_frame, strings, total"]
    print(f"the total column to Python Decimal objects (.tolist()): {to_objects * 1000:,.1f} ms, {to_objects / qf:.2f}x quote_frame itself; its sum in Arrow: {in_arrow * 1000:,.1f} ms")
    baseline = results["pandas merge, strings"]
    errors = quoted["error"].value_counts()
    print(f"quote_frame: {int(quoted['error'].isna().sum()):,} rows quoted, {int(quoted['error'].notna().sum()):,} refused ({', '.join(f'{k} {v:,}' for k, v in errors.items() if v)})")
    ok = quoted["error"].isna().to_numpy()
    lib = quoted["total"].to_numpy(dtype=object, na_value=None)
    hand = baseline["total"].to_numpy(dtype=object, na_value=None)
    agree = (lib == hand)[ok].mean() if ok.any() else 1.0
    print(f"the hand-made table gives the library's total on {agree:.1%} of the quoted rows (it knows no circumstance and one sub-case per row),")
    print(f"  and a figure for {int((~ok & (hand != None)).sum()):,} of the rows the library refuses")  # noqa: E711
    # Every quote_frame path answers the same totals.
    want = quoted["total"].array._pa_array.combine_chunks()
    for name in RATIOS:
        got = results[name]["total"]
        got = got.to_arrow() if isinstance(got, pl.Series) else got.array._pa_array.combine_chunks()
        assert got.equals(want), f"{name}: totals differ"
    polars_join = results["polars join"]["total"].to_arrow().cast(want.type)
    assert polars_join.equals(baseline["total"].array._pa_array.combine_chunks().cast(want.type)), "the polars join and the pandas merge differ"


if __name__ == "__main__":
    main()
