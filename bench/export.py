"""`python -m bench.export [--quick] [--json]`: exporting a 40,000-lap event, beside its floor.

The benchmark's large event (120 races, 40,314 laps: bench.inputs FULL) is
deep-ingested through the service from records parsed beforehand (the
write measurement's in-memory connector: no HTTP), then exported whole as
it is asked for, `export laps --event E` to a file, in each format. The
floor is the same rows read in the same run by the very SQL the export
runs, sent straight to the database through its driver (sqlite3 or
psycopg) and fetched whole: what any export must at least spend. Both are
medians of repeated runs.

Target (issue 13): under 2 s for the event, in each format; the ratio to
the floor says what typing and writing the rows cost.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.databases import find_postgres, fresh_database, is_postgres, sqlite_path
from bench.inputs import FULL, QUICK, build
from bench.measure import Progress, median
from bench.memory_connector import SOURCE
from bench.write import connector_for
from mre_core import IngestionService
from mre_core.export import EXPORTS, Scope, export
from mre_core.export.stream import query
from mre_core.logs import configure
from mre_core.settings import Settings
from mre_core.storage import use_database
from mre_core.storage.models import Event

TARGET_S = 2.0
FORMATS = ("csv", "jsonl", "parquet")


@dataclass(frozen=True, slots=True)
class Reading:
    database: str
    format: str
    rows: int
    seconds: float  # median of the export, to a file
    floor_seconds: float  # median of the same SELECT through the driver, fetched whole
    mb: float  # the file's size

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor_seconds


def _floor(url: str, sql: str, params: list, rows: int) -> float:
    if is_postgres(url):
        import psycopg

        connection = psycopg.connect(url)
    else:
        connection = sqlite3.connect(sqlite_path(url))
    try:
        start = time.perf_counter()
        fetched = connection.execute(sql, params).fetchall()
        spent = time.perf_counter() - start
    finally:
        connection.close()
    if len(fetched) != rows:
        raise RuntimeError(f"the floor read {len(fetched)} rows, the export {rows}")
    return spent


def measure(url: str, inputs, folder: Path, repeat: int) -> list[Reading]:  # type: ignore[no-untyped-def]
    connector = connector_for(inputs)
    settings = Settings(database_url=url, http_concurrency=1)
    readings = []
    with IngestionService.open(settings=settings, registry=connector.registry()) as service:
        service.sync_tracks(SOURCE)
        service.refresh_events(inputs.track_slug, source=SOURCE)
        service.ingest_event(inputs.event_id, source=SOURCE)
        with use_database(service.db) as db:
            event = Event.get(Event.source_event_id == inputs.event_id).id
            sql, params = query(EXPORTS["laps"], Scope(event=event), db)
        # psycopg takes %s as the export's SQL has it; sqlite3 takes ?.
        for fmt in FORMATS:
            target = folder / f"laps.{fmt}"
            spent, floors, rows = [], [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                report = export(service, "laps", fmt, target, event=inputs.event_id, source=SOURCE)
                spent.append(time.perf_counter() - start)
                rows = report.rows
                floors.append(_floor(url, sql, params, rows))
            if rows != inputs.laps:
                raise RuntimeError(f"exported {rows} laps, not {inputs.laps}")
            readings.append(
                Reading(
                    database="postgresql" if is_postgres(url) else "sqlite",
                    format=fmt,
                    rows=rows,
                    seconds=median(spent),
                    floor_seconds=median(floors),
                    mb=target.stat().st_size / 1e6,
                )
            )
    return readings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.export", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small event")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (medians are kept)")
    parser.add_argument("--postgres", metavar="URL", help="PostgreSQL server to measure too")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args(argv)
    configure(level="WARNING")
    say = Progress()
    size = QUICK if args.quick else FULL
    say(f"generating the {size.name}-size event")
    inputs = build(size)
    say(f"{inputs.races} races, {inputs.laps:,} laps")
    postgres = None if args.no_postgres else find_postgres(args.postgres)
    readings: list[Reading] = []
    with tempfile.TemporaryDirectory(prefix="mre-bench-export-") as name:
        folder = Path(name)
        for server in (None, postgres) if postgres else (None,):
            say(f"export, {'PostgreSQL' if server else 'SQLite'}")
            with fresh_database(folder, "export", server) as url:
                readings += measure(url, inputs, folder, args.repeat)
    if args.json:
        shown = [{**asdict(r), "ratio": r.ratio} for r in readings]
        print(json.dumps({"target_s": TARGET_S, "readings": shown}, indent=2))
    else:
        print(f"export laps --event E ({inputs.laps:,} laps), median of {args.repeat}")
        print(f"{'database':<11}{'format':<9}{'s':>7}{'floor s':>9}{'ratio':>7}{'MB':>7}  target")
        for r in readings:
            ok = "ok" if r.seconds < TARGET_S else f"over {TARGET_S:g} s"
            print(
                f"{r.database:<11}{r.format:<9}{r.seconds:>7.3f}{r.floor_seconds:>9.3f}"
                f"{r.ratio:>7.1f}{r.mb:>7.1f}  {ok}"
            )
    return 0 if all(r.seconds < TARGET_S for r in readings) else 1


if __name__ == "__main__":
    sys.exit(main())
