"""Options several commands share, spelled once, and the checks of how they combine."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

import typer

from mre_core.cli.output import Format
from mre_core.cli.state import CliState


class Depth(StrEnum):
    none = "none"
    laps_full = "laps_full"


class DeepDepth(StrEnum):
    laps_full = "laps_full"


def state(ctx: typer.Context) -> CliState:
    """The CliState the top-level callback stored."""
    return ctx.find_root().obj


SOURCE_HELP = "Only this source's tracks or events (a connector name, e.g. liverc)."
SOURCE_OPTION = typer.Option(None, "--source", metavar="SOURCE", help=SOURCE_HELP)

TRACK_HELP = "The track: its slug (e.g. canberraoffroad) or id:N for mre's internal id."
EVENT_HELP = "The event: the source's event id (e.g. 486677) or id:N for mre's internal id."

# Declared once, used by `mre events ...` and by the seed's `mre ingest ...` spellings.
TRACK_OPTION = typer.Option(..., "--track-id", metavar="TRACK", help=TRACK_HELP)
EVENT_OPTION = typer.Option(..., "--event", "--event-id", metavar="EVENT", help=EVENT_HELP)
DEPTH_OPTION = typer.Option(
    Depth.none,
    "--depth",
    metavar="DEPTH",
    help="none: the event list only (the default). laps_full: then deep-ingest events.",
)
NEW_ONLY_OPTION = typer.Option(
    None,
    "--ingest-new-only/--ingest-all",
    help="With --depth laps_full: deep-ingest only the events this run created "
    "(--ingest-new-only, the default) or every listed event (--ingest-all).",
)
# Deep ingestion is always whole: the option is kept, hidden, only so that the seed's
# spelling `ingest-event --event-id N --depth laps_full` still runs.
DEEP_DEPTH_OPTION = typer.Option(DeepDepth.laps_full, "--depth", metavar="DEPTH", hidden=True)
FORCE_OPTION = typer.Option(
    False,
    "--force",
    help="Fetch again even if already laps_full (only race pages that changed are parsed).",
)


def ingest_all(ctx: typer.Context, depth: Depth, ingest_new_only: bool | None) -> bool:
    """--ingest-all (or --ingest-new-only) only means something with --depth laps_full."""
    if ingest_new_only is not None and depth is not Depth.laps_full:
        given = "--ingest-new-only" if ingest_new_only else "--ingest-all"
        raise typer.BadParameter(
            "only with --depth laps_full (without it no event is ingested)",
            ctx=ctx,
            param_hint=f"'{given}'",
        )
    return ingest_new_only is False


DETACH_OPTION = typer.Option(
    False,
    "--detach",
    help="Queue it for a worker (`mre worker`) and print RUN_ID STATUS at once: STATUS is "
    "queued, in_progress (a run of the same target was already queued or running: its id) "
    "or already_complete.",
)
JSON_REPORT_OPTION = typer.Option(
    False, "--json", help="Print JSON: the report, or with --detach {run_id, status}."
)

# For commands that run now and have no --detach.
REPORT_JSON_OPTION = typer.Option(False, "--json", help="Print the report as JSON.")

FORMAT_OPTION = typer.Option(
    None,
    "--format",
    metavar="FORMAT",
    help="table (the default: for people; piped, every value in full), tsv or csv "
    "(a header row, then one row per record), or json (every field).",
)
JSON_OPTION = typer.Option(False, "--json", help="Same as --format json.")


def output_format(ctx: typer.Context, chosen: Format | None, as_json: bool) -> Format:
    """--format, with --json as its alias; the two disagreeing is a usage error."""
    if as_json and chosen not in (None, Format.json):
        raise typer.BadParameter(
            f"{chosen.value!r} disagrees with --json (give one of them)",
            ctx=ctx,
            param_hint="'--format'",
        )
    return Format.json if as_json else chosen or Format.table


def in_range(low: float, high: float | None = None) -> Callable[[float | None], float | None]:
    """A check for a number option, saying its bounds in words (help says them too)."""

    def check(value: float | None) -> float | None:
        if value is None:
            return None
        if not low <= value or (high is not None and value > high):  # nan is neither
            bounds = f"at least {low:g}" if high is None else f"from {low:g} to {high:g}"
            raise typer.BadParameter(f"must be {bounds}, not {value:g}")
        return value

    return check
