"""A throwaway PostgreSQL schema, for tests and the benchmark alike.

Each user gets a schema of its own on a shared server, selected through the
URL's search_path (`options=-csearch_path=...`, passed to libpq by mre's
database URL parsing), and dropped afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def postgres_schema(base: str, prefix: str = "t") -> Iterator[str]:
    """A URL whose search_path is a new, empty schema; the schema is dropped on exit."""
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = psycopg.connect(base, autocommit=True)
    admin.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()
