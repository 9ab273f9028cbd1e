"""`mre db copy` and `mre db backup`: moving house between databases, and backups.

The data is real mre data: the demo cassette replayed through the CLI (3
tracks, 2 events, one ingested whole), a user matched to two drivers, and a
few rows edited so every awkward case is there: a driver merged into a
*later* driver and a run whose parent is a later run (references to rows not
copied yet), a false boolean, a datetime with microseconds, a float whose
shortest text has 17 digits.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime
from pathlib import Path

import peewee
import pytest

from mre_core.cli.main import main
from mre_core.storage import copy as db_copy
from mre_core.storage.database import connect
from mre_core.storage.migrations import CODE_VERSION
from mre_core.storage.migrations.context import mre_tables, table_names
from mre_core.storage.models import (
    BOOKKEEPING_MODELS,
    INGESTION_MODELS,
    MATCHING_MODELS,
    Driver,
    IngestionRun,
    Lap,
    Track,
    User,
)
from mre_core.storage.schema import database_version
from tests.conftest import _postgres_base
from tests.liverc_site.demo import DEMO_CASSETTE, demo_commands, demo_event, demo_site
from tests.pg_schema import postgres_schema

SITE = demo_site()
EVENT_ID = str(demo_event(SITE)[1].event_id)
MODELS = (*INGESTION_MODELS, *MATCHING_MODELS, *BOOKKEEPING_MODELS)

# Rows per table after `fill`, counted by hand: the demo event has 6 races of
# 8 drivers (48 results, 413 laps), 24 entries of 20 drivers (each an entry-list
# driver merged into its real one: 40 rows); 4 runs (three
# commands and the match), one lock (the ingested event), one user with one
# transponder, matched to 2 drivers (one link per driver and per event). The
# site budgets stay empty: the demo replays a cassette, which fetches nothing.
# Run log lines: each run's "started" and its last line, plus a line per page
# replayed and what it read: the track sync 4 (its page, "3 tracks listed"), the
# event sync 4 (its page, "2 events listed"), the ingest 12 (8 pages, "6 races
# listed", "... 413 laps read"), the match 2.
ROWS = {
    "drivers": 40,
    "ingestion_runs": 4,
    "site_budgets": 0,
    "site_slots": 0,
    "tracks": 3,
    "users": 1,
    "events": 2,
    "ingest_locks": 1,
    "practice_days": 0,
    "run_logs": 22,
    "user_driver_links": 2,
    "user_transponders": 1,
    "event_driver_links": 2,
    "event_entries": 24,
    "practice_sessions": 0,
    "races": 6,
    "practice_laps": 0,
    "race_drivers": 48,
    "race_results": 48,
    "laps": 413,
}
# Parents first, alphabetical among tables whose parents are all in.
ORDER = list(ROWS)
TOTAL = 617
FILLED = [t for t in ORDER if ROWS[t]]  # an empty table has no batch to insert
THIRD_TABLE = FILLED[2]


# --- helpers ------------------------------------------------------------------------------


@pytest.fixture
def database(tmp_path: Path) -> Iterator:
    """database('sqlite' | 'postgresql', name) -> a URL of a new, empty database."""
    with ExitStack() as stack:

        def make(kind: str, name: str) -> str:
            if kind == "sqlite":
                return f"sqlite:///{tmp_path / f'{name}.db'}"
            base = _postgres_base()
            if base is None:
                pytest.skip("no PostgreSQL server: set MRE_TEST_POSTGRES_URL (CI does)")
            return stack.enter_context(postgres_schema(base))

        yield make


@pytest.fixture
def mre(capsys):
    """mre(url, *args) -> (exit code, stdout, stderr)."""

    def run(url: str, *args: str) -> tuple[int, str, str]:
        code = main(["-q", "--db", url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def fill(url: str, mre) -> None:  # type: ignore[no-untyped-def]
    """The demo through the CLI, a matched user, and the awkward cases."""
    for command in demo_commands(SITE):
        assert main(["-q", "--db", url, "--replay", str(DEMO_CASSETTE), *command]) == 0
    assert mre(url, "users", "add", "Aaron Barnes", "--transponder", "2669124")[0] == 0
    assert mre(url, "users", "match")[0] == 0
    db = connect(url)
    p = db.param
    for sql, params in [
        ("UPDATE drivers SET merged_into_id = 20 WHERE id = 1", ()),  # a later row
        ("UPDATE drivers SET merged_into_id = 3 WHERE id = 19", ()),  # an earlier row
        ("UPDATE ingestion_runs SET parent_id = 4 WHERE id = 1", ()),  # a later row
        ("UPDATE ingestion_runs SET parent_id = 1 WHERE id = 2", ()),
        (
            f"UPDATE tracks SET is_active = {p}, last_seen_at = {p} WHERE id = 2",
            (False, datetime(2025, 1, 2, 3, 4, 5, 678901)),
        ),
        (f"UPDATE laps SET lap_time_seconds = {p} WHERE id = 1", (0.1 + 0.2,)),
    ]:
        db.execute_sql(sql, params)
    db_copy.close(db)


@contextmanager
def models_on(url: str) -> Iterator[peewee.Database]:
    """The models bound to `url`'s database for a block (whatever the process has bound)."""
    db = connect(url)
    try:
        with db.bind_ctx(MODELS):
            yield db
    finally:
        db_copy.close(db)


