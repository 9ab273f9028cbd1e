"""mre: ingest RC race timing data into a database you own.

The public Python API for apps that embed mre (the CLI uses exactly this):

    from mre_core import IngestionService

    with IngestionService.open("sqlite:///races.db") as mre:
        mre.sync_tracks()  # the installed catalogue (LiveRC's)
        mre.refresh_events("canberraoffroad", depth="none")
        report = mre.ingest_event("486677")
        print(report.counts)

Connector authors import `mre_core.connector` (the connector API) and nothing else.

Like any library that logs with loguru, mre stays silent until the app asks
for its logs: `logger.enable("mre_core")`. The CLI enables every logger.
"""

from typing import Any

from loguru import logger

# The one place the core's version is written (pyproject.toml reads it). While
# 0.x the MINOR number moves with the database schema (a new migration) and the
# connector contract: see CHANGELOG.md.
__version__ = "0.4.0"

from mre_core.hookspecs import hookimpl

logger.disable("mre_core")

__all__ = ["IngestionService", "__version__", "hookimpl"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the service pulls in the database and HTTP layers.
    if name == "IngestionService":
        from mre_core.service.ingestion import IngestionService

        return IngestionService
    raise AttributeError(f"module 'mre_core' has no attribute {name!r}")
