"""Measurement 2, write: laps per second that deep ingestion writes, beside executemany's floor.

Measured: a deep ingestion of the large event through the service, with
the memory connector (records parsed beforehand), into a fresh database;
laps divided by the wall time of `ingest_event`. That time holds everything
deep ingestion writes for those laps: the run record and lock, the entry
list and its drivers, then per race (one transaction each) the race, its
drivers, results and laps, and the event marked last.

Floor: the very rows that ingestion left in the data tables (drivers,
entries, races, race drivers, results, laps), read back and inserted again
into a fresh database of mre's schema with sqlite3's `executemany`, one
statement per table, in one transaction, with mre's own pragmas (WAL,
synchronous=NORMAL, foreign keys on). No work of the writer's own (reading
what exists, comparing, deciding ids) is in it, so it is a floor no writer
can beat. A second floor times the laps alone, their parents already there.
On PostgreSQL the floor uses psycopg's `executemany` (pipelined) instead.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.databases import (
    DATA_TABLES,
    PARENTS,
    is_postgres,
    postgres_schema,
    sqlite_path,
    sqlite_url,
)
from bench.inputs import Inputs
from bench.measure import median, seconds
from bench.memory_connector import SOURCE, MemoryConnector
from mre_core import IngestionService
from mre_core.records import TrackRecord
from mre_core.settings import Settings
from mre_core.storage import open_database
from mre_core.storage.database import SQLITE_PRAGMAS
from mre_liverc.pages.entry_list import parse_entry_list
from mre_liverc.pages.event_hub import parse_event_races
from mre_liverc.pages.race_result import parse_race_result
from mre_liverc.pages.track_events import parse_track_events
from tests.liverc_site import entry_list_url, event_url, events_url

Rows = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


@dataclass(frozen=True, slots=True)
class WriteResult:
    database: str
    laps: int
    rows: int
    seconds: float
    floor_seconds: float
    laps_floor_seconds: float

    @property
    def laps_per_s(self) -> float:
        return self.laps / self.seconds

    @property
    def floor_laps_per_s(self) -> float:
        return self.laps / self.floor_seconds

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor_seconds

    @property
    def laps_only_ratio(self) -> float:
        return self.seconds / self.laps_floor_seconds


def connector_for(inputs: Inputs) -> MemoryConnector:
    """The LiveRC connector's records for the event, parsed once from the generated pages."""
    pages, slug, event_id = inputs.pages, inputs.track_slug, int(inputs.event_id)
    track = inputs.site.tracks[0]
    text = {url: pages[url].decode("utf-8") for url in inputs.event_page_urls()}
    races = parse_event_races(text[event_url(slug, event_id)], event_url(slug, event_id), slug)
    details = {}
    for race, url in zip(races, inputs.race_urls, strict=True):
        details[race.source_race_id] = parse_race_result(text[url], url, race.source_race_id)
    return MemoryConnector(
        track=TrackRecord(
            source_track_slug=slug,
            track_name=track.name,
            track_url=f"https://{slug}.liverc.com/",
            events_url=events_url(slug),
        ),
        events=parse_track_events(pages[events_url(slug)].decode(), events_url(slug), slug),
        entries=parse_entry_list(
            text[entry_list_url(slug, event_id)], entry_list_url(slug, event_id)
        ),
        races=races,
        details=details,
    )


