"""Workers on PostgreSQL: procrastinate's app, mre's two tasks, and the worker that runs them.

Jobs reach a worker through procrastinate, the PostgreSQL task queue whose
tables live in mre's database (migration 4): the service defers a job
`mre.run_job(run_id=N)` in the transaction that queues run N
(`mre_core.service.dispatch`), the database NOTIFYs every listening worker,
one of them fetches it. No polling: `fetch_job_polling_interval` is only a
fallback, set long.

The run table stays the truth. The task claims its run (queued -> running,
a compare-and-set, as SQLite's workers do) and asks the service to run it;
a run no longer queued when its job starts (cancelled meanwhile, or taken
over by a foreground command) is skipped.

Sync tasks run in the event loop's default executor: it is set to a pool of
`concurrency` threads (and two more for the loop's own needs), so that N
imports really run at once (asyncio's default caps it by the CPU count).

Stopping (`stop()`, from the CLI's SIGTERM/SIGINT handler): procrastinate
takes no new job and waits for the running ones, which stop at their next
whole race and go back to the queue (the service does that); once they have
ended, the worker gives those runs new jobs (deferred then, not before, as
the ended job held their target's lock), which wakes another worker at once.

A killed worker (SIGKILL, a crash, a lost machine): every worker checks,
at start and every `STALLED_CHECK_EVERY_S` in a loop of its own (not a
procrastinate periodic task, whose minute granularity would be too coarse,
and which would wait behind long imports for a free slot):
- runs whose worker died (its process gone on this machine, or silent past
  MRE_LOCK_TTL_S) go back to the queue with a new job, their dead one ended,
  and dead foreground runs are closed as abandoned (`close_dead_runs`);
- procrastinate's stalled jobs (their worker's heartbeat older than
  `STALLED_WORKER_S`) are retried (`get_stalled_jobs` + `retry_job`);
- a queued run that has no job (put back by a worker that then died, or
  copied from another database) gets one (`service.dispatch_orphaned_jobs`).

`MRE_TRACK_SYNC_CRON`: when set, a procrastinate periodic task submits a
track sync of every connector on that schedule (deferred once per tick,
however many workers run).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import procrastinate
from loguru import logger
from procrastinate import app as procrastinate_app
from procrastinate.exceptions import ConnectorException

from mre_core.errors import DatabaseError, first_line
from mre_core.jobs.worker import (
    STALLED_CHECK_EVERY_S,
    close_dead_runs,
    run_claimed,
    schema_unchanged,
)
from mre_core.service.dispatch import RUN_JOB_TASK, TRACK_SYNC_TASK
from mre_core.service.ingestion import IngestionService
from mre_core.service.runs import HOST
from mre_core.storage.models import RUN_QUEUED

# procrastinate's heartbeat: a worker silent this long is dead, its running jobs stalled.
STALLED_WORKER_S = 30.0
# With --until-idle: how often the worker checks whether anything is queued or running.
IDLE_CHECK_S = 0.5
# Connections of procrastinate's own pool in a worker (fetching, finishing, heartbeats),
# besides its one LISTEN connection; the jobs use the service's pool.
POOL_SIZE = 3
# How the tasks find their worker (and through it the service) in their JobContext.
WORKER_KEY = "mre_worker"

WORKER_OPTIONS: procrastinate_app.WorkerOptions = {
    # NOTIFY wakes a worker as soon as a job is deferred: polling is only the fallback
    # (for a job procrastinate itself put back, such as a stalled job it retried).
    "listen_notify": True,
    "fetch_job_polling_interval": 60.0,
    # mre cancels through the run table (`mre runs cancel`: the run stops between races).
    "abort_job_polling_interval": 60.0,
    # The CLI owns SIGTERM and SIGINT, and calls Worker.stop.
    "install_signal_handlers": False,
    # A job's record is its run row: procrastinate keeps only the jobs that failed.
    "delete_jobs": "successful",
    "update_heartbeat_interval": 10.0,
    "stalled_worker_timeout": STALLED_WORKER_S,
}


def make_app(service: IngestionService) -> procrastinate.App:
    """An app on the service's database (its URL's parameters, search_path included),
    with mre's tasks, and the periodic track sync when MRE_TRACK_SYNC_CRON is set."""
    db = service.db
    params = {k: str(v) for k, v in db.connect_params.items() if v is not None}
    from psycopg.conninfo import make_conninfo

    conninfo = make_conninfo(dbname=db.database, **params)
    app = procrastinate.App(
        connector=procrastinate.PsycopgConnector(conninfo=conninfo, min_size=1, max_size=POOL_SIZE),
        worker_defaults=WORKER_OPTIONS,
    )
    app.task(name=RUN_JOB_TASK, pass_context=True)(run_job)
    sync = app.task(name=TRACK_SYNC_TASK, pass_context=True)(track_sync)
    cron = service.settings.track_sync_cron.strip()
    if cron:
        app.periodic(cron=cron, periodic_id="catalogue")(sync)
    return app


