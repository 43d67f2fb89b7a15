#!/usr/bin/env bash
# Every test, for all three languages: Rust, Python, JavaScript (Node and headless Chromium),
# the calculator page (examples/web, in headless Chromium), then the cross-language
# conformance suite and a short fuzzing run (scripts/test-fuzz.sh).
# Installs what is missing first (idempotent).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for suite in rust python wasm web conformance fuzz; do
  script="scripts/test-$suite.sh"
  if [ -f "$script" ]; then
    echo "==> $suite"
    bash "$script"
  fi
done
echo "==> all suites passed"
