"""The run table as a queue: submit, claim, cancel, requeue, settle a parent, and close
the runs of processes that died.

Every function runs against the database the caller bound (a service
method) and in a write transaction of its own, so two processes submitting
or claiming at once take turns. The partial unique index on `job_key` over
queued and running runs is the last word: a submission that loses a race
finds the winner's run instead of making a second.

On PostgreSQL the caller passes a `JobDispatch` (mre_core.service.dispatch):
a run queued here gets its procrastinate job in the same transaction, and a
run that leaves the queue another way (cancelled, taken over, its worker
dead) has its job withdrawn or replaced. On SQLite it is None: workers read
the run table itself.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import peewee

from mre_core.errors import InProgressError
from mre_core.service.runs import HOST, abandon, is_stale
from mre_core.storage.clock import database_now
from mre_core.storage.database import current_database, write_transaction
from mre_core.storage.models import (
    RUN_ACTIVE,
    RUN_CANCELLED,
    RUN_FAILED,
    RUN_QUEUED,
    RUN_RUNNING,
    RUN_SUCCEEDED,
    IngestionRun,
)
from mre_core.storage.prepared import Prepared
from mre_core.timeutil import utcnow

if TYPE_CHECKING:
    from mre_core.service.dispatch import JobDispatch

# What `submit` answers: a new job waits, or a run of the same target was already
# queued or running (its id is the answer), or there is nothing to do.
QUEUED = "queued"
IN_PROGRESS = "in_progress"
ALREADY_COMPLETE = "already_complete"

# A parent (an event sync that queued its events) waits for its children
# without a process: its params say so, and stalled-run checks leave it alone.
WAITING = "waiting_for_children"


@dataclass(frozen=True, slots=True)
class Submission:
    run_id: int
    status: str

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "status": self.status}


def job_key(operation: str, source: str, target: str) -> str:
    return f"{operation}:{source}:{target}"


def submit(
    operation: str,
    source: str,
    target: str,
    params: dict[str, Any],
    parent_id: int | None = None,
    stale_after_s: float = 120.0,
    dispatch: JobDispatch | None = None,
) -> Submission:
    """Queue a job, or answer with the queued or running run of the same target."""
    key = job_key(operation, source, target)
    with write_transaction():
        active = _active(key, stale_after_s, dispatch)
        if active is not None:
            return Submission(active.id, IN_PROGRESS)
        try:
            row = _new_run(operation, source, target, params, parent_id, RUN_QUEUED)
        except peewee.IntegrityError:
            winner = IngestionRun.get((IngestionRun.job_key == key) & _is_active())
            return Submission(winner.id, IN_PROGRESS)
        if dispatch is not None:
            dispatch.defer(row.id, key)
    return Submission(row.id, QUEUED)


def start_here(
    operation: str,
    source: str,
    target: str,
    params: dict[str, Any],
    parent_id: int | None,
    stale_after_s: float,
    dispatch: JobDispatch | None = None,
) -> IngestionRun:
    """The run row of an operation this process runs now (the CLI's foreground).

    A queued job of the same target is taken over and run here (it is the
    same work); a running one answers InProgressError, and no run row is
    left behind for the refused attempt.
    """
    key = job_key(operation, source, target)
    with write_transaction():
        active = _active(key, stale_after_s, dispatch)
        if active is not None and active.status == RUN_QUEUED:
            if _claim(active.id):
                if dispatch is not None:
                    dispatch.withdraw([active.id])
                return IngestionRun.get_by_id(active.id)
        elif active is not None:
            what = (
                f"event {target} is being ingested"
                if operation == "ingest_event"
                else (f"{operation} {target} is running")
            )
            raise InProgressError(
                f"{what} by run {active.id} ({active.host}:{active.pid}) since "
                f"{active.started_at:%Y-%m-%d %H:%M:%S} UTC; see `mre runs show {active.id}`"
            )
        try:
            return _new_run(operation, source, target, params, parent_id, RUN_RUNNING)
        except peewee.IntegrityError:
            raise InProgressError(
                f"{target} was just taken by another run; try again later"
            ) from None


def _new_run(
    operation: str,
    source: str,
    target: str,
    params: dict[str, Any],
    parent_id: int | None,
    status: str,
) -> IngestionRun:
    """A new run row of this process: a job `queued` (no tries yet), or `running` here.
    In a savepoint: a race lost to another process's run of the same target (the
    unique index on active job keys: IntegrityError) rolls back alone."""
    now = utcnow()
    times = {"queued_at": now, "attempts": 0} if status == RUN_QUEUED else {"heartbeat_at": now}
    with current_database().atomic():
        return IngestionRun.create(
            operation=operation,
            source=source,
            target=target,
            status=status,
            parent=parent_id,
            started_at=now,
            params=json.dumps(params, sort_keys=True),
            job_key=job_key(operation, source, target),
            host=HOST,
            pid=os.getpid(),
            **times,
        )


def claim(run_id: int) -> bool:
    """Take queued run `run_id` for this process (False: it is no longer queued)."""
    with write_transaction():
        return _claim(run_id)


def claim_next() -> int | None:
    """Take the oldest queued job for this process; None when the queue is empty."""
    with write_transaction():
        row = (
            IngestionRun.select(IngestionRun.id)
            .where(IngestionRun.status == RUN_QUEUED)
            .order_by(IngestionRun.id)
            .first()
        )
        if row is None or not _claim(row.id):
            return None
        return row.id


def _claim(run_id: int) -> bool:
    now = utcnow()
    return (
        IngestionRun.update(
            status=RUN_RUNNING,
            started_at=now,
            heartbeat_at=now,
            host=HOST,
            pid=os.getpid(),
            attempts=peewee.fn.COALESCE(IngestionRun.attempts, 0) + 1,
        )
        .where((IngestionRun.id == run_id) & (IngestionRun.status == RUN_QUEUED))
        .execute()
        == 1
    )


def requeue(run_id: int, why: str) -> None:
    """Put a running job back in the queue (its whole races are kept): a worker stops."""
    with write_transaction():
        _requeue(run_id, why)


def close_dead(stale_after_s: float, dispatch: JobDispatch | None = None) -> list[int]:
    """Close every run whose process died (killed, crashed, or silent past the TTL), of
    any operation; returns their ids.

    A job goes back to the queue (with a new job on PostgreSQL) for a worker
    to complete; a run of the foreground is closed as abandoned. A killed
    process cannot say so itself: this is called by every run as it starts,
    by workers now and then, and by the service's readers of runs (`mre
    status`, `runs list`, `show`, `wait`), so none stays `running` forever.
    It only reads unless a run is dead: a reader polling it takes no write lock.
    """
    if not _dead(stale_after_s):
        return []
    with write_transaction():
        return _close_dead(stale_after_s, dispatch)


def cancel(run_id: int, dispatch: JobDispatch | None = None) -> str:
    """Cancel a queued job at once; ask a running one to stop between races.

    Returns the run's status after the call. A parent's queued children are
    cancelled with it, and its running ones are asked to stop.
    """
    with write_transaction():
        row = IngestionRun.get_by_id(run_id)
        if row.status not in RUN_ACTIVE:
            return row.status
        if dispatch is not None:
            dispatch.withdraw(
                r.id
                for r in IngestionRun.select(IngestionRun.id).where(
                    ((IngestionRun.id == run_id) | (IngestionRun.parent == run_id))
                    & (IngestionRun.status == RUN_QUEUED)
                )
            )
        now = utcnow()
        IngestionRun.update(cancel_requested_at=now).where(
            (IngestionRun.id == run_id) | (IngestionRun.parent == run_id)
        ).where(IngestionRun.status.in_(RUN_ACTIVE)).execute()
        IngestionRun.update(
            status=RUN_CANCELLED,
            finished_at=now,
            error_code="cancelled",
            error_message="cancelled before it started",
        ).where(
            ((IngestionRun.id == run_id) | (IngestionRun.parent == run_id))
            & (IngestionRun.status == RUN_QUEUED)
        ).execute()
        if is_waiting(row):
            _settle(IngestionRun.get_by_id(run_id))
        return IngestionRun.get_by_id(run_id).status


def wait_for_children(run_id: int, count: int, requests: int, counts: dict[str, Any]) -> None:
    """Mark a parent as waiting for the `count` children it queued (no process holds it);
    what it did itself (its requests and rows) is kept for the total at its end."""
    with write_transaction():
        row = IngestionRun.get_by_id(run_id)
        params = json.loads(row.params or "{}")
        params[WAITING] = True
        IngestionRun.update(
            params=json.dumps(params, sort_keys=True),
            progress_step=f"waiting for {count} events",
            progress_total=1 + count,
            requests=requests,
            counts=json.dumps(counts),
        ).where(IngestionRun.id == run_id).execute()
        _settle(IngestionRun.get_by_id(run_id))


def settle_parent(parent_id: int | None) -> None:
    """After a child ends: end its waiting parent if that was the last one."""
    if parent_id is None:
        return
    with write_transaction():
        parent = IngestionRun.get_or_none(IngestionRun.id == parent_id)
        if parent is not None and is_waiting(parent):
            _settle(parent)


def _settle(parent: IngestionRun) -> None:
    children = list(IngestionRun.select().where(IngestionRun.parent == parent.id))
    done = [c for c in children if c.status not in RUN_ACTIVE]
    IngestionRun.update(progress_done=1 + len(done)).where(IngestionRun.id == parent.id).execute()
    if len(done) < len(children) or parent.status not in RUN_ACTIVE:
        return
    counts = _merged_counts(parent, children)
    failed = [c for c in children if c.status == RUN_FAILED]
    status, code, message = RUN_SUCCEEDED, None, None
    if parent.cancel_requested_at is not None:
        status, code, message = RUN_CANCELLED, "cancelled", "cancelled by request"
    elif failed:
        status, code = RUN_FAILED, failed[0].error_code
        message = (
            f"{len(failed)} of {len(children)} events failed; first: {failed[0].error_message}"
        )
    IngestionRun.update(
        status=status,
        finished_at=utcnow(),
        error_code=code,
        error_message=message,
        requests=parent.requests + sum(c.requests for c in children),
        counts=json.dumps(counts),
        progress_step="done",
    ).where((IngestionRun.id == parent.id) & IngestionRun.status.in_(RUN_ACTIVE)).execute()


def active_run(operation: str, source: str, target: str) -> IngestionRun | None:
    """The queued or running run of this target, if any."""
    key = job_key(operation, source, target)
    return IngestionRun.get_or_none((IngestionRun.job_key == key) & _is_active())


def pending() -> int:
    return IngestionRun.select().where(_is_active()).count()


def _merged_counts(parent: IngestionRun, children: list[IngestionRun]) -> dict[str, Any]:
    from mre_core.storage.counts import Counts

    total = Counts.from_dict(json.loads(parent.counts or "{}"))
    for child in children:
        total.merge(Counts.from_dict(json.loads(child.counts or "{}")))
    return total.as_dict()


def is_waiting(row: IngestionRun) -> bool:
    """A parent waiting for the children it queued: no process holds it, and it has no
    heartbeat, yet it is alive."""
    return bool(json.loads(row.params or "{}").get(WAITING))


def _is_active() -> peewee.Expression:
    return IngestionRun.status.in_(RUN_ACTIVE)


def _active(
    key: str, stale_after_s: float, dispatch: JobDispatch | None = None
) -> IngestionRun | None:
    """The queued or running run of `key`, once the runs whose process died are closed
    (this one's among them: a job found so is queued again, and taken over by the caller)."""
    _close_dead(stale_after_s, dispatch)
    return IngestionRun.get_or_none((IngestionRun.job_key == key) & _is_active())


_RUNNING = Prepared(
    IngestionRun,
    lambda: (
        IngestionRun.select().where(IngestionRun.status == RUN_RUNNING).order_by(IngestionRun.id)
    ),
    0,
)


def running_runs() -> list[IngestionRun]:
    """The runs marked running, oldest first: read on every poll of a run and before
    every claim, so its SQL is built once (see storage.prepared)."""
    return _RUNNING()


def _dead(stale_after_s: float) -> list[IngestionRun]:
    """The running runs whose process is gone. A parent waiting for its children has
    no process: never dead."""
    rows = running_runs()
    if not rows:
        return []
    now = database_now()
    return [row for row in rows if not is_waiting(row) and is_stale(row, stale_after_s, now)]


def _close_dead(stale_after_s: float, dispatch: JobDispatch | None) -> list[int]:
    """`close_dead` inside the caller's write transaction."""
    closed = []
    for row in _dead(stale_after_s):
        if row.queued_at is None:
            done = abandon(row.id, "its process stopped before the run ended")
        else:
            done = _requeue(row.id, "requeued: its worker stopped")
            if done and dispatch is not None:
                dispatch.replace(row.id, row.job_key)
        if done:
            closed.append(row.id)
    return closed


def _requeue(run_id: int, why: str) -> bool:
    """Put running job `run_id` back in the queue, its whole races kept (False: it was no
    longer running)."""
    requeued = (
        IngestionRun.update(status=RUN_QUEUED, progress_step=why[:255])
        .where((IngestionRun.id == run_id) & (IngestionRun.status == RUN_RUNNING))
        .execute()
    )
    return requeued == 1
