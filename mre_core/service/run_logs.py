"""Each run's log lines, kept in the database: the one channel every process shares.

An admin page follows a run wherever it runs (this process, a worker on
another machine), so the lines a run logs (those carrying its `run_id`, see
`mre_core.logs`) go to the `run_logs` table, and are read back by id.

Logging must never fail or slow an import, so the sink (`RunLogBook`) only
appends to memory and lines are written in batches, at three moments:

- **between two steps of the run, by the run's own thread** (a progress
  listener), when its connection has no transaction open: on SQLite the
  import then never waits for a log write, nor a log write for it, since
  they take turns on one connection;
- **by a flusher thread**, for lines that have waited `FLUSH_AFTER_S`
  (the run's thread is in a long fetch or a backoff): a line reaches the
  table within about a second. It may wait for SQLite's write lock; the
  import is never waiting for it;
- **at the run's end**, by its thread: whatever is left, and a line saying
  how many were dropped.

One batch is written at a time (`_writing`), so a run's lines get ids in
the order they were logged and a reader paging by id (`after_id`) never
skips one committed late. A write that fails is dropped with a debug line.

A run keeps at most `MRE_RUN_LOG_MAX_LINES` lines below WARNING; its
warnings and errors are kept up to twice that, so even a run looping on a
warning cannot fill the table. Lines a job logged before it was requeued
(another process, earlier) count too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import peewee
from loguru import logger

from mre_core.errors import NotFoundError, UsageError, first_line
from mre_core.logs import KeptSink
from mre_core.service.lookup import MAX_ROW_ID, get_row
from mre_core.service.runs import Progress
from mre_core.storage.database import DATABASE_ERRORS, database_proxy, use_database
from mre_core.storage.models import IngestionRun, RunLog
from mre_core.timeutil import utcnow
from mre_core.url_masking import mask_passwords

# Lines below this level (DEBUG, TRACE) are for a developer's terminal, not the run's record.
STORED_LEVEL = "INFO"
KEPT_PAST_THE_BOUND = logger.level("WARNING").no
FLUSH_AFTER_S = 1.0
TICK_S = 0.25
# A message longer than this is cut: a line is for reading, and the table stays small.
MAX_MESSAGE_CHARS = 4000
# Rows per INSERT: well under SQLite's and PostgreSQL's limits on parameters.
INSERT_CHUNK = 500
MAX_PAGE = 5000


@dataclass(slots=True)
class _Run:
    counted: int  # lines counted against the bound: stored, being written, or waiting
    dropped: int = 0
    finished: bool = False
    waiting: list[dict[str, Any]] = field(default_factory=list)
    since: float = 0.0  # when the oldest waiting line was logged (monotonic)


class RunLogBook:
    """The lines of the runs a service executes, on their way to its database.

    One per service, from its opening to its close (`close`). `capture` wraps
    a run; `on_progress` is one of the service's progress listeners.
    """

    def __init__(self, db: peewee.Database, max_lines: int) -> None:
        self.db = db
        self._max = max_lines
        self._runs: dict[int, _Run] = {}
        self._lock = threading.Lock()  # guards _runs: the sink is called from any thread
        self._writing = threading.Lock()  # one batch at a time: ids in the order logged
        self._stop = threading.Event()
        self._flusher: threading.Thread | None = None
        self._sink = KeptSink(
            self._accept, level=STORED_LEVEL, filter=self._ours, format="{message}"
        )

    # --- taking lines in --------------------------------------------------------------

    def _ours(self, record: Any) -> bool:
        """A line of a run this service is executing, on this service's database (two
        services in one process may both have a run 5)."""
        return record["extra"].get("run_id") in self._runs and database_proxy.obj is self.db

    def _accept(self, message: Any) -> None:
        record = message.record
        text = mask_passwords(record["message"]).replace("\x00", "")[:MAX_MESSAGE_CHARS]
        line = {
            "run": record["extra"]["run_id"],
            # loguru's own datetime class, which no database driver knows: a plain one
            "at": datetime.fromtimestamp(record["time"].timestamp(), UTC).replace(tzinfo=None),
            "level": record["level"].name[:16],
            "message": text,
        }
        kept_past_bound = record["level"].no >= KEPT_PAST_THE_BOUND
        with self._lock:
            run = self._runs.get(line["run"])
            if run is None or run.finished:
                return
            limit = 2 * self._max if kept_past_bound else self._max
            if run.counted >= limit:
                run.dropped += 1
                return
            run.counted += 1
            if not run.waiting:
                run.since = time.monotonic()
            run.waiting.append(line)

    @contextmanager
    def capture(self, run_id: int) -> Iterator[None]:
        """Keep what run `run_id` logs during the block; at its end write the rest."""
        counted = self._stored(run_id)
        with self._lock:
            self._runs[run_id] = _Run(counted)
        self._start_flusher()
        try:
            yield
        finally:
            with self._lock:
                run = self._runs[run_id]
                run.finished = True
                if run.dropped:
                    run.waiting.append(self._dropped_line(run_id, run.dropped))
                run.since = 0.0  # due now, for the flusher if this thread cannot write
            if _between_transactions(self.db):
                with self._writing:
                    self._write(self._take(lambda rid, _: rid == run_id))

    def _dropped_line(self, run_id: int, dropped: int) -> dict[str, Any]:
        return {
            "run": run_id,
            "at": utcnow(),
            "level": "WARNING",
            "message": f"{dropped} log lines dropped: the run reached "
            f"MRE_RUN_LOG_MAX_LINES ({self._max})",
        }

    def _stored(self, run_id: int) -> int:
        """Lines the run has already (a job requeued, now resumed here)."""
        try:
            return RunLog.select().where(RunLog.run == run_id).count()
        except DATABASE_ERRORS as exc:
            logger.debug("run {}: could not count its stored log lines: {}", run_id, exc)
            return 0

    # --- writing them out -------------------------------------------------------------

    def on_progress(self, progress: Progress) -> None:
        """A step of a run ended, in the run's thread: write its lines now if this thread
        is between transactions and no other batch is being written (else they wait)."""
        if progress.run_id not in self._runs or database_proxy.obj is not self.db:
            return
        if not _between_transactions(self.db) or not self._writing.acquire(blocking=False):
            return
        try:
            self._write(self._take(lambda rid, _: rid == progress.run_id))
        finally:
            self._writing.release()

    def _start_flusher(self) -> None:
        with self._lock:
            if self._flusher is None:
                self._flusher = threading.Thread(
                    target=self._flush_loop, name="mre-run-logs", daemon=True
                )
                self._flusher.start()

    def _flush_loop(self) -> None:
        while not self._stop.wait(TICK_S):
            self.flush(FLUSH_AFTER_S)

    def flush(self, older_than_s: float = 0.0) -> None:
        """Write the lines of every run whose oldest waiting line is `older_than_s` old."""
        due = time.monotonic() - older_than_s
        with self._writing:
            lines = self._take(lambda _, run: run.since <= due)
            if lines:
                with use_database(self.db):
                    self._write(lines)

    def _take(self, which: Callable[[int, _Run], bool]) -> list[dict[str, Any]]:
        """The waiting lines of the runs `which` picks; a finished run is forgotten."""
        taken: list[dict[str, Any]] = []
        with self._lock:
            for run_id, run in list(self._runs.items()):
                if not which(run_id, run):
                    continue
                taken += run.waiting
                run.waiting = []
                if run.finished:
                    del self._runs[run_id]
        return taken

    @staticmethod
    def _write(lines: list[dict[str, Any]]) -> None:
        for start in range(0, len(lines), INSERT_CHUNK):
            chunk = lines[start : start + INSERT_CHUNK]
            try:
                RunLog.insert_many(chunk).execute()
            except Exception as exc:  # a log line must never fail the run
                logger.debug("{} run log lines dropped: {}", len(chunk), first_line(exc))

    def close(self) -> None:
        """Stop taking lines, write what waits, stop the flusher (the service closes)."""
        self._sink.remove()
        self._stop.set()
        if self._flusher is not None:
            self._flusher.join()
        self.flush()


def _between_transactions(db: peewee.Database) -> bool:
    """This thread has a connection to `db` and no transaction open on it (on SQLite, not
    even one an interrupt left open): a write now is its own, committed at once."""
    if db.is_closed() or db.transaction_depth() > 0:
        return False
    if isinstance(db, peewee.SqliteDatabase):
        return not db.connection().in_transaction
    return True


def read_lines(run_id: int, after_id: int, limit: int) -> list[dict[str, Any]]:
    """Run `run_id`'s lines with an id above `after_id`, oldest first, at most `limit`."""
    if not 1 <= limit <= MAX_PAGE:
        raise UsageError(f"limit must be from 1 to {MAX_PAGE}, not {limit}")
    if after_id < 0:
        raise UsageError(f"after_id must be 0 or more, not {after_id}")
    if get_row(IngestionRun, run_id) is None:
        raise NotFoundError(f"run {run_id} does not exist (see `mre runs list`)")
    if after_id >= MAX_ROW_ID:
        return []
    query = (
        RunLog.select(RunLog.id, RunLog.at, RunLog.level, RunLog.message)
        .where((RunLog.run == run_id) & (RunLog.id > after_id))
        .order_by(RunLog.id)
        .limit(limit)
    )
    return [
        {"id": line_id, "at": at, "level": level, "message": message}
        for line_id, at, level, message in query.tuples()
    ]
