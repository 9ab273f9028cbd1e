"""A race's laps, driver by driver, from an event ingested from the simulator.

The race is heat 1/1 of the 1/10 2WD Buggy qualifier of the `site` fixture
(seed 7), whose every lap the model knows. The values written out below were
read from the model by hand: the winner's first four laps, a driver who
stopped after three, and one who never started.
"""

from __future__ import annotations

import pytest

from mre_core.errors import NotFoundError, UsageError

RACE = "5166727"


@pytest.fixture
def ingested(service, event):  # type: ignore[no-untyped-def]
    track, ev = event
    service.sync_tracks("liverc")
    service.refresh_events(track.slug.lower())
    service.ingest_event(str(ev.event_id))
    return service


def test_every_driver_s_laps_and_positions_by_final_position(ingested, event):
    _, ev = event
    found = ingested.race_laps(RACE)
    race = found["race"]
    assert race == {
        "id": race["id"],
        "source_race_id": RACE,
        "round": "Qualifier Round 1",
        "class_name": "1/10 2WD Buggy",
        "label": "1/10 2WD Buggy (Heat 1/1)",
        "number": 2,
        "event": {
            "id": race["event"]["id"],
            "source_event_id": "480417",
            "name": "2025 Synth Summer Series Round-8",
        },
    }
    drivers = found["drivers"]
    assert [(d["position"], d["driver"], d["car_number"], len(d["laps"])) for d in drivers] == [
        (1, "TATE FOSTER", "5", 11),
        (2, "NOAH JENSEN", "4", 10),
        (3, "JESSE THORNTON", "3", 10),
        (4, "NATHAN TURNER", "1", 10),
        (5, "WESLEY MCKENZIE", "6", 10),
        (6, "QUINN ANDERSON", "2", 9),
        (7, "TRAVIS GRAHAM", "7", 3),
        (8, "MARCUS GIBSON", "8", 0),  # did not start: no laps
    ]
    assert drivers[0]["laps"][:4] == [
        {"lap": 1, "time": 31.215, "position": 1},
        {"lap": 2, "time": 30.015, "position": 1},
        {"lap": 3, "time": 29.443, "position": 1},
        {"lap": 4, "time": 29.075, "position": 1},
    ]
    assert drivers[6]["laps"] == [
        {"lap": 1, "time": 32.981, "position": 3},
        {"lap": 2, "time": 30.538, "position": 2},
        {"lap": 3, "time": 30.893, "position": 2},
    ]
    # and every lap of every driver is the model's
    model = next(r for r in ev.races if str(r.race_id) == RACE)
    assert [
        [(lap["lap"], round(lap["time"] * 1000), lap["position"]) for lap in d["laps"]]
        for d in drivers
    ] == [[(lap.number, lap.time_ms, lap.position) for lap in r.laps] for r in model.results]


def test_a_race_is_named_by_its_source_id_or_id_n(ingested):
    by_source = ingested.race_laps(RACE, source="liverc")
    assert ingested.race_laps(f"id:{by_source['race']['id']}") == by_source
    assert ingested.race_laps(f" ID:{by_source['race']['id']} ") == by_source


@pytest.mark.parametrize(
    ("ref", "error", "message"),
    [
        ("999", NotFoundError, "race '999' is not in the database: ingest its event first"),
        ("id:999999", NotFoundError, "race 'id:999999' is not in the database"),
        ("id:" + "9" * 40, NotFoundError, "is not in the database"),  # no row can have it
        ("9" * 100, NotFoundError, "characters\\) is not in the database"),
        ("id:abc", UsageError, "'id:abc': an internal id is a number, such as id:12"),
        ("  ", UsageError, "a race id is required"),
        ("51\x0066727", UsageError, "an id is printable text"),
    ],
)
def test_an_unknown_or_malformed_race(ingested, ref, error, message):
    with pytest.raises(error, match=message):
        ingested.race_laps(ref)


def test_an_unknown_source_is_refused(ingested):
    with pytest.raises(UsageError, match="nosuchsite"):
        ingested.race_laps(RACE, source="nosuchsite")
