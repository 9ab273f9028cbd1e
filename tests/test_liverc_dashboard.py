"""The LiveRC track dashboard parser (issue #13): address, contact, lifetime stats.

Expected values were read by hand from the four real dashboards in ../shared/liverc-samples.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mre_core.errors import ParseError
from mre_liverc.pages.dashboard import parse_dashboard


def dashboard(sample, slug):  # type: ignore[no-untyped-def]
    return parse_dashboard(
        sample(f"track-dashboard_{slug}.html"), f"https://{slug}.liverc.com/", slug
    )


def test_canberra_dashboard(sample):
    track = dashboard(sample, "canberraoffroad")
    assert track.track_name == "Canberra Off Road Model Car Club"
    assert track.address_lines == ("Kyeema Street", "Narrabundah 02604", "Australia")
    assert (track.street, track.city, track.region, track.postal_code) == (
        "Kyeema Street",
        "Narrabundah",
        None,
        "02604",
    )
    assert (track.country, track.country_code) == ("Australia", "AU")
    assert track.phone is None  # "P: N/A"
    assert track.website == "http://www.cormcc.org"
    assert (track.latitude, track.longitude) == (None, None)
    assert track.description is None
    assert (
        track.lifetime_laps,
        track.lifetime_practice_sessions,
        track.lifetime_races,
        track.lifetime_entries,
        track.lifetime_events,
    ) == (230327, 8405, 1894, 3132, 102)
    assert track.stats_raw["laps"] == "230,327"


def test_us_dashboards_have_state_and_zip(sample):
    trc = dashboard(sample, "trc")
    assert trc.track_name == "Thornhill Racing Circuit"
    assert (trc.street, trc.city, trc.region, trc.postal_code, trc.country_code) == (
        "1575 CR101",
        "Hutto",
        "TX",
        "78634",
        "US",
    )
    assert trc.country == "United States"
    assert trc.lifetime_laps == 2762097
    assert trc.description is not None and trc.description.startswith("Thornhill offers 2 tracks")
    alley = dashboard(sample, "thunderalley")
    assert alley.phone == "+1 252-291-4088"
    assert alley.website == "http://www.thunder-alley.com/"
    assert (alley.city, alley.region, alley.postal_code) == ("Lucama", "NC", "27851")
    assert alley.lifetime_events == 898
    assert alley.description is not None and alley.description.count("\n") == 7


def test_bayrc_dashboard(sample):
    bay = dashboard(sample, "bayrc")
    assert bay.track_name == "BBRCC Off-Road"
    assert bay.phone == "+61 403 594 396"
    assert bay.address_lines == ("Hanging Rock Complex", "Batemans Bay A2536", "Australia")
    assert (bay.city, bay.postal_code) == ("Batemans Bay", "A2536")  # as the club typed it
    assert (bay.lifetime_races, bay.lifetime_events) == (937, 54)


def test_coordinates_when_the_map_names_them():
    page = """<html><body><h1>Some Track's Dashboard</h1><address><strong>Some Track</strong>
    <br>1 Road<br>Town 1234<br>Australia<br><br><abbr>P:</abbr> 555</address>
    <iframe src="https://www.google.com/maps/embed/v1/place?key=k&q=-35.3,149.1"></iframe>
    </body></html>"""
    track = parse_dashboard(page, "https://some.liverc.com/", "some")
    assert (track.latitude, track.longitude) == (-35.3, 149.1)
    assert (track.phone, track.street, track.lifetime_laps) == ("555", "1 Road", None)


def test_a_page_that_is_no_dashboard_is_a_parse_error(sample):
    with pytest.raises(ParseError, match="no track details"):
        parse_dashboard(
            sample("practice-session_canberraoffroad_21289501.html").replace("Transponder", "T"),
            "https://canberraoffroad.liverc.com/",
            "canberraoffroad",
        )
    with pytest.raises(ParseError, match="no track details"):
        parse_dashboard("<html><p>down</p></html>", "https://x.liverc.com/", "x")
    with pytest.raises(ParseError, match="empty"):
        parse_dashboard("", "https://x.liverc.com/", "x")


def test_truncated_dashboard(sample):
    text = sample("track-dashboard_canberraoffroad.html")
    cut = text[: text.index("<address")]
    with pytest.raises(ParseError, match="no track details"):
        parse_dashboard(cut, "https://canberraoffroad.liverc.com/", "canberraoffroad")


@pytest.mark.samples
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_mutated_dashboards_give_a_record_or_parse_error(sample, data):
    slug = data.draw(st.sampled_from(["canberraoffroad", "bayrc", "trc", "thunderalley"]))
    text = sample(f"track-dashboard_{slug}.html")
    at = data.draw(st.integers(0, len(text)))
    length = data.draw(st.integers(0, 1000))
    replacement = data.draw(st.sampled_from(["", "<", "<br>", "</address>", "q=1,2", "\x00"]))
    with contextlib.suppress(ParseError):
        parse_dashboard(
            text[:at] + replacement + text[at + length :], "https://x.liverc.com/", slug
        )
