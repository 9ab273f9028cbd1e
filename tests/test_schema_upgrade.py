"""A database made by an earlier mre opens with what was added since, and loses nothing."""

from __future__ import annotations

from datetime import datetime

import pytest

from mre_core.errors import DatabaseError
from mre_core.storage import open_database
from mre_core.storage.database import connect
from mre_core.storage.models import Event, Race, Track


def _tables(db) -> set[str]:  # type: ignore[no-untyped-def]
    return set(db.get_tables())


def test_a_column_added_since_is_added_and_every_row_is_kept(db_url):
    db = open_database(db_url)
    track = Track.create(
        source="liverc",
        source_track_slug="t",
        track_name="T",
        track_url="https://t.liverc.com/",
        events_url="https://t.liverc.com/events/",
        last_seen_at=datetime(2026, 11, 25, 12, 0),
    )
    event = Event.create(
        track=track, source="liverc", source_event_id="1", event_name="E", event_url="u"
    )
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
