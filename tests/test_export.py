"""`mre export`: flat tables of the demo event, read back equal to the database.

Every test runs on SQLite and PostgreSQL (`db_url`), on the demo event
replayed from the bundled cassette (no network). The exact values checked
by hand are the demo's first heat (race 5776839): ZANE GIBSON won it, car
8, laps 31.877, 28.557...; MILES GIBSON second, 2.65 s behind.
"""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mre_core.cli.main import main
from mre_core.errors import NotFoundError, UsageError
from mre_core.export import EXPORTS, export
from mre_core.export import writers as export_writers
from mre_core.export.stream import Scope, batches, read_only
from mre_core.service.ingestion import IngestionService
from mre_core.storage import use_database
from mre_core.storage.database import current_database, is_postgres
from mre_core.storage.models import (
    Driver,
    Event,
    Lap,
    Race,
    RaceDriver,
    RaceResult,
    Track,
)
from tests.liverc_site.demo import DEMO_CASSETTE, demo_commands, demo_event, demo_site

SITE = demo_site()
TRACK, EVENT = demo_event(SITE)
SLUG, EVENT_ID = TRACK.slug.lower(), str(EVENT.event_id)
OTHER_EVENT = next(e for e in TRACK.events if e is not EVENT)
LAPS = sum(len(r.laps) for race in EVENT.races for r in race.results)


@pytest.fixture
def demo(db_url):
    """The demo database: tracks, the first track's events, its first event ingested."""
    for args in demo_commands(SITE):
        assert main(["-q", "--db", db_url, "--replay", str(DEMO_CASSETTE), *args]) == 0
    return db_url


