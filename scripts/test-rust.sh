#!/usr/bin/env bash
# Rust: the core, the CLI, the README's Rust snippets (doctests) and the examples.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install-deps.sh rust
# The conformance crate needs the bindings built: scripts/test-conformance.sh runs it.
cargo test --workspace --all-targets --exclude ceseda-conformance
cargo test --workspace --doc
# The bindings' generated files are the schema's (also a test of ceseda-codegen).
cargo run -q -p ceseda-codegen -- --check
cargo clippy --workspace --all-targets -- -D warnings
# The compiled price table against the engine over its whole domain (release: seconds).
cargo test -q --release -p ceseda --test price_table --test batch_columns
# The temporal sweep: every day 2009-2030 x every document and procedure x circumstances
# (release: under a minute; CESEDA_SWEEP=full for every set of circumstances on every document).
cargo test -q --release -p ceseda-conformance --test sweep
# Every benchmark once, as a smoke test without timing, so that none rots.
cargo bench -q -p ceseda-benches -- --test
