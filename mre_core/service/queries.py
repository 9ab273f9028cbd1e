"""Reading back what was ingested, as plain data for the CLI, a web page or an app."""

from __future__ import annotations

import json
from typing import Any

from mre_core.errors import NotFoundError
from mre_core.service.job_queue import is_waiting, running_runs
from mre_core.service.lookup import MAX_ROW_ID
from mre_core.storage.clock import database_now
from mre_core.storage.database import current_database
from mre_core.storage.models import (
    Driver,
    Event,
    IngestionRun,
    Lap,
    Race,
    RaceDriver,
    RaceResult,
    Track,
)
from mre_core.storage.prepared import Prepared


def tracks(source: str | None, include_inactive: bool) -> list[dict[str, Any]]:
    query = Track.select().order_by(Track.source, Track.track_name)
    if source:
        query = query.where(Track.source == source)
    if not include_inactive:
        query = query.where(Track.is_active == True)  # noqa: E712 - peewee expression
    return [
        {
            "id": t.id,
            "source": t.source,
            "slug": t.source_track_slug,
            "name": t.track_name,
            "url": t.track_url,
            "is_active": t.is_active,
            "last_seen_at": t.last_seen_at,
            "extra": json.loads(t.extra),
        }
        for t in query
    ]


def events(track: Track) -> list[dict[str, Any]]:
    # NULLS LAST spelled out: PostgreSQL and SQLite put NULLs at opposite ends.
    query = (
        Event.select()
        .where(Event.track == track.id)
        .order_by(Event.event_date.desc(nulls="LAST"), Event.id)
    )
    return [event_summary(e) for e in query]


def event_summary(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "source": e.source,
        "source_event_id": e.source_event_id,
        "name": e.event_name,
        "date": e.event_date,
        "end_date": e.event_end_date,
        "entries": e.event_entries,
        "drivers": e.event_drivers,
        "ingest_depth": e.ingest_depth,
        "last_ingested_at": e.last_ingested_at,
        "url": e.event_url,
    }


# A result's columns as event_detail names them, after position, car and driver.
_RESULT_FIELDS = {
    "qualifying_position": "qualifying_position",
    "laps": "laps_completed",
    "total_time": "total_time_seconds",
    "total_time_raw": "total_time_raw",
    "behind": "behind_raw",
    "fast_lap_time": "fast_lap_time",
    "fast_lap_number": "fast_lap_number",
    "avg_lap_time": "avg_lap_time",
    "consistency": "consistency",
    "started": "started",
    "raw_cells": "raw_cells",  # last: left out by `with_cells=False`
}
_RESULT_KEYS = tuple(_RESULT_FIELDS)
_RESULT_COLUMNS = tuple(_RESULT_FIELDS.values())


def event_detail(event: Event, with_laps: bool = False, with_cells: bool = True) -> dict[str, Any]:
    """The event with its races in order, each race's results, and fastest laps."""
    races = list(Race.select().where(Race.event == event.id).order_by(Race.race_order))
    columns = _RESULT_COLUMNS if with_cells else _RESULT_COLUMNS[:-1]
    keys = _RESULT_KEYS if with_cells else _RESULT_KEYS[:-1]
    # Columns, not models: a national event has 1,500 results, and making three model
    # instances a row took most of the time of this read.
    rows = (
        RaceResult.select(
            RaceResult.id,
            RaceResult.race,
            RaceResult.position_final,
            RaceDriver.car_number,
            RaceDriver.display_name,
            Driver.source_driver_id,
            *(getattr(RaceResult, name) for name in columns),
        )
        .join(RaceDriver)
        .join(Driver)
        .where(RaceResult.race.in_([r.id for r in races]))
        .order_by(RaceResult.race, RaceResult.position_final.asc(nulls="LAST"), RaceResult.id)
    )
    by_race: dict[int, list[dict[str, Any]]] = {}
    laps_by_result: dict[int, list[dict[str, Any]]] = {}
    if with_laps and races:
        # Tuples, not a model instance a lap: a national event has 40,000 laps.
        for result_id, number, seconds, position, elapsed, pace in (
            Lap.select(
                Lap.race_result,
                Lap.lap_number,
                Lap.lap_time_seconds,
                Lap.position_on_lap,
                Lap.elapsed_race_time,
                Lap.pace,
            )
            .join(RaceResult)
            .where(RaceResult.race.in_([r.id for r in races]))
            .order_by(Lap.race_result, Lap.lap_number)
            .tuples()
        ):
            laps_by_result.setdefault(result_id, []).append(
                {
                    "lap": number,
                    "time": seconds,
                    "position": position,
                    "elapsed": elapsed,
                    "pace": pace,
                }
            )
    # Straight from the driver: every column is a number or text the driver already
    # gives as Python wants it, and peewee's per-value conversions (80,000 of them
    # for a national event) cost as much as the query.
    for result_id, race_id, position, car, driver, driver_id, *values in (
        current_database().execute_sql(*rows.sql()).fetchall() if races else ()
    ):
        item = {
            "position": position,
            "car_number": car,
            "driver": driver,
            "source_driver_id": driver_id,
            **dict(zip(keys, values, strict=True)),
        }
        item["started"] = bool(item["started"])  # SQLite stores booleans as 0 and 1
        if with_cells:
            item["raw_cells"] = json.loads(item["raw_cells"])
        if with_laps:
            item["lap_times"] = laps_by_result.get(result_id, [])
        by_race.setdefault(race_id, []).append(item)
    race_items = [
        {
            "source_race_id": r.source_race_id,
            "order": r.race_order,
            "number": r.race_number,
            "round": r.round_name,
            "class_name": r.class_name,
            "label": r.race_label,
            "completed_at": r.completed_at,
            "completed_at_raw": r.completed_at_raw,
            "length": r.duration_raw,
            "results": by_race.get(r.id, []),
        }
        for r in races
    ]
    return {
        **event_summary(event),
        "track": {"slug": event.track.source_track_slug, "name": event.track.track_name},
        "races": race_items,
        "fastest_laps": _fastest_by_class(race_items),
    }


