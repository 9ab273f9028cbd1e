"""Each export, declared: its name, its columns (readable names, types, meanings), its SQL.

An export is one flat row per record, with the names people use (event,
race, class, driver, lap, time...) rather than mre's internal ids. Adding
one is adding an `Export` here: `docs/database.md` lists its columns from
this declaration (`python -m mre_core.storage.describe`), the CLI and the
service take it by name, and the writers type each column from it.

The SQL is portable (SQLite and PostgreSQL) and has two placeholders:
`{columns}`, the select list made from the columns, and `{scope}`, the
condition on the events table (alias `e`) that `--event`, `--track-id`,
`--from` and `--to` become (`1=1` when none is given). An export may use
`{scope}` more than once; `{unscoped}` is `1=1` when no scope is given and
`1=0` when one is (for exports whose rows are not events' rows: drivers).

Naming: `X_id` is the source's id of X, as people type it in mre's
commands (an event id, a track slug, a race id, a driver id); `X` is its
name as the source shows it. Times are seconds (real).
"""

from __future__ import annotations

from dataclasses import dataclass

# The column types an export declares, as docs/database.md names them; the writers map
# them to CSV text, JSON values and Parquet types.
TEXT = "text"
INTEGER = "integer"
REAL = "real"
BOOLEAN = "boolean"
TIMESTAMP = "timestamp"
DATE = "date"
TYPES = (TEXT, INTEGER, REAL, BOOLEAN, TIMESTAMP, DATE)


@dataclass(frozen=True, slots=True)
class Column:
    name: str  # as the export names it: a CSV header, a JSON key, a Parquet field
    sql: str  # the expression it is read from
    type: str  # one of TYPES
    description: str

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"column {self.name}: type {self.type!r} is not one of {TYPES}")


@dataclass(frozen=True, slots=True)
class Export:
    name: str
    summary: str  # one sentence: what one row is
    columns: tuple[Column, ...]
    sql: str  # with {columns} and {scope} (and {unscoped}); see the module's docstring

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def select(self) -> str:
        """The SQL with its select list in place (the scope still to fill in)."""
        listed = ",\n  ".join(f'{c.sql} AS "{c.name}"' for c in self.columns)
        return self.sql.replace("{columns}", listed)


# --- the columns several exports share --------------------------------------------

_EVENT = (
    Column("source", "e.source", TEXT, "The site the event comes from (a connector: liverc)."),
    Column("event_id", "e.source_event_id", TEXT, "The source's event id (what --event takes)."),
    Column("event", "e.event_name", TEXT, "The event's name."),
    Column("event_date", "e.event_date", TIMESTAMP, "When the event starts (venue-local time)."),
    Column("track_id", "t.source_track_slug", TEXT, "The track's slug (what --track-id takes)."),
    Column("track", "t.track_name", TEXT, "The track's name."),
)
_RACE = (
    Column("race_id", "r.source_race_id", TEXT, "The source's race id."),
    Column("race", "r.race_label", TEXT, "The race as the event lists it (e.g. 'A-Main')."),
    Column("class", "r.class_name", TEXT, "The class raced (e.g. '2WD Buggy')."),
    Column("round", "r.round_name", TEXT, "The round the race is in (e.g. 'Qualifier Round 2')."),
    Column("race_number", "r.race_number", INTEGER, "The race's number as the site shows it."),
)
_DRIVER = (
    Column("driver_id", "d.source_driver_id", TEXT, "The source's driver id."),
    Column("driver", "rd.display_name", TEXT, "The driver's name as the race shows it."),
    Column("car_number", "rd.car_number", TEXT, "The car number in the race."),
)
# From a race's result to its event and track, and the driver.
_RESULT_JOINS = """
JOIN race_drivers rd ON rd.id = res.race_driver_id
JOIN drivers d ON d.id = rd.driver_id
JOIN races r ON r.id = res.race_id
JOIN events e ON e.id = r.event_id
JOIN tracks t ON t.id = e.track_id"""
# Events by date (undated last), races in the order they ran, results by finishing
# position (none last): `x IS NULL` first sorts NULLs last on both databases.
_RESULT_ORDER = (
    "e.event_date IS NULL, e.event_date, e.id, r.race_order, r.id, "
    "res.position_final IS NULL, res.position_final, rd.id"
)