def run_job(context: procrastinate.JobContext, run_id: int) -> str:
    """procrastinate's task `mre.run_job`: run queued run `run_id` (skip it if not queued)."""
    worker: ProcrastinateWorker = context.additional_context[WORKER_KEY]
    return worker.run_one(run_id, context.should_abort)


def track_sync(context: procrastinate.JobContext, timestamp: int) -> list[dict[str, Any]]:
    """procrastinate's periodic task `mre.track_sync`: submit a track sync of every
    connector that has a catalogue (a job each; one already queued or running is left
    as it is)."""
    worker: ProcrastinateWorker = context.additional_context[WORKER_KEY]
    service = worker.service
    submitted = []
    for source in service.catalogue_sources():
        submission = service.submit_track_sync(source)
        logger.info(
            "scheduled track sync of {}: run {} {}",
            source,
            submission.run_id,
            submission.status,
        )
        submitted.append({"source": source, **submission.as_dict()})
    return submitted


class ProcrastinateWorker:
    """PostgreSQL's worker: a procrastinate worker running `concurrency` jobs at once."""

    def __init__(
        self, service: IngestionService, concurrency: int = 1, until_idle: bool = False
    ) -> None:
        self.service = service
        self.concurrency = concurrency
        self.until_idle = until_idle
        self.stopping = threading.Event()
        self.ran = 0
        # Runs this worker put back in the queue (it was stopping): new jobs once it stopped.
        self.put_back: list[int] = []
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._worker: asyncio.Task[Any] | None = None
        self.schema_moved: DatabaseError | None = None

    def stop(self) -> None:
        self.stopping.set()
        loop, worker = self._loop, self._worker
        if loop is not None and worker is not None:
            # procrastinate's graceful stop; a closed loop: the worker has stopped already
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(worker.cancel)

    def run(self) -> None:
        _route_procrastinate_logs()
        try:
            asyncio.run(self._main())
        finally:
            self._loop = self._worker = None
            # their jobs have ended: these wake another worker now (unless the schema moved)
            if self.put_back and self.schema_moved is None:
                for run_id in self.service.dispatch_orphaned_jobs(self.put_back):
                    logger.info("run {}: back in the queue for another worker", run_id)

    def run_one(self, run_id: int, should_abort: Callable[[], bool]) -> str:
        """The task's body, in a job thread."""
        if self.stopping.is_set():  # fetched as the worker stopped: left for another one
            with self._lock:
                self.put_back.append(run_id)
            return f"run {run_id} left in the queue: this worker is stopping"
        if not schema_unchanged(self.service, self):  # a newer mre's worker gives it a job
            return f"run {run_id} left in the queue: the schema is a newer mre's"
        if self.service.claim_job(run_id) is None:
            return f"run {run_id} is no longer queued: nothing to do"
        with self._lock:
            self.ran += 1
        report = run_claimed(self.service, run_id, lambda: self.stopping.is_set() or should_abort())
        if report is None:
            return f"run {run_id} failed"
        if report.status == RUN_QUEUED:
            with self._lock:
                self.put_back.append(run_id)
        return f"run {run_id} {report.status}"

    async def _main(self) -> None:
        loop = asyncio.get_running_loop()
        # Sync tasks run in the loop's default executor: one thread per job at once.
        loop.set_default_executor(
            ThreadPoolExecutor(self.concurrency + 2, thread_name_prefix="mre-job")
        )
        checks = ThreadPoolExecutor(1, thread_name_prefix="mre-janitor")
        try:
            # Before the first fetch: a dead worker's runs get their new jobs now.
            await loop.run_in_executor(checks, self._recover)
            if self.stopping.is_set():
                return
            if self.until_idle and await loop.run_in_executor(checks, self._pending) == 0:
                return
            app = make_app(self.service)
            async with app.open_async():
                await self._work(app, loop, checks)
        finally:
            checks.shutdown(wait=True)

    async def _work(
        self, app: procrastinate.App, loop: asyncio.AbstractEventLoop, checks: ThreadPoolExecutor
    ) -> None:
        worker = asyncio.create_task(
            app.run_worker_async(
                concurrency=self.concurrency,
                name=f"mre@{HOST}:{os.getpid()}",
                additional_context={WORKER_KEY: self},
            ),
            name="procrastinate worker",
        )
        self._worker, self._loop = worker, loop
        if self.stopping.is_set():  # stop() came before the worker existed
            worker.cancel()
        helpers = [asyncio.create_task(self._janitor(app, loop, checks), name="janitor")]
        if self.until_idle:
            helpers.append(asyncio.create_task(self._idle(worker, loop, checks), name="idle"))
        try:
            await asyncio.wait({worker})  # ends when stopped (cancelled) or when it fails
        finally:
            for helper in helpers:
                helper.cancel()
            await asyncio.gather(*helpers, return_exceptions=True)
        if not worker.cancelled() and worker.exception() is not None:
            raise worker.exception()  # type: ignore[misc]

    async def _janitor(
        self, app: procrastinate.App, loop: asyncio.AbstractEventLoop, checks: ThreadPoolExecutor
    ) -> None:
        while True:
            await asyncio.sleep(STALLED_CHECK_EVERY_S)
            try:
                for job in await app.job_manager.get_stalled_jobs(
                    seconds_since_heartbeat=STALLED_WORKER_S
                ):
                    try:
                        await app.job_manager.retry_job(job)
                    except ConnectorException:
                        continue  # it moved on meanwhile (finished, retried by another)
                    logger.warning(
                        "job {} ({}): its worker stopped heartbeating; retried",
                        job.id,
                        job.call_string,
                    )
                await loop.run_in_executor(checks, self._recover)
            except Exception as exc:  # the database is away: next time
                logger.warning("stalled-job check failed: {}", first_line(exc))

    async def _idle(
        self, worker: asyncio.Task[Any], loop: asyncio.AbstractEventLoop, checks: ThreadPoolExecutor
    ) -> None:
        while True:
            await asyncio.sleep(IDLE_CHECK_S)
            try:
                pending = await loop.run_in_executor(checks, self._pending)
            except Exception as exc:
                logger.warning("could not count pending jobs: {}", first_line(exc))
                continue
            if pending == 0:
                worker.cancel()
                return

    def _pending(self) -> int:
        return self.service.jobs_pending()

    def _recover(self) -> None:
        if not schema_unchanged(self.service, self):
            return
        close_dead_runs(self.service)
        for run_id in self.service.dispatch_orphaned_jobs():
            logger.info("run {}: queued without a job; one deferred", run_id)


class _ToLoguru(logging.Handler):
    """procrastinate logs through the standard library: its warnings and errors go
    where mre's lines go (text or JSON), the rest (a line per job) is left out."""

    def emit(self, record: logging.LogRecord) -> None:
        logger.opt(exception=record.exc_info).log(
            record.levelname, "procrastinate: {}", record.getMessage()
        )


def _route_procrastinate_logs() -> None:
    log = logging.getLogger("procrastinate")
    if not any(isinstance(h, _ToLoguru) for h in log.handlers):
        log.addHandler(_ToLoguru(level=logging.WARNING))
        log.propagate = False
