"""Politeness shared through the database: a fleet is as polite as one process.

Every process and worker using one database (CLI runs, `mre worker`s, an
app's service, on one machine or many) draws on one budget per site, kept
in two tables (schema 3):

- `site_budgets`, a row per site: `next_start_at` (where the queue of
  reserved starts ends), `last_start_at` (when the last request was let
  go) and `hold_until`;
- `site_slots`, a row per (site, slot), `MRE_HTTP_CONCURRENCY` of them: a
  request holds one as a lease (`owner`, `expires_at`) from the moment it
  reserves its start until its answer is read.

Each decision is one short write transaction (PostgreSQL: the site's row
`SELECT ... FOR UPDATE`; SQLite: `BEGIN IMMEDIATE`) that reads the
database's clock and decides the three limits together: a free slot, a
start one interval after the last, and no start before a hold ends. So no
two processes can each see room for the same start. A request takes a slot
and reserves its start (pushing `next_start_at` an interval on), sleeps
until then, and confirms it in a second such transaction just before it
sends: it goes only if the hold has not been extended meanwhile and an
interval has passed since the last request that went (else it waits again,
or queues behind the hold). The confirmation keeps starts spaced even when
a request set off late (its process busy or not scheduled), since the next
one then waits for it; a request whose start is now goes at once, in one
transaction. A 429, 503 or Retry-After sets `hold_until` (and pushes
`next_start_at` behind it) for everyone. A request that finds the site held
for longer than `MRE_HTTP_BACKOFF_MAX_S` from now does not wait: it fails at
once (`SiteHeldError`), freeing any slot it had taken.

Every time compared is the database server's, read in the transaction that
decides, so machines whose clocks disagree still keep the limits (each only
sleeps for durations the database computed). A lease lasts
`MRE_HTTP_SLOT_LEASE_S` (10 s) past its start and is renewed while the
request runs (`LeaseKeeper`), so a process that stops renewing (killed on
another machine, frozen by SIGSTOP, cut off from the database) frees its
slots one lease after its last renewal, while a slow request keeps its slot
as long as it runs; on the same machine, a slot whose process no longer
exists is taken over at once. A thread that finds no free slot looks again
every `POLL_S` (reading, not writing, until one may be free); the threads
of one process first queue for the process's own share (a semaphore), so a
process never asks for more slots than the limit.

Starts are spaced by `MRE_HTTP_MIN_INTERVAL_S` plus a little slack
(`SEND_SLACK_S`) for the time a request takes to reach the site after it is
let go. Each process applies its own settings: the spacing after each of
its requests is its own interval, and it counts the requests in flight
against its own `MRE_HTTP_CONCURRENCY`. Give a fleet one setting.

Not pyrate-limiter: it covers only the spacing, so the in-flight cap and
the hold would be two more decisions beside it, and no single transaction
could see all three; its SQLite bucket over-admits across processes unless
given a file lock (which breaks with filelock 4), and its PostgreSQL bucket
needs a psycopg_pool of its own and starved some processes under contention.
"""

from __future__ import annotations

import os
import random
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import peewee
from loguru import logger

from mre_core.http.pacing import site_held
from mre_core.settings import Settings
from mre_core.storage.clock import database_now
from mre_core.storage.database import (
    DATABASE_ERRORS,
    is_postgres,
    use_database,
    write_transaction,
)
from mre_core.storage.models import SiteBudget, SiteSlot

HOST = socket.gethostname()
# How often a thread that found every slot taken looks again (jittered, and
# by a read: the write transaction is tried only when a slot may be free).
POLL_S = 0.05
# A request reaches the site a little after it is let go: the commit, the
# send, a new connection, a busy CPU (measured: 1-3 ms, up to ~30 ms with
# four processes and PostgreSQL on two cores). Starts are spaced this much
# more than the interval (at most a tenth of it), so the site sees the
# interval even then.
SEND_SLACK_S = 0.02


@dataclass(frozen=True, slots=True)
class Lease:
    slot: int
    owner: str
    start: datetime  # the start reserved, by the database's clock
    wait_s: float  # how long to sleep before confirming it; 0: confirmed, go


