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

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# Field metadata of a record's natural key: never empty, unique within one answer.
KEY: dict[str, Any] = {"key": True}

# A connector's own fields for a record, beyond the core's: a flat JSON object. Each
# connector documents its keys (LiveRC: a TypedDict a record kind); the core stores
# it as JSON and reads nothing in it. Times go in as ISO 8601 text.
Extra = dict[str, str | int | float | bool | None]


@dataclass(frozen=True, slots=True)
class RequestBound:
    """At most how many requests one whole event costs a connector:
    `fixed + per_race × races + per_result × results` (results: rows of all its races),
    where with `laps_per_page` a result counts once per page of its laps.

    LiveRC's is 2 + 1 a race (the entry list, the event page, each race's
    page); Speedhive serves each driver's laps 100 to a page, so it adds a
    page a result (more for a driver with more laps). The conformance suite
    holds the connector to it.
    """

    fixed: int
    per_race: int = 0
    per_result: int = 0
    laps_per_page: int = 0

    def of(self, races: int, result_laps: Sequence[int]) -> int:
        """The bound for an event of `races` races whose results have `result_laps` laps."""
        pages = sum(
            max(1, -(-laps // self.laps_per_page)) if self.laps_per_page else 1
            for laps in result_laps
        )
        return self.fixed + self.per_race * races + self.per_result * pages


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
    """A track as the source lists it; `extra`: the connector's own fields (see Extra)."""

    source_track_slug: str = field(metadata=KEY)
    track_name: str
    track_url: str
    events_url: str
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class EventRecord:
    source_event_id: str = field(metadata=KEY)
    event_name: str
    event_url: str
    event_date: datetime | None
    event_end_date: date | None = None
    event_entries: int | None = None
    event_drivers: int | None = None
    extra: Extra = field(default_factory=dict)


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
    extra: Extra = field(default_factory=dict)


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


# --- practice days, standings, track details (issue #13)


@dataclass(slots=True)
class PracticeDayRecord:
    """A day a track's practice calendar lists (a month at a time).

    `day_url` is the canonical URL of the day's session list; `session_count`
    the number of sessions the calendar shows for it; `date_raw` the date as
    shown ("Sat, Oct 25, 2025").
    """

    practice_date: date = field(metadata=KEY)
    day_url: str
    session_count: int | None = None
    date_raw: str | None = None


@dataclass(slots=True)
class PracticeSessionRecord:
    """One practice session as a practice day's session list shows it.

    A session is one driver's run on one transponder. `started_at` is
    venue-local; `duration_*` is the session's length as the list shows it
    ("3:49": the laps added up); `fast_lap_time` and `avg_lap_time` in seconds.
    """

    source_session_id: str = field(metadata=KEY)
    session_url: str
    display_name: str
    transponder_number: str | None = None
    class_name: str | None = None
    started_at: datetime | None = None
    started_at_raw: str | None = None
    laps_completed: int | None = None
    duration_raw: str | None = None
    duration_seconds: float | None = None
    fast_lap_time: float | None = None
    avg_lap_time: float | None = None


@dataclass(slots=True)
class PracticeDayDetail:
    """What a practice day's page holds: its sessions, newest first as listed,
    and the day's statistics as shown (`stats_raw`: label -> text)."""

    practice_date: date
    sessions: list[PracticeSessionRecord] = field(default_factory=list)
    total_laps: int | None = None
    unique_drivers: int | None = None
    stats_raw: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class PracticeLapRecord:
    """Lap 1..N of a practice session.

    `clock_time` is when the lap ended (venue-local, from the page's `lapsObj`);
    `valid` is False for a lap outside the track's valid range (not counted in
    the session's statistics, still stored).
    """

    lap_number: int
    lap_time_seconds: float
    lap_time_raw: str
    valid: bool = True
    clock_time: datetime | None = None
    clock_time_raw: str | None = None


@dataclass(slots=True)
class PracticeSessionDetail:
    """What a practice session's page holds: the session's facts and every lap.

    `facts_raw` holds each fact as shown (label -> text), so nothing is lost
    when a reading of one turns out wrong.
    """

    source_session_id: str
    display_name: str
    transponder_number: str | None = None
    class_name: str | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    duration_raw: str | None = None
    duration_seconds: float | None = None
    laps_completed: int | None = None
    fast_lap_time: float | None = None
    avg_lap_time: float | None = None
    avg_top5: float | None = None
    avg_top10: float | None = None
    avg_top15: float | None = None
    top3_consecutive: float | None = None
    std_deviation: float | None = None
    consistency: float | None = None
    valid_range_raw: str | None = None
    facts_raw: dict[str, str] = field(default_factory=dict)
    laps: list[PracticeLapRecord] = field(default_factory=list)


@dataclass(slots=True)
class StandingRoundRecord:
    """One round's cell of a standings row: a qualifying round ("Round 2") or one
    main of a multi-main ("A1").

    `counted` is True when the round counts towards the total (LiveRC shows those
    in bold); `status` is "DNF" / "DNS" when the cell says so; `raw` is the cell.
    """

    round_name: str
    raw: str
    counted: bool = False
    points: float | None = None
    position: int | None = None
    laps: int | None = None
    time_seconds: float | None = None
    status: str | None = None


@dataclass(slots=True)
class StandingRowRecord:
    """One driver's row of a standings table. Standings pages carry no driver ids:
    drivers are named only (matched to the event's drivers by name)."""

    display_name: str
    rank: int | None = None
    points: float | None = None
    points_raw: str | None = None
    tie_breaker_raw: str | None = None
    seeded_position: int | None = None
    rounds: list[StandingRoundRecord] = field(default_factory=list)
    raw_cells: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class StandingsRecord:
    """One class's standings: a qualifying-points table or a multi-main's overall result.

    `kind` is "qualifying_points" or "multi_main"; `standings_key` is
    "{kind}:{page id}:{class name}", unique within an event; `source_page_id` is
    the id of the page (`view_points` / `view_multi_main_result`); `rule` is the
    banner's tie-breaker / completion text as shown.
    """

    standings_key: str = field(metadata=KEY)
    kind: str
    source_page_id: str
    class_name: str
    rule: str | None = None
    rows: list[StandingRowRecord] = field(default_factory=list)


@dataclass(slots=True)
class TrackDetailRecord:
    """What a track's dashboard says about it, where the club filled it in.

    `address_lines` are the address as shown (street, town and postcode, country);
    `street`, `city`, `region`, `postal_code` and `country_code` are read from the
    page's map link when it has one. Coordinates only when the page names them.
    `lifetime_*` are the dashboard's lifetime statistics; `stats_raw` holds each as
    shown (label -> text).
    """

    source_track_slug: str = field(metadata=KEY)
    track_name: str
    address_lines: tuple[str, ...] = ()
    street: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None
    country_code: str | None = None
    phone: str | None = None
    website: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    description: str | None = None
    lifetime_laps: int | None = None
    lifetime_practice_sessions: int | None = None
    lifetime_races: int | None = None
    lifetime_entries: int | None = None
    lifetime_events: int | None = None
    stats_raw: dict[str, str] = field(default_factory=dict)


RECORD_TYPES = (
    *RECORD_TYPES,
    PracticeDayRecord,
    PracticeSessionRecord,
    PracticeDayDetail,
    PracticeLapRecord,
    PracticeSessionDetail,
    StandingRoundRecord,
    StandingRowRecord,
    StandingsRecord,
    TrackDetailRecord,
)
