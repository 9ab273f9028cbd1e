"""`python -m mre_core.storage.describe`: docs/database.md, written from the models.

Every table (its meaning: the model's docstring), every column (its type,
NULL or not, keys, default and meaning: the field's `help_text`, else
`COLUMNS` below), every key and index, the columns of each export (from
`mre_core.export.declarations`) and three example queries. `--check` exits
1 when the file is not what the models make (tests/test_database_doc.py
does the same): after changing a model, run the command again.

A column with no meaning anywhere stops the command: a new column is
described here (or with `help_text` on its field) as it is added.
"""

from __future__ import annotations

import argparse
import inspect
import sys
from pathlib import Path
from typing import Any

import peewee

from mre_core.export.declarations import EXPORTS, PLANNED
from mre_core.storage.models import (
    BOOKKEEPING_MODELS,
    INGESTION_MODELS,
    MATCHING_MODELS,
    BaseModel,
)

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "database.md"
COMMAND = "python -m mre_core.storage.describe"

# What a table is, for models with no docstring of their own.
TABLES: dict[str, str] = {
    "tracks": "A track as its source lists it (one row per source and track slug). "
    "A track no longer in the catalogue is kept, with `is_active` false.",
    "events": "An event of a track (a race meeting): from the track's event list, and "
    "once ingested (`ingest_depth`), its entries, races, results and laps.",
    "races": "One race of an event (a heat, a main...), in the order they ran.",
    "race_drivers": "A driver in one race, as the race's page names them.",
    "race_results": "One row of a race's results table: a driver's result in that race.",
    "laps": "Lap 1..N of one result (the grid slot, lap 0, is not a lap).",
    "user_transponders": "A transponder number a user races with (matching uses it first).",
}

