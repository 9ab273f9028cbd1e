"""`mre tracks`: sync the track catalogue, list known tracks."""

from __future__ import annotations

import typer

from mre_core.cli import output
from mre_core.cli.options import DETACH_OPTION, JSON_REPORT_OPTION, SOURCE_HELP, state
from mre_core.cli.output import finish

app = typer.Typer(help="The track catalogue.", no_args_is_help=True)


@app.command("sync")
def sync(
    ctx: typer.Context,
    source: str = typer.Option("liverc", "--source", help="The connector whose catalogue to sync."),
    detach: bool = DETACH_OPTION,
    as_json: bool = JSON_REPORT_OPTION,
) -> None:
    """Fetch the source's track list: add new tracks, update known ones, mark gone ones inactive."""
    with state(ctx).service() as service:
        if detach:
            output.submission(service.submit_track_sync(source), as_json)
            return
        finish(service.sync_tracks(source), as_json)


@app.command("list")
def list_tracks(
    ctx: typer.Context,
    source: str | None = typer.Option(None, "--source", help=SOURCE_HELP),
    include_inactive: bool = typer.Option(False, "--all", help="Include tracks no longer listed."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List the tracks in the database (no network)."""
    with state(ctx).service() as service:
        rows = service.list_tracks(source, include_inactive)
    output.as_json(rows) if as_json else output.tracks(rows)
