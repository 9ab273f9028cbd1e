"""A failing write is a database error (exit 7) that says why it failed, not a crash,
on each database: a refused bulk write, a full disk, a read-only or locked file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import peewee
import psycopg
import pytest

from mre_core.cli.main import main
from mre_core.errors import DatabaseError, first_line
from mre_core.service import track_sync
from mre_core.service.ingestion import IngestionService
from mre_core.storage import database, use_database
from mre_core.storage.bulk import upsert_rows
from mre_core.storage.counts import Counts
from mre_core.storage.database import write_transaction
from mre_core.storage.models import EventEntry, IngestionRun, User
from mre_core.timeutil import utcnow
from tests.conftest import _postgres_base
from tests.pg_schema import postgres_schema

NO_SUCH_EVENT = 999_999


def _entry_of_a_missing_event(counts: Counts) -> None:
    """A bulk write the database refuses: its foreign key names no event."""
    row = {
        "event": NO_SUCH_EVENT,
        "driver": NO_SUCH_EVENT,
        "class_name": "Buggy",
        "display_name": "Jane Doe",
        "entry_origin": "entry_list",
    }
    with write_transaction():
        upsert_rows(
            EventEntry,
            [row],
            ("event", "driver", "class_name"),
            {EventEntry.event: NO_SUCH_EVENT},
            counts,
            fresh=True,
        )


def test_a_refused_bulk_write_raises_peewees_integrity_error(db_url):
    with IngestionService.open(db_url):
        with pytest.raises(peewee.IntegrityError):  # not sqlite3's or psycopg2's own
            _entry_of_a_missing_event(Counts())
        assert EventEntry.select().count() == 0


def test_a_refused_bulk_write_during_an_operation_fails_it_with_exit_7(db_url, monkeypatch):
    monkeypatch.setattr(
        track_sync, "sync_tracks", lambda service, run, source: _entry_of_a_missing_event(Counts())
    )
    with IngestionService.open(db_url) as service:
        with pytest.raises(DatabaseError) as caught:
            service.sync_tracks("liverc")
        assert str(caught.value).startswith("database error during sync_tracks: ")
        assert "\n" not in str(caught.value)
        assert caught.value.exit_code == 7
        run = IngestionRun.get()
        assert (run.status, run.error_code) == ("failed", "database")


# --- the error that ended a transaction, not the rollback that could not follow it ----


@pytest.fixture
def sqlite_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A SQLite database at the code's schema, made before any test limit applies."""
    url = f"sqlite:///{tmp_path / 'mre.db'}"
    with IngestionService.open(url):
        pass
    capsys.readouterr()  # what making it logged
    return url


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> str:
    """The database's disk is full: SQLite may not grow the file by a page (a limit
    below the file's size holds it at its size), and fails as on a full disk."""
    monkeypatch.setitem(database.SQLITE_PRAGMAS, "max_page_count", 1)
    return sqlite_url


def _users_csv(folder: Path, rows: int = 5_000) -> Path:
    path = folder / "users.csv"
    lines = [f"Racer Number {i},racer{i}@example.org,{1_000_000 + i}" for i in range(rows)]
    path.write_text("name,email,transponders\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_full_disk_is_reported_not_the_rollback_after_it(full_disk, tmp_path, capsys):
    """SQLite ends the transaction itself on SQLITE_FULL: the rollback that peewee then
    tries failed ("cannot rollback - no transaction is active") and hid the cause."""
    code = main(["--db", full_disk, "users", "import", str(_users_csv(tmp_path))])
    assert (code, capsys.readouterr().err) == (
        7,
        "mre: error: database error: database or disk is full\n",
    )


def test_a_full_disk_inside_a_savepoint_is_reported_too(full_disk):
    with IngestionService.open(full_disk) as service, use_database(service.db):
        with (
            pytest.raises(peewee.OperationalError) as caught,
            write_transaction(),
            service.db.atomic(),  # a savepoint in the transaction
        ):
            for i in range(5_000):
                User.create(
                    display_name=f"Racer {i}", normalized_name=f"racer {i}", created_at=utcnow()
                )
        assert str(caught.value) == "database or disk is full"
        assert User.select().count() == 0


def _read_only_file(url: str) -> None:
    Path(url.removeprefix("sqlite:///")).chmod(0o444)


def _read_only_folder(url: str) -> None:
    """SQLite then cannot make the -wal and -shm files it needs beside the database."""
    Path(url.removeprefix("sqlite:///")).parent.chmod(0o555)


AS_ROOT = os.geteuid() == 0
NEEDS_PERMISSIONS = pytest.mark.skipif(
    AS_ROOT, reason="root writes whatever the permissions say (query_only covers root)"
)


@pytest.mark.parametrize(
    ("make_read_only", "line"),
    [
        pytest.param(
            _read_only_file,
            "mre: error: database error: attempt to write a readonly database",
            marks=NEEDS_PERMISSIONS,
            id="read-only file",
        ),
        pytest.param(
            _read_only_folder,
            "mre: error: cannot open database {url}: attempt to write a readonly database "
            "(mre writes {path} and its -wal and -shm files beside it: check that the file "
            "and its folder are writable)",
            marks=NEEDS_PERMISSIONS,
            id="read-only folder",
        ),
        pytest.param(
            lambda url: database.SQLITE_PRAGMAS.__setitem__("query_only", 1),
            "mre: error: database error: attempt to write a readonly database",
            id="query_only (as root too)",
        ),
    ],
)
def test_a_read_only_database_says_so(
    make_read_only, line, sqlite_url, monkeypatch, capsys, tmp_path
):
    monkeypatch.setattr(database, "SQLITE_PRAGMAS", dict(database.SQLITE_PRAGMAS))
    make_read_only(sqlite_url)
    try:
        code = main(["--db", sqlite_url, "users", "add", "Jo Bloggs"])
    finally:
        tmp_path.chmod(0o755)  # pytest must be able to remove it
    path = sqlite_url.removeprefix("sqlite:///")
    assert (code, capsys.readouterr().err) == (7, line.format(url=sqlite_url, path=path) + "\n")


def test_a_database_locked_past_the_busy_timeout_says_so(sqlite_url, monkeypatch, capsys):
    monkeypatch.setitem(database.SQLITE_PRAGMAS, "busy_timeout", 100)
    holder = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing, for longer than we wait
    try:
        code = main(["--db", sqlite_url, "users", "add", "Jo Bloggs"])
    finally:
        holder.close()
    assert (code, capsys.readouterr().err) == (
        7,
        "mre: error: database error: database is locked\n",
    )


def test_a_postgresql_session_killed_mid_transaction_is_reported_as_such():
    """The rollback of a closed session failed ("the connection is closed") and hid why."""
    base = _postgres_base()
    if base is None:
        pytest.skip("no PostgreSQL server: set MRE_TEST_POSTGRES_URL (CI does)")
    with postgres_schema(base) as url, psycopg.connect(base, autocommit=True) as admin:
        db = database.connect(url)
        try:
            with (
                pytest.raises(peewee.OperationalError) as caught,
                write_transaction(db),
                db.atomic(),
            ):
                (pid,) = db.execute_sql("SELECT pg_backend_pid()").fetchone()
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
                db.execute_sql("SELECT 1")
            assert first_line(caught.value) == "terminating connection due to administrator command"
        finally:
            db.close_all()