# What a column means, by (table, column), then by column name alone (the same meaning
# in every table). A field's own help_text comes first.
COLUMNS: dict[tuple[str, str] | str, str] = {
    "id": "mre's own id of the row (`id:N` in commands).",
    "source": "The connector the row comes from (e.g. `liverc`).",
    "extra": "The connector's own fields for the row: a JSON object each connector "
    "documents (`{}` when none).",
    "created_at": "When the row was made.",
    "display_name": "The name as shown.",
    "normalized_name": "The name folded for matching (case, accents and spacing removed).",
    "transponder_number": "A transponder number, as the source shows it.",
    "car_number": "The car number, as the source shows it.",
    "class_name": "The class (e.g. `1/10 4WD Buggy`).",
    "expires_at": "When the lease ends unless renewed (the database's clock).",
    "owner": "Who holds it (host, process and thread); NULL: free.",
    "site": "The site (a connector's source) the row is about.",
    "status": "The row's state (see the check constraint).",
    "match_type": "How the match was made: `transponder`, `exact` or `fuzzy` name.",
    "similarity_score": "How alike the names are, 0 to 100 (NULL for a transponder match).",
    "matched_at": "When the matcher decided.",
    ("tracks", "source_track_slug"): "The track's id at the source (LiveRC: its subdomain).",
    ("tracks", "track_name"): "The track's name.",
    ("tracks", "track_url"): "The track's home page on the site.",
    ("tracks", "events_url"): "The page listing the track's events.",
    ("tracks", "last_seen_at"): "When a catalogue sync last listed the track (UTC).",
    ("tracks", "is_active"): "False once the catalogue no longer lists the track.",
    ("events", "source_event_id"): "The event's id at the source.",
    ("events", "track_id"): "The track the event is held at.",
    ("events", "event_name"): "The event's name.",
    ("events", "event_date"): "When the event starts (venue-local time).",
    ("events", "event_end_date"): "Its last day, for an event held over several days.",
    ("events", "event_entries"): "Entries, as the site counts them.",
    ("events", "event_drivers"): "Drivers, as the site counts them.",
    ("events", "event_url"): "The event's page on the site.",
    ("events", "ingest_depth"): "How much of the event is stored: `none` (the listing), "
    "`laps_partial` (ingested before it was over: its races so far) or `laps_full`.",
    ("events", "last_ingested_at"): "When it was last deep-ingested (UTC).",
    ("drivers", "source_driver_id"): "The driver's id at the source, or "
    "`entry_<event>_<name>` while known only from an entry list.",
    ("drivers", "display_name"): "The driver's name as the source shows it.",
    ("drivers", "transponder_number"): "The driver's last known transponder.",
    ("drivers", "merged_into_id"): "For a temporary entry-list driver found to be a known "
    "one: that driver.",
    ("event_entries", "event_id"): "The event entered.",
    ("event_entries", "driver_id"): "The driver entered.",
    ("event_entries", "display_name"): "The driver's name as the entry list shows it.",
    ("event_entries", "entry_origin"): "`entry_list`, or `race_result` for a racer the "
    "entry list did not show.",
    ("races", "event_id"): "The event the race is part of.",
    ("races", "source_race_id"): "The race's id at the source.",
    ("races", "race_url"): "The race's result page on the site.",
    ("races", "race_label"): "The race as the event lists it (e.g. `A-Main`).",
    ("races", "race_order"): "1, 2, 3... in the order the races ran across the event.",
    ("races", "race_number"): "The race's number as the site shows it (restarts each round).",
    ("races", "round_name"): "The round it is part of (e.g. `Qualifier Round 2`).",
    ("races", "completed_at"): "When the race ended (venue-local time).",
    ("races", "completed_date"): "The day it ended.",
    ("races", "completed_at_raw"): "When it ended, as the site shows it.",
    ("races", "duration_raw"): "The race's length as the site shows it (e.g. `5:00`).",
    ("races", "duration_seconds"): "The race's length in seconds, for a timed race.",
    ("races", "duration_laps"): "The race's length in laps, for a race of laps.",
    ("races", "page_digest"): "The connector's fingerprint of the page read, with the "
    "mre version that wrote it: an unchanged page is not parsed again.",
    ("race_drivers", "race_id"): "The race.",
    ("race_drivers", "source_driver_id"): "The driver's id at the source, as the race names them.",
    ("race_drivers", "driver_id"): "The driver.",
    ("race_drivers", "event_entry_id"): "The driver's entry in the event (NULL: none).",
    ("race_drivers", "display_name"): "The driver's name as the race shows it.",
    ("race_results", "race_id"): "The race.",
    ("race_results", "race_driver_id"): "The driver in that race.",
    ("race_results", "started"): "False for a driver listed who did not start.",
    ("race_results", "position_final"): "Finishing position.",
    ("race_results", "qualifying_position"): "Grid (qualifying) position.",
    ("race_results", "laps_completed"): "Laps completed.",
    ("race_results", "total_time_raw"): "Total time as the site shows it (e.g. `11/5:24.613`).",
    ("race_results", "total_time_seconds"): "Total race time, seconds.",
    ("race_results", "behind_raw"): "The gap to the winner as the site shows it.",
    ("race_results", "behind_seconds"): "Seconds behind the winner.",
    ("race_results", "behind_laps"): "Laps behind the winner.",
    ("race_results", "fast_lap_time"): "Fastest lap, seconds.",
    ("race_results", "fast_lap_number"): "The lap it was.",
    ("race_results", "avg_lap_time"): "Average lap, seconds.",
    ("race_results", "avg_top5"): "Average of the 5 fastest laps, seconds.",
    ("race_results", "avg_top10"): "Average of the 10 fastest laps, seconds.",
    ("race_results", "avg_top15"): "Average of the 15 fastest laps, seconds.",
    ("race_results", "top2_consecutive"): "Best 2 consecutive laps, seconds.",
    ("race_results", "top3_consecutive"): "Best 3 consecutive laps, seconds.",
    ("race_results", "std_deviation"): "Standard deviation of the laps, seconds.",
    ("race_results", "consistency"): "Consistency as the site computes it, %.",
    ("race_results", "raw_cells"): "Every cell of the row as shown, keyed by its column "
    "header (a JSON object).",
    ("laps", "race_result_id"): "The result (a driver in a race) the lap belongs to.",
    ("laps", "lap_number"): "Lap number, from 1.",
    ("laps", "lap_time_seconds"): "The lap's time, seconds.",
    ("laps", "lap_time_raw"): "The lap's time as the site shows it.",
    ("laps", "position_on_lap"): "The driver's position on this lap.",
    ("laps", "pace"): "The site's pace projection at this lap (e.g. `10/5:18.770`).",
    ("laps", "elapsed_race_time"): "Seconds from the start to the end of this lap: the sum "
    "of laps 1..n.",
    ("practice_days", "track_id"): "The track practised at.",
    ("practice_days", "practice_date"): "The day (venue-local).",
    ("practice_days", "day_url"): "The day's session list on the site, as the practice "
    "calendar links it (NULL: synced by date, never listed by a month sync).",
    ("practice_days", "session_count"): "Sessions the site lists for the day.",
    ("practice_days", "total_laps"): "Laps of the day, as the site counts them.",
    ("practice_days", "unique_drivers"): "Drivers of the day, as the site counts them.",
    ("practice_days", "last_ingested_at"): "When all its sessions were last read (UTC); a "
    "day read after it ended everywhere is complete, not fetched again without --force.",
    ("practice_sessions", "practice_day_id"): "The practice day of the session.",
    ("practice_sessions", "source_session_id"): "The session's id at the source.",
    ("practice_sessions", "session_url"): "The session's page on the site.",
    ("practice_sessions", "display_name"): "The driver's name as the session shows it.",
    ("practice_sessions", "transponder_number"): "The transponder the session was timed on.",
    ("practice_sessions", "class_name"): "The class the driver chose (e.g. `1/8 Nitro Buggy`).",
    ("practice_sessions", "driver_id"): "The source's driver with this transponder, when "
    "exactly one is stored (NULL otherwise).",
    ("practice_sessions", "started_at"): "When the session started (venue-local time).",
    ("practice_sessions", "started_at_raw"): "When it started, as the day's list shows it.",
    ("practice_sessions", "ended_at"): "When it ended (venue-local time).",
    ("practice_sessions", "laps_completed"): "Laps of the session.",
    ("practice_sessions", "duration_raw"): "The session's length as shown (its laps added up).",
    ("practice_sessions", "duration_seconds"): "The session's length, seconds.",
    ("practice_sessions", "fast_lap_time"): "Fastest lap, seconds.",
    ("practice_sessions", "avg_lap_time"): "Average lap, seconds.",
    ("practice_sessions", "avg_top5"): "Average of the 5 fastest laps, seconds.",
    ("practice_sessions", "avg_top10"): "Average of the 10 fastest laps, seconds.",
    ("practice_sessions", "avg_top15"): "Average of the 15 fastest laps, seconds.",
    ("practice_sessions", "top3_consecutive"): "Best 3 consecutive laps, seconds.",
    ("practice_sessions", "std_deviation"): "Standard deviation of the laps, seconds.",
    ("practice_sessions", "consistency"): "Consistency as the site computes it, %.",
    ("practice_sessions", "valid_range_raw"): "The lap times the track counts as valid, as "
    "shown (e.g. `20 to 1:10`).",
    ("practice_sessions", "facts_raw"): "Every fact of the session's page as shown, keyed "
    "by its label (a JSON object).",
    ("practice_laps", "practice_session_id"): "The practice session the lap belongs to.",
    ("practice_laps", "lap_number"): "Lap number, from 1.",
    ("practice_laps", "lap_time_seconds"): "The lap's time, seconds.",
    ("practice_laps", "lap_time_raw"): "The lap's time as the site shows it.",
    ("practice_laps", "valid"): "False for a lap outside the track's valid range (not "
    "counted in the session's statistics; stored all the same).",
    ("practice_laps", "clock_time"): "When the lap ended (venue-local time).",
    ("practice_laps", "clock_time_raw"): "When it ended, as the site shows it.",
    ("users", "display_name"): "The user's name.",
    ("users", "email"): "The user's email (unique; NULL: none given).",
    ("user_transponders", "user_id"): "The user.",
    ("user_driver_links", "user_id"): "The user.",
    ("user_driver_links", "driver_id"): "The driver.",
    ("user_driver_links", "status"): "`suggested`, `confirmed`, `rejected` or `conflict`.",
    ("user_driver_links", "matcher"): "The matcher that made the link.",
    ("user_driver_links", "matcher_version"): "Its version.",
    ("user_driver_links", "decided_by"): "`matcher`, or `person` once someone confirmed or "
    "rejected it (the matcher never changes those).",
    ("user_driver_links", "confirmed_at"): "When a person confirmed it.",
    ("user_driver_links", "conflict_reason"): "Why the link is in conflict.",
    ("event_driver_links", "user_id"): "The user.",
    ("event_driver_links", "event_id"): "The event.",
    ("event_driver_links", "driver_id"): "The driver.",
    ("event_driver_links", "transponder_number"): "The transponder that matched, if any.",
    ("event_driver_links", "status"): "The link's status when matched.",
    ("ingestion_runs", "operation"): "What ran: `sync_tracks`, `refresh_events`, "
    "`ingest_event`, `match_users`...",
    ("ingestion_runs", "target"): "What it ran on (a track slug, an event id...).",
    ("ingestion_runs", "status"): "queued, running, succeeded, failed, already_complete, "
    "cancelled, partial or not_ready.",
    ("ingestion_runs", "parent_id"): "The run that started this one (an event sync's imports).",
    ("ingestion_runs", "started_at"): "When it started (the database's clock).",
    ("ingestion_runs", "finished_at"): "When it ended.",
    ("ingestion_runs", "heartbeat_at"): "Last sign of life of the process running it.",
    ("ingestion_runs", "progress_done"): "Steps done.",
    ("ingestion_runs", "progress_total"): "Steps in all, when known.",
    ("ingestion_runs", "progress_step"): "What it is doing (or, ended, why it stopped there).",
    ("ingestion_runs", "requests"): "HTTP requests made.",
    ("ingestion_runs", "counts"): "Rows new, updated and unchanged per table (JSON).",
    ("ingestion_runs", "error_code"): "The failure's code (`mre_core.errors`).",
    ("ingestion_runs", "error_message"): "The failure, in words.",
    ("ingestion_runs", "host"): "The machine that ran it.",
    ("ingestion_runs", "pid"): "Its process id there.",
    ("ingestion_runs", "params"): "A job's parameters (JSON).",
    ("ingestion_runs", "job_key"): "What a job is about: one queued or running job per key.",
    ("ingestion_runs", "queued_at"): "When it was queued.",
    ("ingestion_runs", "cancel_requested_at"): "When someone asked it to stop.",
    ("ingestion_runs", "attempts"): "A job's tries so far.",
    ("run_logs", "run_id"): "The run that logged the line.",
    ("run_logs", "at"): "When.",
    ("run_logs", "level"): "Its level (INFO, WARNING...).",
    ("run_logs", "message"): "The line, passwords masked.",
    ("ingest_locks", "lock_key"): "What is locked (e.g. one event).",
    ("ingest_locks", "run_id"): "The run holding it.",
    ("ingest_locks", "acquired_at"): "When it was taken.",
    ("site_budgets", "next_start_at"): "The earliest start the next request may reserve.",
    ("site_budgets", "last_start_at"): "When the last request was let go.",
    ("site_budgets", "hold_until"): "Nobody fetches before this (the site said 429, 503 or "
    "Retry-After).",
    ("site_slots", "slot"): "The slot's number (requests in flight at once).",
}

