"""Measurement 7: the large event over a slow link, with the default politeness limits.

The simulator holds every answer back by 100 ms; mre runs with its
defaults (2 requests in flight per site, starts at least 0.5 s apart). The
wall time of the deep ingestion is set beside the least time those limits
allow, `lower_bound`: how close mre comes to the schedule the rules permit
shows whether it wastes any of it (by parsing or writing in the way of the
next request, say). The bound counts races + 2 requests, so the verdict
also requires the run to have made exactly that many (`bench/report.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench.measure import clock, run_child
from mre_core import IngestionService
from mre_core.settings import Settings

LATENCY_S = 0.1


def lower_bound(races: int, latency_s: float, concurrency: int, interval_s: float) -> float:
    """The earliest a deep ingestion of `races` race pages can end under the limits.

    Requests are the entry list, the event page, then the R race pages, each
    answered `latency_s` (L) after it starts; at most `concurrency` (c) are
    in flight and starts are at least `interval_s` (i) apart. Start times:

        s1 = 0                            the entry list
        s2 = s1 + max(i, L)               the event page needs the entry list's answer
        s3 = s2 + max(i, L)               the first race page needs the event page's
        sk = max(s(k-1) + i, s(k-c) + L)  race pages, pipelined: the interval, and a
                                          free slot (the request c back has finished)
        end = s(R+2) + L

    While L <= c*i the slots never bind and this is
    2*max(i, L) + (R - 1)*i + L; with mre's defaults (i = 0.5 s, c = 2) and
    L = 0.1 s, a 120-race event cannot take less than 60.6 s.
    """
    step = max(interval_s, latency_s)
    starts = [0.0, step]
    for k in range(races):
        start = starts[-1] + (step if k == 0 else interval_s)
        if len(starts) >= concurrency:
            start = max(start, starts[-concurrency] + latency_s)
        starts.append(start)
    return starts[-1] + latency_s


@dataclass(frozen=True, slots=True)
class LatencyResult:
    latency_s: float
    concurrency: int
    interval_s: float
    wall_s: float
    bound_s: float
    requests: int

    @property
    def ratio(self) -> float:
        return self.wall_s / self.bound_s


def run(
    database_url: str, resolve: str, track_slug: str, event_id: str, races: int
) -> LatencyResult:
    spec = {
        "database_url": database_url,
        "resolve": resolve,
        "track_slug": track_slug,
        "event_id": event_id,
    }
    child = run_child("latency", spec)
    bound = lower_bound(races, LATENCY_S, child["concurrency"], child["interval_s"])
    return LatencyResult(latency_s=LATENCY_S, bound_s=bound, **child)


def in_child(spec: dict[str, Any]) -> dict[str, Any]:
    # The track and the event must be known first; that part is not timed.
    quick = Settings(
        database_url=spec["database_url"], http_resolve=spec["resolve"], http_min_interval_s=0.0
    )
    with IngestionService.open(settings=quick) as service:
        service.sync_tracks("liverc")
        service.refresh_events(spec["track_slug"])
    # A new service, so a new client: no gate remembers the requests above.
    polite = Settings(database_url=spec["database_url"], http_resolve=spec["resolve"])
    with IngestionService.open(settings=polite) as service, clock() as ingest:
        report = service.ingest_event(spec["event_id"])
    return {
        "concurrency": polite.http_concurrency,
        "interval_s": polite.http_min_interval_s,
        "wall_s": ingest.wall_s,
        "requests": report.requests,
    }
