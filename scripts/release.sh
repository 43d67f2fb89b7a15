#!/usr/bin/env bash
# Builds every release artefact into dist/, checks each one as a user would get it, and prints a
# summary (file, size, sha256) and the commands that would publish them. Publishing stays manual:
# this script never uploads anything.
#
#   dist/ceseda-<v>.crate        the core crate: `cargo package -p ceseda` (builds the packaged
#                                crate), its file list (licenses, README), `cargo publish
#                                --dry-run -p ceseda`, and `cargo doc` with warnings denied
#   dist/ceseda-<v>-cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl
#                                `maturin build --release --zig --compatibility manylinux2014`;
#                                checked by bindings/python/release_tests (tags, glibc, licenses,
#                                metadata, installed into a fresh venv and quoting)
#   dist/ceseda-<v>.tar.gz       `maturin sdist`: licenses and sources; in the full run also built
#                                from source into a fresh venv and quoting
#   dist/ceseda-<v>.tgz          `npm pack` of bindings/wasm/pkg (bindings/wasm/build.sh); checked
#                                by bindings/wasm/tests/release (file list, package.json, `npm
#                                publish --dry-run`, installed into a fresh project, import and
#                                require)
#   dist/ceseda                  the CLI, `cargo build --release -p ceseda-cli` (this machine's
#                                target, x86_64 Linux with glibc), run on the quick-start request
#
# Modes: the full run by default (CESEDA_FULL=1 says the same). CESEDA_RELEASE_SMOKE=1 is the fast
# run CI does after the test suite: the crate (package, file list, publish dry-run, docs), the
# wheel (build and all its checks), the sdist's contents and the npm tarball's checks; it skips
# the release CLI build and the build of the sdist from source.
#
# Idempotent: dist/ is emptied and rebuilt on every run; tools are installed only when missing
# (scripts/install-deps.sh), and cargo, maturin and build.sh rebuild only what changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

smoke=0
if [ "${CESEDA_RELEASE_SMOKE:-0}" = "1" ] && [ "${CESEDA_FULL:-0}" != "1" ]; then smoke=1; fi
mode=$([ $smoke = 1 ] && echo "smoke (CESEDA_RELEASE_SMOKE=1)" || echo full)
dist="$root/dist"
started=$SECONDS
timings=()

log() { echo "release.sh: $*" >&2; }
die() { log "FAILED: $*"; exit 1; }
step() { step_name="$1"; step_started=$SECONDS; echo "==> release: $1" >&2; }
done_step() { timings+=("$(printf '%-46s %4ss' "$step_name" $((SECONDS - step_started)))"); }

version="$(awk '/^\[workspace\.package\]/ { s = 1; next } /^\[/ { s = 0 } s && /^version *=/ { gsub(/.*= *"|".*/, ""); print; exit }' Cargo.toml)"
[ -n "$version" ] || die "no [workspace.package] version in Cargo.toml"

# A dirty tree still builds (for trying the script out), but the artefacts are not a release.
dirty=""
allow_dirty=()
if [ -d .git ] || [ -f .git ]; then
  if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
    dirty=1
    allow_dirty=(--allow-dirty)
    log "WARNING: the work tree has uncommitted changes: these artefacts are not for publishing"
  fi
fi

step "tools (scripts/install-deps.sh)"
bash scripts/install-deps.sh rust release wasm
done_step

rm -rf "$dist"
mkdir -p "$dist"

# 1. The core crate -------------------------------------------------------------------------
step "crate: cargo package"
cargo package -p ceseda "${allow_dirty[@]}"
crate="$root/target/package/ceseda-$version.crate"
[ -f "$crate" ] || die "cargo package did not write $crate"
cp "$crate" "$dist/"
listing="$(cargo package --list -p ceseda "${allow_dirty[@]}" 2>/dev/null)"
for f in Cargo.toml README.md LICENSE-MIT LICENSE-APACHE src/lib.rs; do
  grep -qx "$f" <<<"$listing" || die "the crate package does not contain $f"
done
# The packaged files are the repository's (the licenses and README are linked or copied in).
for f in README.md LICENSE-MIT LICENSE-APACHE; do
  tar -xzOf "$dist/ceseda-$version.crate" "ceseda-$version/$f" | cmp -s - "$f" || die "$f in the crate differs from the repository's"
done
done_step

step "crate: cargo publish --dry-run"
cargo publish --dry-run -p ceseda "${allow_dirty[@]}"
done_step

step "crate: cargo doc (-D warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc -p ceseda --no-deps
done_step