@pytest.fixture
def mre(demo, capsys):
    """Run `mre --db <demo> ARGS` (no cassette: an export fetches nothing)."""
    capsys.readouterr()

    def run(*args: str):
        code = main(["--db", demo, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def service(demo):
    with IngestionService.open(demo) as svc:
        yield svc


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _lap_rows_in_database() -> dict[tuple[str, str, int], tuple]:
    """(race id, driver id, lap) -> (time, time as shown, position on lap, elapsed)."""
    query = (
        Lap.select(Lap, RaceResult, RaceDriver, Driver, Race)
        .join(RaceResult)
        .join(RaceDriver)
        .join(Driver)
        .switch(RaceResult)
        .join(Race)
    )
    return {
        (
            lap.race_result.race.source_race_id,
            lap.race_result.race_driver.driver.source_driver_id,
            lap.lap_number,
        ): (lap.lap_time_seconds, lap.lap_time_raw, lap.position_on_lap, lap.elapsed_race_time)
        for lap in query
    }


def _optional(text: str, kind=float):  # type: ignore[no-untyped-def]
    return None if text == "" else kind(text)


def test_laps_as_csv_read_back_equal_the_database(mre, service):
    code, out, _ = mre("export", "laps", "--event", EVENT_ID)
    assert code == 0
    rows = _csv(out)
    assert list(rows[0]) == EXPORTS["laps"].column_names
    with use_database(service.db):
        stored = _lap_rows_in_database()
    read = {
        (r["race_id"], r["driver_id"], int(r["lap"])): (
            float(r["lap_time"]),
            r["lap_time_raw"],
            _optional(r["position_on_lap"], int),
            float(r["elapsed"]),
        )
        for r in rows
    }
    assert len(rows) == len(read) == LAPS == len(stored)
    assert read == stored  # every value exactly: floats written as Python reads them back
    first = rows[0]  # by hand, from the demo's first heat
    assert first["event"] == EVENT.name
    assert first["event_date"] == "2025-11-16 08:30:00"
    assert first["track_id"] == SLUG
    assert (first["race_id"], first["race"], first["class"]) == (
        "5776839",
        "1/10 4WD Buggy (Heat 1/1)",
        "1/10 4WD Buggy",
    )
    assert (first["driver_id"], first["driver"], first["car_number"]) == (
        "664653",
        "ZANE GIBSON",
        "8",
    )
    assert (first["position"], first["lap"], first["lap_time"], first["position_on_lap"]) == (
        "1",
        "1",
        "31.877",
        "2",
    )
    assert (rows[1]["lap"], rows[1]["lap_time"], rows[1]["elapsed"]) == ("2", "28.557", "60.434")
    assert first["pace"] == "10/5:18.770"


def test_results_as_csv_match_the_site_row_for_row(mre):
    code, out, _ = mre("export", "results", "--event", EVENT_ID, "--format", "csv")
    assert code == 0
    rows = _csv(out)
    expected = [(race, result) for race in EVENT.races for result in race.results]
    assert len(rows) == len(expected)
    for row, (race, result) in zip(rows, expected, strict=True):
        assert row["race_id"] == str(race.race_id)
        assert row["driver_id"] == str(result.driver.driver_id)
        assert row["position"] == str(result.position)
        assert int(row["laps"]) == len(result.laps)
        assert row["started"] == ("true" if result.started else "false")
    second = rows[1]  # by hand
    assert (second["driver"], second["position"], second["total_time"]) == (
        "MILES GIBSON",
        "2",
        "327.263",
    )
    assert (second["behind"], second["behind_raw"], second["fast_lap"]) == (
        "2.65",
        "2.650",
        "28.652",
    )
    assert second["race_completed_at"] == "2025-11-16 08:43:00"


def test_parquet_has_real_types_and_reads_back_equal_to_jsonl(mre, tmp_path):
    target = tmp_path / "results.parquet"
    code, out, _ = mre("export", "results", "-o", str(target))  # the suffix says parquet
    assert code == 0
    assert "results: 48 rows written to" in out
    table = pq.read_table(target)
    schema = table.schema
    assert schema.names == EXPORTS["results"].column_names
    assert schema.field("event_date").type == pa.timestamp("us")
    assert schema.field("position").type == pa.int64()
    assert schema.field("total_time").type == pa.float64()
    assert schema.field("started").type == pa.bool_()
    assert schema.field("driver").type == pa.string()
    parquet_rows = table.to_pylist()

    code, out, _ = mre("export", "results", "--format", "jsonl", "-o", "-")
    assert code == 0
    json_rows = [json.loads(line) for line in out.splitlines()]
    assert len(parquet_rows) == len(json_rows) == 48
    for got, want in zip(parquet_rows, json_rows, strict=True):
        assert got["event_date"] == datetime.fromisoformat(want.pop("event_date"))
        assert got["race_completed_at"] == datetime.fromisoformat(want.pop("race_completed_at"))
        assert {k: got[k] for k in want} == want
    assert parquet_rows[0]["started"] is True
    assert parquet_rows[1]["behind"] == 2.65


def test_parquet_laps_equal_the_database(service, tmp_path):
    target = tmp_path / "laps.parquet"
    report = export(service, "laps", "parquet", target, batch_size=50)
    assert report.rows == LAPS
    assert pq.ParquetFile(target).metadata.num_row_groups == math.ceil(LAPS / 50)
    rows = pq.read_table(target).to_pylist()
    read = {
        (r["race_id"], r["driver_id"], r["lap"]): (
            r["lap_time"],
            r["lap_time_raw"],
            r["position_on_lap"],
            r["elapsed"],
        )
        for r in rows
    }
    with use_database(service.db):
        assert read == _lap_rows_in_database()


def test_events_and_drivers_exports(service, tmp_path):
    events = tmp_path / "events.parquet"
    export(service, "events", None, events)
    rows = {r["event_id"]: r for r in pq.read_table(events).to_pylist()}
    assert set(rows) == {EVENT_ID, str(OTHER_EVENT.event_id)}
    ingested = rows[EVENT_ID]
    assert (ingested["races"], ingested["ingest_depth"]) == (len(EVENT.races), "laps_full")
    assert ingested["date"] == datetime(2025, 11, 16, 8, 30)
    assert ingested["end_date"] == date(2025, 11, 18)
    assert rows[str(OTHER_EVENT.event_id)]["races"] == 0

    out = io.StringIO()
    export(service, "drivers", "csv", out, event=EVENT_ID)
    drivers = _csv(out.getvalue())
    raced = {str(r.driver.driver_id) for race in EVENT.races for r in race.results}
    assert {d["driver_id"] for d in drivers} >= raced
    zane = next(d for d in drivers if d["driver_id"] == "664653")
    assert zane["driver"] == "ZANE GIBSON"
    assert zane["events"] == "1"
    races = sum(1 for race in EVENT.races for r in race.results if r.driver.driver_id == 664653)
    assert zane["races"] == str(races)
    assert zane["first_event_date"] == "2025-11-16 08:30:00"
    everyone = io.StringIO()
    export(service, "drivers", "csv", everyone)
    with use_database(service.db):
        assert len(_csv(everyone.getvalue())) == Driver.select().count()


def test_filters_by_event_track_and_days(service):
    def event_ids(**scope):  # type: ignore[no-untyped-def]
        out = io.StringIO()
        export(service, "events", "csv", out, **scope)
        return [r["event_id"] for r in _csv(out.getvalue())]

    both = sorted([EVENT_ID, str(OTHER_EVENT.event_id)])
    assert sorted(event_ids()) == both
    assert sorted(event_ids(track=SLUG)) == both
    assert event_ids(event=EVENT_ID) == [EVENT_ID]
    with use_database(service.db):
        row_id = Event.get(Event.source_event_id == EVENT_ID).id
    assert event_ids(event=f"id:{row_id}") == [EVENT_ID]
    # Held 16 to 18 November 2025: in on each of its days, out the day after.
    assert event_ids(track=SLUG, date_from="2025-11-18", date_to="2025-11-30") == [EVENT_ID]
    assert event_ids(date_from=date(2025, 11, 1), date_to=date(2025, 11, 16)) == [EVENT_ID]
    assert event_ids(date_from="2025-11-19") == []
    assert event_ids(date_to="2025-11-15") == [str(OTHER_EVENT.event_id)]
    out = io.StringIO()
    report = export(service, "laps", "csv", out, track=SLUG, date_from="2025-11-19")
    assert report.rows == 0
    assert out.getvalue().splitlines() == [",".join(EXPORTS["laps"].column_names)]


def test_streams_in_batches_of_the_size_asked(service, tmp_path):
    report = export(service, "laps", "csv", tmp_path / "laps.csv", batch_size=7)
    assert report.rows == LAPS
    assert report.batches == math.ceil(LAPS / 7)  # one fetch per batch: never all at once
    assert report.largest_batch == 7
    with use_database(service.db):
        seen = [len(rows) for rows in batches(EXPORTS["laps"], Scope(), 100)]
    assert seen == [100] * (LAPS // 100) + [LAPS % 100]


def test_postgres_reads_through_a_server_side_cursor(service):
    with use_database(service.db) as db:
        if not is_postgres(db):
            pytest.skip("PostgreSQL's named cursors")
        stream = batches(EXPORTS["laps"], Scope(), 10)
        next(stream)
        (open_cursors,) = db.execute_sql(
            "SELECT COUNT(*) FROM pg_cursors WHERE name = 'mre_export'"
        ).fetchone()
        stream.close()
    assert open_cursors == 1


def test_an_export_cannot_write(service, tmp_path):
    def counts():  # type: ignore[no-untyped-def]
        with use_database(service.db):
            return [m.select().count() for m in (Track, Event, Driver, Race, RaceResult, Lap)]

    before = counts()
    for table in EXPORTS:
        export(service, table, "jsonl", tmp_path / f"{table}.jsonl")
    assert counts() == before
    with (
        use_database(service.db),
        read_only(current_database()),
        pytest.raises(Exception, match=r"(?i)read.only|readonly"),
    ):
        Track.update(track_name="x").execute()


def test_a_failed_export_leaves_no_file(service, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "laps.csv"

    def broken(export, rows, out):  # type: ignore[no-untyped-def]
        out.write("half")
        raise OSError("disk full")

    monkeypatch.setitem(export_writers.WRITERS, "csv", broken)
    with pytest.raises(OSError, match="disk full"):
        export(service, "laps", "csv", target)
    assert list(folder.iterdir()) == []


def test_stdout_is_the_default_and_dash(mre):
    code, default, _ = mre("export", "events")
    assert code == 0
    code, dash, _ = mre("export", "events", "-o", "-", "--format", "csv")
    assert code == 0
    assert default == dash
    assert default.splitlines()[0] == ",".join(EXPORTS["events"].column_names)
    code, out, _ = mre("export", "laps", "--event", EVENT_ID, "--format", "jsonl")
    assert code == 0
    assert len(out.splitlines()) == LAPS
    assert json.loads(out.splitlines()[0])["driver"] == "ZANE GIBSON"


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["laps", "--format", "parquet"], 2, "parquet is binary"),
        (["laps", "--format", "parquet", "-o", "-"], 2, "parquet is binary"),
        (["nope"], 2, "no export 'nope'"),
        (["standings"], 2, "not available yet"),
        (["practice_laps"], 2, "not available yet"),
        (["laps", "--format", "xml"], 2, "--format"),
        (["laps", "--event", "999"], 3, "event '999' is not in the database"),
        (["laps", "--track-id", "nowhere"], 3, "track 'nowhere' is not in the database"),
        (["laps", "--from", "2025-13-01"], 2, "not a day"),
        (["laps", "--to", "yesterday"], 2, "not a day"),
        (["laps", "--from", "2025-12-01", "--to", "2025-11-01"], 2, "is after --to"),
        (["laps", "--event", EVENT_ID, "--track-id", SLUG], 2, "cannot be used with"),
        (["laps", "-o", "/nonexistent/folder/laps.csv"], 2, "cannot write"),
    ],
)
def test_bad_input_exit_codes(mre, args, code, said):
    got, out, err = mre("export", *args)
    assert got == code
    assert out == ""
    assert said in err
    assert len(err.strip().splitlines()) == 1


def test_service_refuses_before_reading(service):
    with pytest.raises(UsageError, match="Parquet is binary"):
        export(service, "laps", "parquet", None)
    with pytest.raises(UsageError, match="no format"):
        export(service, "laps", "xml", "-")
    with pytest.raises(NotFoundError):
        export(service, "laps", "csv", io.StringIO(), event="id:999999")


def test_a_missing_database_is_not_created(tmp_path, capsys):
    missing = tmp_path / "missing.db"
    assert main(["--db", f"sqlite:///{missing}", "export", "events"]) == 3
    assert "no database" in capsys.readouterr().err
    assert not missing.exists()


def test_a_file_is_written_whole_and_replaced(mre, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "events.csv"
    target.write_text("old\n")
    code, out, _ = mre("export", "events", "-o", str(target))
    assert code == 0
    assert target.read_text().splitlines()[0].startswith("source,event_id,event,")
    assert sorted(p.name for p in folder.iterdir()) == ["events.csv"]
    assert str(Path(target)) in out
