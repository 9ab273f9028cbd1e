"""How the CLI shows things: operation summaries, lists, and an event's results.

A table at a terminal is rich's, fitted to the window (a long value may be
cut or wrapped there). Anywhere else (a pipe, a file) a table is plain text
with every value in full on one line, so `mre tracks list | grep SLUG`
finds what it shows. `--format tsv|csv` print a header row then one row per
record; `--format json` (or `--json`) every field.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from operator import itemgetter
from typing import Any

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from mre_core import logs
from mre_core.service.job_queue import Submission
from mre_core.service.reports import OperationReport
from mre_core.storage.counts import Counts
from mre_core.storage.models import RUN_NOT_READY, RUN_PARTIAL

# Runs that ended well (exit 0) leaving their event for a later run; the progress step says why.
UNFINISHED_EVENT_STATUSES = (RUN_PARTIAL, RUN_NOT_READY)

console = Console(highlight=False, soft_wrap=False)


class Format(StrEnum):
    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"


@dataclass(frozen=True, slots=True)
class Column:
    title: str  # a table's header; tsv and csv use it as a name: `last updated` -> last_updated
    value: Callable[[Any], Any]  # of one record (a row as a dict, mostly)

    @classmethod
    def field(cls, title: str, key: str) -> Column:
        """The column most are: one field of the record, shown as it is."""
        return cls(title, itemgetter(key))

    @property
    def name(self) -> str:
        return re.sub(r"[^a-z0-9]+", "_", self.title.lower()).strip("_")


def error(message: str, exit_code: int) -> None:
    """The command's last word, `mre: error: ...` (JSON with JSON logs: see logs.error_line)."""
    logs.error_line(message, exit_code)


def as_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=_json_default, ensure_ascii=False) + "\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _at_terminal() -> bool:
    return sys.stdout.isatty()


def line(text: str = "", style: str | None = None) -> None:
    """One line of text: styled at a terminal, plain (never wrapped) elsewhere."""
    if _at_terminal():
        console.print(Text(text, style=style or ""))
    else:
        sys.stdout.write(text + "\n")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M:%S}"
    return str(value)


_ONE_LINE = str.maketrans("\t\n\r", "   ")  # a table's row stays one line


def table(columns: Sequence[Column], rows: Iterable[Any]) -> None:
    """Rows under their columns' titles, for people (see the module's docstring)."""
    titles = [c.title for c in columns]
    cells = [[_text(c.value(r)).translate(_ONE_LINE) for c in columns] for r in rows]
    if _at_terminal():
        shown = Table(*titles, box=None, pad_edge=False)
        for row in cells:
            shown.add_row(*(Text(cell) for cell in row))
        console.print(shown)
        return
    widths = [max(map(cell_len, column)) for column in zip(titles, *cells, strict=True)]
    for row in (titles, *cells):
        padded = (c + " " * (w - cell_len(c)) for c, w in zip(row, widths, strict=True))
        sys.stdout.write("  ".join(padded).rstrip() + "\n")


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def records(columns: Sequence[Column], rows: Iterable[Any], fmt: Format) -> None:
    """tsv or csv: a header row, then one row per record, every value in full.

    tsv escapes a backslash, tab or line break inside a value as `\\\\`, `\\t`,
    `\\n`, `\\r`, so each record stays one line; csv quotes as the csv module does.
    """
    header = [c.name for c in columns]
    values = ([_text(c.value(r)) for c in columns] for r in rows)
    if fmt is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(values)
        return
    for row in (header, *values):
        sys.stdout.write("\t".join(v.translate(_TSV_ESCAPES) for v in row) + "\n")


def listing(
    columns: Sequence[Column], rows: list[dict[str, Any]], fmt: Format, noun: str | None = None
) -> None:
    """A list command's output in the chosen format; a table ends with `N <noun>`."""
    if fmt is Format.json:
        as_json(rows)
    elif fmt is Format.table:
        table(columns, rows)
        if noun is not None:
            line(f"{len(rows)} {noun}")
    else:
        records(columns, rows, fmt)


