"""Operation 3, deep ingestion of one event: entry list, every race, every lap.

Order matters and is fixed: the entry list first for a source that has
entry lists (missing or empty stops here, before any other request; a
source without them builds drivers from the results), then the event page
for the race list,
then each race page exactly once, written race by race in race order (a
page whose fingerprint is the one stored is not read again: see
race_writer).

An event is marked `laps_full` only when its page was read, every race it
lists is stored, and it is over; an event stopped halfway stays as it was,
and a rerun completes it without duplicates. Its dates are the venue's and
mre does not know the venue's time zone, so an event is over once the UTC
date is more than one day past its last day (`event_end_date`, else the day
of `event_date`): by then that day has ended everywhere. An event with no
date is taken as over, as nothing says it is not.

- A page that lists no races (an upcoming event): the run ends `not_ready`
  (exit 0) and the event keeps its depth (`none`). So does an empty entry
  list before the event is over: entries are not in yet.
- An event not over (race day: LiveRC lists the races run so far): its
  races are stored, it is left at `laps_partial`, and the run ends
  `partial`, saying why. Nothing fetches it again by itself; asked again
  (laps_partial is not complete: no --force needed) while it is still not
  over, only the event page and the race pages that are new or changed are
  fetched: a race listed as it is stored, with results, keeps its page
  unread, and the entry list is not read again. The first ingest after the
  event is over reads it as a first ingest does (every page; a race page
  with the stored fingerprint is not parsed), so a result corrected after
  mre read it on race day is in, and marks it laps_full.

One run at a time per event: the event's lock is taken first, and the
event is read again under it, since the run that held it may just have
completed it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import peewee
from loguru import logger

from mre_core.errors import PageNotFoundError, ValidationError
from mre_core.records import EntryRecord, RaceDetail, RaceRecord
from mre_core.service.event_drivers import EventDrivers
from mre_core.service.locks import Lock, event_lock_key
from mre_core.service.prefetch import fetch_in_order
from mre_core.service.race_writer import known_digests, write_race
from mre_core.service.reports import ALREADY_COMPLETE, NOT_READY, PARTIAL
from mre_core.storage.database import write_transaction
from mre_core.storage.models import (
    DEPTH_LAPS_FULL,
    DEPTH_LAPS_PARTIAL,
    Event,
    Race,
    RaceResult,
)
from mre_core.timeutil import utcnow

if TYPE_CHECKING:
    from mre_core.http import SourceHttp
    from mre_core.plugins import Connector
    from mre_core.service.context import OperationContext
    from mre_core.service.runs import RunRecorder

# What the event page says of a race: a stored race whose listing still reads so
# (and which has results) needs no second look while its event runs.
_LISTING = (
    "race_url",
    "class_name",
    "race_label",
    "race_order",
    "race_number",
    "round_name",
    "completed_at",
    "completed_date",
    "completed_at_raw",
)


def last_day(event: Event) -> date | None:
    """The event's last day as the site dates it (venue-local): its end, else its start."""
    if event.event_end_date is not None:
        return event.event_end_date
    return event.event_date.date() if event.event_date is not None else None


