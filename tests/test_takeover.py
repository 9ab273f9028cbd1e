"""Processes sharing one database: different events at once, and a holder frozen past its TTL.

Real processes (`python -m mre_core`), on SQLite and PostgreSQL, against the
LiveRC simulator; every finished database is compared with a serial clean
run (tests.snapshot).
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from mre_core.errors import InProgressError
from mre_core.kit.snapshot import snapshot
from mre_core.service.ingestion import IngestionService
from mre_core.service.locks import Lock, LockLostError, event_lock_key
from mre_core.service.race_writer import write_race
from mre_core.storage import use_database
from mre_core.storage.models import IngestionRun, IngestLock, Race
from mre_core.timeutil import utcnow
from tests.conftest import fresh_database
from tests.liverc_site import LiveRCSimulator, SitePages, generate_site
from tests.test_processes import mre_process, wait_for


@pytest.fixture
def serial_url(db_url, tmp_path) -> Iterator[str]:
    """A second database of the same kind, for the serial clean run (value types differ
    between the two kinds, and snapshots sort rows by their text)."""
    kind = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    with fresh_database(kind, tmp_path, "serial.db") as url:
        yield url


@pytest.fixture
def season(db_url, serial_url) -> Iterator:
    """One track, four events whose drivers overlap; (site, simulator, settings, clean)."""
    site = generate_site(
        23, tracks=1, events_per_track=6, races=4, drivers_per_race=6, laps_per_race=5
    )
    with LiveRCSimulator(SitePages(site)) as sim:
        from mre_core.settings import Settings

        settings = Settings(
            database_url=db_url,
            http_resolve=f"*.liverc.com=127.0.0.1:{sim.port}",
            http_min_interval_s=0.0,
        )
        serial = replace(settings, database_url=serial_url)
        events = [e for e in site.tracks[0].events if e.races][:4]
        assert len(events) == 4
        for each in (settings, serial):
            with IngestionService.open(settings=each) as service:
                service.sync_tracks("liverc")
                service.refresh_events(site.tracks[0].slug.lower())
                if each is serial:
                    for event in events:
                        service.ingest_event(str(event.event_id))
                    with use_database(service.db):
                        clean = snapshot()
        yield site, sim, settings, clean, events


def test_four_processes_ingest_four_events_of_one_track_at_once(season):
    """Before: on PostgreSQL one of two failed every time (duplicate key, deadlock) from
    promoting a shared entry-list driver to its real id in two processes at once."""
    _, sim, settings, clean, events = season
    drivers = [{r.driver.driver_id for race in e.races for r in race.results} for e in events]
    assert set.intersection(*drivers[:2])  # they share drivers: the hard case

    sim.latency = 0.02  # long enough for the four to overlap
    children = [
        mre_process(settings, "events", "ingest", "--event", str(e.event_id)) for e in events
    ]
    ended = [c.communicate(timeout=120) for c in children]

    assert [c.returncode for c in children] == [0, 0, 0, 0], ended
    with IngestionService.open(settings=settings) as service, use_database(service.db):
        assert snapshot() == clean


def test_a_holder_frozen_past_its_ttl_and_taken_over_writes_nothing_when_it_wakes(season):
    """Before: on SQLite the woken process wrote stale results over the newer run's and
    marked its abandoned run succeeded; on PostgreSQL drivers ended merged into themselves."""
    _, sim, settings, clean, events = season
    event = events[0]
    # Its lock and heartbeat are silent past their TTL in 2 s; so is the slot of the site
    # that its request in flight holds (10 s by default), which the taker needs.
    short = {"MRE_LOCK_TTL_S": "2", "MRE_HTTP_SLOT_LEASE_S": "2"}
    sim.latency = 0.5  # the frozen one waits for pages, almost never inside a write
    frozen = mre_process(settings, "events", "ingest", "--event", str(event.event_id), **short)
    with IngestionService.open(settings=settings) as watcher, use_database(watcher.db):
        wait_for(lambda: Race.select().count() >= 1)
        _freeze_outside_a_transaction(frozen, settings.database_url)
        written = Race.select().count()
        time.sleep(2.5)  # past its TTL: neither its heartbeat nor its lock moved

        sim.latency = 0.0
        taker = mre_process(settings, "events", "ingest", "--event", str(event.event_id), **short)
        _, err = taker.communicate(timeout=60)
        assert taker.returncode == 0, err
        taken = snapshot()

        frozen.send_signal(signal.SIGCONT)  # wakes in the middle of its event
        _, err = frozen.communicate(timeout=60)
        assert frozen.returncode == 6, err
        assert "lost the lock on event" in err
        assert snapshot() == taken  # nothing of the woken one landed
        first = IngestionRun.get(IngestionRun.pid == frozen.pid)
        assert (first.status, first.error_code) == ("failed", "abandoned")  # not succeeded
        assert written < len(event.races)
        assert IngestLock.get().owner is None
        for other in events[1:]:
            watcher.ingest_event(str(other.event_id))
        assert snapshot() == clean


def _freeze_outside_a_transaction(process: subprocess.Popen, url: str) -> None:
    """SIGSTOP `process` at a moment it holds no open write transaction (else SQLite would
    stay locked, or PostgreSQL rows, until it wakes: a different test)."""
    for _ in range(100):
        process.send_signal(signal.SIGSTOP)
        if not _in_transaction(url):
            return
        process.send_signal(signal.SIGCONT)
        time.sleep(0.05)
    raise AssertionError("never caught the process outside a transaction")


def _in_transaction(url: str) -> bool:
    if url.startswith("sqlite"):
        probe = sqlite3.connect(url[len("sqlite:///") :], timeout=0.1, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            probe.close()
    import psycopg

    probe = psycopg.connect(url)
    try:
        cursor = probe.cursor()
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%%'"
        )
        (busy,) = cursor.fetchone()
        return busy > 0
    finally:
        probe.close()


def test_a_race_written_after_the_lock_was_taken_over_rolls_back_whole(season, db_url):
    """The fence, in one process: the last statement of a race's transaction finds the
    lock no longer this run's, and nothing of the race is kept."""
    _, _, settings, _, events = season
    event = events[0]
    with IngestionService.open(settings=settings) as service, use_database(service.db):
        from mre_core.service.event_drivers import EventDrivers
        from mre_core.storage.counts import Counts
        from mre_core.storage.models import Event

        stored = Event.get(Event.source_event_id == str(event.event_id))
        run = IngestionRun.create(
            operation="ingest_event", source="liverc", target="x", started_at=utcnow(),
            host="h", pid=0,
        )  # fmt: skip
        lock = Lock(event_lock_key("liverc", str(event.event_id)), run.id, 60, "event")
        lock.acquire()
        IngestLock.update(owner="someone-else").execute()  # taken over meanwhile
        connector = service.registry.get("liverc")
        http = service.http.for_connector(connector.info)
        slug = stored.track.source_track_slug
        races = connector.call(
            "fetch_races", http=http, track_slug=slug, event_id=str(event.event_id)
        )
        detail = connector.call(
            "fetch_laps", http=http, track_slug=slug, race=races[0], known_digest=None
        )
        drivers = EventDrivers(stored, Counts())
        with pytest.raises(LockLostError, match=r"^lost the lock on event to another run"):
            write_race(stored, races[0], detail, drivers, Counts(), lock.fence)
        assert Race.select().count() == 0
        with pytest.raises(InProgressError):
            lock.check()
