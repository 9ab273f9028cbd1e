"""Reading the values LiveRC shows in cells: times, counts, gaps, dates and ages.

Times are parsed as exact decimals and only then turned into floats, so the
lap times of a finisher add up to the results table's total to the
millisecond, as they do on the page.

Digits are ASCII, and a count (or the hours and minutes of a time) is at
most nine of them: a longer run is nothing LiveRC shows, and is read as not
understood (None) rather than handed to int(), which raises ValueError past
4,300 digits. Seconds go to Decimal, which has no such limit.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

_CLOCK = re.compile(r"(?:([0-9]{1,9}):)?(?:([0-9]{1,9}):)?([0-9]+(?:\.[0-9]+)?)")
_LAPS_TIME = re.compile(r"([0-9]{1,9})\s*/\s*(\S+)")
_LAPS = re.compile(r"([0-9]{1,9})\s+laps?", re.IGNORECASE)
_LENGTH = re.compile(r"(.*?)\s*timed", re.IGNORECASE)
_INT = re.compile(r"-?[0-9]{1,9}")
# The catalogue's "last updated": '5 minutes ago', 'an hour ago', 'last week', 'Yesterday'.
_AGO = re.compile(r"([0-9]{1,9}|an?)\s+(second|minute|hour|day|week|month|year)s?\s+ago")
_LAST = re.compile(r"last\s+(week|month|year)")
_SPANS = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
}
_MONTHS = {"month": 1, "year": 12}


def clock_decimal(text: str) -> Decimal | None:
    """'1:51.828' -> 111.828, '37.234' -> 37.234, '1:00:02.5' -> 3602.5; else None."""
    match = _CLOCK.fullmatch(text.strip().replace(",", ""))
    if not match:
        return None
    first, second, seconds = match.groups()
    hours, minutes = (first, second) if second is not None else (None, first)
    total = Decimal(seconds)
    if minutes:
        total += 60 * int(minutes)
    if hours:
        total += 3600 * int(hours)
    return total


def clock_seconds(text: str | None) -> float | None:
    if not text:
        return None
    value = clock_decimal(text)
    return float(value) if value is not None else None


def number(text: str | None) -> float | None:
    """'2.80' -> 2.8, '92.82%' -> 92.82, '' -> None.

    Decimal() also reads 'NaN', 'Infinity', 'sNaN' (which float() refuses)
    and '1e999' (an infinite float): no statistic LiveRC shows, so None.
    """
    if not text:
        return None
    try:
        exact = Decimal(text.strip().rstrip("%").replace(",", ""))
    except InvalidOperation:
        return None
    if not exact.is_finite():
        return None
    value = float(exact)  # '1e999' is a finite Decimal, and an infinite float
    return value if math.isfinite(value) else None


def integer(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.strip().replace(",", "")
    return int(text) if _INT.fullmatch(text) else None


@dataclass(frozen=True, slots=True)
class LapsTime:
    laps: int
    seconds: Decimal | None


def laps_time(text: str) -> LapsTime | None:
    """'47/30:31.382' -> 47 laps in 1831.382 s; '0' (did not start) -> 0 laps, no time."""
    text = text.strip()
    if _INT.fullmatch(text):
        return LapsTime(int(text), None)
    match = _LAPS_TIME.fullmatch(text)
    if not match:
        return None
    seconds = clock_decimal(match.group(2))
    if seconds is None:
        return None
    return LapsTime(int(match.group(1)), seconds)


@dataclass(frozen=True, slots=True)
class Gap:
    seconds: float | None = None
    laps: int | None = None


def gap(text: str) -> Gap | None:
    """Behind: '' (the leader) -> no gap, '12.052' -> seconds, '1 Lap' / '9 Laps' -> laps."""
    text = text.strip()
    if not text:
        return Gap()
    match = _LAPS.fullmatch(text)
    if match:
        return Gap(laps=int(match.group(1)))
    seconds = clock_seconds(text)
    return Gap(seconds=seconds) if seconds is not None else None


@dataclass(frozen=True, slots=True)
class Length:
    seconds: float | None = None
    laps: int | None = None


def race_length(text: str) -> Length | None:
    """'30:00 Timed' -> 1800 s, '1:00:00 Timed' -> 3600 s, '12 Laps' -> 12 laps."""
    text = " ".join(text.split())
    match = _LENGTH.fullmatch(text)
    if match:
        seconds = clock_seconds(match.group(1))
        return Length(seconds=seconds) if seconds is not None else None
    match = _LAPS.fullmatch(text)
    return Length(laps=int(match.group(1))) if match else None


def shown_date(text: str) -> date | None:
    """'Nov 16, 2025' -> 2025-11-16."""
    try:
        return datetime.strptime(" ".join(text.split()), "%b %d, %Y").date()
    except ValueError:
        return None


def completed(text: str) -> tuple[datetime | None, date | None]:
    """'Nov 16, 2025 at 5:30pm' -> (that datetime, its date); 'Nov 16, 2025' -> (None, date)."""
    text = " ".join(text.split())
    day, _, clock = text.partition(" at ")
    on = shown_date(day)
    if on is None or not clock:
        return None, on
    try:
        at = datetime.strptime(clock.replace(" ", "").upper(), "%I:%M%p").time()
    except ValueError:
        return None, on
    return datetime.combine(on, at), on


def sortable_datetime(text: str) -> datetime | None:
    """The hidden sort key of a date cell: '2025-11-16 08:30:00'."""
    text = text.strip()
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def updated_at(text: str | None, fetched_at: datetime) -> datetime | None:
    """The time an age the catalogue shows names, `fetched_at` being when the page was
    fetched: '2 days ago' -> two days before it; None for a wording not read here.

    LiveRC words it as 'N minutes ago' (also seconds, hours, days, weeks, months,
    years; 'a'/'an' for one), 'just now', 'Yesterday' and 'last week/month/year'.
    The real catalogue (1,090 tracks) shows no absolute date: its oldest wording is
    'last year'. The answer is as precise as the wording ('2 months ago' is between
    two and three months), and months and years are calendar ones (a day that the
    earlier month lacks becomes its last).
    """
    if not text:
        return None
    wording = " ".join(text.split()).lower()
    if wording == "just now":
        return fetched_at
    if wording == "yesterday":
        return fetched_at - _SPANS["day"]
    if match := _AGO.fullmatch(wording):
        count = 1 if match.group(1) in ("a", "an") else int(match.group(1))
        return _before(fetched_at, count, match.group(2))
    if match := _LAST.fullmatch(wording):
        return _before(fetched_at, 1, match.group(1))
    return None


def _before(moment: datetime, count: int, unit: str) -> datetime | None:
    """`count` units before `moment`; None past the calendar's start (no age LiveRC shows)."""
    try:
        if unit in _MONTHS:
            months = moment.year * 12 + moment.month - 1 - count * _MONTHS[unit]
            year, month = divmod(months, 12)
            day = min(moment.day, calendar.monthrange(year, month + 1)[1])
            return moment.replace(year=year, month=month + 1, day=day)
        return moment - count * _SPANS[unit]
    except (OverflowError, ValueError):
        return None
