"""The LiveRC practice parsers (issue #13): the calendar, a day's sessions, a session's laps.

Expected values were read by hand from the real pages in ../shared/liverc-samples;
broken pages must raise ParseError, never another exception.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mre_core.errors import ParseError, UsageError
from mre_liverc.errors import WrongPageError
from mre_liverc.pages.practice import (
    calendar_url,
    day_url,
    parse_practice_calendar,
    parse_practice_day,
    parse_practice_session,
    practice_months,
    session_url,
)

SLUG = "canberraoffroad"
MONTH = "practice-month_canberraoffroad_2025-10.html"
DAY = "practice-day_canberraoffroad_2025-10-25.html"
SESSION = "practice-session_canberraoffroad_21289501.html"
MONTH_URL = "https://canberraoffroad.liverc.com/practice/?p=calendar&d=2025-10"
DAY_URL = "https://canberraoffroad.liverc.com/practice/?p=session_list&d=2025-10-25"
SESSION_URL = "https://canberraoffroad.liverc.com/practice/?p=view_session&id=21289501"


def test_urls_are_canonical_and_checked():
    assert calendar_url(SLUG, "2025-10") == MONTH_URL
    assert day_url(SLUG, date(2025, 10, 25)) == DAY_URL
    assert session_url(SLUG, "21289501") == SESSION_URL
    for bad in (lambda: calendar_url(SLUG, "2025-13"), lambda: session_url(SLUG, "12a")):
        with pytest.raises(UsageError):
            bad()


# --- the calendar -------------------------------------------------------------------


def test_calendar_lists_the_months_practice_days(sample):
    days = parse_practice_calendar(sample(MONTH), MONTH_URL, SLUG, "2025-10")
    assert [(d.practice_date, d.session_count, d.date_raw) for d in days] == [
        (date(2025, 10, 25), 56, "Sat, Oct 25, 2025"),
        (date(2025, 10, 12), 2, "Sun, Oct 12, 2025"),
        (date(2025, 10, 11), 13, "Sat, Oct 11, 2025"),
    ]
    assert days[0].day_url == DAY_URL


def test_calendar_of_another_month_is_refused(sample):
    with pytest.raises(WrongPageError):
        parse_practice_calendar(sample(MONTH), MONTH_URL, SLUG, "2025-09")


def test_calendar_month_picker(sample):
    months = practice_months(sample(MONTH), MONTH_URL)
    assert months[:3] == ["2026-01", "2025-11", "2025-10"]
    assert months[-1] == "2017-09"
    assert len(months) == 88


# --- a day --------------------------------------------------------------------------


def test_day_lists_every_session_newest_first(sample):
    day = parse_practice_day(sample(DAY), DAY_URL, SLUG, date(2025, 10, 25))
    assert day.practice_date == date(2025, 10, 25)
    assert len(day.sessions) == 56  # the calendar's count for the day
    assert (day.total_laps, day.unique_drivers) == (487, 9)
    assert sum(s.laps_completed or 0 for s in day.sessions) == 487
    first, last = day.sessions[0], day.sessions[-1]
    assert (first.source_session_id, first.display_name, first.transponder_number) == (
        "21290331",
        "Conor Merrigan",
        "9783013",
    )
    assert first.class_name == "1/10 Open"
    assert first.started_at == datetime(2025, 10, 25, 16, 36, 38)
    assert first.started_at_raw == "4:36:38pm"
    assert (first.laps_completed, first.duration_raw, first.duration_seconds) == (9, "8:28", 508.0)
    assert (first.fast_lap_time, first.avg_lap_time) == (34.746, 56.437)
    assert (last.source_session_id, last.display_name, last.transponder_number) == (
        "21285679",
        "Conor Merrigan",
        "9783013",
    )
    assert last.started_at == datetime(2025, 10, 25, 10, 58, 33)
    assert (
        last.session_url
        == "https://canberraoffroad.liverc.com/practice/?p=view_session&id=21285679"
    )


def test_day_reads_the_session_of_the_session_page_as_listed(sample):
    day = parse_practice_day(sample(DAY), DAY_URL, SLUG)
    quinton = next(s for s in day.sessions if s.source_session_id == "21289501")
    assert (quinton.display_name, quinton.class_name, quinton.transponder_number) == (
        "Daniel Quinton",
        "1/8 Nitro Buggy",
        "8603914",
    )
    assert (quinton.laps_completed, quinton.duration_raw) == (5, "3:49")
    assert (quinton.fast_lap_time, quinton.avg_lap_time) == (42.996, 45.815)


def test_day_keeps_the_unknown_class_as_shown(sample):
    day = parse_practice_day(sample(DAY), DAY_URL, SLUG)
    unknown = [s for s in day.sessions if s.transponder_number == "3071066"]
    assert len(unknown) == 4
    assert {s.class_name for s in unknown} == {"Unknown Class"}


def test_day_of_another_date_is_refused(sample):
    with pytest.raises(WrongPageError):
        parse_practice_day(sample(DAY), DAY_URL, SLUG, date(2025, 10, 26))


def test_a_day_without_sessions_is_no_sessions(sample):
    # The calendar page shows today's (empty) day beside the month.
    text = (
        "<html><body><h5>October 26, 2025 (Sunday)</h5><div>Practice Sessions on October 26, "
        "2025 (Sunday)</div>There are no practice sessions available for the given date."
        "</body></html>"
    )
    day = parse_practice_day(text, DAY_URL, SLUG, date(2025, 10, 26))
    assert (day.practice_date, day.sessions) == (date(2025, 10, 26), [])


# --- a session ----------------------------------------------------------------------


def test_session_has_every_lap_of_laps_obj(sample):
    session = parse_practice_session(sample(SESSION), SESSION_URL, "21289501")
    assert (session.display_name, session.class_name, session.transponder_number) == (
        "Daniel Quinton",
        "1/8 Nitro Buggy",
        "8603914",
    )
    assert session.started_at == datetime(2025, 10, 25, 14, 43, 27)
    assert session.ended_at == datetime(2025, 10, 25, 14, 50, 17)
    assert (session.duration_raw, session.duration_seconds) == ("3:49", 229.0)
    assert (session.laps_completed, session.fast_lap_time, session.top3_consecutive) == (
        5,
        42.996,
        133.27,
    )
    assert (session.avg_lap_time, session.avg_top5, session.avg_top10) == (45.815, 45.815, None)
    assert (session.std_deviation, session.consistency) == (2.43, 94.695)
    assert session.valid_range_raw == "20 to 1:10"
    laps = session.laps
    assert [lap.lap_number for lap in laps] == [1, 2, 3, 4, 5]
    assert [lap.lap_time_raw for lap in laps] == ["42.996", "47.016", "43.258", "49.466", "46.339"]
    assert (laps[0].clock_time, laps[0].clock_time_raw) == (
        datetime(2025, 10, 25, 14, 44, 10),
        "14:44:10",
    )
    assert laps[-1].clock_time == datetime(2025, 10, 25, 14, 47, 17)
    assert all(lap.valid for lap in laps)
    assert min(lap.lap_time_seconds for lap in laps) == session.fast_lap_time
    # The laps add up to the session's length (3:49 shown, to the second).
    assert int(sum(lap.lap_time_seconds for lap in laps)) == 229


LAPS_PAGE = """<html><body><table><tbody>
<tr><th>Driver</th><td>A Driver</td></tr><tr><th>Transponder</th><td>123</td></tr>
<tr><th>Session Time</th><td>Date: October 25, 2025 (Saturday)<br />Start: 11:58:00pm<br />
End: 12:03:00am</td></tr><tr><th>Num Laps</th><td>2</td></tr></tbody></table>
<script>var lapsObj = LAPS;</script></body></html>"""


def laps_page(laps: str) -> str:
    return LAPS_PAGE.replace("LAPS", laps)


def test_session_laps_read_as_a_literal_with_invalid_laps_and_midnight():
    text = laps_page(
        """[{'x': '2', "lap_time": "1:02.5", "date": "2025-10-26", "time": "00:00:10",
        "is_valid": "0"}, {"x":"1","lap_time":"40.100","date":"2025-10-25","time":"23:59:07",
        "time_display":"11:59:07pm","is_valid":"1",},]"""
    )
    session = parse_practice_session(text, SESSION_URL, "1")
    assert [(lap.lap_number, lap.lap_time_seconds, lap.valid) for lap in session.laps] == [
        (1, 40.1, True),
        (2, 62.5, False),
    ]
    assert session.ended_at == datetime(2025, 10, 26, 0, 3)


@pytest.mark.parametrize(
    ("laps", "what"),
    [
        ("[{", "lapsObj is not a readable array"),
        ('{"x": "1"}', "lapsObj is not an array"),
        ('["1"]', "lapsObj[0] is not an object"),
        ('[{"x": "one", "lap_time": "40.1"}]', "no lap number"),
        ('[{"x": "1", "lap_time": "fast"}]', "no readable lap_time"),
        ('[{"x": "1", "lap_time": "40"}, {"x": "1", "lap_time": "41"}]', "a lap number twice"),
        ("[" * 5000 + "]" * 5000, "lapsObj"),
    ],
)
def test_malformed_laps_obj_is_a_parse_error(laps, what):
    with pytest.raises(ParseError, match="lapsObj") as caught:
        parse_practice_session(laps_page(laps), SESSION_URL, "1")
    assert what in str(caught.value)


# --- broken pages -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parse", "what"),
    [
        (lambda t: parse_practice_calendar(t, MONTH_URL, SLUG), "no practice calendar"),
        (lambda t: parse_practice_day(t, DAY_URL, SLUG), "no practice session list"),
        (lambda t: parse_practice_session(t, SESSION_URL, "1"), "no practice session facts"),
    ],
)
def test_a_page_of_another_kind_or_empty_is_a_parse_error(sample, parse, what):
    for text in (
        "<html><body><p>Maintenance</p></body></html>",
        sample("track-dashboard_trc.html"),
    ):
        with pytest.raises(ParseError, match=what):
            parse(text)
    with pytest.raises(ParseError, match="empty"):
        parse("  ")


def test_truncated_pages_are_parse_errors_or_fewer_rows(sample):
    day = sample(DAY)
    cut = day[: day.index("practice_session_list")]  # before the session list
    with pytest.raises(ParseError, match="no practice session list"):
        parse_practice_day(cut, DAY_URL, SLUG)
    session = sample(SESSION)
    cut = session[: session.index("var lapsObj") + 40]  # inside lapsObj
    with pytest.raises(ParseError, match="lapsObj"):
        parse_practice_session(cut, SESSION_URL, "21289501")
    month = sample(MONTH)
    with pytest.raises(ParseError, match="no practice calendar"):
        parse_practice_calendar(month.replace("# Sessions", "Sessions"), MONTH_URL, SLUG)


def test_tables_are_found_by_headers_not_classes(sample):
    day = (
        sample(DAY).replace("practice_session_list", "renamed").replace('class="table', 'class="t')
    )
    assert len(parse_practice_day(day, DAY_URL, SLUG).sessions) == 56
    flat = " ".join(sample(SESSION).split())  # formatter-proof: whitespace does not matter
    assert len(parse_practice_session(flat, SESSION_URL, "21289501").laps) == 5


# --- fuzzing ------------------------------------------------------------------------


@pytest.mark.samples
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_mutated_practice_pages_give_records_or_parse_error(sample, data):
    name, parse = data.draw(
        st.sampled_from(
            [
                (MONTH, lambda t: parse_practice_calendar(t, MONTH_URL, SLUG)),
                (DAY, lambda t: parse_practice_day(t, DAY_URL, SLUG)),
                (SESSION, lambda t: parse_practice_session(t, SESSION_URL, "1")),
            ]
        )
    )
    text = sample(name)
    if name == SESSION and data.draw(st.booleans()):
        start = text.index("var lapsObj")
        end = text.index("];", start) + 2
    else:
        start, end = 0, len(text)
    at = data.draw(st.integers(start, end))
    length = data.draw(st.integers(0, 400))
    replacement = data.draw(st.sampled_from(["", "<", "[", "{", '"', "</table>", "\x00", "é"]))
    mutated = text[:at] + replacement + text[at + length :]
    with contextlib.suppress(ParseError, WrongPageError):
        parse(mutated)