def is_over(event: Event, now: datetime) -> bool:
    """Over once the UTC date `now` is more than one day past its last day (see the doc)."""
    last = last_day(event)
    return last is None or now.date() > last + timedelta(days=1)


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
            _ingest(ops, run, connector, http, event, lock, force)
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
    force: bool,
) -> None:
    counts = run.report.counts
    slug, event_id = event.track.source_track_slug, event.source_event_id
    over = is_over(event, utcnow())
    # Race day, asked again: top the stored races up (see the module's doc).
    topping_up = event.ingest_depth == DEPTH_LAPS_PARTIAL and not over and not force
    if topping_up or not connector.can("entry_list"):  # no entry list read (see the doc)
        drivers = EventDrivers(event, counts, entry_list=connector.can("entry_list"))
    else:
        run.progress("fetching the entry list", done=0)
        entries = _entry_list(connector, http, slug, event_id)
        if not entries and not over:
            _left_for_later(
                run,
                NOT_READY,
                f"the entry list of event {event_id} is empty and the event is not over "
                f"(its last day: {last_day(event)}): ingest it again once entries are in",
            )
            return
        if not entries:
            raise ValidationError(
                f"the entry list of event {event_id} is empty: nothing to ingest "
                "(event left unmarked)"
            )
        drivers = EventDrivers(event, counts)
        with write_transaction():
            drivers.write_entry_list(entries)
            lock.fence()
    run.progress("fetching the event page", done=1)

    races = connector.call("fetch_races", http=http, track_slug=slug, event_id=event_id)
    if not races:
        _left_for_later(
            run,
            NOT_READY,
            f"the page of event {event_id} lists no races yet (event left at depth "
            f"{event.ingest_depth}): ingest it again once racing has begun",
        )
        return
    settled = _settled_races(event, races) if topping_up else set()
    logger.info(
        "event {}: {} races listed, {} of them stored with results and kept unread",
        event_id,
        len(races),
        len(settled),
    )
    run.progress(f"fetching {len(races) - len(settled)} race pages", done=2, total=len(races) + 2)
    workers = 1 if ops.replaying else ops.settings.http_concurrency
    digests = known_digests(event)

    def fetch(race: RaceRecord) -> RaceDetail:
        if race.source_race_id in settled:  # no request: kept as stored
            return RaceDetail(race.source_race_id, unchanged=True)
        return connector.call(
            "fetch_laps",
            http=http,
            track_slug=slug,
            race=race,
            known_digest=digests.get(race.source_race_id),
        )

    pages = fetch_in_order(fetch, races, workers=workers, window=2 * workers)
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
    depth = DEPTH_LAPS_FULL if over else DEPTH_LAPS_PARTIAL
    with write_transaction():
        Event.update(ingest_depth=depth, last_ingested_at=utcnow()).where(
            Event.id == event.id
        ).execute()
        lock.fence()
        # last_ingested_at is bookkeeping: only the depth change counts as an update.
        moved = event.ingest_depth != depth
        counts.add("events", updated=1 if moved else 0, unchanged=0 if moved else 1)
    # Pages kept as stored were not parsed: their results and laps are not in the totals.
    logger.info(
        "event {}: {} races ({} kept unchanged), {} results and {} laps read",
        event_id,
        len(races),
        kept,
        results,
        laps,
    )
    if not over:
        last = last_day(event)
        assert last is not None  # an event with no date is over
        _left_for_later(
            run,
            PARTIAL,
            f"event {event_id} is not over: its last day is {last}, over for mre once the "
            f"UTC date is past {last + timedelta(days=1)}; {len(races)} races stored so far, "
            "ingest it again for the rest",
        )


def _entry_list(
    connector: Connector, http: SourceHttp, slug: str, event_id: str
) -> list[EntryRecord]:
    try:
        return connector.call("fetch_entry_list", http=http, track_slug=slug, event_id=event_id)
    except PageNotFoundError as exc:
        raise ValidationError(
            f"event {event_id} has no entry list ({exc.url} is missing)"
        ) from None


def _left_for_later(run: RunRecorder, status: str, why: str) -> None:
    """End well without completing the event (partial, not_ready), saying why where the
    caller, a console polling the run and the logs all see it."""
    run.report.status = status
    run.report.detail = why
    run.progress(f"{status}: {why}")
    logger.info("{}: {}", status, why)


def _settled_races(event: Event, races: list[RaceRecord]) -> set[str]:
    """The listed races stored as the page lists them now, with results: while the event
    runs their pages are not fetched again. A race stored without results (listed before
    it was scored) is not settled: it is read again until its results are in."""
    scored = RaceResult.select(RaceResult.id).where(RaceResult.race == Race.id)
    rows = (
        Race.select(Race.source_race_id, *(getattr(Race, name) for name in _LISTING))
        .where((Race.event == event.id) & peewee.fn.EXISTS(scored))
        .tuples()
    )
    stored = {row[0]: tuple(row[1:]) for row in rows}
    return {
        race.source_race_id
        for race in races
        if stored.get(race.source_race_id) == tuple(getattr(race, name) for name in _LISTING)
    }


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
