"""An organization's events, 100 a page, until a page holds fewer."""

from __future__ import annotations

import pytest
from mre_speedhive import urls
from mre_speedhive.event_list import list_events

from mre_core.connector import ParseError
from tests.speedhive.fake_http import Answers


def events(first: int, count: int, sport: str = "RC") -> list[dict]:
    return [
        {"id": n, "name": f"Event {n}", "sport": sport, "startDate": "2026-03-01T00:00:00"}
        for n in range(first, first + count)
    ]


def test_pages_are_asked_for_until_one_holds_fewer_than_100():
    http = Answers(
        {
            urls.events_url("5150", offset=0): events(1, 60) + events(61, 40, "Karting"),
            urls.events_url("5150", offset=100): events(101, 7),
        }
    )
    listed = list_events(http, "5150")
    assert http.asked == [urls.events_url("5150"), urls.events_url("5150", offset=100)]
    assert [e.source_event_id for e in listed] == [
        str(n) for n in [*range(1, 61), *range(101, 108)]
    ]


def test_a_full_last_page_costs_one_empty_page_more():
    http = Answers(
        {
            urls.events_url("5150", offset=0): events(1, 100),
            urls.events_url("5150", offset=100): [],
        }
    )
    assert len(list_events(http, "5150")) == 100
    assert len(http.asked) == 2


def test_a_service_that_ignores_the_offset_is_refused_not_paged_forever():
    page = events(1, 100)
    http = Answers(
        {urls.events_url("5150", offset=0): page, urls.events_url("5150", offset=100): page}
    )
    with pytest.raises(ParseError) as caught:
        list_events(http, "5150")
    assert str(caught.value) == (
        f"cannot read {urls.events_url('5150', offset=100)}: event 1 is listed again"
    )
