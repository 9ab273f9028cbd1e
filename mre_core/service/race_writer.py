"""Writing one race, whole, in one transaction: race, drivers, results, laps.

A crash between two races leaves every race either fully written or not at
all, so a rerun completes the event without duplicates (keys are natural)
and without half a race. Four bulk statements per race at most, whatever the
number of laps.

A race new to the database has no drivers, results or laps yet, so for it
nothing is read before those are written (`fresh`), and lap ids, which no
one needs, are never read back. A forced re-ingest reads each race's rows
once and writes only what changed (nothing, when nothing did).

A race is stored with the connector's fingerprint of its page. When the
page comes back with the same fingerprint (the connector says `unchanged`
and does not parse it) the race is kept as it is: only what the event page
says of it is written, and its rows are counted unchanged. The fingerprint
is stored after this mre_core's version, and one written by another version
is never offered to the connector: a new mre reads every page again.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from operator import attrgetter
from typing import Any

from mre_core import __version__
from mre_core.record_kinds import LAP, RACE, RACE_PAGE, RESULT
from mre_core.records import RaceDetail, RaceRecord
from mre_core.service.event_drivers import EventDrivers
from mre_core.storage.bulk import select_values, upsert_rows, upsert_values
from mre_core.storage.counts import Counts
from mre_core.storage.database import current_database, write_transaction
from mre_core.storage.models import Event, Lap, Race, RaceDriver, RaceResult

# Laps go as tuples (a national event has 40,000): the declared fields, between the
# result they belong to and the race time elapsed at their end.
LAP_FIELDS = ("race_result", *LAP.fields, "elapsed_race_time")
_lap_values = attrgetter(*LAP.fields)


_DIGEST_PREFIX = f"mre_core {__version__}:"
_DIGEST = frozenset({"page_digest"})  # written, never compared: not data of the race


def known_digests(event: Event) -> dict[str, str]:
    """The page fingerprints of the event's races that this mre_core stored, by race id."""
    rows = select_values(Race, (Race.source_race_id, Race.page_digest), {Race.event: event.id})
    return {
        race_id: stored.removeprefix(_DIGEST_PREFIX)
        for race_id, stored in rows
        if stored and stored.startswith(_DIGEST_PREFIX)
    }


def write_race(
    event: Event,
    race: RaceRecord,
    detail: RaceDetail,
    drivers: EventDrivers,
    counts: Counts,
    fence: Callable[[], None] = lambda: None,
) -> None:
    """Write one race in one transaction; `fence` is its last statement (the event's lock
    still this run's, else everything of this race rolls back)."""
    if detail.unchanged:
        _keep_race(event, race, counts, fence)
        return
    drivers.make_real_drivers(race.class_name, detail.results)
    with write_transaction():
        drivers.lock_real_drivers(detail.results)
        race_rows = upsert_rows(
            Race,
            [_race_row(event, race, detail)],
            RACE.key,
            {Race.event: event.id, Race.source_race_id: race.source_race_id},
            counts,
            bookkeeping=_DIGEST,
        )
        race_id = race_rows.ids[(event.id, race.source_race_id)]
        fresh = bool(race_rows.new_keys)  # a new race: nothing of it exists yet

        drivers.prefetch(detail.results)
        identified = [drivers.identify(race.class_name, result) for result in detail.results]
        race_drivers = upsert_rows(
            RaceDriver,
            [
                {
                    "race": race_id,
                    "source_driver_id": who.source_driver_id,
                    "driver": who.driver_id,
                    "event_entry": who.event_entry_id,
                    "display_name": result.display_name,
                    "car_number": result.car_number,
                }
                for result, who in zip(detail.results, identified, strict=True)
            ],
            ("race", "source_driver_id"),
            {RaceDriver.race: race_id},
            counts,
            fresh=fresh,
        )
        race_driver_ids = [race_drivers.ids[(race_id, who.source_driver_id)] for who in identified]
        results = upsert_rows(
            RaceResult,
            [
                {"race": race_id, "race_driver": rd_id, **RESULT.row(result)}
                for result, rd_id in zip(detail.results, race_driver_ids, strict=True)
            ],
            RESULT.key,
            {RaceResult.race: race_id},
            counts,
            fresh=fresh,
        )
        lap_rows: list[tuple[Any, ...]] = []
        for result, rd_id in zip(detail.results, race_driver_ids, strict=True):
            result_id = results.ids[(race_id, rd_id)]
            elapsed = Decimal(0)
            for lap in result.laps:
                # repr() is the shortest exact text of the float: '38.17', so sums stay exact.
                elapsed += Decimal(repr(lap.lap_time_seconds))
                lap_rows.append((result_id, *_lap_values(lap), float(elapsed)))
        if lap_rows:
            upsert_values(
                Lap,
                LAP_FIELDS,
                lap_rows,
                LAP.key,
                {Lap.race_result: list(results.ids.values())},
                counts,
                fresh=fresh,
                ids=False,
            )
        fence()


_KEPT_TABLES = (
    (RaceDriver, "SELECT COUNT(*) FROM race_drivers WHERE race_id = {}"),
    (RaceResult, "SELECT COUNT(*) FROM race_results WHERE race_id = {}"),
    (
        Lap,
        "SELECT COUNT(*) FROM laps JOIN race_results r ON r.id = laps.race_result_id "
        "WHERE r.race_id = {}",
    ),
)


def _keep_race(event: Event, race: RaceRecord, counts: Counts, fence: Callable[[], None]) -> None:
    """The page is as it was: update what the event page says, count the rest unchanged."""
    with write_transaction():
        race_id = upsert_rows(
            Race,
            [_race_fields(event, race)],
            ("event", "source_race_id"),
            {Race.event: event.id, Race.source_race_id: race.source_race_id},
            counts,
        ).ids[(event.id, race.source_race_id)]
        db = current_database()
        for model, sql in _KEPT_TABLES:
            (rows,) = db.execute_sql(sql.format(db.param), (race_id,)).fetchone()
            counts.add(model._meta.table_name, unchanged=rows)
        fence()


def _race_row(event: Event, race: RaceRecord, detail: RaceDetail) -> dict[str, Any]:
    return {
        **_race_fields(event, race),
        **RACE_PAGE.row(detail),
        "page_digest": _DIGEST_PREFIX + detail.page_digest if detail.page_digest else None,
    }


def _race_fields(event: Event, race: RaceRecord) -> dict[str, Any]:
    """What the event page says of a race (the race page adds the rest)."""
    return {"event": event.id, **RACE.row(race)}
