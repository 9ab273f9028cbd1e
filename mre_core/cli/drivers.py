"""`mre drivers`: find a driver, their history, and head to head with another."""

from __future__ import annotations

from typing import Any

import typer

from mre_core.cli import output
from mre_core.cli.helptext import Typer
from mre_core.cli.options import (
    FORMAT_OPTION,
    JSON_OPTION,
    TRACK_HELP,
    in_range,
    output_format,
    state,
)
from mre_core.cli.output import Column, Format
from mre_core.service.drivers import MAX_LIMIT

DRIVER_HELP = (
    "The driver: the source's driver id (e.g. 118807), id:N for mre's internal id, "
    "or a name that only one driver has (any case, accents optional)."
)

SOURCE_OPTION = typer.Option(
    None, "--source", metavar="SOURCE", help="Only this source's drivers (e.g. liverc)."
)

app = Typer(
    help="Drivers: find one, their history, and head to head.",
    epilog="Example: mre drivers show 'Zane Gibson'",
    no_args_is_help=True,
)


def _time(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+.3f}"


def _day(value: Any) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def _position(race: dict[str, Any]) -> str:
    return "" if race["position"] is None else f"{race['position']}/{race['drivers']}"


SEARCH_COLUMNS = (
    Column("id", lambda d: f"id:{d['id']}"),
    Column.field("source", "source"),
    Column.field("driver id", "source_driver_id"),
    Column.field("name", "name"),
    Column.field("transponder", "transponder"),
    Column.field("events", "events"),
    Column.field("races", "races"),
    Column("last event", lambda d: _day(d["last_event_date"])),
)

RACE_COLUMNS = (
    Column.field("#", "order"),
    Column.field("round", "round"),
    Column.field("race", "label"),
    Column("pos", _position),
    Column.field("car", "car_number"),
    Column.field("laps/time", "total_time_raw"),
    Column(
        "best (lap)",
        lambda r: "" if r["best_lap"] is None else f"{r['best_lap']:.3f} ({r['best_lap_number']})",
    ),
    Column("avg lap", lambda r: _time(r["average"])),
)

# `drivers show --format tsv|csv`: one row per race, its event's columns first.
HISTORY_RECORD_COLUMNS = (
    Column("event_date", lambda r: _day(r["event"]["date"])),
    Column("event_id", lambda r: r["event"]["source_event_id"]),
    Column("event", lambda r: r["event"]["name"]),
    Column("track", lambda r: r["event"]["track"]["slug"]),
    Column("race_id", lambda r: r["source_race_id"]),
    Column.field("race_order", "order"),
    Column.field("round", "round"),
    Column("race", lambda r: r["label"]),
    Column.field("class_name", "class_name"),
    Column.field("position", "position"),
    Column.field("drivers", "drivers"),
    Column.field("car_number", "car_number"),
    Column.field("laps", "laps"),
    Column.field("total_time_raw", "total_time_raw"),
    Column.field("best_lap", "best_lap"),
    Column.field("best_lap_number", "best_lap_number"),
    Column.field("average", "average"),
    Column.field("driver", "driver"),
)


def _best(kind: str) -> Column:
    return Column(
        kind.replace("_", " ").replace("average", "avg"),
        lambda b: "" if b[kind] is None else f"{b[kind]['time']:.3f}",
    )


BEST_COLUMNS = (
    Column("track", lambda b: b["track"]["name"]),
    Column.field("class", "class_name"),
    Column.field("races", "races"),
    _best("best_lap"),
    Column(
        "set at",
        lambda b: (
            ""
            if b["best_lap"] is None
            else f"{b['best_lap']['race']}, "
            f"{b['best_lap']['event']} ({_day(b['best_lap']['date'])})"
        ),
    ),
    _best("best_average"),
)


def _compare_columns(a: str, b: str) -> tuple[Column, ...]:
    return (
        Column("date", lambda r: _day(r["event"]["date"])),
        Column("event", lambda r: r["event"]["source_event_id"]),
        Column.field("race", "label"),
        Column(f"pos {a}", lambda r: r["a"]["position"]),
        Column(f"pos {b}", lambda r: r["b"]["position"]),
        Column("ahead", lambda r: {"a": a, "b": b, None: "-"}[r["ahead"]]),
        Column(f"best {a}", lambda r: _time(r["a"]["best_lap"])),
        Column(f"best {b}", lambda r: _time(r["b"]["best_lap"])),
        Column("best diff", lambda r: _signed(r["best_lap_difference"])),
        Column(f"avg {a}", lambda r: _time(r["a"]["average"])),
        Column(f"avg {b}", lambda r: _time(r["b"]["average"])),
        Column("avg diff", lambda r: _signed(r["average_difference"])),
    )