def dump(url: str) -> dict[str, list[tuple]]:
    """Every row of every table (but schema_version) through the models, ids included."""
    with models_on(url) as db:
        # mre's tables: on PostgreSQL the job queue's (procrastinate's) are not copied
        assert mre_tables(db) - {"schema_version"} == {m._meta.table_name for m in MODELS}
        return {m._meta.table_name: list(m.select().order_by(m.id).tuples()) for m in MODELS}


def file_of(url: str) -> Path:
    return Path(url[len("sqlite:///") :])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_table(out: str) -> dict[str, tuple[int, str]]:
    """The copy's table (table, rows, digest), in the order printed."""
    lines = [line.split() for line in out.splitlines()]
    assert lines[0] == ["table", "rows", "digest"]
    return {
        line[0]: (int(line[1]), line[2])
        for line in lines[1:]
        if len(line) == 3 and line[2] in {"match", "MISMATCH"}
    }


# --- copying ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("from_kind", "to_kind", "batch"),
    [
        ("sqlite", "postgresql", ["--batch-size", "7"]),  # 40 drivers: 6 batches, 1 -> 20 crosses
        ("postgresql", "sqlite", []),
        ("sqlite", "sqlite", []),
    ],
)
def test_copy_keeps_every_row_and_id_and_changes_nothing_in_the_source(
    database, mre, from_kind, to_kind, batch
):
    source, target = database(from_kind, "source"), database(to_kind, "target")
    fill(source, mre)
    before = sha256(file_of(source)) if from_kind == "sqlite" else None
    rows = dump(source)
    assert {t: len(r) for t, r in rows.items()} == ROWS
    assert rows["drivers"][0][-1] == 20 and rows["ingestion_runs"][0][5] == 4  # forward refs
    show = [("events", "show", EVENT_ID), ("events", "show", EVENT_ID, "--json", "--laps")]
    shown = [mre(source, *args) for args in show]

    code, out, err = mre(source, "db", "copy", "--to", target, *batch)

    assert (code, err) == (0, "")
    assert check_table(out) == {t: (n, "match") for t, n in ROWS.items()}
    assert list(check_table(out)) == ORDER  # parents first
    assert out.splitlines()[-1] == (
        f"copied {len(ROWS)} tables, {TOTAL} rows from {source} to {target} (schema {CODE_VERSION})"
    )
    assert dump(target) == rows  # row by row, value by value, ids included
    assert dump(source) == rows
    if before is not None:
        assert sha256(file_of(source)) == before  # not a byte changed
    assert [mre(target, *args) for args in show] == shown

    with models_on(target) as db:  # new rows get new ids: the sequences moved on (PostgreSQL)
        assert database_version(db) == CODE_VERSION
        track = Track.create(
            source="liverc",
            source_track_slug="new",
            track_name="New",
            track_url="https://new.liverc.com/",
            events_url="https://new.liverc.com/events/",
            last_seen_at=datetime(2025, 6, 1),
        )
        user = User.create(display_name="B", normalized_name="b", created_at=datetime(2025, 6, 1))
        assert (track.id, user.id) == (4, 2)
        assert Driver.get_by_id(1).merged_into_id == 20
        assert IngestionRun.get_by_id(1).parent_id == 4
        assert Track.get_by_id(2).is_active is False
        assert Track.get_by_id(2).last_seen_at == datetime(2025, 1, 2, 3, 4, 5, 678901)
        assert Lap.get_by_id(1).lap_time_seconds == 0.30000000000000004