# SQL types as PostgreSQL names them (SQLite stores the same values: see the intro).
_TYPES = {
    "AUTO": "integer (auto)",
    "BIGAUTO": "bigint (auto)",
    "INT": "integer",
    "BIGINT": "bigint",
    "SMALLINT": "smallint",
    "DOUBLE": "double precision",
    "FLOAT": "real",
    "TEXT": "text",
    "DATETIME": "timestamp",
    "DATE": "date",
    "TIME": "time",
    "BOOL": "boolean",
}

INTRO = f"""\
# The database

<!-- Generated by `{COMMAND}` from mre_core/storage/models.py and
mre_core/export/declarations.py: do not edit by hand. tests/test_database_doc.py
fails when this file is not what they make. -->

mre writes what it ingests into a database you own: SQLite (one file, the
default) or PostgreSQL, with the same tables. This page lists every table,
column, key and index, the columns of each export (`mre export`), and a few
queries to start from.

- Every row of race data has a natural key from the source (a unique index:
  source, slugs, event, race and driver ids), so ingesting the same page again
  finds the same rows. Rows are inserted or updated, never deleted by mre.
- Numbers are stored parsed (`*_seconds`, `position_*`) beside the text the
  site showed (`*_raw`, `raw_cells`).
- Times of day are venue-local as the site shows them, without a time zone;
  mre's own times (`*_at` of runs, syncs and links) are UTC. SQLite stores a
  timestamp as text `YYYY-MM-DD HH:MM:SS`, a date as `YYYY-MM-DD` and a boolean
  as 0 or 1; PostgreSQL as the types shown.
- `schema_version` holds one row per migration applied (version, when, by
  which mre). On PostgreSQL the `procrastinate_*` tables are the job queue's.
- `id` columns are mre's own; `*_id` columns that name another table
  (`key`: FK) hold that row's `id`. Ids stay the same in a database, not
  across databases: use the source's ids (`source_*`) to compare two.
"""

