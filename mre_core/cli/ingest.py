"""`mre ingest`: the seed's spellings of the two ingestion commands.

`mre ingest --source liverc refresh-events ...` and the shorter
`mre ingest liverc refresh-events ...` are the same command: a first word
that is not a subcommand is taken as the source. Both run the `mre events`
commands, with the source given here.
"""

from __future__ import annotations

from typing import Any

import typer

from mre_core.cli import events
from mre_core.cli.helptext import Group, Typer
from mre_core.cli.options import (
    DEEP_DEPTH_OPTION,
    DEPTH_OPTION,
    EVENT_OPTION,
    FORCE_OPTION,
    NEW_ONLY_OPTION,
    TRACK_OPTION,
    DeepDepth,
    Depth,
)


class SourceFirstGroup(Group):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["--source", args[0], *args[1:]]
        return super().parse_args(ctx, args)


app = Typer(
    cls=SourceFirstGroup,
    no_args_is_help=True,
    help="The seed's spellings of `events refresh` and `events ingest`, by source.",
    epilog="Example: mre ingest liverc ingest-event --event-id 486677",
)


@app.callback()
def choose_source(
    ctx: typer.Context,
    source: str | None = typer.Option(
        None,
        "--source",
        metavar="SOURCE",
        help="The connector (source); needed only for an id that two sources share.",
    ),
) -> None:
    ctx.obj = source


def _source(ctx: typer.Context) -> Any:
    return ctx.parent.obj if ctx.parent else None


@app.command("refresh-events")
def refresh_events(
    ctx: typer.Context,
    track_id: str = TRACK_OPTION,
    depth: Depth = DEPTH_OPTION,
    ingest_new_only: bool | None = NEW_ONLY_OPTION,
) -> None:
    """Same as `mre events refresh`, for one source.

    Example: mre ingest liverc refresh-events --track-id canberraoffroad --depth none
    """
    events.refresh(
        ctx,
        track_id=track_id,
        depth=depth,
        ingest_new_only=ingest_new_only,
        source=_source(ctx),
        detach=False,
        as_json=False,
    )


@app.command("ingest-event")
def ingest_event(
    ctx: typer.Context,
    event_id: str = EVENT_OPTION,
    depth: DeepDepth = DEEP_DEPTH_OPTION,
    force: bool = FORCE_OPTION,
) -> None:
    """Same as `mre events ingest`, for one source.

    Example: mre ingest --source liverc ingest-event --event-id 486677
    """
    events.ingest(
        ctx,
        event=event_id,
        depth=depth,
        force=force,
        source=_source(ctx),
        detach=False,
        as_json=False,
    )
