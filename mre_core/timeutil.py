"""Bookkeeping timestamps (last_seen_at, last_ingested_at) are naive UTC.

Race and event times stay as the site shows them (venue-local, no zone).
"""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)
