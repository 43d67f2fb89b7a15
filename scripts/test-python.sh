#!/usr/bin/env bash
# Python: builds the package (bindings/python, a pyo3 extension) into the repository's
# virtualenv and runs its tests. Idempotent: installs what is missing, rebuilds what changed.
# Extra arguments go to pytest (e.g. scripts/test-python.sh -k frame).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

bash scripts/install-deps.sh rust python
venv="$here/.venv"
export VIRTUAL_ENV="$venv"
export PATH="$venv/bin:$PATH"
unset CONDA_PREFIX PYTHONHOME || true

# The binding's own lints (no unwrap, expect, panic or indexing across the FFI boundary).
cargo clippy --quiet --manifest-path bindings/python/Cargo.toml --all-targets -- -D warnings

# Build the extension in release mode and install the package, editable, into the venv.
(cd bindings/python && maturin develop --release --quiet)
python -c "import ceseda, sys; print('ceseda', ceseda.__version__, 'on Python', sys.version.split()[0])"

# pytest exits 5 when it collected no test: that is a failure here.
set +e
(cd bindings/python && python -m pytest tests "$@")
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "test-python.sh: pytest collected no test" >&2
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"

# The quote_frame benchmark in its smoke mode (a few rows, once, no timing asserted), so that it
# never rots; run it in full with .venv/bin/python benches/python_quote_frame.py.
python benches/python_quote_frame.py --smoke
