"""`mre-conformance.toml`: what the conformance suite drives, one table per case.

[[case]]
cassette = "my-event.yaml"   # a file in the folder of this file
track = "mytrack"            # the source's track id
events = ["12345"]           # events of that track to ingest whole
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from mre_core.errors import UsageError

CASES_FILE = "mre-conformance.toml"


@dataclass(frozen=True, slots=True)
class Case:
    cassette: Path
    track: str
    events: tuple[str, ...]

    @property
    def name(self) -> str:
        """The case's id in test names: its cassette and track."""
        return f"{self.cassette.stem}:{self.track}"


def read_cases(folder: Path) -> list[Case]:
    """The cases of `folder`'s mre-conformance.toml; UsageError naming what is wrong."""
    path = folder / CASES_FILE
    if not path.is_file():
        raise UsageError(f"{folder} has no {CASES_FILE} saying which cassettes to drive")
    try:
        tables = tomllib.loads(path.read_text(encoding="utf-8")).get("case")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path} is not TOML: {exc}") from None
    if not isinstance(tables, list) or not tables:
        raise UsageError(f"{path} has no [[case]] table")
    return [_case(folder, path, number, table) for number, table in enumerate(tables, start=1)]


def _case(folder: Path, path: Path, number: int, table: object) -> Case:
    where = f"{path}, case {number}"
    if not isinstance(table, dict) or set(table) - {"cassette", "track", "events"}:
        raise UsageError(f"{where}: a case has cassette, track and events, nothing else")
    cassette, track, events = table.get("cassette"), table.get("track"), table.get("events")
    if not isinstance(cassette, str) or not (folder / cassette).is_file():
        raise UsageError(f"{where}: cassette {cassette!r} is not a file in {folder}")
    if not isinstance(track, str) or not track:
        raise UsageError(f"{where}: track must be the source's track id, as text")
    if not isinstance(events, list) or not all(isinstance(e, str) and e for e in events):
        raise UsageError(f"{where}: events must be a list of the source's event ids, as text")
    return Case(folder / cassette, track, tuple(events))
