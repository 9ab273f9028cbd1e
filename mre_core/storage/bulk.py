"""Writing many rows in one statement, and counting what really changed.

Every write goes through `upsert_rows` (rows as dicts) or `upsert_values`
(rows as tuples, for the bulk of a race's laps): it reads the rows that may
already exist (one query, scoped by the caller), compares them field by
field with the new ones, and sends only new and changed rows to the
database as `INSERT ... VALUES (...), (...) ON CONFLICT (key) DO UPDATE`,
many rows a statement (pages of up to 1,000 rows on PostgreSQL, 256 on
SQLite). Never a query per row, and a forced re-ingest of unchanged data
writes nothing.

Speed matters here (a national event is 40,000 laps, written race by
race), so statements are built once per table and shape (peewee takes
about as long to build a query as SQLite takes to run it), rows stay
tuples, and reads go through the cursor, converting only the columns whose
values the driver does not already return as peewee would (dates, on
SQLite). A scope may be a peewee expression, or for the hot paths a
`{field: value}` mapping (a list value meaning IN), whose SQL is cached. A
caller that knows no row can exist yet (`fresh`: the parent row was just
created) skips the read before writing, and one that needs no ids back
(`ids=False`) skips the read after it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

import peewee
from loguru import logger

from mre_core.storage.counts import Counts
from mre_core.storage.database import current_database, is_postgres

Key = tuple[Any, ...]
# Which rows an upsert may match: a peewee expression, or {field: value} with
# every pair required (a list or tuple value: the field is IN it).
Scope = peewee.Expression | Mapping[peewee.Field, Any]
PAGE_SIZE = 1000

# Fields whose values come back from both drivers exactly as peewee's
# python_value would return them: their columns are read without conversion.
_PLAIN_FIELDS = (
    peewee.IntegerField,  # also AutoField, BigIntegerField, ...
    peewee.FloatField,  # also DoubleField
    peewee.CharField,
    peewee.TextField,
    peewee.BooleanField,  # 0/1 on SQLite: equal to False/True, as compared here
    peewee.ForeignKeyField,
)
_DATE_FIELDS = (peewee.DateTimeField, peewee.DateField, peewee.TimeField)


@dataclass(slots=True)
class Upserted:
    ids: dict[Key, int] = field(default_factory=dict)
    new_keys: list[Key] = field(default_factory=list)


def upsert_rows(
    model: type[peewee.Model],
    rows: Sequence[Mapping[str, Any]],
    key: Sequence[str],
    scope: Scope,
    counts: Counts,
    bookkeeping: frozenset[str] = frozenset(),
    insert_only: frozenset[str] = frozenset(),
    *,
    fresh: bool = False,
    ids: bool = True,
) -> Upserted:
    """Insert or update `rows`; return every row's id by key, and the new keys.

    `scope` must select every existing row that one of `rows` could match
    (for example all laps of one race). Fields in `bookkeeping` (such as
    last_seen_at) are written but not compared: a row that differs only there
    counts as unchanged. Fields in `insert_only` (such as an event's
    ingest_depth) are set on new rows and never changed on existing ones.
    `fresh=True` promises that no row in `scope` exists yet (nothing is read
    before writing); `ids=False` returns no ids (nothing is read after).
    """
    if not rows:
        return Upserted()
    fields = tuple(rows[0])
    values = itemgetter(*fields) if len(fields) > 1 else (lambda row: (row[fields[0]],))
    return upsert_values(
        model,
        fields,
        [values(row) for row in rows],
        key,
        scope,
        counts,
        bookkeeping,
        insert_only,
        fresh=fresh,
        ids=ids,
    )


def upsert_values(
    model: type[peewee.Model],
    fields: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    key: Sequence[str],
    scope: Scope,
    counts: Counts,
    bookkeeping: frozenset[str] = frozenset(),
    insert_only: frozenset[str] = frozenset(),
    *,
    fresh: bool = False,
    ids: bool = True,
) -> Upserted:
    """`upsert_rows` for rows given as tuples of `fields`, in that order."""
    table = model._meta.table_name
    if not rows:
        return Upserted()
    fields = tuple(fields)
    key_of = _getter([fields.index(k) for k in key])
    compared = [i for i, f in enumerate(fields) if f not in bookkeeping | insert_only]
    same = (lambda old, new: old == new) if len(compared) == len(fields) else _same(compared)
    existing = {} if fresh else _existing(model, fields, key_of, scope)

    by_key: dict[Key, tuple[Any, ...]] = {key_of(values): values for values in rows}
    if len(by_key) < len(rows):
        logger.warning(
            "{}: {} rows repeat a key; the last of each was kept", table, len(rows) - len(by_key)
        )

    if existing:
        to_write: list[tuple[Any, ...]] = []
        new_keys: list[Key] = []
        updated = unchanged = 0
        for k, values in by_key.items():
            old = existing.get(k)
            if old is None:
                new_keys.append(k)
                to_write.append(values)
            elif not same(old[1], values):
                updated += 1
                to_write.append(values)
            else:
                unchanged += 1
                if bookkeeping:
                    to_write.append(values)
    else:
        new_keys, to_write, updated, unchanged = list(by_key), list(by_key.values()), 0, 0
    _write(model, fields, tuple(key), insert_only, to_write)
    counts.add(table, len(new_keys), updated, unchanged)

    if not ids:
        return Upserted(new_keys=new_keys)
    if new_keys:
        return Upserted(_ids(model, key, scope), new_keys)
    return Upserted({k: old[0] for k, old in existing.items()}, new_keys)


def _getter(positions: list[int]) -> Callable[[Sequence[Any]], Key]:
    """A function from a row to the tuple of its values at `positions`."""
    if len(positions) == 1:
        at = positions[0]
        return lambda values: (values[at],)
    return itemgetter(*positions)


def _same(compared: list[int]) -> Callable[[Sequence[Any], Sequence[Any]], bool]:
    pick = _getter(compared)
    return lambda old, new: pick(old) == pick(new)


def _existing(
    model: type[peewee.Model],
    fields: tuple[str, ...],
    key_of: Callable[[Sequence[Any]], Key],
    scope: Scope,
) -> dict[Key, tuple[int, tuple[Any, ...]]]:
    """The rows in `scope` by key: (id, values of `fields`), read as peewee would read them."""
    columns = [model._meta.fields[f] for f in fields]
    found: dict[Key, tuple[int, tuple[Any, ...]]] = {}
    rows = _select(model, [model._meta.primary_key, *columns], scope)
    converted = [(i, c.python_value) for i, c in enumerate(columns) if not _plain(c)]
    for row in rows:
        values = row[1:]
        if converted:
            as_list = list(values)
            for i, convert in converted:
                as_list[i] = convert(as_list[i])
            values = tuple(as_list)
        found[key_of(values)] = (row[0], values)
    return found


def _ids(model: type[peewee.Model], key: Sequence[str], scope: Scope) -> dict[Key, int]:
    """Every row id in `scope`, by key."""
    found = _existing(model, tuple(key), tuple, scope)
    return {k: row_id for k, (row_id, _) in found.items()}


def select_values(
    model: type[peewee.Model], fields: Sequence[peewee.Field], scope: Scope
) -> list[tuple[Any, ...]]:
    """The values of `fields` of every row in `scope`, as the driver returns them."""
    return _select(model, list(fields), scope)


def update_row(model: type[peewee.Model], row_id: int, values: Mapping[str, Any]) -> None:
    """UPDATE one row by id, with a statement built once per table and set of fields."""
    db = current_database()
    names = tuple(values)
    sql = _update_sql(model, names, db.param)
    meta = model._meta
    db.execute_sql(sql, [*(meta.fields[n].db_value(values[n]) for n in names), row_id])


@lru_cache(maxsize=64)
def _update_sql(model: type[peewee.Model], names: tuple[str, ...], mark: str) -> str:
    meta = model._meta
    assignments = ", ".join(f'"{meta.fields[n].column_name}" = {mark}' for n in names)
    key = meta.primary_key.column_name
    return f'UPDATE "{meta.table_name}" SET {assignments} WHERE "{key}" = {mark}'


def _select(
    model: type[peewee.Model], columns: list[peewee.Field], scope: Scope
) -> list[tuple[Any, ...]]:
    """The raw rows of a SELECT, straight from the cursor (no model or converters)."""
    db = current_database()
    if isinstance(scope, Mapping):
        fields = tuple(scope)
        values = [scope[f] for f in fields]
        sizes = tuple(len(v) if isinstance(v, list | tuple) else -1 for v in values)
        names = tuple(f.name for f in fields)  # names, not fields: peewee's == builds SQL
        sql = _select_sql(model, tuple(c.name for c in columns), names, sizes, db.param)
        params: list[Any] = []
        for field_, value, size in zip(fields, values, sizes, strict=True):
            if size < 0:
                params.append(field_.db_value(value))
            else:
                params += [field_.db_value(v) for v in value]
    else:
        sql, params = model.select(*columns).where(scope).sql()
    with peewee.__exception_wrapper__:  # fetchall is the driver's: its errors too
        return db.execute_sql(sql, params).fetchall()


@lru_cache(maxsize=512)
def _select_sql(
    model: type[peewee.Model],
    columns: tuple[str, ...],
    where: tuple[str, ...],
    sizes: tuple[int, ...],
    mark: str,
) -> str:
    """SELECT columns FROM the model's table WHERE each field = (or IN) its parameters."""
    meta = model._meta
    selected = ", ".join(f'"{meta.fields[c].column_name}"' for c in columns)
    tests = []
    for name, size in zip(where, sizes, strict=True):
        column = f'"{meta.fields[name].column_name}"'
        if size < 0:
            tests.append(f"{column} = {mark}")
        elif size == 0:
            tests.append("0 = 1")  # IN () matches nothing
        else:
            tests.append(f"{column} IN ({', '.join([mark] * size)})")
    condition = " AND ".join(tests) or "1 = 1"
    return f'SELECT {selected} FROM "{meta.table_name}" WHERE {condition}'


