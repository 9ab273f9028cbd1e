"""One deep ingestion per event: the lock, its expiry and takeover, on each database."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import replace
from datetime import timedelta

import pytest

from mre_core.errors import InProgressError
from mre_core.service.ingestion import IngestionService
from mre_core.service.locks import Lock, event_lock_key
from mre_core.service.runs import HOST, Heartbeat
from mre_core.storage import close_database, open_database
from mre_core.storage.models import IngestionRun, IngestLock, Race
from mre_core.timeutil import utcnow


def new_run(target: str = "x") -> int:
    return IngestionRun.create(
        operation="ingest_event",
        source="liverc",
        target=target,
        started_at=utcnow(),
        host=HOST,
        pid=0,
    ).id


@pytest.fixture
def db(db_url):
    with IngestionService.open(db_url) as service:
        yield service


def test_a_held_lock_answers_in_progress_until_released(db):
    first = Lock("event:liverc:1", new_run(), 120, "event 1")
    first.acquire()
    second = Lock("event:liverc:1", new_run(), 120, "event 1")
    with pytest.raises(InProgressError, match=r"event 1 is being ingested by run \d+ \(.+\) since"):
        second.acquire()
    first.release()
    second.acquire()
    assert IngestLock.get(IngestLock.lock_key == "event:liverc:1").owner == second.owner
    assert IngestLock.select().count() == 1  # one row per key, reused


def test_an_expired_lock_is_taken_over_and_its_run_marked_abandoned(db):
    stale_run = new_run()
    IngestLock.create(
        lock_key="event:liverc:2",
        owner="elsewhere:123:abcd",
        run=stale_run,
        acquired_at=utcnow() - timedelta(hours=1),
        expires_at=utcnow() - timedelta(seconds=1),
    )
    taker = Lock("event:liverc:2", new_run(), 120, "event 2")
    taker.acquire()
    assert IngestLock.get(IngestLock.lock_key == "event:liverc:2").owner == taker.owner
    old = IngestionRun.get_by_id(stale_run)
    assert (old.status, old.error_code) == ("failed", "abandoned")


def test_a_lock_left_on_an_idle_pooled_connection_does_not_block_after_expiry(db_url, db):
    """Another ingester's process still holds its pooled connection open, but stopped working.

    A lock tied to a database session (a PostgreSQL advisory lock) would stay
    held for as long as that pooled connection lives. Ours is a row with an
    expiry, so it is taken over once the holder stops heartbeating.
    """
    from playhouse.pool import PooledPostgresqlDatabase, PooledSqliteDatabase

    from mre_core.storage.database import connect

    real = connect(db_url)
    pool_class = PooledPostgresqlDatabase if "postgres" in db_url else PooledSqliteDatabase
    pooled = pool_class(real.database, max_connections=2, **real.connect_params)
    real.close()
    run_id = new_run()
    # Open, used, then returned to the pool: the connection stays open.
    with pooled.connection_context(), IngestLock.bind_ctx(pooled), pooled.atomic():
        IngestLock.create(
            lock_key="event:liverc:3",
            owner="crashed-worker:77:beef",
            run=run_id,
            acquired_at=utcnow(),
            expires_at=utcnow() + timedelta(seconds=120),
        )
    assert len(pooled._connections) == 1  # idle in the pool, never closed
    blocked = Lock("event:liverc:3", new_run(), 120, "event 3")
    with pytest.raises(InProgressError):
        blocked.acquire()
    IngestLock.update(expires_at=utcnow() - timedelta(seconds=1)).where(
        IngestLock.lock_key == "event:liverc:3"
    ).execute()  # what 120 s without a heartbeat would do
    blocked.acquire()
    assert IngestLock.get(IngestLock.lock_key == "event:liverc:3").owner == blocked.owner
    pooled.close_all()


def test_an_expired_lock_renewed_after_it_was_read_is_not_taken_over(db, monkeypatch):
    """The holder's heartbeat renews between the taker's SELECT and its UPDATE.

    Under PostgreSQL's READ COMMITTED that interleaving is possible; the
    renewal is made here, on the taker's own connection, at the moment the
    taker has read the lock (its first reading of the database's clock after the SELECT).
    """
    from mre_core.service import locks

    holder = Lock("event:liverc:6", new_run(), 120, "event 6")
    holder.acquire()
    IngestLock.update(expires_at=utcnow() - timedelta(seconds=1)).where(
        IngestLock.lock_key == "event:liverc:6"
    ).execute()  # the holder missed heartbeats: expired, as the taker will read it
    real_now = locks.database_now
    renewed: list[bool] = []

    def renew_once_read():  # type: ignore[no-untyped-def]
        if not renewed:
            renewed.append(True)
            holder.renew()
        return real_now()

    monkeypatch.setattr(locks, "database_now", renew_once_read)
    taker = Lock("event:liverc:6", new_run(), 120, "event 6")
    with pytest.raises(InProgressError, match=r"^event 6 was just taken by another run; try again"):
        taker.acquire()
    assert renewed == [True]
    assert IngestLock.get(IngestLock.lock_key == "event:liverc:6").owner == holder.owner
    holder.renew()
    assert not holder.lost


def test_a_holder_whose_process_is_gone_from_this_machine_is_taken_over_at_once(db):
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(gone.stdout)
    IngestLock.create(
        lock_key="event:liverc:4",
        owner=f"{HOST}:{dead_pid}:dead",
        run=new_run(),
        acquired_at=utcnow(),
        expires_at=utcnow() + timedelta(seconds=120),
    )
    Lock("event:liverc:4", new_run(), 120, "event 4").acquire()


def test_a_lock_taken_over_from_a_live_holder_is_noticed_as_lost(db):
    mine = Lock("event:liverc:5", new_run(), 120, "event 5")
    mine.acquire()
    IngestLock.update(owner="thief:1:x").where(IngestLock.lock_key == "event:liverc:5").execute()
    mine.renew()
    with pytest.raises(InProgressError, match="lost the lock on event 5"):
        mine.check()


def test_the_heartbeat_calls_every_beat_until_stopped(tmp_path):
    calls: list[str] = []
    enough = threading.Event()

    def beat() -> None:
        calls.append("beat")
        if len(calls) >= 3:
            enough.set()

    db = open_database(f"sqlite:///{tmp_path / 'hb.db'}")
    with Heartbeat(db, 0.01, [beat]):
        assert enough.wait(10)
    close_database(db)
    stopped_at = len(calls)
    enough.clear()
    assert not enough.wait(0.05)  # no beat after the heartbeat stopped
    assert len(calls) == stopped_at


def test_ingesting_an_event_being_ingested_answers_in_progress_and_starts_nothing(
    settings, simulator, site
):
    track = site.tracks[0]
    event = next(e for e in track.events if e.races)
    with IngestionService.open(settings=settings) as service:
        service.sync_tracks("liverc")
        service.refresh_events(track.slug.lower())
        holder = Lock(event_lock_key("liverc", str(event.event_id)), new_run(), 120, "x")
        holder.acquire()
        simulator.clear_requests()
        with pytest.raises(InProgressError) as info:
            service.ingest_event(str(event.event_id))
        assert info.value.exit_code == 6
        assert simulator.requests == []
        assert Race.select().count() == 0
        run = IngestionRun.get_by_id(info.value.report.run_id)
        assert (run.status, run.error_code) == ("failed", "in_progress")
        holder.release()
        assert service.ingest_event(str(event.event_id)).status == "succeeded"


def test_the_heartbeat_keeps_a_long_ingestion_locked(settings, simulator, site):
    """With a 2 s lock expiry, a 3 s ingestion keeps its lock: the heartbeat renews it."""
    track = site.tracks[0]
    event = next(e for e in track.events if e.races)
    slow = replace(settings, lock_ttl_s=2.0)
    renewed = []
    with IngestionService.open(settings=slow) as service:
        service.sync_tracks("liverc")
        service.refresh_events(track.slug.lower())
        simulator.latency = 0.5

        def watch(progress) -> None:
            lock = IngestLock.get_or_none(IngestLock.run == progress.run_id)
            if lock is not None and lock.owner is not None:
                renewed.append(lock.expires_at - lock.acquired_at)

        service.progress_listeners.append(watch)
        service.ingest_event(str(event.event_id))
    assert max(renewed) > timedelta(seconds=2.0)  # pushed beyond acquired_at + ttl
