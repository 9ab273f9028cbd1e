"""Embedding mre in an app: the three operations through the Python API.

Replays the bundled synthetic cassette, so it runs offline:

    python examples/embed.py [sqlite:///somewhere.db]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from mre_core import IngestionService
from mre_core.http.cassette import Cassette

CASSETTE = Path(__file__).resolve().parent.parent / "cassettes" / "demo.yaml"


def main(database_url: str) -> None:
    with IngestionService.open(database_url, cassette=Cassette(CASSETTE, "replay")) as mre:
        mre.sync_tracks()  # every installed catalogue: LiveRC's here
        mre.refresh_events("quickanddirtyrcandhobby")
        report = mre.ingest_event("413880")
        print(f"{report.status}: {report.requests} requests, {report.counts.written} rows written")
        for race in mre.event_detail("413880")["races"]:
            winner = race["results"][0]
            print(f"{race['label']}: {winner['driver']} {winner['total_time_raw']}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{tempfile.mkdtemp()}/embed.db")
