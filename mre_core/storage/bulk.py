"""Writing many rows in one statement, and counting what really changed.

Every write goes through `upsert_rows`: it reads the rows that may already
exist (one query, scoped by the caller), compares them field by field with
the new ones, and sends only new and changed rows to the database in a
single `INSERT ... ON CONFLICT (key) DO UPDATE`: executemany on SQLite,
`execute_values` pages on PostgreSQL. Never a query per row, and a forced
re-ingest of unchanged data writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import peewee
from loguru import logger

from mre_core.storage.counts import Counts
from mre_core.storage.database import current_database, is_postgres

Key = tuple[Any, ...]
PAGE_SIZE = 1000


@dataclass(slots=True)
class Upserted:
    ids: dict[Key, int] = field(default_factory=dict)
    new_keys: list[Key] = field(default_factory=list)


def upsert_rows(
    model: type[peewee.Model],
    rows: Sequence[Mapping[str, Any]],
    key: Sequence[str],
    scope: peewee.Expression,
    counts: Counts,
    bookkeeping: frozenset[str] = frozenset(),
    insert_only: frozenset[str] = frozenset(),
) -> Upserted:
    """Insert or update `rows`; return every row's id by key, and the new keys.

    `scope` must select every existing row that one of `rows` could match
    (for example all laps of one race). Fields in `bookkeeping` (such as
    last_seen_at) are written but not compared: a row that differs only there
    counts as unchanged. Fields in `insert_only` (such as an event's
    ingest_depth) are set on new rows and never changed on existing ones.
    """
    table = model._meta.table_name
    if not rows:
        return Upserted()
    fields = list(rows[0])
    key_at = [fields.index(k) for k in key]
    compare_at = [i for i, f in enumerate(fields) if f not in bookkeeping | insert_only]
    existing = _existing(model, fields, key_at, scope)

    by_key: dict[Key, list[Any]] = {}
    for row in rows:
        values = [row[f] for f in fields]
        by_key[tuple(values[i] for i in key_at)] = values
    if len(by_key) < len(rows):
        logger.warning(
            "{}: {} rows repeat a key; the last of each was kept", table, len(rows) - len(by_key)
        )

    to_write: list[list[Any]] = []
    new_keys: list[Key] = []
    updated = unchanged = 0
    for k, values in by_key.items():
        old = existing.get(k)
        if old is None:
            new_keys.append(k)
            to_write.append(values)
        elif any(old[1][i] != values[i] for i in compare_at):
            updated += 1
            to_write.append(values)
        else:
            unchanged += 1
            if bookkeeping:
                to_write.append(values)
    _write(model, fields, key, insert_only, to_write)
    counts.add(table, len(new_keys), updated, unchanged)

    if new_keys:
        existing = _existing(model, fields, key_at, scope)
    return Upserted({k: old[0] for k, old in existing.items()}, new_keys)


def _existing(
    model: type[peewee.Model], fields: list[str], key_at: list[int], scope: peewee.Expression
) -> dict[Key, tuple[int, list[Any]]]:
    columns = [model._meta.fields[f] for f in fields]
    found: dict[Key, tuple[int, list[Any]]] = {}
    for row_id, *values in model.select(model._meta.primary_key, *columns).where(scope).tuples():
        found[tuple(values[i] for i in key_at)] = (row_id, values)
    return found


def _write(
    model: type[peewee.Model],
    fields: list[str],
    key: Sequence[str],
    insert_only: frozenset[str],
    rows: list[list[Any]],
) -> None:
    if not rows:
        return
    db = current_database()
    meta = model._meta
    columns = [meta.fields[f].column_name for f in fields]
    fixed = {meta.fields[f].column_name for f in (*key, *insert_only)}
    quoted = ", ".join(f'"{c}"' for c in columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in fixed)
    conflict_target = ", ".join(f'"{meta.fields[k].column_name}"' for k in key)
    action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    conflict = f"ON CONFLICT ({conflict_target}) {action}"
    cursor = db.cursor()
    if is_postgres(db):
        from psycopg2.extras import execute_values

        sql = f'INSERT INTO "{meta.table_name}" ({quoted}) VALUES %s {conflict}'
        execute_values(cursor, sql, rows, page_size=PAGE_SIZE)
    else:
        marks = ", ".join("?" * len(columns))
        sql = f'INSERT INTO "{meta.table_name}" ({quoted}) VALUES ({marks}) {conflict}'
        cursor.executemany(sql, [[_sqlite_value(v) for v in row] for row in rows])


def _sqlite_value(value: Any) -> Any:
    """What peewee itself would store: ISO text for dates, 0/1 for booleans."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value
