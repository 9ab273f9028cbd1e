"""Finding a track, an event or any row from what a person types.

A reference is the source's id (a track slug such as `canberraoffroad`, a
LiveRC event id such as `486677`) or mre's internal id. The source's id is
tried first because it is what people copy from the site's URLs; `id:12`
forces the internal id when both could match.

A reference is checked before it reaches the database: one that no row can
have (longer than the column holding it, a number beyond 64 bits, which
SQLite's driver cannot even send: OverflowError) is simply not found, and
is not looked up.
"""

from __future__ import annotations

from typing import TypeVar

import peewee

from mre_core.errors import NotFoundError, UsageError
from mre_core.storage.models import Event, Track

INTERNAL = "id:"
# The largest id a row can have: SQLite's, a signed 64-bit integer (PostgreSQL's SERIAL
# ids are smaller still, and it compares a larger number without complaint).
MAX_ROW_ID = 2**63 - 1
# A reference longer than this is shown cut short in messages (it may be 100,000 digits).
SHOWN_CHARS = 40

Row = TypeVar("Row", bound=peewee.Model)


def get_row(model: type[Row], row_id: int) -> Row | None:
    """The row of `model` with id `row_id`, or None; an id no row can have is not looked up."""
    if abs(row_id) > MAX_ROW_ID:
        return None
    return model.get_or_none(model._meta.primary_key == row_id)


def find_track(ref: str | int, source: str | None = None) -> Track:
    return _find(
        Track.select(),
        Track,
        ref,
        source,
        by_source_id=lambda text: peewee.fn.LOWER(Track.source_track_slug) == text.lower(),
        longest=Track.source_track_slug.max_length,
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
        longest=Event.source_event_id.max_length,
        what="event",
        example="the source's event id",
        missing="run `mre events refresh --track-id TRACK --depth none` for its track first",
    )


def shown(ref: str) -> str:
    """`ref` quoted for a message, cut short if it is too long to read."""
    if len(ref) <= SHOWN_CHARS:
        return repr(ref)
    return f"{ref[:SHOWN_CHARS]!r}... ({len(ref):,} characters)"


def _find(query, model, ref, source, by_source_id, longest, what, example, missing):  # type: ignore[no-untyped-def]
    """The one row `ref` names: by the source's id first, then by mre's `id:N`."""
    ref = str(ref).strip()
    if not ref:
        raise UsageError(f"a {what} id is required ({example}, or id:N)")
    if not ref.isprintable():  # PostgreSQL refuses a NUL in text outright
        raise UsageError(f"{what} {shown(ref)}: an id is printable text ({example}, or id:N)")
    if source:
        query = query.where(model.source == source)
    internal = ref.lower().startswith(INTERNAL)
    if not internal and len(ref) <= longest:
        matches = list(query.where(by_source_id(ref)))
        if len(matches) > 1:
            sources = ", ".join(sorted(m.source for m in matches))
            raise UsageError(
                f"{what} {shown(ref)} exists in several sources ({sources}): add --source"
            )
        if matches:
            return matches[0]
    number = ref[len(INTERNAL) :] if internal else ref
    # ASCII digits only: "²" is a digit to str.isdigit, and no number to int().
    if not (number.isascii() and number.isdigit()):
        if internal:
            raise UsageError(f"{shown(ref)}: an internal id is a number, such as id:12")
    elif (
        len(number) <= len(str(MAX_ROW_ID))
        and int(number) <= MAX_ROW_ID
        and (found := query.where(model.id == int(number)).first()) is not None
    ):
        return found
    raise NotFoundError(f"{what} {shown(ref)} is not in the database: {missing}")
