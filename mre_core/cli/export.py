"""`mre export TABLE`: a table of what was ingested as CSV, JSON lines or Parquet."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from mre_core.cli import output
from mre_core.cli.options import EVENT_HELP, SOURCE_OPTION, TRACK_HELP, state
from mre_core.errors import UsageError
from mre_core.export import EXPORTS, PLANNED
from mre_core.export.service_api import STDOUT, day, format_for, table_of


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


def _day(option: str):  # type: ignore[no-untyped-def]
    def check(value: str | None) -> str | None:
        try:
            day(value, option)
        except UsageError as exc:
            raise typer.BadParameter(f"{value!r} is not a day (YYYY-MM-DD)") from exc
        return value

    return check


TABLE_HELP = (
    f"What to export: {', '.join(EXPORTS)} (one flat row per record; docs/database.md "
    f"lists each one's columns). {' and '.join(PLANNED)} come with their tables."
)


def export_command(
    ctx: typer.Context,
    table: str = typer.Argument(..., metavar="TABLE", help=TABLE_HELP),
    fmt: ExportFormat | None = typer.Option(
        None,
        "--format",
        metavar="FORMAT",
        help="csv (a header row, then a row per record), jsonl (a JSON object a line) or "
        "parquet (typed columns; needs -o FILE). Default: the suffix of -o FILE, else csv.",
    ),
    event: str | None = typer.Option(
        None, "--event", "--event-id", metavar="EVENT", help=f"Only this event. {EVENT_HELP}"
    ),
    track_id: str | None = typer.Option(
        None, "--track-id", metavar="TRACK", help=f"Only this track's events. {TRACK_HELP}"
    ),
    date_from: str | None = typer.Option(
        None,
        "--from",
        metavar="DAY",
        callback=_day("--from"),
        help="Only events held on or after this day (YYYY-MM-DD).",
    ),
    date_to: str | None = typer.Option(
        None,
        "--to",
        metavar="DAY",
        callback=_day("--to"),
        help="Only events held on or before this day (YYYY-MM-DD).",
    ),
    out: str = typer.Option(
        STDOUT,
        "--output",
        "-o",
        metavar="FILE",
        show_default=False,
        help="Write to FILE (replaced whole once written). Default, or -: stdout.",
    ),
    source: str | None = SOURCE_OPTION,
) -> None:
    """Export results, laps, events or drivers as CSV, JSONL or Parquet.

    No network: it reads the database only, in batches from one read-only
    transaction, so memory stays flat whatever the size. Without --event or
    --track-id/--from/--to, every event is exported.

    Example: mre export laps --event 486677 -o laps.parquet
    """
    table_of(table)  # an unknown table is exit 2 before the database is opened
    chosen = format_for(fmt.value if fmt else None, None if out == STDOUT else out)
    if chosen == "parquet" and out == STDOUT:
        raise typer.BadParameter(
            "parquet is binary: give -o FILE (stdout takes csv or jsonl)",
            ctx=ctx,
            param_hint="'--format'",
        )
    if event is not None and (track_id, date_from, date_to) != (None, None, None):
        raise typer.BadParameter(
            "cannot be used with --track-id, --from or --to", ctx=ctx, param_hint="'--event'"
        )
    with state(ctx).service(must_exist=True) as service:
        report = service.export(
            table,
            chosen,
            out,
            event=event,
            track=track_id,
            date_from=date_from,
            date_to=date_to,
            source=source,
        )
    if report.path is not None:
        output.line(f"{report.table}: {report.rows:,} rows written to {Path(report.path)}")
