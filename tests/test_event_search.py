"""The held-between search: events whose days overlap two dates, on either database.

Eleven events on two tracks, each placed against the window 2024-03-01 to
2024-03-10 to test one edge (the comment beside it says which). Every
expectation below was worked out by hand from that table.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from mre_core.errors import NotFoundError, UsageError
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings
from mre_core.storage import use_database
from mre_core.storage.models import Event, Track

FROM, TO = date(2024, 3, 1), date(2024, 3, 10)

# name: (track, start, last day or None, depth)
EVENTS = {
    "Spring Series Rd 1": ("alpha", datetime(2024, 3, 1, 10), None, "none"),  # on `from`
    "Summer Nationals": ("alpha", datetime(2024, 2, 27, 9), date(2024, 3, 2), "none"),  # spans it
    "Winter Cup": ("bravo", datetime(2024, 2, 28), date(2024, 3, 1), "none"),  # ends on it
    "Ending Before": ("bravo", datetime(2024, 2, 25), date(2024, 2, 29), "none"),  # a day short
    "Club Day 100%": ("alpha", datetime(2024, 3, 10), None, "none"),  # starts on `to`
    "Late Start": ("alpha", datetime(2024, 3, 10, 23, 59, 59), None, "none"),  # its last second
    "After": ("bravo", datetime(2024, 3, 11), None, "none"),  # the day after
    "No Date": ("alpha", None, None, "none"),  # no days at all
    "Club_Day": ("bravo", datetime(2024, 3, 5), None, "laps_full"),
    "LONG ENDURANCE": ("bravo", datetime(2024, 1, 1), date(2024, 12, 31), "laps_partial"),
    "Club Day Twin": ("alpha", datetime(2024, 3, 10), None, "none"),  # same start, later id
}
IN_WINDOW = [  # date descending, then id
    "Late Start",
    "Club Day 100%",
    "Club Day Twin",
    "Club_Day",
    "Spring Series Rd 1",
    "Winter Cup",
    "Summer Nationals",
    "LONG ENDURANCE",
]


@pytest.fixture
def service(db_url: str) -> Iterator[IngestionService]:
    with IngestionService.open(settings=Settings(database_url=db_url)) as svc:
        with use_database(svc.db):
            tracks = {
                slug: Track.create(
                    source="liverc",
                    source_track_slug=slug,
                    track_name=f"{slug.title()} Raceway",
                    track_url=f"https://{slug}.liverc.com/",
                    events_url=f"https://{slug}.liverc.com/events/",
                    last_seen_at=datetime(2024, 6, 1),
                )
                for slug in ("alpha", "bravo", "charlie")
            }
            for number, (name, (slug, start, last, depth)) in enumerate(EVENTS.items(), 1):
                Event.create(
                    source="liverc",
                    source_event_id=str(1000 + number),
                    track=tracks[slug],
                    event_name=name,
                    event_date=start,
                    event_end_date=last,
                    event_url=f"https://{slug}.liverc.com/results/?p=view_event&id={1000 + number}",
                    ingest_depth=depth,
                )
        yield svc


def names(found: dict) -> list[str]:
    return [item["name"] for item in found["items"]]


def test_events_held_between_two_dates_across_all_tracks(service):
    found = service.search_events(date_from=FROM, date_to=TO)
    assert (names(found), found["total"]) == (IN_WINDOW, 8)


def test_each_item_is_the_event_s_summary_with_its_track(service):
    (item,) = service.search_events(track="alpha", q="summer", date_from=FROM)["items"]
    assert item == {
        "id": 2,
        "source": "liverc",
        "source_event_id": "1002",
        "name": "Summer Nationals",
        "date": datetime(2024, 2, 27, 9),
        "end_date": date(2024, 3, 2),
        "entries": None,
        "drivers": None,
        "ingest_depth": "none",
        "last_ingested_at": None,
        "url": "https://alpha.liverc.com/results/?p=view_event&id=1002",
        "track": {"slug": "alpha", "name": "Alpha Raceway"},
    }


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        # one day: held on it, started before and still running, ending on it
        (
            {"date_from": FROM, "date_to": FROM},
            ["Spring Series Rd 1", "Winter Cup", "Summer Nationals", "LONG ENDURANCE"],
        ),
        # from only: every event with a day on or after it
        (
            {"date_from": TO},
            ["After", "Late Start", "Club Day 100%", "Club Day Twin", "LONG ENDURANCE"],
        ),
        # to only: every event starting on or before it
        (
            {"date_to": date(2024, 2, 29)},
            ["Winter Cup", "Summer Nationals", "Ending Before", "LONG ENDURANCE"],
        ),
        # the widest dates there are (no day after 9999-12-31 to compare with)
        (
            {"date_from": date.min, "date_to": date.max},
            ["After", *IN_WINDOW[:7], "Ending Before", "LONG ENDURANCE"],
        ),
        # no dates: every event, the one without a date last
        ({}, ["After", *IN_WINDOW[:7], "Ending Before", "LONG ENDURANCE", "No Date"]),
    ],
)
def test_the_window_s_edges(service, bounds, expected):
    found = service.search_events(**bounds)
    assert (names(found), found["total"]) == (expected, len(expected))


def test_one_track_and_its_source(service):
    found = service.search_events("alpha", FROM, TO, source="liverc")
    assert names(found) == [
        "Late Start",
        "Club Day 100%",
        "Club Day Twin",
        "Spring Series Rd 1",
        "Summer Nationals",
    ]
    assert service.search_events("id:3", FROM, TO) == {"items": [], "total": 0}  # charlie


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("club", ["Club Day 100%", "Club Day Twin", "Club_Day"]),  # any case
        ("CLUB DAY", ["Club Day 100%", "Club Day Twin"]),
        ("_", ["Club_Day"]),  # itself, not any one character
        ("100%", ["Club Day 100%"]),  # itself, not anything
        ("endurance", ["LONG ENDURANCE"]),
        ("nowhere", []),
    ],
)
def test_a_name_filter_is_a_substring_ignoring_case(service, q, expected):
    assert names(service.search_events(q=q)) == expected


def test_a_depth_filter_is_exact(service):
    assert names(service.search_events(depth="laps_full")) == ["Club_Day"]
    assert names(service.search_events(depth="laps_partial", date_from=TO)) == ["LONG ENDURANCE"]


def test_limit_and_offset_page_through_the_same_total(service):
    pages = [
        service.search_events(date_from=FROM, date_to=TO, limit=3, offset=offset)
        for offset in (0, 3, 6, 9)
    ]
    assert [names(p) for p in pages] == [IN_WINDOW[:3], IN_WINDOW[3:6], IN_WINDOW[6:], []]
    assert {p["total"] for p in pages} == {8}


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ({"date_from": TO, "date_to": FROM}, "the from date (2024-03-10) is after the to date"),
        ({"limit": 0}, "limit must be from 1 to 500, not 0"),
        ({"limit": 501}, "limit must be from 1 to 500, not 501"),
        ({"offset": -1}, "offset must be 0 or more, not -1"),
        ({"depth": "deep"}, "depth must be one of none, laps_partial, laps_full, not 'deep'"),
        ({"q": "a\x00b"}, "the name filter must be printable text"),
        ({"source": "nosuchsite"}, "nosuchsite"),
    ],
)
def test_a_bad_question_is_a_usage_error(service, asked, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        service.search_events(**asked)


def test_an_unknown_track_is_not_found(service):
    with pytest.raises(NotFoundError, match="track 'nowhere' is not in the database"):
        service.search_events("nowhere", FROM, TO)
