"""The wheels carry everything an installed mre needs, and the versions agree.

Both wheels are built the way a release is: `python -m build` makes the
sdist, then the wheel from the unpacked sdist. Built straight from the work
tree, setuptools packs whatever an earlier build left in `build/lib` (a
deleted module comes back); from the sdist it cannot, and the sdist is
proven complete on the way. Without build isolation when this environment
has what the build needs (the `test` extra brings it), so nothing is
downloaded; otherwise `build` fetches setuptools from PyPI.

`.ci/run` then installs these wheels into a fresh virtualenv, away from the
source tree, and runs the demo from them.
"""

from __future__ import annotations

import configparser
import importlib.metadata
import subprocess
import sys
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

import mre_core
import mre_liverc
from mre_core.schema import schema_files
from mre_liverc import plugin

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "plugins" / "liverc"


def _can_build_without_isolation() -> bool:
    try:
        return Version(importlib.metadata.version("setuptools")) >= Version("77")
    except importlib.metadata.PackageNotFoundError:
        return False


def _build(source: Path, outdir: Path) -> Path:
    command = [sys.executable, "-m", "build", "--outdir", str(outdir), str(source)]
    if _can_build_without_isolation():
        command.insert(3, "--no-isolation")
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    (wheel,) = outdir.glob("*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheels(tmp_path_factory) -> dict[str, zipfile.ZipFile]:
    built = {
        "core": _build(ROOT, tmp_path_factory.mktemp("core-dist")),
        "liverc": _build(PLUGIN, tmp_path_factory.mktemp("liverc-dist")),
    }
    opened = {name: zipfile.ZipFile(path) for name, path in built.items()}
    yield opened
    for wheel in opened.values():
        wheel.close()


def _modules(package: Path) -> set[str]:
    """Every module under `package` in the source tree, as wheel paths."""
    return {
        path.relative_to(package.parent).as_posix()
        for path in package.rglob("*.py")
        if "__pycache__" not in path.parts
    }


def _dist_info(wheel: zipfile.ZipFile, name: str) -> str:
    (path,) = [n for n in wheel.namelist() if n.endswith(f".dist-info/{name}")]
    return wheel.read(path).decode()


def _metadata(wheel: zipfile.ZipFile):
    return HeaderParser().parsestr(_dist_info(wheel, "METADATA"))


def test_the_core_wheel_has_every_module_py_typed_and_the_json_schemas(wheels):
    names = set(wheels["core"].namelist())
    expected = (
        _modules(ROOT / "mre_core")
        | {"mre_core/py.typed"}
        | {f"mre_core/schemas/{name}" for name in schema_files()}
    )
    assert sorted(expected - names) == []
    assert [n for n in names if n.endswith(".pyc") or not n.startswith("mre_core")] == []


def test_the_core_wheel_has_the_console_s_templates_and_static_files(wheels):
    console = ROOT / "mre_core" / "console"
    expected = {
        path.relative_to(ROOT).as_posix()
        for folder in ("templates", "static")
        for path in (console / folder).rglob("*")
        if path.is_file()
    }
    assert "mre_core/console/templates/event.html" in expected
    assert "mre_core/console/static/console.css" in expected
    assert sorted(expected - set(wheels["core"].namelist())) == []


def test_the_core_wheel_has_every_migration(wheels):
    migrations = ROOT / "mre_core" / "storage" / "migrations"
    expected = {f"mre_core/storage/migrations/{p.name}" for p in migrations.glob("*.py")}
    assert sorted(expected - set(wheels["core"].namelist())) == []


def test_the_liverc_wheel_has_every_module_and_its_entry_point(wheels):
    names = set(wheels["liverc"].namelist())
    assert sorted(_modules(PLUGIN / "mre_liverc") - names) == []
    entry_points = configparser.ConfigParser()
    entry_points.read_string(_dist_info(wheels["liverc"], "entry_points.txt"))
    assert dict(entry_points["mre"]) == {"liverc": "mre_liverc.plugin"}


def test_each_version_is_written_once_and_the_plugin_pins_the_cores_minor(wheels):
    core, liverc = _metadata(wheels["core"]), _metadata(wheels["liverc"])
    assert core["Version"] == mre_core.__version__
    assert liverc["Version"] == mre_liverc.__version__ == plugin.describe_connector().version
    (needs_core,) = [
        Requirement(r) for r in liverc.get_all("Requires-Dist") if r.startswith("mre-core")
    ]
    major, minor = Version(mre_core.__version__).release[:2]
    assert needs_core.specifier == SpecifierSet(f">={major}.{minor},<{major}.{minor + 1}")


def test_both_wheels_carry_the_mit_license(wheels):
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License")
    for wheel in wheels.values():
        assert _dist_info(wheel, "licenses/LICENSE") == license_text
        assert _metadata(wheel)["License-Expression"] == "MIT"