# 2. The Python wheel and sdist ---------------------------------------------------------------
venv="$root/.venv"
step "python: manylinux2014 wheel (maturin --zig)"
# maturin finds zig through the venv's `python -m ziglang`.
(
  export VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH"
  unset CONDA_PREFIX PYTHONHOME || true
  cd bindings/python
  maturin build --release --locked --zig --compatibility manylinux2014 -i "$venv/bin/python" --out "$dist"
)
done_step

step "python: sdist (maturin sdist)"
(cd bindings/python && "$venv/bin/maturin" sdist --out "$dist")
done_step

wheels=("$dist"/ceseda-"$version"-*.whl)
[ ${#wheels[@]} -eq 1 ] && [ -f "${wheels[0]}" ] || die "expected one wheel in $dist, found: ${wheels[*]}"
sdist="$dist/ceseda-$version.tar.gz"
[ -f "$sdist" ] || die "maturin sdist did not write $sdist"

step "python: checks (fresh venv)"
sdist_build=$([ $smoke = 1 ] && echo 0 || echo 1)
set +e
CESEDA_WHEEL="${wheels[0]}" CESEDA_SDIST="$sdist" CESEDA_SDIST_BUILD="$sdist_build" \
  "$venv/bin/python" -m pytest -p no:cacheprovider bindings/python/release_tests
status=$?
set -e
[ $status -eq 0 ] || die "the Python artefact checks failed (pytest exit $status)"
done_step

# 3. The npm package ------------------------------------------------------------------------
step "npm: build and pack"
bash bindings/wasm/build.sh
tarball_name="$(cd "$dist" && npm pack "$root/bindings/wasm/pkg" --json --loglevel=error | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s)[0].filename))')"
[ "$tarball_name" = "ceseda-$version.tgz" ] || die "npm pack wrote $tarball_name, expected ceseda-$version.tgz"
done_step

step "npm: checks (publish dry-run, fresh project)"
CESEDA_NPM_TARBALL="$dist/$tarball_name" node --test --test-reporter=spec bindings/wasm/tests/release/ \
  || die "the npm tarball checks failed"
done_step

# 4. The CLI binary --------------------------------------------------------------------------
if [ $smoke = 1 ]; then
  log "smoke: the release CLI binary is not built (the test suite runs the CLI)"
else
  step "cli: cargo build --release"
  cargo build --release --locked -p ceseda-cli
  cp target/release/ceseda "$dist/ceseda"
  out="$("$dist/ceseda" quote --permit visiteur --procedure first_issue --date 2024-03-01)"
  grep -Eq '^  total +225\.00 €' <<<"$out" || die "dist/ceseda quoted:"$'\n'"$out"
  "$dist/ceseda" quote --permit visiteur --procedure first_issue --date 2024-03-01 --json \
    | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { const a = JSON.parse(s); if (a.type !== "success" || a.quote.total !== "225.00") process.exit(1); })' \
    || die "dist/ceseda --json did not answer a total of 225.00"
  [ "$("$dist/ceseda" --version)" = "ceseda $version" ] || die "dist/ceseda --version is not ceseda $version"
  done_step
fi

# Summary ---------------------------------------------------------------------------------
(cd "$dist" && sha256sum -- * >SHA256SUMS.tmp && mv SHA256SUMS.tmp SHA256SUMS)
echo
echo "ceseda $version: release artefacts in dist/ ($mode run, $((SECONDS - started)) s)"
[ -n "$dirty" ] && echo "WARNING: built from a work tree with uncommitted changes: not for publishing"
printf '%-72s %10s  %s\n' file bytes sha256
for f in "$dist"/*; do
  name="$(basename "$f")"
  [ "$name" = SHA256SUMS ] && continue
  printf '%-72s %10s  %s\n' "$name" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"
done
echo
echo "time per step:"
printf '  %s\n' "${timings[@]}"
cat <<EOF

All checks passed. Nothing was published. To publish, from a clean checkout of the release commit
(first add the repository URL to Cargo.toml, pyproject.toml and gen-pkg.mjs once it is public):
  cargo publish -p ceseda                                  # crates.io (packages and verifies again)
  twine upload dist/ceseda-$version-*.whl dist/ceseda-$version.tar.gz   # PyPI (twine >= 6.1: metadata 2.4)
  npm publish dist/ceseda-$version.tgz                         # npm
  dist/ceseda                                              # attach to the release (x86_64 Linux, glibc)
EOF
if [ $smoke = 1 ]; then
  echo "(smoke run: the CLI binary and the sdist build from source were skipped; CESEDA_FULL=1 for all)"
fi
