"""The database side of mre: connection, models, bulk writes and counts.

Only the service layer imports this package; connectors never do.
"""

from __future__ import annotations

import peewee

from mre_core.storage.database import connect
from mre_core.storage.schema import bind, create_schema


def open_database(url: str) -> peewee.Database:
    """Connect to `url`, bind the models to it and create missing tables."""
    db = connect(url)
    bind(db)
    create_schema(db)
    return db


__all__ = ["open_database"]
