"""Reading the times Speedhive sends as text: lap times, gaps, and timestamps.

The definitions type every duration as a string and say nothing of its
form; the public Go client reads `1:23:45.678`, `23:45.678`, `45.678` and
`0.678`, and gaps come as those with a sign (`+1.234`) or as laps
(`+1 lap`, `2 Laps`), with `-` or nothing for no gap. Anything else is not
guessed at: the reader raises ValueError and the caller turns it into a
ParseError naming the URL.

Times are read as exact decimals and only then turned into floats, so lap
times add up to a total to the millisecond.

Digits are ASCII, and hours and minutes are at most nine of them: a longer
run is nothing a timing system sends, and int() of a very long one raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

_CLOCK = re.compile(r"(?:([0-9]{1,9}):)?(?:([0-9]{1,2}):)?([0-9]{1,9}(?:\.[0-9]{1,9})?)")
_LAPS = re.compile(r"\+?\s*([0-9]{1,9})\s+laps?", re.IGNORECASE)
_NO_GAP = frozenset({"", "-"})
# .NET writes a missing DateTime as its default value, year 1.
_NO_DATE_BEFORE = 1900


def clock(text: str) -> Decimal:
    """'1:02.345' -> 62.345, '62.345' -> 62.345, '1:00:02.5' -> 3602.5; ValueError otherwise.

    With minutes the seconds are under 60 (and with hours the minutes): '1:75.0'
    is no time.
    """
    match = _CLOCK.fullmatch(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a time")
    first, second, seconds = match.groups()
    hours, minutes = (first, second) if second is not None else (None, first)
    total = Decimal(seconds)
    if minutes is not None:
        if total >= 60:
            raise ValueError(f"{text!r} is not a time: {seconds} seconds")
        total += 60 * int(minutes)
    if hours is not None:
        if int(minutes or 0) >= 60:
            raise ValueError(f"{text!r} is not a time: {minutes} minutes")
        total += 3600 * int(hours)
    return total


def lap_time(text: str) -> Decimal:
    """A lap's time: a clock reading above zero."""
    value = clock(text)
    if value <= 0:
        raise ValueError(f"{text!r} is not a lap time")
    return value


@dataclass(frozen=True, slots=True)
class Gap:
    """How far behind: seconds, or whole laps, or neither (the leader, or not shown)."""

    seconds: Decimal | None = None
    laps: int | None = None


def gap(text: str) -> Gap:
    """'' or '-' -> no gap, '+1 lap' / '2 Laps' -> laps, '+12.345' / '1:02.345' -> seconds."""
    text = text.strip()
    if text in _NO_GAP:
        return Gap()
    if match := _LAPS.fullmatch(text):
        return Gap(laps=int(match.group(1)))
    return Gap(seconds=clock(text.removeprefix("+")))


def timestamp(text: str) -> datetime | None:
    """An ISO date or date-time, as the venue's wall clock (no time zone); None if empty.

    Speedhive dates events and sessions as `2026-01-17T10:00:00`, sometimes with
    an offset or `Z`: mre stores venue-local times, so the offset is dropped, not
    applied. A date before 1900 is .NET's default for "no date": None.
    """
    text = text.strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date") from None
    if value.year < _NO_DATE_BEFORE:
        return None
    return value.replace(tzinfo=None)
