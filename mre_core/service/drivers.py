"""A driver's history: finding a driver, every event and race they ran, and head to head.

Plain arguments in, plain dicts and lists out, for the CLI (`mre drivers`),
a web page or an app (through the service).

A driver is named by the source's driver id (`118807`), by mre's `id:N`,
or by a name that, normalised (`mre_core.names.normalize_name`), is exactly
one driver's. A name several drivers share is a usage error listing them
(`AmbiguousDriverError`, exit 2); a name no driver has is not found (exit 3).
A name is first looked for among the drivers with a real source id: a driver
known only from an entry list (`entry_<event>_<name>`, not merged yet) is
found by name only when no real driver has it.

What counts as the driver (their "scope"): the driver named, after following
`merged_into` (a temporary entry-list driver names the real one it was
merged into), every driver merged into it, and every driver a person
confirmed as the same user (`mre users confirm`): a racer's ids in two
sources, say. Suggested links are the matcher's guess and are not followed.

Each read is a handful of queries whatever the number of races: the driver,
their scope (two or three), the results with their race, event and track
(one), the field size of those races (one), the entries (one).

Practice is not stored yet (issue #13, "Practice"): a driver's history has
a `practice` key, None until practice days are ingested, where its totals
(sessions, laps, best lap per track) go then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import peewee

from mre_core.errors import NotFoundError, UsageError
from mre_core.names import normalize_name
from mre_core.service.event_drivers import TEMP_PREFIX
from mre_core.service.lookup import INTERNAL, MAX_ROW_ID, find_event, find_track, shown
from mre_core.storage.models import (
    LINK_CONFIRMED,
    Driver,
    Event,
    EventEntry,
    Race,
    RaceDriver,
    RaceResult,
    Track,
    User,
    UserDriverLink,
)

MAX_LIMIT = 500
EXAMPLE = "the source's driver id, id:N, or a name"
# A merge chain is one step long (entry-list driver -> real driver); more is followed a
# few steps, never forever.
MAX_MERGE_STEPS = 8


class AmbiguousDriverError(UsageError):
    """A name several drivers have: `candidates` lists them (as `search_drivers` items)."""

    def __init__(self, ref: str, candidates: list[dict[str, Any]]) -> None:
        listed = "; ".join(
            f"{c['source_driver_id']} {c['name']} ({c['source']}, id:{c['id']})" for c in candidates
        )
        super().__init__(
            f"driver {shown(ref)} matches {len(candidates)} drivers: {listed}; "
            "name one by its driver id or id:N"
        )
        self.candidates = candidates


# --- finding drivers -------------------------------------------------------------


def search_drivers(name: str, limit: int = 50, source: str | None = None) -> dict[str, Any]:
    """`{"items": [...], "total": N}`: the drivers whose normalised name contains `name`
    normalised (merged entry-list drivers left out: they are their real driver), by name,
    each with how many events and races they have and the date of the last one."""
    if not 1 <= limit <= MAX_LIMIT:
        raise UsageError(f"limit must be from 1 to {MAX_LIMIT}, not {limit}")
    if not name.isprintable():
        raise UsageError("the name to search for must be printable text")
    wanted = normalize_name(name)
    if not wanted:
        raise UsageError(f"{shown(name)} has no letters or digits to search for")
    escaped = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    # Both sides are normalised (lower case, no accents): a plain LIKE on either database.
    conditions = [
        peewee.NodeList(
            (Driver.normalized_name, peewee.SQL("LIKE"), f"%{escaped}%", peewee.SQL("ESCAPE '\\'"))
        ),
        Driver.merged_into.is_null(),
    ]
    if source:
        conditions.append(Driver.source == source)
    total = Driver.select(peewee.fn.COUNT(Driver.id)).where(*conditions).scalar()
    found = list(
        Driver.select()
        .where(*conditions)
        .order_by(Driver.normalized_name, Driver.source, Driver.source_driver_id)
        .limit(limit)
    )
    return {"items": _with_activity(found), "total": total}


def _with_activity(drivers: list[Driver]) -> list[dict[str, Any]]:
    """Each driver as a search item: events entered or raced, races, last event's date."""
    ids = [d.id for d in drivers]
    races: dict[int, int] = defaultdict(int)
    events: dict[int, set[int]] = defaultdict(set)
    last: dict[int, Any] = {}
    if ids:
        raced = (
            RaceDriver.select(
                RaceDriver.driver,
                Race.event,
                peewee.fn.COUNT(RaceDriver.id),
                peewee.fn.MAX(Event.event_date),
            )
            .join(Race)
            .join(Event)
            .where(RaceDriver.driver.in_(ids))
            .group_by(RaceDriver.driver, Race.event)
            .tuples()
        )
        entered = (
            EventEntry.select(EventEntry.driver, EventEntry.event, Event.event_date)
            .join(Event)
            .where(EventEntry.driver.in_(ids))
            .distinct()
            .tuples()
        )
        for driver_id, event_id, count, day in raced:
            races[driver_id] += count
            events[driver_id].add(event_id)
            last[driver_id] = _later(last.get(driver_id), day)
        for driver_id, event_id, day in entered:
            events[driver_id].add(event_id)
            last[driver_id] = _later(last.get(driver_id), day)
    return [
        {
            **_identity(d),
            "events": len(events[d.id]),
            "races": races[d.id],
            "last_event_date": last.get(d.id),
        }
        for d in drivers
    ]


