"""Real processes: killed with SIGKILL mid-run, and two at once on one event.

The CLI runs as `python -m mre_core` in child processes against the
simulator (slowed down so there is a middle to kill in); the test process
watches the same database.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from mre_core.cli.main import main
from mre_core.kit.snapshot import snapshot
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings
from mre_core.storage import use_database
from mre_core.storage.models import Event, IngestionRun, IngestLock, Race
from tests.conftest import ROOT


def spawn(settings: Settings, *argv: str, **env: str) -> subprocess.Popen:
    """`python ARGV` in a child process on the database and simulator of `settings`, with
    the test's environment (pacing lifted, see conftest) and `env` on top."""
    return subprocess.Popen(
        [sys.executable, *argv],
        cwd=ROOT,
        env={
            **os.environ,
            "MRE_HTTP_RESOLVE": settings.http_resolve,
            "MRE_DATABASE_URL": settings.database_url,
            **env,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def mre_process(settings: Settings, *args: str, **env: str) -> subprocess.Popen:
    """`mre -q ARGS` in a child process (see `spawn`)."""
    return spawn(settings, "-m", "mre_core", "-q", *args, **env)


def wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def test_sigkill_mid_event_then_rerun_equals_a_clean_run(synced, simulator, event, clean):
    _, ev = event
    simulator.latency = 0.3
    child = mre_process(synced, "events", "ingest", "--event", str(ev.event_id))
    with IngestionService.open(settings=synced) as watcher:
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
    synced, simulator, event, clean
):
    _, ev = event
    simulator.clear_requests()  # forget the clean run's requests
    # Hold the first process on its first race page, so it certainly holds the
    # event while the second one asks.
    simulator.delay("view_race_result", seconds=5.0, times=1)
    first = mre_process(synced, "events", "ingest", "--event", str(ev.event_id))
    with IngestionService.open(settings=synced):
        wait_for(lambda: IngestLock.select().where(IngestLock.owner.is_null(False)).count() == 1)
        second = mre_process(synced, "events", "ingest", "--event", str(ev.event_id))
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


ABANDONED = ("failed", "abandoned", "its process stopped before the run ended")


def killed_mid_request(settings: Settings, simulator, *args: str) -> IngestionRun:
    """`mre ARGS` SIGKILLed while the simulator holds its first request: its run row,
    still `running` (it never got to say otherwise)."""
    simulator.delay("liverc.com/", seconds=30.0, times=1)
    asked = len(simulator.requests)
    child = mre_process(settings, *args)
    wait_for(lambda: len(simulator.requests) > asked)
    child.kill()
    child.wait()
    with IngestionService.open(settings=settings) as service, use_database(service.db):
        run = IngestionRun.get(IngestionRun.pid == child.pid)
    assert run.status == "running"
    return run


@pytest.mark.parametrize(
    ("operation", "closer"),
    [
        ("sync_tracks", "mre status"),
        ("refresh_events", "mre status"),
        ("ingest_event", "mre status"),
        ("refresh_events", "mre runs list"),
        ("sync_tracks", "the next run of another operation"),
    ],
)
def test_a_run_of_any_operation_killed_mid_run_is_closed_as_abandoned(
    synced, simulator, event, operation, closer, capsys
):
    """Before: only a killed ingest was closed (by the next ingest of its event, which
    took over its lock); a killed sync or refresh stayed `running` for ever, and
    `mre runs wait` on it never returned."""
    track, ev = event
    command = {
        "sync_tracks": ("tracks", "sync"),
        "refresh_events": ("events", "refresh", "--track-id", track.slug.lower()),
        "ingest_event": ("events", "ingest", "--event", str(ev.event_id)),
    }[operation]
    killed = killed_mid_request(synced, simulator, *command)
    assert killed.operation == operation
    db = ["--db", synced.database_url]

    if closer == "mre status":
        assert main([*db, "status", "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == []  # nothing is running any more
    elif closer == "mre runs list":
        assert main([*db, "runs", "list", "--json"]) == 0
        newest = json.loads(capsys.readouterr().out)[0]
        assert (newest["id"], newest["status"], newest["error_code"]) == (
            killed.id,
            "failed",
            "abandoned",
        )
    else:
        with IngestionService.open(settings=synced) as service:
            assert service.refresh_events(track.slug.lower()).status == "succeeded"

    with IngestionService.open(settings=synced) as service, use_database(service.db):
        run = IngestionRun.get_by_id(killed.id)
        assert (run.status, run.error_code, run.error_message) == ABANDONED
        assert run.finished_at is not None
    assert main([*db, "runs", "wait", str(killed.id)]) == 8
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.endswith(f"run {killed.id} failed: its process stopped before the run ended")
