"""Fresh databases for each measurement: a new SQLite file, or a throwaway PostgreSQL schema.

PostgreSQL is measured when a server is reachable: MRE_BENCH_POSTGRES_URL
or MRE_TEST_POSTGRES_URL (what the test suite uses), else a server on the
default local port. Each measurement gets a schema of its own, selected
through search_path in the URL (as the tests do), dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.pg_schema import postgres_schema

LOCAL_CANDIDATES = ("postgresql://postgres@127.0.0.1:5432/postgres",)

# The tables deep ingestion writes, parents first (the order foreign keys
# allow), and the parents it needs written before: the write floor inserts
# these, and the end-to-end re-ingest digests them.
PARENTS = ("tracks", "events")
DATA_TABLES = ("drivers", "event_entries", "races", "race_drivers", "race_results", "laps")


@contextmanager
def fresh_database(folder: Path, name: str, postgres: str | None) -> Iterator[str]:
    """A URL to a database nobody has used: a new SQLite file, or a new PostgreSQL schema."""
    if postgres:
        with postgres_schema(postgres, prefix="bench") as url:
            yield url
    else:
        yield sqlite_url(folder, f"{name}-{uuid.uuid4().hex[:8]}.db")


def sqlite_url(folder: Path, name: str) -> str:
    return f"sqlite:///{folder / name}"


def sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///")


def find_postgres(explicit: str | None = None) -> str | None:
    """A PostgreSQL URL that answers, or None (then only SQLite is measured)."""
    try:
        import psycopg
    except ImportError:
        return None
    env = os.environ.get("MRE_BENCH_POSTGRES_URL") or os.environ.get("MRE_TEST_POSTGRES_URL")
    candidates = [explicit] if explicit else ([env] if env else list(LOCAL_CANDIDATES))
    for url in candidates:
        try:
            psycopg.connect(url, connect_timeout=2).close()
        except psycopg.Error:
            continue
        return url
    return None


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql:", "postgres:"))
