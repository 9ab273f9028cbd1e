"""A database's schema and rows as plain data, to compare two databases table by table.

The shape is what a migration can get wrong: each table's columns (name,
type, null or not, default), its indexes (name, unique, columns, partial
condition), its CHECK and foreign-key constraints. Column order is left
out: SQLite's ADD COLUMN appends, so an upgraded table may order its
columns differently from a fresh one, and nothing in mre reads by position.
"""

from __future__ import annotations

import re
from typing import Any

import peewee

from mre_core.storage.database import is_postgres
from mre_core.storage.migrations.context import mre_tables

_CAST = re.compile(r"::[a-z]+(?: [a-z]+)*(?:\[\])?")
_CHECK = re.compile(r"CHECK \(((?:[^()]|\([^()]*\))*)\)", re.IGNORECASE)


def schema_shape(db: peewee.Database) -> dict[str, dict[str, Any]]:
    """mre's tables. On PostgreSQL migration 4 also makes procrastinate's job queue
    (`procrastinate_*`), whose shape is procrastinate's own and which no model of
    mre's describes (so the models-equal-migrations test could not hold with them),
    and whose rows a release's dump does not fill: they are left out."""
    return {table: _table(db, table) for table in sorted(mre_tables(db))}


def rows(db: peewee.Database, table: str) -> list[tuple[Any, ...]]:
    """Every row, columns by name order (not position), ordered by the first key column."""
    columns = sorted(_column_names(db, table))
    order = "version" if table == "schema_version" else "id"
    names = ", ".join(f'"{c}"' for c in columns)
    return [tuple(r) for r in db.execute_sql(f'SELECT {names} FROM "{table}" ORDER BY "{order}"')]


def _column_names(db: peewee.Database, table: str) -> list[str]:
    return [c.name for c in db.get_columns(table, schema=_schema(db))]


def _schema(db: peewee.Database) -> str | None:
    if not is_postgres(db):
        return None
    return db.execute_sql("SELECT current_schema()").fetchone()[0]


def _table(db: peewee.Database, table: str) -> dict[str, Any]:
    if is_postgres(db):
        return _postgres_table(db, table)
    return _sqlite_table(db, table)


def _sqlite_table(db: peewee.Database, table: str) -> dict[str, Any]:
    columns = {
        name: (kind.upper(), bool(notnull), default, bool(pk))
        for _, name, kind, notnull, default, pk in db.execute_sql(f'PRAGMA table_info("{table}")')
    }
    indexes = {}
    for _, name, unique, _origin, partial in db.execute_sql(f'PRAGMA index_list("{table}")'):
        info = db.execute_sql(f'PRAGMA index_info("{name}")').fetchall()
        (sql,) = db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
        ).fetchone() or (None,)
        where = sql.split(" WHERE ", 1)[1] if partial and sql else None
        indexes[name] = (bool(unique), tuple(c[2] for c in info), where)
    foreign_keys = sorted(
        (row[3], row[2], row[4]) for row in db.execute_sql(f'PRAGMA foreign_key_list("{table}")')
    )
    (create,) = db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    checks = sorted(_CHECK.findall(create))
    return {"columns": columns, "indexes": indexes, "foreign_keys": foreign_keys, "checks": checks}


def _postgres_table(db: peewee.Database, table: str) -> dict[str, Any]:
    columns = {
        name: (kind, length, nullable == "NO", default)
        for name, kind, length, nullable, default in db.execute_sql(
            "SELECT column_name, data_type, character_maximum_length, is_nullable, "
            "column_default FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = %s",
            (table,),
        )
    }
    indexes = {
        name: _expression(re.sub(r" ON \S+\.", " ON ", definition))  # schemas differ per test
        for name, definition in db.execute_sql(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() AND tablename = %s",
            (table,),
        )
    }
    constraints = {
        name: _expression(re.sub(r"REFERENCES \S+\.", "REFERENCES ", definition))
        for name, definition in db.execute_sql(
            "SELECT conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid "
            "WHERE t.relname = %s AND t.relnamespace = current_schema()::regnamespace",
            (table,),
        )
    }
    return {"columns": columns, "indexes": indexes, "constraints": constraints}


def _expression(text: str) -> str:
    """An expression as PostgreSQL shows it, less its casts, parentheses and spaces.

    PostgreSQL words one CHECK differently once it has been through pg_dump
    and back (`ANY ((ARRAY['a'::varchar])::text[])` becomes
    `ANY (ARRAY[('a'::varchar)::text])`): the same constraint, another text.
    """
    return re.sub(r"[()\s]", "", _CAST.sub("", text))
