"""Tracks and events written straight to the database, for tests that need rows, not pages.

One place for the columns a track and an event require, so a new required
column is added here and not in every test (and the matching benchmark).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from mre_core.storage.models import Event, Track


def track_row(slug: str = "t", **fields: Any) -> Track:
    values: dict[str, Any] = {
        "source": "liverc",
        "source_track_slug": slug,
        "track_name": slug.upper(),
        "track_url": f"https://{slug}.liverc.com/",
        "events_url": f"https://{slug}.liverc.com/events/",
        "last_seen_at": datetime(2026, 11, 25, 12, 0),
    }
    return Track.create(**{**values, **fields})


def event_row(track: Track, event_id: str, **fields: Any) -> Event:
    values: dict[str, Any] = {
        "track": track,
        "source": "liverc",
        "source_event_id": event_id,
        "event_name": f"Event {event_id}",
        "event_url": (
            f"https://{track.source_track_slug}.liverc.com/results/?p=view_event&id={event_id}"
        ),
    }
    return Event.create(**{**values, **fields})
