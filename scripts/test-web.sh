#!/usr/bin/env bash
# The calculator page (examples/web): builds the npm package, packs it, installs the tarball
# into the example and builds the page with vite (examples/web/build.sh), then runs the page's
# tests in headless Chromium (seed-table cases, errors, language switch, keyboard, phone
# width, offline, axe-core, bundle size) and the bundler tests (vite and no bundler; esbuild
# and webpack too with CESEDA_FULL=1). Screenshots go to examples/web/test-results/.
# Idempotent; exits non-zero when anything fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/install-deps.sh" wasm web browser
bash "$root/examples/web/build.sh"
cd "$root/examples/web"
node --test --test-reporter=spec --test-concurrency=1 tests/*.test.mjs
