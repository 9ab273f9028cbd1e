"""`mre practice`: a track's practice days, their sessions and every lap (on demand only)."""

from __future__ import annotations

import typer

from mre_core.cli import output
from mre_core.cli.helptext import Typer
from mre_core.cli.options import (
    FORMAT_OPTION,
    JSON_OPTION,
    REPORT_JSON_OPTION,
    SOURCE_OPTION,
    TRACK_HELP,
    output_format,
    state,
)
from mre_core.cli.output import Column, Format, finish
from mre_core.errors import UsageError

app = Typer(
    help="Practice days: their sessions and every lap, fetched on demand only.",
    epilog="Example: mre practice sync --track-id canberraoffroad --date 2025-10-25",
    no_args_is_help=True,
)

TRACK_OPTION = typer.Option(..., "--track-id", metavar="TRACK", help=TRACK_HELP)

DAY_COLUMNS = (
    Column.field("date", "practice_date"),
    Column("sessions listed", lambda d: "" if d["session_count"] is None else d["session_count"]),
    Column.field("sessions stored", "sessions_stored"),
    Column.field("laps stored", "laps_stored"),
    Column("complete", lambda d: "yes" if d["complete"] else "no"),
)


@app.command("sync")
def sync(
    ctx: typer.Context,
    track: str = TRACK_OPTION,
    day: str | None = typer.Option(
        None,
        "--date",
        metavar="YYYY-MM-DD",
        help="One day: its session list and every session's laps (1 + sessions requests).",
    ),
    month: str | None = typer.Option(
        None,
        "--month",
        metavar="YYYY-MM",
        help="One month: the practice calendar only, storing its days (1 request).",
    ),
    force: bool = typer.Option(
        False, "--force", help="Fetch a day again even if it is already complete."
    ),
    source: str | None = SOURCE_OPTION,
    as_json: bool = REPORT_JSON_OPTION,
) -> None:
    """Sync a track's practice day (--date) or month of days (--month).

    Exactly one of --date and --month. A day is stored with its sessions and
    every lap; a past day read in full after it ended is complete, and not
    fetched again without --force. Never scheduled: run it when you want it.

    Example: mre practice sync --track-id canberraoffroad --month 2025-10
    """
    if (day is None) == (month is None):
        raise UsageError("give exactly one of --date YYYY-MM-DD and --month YYYY-MM")
    with state(ctx).service() as service:
        report = service.practice_sync(track, day=day, month=month, force=force, source=source)
    finish(report, as_json)


@app.command("days")
def days(
    ctx: typer.Context,
    track: str = TRACK_OPTION,
    source: str | None = SOURCE_OPTION,
    fmt: Format | None = FORMAT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """List a track's practice days in the database (no network).

    Example: mre practice days --track-id canberraoffroad
    """
    chosen = output_format(ctx, fmt, as_json)
    with state(ctx).service(must_exist=True) as service:
        rows = service.practice_days(track, source)
    output.listing(DAY_COLUMNS, rows, chosen, "practice days")
