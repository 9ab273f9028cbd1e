"""The plain records connectors return: the whole contract between a timing
site and the database, in one place.

Connectors build these from pages and hand them to the core; they never see
the database. Every number a site shows is returned parsed *and* as the text
shown (`*_raw`, `raw_cells`), so nothing is lost when a parser's reading of a
cell turns out wrong later. Times of day carry no time zone: timing sites show
venue-local times and so does mre.

`schemas/` holds a JSON Schema per record, generated from these classes
(`python -m mre_core.schema`), and a test keeps both in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# Field metadata of a record's natural key: never empty, unique within one answer.
KEY: dict[str, Any] = {"key": True}


@dataclass(frozen=True, slots=True)
class RequestBound:
    """At most how many requests one whole event costs a connector:
    `fixed + per_race × races + per_result × results` (results: rows of all its races).

    LiveRC's is 2 + 1 a race (the entry list, the event page, each race's
    page); a source that serves each driver's laps on a page of its own adds
    1 a result. The core reports it, and the conformance suite holds the
    connector to it.
    """

    fixed: int
    per_race: int = 0
    per_result: int = 0

    def of(self, races: int, results: int) -> int:
        return self.fixed + self.per_race * races + self.per_result * results


@dataclass(frozen=True, slots=True)
class ConnectorInfo:
    """Who a connector is, where it may fetch, and what it can do.

    `hosts` are exact names or `*.domain` patterns; the core's HTTP client
    refuses any other host for this connector. `contract` is the version of
    the connector contract it was written for (`mre_core.connector.CONTRACT`
    when it was written) and `capabilities` what it can do, from
    `mre_core.connector.CAPABILITIES`: both are required, as mre cannot
    guess either. `event_requests` bounds what an event costs (see
    RequestBound); the conformance suite requires it.
    """

    source: str = field(metadata=KEY)
    version: str
    hosts: tuple[str, ...]
    title: str = ""
    contract: str = ""
    capabilities: tuple[str, ...] = ()
    event_requests: RequestBound | None = None


@dataclass(slots=True)
class TrackRecord:
    """A track as the source's catalogue lists it.

    `last_updated_text` is the catalogue's wording ("2 days ago"), relative
    to when the page was fetched and so wrong a day later; `last_updated_at`
    is the time it names, worked out by the connector from the fetch time
    (naive UTC, as precise as the wording), or None when the wording is not
    one it reads.
    """

    source_track_slug: str = field(metadata=KEY)
    track_name: str
    track_url: str
    events_url: str
    last_updated_text: str | None = None
    last_updated_at: datetime | None = None


@dataclass(slots=True)
class EventRecord:
    source_event_id: str = field(metadata=KEY)
    event_name: str
    event_url: str
    event_date: datetime | None
    event_end_date: date | None = None
    event_entries: int | None = None
    event_drivers: int | None = None


@dataclass(slots=True)
class EntryRecord:
    """One driver entered in one class of an event.

    Entry lists often carry no driver id (LiveRC's do not): the core then
    gives the driver a temporary id and swaps in the real one when a race
    result names the same driver.
    """

    class_name: str
    display_name: str
    sort_name: str | None = None
    transponder_number: str | None = None
    car_number: str | None = None
    source_driver_id: str | None = None


@dataclass(slots=True)
class RaceRecord:
    """A race as listed on the event's page, before its result is fetched.

    `race_order` is 1-based and chronological across the whole event;
    `race_number` is the number the site shows, which restarts every round.
    """

    source_race_id: str = field(metadata=KEY)
    race_url: str
    class_name: str
    race_label: str
    race_order: int
    round_name: str | None = None
    race_number: int | None = None
    completed_at: datetime | None = None
    completed_date: date | None = None
    completed_at_raw: str | None = None


@dataclass(slots=True)
class LapRecord:
    """Lap 1..N of one driver in one race (the grid slot, lap 0, is not a lap)."""

    lap_number: int
    lap_time_seconds: float
    lap_time_raw: str
    position_on_lap: int | None = None
    pace: str | None = None


@dataclass(slots=True)
class ResultRecord:
    """One row of a race's results table, with that driver's laps.

    `source_driver_id` is None only when the page shows no id for the row;
    the core then identifies the driver by name within the event.
    """

    source_driver_id: str | None
    display_name: str
    laps_completed: int
    total_time_raw: str
    started: bool = True
    car_number: str | None = None
    position_final: int | None = None
    qualifying_position: int | None = None
    total_time_seconds: float | None = None
    behind_raw: str | None = None
    behind_seconds: float | None = None
    behind_laps: int | None = None
    fast_lap_time: float | None = None
    fast_lap_number: int | None = None
    avg_lap_time: float | None = None
    avg_top5: float | None = None
    avg_top10: float | None = None
    avg_top15: float | None = None
    top2_consecutive: float | None = None
    top3_consecutive: float | None = None
    std_deviation: float | None = None
    consistency: float | None = None
    raw_cells: dict[str, str] = field(default_factory=dict)
    laps: list[LapRecord] = field(default_factory=list)


@dataclass(slots=True)
class RaceDetail:
    """What one race page holds: its length and its results with every lap.

    `page_digest` fingerprints what the record was read from *and* the
    connector's reading of it (its version): equal digests promise equal
    records. When the core passes the digest it stored last time and the
    page still has it, the connector answers `unchanged=True` with no
    results and skips parsing; the core then keeps the race as it is.
    """

    source_race_id: str
    duration_raw: str | None = None
    duration_seconds: float | None = None
    duration_laps: int | None = None
    results: list[ResultRecord] = field(default_factory=list)
    page_digest: str | None = None
    unchanged: bool = False


RECORD_TYPES: tuple[type, ...] = (
    RequestBound,
    ConnectorInfo,
    TrackRecord,
    EventRecord,
    EntryRecord,
    RaceRecord,
    LapRecord,
    ResultRecord,
    RaceDetail,
)