def run(inputs: Inputs, postgres: str | None, repeat: int) -> WriteResult:
    connector = connector_for(inputs)
    with tempfile.TemporaryDirectory(prefix="mre-bench-write-") as folder:
        spent = []
        for n in range(repeat):
            if postgres:
                with postgres_schema(postgres) as url:
                    spent.append(_ingest(connector, inputs, url))
                    rows = _dump(url)
            else:
                url = sqlite_url(Path(folder), f"write-{n}.db")
                spent.append(_ingest(connector, inputs, url))
                rows = _dump(url)
        floors, laps_floors = [], []
        for n in range(repeat):
            floors.append(_floor(rows, DATA_TABLES, postgres, Path(folder), f"floor-{n}.db"))
            laps_floors.append(_floor(rows, ("laps",), postgres, Path(folder), f"laps-{n}.db"))
    return WriteResult(
        database="postgresql" if postgres else "sqlite",
        laps=len(rows["laps"][1]),
        rows=sum(len(rows[table][1]) for table in DATA_TABLES),
        seconds=median(spent),
        floor_seconds=median(floors),
        laps_floor_seconds=median(laps_floors),
    )


def _ingest(connector: MemoryConnector, inputs: Inputs, url: str) -> float:
    settings = Settings(database_url=url, http_concurrency=1)
    with IngestionService.open(settings=settings, registry=connector.registry()) as service:
        service.sync_tracks(SOURCE)
        service.refresh_events(inputs.track_slug, source=SOURCE)
        start = time.perf_counter()
        report = service.ingest_event(inputs.event_id, source=SOURCE)
        spent = time.perf_counter() - start
    laps = report.counts.table("laps").new
    if laps != inputs.laps:
        raise RuntimeError(f"the write measurement stored {laps} laps, not {inputs.laps}")
    return spent


def _connect(url: str) -> Any:
    if is_postgres(url):
        import psycopg

        return psycopg.connect(url)
    return sqlite3.connect(sqlite_path(url), isolation_level=None)


def _dump(url: str) -> Rows:
    """Every row of the tables deep ingestion writes (and their parents), by table."""
    connection = _connect(url)
    try:
        rows: Rows = {}
        for table in (*PARENTS, *DATA_TABLES):
            cursor = connection.cursor()
            # An entry-list driver refers to the real driver it was merged into, a later
            # row: the real ones go first, so the floor's foreign keys hold as mre's do.
            order = '"merged_into_id" IS NOT NULL, id' if table == "drivers" else "id"
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY {order}')
            rows[table] = ([d[0] for d in cursor.description], cursor.fetchall())
        return rows
    finally:
        connection.close()


def _floor(
    rows: Rows, timed: tuple[str, ...], postgres: str | None, folder: Path, name: str
) -> float:
    """Seconds to insert the `timed` tables' rows in one transaction; the rest goes in untimed."""
    untimed = [t for t in (*PARENTS, *DATA_TABLES) if t not in timed]
    if postgres:
        with postgres_schema(postgres) as url:
            open_database(url).close()
            return _insert_postgres(url, rows, untimed, timed)
    url = sqlite_url(folder, name)
    open_database(url).close()
    return _insert_sqlite(url, rows, untimed, timed)


def _insert_sqlite(url: str, rows: Rows, untimed: list[str], timed: tuple[str, ...]) -> float:
    connection = sqlite3.connect(sqlite_path(url), isolation_level=None)
    for pragma, value in SQLITE_PRAGMAS.items():
        connection.execute(f"PRAGMA {pragma} = {value}")

    def insert(tables: Any) -> None:
        connection.execute("BEGIN")
        for table in tables:
            columns, values = rows[table]
            marks = ", ".join("?" * len(columns))
            names = ", ".join(f'"{c}"' for c in columns)
            connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
        connection.execute("COMMIT")

    try:
        insert(untimed)
        return seconds(lambda: insert(timed))[0]
    finally:
        connection.close()


def _insert_postgres(url: str, rows: Rows, untimed: list[str], timed: tuple[str, ...]) -> float:
    connection = _connect(url)

    def insert(tables: Any) -> None:
        with connection.cursor() as cursor:
            for table in tables:
                columns, values = rows[table]
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join(["%s"] * len(columns))
                sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
                cursor.executemany(sql, values)  # psycopg 3: pipelined, one round trip
        connection.commit()

    try:
        insert(untimed)
        return seconds(lambda: insert(timed))[0]
    finally:
        connection.close()
