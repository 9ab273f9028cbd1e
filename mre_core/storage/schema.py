"""Creating the tables a database needs, on first use, safely with many workers.

Only missing tables are created: `CREATE INDEX IF NOT EXISTS` takes a table
lock on PostgreSQL even when the index exists, and would deadlock with
another process writing to that table. On PostgreSQL the creation holds a
transaction-scoped advisory lock, so workers starting together create each
table once.
"""

from __future__ import annotations

import peewee

from mre_core.storage.database import database_proxy, is_postgres
from mre_core.storage.models import BOOKKEEPING_MODELS, INGESTION_MODELS, MATCHING_MODELS

ALL_MODELS: list[type[peewee.Model]] = [*INGESTION_MODELS, *MATCHING_MODELS, *BOOKKEEPING_MODELS]
SCHEMA_LOCK = 0x6D7265  # "mre": the advisory lock id for schema changes


def create_schema(db: peewee.Database) -> None:
    """Create missing tables and their indexes; existing ones are left alone."""
    if not _missing(db):
        return
    with db.atomic():
        if is_postgres(db):
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        missing = _missing(db)  # again, under the lock: another worker may have made them
        if missing:
            db.create_tables(missing, safe=True)


def _missing(db: peewee.Database) -> list[type[peewee.Model]]:
    if is_postgres(db):
        cursor = db.execute_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
        existing = {name for (name,) in cursor.fetchall()}
    else:
        existing = set(db.get_tables())
    return [m for m in ALL_MODELS if m._meta.table_name not in existing]


def bind(db: peewee.Database) -> None:
    database_proxy.initialize(db)
