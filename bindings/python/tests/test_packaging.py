"""What is installed: an abi3 extension, typed, with the declared metadata."""

from __future__ import annotations

import importlib.metadata
import pathlib

import ceseda
from ceseda import _native


def test_the_extension_is_a_private_abi3_module() -> None:
    path = pathlib.Path(_native.__file__)
    assert path.parent == pathlib.Path(ceseda.__file__).parent
    assert ".abi3." in path.name or path.suffix == ".pyd", path.name


def test_the_package_is_typed() -> None:
    root = pathlib.Path(ceseda.__file__).parent
    assert (root / "py.typed").exists()
    assert (root / "_native.pyi").exists()


def test_the_version_is_the_crate_version() -> None:
    assert ceseda.__version__ == importlib.metadata.version("ceseda")
