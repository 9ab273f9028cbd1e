"""Versioned migrations: fresh databases, upgrades that keep every row, and who may upgrade."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import peewee
import pytest
from loguru import logger

from mre_core.errors import DatabaseError
from mre_core.storage import open_database
from mre_core.storage import schema as versions
from mre_core.storage.database import connect
from mre_core.storage.migrations import CODE_VERSION, MIGRATIONS
from mre_core.storage.models import ALL_MODELS
from tests.example_migrations import CHANGES, MISTAKE, WITH_CHANGES, WITH_MISTAKE
from tests.pg_schema import postgres_schema
from tests.schema_shape import rows, schema_shape


def _version_rows(db: peewee.Database) -> list[tuple[int, str, str]]:
    return [
        (v, n, m)
        for v, n, m in db.execute_sql(
            "SELECT version, name, mre_version FROM schema_version ORDER BY version"
        )
    ]


def test_the_code_knows_its_migrations_in_order():
    assert [m.version for m in MIGRATIONS] == list(range(1, CODE_VERSION + 1))


def test_a_new_database_is_created_at_the_codes_version(db_url):
    from mre_core import __version__

    db = open_database(db_url)
    assert versions.database_version(db) == CODE_VERSION
    assert _version_rows(db) == [(m.version, m.name, __version__) for m in MIGRATIONS]
    assert [(m.version, m.name) for m in MIGRATIONS[:2]] == [(1, "initial"), (2, "jobs")]
    db.close()


def test_the_models_describe_exactly_the_schema_the_migrations_make(db_url, tmp_path):
    """models.py and the migrations are written apart: this keeps them in step.

    A scratch database made by peewee from the models must have the same
    tables, columns, types, indexes and constraints as one made by running
    every migration.
    """
    migrated = open_database(db_url)
    expected = schema_shape(migrated)
    expected.pop("schema_version")
    migrated.close()

    if db_url.startswith("sqlite"):
        scratch = connect(f"sqlite:///{tmp_path / 'models.db'}")
        made = _from_models(scratch)
    else:
        with postgres_schema(os.environ["MRE_TEST_POSTGRES_URL"]) as url:
            scratch = connect(url)
            made = _from_models(scratch)
    assert made == expected


def _from_models(db: peewee.Database) -> dict:
    with db.bind_ctx(ALL_MODELS):
        db.create_tables(ALL_MODELS)
    shape = schema_shape(db)
    db.close()
    return shape


def test_a_database_newer_than_the_code_is_refused(db_url):
    db = open_database(db_url)
    db.execute_sql(
        "INSERT INTO schema_version (version, name, applied_at, mre_version) "
        f"VALUES ({CODE_VERSION + 1}, 'future', CURRENT_TIMESTAMP, '9.0.0')"
    )
    db.close()

    newer = rf"^the database's schema is version {CODE_VERSION + 1}, newer than this mre"
    with pytest.raises(DatabaseError, match=newer):
        open_database(db_url)
    db = connect(db_url)
    with pytest.raises(DatabaseError, match="newer than this mre"):
        versions.upgrade(db)  # not even `mre db upgrade` goes backwards
    db.close()


def test_changes_of_every_kind_keep_every_row_and_match_a_fresh_database(service, event, db_url):
    """A later migration (tests/example_migrations): a CHECK widened (SQLite: a table
    rebuild), a column added, a column dropped, an index added, on a database holding a
    whole event and its matched users."""
    track, ev = event
    logger.enable("mre_core")  # as the CLI does: the runs' lines fill run_logs
    service.add_user(ev.races[0].results[0].driver.display_name)  # matched: links are made
    service.sync_tracks("liverc")
    service.refresh_events(track.slug.lower())
    service.ingest_event(str(ev.event_id))
    db = service.db
    before = {t: rows(db, t) for t in schema_shape(db) if t != "schema_version"}
    empty = ("user_transponders", "practice_days", "practice_sessions", "practice_laps")
    assert min(len(r) for t, r in before.items() if t not in empty) > 0
    track_columns = _columns(db, "tracks")

    assert versions.upgrade(db, WITH_CHANGES) == [CHANGES]

    after = {t: rows(db, t) for t in before}
    for table, kept in before.items():
        if table not in ("tracks", "event_driver_links"):
            assert after[table] == kept, table
    # tracks lost one column, links gained one (note, None in every row)
    dropped = track_columns.index("events_url")
    assert [r[:dropped] + r[dropped + 1 :] for r in before["tracks"]] == after["tracks"]
    names = _columns(db, "event_driver_links")
    note = names.index("note")
    assert [(*r[:note], None, *r[note:]) for r in before["event_driver_links"]] == after[
        "event_driver_links"
    ]
    db.execute_sql("UPDATE event_driver_links SET status = 'expired'")  # the widened CHECK...
    with pytest.raises(peewee.IntegrityError), db.atomic():
        db.execute_sql("UPDATE event_driver_links SET status = 'bogus'")  # ...and no other

    upgraded = schema_shape(db)
    with _fresh(db_url) as fresh:
        versions.upgrade(fresh, WITH_CHANGES)
        assert schema_shape(fresh) | {"schema_version": None} == upgraded | {"schema_version": None}


def _columns(db: peewee.Database, table: str) -> list[str]:
    """By name, as `rows` orders them."""
    schema = None
    if isinstance(db, peewee.PostgresqlDatabase):
        schema = db.execute_sql("SELECT current_schema()").fetchone()[0]
    return sorted(c.name for c in db.get_columns(table, schema=schema))


@contextmanager
def _fresh(like: str) -> Iterator[peewee.Database]:
    """An empty database of the same kind as `like`, closed (and dropped) after."""
    if like.startswith("sqlite"):
        db = connect(f"{like}.fresh")
        yield db
        db.close()
        return
    with postgres_schema(os.environ["MRE_TEST_POSTGRES_URL"]) as url:
        db = connect(url)
        yield db
        db.close()


def test_a_migration_that_would_lose_a_row_fails_and_changes_nothing(service, event, db_url):
    track, ev = event
    service.sync_tracks("liverc")
    service.refresh_events(track.slug.lower())
    service.ingest_event(str(ev.event_id))
    db = service.db
    before = {t: rows(db, t) for t in schema_shape(db)}
    shape = schema_shape(db)

    with pytest.raises(
        DatabaseError,
        match=rf"^migration {MISTAKE.version} \(lose_a_lap\) would lose rows "
        r"\(laps \d+ -> \d+\): nothing was changed$",
    ):
        versions.upgrade(db, WITH_MISTAKE)

    assert versions.database_version(db) == CODE_VERSION  # not even the first, run with it
    assert schema_shape(db) == shape
    assert {t: rows(db, t) for t in before} == before


def test_migration_4_makes_procrastinate_s_job_queue_in_the_current_schema_on_postgresql(db_url):
    """PostgreSQL's workers are procrastinate's: its schema, from the installed package,
    is applied in the URL's schema (nothing in public), and says which procrastinate it
    was. SQLite gets nothing. mre's checks leave these tables out: the row-count guard
    (their rows are the job engine's) and the models-equal-migrations shape."""
    from importlib import metadata

    from mre_core.storage.migrations.context import JOB_QUEUE_PREFIX, mre_tables, table_names

    db = open_database(db_url)
    queue = sorted(t for t in table_names(db) if t.startswith(JOB_QUEUE_PREFIX))
    assert not any(t.startswith(JOB_QUEUE_PREFIX) for t in mre_tables(db))
    assert not any(t.startswith(JOB_QUEUE_PREFIX) for t in versions._row_counts(db))
    if db_url.startswith("sqlite"):
        assert queue == []
        db.close()
        return
    assert queue == [
        "procrastinate_events",
        "procrastinate_jobs",
        "procrastinate_periodic_defers",
        "procrastinate_workers",
    ]
    (schema,) = db.execute_sql("SELECT current_schema()").fetchone()
    (functions,) = db.execute_sql(
        "SELECT COUNT(*) FROM pg_proc WHERE proname = 'procrastinate_fetch_job_v2' "
        "AND pronamespace = current_schema()::regnamespace"
    ).fetchone()
    assert (schema != "public", functions) == (True, 1)
    (comment,) = db.execute_sql("SELECT obj_description('procrastinate_jobs'::regclass)").fetchone()
    assert comment == (
        f"procrastinate {metadata.version('procrastinate')} schema, applied by mre migration 4"
    )
    db.close()


def test_migration_5_widens_depths_and_run_statuses_and_adds_the_track_update_time(db_url):
    """On a database of release 0.2.0 brought to schema 4: every row and id kept (SQLite
    rebuilds events and ingestion_runs), the new values allowed and no others, and
    tracks.last_updated_at empty until the next track sync."""
    from pathlib import Path

    from tests.releases import load_postgres, load_sqlite

    if db_url.startswith("sqlite"):
        load_sqlite(Path(db_url[len("sqlite:///") :]), "0.2.0")
    else:
        load_postgres(db_url, "0.2.0")
    db = connect(db_url)
    versions.upgrade(db, MIGRATIONS[:4])
    before = {t: rows(db, t) for t in ("tracks", "events", "ingestion_runs")}
    assert min(len(r) for r in before.values()) > 0

    assert [m.version for m in versions.upgrade(db, MIGRATIONS[:5])] == [5]

    assert rows(db, "events") == before["events"]
    assert rows(db, "ingestion_runs") == before["ingestion_runs"]
    at = _columns(db, "tracks").index("last_updated_at")
    assert rows(db, "tracks") == [(*r[:at], None, *r[at:]) for r in before["tracks"]]
    for table, column, values in (
        ("events", "ingest_depth", ("none", "laps_partial", "laps_full")),
        ("ingestion_runs", "status", ("partial", "not_ready", "succeeded")),
    ):
        for value in values:
            db.execute_sql(f"UPDATE {table} SET {column} = '{value}'")
        with pytest.raises(peewee.IntegrityError), db.atomic():
            db.execute_sql(f"UPDATE {table} SET {column} = 'bogus'")
    db.close()


def test_migration_6_adds_the_run_logs_and_the_event_date_indexes(db_url):
    """On a database of release 0.2.0 brought to schema 5: no row changes, the run log
    table is there, empty, and a run's lines go with it (ON DELETE CASCADE)."""
    from pathlib import Path

    from tests.releases import load_postgres, load_sqlite

    if db_url.startswith("sqlite"):
        load_sqlite(Path(db_url[len("sqlite:///") :]), "0.2.0")
    else:
        load_postgres(db_url, "0.2.0")
    db = connect(db_url)
    versions.upgrade(db, MIGRATIONS[:5])
    before = {t: rows(db, t) for t in schema_shape(db) if t != "schema_version"}

    assert [m.version for m in versions.upgrade(db, MIGRATIONS[:6])] == [6]

    assert {t: rows(db, t) for t in before} == before
    assert rows(db, "run_logs") == []
    shape = schema_shape(db)
    if db_url.startswith("sqlite"):
        assert shape["run_logs"]["indexes"] == {
            "run_logs_run_id_id": (False, ("run_id", "id"), None)
        }
        assert {n: i[1] for n, i in shape["events"]["indexes"].items() if "date" in n} == {
            "events_event_date": ("event_date",),
            "events_event_end_date_event_date": ("event_end_date", "event_date"),
        }
        db.execute_sql("PRAGMA foreign_keys = ON")
    else:
        assert sorted(shape["run_logs"]["indexes"]) == ["run_logs_pkey", "run_logs_run_id_id"]
        assert sorted(n for n in shape["events"]["indexes"] if "date" in n) == [
            "events_event_date",
            "events_event_end_date_event_date",
        ]
    (run_id,) = db.execute_sql("SELECT MIN(id) FROM ingestion_runs").fetchone()
    db.execute_sql(
        "INSERT INTO run_logs (run_id, at, level, message) "
        f"VALUES ({run_id}, CURRENT_TIMESTAMP, 'INFO', 'a line')"
    )
    db.execute_sql(f"UPDATE ingestion_runs SET parent_id = NULL WHERE parent_id = {run_id}")
    db.execute_sql(f"DELETE FROM ingest_locks WHERE run_id = {run_id}")
    db.execute_sql(f"DELETE FROM ingestion_runs WHERE id = {run_id}")
    assert rows(db, "run_logs") == []
    db.close()


def test_migration_7_moves_liverc_s_track_update_into_extra_and_loses_nothing(db_url):
    """On a database of release 0.3.0: every track's catalogue wording and the time it
    names land in its extra under LiveRC's keys, the two columns go, events and races get
    an empty extra, and no other value of any row changes."""
    from pathlib import Path

    from tests.releases import load_postgres, load_sqlite

    if db_url.startswith("sqlite"):
        load_sqlite(Path(db_url[len("sqlite:///") :]), "0.3.0")
    else:
        load_postgres(db_url, "0.3.0")
    db = connect(db_url)
    versions.upgrade(db, MIGRATIONS[:6])
    db.execute_sql(
        "UPDATE tracks SET last_updated_at = '2026-11-30 10:15:00' "
        "WHERE source_track_slug = 'dirtcity'"
    )
    before = {t: _dicts(db, t) for t in schema_shape(db) if t != "schema_version"}
    assert sum(t["liverc_track_last_updated"] is not None for t in before["tracks"]) == 3

    assert [m.version for m in versions.upgrade(db, MIGRATIONS[:7])] == [7]

    after = {t: _dicts(db, t) for t in before}
    for table, rows_before in before.items():
        expected = rows_before
        if table in ("events", "races"):
            expected = [{**row, "extra": "{}"} for row in rows_before]
        if table == "tracks":
            expected = [_moved(row) for row in rows_before]
        assert after[table] == expected, table
    by_slug = {t["source_track_slug"]: json.loads(t["extra"]) for t in after["tracks"]}
    assert by_slug["dirtcity"] == {
        "last_updated": "2 days ago",
        "last_updated_at": "2026-11-30T10:15:00",
    }
    db.close()


def _moved(track: dict) -> dict:
    """A track row as migration 7 must leave it: the two columns' values in its extra."""
    row = dict(track)
    text, at = row.pop("liverc_track_last_updated"), row.pop("last_updated_at")
    if isinstance(at, datetime):
        at = at.isoformat()
    elif at is not None:
        at = at.replace(" ", "T")
    extra = {"last_updated": text, "last_updated_at": at} if (text or at) else {}
    return {**row, "extra": json.dumps(extra, sort_keys=True)}


def _dicts(db: peewee.Database, table: str) -> list[dict]:
    return [dict(zip(_columns(db, table), row, strict=True)) for row in rows(db, table)]


def test_migration_8_adds_the_practice_tables_empty_and_keeps_every_row(db_url):
    """On a database of release 0.3.0 brought to schema 7: no row changes, and the
    practice days, sessions and laps are there, empty, with their natural keys unique."""
    from pathlib import Path

    from tests.releases import load_postgres, load_sqlite

    if db_url.startswith("sqlite"):
        load_sqlite(Path(db_url[len("sqlite:///") :]), "0.3.0")
    else:
        load_postgres(db_url, "0.3.0")
    db = connect(db_url)
    versions.upgrade(db, MIGRATIONS[:7])
    before = {t: rows(db, t) for t in schema_shape(db) if t != "schema_version"}
    assert min(len(r) for t, r in before.items() if t in ("tracks", "events", "laps")) > 0

    assert [m.version for m in versions.upgrade(db, MIGRATIONS[:8])] == [8]

    assert {t: rows(db, t) for t in before} == before
    practice = ("practice_days", "practice_sessions", "practice_laps")
    assert {t: rows(db, t) for t in practice} == {t: [] for t in practice}
    shape = schema_shape(db)
    unique = {
        t: sorted(i[1] for i in shape[t]["indexes"].values() if i[0] and "id" not in i[1])
        for t in practice
    }
    if db_url.startswith("sqlite"):
        assert unique == {
            "practice_days": [("track_id", "practice_date")],
            "practice_sessions": [("source", "source_session_id")],
            "practice_laps": [("practice_session_id", "lap_number")],
        }
    (track_id,) = db.execute_sql("SELECT MIN(id) FROM tracks").fetchone()
    db.execute_sql(
        f"INSERT INTO practice_days (track_id, practice_date) VALUES ({track_id}, '2025-10-25')"
    )
    with pytest.raises(peewee.IntegrityError), db.atomic():
        db.execute_sql(
            f"INSERT INTO practice_days (track_id, practice_date) VALUES ({track_id}, '2025-10-25')"
        )
    db.close()
