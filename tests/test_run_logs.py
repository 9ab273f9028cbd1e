"""Each run's log lines in the database: read back by id, bounded, masked, from any process.

mre logs nothing until its logs are enabled (the CLI does it, as does any
`mre` process started here); the tests in this process enable them as the
CLI would (`logs_on`).
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace

import pytest
from loguru import logger

from mre_core import logs
from mre_core.errors import NotFoundError, UsageError
from mre_core.service.ingestion import IngestionService
from mre_core.service.run_logs import RunLogBook
from mre_core.storage import use_database
from mre_core.storage.models import IngestionRun, RunLog
from tests.test_processes import mre_process, wait_for


@pytest.fixture
def logs_on() -> None:
    logger.enable("mre_core")
    logger.enable("mre_liverc")


def ingest_lines(event_id: int, run_id: int) -> list[str]:
    """What an ingest of the `site` fixture's event logs, in order, with the timings
    (bytes and ms of each page) taken out and the race pages (fetched two at a time,
    in either order) sorted: 12 lines."""
    races = sorted(
        f"GET https://quickanddirtyrcandhobby.liverc.com/results/?p=view_race_result&id={r}"
        for r in range(5166726, 5166732)
    )
    return [
        f"ingest_event {event_id}: started (run {run_id})",
        f"GET https://quickanddirtyrcandhobby.liverc.com/results/?p=view_entry_list&id={event_id}",
        f"GET https://quickanddirtyrcandhobby.liverc.com/results/?p=view_event&id={event_id}",
        f"event {event_id}: 6 races listed, 0 of them stored with results and kept unread",
        *races,
        f"event {event_id}: 6 races (0 kept unchanged), 48 results and 410 laps read",
        f"ingest_event {event_id}: succeeded (8 requests) drivers +40 ~0 =0, "
        "event_entries +24 ~0 =0, races +6 ~0 =0, race_drivers +48 ~0 =0, "
        "race_results +48 ~0 =0, laps +410 ~0 =0, events +0 ~1 =0",
    ]


def shown(lines: list[dict]) -> list[str]:
    """The messages less each page's timing, race pages sorted (see `ingest_lines`)."""
    messages = [re.sub(r" -> 200 \d+ B \d+ ms$", "", line["message"]) for line in lines]
    races = sorted(m for m in messages if "view_race_result" in m)
    rest = iter(m for m in messages if "view_race_result" not in m)
    return [*(next(rest) for _ in range(4)), *races, *rest]


def test_an_import_s_lines_are_read_back_in_order_page_by_page(logs_on, synced, event):
    _, ev = event
    with IngestionService.open(settings=synced) as service:
        run_id = service.ingest_event(str(ev.event_id)).run_id
        lines = service.run_logs(run_id)
        assert shown(lines) == ingest_lines(ev.event_id, run_id)
        assert {line["level"] for line in lines} == {"INFO"}
        ids = [line["id"] for line in lines]
        assert ids == sorted(ids)
        assert list(lines[0]) == ["id", "at", "level", "message"]
        # paging by the last id seen, as a live view does
        pages, after = [], 0
        while page := service.run_logs(run_id, after_id=after, limit=5):
            pages.append(page)
            after = page[-1]["id"]
        assert [len(p) for p in pages] == [5, 5, 2]
        assert [line for p in pages for line in p] == lines
        # another run's lines are its own: the event sync logged 4
        syncs = service.list_runs(status="succeeded", limit=5)
        event_sync = next(r for r in syncs if r["operation"] == "refresh_events")["id"]
        assert len(service.run_logs(event_sync)) == 4


def test_a_line_is_in_the_table_while_the_run_still_works(logs_on, synced, event, simulator):
    _, ev = event
    simulator.latency = 0.4  # 8 pages, two at a time: the run lasts two seconds or more
    with IngestionService.open(settings=synced) as service:
        report: list = []
        worker = threading.Thread(
            target=lambda: report.append(service.ingest_event(str(ev.event_id)))
        )
        worker.start()
        try:
            with use_database(service.db):
                wait_for(
                    lambda: (
                        IngestionRun.select()
                        .where(IngestionRun.operation == "ingest_event")
                        .exists()
                    )
                )
                run_id = IngestionRun.get(IngestionRun.operation == "ingest_event").id
            wait_for(
                lambda: any("races listed" in line["message"] for line in service.run_logs(run_id)),
                timeout=5,
            )
            assert service.run_detail(run_id)["status"] == "running"
        finally:
            worker.join()
        assert report[0].status == "succeeded"


