"""Jobs on PostgreSQL: every queued run gets a procrastinate job that says "run it".

On SQLite the run table is the queue: workers claim the oldest queued run
(`job_queue.claim_next`). On PostgreSQL, where workers on many machines
share the database, they are procrastinate's (`mre_core.jobs.procrastinate_app`),
woken by LISTEN/NOTIFY. The run table stays the truth: a procrastinate job
`mre.run_job(run_id=N)` only says that run N has to be run, and the task
claims the run (queued -> running) before running it, or skips it if the
run is no longer queued (cancelled, taken over by a foreground command).

Each job is deferred on the caller's own connection, inside the transaction
that queued the run, so neither is ever committed without the other. It
carries the run's job key as its `queueing_lock` (one waiting job per
target) and its `lock` (one running job per target).

Every method here runs inside the caller's transaction, on the database the
models are bound to (a service method), through procrastinate's own queries
(`procrastinate.sql.queries`) on that connection. procrastinate's pool is
never opened for it: a service that only submits jobs holds no connection
of procrastinate's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from mre_core.errors import DatabaseError, UsageError, first_line
from mre_core.storage.database import current_database
from mre_core.storage.models import RUN_QUEUED

# procrastinate's names of mre's tasks (a worker knows them by these names).
RUN_JOB_TASK = "mre.run_job"
TRACK_SYNC_TASK = "mre.track_sync"


class JobDispatch:
    """procrastinate's side of the queue operations of `job_queue` (PostgreSQL only)."""

    def __init__(self) -> None:
        self._manager: Any = None

    def _jobs(self) -> Any:
        if self._manager is None:
            procrastinate = require_procrastinate()
            # Never opened: every call passes the caller's connection.
            self._manager = procrastinate.manager.JobManager(procrastinate.SyncPsycopgConnector())
        return self._manager

    def defer(self, run_id: int, key: str) -> None:
        """Give queued run `run_id` a new job.

        A waiting job of the same key is for a run no longer queued (one
        cancelled or taken over by a foreground command; there is only one
        active run per key): it holds the queueing lock, so it is cancelled
        first. If another process gave this run a job meanwhile (procrastinate
        refuses a second one), that one will do.
        """
        procrastinate = require_procrastinate()
        db = current_database()
        with _errors("queueing the job"), db.atomic():  # a savepoint: a refusal rolls back alone
            self._cancel_waiting(
                "SELECT id FROM procrastinate_jobs WHERE queueing_lock = %s AND status = 'todo'",
                (key,),
            )
            try:
                with db.atomic():
                    procrastinate.tasks.configure_task(
                        name=RUN_JOB_TASK,
                        job_manager=self._jobs(),
                        queueing_lock=key,
                        lock=key,
                        connection=db.connection(),
                    ).defer(run_id=run_id)
            except procrastinate.exceptions.AlreadyEnqueued:
                pass

    def withdraw(self, run_ids: Iterable[int]) -> None:
        """The runs were cancelled or taken over before a worker started them: their
        waiting jobs are cancelled (a worker would only skip them)."""
        ids = list(run_ids)
        if not ids:
            return
        with _errors("withdrawing the job"):
            self._cancel_waiting(
                "SELECT id FROM procrastinate_jobs WHERE task_name = %s AND status = 'todo' "
                "AND (args ->> 'run_id')::bigint = ANY(%s)",
                (RUN_JOB_TASK, ids),
            )

    def replace(self, run_id: int, key: str) -> None:
        """The run's worker died and the run is queued again: its jobs are ended (a waiting
        one cancelled, a running one failed: its worker is gone, and it holds the lock of
        the run's target) and a new job is deferred, which wakes a worker at once."""
        procrastinate = require_procrastinate()
        db = current_database()
        with _errors("replacing the job of a stalled run"), db.atomic():
            cursor = db.execute_sql(
                "SELECT id, status FROM procrastinate_jobs WHERE task_name = %s "
                "AND status IN ('todo', 'doing') AND (args ->> 'run_id')::bigint = %s "
                "FOR UPDATE",
                (RUN_JOB_TASK, run_id),
            )
            connector = self._jobs().connector
            for job_id, status in cursor.fetchall():
                if status == "todo":
                    self._jobs().cancel_job_by_id(job_id, connection=db.connection())
                else:
                    connector.execute_query_one_with_connection(
                        db.connection(),
                        query=procrastinate.sql.queries["finish_job"],
                        job_id=job_id,
                        status="failed",
                        delete_job=False,
                    )
            self.defer(run_id, key)

    def orphans(self, run_ids: Iterable[int] | None = None) -> list[tuple[int, str]]:
        """(id, job key) of the queued runs that have no waiting or running job: put back in
        the queue by a worker that stopped (it defers theirs once its own job has ended),
        copied from another database, or whose job was removed by hand."""
        only = "" if run_ids is None else "AND r.id = ANY(%s)"
        params: tuple[Any, ...] = (RUN_QUEUED, RUN_JOB_TASK)
        if run_ids is not None:
            params = (*params, list(run_ids))
        cursor = current_database().execute_sql(
            "SELECT r.id, r.job_key FROM ingestion_runs r WHERE r.status = %s "
            "AND r.job_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM procrastinate_jobs j "
            "WHERE j.task_name = %s AND j.status IN ('todo', 'doing') "
            f"AND (j.args ->> 'run_id')::bigint = r.id) {only} ORDER BY r.id",
            params,
        )
        return [(run_id, key) for run_id, key in cursor.fetchall()]

    def _cancel_waiting(self, select: str, params: tuple[Any, ...]) -> None:
        db = current_database()
        for (job_id,) in db.execute_sql(select, params).fetchall():
            self._jobs().cancel_job_by_id(job_id, connection=db.connection())


def require_procrastinate() -> Any:
    """The procrastinate package, or one line saying how to install it (exit 2)."""
    try:
        import procrastinate
        import procrastinate.exceptions
        import procrastinate.manager
        import procrastinate.sql
        import procrastinate.tasks
    except ImportError:
        raise UsageError(
            "jobs and workers on PostgreSQL need procrastinate: pip install 'mre-core[postgres]'"
        ) from None
    return procrastinate


@contextmanager
def _errors(doing: str) -> Iterator[None]:
    """procrastinate's own errors (a lost connection) as mre's DatabaseError (exit 7)."""
    from procrastinate.exceptions import ConnectorException

    try:
        yield
    except ConnectorException as error:
        cause = error.__cause__ or error
        raise DatabaseError(f"database error while {doing}: {first_line(cause)}") from error
