"""Reading an export's rows in batches, in one read-only transaction, memory flat.

The rows come through one cursor the database steps through as they are
fetched: a server-side (named) cursor on PostgreSQL, SQLite's own cursor
(which steps the statement a row at a time). `fetchmany(batch_size)` is all
that is ever held, whatever the size of the export. The transaction is read
only (PostgreSQL: `SET TRANSACTION READ ONLY`; SQLite: `PRAGMA query_only`
for its duration), so an export cannot write, and it reads one snapshot:
rows an ingestion commits meanwhile are not half in it.

Values come out typed as the export declares them: SQLite hands back text
for times and 0/1 for booleans, which are read into datetime, date and bool
here; psycopg already gives those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import peewee

from mre_core.errors import UsageError
from mre_core.export.declarations import BOOLEAN, DATE, TIMESTAMP, Export
from mre_core.storage.database import current_database, is_postgres

BATCH_SIZE = 5_000  # rows fetched (and held) at a time
# The drivers' errors (sqlite3, psycopg) as peewee's, which the CLI reports as exit 7.
_DRIVER_ERRORS = peewee.__exception_wrapper__


@dataclass(frozen=True, slots=True)
class Scope:
    """Which events an export covers: one event, a track's, those held between two days
    (each inclusive; an event held over several days is in if one of them is), or all."""

    event: int | None = None  # mre's row ids, looked up from what people typed
    track: int | None = None
    date_from: date | None = None
    date_to: date | None = None

    def __post_init__(self) -> None:
        if self.event is not None and (self.track, self.date_from, self.date_to) != (
            None,
            None,
            None,
        ):
            raise UsageError("--event cannot be used with --track-id, --from or --to")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UsageError(
                f"the from date ({self.date_from}) is after the to date ({self.date_to})"
            )

    @property
    def everything(self) -> bool:
        return self == Scope()

    def condition(self, param: str, postgres: bool) -> tuple[str, list[Any]]:
        """The condition on events `e`, in SQL with `param` placeholders, and its values."""
        parts: list[str] = []
        values: list[Any] = []
        if self.event is not None:
            parts.append(f"e.id = {param}")
            values.append(self.event)
        if self.track is not None:
            parts.append(f"e.track_id = {param}")
            values.append(self.track)
        if self.date_from is not None:
            # As `mre_core.service.search` holds an event between two days: it starts
            # inside them, or started before the first and still runs on it.
            start = _moment(_midnight(self.date_from), postgres)
            inside = f"e.event_date >= {param}"
            values.append(start)
            if self.date_to is not None:
                inside += f" AND e.event_date < {param}"
                values.append(_moment(_midnight(self.date_to + timedelta(days=1)), postgres))
            parts.append(
                f"(({inside}) OR (e.event_date < {param} AND e.event_end_date >= {param}))"
            )
            values += [start, self.date_from if postgres else self.date_from.isoformat()]
        elif self.date_to is not None:
            parts.append(f"e.event_date < {param}")
            values.append(_moment(_midnight(self.date_to + timedelta(days=1)), postgres))
        return (" AND ".join(parts) or "1=1"), values


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def _moment(value: datetime, postgres: bool) -> datetime | str:
    """A time as the database compares it: SQLite keeps peewee's text form."""
    return value if postgres else value.isoformat(sep=" ")


def query(export: Export, scope: Scope, db: peewee.Database) -> tuple[str, list[Any]]:
    """The export's SQL for `scope` on `db`, and its parameters."""
    sql = export.select()
    condition, values = scope.condition(db.param, is_postgres(db))
    params = values * sql.count("{scope}")
    sql = sql.replace("{scope}", condition).replace(
        "{unscoped}", "1=1" if scope.everything else "1=0"
    )
    return sql, params


def _timestamp(value: Any) -> Any:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _date(value: Any) -> Any:
    if isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value.date() if isinstance(value, datetime) else value


def _boolean(value: Any) -> Any:
    return bool(value) if isinstance(value, int) else value


_READ = {TIMESTAMP: _timestamp, DATE: _date, BOOLEAN: _boolean}


def _typing(export: Export, postgres: bool) -> Callable[[list[tuple]], list[Any]] | None:
    """What turns a fetched batch into typed rows (None: they already are)."""
    if postgres:
        return None
    readers = [(i, _READ[c.type]) for i, c in enumerate(export.columns) if c.type in _READ]
    if not readers:
        return None

    def typed(rows: list[tuple]) -> list[Any]:
        out = []
        for row in rows:
            values = list(row)
            for i, read in readers:
                if values[i] is not None:
                    values[i] = read(values[i])
            out.append(values)
        return out

    return typed


@contextmanager
def read_only(db: peewee.Database) -> Iterator[None]:
    """A transaction that cannot write, on `db`'s connection for this thread."""
    if is_postgres(db):
        with db.atomic():
            db.execute_sql("SET TRANSACTION READ ONLY")
            yield
        return
    db.execute_sql("PRAGMA query_only = 1")
    try:
        with db.atomic():
            yield
    finally:
        db.execute_sql("PRAGMA query_only = 0")


def batches(export: Export, scope: Scope, batch_size: int = BATCH_SIZE) -> Iterator[list[Any]]:
    """The export's rows, typed, `batch_size` at a time (never an empty batch).

    Runs against the database bound now (a service call: `use_database`);
    the transaction and cursor stay open until the iterator is exhausted
    or closed.
    """
    if batch_size < 1:
        raise UsageError(f"the batch size must be 1 or more, not {batch_size}")
    db = current_database()
    postgres = is_postgres(db)
    sql, params = query(export, scope, db)
    typed = _typing(export, postgres)
    with read_only(db):
        connection = db.connection()
        # Named: a server-side cursor, which streams inside a transaction.
        cursor = connection.cursor(name="mre_export") if postgres else connection.cursor()
        try:
            with _DRIVER_ERRORS:  # as peewee's errors, like every other query's
                cursor.execute(sql, params)
            while True:
                with _DRIVER_ERRORS:
                    rows = cursor.fetchmany(batch_size)
                if not rows:
                    break
                yield typed(rows) if typed else rows
        finally:
            cursor.close()
