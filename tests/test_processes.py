"""Real processes: killed with SIGKILL mid-event, and two at once on one event.

The CLI runs as `python -m mre_core` in child processes against the
simulator (slowed down so there is a middle to kill in); the test process
watches the same database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from mre_core.service.ingestion import IngestionService
from mre_core.storage.models import Event, IngestionRun, IngestLock, Race
from tests.conftest import ROOT
from tests.snapshot import snapshot


@pytest.fixture
def prepared(settings, event):
    """Tracks and events synced (in this process); the event not yet ingested."""
    track, _ = event
    with IngestionService.open(settings=settings) as service:
        service.sync_tracks("liverc")
        service.refresh_events(track.slug.lower())
    return settings


def start_ingest(settings, event_id: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "MRE_HTTP_RESOLVE": settings.http_resolve,
        "MRE_HTTP_MIN_INTERVAL_S": "0",
        "MRE_DATABASE_URL": settings.database_url,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "mre_core", "-q", "events", "ingest", "--event", event_id],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def test_sigkill_mid_event_then_rerun_equals_a_clean_run(prepared, simulator, event, clean):
    _, ev = event
    simulator.latency = 0.3
    child = start_ingest(prepared, str(ev.event_id))
    with IngestionService.open(settings=prepared) as watcher:
        wait_for(lambda: Race.select().count() >= 2)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL
        written = Race.select().count()
        assert 2 <= written < len(ev.races)
        assert Event.get(Event.source_event_id == str(ev.event_id)).ingest_depth == "none"
        killed_run = IngestionRun.get(IngestionRun.pid == child.pid)
        assert killed_run.status == "running"  # it never got to say otherwise

        simulator.latency = 0.0
        report = watcher.ingest_event(str(ev.event_id))  # takes over the dead process's lock
        assert report.status == "succeeded"
        assert (
            IngestionRun.get_by_id(killed_run.id).status,
            IngestionRun.get_by_id(killed_run.id).error_code,
        ) == (
            "failed",
            "abandoned",
        )
        assert snapshot() == clean


def test_two_processes_on_one_event_one_runs_the_other_answers_in_progress(
    prepared, simulator, event, clean
):
    _, ev = event
    simulator.clear_requests()  # forget the clean run's requests
    # Hold the first process on its first race page, so it certainly holds the
    # event while the second one asks.
    simulator.delay("view_race_result", seconds=5.0, times=1)
    first = start_ingest(prepared, str(ev.event_id))
    with IngestionService.open(settings=prepared):
        wait_for(lambda: IngestLock.select().where(IngestLock.owner.is_null(False)).count() == 1)
        second = start_ingest(prepared, str(ev.event_id))
        _, second_err = second.communicate(timeout=60)
        _, first_err = first.communicate(timeout=60)
        assert (first.returncode, second.returncode) == (0, 6), first_err + second_err
        assert "is being ingested by run" in second_err.strip().splitlines()[-1]
        race_pages = [r.target for r in simulator.requests if "view_race_result" in r.target]
        assert sorted(race_pages) == sorted(set(race_pages))  # each race page fetched once
        assert len(race_pages) == len(ev.races)
        assert snapshot() == clean
        statuses = sorted(
            r.status for r in IngestionRun.select().where(IngestionRun.operation == "ingest_event")
        )
        assert statuses == ["succeeded"]  # the refused one left no failed run behind
