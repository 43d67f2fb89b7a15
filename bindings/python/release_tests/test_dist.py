"""The release artefacts of the Python package, checked as a user would get them.

The wheel must be a manylinux2014 (manylinux_2_17) x86_64 abi3 wheel with the license texts
and the declared metadata; installed into a fresh virtual environment (not the repository's
.venv), it must quote. The sdist must carry the license texts and the sources the build needs.

The artefacts are $CESEDA_WHEEL and $CESEDA_SDIST (scripts/release.sh passes them), or else the
one wheel and the one sdist in dist/. CESEDA_SDIST_BUILD=1 also builds the sdist from source
into a fresh virtual environment (pip fetches maturin; needs cargo) and quotes with it.

Run: .venv/bin/python -m pytest bindings/python/release_tests
"""

from __future__ import annotations

import email.parser
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from collections.abc import Iterator

import pytest

REPO = pathlib.Path(__file__).resolve().parents[3]
DIST = REPO / "dist"
LICENSES = ("LICENSE-MIT", "LICENSE-APACHE")
MANYLINUX = {"manylinux2014_x86_64", "manylinux_2_17_x86_64"}

# Run inside the fresh environment, from a temporary folder, isolated (-I) from the repository.
SMOKE = """
import datetime, decimal, importlib.metadata, json
import ceseda
q = ceseda.quote(permit="visiteur", procedure="first_issue", date=datetime.date(2024, 3, 1))
try:
    ceseda.quote(permit="visitor", procedure="first_issue", date=datetime.date(2024, 3, 1))
    code = None
except ceseda.UnknownCodeError as e:
    code = e.code
print(json.dumps({
    "total": str(q.total),
    "total_is_225": q.total == decimal.Decimal("225.00"),
    "lines": [[line.component, str(line.amount)] for line in q.lines],
    "code": code,
    "file": ceseda.__file__,
    "version": ceseda.__version__,
    "dist_version": importlib.metadata.version("ceseda"),
}))
"""


def cargo_version() -> str:
    text = (REPO / "Cargo.toml").read_text(encoding="utf-8")
    section = text.split("[workspace.package]", 1)[1].split("\n[", 1)[0]
    match = re.search(r'^version\s*=\s*"([^"]+)"', section, re.M)
    assert match, "no [workspace.package] version in Cargo.toml"
    return match.group(1)


def artefact(variable: str, pattern: str) -> pathlib.Path:
    given = os.environ.get(variable)
    if given:
        path = pathlib.Path(given).resolve()
        assert path.is_file(), f"{variable}={given} is not a file"
        return path
    found = sorted(DIST.glob(pattern))
    assert len(found) == 1, f"expected one {pattern} in {DIST} (run scripts/release.sh) or {variable}, found {found}"
    return found[0]


@pytest.fixture(scope="module")
def wheel() -> pathlib.Path:
    return artefact("CESEDA_WHEEL", "ceseda-*.whl")


@pytest.fixture(scope="module")
def sdist() -> pathlib.Path:
    return artefact("CESEDA_SDIST", "ceseda-*.tar.gz")


def metadata(text: str) -> email.message.Message:
    return email.parser.Parser().parsestr(text)


