#!/usr/bin/env bash
# The npm package: installs what it needs, builds bindings/wasm/pkg, then runs its tests with
# Node's test runner (seed cells, every error code, dates, hostile input, TypeScript, the
# regression vectors, the conformance worker, the packed package) and the browser smoke test
# in headless Chromium. Idempotent; exits non-zero when anything fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/install-deps.sh" wasm browser
bash "$root/bindings/wasm/build.sh"
cd "$root/bindings/wasm"
status=0
echo "== node tests" >&2
node --test --test-reporter=spec tests/*.test.mjs || status=1
echo "== the pricing module's native tests (pricing/)" >&2
cargo test -q -p ceseda-wasm-pricing || status=1
echo "== benches/js_total.mjs, smoke run (no timing)" >&2
node ../../benches/js_total.mjs --smoke || status=1
echo "== browser test (headless Chromium)" >&2
node --test --test-reporter=spec tests/browser/ || status=1
exit $status