def _fastest_by_class(races: list[dict[str, Any]]) -> list[dict[str, Any]]:
    best: dict[str, dict[str, Any]] = {}
    for race in races:
        for result in race["results"]:
            time = result["fast_lap_time"]
            if time is None:
                continue
            current = best.get(race["class_name"])
            if current is None or time < current["time"]:
                best[race["class_name"]] = {
                    "class_name": race["class_name"],
                    "time": time,
                    "driver": result["driver"],
                    "lap": result["fast_lap_number"],
                    "race": race["label"],
                    "source_race_id": race["source_race_id"],
                }
    return sorted(best.values(), key=lambda b: b["class_name"])


def runs(limit: int, status: str | None) -> list[dict[str, Any]]:
    query = IngestionRun.select().order_by(IngestionRun.id.desc()).limit(limit)
    if status:
        query = query.where(IngestionRun.status == status)
    return [_run(r) for r in query]


# Polled by consoles and `mre runs wait`: their SQL is built once (see storage.prepared).
_RUN_BY_ID = Prepared(
    IngestionRun, lambda run_id: IngestionRun.select().where(IngestionRun.id == run_id), 1
)
_CHILDREN = Prepared(
    IngestionRun,
    lambda parent: (
        IngestionRun.select().where(IngestionRun.parent == parent).order_by(IngestionRun.id)
    ),
    1,
)


def run(run_id: int) -> dict[str, Any]:
    """The run with its children; an id no row can have (too big for SQLite's driver) is
    not found, as any other."""
    found = _RUN_BY_ID(run_id) if abs(run_id) <= MAX_ROW_ID else []
    if not found:
        raise NotFoundError(f"run {run_id} does not exist (see `mre runs list`)")
    return {**_run(found[0]), "children": [_run(c) for c in _CHILDREN(run_id)]}


def running(silent_after_s: float) -> list[dict[str, Any]]:
    """Runs still marked running; `stale` when one's heartbeat has been silent longer than
    `silent_after_s`: its process may be dead on another machine, which cannot be seen
    (its run is closed once silent past the TTL). A parent waiting for its children has
    no process and no heartbeat: never stale."""
    now = database_now()
    rows = running_runs()
    found = []
    for row in rows:
        item = _run(row)
        beat = row.heartbeat_at or row.started_at
        item["stale"] = not is_waiting(row) and (now - beat).total_seconds() > silent_after_s
        found.append(item)
    return found


def _run(row: IngestionRun) -> dict[str, Any]:
    return {
        "id": row.id,
        "operation": row.operation,
        "source": row.source,
        "target": row.target,
        "status": row.status,
        "parent_id": row.parent_id,
        "started_at": row.started_at,
        "finished_at": row.finished_at,
        "heartbeat_at": row.heartbeat_at,
        "progress": {
            "done": row.progress_done,
            "total": row.progress_total,
            "step": row.progress_step,
        },
        "requests": row.requests,
        "counts": json.loads(row.counts),
        "error_code": row.error_code,
        "error_message": row.error_message,
        "host": row.host,
        "pid": row.pid,
    }