GROUPS = (
    ("Race data", INGESTION_MODELS),
    ("Users and matching", MATCHING_MODELS),
    ("Bookkeeping (runs, locks, politeness)", BOOKKEEPING_MODELS),
)

# People's questions, as SQL both databases run (on the demo: see the README).
EXAMPLES = (
    (
        "A driver's best laps per track (and class)",
        """\
SELECT t.track_name AS track, r.class_name AS class,
       MIN(l.lap_time_seconds) AS best_lap, COUNT(*) AS laps
FROM laps l
JOIN race_results res ON res.id = l.race_result_id
JOIN race_drivers rd ON rd.id = res.race_driver_id
JOIN drivers d ON d.id = rd.driver_id
JOIN races r ON r.id = res.race_id
JOIN events e ON e.id = r.event_id
JOIN tracks t ON t.id = e.track_id
WHERE d.source = 'liverc' AND d.source_driver_id = '664653'
GROUP BY t.track_name, r.class_name
ORDER BY t.track_name, best_lap;""",
    ),
    (
        "A class's results at an event, race by race",
        """\
SELECT r.race_label AS race, res.position_final AS position,
       rd.display_name AS driver, res.laps_completed AS laps,
       res.total_time_raw AS time, res.fast_lap_time AS fast_lap
FROM race_results res
JOIN races r ON r.id = res.race_id
JOIN events e ON e.id = r.event_id
JOIN race_drivers rd ON rd.id = res.race_driver_id
WHERE e.source = 'liverc' AND e.source_event_id = '413880'
  AND r.class_name = '1/10 4WD Buggy'
ORDER BY r.race_order, res.position_final IS NULL, res.position_final;""",
    ),
    (
        "The laps of a race, driver by driver",
        """\
SELECT rd.display_name AS driver, l.lap_number AS lap,
       l.lap_time_seconds AS time, l.position_on_lap AS position
FROM laps l
JOIN race_results res ON res.id = l.race_result_id
JOIN race_drivers rd ON rd.id = res.race_driver_id
JOIN races r ON r.id = res.race_id
JOIN events e ON e.id = r.event_id
WHERE e.source = 'liverc' AND e.source_event_id = '413880'
  AND r.source_race_id = '5776839'
ORDER BY res.position_final IS NULL, res.position_final, rd.display_name, l.lap_number;""",
    ),
)


