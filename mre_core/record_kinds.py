"""Each kind of record declared once: its record, the table it lands in, its natural key.

A record's fields land in the table's columns of the same name, JSON fields
(`extra`, `raw_cells`) as JSON text; `elsewhere` names the fields stored in
another table (a result's driver fields go to race_drivers) or not as a
column at all (a result's laps are rows of their own). The writers build
their rows from these declarations (`row`), the JSON Schemas come from the
record classes (`mre_core.schema`), the boundary checks and the conformance
suite read the record's key (`records.KEY`), and a test holds every field of
every kind to a column or to `elsewhere`: adding a kind is a record, a
declaration here, a migration and the service module that writes it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import peewee

from mre_core.records import (
    EventRecord,
    LapRecord,
    PracticeLapRecord,
    PracticeSessionDetail,
    RaceDetail,
    RaceRecord,
    ResultRecord,
    TrackRecord,
)
from mre_core.storage.models import (
    Event,
    Lap,
    PracticeLap,
    PracticeSession,
    Race,
    RaceResult,
    Track,
    json_text,
)

_JSON_FIELDS = frozenset({"extra", "raw_cells", "facts_raw"})


@dataclass(frozen=True)
class RecordKind:
    """`record`'s fields in `model`'s table, keyed by `key` (the table's unique columns)."""

    name: str
    record: type
    model: type[peewee.Model]
    key: tuple[str, ...]
    # Fields not stored as a column of `model`, and where they go instead.
    elsewhere: dict[str, str] = dataclasses.field(default_factory=dict)

    @cached_property
    def fields(self) -> tuple[str, ...]:
        """The record's fields that land in `model`'s columns, in the record's order."""
        return tuple(
            f.name for f in dataclasses.fields(self.record) if f.name not in self.elsewhere
        )

    def row(self, record: Any) -> dict[str, Any]:
        """The columns `record` fills (the caller adds the keys it knows: parent ids...)."""
        return {
            name: json_text(value) if name in _JSON_FIELDS else value
            for name in self.fields
            for value in (getattr(record, name),)
        }


TRACK = RecordKind("track", TrackRecord, Track, key=("source", "source_track_slug"))
EVENT = RecordKind("event", EventRecord, Event, key=("source", "source_event_id"))
RACE = RecordKind("race", RaceRecord, Race, key=("event", "source_race_id"))
RACE_PAGE = RecordKind(
    "race page",
    RaceDetail,
    Race,
    key=("event", "source_race_id"),
    elsewhere={
        "source_race_id": "the race's key, from its listing (RACE)",
        "results": "race_results (RESULT), one row a result",
        "page_digest": "races.page_digest, prefixed with the core's version (race_writer)",
        "unchanged": "not stored: says the page was not read again",
    },
)
RESULT = RecordKind(
    "result",
    ResultRecord,
    RaceResult,
    key=("race", "race_driver"),
    elsewhere={
        "source_driver_id": "race_drivers (and drivers): who raced",
        "display_name": "race_drivers: the name the race shows",
        "car_number": "race_drivers: the car number the race shows",
        "laps": "laps (LAP), one row a lap",
    },
)
LAP = RecordKind(
    "lap",
    LapRecord,
    Lap,
    key=("race_result", "lap_number"),
)

PRACTICE_SESSION = RecordKind(
    "practice session",
    PracticeSessionDetail,
    PracticeSession,
    key=("source", "source_session_id"),
    elsewhere={"laps": "practice_laps (PRACTICE_LAP), one row a lap"},
)
PRACTICE_LAP = RecordKind(
    "practice lap", PracticeLapRecord, PracticeLap, key=("practice_session", "lap_number")
)

KINDS = (TRACK, EVENT, RACE, RACE_PAGE, RESULT, LAP, PRACTICE_SESSION, PRACTICE_LAP)
