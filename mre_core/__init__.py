"""mre: ingest RC race timing data into a database you own.

The public Python API for apps that embed mre (the CLI uses exactly this):

    from mre_core import IngestionService

    with IngestionService.open("sqlite:///races.db") as mre:
        mre.sync_tracks("liverc")
        mre.refresh_events("canberraoffroad", depth="none")
        report = mre.ingest_event("486677")
        print(report.counts)

Connector authors need `hookimpl` and the records in `mre_core.records`.
"""

__version__ = "0.1.0"

from mre_core.hookspecs import hookimpl

__all__ = ["__version__", "hookimpl"]
