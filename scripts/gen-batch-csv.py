#!/usr/bin/env python3
"""Writes a realistic CSV of requests for `ceseda batch` (the benchmark's input; never committed).

    python3 scripts/gen-batch-csv.py [--rows 1000000] [--seed 2024] [--jsonl] > requests.csv

A prefecture's caseload, roughly (the mix of benches/python_quote_frame.py): many students,
workers and families, renewals more often than first titles, decision dates from 2017 to 2026,
the sub-cases the tables need where a case file would record them, 5 % irregular entries. About
3 % of rows are refused: a typo in the permit code, a date no source covers (1 % between them),
and what the law refuses (a permit not in its period's law, a sub-case not given). Standard
library only.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys

PERMITS = {
    "etudiant": 20, "salarie": 12, "vpf_conjoint_de_francais": 8, "vpf_regroupement_familial": 3,
    "vpf_parent_enfant_francais": 6, "vpf_droit_au_respect": 5, "vpf_etranger_malade": 3,
    "visiteur": 5, "travailleur_temporaire": 4, "talent_salarie": 3, "talent_chercheur": 2,
    "talent_carte_bleue_europeenne": 2, "talent_famille": 3, "cr_conjoint_de_francais": 3,
    "cr_refugie": 3, "cr_famille_refugie": 2, "cr_resident_longue_duree_ue": 3,
    "cra_un_an_vpf": 2, "cra_dix_ans": 2, "admission_exceptionnelle": 2, "aps": 2,
    "recherche_emploi_creation_entreprise": 2, "stagiaire": 1, "jeune_au_pair": 1,
    "retraite": 1, "carte_ue": 1, "dcem": 1, "titre_identite_voyage": 1,
}  # fmt: skip
PROCEDURES = {"first_issue": 30, "renewal": 50, "duplicate": 8, "renewal_without_expired_title": 4, "change_of_details": 8}
START, END = datetime.date(2017, 1, 1), datetime.date(2026, 12, 31)
COLUMNS = ["permit", "procedure", "date", "family_member", "card_kind", "admission_card", "previously_held_cst", "eu_status", "irregular_entry"]


def rows(n: int, seed: int):
    rng = random.Random(seed)
    permits, permit_weights = list(PERMITS), list(PERMITS.values())
    procedures, procedure_weights = list(PROCEDURES), list(PROCEDURES.values())
    span = (END - START).days + 1
    for _ in range(n):
        permit = rng.choices(permits, permit_weights)[0]
        procedure = rng.choices(procedures, procedure_weights)[0]
        date = START + datetime.timedelta(days=rng.randrange(span))
        if rng.random() < 0.005:
            permit = "visitor"  # a typo: unknown_code
        elif rng.random() < 0.005:
            date = datetime.date(2008, 6, 1)  # before every source: date_out_of_range

        def sub(permits: list[str], yes: str, no: str) -> str:
            return (yes if rng.random() < 0.6 else no) if permit in permits else ""

        yield {
            "permit": permit,
            "procedure": procedure,
            "date": date.isoformat(),
            "family_member": sub(["vpf_regroupement_familial", "cr_regroupement_familial"], "spouse", "child"),
            "card_kind": sub(["etudiant"], "csp", "cst"),
            "admission_card": sub(["admission_exceptionnelle"], "vpf", "salarie"),
            "previously_held_cst": sub(["cr_conjoint_de_francais"], "true", "false"),
            "eu_status": "citizen" if permit == "carte_ue" else "",
            "irregular_entry": "true" if rng.random() < 0.05 else "",
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--jsonl", action="store_true", help="JSON lines instead of CSV")
    args = parser.parse_args()
    out = sys.stdout
    if not args.jsonl:
        out.write(",".join(COLUMNS) + "\n")
    for row in rows(args.rows, args.seed):
        if args.jsonl:
            request = {k: (v == "true" if k in ("previously_held_cst", "irregular_entry") else v) for k, v in row.items() if v}
            out.write(json.dumps(request, separators=(",", ":")) + "\n")
        else:
            out.write(",".join(row[c] for c in COLUMNS) + "\n")


if __name__ == "__main__":
    main()
