"""A database's content, independent of row ids: for 'equal to a clean run' checks.

Every row becomes a dict without its id, and every foreign key is replaced
by the natural key of the row it points to (recursively), so two databases
filled in different orders compare equal when they hold the same data.
Bookkeeping is left out: timestamps that differ by when a run happened, and
a track's `extra`, which track sync treats as bookkeeping (LiveRC's "2 days
ago" and the time it names, counted back from the fetch).
"""

from __future__ import annotations

from typing import Any

import peewee

from mre_core.storage.models import INGESTION_MODELS

BOOKKEEPING = frozenset({"last_seen_at", "last_ingested_at", "tracks.extra"})


def _unique_key(model: type[peewee.Model]) -> tuple[str, ...]:
    for fields, unique in model._meta.indexes:
        if unique:
            return tuple(fields)
    raise ValueError(f"{model.__name__} has no unique key")


class _Keys:
    def __init__(self) -> None:
        self._cache: dict[tuple[type, int], Any] = {}

    def of(self, model: type[peewee.Model], row_id: int | None) -> Any:
        if row_id is None:
            return None
        cached = self._cache.get((model, row_id))
        if cached is None:
            row = model.select().where(model._meta.primary_key == row_id).dicts().get()
            cached = tuple(self._value(model, name, row[name]) for name in _unique_key(model))
            self._cache[(model, row_id)] = cached
        return cached

    def _value(self, model: type[peewee.Model], name: str, value: Any) -> Any:
        field = model._meta.fields[name]
        if isinstance(field, peewee.ForeignKeyField):
            return self.of(field.rel_model, value)
        return value


def snapshot(
    models: tuple[type[peewee.Model], ...] = INGESTION_MODELS,
) -> dict[str, list[dict[str, Any]]]:
    keys = _Keys()
    content = {}
    for model in models:
        rows = []
        for row in model.select().dicts():
            item = {}
            for name, value in row.items():
                field = model._meta.fields[name]
                table_name = f"{model._meta.table_name}.{name}"
                if field is model._meta.primary_key or BOOKKEEPING & {name, table_name}:
                    continue
                item[name] = (
                    keys.of(field.rel_model, value)
                    if isinstance(field, peewee.ForeignKeyField)
                    else value
                )
            rows.append(item)
        content[model._meta.table_name] = sorted(rows, key=repr)
    return content
