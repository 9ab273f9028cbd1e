"""Operation 3, deep ingestion of one event: entry list, every race, every lap.

Order matters and is fixed: the entry list first (missing or empty stops
here, before any other request), then the event page for the race list,
then each race page exactly once, written race by race in race order (a
page whose fingerprint is the one stored is not read again: see
race_writer). Only
after the last race is the event marked `laps_full`; an event stopped
halfway stays unmarked, and a rerun completes it without duplicates.

One run at a time per event: the event's lock is taken first, and the
event is read again under it, since the run that held it may just have
completed it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from typing import TYPE_CHECKING, Any

import peewee
from loguru import logger

from mre_core.errors import PageNotFoundError, ValidationError
from mre_core.service.event_drivers import EventDrivers
from mre_core.service.locks import Lock, event_lock_key
from mre_core.service.prefetch import fetch_in_order
from mre_core.service.race_writer import known_digests, write_race
from mre_core.service.reports import ALREADY_COMPLETE
from mre_core.storage.database import write_transaction
from mre_core.storage.models import DEPTH_LAPS_FULL, Event
from mre_core.timeutil import utcnow

if TYPE_CHECKING:
    from mre_core.http import SourceHttp
    from mre_core.plugins import Connector
    from mre_core.service.context import OperationContext
    from mre_core.service.runs import RunRecorder


def ingest_event(ops: OperationContext, run: RunRecorder, event: Event, force: bool) -> None:
    if event.ingest_depth == DEPTH_LAPS_FULL and not force:
        run.report.status = ALREADY_COMPLETE
        return
    lock = Lock(
        event_lock_key(event.source, event.source_event_id),
        run.id,
        ops.settings.lock_ttl_s,
        f"event {event.source_event_id}",
    )
    lock.acquire()
    run.beats.append(lock.renew)
    try:
        event = Event.get_by_id(event.id)
        if event.ingest_depth == DEPTH_LAPS_FULL and not force:
            run.report.status = ALREADY_COMPLETE
            return
        connector = ops.registry.get(event.source)
        http = ops.http.for_connector(connector.info)
        try:
            _ingest(ops, run, connector, http, event, lock)
        finally:
            run.report.requests = http.requests
    finally:
        run.beats.remove(lock.renew)
        lock.release()


def _ingest(
    ops: OperationContext,
    run: RunRecorder,
    connector: Connector,
    http: SourceHttp,
    event: Event,
    lock: Lock,
) -> None:
    counts = run.report.counts
    slug, event_id = event.track.source_track_slug, event.source_event_id
    run.progress("fetching the entry list", done=0)
    try:
        entries = connector.call("fetch_entry_list", http=http, track_slug=slug, event_id=event_id)
    except PageNotFoundError as exc:
        raise ValidationError(
            f"event {event_id} has no entry list ({exc.url} is missing)"
        ) from None
    if not entries:
        raise ValidationError(
            f"the entry list of event {event_id} is empty: nothing to ingest (event left unmarked)"
        )
    drivers = EventDrivers(event, counts)
    with write_transaction():
        drivers.write_entry_list(entries)
        lock.fence()
    run.progress("fetching the event page", done=1)

    races = connector.call("fetch_races", http=http, track_slug=slug, event_id=event_id)
    logger.info("event {}: {} entries, {} races", event_id, len(entries), len(races))
    run.progress(f"fetching {len(races)} race pages", done=2, total=len(races) + 2)
    workers = 1 if ops.replaying else ops.settings.http_concurrency
    digests = known_digests(event)
    pages = fetch_in_order(
        lambda race: connector.call(
            "fetch_laps",
            http=http,
            track_slug=slug,
            race=race,
            known_digest=digests.get(race.source_race_id),
        ),
        races,
        workers=workers,
        window=2 * workers,
    )
    results = laps = kept = 0
    # closing: on a failure, the fetches under way end (and no more start)
    # here, before the lock is released, not whenever the generator is collected.
    with closing(pages):
        for number, (race, detail) in enumerate(pages, start=1):
            lock.check()
            run.check_stop()
            _while_busy(run, write_race, event, race, detail, drivers, counts, lock.fence)
            results += len(detail.results)
            laps += sum(len(result.laps) for result in detail.results)
            if detail.unchanged:
                kept += 1
            elif not detail.results:
                logger.warning(
                    "race {} ({}) has no results yet", race.source_race_id, race.race_label
                )
            run.advance(f"race {number}/{len(races)}: {race.race_label}")

    for step in ops.after_event_ingested:
        step(event, counts)

    lock.check()
    # `event` was read under the lock, and only a run holding it changes the depth.
    was_complete = event.ingest_depth == DEPTH_LAPS_FULL
    with write_transaction():
        Event.update(ingest_depth=DEPTH_LAPS_FULL, last_ingested_at=utcnow()).where(
            Event.id == event.id
        ).execute()
        lock.fence()
        # last_ingested_at is bookkeeping: only the depth change counts as an update.
        counts.add("events", updated=0 if was_complete else 1, unchanged=1 if was_complete else 0)
    # Pages kept as stored were not parsed: their results and laps are not in the totals.
    logger.info(
        "event {}: {} races ({} kept unchanged), {} results and {} laps read",
        event_id,
        len(races),
        kept,
        results,
        laps,
    )


def _while_busy(run: RunRecorder, write: Callable[..., None], *args: Any) -> None:
    """Write; while SQLite stays locked by another process past its busy timeout (a writer
    frozen mid-transaction, say), keep waiting with the wait shown, rather than fail."""
    while True:
        try:
            write(*args)
            return
        except peewee.OperationalError as exc:
            if "database is locked" not in str(exc):
                raise
            logger.warning("the database is locked by another process; waiting")
            run.progress("waiting for the database: another process holds its write lock")
