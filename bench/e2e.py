"""Measurements 3 to 6: a deep ingestion end to end, its forced re-ingest, memory and requests.

In a child process of its own (so its CPU clock and peak memory are the
ingestion's alone), through the public service API exactly as an app
would: the track catalogue sync, then the event sync of the track, then
the deep ingestion of the large event from the loopback simulator, with no
added latency and the politeness limits lifted (no interval between
request starts, more requests in flight). Then the same event again with
`force=True`: every page fetched and parsed again, and nothing may be
written, since nothing changed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from bench.databases import DATA_TABLES
from bench.measure import clock, median, peak_rss_mb, rss_mb, run_child
from mre_core import IngestionService
from mre_core.settings import Settings


@dataclass(frozen=True, slots=True)
class E2EResult:
    database: str
    catalogue_wall_s: float
    catalogue_cpu_s: float
    catalogue_tracks: int
    wall_s: float
    cpu_s: float
    requests: int
    laps: int
    peak_rss_mb: float
    baseline_rss_mb: float
    reingest_s: float
    reingest_cpu_s: float
    reingest_rows_written: int
    reingest_requests: int
    tables_unchanged: bool
    fetch_s: float  # the event's pages through mre's HTTP client alone, one by one

    @property
    def reingest_ratio(self) -> float:
        return self.reingest_s / self.wall_s


def run(
    database_url: str,
    resolve: str,
    track_slug: str,
    event_id: str,
    concurrency: int,
    urls: list[str],
) -> E2EResult:
    spec = {
        "database_url": database_url,
        "resolve": resolve,
        "track_slug": track_slug,
        "event_id": event_id,
        "concurrency": concurrency,
        "urls": urls,
    }
    return E2EResult(**run_child("e2e", spec))


def in_child(spec: dict[str, Any]) -> dict[str, Any]:
    settings = Settings(
        database_url=spec["database_url"],
        http_resolve=spec["resolve"],
        http_min_interval_s=0.0,
        http_concurrency=spec["concurrency"],
    )
    baseline = rss_mb()  # the interpreter with mre imported
    with IngestionService.open(settings=settings) as service:
        with clock() as catalogue:
            tracks = service.sync_tracks("liverc")
        service.refresh_events(spec["track_slug"])
        with clock() as ingest:
            first = service.ingest_event(spec["event_id"])
        rss = peak_rss_mb()
        before = _fingerprint(service)
        with clock() as again:
            second = service.ingest_event(spec["event_id"], force=True)
        after = _fingerprint(service)
        # What a re-ingest costs at least while it fetches every page again.
        http = service.http.for_connector(service.registry.get("liverc").info)
        with clock() as fetched:
            for url in spec["urls"]:
                http.get(url)
    return {
        "database": "postgresql" if spec["database_url"].startswith("postgres") else "sqlite",
        "catalogue_wall_s": catalogue.wall_s,
        "catalogue_cpu_s": catalogue.cpu_s,
        "catalogue_tracks": tracks.counts.table("tracks").new,
        "wall_s": ingest.wall_s,
        "cpu_s": ingest.cpu_s,
        "requests": first.requests,
        "laps": first.counts.table("laps").new,
        "peak_rss_mb": rss,
        "baseline_rss_mb": baseline,
        "reingest_s": again.wall_s,
        "reingest_cpu_s": again.cpu_s,
        "reingest_rows_written": second.counts.written,
        "reingest_requests": second.requests,
        "tables_unchanged": before == after,
        "fetch_s": fetched.wall_s,
    }


def _fingerprint(service: IngestionService) -> str:
    """A digest of every row of the data tables: equal before and after means nothing changed.

    Not `tests.snapshot`: that one leaves ids out and replaces foreign keys by
    natural keys, to compare databases filled in different orders, so rows a
    re-ingest deleted and inserted again under new ids would pass it. Here the
    same database must be left as it was, ids included.
    """
    digest = hashlib.sha256()
    for table in DATA_TABLES:
        for row in service.db.execute_sql(f'SELECT * FROM "{table}" ORDER BY id'):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def summarise(runs: list[E2EResult]) -> E2EResult:
    """Medians of the times, the worst of everything else (memory, rows written, requests)."""

    def mid(name: str) -> float:
        return median([getattr(r, name) for r in runs])

    return E2EResult(
        database=runs[0].database,
        catalogue_wall_s=mid("catalogue_wall_s"),
        catalogue_cpu_s=mid("catalogue_cpu_s"),
        catalogue_tracks=runs[0].catalogue_tracks,
        wall_s=mid("wall_s"),
        cpu_s=mid("cpu_s"),
        requests=max(r.requests for r in runs),
        laps=runs[0].laps,
        peak_rss_mb=max(r.peak_rss_mb for r in runs),
        baseline_rss_mb=max(r.baseline_rss_mb for r in runs),
        reingest_s=mid("reingest_s"),
        reingest_cpu_s=mid("reingest_cpu_s"),
        reingest_rows_written=max(r.reingest_rows_written for r in runs),
        reingest_requests=max(r.reingest_requests for r in runs),
        tables_unchanged=all(r.tables_unchanged for r in runs),
        fetch_s=mid("fetch_s"),
    )