RESULTS = Export(
    name="results",
    summary="One row per driver per race: the race's result for that driver.",
    columns=(
        *_EVENT,
        *_RACE,
        Column(
            "race_completed_at", "r.completed_at", TIMESTAMP, "When the race ended (venue-local)."
        ),
        *_DRIVER,
        Column("started", "res.started", BOOLEAN, "False for a driver listed who did not start."),
        Column("position", "res.position_final", INTEGER, "Finishing position."),
        Column(
            "qualifying_position", "res.qualifying_position", INTEGER, "Grid (qualifying) position."
        ),
        Column("laps", "res.laps_completed", INTEGER, "Laps completed."),
        Column("total_time", "res.total_time_seconds", REAL, "Total race time, seconds."),
        Column("total_time_raw", "res.total_time_raw", TEXT, "Total time as the site shows it."),
        Column("behind", "res.behind_seconds", REAL, "Seconds behind the winner."),
        Column("behind_laps", "res.behind_laps", INTEGER, "Laps behind the winner."),
        Column("behind_raw", "res.behind_raw", TEXT, "The gap to the winner as the site shows it."),
        Column("fast_lap", "res.fast_lap_time", REAL, "Fastest lap, seconds."),
        Column("fast_lap_number", "res.fast_lap_number", INTEGER, "The lap it was."),
        Column("avg_lap", "res.avg_lap_time", REAL, "Average lap, seconds."),
        Column("avg_top5", "res.avg_top5", REAL, "Average of the 5 fastest laps, seconds."),
        Column("avg_top10", "res.avg_top10", REAL, "Average of the 10 fastest laps, seconds."),
        Column("avg_top15", "res.avg_top15", REAL, "Average of the 15 fastest laps, seconds."),
        Column(
            "top2_consecutive", "res.top2_consecutive", REAL, "Best 2 consecutive laps, seconds."
        ),
        Column(
            "top3_consecutive", "res.top3_consecutive", REAL, "Best 3 consecutive laps, seconds."
        ),
        Column("std_deviation", "res.std_deviation", REAL, "Standard deviation of the laps."),
        Column("consistency", "res.consistency", REAL, "Consistency as the site computes it, %."),
    ),
    sql=f"""SELECT
  {{columns}}
FROM race_results res{_RESULT_JOINS}
WHERE {{scope}}
ORDER BY {_RESULT_ORDER}""",
)

LAPS = Export(
    name="laps",
    summary="One row per lap of a driver in a race (every lap of every result).",
    columns=(
        *_EVENT,
        *_RACE,
        *_DRIVER,
        Column("position", "res.position_final", INTEGER, "The driver's finishing position."),
        Column("lap", "l.lap_number", INTEGER, "Lap number, from 1."),
        Column("lap_time", "l.lap_time_seconds", REAL, "The lap's time, seconds."),
        Column("lap_time_raw", "l.lap_time_raw", TEXT, "The lap's time as the site shows it."),
        Column(
            "position_on_lap", "l.position_on_lap", INTEGER, "The driver's position on this lap."
        ),
        Column("pace", "l.pace", TEXT, "The site's pace projection at this lap (e.g. '20/5:03')."),
        Column(
            "elapsed", "l.elapsed_race_time", REAL, "Race time at the end of this lap, seconds."
        ),
    ),
    sql=f"""SELECT
  {{columns}}
FROM laps l
JOIN race_results res ON res.id = l.race_result_id{_RESULT_JOINS}
WHERE {{scope}}
ORDER BY {_RESULT_ORDER}, l.lap_number""",
)

