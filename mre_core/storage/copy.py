"""Moving house: copy a whole database into an empty one, then prove the copy.

`mre db copy --to URL` takes a club's data from SQLite to PostgreSQL (or
back, or to another SQLite file) with every id kept:

- **The source is never changed** and is read in **one snapshot**: on
  SQLite one read transaction (in WAL mode it sees the database as of its
  first read, while others keep writing) with `PRAGMA query_only`; on
  PostgreSQL `BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY`. Its schema
  must be this mre's (else `mre db upgrade` it first).
- **The target must be empty** (none of mre's tables). Its schema is made
  by `schema.upgrade`, so it is at the same version, and everything (the
  schema, the rows, the check) happens in **one transaction**: a copy that
  fails at any point leaves the target as it was, empty. A SQLite file the
  copy created is removed again.
- **Tables go parents first** (the foreign keys the target's schema
  declares, read from the database, not hard-coded), each **ordered by id in
  batches** (keyset pages of `BATCH_SIZE` rows). A row may point at a
  *later* row of its own table (`drivers.merged_into_id`: a driver known
  only from an entry list is merged into a driver created later;
  `ingestion_runs.parent_id`): such a reference is written as NULL and set
  once the whole table is in. So PostgreSQL checks every foreign key as the
  rows go in, with no superuser rights (`session_replication_role`) and no
  deferrable constraints needed. SQLite's foreign keys are off for the
  transaction, as `schema.upgrade` needs them for a table rebuild, and
  `PRAGMA foreign_key_check` runs before the commit instead: a row pointing
  nowhere fails the copy on both.
- **Values round-trip through the models' fields**: each value read is
  turned into Python by its column's field (`python_value`: SQLite's 0/1
  becomes a bool, its 'YYYY-MM-DD HH:MM:SS[.ffffff]' text a datetime) and
  written with `db_value`, exactly as mre itself writes that database. A
  column no model declares is typed from the two schemas' column types.
  The models stay bound to whatever `database_proxy` holds: only raw SQL
  with explicit column lists is used, so two databases are open at once.
- **Then it is checked**: per table the row count and a SHA-256 over every
  row in id order, each value normalised to canonical text (`canonical`),
  computed on the source inside the snapshot and on the target inside its
  transaction, before the commit. A mismatch rolls the copy back (exit 7).
- On PostgreSQL each table's id sequence is then set past the largest id,
  so the next row gets max(id) + 1.
- The job queue (procrastinate's tables, on PostgreSQL) is not copied:
  the target's migrations make its own, empty. Runs are copied as they
  are, and a `queued` one gets a new job from the first worker that runs
  on the target (workers give a job to every queued run that has none).
"""

from __future__ import annotations

import graphlib
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee
from loguru import logger

from mre_core.errors import DatabaseError, NotFoundError, UsageError, first_line
from mre_core.storage import schema
from mre_core.storage.database import (
    DATABASE_ERRORS,
    connect,
    is_postgres,
    missing_sqlite_file,
    write_transaction,
)
from mre_core.storage.migrations.context import JOB_QUEUE_PREFIX, mre_tables, table_names
from mre_core.storage.models import BOOKKEEPING_MODELS, INGESTION_MODELS, MATCHING_MODELS
from mre_core.url_masking import mask_passwords

BATCH_SIZE = 5_000


def _driver_errors() -> tuple[type[BaseException], ...]:
    """What a failing write may raise: peewee's errors, and the drivers' own from raw cursors."""
    errors: tuple[type[BaseException], ...] = (*DATABASE_ERRORS, sqlite3.Error)
    try:
        import psycopg
    except ImportError:
        return errors
    return (*errors, psycopg.Error)


@dataclass(frozen=True, slots=True)
class TablePlan:
    """How one table is copied: its columns in the target's order, each with its field."""

    name: str
    key: str  # the primary key: rows are paged and digested in its order
    columns: tuple[str, ...]
    fields: tuple[peewee.Field, ...]
    self_refs: tuple[str, ...]  # columns that point at a row of this same table


