"""The database's clock: one time for every machine that shares a database.

Lock expiry and stale heartbeats compare times written by one machine with
times read by another; each machine's own clock may be off by seconds or
more. The database server's clock is the same for all of them, so those
times are taken from it (naive UTC, like every bookkeeping time of mre).
"""

from __future__ import annotations

from datetime import datetime

import peewee

from mre_core.storage.database import current_database, is_postgres


def database_now(db: peewee.Database | None = None) -> datetime:
    """Now, by the database server's clock (PostgreSQL: the wall clock, not the
    transaction's start, which a long transaction would freeze)."""
    db = db or current_database()
    if is_postgres(db):
        (now,) = db.execute_sql("SELECT clock_timestamp() AT TIME ZONE 'UTC'").fetchone()
        return now
    (text,) = db.execute_sql("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')").fetchone()
    return datetime.fromisoformat(text)