def test_the_copy_is_one_snapshot_of_the_source_while_others_write(
    db_url, database, mre, monkeypatch
):
    fill(db_url, mre)
    target = database("sqlite", "target")
    real = db_copy.insert_batch

    def another_process_commits_meanwhile(db, plan, rows):  # type: ignore[no-untyped-def]
        if plan.name == ORDER[0]:  # before users and user_transponders are read
            other = connect(db_url)
            p = other.param
            other.execute_sql(
                "INSERT INTO users (display_name, normalized_name, created_at) "
                f"VALUES ({p}, {p}, {p})",
                ("Late Comer", "late comer", datetime(2025, 6, 1)),
            )
            other.execute_sql(
                f"INSERT INTO user_transponders (user_id, transponder_number) VALUES (2, {p})",
                ("999",),
            )
            db_copy.close(other)
        real(db, plan, rows)

    monkeypatch.setattr(db_copy, "insert_batch", another_process_commits_meanwhile)

    code, out, _ = mre(db_url, "db", "copy", "--to", target)

    assert code == 0
    assert check_table(out)["users"] == (1, "match")
    assert check_table(out)["user_transponders"] == (1, "match")
    copied, now = dump(target), dump(db_url)
    assert (len(now["users"]), len(now["user_transponders"])) == (2, 2)
    assert copied == now | {
        "users": now["users"][:1],
        "user_transponders": now["user_transponders"][:1],
    }


def test_copy_into_a_database_that_is_not_empty_is_refused_and_changes_nothing(
    db_url, database, mre
):
    source = database("sqlite", "source")
    fill(source, mre)
    assert mre(db_url, "users", "add", "Someone Else")[0] == 0
    rows = dump(db_url)

    code, out, err = mre(source, "db", "copy", "--to", db_url)

    assert (code, out) == (2, "")
    assert err.startswith(
        f"mre: error: target {db_url} is not empty: copy needs an empty database "
        f"(it has {len(ROWS) + 1} tables: "
    )
    assert dump(db_url) == rows


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            'DROP TABLE "schema_version"',  # as made by mre 0.1.0: schema 0
            "is at schema 0 and this mre's is {code}: run `mre db upgrade` on it first, then copy",
        ),
        (
            "INSERT INTO schema_version (version, name, applied_at, mre_version) "
            "VALUES (99, 'future', '2030-01-01 00:00:00', '9.0')",
            "is at schema 99, newer than this mre's ({code}): copy it with the mre that "
            "upgraded it",
        ),
    ],
)
def test_a_source_at_another_schema_version_is_refused(db_url, database, mre, change, message):
    fill(db_url, mre)
    db = connect(db_url)
    db.execute_sql(change)
    db_copy.close(db)
    target = database("sqlite", "target")

    code, out, err = mre(db_url, "db", "copy", "--to", target)

    assert (code, out) == (7, "")
    expected = message.format(code=CODE_VERSION)
    assert err == f"mre: error: source {db_url} {expected}\n"
    assert not file_of(target).exists()  # the target was never opened


def test_an_unreachable_target_is_one_line_with_the_password_masked(database, mre):
    source = database("sqlite", "source")
    fill(source, mre)

    code, out, err = mre(source, "db", "copy", "--to", "postgresql://mre:s3cret@127.0.0.1:9/mre")

    assert (code, out) == (7, "")
    assert err.startswith("mre: error: cannot open database postgresql://mre:***@127.0.0.1:9/mre: ")
    assert err.count("\n") == 1
    assert "s3cret" not in err


