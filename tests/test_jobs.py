"""Jobs: submitted once whoever asks, run by workers, cancelled, stopped, requeued.

Every test runs on SQLite (the run table is the queue) and on PostgreSQL
(procrastinate dispatches, woken by LISTEN/NOTIFY). The service submits and
cancels; workers (threads here, real `mre worker` processes where signals
are the point) claim and run. Every finished database is compared with a
clean serial run (tests.snapshot).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from subprocess import Popen
from types import SimpleNamespace

import pytest

from mre_core import __version__
from mre_core.cli.main import main
from mre_core.jobs.worker import Worker
from mre_core.kit.snapshot import snapshot
from mre_core.service.ingestion import IngestionService
from mre_core.storage import use_database
from mre_core.storage.migrations import CODE_VERSION
from mre_core.storage.models import Event, IngestionRun, IngestLock, Race
from tests.conftest import _postgres_base, fresh_database, worker_in_thread
from tests.pg_schema import postgres_schema
from tests.test_processes import mre_process, spawn, wait_for


def _postgres(settings) -> bool:
    return not settings.database_url.startswith("sqlite")


def _procrastinate_jobs(service) -> list[tuple]:
    """(status, lock, queueing_lock, args) of every procrastinate job, oldest first."""
    return [
        tuple(row)
        for row in service.db.execute_sql(
            "SELECT status::text, lock, queueing_lock, args FROM procrastinate_jobs ORDER BY id"
        )
    ]


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


def test_an_event_sync_job_queues_its_events_and_one_worker_finishes_it(settings, site, simulator):
    track = site.tracks[0]
    with IngestionService.open(settings=settings) as service:
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


def test_on_postgresql_a_job_is_a_procrastinate_job_deferred_with_its_run(synced, event, capsys):
    """The run row and its job are one transaction; the job names the run and carries
    the target as its queueing lock and lock; a cancelled run's job is withdrawn."""
    if not _postgres(synced):
        pytest.skip("SQLite's workers read the run table itself: no job engine")
    _, ev = event
    key = f"ingest_event:liverc:{ev.event_id}"
    with IngestionService.open(settings=synced) as service:
        first = service.submit_event_ingest(str(ev.event_id))
        service.submit_event_ingest(str(ev.event_id))  # in progress: no second job
        assert _procrastinate_jobs(service) == [("todo", key, key, {"run_id": first.run_id})]
        service.cancel_run(first.run_id)
        assert [job[0] for job in _procrastinate_jobs(service)] == ["cancelled"]
        again = service.submit_event_ingest(str(ev.event_id))  # the queueing lock is free
        assert _procrastinate_jobs(service)[-1] == ("todo", key, key, {"run_id": again.run_id})
        assert service.jobs_pending() == 1
        service.cancel_run(again.run_id)
    assert main(["--db", synced.database_url, "worker", "--until-idle"]) == 0  # nothing to do
    assert capsys.readouterr().out == "worker: 0 jobs taken\n"


def test_a_job_whose_run_is_no_longer_queued_is_skipped(synced, event, simulator):
    """The run table is the truth: a foreground command took the queued run over (and
    ran it); the job a worker then gets finds it not queued and does nothing."""
    _, ev = event
    with IngestionService.open(settings=synced) as service:
        run_id = service.submit_event_ingest(str(ev.event_id)).run_id
        assert service.ingest_event(str(ev.event_id)).run_id == run_id  # taken over, done
        simulator.clear_requests()
        if _postgres(synced):  # its job, back as if the takeover had raced a worker's fetch
            service.db.execute_sql("UPDATE procrastinate_jobs SET status = 'todo'")
            with worker_in_thread(service) as worker:
                wait_for(lambda: _procrastinate_jobs(service) == [])  # done (and deleted)
        else:
            worker = Worker(service, until_idle=True)
            worker.run()
        assert (worker.ran, simulator.requests) == (0, [])
        assert service.run_detail(run_id)["status"] == "succeeded"


