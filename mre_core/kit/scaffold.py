"""`mre connectors new NAME`: a connector package that installs, loads and passes the suite.

It reads a tiny example site (a JSON API at `https://NAME.example/`) served
from a cassette written here, so the package works before its author has
written a line: they replace the site and keep the tests green.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from vcr.serializers import yamlserializer

from mre_core import __version__
from mre_core.connector import CONTRACT
from mre_core.errors import UsageError

_NAME = re.compile(r"[a-z][a-z0-9_]{0,30}")

# Template file -> where it goes in the package ({name} is the connector's name).
_FILES = {
    "pyproject.toml.tmpl": "pyproject.toml",
    "README.md.tmpl": "README.md",
    "__init__.py.tmpl": "mre_{name}/__init__.py",
    "plugin.py.tmpl": "mre_{name}/plugin.py",
    "test_connector.py.tmpl": "tests/test_connector.py",
    "mre-conformance.toml.tmpl": "cassettes/mre-conformance.toml",
}


def new_connector(name: str, parent: Path) -> Path:
    """Write `parent/mre-NAME/` and return it; UsageError for a bad name or a used folder."""
    if not _NAME.fullmatch(name):
        raise UsageError(
            f"{name!r} cannot name a connector: lowercase letters, digits and _, "
            "starting with a letter (it is a Python module name and a source name)"
        )
    target = parent / f"mre-{name}"
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target} exists and is not empty: choose another --dir")
    major, minor = (int(part) for part in __version__.split(".")[:2])
    values = {
        "name": name,
        "contract": CONTRACT,
        "core_minor": f"{major}.{minor}",
        "core_next": f"{major}.{minor + 1}",
    }
    templates = resources.files("mre_core.kit") / "template"
    for template, destination in _FILES.items():
        text = Template((templates / template).read_text(encoding="utf-8")).substitute(values)
        _write(target / destination.format(name=name), text)
    _write(target / "cassettes" / "example.yaml", example_cassette(name))
    return target


def example_cassette(name: str) -> str:
    """The example site's answers as a cassette mre replays."""
    interactions = [
        {
            "request": {"body": "", "headers": {}, "method": "GET", "uri": url},
            "response": {
                "body": {"string": json.dumps(answer, indent=1) + "\n"},
                "headers": {"content-type": ["application/json"]},
                "status": {"code": 200, "message": "OK"},
            },
        }
        for url, answer in example_site(f"https://{name}.example").items()
    ]
    return yamlserializer.serialize({"interactions": interactions, "version": 1})


def example_site(site: str) -> dict[str, Any]:
    """One track, two events, one of them raced: a heat and a main of three drivers."""
    return {
        f"{site}/tracks.json": {"tracks": [{"id": "oval", "name": "Oval Club"}]},
        f"{site}/tracks/oval/events.json": {
            "events": [
                {"id": "1001", "name": "Club Night", "date": "2025-03-08"},
                {"id": "1002", "name": "Spring Cup", "date": "2025-04-12"},
            ]
        },
        f"{site}/events/1001/races.json": {
            "races": [
                {"id": "r1", "class": "Buggy", "label": "Heat 1"},
                {"id": "r2", "class": "Buggy", "label": "A-Main"},
            ]
        },
        f"{site}/races/r1.json": {
            "results": [
                _result("7", "ANN LEE", 1, ["20.500", "20.250", "20.000"]),
                _result("8", "BOB RAY", 2, ["21.000", "21.500", "20.750"]),
                _result("9", "CAT DOE", 3, ["24.125", "22.875"]),
            ]
        },
        f"{site}/races/r2.json": {
            "results": [
                _result("7", "ANN LEE", 1, ["20.000", "19.750", "20.125"]),
                _result("8", "BOB RAY", 2, ["20.500", "20.250", "20.400"]),
                _result("9", "CAT DOE", None, []),  # did not start
            ]
        },
    }


def _result(driver: str, name: str, position: int | None, laps: list[str]) -> dict[str, Any]:
    total = f"{sum(float(lap) for lap in laps):.3f}" if laps else ""
    return {"driver_id": driver, "name": name, "position": position, "laps": laps, "time": total}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
