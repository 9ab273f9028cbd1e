"""Which version a database's schema is at, and bringing it to the code's.

The version is the highest row of `schema_version` (one row per migration
applied, with when and by which mre). A database with mre's tables and no
`schema_version` was made before versioned migrations (0.1.0): version 0,
which migration 1 adopts. No mre table at all: a new database.

Upgrades take the schema lock (PostgreSQL: a transaction-scoped advisory
lock; SQLite: BEGIN IMMEDIATE, the write lock) and read the version again
under it, so of two processes upgrading at once one does the work and the
other waits, then finds nothing to do. All pending migrations run in one
transaction (both databases have transactional DDL): an upgrade is applied
whole or not at all. Before each migration every table's rows are counted
and after it none may have fewer, so a migration that would lose a row
fails and changes nothing.

Who may upgrade: anyone may create a new database. An older one is upgraded
when opened on SQLite (a file one machine owns, normally by one user at a
time), and refused on PostgreSQL, where many processes and machines share it:
an operator runs `mre db upgrade` once, then restarts the workers. A
database newer than the code is always refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import peewee
from loguru import logger

from mre_core.errors import DatabaseError
from mre_core.storage.database import is_postgres, write_transaction
from mre_core.storage.migrations import CODE_VERSION, MIGRATIONS, Migration, MigrationContext
from mre_core.storage.migrations.context import mre_tables, table_names
from mre_core.storage.migrations.m0001_initial import TABLES as SCHEMA_1_TABLES

SCHEMA_LOCK = 0x6D7265  # "mre": the advisory lock id for schema changes
VERSION_TABLE = "schema_version"


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    database: int | None  # None: no mre table yet; 0: made before versioned migrations
    code: int

    @property
    def pending(self) -> list[Migration]:
        return [m for m in MIGRATIONS if m.version > (self.database or 0)]

    @property
    def newer_than_code(self) -> bool:
        return self.database is not None and self.database > self.code


def database_version(db: peewee.Database) -> int | None:
    tables = table_names(db)
    if VERSION_TABLE in tables:
        (version,) = db.execute_sql(f'SELECT MAX(version) FROM "{VERSION_TABLE}"').fetchone()
        return int(version or 0)
    return 0 if tables & SCHEMA_1_TABLES else None


def status(db: peewee.Database) -> SchemaStatus:
    return SchemaStatus(database_version(db), CODE_VERSION)


def upgrade(db: peewee.Database, migrations: list[Migration] = MIGRATIONS) -> list[Migration]:
    """Apply what is pending, under the schema lock; return what this call applied."""
    from mre_core import __version__

    code = migrations[-1].version
    sqlite = not is_postgres(db)
    if sqlite:  # a table rebuild must not cascade: keys are checked before commit instead
        db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        # IMMEDIATE on SQLite: a process that read the version in a deferred
        # transaction could not write after another one upgraded (SQLITE_BUSY_SNAPSHOT).
        with write_transaction(db):
            if not sqlite:
                db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
            current = database_version(db)  # again, under the lock
            _refuse_newer(current, code)
            pending = [m for m in migrations if m.version > (current or 0)]
            if not pending:
                return []
            _version_table(db)
            ctx = MigrationContext(db)
            for migration in pending:
                before = _row_counts(db)
                migration.upgrade(ctx)
                _check_nothing_lost(db, migration, before)
                applied_at = datetime.now(UTC).replace(tzinfo=None)
                db.execute_sql(
                    f'INSERT INTO "{VERSION_TABLE}" (version, name, applied_at, mre_version) '
                    f"VALUES ({', '.join([db.param] * 4)})",
                    (migration.version, migration.name, applied_at, __version__),
                )
            if sqlite:
                _check_foreign_keys(db)
    finally:
        if sqlite:
            db.execute_sql("PRAGMA foreign_keys = ON")
    for migration in pending:
        logger.info(
            "database schema upgraded: applied {} {} ({})",
            migration.version,
            migration.name,
            migration.description,
        )
    return pending


def ensure_current(db: peewee.Database, allow_upgrade: bool | None = None) -> None:
    """Make sure the code may run against `db`: create, upgrade or refuse.

    `allow_upgrade` None means the default above (SQLite yes, PostgreSQL
    no); True and False force it (`mre db upgrade`; a worker of a fleet).
    """
    found = status(db)
    if found.database == found.code:  # the usual case: no lock taken, nothing waits
        return
    _refuse_newer(found.database, found.code)
    if found.database is not None:
        may = (not is_postgres(db)) if allow_upgrade is None else allow_upgrade
        if not may:
            raise DatabaseError(
                f"the database's schema is version {found.database} and this mre needs "
                f"{found.code}: run `mre db upgrade` once (then restart any workers)"
            )
    upgrade(db)


def ensure_unchanged(db: peewee.Database) -> None:
    """For a process that runs for days (a worker): the schema is still the code's.

    `mre db upgrade` by a newer release while it runs makes this code the old
    one: writing on would mix two releases' ideas of the tables, so it stops
    (exit 7) and the new release's workers take its jobs.
    """
    from mre_core import __version__

    version = database_version(db)
    if version != CODE_VERSION:
        raise DatabaseError(
            f"the database's schema moved to version {version} while this mre "
            f"({__version__}, schema {CODE_VERSION}) was running: it stops; run the "
            "mre that matches the database"
        )


def _refuse_newer(database: int | None, code: int) -> None:
    if database is not None and database > code:
        from mre_core import __version__

        raise DatabaseError(
            f"the database's schema is version {database}, newer than this mre "
            f"({__version__}, schema {code}): install the mre that upgraded it"
        )


def _version_table(db: peewee.Database) -> None:
    timestamp = "TIMESTAMP" if is_postgres(db) else "DATETIME"
    db.execute_sql(
        f'CREATE TABLE IF NOT EXISTS "{VERSION_TABLE}" ('
        '"version" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
        f'"applied_at" {timestamp} NOT NULL, "mre_version" VARCHAR(32) NOT NULL)'
    )


def _row_counts(db: peewee.Database) -> dict[str, int]:
    """Rows of every table of mre's. The job queue's (procrastinate's) are left out: its
    rows are the job engine's to delete (finished jobs, a schema migration of its own),
    and a job's truth is its run row, which is counted."""
    counts = {}
    for table in sorted(mre_tables(db) - {VERSION_TABLE}):
        (counts[table],) = db.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()
    return counts


def _check_nothing_lost(db: peewee.Database, migration: Migration, before: dict[str, int]) -> None:
    after = _row_counts(db)
    lost = {t: (n, after.get(t)) for t, n in before.items() if after.get(t, -1) < n}
    if lost:
        detail = ", ".join(
            f"{t} {n} -> {'gone' if m is None else m}" for t, (n, m) in sorted(lost.items())
        )
        raise DatabaseError(
            f"migration {migration.version} ({migration.name}) would lose rows ({detail}): "
            "nothing was changed"
        )


def _check_foreign_keys(db: peewee.Database) -> None:
    broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise DatabaseError(
            f"upgrade would leave {len(broken)} rows pointing nowhere "
            f"(first: {table} row {rowid} -> {parent}): nothing was changed"
        )
