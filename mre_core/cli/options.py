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
