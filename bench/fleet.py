"""`python -m bench.fleet`: a fleet of workers, polite and flat out.

1. **Polite** (mre's default limits: 2 requests in flight per site, starts
   0.5 s apart; the simulator answers after 100 ms): 1, 2 and 4 worker
   processes ingest 12 queued events. The limits are shared by the whole
   fleet, so more workers must not go faster than one process may. The
   requests' span (first arrival to last answer, as the simulator saw them)
   must never be under what the limits allow (`requests_bound_s`: under it,
   the fleet was impolite); the wall time must be within 10% above the
   least a fleet can take (`bound_s`): that span plus the start and exit of
   one worker process that finds nothing to do, measured in the same run
   (`process_floor_s`), since no fleet can start its first request before a
   process is up.
2. **Flat out** (limits lifted, no latency, on loopback): 48 events; events
   per minute for 1, 2 and 4 workers, on the wall clock and once working
   (first request to last answer), on SQLite and on PostgreSQL when a
   server answers, with the share of the machine's CPUs busy meanwhile: the
   fleet should scale until the machine's 2 cores are busy.

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

EVENTS = 12  # polite: 96 requests, about 50 s at the default limits
FLAT_OUT_EVENTS = 48  # flat out: enough work that starting the processes is not all of it
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
    first_request_s: float  # from launching the fleet to the first request
    span_s: float  # first request's arrival to the last one's answer
    process_floor_s: float  # one worker process finding nothing to do: start to exit
    machine_busy: float  # share of all CPUs' time busy during the fleet's run (any process)
    requests_bound_s: float | None  # polite runs: the least span the limits allow

    @property
    def bound_s(self) -> float | None:
        """The least wall time: an idle worker's start and exit, then the requests."""
        if self.requests_bound_s is None:
            return None
        return self.process_floor_s + self.requests_bound_s

    @property
    def events_per_minute(self) -> float:
        return 60 * self.events / self.wall_s

    @property
    def events_per_minute_working(self) -> float:
        """Once the workers are up: from the first request to the last answer."""
        return 60 * self.events / self.span_s

    @property
    def verdict(self) -> str:
        if self.bound_s is None or self.requests_bound_s is None:
            return ""
        if self.span_s < self.requests_bound_s:
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
    events = [e for t in site.tracks for e in t.events if e.races]
    events = events[: EVENTS if polite else FLAT_OUT_EVENTS]
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
    launched = time.time()
    before = _cpu_times()
    wall = _fleet(workers, env)
    busy = _busy_share(before, _cpu_times())
    _check_all_ingested(settings, events)
    seen = sim.requests
    first, last = seen[0].time, seen[-1].time + (LATENCY_S if polite else 0.0)
    return FleetRun(
        database,
        workers,
        polite,
        len(events),
        len(seen),
        wall,
        first - launched,
        last - first,
        _fleet(1, env),  # the queue is empty now: start, find nothing, exit
        busy,
        polite_bound(len(seen)) if polite else None,
    )


def _cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs: /proc/stat's first line (idle and iowait
    are not busy). Whether a fleet could go faster depends on every process on the
    machine (the simulator, PostgreSQL's backends, anything else), so all count."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def _busy_share(before: tuple[int, int], after: tuple[int, int]) -> float:
    total = after[1] - before[1]
    return (after[0] - before[0]) / total if total else 0.0


def _fleet(workers: int, env: dict[str, str]) -> float:
    """Seconds from launching `workers` `mre worker --until-idle` processes to the last
    one's exit."""
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
    if any(p.returncode for p in fleet):
        raise RuntimeError(f"a worker failed: {errors}")
    return time.perf_counter() - start


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
        5, tracks=4, events_per_track=12, races=6, drivers_per_race=8, laps_per_race=10
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
        rows = [{**asdict(r), "bound_s": r.bound_s, "verdict": r.verdict,
                 "per_minute": r.events_per_minute,
                 "per_minute_working": r.events_per_minute_working} for r in results]  # fmt: skip
        print(json.dumps(rows, indent=2))
        return 0
    print(
        "database    workers  mode      events  requests  wall s  1st req s  span s  "
        "idle worker s  bound s  wall/bound  events/min  working/min  CPUs busy  verdict"
    )
    for r in results:
        bound = f"{r.bound_s:7.1f}" if r.bound_s is not None else "      -"
        ratio = f"{r.wall_s / r.bound_s:10.3f}" if r.bound_s is not None else "         -"
        print(
            f"{r.database:<11} {r.workers:>7}  {'polite' if r.polite else 'flat out':<8}  "
            f"{r.events:>6}  {r.requests:>8}  {r.wall_s:6.1f}  {r.first_request_s:9.1f}  "
            f"{r.span_s:6.1f}  {r.process_floor_s:13.1f}  {bound}  {ratio}  "
            f"{r.events_per_minute:10.1f}  {r.events_per_minute_working:11.1f}  "
            f"{r.machine_busy:9.0%}  {r.verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
