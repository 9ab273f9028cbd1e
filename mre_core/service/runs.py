"""Run records: every operation writes one, and keeps it current while it works.

The record is how another process (`mre status`, an admin page) sees what
is running, how far it got and what it wrote. Progress goes through one
mechanism, `RunRecorder.progress`: it updates the row and tells every
listener (the CLI's progress bar is one). A heartbeat thread keeps
`heartbeat_at` (and any lock the run holds) fresh while the process lives.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import peewee
from loguru import logger

from mre_core.errors import MreError, RunAbandonedError, RunCancelledError, RunRequeuedError
from mre_core.service.reports import OperationReport
from mre_core.storage.bulk import update_row
from mre_core.storage.clock import database_now
from mre_core.storage.database import current_database, use_database, write_transaction
from mre_core.storage.models import RUN_CANCELLED, RUN_FAILED, RUN_RUNNING, IngestionRun
from mre_core.timeutil import utcnow

HOST = socket.gethostname()


@dataclass(frozen=True, slots=True)
class Progress:
    run_id: int
    operation: str
    target: str
    step: str
    done: int
    total: int | None


ProgressListener = Callable[[Progress], None]


class RunRecorder:
    """One run's row, kept current: progress, counts, how it ended.

    The row is made by `job_queue.start_here` (an operation run now) or was
    claimed by a worker (a job); either way it is `running` when this starts.
    """

    def __init__(self, row: IngestionRun, listeners: list[ProgressListener]) -> None:
        self.row = row
        self.id: int = row.id
        self.report = OperationReport(row.operation, row.source, row.target, run_id=self.id)
        # What the heartbeat keeps fresh: this row, and any lock the run takes.
        self.beats: list[Callable[[], None]] = [self._beat]
        self._listeners = listeners
        self._done = 0
        self._total: int | None = None
        # Set by a worker that is shutting down: the job stops between races, requeued.
        self.shutting_down: Callable[[], bool] = lambda: False

    def check_stop(self) -> None:
        """Between two whole pieces of work: stop here if asked to (cancel, worker shutdown)."""
        (asked,) = (
            IngestionRun.select(IngestionRun.cancel_requested_at)
            .where(IngestionRun.id == self.id)
            .tuples()
            .get()
        )
        if asked is not None:
            raise RunCancelledError(f"run {self.id} cancelled by request")
        if self.shutting_down():
            raise RunRequeuedError(f"run {self.id} put back in the queue: its worker is stopping")

    def _beat(self) -> None:
        IngestionRun.update(heartbeat_at=database_now()).where(IngestionRun.id == self.id).execute()

    def progress(self, step: str, done: int | None = None, total: int | None = None) -> None:
        """Record how far the run got; `done`/`total` count units of work (pages)."""
        if done is not None:
            self._done = done
        if total is not None:
            self._total = total
        # Once per race of a deep ingestion: a statement built once, not by peewee each time.
        update_row(
            IngestionRun,
            self.id,
            {
                "progress_step": step[:255],
                "progress_done": self._done,
                "progress_total": self._total,
                "counts": json.dumps(self.report.counts.as_dict()),
            },
        )
        event = Progress(
            self.id, self.report.operation, self.report.target, step, self._done, self._total
        )
        for listener in self._listeners:
            listener(event)

    def advance(self, step: str) -> None:
        self.progress(step, done=self._done + 1)

    def finish(self) -> None:
        report = self.report  # its status is a run status: succeeded, already_complete, failed
        self._close(report.status, report.error_code, report.error_message)

    def fail(self, error: BaseException) -> None:
        if isinstance(error, MreError):
            self.report.fail(error)
        else:
            self.report.status = RUN_FAILED
            self.report.error_code = "internal"
            self.report.error_message = f"{type(error).__name__}: {error}"
        status = RUN_CANCELLED if isinstance(error, RunCancelledError) else RUN_FAILED
        self.report.status = status
        self._close(status, self.report.error_code, self.report.error_message)

    def _close(self, status: str, code: str | None, message: str | None) -> None:
        # Only a run still running: one found dead meanwhile (frozen past its TTL and
        # marked abandoned by another process) keeps what that process said.
        discard_interrupted_transaction()
        with write_transaction():
            IngestionRun.update(
                status=status,
                finished_at=utcnow(),
                requests=self.report.requests,
                counts=json.dumps(self.report.counts.as_dict()),
                error_code=code,
                error_message=message,
            ).where((IngestionRun.id == self.id) & (IngestionRun.status == RUN_RUNNING)).execute()


def discard_interrupted_transaction() -> None:
    """Roll back a SQLite transaction that Ctrl-C or SIGTERM left open, unknown to peewee.

    The interrupt is raised in the main thread wherever it is. When that thread
    waits in BEGIN IMMEDIATE for another connection's write lock (a fetch
    thread's, the heartbeat's, another process's), it is raised the moment BEGIN
    returns, before peewee counts the transaction; or it lands after peewee
    ended its count and before COMMIT. Either way no `with` will end that
    transaction: the next BEGIN fails ("cannot start a transaction within a
    transaction"), and whatever runs meanwhile (the lock's release) is rolled
    back when the process exits. So what runs after an interrupt (releasing the
    lock, recording the run's end) calls this first. What it rolls back was
    never committed: nothing, or one whole race the stop then does not keep.
    PostgreSQL needs none of it: a BEGIN inside a transaction only warns, and
    the next COMMIT ends both.
    """
    db = current_database()
    if (
        isinstance(db, peewee.SqliteDatabase)
        and not db.is_closed()
        and db.transaction_depth() == 0
        and db.connection().in_transaction
    ):
        logger.debug("rolled back a transaction an interrupt left open")
        db.rollback()


def is_stale(row: IngestionRun, stale_after_s: float, now: datetime) -> bool:
    """A running run whose process is gone: dead on this machine, or silent past the TTL.

    `now` is the database's clock (`database_now`), read once by a caller that
    checks many runs.
    """
    if process_gone(row.host, row.pid):
        return True
    beat = row.heartbeat_at or row.started_at
    return (now - beat).total_seconds() > stale_after_s


def process_gone(host: str, pid: int) -> bool:
    """True when process `pid` of `host` is known to be dead: it ran on this machine and
    no longer exists. Another machine's processes cannot be seen; what they hold waits
    out its TTL."""
    if host != HOST or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # it exists, as another user's process
        return False
    return False


def abandon(run_id: int, why: str) -> bool:
    """Close a run whose process died before it could record its end.

    It is `failed` with the error code `abandoned` (RunAbandonedError, which
    `mre runs wait` answers with exit 8), so whoever waits for it learns that
    it will never end by itself. Only a run still running: True when this call
    closed it (of two processes that find it dead at once, one does).
    """
    closed = (
        IngestionRun.update(
            status=RUN_FAILED,
            finished_at=utcnow(),
            error_code=RunAbandonedError.code,
            error_message=why,
        )
        .where((IngestionRun.id == run_id) & (IngestionRun.status == RUN_RUNNING))
        .execute()
    )
    return closed == 1


class Heartbeat:
    """A daemon thread that calls `beats` every `interval_s` until stopped.

    It runs in its own thread (and so on its own connection to `db`) because
    a slow page, retried with backoff, must not let a run look dead.
    """

    def __init__(
        self, db: peewee.Database, interval_s: float, beats: list[Callable[[], None]]
    ) -> None:
        self._db = db
        self._interval = interval_s
        self._beats = beats
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="mre-heartbeat", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        with use_database(self._db):
            while not self._stop.wait(self._interval):
                for beat in self._beats:
                    try:
                        beat()
                    except Exception as exc:  # a missed beat is logged, never fatal
                        logger.warning("heartbeat failed: {}", exc)
