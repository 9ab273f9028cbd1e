"""Queries whose SQL is built once per database kind, for the reads that are polled.

peewee builds a query's SQL anew each time it runs it, walking every
column: for the run table (30 columns) that costs some 0.4 ms, eight times
what SQLite takes to find a run by id. A console polls runs several times
a second per client, and `mre runs wait` and the workers read them in
loops, so those reads keep their SQL: built the first time on each kind of
database (the quoting and the parameter style differ), then only the
values change. Rows come back as model instances, each column through its
field's conversion, as from the query itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

import peewee

from mre_core.storage.database import current_database

M = TypeVar("M", bound=peewee.Model)

# Stand-ins for the values, each unlike any real one, so that their places in the
# built query's parameters can be found.
_PLACEHOLDERS = (-918_273_645, -918_273_646, -918_273_647)


class Prepared(Generic[M]):
    """`build(*values)` as a select of `model`, its SQL kept; call it with the values.

    Only integer values (ids) are taken: a stand-in must go through the field's
    conversion unchanged to be found again.
    """

    def __init__(self, model: type[M], build: Callable[..., peewee.Select], arity: int) -> None:
        if arity > len(_PLACEHOLDERS):
            raise ValueError(f"at most {len(_PLACEHOLDERS)} values")
        self.model = model
        self.build = build
        self.arity = arity
        self._built: dict[tuple[type, str], tuple[str, list[object], list[int]]] = {}
        self._lock = threading.Lock()

    def __call__(self, *values: int) -> list[M]:
        db = current_database()
        key = (type(db), db.param)
        built = self._built.get(key)
        if built is None:
            with self._lock:
                sql, params = self.build(*_PLACEHOLDERS[: self.arity]).sql()
                at = [params.index(p) for p in _PLACEHOLDERS[: self.arity]]
                built = self._built[key] = (sql, params, at)
        sql, params, at = built
        if at:
            params = list(params)
            for position, value in zip(at, values, strict=True):
                params[position] = value
        return list(self.model.raw(sql, *params))
