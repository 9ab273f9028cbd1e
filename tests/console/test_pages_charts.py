"""The race page's SVG charts, as exact geometry: the plot is 808 x 264 pixels at
(56, 16), so lap 1 is at x=56 and position 1 (or the slowest time shown) at y=16."""

from __future__ import annotations

from mre_core.console.pages.charts import (
    PALETTE,
    Tick,
    lap_time_chart,
    nice_step,
    position_chart,
)


def _driver(name: str, laps: list[tuple[int, float | None, int | None]]) -> dict:
    return {
        "driver": name,
        "car_number": None,
        "position": None,
        "laps": [{"lap": n, "time": t, "position": p} for n, t, p in laps],
    }


TWO = [
    _driver("ANN LEE", [(1, 20.0, 1), (2, 21.0, 1), (3, 22.0, 2)]),
    _driver("BOB RAY", [(1, 21.5, 2), (2, 20.5, 2), (3, 20.0, 1)]),
]


def test_lap_times_are_lines_on_a_scale_from_the_fastest_to_the_slowest_lap():
    chart = lap_time_chart(TWO)
    assert chart is not None
    assert [(s.name, s.color, s.points) for s in chart.series] == [
        ("ANN LEE", PALETTE[0], "56,280 460,148 864,16"),
        ("BOB RAY", PALETTE[1], "56,82 460,214 864,280"),
    ]
    assert chart.y_ticks == [
        Tick(280, "20"),
        Tick(214, "20.5"),
        Tick(148, "21"),
        Tick(82, "21.5"),
        Tick(16, "22"),
    ]
    assert chart.x_ticks == [Tick(56, "1"), Tick(460, "2"), Tick(864, "3")]
    assert (chart.left, chart.right, chart.top, chart.bottom) == (56, 864, 16, 280)


def test_the_lap_chart_puts_the_leader_at_the_top():
    chart = position_chart(TWO)
    assert chart is not None
    assert [s.points for s in chart.series] == ["56,16 460,16 864,280", "56,280 460,280 864,16"]
    assert chart.y_ticks == [Tick(16, "1"), Tick(280, "2")]


def test_a_lap_slower_than_twice_the_median_is_drawn_on_the_top_edge():
    crash = [_driver("ANN LEE", [(1, 20.0, 1), (2, 20.0, 1), (3, 100.0, 1), (4, 20.0, 1)])]
    chart = lap_time_chart(crash)
    assert chart is not None
    # the scale ends at 40 s (twice the 20 s median), in steps of 5
    assert [t.label for t in chart.y_ticks] == ["20", "25", "30", "35", "40"]
    assert chart.series[0].points == "56,280 325.3,280 594.7,16 864,280"


def test_laps_without_a_time_or_position_are_left_out_and_one_lap_sits_in_the_middle():
    one = [_driver("ANN LEE", [(1, 30.0, 1)]), _driver("BOB RAY", [(1, None, None)])]
    times, positions = lap_time_chart(one), position_chart(one)
    assert times is not None and positions is not None
    assert [s.points for s in times.series] == ["460,280", ""]
    assert times.x_ticks == [Tick(460, "1")]
    # two drivers: two places, even though only one has a position
    assert [s.points for s in positions.series] == ["460,16", ""]


def test_no_laps_no_chart():
    empty = [_driver("ANN LEE", [(1, None, None)])]
    assert lap_time_chart(empty) is None
    assert position_chart(empty) is None


def test_a_long_race_labels_every_fifth_lap():
    laps = [(n, 20.0 + n % 3, 1) for n in range(1, 31)]
    chart = lap_time_chart([_driver("ANN LEE", laps)])
    assert chart is not None
    assert [t.label for t in chart.x_ticks] == ["1", "5", "10", "15", "20", "25", "30"]
    assert (nice_step(29), nice_step(9), nice_step(0), nice_step(120)) == (5.0, 1.0, 1.0, 10.0)
