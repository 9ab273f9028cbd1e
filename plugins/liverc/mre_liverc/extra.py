"""LiveRC's own fields on mre's records (`extra`), documented and typed here.

mre stores each record's `extra` as JSON and reads nothing in it; these are
the keys this connector writes, and what they mean.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict


class TrackExtra(TypedDict, total=False):
    """What the catalogue says of a track beyond mre's fields.

    `last_updated`: the Status cell's wording ("2 days ago"), relative to when
    the page was fetched, so wrong a day later. `last_updated_at`: the time it
    names (naive UTC, ISO 8601, as precise as the wording: "2 months ago" is a
    month either way), worked out at fetch time; None when the wording is not
    one the connector reads. Both absent when the catalogue shows nothing.
    """

    last_updated: str
    last_updated_at: str | None


def track_extra(wording: str, named: datetime | None) -> TrackExtra:
    if not wording:
        return {}
    return {"last_updated": wording, "last_updated_at": named.isoformat() if named else None}
