#!/usr/bin/env bash
# Builds the npm package `ceseda` into bindings/wasm/pkg/.
#
#   1. cargo builds the wasm32-unknown-unknown cdylib: with rustup's target when it is
#      installed, otherwise with Debian's rustc-web and -Zbuild-std (shared/TOOLCHAIN.md).
#   2. wasm-bindgen --target web writes the ESM glue (one build serves browsers, bundlers
#      and Node: the Node entry reads the .wasm with fs, the browser entry fetches it).
#   3. wasm-opt (from the npm package binaryen, or on PATH) optimises it, when available.
#   4. The wrapper (js/: the hand-written translation, and index.d.ts, codes.js and codes.d.ts
#      generated from the core's schema by `cargo run -p ceseda-codegen`) is copied next to
#      it, and scripts/gen-pkg.mjs writes package.json.
#   The pricing-only module (pricing/, `ceseda/pricing`) goes through steps 1 to 4 beside it:
#   cargo's profile "pricing", wasm-bindgen's out-name pricing, its own wasm-opt cache.
#
# Idempotent: cargo does nothing when nothing changed and wasm-opt's output is cached by the
# hash of its input. Environment: CESEDA_WASM_TOOLCHAIN=rustup|debian forces a route;
# WASM_OPT=0 skips wasm-opt; WASM_OPT_FLAGS overrides its flags.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
target=wasm32-unknown-unknown
crate=ceseda_wasm
work="$here/.build"
mkdir -p "$work"

log() { echo "build.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# 1. The WebAssembly module.
route="${CESEDA_WASM_TOOLCHAIN:-}"
if [ -z "$route" ]; then
  if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    route=rustup
  else
    route=debian
  fi
fi
case "$route" in
  rustup)
    log "cargo build with rustup's $target target"
    cargo build --release --target "$target"
    cargo build --profile pricing --target "$target" -p ceseda-wasm-pricing
    ;;
  debian)
    for tool in /usr/bin/cargo /usr/bin/rustc wasm-ld; do
      command -v "$tool" >/dev/null || die "$tool is missing: run scripts/install-deps.sh wasm (Debian's rustc-web, cargo-web, rust-web-src, lld)"
    done
    log "cargo build with Debian's rustc-web and -Zbuild-std (rustup has no $target target here)"
    # RUSTC: rustup's rustc proxy comes first on PATH and has no wasm32 std source.
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
      /usr/bin/cargo build --release --target "$target" -Zbuild-std=std,panic_abort
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
      /usr/bin/cargo build --profile pricing --target "$target" -Zbuild-std=std,panic_abort -p ceseda-wasm-pricing
    ;;
  *) die "CESEDA_WASM_TOOLCHAIN must be rustup or debian, not $route" ;;
esac
wasm="$here/target/$target/release/$crate.wasm"
[ -f "$wasm" ] || die "cargo did not produce $wasm"
# The pricing-only module (pricing/: numbers in, answer ids out, no JSON contract, no text).
pricing_wasm="$here/target/$target/pricing/ceseda_wasm_pricing.wasm"
[ -f "$pricing_wasm" ] || die "cargo did not produce $pricing_wasm"

# 2. wasm-bindgen: the CLI must be exactly the version of the crate in Cargo.lock.
locked="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
command -v wasm-bindgen >/dev/null || die "wasm-bindgen is missing: cargo install wasm-bindgen-cli --version $locked (or scripts/install-deps.sh wasm)"
cli="$(wasm-bindgen --version | awk '{print $2}')"
[ "$cli" = "$locked" ] || die "wasm-bindgen CLI $cli does not match the wasm-bindgen crate $locked in Cargo.lock"
rm -rf "$work/bindgen"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-name ceseda --out-dir "$work/bindgen" "$wasm"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-name pricing --out-dir "$work/bindgen" "$pricing_wasm"

