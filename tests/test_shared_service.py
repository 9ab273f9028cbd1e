"""One service shared by many threads, and two services on two databases in one process."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from mre_core.kit.snapshot import snapshot
from mre_core.service.ingestion import IngestionService
from mre_core.storage import use_database
from mre_core.storage.models import Track


def test_two_services_on_two_databases_each_write_their_own(tmp_path):
    """Before: `a.add_user` wrote into b.db, the models being bound to the last one opened."""
    a = IngestionService.open(f"sqlite:///{tmp_path / 'a.db'}")
    b = IngestionService.open(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        a.add_user("Alice Anders")
        b.add_user("Bob Brown")
        with ThreadPoolExecutor(4) as pool:  # and from other threads, interleaved
            list(pool.map(lambda i: (a if i % 2 else b).add_user(f"User {i}"), range(8)))
        assert sorted(u["name"] for u in a.list_users()) == [
            "Alice Anders", "User 1", "User 3", "User 5", "User 7"
        ]  # fmt: skip
        assert sorted(u["name"] for u in b.list_users()) == [
            "Bob Brown", "User 0", "User 2", "User 4", "User 6"
        ]  # fmt: skip
        with pytest.raises(RuntimeError, match=r"^2 databases are open in this process"):
            Track.select().count()  # the models used bare cannot tell which: refused
    finally:
        a.close()
        b.close()
    reopened = IngestionService.open(f"sqlite:///{tmp_path / 'a.db'}")
    with reopened:
        assert Track.select().count() == 0  # one open again: bare use works as before
        assert len(reopened.list_users()) == 5


def test_eight_threads_share_one_service_reading_and_writing_at_once(service, site, clean):
    """Two threads ingest (the same event, so one of them finds it done or in progress),
    the others add users, list tracks, runs and events, all on one service at once."""
    track = site.tracks[0]
    event = next(e for e in track.events if e.races)
    service.sync_tracks("liverc")
    service.refresh_events(track.slug.lower())
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def ingest(_: int) -> str:
        from mre_core.errors import InProgressError

        try:
            return service.ingest_event(str(event.event_id)).status
        except InProgressError:
            return "in progress elsewhere"

    def work(i: int) -> object:
        start.wait(10)
        try:
            if i < 2:
                return ingest(i)
            if i < 5:
                return [service.add_user(f"Racer {i}-{n}")["name"] for n in range(5)]
            if i == 5:
                return [len(service.list_tracks()) for _ in range(20)]
            if i == 6:
                return [len(service.list_runs(limit=50)) >= 2 for _ in range(20)]
            return [len(service.list_events(track.slug.lower())) for _ in range(20)]
        except BaseException as exc:
            errors.append(exc)
            raise

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(8)))

    assert errors == []
    assert sorted(results[:2]) in (
        ["already_complete", "succeeded"],
        ["in progress elsewhere", "succeeded"],
    )
    assert results[2:5] == [[f"Racer {i}-{n}" for n in range(5)] for i in range(2, 5)]
    assert results[5] == [len(site.tracks)] * 20
    assert results[6] == [True] * 20
    assert results[7] == [len(track.events)] * 20
    assert len(service.list_users()) == 15
    with use_database(service.db):
        ingested = snapshot()
    for table in ("races", "race_results", "laps"):
        assert ingested[table] == clean[table], table