def check_core_metadata(meta: email.message.Message) -> None:
    assert meta["Name"] == "ceseda"
    assert meta["Version"] == cargo_version()
    assert meta["License-Expression"] == "MIT OR Apache-2.0"
    assert sorted(meta.get_all("License-File") or []) == sorted(LICENSES)
    # PEP 639: with an expression, no "License ::" classifiers (nor a legacy License field).
    assert not [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    assert meta["License"] is None
    assert meta["Requires-Python"] == ">=3.9"
    assert "ceseda" in (meta["Keywords"] or "").split(",")
    assert (meta["Description-Content-Type"] or "").startswith("text/markdown")
    assert "example.invalid" not in str(meta)
    assert meta.get_all("Project-URL") is None, "no project URLs until the project is public"
    assert meta.get_payload().lstrip().startswith("# ceseda"), "the README is the long description"


# The wheel ---------------------------------------------------------------------------------


def test_the_wheel_is_manylinux2014_x86_64_abi3(wheel: pathlib.Path) -> None:
    match = re.fullmatch(r"ceseda-(?P<version>[^-]+)-(?P<python>[^-]+)-(?P<abi>[^-]+)-(?P<platform>[^-]+)\.whl", wheel.name)
    assert match, wheel.name
    assert match["version"] == cargo_version()
    assert (match["python"], match["abi"]) == ("cp39", "abi3"), wheel.name
    platforms = set(match["platform"].split("."))
    assert platforms & MANYLINUX, f"{wheel.name}: not manylinux2014 / manylinux_2_17"
    assert platforms <= MANYLINUX, f"{wheel.name}: unexpected platform tags"
    with zipfile.ZipFile(wheel) as z:
        info = metadata(z.read(f"ceseda-{match['version']}.dist-info/WHEEL").decode())
    assert info["Root-Is-Purelib"] == "false"
    assert set(info.get_all("Tag") or []) == {f"cp39-abi3-{p}" for p in platforms}


def test_the_wheel_holds_the_package_the_license_texts_and_no_tests(wheel: pathlib.Path) -> None:
    version = cargo_version()
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for name in LICENSES:
            member = f"ceseda-{version}.dist-info/licenses/{name}"
            assert member in names, f"{name} is not in the wheel"
            assert z.read(member) == (REPO / name).read_bytes(), f"{name} differs from the repository's"
        record = z.read(f"ceseda-{version}.dist-info/RECORD").decode()
        check_core_metadata(metadata(z.read(f"ceseda-{version}.dist-info/METADATA").decode()))
    assert {"ceseda/__init__.py", "ceseda/_native.abi3.so", "ceseda/_native.pyi", "ceseda/py.typed"} <= names
    assert not [n for n in names if "tests/" in n or "/test_" in n]
    for name in names:
        assert name in record, f"{name} missing from RECORD"


@pytest.mark.skipif(shutil.which("objdump") is None, reason="objdump (binutils) is not installed")
def test_the_extension_needs_no_glibc_newer_than_2_17(wheel: pathlib.Path, tmp_path: pathlib.Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        so = pathlib.Path(z.extract("ceseda/_native.abi3.so", tmp_path))
    symbols = subprocess.run(["objdump", "-T", str(so)], check=True, capture_output=True, text=True).stdout
    versions = {tuple(int(p) for p in v.split(".")) for v in re.findall(r"GLIBC_([0-9.]+)", symbols)}
    assert versions, "no versioned glibc symbol found"
    assert max(versions) <= (2, 17), f"needs glibc {max(versions)}"


@pytest.fixture
def fresh_venv(tmp_path: pathlib.Path) -> Iterator[pathlib.Path]:
    """A new virtual environment outside the repository, with nothing installed."""
    root = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(root)
    python = root / "bin" / "python"
    assert python.exists()
    yield python


def pip_install(python: pathlib.Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", *args], check=True, env=env)


def smoke(python: pathlib.Path, cwd: pathlib.Path) -> dict[str, object]:
    out = subprocess.run([str(python), "-I", "-c", SMOKE], check=True, capture_output=True, text=True, cwd=cwd)
    answer: dict[str, object] = json.loads(out.stdout)
    return answer


def check_smoke(answer: dict[str, object], venv_root: pathlib.Path) -> None:
    assert answer["total"] == "225.00"
    assert answer["total_is_225"] is True
    assert answer["lines"] == [["tax", "200.00"], ["droit_de_timbre", "25.00"]]
    assert answer["code"] == "unknown_code"
    assert answer["version"] == answer["dist_version"] == cargo_version()
    installed = pathlib.Path(str(answer["file"])).resolve()
    assert installed.is_relative_to(venv_root.resolve()), f"imported {installed}, not the fresh environment's"


def test_the_wheel_installs_into_a_fresh_venv_and_quotes(wheel: pathlib.Path, fresh_venv: pathlib.Path, tmp_path: pathlib.Path) -> None:
    # --no-index: the wheel has no dependencies, so nothing is fetched.
    pip_install(fresh_venv, "--no-index", "--no-deps", str(wheel))
    check_smoke(smoke(fresh_venv, tmp_path), fresh_venv.parent.parent)


# The sdist ---------------------------------------------------------------------------------


def test_the_sdist_holds_the_license_texts_and_the_sources(sdist: pathlib.Path) -> None:
    version = cargo_version()
    assert sdist.name == f"ceseda-{version}.tar.gz"
    top = f"ceseda-{version}"
    with tarfile.open(sdist) as t:
        members = {m.name: m for m in t.getmembers()}
        for name in LICENSES:
            member = members.get(f"{top}/{name}")
            assert member is not None, f"{name} is not in the sdist"
            assert member.isfile(), f"{name} is not a regular file in the sdist"
            data = t.extractfile(member)
            assert data is not None and data.read() == (REPO / name).read_bytes(), f"{name} differs from the repository's"
        pkg_info = t.extractfile(members[f"{top}/PKG-INFO"])
        assert pkg_info is not None
        check_core_metadata(metadata(pkg_info.read().decode()))
    for needed in ("pyproject.toml", "Cargo.toml", "python/ceseda/__init__.py", "python/ceseda/py.typed", "crates/ceseda/src/lib.rs"):
        assert f"{top}/{needed}" in members, f"{needed} is not in the sdist"


@pytest.mark.skipif(os.environ.get("CESEDA_SDIST_BUILD") != "1", reason="set CESEDA_SDIST_BUILD=1 to build the sdist from source")
def test_the_sdist_builds_into_a_fresh_venv_and_quotes(sdist: pathlib.Path, fresh_venv: pathlib.Path, tmp_path: pathlib.Path) -> None:
    # pip builds it in an isolated environment (maturin from PyPI) with the machine's cargo.
    pip_install(fresh_venv, "--no-deps", str(sdist))
    check_smoke(smoke(fresh_venv, tmp_path), fresh_venv.parent.parent)
