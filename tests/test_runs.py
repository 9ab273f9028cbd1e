"""Run records, progress another process can poll, and logs that say what happened."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import threading
import time
from datetime import datetime

import pytest

from mre_core.cli.main import main
from mre_core.errors import RunCancelledError, Terminated
from mre_core.service.ingestion import IngestionService
from mre_core.service.job_queue import WAITING
from mre_core.settings import Settings
from mre_core.storage import use_database
from mre_core.storage.database import connect
from mre_core.storage.models import Event, IngestionRun, IngestLock, Race
from tests.liverc_site.site import entry_list_url


def test_every_operation_writes_a_run_record(service, event):
    track, ev = event
    service.sync_tracks("liverc")
    service.refresh_events(track.slug.lower())
    ingest = service.ingest_event(str(ev.event_id))
    again = service.ingest_event(str(ev.event_id))
    rows = list(IngestionRun.select().order_by(IngestionRun.id))
    assert [(r.operation, r.target, r.status) for r in rows] == [
        ("sync_tracks", "catalogue", "succeeded"),
        ("refresh_events", track.slug.lower(), "succeeded"),
        ("ingest_event", str(ev.event_id), "succeeded"),
        ("ingest_event", str(ev.event_id), "already_complete"),
    ]
    done = rows[2]
    assert (ingest.run_id, again.run_id) == (done.id, rows[3].id)
    assert (done.progress_done, done.progress_total) == (len(ev.races) + 2, len(ev.races) + 2)
    assert done.requests == len(ev.races) + 2
    assert json.loads(done.counts)["laps"] == {"new": ev.total_laps, "updated": 0, "unchanged": 0}
    assert done.finished_at >= done.started_at
    assert done.error_code is None
    assert rows[3].requests == 0


def test_child_runs_of_a_refresh_point_to_their_parent(service, site):
    track = site.tracks[0]
    service.sync_tracks("liverc")
    report = service.refresh_events(track.slug.lower(), depth="laps_full")
    # The refresh ingests the events it created, less those listed with no entries.
    expected = [str(e.event_id) for e in track.events if e.entry_count]
    assert expected and len(expected) < len(track.events)  # the fixture: one raced, one empty
    children = IngestionRun.select().where(IngestionRun.parent == report.run_id)
    assert [(c.operation, c.target, c.status) for c in children.order_by(IngestionRun.id)] == [
        ("ingest_event", target, "succeeded") for target in expected
    ]
    assert [c.target for c in report.children] == expected


def test_progress_can_be_polled_from_another_connection_while_running(settings, service, event):
    """What a web page polling the database sees mid-run."""
    track, ev = event
    service.sync_tracks("liverc")
    service.refresh_events(track.slug.lower())
    seen: list[tuple[int, int | None, str, str]] = []
    other = connect(settings.database_url)
    other.close()

    def poll(progress) -> None:
        def read() -> None:  # its own connection, as another process would have
            other.connect()
            seen.append(
                other.execute_sql(
                    "SELECT progress_done, progress_total, progress_step, status "
                    f"FROM ingestion_runs WHERE id = {int(progress.run_id)}"
                ).fetchone()
            )
            other.close()

        reader = threading.Thread(target=read)
        reader.start()
        reader.join()

    service.progress_listeners.append(poll)
    service.ingest_event(str(ev.event_id))
    races = len(ev.races)
    assert {s[3] for s in seen} == {"running"}
    seen = [tuple(s[:3]) for s in seen]
    assert seen[0] == (0, None, "fetching the entry list")
    assert seen[1] == (1, None, "fetching the event page")
    assert seen[2] == (2, races + 2, f"fetching {races} race pages")
    assert [s[0] for s in seen[3:]] == list(range(3, races + 3))
    assert seen[-1][2] == f"race {races}/{races}: {ev.races[-1].label}"


def test_runs_and_status_commands(settings, event, capsys, monkeypatch):
    track, ev = event
    monkeypatch.setenv("MRE_HTTP_RESOLVE", settings.http_resolve)
    db = ["--db", settings.database_url]
    assert main([*db, "-q", "tracks", "sync"]) == 0
    assert main([*db, "-q", "events", "refresh", "--track-id", track.slug.lower()]) == 0
    assert main([*db, "-q", "events", "ingest", "--event", str(ev.event_id)]) == 0
    capsys.readouterr()
    assert main([*db, "runs", "list", "--json"]) == 0
    runs = json.loads(capsys.readouterr().out)
    assert [r["operation"] for r in runs] == ["ingest_event", "refresh_events", "sync_tracks"]
    assert main([*db, "runs", "show", str(runs[0]["id"])]) == 0
    shown = capsys.readouterr().out
    assert f"run {runs[0]['id']}: ingest_event {ev.event_id} (liverc) succeeded" in shown
    assert re.search(rf"^laps\s+{ev.total_laps}\s+0\s+0\s*$", shown, re.M)
    assert main([*db, "status"]) == 0
    assert capsys.readouterr().out.strip() == "nothing is running"
    assert main([*db, "runs", "show", "999"]) == 3
    assert main([*db, "runs", "list", "--status", "nope"]) == 2


def test_status_closes_dead_runs_and_shows_a_silent_one_as_stale(db_url, capsys):
    """Runs of other machines (their processes cannot be seen), by their heartbeats:
    fresh; silent for more than two heartbeats (30 s each by default), stale; silent
    past MRE_LOCK_TTL_S (120 s), dead, and closed as abandoned by `mre status` itself.
    A parent waiting for its children has no heartbeat and is neither."""
    from datetime import timedelta

    from mre_core.timeutil import utcnow

    with IngestionService.open(db_url):
        now = utcnow()
        silent = now - timedelta(seconds=90)

        def running(target: str, beat: datetime, n: int, **fields: object) -> None:
            IngestionRun.create(
                operation="ingest_event", source="liverc", target=target, started_at=beat,
                heartbeat_at=beat, host=f"h{n}", pid=n, **fields,
            )  # fmt: skip

        running("111", now, 1, progress_done=3, progress_total=10, progress_step="race 1/8")
        running("222", silent, 2)
        running("333", now - timedelta(hours=1), 3)
        running("444", now - timedelta(hours=1), 4, params=json.dumps({WAITING: True}))
    assert main(["--db", db_url, "status"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "run 1: ingest_event 111 3/10 race 1/8 on h1 pid 1",
        f"run 2: ingest_event 222 0  on h2 pid 2 (stale: no heartbeat since {silent:%H:%M:%S} UTC)",
        "run 4: ingest_event 444 0  on h4 pid 4",
    ]
    with IngestionService.open(db_url):
        dead = IngestionRun.get_by_id(3)
        assert (dead.status, dead.error_code, dead.error_message) == (
            "failed",
            "abandoned",
            "its process stopped before the run ended",
        )
        assert [r.status for r in IngestionRun.select().order_by(IngestionRun.id)] == [
            "running",
            "running",
            "failed",
            "running",
        ]


def test_json_logs_carry_the_run_id_on_every_line_of_a_run(settings, event, capsys, monkeypatch):
    track, ev = event
    monkeypatch.setenv("MRE_HTTP_RESOLVE", settings.http_resolve)
    db = ["--db", settings.database_url, "--log-json"]
    assert main([*db, "tracks", "sync"]) == 0
    assert main([*db, "events", "refresh", "--track-id", track.slug.lower()]) == 0
    capsys.readouterr()
    assert main([*db, "events", "ingest", "--event", str(ev.event_id)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    run_ids = {line.get("run_id") for line in lines}
    assert len(run_ids) == 1 and None not in run_ids
    messages = [line["message"] for line in lines]
    assert messages[0] == f"ingest_event {ev.event_id}: started (run {run_ids.pop()})"
    fetches = [line for line in lines if line["message"].startswith("GET ")]
    assert len(fetches) == len(ev.races) + 2  # race pages come from worker threads, same run id
    assert all(
        {"url", "status", "bytes", "elapsed_ms", "from_cassette"} <= line.keys() for line in fetches
    )
    results = sum(len(race.results) for race in ev.races)
    assert (
        f"event {ev.event_id}: {len(ev.races)} races (0 kept unchanged), "
        f"{results} results and {ev.total_laps} laps read"
    ) in messages
    assert messages[-1].startswith(
        f"ingest_event {ev.event_id}: succeeded ({len(ev.races) + 2} requests) "
    )
    assert "laps +" in messages[-1]

    # Forced again: every race page is as it was, kept without reading a result.
    assert main([*db, "events", "ingest", "--event", str(ev.event_id), "--force"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert (
        f"event {ev.event_id}: {len(ev.races)} races ({len(ev.races)} kept unchanged), "
        "0 results and 0 laps read"
    ) in [line["message"] for line in lines]


def test_a_parsing_anomaly_is_logged_with_its_page_and_what_was_odd(
    settings, site, pages, capsys, monkeypatch
):
    track = site.tracks[0]
    ev = next(e for e in track.events if e.races)
    url = entry_list_url(track.slug.lower(), ev.event_id)
    body = pages[url].decode()
    first_class = ev.listed_entries[0].class_name
    declared = f"Entries: {sum(1 for e in ev.listed_entries if e.class_name == first_class)}"
    pages.override(url, body.replace(declared, "Entries: 99", 1).encode())
    monkeypatch.setenv("MRE_HTTP_RESOLVE", settings.http_resolve)
    db = ["--db", settings.database_url, "--log-json"]
    assert main([*db, "tracks", "sync"]) == 0
    assert main([*db, "events", "refresh", "--track-id", track.slug.lower()]) == 0
    assert main([*db, "events", "ingest", "--event", str(ev.event_id)]) == 0
    odd = [json.loads(line) for line in capsys.readouterr().err.splitlines() if '"anomaly"' in line]
    assert len(odd) == 1
    assert odd[0]["url"] == url
    assert odd[0]["anomaly"].endswith("says 99 entries but lists " + declared.split(": ")[1])
    assert odd[0]["level"] == "WARNING"


def test_sigterm_as_sqlite_begins_a_transaction_still_records_the_run_and_frees_the_event(
    simulator, event, tmp_path
):
    """Before: `mre events ingest` stopped by SIGTERM on SQLite failed about one time in
    30, leaving its run `running` and its event locked. The CLI's handler raises in the
    main thread wherever it is; when that thread was waiting in BEGIN IMMEDIATE for
    another connection's write lock (a fetch thread's, say), it raised as BEGIN returned,
    before peewee counted the transaction. Nothing would end that transaction: recording
    the run failed ("cannot start a transaction within a transaction") and the lock's
    release, run inside it, was rolled back at exit. Here the wait is made certain: once
    the races are written, another connection holds the write lock while SIGTERM comes."""
    path = tmp_path / "mre.db"
    settings = Settings(
        database_url=f"sqlite:///{path}",
        http_resolve=f"*.liverc.com=127.0.0.1:{simulator.port}",
        http_min_interval_s=0.0,
    )
    track, ev = event

    def hold_the_write_lock_through_a_sigterm(*_: object) -> None:
        """An `after_event_ingested` step: the ingest's next statement is the BEGIN of
        the transaction that marks the event ingested, and it waits for this lock."""
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")

        def later() -> None:
            time.sleep(0.3)
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.3)
            other.execute("ROLLBACK")
            other.close()

        threading.Thread(target=later).start()

    def terminated(_signum: int, _frame: object) -> None:  # what the CLI's handler does
        raise Terminated()

    with IngestionService.open(settings=settings) as service:
        service.sync_tracks("liverc")
        service.refresh_events(track.slug.lower())
        service.after_event_ingested.append(hold_the_write_lock_through_a_sigterm)
        previous = signal.signal(signal.SIGTERM, terminated)
        try:
            with pytest.raises(RunCancelledError, match=r"^stopped by SIGTERM$"):
                service.ingest_event(str(ev.event_id))
        finally:
            signal.signal(signal.SIGTERM, previous)
    with IngestionService.open(settings=settings) as service, use_database(service.db):
        run = IngestionRun.get(IngestionRun.operation == "ingest_event")
        assert (run.status, run.error_code, run.error_message) == (
            "cancelled",
            "cancelled",
            "stopped by SIGTERM",
        )
        assert IngestLock.get().owner is None
        assert Event.get(Event.source_event_id == str(ev.event_id)).ingest_depth == "none"
        assert Race.select().count() == len(ev.races)  # written before the stop: kept
