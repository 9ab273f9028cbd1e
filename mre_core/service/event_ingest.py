"""Operation 3, deep ingestion of one event: entry list, every race, every lap.

Order matters and is fixed: the entry list first (missing or empty stops
here, before any other request), then the event page for the race list,
then each race page exactly once, written race by race in race order. Only
after the last race is the event marked `laps_full`; an event stopped
halfway stays unmarked, and a rerun completes it without duplicates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from loguru import logger

from mre_core.errors import PageNotFoundError, ValidationError
from mre_core.service.event_drivers import EventDrivers
from mre_core.service.prefetch import fetch_in_order
from mre_core.service.race_writer import write_race
from mre_core.service.reports import ALREADY_COMPLETE, OperationReport
from mre_core.storage.database import current_database
from mre_core.storage.models import DEPTH_LAPS_FULL, Event
from mre_core.timeutil import utcnow

if TYPE_CHECKING:
    from mre_core.service.ingestion import IngestionService


def ingest_event(service: IngestionService, event: Event, force: bool) -> OperationReport:
    report = OperationReport("ingest_event", event.source, event.source_event_id)
    if event.ingest_depth == DEPTH_LAPS_FULL and not force:
        report.status = ALREADY_COMPLETE
        return report
    connector = service.registry.get(event.source)
    http = service.http.for_connector(connector.info)
    slug = event.track.source_track_slug
    try:
        _ingest(service, connector, http, slug, event, report)
    finally:
        report.requests = http.requests
    return report


def _ingest(service, connector, http, slug, event: Event, report: OperationReport) -> None:  # type: ignore[no-untyped-def]
    event_id = event.source_event_id
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
    drivers = EventDrivers(event, report.counts)
    with current_database().atomic():
        drivers.write_entry_list(entries)

    races = connector.call("fetch_races", http=http, track_slug=slug, event_id=event_id)
    logger.info("event {}: {} entries, {} races", event_id, len(entries), len(races))
    workers = 1 if service.cassette else service.settings.http_concurrency
    pages = fetch_in_order(
        lambda race: connector.call("fetch_laps", http=http, track_slug=slug, race=race),
        races,
        workers=workers,
        window=2 * workers,
    )
    laps = 0
    for race, detail in pages:
        write_race(event, race, detail, drivers, report.counts)
        laps += sum(len(result.laps) for result in detail.results)
        if not detail.results:
            logger.warning("race {} ({}) has no results yet", race.source_race_id, race.race_label)

    for step in service.after_event_ingested:
        step(event, report.counts)

    with current_database().atomic():
        was_complete = event.ingest_depth == DEPTH_LAPS_FULL
        Event.update(ingest_depth=DEPTH_LAPS_FULL, last_ingested_at=utcnow()).where(
            Event.id == event.id
        ).execute()
        # last_ingested_at is bookkeeping: only the depth change counts as an update.
        report.counts.add(
            "events", updated=0 if was_complete else 1, unchanged=1 if was_complete else 0
        )
    logger.info("event {}: {} races, {} laps", event_id, len(races), laps)