def test_a_copy_that_fails_midway_leaves_the_target_empty(db_url, database, mre, monkeypatch):
    source = database("sqlite", "source")
    fill(source, mre)
    real = db_copy.insert_batch
    tables: list[str] = []

    def fail_on_the_third_table(db, plan, rows):  # type: ignore[no-untyped-def]
        if plan.name not in tables:
            tables.append(plan.name)
        if len(tables) == 3:
            raise peewee.OperationalError("disk I/O error (injected)")
        real(db, plan, rows)

    monkeypatch.setattr(db_copy, "insert_batch", fail_on_the_third_table)

    code, out, err = mre(source, "db", "copy", "--to", db_url)

    assert (code, out) == (7, "")
    assert err == (
        f"mre: error: copy into {db_url} failed at table {THIRD_TABLE}: disk I/O error "
        "(injected) (nothing was written)\n"
    )
    assert tables == FILLED[:3]
    if db_url.startswith("sqlite"):
        assert not file_of(db_url).exists()  # the copy made the file, and removed it again
    else:
        db = connect(db_url)
        assert table_names(db) == set()  # not even the schema: it was in the same transaction
        db_copy.close(db)
    monkeypatch.setattr(db_copy, "insert_batch", real)
    code, out, _ = mre(source, "db", "copy", "--to", db_url)  # and it can simply be run again
    assert code == 0
    assert out.splitlines()[-1].startswith(f"copied {len(ROWS)} tables, {TOTAL} rows ")


def test_a_failed_copy_into_an_existing_empty_sqlite_file_leaves_it_empty(
    database, mre, monkeypatch
):
    source, target = database("sqlite", "source"), database("sqlite", "target")
    fill(source, mre)
    file_of(target).touch()

    def fail(db, plan, rows):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(db_copy, "insert_batch", fail)

    assert mre(source, "db", "copy", "--to", target)[0] == 7
    assert file_of(target).exists()  # not ours: kept
    with sqlite3.connect(file_of(target)) as check:
        assert check.execute("SELECT name FROM sqlite_master").fetchall() == []


def test_a_copy_whose_check_fails_names_the_table_and_is_undone(db_url, database, mre, monkeypatch):
    source = database("sqlite", "source")
    fill(source, mre)
    real = db_copy.insert_batch

    def change_one_value(db, plan, rows):  # type: ignore[no-untyped-def]
        if plan.name == "race_results":
            at = plan.columns.index("total_time_raw")
            rows = [list(rows[0])] + [list(r) for r in rows[1:]]
            rows[0][at] = "99:99.999"
        real(db, plan, rows)

    monkeypatch.setattr(db_copy, "insert_batch", change_one_value)

    code, out, err = mre(source, "db", "copy", "--to", db_url)

    assert code == 7
    assert check_table(out) == {
        t: (n, "MISMATCH" if t == "race_results" else "match") for t, n in ROWS.items()
    }
    assert err == (
        f"mre: error: the copy in {db_url} differs from the source: race_results "
        "(digest differs) (nothing was written)\n"
    )
    if db_url.startswith("sqlite"):
        assert not file_of(db_url).exists()
    else:
        db = connect(db_url)
        assert table_names(db) == set()
        db_copy.close(db)


def test_a_source_row_pointing_nowhere_fails_the_copy_on_both_databases(db_url, database, mre):
    source = database("sqlite", "source")
    fill(source, mre)
    with sqlite3.connect(file_of(source)) as raw:  # foreign keys off: as a damaged file may be
        raw.execute("UPDATE event_entries SET driver_id = 999 WHERE id = 5")

    code, out, err = mre(source, "db", "copy", "--to", db_url)

    assert (code, out) == (7, "")
    if db_url.startswith("sqlite"):
        assert err == (
            f"mre: error: copy into {db_url} failed: 1 rows point nowhere "
            "(first: event_entries id 5 -> drivers) (nothing was written)\n"
        )
        assert not file_of(db_url).exists()
    else:
        assert err.startswith(
            f"mre: error: copy into {db_url} failed at table event_entries: insert or update "
            'on table "event_entries" violates foreign key constraint'
        )
        db = connect(db_url)
        assert table_names(db) == set()
        db_copy.close(db)