class UndescribedError(Exception):
    """A column whose meaning is written nowhere."""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def table_description(model: type[BaseModel]) -> str:
    doc = model.__dict__.get("__doc__")
    if doc:
        return inspect.cleandoc(doc)
    name = model._meta.table_name
    if name not in TABLES:
        raise UndescribedError(f"table {name}: give its model a docstring or add it to TABLES")
    return TABLES[name]


def column_description(model: type[BaseModel], field: peewee.Field) -> str:
    table, column = model._meta.table_name, field.column_name
    text = field.help_text or COLUMNS.get((table, column)) or COLUMNS.get(column)
    if not text:
        raise UndescribedError(
            f"column {table}.{column}: give it help_text or describe it in COLUMNS ({__name__})"
        )
    checks = [c.sql for c in field.constraints or () if isinstance(c, peewee.SQL)]
    checks = [c for c in checks if c.upper().startswith("CHECK")]
    if checks:
        text += f" Check: `{checks[0][len('CHECK ') :].strip()}`."
    return text


def _type(field: peewee.Field) -> str:
    kind = field.field_type
    if kind == "VARCHAR":
        return f"varchar({field.max_length})"
    return _TYPES.get(kind, kind.lower())


def _key(model: type[BaseModel], field: peewee.Field) -> str:
    if field is model._meta.primary_key:
        return "PK"
    if isinstance(field, peewee.ForeignKeyField):
        target = field.rel_model._meta.table_name
        return f"FK → {target}.{field.rel_field.column_name}"
    return ""


