"""The database side of mre: connection, models, migrations, bulk writes and counts.

Only the service layer imports this package (and, through the service's
database, the HTTP client's shared politeness budget: `mre_core.http.shared`);
connectors never do.
"""

from __future__ import annotations

import peewee
from playhouse.pool import PooledDatabase

from mre_core.storage.database import bind, connect, unbind, use_database
from mre_core.storage.schema import ensure_current


def open_database(url: str, *, upgrade: bool | None = None) -> peewee.Database:
    """Connect to `url`, make sure its schema is the code's, and bind the models to it.

    Bound for the whole process while it is the only database open; with
    several, each is used through its service (or `use_database`).

    `upgrade`: see `schema.ensure_current` (None: upgrade SQLite, refuse an
    older PostgreSQL database with a pointer to `mre db upgrade`).
    """
    db = connect(url)
    try:
        ensure_current(db, upgrade)
    except BaseException:
        db.close()
        raise
    bind(db)
    return db


def close_database(db: peewee.Database) -> None:
    unbind(db)
    if isinstance(db, PooledDatabase):
        db.close_all()
    elif not db.is_closed():
        db.close()


__all__ = ["close_database", "open_database", "use_database"]
