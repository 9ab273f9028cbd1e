"""`mre events`: refresh a track's events, deep-ingest one, list and show them."""

from __future__ import annotations

import typer

from mre_core.cli import output
from mre_core.cli.helptext import Typer
from mre_core.cli.options import (
    DEEP_DEPTH_OPTION,
    DEPTH_OPTION,
    DETACH_OPTION,
    EVENT_HELP,
    EVENT_OPTION,
    FORCE_OPTION,
    FORMAT_OPTION,
    JSON_OPTION,
    JSON_REPORT_OPTION,
    NEW_ONLY_OPTION,
    SOURCE_OPTION,
    TRACK_OPTION,
    DeepDepth,
    Depth,
    ingest_all,
    output_format,
    state,
)
from mre_core.cli.output import Format, finish

app = Typer(
    help="A track's events and their results.",
    epilog="Example: mre events list --track-id canberraoffroad",
    no_args_is_help=True,
)


@app.command("refresh")
def refresh(
    ctx: typer.Context,
    track_id: str = TRACK_OPTION,
    depth: Depth = DEPTH_OPTION,
    ingest_new_only: bool | None = NEW_ONLY_OPTION,
    source: str | None = SOURCE_OPTION,
    detach: bool = DETACH_OPTION,
    as_json: bool = JSON_REPORT_OPTION,
) -> None:
    """Sync a track's event list (and ingest events with --depth laps_full).

    One request for the list. New events are added at depth none, known ones
    keep theirs. With --detach and --depth laps_full, the job queues one
    import per event for the workers to share, and ends when the last of
    them does.

    Example: mre events refresh --track-id canberraoffroad --depth laps_full
    """
    every = ingest_all(ctx, depth, ingest_new_only)
    if detach:
        with state(ctx).service() as service:
            submitted = service.submit_event_sync(track_id, depth.value, every, source)
        output.submission(submitted, as_json)
        return
    with state(ctx).service() as service:
        report = service.refresh_events(track_id, depth.value, every, source)
    finish(report, as_json)


@app.command("ingest")
def ingest(
    ctx: typer.Context,
    event: str = EVENT_OPTION,
    depth: DeepDepth = DEEP_DEPTH_OPTION,
    force: bool = FORCE_OPTION,
    source: str | None = SOURCE_OPTION,
    detach: bool = DETACH_OPTION,
    as_json: bool = JSON_REPORT_OPTION,
) -> None:
    """Deep-ingest one event: its entry list, every race, every lap.

    It takes the number of races + 2 requests. An event already at laps_full
    is left as it is, with no request, unless --force.

    Example: mre events ingest --event 486677
    """
    if detach:
        with state(ctx).service() as service:
            submitted = service.submit_event_ingest(event, force, source)
        output.submission(submitted, as_json)
        return
    with state(ctx).service() as service:
        report = service.ingest_event(event, depth.value, force, source)
    finish(report, as_json)


@app.command("list")
def list_events(
    ctx: typer.Context,
    track_id: str = TRACK_OPTION,
    source: str | None = SOURCE_OPTION,
    fmt: Format | None = FORMAT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """List a track's events in the database, newest first (no network).

    Example: mre events list --track-id canberraoffroad --format csv > events.csv
    """
    chosen = output_format(ctx, fmt, as_json)
    with state(ctx).service(must_exist=True) as service:
        rows = service.list_events(track_id, source)
    output.listing(output.EVENT_COLUMNS, rows, chosen, "events")


@app.command("show")
def show(
    ctx: typer.Context,
    event: str = typer.Argument(..., metavar="EVENT", help=EVENT_HELP),
    source: str | None = SOURCE_OPTION,
    fmt: Format | None = FORMAT_OPTION,
    as_json: bool = JSON_OPTION,
    laps: bool = typer.Option(False, "--laps", help="With --format json: include every lap."),
) -> None:
    """Show an event's races, results and fastest laps (no network).

    tsv and csv give its results, one a row, with their race's columns.

    Example: mre events show 486677 --format json --laps
    """
    chosen = output_format(ctx, fmt, as_json)
    if laps and chosen is not Format.json:
        raise typer.BadParameter(
            "only with --format json (or --json)", ctx=ctx, param_hint="'--laps'"
        )
    with state(ctx).service(must_exist=True) as service:
        detail = service.event_detail(event, source, with_laps=laps)
    output.event(detail, chosen)