def _later(a: Any, b: Any) -> Any:
    if a is None:
        return b
    if b is None:
        return a
    return max(_as_datetime(a), _as_datetime(b))


def _as_datetime(value: Any) -> Any:
    # MAX() of a datetime column comes back as text on SQLite.
    if isinstance(value, str):
        return Event.event_date.python_value(value)
    return value


def _identity(d: Driver) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": d.source,
        "source_driver_id": d.source_driver_id,
        "name": d.display_name,
        "transponder": d.transponder_number,
        "temporary": d.source_driver_id.startswith(TEMP_PREFIX),
    }


def find_driver(ref: str | int, source: str | None = None) -> Driver:
    """The driver `ref` names (see the module's docstring), merges followed."""
    text = " ".join(str(ref).split())
    if not text:
        raise UsageError(f"a driver is required ({EXAMPLE})")
    if not text.isprintable():  # PostgreSQL refuses a NUL in text outright
        raise UsageError(f"driver {shown(text)}: give printable text ({EXAMPLE})")
    query = Driver.select()
    if source:
        query = query.where(Driver.source == source)
    if text.lower().startswith(INTERNAL):
        number = text[len(INTERNAL) :].strip()
        if not (number.isascii() and number.isdigit()):
            raise UsageError(f"{shown(text)}: an internal id is a number, such as id:12")
        found = None
        if len(number) <= len(str(MAX_ROW_ID)) and int(number) <= MAX_ROW_ID:
            found = query.where(Driver.id == int(number)).first()
        if found is None:
            raise NotFoundError(f"driver {shown(text)} is not in the database")
        return _merged_root(found)
    if len(text) <= Driver.source_driver_id.max_length:
        by_id = list(query.where(Driver.source_driver_id == text).limit(MAX_LIMIT))
        if len(by_id) == 1:
            return _merged_root(by_id[0])
        if len(by_id) > 1:
            raise AmbiguousDriverError(text, _with_activity(by_id))
    wanted = normalize_name(text)
    named = (
        list(
            query.where(Driver.normalized_name == wanted, Driver.merged_into.is_null())
            .order_by(Driver.source, Driver.source_driver_id)
            .limit(MAX_LIMIT)
        )
        if wanted and len(wanted) <= Driver.normalized_name.max_length
        else []
    )
    real = [d for d in named if not d.source_driver_id.startswith(TEMP_PREFIX)]
    candidates = real or named
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        raise AmbiguousDriverError(text, _with_activity(candidates))
    raise NotFoundError(
        f"driver {shown(text)} is not in the database: no driver id or name matches "
        "(try `mre drivers search NAME`)"
    )


