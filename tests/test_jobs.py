"""Jobs on SQLite: submitted once whoever asks, run by workers, cancelled, stopped, requeued.

The service submits and cancels; workers (threads here, real `mre worker`
processes where signals are the point) claim and run. Every finished
database is compared with a clean serial run (tests.snapshot).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from dataclasses import replace

import pytest

from mre_core.cli.main import main
from mre_core.errors import UsageError
from mre_core.jobs.worker import Worker
from mre_core.service.ingestion import IngestionService
from mre_core.storage import use_database
from mre_core.storage.models import Event, IngestionRun, IngestLock, Race
from tests.conftest import ROOT
from tests.snapshot import snapshot
from tests.test_processes import wait_for


@pytest.fixture
def sqlite_settings(settings):
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("jobs on PostgreSQL run on procrastinate: see test_jobs_refused_on_postgresql")
    return settings


@pytest.fixture
def synced_any(settings, event):
    """Tracks and events synced, on either database; the event not yet ingested."""
    track, _ = event
    with IngestionService.open(settings=settings) as service:
        service.sync_tracks("liverc")
        service.refresh_events(track.slug.lower())
    return settings


@pytest.fixture
def synced(synced_any, sqlite_settings):
    return synced_any


def _runs(operation: str = "ingest_event") -> list[tuple[str, str]]:
    return [
        (r.target, r.status)
        for r in IngestionRun.select()
        .where(IngestionRun.operation == operation)
        .order_by(IngestionRun.id)
    ]


def test_an_import_submitted_twice_is_one_job_run_once(synced, event, simulator, clean):
    _, ev = event
    with IngestionService.open(settings=synced) as service:
        first = service.submit_event_ingest(str(ev.event_id))
        again = service.submit_event_ingest(str(ev.event_id))  # a user clicking twice
        assert (first.status, again.status, again.run_id) == ("queued", "in_progress", first.run_id)
        simulator.clear_requests()

        Worker(service, concurrency=2, until_idle=True).run()

        with use_database(service.db):
            assert _runs() == [(str(ev.event_id), "succeeded")]
            assert snapshot() == clean
        pages = [r.target for r in simulator.requests if "view_race_result" in r.target]
        assert sorted(pages) == sorted(set(pages)) and len(pages) == len(ev.races)
        # done: a third submission answers already_complete, with a finished run and no job
        third = service.submit_event_ingest(str(ev.event_id))
        assert third.status == "already_complete"
        assert service.run_detail(third.run_id)["status"] == "already_complete"
        assert service.jobs_pending() == 0


def test_a_queued_job_is_cancelled_at_once_and_never_runs(synced, event, simulator, capsys):
    _, ev = event
    with IngestionService.open(settings=synced) as service:
        submitted = service.submit_event_ingest(str(ev.event_id))
        assert service.cancel_run(submitted.run_id)["status"] == "cancelled"
        simulator.clear_requests()
        Worker(service, until_idle=True).run()
        assert simulator.requests == []
        assert service.submit_event_ingest(str(ev.event_id)).status == "queued"  # may ask again
    assert main(["--db", synced.database_url, "runs", "wait", str(submitted.run_id)]) == 130
    assert capsys.readouterr().out.endswith(f"run {submitted.run_id}: cancelled\n")


def test_a_running_import_cancelled_stops_between_races_and_keeps_them(
    synced, event, simulator, clean
):
    _, ev = event
    simulator.latency = 0.2
    with IngestionService.open(settings=synced) as service:
        run_id = service.submit_event_ingest(str(ev.event_id)).run_id
        worker = Worker(service, until_idle=True)
        thread = threading.Thread(target=worker.run)
        thread.start()
        with use_database(service.db):
            wait_for(lambda: Race.select().count() >= 2)
        assert service.cancel_run(run_id)["status"] == "running"  # asked: stops at a race
        thread.join(60)

        detail = service.run_detail(run_id)
        assert (detail["status"], detail["error_code"]) == ("cancelled", "cancelled")
        with use_database(service.db):
            kept = Race.select().count()
            assert 2 <= kept < len(ev.races)  # whole races, written before it stopped
            assert IngestLock.get().owner is None  # the event is free again
            assert Event.get(Event.source_event_id == str(ev.event_id)).ingest_depth == "none"

        simulator.latency = 0.0
        assert service.ingest_event(str(ev.event_id)).status == "succeeded"
        with use_database(service.db):
            assert snapshot() == clean


def test_an_event_sync_job_queues_its_events_and_one_worker_finishes_it(
    sqlite_settings, site, simulator
):
    track = site.tracks[0]
    with IngestionService.open(settings=sqlite_settings) as service:
        service.sync_tracks("liverc")
        parent = service.submit_event_sync(track.slug.lower(), depth="laps_full")
        Worker(service, concurrency=1, until_idle=True).run()  # one thread: it must not wait

        detail = service.run_detail(parent.run_id)
        children = detail["children"]
        listed = [e for e in track.events if e.entries]
        assert detail["status"] == "succeeded"
        assert sorted(c["target"] for c in children) == sorted(str(e.event_id) for e in listed)
        assert {c["status"] for c in children} == {"succeeded"}
        assert detail["progress"] == {"done": 1 + len(children), "total": 1 + len(children),
                                      "step": "done"}  # fmt: skip
        assert detail["requests"] == 1 + sum(c["requests"] for c in children)
        assert detail["counts"]["laps"]["new"] == sum(c["counts"]["laps"]["new"] for c in children)


def test_a_failed_job_s_exit_code_is_what_runs_wait_answers(synced, event, simulator, capsys):
    _, ev = event
    simulator.fail("view_entry_list", status=503, times=None)  # every try: the site is down
    with IngestionService.open(settings=replace(synced, http_max_tries=2)) as service:
        run_id = service.submit_event_ingest(str(ev.event_id)).run_id
        Worker(service, until_idle=True).run()
    assert main(["--db", synced.database_url, "runs", "wait", str(run_id)]) == 5
    out, err = capsys.readouterr()
    assert out.endswith(f"run {run_id}: failed\n")
    assert err.splitlines()[-1] == (
        f"mre: error: run {run_id} failed: https://quickanddirtyrcandhobby.liverc.com/results/"
        f"?p=view_entry_list&id={ev.event_id} answered HTTP 503"
    )


def test_detach_prints_the_run_and_its_status(synced, event, capsys):
    _, ev = event
    args = ["--db", synced.database_url, "events", "ingest", "--event", str(ev.event_id)]
    assert main([*args, "--detach"]) == 0
    run_id = int(capsys.readouterr().out.split()[0])
    assert main([*args, "--detach", "--json"]) == 0
    assert capsys.readouterr().out == f'{{\n  "run_id": {run_id},\n  "status": "in_progress"\n}}\n'


def test_jobs_are_refused_on_postgresql_until_procrastinate(settings, capsys):
    if settings.database_url.startswith("sqlite"):
        pytest.skip("the refusal is PostgreSQL's")
    with (
        IngestionService.open(settings=settings) as service,
        pytest.raises(UsageError, match=r"^jobs and workers on PostgreSQL run on procrastinate"),
    ):
        service.submit_track_sync("liverc")
    assert main(["--db", settings.database_url, "worker", "--until-idle"]) == 2


# --- real processes: signals ----------------------------------------------------------


def _mre(settings, *args: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "MRE_HTTP_RESOLVE": settings.http_resolve,
        "MRE_HTTP_MIN_INTERVAL_S": "0",
        "MRE_DATABASE_URL": settings.database_url,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "mre_core", "-q", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize(
    ("sig", "code", "name"),
    [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGINT, 130, "SIGINT (Ctrl-C)")],
)
def test_a_signal_to_the_foreground_cli_records_cancelled_and_frees_the_event(
    synced_any, event, simulator, sig, code, name
):
    """Both databases: the foreground CLI is no job."""
    _, ev = event
    simulator.latency = 0.3
    child = _mre(synced_any, "events", "ingest", "--event", str(ev.event_id))
    with IngestionService.open(settings=synced_any) as watcher, use_database(watcher.db):
        wait_for(lambda: Race.select().count() >= 1)
        child.send_signal(sig)
        _, err = child.communicate(timeout=60)
        assert child.returncode == code, err
        run = IngestionRun.get(IngestionRun.pid == child.pid)
        assert (run.status, run.error_code) == ("cancelled", "cancelled")
        assert name in run.error_message
        assert IngestLock.get().owner is None
        assert f"mre: error: stopped by {name}" in err.splitlines()


def test_a_worker_stopped_by_sigterm_requeues_its_job_which_then_completes(
    synced, event, simulator, clean
):
    _, ev = event
    simulator.latency = 0.3
    with IngestionService.open(settings=synced) as service:
        run_id = service.submit_event_ingest(str(ev.event_id)).run_id
        worker = _mre(synced, "worker")
        with use_database(service.db):
            wait_for(lambda: Race.select().count() >= 2)
        worker.send_signal(signal.SIGTERM)
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        assert out == "worker: 1 job taken\n"
        with use_database(service.db):
            run = IngestionRun.get_by_id(run_id)
            assert (run.status, run.attempts) == ("queued", 1)  # back in the queue, not failed
            assert 2 <= Race.select().count() < len(ev.races)  # its whole races kept
            assert IngestLock.get().owner is None

        simulator.latency = 0.0
        Worker(service, until_idle=True).run()
        with use_database(service.db):
            run = IngestionRun.get_by_id(run_id)
            assert (run.status, run.attempts) == ("succeeded", 2)
            assert snapshot() == clean


def test_a_worker_killed_mid_event_leaves_a_job_the_next_worker_completes(
    synced, event, simulator, clean
):
    _, ev = event
    simulator.latency = 0.3
    with IngestionService.open(settings=synced) as service:
        run_id = service.submit_event_ingest(str(ev.event_id)).run_id
        worker = _mre(synced, "worker")
        with use_database(service.db):
            wait_for(lambda: Race.select().count() >= 2)
        worker.kill()
        worker.wait()
        with use_database(service.db):
            assert IngestionRun.get_by_id(run_id).status == "running"  # it could not say

        simulator.latency = 0.0
        again = _mre(synced, "worker", "--until-idle")  # same machine: the dead pid is seen
        _, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        with use_database(service.db):
            run = IngestionRun.get_by_id(run_id)
            assert (run.status, run.attempts) == ("succeeded", 2)
            assert snapshot() == clean


# --- a fleet on one machine: four worker processes --------------------------------------

SUBMIT_ALL = """
import sys
from mre_core.service.ingestion import IngestionService
with IngestionService.open() as service:
    for event_id in sys.argv[1:]:
        print(service.submit_event_ingest(event_id).status)