def test_on_postgresql_a_waiting_worker_is_woken_by_notify_not_by_polling(synced, event):
    """procrastinate polls only as a fallback, every minute: a job submitted while the
    worker waits, and started well before that, was started by the database's NOTIFY."""
    if not _postgres(synced):
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    from mre_core.jobs.procrastinate_app import WORKER_OPTIONS, make_app

    _, ev = event
    with IngestionService.open(settings=synced) as service:
        polling = make_app(service).worker_defaults["fetch_job_polling_interval"]
        assert polling == WORKER_OPTIONS["fetch_job_polling_interval"] >= 60
        assert WORKER_OPTIONS["listen_notify"] is True
        with worker_in_thread(service) as worker:
            wait_for(lambda: _listening(service))  # started, and waiting for a NOTIFY
            time.sleep(1)  # its first fetch (at start, found nothing) is long over
            run_id = service.submit_event_ingest(str(ev.event_id)).run_id
            wait_for(lambda: service.run_detail(run_id)["status"] == "succeeded", polling / 3)
        assert worker.ran == 1


def _listening(service) -> bool:
    (count,) = service.db.execute_sql(
        "SELECT COUNT(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND query LIKE 'LISTEN %%procrastinate%%'"
    ).fetchone()
    return count > 0


@pytest.mark.parametrize("cron", ["", "*/5 * * * *"])
def test_the_track_sync_cron_is_a_periodic_task_of_postgresql_s_workers(synced, cron):
    if not _postgres(synced):
        pytest.skip("procrastinate's periodic tasks are PostgreSQL's; on SQLite cron does it")
    from mre_core.jobs.procrastinate_app import make_app, track_sync

    with IngestionService.open(settings=replace(synced, track_sync_cron=cron)) as service:
        periodic = make_app(service).periodic_registry.periodic_tasks
        assert [(t.task.name, t.cron) for t in periodic.values()] == (
            [("mre.track_sync", cron)] if cron else []
        )

        context = SimpleNamespace(additional_context={"mre_worker": Worker(service).backend})
        submitted = track_sync(context, timestamp=0)  # type: ignore[arg-type]
        assert [(s["source"], s["status"]) for s in submitted] == [("liverc", "queued")]
        again = track_sync(context, timestamp=1)  # type: ignore[arg-type]
        assert [(s["source"], s["status"]) for s in again] == [("liverc", "in_progress")]


def test_with_a_track_sync_cron_the_workers_sync_the_catalogue_on_schedule(synced):
    if not _postgres(synced):
        pytest.skip("procrastinate's periodic tasks are PostgreSQL's; on SQLite cron does it")
    every_second = replace(synced, track_sync_cron="* * * * * *")  # a 6th field: seconds
    with IngestionService.open(settings=every_second) as service:

        def syncs() -> list[str]:
            return [r["status"] for r in service.list_runs(50) if r["operation"] == "sync_tracks"]

        before = len(syncs())
        with worker_in_thread(service):
            wait_for(lambda: "succeeded" in syncs()[: len(syncs()) - before])


def test_a_queued_run_copied_into_postgresql_gets_a_job_from_the_first_worker_there(
    synced, event, simulator, clean, tmp_path
):
    """`mre db copy` leaves procrastinate's tables behind: the target's workers find the
    queued run without a job and give it one."""
    if not _postgres(synced):
        pytest.skip("the job queue to rebuild is PostgreSQL's")
    _, ev = event
    source = replace(synced, database_url=f"sqlite:///{tmp_path / 'source.db'}")
    with IngestionService.open(settings=source) as service:
        service.sync_tracks("liverc")
        service.refresh_events(event[0].slug.lower())
        run_id = service.submit_event_ingest(str(ev.event_id)).run_id
    with postgres_schema(_postgres_base(), prefix="c") as url:
        target = replace(synced, database_url=url)
        assert main(["--db", source.database_url, "db", "copy", "--to", url]) == 0
        with IngestionService.open(settings=target) as service:
            assert _procrastinate_jobs(service) == []
            worker = Worker(service, until_idle=True)
            worker.run()
            assert (worker.ran, service.run_detail(run_id)["status"]) == (1, "succeeded")
            with use_database(service.db):
                assert snapshot() == clean


