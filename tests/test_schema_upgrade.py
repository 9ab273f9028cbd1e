"""Older databases: adopted, upgraded by the one who may, and by one process of two at once."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import peewee
import pytest

from mre_core.cli.main import main
from mre_core.errors import DatabaseError
from mre_core.storage import open_database
from mre_core.storage import schema as versions
from mre_core.storage.database import connect
from mre_core.storage.models import Race, Track
from tests.conftest import ROOT
from tests.rows import event_row, track_row


def _tables(db) -> set[str]:  # type: ignore[no-untyped-def]
    from mre_core.storage.migrations.context import table_names

    return table_names(db)


def _as_before_migrations(db: peewee.Database) -> None:
    """Make `db` what mre 0.1.0 made: the same tables, no schema_version."""
    db.execute_sql("DROP TABLE schema_version")


def test_a_database_of_an_early_0_1_0_commit_is_adopted_with_what_it_lacked(db_url):
    db = open_database(db_url)
    event = event_row(track_row(), "1")
    Race.create(
        event=event,
        source_race_id="9",
        race_url="https://t.liverc.com/results/?p=view_race_result&id=9",
        class_name="Buggy",
        race_label="Race 1",
        race_order=1,
    )
    db.execute_sql("ALTER TABLE races DROP COLUMN page_digest")  # before the column was added
    db.execute_sql("DROP TABLE ingest_locks")  # and before this table was
    _as_before_migrations(db)
    db.close()
    assert versions.database_version(connect(db_url)) == 0

    db = open_database(db_url, upgrade=True)
    assert versions.database_version(db) == 1
    assert "page_digest" in [c.name for c in db.get_columns("races", schema=_schema(db))]
    assert "ingest_locks" in _tables(db)
    (race,) = Race.select()
    assert (race.source_race_id, race.race_label, race.page_digest) == ("9", "Race 1", None)
    db.close()


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
    db = open_database(db_url)
    track_row("keepme")
    _as_before_migrations(db)
    db.close()

    code = main(["--db", db_url, "tracks", "list", "--json"])
    out, err = capsys.readouterr()
    if db_url.startswith("sqlite"):  # one machine's file: the CLI upgrades it first
        assert code == 0
        assert err.endswith(
            "INFO    database schema upgraded: applied 1 initial (the tables of mre 0.1.0)\n"
        )
        assert '"slug": "keepme"' in out
    else:  # shared: an operator upgrades, once
        assert code == 7
        assert err.splitlines()[-1] == (
            "mre: error: the database's schema is version 0 and this mre needs 1: "
            "run `mre db upgrade` once (then restart any workers)"
        )
        assert versions.database_version(connect(db_url)) == 0
        assert main(["--db", db_url, "db", "upgrade"]) == 0
        out, _ = capsys.readouterr()
        assert out == "database schema 0 -> 1:\n  applied 1 initial: the tables of mre 0.1.0\n"
        assert main(["--db", db_url, "tracks", "list", "--json"]) == 0
        assert '"slug": "keepme"' in capsys.readouterr().out
    assert versions.database_version(connect(db_url)) == 1


def test_db_status_and_upgrade_say_where_the_database_stands(db_url, capsys):
    from mre_core import __version__

    assert main(["--db", db_url, "db", "upgrade"]) == 0
    assert capsys.readouterr().out == (
        "database schema empty -> 1:\n  applied 1 initial: the tables of mre 0.1.0\n"
    )
    assert main(["--db", db_url, "db", "upgrade"]) == 0
    assert capsys.readouterr().out == "database schema 1: up to date, nothing to do\n"
    assert main(["--db", db_url, "db", "status"]) == 0
    assert capsys.readouterr().out == (
        f"database schema: 1\nthis mre:        {__version__}, schema 1\nup to date\n"
    )
    db = connect(db_url)
    _as_before_migrations(db)
    db.close()
    assert main(["--db", db_url, "db", "status", "--json"]) == 0
    assert capsys.readouterr().out == (
        '{\n  "database_version": 0,\n  "code_version": 1,\n'
        f'  "mre_version": "{__version__}",\n'
        '  "pending": [\n    {\n      "version": 1,\n      "name": "initial"\n    }\n  ],\n'
        '  "newer_than_code": false\n}\n'
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
    db = open_database(db_url)
    track_row("keepme")
    _as_before_migrations(db)
    db.close()

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
        "database schema 0 -> 1:\n  applied 1 initial: the tables of mre 0.1.0\n",
        "database schema 1: up to date, nothing to do\n",
    ]
    db = connect(db_url)
    assert db.execute_sql("SELECT version FROM schema_version").fetchall() == [(1,)]
    assert db.execute_sql("SELECT source_track_slug FROM tracks").fetchall() == [("keepme",)]
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
    import psycopg2

    pg = psycopg2.connect(url)
    pg.cursor().execute("SELECT pg_advisory_lock(%s)", (versions.SCHEMA_LOCK,))
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
