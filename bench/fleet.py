"""`python -m bench.fleet`: a fleet of workers, polite and flat out.

1. **Polite** (mre's default limits: 2 requests in flight per site, starts
   0.5 s apart; the simulator answers after 100 ms): 1, 2 and 4 worker
   processes ingest 12 queued events. The limits are shared by the whole
   fleet, so more workers must not go faster than one process may: each
   wall time is set beside the least time the limits allow for the
   requests made (`bound_s`), and must be within 10% above it and never
   under it (under it, the fleet was impolite).
2. **Flat out** (limits lifted, no latency, on loopback): events per minute
   for 1, 2 and 4 workers, on SQLite and on PostgreSQL when a server
   answers: the fleet should scale until the machine's 2 cores are busy.

Workers are real `mre worker --until-idle` processes; the events are
submitted as jobs first (`IngestionService.submit_event_ingest`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.databases import find_postgres, fresh_database
from bench.measure import ROOT
from mre_core import IngestionService
from mre_core.settings import Settings
from tests.liverc_site import LiveRCSimulator, SitePages, generate_site

EVENTS = 12
LATENCY_S = 0.1
INTERVAL_S = 0.5
CONCURRENCY = 2
WORKERS = (1, 2, 4)
POLITE_MARGIN = 0.10  # the fleet's wall time may exceed the bound by this share, not more


@dataclass(frozen=True, slots=True)
class FleetRun:
    database: str
    workers: int
    polite: bool
    events: int
    requests: int
    wall_s: float
    bound_s: float | None  # polite runs: the least time the limits allow

    @property
    def events_per_minute(self) -> float:
        return 60 * self.events / self.wall_s

    @property
    def verdict(self) -> str:
        if self.bound_s is None:
            return ""
        if self.wall_s < self.bound_s:
            return "IMPOLITE (under the bound)"
        within = self.wall_s <= self.bound_s * (1 + POLITE_MARGIN)
        return "ok" if within else f"slow (> bound + {POLITE_MARGIN:.0%})"


def polite_bound(requests: int) -> float:
    """The earliest `requests` requests can all have answered under the shared limits.

    Starts are at least INTERVAL_S apart across the whole fleet; with
    LATENCY_S <= CONCURRENCY * INTERVAL_S the in-flight cap never binds, and
    each event's chain (entry list, event page, races) only waits for an
    answer (100 ms) shorter than the interval, so: (R - 1) * i + L.
    """
    return (requests - 1) * INTERVAL_S + LATENCY_S


def run(database: str, url: str, workers: int, polite: bool, site, sim) -> FleetRun:  # type: ignore[no-untyped-def]
    settings = Settings(
        database_url=url,
        http_resolve=f"*.liverc.com=127.0.0.1:{sim.port}",
        http_min_interval_s=0.0,
    )
    events = [e for t in site.tracks for e in t.events if e.races][:EVENTS]
    sim.latency = 0.0
    with IngestionService.open(settings=settings) as service:
        service.sync_tracks("liverc")
        for track in site.tracks:
            service.refresh_events(track.slug.lower())
        for event in events:
            service.submit_event_ingest(str(event.event_id))
    sim.latency = LATENCY_S if polite else 0.0
    sim.clear_requests()
    env = {
        **os.environ,
        "MRE_DATABASE_URL": url,
        "MRE_HTTP_RESOLVE": settings.http_resolve,
        "MRE_HTTP_MIN_INTERVAL_S": str(INTERVAL_S if polite else 0),
        "MRE_HTTP_CONCURRENCY": str(CONCURRENCY if polite else 16),
    }
    start = time.perf_counter()
    fleet = [
        subprocess.Popen(
            [sys.executable, "-m", "mre_core", "-q", "worker", "--until-idle"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(workers)
    ]
    errors = [p.communicate()[1] for p in fleet]
    wall = time.perf_counter() - start
    if any(p.returncode for p in fleet):
        raise RuntimeError(f"a worker failed: {errors}")
    _check_all_ingested(settings, events)
    requests = len(sim.requests)
    return FleetRun(
        database,
        workers,
        polite,
        len(events),
        requests,
        wall,
        polite_bound(requests) if polite else None,
    )


def _check_all_ingested(settings: Settings, events: list) -> None:  # type: ignore[type-arg]
    """A worker exits 0 with --until-idle whatever its jobs' outcomes: a fleet whose
    jobs failed fast would look fast. Every submitted ingest must have succeeded."""
    with IngestionService.open(settings=settings) as service:
        runs = [r for r in service.list_runs(limit=1000) if r["operation"] == "ingest_event"]
    done = {r["target"] for r in runs if r["status"] == "succeeded"}
    missing = {str(e.event_id) for e in events} - done
    if missing:
        failed = [r for r in runs if r["status"] != "succeeded"][:3]
        detail = "; ".join(f"run {r['id']} {r['status']}: {r['error_message']}" for r in failed)
        raise RuntimeError(f"{len(missing)} events not ingested: {detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fleet", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--postgres", metavar="URL", help="PostgreSQL server to measure too")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args(argv)
    postgres = None if args.no_postgres else find_postgres(args.postgres)
    site = generate_site(
        5, tracks=2, events_per_track=8, races=6, drivers_per_race=8, laps_per_race=10
    )
    results: list[FleetRun] = []
    with tempfile.TemporaryDirectory() as tmp, LiveRCSimulator(SitePages(site)) as sim:
        plans = [("sqlite", None, True, n) for n in WORKERS]
        plans += [("sqlite", None, False, n) for n in WORKERS]
        if postgres:
            plans += [("postgresql", postgres, False, n) for n in WORKERS]
        for database, server, polite, workers in plans:
            mode = "polite" if polite else "flat out"
            print(f"{database}, {workers} workers, {mode}...", file=sys.stderr)
            with fresh_database(Path(tmp), "fleet", server) as url:
                results.append(run(database, url, workers, polite, site, sim))
    if args.json:
        rows = [{**asdict(r), "verdict": r.verdict, "per_minute": r.events_per_minute}
                for r in results]  # fmt: skip
        print(json.dumps(rows, indent=2))
        return 0
    print("database    workers  mode      events  requests  wall s  bound s  events/min  verdict")
    for r in results:
        bound = f"{r.bound_s:7.1f}" if r.bound_s is not None else "      -"
        print(
            f"{r.database:<11} {r.workers:>7}  {'polite' if r.polite else 'flat out':<8}  "
            f"{r.events:>6}  {r.requests:>8}  {r.wall_s:6.1f}  {bound}  "
            f"{r.events_per_minute:10.1f}  {r.verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
