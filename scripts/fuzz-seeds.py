#!/usr/bin/env python3
"""Builds the fuzz targets' seed corpus and dictionary from the test vectors.

    python3 scripts/fuzz-seeds.py

Writes fuzz/corpus/<target>/<sha1> (a few dozen small inputs per target, committed) and
fuzz/dict/contract.dict (JSON tokens, every field name and code value found in the vectors,
the law's boundary dates). Idempotent: the same vectors give the same files.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import random
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[1]
VECTORS = ROOT / "crates" / "ceseda" / "tests" / "vectors"
FUZZ = ROOT / "fuzz"
TARGETS = ("quote", "many", "table", "window", "explain", "history", "reform", "batch_csv", "batch_jsonl")
PER_TARGET = 40


def load() -> tuple[list[str], list[dict]]:
    """Request texts (as JSON text, objects or not) and the object requests."""
    texts: list[str] = []
    objects: list[dict] = []
    regressions = json.loads((VECTORS / "regressions.json").read_text(encoding="utf-8"))
    for case in regressions["cases"]:
        texts.append(json.dumps(case["request"], separators=(",", ":"), ensure_ascii=False))
        if isinstance(case["request"], dict):
            objects.append(case["request"])
    for entry in regressions.get("entries", []):
        texts.append(entry["text"])
    cells = json.loads((VECTORS / "seed_cells.json").read_text(encoding="utf-8"))["cells"]
    rng = random.Random(12)
    for cell in rng.sample(cells, 30):
        objects.append(cell["request"])
        texts.append(json.dumps(cell["request"], separators=(",", ":"), ensure_ascii=False))
    return texts, objects


def write(target: str, inputs: list[str]) -> None:
    folder = FUZZ / "corpus" / target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    seen = set()
    for text in inputs:
        data = text.encode("utf-8", "surrogatepass")
        name = hashlib.sha1(data).hexdigest()
        if name in seen or len(seen) >= PER_TARGET:
            continue
        seen.add(name)
        (folder / name).write_bytes(data)


def dict_entry(token: str) -> str:
    """A libFuzzer dictionary line: printable ASCII as is, other bytes as \\xNN."""
    body = "".join(chr(b) if 32 <= b < 127 and b not in (34, 92) else f"\\x{b:02x}" for b in token.encode("utf-8"))
    return f'"{body}"'


def reforms() -> list[str]:
    """Reform documents: the sample, and TOML and JSON variants of each kind of amendment,
    valid and invalid (a negative amount, a float, an unknown permit or key, a part at filing
    above the visa's total, a new regime)."""
    docs = [(ROOT / "examples" / "analysis" / "reform_2027.toml").read_text(encoding="utf-8")]
    amends = [
        {"from": "2027-01-01", "rate": "tax.first_issue.general", "amount": 350},
        {"from": "2026-06-01", "rate": "stamp", "amount": "60.50"},
        {"from": "2021-01-01", "rate": "visa.at_filing", "amount": 500},
        {"from": "2028-01-01", "rate": "late.charge", "amount": -5},
        {"from": "2027-01-01", "rate": "tax.renewal.general", "amount": 12.5},
        {"from": "2027-01-01", "permit": "visiteur", "tax": "reduced"},
        {"from": "2027-01-01", "permit": "visitor", "tax": "exempt"},
        {"from": "2027-01-01", "permit": "salarie", "visa_exempt": True},
        {"from": "2008-01-01", "rate": "stamp", "amount": 10},
        {"from": "2027-01-01", "rate": "stamp", "amount": 10, "colour": "blue"},
    ]
    for i, amend in enumerate(amends):
        doc = {"name": f"seed_{i}", "amend": [amend]}
        if i % 3 == 0:
            doc["regime"] = [{"from": "2029-01-01", "label_en": "A new regime", "label_fr": "Un nouveau régime"}]
        docs.append(json.dumps(doc, ensure_ascii=False))
        toml_lines = [f'name = "seed_{i}"', "", "[[amend]]"]
        for k, v in amend.items():
            value = v if k == "from" else json.dumps(v)
            toml_lines.append(f"{k} = {'true' if v is True else value}")
        docs.append("\n".join(toml_lines) + "\n")
    return docs + ["", "{}", "name = 1", "[[amend]]\nfrom = 1979-05-27T07:32:00Z\n"]


def csv_cell(v: object) -> str:
    """A request value as a CSV cell: text as is, booleans true/false, anything else as JSON."""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def csv_file(objects: list[dict], delimiter: str = ",", eol: str = "\n", columns: list[str] | None = None) -> str:
    """A CSV file of requests: a header of the fields they use, one row each (a cell holding
    the delimiter or a quote is quoted)."""
    columns = columns or sorted({k for o in objects for k in o})
    def cell(v: object) -> str:
        text = csv_cell(v)
        return '"' + text.replace('"', '""') + '"' if any(c in text for c in delimiter + '"') else text
    rows = [delimiter.join(columns)] + [delimiter.join(cell(o[k]) if k in o else "" for k in columns) for o in objects]
    return eol.join(rows) + eol


def batch_files(texts: list[str], objects: list[dict]) -> tuple[list[str], list[str]]:
    """Seeds of batch_csv and batch_jsonl: the first character is the options byte (bit 0
    French, bit 1 the sample reform, bits 2-3 the delimiter: sniffed, `,`, `;`, tab), the rest a
    file built from the vectors: malformed lines, a missing and an unknown column, quoted
    fields, CRLF, a byte-order mark, blank lines."""
    flat = [o for o in objects if all(isinstance(v, (str, bool)) for v in o.values())]
    csvs = [
        "\x00" + csv_file(flat[:10]),
        "\x01" + "\ufeff" + csv_file(flat[10:20], ";", "\r\n"),
        "\x02" + csv_file(flat[20:30]),
        "\x0c" + csv_file(flat[:6], "\t"),
        "\x08" + csv_file(flat[6:12], ";"),
        "\x00permit,procedure,date,irregular_entry\nvisiteur,first_issue,2024-03-01,\nvisitor,first_issue,2024-03-01,\n"
        "salarie,first_issue,2024-03-01,TRUE\nvisiteur,first_issue\nvisiteur,\"first_issue\",2024-03-01,oui\nvls_ts,first_issue,2024-03-01,false\n",
        "\x00permit,date\nvisiteur,2024-03-01\n",  # a missing column: missing_field in every row
        "\x00permit,procedure,colour\nvisiteur,first_issue,blue\n",  # an unknown column: a usage error
        "\x00permit,permit\nvisiteur,salarie\n",
        "\x00 permit , \"procedure\" ,,date\n\" visiteur \",\"first\"\"_issue\",x,2024-03-01\n\"unterminated,first_issue,,2024-03-01\n"
        "visiteur,first_issue,\"a,b\",2024-03-01\nvisi\"teur,first_issue,,2024-03-01\n\"visiteur\"x,first_issue,,2024-03-01\n\n  \r\n",
        "\x03permit;procedure;date\r\nvisiteur;first_issue;2027-03-01\r\nvisiteur;first_issue;2026-06-01\r\n\udcff;first_issue;2027-03-01\r\n",
        "\x00", "\x00\n\n", "\x04\"permit\n",
        "\x08",  # found by batch_csv: an empty input under --delimiter ";" answered its header in ","
    ]
    singles = [t for t in texts if not t.startswith("[") and "\n" not in t]
    jsonls = [
        "\x00" + "\n".join(singles[:15]) + "\n",
        "\x01" + "\ufeff" + "\r\n".join(singles[15:30]) + "\r\n",
        "\x02" + "\n".join(singles[30:45]) + "\n\n",
        "\x00" + '{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01"}\n{"permit":\n\n'
        '{"permit":"salarie","procedure":"renewal","date":"2026-06-01","irregular_entry":"oui"}\n'
        '{"permit":"salarie","procedure":"renewal","date":"2026-06-01"}',
        "\x03" + '{"permit":"visiteur","procedure":"first_issue","date":"2027-03-01"}\r\n\udcff\n[1]\n  \x0c\n"x"\n',
        "\x00", "\x01\n",
    ]
    return csvs, jsonls


def main() -> None:
    texts, objects = load()
    compact = lambda v: json.dumps(v, separators=(",", ":"), ensure_ascii=False)  # noqa: E731
    single = [t for t in texts if not t.startswith("[")] + ['{"permit":' + "[" * 130 + "]" * 130 + "}"]
    batches = ["[]", "[" + ",".join(texts[:3]) + "]", "[" + ",".join(compact(o) for o in objects[:12]) + ",1,[[[]]],\"x\"]"]
    batches += ["[" + compact(o) + "]" for o in objects[:20]] + [t for t in texts if t.startswith("[")]
    windows = [
        compact({"permit": o["permit"], "expiry": o["date"], **({"filing_date": o["date"]} if i % 2 else {}), **({"online_application": i % 3 == 0} if i % 4 else {})})
        for i, o in enumerate(objects)
        if isinstance(o.get("permit"), str) and isinstance(o.get("date"), str)
    ] + ['{"permit":"visiteur","expiry":"0000-01-01"}', '{"permit":"visiteur","expiry":"1900-01-01","filing_date":"2200-12-31"}']
    histories = [compact({k: v for k, v in o.items() if k != "date"}) for o in objects]
    explains = [f"{lang}\n{t}" for lang, t in zip(["en", "fr", "de", "\u0000"] * 20, single)]
    write("quote", single)
    write("many", batches)
    write("table", batches)
    write("window", windows)
    write("history", histories)
    write("explain", explains)
    write("reform", reforms())
    csvs, jsonls = batch_files(texts, objects)
    write("batch_csv", csvs)
    write("batch_jsonl", jsonls)

    tokens: set[str] = {"{", "}", "[", "]", ",", ":", "null", "true", "false", "1e400", "-0", '"\\ud800"', '"\\u0000"', '""'}
    for o in objects:
        for k, v in o.items():
            tokens.add(f'"{k}":')
            if isinstance(v, str):
                tokens.add(f'"{v}"')
    # The reform document's vocabulary (fuzz/reform).
    tokens |= {"name", "title", "amend", "regime", "from", "rate", "amount", "permit", "tax", "visa_exempt", "[[amend]]", "[[regime]]", " = "}
    tokens |= {"tax.first_issue.general", "tax.first_issue.reduced", "tax.renewal.general", "stamp", "visa.total", "visa.at_filing", "late.charge", "surcharge", "dcem", "general", "reduced", "exempt"}
    # The CSV batch's vocabulary (fuzz/batch_csv): separators, quotes, line breaks, header names.
    tokens |= {";", "\t", '"', '""', "\r\n", "\ufeff", "TRUE", "False", ",,"}
    tokens |= {k for o in objects for k in o}
    for day in ("2009-01-05", "2011-10-01", "2016-11-01", "2020-01-02", "2021-05-01", "2026-05-01", "1900-01-01", "2200-12-31", "1899-12-31"):
        tokens.add(f'"{day}"')
    lines = ["# The contract's vocabulary, built by scripts/fuzz-seeds.py from the test vectors."]
    lines += [dict_entry(t) for t in sorted(tokens)]
    (FUZZ / "dict").mkdir(exist_ok=True)
    (FUZZ / "dict" / "contract.dict").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
