"""Text formats of LiveRC cells and ``racerLaps`` values, from integer milliseconds.

Kept in one place because the generator (pace strings, Behind) and the
renderer must agree to the character, and tests compare against them.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def secs3(ms: int) -> str:
    """Seconds with exactly three decimals: 38983 -> "38.983" (stat values, Behind)."""
    return f"{ms // 1000}.{ms % 1000:03d}"


def js_lap_time(ms: int) -> str:
    """A lap time as ``racerLaps`` writes it: PHP float text, trailing zeros trimmed.

    38170 -> "38.17", 37922 -> "37.922", 146309 -> "146.309", 38000 -> "38".
    """
    return secs3(ms).rstrip("0").rstrip(".")


def clock(ms: int) -> str:
    """Race clock: "30:31.382", "8:33.797"; "1:02:03.456" past an hour."""
    minutes, rest = divmod(ms, 60_000)
    hours, minutes = divmod(minutes, 60)
    tail = f"{rest // 1000:02d}.{rest % 1000:03d}"
    if hours:
        return f"{hours}:{minutes:02d}:{tail}"
    return f"{minutes}:{tail}"


def laps_time(laps: int, total_ms: int) -> str:
    """Laps/Time cell: "47/30:31.382"; a driver without laps shows "0"."""
    return f"{laps}/{clock(total_ms)}" if laps else "0"


def consecutive_text(ms: int) -> str:
    """Shown Top 3 Consecutive value: "1:51.828" (seconds only below a minute)."""
    return clock(ms) if ms >= 60_000 else secs3(ms)


def pace(length_ms: int, lap_count: int, elapsed_ms: int) -> str:
    """Projected finish after ``lap_count`` laps: laps needed to pass the race length
    at the current average, and the time that takes ("48/30:32.160").

    Matches every pace of the real 30-minute A-main (LiveRC rounds up).
    """
    laps = ceil_div(length_ms * lap_count, elapsed_ms)
    return f"{laps}/{clock(ceil_div(laps * elapsed_ms, lap_count))}"


def length_text(duration_ms: int) -> str:
    """Length of a timed race: "30:00 Timed", "5:00 Timed", "1:00:00 Timed"."""
    total_s = duration_ms // 1000
    hours, rest = divmod(total_s, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d} Timed"
    return f"{minutes}:{seconds:02d} Timed"


def behind_text(laps_ahead: int, total_ahead_ms: int, laps: int, total_ms: int) -> str:
    """Behind cell: gap to the car directly ahead ("12.052", "1 Lap", "9 Laps").

    Two non-starters in a row are on the same (zeroth) lap: "0.000", as LiveRC shows.
    """
    diff = laps_ahead - laps
    if diff == 0:
        return secs3(max(0, total_ms - total_ahead_ms))
    return f"{diff} Lap" if diff == 1 else f"{diff} Laps"


def std2(ms: int) -> str:
    """Std. Deviation cell: seconds to two decimals, half up (2799 -> "2.80")."""
    cs = (ms + 5) // 10
    return f"{cs // 100}.{cs % 100:02d}"


def pct3(value: float) -> str:
    """Consistency in ``racerLaps``: "92.820"."""
    return f"{value:.3f}"


def pct2(value: float) -> str:
    """Consistency cell: "92.82%" (from the three-decimal value, half up)."""
    cents = Decimal(f"{value:.3f}").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{cents}%"


def date_text(d: date) -> str:
    """ "Nov 16, 2025"."""
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def time_text(dt: datetime) -> str:
    """ "5:30pm", "11:58am"."""
    hour = dt.hour % 12 or 12
    return f"{hour}:{dt.minute:02d}{'am' if dt.hour < 12 else 'pm'}"


def completed_text(dt: datetime) -> str:
    """Time Completed cell of the event hub: "Nov 16, 2025 at 5:30pm"."""
    return f"{date_text(dt)} at {time_text(dt)}"


def thousands(n: int) -> str:
    """ "4,129"."""
    return f"{n:,}"
