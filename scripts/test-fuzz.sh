#!/usr/bin/env bash
# Fuzzing: runs each cargo-fuzz target of fuzz/ (one per JSON entry point of the contract, the
# reform parser, `ceseda batch` on CSV and on JSON lines) for a bounded time, from the committed
# seed corpus, with the contract's dictionary. Fails on the first crash (a panic or a broken
# invariant), leaving the input in fuzz/artifacts/<target>/.
#
#   CESEDA_FUZZ_SECONDS=8      seconds per target (default 8: about a minute and a half for all nine)
#   CESEDA_FUZZ_TARGETS="quote many"   a subset
#   CESEDA_FUZZ_SANITIZER=none  cargo-fuzz's -s (address needs the sanitizer runtime; the code
#                               is safe Rust, so none is the default and loses little)
#
# cargo-fuzz needs a nightly compiler: RUSTC_BOOTSTRAP=1 lets the stable one act as such.
# New inputs the run finds go to a temporary directory, not to the committed corpus.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install-deps.sh fuzz
export RUSTC_BOOTSTRAP=1
seconds="${CESEDA_FUZZ_SECONDS:-8}"
sanitizer="${CESEDA_FUZZ_SANITIZER:-none}"
cd fuzz
cargo fuzz build -O -s "$sanitizer"
targets="${CESEDA_FUZZ_TARGETS:-$(cargo fuzz list)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
for target in $targets; do
  mkdir -p "$work/$target"
  log="$work/$target.log"
  if ! cargo fuzz run -O -s "$sanitizer" "$target" "$work/$target" "corpus/$target" -- \
      -dict=dict/contract.dict -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
      -print_final_stats=1 >"$log" 2>&1; then
    grep -v '^#[0-9]' "$log" | tail -60 >&2
    echo "fuzz: target $target crashed; the input is in fuzz/artifacts/$target/ (see fuzz/README.md to make it a regression vector)" >&2
    echo "$passed passed, 1 failed"
    exit 1
  fi
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  echo "fuzz: $target: ${runs:-?} inputs in ${seconds} s, every invariant held"
  passed=$((passed + 1))
done
echo "fuzz: $passed passed, 0 failed"
