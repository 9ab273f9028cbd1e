"""Run records, progress another process can poll, and logs that say what happened."""

from __future__ import annotations

import json
import re
import threading

from mre_core.cli.main import main
from mre_core.service.ingestion import IngestionService
from mre_core.storage.database import connect
from mre_core.storage.models import IngestionRun
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


def test_status_shows_a_running_run_and_a_stale_one(db_url, capsys):
    from datetime import timedelta

    from mre_core.timeutil import utcnow

    with IngestionService.open(db_url):
        now = utcnow()
        IngestionRun.create(
            operation="ingest_event",
            source="liverc",
            target="111",
            started_at=now,
            heartbeat_at=now,
            host="h1",
            pid=1,
            progress_done=3,
            progress_total=10,
            progress_step="race 1/8",
        )
        IngestionRun.create(
            operation="ingest_event",
            source="liverc",
            target="222",
            started_at=now,
            heartbeat_at=now - timedelta(hours=1),
            host="h2",
            pid=2,
        )
    assert main(["--db", db_url, "status"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "run 1: ingest_event 111 3/10 race 1/8 on h1 pid 1"
    assert lines[1].startswith("run 2: ingest_event 222 0  on h2 pid 2 (stale: no heartbeat since")


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
