"""A deliberately faulty conformance worker, for the harness's own tests.

It runs the real Python worker and alters one field of its answers:
  amount      -> the first line's amount +0.01 on quotes for the permit "etudiant";
  error_code  -> "permit_not_in_regime" becomes "invalid_sub_case";
  table       -> in a batch answer, the first non-null total gains 0.01;
  many        -> in a many answer (an array), the last answer is the first one again.
The bindings themselves carry no fault switch.
"""
import json
import pathlib
import subprocess
import sys
from decimal import Decimal

fault = sys.argv[1]
root = pathlib.Path(__file__).resolve().parents[3]
real = subprocess.Popen(
    [sys.executable, str(root / "bindings/python/tests/worker.py")],
    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
)
for line in sys.stdin:
    real.stdin.write(line)
    real.stdin.flush()
    answer = json.loads(real.stdout.readline())
    if fault == "many" and isinstance(answer, list) and len(answer) > 1:
        answer[-1] = answer[0]
    if fault == "amount" and isinstance(answer, dict) and answer.get("type") == "success":
        quote = answer["quote"]
        if quote.get("permit") == "etudiant" and quote.get("lines"):
            quote["lines"][0]["amount"] = str(Decimal(quote["lines"][0]["amount"]) + Decimal("0.01"))
    if fault == "error_code" and isinstance(answer, dict) and answer.get("type") == "failure":
        if answer["error"].get("code") == "permit_not_in_regime":
            answer["error"]["code"] = "invalid_sub_case"
    if fault == "table" and isinstance(answer, dict) and answer.get("type") == "success" and "table" in answer:
        totals = answer["table"]["total"]
        for i, t in enumerate(totals):
            if t is not None:
                totals[i] = str(Decimal(t) + Decimal("0.01"))
                break
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
