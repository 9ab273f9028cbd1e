"""Each kind of answer, read from the example site (built to the definitions), and broken.

Expected values are written out from `site.py` by hand. A wrong shape is a
ParseError that names the URL and the place in the answer, never a
KeyError or TypeError.
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime

import pytest
from mre_speedhive import urls
from mre_speedhive.answers.classification import parse_classification
from mre_speedhive.answers.events import parse_events_page
from mre_speedhive.answers.laps import parse_lap_page
from mre_speedhive.answers.organization import parse_organization
from mre_speedhive.answers.sessions import parse_sessions

from mre_core.connector import EventRecord, ParseError, RaceRecord, TrackRecord
from tests.speedhive import site

ANSWERS = site.answers()
ORG_URL = urls.organization_url(site.ORG_ID)
EVENTS_URL = urls.events_url(site.ORG_ID)
SESSIONS_URL = urls.sessions_url(site.EVENT_ID)
CLASSIFICATION_URL = urls.classification_url("800011")
LAPS_URL = urls.laps_url("800011", 2)


def text(url: str, change=None) -> str:
    """The site's answer at `url` as JSON text, after `change(answer)` (in place) if given."""
    answer = copy.deepcopy(ANSWERS[url])
    if change is not None:
        change(answer)
    return json.dumps(answer)


def refused(parse, url: str, *args) -> str:
    with pytest.raises(ParseError) as caught:
        parse(*args)
    assert caught.value.url == url
    return caught.value.detail


# --- organization -----------------------------------------------------------------


def test_an_organization_is_a_track():
    assert parse_organization(text(ORG_URL), ORG_URL, "5150") == TrackRecord(
        source_track_slug="5150",
        track_name="Synthetic Valley RC Club",
        track_url=ORG_URL,
        events_url=f"{ORG_URL}/events?count=100&offset=0",
    )


def test_an_organization_answer_that_is_not_the_one_asked_for_is_refused():
    assert refused(parse_organization, ORG_URL, text(ORG_URL), ORG_URL, "5151") == (
        "id: is 5150, and the organization asked for is 5151"
    )
    no_name = text(ORG_URL, lambda a: a.pop("name"))
    assert refused(parse_organization, ORG_URL, no_name, ORG_URL, "5150") == "the answer: no 'name'"
    assert refused(parse_organization, ORG_URL, "[]", ORG_URL, "5150") == (
        "the answer: expected an object, got a list"
    )
    assert refused(parse_organization, ORG_URL, "<html>", ORG_URL, "5150").startswith("not JSON")


# --- events -----------------------------------------------------------------------


def test_the_events_of_the_sport_asked_for():
    page = parse_events_page(text(EVENTS_URL), EVENTS_URL, "RC")
    assert page.ids == ["700101", "700102", "700103"]
    assert page.events == [
        EventRecord(
            "700101",
            "Winter Series Round 1",
            urls.event_url("700101"),
            datetime(2026, 1, 17),
        ),
        EventRecord(
            "700102",
            "Winter Series Round 2",
            urls.event_url("700102"),
            datetime(2026, 2, 14),
        ),
    ]
    every = parse_events_page(text(EVENTS_URL), EVENTS_URL, None)
    assert [e.source_event_id for e in every.events] == ["700101", "700102", "700103"]


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (lambda a: a.__setitem__(0, []), "[0]: expected an object, got a list"),
        (lambda a: a[1].update(id="700102"), "[1].id: expected an integer, got str '700102'"),
        (lambda a: a[1].update(id=True), "[1].id: expected an integer, got bool True"),
        (lambda a: a[1].update(id=-4), "[1].id: is -4, not an id"),
        (lambda a: a[2].pop("id"), "[2]: no 'id'"),
        (lambda a: a[0].update(name=7), "[0].name: expected a string, got int 7"),
        (lambda a: a[0].update(startDate="soon"), "[0].startDate: 'soon' is not a date"),
        (lambda a: a.append(None), "[3]: expected an object, got null"),
    ],
)
def test_events_of_a_wrong_shape(change, detail):
    assert refused(parse_events_page, EVENTS_URL, text(EVENTS_URL, change), EVENTS_URL, "RC") == (
        detail
    )


# --- sessions ---------------------------------------------------------------------


