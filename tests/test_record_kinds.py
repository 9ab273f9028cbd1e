"""The record kinds' declarations: every field lands somewhere said, every key is the table's."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from mre_core.record_kinds import EVENT, KINDS, LAP, RACE, RESULT, TRACK
from mre_core.records import EventRecord, LapRecord, RaceRecord, TrackRecord
from mre_core.service.race_writer import LAP_FIELDS


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_every_field_lands_in_a_column_or_is_said_to_go_elsewhere(kind):
    columns = set(kind.model._meta.fields)
    fields = {f.name for f in dataclasses.fields(kind.record)}
    assert set(kind.elsewhere) <= fields, "elsewhere names a field the record has not"
    assert [f for f in kind.fields if f not in columns] == []
    assert set(kind.fields) | set(kind.elsewhere) == fields


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_the_key_is_the_table_s_unique_index(kind):
    unique = [tuple(columns) for columns, is_unique in kind.model._meta.indexes if is_unique]
    assert kind.key in unique


def test_rows_are_the_record_s_fields_with_json_as_text():
    track = TrackRecord("Oval", "Oval Club", "https://o/", "https://o/e", {"b": 1, "a": None})
    assert TRACK.row(track) == {
        "source_track_slug": "Oval",
        "track_name": "Oval Club",
        "track_url": "https://o/",
        "events_url": "https://o/e",
        "extra": '{"a": null, "b": 1}',
    }
    event = EventRecord("9", "Cup", "https://o/9", datetime(2025, 3, 8, 9, 30))
    assert EVENT.row(event) == {
        "source_event_id": "9",
        "event_name": "Cup",
        "event_url": "https://o/9",
        "event_date": datetime(2025, 3, 8, 9, 30),
        "event_end_date": None,
        "event_entries": None,
        "event_drivers": None,
        "extra": "{}",
    }
    race = RaceRecord("r1", "https://o/r1", "Buggy", "Heat 1", 1, round_name="Round 1")
    assert RACE.row(race)["round_name"] == "Round 1"
    assert len(RACE.row(race)) == 11
    assert "laps" not in RESULT.fields and "source_driver_id" not in RESULT.fields


def test_laps_are_written_in_the_declared_columns():
    assert LAP_FIELDS == (
        "race_result",
        "lap_number",
        "lap_time_seconds",
        "lap_time_raw",
        "position_on_lap",
        "pace",
        "elapsed_race_time",
    )
    assert LAP.fields == tuple(f.name for f in dataclasses.fields(LapRecord))
