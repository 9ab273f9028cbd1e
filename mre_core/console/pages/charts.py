"""The race page's two charts, as geometry a template turns into SVG.

Drawn on the server: the console works offline and its content security policy
forbids inline scripts and styles, so the charts are plain SVG elements whose
colours are attributes. Kept free of templates and requests so the geometry can
be tested with exact numbers.

- Lap times: one line per driver, lap number across, seconds down (fast at the
  bottom). A crash or a pit lap would squash every other lap into a thin band,
  so the scale stops at twice the median lap: slower laps are drawn on the top
  edge.
- Positions: the lap chart racers know, position 1 at the top, one line per
  driver, lap number across.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

WIDTH = 880
HEIGHT = 320
MARGIN_LEFT = 56
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 40
# At most this many labelled ticks on an axis; steps are 1, 2 or 5 times a power of ten.
MAX_TICKS = 12
# Slower laps than this many medians are drawn on the top edge of the lap-time chart.
OUTLIER_MEDIANS = 2.0
# Twelve colours far enough apart to tell lines apart; more drivers repeat them.
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
    "#393b79",
    "#ad494a",
)


@dataclass(frozen=True, slots=True)
class Tick:
    """A labelled grid line: `at` is its pixel position along its axis."""

    at: float
    label: str


@dataclass(frozen=True, slots=True)
class Series:
    """One driver's line: `points` is the SVG polyline attribute ("x,y x,y ...")."""

    name: str
    color: str
    points: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    series: list[Series]
    x_title: str
    y_title: str


def color(index: int) -> str:
    """The colour of the driver at `index` (final order), the same in both charts and
    the legend."""
    return PALETTE[index % len(PALETTE)]


def nice_step(span: float, max_ticks: int = MAX_TICKS) -> float:
    """The smallest step of 1, 2 or 5 times a power of ten that labels `span` with at
    most `max_ticks` intervals."""
    if span <= 0:
        return 1.0
    raw = span / max_ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if multiple * power >= raw:
            return float(multiple * power)
    return 10.0 * power  # pragma: no cover - the loop always returns


def _lap_axis(laps: int) -> tuple[float, float]:
    """(x of lap 1, pixels per lap); one lap sits in the middle."""
    plot = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    if laps <= 1:
        return MARGIN_LEFT + plot / 2, 0.0
    return float(MARGIN_LEFT), plot / (laps - 1)


def _x_ticks(laps: int) -> list[Tick]:
    start, per_lap = _lap_axis(laps)
    step = max(1, int(nice_step(laps - 1)))
    numbers = [1, *range(step, laps + 1, step)] if step > 1 else list(range(1, laps + 1))
    return [Tick(_round(start + (n - 1) * per_lap), str(n)) for n in dict.fromkeys(numbers)]


def _round(value: float) -> float:
    return round(value, 1)


def _series(
    drivers: Sequence[dict[str, Any]],
    value: str,
    x: Callable[[int], float],
    y: Callable[[Any], float],
) -> list[Series]:
    """A line per driver through its laps' `value` (laps without one, or a position
    of 0, are left out), in the legend's colours."""
    return [
        Series(
            name=d["driver"],
            color=color(i),
            points=_points([(x(lap["lap"]), y(lap[value])) for lap in d["laps"] if lap[value]]),
        )
        for i, d in enumerate(drivers)
    ]


def _points(pairs: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_round(x):g},{_round(y):g}" for x, y in pairs)


def _plot_height() -> int:
    return HEIGHT - MARGIN_TOP - MARGIN_BOTTOM


def _frame(x_ticks: list[Tick], y_ticks: list[Tick], series: list[Series], y_title: str) -> Chart:
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=MARGIN_LEFT,
        right=WIDTH - MARGIN_RIGHT,
        top=MARGIN_TOP,
        bottom=HEIGHT - MARGIN_BOTTOM,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        series=series,
        x_title="Lap",
        y_title=y_title,
    )


def _lap_count(drivers: Sequence[dict[str, Any]]) -> int:
    return max((lap["lap"] for d in drivers for lap in d["laps"]), default=0)


def lap_time_chart(drivers: Sequence[dict[str, Any]]) -> Chart | None:
    """Lap time per lap, one line per driver (as `race_laps` lists them); None when no
    lap has a time."""
    times = [lap["time"] for d in drivers for lap in d["laps"] if lap["time"] is not None]
    if not times:
        return None
    laps = _lap_count(drivers)
    low = math.floor(min(times))
    high = math.ceil(min(max(times), OUTLIER_MEDIANS * statistics.median(times)))
    if high <= low:
        high = low + 1
    step = nice_step(high - low, max_ticks=6)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    plot = _plot_height()
    start, per_lap = _lap_axis(laps)

    def y(seconds: float) -> float:
        return MARGIN_TOP + (high - min(seconds, high)) / (high - low) * plot

    y_ticks = []
    value = low
    while value <= high + 1e-9:
        y_ticks.append(Tick(_round(y(value)), f"{value:g}"))
        value += step
    series = _series(drivers, "time", lambda lap: start + (lap - 1) * per_lap, y)
    return _frame(_x_ticks(laps), y_ticks, series, "Lap time (s)")


def position_chart(drivers: Sequence[dict[str, Any]]) -> Chart | None:
    """Position on each lap, 1 at the top, one line per driver; None when no lap has
    a position."""
    positions = [lap["position"] for d in drivers for lap in d["laps"] if lap["position"]]
    if not positions:
        return None
    laps = _lap_count(drivers)
    places = max(*positions, len(drivers))
    plot = _plot_height()
    per_place = plot / (places - 1) if places > 1 else 0.0
    start, per_lap = _lap_axis(laps)

    def y(position: int) -> float:
        return MARGIN_TOP + (position - 1) * per_place if places > 1 else MARGIN_TOP + plot / 2

    y_ticks = [Tick(_round(y(p)), str(p)) for p in range(1, places + 1)]
    series = _series(drivers, "position", lambda lap: start + (lap - 1) * per_lap, y)
    return _frame(_x_ticks(laps), y_ticks, series, "Position")
