"""How the pages show numbers, times and dates, one rule each: Jinja filters, and
the cells of the event page's results (results_table.py).

Racers read lap times as LiveRC prints them (seconds to the thousandth, minutes
from a minute up), so the console does the same; an empty cell is a dash.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

DASH = "–"


def lap_time(seconds: float | None) -> str:
    """23.456 → "23.456"; 83.2 → "1:23.200"; None → a dash."""
    if seconds is None:
        return DASH
    if seconds < 60:
        return f"{seconds:.3f}"
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)}:{rest:06.3f}"


def percent(value: float | None) -> str:
    return DASH if value is None else f"{value:.1f}%"


def day(value: date | datetime | None) -> str:
    """The date part only: LiveRC's event times are the track's local clock, not UTC."""
    if value is None:
        return DASH
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def days(start: date | datetime | None, end: date | datetime | None) -> str:
    """ "2025-11-14" or "2025-11-14 → 2025-11-16" for an event held over several days."""
    first, last = day(start), day(end)
    return first if end is None or last == first else f"{first} → {last}"


def moment(value: datetime | None) -> str:
    """A run's clock time, to the second (stored in UTC)."""
    return DASH if value is None else value.strftime("%Y-%m-%d %H:%M:%S")


def duration(run: dict[str, Any]) -> str:
    """How long a run took (or has taken so far: its heartbeat), "1m 05s"."""
    start = run.get("started_at")
    end = run.get("finished_at") or run.get("heartbeat_at")
    if start is None or end is None:
        return DASH
    seconds = max(0, round((end - start).total_seconds()))
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes}m {seconds:02d}s" if minutes else f"{seconds}s"


def laps_time(result: dict[str, Any]) -> str:
    """LiveRC's "Laps/Time" cell as the site printed it ("12/5:03.123"), else the laps."""
    if result.get("total_time_raw"):
        return str(result["total_time_raw"])
    return DASH if result.get("laps") is None else str(result["laps"])


FILTERS = {
    "lap_time": lap_time,
    "day": day,
    "moment": moment,
    "duration": duration,
}
GLOBALS = {"days": days}
