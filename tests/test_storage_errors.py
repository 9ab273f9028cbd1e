"""A failing bulk write is a database error (exit 7), not a crash, on each database."""

from __future__ import annotations

import peewee
import pytest

from mre_core.errors import DatabaseError
from mre_core.service import track_sync
from mre_core.service.ingestion import IngestionService
from mre_core.storage.bulk import upsert_rows
from mre_core.storage.counts import Counts
from mre_core.storage.database import write_transaction
from mre_core.storage.models import EventEntry, IngestionRun

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