class SharedGates:
    """One `SharedGate` per site, all on `db`; each gate makes its rows on first use."""

    def __init__(
        self,
        db: peewee.Database,
        settings: Settings,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._db = db
        self._settings = settings
        self._sleep = sleep
        self._keeper = LeaseKeeper(db, settings.http_slot_lease_s)
        self._gates: dict[str, SharedGate] = {}
        self._lock = threading.Lock()

    def for_site(self, site: str) -> SharedGate:
        with self._lock:
            gate = self._gates.get(site)
            if gate is None:
                s = self._settings
                gate = self._gates[site] = SharedGate(
                    self._db,
                    site,
                    concurrency=s.http_concurrency,
                    interval_s=s.http_min_interval_s,
                    max_wait_s=s.http_backoff_max_s,
                    keeper=self._keeper,
                    sleep=self._sleep,
                )
            return gate

    def close(self) -> None:
        self._keeper.stop()


class LeaseKeeper:
    """Renews the leases of this client's requests in flight, four times per lease.

    One thread per client, started with its first request and stopped by
    `stop()` (the client's close). A process that stops renewing (killed,
    frozen by SIGSTOP, cut off from the database) frees its slots one lease
    after its last renewal; a request that runs longer than a lease keeps
    its slot for as long as it runs.
    """

    def __init__(self, db: peewee.Database, lease_s: float) -> None:
        self._db = db
        self.lease = timedelta(seconds=max(0.5, lease_s))
        self._every = self.lease.total_seconds() / 4
        self._held: dict[str, str] = {}  # owner -> site, of the requests in flight
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def add(self, owner: str, site: str) -> None:
        with self._lock:
            self._held[owner] = site
            if self._thread is None and not self._stopping.is_set():
                self._thread = threading.Thread(
                    target=self._run, name="mre-site-leases", daemon=True
                )
                self._thread.start()

    def discard(self, owner: str) -> None:
        with self._lock:
            self._held.pop(owner, None)

    def stop(self) -> None:
        self._stopping.set()
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while not self._stopping.wait(self._every):
            with self._lock:
                owners = list(self._held)
            if not owners:
                continue
            try:
                with use_database(self._db):
                    until = database_now(self._db) + self.lease
                    renewed = (
                        SiteSlot.update(expires_at=until)
                        .where(SiteSlot.owner.in_(owners))
                        .execute()
                    )
            except DATABASE_ERRORS as exc:
                logger.warning("could not renew this process's slot leases: {}", exc)
                continue
            if renewed < len(owners):  # some ended meanwhile, or were lost: said on release
                logger.debug("renewed {} of {} slot leases", renewed, len(owners))


class SharedGate:
    """One site's budget in the database: the same `turn()` and `hold()` as `SiteGate`.

    Each statement runs in `use_database(db)`, on the calling thread's own
    connection (the prefetch threads of an ingestion have none of their own).
    """

    def __init__(
        self,
        db: peewee.Database,
        site: str,
        concurrency: int,
        interval_s: float,
        max_wait_s: float,
        keeper: LeaseKeeper,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._db = db
        self.site = site
        self._cap = max(1, concurrency)
        self._max_wait = timedelta(seconds=max_wait_s)
        interval_s = max(0.0, interval_s)
        self._interval = timedelta(seconds=interval_s + min(SEND_SLACK_S, interval_s / 10))
        self._keeper = keeper
        self._lease = keeper.lease
        self._sleep = sleep
        self._mine = threading.BoundedSemaphore(self._cap)  # this process's own share
        self._rows_made = False
        self._rng = random.Random()

    # --- what a request does ----------------------------------------------------------

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._mine:
            taken: list[Lease] = []  # the lease, as soon as there is one, for the finally
            try:
                self._take(taken)
                self._keeper.add(taken[0].owner, self.site)
                yield
            finally:
                if taken:
                    self._keeper.discard(taken[0].owner)
                    self._release(taken[0])

    def hold(self, seconds: float) -> datetime:
        """No request to this site from anyone sharing the database for `seconds` from now."""
        self._make_rows()
        with self._transaction():
            budget = self._locked_budget()
            until = database_now(self._db) + timedelta(seconds=max(0.0, seconds))
            held = max(budget.hold_until or until, until)
            SiteBudget.update(
                hold_until=held,
                next_start_at=max(budget.next_start_at, until),
            ).where(SiteBudget.site == self.site).execute()
        logger.debug("{}: on hold for {:.2f} s, for every process", self.site, seconds)
        return held.replace(tzinfo=UTC)

    # --- taking a slot and a start ----------------------------------------------------

    def _take(self, taken: list[Lease]) -> None:
        lease: Lease | None = None
        while True:
            lease = self._step(lease)
            taken[:] = [lease] if lease else []
            if lease is None:
                self._wait_for_a_free_slot()
            elif lease.wait_s <= 0:
                return  # let go: the request starts now
            else:
                self._sleep(lease.wait_s)

    def _step(self, lease: Lease | None) -> Lease | None:
        """One write transaction: take a slot and a start, or confirm the start `lease` slept to.

        A request may go only once the database's clock has reached its start,
        one interval past the last request let go (`last_start_at`), and the end
        of any hold; going records `last_start_at`. Checking again on waking, not
        only when reserving, keeps starts spaced even when a request set off late
        (its process busy, or not scheduled): the next one waits for it. None: no
        slot is free. SiteHeldError, writing nothing, if the site is held for
        longer than this gate waits (the caller frees the slot of `lease`).
        """
        self._make_rows()
        with self._transaction():
            budget = self._locked_budget()
            now = database_now(self._db)
            if budget.hold_until is not None and budget.hold_until - now > self._max_wait:
                raise site_held(
                    self.site, budget.hold_until.replace(tzinfo=UTC), self._max_wait.total_seconds()
                )
            held = budget.hold_until or now
            spaced = budget.last_start_at + self._interval if budget.last_start_at else now
            queued = max(now, budget.next_start_at, held, spaced)
            if lease is not None:
                if budget.hold_until is not None and budget.hold_until > lease.start:
                    # put on hold after it reserved its start: queue again behind the hold
                    start, requeue = queued, True
                else:  # keep its place; wait only for a late predecessor's spacing
                    start, requeue = max(now, spaced, lease.start), False
                if not self._renew(lease, max(start, now) + self._lease):
                    lease = None  # it slept past its lease and lost the slot: start over
            if lease is None:
                start, requeue = queued, True
                lease = self._take_free_slot(now, start + self._lease)
                if lease is None:
                    return None
            go = start <= now
            changes: dict[str, datetime] = {}
            if requeue:
                changes["next_start_at"] = start + self._interval
            if go:
                changes["last_start_at"] = now
            if changes:
                SiteBudget.update(**changes).where(SiteBudget.site == self.site).execute()
        wait_s = 0.0 if go else (start - now).total_seconds()
        return Lease(lease.slot, lease.owner, start if requeue else lease.start, wait_s)

    def _take_free_slot(self, now: datetime, expires: datetime) -> Lease | None:
        free = self._free_slot(now)
        if free is None:
            return None
        if free.owner is not None and free.expires_at is not None and free.expires_at > now:
            logger.info(
                "{}: slot {} was held by {}, a process that no longer exists: taken over",
                self.site,
                free.slot,
                free.owner,
            )
        owner = f"{HOST}:{os.getpid()}:{secrets.token_hex(4)}"
        # Acquirers queue on the site's row; only a holder freeing its own slot
        # can change it meanwhile, and that leaves it free.
        taken = (
            SiteSlot.update(owner=owner, expires_at=expires)
            .where(
                (SiteSlot.id == free.id)
                & (SiteSlot.owner.is_null() | (SiteSlot.owner == free.owner))
            )
            .execute()
        )
        return Lease(free.slot, owner, now, 0.0) if taken == 1 else None

    def _renew(self, lease: Lease, expires: datetime) -> bool:
        return (
            SiteSlot.update(expires_at=expires)
            .where(
                (SiteSlot.site == self.site)
                & (SiteSlot.slot == lease.slot)
                & (SiteSlot.owner == lease.owner)
            )
            .execute()
            == 1
        )

    def _free_slot(self, now: datetime) -> SiteSlot | None:
        """The first slot not held: never taken, freed, past its lease, or its process gone."""
        slots = list(
            SiteSlot.select()
            .where((SiteSlot.site == self.site) & (SiteSlot.slot < self._cap))
            .order_by(SiteSlot.slot)
        )
        for row in slots:
            if row.owner is None or row.expires_at is None or row.expires_at <= now:
                return row
        return next((row for row in slots if _orphaned_here(row.owner)), None)

    def _wait_for_a_free_slot(self) -> None:
        while True:
            self._sleep(POLL_S * self._rng.uniform(0.5, 1.5))
            with use_database(self._db):
                now = database_now(self._db)
                if self._free_slot(now) is not None:
                    return

    def _release(self, lease: Lease) -> None:
        try:
            with use_database(self._db):
                freed = (
                    SiteSlot.update(owner=None, expires_at=None)
                    .where(
                        (SiteSlot.site == self.site)
                        & (SiteSlot.slot == lease.slot)
                        & (SiteSlot.owner == lease.owner)
                    )
                    .execute()
                )
        except DATABASE_ERRORS as exc:  # the lease ends by itself; the request's outcome stands
            logger.warning("{}: could not free slot {}: {}", self.site, lease.slot, exc)
            return
        if freed != 1:
            logger.warning(
                "{}: this process lost slot {} while its request ran (its lease of {:.0f} s "
                "was not renewed in time: was the process frozen?)",
                self.site,
                lease.slot,
                self._lease.total_seconds(),
            )

    # --- rows and transactions --------------------------------------------------------

    def _make_rows(self) -> None:
        if self._rows_made:
            return
        with self._transaction():
            SiteBudget.insert(
                site=self.site, next_start_at=database_now(self._db)
            ).on_conflict_ignore().execute()
            SiteSlot.insert_many(
                [{"site": self.site, "slot": n} for n in range(self._cap)]
            ).on_conflict_ignore().execute()
        self._rows_made = True

    def _locked_budget(self) -> SiteBudget:
        query = SiteBudget.select().where(SiteBudget.site == self.site)
        if is_postgres(self._db):
            query = query.for_update()  # SQLite: BEGIN IMMEDIATE already holds the write lock
        return query.get()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with use_database(self._db):
            if self._db.in_transaction():
                # It would be a savepoint: the site's row would stay locked, and the
                # reservation unseen by others, until the caller's transaction ends.
                raise RuntimeError(
                    f"a request to {self.site} was made inside a database transaction: "
                    "fetch first, then write"
                )
            with write_transaction(self._db):
                yield


def _orphaned_here(owner: str | None) -> bool:
    """True when `owner` ran on this machine and its process no longer exists."""
    if not owner:
        return True
    host, _, rest = owner.partition(":")
    pid = rest.split(":", 1)[0]
    if host != HOST or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
