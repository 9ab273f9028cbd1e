"""`mre tracks`: sync the track catalogue, add a track by its id, list known tracks."""

from __future__ import annotations

import typer

from mre_core.cli import output
from mre_core.cli.helptext import Typer
from mre_core.cli.options import (
    DETACH_OPTION,
    FORMAT_OPTION,
    JSON_OPTION,
    JSON_REPORT_OPTION,
    REPORT_JSON_OPTION,
    SOURCE_OPTION,
    output_format,
    state,
)
from mre_core.cli.output import Format, finish

app = Typer(
    help="The track catalogue.",
    epilog="Example: mre tracks list | grep canberra",
    no_args_is_help=True,
)


@app.command("sync")
def sync(
    ctx: typer.Context,
    source: str | None = typer.Option(
        None,
        "--source",
        metavar="SOURCE",
        help="Only this connector's catalogue (default: every installed one).",
    ),
    detach: bool = DETACH_OPTION,
    as_json: bool = JSON_REPORT_OPTION,
) -> None:
    """Sync the catalogue: add, update and retire tracks (1 request a source).

    New tracks are added, known ones updated, and tracks no longer listed are
    marked inactive (never deleted). No event is touched. Every installed
    connector that has a catalogue is synced, one after the other.

    Example: mre tracks sync
    """
    with state(ctx).service() as service:
        # None when nothing has a catalogue: the service's usage error says so.
        sources = [source] if source else service.catalogue_sources() or [None]
        for each in sources:
            if detach:
                output.submission(service.submit_track_sync(each), as_json)
            else:
                finish(service.sync_tracks(each), as_json)


@app.command("add")
def add(
    ctx: typer.Context,
    track_id: str = typer.Argument(..., metavar="TRACK_ID", help="The source's id of the track."),
    source: str = typer.Option(
        ..., "--source", metavar="SOURCE", help="The connector the track is on."
    ),
    as_json: bool = REPORT_JSON_OPTION,
) -> None:
    """Add one track by its id: for sources with no catalogue (1 request).

    Example: mre tracks add --source speedhive 12345
    """
    with state(ctx).service() as service:
        report = service.add_track(source, track_id)
    finish(report, as_json)


@app.command("list")
def list_tracks(
    ctx: typer.Context,
    source: str | None = SOURCE_OPTION,
    include_inactive: bool = typer.Option(False, "--all", help="Include tracks no longer listed."),
    fmt: Format | None = FORMAT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """List the tracks in the database (no network).

    Example: mre tracks list --format tsv | cut -f3
    """
    chosen = output_format(ctx, fmt, as_json)
    with state(ctx).service(must_exist=True) as service:
        rows = service.list_tracks(source, include_inactive)
    output.listing(output.TRACK_COLUMNS, rows, chosen, "tracks")