@dataclass(slots=True)
class TableCopy:
    table: str
    source_rows: int
    source_digest: str
    target_rows: int = -1
    target_digest: str = ""

    @property
    def matches(self) -> bool:
        return self.source_rows == self.target_rows and self.source_digest == self.target_digest


@dataclass(slots=True)
class CopyReport:
    source: str  # URLs with any password masked
    target: str
    schema_version: int
    tables: list[TableCopy] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(t.source_rows for t in self.tables)

    @property
    def mismatched(self) -> list[TableCopy]:
        return [t for t in self.tables if not t.matches]


def copy_database(source_url: str, target_url: str, batch_size: int = BATCH_SIZE) -> CopyReport:
    """Copy every row of `source_url` into the empty `target_url`, and check the copy."""
    if batch_size < 1:
        raise UsageError(f"--batch-size must be at least 1, not {batch_size}")
    missing_sqlite_file(source_url)
    source = connect(source_url)
    try:
        with _snapshot(source):
            version = _source_version(source, source_url)
            return _copy_into_new(source, source_url, target_url, version, batch_size)
    finally:
        close(source)


# --- the source: one read-only snapshot ----------------------------------------------


@contextmanager
def _snapshot(db: peewee.Database) -> Iterator[None]:
    """One read-only transaction, rolled back at the end (it wrote nothing)."""
    if is_postgres(db):
        db.execute_sql("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    else:
        # A deferred transaction: its snapshot is taken by the first read (the
        # version check), and WAL keeps it while other connections commit.
        db.execute_sql("PRAGMA query_only = 1")
        db.execute_sql("BEGIN")
    try:
        yield
    finally:
        with suppress(*DATABASE_ERRORS):  # the connection is gone: so is the transaction
            db.execute_sql("ROLLBACK")


def _source_version(db: peewee.Database, url: str) -> int:
    found = schema.status(db)
    shown = mask_passwords(url)
    if found.database is None:
        raise NotFoundError(f"source {shown} has no mre tables: nothing to copy")
    if found.newer_than_code:
        raise DatabaseError(
            f"source {shown} is at schema {found.database}, newer than this mre's "
            f"({found.code}): copy it with the mre that upgraded it"
        )
    if found.database != found.code:
        raise DatabaseError(
            f"source {shown} is at schema {found.database} and this mre's is {found.code}: "
            "run `mre db upgrade` on it first, then copy"
        )
    return found.database


# --- the target: created, filled and checked in one transaction ------------------------


def _copy_into_new(
    source: peewee.Database, source_url: str, target_url: str, version: int, batch_size: int
) -> CopyReport:
    created = _new_sqlite_file(target_url)
    target = connect(target_url)
    done = False
    try:
        _refuse_non_empty(target, target_url)
        report = CopyReport(mask_passwords(source_url), mask_passwords(target_url), version)
        _copy_in_one_transaction(source, target, report, batch_size)
        done = True
        return report
    finally:
        close(target)
        if created is not None and not done:
            for path in (created, Path(f"{created}-wal"), Path(f"{created}-shm")):
                path.unlink(missing_ok=True)


def _new_sqlite_file(url: str) -> Path | None:
    """The target's file if it is SQLite and does not exist yet (a failed copy removes it)."""
    if not url.lower().startswith("sqlite:///"):
        return None
    path = url[len("sqlite:///") :]
    if not path or path == ":memory:":
        return None
    found = Path(path).expanduser()
    return None if found.exists() else found


def _refuse_non_empty(target: peewee.Database, url: str) -> None:
    if schema.database_version(target) is not None:
        mine = sorted(_tables(target))
        raise UsageError(
            f"target {mask_passwords(url)} is not empty: copy needs an empty database "
            f"(it has {len(mine)} tables: {', '.join(mine[:4])}{', ...' if len(mine) > 4 else ''})"
        )


def _copy_in_one_transaction(
    source: peewee.Database, target: peewee.Database, report: CopyReport, batch_size: int
) -> None:
    at = "the schema"
    sqlite = not is_postgres(target)
    if sqlite:  # off as schema.upgrade wants it (a table rebuild must not cascade); checked below
        target.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with write_transaction(target):
            schema.upgrade(target)  # a savepoint inside this transaction
            made = schema.database_version(target)
            if made != report.schema_version:
                raise DatabaseError(
                    f"the new database is at schema {made}, the source at "
                    f"{report.schema_version}: nothing was copied"
                )
            plans = plan_tables(source, target)
            for plan in plans:
                at = f"table {plan.name}"
                report.tables.append(_copy_table(source, target, plan, batch_size))
            at = "the check"
            for plan, copied in zip(plans, report.tables, strict=True):
                copied.target_rows, copied.target_digest = table_digest(target, plan, batch_size)
            if report.mismatched:
                raise _mismatch(report)
            if sqlite:
                _refuse_dangling_references(target, report)
            else:
                at = "the id sequences"
                _advance_sequences(target, plans)
            at = "the commit"
    except _driver_errors() as exc:
        raise DatabaseError(
            f"copy into {report.target} failed at {at}: {first_line(exc)} (nothing was written)"
        ) from None
    finally:
        if sqlite:
            target.execute_sql("PRAGMA foreign_keys = ON")


def _refuse_dangling_references(db: peewee.Database, report: CopyReport) -> None:
    """SQLite checks foreign keys here, before the commit (PostgreSQL did at each insert)."""
    broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise DatabaseError(
            f"copy into {report.target} failed: {len(broken)} rows point nowhere "
            f"(first: {table} id {rowid} -> {parent}) (nothing was written)"
        )


def _mismatch(report: CopyReport) -> DatabaseError:
    detail = ", ".join(
        f"{t.table} ({t.source_rows} -> {t.target_rows} rows)"
        if t.source_rows != t.target_rows
        else f"{t.table} (digest differs)"
        for t in report.mismatched
    )
    error = DatabaseError(
        f"the copy in {report.target} differs from the source: {detail} (nothing was written)"
    )
    error.report = report
    return error


# --- which tables, in which order, with which fields --------------------------------


def plan_tables(source: peewee.Database, target: peewee.Database) -> list[TablePlan]:
    """Every table of the target's schema but `schema_version`, parents first."""
    wanted = _tables(target) - {schema.VERSION_TABLE}
    have = _tables(source)
    if wanted - have:
        raise DatabaseError(
            f"the source lacks tables its schema version has: {', '.join(sorted(wanted - have))}"
        )
    extra = have - wanted - {schema.VERSION_TABLE}
    if extra:
        logger.warning("not copied (not mre's tables): {}", ", ".join(sorted(extra)))
    if any(t.startswith(JOB_QUEUE_PREFIX) for t in table_names(source)):
        logger.info(
            "not copied: the job queue (procrastinate's tables); the target has its own, "
            "and its workers give each queued run a new job"
        )

    known = _model_fields()
    plans: dict[str, TablePlan] = {}
    parents: dict[str, set[str]] = {}
    for table in sorted(wanted):
        target_columns = {c.name: c.data_type for c in target.get_columns(table)}
        source_columns = {c.name: c.data_type for c in source.get_columns(table)}
        if set(target_columns) != set(source_columns):
            raise DatabaseError(
                f"table {table} has other columns in the source "
                f"({', '.join(sorted(set(source_columns) ^ set(target_columns)))} differ) "
                "than its schema version: nothing was copied"
            )
        keys = target.get_primary_keys(table)
        if len(keys) != 1:
            raise DatabaseError(f"table {table} has no single-column primary key: cannot copy it")
        foreign = target.get_foreign_keys(table)
        parents[table] = {fk.dest_table for fk in foreign if fk.dest_table != table}
        columns = tuple(target_columns)
        plans[table] = TablePlan(
            name=table,
            key=keys[0],
            columns=columns,
            fields=tuple(
                known[table, c]
                if (table, c) in known
                else _field_for(target_columns[c], source_columns[c])
                for c in columns
            ),
            self_refs=tuple(sorted({fk.column for fk in foreign if fk.dest_table == table})),
        )
    return [plans[t] for t in _parents_first(parents)]


def _tables(db: peewee.Database) -> set[str]:
    """mre's tables. The job queue's (procrastinate's, on PostgreSQL) are not copied: the
    target has its own, empty, made by its migrations; a run copied as `queued` gets a
    new job from the first worker that runs on the target (it finds the run without one)."""
    return {t for t in mre_tables(db) if not t.startswith("sqlite_")}


def _parents_first(parents: dict[str, set[str]]) -> list[str]:
    order = graphlib.TopologicalSorter({t: p & parents.keys() for t, p in parents.items()})
    try:
        order.prepare()
    except graphlib.CycleError as exc:
        raise DatabaseError(
            f"tables refer to each other in a cycle ({' -> '.join(exc.args[1])}): cannot order them"
        ) from None
    found: list[str] = []
    while order.is_active():
        ready = sorted(order.get_ready())  # alphabetical among equals: the same order every time
        found.extend(ready)
        order.done(*ready)
    return found


def _model_fields() -> dict[tuple[str, str], peewee.Field]:
    found = {}
    for model in (*INGESTION_MODELS, *MATCHING_MODELS, *BOOKKEEPING_MODELS):
        for f in model._meta.sorted_fields:
            found[(model._meta.table_name, f.column_name)] = f
    return found


def _field_for(*declared: str) -> peewee.Field:
    """A field for a column no model declares, from its type on either side."""
    types = " ".join(declared).lower()
    if "bool" in types:  # PostgreSQL's BOOLEAN; SQLite says INTEGER
        return peewee.BooleanField()
    if "timestamp" in types or "datetime" in types:
        return peewee.DateTimeField()
    if "date" in types:
        return peewee.DateField()
    if any(t in types for t in ("double", "real", "float")):
        return peewee.DoubleField()
    if "int" in types:
        return peewee.IntegerField()
    return peewee.Field()  # text and anything else: as read


# --- copying one table -----------------------------------------------------------------


def _copy_table(
    source: peewee.Database, target: peewee.Database, plan: TablePlan, batch_size: int
) -> TableCopy:
    digest = RowDigest(plan.columns)
    key_at = plan.columns.index(plan.key)
    self_at = [plan.columns.index(c) for c in plan.self_refs]
    later: list[tuple[str, Any, Any]] = []  # (column, value, key): references set afterwards
    for batch in read_rows(source, plan, batch_size):
        digest.update(batch)
        written = []
        for row in batch:
            values = [f.db_value(v) for f, v in zip(plan.fields, row, strict=True)]
            for i in self_at:
                if row[i] is not None and row[i] > row[key_at]:  # a row not written yet
                    later.append((plan.columns[i], values[i], values[key_at]))
                    values[i] = None
            written.append(values)
        insert_batch(target, plan, written)
    _set_references(target, plan, later)
    (counted,) = source.execute_sql(f"SELECT COUNT(*) FROM {_q(plan.name)}").fetchone()
    if counted != digest.rows:
        raise DatabaseError(f"table {plan.name}: read {digest.rows} rows of {counted}")
    logger.info("copied {}: {} rows", plan.name, digest.rows)
    return TableCopy(plan.name, digest.rows, digest.hexdigest())


def read_rows(db: peewee.Database, plan: TablePlan, batch_size: int) -> Iterator[list[tuple]]:
    """The table's rows in key order, as Python values, `batch_size` at a time (keyset pages)."""
    columns = ", ".join(_q(c) for c in plan.columns)
    key = _q(plan.key)
    first = f"SELECT {columns} FROM {_q(plan.name)} ORDER BY {key} LIMIT {int(batch_size)}"
    after = (
        f"SELECT {columns} FROM {_q(plan.name)} WHERE {key} > {db.param} "
        f"ORDER BY {key} LIMIT {int(batch_size)}"
    )
    key_at = plan.columns.index(plan.key)
    cursor = db.execute_sql(first)
    while True:
        raw = cursor.fetchall()
        if not raw:
            return
        yield [
            tuple(f.python_value(v) for f, v in zip(plan.fields, row, strict=True)) for row in raw
        ]
        if len(raw) < batch_size:
            return
        cursor = db.execute_sql(after, (raw[-1][key_at],))


def insert_batch(db: peewee.Database, plan: TablePlan, rows: Sequence[Sequence[Any]]) -> None:
    """Write rows (values already in the database's form) with their ids."""
    if not rows:
        return
    columns = ", ".join(_q(c) for c in plan.columns)
    insert = f"INSERT INTO {_q(plan.name)} ({columns}) VALUES"
    marks = ", ".join([db.param] * len(plan.columns))
    # psycopg 3 pipelines executemany: one round trip for the batch, as on SQLite.
    db.cursor().executemany(f"{insert} ({marks})", rows)


def _set_references(
    db: peewee.Database, plan: TablePlan, later: list[tuple[str, Any, Any]]
) -> None:
    for column in sorted({c for c, _, _ in later}):
        db.cursor().executemany(
            f"UPDATE {_q(plan.name)} SET {_q(column)} = {db.param} "
            f"WHERE {_q(plan.key)} = {db.param}",
            [(value, key) for c, value, key in later if c == column],
        )
    if later:
        logger.info("{}: {} references to later rows set afterwards", plan.name, len(later))


def _advance_sequences(db: peewee.Database, plans: list[TablePlan]) -> None:
    """Each id sequence at max(id) + 1 (1 for an empty table): new rows get new ids."""
    for plan in plans:
        (sequence,) = db.execute_sql(
            "SELECT pg_get_serial_sequence(%s, %s)", (_q(plan.name), plan.key)
        ).fetchone()
        if sequence:
            db.execute_sql(
                f"SELECT setval(%s, COALESCE(MAX({_q(plan.key)}), 0) + 1, false) "
                f"FROM {_q(plan.name)}",
                (sequence,),
            )


def close(db: peewee.Database) -> None:
    """Close `db` for good: a connection pool's idle connections too."""
    db.close()
    close_all = getattr(db, "close_all", None)
    if close_all is not None:
        close_all()


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- the check: a digest of every row, the same on both databases ---------------------


def canonical(value: Any) -> Any:
    """A value as JSON-ready canonical data, whichever database it was read from.

    None -> null, bool -> true/false, int -> its digits, float -> repr (the
    shortest text that reads back to the same double: 0.1, 1.0, NaN),
    datetime and date -> ISO 8601, text as is. A column has one type, so
    the datetime '2025-01-01T00:00:00' and the same text cannot collide.
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return {"float": repr(value)}  # JSON numbers would lose 1.0 vs 1 in some readers
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"bytes": bytes(value).hex()}
    raise TypeError(f"cannot digest a {type(value).__name__}")


class RowDigest:
    """SHA-256 over a table's columns, then each row (in key order) as canonical JSON."""

    def __init__(self, columns: Sequence[str]) -> None:
        self._hash = hashlib.sha256()
        self._hash.update(json.dumps(list(columns)).encode() + b"\n")
        self.rows = 0

    def update(self, rows: Sequence[Sequence[Any]]) -> None:
        for row in rows:
            line = json.dumps(
                [canonical(v) for v in row], ensure_ascii=False, separators=(",", ":")
            )
            self._hash.update(line.encode() + b"\n")
        self.rows += len(rows)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def table_digest(
    db: peewee.Database, plan: TablePlan, batch_size: int = BATCH_SIZE
) -> tuple[int, str]:
    """(rows, digest) of one table as `db` holds it now."""
    digest = RowDigest(plan.columns)
    for batch in read_rows(db, plan, batch_size):
        digest.update(batch)
    (counted,) = db.execute_sql(f"SELECT COUNT(*) FROM {_q(plan.name)}").fetchone()
    return counted, digest.hexdigest()