def submission(submitted: Submission, as_json_: bool) -> None:
    """What --detach prints: `RUN_ID STATUS`, or the same as JSON."""
    if as_json_:
        as_json(submitted.as_dict())
    else:
        sys.stdout.write(f"{submitted.run_id} {submitted.status}\n")


def finish(result: OperationReport, as_json_: bool = False) -> None:
    """Show the report; a failed (or cancelled) operation exits with its error's code."""
    as_json(result.as_dict()) if as_json_ else report(result)
    if result.exit_code:
        error(result.error_message or result.status, result.exit_code)
        raise typer.Exit(result.exit_code)


COUNT_COLUMNS = (
    Column.field("table", "table"),
    Column.field("new", "new"),
    Column.field("updated", "updated"),
    Column.field("unchanged", "unchanged"),
)


def counts(tables: Mapping[str, Mapping[str, int]]) -> None:
    """New, updated and unchanged rows per table (as `Counts.as_dict` gives them)."""
    if tables:
        table(COUNT_COLUMNS, [{"table": name, **c} for name, c in tables.items()])


def report(result: OperationReport) -> None:
    line(
        f"{result.operation} {result.target}: {result.status}, {result.requests} request"
        f"{'' if result.requests == 1 else 's'}"
    )
    if result.detail:  # partial or not_ready: why, and what to do
        line(f"{result.status}: {result.detail}")
    if result.created:
        line(f"new: {', '.join(result.created)}")
    counts(result.counts.as_dict())
    for child in result.children:
        text = f"  event {child.target}: {child.status}"
        if child.detail:
            text += f": {child.detail}"
        if child.error_message:
            text += f" ({child.error_message})"
        line(text)


TRACK_COLUMNS = (
    Column.field("id", "id"),
    Column.field("source", "source"),
    Column.field("slug", "slug"),
    Column.field("name", "name"),
    Column("active", lambda t: "yes" if t["is_active"] else "no"),
)

EVENT_COLUMNS = (
    Column.field("id", "id"),
    Column.field("event id", "source_event_id"),
    Column("date", lambda e: _day(e["date"])),
    Column.field("name", "name"),
    Column.field("entries", "entries"),
    Column.field("depth", "ingest_depth"),
)


def _three_places(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


RESULT_COLUMNS = (
    Column.field("pos", "position"),
    Column.field("car", "car_number"),
    Column.field("driver", "driver"),
    # The site's own "Laps/Time" words; a source that shows none: the laps counted.
    Column("laps/time", lambda r: r["total_time_raw"] or (str(r["laps"]) if r["laps"] else "")),
    Column.field("behind", "behind"),
    Column(
        "fastest (lap)",
        lambda r: (
            ""
            if r["fast_lap_time"] is None
            else f"{r['fast_lap_time']:.3f} ({r['fast_lap_number']})"
        ),
    ),
    Column("avg lap", lambda r: _three_places(r["avg_lap_time"])),
)

FASTEST_COLUMNS = (
    Column.field("class", "class_name"),
    Column("time", lambda f: _three_places(f["time"])),
    Column.field("driver", "driver"),
    Column.field("lap", "lap"),
    Column.field("race", "race"),
)

# `events show --format tsv|csv`: one row per result, its race's columns first.
EVENT_RESULT_COLUMNS = tuple(
    Column.field(name, name)
    for name in (
        "race_id",
        "race_order",
        "round",
        "race",
        "class_name",
        "position",
        "car_number",
        "driver",
        "driver_id",
        "laps",
        "total_time",
        "total_time_raw",
        "behind",
        "fast_lap_time",
        "fast_lap_number",
        "avg_lap_time",
        "consistency",
    )
)


def event(detail: dict[str, Any], fmt: Format) -> None:
    """An event's races, results and fastest laps; tsv and csv: its results, one a row."""
    if fmt is Format.json:
        as_json(detail)
    elif fmt is Format.table:
        _event_tables(detail)
    else:
        records(EVENT_RESULT_COLUMNS, _results_of(detail), fmt)


def _results_of(detail: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            **result,
            "race_id": race["source_race_id"],
            "race_order": race["order"],
            "round": race["round"],
            "race": race["label"],
            "class_name": race["class_name"],
            "driver_id": result["source_driver_id"],
        }
        for race in detail["races"]
        for result in race["results"]
    ]