# --- real processes: signals ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sig", "code", "name"),
    [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGINT, 130, "SIGINT (Ctrl-C)")],
)
def test_a_signal_to_the_foreground_cli_records_cancelled_and_frees_the_event(
    synced, event, simulator, sig, code, name
):
    """The foreground CLI is no job."""
    _, ev = event
    simulator.latency = 0.3
    child = mre_process(synced, "events", "ingest", "--event", str(ev.event_id))
    with IngestionService.open(settings=synced) as watcher, use_database(watcher.db):
        wait_for(lambda: Race.select().count() >= 1)
        child.send_signal(sig)
        _, err = child.communicate(timeout=60)
        assert child.returncode == code, err
        run = IngestionRun.get(IngestionRun.pid == child.pid)
        assert (run.status, run.error_code) == ("cancelled", "cancelled")
        assert name in run.error_message
        assert IngestLock.get().owner is None
        assert f"mre: error: stopped by {name}" in err.splitlines()


@pytest.fixture
def worker_mid_event(
    synced, event, simulator, clean
) -> Iterator[tuple[IngestionService, int, Popen]]:
    """An import submitted and taken by an `mre worker` process, caught once it wrote two
    of its races: (service, the job's run id, the worker process). `clean` is asked for
    here so that its serial run is made first, not while the worker runs."""
    _, ev = event
    simulator.latency = 0.3
    with IngestionService.open(settings=synced) as service:
        run_id = service.submit_event_ingest(str(ev.event_id)).run_id
        worker = mre_process(synced, "worker")
        try:
            with use_database(service.db):
                wait_for(lambda: Race.select().count() >= 2)
            yield service, run_id, worker
        finally:
            if worker.poll() is None:  # the test failed before stopping it
                worker.kill()
                worker.communicate()


def _the_next_worker_completes_it(service, run_id: int, simulator, clean) -> None:
    """The next `mre worker --until-idle` takes the job again and completes it: its second
    try, and the database equals a clean run."""
    simulator.latency = 0.0
    again = mre_process(service.settings, "worker", "--until-idle")
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    with use_database(service.db):
        run = IngestionRun.get_by_id(run_id)
        assert (run.status, run.attempts) == ("succeeded", 2)
        assert snapshot() == clean


def test_a_worker_stopped_by_sigterm_requeues_its_job_which_then_completes(
    worker_mid_event, event, simulator, clean
):
    service, run_id, worker = worker_mid_event
    _, ev = event
    worker.send_signal(signal.SIGTERM)
    out, err = worker.communicate(timeout=60)
    assert worker.returncode == 0, err
    assert out == "worker: 1 job taken\n"
    with use_database(service.db):
        run = IngestionRun.get_by_id(run_id)
        assert (run.status, run.attempts) == ("queued", 1)  # back in the queue, not failed
        assert 2 <= Race.select().count() < len(ev.races)  # its whole races kept
        assert IngestLock.get().owner is None
    if _postgres(service.settings):  # a new job, deferred once its own had ended: it wakes others
        key = f"ingest_event:liverc:{ev.event_id}"
        assert _procrastinate_jobs(service) == [("todo", key, key, {"run_id": run_id})]
    _the_next_worker_completes_it(service, run_id, simulator, clean)


def test_a_worker_killed_mid_event_leaves_a_job_the_next_worker_completes(
    worker_mid_event, simulator, clean
):
    service, run_id, worker = worker_mid_event
    worker.kill()
    worker.communicate()
    with use_database(service.db):
        assert IngestionRun.get_by_id(run_id).status == "running"  # it could not say
    # Same machine: the next worker sees the dead pid and puts the job back in the queue.
    _the_next_worker_completes_it(service, run_id, simulator, clean)


