"""Older databases: adopted, upgraded by the one who may, and by one process of two at once."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee
import pytest

from mre_core.cli.main import main
from mre_core.errors import DatabaseError
from mre_core.storage import open_database
from mre_core.storage import schema as versions
from mre_core.storage.database import connect
from mre_core.storage.migrations import CODE_VERSION, MIGRATIONS
from mre_core.storage.models import Race, Track
from tests.conftest import ROOT
from tests.releases import load_postgres, load_sqlite


def _tables(db) -> set[str]:  # type: ignore[no-untyped-def]
    from mre_core.storage.migrations.context import table_names

    return table_names(db)


def _made_by_0_1_0(url: str, data: bool = True) -> None:
    """Fill the empty database at `url` as mre 0.1.0 did (its dump in tests/releases)."""
    if url.startswith("sqlite"):
        load_sqlite(Path(url[len("sqlite:///") :]), "0.1.0", data=data)
    else:
        load_postgres(url, "0.1.0", data=data)


def _applied(start: str) -> str:
    """What `mre db upgrade` prints when it applies every migration after `start`."""
    first = 0 if start == "empty" else int(start)
    lines = [
        f"  applied {m.version} {m.name}: {m.description}\n"
        for m in MIGRATIONS
        if m.version > first
    ]
    return f"database schema {start} -> {CODE_VERSION}:\n" + "".join(lines)


def test_a_database_of_an_early_0_1_0_commit_is_adopted_with_what_it_lacked(db_url):
    _made_by_0_1_0(db_url)
    db = connect(db_url)
    db.execute_sql("ALTER TABLE races DROP COLUMN page_digest")  # before the column was added
    db.execute_sql("DROP TABLE ingest_locks")  # and before this table was
    races = rows(db, "races")
    db.close()
    assert versions.database_version(connect(db_url)) == 0

    db = open_database(db_url, upgrade=True)
    assert versions.database_version(db) == CODE_VERSION
    assert "ingest_locks" in _tables(db)
    assert [(r.id, r.source_race_id, r.page_digest) for r in Race.select().order_by(Race.id)] == [
        (r[0], r[1], None) for r in races
    ]  # every race kept, the new column empty
    db.close()


def rows(db: peewee.Database, table: str) -> list[tuple]:
    return db.execute_sql(f'SELECT id, source_race_id FROM "{table}" ORDER BY id').fetchall()


def _schema(db: peewee.Database) -> str | None:
    if isinstance(db, peewee.PostgresqlDatabase):
        return db.execute_sql("SELECT current_schema()").fetchone()[0]
    return None


def test_a_table_of_the_same_name_that_is_not_mres_is_refused_and_nothing_is_made(db_url):
    db = open_database(db_url)
    cascade = " CASCADE" if db_url.startswith("postgresql") else ""
    for table in sorted(_tables(db)):
        db.execute_sql(f'DROP TABLE "{table}"{cascade}')
    db.execute_sql("CREATE TABLE races (id INTEGER PRIMARY KEY, note TEXT)")
    db.close()

    with pytest.raises(
        DatabaseError, match=r"^table 'races' is not mre's: it has no column 'event_id'$"
    ):
        open_database(db_url, upgrade=True)
    db = connect(db_url)
    assert _tables(db) == {"races"}
    db.close()


def test_an_older_database_is_upgraded_by_the_cli_on_sqlite_and_refused_on_postgresql(
    db_url, capsys
):
    _made_by_0_1_0(db_url)

    code = main(["--db", db_url, "tracks", "list", "--json"])
    out, err = capsys.readouterr()
    if db_url.startswith("sqlite"):  # one machine's file: the CLI upgrades it first
        assert code == 0
        assert [line[9:] for line in err.splitlines()] == [
            f"INFO    database schema upgraded: applied {m.version} {m.name} ({m.description})"
            for m in MIGRATIONS
        ]
        assert '"slug": "quickanddirtyrcandhobby"' in out
    else:  # shared: an operator upgrades, once
        assert code == 7
        assert err.splitlines()[-1] == (
            f"mre: error: the database's schema is version 0 and this mre needs {CODE_VERSION}: "
            "run `mre db upgrade` once (then restart any workers)"
        )
        assert versions.database_version(connect(db_url)) == 0
        assert main(["--db", db_url, "db", "upgrade"]) == 0
        assert capsys.readouterr().out == _applied("0")
        assert main(["--db", db_url, "tracks", "list", "--json"]) == 0
        assert '"slug": "quickanddirtyrcandhobby"' in capsys.readouterr().out
    assert versions.database_version(connect(db_url)) == CODE_VERSION


def test_db_status_and_upgrade_say_where_the_database_stands(db_url, capsys):
    from mre_core import __version__

    assert main(["--db", db_url, "db", "upgrade"]) == 0
    assert capsys.readouterr().out == _applied("empty")
    assert main(["--db", db_url, "db", "upgrade"]) == 0
    assert capsys.readouterr().out == f"database schema {CODE_VERSION}: up to date, nothing to do\n"
    assert main(["--db", db_url, "db", "status"]) == 0
    assert capsys.readouterr().out == (
        f"database schema: {CODE_VERSION}\n"
        f"this mre:        {__version__}, schema {CODE_VERSION}\nup to date\n"
    )


def test_db_status_of_a_database_made_by_0_1_0_lists_what_is_pending(db_url, capsys):
    from mre_core import __version__

    _made_by_0_1_0(db_url, data=False)
    assert main(["--db", db_url, "db", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "database_version": 0,
        "code_version": CODE_VERSION,
        "mre_version": __version__,
        "pending": [{"version": m.version, "name": m.name} for m in MIGRATIONS],
        "newer_than_code": False,
    }
    assert main(["--db", db_url, "db", "status"]) == 0
    assert capsys.readouterr().out == (
        "database schema: 0 (made before versioned migrations, by mre 0.1.0 or earlier)\n"
        f"this mre:        {__version__}, schema {CODE_VERSION}\n"
        f"pending: {len(MIGRATIONS)} (run `mre db upgrade`)\n"
        + "".join(f"  {m.version} {m.name}\n" for m in MIGRATIONS)
    )


def test_db_status_of_a_missing_sqlite_file_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "typo" / "mre.db"
    assert main(["--db", f"sqlite:///{missing}", "db", "status"]) == 3
    assert capsys.readouterr().err == (
        f"mre: error: no database at {missing} (check --db or $MRE_DATABASE_URL)\n"
    )
    assert not (tmp_path / "typo").exists()


def test_two_processes_upgrading_at_once_one_does_it_the_other_finds_nothing_to_do(db_url):
    """Both start while a third party holds the schema lock; once it lets go, one upgrades
    and the other, having waited, finds the work done."""
    _made_by_0_1_0(db_url)

    with _schema_lock_held(db_url):
        upgraders = [
            subprocess.Popen(
                [sys.executable, "-m", "mre_core", "--db", db_url, "db", "upgrade"],
                cwd=ROOT,
                env=os.environ.copy(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        time.sleep(2.0)  # time to start and reach the lock (not a timing assertion)
        assert [p.poll() for p in upgraders] == [None, None]  # both waiting for the lock
    outputs = sorted(p.communicate(timeout=60)[0] for p in upgraders)

    assert [p.returncode for p in upgraders] == [0, 0]
    assert outputs == [
        _applied("0"),
        f"database schema {CODE_VERSION}: up to date, nothing to do\n",
    ]
    db = connect(db_url)
    assert db.execute_sql("SELECT version FROM schema_version ORDER BY version").fetchall() == [
        (m.version,) for m in MIGRATIONS
    ]
    assert db.execute_sql("SELECT COUNT(*) FROM tracks").fetchone() == (3,)
    db.close()


@contextmanager
def _schema_lock_held(url: str) -> Iterator[None]:
    """Hold what an upgrade must take: SQLite's write lock, or PostgreSQL's advisory lock."""
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url[len("sqlite:///") :], isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        yield
        conn.execute("ROLLBACK")
        conn.close()
        return
    import psycopg

    pg = psycopg.connect(url, autocommit=True)
    pg.execute("SELECT pg_advisory_lock(%s)", (versions.SCHEMA_LOCK,))
    yield
    pg.close()  # PostgreSQL lets a session's advisory locks go with it


def test_opening_an_up_to_date_sqlite_database_takes_no_write_lock(tmp_path):
    url = f"sqlite:///{tmp_path / 'mre.db'}"
    open_database(url).close()
    writer = sqlite3.connect(tmp_path / "mre.db", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        db = open_database(url)  # would wait for the writer (30 s) if it took the lock
        assert Track.select().count() == 0
        db.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