def _merged_root(driver: Driver) -> Driver:
    """The driver a temporary entry-list driver was merged into (itself if it was not)."""
    for _ in range(MAX_MERGE_STEPS):
        if driver.merged_into_id is None:
            return driver
        driver = Driver.get_by_id(driver.merged_into_id)
    return driver


def driver_scope(driver: Driver) -> dict[str, Any]:
    """The driver, and every driver whose rows are theirs: merged into them, or confirmed
    as the same user. `ids` are mre's ids of all of them (the driver first)."""
    ids = {driver.id: "self"}
    _add_merged(ids)
    user = None
    link = (
        UserDriverLink.select(UserDriverLink.user, User.display_name)
        .join(User)
        .where(UserDriverLink.driver.in_(list(ids)), UserDriverLink.status == LINK_CONFIRMED)
        .order_by(UserDriverLink.id)
        .tuples()
        .first()
    )
    if link is not None:
        user = {"id": link[0], "name": link[1]}
        for (other,) in (
            UserDriverLink.select(UserDriverLink.driver)
            .where(UserDriverLink.user == link[0], UserDriverLink.status == LINK_CONFIRMED)
            .tuples()
        ):
            ids.setdefault(other, "user")
        _add_merged(ids)
    others = [i for i in ids if i != driver.id]
    aliases = (
        [
            {**_identity(d), "via": ids[d.id]}
            for d in Driver.select().where(Driver.id.in_(others)).order_by(Driver.id)
        ]
        if others
        else []
    )
    return {**_identity(driver), "user": user, "aliases": aliases, "ids": list(ids)}


def _add_merged(ids: dict[int, str]) -> None:
    """Add to `ids` the drivers merged into any of them (a query per merge step: one)."""
    frontier = list(ids)
    for _ in range(MAX_MERGE_STEPS):
        found = [
            d
            for (d,) in Driver.select(Driver.id).where(Driver.merged_into.in_(frontier)).tuples()
            if d not in ids
        ]
        if not found:
            return
        for d in found:
            ids[d] = "merged"
        frontier = found


# --- a driver's history -------------------------------------------------------------

# Each result's columns, by the part of the row they go in and the key they get there.
_COLUMNS = {
    "result": {
        "driver_id": RaceDriver.driver,
        "driver": RaceDriver.display_name,
        "car_number": RaceDriver.car_number,
        "position": RaceResult.position_final,
        "laps": RaceResult.laps_completed,
        "total_time_raw": RaceResult.total_time_raw,
        "best_lap": RaceResult.fast_lap_time,
        "best_lap_number": RaceResult.fast_lap_number,
        "average": RaceResult.avg_lap_time,
        "consistency": RaceResult.consistency,
        "started": RaceResult.started,
    },
    "race": {
        "id": Race.id,
        "source_race_id": Race.source_race_id,
        "class_name": Race.class_name,
        "label": Race.race_label,
        "round": Race.round_name,
        "order": Race.race_order,
        "completed_at": Race.completed_at,
    },
    "event": {
        "id": Event.id,
        "source_event_id": Event.source_event_id,
        "name": Event.event_name,
        "date": Event.event_date,
    },
    "track": {"id": Track.id, "slug": Track.source_track_slug, "name": Track.track_name},
}
_PARTS = [(part, tuple(keys)) for part, keys in _COLUMNS.items()]
_FIELDS = [field for keys in _COLUMNS.values() for field in keys.values()]