def _default(field: peewee.Field) -> str:
    value = field.default
    if value is None or callable(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"`{value}`"


def _where(expression: Any) -> str:
    sql, params = peewee.SqliteDatabase(None).get_sql_context().sql(expression).query()
    for value in params:
        sql = sql.replace("?", repr(value), 1)
    return sql.replace('"', "").replace("t1.", "")


def _indexes(model: type[BaseModel]) -> list[str]:
    lines = []
    for index in model._meta.fields_to_index():
        columns = ", ".join(getattr(e, "column_name", None) or str(e) for e in index._expressions)
        kind = "unique" if index._unique else "index"
        where = f" where `{_where(index._where)}`" if index._where is not None else ""
        lines.append(f"- {kind} ({columns}){where}: `{index._name}`")
    return lines


def describe_table(model: type[BaseModel]) -> str:
    meta = model._meta
    out = [f"### {meta.table_name}", "", table_description(model), ""]
    out += [
        "| column | type | null | key | default | meaning |",
        "|---|---|---|---|---|---|",
    ]
    for field in meta.sorted_fields:
        out.append(
            f"| `{field.column_name}` | {_type(field)} | {'yes' if field.null else ''} | "
            f"{_key(model, field)} | {_default(field)} | "
            f"{_cell(column_description(model, field))} |"
        )
    out += ["", f"Primary key: `{meta.primary_key.column_name}`."]
    indexes = _indexes(model)
    if indexes:
        out += ["", "Keys and indexes:", "", *indexes]
    return "\n".join(out) + "\n"


def describe_exports() -> str:
    out = [
        "## Exports",
        "",
        "`mre export TABLE --format csv|parquet|jsonl [--event E | --track-id T "
        "--from D --to D] [-o FILE]` writes one flat row per record with exactly these "
        "columns, in this order. `X_id` is the source's id of X (what mre's commands "
        "take), `X` its name. Types: Parquet's are int64, double, string, bool, "
        "timestamp[us] and date32; CSV writes booleans `true`/`false`, timestamps "
        "`YYYY-MM-DD HH:MM:SS` and NULL as an empty cell; JSON lines write timestamps "
        "as ISO 8601 and NULL as `null`. "
        f"Not yet exported (they come with their tables): {', '.join(PLANNED)}.",
        "",
    ]
    for export in EXPORTS.values():
        out += [f"### export: {export.name}", "", export.summary, ""]
        out += ["| column | type | meaning |", "|---|---|---|"]
        out += [f"| `{c.name}` | {c.type} | {_cell(c.description)} |" for c in export.columns]
        out.append("")
    return "\n".join(out)


def describe_examples() -> str:
    out = [
        "## Example queries",
        "",
        "They run on SQLite and PostgreSQL alike; the ids are the demo's "
        "(`cassettes/demo.yaml`, see the README).",
        "",
    ]
    for title, sql in EXAMPLES:
        out += [f"### {title}", "", "```sql", sql, "```", ""]
    return "\n".join(out)


def render() -> str:
    parts = [INTRO, "## Tables", ""]
    for title, models in GROUPS:
        names = ", ".join(f"`{m._meta.table_name}`" for m in models)
        parts += [f"{title}: {names}.", ""]
    for title, models in GROUPS:
        parts += [f"## {title}", ""]
        parts += [describe_table(model) for model in models]
    parts += [describe_exports(), describe_examples()]
    return "\n".join(parts).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--output", type=Path, default=DOCUMENT, help="default: %(default)s")
    args = parser.parse_args(argv)
    try:
        text = render()
    except UndescribedError as exc:
        print(f"{COMMAND}: {exc}", file=sys.stderr)
        return 1
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
