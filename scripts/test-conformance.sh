#!/usr/bin/env bash
# Cross-language conformance: the core, the Python package and the npm package answer alike.
# Needs both bindings built (scripts/test-python.sh and scripts/test-wasm.sh do it).
# CESEDA_CONFORMANCE_CASES=100000 for a longer run; CESEDA_CONFORMANCE_RECORD=1 appends the
# shrunk case of a failure to crates/ceseda/tests/vectors/regressions.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import ceseda" 2>/dev/null; then
  bash scripts/test-python.sh
fi
if [ ! -f bindings/wasm/pkg/package.json ]; then
  bash scripts/install-deps.sh wasm && bash bindings/wasm/build.sh
fi
cargo test -p ceseda-conformance -- --test-threads 1
