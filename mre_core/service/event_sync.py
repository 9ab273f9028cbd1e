"""Operation 2, event catalogue sync for one track.

The track must already be known (from the track sync). Events are upserted
by their source id; new ones start at depth 'none', and the depth of known
events is never changed here. With depth 'laps_full' the events this run
created (or, asked for, all listed ones) are then deep-ingested one by one;
one event failing its checks does not stop the others, but a network
failure stops the run: the site is down, and retrying every event would
only hammer it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from loguru import logger

from mre_core.errors import MreError, NetworkError, UsageError
from mre_core.service.reports import FAILED, OperationReport
from mre_core.storage.bulk import upsert_rows
from mre_core.storage.database import current_database
from mre_core.storage.models import DEPTH_LAPS_FULL, DEPTH_NONE, DEPTHS, Event, Track

if TYPE_CHECKING:
    from mre_core.service.ingestion import IngestionService


def refresh_events(
    service: IngestionService, track: Track, depth: str, ingest_all: bool
) -> OperationReport:
    if depth not in DEPTHS:
        raise UsageError(f"depth must be one of {', '.join(DEPTHS)}, not {depth!r}")
    connector = service.registry.get(track.source)
    http = service.http.for_connector(connector.info)
    report = OperationReport("refresh_events", track.source, track.source_track_slug)
    try:
        records = connector.call(
            "list_events_for_track", http=http, track_slug=track.source_track_slug
        )
    finally:
        report.requests = http.requests
    rows = [
        {
            "source": track.source,
            "source_event_id": record.source_event_id,
            "track": track.id,
            "event_name": record.event_name,
            "event_date": record.event_date,
            "event_end_date": record.event_end_date,
            "event_entries": record.event_entries,
            "event_drivers": record.event_drivers,
            "event_url": record.event_url,
            "ingest_depth": DEPTH_NONE,
        }
        for record in records
    ]
    listed = [row["source_event_id"] for row in rows]
    with current_database().atomic():
        upserted = upsert_rows(
            Event,
            rows,
            ("source", "source_event_id"),
            (Event.source == track.source) & Event.source_event_id.in_(listed),
            report.counts,
            insert_only=frozenset({"ingest_depth"}),
        )
    report.created = [event_id for _, event_id in upserted.new_keys]
    if depth == DEPTH_LAPS_FULL:
        targets = listed if ingest_all else report.created
        _ingest_each(service, track.source, targets, report)
    return report


def _ingest_each(
    service: IngestionService, source: str, event_ids: list[str], report: OperationReport
) -> None:
    for position, event_id in enumerate(event_ids):
        try:
            child = service.ingest_event(event_id, source=source)
        except MreError as exc:
            child = OperationReport("ingest_event", source, event_id)
            child.fail(exc)
            logger.warning("event {} not ingested: {}", event_id, exc)
            report.children.append(child)
            if isinstance(exc, NetworkError):
                skipped = event_ids[position + 1 :]
                if skipped:
                    logger.warning("stopping: {} more events not attempted", len(skipped))
                break
            continue
        report.children.append(child)
        report.counts.merge(child.counts)
        report.requests += child.requests
    failed = [c for c in report.children if c.error_code]
    if failed:
        report.status = FAILED
        report.error_code = failed[0].error_code
        report.exit_code = failed[0].exit_code
        report.error_message = (
            f"{len(failed)} of {len(event_ids)} events failed; first: {failed[0].error_message}"
        )