def test_a_running_worker_exits_7_once_a_newer_mre_upgrades_the_schema(synced, event, simulator):
    """A rolling upgrade: `mre db upgrade` by the next release while an old worker runs.
    The old worker takes no job after that (the next release's workers will) and exits
    7, which systemd's RestartPreventExitStatus leaves stopped."""
    _, ev = event
    worker = mre_process(synced, "worker")
    try:
        with IngestionService.open(settings=synced) as service, use_database(service.db):
            first = service.submit_event_ingest(str(ev.event_id)).run_id
            wait_for(lambda: IngestionRun.get_by_id(first).status == "succeeded")
            newer = CODE_VERSION + 1
            service.db.execute_sql(
                "INSERT INTO schema_version (version, name, applied_at, mre_version) "
                f"VALUES ({newer}, 'from the next release', CURRENT_TIMESTAMP, '9.9.9')"
            )
            second = service.submit_event_ingest(str(ev.event_id), force=True).run_id
            _, err = worker.communicate(timeout=60)
            assert worker.returncode == 7, err
            assert err.strip().splitlines()[-1] == (
                f"mre: error: the database's schema moved to version {newer} while this mre "
                f"({__version__}, schema {CODE_VERSION}) was running: it stops; run the mre "
                "that matches the database"
            )
            assert IngestionRun.get_by_id(second).status == "queued"  # left for the new ones
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.communicate()


# --- a fleet on one machine: four worker processes --------------------------------------

SUBMIT_ALL = """
import sys
from mre_core.service.ingestion import IngestionService
with IngestionService.open() as service:
    for event_id in sys.argv[1:]:
        print(service.submit_event_ingest(event_id).status)
"""


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_four_workers_ingest_twenty_events_submitted_twice_each_exactly_once(kind, tmp_path):
    """Two processes submit the same 20 events at once; four worker processes share them.
    Each event is ingested once, by one run, and the database equals a serial clean run
    (made on SQLite: snapshots leave ids out)."""
    with fresh_database(kind, tmp_path, "fleet.db") as fleet_url:
        _four_workers(fleet_url, tmp_path)


def _four_workers(fleet_url: str, tmp_path) -> None:
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

        def settings(url: str) -> Settings:
            return Settings(database_url=url, http_resolve=resolve, http_min_interval_s=0.0)

        serial_url = f"sqlite:///{tmp_path / 'serial.db'}"
        for url in (fleet_url, serial_url):
            with IngestionService.open(settings=settings(url)) as service:
                service.sync_tracks("liverc")
                for track in site.tracks:
                    service.refresh_events(track.slug.lower())
        with IngestionService.open(settings=settings(serial_url)) as service:
            for event_id in ids:
                service.ingest_event(event_id)
            with use_database(service.db):
                clean = snapshot()

        fleet = settings(fleet_url)
        sim.clear_requests()
        submitters = [
            spawn(fleet, "-c", SUBMIT_ALL, *order) for order in (ids, list(reversed(ids)))
        ]
        answers = [p.communicate(timeout=120) for p in submitters]
        assert [p.returncode for p in submitters] == [0, 0], answers
        statuses = sorted(line for out, _ in answers for line in out.split())
        assert statuses == ["in_progress"] * 20 + ["queued"] * 20  # one job per event
        workers = [
            mre_process(fleet, "worker", "--concurrency", "2", "--until-idle") for _ in range(4)
        ]
        ended = [p.communicate(timeout=300) for p in workers]
        assert [p.returncode for p in workers] == [0, 0, 0, 0], ended

        with IngestionService.open(settings=fleet) as service, use_database(service.db):
            assert sorted(_runs()) == sorted((i, "succeeded") for i in ids)
            assert snapshot() == clean
        pages = [r.target for r in sim.requests if "view_race_result" in r.target]
        assert len(pages) == len(set(pages)) == sum(len(e.races) for e in events)
        taken = [int(out.split()[1]) for out, _ in ended]
        assert sum(taken) == 20
