"""How the CLI shows things: operation summaries, lists, and an event's results."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from mre_core.service.job_queue import Submission
from mre_core.service.reports import OperationReport

console = Console(highlight=False, soft_wrap=False)


def error(message: str) -> None:
    sys.stderr.write(f"mre: error: {message}\n")


def as_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=_json_default, ensure_ascii=False) + "\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


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
        error(result.error_message or result.status)
        raise typer.Exit(result.exit_code)


def report(result: OperationReport) -> None:
    console.print(
        f"{result.operation} {result.target}: {result.status}, {result.requests} request"
        f"{'' if result.requests == 1 else 's'}"
    )
    if result.created:
        console.print(f"new: {', '.join(result.created)}")
    if result.counts.tables:
        table = Table("table", "new", "updated", "unchanged", box=None, pad_edge=False)
        for name, c in result.counts.tables.items():
            table.add_row(name, str(c.new), str(c.updated), str(c.unchanged))
        console.print(table)
    for child in result.children:
        line = f"  event {child.target}: {child.status}"
        if child.error_message:
            line += f" ({child.error_message})"
        console.print(line)


def tracks(rows: list[dict[str, Any]]) -> None:
    table = Table(
        "id", "source", "slug", "name", "last updated", "active", box=None, pad_edge=False
    )
    for t in rows:
        table.add_row(
            str(t["id"]),
            t["source"],
            t["slug"],
            t["name"],
            t["last_updated"] or "",
            "yes" if t["is_active"] else "no",
        )
    console.print(table)
    console.print(f"{len(rows)} tracks")


def events(rows: list[dict[str, Any]]) -> None:
    table = Table("id", "event id", "date", "name", "entries", "depth", box=None, pad_edge=False)
    for e in rows:
        table.add_row(
            str(e["id"]),
            e["source_event_id"],
            _day(e["date"]),
            e["name"],
            "" if e["entries"] is None else str(e["entries"]),
            e["ingest_depth"],
        )
    console.print(table)
    console.print(f"{len(rows)} events")


def event(detail: dict[str, Any]) -> None:
    console.print(
        f"[bold]{detail['name']}[/bold]  ({detail['track']['name']}, {_day(detail['date'])})"
    )
    console.print(
        f"event {detail['source_event_id']} · depth {detail['ingest_depth']} · "
        f"{len(detail['races'])} races · last ingested {detail['last_ingested_at'] or 'never'}"
    )
    for race in detail["races"]:
        console.print()
        title = " · ".join(
            str(p)
            for p in (
                f"#{race['order']}",
                race["round"],
                race["label"],
                race["length"],
                race["completed_at_raw"],
            )
            if p
        )
        console.print(f"[bold]{title}[/bold]")
        if not race["results"]:
            console.print("  no results yet")
            continue
        table = Table(
            "pos",
            "car",
            "driver",
            "laps/time",
            "behind",
            "fastest (lap)",
            "avg lap",
            box=None,
            pad_edge=False,
        )
        for r in race["results"]:
            fastest = (
                ""
                if r["fast_lap_time"] is None
                else f"{r['fast_lap_time']:.3f} ({r['fast_lap_number']})"
            )
            table.add_row(
                "" if r["position"] is None else str(r["position"]),
                r["car_number"] or "",
                r["driver"],
                r["total_time_raw"],
                r["behind"] or "",
                fastest,
                "" if r["avg_lap_time"] is None else f"{r['avg_lap_time']:.3f}",
            )
        console.print(table)
    if detail["fastest_laps"]:
        console.print()
        console.print("[bold]Fastest laps[/bold]")
        table = Table("class", "time", "driver", "lap", "race", box=None, pad_edge=False)
        for f in detail["fastest_laps"]:
            table.add_row(
                f["class_name"], f"{f['time']:.3f}", f["driver"], str(f["lap"] or ""), f["race"]
            )
        console.print(table)


def _day(value: datetime | date | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""
