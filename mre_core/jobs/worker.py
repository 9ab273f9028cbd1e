"""A worker: takes queued jobs and runs them, on one machine or many.

`Worker(service, concurrency, until_idle).run()` is the one API (`mre worker`,
tests, and later `mre serve`); the database decides how jobs reach it:

- **SQLite** (one machine): the run table is the queue (`RunTableWorker`).
  Each thread claims the oldest queued job in a write transaction (so two
  workers never take the same one), asks the service to run it, and looks
  again; an empty queue is polled every `poll_s`. Now and then a thread also
  closes the runs whose process died (its process is gone, or silent past the
  lock TTL): a job goes back to the queue.
- **PostgreSQL** (many machines): procrastinate dispatches the jobs, woken by
  LISTEN/NOTIFY (`mre_core.jobs.procrastinate_app.ProcrastinateWorker`).

Stopping (SIGTERM from systemd or a deploy, Ctrl-C: `stop()`): no new job
is taken; each running job stops at its next whole race, goes back to the
queue with its races kept, and the worker returns, so no user's import is
lost to a restart.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from loguru import logger

from mre_core.errors import DatabaseError, MreError
from mre_core.service.ingestion import IngestionService
from mre_core.service.reports import OperationReport
from mre_core.storage.database import is_postgres

if TYPE_CHECKING:  # imported when used: procrastinate is PostgreSQL's optional dependency
    from mre_core.jobs.procrastinate_app import ProcrastinateWorker

STALLED_CHECK_EVERY_S = 5.0


class Worker:
    """Runs the service's queued jobs in `concurrency` threads until stopped (or, with
    `until_idle`, until nothing is queued or running); the backend follows the database."""

    def __init__(
        self,
        service: IngestionService,
        concurrency: int = 1,
        until_idle: bool = False,
        poll_s: float = 0.5,
    ) -> None:
        self.service = service
        self.backend: RunTableWorker | ProcrastinateWorker
        if is_postgres(service.db):
            from mre_core.service.dispatch import require_procrastinate

            require_procrastinate()
            from mre_core.jobs.procrastinate_app import ProcrastinateWorker

            self.backend = ProcrastinateWorker(service, concurrency, until_idle)
        else:
            self.backend = RunTableWorker(service, concurrency, until_idle, poll_s)

    @property
    def ran(self) -> int:
        """Jobs taken (claimed and run), for the summary line."""
        return self.backend.ran

    def stop(self) -> None:
        """Take no new job; running ones stop between races and go back to the queue.
        Safe from any thread and from a signal handler."""
        self.backend.stop()

    def run(self) -> None:
        """Work until stopped (or, with until_idle, until nothing is queued or running).

        DatabaseError: a newer mre upgraded the schema meanwhile; the worker took no
        job after that and its running ones finished first.
        """
        self.backend.run()
        if self.backend.schema_moved is not None:
            raise self.backend.schema_moved


def run_claimed(
    service: IngestionService, run_id: int, shutting_down: Callable[[], bool]
) -> OperationReport | None:
    """Run a job this worker claimed. Its outcome is in its run row; a failure is logged
    and never stops the worker. None: it failed (see the run)."""
    try:
        return service.run_job(run_id, shutting_down=shutting_down)
    except MreError as exc:  # recorded in the run already; the worker goes on
        logger.info("run {} ended: {}", run_id, exc)
    except Exception:  # a bug in one job must not stop the others
        logger.exception("run {} failed with an internal error", run_id)
    return None


class _Stoppable(Protocol):
    schema_moved: DatabaseError | None

    def stop(self) -> None: ...


def schema_unchanged(service: IngestionService, worker: _Stoppable) -> bool:
    """Checked before taking a job: once a newer mre upgraded the schema (a fleet's
    rolling upgrade), this worker stops taking jobs and ends with exit 7."""
    try:
        service.check_schema()
    except DatabaseError as exc:
        worker.schema_moved = worker.schema_moved or exc  # the CLI prints it once, on exit
        worker.stop()
        return False
    return True


def close_dead_runs(service: IngestionService) -> None:
    """Close the runs whose process died, each said in the log: a job goes back to the
    queue for a worker to complete, a foreground run is closed as abandoned."""
    for run_id in service.close_dead_runs():
        logger.warning("run {}: its process stopped; requeued if a job, else abandoned", run_id)


class RunTableWorker:
    """SQLite's worker: threads that claim queued jobs from the run table."""

    def __init__(
        self,
        service: IngestionService,
        concurrency: int = 1,
        until_idle: bool = False,
        poll_s: float = 0.5,
    ) -> None:
        self.service = service
        self.concurrency = concurrency
        self.until_idle = until_idle
        self.poll_s = poll_s
        self.stopping = threading.Event()
        self.ran = 0
        self._count = threading.Lock()
        self._dead_checked = 0.0
        self.schema_moved: DatabaseError | None = None

    def stop(self) -> None:
        self.stopping.set()

    def run(self) -> None:
        if self.service.settings.track_sync_cron:
            logger.warning(
                "MRE_TRACK_SYNC_CRON is for PostgreSQL's workers; on SQLite schedule "
                "`mre tracks sync --detach` with cron instead"
            )
        threads = [
            threading.Thread(target=self._loop, name=f"mre-worker-{n}", daemon=True)
            for n in range(self.concurrency)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():  # joined in slices: a signal handler can run meanwhile
                thread.join(0.2)

    def _loop(self) -> None:
        while not self.stopping.is_set():
            if not schema_unchanged(self.service, self):
                return
            self._close_dead()
            run_id = self.service.claim_job()
            if run_id is None:
                if self.until_idle and self.service.jobs_pending() == 0:
                    return
                self.stopping.wait(self.poll_s)
                continue
            with self._count:
                self.ran += 1
            run_claimed(self.service, run_id, self.stopping.is_set)

    def _close_dead(self) -> None:
        now = time.monotonic()
        if now - self._dead_checked < STALLED_CHECK_EVERY_S:
            return
        self._dead_checked = now
        close_dead_runs(self.service)