def _event_tables(detail: dict[str, Any]) -> None:
    line(f"{detail['name']}  ({detail['track']['name']}, {_day(detail['date'])})", "bold")
    line(
        f"event {detail['source_event_id']} · depth {detail['ingest_depth']} · "
        f"{len(detail['races'])} races · last ingested {detail['last_ingested_at'] or 'never'}"
    )
    for race in detail["races"]:
        line()
        parts = (race["round"], race["label"], race["length"], race["completed_at_raw"])
        line(" · ".join([f"#{race['order']}", *(str(p) for p in parts if p)]), "bold")
        if race["results"]:
            table(RESULT_COLUMNS, race["results"])
        else:
            line("  no results yet")
    if detail["fastest_laps"]:
        line()
        line("Fastest laps", "bold")
        table(FASTEST_COLUMNS, detail["fastest_laps"])


def progress(run: Mapping[str, Any]) -> str:
    p = run["progress"]
    return f"{p['done']}/{p['total']}" if p["total"] else str(p["done"])


RUN_COLUMNS = (
    Column.field("id", "id"),
    Column.field("operation", "operation"),
    Column.field("target", "target"),
    Column.field("status", "status"),
    Column.field("started (UTC)", "started_at"),
    Column("progress", progress),
    Column.field("requests", "requests"),
    Column.field("error", "error_code"),
)

# `runs show --format tsv|csv`: the run, then each of its child runs, one a row.
RUN_DETAIL_COLUMNS = (
    Column.field("id", "id"),
    Column.field("parent id", "parent_id"),
    Column.field("operation", "operation"),
    Column.field("source", "source"),
    Column.field("target", "target"),
    Column.field("status", "status"),
    Column.field("started (UTC)", "started_at"),
    Column.field("finished (UTC)", "finished_at"),
    Column("progress", progress),
    Column.field("requests", "requests"),
    Column("counts", lambda r: Counts.from_dict(r["counts"]).summary()),
    Column.field("error code", "error_code"),
    Column.field("error message", "error_message"),
    Column.field("host", "host"),
    Column.field("pid", "pid"),
)


def run(detail: dict[str, Any], fmt: Format) -> None:
    """One run and its child runs."""
    if fmt is Format.json:
        as_json(detail)
        return
    if fmt is not Format.table:
        records(RUN_DETAIL_COLUMNS, [detail, *detail["children"]], fmt)
        return
    line(
        f"run {detail['id']}: {detail['operation']} {detail['target']} ({detail['source']}) "
        f"{detail['status']}"
    )
    line(
        f"started {_text(detail['started_at'])} UTC, finished "
        f"{_text(detail['finished_at']) or '-'}, {detail['requests']} requests, "
        f"progress {progress(detail)}, on {detail['host']} pid {detail['pid']}"
    )
    if detail["error_code"]:
        line(f"error {detail['error_code']}: {detail['error_message']}")
    if detail["status"] in UNFINISHED_EVENT_STATUSES:  # the step says why (see reports.py)
        line(str(detail["progress"]["step"]))
    counts(detail["counts"])
    for child in detail["children"]:
        line(f"  run {child['id']}: {child['operation']} {child['target']} {child['status']}")


USER_COLUMNS = (
    Column.field("id", "id"),
    Column.field("name", "name"),
    Column.field("email", "email"),
    Column("transponders", lambda u: " ".join(u["transponders"])),
)

LINK_COLUMNS = (
    Column.field("link", "id"),
    Column("user", lambda r: f"{r['user_id']} {r['user']}"),
    Column("driver", lambda r: f"{r['source_driver_id']} {r['driver']}"),
    Column.field("status", "status"),
    Column.field("match", "match_type"),
    Column("score", lambda r: _three_places(r["similarity_score"])),
    Column.field("by", "decided_by"),
    Column.field("why", "conflict_reason"),
)


def _day(value: datetime | date | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""
