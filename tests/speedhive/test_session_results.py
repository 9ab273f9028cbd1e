"""One session: its classification, then every driver's lap pages, in as few requests as can be."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from mre_speedhive import urls
from mre_speedhive.session_results import read_session

from mre_core.connector import ParseError, RaceDetail
from tests.speedhive import site
from tests.speedhive.fake_http import Answers


def paged(answers: dict[str, Any], session: str, position: int, per_page: int) -> None:
    """Serve one driver's laps `per_page` at a time, as a service that serves fewer than asked."""
    whole = answers.pop(urls.laps_url(session, position))
    laps = whole["laps"]
    for offset in range(0, len(laps), per_page):
        page = copy.deepcopy(whole)
        page["laps"] = laps[offset : offset + per_page]
        answers[urls.laps_url(session, position, offset=offset)] = page


def test_a_session_costs_its_classification_and_a_lap_page_a_driver():
    http = Answers(site.answers())
    detail = read_session(http, "800011", None)
    assert http.asked == [
        urls.classification_url("800011"),
        urls.laps_url("800011", 1),
        urls.laps_url("800011", 2),
        urls.laps_url("800011", 3),
    ]
    anna, jorg, chris = detail.results
    assert (anna.laps_completed, anna.total_time_seconds, anna.behind_raw) == (4, 123.5, "-")
    assert (anna.fast_lap_time, anna.fast_lap_number) == (30.5, 3)
    assert anna.avg_lap_time == 30.875  # 123.5 s over 4 laps: the classification shows none
    assert (jorg.source_driver_id, jorg.total_time_seconds, jorg.behind_seconds) == (
        None,
        158.1,
        34.6,
    )
    assert [lap.lap_time_raw for lap in jorg.laps] == ["32.000", "1:02.345", "31.655", "32.100"]
    assert [lap.lap_time_seconds for lap in jorg.laps] == [32.0, 62.345, 31.655, 32.1]
    assert (chris.behind_raw, chris.behind_laps, chris.behind_seconds) == ("+1 lap", 1, None)
    assert detail.page_digest is not None


def test_a_driver_who_did_not_start_costs_no_request():
    http = Answers(site.answers())
    detail = read_session(http, "800013", None)
    assert len(http.asked) == 3  # the classification, and the two who started
    jorg = detail.results[2]
    assert (jorg.display_name, jorg.started, jorg.laps, jorg.total_time_seconds) == (
        "Jörg Müller",
        False,
        [],
        None,
    )


def test_laps_served_fewer_than_asked_are_paged_until_the_lap_count():
    answers = site.answers()
    paged(answers, "800013", 1, per_page=2)
    http = Answers(answers)
    detail = read_session(http, "800013", None)
    assert [u for u in http.asked if "/lapdata/1/" in u] == [
        urls.laps_url("800013", 1, offset=0),
        urls.laps_url("800013", 1, offset=2),
        urls.laps_url("800013", 1, offset=4),
    ]
    chris = detail.results[0]
    assert [lap.lap_number for lap in chris.laps] == [1, 2, 3, 4, 5]
    assert chris.total_time_seconds == 154.8
    assert (chris.fast_lap_time, chris.fast_lap_number, chris.qualifying_position) == (30.8, 3, 3)


def test_the_same_answers_give_the_same_fingerprint_and_a_known_one_is_unchanged():
    first = read_session(Answers(site.answers()), "800014", None)
    again = read_session(Answers(site.answers()), "800014", first.page_digest)
    assert again == RaceDetail("800014", page_digest=first.page_digest, unchanged=True)
    answers = site.answers()
    answers[urls.laps_url("800014", 2)]["laps"][0]["lapTime"] = "30.001"
    changed = read_session(Answers(answers), "800014", first.page_digest)
    assert changed.page_digest != first.page_digest and not changed.unchanged
    assert changed.results[1].laps[0].lap_time_seconds == 30.001


def broken(change) -> str:
    answers = site.answers()
    change(answers)
    with pytest.raises(ParseError) as caught:
        read_session(Answers(answers), "800011", None)
    return str(caught.value)


def test_lap_data_that_does_not_add_up_is_refused():
    laps = urls.laps_url("800011", 2)

    def numbered(*numbers):
        def change(answers):
            for lap, number in zip(answers[laps]["laps"], numbers, strict=True):
                lap["lapNr"] = number

        return change

    assert broken(numbered(1, 2, 4, 5)) == (
        f"cannot read {laps}: laps are numbered 1, 2, 4, 5, not 1 to 4"
    )
    assert broken(numbered(1, 1, 2, 3)) == (
        f"cannot read {laps}: laps are numbered 1, 1, 2, 3, not 1 to 4"
    )

    def more_than_served(answers):
        answers[laps]["lapDataInfo"]["lapCount"] = 6
        answers[urls.laps_url("800011", 2, offset=4)] = {
            "lapDataInfo": {"lapCount": 6},
            "laps": [],
        }

    assert broken(more_than_served) == (
        f"cannot read {urls.laps_url('800011', 2, offset=4)}: no laps from 5 of 6 on"
    )


def test_lap_data_of_another_driver_or_session_is_refused():
    laps = urls.laps_url("800011", 2)

    def other(key, value):
        return lambda answers: answers[laps]["lapDataInfo"]["participantInfo"].update({key: value})

    assert broken(other("fieldFinishPos", 3)) == (
        f"cannot read {laps}: it is the lap data of finish position 3"
    )
    assert broken(lambda a: a[laps]["lapDataInfo"].update(sessionId=800012)) == (
        f"cannot read {laps}: it is the lap data of session 800012"
    )
    assert broken(lambda a: a[laps]["lapDataInfo"].update(lapCount=10**6)) == (
        f"cannot read {laps}: lapCount is 1000000, past 20000"
    )


def test_a_gap_that_is_no_gap_is_refused():
    laps = urls.laps_url("800011", 2)

    def gap(answers):
        answers[laps]["laps"][-1]["fieldComparison"]["diff"] = {"time": "far", "laps": 0}

    assert broken(gap) == f"cannot read {laps}: lap 4: 'far' is not a time"
