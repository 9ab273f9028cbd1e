"""Measurement 3, replay: the same event served from a vcrpy cassette instead of the simulator.

The cassette is recorded once with mre's own `--record` machinery (track
sync, event sync, deep ingestion of the large event: 124 pages, about
24 MB of YAML). Then, in a fresh process: the time to load it (what
`--replay` costs before the first request) and the time of the deep
ingestion served from it. Loading must not take longer than the ingestion.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.measure import clock, run_child
from mre_core import IngestionService
from mre_core.http.cassette import Cassette
from mre_core.settings import Settings


@dataclass(frozen=True, slots=True)
class ReplayResult:
    cassette_mb: float
    load_s: float
    ingest_s: float
    ingest_cpu_s: float
    requests: int


def run(
    record_url: str,
    replay_url: str,
    resolve: str,
    cassette: Path,
    track_slug: str,
    event_id: str,
) -> ReplayResult:
    common = {"cassette": str(cassette), "track_slug": track_slug, "event_id": event_id}
    run_child(
        "replay", {**common, "mode": "record", "database_url": record_url, "resolve": resolve}
    )
    result = run_child("replay", {**common, "mode": "replay", "database_url": replay_url})
    return ReplayResult(cassette_mb=cassette.stat().st_size / 2**20, **result)


def in_child(spec: dict[str, Any]) -> dict[str, Any]:
    if spec["mode"] == "record":
        settings = Settings(
            database_url=spec["database_url"],
            http_resolve=spec["resolve"],
            http_min_interval_s=0.0,
        )
        cassette = Cassette(spec["cassette"], "record")
        with IngestionService.open(settings=settings, cassette=cassette) as service:
            _sync_and_ingest(service, spec)
        return {}
    settings = Settings(database_url=spec["database_url"])
    # Loading is reading and checking the cassette, and vcrpy taking it over
    # when the service opens: the opening itself (database, connectors, HTTP
    # client) is timed without a cassette first, and left out.
    with clock() as plain:
        IngestionService.open(settings=settings).close()
    with clock() as read:
        cassette = Cassette(spec["cassette"], "replay")
    with clock() as opened:
        service = IngestionService.open(settings=settings, cassette=cassette)
    with service:
        service.sync_tracks("liverc")
        service.refresh_events(spec["track_slug"])
        with clock() as ingest:
            report = service.ingest_event(spec["event_id"])
    return {
        "load_s": read.wall_s + max(0.0, opened.wall_s - plain.wall_s),
        "ingest_s": ingest.wall_s,
        "ingest_cpu_s": ingest.cpu_s,
        "requests": report.requests,
    }


def _sync_and_ingest(service: IngestionService, spec: dict[str, Any]) -> None:
    service.sync_tracks("liverc")
    service.refresh_events(spec["track_slug"])
    service.ingest_event(spec["event_id"])
