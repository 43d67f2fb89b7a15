#!/usr/bin/env bash
# Builds the calculator page into examples/web/dist/, on the ceseda npm package exactly as a
# user gets it: bindings/wasm/build.sh builds the package, `npm pack` makes its tarball, and
# the tarball is installed into this project (no path into the source tree), then vite builds.
# Idempotent. CESEDA_WEB_NO_PKG_BUILD=1 reuses bindings/wasm/pkg as it is.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bash "$root/scripts/install-deps.sh" wasm web
[ "${CESEDA_WEB_NO_PKG_BUILD:-0}" = "1" ] || bash "$root/bindings/wasm/build.sh"
rm -rf "$here/.pkg"
mkdir -p "$here/.pkg"
(cd "$root/bindings/wasm/pkg" && npm pack --silent --pack-destination "$here/.pkg" >/dev/null)
tarball="$(ls "$here"/.pkg/ceseda-*.tgz)"
cd "$here"
# --no-save: package.json and package-lock.json hold the tooling only (installed by npm ci);
# a user's project would say `npm install ceseda`.
npm install --no-save --no-audit --no-fund --loglevel=error "$tarball"
npx vite build --logLevel warn
echo "examples/web/dist ready: npm run serve --prefix examples/web (http://localhost:4173/)" >&2
