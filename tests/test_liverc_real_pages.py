"""The LiveRC parsers on the real pages in ../shared/liverc-samples.

Every expected value below was read off the page by hand (the line in the
page is named where it helps). A page added to the samples folder fails
`test_every_sample_page_is_accounted_for` until a test covers it.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from mre_core.errors import ParseError
from mre_liverc.pages.catalogue import parse_catalogue
from mre_liverc.pages.entry_list import parse_entry_list
from mre_liverc.pages.event_hub import parse_event_races
from mre_liverc.pages.race_result import parse_race_result
from mre_liverc.pages.track_events import parse_track_events

CANBERRA = "canberraoffroad"
EVENTS_URL = "https://canberraoffroad.liverc.com/events/"
EVENT_URL = "https://canberraoffroad.liverc.com/results/?p=view_event&id=486677"
ENTRY_URL = "https://silverstate.liverc.com/results/?p=view_entry_list&id=1"


def race_url(race_id: str) -> str:
    return f"https://canberraoffroad.liverc.com/results/?p=view_race_result&id={race_id}"


# Which parser reads which sample page; pages mre does not fetch are listed
# with the reason, and each must be refused by the parser a confused caller
# would try first.
IN_SCOPE = {
    "track-catalogue.html",
    "track-events_canberraoffroad.html",
    "event_canberraoffroad_486677.html",
    "entry-list_silverstate_2025.html",
    "race-result_canberraoffroad_6304822.html",
    "race-result_canberraoffroad_6304829.html",
}
OUT_OF_SCOPE = {
    "track-dashboard_canberraoffroad.html": "track dashboard: nothing mre stores comes from it",
    "track-dashboard_bayrc.html": "track dashboard",
    "track-dashboard_trc.html": "track dashboard",
    "track-dashboard_thunderalley.html": "track dashboard",
    "qual-points_psycho-nitro-blast-19.html": "qualifying points: derived from race results",
    "practice-month_canberraoffroad_2025-10.html": "practice: not part of events",
    "practice-day_canberraoffroad_2025-10-25.html": "practice: not part of events",
    "practice-session_canberraoffroad_21289501.html": "practice: not part of events",
}


def test_every_sample_page_is_accounted_for(samples):
    pages = {p.name for p in samples.glob("*.html")}
    assert pages == IN_SCOPE | set(OUT_OF_SCOPE)


@pytest.mark.parametrize("name", sorted(OUT_OF_SCOPE))
def test_pages_mre_does_not_read_are_refused_not_misread(sample, name):
    text = sample(name)
    with pytest.raises(ParseError):
        parse_race_result(text, "https://x.liverc.com/p", "1")
    with pytest.raises(ParseError):
        parse_track_events(text, "https://x.liverc.com/events/", "x")
    with pytest.raises(ParseError):
        parse_catalogue(text)


# --- track catalogue ------------------------------------------------------------


def test_catalogue_lists_every_track_once_with_lower_case_slugs(sample):
    tracks = parse_catalogue(sample("track-catalogue.html"))
    assert len(tracks) == 1090
    assert len({t.source_track_slug for t in tracks}) == 1090
    assert all(t.source_track_slug == t.source_track_slug.lower() for t in tracks)
    first = tracks[0]
    assert (first.source_track_slug, first.track_name, first.extra) == (
        "raceplacerc",
        "Race Place RC",
        {"last_updated": "1 minute ago", "last_updated_at": None},  # no fetch time given
    )
    assert first.track_url == "https://raceplacerc.liverc.com/"
    assert first.events_url == "https://raceplacerc.liverc.com/events/"


def test_catalogue_lower_cases_the_camel_case_slug(sample):
    tracks = {t.source_track_slug: t for t in parse_catalogue(sample("track-catalogue.html"))}
    fast = tracks["fastandfuntoyandhobby"]
    assert fast.track_name == "Fast and Fun Toy and Hobby"
    assert fast.extra["last_updated"] == "Yesterday"
    assert fast.track_url == "https://fastandfuntoyandhobby.liverc.com/"


# --- a track's events -------------------------------------------------------------


def test_track_events_page(sample):
    events = parse_track_events(sample("track-events_canberraoffroad.html"), EVENTS_URL, CANBERRA)
    assert len(events) == 100
    by_id = {e.source_event_id: e for e in events}
    first = events[0]
    assert first.source_event_id == "486677"
    assert first.event_name == "Cormcc 2025 Rudi Wensing Memorial, Clay Cup"
    assert first.event_date == datetime(2025, 11, 16, 8, 30)
    assert first.event_end_date is None
    assert (first.event_entries, first.event_drivers) == (71, 60)
    assert first.event_url == EVENT_URL
    two_days = by_id["467750"]  # "May 3, 2025 to <br />May 4, 2025"
    assert two_days.event_name == "Raw Speed 2025 Round 1"
    assert two_days.event_date == datetime(2025, 5, 3, 9, 0)
    assert two_days.event_end_date == date(2025, 5, 4)
    assert (two_days.event_entries, two_days.event_drivers) == (50, 48)
    empty = by_id["474381"]
    assert (empty.event_name, empty.event_entries, empty.event_drivers) == ("T", 0, 0)


# --- event hub --------------------------------------------------------------------


def test_event_hub_lists_32_races_in_the_order_they_were_run(sample):
    races = parse_event_races(sample("event_canberraoffroad_486677.html"), EVENT_URL, CANBERRA)
    assert len(races) == 32
    assert [r.race_order for r in races] == list(range(1, 33))
    first, last = races[0], races[-1]
    assert first.source_race_id == "6295537"
    assert (first.round_name, first.race_number) == ("Qualifier Round 1", 1)
    assert (first.class_name, first.race_label) == (
        "1/8 Electric Buggy",
        "1/8 Electric Buggy (Heat 1/3)",
    )
    assert first.completed_at == datetime(2025, 11, 16, 8, 22)
    assert first.completed_at_raw == "Nov 16, 2025 at 8:22am"
    assert last.source_race_id == "6304829"
    assert (last.round_name, last.race_number) == ("Main Events", 14)
    assert (last.class_name, last.race_label) == ("1/8 Nitro Buggy", "1/8 Nitro Buggy A-Main")
    assert last.completed_at == datetime(2025, 11, 16, 17, 30)
    assert last.race_url == race_url("6304829")
    rounds = [r.round_name for r in races]
    assert [
        rounds.count(n)
        for n in ("Qualifier Round 1", "Qualifier Round 2", "Qualifier Round 3", "Main Events")
    ] == [6, 6, 6, 14]


# --- entry list -------------------------------------------------------------------


def test_entry_list_reads_every_class_and_both_name_forms(sample):
    entries = parse_entry_list(sample("entry-list_silverstate_2025.html"), ENTRY_URL)
    assert len(entries) == 724
    classes = {}
    for e in entries:
        classes[e.class_name] = classes.get(e.class_name, 0) + 1
    assert len(classes) == 18
    assert classes["40+ Electric Buggy"] == 30  # "Entries: 30"
    assert classes["Pro Electric Truck"] == 25
    first = entries[0]
    assert (first.class_name, first.display_name, first.sort_name, first.transponder_number) == (
        "40+ Electric Buggy",
        "RICHARD BRATTON",
        "BRATTON, RICHARD",
        "3326002",
    )
    assert first.car_number is None  # the '#' column is a row counter, not a car number
    oconnor = [e for e in entries if e.display_name == "SHANE O'CONNOR"]
    assert sorted(e.transponder_number for e in oconnor) == [
        "1068470",
        "3228084",
        "4107316",
        "5549197",
    ]
    savoya = next(e for e in entries if e.display_name == "RENO SAVOYA")
    assert savoya.transponder_number == "2222363/2"


# --- race results -----------------------------------------------------------------


def test_race_6304829_results_table(sample):
    detail = parse_race_result(
        sample("race-result_canberraoffroad_6304829.html"), race_url("6304829"), "6304829"
    )
    assert (detail.duration_raw, detail.duration_seconds, detail.duration_laps) == (
        "30:00 Timed",
        1800.0,
        None,
    )
    results = detail.results
    assert len(results) == 12
    assert sum(r.laps_completed for r in results) == 444
    winner = results[0]
    assert (
        winner.position_final,
        winner.source_driver_id,
        winner.display_name,
        winner.car_number,
    ) == (
        1,
        "346997",
        "FELIX KOEGLER",
        "1",
    )
    assert (winner.qualifying_position, winner.laps_completed, winner.total_time_seconds) == (
        1,
        47,
        1831.382,
    )
    assert winner.total_time_raw == "47/30:31.382"
    assert (winner.behind_raw, winner.behind_seconds, winner.behind_laps) == (None, None, None)
    assert (winner.fast_lap_time, winner.fast_lap_number) == (37.234, 10)
    assert (winner.avg_lap_time, winner.avg_top5, winner.avg_top10, winner.avg_top15) == (
        38.983,
        37.267,
        37.362,
        37.468,
    )
    assert winner.top3_consecutive == 111.828  # shown "1:51.828"
    assert (winner.std_deviation, winner.consistency) == (2.8, 92.82)
    assert winner.top2_consecutive == 74.504  # only in racerLaps
    assert winner.raw_cells["Fastest Lap"] == "37.234 10"
    assert winner.raw_cells["Top 3 Consecutive"] == "1:51.828"
    second = results[1]
    assert (second.display_name, second.behind_raw, second.behind_seconds) == (
        "ARI BAKLA",
        "12.052",
        12.052,
    )
    third = results[2]
    assert (third.display_name, third.behind_raw, third.behind_laps, third.behind_seconds) == (
        "JIMMY HORNE",
        "1 Lap",
        1,
        None,
    )
    reynolds = results[10]
    assert (reynolds.display_name, reynolds.total_time_seconds, reynolds.behind_laps) == (
        "RYAN REYNOLDS",
        513.797,
        9,
    )
    assert reynolds.avg_top15 is None  # 13 laps: the cell is empty


def test_race_6304829_laps(sample):
    detail = parse_race_result(
        sample("race-result_canberraoffroad_6304829.html"), race_url("6304829"), "6304829"
    )
    laps = detail.results[0].laps
    assert len(laps) == 47
    assert [lap.lap_number for lap in laps] == list(
        range(1, 48)
    )  # lap 0, the grid slot, is not a lap
    assert (
        laps[0].lap_time_seconds,
        laps[0].lap_time_raw,
        laps[0].position_on_lap,
        laps[0].pace,
    ) == (
        38.17,
        "38.17",
        1,
        "48/30:32.160",
    )
    assert (laps[1].lap_time_seconds, laps[1].pace) == (37.922, "48/30:26.208")
    assert laps[9].lap_time_seconds == 37.234  # the fastest lap, lap 10


def test_a_non_starter_is_identified_through_racerlaps(sample):
    detail = parse_race_result(
        sample("race-result_canberraoffroad_6304829.html"), race_url("6304829"), "6304829"
    )
    lander = detail.results[11]
    # No data-driver-id in the row; racerLaps[731648] carries the name.
    assert (lander.display_name, lander.source_driver_id, lander.position_final) == (
        "RILEY LANDER",
        "731648",
        12,
    )
    assert (lander.laps_completed, lander.total_time_seconds, lander.started, lander.laps) == (
        0,
        None,
        False,
        [],
    )
    assert (lander.behind_raw, lander.behind_laps) == ("13 Laps", 13)
    assert (lander.fast_lap_time, lander.avg_lap_time, lander.consistency) == (None, None, None)


def test_race_6304822_three_non_starters(sample):
    detail = parse_race_result(
        sample("race-result_canberraoffroad_6304822.html"), race_url("6304822"), "6304822"
    )
    assert detail.duration_seconds == 600.0  # "10:00 Timed"
    assert len(detail.results) == 10
    assert sum(r.laps_completed for r in detail.results) == 96
    did_not_start = [
        (r.display_name, r.source_driver_id, r.behind_raw) for r in detail.results if not r.started
    ]
    assert did_not_start == [
        ("RILEY LANDER", "731648", "9 Laps"),
        ("STEPHEN SNEDDEN", "505722", "0.000"),
        ("LEE BAGGULEY", "433628", "0.000"),
    ]
    assert detail.results[0].source_driver_id == "298958"
    assert detail.results[0].total_time_seconds == 614.477  # "16/10:14.477"


@pytest.mark.parametrize("race_id", ["6304822", "6304829"])
def test_every_finishers_laps_add_up_to_the_results_total(sample, race_id):
    detail = parse_race_result(
        sample(f"race-result_canberraoffroad_{race_id}.html"), race_url(race_id), race_id
    )
    finishers = [r for r in detail.results if r.started]
    assert finishers
    for result in finishers:
        assert len(result.laps) == result.laps_completed
        lap_sum = sum(Decimal(lap.lap_time_raw) for lap in result.laps)
        _, shown_total = result.total_time_raw.split("/")
        minutes, seconds = shown_total.split(":")
        assert lap_sum == 60 * int(minutes) + Decimal(seconds), result.display_name
