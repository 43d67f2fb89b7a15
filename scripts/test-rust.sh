#!/usr/bin/env bash
# Rust: the core, the CLI, the README's Rust snippets (doctests) and the examples.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install-deps.sh rust
cargo test --workspace --all-targets
cargo test --workspace --doc
cargo clippy --workspace --all-targets -- -D warnings
