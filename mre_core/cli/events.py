"""`mre events`: refresh a track's events, deep-ingest one, list and show them."""

from __future__ import annotations

import typer

from mre_core.cli import output
from mre_core.cli.options import (
    DEEP_DEPTH_OPTION,
    DEPTH_OPTION,
    EVENT_HELP,
    FORCE_OPTION,
    NEW_ONLY_OPTION,
    SOURCE_HELP,
    TRACK_OPTION,
    DeepDepth,
    Depth,
    state,
)
from mre_core.service.reports import OperationReport

app = typer.Typer(help="A track's events and their results.", no_args_is_help=True)


def finish(result: OperationReport) -> None:
    """Show the report; a failed operation exits with its error's code."""
    output.report(result)
    if result.exit_code:
        output.error(result.error_message or result.status)
        raise typer.Exit(result.exit_code)


@app.command("refresh")
def refresh(
    ctx: typer.Context,
    track_id: str = TRACK_OPTION,
    depth: Depth = DEPTH_OPTION,
    ingest_new_only: bool = NEW_ONLY_OPTION,
    source: str | None = typer.Option(None, "--source", help=SOURCE_HELP),
) -> None:
    """Sync one track's event list; with --depth laps_full also ingest events whole."""
    with state(ctx).service() as service:
        finish(service.refresh_events(track_id, depth.value, not ingest_new_only, source))


@app.command("ingest")
def ingest(
    ctx: typer.Context,
    event: str = typer.Option(..., "--event", "--event-id", help=EVENT_HELP),
    depth: DeepDepth = DEEP_DEPTH_OPTION,
    force: bool = FORCE_OPTION,
    source: str | None = typer.Option(None, "--source", help=SOURCE_HELP),
) -> None:
    """Deep-ingest one event: entry list, every race, every lap (races + 2 requests)."""
    with state(ctx).service() as service:
        finish(service.ingest_event(event, depth.value, force, source))


@app.command("list")
def list_events(
    ctx: typer.Context,
    track_id: str = TRACK_OPTION,
    source: str | None = typer.Option(None, "--source", help=SOURCE_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List a track's events in the database (no network)."""
    with state(ctx).service() as service:
        rows = service.list_events(track_id, source)
    output.as_json(rows) if as_json else output.events(rows)


@app.command("show")
def show(
    ctx: typer.Context,
    event: str = typer.Argument(..., help=EVENT_HELP),
    source: str | None = typer.Option(None, "--source", help=SOURCE_HELP),
    as_json: bool = typer.Option(
        False, "--json", help="Print JSON (every field) instead of tables."
    ),
    laps: bool = typer.Option(False, "--laps", help="With --json: include every lap."),
) -> None:
    """Show an event's races, results and fastest laps (no network)."""
    with state(ctx).service() as service:
        detail = service.event_detail(event, source, with_laps=laps)
    output.as_json(detail) if as_json else output.event(detail)
