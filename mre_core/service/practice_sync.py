"""Practice sync (issue #13): a track's practice days, their sessions and every lap.

On demand only, never scheduled (the sites' anti-bot rules):

- a month: the track's practice calendar, 1 request; the days it lists are
  stored (date, session count), no session is fetched;
- a day: the day's session list, then each session's page: 1 + sessions
  requests. The day row is written first, then each session with its laps
  in one transaction of its own: a run that stops keeps every whole session
  it read, and the next run carries on. Rows are upserted by their natural
  keys (day: track and date; session: source and session id; lap: session
  and lap number) and never deleted, and counted new / updated / unchanged.
  A day without sessions is a success with zero rows.

A day is complete once it was read after it ended everywhere (its date is
past by `COMPLETE_AFTER` in UTC: a day ends 14 hours after UTC midnight at
the far side of the date line): it is not fetched again without `force`
(the run ends `already_complete`, no request).

Practice sessions are linked to the source's driver with the same
transponder when exactly one such driver is stored (`driver_id`, else NULL).
Matching sessions to users is left for later.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import peewee
from loguru import logger

from mre_core.errors import ConnectorError
from mre_core.names import normalize_name
from mre_core.record_kinds import PRACTICE_LAP, PRACTICE_SESSION
from mre_core.service.reports import ALREADY_COMPLETE
from mre_core.storage.bulk import update_row, upsert_rows
from mre_core.storage.database import write_transaction
from mre_core.storage.models import (
    Driver,
    PracticeDay,
    PracticeLap,
    PracticeSession,
    Track,
)
from mre_core.timeutil import utcnow

if TYPE_CHECKING:
    from mre_core.records import PracticeDayDetail, PracticeSessionDetail, PracticeSessionRecord
    from mre_core.service.context import OperationContext
    from mre_core.service.runs import RunRecorder

OPERATION = "practice_sync"
# A day is over everywhere 14 hours after the UTC midnight that ends it (UTC+14).
COMPLETE_AFTER = timedelta(days=1, hours=14)


def target(track: Track, day: date | None, month: str | None) -> str:
    """The run's target: 'canberraoffroad:2025-10-25' or 'canberraoffroad:2025-10'."""
    return f"{track.source_track_slug}:{day.isoformat() if day else month}"


def is_complete(row: PracticeDay | None, now: datetime | None = None) -> bool:
    """Read in full after the day ended everywhere: nothing more can come."""
    if row is None or row.last_ingested_at is None:
        return False
    ended = datetime.combine(row.practice_date, datetime.min.time()) + COMPLETE_AFTER
    return row.last_ingested_at >= ended and (now or utcnow()) >= ended


def sync_month(ops: OperationContext, run: RunRecorder, track: Track, month: str) -> None:
    """The days the track's practice calendar lists for `month` (1 request)."""
    connector = ops.registry.get(track.source)
    http = ops.http.for_connector(connector.info)
    run.progress(f"fetching the practice calendar of {month}", done=0, total=1)
    try:
        days = connector.call(
            "list_practice_days", http=http, track_slug=track.source_track_slug, month=month
        )
    finally:
        run.report.requests = http.requests
    rows = [
        {
            "track": track.id,
            "practice_date": day.practice_date,
            "day_url": day.day_url,
            "session_count": day.session_count,
        }
        for day in days
    ]
    with write_transaction():
        upsert_rows(
            PracticeDay,
            rows,
            ("track", "practice_date"),
            _month_scope(track, month),
            run.report.counts,
        )
    logger.info("{} practice days listed in {}", len(rows), month)
    run.progress("done", done=1)


def sync_day(ops: OperationContext, run: RunRecorder, track: Track, day: date, force: bool) -> None:
    """The day's session list, then every session's page (1 + sessions requests)."""
    existing = PracticeDay.get_or_none(
        (PracticeDay.track == track.id) & (PracticeDay.practice_date == day)
    )
    if not force and is_complete(existing):
        run.report.status = ALREADY_COMPLETE
        run.progress(f"practice day {day} is complete (read {existing.last_ingested_at})")
        return
    connector = ops.registry.get(track.source)
    http = ops.http.for_connector(connector.info)
    slug = track.source_track_slug
    run.progress(f"fetching practice day {day}", done=0, total=1)
    try:
        detail: PracticeDayDetail = connector.call(
            "fetch_practice_day", http=http, track_slug=slug, day=day
        )
        if detail.practice_date != day:
            raise ConnectorError(
                f"connector {track.source!r} answered practice day {detail.practice_date} for {day}"
            )
        day_id = _write_day(track, day, detail, run)
        sessions = detail.sessions
        run.progress(
            f"practice day {day}: {len(sessions)} sessions", done=1, total=1 + len(sessions)
        )
        drivers = _drivers_by_transponder(track.source, sessions)
        for listed in sessions:
            run.check_stop()
            read: PracticeSessionDetail = connector.call(
                "fetch_practice_session",
                http=http,
                track_slug=slug,
                session_id=listed.source_session_id,
            )
            run.report.requests = http.requests
            if read.source_session_id != listed.source_session_id:
                raise ConnectorError(
                    f"connector {track.source!r} answered practice session "
                    f"{read.source_session_id!r} for {listed.source_session_id!r}"
                )
            _write_session(track.source, day_id, listed, read, drivers, run)
            run.advance(f"session {listed.source_session_id}: {len(read.laps)} laps")
    finally:
        run.report.requests = http.requests
    update_row(PracticeDay, day_id, {"last_ingested_at": utcnow()})
    logger.info("practice day {}: {} sessions", day, len(sessions))


