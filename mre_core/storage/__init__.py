"""The database side of mre: connection, models, migrations, bulk writes and counts.

Only the service layer imports this package; connectors never do.
"""

from __future__ import annotations

import peewee

from mre_core.storage.database import connect
from mre_core.storage.schema import bind, ensure_current


def open_database(url: str, *, upgrade: bool | None = None) -> peewee.Database:
    """Connect to `url`, make sure its schema is the code's, and bind the models to it.

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


__all__ = ["open_database"]
