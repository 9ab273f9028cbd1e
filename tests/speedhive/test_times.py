"""Times as Speedhive sends them: read exactly, and anything else refused, not guessed."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from mre_speedhive.times import Gap, clock, gap, lap_time, timestamp


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("62.345", "62.345"),
        ("1:02.345", "62.345"),
        ("0:30.500", "30.500"),
        ("0.678", "0.678"),
        ("45", "45"),
        ("1:00:02.5", "3602.5"),
        ("10:00:00.000", "36000.000"),
        (" 31.250 ", "31.250"),
    ],
)
def test_clock_readings_are_exact(text, seconds):
    assert clock(text) == Decimal(seconds)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "-",
        "abc",
        "1:75.000",
        "1:60:00.0",
        "1.2.3",
        "1::02.3",
        "+1.000",
        "١٢.٣",
        "1e3",
        "1:2:3:4",
    ],
)
def test_what_is_not_a_clock_reading_is_refused(text):
    with pytest.raises(ValueError):
        clock(text)


def test_a_lap_takes_time():
    assert lap_time("31.000") == Decimal("31.000")
    with pytest.raises(ValueError, match="not a lap time"):
        lap_time("0.000")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Gap()),
        ("-", Gap()),
        ("+1 lap", Gap(laps=1)),
        ("+2 laps", Gap(laps=2)),
        ("3 Laps", Gap(laps=3)),
        ("+34.600", Gap(seconds=Decimal("34.600"))),
        ("1:02.345", Gap(seconds=Decimal("62.345"))),
    ],
)
def test_gaps(text, expected):
    assert gap(text) == expected


@pytest.mark.parametrize("text", ["+", "one lap", "+-1.0", "1 lap 2.3", "--"])
def test_what_is_not_a_gap_is_refused(text):
    with pytest.raises(ValueError):
        gap(text)


def test_timestamps_are_the_venues_wall_clock():
    assert timestamp("2026-01-17T10:00:00") == datetime(2026, 1, 17, 10, 0)
    assert timestamp("2026-02-14T00:00:00+01:00") == datetime(2026, 2, 14)  # offset dropped
    assert timestamp("2026-02-14T09:30:00.123Z") == datetime(2026, 2, 14, 9, 30, 0, 123000)
    assert timestamp("2026-01-17") == datetime(2026, 1, 17)
    assert timestamp("") is None
    assert timestamp("0001-01-01T00:00:00") is None  # .NET's "no date"
    with pytest.raises(ValueError, match="not a date"):
        timestamp("17/01/2026")
