"""Creating the tables a database needs, on first use."""

from __future__ import annotations

import peewee

from mre_core.storage.database import database_proxy
from mre_core.storage.models import BOOKKEEPING_MODELS, INGESTION_MODELS

ALL_MODELS: list[type[peewee.Model]] = [*INGESTION_MODELS, *BOOKKEEPING_MODELS]


def create_schema(db: peewee.Database) -> None:
    """Create missing tables and indexes; existing ones are left alone."""
    with db.atomic():
        db.create_tables(ALL_MODELS, safe=True)


def bind(db: peewee.Database) -> None:
    database_proxy.initialize(db)