def _month_scope(track: Track, month: str) -> peewee.Expression:
    first = date.fromisoformat(f"{month}-01")
    after = (first + timedelta(days=32)).replace(day=1)
    return (
        (PracticeDay.track == track.id)
        & (PracticeDay.practice_date >= first)
        & (PracticeDay.practice_date < after)
    )


def _write_day(track: Track, day: date, detail: PracticeDayDetail, run: RunRecorder) -> int:
    row = {
        "track": track.id,
        "practice_date": day,
        "session_count": len(detail.sessions),
        "total_laps": detail.total_laps,
        "unique_drivers": detail.unique_drivers,
    }
    scope = (PracticeDay.track == track.id) & (PracticeDay.practice_date == day)
    with write_transaction():
        done = upsert_rows(PracticeDay, [row], ("track", "practice_date"), scope, run.report.counts)
    return done.ids[(track.id, day)]


def _drivers_by_transponder(source: str, sessions: list[PracticeSessionRecord]) -> dict[str, int]:
    """Transponder -> the one stored driver of the source with it (several: none)."""
    numbers = sorted({s.transponder_number for s in sessions if s.transponder_number})
    if not numbers:
        return {}
    found: dict[str, list[int]] = {}
    query = Driver.select(Driver.id, Driver.transponder_number).where(
        (Driver.source == source)
        & Driver.transponder_number.in_(numbers)
        & Driver.merged_into.is_null()
    )
    for driver_id, number in query.tuples():
        found.setdefault(number, []).append(driver_id)
    return {number: ids[0] for number, ids in found.items() if len(ids) == 1}


def _write_session(
    source: str,
    day_id: int,
    listed: PracticeSessionRecord,
    read: PracticeSessionDetail,
    drivers: dict[str, int],
    run: RunRecorder,
) -> None:
    """One session and its laps, in one transaction: the session page's facts, the
    day's list where the page has none."""
    transponder = read.transponder_number or listed.transponder_number
    name = read.display_name or listed.display_name
    row = _fit(
        PracticeSession,
        {
            **PRACTICE_SESSION.row(read),
            # The day's list, where the session page has nothing:
            "source_session_id": listed.source_session_id,
            "session_url": listed.session_url,
            "display_name": name,
            "transponder_number": transponder,
            "class_name": read.class_name or listed.class_name,
            "started_at": read.started_at or listed.started_at,
            "started_at_raw": listed.started_at_raw,
            "laps_completed": _first(read.laps_completed, listed.laps_completed),
            "duration_raw": read.duration_raw or listed.duration_raw,
            "duration_seconds": _first(read.duration_seconds, listed.duration_seconds),
            "fast_lap_time": _first(read.fast_lap_time, listed.fast_lap_time),
            "avg_lap_time": _first(read.avg_lap_time, listed.avg_lap_time),
            # ...and what mre adds.
            "practice_day": day_id,
            "source": source,
            "normalized_name": normalize_name(name),
            "driver": drivers.get(transponder or ""),
        },
    )
    key = (source, listed.source_session_id)
    counts = run.report.counts
    with write_transaction():
        done = upsert_rows(
            PracticeSession,
            [row],
            PRACTICE_SESSION.key,
            (PracticeSession.source == source)
            & (PracticeSession.source_session_id == listed.source_session_id),
            counts,
        )
        session_id = done.ids[key]
        laps = [
            _fit(PracticeLap, {**PRACTICE_LAP.row(lap), "practice_session": session_id})
            for lap in read.laps
        ]
        upsert_rows(
            PracticeLap,
            laps,
            PRACTICE_LAP.key,
            {PracticeLap.practice_session: session_id},
            counts,
            fresh=key in done.new_keys,
            ids=False,
        )
        if not laps:
            counts.table("practice_laps")


def _first(*values: Any) -> Any:
    return next((v for v in values if v is not None), None)


def _fit(model: type[peewee.Model], row: dict[str, Any]) -> dict[str, Any]:
    """Text cut to its column's length: a page may show more than any sane value."""
    fields = model._meta.fields
    for name, value in row.items():
        limit = getattr(fields[name], "max_length", None)
        if isinstance(value, str) and limit and len(value) > limit:
            row[name] = value[:limit]
    return row


def stored_days(track: Track) -> list[dict[str, Any]]:
    """The track's practice days as stored, newest first: sessions and laps held."""
    sessions = (
        PracticeSession.select(
            PracticeSession.practice_day,
            peewee.fn.COUNT(PracticeSession.id).alias("sessions"),
            peewee.fn.SUM(PracticeSession.laps_completed).alias("laps"),
        )
        .group_by(PracticeSession.practice_day)
        .tuples()
    )
    held = {day_id: (count, laps) for day_id, count, laps in sessions}
    days = (
        PracticeDay.select()
        .where(PracticeDay.track == track.id)
        .order_by(PracticeDay.practice_date.desc())
    )
    return [
        {
            "id": day.id,
            "track": track.source_track_slug,
            "practice_date": day.practice_date.isoformat(),
            "session_count": day.session_count,
            "sessions_stored": held.get(day.id, (0, 0))[0],
            "laps_stored": held.get(day.id, (0, 0))[1] or 0,
            "last_ingested_at": day.last_ingested_at.isoformat() if day.last_ingested_at else None,
            "complete": is_complete(day),
        }
        for day in days
    ]