def test_sessions_are_flattened_into_races_in_chronological_order():
    races = parse_sessions(text(SESSIONS_URL), SESSIONS_URL, "700101")
    day = date(2026, 1, 17)

    def race(session_id, class_name, label, order, round_name):
        return RaceRecord(
            session_id,
            urls.classification_url(session_id),
            class_name,
            label,
            order,
            round_name=round_name,
            completed_date=day,
        )

    # The tree lists the finals first; the merged session (800019) is no race.
    assert races == [
        race("800011", "2WD Buggy", "Qualifier 1", 1, "Qualifying"),
        race("800012", "4WD Buggy", "Qualifier 1", 2, "Qualifying"),
        race("800013", "2WD Buggy", "A Final", 3, "Finals"),  # class from its group
        race("800014", "4WD Buggy", "A Final", 4, "Finals"),
    ]


def test_class_and_round_from_any_nesting():
    def session(session_id, group_name, start):
        return {
            "id": session_id,
            "name": f"S{session_id}",
            "groupName": group_name,
            "startTime": start,
        }

    answer = {
        "sessions": [session(1, "", "")],  # no group, no time: last, no class
        "groups": [
            {
                "name": "Saturday",
                "subGroups": [
                    {
                        "name": "Qualifying",
                        "subGroups": [
                            {"name": "Stock", "sessions": [session(2, "", "2026-01-17T09:00:00")]},
                        ],
                    },
                ],
            },
        ],
    }
    races = parse_sessions(json.dumps(answer), SESSIONS_URL, "700101")
    assert [(r.source_race_id, r.class_name, r.round_name, r.race_order) for r in races] == [
        ("2", "Stock", "Saturday / Qualifying", 1),
        ("1", "", None, 2),
    ]


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (
            lambda a: a["groups"][1].update(sessions={}),
            "groups[1].sessions: expected a list, got an object",
        ),
        (
            lambda a: a["groups"][1]["sessions"][0].update(eventId=9),
            "groups[1].sessions[0].eventId: is 9, not event 700101",
        ),
        (
            lambda a: a["groups"][1]["sessions"][1].update(id=800011),
            "groups[1].sessions[1].id: session 800011 is listed twice",
        ),
        (
            lambda a: a["groups"][1]["sessions"][0].update(startTime="10h"),
            "groups[1].sessions[0].startTime: '10h' is not a date",
        ),
        (
            lambda a: a["groups"][1]["sessions"][0].update(isMerge="no"),
            "groups[1].sessions[0].isMerge: expected true or false, got str",
        ),
        (
            lambda a: a["groups"][0]["subGroups"][0].update(name=3),
            "groups[0].subGroups[0].name: expected a string, got int 3",
        ),
    ],
)
def test_sessions_of_a_wrong_shape(change, detail):
    answer = text(SESSIONS_URL, change)
    assert refused(parse_sessions, SESSIONS_URL, answer, SESSIONS_URL, "700101") == detail


def test_groups_nested_without_end_are_refused():
    answer: dict = {"groups": []}
    for _ in range(12):
        answer = {"groups": [{"name": "g", **answer}]}
    assert refused(parse_sessions, SESSIONS_URL, json.dumps(answer), SESSIONS_URL, "1") == (
        "groups[0].groups[0].groups[0].groups[0].groups[0].groups[0].groups[0].groups[0]"
        ".groups[0]: groups nested deeper than 8"
    )


# --- classification ---------------------------------------------------------------


def test_a_classification_as_the_definitions_spell_it():
    rows = parse_classification(text(CLASSIFICATION_URL), CLASSIFICATION_URL)
    assert [
        (r.position, r.name, r.car_number, r.status, r.account_id, r.started) for r in rows
    ] == [
        (1, "Anna Berg", "7", "Normal", "a1b2c3d4-0000-4000-8000-000000000001", True),
        (2, "Jörg Müller", "12", "Normal", None, True),
        (3, "Chris Day", "3", "Normal", "a1b2c3d4-0000-4000-8000-000000000003", True),
    ]
    assert rows[1].cells == {
        "AdditionalFields": "[]",
        "IsQualified": "false",
        "Name": "Jörg Müller",
        "Position": "2",
        "PositionInClass": "2",
        "ResultClass": "2WD Buggy",
        "StartNumber": "12",
        "Status": "Normal",
        "User": "null",
    }


