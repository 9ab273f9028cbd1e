"""What a migration may do to a database, the same way on SQLite and PostgreSQL.

A migration gets a `MigrationContext` inside the upgrade's one transaction
(the runner holds the schema lock). Plain changes go through peewee's
`playhouse.migrate` (`ctx.migrate(ctx.migrator.add_column(...), ...)`),
which already speaks both dialects; what it cannot do on SQLite (change a
CHECK constraint, drop a column that an index or a key names) is a table
rebuild, `rebuild_table`, the procedure SQLite documents for ALTER TABLE:
make the new table, copy every row, drop the old one, rename, recreate the
indexes. Foreign keys are off for the upgrade on SQLite and checked before
it commits, so a rebuild never cascades or dangles.
"""

from __future__ import annotations

import re
import sqlite3

import peewee
from playhouse import migrate as pw_migrate

from mre_core.errors import DatabaseError
from mre_core.storage.database import is_postgres

# The column types that differ between the two databases, by the name a
# migration's SQL uses for them.
COLUMN_TYPES = {
    "sqlite": {
        "pk": "INTEGER NOT NULL PRIMARY KEY",
        "timestamp": "DATETIME",
        "boolean": "INTEGER",
        "double": "REAL",
    },
    "postgresql": {
        "pk": "SERIAL NOT NULL PRIMARY KEY",
        "timestamp": "TIMESTAMP",
        "boolean": "BOOLEAN",
        "double": "DOUBLE PRECISION",
    },
}

_STATEMENT_TABLE = re.compile(
    r'^\s*CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX\s+"[^"]+"\s+ON)\s+"([^"]+)"', re.IGNORECASE
)


class MigrationContext:
    def __init__(self, db: peewee.Database) -> None:
        self.db = db
        self.dialect = "postgresql" if is_postgres(db) else "sqlite"
        self.migrator = pw_migrate.SchemaMigrator.from_database(db)

    # --- reading the schema as it is now ------------------------------------------

    def table_names(self) -> set[str]:
        """Tables of the database (on PostgreSQL: of the schema the URL's search_path names)."""
        return table_names(self.db)

    def column_names(self, table: str) -> list[str]:
        if self.dialect == "postgresql":
            cursor = self.db.execute_sql(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = %s "
                "ORDER BY ordinal_position",
                (table,),
            )
            return [name for (name,) in cursor.fetchall()]
        return [column.name for column in self.db.get_columns(table)]

    # --- SQL written for both databases -------------------------------------------

    def statements(self, sql: str) -> list[str]:
        """`sql` with this database's column types, one statement per item."""
        text = sql.format(**COLUMN_TYPES[self.dialect])
        return [s.strip() for s in text.split(";") if s.strip()]

    @staticmethod
    def statement_table(statement: str) -> str | None:
        """The table a CREATE TABLE or CREATE INDEX statement is about."""
        found = _STATEMENT_TABLE.match(statement)
        return found.group(1) if found else None

    @staticmethod
    def declared_columns(statements: list[str]) -> dict[str, list[str]]:
        """The columns each CREATE TABLE declares, read by SQLite itself (not by a regex)."""
        scratch = sqlite3.connect(":memory:")
        try:
            for statement in statements:
                scratch.execute(statement)
            tables = [
                r[0] for r in scratch.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            return {
                table: [row[1] for row in scratch.execute(f'PRAGMA table_info("{table}")')]
                for table in tables
            }
        finally:
            scratch.close()

    # --- changing it ----------------------------------------------------------------

    def execute_all(self, statements: list[str]) -> None:
        for statement in statements:
            self.db.execute_sql(statement)

    def migrate(self, *operations: pw_migrate.Operation) -> None:
        """Run playhouse.migrate operations (add_column, drop_index, rename_column, ...)."""
        pw_migrate.migrate(*operations)

    def rebuild_table(self, table: str, create_sql: str, indexes: tuple[str, ...] = ()) -> None:
        """Replace `table` by the one `create_sql` makes, keeping every row and its id.

        The columns both tables have are copied; a column the new one adds
        takes its default (so it must be nullable or have one); a column it
        drops is gone. `indexes` are the new table's CREATE INDEX statements
        (the old table's go with it). On PostgreSQL ALTER TABLE can do all of
        this in place: use `migrate` there.
        """
        if self.dialect != "sqlite":
            raise NotImplementedError("rebuild_table is SQLite's ALTER TABLE; use migrate()")
        (create,) = self.statements(create_sql)
        new = f"_mre_new_{table}"
        self.db.execute_sql(re.sub(r'"[^"]+"', f'"{new}"', create, count=1))
        kept = [c for c in self.column_names(new) if c in set(self.column_names(table))]
        columns = ", ".join(f'"{c}"' for c in kept)
        self.db.execute_sql(f'INSERT INTO "{new}" ({columns}) SELECT {columns} FROM "{table}"')
        self.db.execute_sql(f'DROP TABLE "{table}"')
        self.db.execute_sql(f'ALTER TABLE "{new}" RENAME TO "{table}"')
        self.execute_all([s for sql in indexes for s in self.statements(sql)])

    def refuse(self, message: str) -> None:
        """Stop the upgrade: nothing of it is kept."""
        raise DatabaseError(message)


# The job engine's tables on PostgreSQL (procrastinate's, migration 4): in mre's
# database but not mre's data. procrastinate owns their shape and rows (its
# workers delete and rewrite jobs, its own schema migrations may too), and
# what mre knows of a job is its run row, so mre's checks and copies leave
# them out: see `mre_tables`.
JOB_QUEUE_PREFIX = "procrastinate_"


def mre_tables(db: peewee.Database) -> set[str]:
    """`table_names` less the job engine's (procrastinate's) tables."""
    return {t for t in table_names(db) if not t.startswith(JOB_QUEUE_PREFIX)}


def table_names(db: peewee.Database) -> set[str]:
    if is_postgres(db):
        cursor = db.execute_sql(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
        return {name for (name,) in cursor.fetchall()}
    return set(db.get_tables())