def _results(ids: Iterable[int], event: Event | None, track: Track | None) -> list[dict[str, Any]]:
    """Every result of the drivers `ids` as `{"result", "race", "event", "track"}`, oldest
    first, each race with its number of drivers: one query."""
    others = RaceResult.alias()
    field_size = others.select(peewee.fn.COUNT(others.id)).where(others.race == Race.id)
    query = (
        RaceResult.select(*_FIELDS, field_size)
        .join(RaceDriver)
        .join_from(RaceResult, Race)
        .join(Event)
        .join(Track)
        .where(RaceDriver.driver.in_(list(ids)))
    )
    if event is not None:
        query = query.where(Race.event == event.id)
    if track is not None:
        query = query.where(Event.track == track.id)
    rows = []
    for *values, drivers in query.tuples():
        row, at = {}, 0
        for part, keys in _PARTS:
            row[part] = dict(zip(keys, values[at : at + len(keys)], strict=True))
            at += len(keys)
        row["result"]["started"] = bool(row["result"]["started"])  # SQLite: 0 or 1
        row["race"]["drivers"] = drivers
        rows.append(row)
    rows.sort(key=_in_time_order)
    return rows


def _in_time_order(row: dict[str, Any]) -> tuple[Any, ...]:
    """Oldest event first (undated last), then the event's race order."""
    date = row["event"]["date"]
    return (date is None, date or 0, row["event"]["id"], row["race"]["order"], row["race"]["id"])


def driver_history(driver: Driver, track: Track | None = None) -> dict[str, Any]:
    """The driver (with their scope), every event they entered or raced, newest first,
    each with its races in order (position of how many, laps, best lap, average), their
    personal bests per track and class, and totals. `track`: that track's only."""
    scope = driver_scope(driver)
    results = _results(scope["ids"], None, track)
    events: dict[int, dict[str, Any]] = {}
    for row in results:
        item = events.setdefault(row["event"]["id"], _event_item(row["event"], row["track"]))
        race = {**row["race"], **row["result"]}
        item["races"].append(race)
        if race["class_name"] not in item["classes"]:
            item["classes"].append(race["class_name"])
    entries = (
        EventEntry.select(
            EventEntry.class_name,
            Event.id,
            Event.source_event_id,
            Event.event_name,
            Event.event_date,
            Track.id,
            Track.source_track_slug,
            Track.track_name,
        )
        .join(Event)
        .join(Track)
        .where(EventEntry.driver.in_(scope["ids"]))
        .order_by(EventEntry.id)
    )
    if track is not None:
        entries = entries.where(Event.track == track.id)
    for class_name, event_id, source_id, name, date, track_id, slug, track_name in entries.tuples():
        item = events.get(event_id)
        if item is None:
            item = events[event_id] = _event_item(
                {"id": event_id, "source_event_id": source_id, "name": name, "date": date},
                {"id": track_id, "slug": slug, "name": track_name},
            )
        if class_name not in item["classes"]:
            item["classes"].append(class_name)
    ordered = sorted(
        events.values(),
        key=lambda e: (e["date"] is not None, e["date"] or 0, e["id"]),
        reverse=True,
    )
    positions = [r["result"]["position"] for r in results]
    return {
        "driver": {k: v for k, v in scope.items() if k != "ids"},
        "track": None
        if track is None
        else {"slug": track.source_track_slug, "name": track.track_name},
        "totals": {
            "events": len(ordered),
            "races": len(results),
            "wins": positions.count(1),
            "podiums": sum(1 for p in positions if p is not None and p <= 3),
        },
        "events": ordered,
        "personal_bests": _personal_bests(results),
        # Practice days are not stored yet (issue #13, "Practice"): their totals go here.
        "practice": None,
    }


def _event_item(event: dict[str, Any], track: dict[str, Any]) -> dict[str, Any]:
    return {
        **event,
        "track": {"slug": track["slug"], "name": track["name"]},
        "classes": [],
        "races": [],
    }


