"""The API's bodies, declared so the OpenAPI document says what each route answers.

Answers are the service's own dicts (the same the CLI prints with --json);
these models describe them without reshaping. Each allows fields it does
not name (`Open`): a field the service gains reaches clients at once, and a
run stays exactly what `mre runs show ID --json` prints.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

# A job answer's status: the run's, with a running run said as the issue says it.
JobStatus = Literal[
    "queued",
    "in_progress",
    "succeeded",
    "failed",
    "cancelled",
    "already_complete",
    "partial",
    "not_ready",
]
# Times are ISO 8601 without an offset, as the CLI's --json writes them: bookkeeping
# times (started_at, last_seen_at...) are UTC, an event's times the venue's own. That is
# not JSON Schema's "date-time" (RFC 3339 wants an offset): the document gives the shape.
Stamp = Annotated[
    datetime,
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$"}),
]
# An event's start (a time) or end (a day).
Day = Annotated[
    datetime | date,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?)?$",
        }
    ),
]


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# --- requests ---------------------------------------------------------------------


class SyncTracksRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str | None = Field(
        None,
        description="The connector whose catalogue to sync; may be left out when one "
        "installed connector has a catalogue.",
    )


class SyncEventsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    depth: Literal["none", "laps_full"] = Field(
        "none", description="none: the event list only; laps_full: then import events."
    )
    ingest_all: bool = Field(
        False, description="With laps_full: import every listed event, not only new ones."
    )
    source: str | None = None


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    force: bool = Field(False, description="Fetch again even if the event is laps_full.")
    source: str | None = None


# --- runs and jobs --------------------------------------------------------------


class Progress(Open):
    done: int
    total: int | None
    step: str | None


class Run(Open):
    id: int
    operation: str
    source: str
    target: str
    status: str
    parent_id: int | None
    started_at: Stamp | None
    finished_at: Stamp | None
    heartbeat_at: Stamp | None
    progress: Progress
    requests: int
    counts: dict[str, Any]
    error_code: str | None
    error_message: str | None
    host: str | None
    pid: int | None


class RunDetail(Run):
    """A run as `mre runs show ID --json` prints it: with its child runs."""

    children: list[Run]


class JobAnswer(BaseModel):
    """What submitting (or cancelling) a job answers."""

    run_id: int
    status: JobStatus
    run: RunDetail


class LogLine(Open):
    id: int
    at: Stamp
    level: str
    message: str


# --- tracks, events, races ------------------------------------------------------------


class TrackItem(Open):
    id: int
    source: str
    slug: str
    name: str
    is_active: bool
    last_seen_at: Stamp | None
    extra: dict[str, str | int | float | bool | None] = Field(
        default_factory=dict, description="The connector's own fields, as it documents them."
    )


class EventSummary(Open):
    id: int
    source: str
    source_event_id: str
    name: str
    date: Day | None
    end_date: Day | None
    ingest_depth: str


class TrackRef(Open):
    slug: str
    name: str


class EventItem(EventSummary):
    track: TrackRef


class EventPage(BaseModel):
    items: list[EventItem]
    total: int


class RaceResults(Open):
    source_race_id: str
    class_name: str
    results: list[dict[str, Any]]


class EventDetail(EventSummary):
    track: TrackRef
    races: list[RaceResults]
    fastest_laps: list[dict[str, Any]]


class LapPoint(Open):
    lap: int
    time: float | None
    position: int | None


class DriverLaps(Open):
    driver: str
    position: int | None
    laps: list[LapPoint]


class RaceLaps(Open):
    race: dict[str, Any]
    drivers: list[DriverLaps]


# --- users and the rest ---------------------------------------------------------------


class Link(Open):
    id: int
    user_id: int
    user: str
    driver_id: int
    driver: str
    status: str


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    database: Literal["sqlite", "postgresql"]
    jobs_pending: int = Field(description="Runs queued or running, children included.")
    workers: int = Field(description="Jobs this process runs at once (0: workers elsewhere).")
