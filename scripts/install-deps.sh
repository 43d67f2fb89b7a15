#!/usr/bin/env bash
# Installs everything the test suite and the release build need, idempotently: each step is
# skipped when what it installs is already there.
# Usage: scripts/install-deps.sh [rust|python|wasm|web|browser|fuzz|release|all]...
# The wasm route follows shared/TOOLCHAIN.md: rustup's wasm32 target when present, otherwise
# Debian's rustc-web with build-std (rustup cannot add targets on the CI machines).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM_BINDGEN_VERSION="0.2.130"   # must equal the `=` pin in bindings/wasm/Cargo.toml
ZIGLANG_VERSION="0.17.1"         # the zig (PyPI's ziglang) that links the manylinux2014 wheel

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ $apt_updated -eq 0 ]; then $sudo apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

install_rust() {
  command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup" >&2; exit 1; }
  # scripts/test-rust.sh runs clippy with the project's lints.
  if ! cargo clippy --version >/dev/null 2>&1; then
    rustup component add clippy || { echo "clippy missing and 'rustup component add clippy' failed" >&2; exit 1; }
  fi
}

install_python() {
  local venv="$here/.venv"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  local reqs="$here/bindings/python/requirements-dev.txt"
  local stamp="$venv/.deps-$(sha1sum "$reqs" | cut -c1-12)"
  if [ ! -f "$stamp" ]; then
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -r "$reqs"
    touch "$stamp"
  fi
}

wasm_target_via_rustup() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

install_wasm() {
  # The wasm32 target: rustup's when installed, else Debian's rustc-web with its std source
  # (bindings/wasm/build.sh picks the same route).
  if ! wasm_target_via_rustup; then
    apt_install rustc-web cargo-web rust-web-src lld
  fi
  if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    # No --locked: the registry mirror can lack the newest transitive versions (TOOLCHAIN.md).
    cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  # The npm devDependencies (binaryen's wasm-opt, typescript, playwright-core), exactly as
  # package-lock.json says; installed again only when the lock file changes.
  local dir="$here/bindings/wasm"
  if [ -f "$dir/package-lock.json" ]; then
    command -v npm >/dev/null || { echo "npm not found: install Node.js 20 or later" >&2; exit 1; }
    local stamp
    stamp="$dir/node_modules/.ceseda-deps-$(sha1sum "$dir/package-lock.json" | cut -c1-12)"
    if [ ! -f "$stamp" ]; then
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
      touch "$stamp"
    fi
  fi
}

install_fuzz() {
  # scripts/test-fuzz.sh: cargo-fuzz (libFuzzer is built by its libfuzzer-sys crate; the stable
  # compiler acts as nightly with RUSTC_BOOTSTRAP=1). No --locked, as for wasm-bindgen-cli.
  install_rust
  command -v cargo-fuzz >/dev/null || cargo install -q cargo-fuzz
  command -v c++ >/dev/null || apt_install g++
}

install_web() {
  # The calculator page's tooling (vite, esbuild, webpack, playwright-core, axe-core), exactly
  # as examples/web/package-lock.json says; installed again only when the lock file changes.
  # The ceseda package itself is installed by examples/web/build.sh from its packed tarball.
  local dir="$here/examples/web"
  command -v npm >/dev/null || { echo "npm not found: install Node.js 20.19 or later" >&2; exit 1; }
  local stamp
  stamp="$dir/node_modules/.ceseda-deps-$(sha1sum "$dir/package-lock.json" | cut -c1-12)"
  if [ ! -f "$stamp" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$stamp"
  fi
}

install_browser() {
  # Headless Chromium for the browser smoke test (driven by playwright-core, installed by
  # install_wasm; `npx playwright install` cannot download its own browser here).
  [ -x /usr/bin/chromium ] || apt_install chromium
}

install_release() {
  # scripts/release.sh: maturin (from the dev requirements) links the manylinux2014 wheel with
  # zig (`maturin build --zig`), which PyPI's ziglang package provides inside the venv.
  install_python
  local py="$here/.venv/bin/python"
  if [ "$("$py" -c 'import importlib.metadata as m; print(m.version("ziglang"))' 2>/dev/null)" != "$ZIGLANG_VERSION" ]; then
    "$py" -m pip install -q "ziglang==$ZIGLANG_VERSION"
  fi
}

targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(all)
for t in "${targets[@]}"; do
  case "$t" in
    rust) install_rust ;;
    python) install_python ;;
    wasm) install_wasm ;;
    web) install_web ;;
    browser) install_browser ;;
    fuzz) install_fuzz ;;
    release) install_release ;;
    all) install_rust; install_python; install_wasm; install_web; install_browser; install_fuzz; install_release ;;
    *) echo "unknown target: $t (rust|python|wasm|web|browser|fuzz|release|all)" >&2; exit 2 ;;
  esac
done