"""


def test_four_workers_ingest_twenty_events_submitted_twice_each_exactly_once(tmp_path):
    """Two processes submit the same 20 events at once; four worker processes share them.
    Each event is ingested once, by one run, and the database equals a serial clean run."""
    from mre_core.settings import Settings
    from tests.liverc_site import LiveRCSimulator, SitePages, generate_site

    site = generate_site(
        11, tracks=2, events_per_track=12, races=3, drivers_per_race=6, laps_per_race=5
    )
    events = [e for t in site.tracks for e in t.events if e.races][:20]
    assert len(events) == 20
    ids = [str(e.event_id) for e in events]
    with LiveRCSimulator(SitePages(site)) as sim:
        resolve = f"*.liverc.com=127.0.0.1:{sim.port}"

        def settings(name: str) -> Settings:
            return Settings(
                database_url=f"sqlite:///{tmp_path / name}",
                http_resolve=resolve,
                http_min_interval_s=0.0,
            )

        for name in ("fleet.db", "serial.db"):
            with IngestionService.open(settings=settings(name)) as service:
                service.sync_tracks("liverc")
                for track in site.tracks:
                    service.refresh_events(track.slug.lower())
        with IngestionService.open(settings=settings("serial.db")) as service:
            for event_id in ids:
                service.ingest_event(event_id)
            with use_database(service.db):
                clean = snapshot()

        fleet = settings("fleet.db")
        sim.clear_requests()
        submitters = [
            _python(fleet, "-c", SUBMIT_ALL, *order) for order in (ids, list(reversed(ids)))
        ]
        answers = [p.communicate(timeout=120) for p in submitters]
        assert [p.returncode for p in submitters] == [0, 0], answers
        statuses = sorted(line for out, _ in answers for line in out.split())
        assert statuses == ["in_progress"] * 20 + ["queued"] * 20  # one job per event
        workers = [_mre(fleet, "worker", "--concurrency", "2", "--until-idle") for _ in range(4)]
        ended = [p.communicate(timeout=300) for p in workers]
        assert [p.returncode for p in workers] == [0, 0, 0, 0], ended

        with IngestionService.open(settings=fleet) as service, use_database(service.db):
            assert sorted(_runs()) == sorted((i, "succeeded") for i in ids)
            assert snapshot() == clean
        pages = [r.target for r in sim.requests if "view_race_result" in r.target]
        assert len(pages) == len(set(pages)) == sum(len(e.races) for e in events)
        taken = [int(out.split()[1]) for out, _ in ended]
        assert sum(taken) == 20


def _python(settings, *args: str) -> subprocess.Popen:
    env = {**os.environ, "MRE_HTTP_RESOLVE": settings.http_resolve,
           "MRE_DATABASE_URL": settings.database_url}  # fmt: skip
    return subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