# 3. wasm-opt, when available. Memory packing is skipped: it splits the data segment around
# runs of zeros, which makes the raw file smaller but the gzipped file 6 KB larger.
wasm_opt=""
if [ "${WASM_OPT:-1}" != "0" ]; then
  if [ -x "$here/node_modules/.bin/wasm-opt" ]; then wasm_opt="$here/node_modules/.bin/wasm-opt"
  elif command -v wasm-opt >/dev/null; then wasm_opt="$(command -v wasm-opt)"
  fi
fi
bg="$work/bindgen/ceseda_bg.wasm"
if [ -n "$wasm_opt" ]; then
  flags="${WASM_OPT_FLAGS:--Os --skip-pass=memory-packing --strip-debug --strip-producers}"
  key="$( (sha256sum "$bg" | cut -c1-16; echo "$flags"; "$wasm_opt" --version) | sha256sum | cut -c1-16)"
  cached="$work/opt-$key.wasm"
  if [ ! -f "$cached" ]; then
    rm -f "$work"/opt-*.wasm
    log "wasm-opt $flags"
    # shellcheck disable=SC2086
    if ! "$wasm_opt" $flags "$bg" -o "$cached.tmp" 2>"$work/wasm-opt.log"; then
      log "wasm-opt failed (see $work/wasm-opt.log); shipping wasm-bindgen's output unoptimised"
      cp "$bg" "$cached.tmp"
    fi
    mv "$cached.tmp" "$cached"
  else
    log "wasm-opt: cached"
  fi
  cp "$cached" "$bg"
elif [ "${WASM_OPT:-1}" = "0" ]; then
  log "wasm-opt skipped (WASM_OPT=0)"
else
  log "wasm-opt not found (npm install in bindings/wasm provides it): skipped"
fi
# The pricing module the same way, cached apart (opt-pricing-<hash>.wasm).
pbg="$work/bindgen/pricing_bg.wasm"
if [ -n "$wasm_opt" ]; then
  flags="${WASM_OPT_FLAGS:--Os --skip-pass=memory-packing --strip-debug --strip-producers}"
  key="$( (sha256sum "$pbg" | cut -c1-16; echo "$flags"; "$wasm_opt" --version) | sha256sum | cut -c1-16)"
  if [ ! -f "$work/opt-pricing-$key.wasm" ]; then
    rm -f "$work"/opt-pricing-*.wasm
    # shellcheck disable=SC2086
    "$wasm_opt" $flags "$pbg" -o "$work/opt-pricing-$key.tmp" 2>>"$work/wasm-opt.log" || cp "$pbg" "$work/opt-pricing-$key.tmp"
    mv "$work/opt-pricing-$key.tmp" "$work/opt-pricing-$key.wasm"
  fi
  cp "$work/opt-pricing-$key.wasm" "$pbg"
fi

# 4. The package, assembled next to pkg/ and swapped in whole.
stage="$work/pkg"
rm -rf "$stage"
mkdir -p "$stage/wasm"
cp "$work/bindgen/ceseda.js" "$work/bindgen/ceseda_bg.wasm" "$stage/wasm/"
cp "$work/bindgen/pricing.js" "$work/bindgen/pricing_bg.wasm" "$stage/wasm/"
cp js/error.js js/ids.js js/ids.d.ts js/pricing.js js/pricing-node.js js/pricing-api.js js/pricing.d.ts "$stage/"
cp js/api.js js/index.js js/node.js js/init.js js/index.d.ts js/init.d.ts js/codes.js js/codes.d.ts js/README.md "$stage/"
node scripts/gen-pkg.mjs "$stage"
rm -rf "$here/pkg"
mv "$stage" "$here/pkg"

raw_size=$(wc -c <"$here/pkg/wasm/ceseda_bg.wasm")
gz_size=$(gzip -9c "$here/pkg/wasm/ceseda_bg.wasm" | wc -c)
log "pkg/ ready: ceseda_bg.wasm $raw_size bytes, $gz_size gzipped ($route toolchain${wasm_opt:+, wasm-opt})"
log "pkg/ ready: pricing_bg.wasm $(wc -c <"$here/pkg/wasm/pricing_bg.wasm") bytes, $(gzip -9c "$here/pkg/wasm/pricing_bg.wasm" | wc -c) gzipped (the pricing-only module)"
