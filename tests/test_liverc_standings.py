"""The LiveRC standings parsers (issue #13): qualifying points, multi-main overall results,
and the event page's links to them.

Expected values were read by hand from the real pages in ../shared/liverc-samples. No
real multi-main page was captured: its tests build one in the markup of the
qualifying-points page, with the cells public scrapers of that page describe.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mre_core.errors import ParseError
from mre_liverc.pages.standings import (
    MULTI_MAIN,
    QUALIFYING_POINTS,
    StandingsLink,
    parse_multi_main,
    parse_qualifying_points,
    parse_standings_links,
    standings_url,
)

POINTS = "qual-points_psycho-nitro-blast-19.html"
POINTS_URL = "https://psychonitro.liverc.com/results/?p=view_points&id=7070446"
EVENT_URL = "https://canberraoffroad.liverc.com/results/?p=view_event&id=486677"
MULTI_URL = "https://canberraoffroad.liverc.com/results/?p=view_multi_main_result&id=939156"


def test_qualifying_points_has_every_class(sample):
    standings = parse_qualifying_points(sample(POINTS), POINTS_URL, "7070446")
    assert len(standings) == 13
    assert [s.class_name for s in standings][:3] == [
        "40+ Electric Buggy",
        "40+ Nitro Buggy",
        "Int Electric Buggy",
    ]
    assert sum(len(s.rows) for s in standings) == 721
    assert {s.kind for s in standings} == {QUALIFYING_POINTS}
    assert standings[0].standings_key == "qualifying_points:7070446:40+ Electric Buggy"
    assert standings[0].rule == "Tie Breaker: Best Throwout Then Best Result (Used)"
    # best 1 of 2: every driver has one round that counted
    assert all(sum(r.counted for r in row.rounds) == 1 for s in standings for row in s.rows)


def test_points_of_the_first_three_in_two_classes(sample):
    by_class = {
        s.class_name: s for s in parse_qualifying_points(sample(POINTS), POINTS_URL, "7070446")
    }
    first = by_class["40+ Electric Buggy"].rows
    assert [(r.rank, r.display_name, r.points) for r in first[:3]] == [
        (1, "JASON SCHREFFLER", 0.0),
        (2, "ADAM DRAKE", 0.0),
        (3, "AARON BURAN", 3.0),
    ]
    assert first[0].tie_breaker_raw == "[2] 8/5:20.955 (2)"
    r1, r2 = first[0].rounds
    assert (r1.round_name, r1.points, r1.laps, r1.time_seconds, r1.counted) == (
        "Round 1",
        2.0,
        8,
        332.708,
        False,
    )
    assert (r2.round_name, r2.raw, r2.points, r2.counted) == (
        "Round 2",
        "0 : 8/5:20.955",
        0.0,
        True,
    )
    second = by_class["40+ Nitro Buggy"].rows
    assert [(r.rank, r.display_name, r.points) for r in second[:3]] == [
        (1, "ADAM DRAKE", 0.0),
        (2, "JASON SCHREFFLER", 2.0),
        (3, "AARON BURAN", 2.0),
    ]


def test_dnf_and_dns_rounds(sample):
    standings = parse_qualifying_points(sample(POINTS), POINTS_URL, "7070446")
    russell = next(r for r in standings[0].rows if r.display_name == "ADAM RUSSELL")
    assert (russell.rank, russell.points) == (8, 6.0)
    dnf = russell.rounds[1]
    assert (dnf.raw, dnf.points, dnf.laps, dnf.time_seconds, dnf.status, dnf.counted) == (
        "52 : 0/0.000 (DNF)",
        52.0,
        0,
        0.0,
        "DNF",
        False,
    )
    statuses = {r.status for s in standings for row in s.rows for r in row.rounds}
    assert statuses == {None, "DNF", "DNS"}


def test_event_page_links_its_standings_pages(sample):
    links = parse_standings_links(sample("event_canberraoffroad_486677.html"), EVENT_URL)
    assert links == [
        StandingsLink(QUALIFYING_POINTS, "7070446", "Results (1 of 3)"),
        StandingsLink(MULTI_MAIN, "939156", "1/8 Electric Buggy Triple A-Main Results"),
        StandingsLink(MULTI_MAIN, "939133", "1/8 Electric Buggy Triple B-Main Results"),
        StandingsLink(MULTI_MAIN, "939123", "1/8 Electric Buggy Triple C-Main Results"),
    ]
    assert standings_url("canberraoffroad", MULTI_MAIN, "939156") == MULTI_URL


MULTI_PAGE = """<html><body><h3 class="page-header">Cormcc 2025</h3>
<table class="table renamed"><thead>
<tr><th colspan="7"><span class="class_header">1/8 Electric Buggy (A-Main)</span><br />
<span class="class_sub_header">Tie Breaker: Best Finish Completed: 3 of 3</span></th></tr>
<tr><th>Pos</th><th>Seeded</th><th>Driver</th><th>Points</th><th>A1</th><th>A2</th><th>A3</th></tr>
</thead><tfoot><tr><th>Pos</th><th>Seeded</th><th>Driver</th><th>Points</th><th>A1</th>
<th>A2</th><th>A3</th></tr></tfoot><tbody>
<tr><td>1</td><td>2</td><td>FELIX KOEGLER</td><td>2</td><td><b>1st (1pts) : 16/10:01.133</b></td>
<td><b>1st (1pts) : 16/10:02.000</b></td><td>3rd (3pts) : 15/10:04.100</td></tr>
<tr><td>2</td><td>1</td><td>O'LOUGHLIN  SEAN</td><td>4</td><td>2nd (2pts) : 16/10:05.000</td>
<td><b>2nd (2pts) : 16/10:06.000</b></td><td><b>2nd (2pts) : 15/10:00.500</b></td></tr>
<tr><td>3</td><td>3</td><td>NON STARTER</td><td>16</td><td><b>8th (8pts) : 0/0.000</b></td>
<td><b>8th (8pts) : 0/0.000</b></td><td></td></tr>
</tbody></table></body></html>"""


def test_multi_main_overall_result():
    (standing,) = parse_multi_main(MULTI_PAGE, MULTI_URL, "939156")
    assert (standing.kind, standing.class_name, standing.source_page_id) == (
        MULTI_MAIN,
        "1/8 Electric Buggy (A-Main)",
        "939156",
    )
    assert standing.rule == "Tie Breaker: Best Finish Completed: 3 of 3"
    first, second, third = standing.rows
    assert (first.rank, first.seeded_position, first.display_name, first.points) == (
        1,
        2,
        "FELIX KOEGLER",
        2.0,
    )
    a1 = first.rounds[0]
    assert (a1.round_name, a1.position, a1.points, a1.laps, a1.time_seconds, a1.counted) == (
        "A1",
        1,
        1.0,
        16,
        601.133,
        True,
    )
    assert [r.counted for r in first.rounds] == [True, True, False]
    assert second.display_name == "O'LOUGHLIN SEAN"
    assert [r.round_name for r in third.rounds] == ["A1", "A2"]  # A3 not run: no cell


# --- broken pages -------------------------------------------------------------------


@pytest.mark.parametrize("parse", [parse_qualifying_points, parse_multi_main])
def test_a_page_without_a_standings_table_is_a_parse_error(sample, parse):
    for name in ("track-dashboard_trc.html", "practice-day_canberraoffroad_2025-10-25.html"):
        with pytest.raises(ParseError, match="no standings table"):
            parse(sample(name), POINTS_URL, "1")
    with pytest.raises(ParseError, match="empty"):
        parse("", POINTS_URL, "1")


def test_a_standings_table_without_a_class_is_a_parse_error():
    page = MULTI_PAGE.replace('<span class="class_header">1/8 Electric Buggy (A-Main)</span>', "")
    page = page.replace("Tie Breaker: Best Finish Completed: 3 of 3", "Completed: 3 of 3")
    with pytest.raises(ParseError, match="names no class"):
        parse_multi_main(page, MULTI_URL, "939156")


def test_truncated_points_page_keeps_the_classes_it_has(sample):
    text = sample(POINTS)
    cut = text[: text.index('id="Int_Electric_Buggy_table_3784"')]
    standings = parse_qualifying_points(cut, POINTS_URL, "7070446")
    assert [s.class_name for s in standings] == ["40+ Electric Buggy", "40+ Nitro Buggy"]
    with pytest.raises(ParseError):
        parse_qualifying_points(text[: text.index("40_Electric_Buggy_table_2516")], POINTS_URL, "1")


@pytest.mark.samples
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_mutated_standings_pages_give_records_or_parse_error(sample, data):
    text = data.draw(st.sampled_from([sample(POINTS), MULTI_PAGE]))
    at = data.draw(st.integers(0, len(text)))
    length = data.draw(st.integers(0, 2000))
    replacement = data.draw(st.sampled_from(["", "<", "<b>", "</td>", "</table>", ":", "\x00"]))
    with contextlib.suppress(ParseError):
        parse_qualifying_points(text[:at] + replacement + text[at + length :], POINTS_URL, "1")
