#!/usr/bin/env bash
# Benchmark of `ceseda batch` on a generated CSV (1,000,000 rows by default), against what a user
# would write instead (benches/batch_loop.rs: the csv crate, Request::from_map and
# ceseda::quote in a plain loop). Prints rows/s (wall and CPU time) and peak RSS
# (/usr/bin/time -v) for each, and checks that both answer the same bytes. The data stays in target/bench-batch/ (not committed).
#
#   bash scripts/bench-batch.sh [ROWS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rows="${1:-1000000}"
dir=target/bench-batch
mkdir -p "$dir"
[[ -x /usr/bin/time ]] || { echo "bench-batch: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

if [[ ! -s "$dir/requests-$rows.csv" ]]; then
  python3 scripts/gen-batch-csv.py --rows "$rows" > "$dir/requests-$rows.csv"
  python3 scripts/gen-batch-csv.py --rows "$rows" --jsonl > "$dir/requests-$rows.jsonl"
fi
cargo build -q --release -p ceseda-cli
cargo build -q --release -p ceseda-benches --example batch_loop

# One timed run: wall seconds and peak RSS (KiB) of the command, its output to $dir/$name.out.
run() {
  local name="$1"; shift
  /usr/bin/time -v -o "$dir/$name.time" "$@" > "$dir/$name.out" || [[ $? == 1 ]]  # 1: some rows refused
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/$name.time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  cpu=$(awk -F': ' '/(User|System) time/ { s += $2 } END { print s }' "$dir/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/$name.time")
  # On a shared machine the CPU time is the steadier figure.
  awk -v n="$rows" -v w="$wall" -v c="$cpu" -v r="$rss" -v name="$name" 'BEGIN {
    printf "%-22s wall %6.2f s (%8.0f rows/s)  cpu %6.2f s (%8.0f rows/s)  peak RSS %6.1f MiB\n", name, w, n / w, c, n / c, r / 1024 }'
}

echo "$rows rows ($(du -h "$dir/requests-$rows.csv" | cut -f1) of CSV), $(nproc) cores"
run "batch csv" target/release/ceseda batch "$dir/requests-$rows.csv"
run "batch jsonl" target/release/ceseda batch "$dir/requests-$rows.jsonl"
run "batch csv to jsonl" target/release/ceseda batch --output-format jsonl "$dir/requests-$rows.csv"
run "plain loop (quote)" target/release/examples/batch_loop "$dir/requests-$rows.csv"
cmp "$dir/batch csv.out" "$dir/plain loop (quote).out" && echo "batch csv and the plain loop answer the same bytes"
# A shell loop of `ceseda quote --json`, one process a row, on the first 1,000 rows.
head -n 1001 "$dir/requests-$rows.csv" | tail -n +2 > "$dir/shell-1000.csv"
start=$(date +%s.%N)
while IFS=, read -r permit procedure date family card admission held eu irregular; do
  args=(quote --json --permit "$permit" --procedure "$procedure" --date "$date")
  [[ -n $family ]] && args+=(--family_member "$family")
  [[ -n $card ]] && args+=(--card_kind "$card")
  [[ -n $admission ]] && args+=(--admission_card "$admission")
  [[ -n $held ]] && args+=(--previously_held_cst "$held")
  [[ -n $eu ]] && args+=(--eu_status "$eu")
  [[ -n $irregular ]] && args+=(--irregular_entry "$irregular")
  target/release/ceseda "${args[@]}" > /dev/null 2>&1 || true
done < "$dir/shell-1000.csv"
awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%-22s wall %6.2f s (%8.0f rows/s) for 1,000 rows\n", "shell loop (quote)", e - s, 1000 / (e - s) }'

# error_code is the 14th column: no cell before it is ever quoted.
echo "refused rows: $(awk -F, 'NR > 1 && $14 != ""' "$dir/batch csv.out" | wc -l) of $rows"
