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


def find_track(ref: str | int, source: str | None = None) -> Track:
    ref = str(ref).strip()
    if not ref:
        raise UsageError("a track id is required (a slug such as 'canberraoffroad', or id:N)")
    query = Track.select()
    if source:
        query = query.where(Track.source == source)
    if not ref.lower().startswith(INTERNAL):
        matches = list(query.where(peewee.fn.LOWER(Track.source_track_slug) == ref.lower()))
        if len(matches) > 1:
            sources = ", ".join(sorted(t.source for t in matches))
            raise UsageError(f"track {ref!r} exists in several sources ({sources}): add --source")
        if matches:
            return matches[0]
    track = _by_internal_id(query, Track, ref)
    if track is None:
        raise NotFoundError(
            f"track {ref!r} is not in the database: run `mre tracks sync` first, "
            "or check `mre tracks list`"
        )
    return track


def find_event(ref: str | int, source: str | None = None) -> Event:
    ref = str(ref).strip()
    if not ref:
        raise UsageError("an event id is required (the source's event id, or id:N)")
    query = Event.select(Event, Track).join(Track)
    if source:
        query = query.where(Event.source == source)
    if not ref.lower().startswith(INTERNAL):
        matches = list(query.where(Event.source_event_id == ref))
        if len(matches) > 1:
            sources = ", ".join(sorted(e.source for e in matches))
            raise UsageError(f"event {ref!r} exists in several sources ({sources}): add --source")
        if matches:
            return matches[0]
    event = _by_internal_id(query, Event, ref)
    if event is None:
        raise NotFoundError(
            f"event {ref!r} is not in the database: run "
            "`mre events refresh --track-id TRACK --depth none` for its track first"
        )
    return event


def _by_internal_id(query: peewee.ModelSelect, model: type[peewee.Model], ref: str):  # type: ignore[no-untyped-def]
    raw = ref[len(INTERNAL) :] if ref.lower().startswith(INTERNAL) else ref
    if not raw.isdigit():
        if ref.lower().startswith(INTERNAL):
            raise UsageError(f"{ref!r}: an internal id is a number, such as id:12")
        return None
    return query.where(model.id == int(raw)).first()
