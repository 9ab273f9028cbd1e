"""Driver history: `mre drivers search|show|compare` and the service's methods behind them.

The demo event (cassettes/demo.yaml, `mre events show 413880`) gives the exact
values, read off its results by hand; a generated site with one roster over
several tracks gives a driver with events at two tracks, merged from a second
event's entry list.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from mre_core.cli.main import main
from mre_core.service.drivers import AmbiguousDriverError
from mre_core.service.ingestion import IngestionService
from mre_core.storage import use_database
from mre_core.storage.models import (
    Driver,
    Event,
    EventEntry,
    User,
    UserDriverLink,
)
from tests.liverc_site.demo import DEMO_CASSETTE, demo_commands, demo_event, demo_site

SITE = demo_site()
TRACK, EVENT = demo_event(SITE)
EVENT_ID = str(EVENT.event_id)  # 413880
OTHER_EVENT = next(str(e.event_id) for e in TRACK.events if not e.races)  # listed, no races
ZANE, MILES = "664653", "118807"  # ZANE GIBSON and MILES GIBSON's LiveRC ids

# ZANE GIBSON at the demo event, as `mre events show 413880` shows it:
# (race order, label, position, field, best lap, its lap number, average)
ZANE_RACES = [
    (1, "1/10 4WD Buggy (Heat 1/1)", 1, 8, 28.557, 2, 29.510),
    (3, "1/8 Nitro Buggy (Heat 1/1)", 7, 8, 41.860, 4, 46.162),
    (4, "1/10 4WD Buggy A-Main", 3, 8, 29.136, 2, 30.292),
    (6, "1/8 Nitro Buggy A-Main", 4, 8, 41.848, 7, 44.493),
]


@pytest.fixture
def mre(db_url, capsys):
    """Run `mre --db <db> ARGS`; returns (exit code, stdout, stderr)."""

    def run(*args: str):
        code = main(["--db", db_url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def demo(db_url, mre):
    """The demo event ingested from the bundled cassette: `mre`, ready to ask."""
    for args in demo_commands(SITE):
        code, _, err = mre("--replay", str(DEMO_CASSETTE), *args)
        assert code == 0, err
    return mre


def _database(db_url):  # type: ignore[no-untyped-def]
    service = IngestionService.open(db_url)
    return service, use_database(service.db)


# --- show ------------------------------------------------------------------------------


def test_show_gives_every_race_with_position_best_lap_and_average(demo):
    code, out, err = demo("drivers", "show", "Zane Gibson", "--json")
    assert code == 0, err
    history = json.loads(out)
    assert history["driver"]["source_driver_id"] == ZANE
    assert history["driver"]["name"] == "ZANE GIBSON"
    # The entry-list driver the results replaced is merged into the real one.
    assert [(a["source_driver_id"], a["via"]) for a in history["driver"]["aliases"]] == [
        (f"entry_{EVENT_ID}_zane-gibson", "merged")
    ]
    assert history["totals"] == {"events": 1, "races": 4, "wins": 1, "podiums": 2}
    [event] = history["events"]
    assert (event["source_event_id"], event["track"]["slug"]) == (EVENT_ID, TRACK.slug.lower())
    assert event["classes"] == ["1/10 4WD Buggy", "1/8 Nitro Buggy"]
    assert [
        (
            r["order"],
            r["label"],
            r["position"],
            r["drivers"],
            r["best_lap"],
            r["best_lap_number"],
            r["average"],
        )
        for r in event["races"]
    ] == ZANE_RACES
    assert history["practice"] is None  # not stored yet
    bests = {b["class_name"]: b for b in history["personal_bests"]}
    assert set(bests) == {"1/10 4WD Buggy", "1/8 Nitro Buggy"}
    buggy = bests["1/10 4WD Buggy"]
    assert buggy["races"] == 2
    assert (buggy["best_lap"]["time"], buggy["best_lap"]["lap"]) == (28.557, 2)
    assert buggy["best_lap"]["race"] == "1/10 4WD Buggy (Heat 1/1)"
    assert buggy["best_average"]["time"] == 29.510
    nitro = bests["1/8 Nitro Buggy"]
    assert (nitro["best_lap"]["time"], nitro["best_lap"]["race"]) == (
        41.848,
        "1/8 Nitro Buggy A-Main",
    )
    assert nitro["best_average"]["time"] == 44.493


def test_show_as_a_table_and_as_csv(demo):
    code, out, _ = demo("drivers", "show", ZANE)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"ZANE GIBSON (liverc {ZANE}, id:")
    assert "1 event · 4 races · 1 win · 2 podiums" in lines
    assert any(line.split()[:2] == ["1", "Qualifier"] and "1/8" in line.split() for line in lines)
    assert "Personal bests" in lines

    code, out, _ = demo("drivers", "show", ZANE, "--format", "csv")
    assert code == 0
    rows = out.splitlines()
    assert rows[0].startswith("event_date,event_id,event,track,race_id,race_order,")
    assert len(rows) == 1 + 4
    assert rows[1].split(",")[9:11] == ["1", "8"]  # position, drivers


def test_a_driver_is_named_by_id_internal_id_name_or_merged_id(demo, db_url):
    service, inside = _database(db_url)
    with service, inside:
        internal = Driver.get(Driver.source_driver_id == ZANE).id
    for ref in (
        ZANE,
        f"id:{internal}",
        "zane gibson",
        "  ZANE   GIBSON ",
        "Gibson, Zane",
        f"entry_{EVENT_ID}_zane-gibson",  # the entry-list driver: merged into the real one
    ):
        code, out, err = demo("drivers", "show", ref, "--json")
        assert code == 0, (ref, err)
        assert json.loads(out)["driver"]["id"] == internal, ref
    # Accents and apostrophes are normalised away, as names are everywhere in mre.
    code, out, _ = demo("drivers", "show", "jose nunez", "--json")
    assert (code, json.loads(out)["driver"]["name"]) == (0, "JOSÉ NUÑEZ")
    code, out, _ = demo("drivers", "show", "shane o'connor", "--json")
    assert (code, json.loads(out)["driver"]["name"]) == (0, "SHANE O'CONNOR")


def test_a_name_nobody_has_is_not_found_and_a_shared_name_lists_the_drivers(demo, db_url):
    code, out, err = demo("drivers", "show", "Gibson")  # part of a name is not a name
    assert (code, out) == (3, "")
    assert "driver 'Gibson' is not in the database" in err
    assert demo("drivers", "show", "id:99999")[0] == 3
    assert demo("drivers", "show", "id:x")[0] == 2

    service, inside = _database(db_url)
    with service, inside:
        Driver.create(
            source="liverc",
            source_driver_id="999001",
            display_name="Zane Gibson",
            normalized_name="zane gibson",
        )
    code, out, err = demo("drivers", "show", "zane gibson")
    assert (code, out) == (2, "")
    assert "matches 2 drivers" in err
    assert f"{ZANE} ZANE GIBSON (liverc, id:" in err
    assert "999001 Zane Gibson (liverc, id:" in err
    assert demo("drivers", "show", ZANE)[0] == 0  # the ids still name one each
    assert demo("drivers", "show", "999001")[0] == 0

    with IngestionService.open(db_url) as service, pytest.raises(AmbiguousDriverError) as caught:
        service.driver_history("Zane Gibson")
    assert sorted(c["source_driver_id"] for c in caught.value.candidates) == [ZANE, "999001"]


def test_a_name_finds_the_real_driver_before_an_entry_list_only_one(demo, db_url):
    """Entered at another event whose results are not in yet: a driver of its own, found by
    its id; the name still means the real driver."""
    service, inside = _database(db_url)
    with service, inside:
        other = Event.get(Event.source_event_id == OTHER_EVENT)
        temporary = Driver.create(
            source="liverc",
            source_driver_id=f"entry_{OTHER_EVENT}_zane-gibson",
            display_name="ZANE GIBSON",
            normalized_name="zane gibson",
        )
        EventEntry.create(
            event=other, driver=temporary, class_name="1/10 4WD Buggy", display_name="ZANE GIBSON"
        )
    code, out, _ = demo("drivers", "show", "zane gibson", "--json")
    assert (code, json.loads(out)["driver"]["source_driver_id"]) == (0, ZANE)
    code, out, _ = demo("drivers", "show", f"entry_{OTHER_EVENT}_zane-gibson", "--json")
    history = json.loads(out)
    assert history["totals"] == {"events": 1, "races": 0, "wins": 0, "podiums": 0}
    assert [(e["source_event_id"], e["classes"], e["races"]) for e in history["events"]] == [
        (OTHER_EVENT, ["1/10 4WD Buggy"], [])
    ]
    code, out, _ = demo("drivers", "show", f"entry_{OTHER_EVENT}_zane-gibson")
    assert "entered, no races stored" in out


def test_drivers_confirmed_as_one_user_are_one_history(demo, db_url):
    service, inside = _database(db_url)
    with service, inside:
        user = User.create(display_name="Zane", normalized_name="zane", created_at=datetime.now())
        for ref in (ZANE, MILES):
            UserDriverLink.create(
                user=user,
                driver=Driver.get(Driver.source_driver_id == ref),
                status="confirmed",
                match_type="manual",
                matcher="test",
                matcher_version="1",
                decided_by="person",
                matched_at=datetime.now(),
            )
    code, out, _ = demo("drivers", "show", ZANE, "--json")
    history = json.loads(out)
    assert history["driver"]["user"] == {"id": user.id, "name": "Zane"}
    assert ("118807", "user") in {
        (a["source_driver_id"], a["via"]) for a in history["driver"]["aliases"]
    }
    assert history["totals"]["races"] == 4 + 4  # MILES GIBSON's four races too
    code, _, err = demo("drivers", "compare", ZANE, MILES)
    assert code == 2
    assert "are the same driver" in err


def test_show_at_one_track(demo):
    code, out, _ = demo("drivers", "show", ZANE, "--track-id", TRACK.slug.lower(), "--json")
    assert (code, json.loads(out)["totals"]["races"]) == (0, 4)
    other_track = SITE.tracks[1].slug.lower()
    code, out, _ = demo("drivers", "show", ZANE, "--track-id", other_track, "--json")
    history = json.loads(out)
    assert (code, history["totals"]["races"], history["events"]) == (0, 0, [])
    assert history["track"]["slug"] == other_track
    assert demo("drivers", "show", ZANE, "--track-id", "nowhere")[0] == 3


# --- compare ---------------------------------------------------------------------------


def test_compare_two_drivers_in_the_races_they_shared(demo):
    code, out, err = demo("drivers", "compare", "Zane Gibson", "Miles Gibson", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert (found["a"]["source_driver_id"], found["b"]["source_driver_id"]) == (ZANE, MILES)
    # Both ran race 1 (ZANE 1st, MILES 2nd) and race 4 (ZANE 3rd, MILES 2nd).
    assert [
        (
            r["order"],
            r["a"]["position"],
            r["b"]["position"],
            r["ahead"],
            r["a"]["best_lap"],
            r["b"]["best_lap"],
            r["best_lap_difference"],
            r["average_difference"],
        )
        for r in found["races"]
    ] == [
        (1, 1, 2, "a", 28.557, 28.652, -0.095, -0.241),
        (4, 3, 2, "b", 29.136, 29.011, 0.125, 0.122),
    ]
    assert found["summary"] == {
        "races": 2,
        "a_ahead": 1,
        "b_ahead": 1,
        "a_faster_best_lap": 1,
        "b_faster_best_lap": 1,
        "mean_best_lap_difference": 0.015,
        "mean_average_difference": -0.059,
    }

    code, out, _ = demo("drivers", "compare", ZANE, MILES, "--event", EVENT_ID)
    assert code == 0
    assert out.splitlines()[-1].startswith("ZANE GIBSON ahead in 1 of 2 races, MILES GIBSON in 1")
    code, out, _ = demo("drivers", "compare", ZANE, MILES, "--format", "tsv")
    assert out.splitlines()[1].split("\t")[3:6] == ["1", "2", "a"]

    code, out, _ = demo("drivers", "compare", ZANE, MILES, "--event", OTHER_EVENT)
    assert (code, out.splitlines()[-1]) == (0, "ZANE GIBSON and MILES GIBSON ran no race together")
    assert demo("drivers", "compare", ZANE, "nobody at all")[0] == 3
    assert demo("drivers", "compare", ZANE, f"entry_{EVENT_ID}_zane-gibson")[0] == 2


# --- search ----------------------------------------------------------------------------


def test_search_finds_names_containing_the_text_normalised(demo):
    code, out, _ = demo("drivers", "search", "GIBSON")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "id",
        "source",
        "driver",
        "id",
        "name",
        "transponder",
        "events",
        "races",
        "last",
        "event",
    ]
    assert [line.split()[2:5] for line in lines[1:3]] == [
        [MILES, "MILES", "GIBSON"],
        [ZANE, "ZANE", "GIBSON"],
    ]
    assert lines[-1] == "2 drivers"
    code, out, _ = demo("drivers", "search", "josé", "--json")
    assert [(d["name"], d["races"], d["events"]) for d in json.loads(out)] == [
        ("JOSÉ COLLINS", 4, 1),
        ("JOSÉ NUÑEZ", 4, 1),
    ]
    code, out, _ = demo("drivers", "search", "gibson", "--limit", "1")
    assert out.splitlines()[-1] == "1 of 2 drivers (--limit)"
    code, out, _ = demo("drivers", "search", "100%_")
    assert (code, out.splitlines()[-1]) == (0, "0 drivers")
    assert demo("drivers", "search", "--")[0] == 2  # no letters: nothing to search for
    assert demo("drivers", "search", "x", "--limit", "0")[0] == 2


def test_read_only_commands_create_no_database(tmp_path: Path, capsys):
    database = tmp_path / "never.db"
    for args in (
        ["drivers", "search", "gibson"],
        ["drivers", "show", ZANE],
        ["drivers", "compare", ZANE, MILES],
    ):
        assert main(["--db", f"sqlite:///{database}", *args]) == 3
        assert "mre tracks sync" in capsys.readouterr().err  # what would create it
        assert not database.exists()


# --- the service, on a generated site --------------------------------------------------


def test_the_service_follows_a_driver_over_two_tracks_in_a_few_queries(settings, site, service):
    """A driver of the roster races at two tracks: the second event's entry-list driver is
    merged into the real one, and the history has both events, with what the site shows."""
    first, second = (next(e for e in t.events if e.races) for t in site.tracks[:2])
    service.sync_tracks("liverc")
    for track, event in zip(site.tracks[:2], (first, second), strict=True):
        service.refresh_events(track.slug.lower())
        service.ingest_event(str(event.event_id))

    def results(event):  # type: ignore[no-untyped-def]
        return {
            (r.driver.driver_id, race.race_id): (race, r)
            for race in event.races
            for r in race.results
        }

    both = sorted({d for d, _ in results(first)} & {d for d, _ in results(second)})
    assert both, "the roster puts some drivers at both events"
    driver_id = both[0]
    expected = sorted(
        (
            str(race.race_id),
            r.position,
            len(race.results),
            None if r.fastest_lap_ms is None else r.fastest_lap_ms / 1000,
        )
        for event in (first, second)
        for (d, _), (race, r) in results(event).items()
        if d == driver_id
    )

    queries = []
    original = service.db.execute_sql

    def counted(sql, *args, **kwargs):  # type: ignore[no-untyped-def]
        queries.append(sql)
        return original(sql, *args, **kwargs)

    service.db.execute_sql = counted
    try:
        history = service.driver_history(str(driver_id))
    finally:
        service.db.execute_sql = original
    # The driver, drivers merged into them (and the step that finds no more), a confirmed
    # user, the aliases, the results with their races, the entries: whatever the races.
    assert len(queries) == 7, queries
    assert [e["source_event_id"] for e in history["events"]] == [
        str(e.event_id) for e in sorted((first, second), key=lambda e: e.start, reverse=True)
    ]
    got = sorted(
        (r["source_race_id"], r["position"], r["drivers"], r["best_lap"])
        for e in history["events"]
        for r in e["races"]
    )
    assert got == expected
    merged = [a for a in history["driver"]["aliases"] if a["via"] == "merged"]
    assert len(merged) == 2  # one entry-list driver per event
    assert {b["track"]["slug"] for b in history["personal_bests"]} == {
        t.slug.lower() for t in site.tracks[:2]
    }

    at_second = service.driver_history(str(driver_id), track=site.tracks[1].slug.lower())
    assert [e["source_event_id"] for e in at_second["events"]] == [str(second.event_id)]

    found = service.search_drivers(history["driver"]["name"].split()[-1])
    assert str(driver_id) in {d["source_driver_id"] for d in found["items"]}
    item = next(d for d in found["items"] if d["source_driver_id"] == str(driver_id))
    assert (item["events"], item["races"]) == (2, len(expected))

    other = next(d for d, _ in results(second) if d != driver_id)
    head = service.compare_drivers(str(driver_id), str(other), event=str(second.event_id))
    shared = [
        race
        for race in second.races
        if {r.driver.driver_id for r in race.results} >= {driver_id, other}
    ]
    assert [r["source_race_id"] for r in head["races"]] == [str(r.race_id) for r in shared]
    for got_race, race in zip(head["races"], shared, strict=True):
        by_driver = {r.driver.driver_id: r.position for r in race.results}
        assert (got_race["a"]["position"], got_race["b"]["position"]) == (
            by_driver[driver_id],
            by_driver[other],
        )
    assert head["summary"]["races"] == len(shared)
    assert head["summary"]["a_ahead"] == sum(
        1
        for race in shared
        if {r.driver.driver_id: r.position for r in race.results}[driver_id]
        < {r.driver.driver_id: r.position for r in race.results}[other]
    )