EVENTS = Export(
    name="events",
    summary="One row per event.",
    columns=(
        Column("source", "e.source", TEXT, "The site the event comes from (a connector: liverc)."),
        Column(
            "event_id", "e.source_event_id", TEXT, "The source's event id (what --event takes)."
        ),
        Column("event", "e.event_name", TEXT, "The event's name."),
        Column(
            "track_id", "t.source_track_slug", TEXT, "The track's slug (what --track-id takes)."
        ),
        Column("track", "t.track_name", TEXT, "The track's name."),
        Column("date", "e.event_date", TIMESTAMP, "When the event starts (venue-local time)."),
        Column("end_date", "e.event_end_date", DATE, "Its last day, for an event of several."),
        Column("entries", "e.event_entries", INTEGER, "Entries, as the site counts them."),
        Column("drivers", "e.event_drivers", INTEGER, "Drivers, as the site counts them."),
        Column(
            "races",
            "(SELECT COUNT(*) FROM races r WHERE r.event_id = e.id)",
            INTEGER,
            "Races stored for the event (0 until it is ingested).",
        ),
        Column(
            "ingest_depth",
            "e.ingest_depth",
            TEXT,
            "How much of it is stored: none, laps_partial or laps_full.",
        ),
        Column("last_ingested_at", "e.last_ingested_at", TIMESTAMP, "When it was last ingested."),
        Column("url", "e.event_url", TEXT, "The event's page on the site."),
    ),
    sql="""SELECT
  {columns}
FROM events e
JOIN tracks t ON t.id = e.track_id
WHERE {scope}
ORDER BY e.event_date IS NULL, e.event_date, e.id""",
)

DRIVERS = Export(
    name="drivers",
    summary="One row per driver (with a scope: the drivers entered in its events).",
    columns=(
        Column("source", "d.source", TEXT, "The site the driver comes from."),
        Column("driver_id", "d.source_driver_id", TEXT, "The source's driver id."),
        Column("driver", "d.display_name", TEXT, "The driver's name."),
        Column("transponder", "d.transponder_number", TEXT, "The driver's last known transponder."),
        Column(
            "merged_into",
            "m.source_driver_id",
            TEXT,
            "For a driver first known from an entry list: the driver id it turned out to be.",
        ),
        Column("events", "COALESCE(en.events, 0)", INTEGER, "Events entered (in the scope)."),
        Column("races", "COALESCE(ra.races, 0)", INTEGER, "Races driven (in the scope)."),
        Column(
            "first_event_date", "en.first_date", TIMESTAMP, "Start of the first event (in scope)."
        ),
        Column("last_event_date", "en.last_date", TIMESTAMP, "Start of the last event (in scope)."),
    ),
    sql="""WITH scoped AS (
  SELECT e.id, e.event_date FROM events e WHERE {scope}
), entered AS (
  SELECT ee.driver_id, COUNT(DISTINCT ee.event_id) AS events,
         MIN(s.event_date) AS first_date, MAX(s.event_date) AS last_date
  FROM event_entries ee JOIN scoped s ON s.id = ee.event_id
  GROUP BY ee.driver_id
), raced AS (
  SELECT rd.driver_id, COUNT(*) AS races
  FROM race_drivers rd JOIN races r ON r.id = rd.race_id JOIN scoped s ON s.id = r.event_id
  GROUP BY rd.driver_id
)
SELECT
  {columns}
FROM drivers d
LEFT JOIN drivers m ON m.id = d.merged_into_id
LEFT JOIN entered en ON en.driver_id = d.id
LEFT JOIN raced ra ON ra.driver_id = d.id
WHERE {unscoped} OR en.driver_id IS NOT NULL OR ra.driver_id IS NOT NULL
ORDER BY d.source, d.normalized_name, d.id""",
)

EXPORTS: dict[str, Export] = {e.name: e for e in (RESULTS, LAPS, EVENTS, DRIVERS)}
# Named by issue 13, declared once their tables exist (practice days, standings).
PLANNED = ("practice_laps", "standings")
