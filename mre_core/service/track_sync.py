"""Operation 1, track catalogue sync: the only operation mre starts on its own;
and adding one track of a source with no catalogue.

Upserts every listed track, refreshes its metadata and last_seen_at, and
marks known tracks that are no longer listed `is_active = false`. Events are
not touched and nothing beyond the catalogue is fetched.

A track's `extra` (the connector's own fields) is bookkeeping, like
last_seen_at: written at every sync, but a track whose other fields are
unchanged counts as unchanged. A connector's extra may hold what changes
with the clock alone (LiveRC's "2 days ago", and the time it names, read a
minute later), which is no change of the track.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from loguru import logger

from mre_core.record_kinds import TRACK
from mre_core.storage.bulk import upsert_rows
from mre_core.storage.database import write_transaction
from mre_core.storage.models import Track
from mre_core.timeutil import utcnow

if TYPE_CHECKING:
    from mre_core.records import TrackRecord
    from mre_core.service.context import OperationContext
    from mre_core.service.runs import RunRecorder

# Written, but a track whose other fields are unchanged counts as unchanged.
_BOOKKEEPING = frozenset({"last_seen_at", "extra"})


def add_track(ops: OperationContext, run: RunRecorder, source: str, track_id: str) -> None:
    """One track by its id (1 request), for a source with no catalogue to sync.

    Added or updated and marked active; no other track is retired, since
    nothing lists them all.
    """
    connector = ops.registry.get(source)
    http = ops.http.for_connector(connector.info)
    run.progress(f"fetching track {track_id}", done=0, total=1)
    try:
        record = connector.call("fetch_track", http=http, track_slug=track_id)
    finally:
        run.report.requests = http.requests
    now = utcnow()
    with write_transaction():
        upsert_rows(
            Track,
            [_track_row(source, record, now)],
            TRACK.key,
            (Track.source == source)
            & (Track.source_track_slug == record.source_track_slug.lower()),
            run.report.counts,
            bookkeeping=_BOOKKEEPING,
        )
    logger.info("track {} ({}) stored", record.source_track_slug, record.track_name)
    run.progress("done", done=1)


def _track_row(source: str, record: TrackRecord, now: datetime) -> dict[str, Any]:
    return {
        **TRACK.row(record),
        "source": source,
        "source_track_slug": record.source_track_slug.lower(),
        "is_active": True,
        "last_seen_at": now,
    }


def sync_tracks(ops: OperationContext, run: RunRecorder, source: str) -> None:
    report = run.report
    connector = ops.registry.get(source)
    http = ops.http.for_connector(connector.info)
    run.progress("fetching the track catalogue", done=0, total=1)
    try:
        records = connector.call("list_tracks", http=http)
    finally:
        report.requests = http.requests
    logger.info("{} tracks listed", len(records))
    now = utcnow()
    rows = [_track_row(source, record, now) for record in records]
    listed = [row["source_track_slug"] for row in rows]
    with write_transaction():
        upsert_rows(
            Track,
            rows,
            TRACK.key,
            Track.source == source,
            report.counts,
            bookkeeping=_BOOKKEEPING,
        )
        gone = (
            Track.update(is_active=False)
            .where(
                (Track.source == source)
                & (Track.is_active == True)  # noqa: E712 - peewee expression
                & Track.source_track_slug.not_in(listed)
            )
            .execute()
        )
        report.counts.add("tracks", updated=gone)
    if gone:
        logger.info("{} tracks no longer listed: marked inactive", gone)
    run.progress("done", done=1)
