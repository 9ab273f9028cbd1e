"""Options several commands share, spelled once."""

from __future__ import annotations

from enum import StrEnum

import typer


class Depth(StrEnum):
    none = "none"
    laps_full = "laps_full"


class DeepDepth(StrEnum):
    laps_full = "laps_full"


def state(ctx: typer.Context):  # type: ignore[no-untyped-def]
    """The CliState the top-level callback stored."""
    return ctx.find_root().obj


SOURCE_HELP = "Only this source's tracks or events (a connector name, e.g. liverc)."
INGEST_ALL_HELP = (
    "With --depth laps_full: deep-ingest only the events this run created "
    "(--ingest-new-only, the default) or every listed event (--ingest-all)."
)

TRACK_HELP = "The track: its slug (e.g. canberraoffroad) or id:N for mre's internal id."
EVENT_HELP = "The event: the source's event id (e.g. 486677) or id:N for mre's internal id."

# Declared once, used by `mre events ...` and by the seed's `mre ingest ...` spellings.
TRACK_OPTION = typer.Option(..., "--track-id", help=TRACK_HELP)
DEPTH_OPTION = typer.Option(
    Depth.none, "--depth", help="none: the event list only. laps_full: then deep-ingest."
)
NEW_ONLY_OPTION = typer.Option(True, "--ingest-new-only/--ingest-all", help=INGEST_ALL_HELP)
DEEP_DEPTH_OPTION = typer.Option(
    DeepDepth.laps_full, "--depth", help="Always laps_full: every race and lap."
)
FORCE_OPTION = typer.Option(
    False,
    "--force",
    help="Fetch again even if already laps_full (only race pages that changed are parsed).",
)


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
