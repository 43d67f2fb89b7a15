"""Every ```python block of the repository's README runs as written."""

from __future__ import annotations

import re

import pytest

from conftest import README

BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)
BLOCKS = BLOCK.findall(README.read_text(encoding="utf-8")) if README.exists() else []


def _line(source: str, block: str) -> int:
    return source[: source.index(block)].count("\n") + 1


@pytest.mark.skipif(not BLOCKS, reason="README.md has no ```python block yet")
@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i + 1}" for i in range(len(BLOCKS))])
def test_readme_python_block_runs(block: str) -> None:
    source = README.read_text(encoding="utf-8")
    # Line numbers in tracebacks point into README.md.
    code = compile("\n" * (_line(source, block) - 1) + block, str(README), "exec")
    exec(code, {"__name__": "__readme__"})
