"""Operation 2, event catalogue sync for one track.

The track must already be known (from the track sync). Events are upserted
by their source id; new ones start at depth 'none', and the depth of known
events is never changed here. With depth 'laps_full' the events this run
created (or, asked for, all listed ones) are then deep-ingested one by one,
each as a child run; one event failing its checks does not stop the others,
but a network failure stops the run: the site is down, and trying every
event would only hammer it.

With depth 'laps_full' the listed events an earlier ingest left to finish
later are asked for again too: those at `laps_partial` (ingested while they
ran) and those whose last ingest ended `not_ready` (their page listed no
races yet). Otherwise a nightly `refresh --depth laps_full` would import an
event listed before its race day, or ingested on it, never whole. Nothing
else fetches them again: mre schedules nothing itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import peewee
from loguru import logger

from mre_core.errors import MreError, NetworkError
from mre_core.record_kinds import EVENT
from mre_core.service.reports import FAILED, OperationReport
from mre_core.storage.bulk import upsert_rows
from mre_core.storage.database import write_transaction
from mre_core.storage.models import (
    DEPTH_LAPS_FULL,
    DEPTH_LAPS_PARTIAL,
    DEPTH_NONE,
    RUN_FINISHED,
    RUN_NOT_READY,
    Event,
    IngestionRun,
    Track,
)

if TYPE_CHECKING:
    from mre_core.service.context import OperationContext
    from mre_core.service.runs import RunRecorder


def refresh_events(
    ops: OperationContext, run: RunRecorder, track: Track, depth: str, ingest_all: bool
) -> None:
    report = run.report
    connector = ops.registry.get(track.source)
    http = ops.http.for_connector(connector.info)
    run.progress("fetching the events page", done=0, total=1)
    try:
        records = connector.call(
            "list_events_for_track", http=http, track_slug=track.source_track_slug
        )
    finally:
        report.requests = http.requests
    logger.info("{} events listed for {}", len(records), track.source_track_slug)
    rows = [
        {**EVENT.row(record), "source": track.source, "track": track.id, "ingest_depth": DEPTH_NONE}
        for record in records
    ]
    listed = [row["source_event_id"] for row in rows]
    with write_transaction():
        upserted = upsert_rows(
            Event,
            rows,
            EVENT.key,
            (Event.source == track.source) & Event.source_event_id.in_(listed),
            report.counts,
            insert_only=frozenset({"ingest_depth"}),
        )
    report.created = [event_id for _, event_id in upserted.new_keys]
    targets = []
    if depth == DEPTH_LAPS_FULL:
        waiting = set(_unfinished(track.source, listed))
        targets = [e for e in listed if ingest_all or e in waiting or e in report.created]
    empty = {r.source_event_id for r in records if r.event_entries == 0}
    if empty & set(targets):
        # The listing already says there is nothing to ingest: no request for it.
        logger.info(
            "not ingesting {} listed with no entries", ", ".join(sorted(empty & set(targets)))
        )
        targets = [t for t in targets if t not in empty]
    run.progress("events page written", done=1, total=1 + len(targets))
    if ops.enqueue_child is not None:
        _enqueue_each(ops, run, track.source, targets)
    else:
        _ingest_each(ops, run, track.source, targets)


def _unfinished(source: str, listed: list[str]) -> list[str]:
    """The listed events an earlier ingest left to finish later: at laps_partial, or at
    depth none with their last finished ingest run `not_ready`."""
    partial = Event.select(Event.source_event_id).where(
        (Event.source == source)
        & Event.source_event_id.in_(listed)
        & (Event.ingest_depth == DEPTH_LAPS_PARTIAL)
    )
    untouched = Event.select(Event.source_event_id).where(
        (Event.source == source)
        & Event.source_event_id.in_(listed)
        & (Event.ingest_depth == DEPTH_NONE)
    )
    last_runs = (
        IngestionRun.select(peewee.fn.MAX(IngestionRun.id))
        .where(
            (IngestionRun.operation == "ingest_event")
            & (IngestionRun.source == source)
            & IngestionRun.target.in_(untouched)
            & IngestionRun.status.in_(RUN_FINISHED)
        )
        .group_by(IngestionRun.target)
    )
    not_ready = IngestionRun.select(IngestionRun.target).where(
        IngestionRun.id.in_(last_runs) & (IngestionRun.status == RUN_NOT_READY)
    )
    return [e for (e,) in partial.tuples()] + [e for (e,) in not_ready.tuples()]


def _enqueue_each(
    ops: OperationContext, run: RunRecorder, source: str, event_ids: list[str]
) -> None:
    """As a job: queue one child job per event, for whichever worker is free; this run
    then waits, holding no worker, and ends when the last of them does."""
    assert ops.enqueue_child is not None
    for event_id in event_ids:
        submitted = ops.enqueue_child(event_id, source, run.id)
        if submitted.status == "queued":
            run.report.waiting += 1
        else:  # already queued or running for someone else: not this run's child
            logger.info("event {}: already in progress as run {}", event_id, submitted.run_id)


def _ingest_each(
    ops: OperationContext, run: RunRecorder, source: str, event_ids: list[str]
) -> None:
    report = run.report
    for position, event_id in enumerate(event_ids):
        run.check_stop()
        run.progress(f"event {event_id} ({position + 1}/{len(event_ids)})")
        try:
            child = ops.ingest_child(event_id, source, run.id)
        except MreError as exc:
            child = exc.report or OperationReport("ingest_event", source, event_id)
            if not child.error_code:
                child.fail(exc)
            report.children.append(child)
            report.requests += child.requests
            if isinstance(exc, NetworkError):
                logger.warning(
                    "stopping: {} more events not attempted", len(event_ids) - position - 1
                )
                break
            continue
        finally:
            run.advance(f"event {event_id} done")
        report.children.append(child)
        report.requests += child.requests
    created = set(report.created)
    for child in report.children:
        report.counts.merge(child.counts)
        if child.target in created:  # made by this run: new, and not also updated by its child
            report.counts.table("events").updated -= child.counts.table("events").updated
    failed = [c for c in report.children if c.error_code]
    if failed:
        report.status = FAILED
        report.error_code = failed[0].error_code
        report.exit_code = failed[0].exit_code
        report.error_message = (
            f"{len(failed)} of {len(event_ids)} events failed; first: {failed[0].error_message}"
        )