def test_a_run_keeps_its_first_lines_and_says_how_many_it_dropped(logs_on, synced, event):
    _, ev = event
    with IngestionService.open(settings=replace(synced, run_log_max_lines=5)) as service:
        run_id = service.ingest_event(str(ev.event_id)).run_id
        lines = service.run_logs(run_id)
    assert [line["level"] for line in lines] == ["INFO"] * 5 + ["WARNING"]
    assert shown(lines[:5])[:4] == ingest_lines(ev.event_id, run_id)[:4]
    assert lines[5]["message"] == "7 log lines dropped: the run reached MRE_RUN_LOG_MAX_LINES (5)"


def test_past_the_bound_warnings_are_kept_up_to_twice_it_and_a_resumed_run_counts_on(
    logs_on, service
):
    """Three lines a run: three of INFO, then three warnings (counted 4 to 6); the rest
    is dropped. The same run resumed (a requeued job, here or in another process) starts
    from the lines it has. Passwords are masked even when `logs.configure` (whose patcher
    masks them) was never called."""
    service.sync_tracks("liverc")
    book = RunLogBook(service.db, max_lines=3)
    try:
        with use_database(service.db):
            run_id = IngestionRun.select().get().id
            RunLog.delete().where(RunLog.run == run_id).execute()
            with book.capture(run_id), logger.contextualize(run_id=run_id):
                logger.info("from postgresql://mre:S3cret@db/mre?password=S3cret")
                for n in range(2, 6):
                    logger.info("info {}", n)
                for n in range(1, 6):
                    logger.warning("warning {}", n)
                logger.debug("not kept: below INFO")
            with book.capture(run_id), logger.contextualize(run_id=run_id):
                logger.error("an error is kept")  # 8 lines stored: past twice the bound
            stored = [(line["level"], line["message"]) for line in service.run_logs(run_id)]
    finally:
        book.close()
    assert stored == [
        ("INFO", "from postgresql://mre:***@db/mre?password=***"),
        ("INFO", "info 2"),
        ("INFO", "info 3"),
        ("WARNING", "warning 1"),
        ("WARNING", "warning 2"),
        ("WARNING", "warning 3"),
        ("WARNING", "4 log lines dropped: the run reached MRE_RUN_LOG_MAX_LINES (3)"),
        ("WARNING", "1 log lines dropped: the run reached MRE_RUN_LOG_MAX_LINES (3)"),
    ]


def test_a_failed_log_write_is_dropped_and_the_import_goes_on(logs_on, synced, event, monkeypatch):
    _, ev = event

    def refuse(*_: object) -> None:
        raise RuntimeError("the log table is gone")

    monkeypatch.setattr(RunLog, "insert_many", refuse)
    with IngestionService.open(settings=synced) as service:
        report = service.ingest_event(str(ev.event_id))
        assert (report.status, service.run_logs(report.run_id)) == ("succeeded", [])


def test_lines_are_kept_when_logging_is_configured_after_the_service_opened(logs_on, service):
    logs.configure(level="WARNING")  # as an app, or a CLI command in a test, may do
    run_id = service.sync_tracks("liverc").run_id
    assert [line["message"] for line in service.run_logs(run_id)][-1] == (
        "sync_tracks catalogue: succeeded (1 requests) tracks +3 ~0 =0"
    )


def test_a_worker_in_another_process_writes_lines_this_one_reads_while_it_runs(
    synced, event, simulator
):
    """The console's case: a job run by `mre worker` (quiet on its stderr: -q), followed
    from here through the database alone."""
    _, ev = event
    simulator.latency = 0.3
    with IngestionService.open(settings=synced) as service:
        run_id = service.submit_event_ingest(str(ev.event_id)).run_id
        worker = mre_process(synced, "worker", "--until-idle")
        try:
            seen_running = []

            def lines_while_running() -> bool:
                status = service.run_detail(run_id)["status"]
                found = service.run_logs(run_id)
                if status == "running" and any("races listed" in x["message"] for x in found):
                    seen_running.append(found)
                return bool(seen_running) or status not in ("queued", "running")

            wait_for(lines_while_running)
            assert worker.wait(timeout=60) == 0, worker.stderr.read()
        finally:
            if worker.poll() is None:
                worker.kill()
        assert seen_running, "no line arrived while the worker ran"
        assert shown(service.run_logs(run_id)) == ingest_lines(ev.event_id, run_id)


def test_reading_the_lines_of_an_unknown_run_or_with_bad_paging(service):
    run_id = service.sync_tracks("liverc").run_id
    with pytest.raises(NotFoundError, match="run 999 does not exist"):
        service.run_logs(999)
    with pytest.raises(UsageError, match="after_id must be 0 or more, not -1"):
        service.run_logs(run_id, after_id=-1)
    with pytest.raises(UsageError, match="limit must be from 1 to 5000, not 0"):
        service.run_logs(run_id, limit=0)
    assert service.run_logs(run_id, after_id=2**70) == []
