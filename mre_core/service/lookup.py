"""Finding a track or an event from what a person types.

A reference is the source's id (a track slug such as `canberraoffroad`, a
LiveRC event id such as `486677`) or mre's internal id. The source's id is
tried first because it is what people copy from the site's URLs; `id:12`
forces the internal id when both could match.
"""

from __future__ import annotations

import peewee

from mre_core.errors import NotFoundError, UsageError
from mre_core.storage.models import Event, Track

INTERNAL = "id:"
# Row ids are 64-bit integers on both databases: a longer number names no row
# (and would overflow the driver), so it is not looked up at all.
MAX_ID_DIGITS = 18


def find_track(ref: str | int, source: str | None = None) -> Track:
    return _find(
        Track.select(),
        Track,
        ref,
        source,
        by_source_id=lambda text: peewee.fn.LOWER(Track.source_track_slug) == text.lower(),
        what="track",
        example="a slug such as 'canberraoffroad'",
        missing="run `mre tracks sync` first, or check `mre tracks list`",
    )


def find_event(ref: str | int, source: str | None = None) -> Event:
    return _find(
        Event.select(Event, Track).join(Track),
        Event,
        ref,
        source,
        by_source_id=lambda text: Event.source_event_id == text,
        what="event",
        example="the source's event id",
        missing="run `mre events refresh --track-id TRACK --depth none` for its track first",
    )


def _find(query, model, ref, source, by_source_id, what, example, missing):  # type: ignore[no-untyped-def]
    """The one row `ref` names: by the source's id first, then by mre's `id:N`."""
    ref = str(ref).strip()
    if not ref:
        raise UsageError(f"a {what} id is required ({example}, or id:N)")
    if source:
        query = query.where(model.source == source)
    internal = ref.lower().startswith(INTERNAL)
    if not internal:
        matches = list(query.where(by_source_id(ref)))
        if len(matches) > 1:
            sources = ", ".join(sorted(m.source for m in matches))
            raise UsageError(f"{what} {ref!r} exists in several sources ({sources}): add --source")
        if matches:
            return matches[0]
    number = ref[len(INTERNAL) :] if internal else ref
    if not number.isdigit():
        if internal:
            raise UsageError(f"{ref!r}: an internal id is a number, such as id:12")
    elif (
        len(number) <= MAX_ID_DIGITS
        and (found := query.where(model.id == int(number)).first()) is not None
    ):
        return found
    raise NotFoundError(f"{what} {ref!r} is not in the database: {missing}")