def test_a_classification_as_the_public_clients_spell_it():
    camel = {
        "rows": [
            {
                "position": 1,
                "startNumber": "",
                "name": " Dee Evans ",
                "status": "DNS",
                "user": {"mstUserId": "00000000-0000-0000-0000-000000000000"},
                "totalTime": "5:01.200",
            }
        ]
    }
    [row] = parse_classification(json.dumps(camel), CLASSIFICATION_URL)
    assert (row.position, row.name, row.car_number, row.account_id, row.started) == (
        1,
        "Dee Evans",
        None,
        None,
        False,
    )
    assert row.cells["totalTime"] == "5:01.200"  # not read, kept as shown


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (lambda a: a.update(Rows=[1]), "Rows[0]: expected an object, got int"),
        (lambda a: a["Rows"][1].update(Position=1), "Rows[1].Position: 1 is given to two rows"),
        (lambda a: a["Rows"][1].update(Position=-2), "Rows[1].Position: is -2, not a place"),
        (
            lambda a: a["Rows"][1].update(Position="2"),
            "Rows[1].Position: expected an integer, got str '2'",
        ),
        (lambda a: a["Rows"][0].update(Name="  "), "Rows[0].Name: is empty"),
        (
            lambda a: a["Rows"][0].update(User="someone"),
            "Rows[0].User: expected an object, got str",
        ),
        (
            lambda a: a["Rows"][0]["User"].update(mstUserId=5),
            "Rows[0].User.mstUserId: expected a string, got int 5",
        ),
    ],
)
def test_classifications_of_a_wrong_shape(change, detail):
    answer = text(CLASSIFICATION_URL, change)
    assert refused(parse_classification, CLASSIFICATION_URL, answer, CLASSIFICATION_URL) == detail


# --- lap data ---------------------------------------------------------------------


def test_a_page_of_lap_data():
    page = parse_lap_page(text(LAPS_URL), LAPS_URL)
    assert (page.lap_count, page.served, page.session_id, page.finish_position) == (
        4,
        4,
        "800011",
        2,
    )
    assert page.start_position is None  # 0: no grid
    assert [(lap.number, lap.time_raw, str(lap.seconds), lap.position) for lap in page.laps] == [
        (1, "32.000", "32.000", 2),
        (2, "1:02.345", "62.345", 2),
        (3, "31.655", "31.655", 2),
        (4, "32.100", "32.100", 2),
    ]
    assert (page.laps[-1].behind_raw, page.laps[-1].behind_laps) == ("+34.600", 0)


def test_lap_zero_is_served_but_is_no_lap():
    url = urls.laps_url("800014", 1)
    page = parse_lap_page(text(url), url)
    assert (page.lap_count, page.served, [lap.number for lap in page.laps]) == (4, 4, [1, 2, 3])
    assert page.start_position == 1


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (lambda a: a.pop("lapDataInfo"), "the answer: no 'lapDataInfo'"),
        (lambda a: a["lapDataInfo"].pop("lapCount"), "lapDataInfo: no 'lapCount'"),
        (lambda a: a["lapDataInfo"].update(lapCount=-1), "lapDataInfo.lapCount: is -1"),
        (lambda a: a["laps"][1].update(lapTime="DNF"), "laps[1].lapTime: 'DNF' is not a time"),
        (lambda a: a["laps"][1].update(lapTime=""), "laps[1].lapTime: '' is not a time"),
        (lambda a: a["laps"][1].pop("lapTime"), "laps[1]: no 'lapTime'"),
        (
            lambda a: a["laps"][1].update(lapTime=62.345),
            "laps[1].lapTime: expected a string, got float 62.345",
        ),
        (lambda a: a["laps"][2].update(lapNr=-3), "laps[2].lapNr: is -3"),
        (
            lambda a: a["laps"][0].update(fieldComparison=[]),
            "laps[0].fieldComparison: expected an object, got a list",
        ),
        (lambda a: a.update(laps="none"), "laps: expected a list, got str"),
    ],
)
def test_lap_data_of_a_wrong_shape(change, detail):
    assert refused(parse_lap_page, LAPS_URL, text(LAPS_URL, change), LAPS_URL) == detail
