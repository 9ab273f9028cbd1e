"""One race's laps, driver by driver: what a lap chart draws.

Lap times per driver, and each driver's position at the end of each lap
(the chart racers know), in three queries whatever the race's size: the
race, its results, its laps.
"""

from __future__ import annotations

from typing import Any

from mre_core.errors import NotFoundError, UsageError
from mre_core.service.lookup import INTERNAL, MAX_ROW_ID, shown
from mre_core.storage.models import Event, Lap, Race, RaceDriver, RaceResult

EXAMPLE = "the source's race id, or id:N"


def find_race(ref: str | int, source: str | None = None) -> Race:
    """The race `ref` names: `id:N` (mre's id) or the source's race id (of `source`)."""
    text = str(ref).strip()
    if not text:
        raise UsageError(f"a race id is required ({EXAMPLE})")
    if not text.isprintable():  # PostgreSQL refuses a NUL in text outright
        raise UsageError(f"race {shown(text)}: an id is printable text ({EXAMPLE})")
    query = Race.select(Race, Event).join(Event)
    if source:
        query = query.where(Event.source == source)
    found = None
    if text.lower().startswith(INTERNAL):
        number = text[len(INTERNAL) :]
        if not (number.isascii() and number.isdigit()):
            raise UsageError(f"{shown(text)}: an internal id is a number, such as id:12")
        if len(number) <= len(str(MAX_ROW_ID)) and int(number) <= MAX_ROW_ID:
            found = query.where(Race.id == int(number)).first()
    elif len(text) <= Race.source_race_id.max_length:
        matches = list(query.where(Race.source_race_id == text).limit(2))
        if len(matches) > 1:
            raise UsageError(f"race {shown(text)} is in several events: name it by id:N")
        found = matches[0] if matches else None
    if found is None:
        raise NotFoundError(
            f"race {shown(text)} is not in the database: ingest its event first "
            "(`mre events ingest --event ID`)"
        )
    return found


def race_laps(race: Race) -> dict[str, Any]:
    """The race, and its drivers by final position (no position last), each with every
    lap: number, time in seconds, position at the end of it."""
    results = (
        RaceResult.select(
            RaceResult.id, RaceResult.position_final, RaceDriver.display_name, RaceDriver.car_number
        )
        .join(RaceDriver)
        .where(RaceResult.race == race.id)
        .order_by(RaceResult.position_final.asc(nulls="LAST"), RaceResult.id)
        .tuples()
    )
    laps: dict[int, list[dict[str, Any]]] = {}
    for result_id, number, seconds, position in (
        Lap.select(Lap.race_result, Lap.lap_number, Lap.lap_time_seconds, Lap.position_on_lap)
        .join(RaceResult)
        .where(RaceResult.race == race.id)
        .order_by(Lap.race_result, Lap.lap_number)
        .tuples()
    ):
        laps.setdefault(result_id, []).append(
            {"lap": number, "time": seconds, "position": position}
        )
    event = race.event
    return {
        "race": {
            "id": race.id,
            "source_race_id": race.source_race_id,
            "round": race.round_name,
            "class_name": race.class_name,
            "label": race.race_label,
            "number": race.race_number,
            "event": {
                "id": event.id,
                "source_event_id": event.source_event_id,
                "name": event.event_name,
            },
        },
        "drivers": [
            {
                "driver": name,
                "car_number": car,
                "position": position,
                "laps": laps.get(result_id, []),
            }
            for result_id, position, name, car in results
        ],
    }
