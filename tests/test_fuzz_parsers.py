"""Fuzzing the LiveRC parsers with mutated pages: records or ParseError, never anything else.

Mutations cut, repeat, replace or truncate a stretch of a page, anywhere or
inside the racerLaps script; run on the real pages and on generated ones.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mre_core.errors import ParseError
from mre_liverc.pages.catalogue import parse_catalogue
from mre_liverc.pages.entry_list import parse_entry_list
from mre_liverc.pages.event_hub import parse_event_races
from mre_liverc.pages.race_result import parse_race_result
from mre_liverc.pages.track_events import parse_track_events
from tests.liverc_site import SitePages, generate_site
from tests.liverc_site.site import catalogue_url, entry_list_url, event_url, events_url, race_url

PARSERS = {
    "catalogue": lambda text: parse_catalogue(text, "https://live.liverc.com/"),
    "events": lambda text: parse_track_events(text, "https://t.liverc.com/events/", "t"),
    "event": lambda text: parse_event_races(
        text, "https://t.liverc.com/results/?p=view_event&id=1", "t"
    ),
    "entry list": lambda text: parse_entry_list(
        text, "https://t.liverc.com/results/?p=view_entry_list&id=1"
    ),
    "race": lambda text: parse_race_result(
        text, "https://t.liverc.com/results/?p=view_race_result&id=1", "1"
    ),
}
REAL = {
    "catalogue": "track-catalogue.html",
    "events": "track-events_canberraoffroad.html",
    "event": "event_canberraoffroad_486677.html",
    "entry list": "entry-list_silverstate_2025.html",
    "race": "race-result_canberraoffroad_6304829.html",
}


def generated() -> dict[str, str]:
    site = generate_site(
        11, tracks=2, events_per_track=1, races=3, drivers_per_race=6, laps_per_race=6
    )
    pages = SitePages(site)
    track = site.tracks[0]
    event = next(e for e in track.events if e.races)
    slug = track.slug.lower()
    return {
        "catalogue": pages[catalogue_url()].decode(),
        "events": pages[events_url(slug)].decode(),
        "event": pages[event_url(slug, event.event_id)].decode(),
        "entry list": pages[entry_list_url(slug, event.event_id)].decode(),
        "race": pages[race_url(slug, event.races[-1].race_id)].decode(),
    }


GENERATED = generated()


@st.composite
def mutated(draw, text: str) -> str:
    script = text.find("racerLaps[")
    inside_script = script >= 0 and draw(st.booleans())
    low = script if inside_script else 0
    start = draw(st.integers(low, len(text) - 1))
    length = draw(st.integers(1, 400))
    end = min(len(text), start + length)
    kind = draw(st.sampled_from(["cut", "repeat", "replace", "truncate"]))
    if kind == "cut":
        return text[:start] + text[end:]
    if kind == "repeat":
        return text[:end] + text[start:end] + text[end:]
    if kind == "truncate":
        return text[:start]
    junk = draw(st.text(alphabet="<>/\"'{}[]:,=;\\ abc0123456789.%&#", min_size=1, max_size=20))
    return text[:start] + junk + text[end:]


def check(kind: str, text: str) -> None:
    try:
        PARSERS[kind](text)
    except ParseError as error:
        assert error.url.startswith("https://") and error.detail


@pytest.mark.parametrize("kind", sorted(PARSERS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_generated_pages(kind, data):
    check(kind, data.draw(mutated(GENERATED[kind])))


@pytest.mark.parametrize("kind", sorted(PARSERS))
def test_mutated_real_pages(kind, sample):
    text = sample(REAL[kind])

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def run(data):
        check(kind, data.draw(mutated(text)))

    run()


@pytest.mark.parametrize("kind", sorted(PARSERS))
@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "not html at all",
        "<html></html>",
        "\x00\x01\x02",
        "<table class='race_result'>",
        '{"racerLaps": [1, 2]}',  # a JSON body: parsel would read it as JSON, not HTML
        '<?xml version="1.0"?><table class="race_result"/>',
        "<script>racerLaps[1] = {</script><table class='race_result'><thead><tr><th>Pos</th>"
        "<th>Driver</th><th>Laps/Time</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
    ],
)
def test_degenerate_pages(kind, text):
    check(kind, text)