def _personal_bests(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per track and class: the best lap and the best average, each with where it was."""
    bests: dict[tuple[int, str], dict[str, Any]] = {}
    for row in results:
        key = (row["track"]["id"], row["race"]["class_name"])
        item = bests.setdefault(
            key,
            {
                "track": {"slug": row["track"]["slug"], "name": row["track"]["name"]},
                "class_name": row["race"]["class_name"],
                "races": 0,
                "best_lap": None,
                "best_average": None,
            },
        )
        item["races"] += 1
        result = row["result"]
        for name, value in (("best_lap", result["best_lap"]), ("best_average", result["average"])):
            if value is None or (item[name] is not None and value >= item[name]["time"]):
                continue
            item[name] = {
                "time": value,
                "lap": result["best_lap_number"] if name == "best_lap" else None,
                "event": row["event"]["name"],
                "source_event_id": row["event"]["source_event_id"],
                "date": row["event"]["date"],
                "race": row["race"]["label"],
                "source_race_id": row["race"]["source_race_id"],
            }
    return sorted(bests.values(), key=lambda b: (b["track"]["name"], b["class_name"]))


# --- head to head ---------------------------------------------------------------------


def compare_drivers(a: Driver, b: Driver, event: Event | None = None) -> dict[str, Any]:
    """The races `a` and `b` both ran (of `event` only, if given), oldest first: each one's
    position, best lap and average, who finished ahead, and the differences (a minus b:
    negative when `a` was faster); and a summary."""
    scope_a, scope_b = driver_scope(a), driver_scope(b)
    if set(scope_a["ids"]) & set(scope_b["ids"]):
        raise UsageError(
            f"{a.display_name} ({a.source_driver_id}) and {b.display_name} "
            f"({b.source_driver_id}) are the same driver: name two different drivers"
        )
    side = {i: "a" for i in scope_a["ids"]} | {i: "b" for i in scope_b["ids"]}
    by_race: dict[int, dict[str, Any]] = {}
    for row in _results(side, event, None):
        found = by_race.setdefault(row["race"]["id"], {"row": row})
        found.setdefault(side[row["result"]["driver_id"]], row["result"])
    races = []
    for found in by_race.values():
        if "a" not in found or "b" not in found:
            continue
        row, ra, rb = found["row"], found["a"], found["b"]
        races.append(
            {
                **row["race"],
                "event": row["event"],
                "track": {"slug": row["track"]["slug"], "name": row["track"]["name"]},
                "a": _side(ra),
                "b": _side(rb),
                "ahead": _ahead(ra["position"], rb["position"]),
                "best_lap_difference": _difference(ra["best_lap"], rb["best_lap"]),
                "average_difference": _difference(ra["average"], rb["average"]),
            }
        )
    return {
        "a": {k: v for k, v in scope_a.items() if k != "ids"},
        "b": {k: v for k, v in scope_b.items() if k != "ids"},
        "event": None
        if event is None
        else {"source_event_id": event.source_event_id, "name": event.event_name},
        "races": races,
        "summary": _summary(races),
    }


def _side(result: dict[str, Any]) -> dict[str, Any]:
    return {
        key: result[key]
        for key in (
            "driver",
            "car_number",
            "position",
            "laps",
            "total_time_raw",
            "best_lap",
            "average",
        )
    }


def _ahead(a: int | None, b: int | None) -> str | None:
    """Who finished ahead: the lower position; a driver with none is behind one with one."""
    if a == b:  # both unplaced, or a dead heat
        return None
    if b is None or (a is not None and a < b):
        return "a"
    return "b"


def _difference(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else round(a - b, 3)


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def _summary(races: list[dict[str, Any]]) -> dict[str, Any]:
    best = [r["best_lap_difference"] for r in races if r["best_lap_difference"] is not None]
    average = [r["average_difference"] for r in races if r["average_difference"] is not None]
    return {
        "races": len(races),
        "a_ahead": sum(1 for r in races if r["ahead"] == "a"),
        "b_ahead": sum(1 for r in races if r["ahead"] == "b"),
        "a_faster_best_lap": sum(1 for d in best if d < 0),
        "b_faster_best_lap": sum(1 for d in best if d > 0),
        "mean_best_lap_difference": _mean(best),
        "mean_average_difference": _mean(average),
    }


def resolve_track(track: str | int | None, source: str | None) -> Track | None:
    return None if track is None else find_track(track, source)


def resolve_event(event: str | int | None, source: str | None) -> Event | None:
    return None if event is None else find_event(event, source)
