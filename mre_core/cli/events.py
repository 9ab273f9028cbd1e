"""`mre events`: refresh a track's events, deep-ingest one, list and show them."""

from __future__ import annotations

import typer

from mre_core.cli import output
from mre_core.cli.options import (
    DEEP_DEPTH_OPTION,
    DEPTH_OPTION,
    DETACH_OPTION,
    EVENT_HELP,
    FORCE_OPTION,
    JSON_REPORT_OPTION,
    NEW_ONLY_OPTION,
    SOURCE_HELP,
    TRACK_OPTION,
    DeepDepth,
    Depth,
    state,
)
from mre_core.cli.output import finish

app = typer.Typer(help="A track's events and their results.", no_args_is_help=True)


@app.command("refresh")
def refresh(
    ctx: typer.Context,
    track_id: str = TRACK_OPTION,
    depth: Depth = DEPTH_OPTION,
    ingest_new_only: bool = NEW_ONLY_OPTION,
    source: str | None = typer.Option(None, "--source", help=SOURCE_HELP),
    detach: bool = DETACH_OPTION,
    as_json: bool = JSON_REPORT_OPTION,
) -> None:
    """Sync one track's event list; with --depth laps_full also ingest events whole.

    With --detach and --depth laps_full, the job queues one import per event
    for the workers to share, and ends when the last of them does.
    """
    with state(ctx).service() as service:
        if detach:
            submitted = service.submit_event_sync(
                track_id, depth.value, not ingest_new_only, source
            )
            output.submission(submitted, as_json)
            return
        finish(service.refresh_events(track_id, depth.value, not ingest_new_only, source), as_json)


@app.command("ingest")
def ingest(
    ctx: typer.Context,
    event: str = typer.Option(..., "--event", "--event-id", help=EVENT_HELP),
    depth: DeepDepth = DEEP_DEPTH_OPTION,
    force: bool = FORCE_OPTION,
    source: str | None = typer.Option(None, "--source", help=SOURCE_HELP),
    detach: bool = DETACH_OPTION,
    as_json: bool = JSON_REPORT_OPTION,
) -> None:
    """Deep-ingest one event: entry list, every race, every lap (races + 2 requests)."""
    with state(ctx).service() as service:
        if detach:
            output.submission(service.submit_event_ingest(event, force, source), as_json)
            return
        finish(service.ingest_event(event, depth.value, force, source), as_json)


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
