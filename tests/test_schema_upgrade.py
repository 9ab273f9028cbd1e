"""A database made by an earlier mre opens with what was added since, and loses nothing."""

from __future__ import annotations

import sqlite3
import threading

import peewee
import pytest

from mre_core.errors import DatabaseError
from mre_core.storage import open_database
from mre_core.storage.database import connect
from mre_core.storage.models import Race, Track
from mre_core.storage.schema import bind, create_schema
from tests.rows import event_row, track_row


def _tables(db) -> set[str]:  # type: ignore[no-untyped-def]
    return set(db.get_tables())


def test_a_column_added_since_is_added_and_every_row_is_kept(db_url):
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
    db.execute_sql("ALTER TABLE races DROP COLUMN page_digest")  # as mre 0.1.0 before it
    db.close()

    db = open_database(db_url)
    columns = [c.name for c in db.get_columns("races")]
    assert columns[-1] == "page_digest"
    (race,) = Race.select()
    assert (race.source_race_id, race.race_label, race.page_digest) == ("9", "Race 1", None)
    db.close()


def test_a_table_of_the_same_name_that_is_not_mres_is_refused_and_nothing_is_made(db_url):
    db = open_database(db_url)
    cascade = " CASCADE" if db_url.startswith("postgresql") else ""
    for table in sorted(_tables(db)):
        db.execute_sql(f'DROP TABLE "{table}"{cascade}')
    db.execute_sql("CREATE TABLE races (id INTEGER PRIMARY KEY, note TEXT)")
    db.close()

    with pytest.raises(DatabaseError, match=r"^table 'races' is not mre's: it has no column"):
        open_database(db_url)
    db = connect(db_url)
    assert _tables(db) == {"races"}
    db.close()


def test_two_sqlite_workers_creating_the_schema_together_take_turns(tmp_path, monkeypatch):
    """The second worker waits for the first one's write lock instead of failing.

    A worker that read the (missing) schema in a deferred transaction, and then
    tried to create it after another worker had, failed with SQLITE_BUSY_SNAPSHOT
    ("database is locked"), which no busy timeout helps with.
    """
    from mre_core.storage import schema

    db = connect(f"sqlite:///{tmp_path / 'mre.db'}")
    bind(db)
    real_needed = schema._needed
    other: list[str] = []

    def other_worker() -> None:  # its own thread: its own connection to the same file
        db.connect(reuse_if_open=True)
        db.execute_sql("PRAGMA busy_timeout = 50")  # not 30 s: the first worker holds the lock
        try:
            create_schema(db)
            other.append("created")
        except peewee.OperationalError as exc:
            other.append(str(exc))
        finally:
            db.close()

    def needed_then_other_worker(db_):  # type: ignore[no-untyped-def]
        found = real_needed(db_)
        if db_.in_transaction() and not other:  # the check under the lock
            worker = threading.Thread(target=other_worker)
            worker.start()
            worker.join()
        return found

    monkeypatch.setattr(schema, "_needed", needed_then_other_worker)
    create_schema(db)  # before the fix: peewee.OperationalError: database is locked

    assert other == ["database is locked"]  # it waited for the lock (50 ms here)
    monkeypatch.setattr(schema, "_needed", real_needed)
    assert schema._needed(db) == ([], [])
    create_schema(db)  # and once the first is done, the second finds nothing to do
    db.close()


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
