"""One deep ingestion per event at a time, across processes and machines.

A row in `ingest_locks` per key, taken with a compare-and-swap UPDATE that
works the same on SQLite and PostgreSQL. The holder's heartbeat pushes
`expires_at` forward; a lock whose holder stopped beating (the process died,
was killed, or hangs on a pooled connection that never closes) is taken over
once it has expired, after `MRE_LOCK_TTL_S` (120 s by default). On the same
machine, a holder whose process no longer exists is taken over at once.

Expiry is judged by the database's clock, the same for every machine. A
holder that lost its lock (frozen past the TTL, say, and taken over) can
never write again: the last statement of each of its transactions is
`fence()`, which renews the lock only if it is still this run's, and
otherwise fails, so the transaction rolls back and nothing of it lands.
On PostgreSQL the fence's UPDATE also holds the lock row until commit, so
a takeover waits for a race being written instead of interleaving with it.

The lock lives in a table, not in the database session (a PostgreSQL
advisory lock would be freed only when its connection closes, and a
connection pool may keep it open forever), so a leaked connection cannot
block an event.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta

import peewee
from loguru import logger

from mre_core.errors import InProgressError
from mre_core.service.runs import HOST, abandon, discard_interrupted_transaction, process_gone
from mre_core.storage.clock import database_now
from mre_core.storage.database import current_database, write_transaction
from mre_core.storage.models import IngestLock


class LockLostError(InProgressError):
    """This run's lock was taken over: what it was writing is rolled back."""

    code = "lock_lost"


def event_lock_key(source: str, event_id: str) -> str:
    return f"event:{source}:{event_id}"


class Lock:
    def __init__(self, key: str, run_id: int, ttl_s: float, what: str) -> None:
        self.key = key
        self.run_id = run_id
        self.ttl = timedelta(seconds=ttl_s)
        self.what = what
        self.owner = f"{HOST}:{os.getpid()}:{secrets.token_hex(4)}"
        self.lost = False

    def acquire(self) -> None:
        """Take the lock or raise InProgressError; takes over an expired or orphaned one."""
        with write_transaction():
            row = IngestLock.get_or_none(IngestLock.lock_key == self.key)
            if row is None:
                try:
                    with current_database().atomic():  # a savepoint: a lost race rolls back alone
                        IngestLock.create(lock_key=self.key, **self._holding())
                    return
                except peewee.IntegrityError:
                    row = IngestLock.get(IngestLock.lock_key == self.key)
            now = database_now()
            free = row.owner is None or row.expires_at is None or row.expires_at < now
            if not free and not _orphaned_here(row.owner):
                raise InProgressError(
                    f"{self.what} is being ingested by run {row.run_id} ({row.owner}) "
                    f"since {row.acquired_at:%Y-%m-%d %H:%M:%S} UTC; try again later"
                )
            # Compare-and-swap on what was read, owner and expiry both: under
            # PostgreSQL's READ COMMITTED the holder's heartbeat may have renewed
            # the lock since our SELECT, and a renewed lock is not free.
            taken = (
                IngestLock.update(**self._holding())
                .where(
                    (IngestLock.lock_key == self.key)
                    & _same(IngestLock.owner, row.owner)
                    & _same(IngestLock.expires_at, row.expires_at)
                )
                .execute()
            )
            if taken != 1:
                raise InProgressError(f"{self.what} was just taken by another run; try again later")
            if row.owner is not None and row.run_id != self.run_id:  # not this job, resumed
                self._abandon(row)

    def _holding(self) -> dict[str, object]:
        now = database_now()
        return {
            "owner": self.owner,
            "run": self.run_id,
            "acquired_at": now,
            "expires_at": now + self.ttl,
        }

    def _abandon(self, row: IngestLock) -> None:
        logger.warning(
            "took over the lock on {} from {} (run {}): it stopped heartbeating",
            self.what,
            row.owner,
            row.run_id,
        )
        abandon(row.run_id, f"its process stopped; run {self.run_id} took over its event")

    def renew(self) -> None:
        """Called by the heartbeat; a lock found taken by someone else is marked lost."""
        if not self._renewed():
            self.lost = True

    def check(self) -> None:
        """Stop before writing more if another run took the lock over."""
        if self.lost:
            raise LockLostError(f"lost the lock on {self.what} to another run; stopping")

    def fence(self) -> None:
        """The last statement of a transaction that writes the locked thing.

        Renews the lock if it is still this run's; if another run took it
        over meanwhile, raises, so the transaction rolls back whole.
        """
        if not self._renewed():
            self.lost = True
            raise LockLostError(
                f"lost the lock on {self.what} to another run: the last write was undone"
            )

    def _renewed(self) -> bool:
        """Push the expiry on if the lock is still this run's (False: it was taken over)."""
        renewed = (
            IngestLock.update(expires_at=database_now() + self.ttl)
            .where((IngestLock.lock_key == self.key) & (IngestLock.owner == self.owner))
            .execute()
        )
        return renewed == 1

    def release(self) -> None:
        """Free the lock if it is still this run's (also after an interrupt: see
        `discard_interrupted_transaction`, else the release would be rolled back)."""
        discard_interrupted_transaction()
        IngestLock.update(owner=None, expires_at=None).where(
            (IngestLock.lock_key == self.key) & (IngestLock.owner == self.owner)
        ).execute()


def _same(column: peewee.Field, value: object) -> peewee.Expression:
    return column.is_null() if value is None else column == value


def _orphaned_here(owner: str | None) -> bool:
    """True when the holder ran on this machine and its process no longer exists."""
    if not owner:
        return True
    host, _, rest = owner.partition(":")
    pid_text = rest.split(":", 1)[0]
    return pid_text.isdigit() and process_gone(host, int(pid_text))