@app.command("search")
def search(
    ctx: typer.Context,
    name: str = typer.Argument(
        ..., metavar="NAME", help="Part of the name, any case, accents optional."
    ),
    limit: int = typer.Option(
        50,
        "--limit",
        metavar="N",
        callback=in_range(1, MAX_LIMIT),
        help=f"At most this many, by name (1 to {MAX_LIMIT}).",
    ),
    source: str | None = SOURCE_OPTION,
    fmt: Format | None = FORMAT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Find drivers whose name contains NAME (no network).

    Names are compared normalised: 'jose nunez' finds JOSÉ NUÑEZ, and
    'Bratton, Richard' finds RICHARD BRATTON.

    Example: mre drivers search gibson --format csv
    """
    chosen = output_format(ctx, fmt, as_json)
    with state(ctx).service(must_exist=True) as service:
        found = service.search_drivers(name, limit, source)
    items = found["items"]
    noun = "drivers" if len(items) == found["total"] else f"of {found['total']} drivers (--limit)"
    output.listing(SEARCH_COLUMNS, items, chosen, noun)


@app.command("show")
def show(
    ctx: typer.Context,
    driver: str = typer.Argument(..., metavar="DRIVER", help=DRIVER_HELP),
    track_id: str | None = typer.Option(
        None, "--track-id", metavar="TRACK", help=f"Only at this track. {TRACK_HELP}"
    ),
    source: str | None = SOURCE_OPTION,
    fmt: Format | None = FORMAT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Show a driver's events and races, and personal bests (no network).

    Every event the driver entered or raced, newest first, with each race's
    position, best lap and average; then the best lap and best average per
    track and class. Entry-list ids merged into the driver, and drivers
    confirmed as the same user, count as the driver. tsv and csv give the
    races, one a row.

    Example: mre drivers show 'Zane Gibson' --track-id quickanddirtyrcandhobby
    """
    chosen = output_format(ctx, fmt, as_json)
    with state(ctx).service(must_exist=True) as service:
        history = service.driver_history(driver, track_id, source)
    if chosen is Format.json:
        output.as_json(history)
    elif chosen is Format.table:
        _history_tables(history)
    else:
        races = [{**race, "event": event} for event in history["events"] for race in event["races"]]
        output.records(HISTORY_RECORD_COLUMNS, races, chosen)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _who(driver: dict[str, Any]) -> str:
    return f"{driver['name']} ({driver['source']} {driver['source_driver_id']}, id:{driver['id']})"


def _history_tables(history: dict[str, Any]) -> None:
    driver, totals = history["driver"], history["totals"]
    output.line(_who(driver), "bold")
    for alias in driver["aliases"]:
        via = "merged into it" if alias["via"] == "merged" else "same user"
        output.line(f"also {alias['source']} {alias['source_driver_id']} ({via})")
    if driver["user"]:
        output.line(f"user {driver['user']['id']}: {driver['user']['name']}")
    where = f" at {history['track']['name']}" if history["track"] else ""
    counted = (_count(totals[k], k[:-1]) for k in ("events", "races", "wins", "podiums"))
    output.line(" · ".join(counted) + where)
    for event in history["events"]:
        output.line()
        output.line(
            f"{_day(event['date'])} · {event['name']} ({event['source_event_id']}) · "
            f"{event['track']['name']} · {', '.join(event['classes'])}",
            "bold",
        )
        if event["races"]:
            output.table(RACE_COLUMNS, event["races"])
        else:
            output.line("  entered, no races stored")
    if history["personal_bests"]:
        output.line()
        output.line("Personal bests", "bold")
        output.table(BEST_COLUMNS, history["personal_bests"])


@app.command("compare")
def compare(
    ctx: typer.Context,
    a: str = typer.Argument(..., metavar="A", help=DRIVER_HELP),
    b: str = typer.Argument(..., metavar="B", help="The other driver, named the same ways."),
    event: str | None = typer.Option(
        None, "--event", metavar="EVENT", help="Only this event's races (its id, or id:N)."
    ),
    source: str | None = SOURCE_OPTION,
    fmt: Format | None = FORMAT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Two drivers head to head in the races they both ran (no network).

    For each race: both positions, who finished ahead, both best laps and
    averages, and the differences (A minus B: negative when A was faster);
    then a summary line. tsv and csv give the races, one a row.

    Example: mre drivers compare 'Zane Gibson' 'Miles Gibson' --event 413880
    """
    chosen = output_format(ctx, fmt, as_json)
    with state(ctx).service(must_exist=True) as service:
        found = service.compare_drivers(a, b, event, source)
    if chosen is Format.json:
        output.as_json(found)
        return
    name_a, name_b = found["a"]["name"], found["b"]["name"]
    short_a, short_b = ("A", "B") if chosen is Format.table else ("a", "b")
    columns = _compare_columns(short_a, short_b)
    if chosen is not Format.table:
        output.records(columns, found["races"], chosen)
        return
    output.line(f"A {_who(found['a'])}")
    output.line(f"B {_who(found['b'])}")
    if found["races"]:
        output.line()
        output.table(columns, found["races"])
        output.line()
    output.line(summary_line(name_a, name_b, found["summary"]))


def summary_line(name_a: str, name_b: str, summary: dict[str, Any]) -> str:
    """`A ahead in X of Y races` and the rest of the summary, in words."""
    races = summary["races"]
    if not races:
        return f"{name_a} and {name_b} ran no race together"
    text = (
        f"{name_a} ahead in {summary['a_ahead']} of {_count(races, 'race')}, "
        f"{name_b} in {summary['b_ahead']}"
    )
    if summary["mean_best_lap_difference"] is not None:
        text += (
            f"; best lap faster: {name_a} {summary['a_faster_best_lap']}, "
            f"{name_b} {summary['b_faster_best_lap']} "
            f"(mean difference {summary['mean_best_lap_difference']:+.3f} s)"
        )
    return text