def test_the_digest_is_the_same_for_the_same_values_read_from_either_database():
    digest = db_copy.RowDigest(["id", "at", "ok", "x", "note"])
    digest.update([(1, datetime(2025, 1, 2, 3, 4, 5), True, 1.0, None)])
    assert digest.rows == 1
    expected = hashlib.sha256(
        b'["id", "at", "ok", "x", "note"]\n[1,"2025-01-02T03:04:05",true,{"float":"1.0"},null]\n'
    ).hexdigest()
    assert digest.hexdigest() == expected


# --- backups ------------------------------------------------------------------------------


def test_a_backup_while_a_writer_holds_uncommitted_rows_has_the_committed_data_only(
    database, mre, tmp_path
):
    source = database("sqlite", "source")
    fill(source, mre)
    shown = mre(source, "events", "show", EVENT_ID)
    writer = sqlite3.connect(file_of(source), isolation_level=None)
    writer.execute("PRAGMA cache_size = 2")  # so the uncommitted rows spill into the WAL file
    writer.execute("BEGIN IMMEDIATE")
    writer.executemany(
        "INSERT INTO users (display_name, normalized_name, created_at) VALUES (?, ?, ?)",
        [(f"Pending {i}", f"pending {i}", "2025-06-01 00:00:00") for i in range(2000)],
    )
    backup = tmp_path / "backups" / "mre-backup.db"
    backup.parent.mkdir()
    try:
        code, out, err = mre(source, "db", "backup", str(backup))
    finally:
        writer.execute("COMMIT")
        writer.close()

    assert (code, err) == (0, "")
    assert out == (
        f"backed up {file_of(source)} to {backup} ({backup.stat().st_size} bytes, "
        f"schema {CODE_VERSION})\n"
    )
    assert sorted(p.name for p in backup.parent.iterdir()) == ["mre-backup.db"]  # nothing partial
    with sqlite3.connect(backup) as check:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert check.execute("PRAGMA journal_mode").fetchall() == [("wal",)]
        assert check.execute("SELECT COUNT(*) FROM users").fetchall() == [(1,)]
    with sqlite3.connect(file_of(source)) as check:
        assert check.execute("SELECT COUNT(*) FROM users").fetchall() == [(2001,)]
    assert mre(f"sqlite:///{backup}", "events", "show", EVENT_ID) == shown
    rows = dump(source)
    rows["users"] = rows["users"][:1]
    assert dump(f"sqlite:///{backup}") == rows


def test_a_backup_never_replaces_a_file(database, mre, tmp_path):
    source = database("sqlite", "source")
    fill(source, mre)
    backup = tmp_path / "old.db"
    backup.write_bytes(b"an older backup")

    code, out, err = mre(source, "db", "backup", str(backup))

    assert (code, out) == (2, "")
    assert err == (
        f"mre: error: {backup} exists: a backup never replaces a file, choose a new name\n"
    )
    assert backup.read_bytes() == b"an older backup"


def test_backing_up_postgresql_points_to_pg_dump(mre, tmp_path):
    code, out, err = mre("postgresql://mre:s3cret@127.0.0.1:9/mre", "db", "backup", "x.db")

    assert (code, out) == (2, "")
    assert err == (
        "mre: error: use pg_dump for PostgreSQL: pg_dump -Fc -f mre.dump mre (see README)\n"
    )


def test_backing_up_a_missing_database_is_not_found_and_writes_nothing(mre, tmp_path):
    backup = tmp_path / "backup.db"

    code, out, err = mre(f"sqlite:///{tmp_path / 'nope.db'}", "db", "backup", str(backup))

    assert (code, out) == (3, "")
    assert err == (
        f"mre: error: no database at {tmp_path / 'nope.db'} (check --db or $MRE_DATABASE_URL)\n"
    )
    assert not backup.exists()
    assert not (tmp_path / "nope.db").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".backup")] == []