def _plain(column: peewee.Field) -> bool:
    return isinstance(column, _PLAIN_FIELDS)


def _write(
    model: type[peewee.Model],
    fields: tuple[str, ...],
    key: tuple[str, ...],
    insert_only: frozenset[str],
    rows: list[tuple[Any, ...]],
) -> None:
    if not rows:
        return
    db = current_database()
    postgres = is_postgres(db)
    sql, dates = _statement(model, fields, key, insert_only, postgres)
    # The statements run on the driver's cursor, not through execute_sql: turn
    # the driver's errors into peewee's, as execute_sql would, so the service
    # reports them as database errors (one line, exit 7), not as a crash.
    with peewee.__exception_wrapper__:
        _execute(db, postgres, sql, dates, len(fields), rows)


def _execute(
    db: peewee.Database,
    postgres: bool,
    sql: str,
    dates: tuple[int, ...],
    width: int,
    rows: list[tuple[Any, ...]],
) -> None:
    cursor = db.cursor()
    if postgres:
        # PostgreSQL binds parameters on the server: at most 65,535 a statement.
        most = min(PAGE_SIZE, POSTGRES_PARAMETERS // width)
    else:
        if dates:
            rows = [_sqlite_dates(row, dates) for row in rows]
        most = min(SQLITE_ROWS, cursor.connection.getlimit(_VARIABLES) // width)
    # Many rows per statement: half the time of executemany, which also hands
    # the GIL back and forth once per row (a parsing thread then makes every
    # row wait). Statements hold a power of two of rows, so that the
    # database's statement cache (SQLite's, psycopg's prepared statements)
    # keeps a handful of them, not one per row count.
    if most <= 1:
        cursor.executemany(sql, rows)
        return
    size, start = 1 << (most.bit_length() - 1), 0
    while start < len(rows):
        while size > len(rows) - start:
            size //= 2
        chunk = rows[start : start + size]
        values = [value for row in chunk for value in row]
        cursor.execute(_many(sql, width, size, "%s" if postgres else "?"), values)
        start += size


SQLITE_ROWS = 256  # the most rows per INSERT statement on SQLite
POSTGRES_PARAMETERS = 65_535
_VARIABLES = sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER


@lru_cache(maxsize=256)
def _many(sql: str, width: int, count: int, mark: str) -> str:
    """The one-row statement `sql` with `count` rows of `width` parameters instead."""
    one = "(" + ", ".join([mark] * width) + ")"
    head, _, conflict = sql.partition(f"VALUES {one}")
    return f"{head}VALUES {', '.join([one] * count)}{conflict}"


@lru_cache(maxsize=256)
def _statement(
    model: type[peewee.Model],
    fields: tuple[str, ...],
    key: tuple[str, ...],
    insert_only: frozenset[str],
    postgres: bool,
) -> tuple[str, tuple[int, ...]]:
    """The upsert statement for one table and row shape, and which columns hold dates."""
    meta = model._meta
    columns = [meta.fields[f].column_name for f in fields]
    fixed = {meta.fields[f].column_name for f in (*key, *insert_only)}
    quoted = ", ".join(f'"{c}"' for c in columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in fixed)
    conflict_target = ", ".join(f'"{meta.fields[k].column_name}"' for k in key)
    action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    conflict = f"ON CONFLICT ({conflict_target}) {action}"
    dates = tuple(i for i, f in enumerate(fields) if isinstance(meta.fields[f], _DATE_FIELDS))
    marks = ", ".join(["%s" if postgres else "?"] * len(columns))
    return f'INSERT INTO "{meta.table_name}" ({quoted}) VALUES ({marks}) {conflict}', dates


def _sqlite_dates(row: tuple[Any, ...], dates: tuple[int, ...]) -> list[Any]:
    values = list(row)
    for i in dates:
        values[i] = _sqlite_value(values[i])
    return values


def _sqlite_value(value: Any) -> Any:
    """What peewee itself would store: ISO text for dates, 0/1 for booleans."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value
