"""Finding events: the "held between" search of the seed, across one track or all.

An event is held on the days from its `event_date` to its `event_end_date`
(the same day when it has none); it matches two dates when those days
overlap them, both dates included. The test is split in two, each an index
range (migration 6 indexes both columns), so it stays fast with 100,000
events whatever the window:

- it starts inside the window: `from <= event_date < to + 1 day`;
- or it started before and is still running on `from`:
  `event_date < from` and `event_end_date >= from`.

An event with no date has no days: a search with a date leaves it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import peewee

from mre_core.errors import UsageError
from mre_core.service.lookup import MAX_ROW_ID
from mre_core.service.queries import event_summary
from mre_core.storage.database import current_database, is_postgres
from mre_core.storage.models import INGEST_DEPTHS, Event, Track

MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class EventSearch:
    """What was asked, checked when made: a bad bound is a usage error before any query."""

    date_from: date | None = None
    date_to: date | None = None
    q: str | None = None
    depth: str | None = None
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise UsageError(f"limit must be from 1 to {MAX_LIMIT}, not {self.limit}")
        if not 0 <= self.offset <= MAX_ROW_ID:
            raise UsageError(f"offset must be 0 or more, not {self.offset}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UsageError(
                f"the from date ({self.date_from}) is after the to date ({self.date_to})"
            )
        if self.depth is not None and self.depth not in INGEST_DEPTHS:
            raise UsageError(f"depth must be one of {', '.join(INGEST_DEPTHS)}, not {self.depth!r}")
        if self.q and not self.q.isprintable():
            raise UsageError("the name filter must be printable text")


def search_events(wanted: EventSearch, track: Track | None, source: str | None) -> dict[str, Any]:
    """`{"items": [event summaries with their track], "total": N}`: the page asked for,
    newest first (then by id), and how many match in all."""
    conditions = _conditions(wanted, track, source)
    counted = Event.select(peewee.fn.COUNT(Event.id))
    page = (
        Event.select()
        # NULLS LAST spelled as a first key no index can give: SQLite would otherwise
        # walk the date index in order, past every event outside a narrow window.
        .order_by(Event.event_date.is_null(), Event.event_date.desc(), Event.id)
        .limit(wanted.limit)
        .offset(wanted.offset)
    )
    if conditions:
        counted, page = counted.where(*conditions), page.where(*conditions)
    events = list(page)
    # The page's tracks apart: joined, SQLite would walk every track's events instead.
    tracks = {t.id: t for t in Track.select().where(Track.id.in_({e.track_id for e in events}))}
    items = [
        {
            **event_summary(e),
            "track": {
                "slug": tracks[e.track_id].source_track_slug,
                "name": tracks[e.track_id].track_name,
            },
        }
        for e in events
    ]
    return {"items": items, "total": counted.scalar()}


def _conditions(wanted: EventSearch, track: Track | None, source: str | None) -> list[Any]:
    conditions = []
    if track is not None:
        conditions.append(Event.track == track.id)
    elif source:
        conditions.append(Event.source == source)
    if wanted.depth is not None:
        conditions.append(Event.ingest_depth == wanted.depth)
    if wanted.q:
        conditions.append(_name_contains(wanted.q))
    if wanted.date_from is not None:
        conditions.append(_held_between(wanted.date_from, wanted.date_to))
    elif wanted.date_to is not None and wanted.date_to < date.max:
        conditions.append(Event.event_date < _day_after(wanted.date_to))
    return conditions


def _held_between(first: date, last: date | None) -> Any:
    """Events whose days overlap [first, last] (`last` None: no end): those starting
    inside, and those started before and still running on `first`."""
    start = _midnight(first)
    starts_inside = Event.event_date >= start
    if last is not None and last < date.max:
        starts_inside &= Event.event_date < _day_after(last)
    return starts_inside | ((Event.event_date < start) & (Event.event_end_date >= first))


def _midnight(day: date) -> datetime:
    """The first moment of `day`, as `event_date` (a datetime) is compared with."""
    return datetime.combine(day, time())


def _day_after(day: date) -> datetime:
    return _midnight(day + timedelta(days=1))


def _name_contains(text: str) -> Any:
    """The event's name contains `text`, ignoring case (on SQLite, of ASCII letters only:
    its LIKE knows no other case), `%` and `_` taken as themselves."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    operator = "ILIKE" if is_postgres(current_database()) else "LIKE"
    return peewee.NodeList(
        (Event.event_name, peewee.SQL(operator), f"%{escaped}%", peewee.SQL("ESCAPE '\\'"))
    )
