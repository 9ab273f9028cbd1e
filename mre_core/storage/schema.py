"""Creating the tables a database needs, on first use, safely with many workers.

Only missing tables are created: `CREATE INDEX IF NOT EXISTS` takes a table
lock on PostgreSQL even when the index exists, and would deadlock with
another process writing to that table. On PostgreSQL the creation holds a
transaction-scoped advisory lock, and on SQLite in an IMMEDIATE
transaction (the write lock), so workers starting together create each
table once.

A database made by an earlier mre gets the columns added since (each one
nullable, so no existing row needs a value): `ALTER TABLE ... ADD COLUMN`,
under the same lock. Nothing is ever dropped or rewritten.
"""

from __future__ import annotations

import peewee

from mre_core.errors import DatabaseError
from mre_core.storage.database import database_proxy, is_postgres, write_transaction
from mre_core.storage.models import BOOKKEEPING_MODELS, INGESTION_MODELS, MATCHING_MODELS

ALL_MODELS: list[type[peewee.Model]] = [*INGESTION_MODELS, *MATCHING_MODELS, *BOOKKEEPING_MODELS]
SCHEMA_LOCK = 0x6D7265  # "mre": the advisory lock id for schema changes


def create_schema(db: peewee.Database) -> None:
    """Create missing tables (with their indexes) and missing columns; keep the rest."""
    if _needed(db) == ([], []):  # the usual case: no lock taken, nothing waits
        return
    # IMMEDIATE on SQLite: a worker that read the schema in a deferred
    # transaction could not write after another one created it (SQLITE_BUSY_SNAPSHOT).
    with write_transaction(db):
        if is_postgres(db):
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        tables, columns = _needed(db)  # again, under the lock: another worker may have done it
        additions = [_add_column_sql(db, field) for field in columns]  # checked before any change
        if tables:
            db.create_tables(tables, safe=True)
        for sql in additions:
            db.execute_sql(sql)


def _needed(db: peewee.Database) -> tuple[list[type[peewee.Model]], list[peewee.Field]]:
    """The models without a table, and the fields without a column in an existing table."""
    existing = _columns(db)
    tables = [m for m in ALL_MODELS if m._meta.table_name not in existing]
    columns = [
        field
        for model in ALL_MODELS
        if model._meta.table_name in existing
        for field in model._meta.sorted_fields
        if field.column_name not in existing[model._meta.table_name]
    ]
    return tables, columns


def _columns(db: peewee.Database) -> dict[str, set[str]]:
    if is_postgres(db):
        cursor = db.execute_sql(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema()"
        )
        columns: dict[str, set[str]] = {}
        for table, column in cursor.fetchall():
            columns.setdefault(table, set()).add(column)
        return columns
    return {table: {c.name for c in db.get_columns(table)} for table in db.get_tables()}


def _add_column_sql(db: peewee.Database, field: peewee.Field) -> str:
    table = field.model._meta.table_name
    if not field.null:  # every column mre added later is nullable: this table is not mre's
        raise DatabaseError(f"table {table!r} is not mre's: it has no column {field.column_name!r}")
    context = db.get_sql_context().literal("ALTER TABLE ").sql(peewee.Entity(table))
    return context.literal(" ADD COLUMN ").sql(field.ddl(context)).query()[0]


def bind(db: peewee.Database) -> None:
    database_proxy.initialize(db)
