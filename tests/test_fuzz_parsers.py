"""Fuzzing the LiveRC parsers with mutated pages: records or ParseError, never anything else.

Mutations cut, repeat, replace or truncate a stretch of a page, anywhere or
inside the racerLaps script; run on the real pages and on generated ones.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mre_core.errors import ParseError
from mre_liverc.pages import entry_list, race_result
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
def test_degenerate_pages_are_refused(kind, text):
    with pytest.raises(ParseError) as info:
        PARSERS[kind](text)
    assert info.value.url.startswith("https://") and info.value.detail


# --- hand-made pages with values the readers once could not hold -------------------

RACE_URL = "https://t.liverc.com/results/?p=view_race_result&id=1"
HUGE = "9" * 5000  # past the 4,300 digits int() converts


def race_page(cells: dict[str, str], laps: str, length: str = "5:00 Timed") -> str:
    """One driver (id 7) in a results table with `cells` as columns, and `laps`
    as the `laps` array of its racerLaps block."""
    headers = "".join(f"<th>{header}</th>" for header in cells)
    row = "".join(
        f'<td><span class="driver_name">{text}</span><a class="driver_laps" data-driver-id="7">'
        "laps</a></td>"
        if header == "Driver"
        else f"<td>{text}</td>"
        for header, text in cells.items()
    )
    return (
        f"<html><body><script>racerLaps[7] = {{'driverName' : 'ANN LEE', 'laps' : {laps}}};"
        '</script><table class="race_result"><thead><tr><th colspan="9">'
        f'<span class="class_sub_header">Length: {length}</span></th></tr><tr>{headers}</tr>'
        f"</thead><tbody><tr>{row}</tr></tbody></table></body></html>"
    )


def js_laps(*times: str) -> str:
    return (
        "["
        + ", ".join(
            f"{{'lapNum' : '{n}', 'pos' : '1', 'time' : '{t}'}}" for n, t in enumerate(times, 1)
        )
        + "]"
    )


def anomalies(monkeypatch, module) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(module, "anomaly", lambda url, detail: seen.append(detail))
    return seen


@pytest.mark.parametrize(
    ("total", "odd"),
    [
        ("2/1:45.300", []),
        ("2/1:45.400", ["'ANN LEE': laps add up to 105.300 s, Laps/Time says 105.400 s"]),
    ],
)
def test_laps_in_clock_format_add_up_exactly(monkeypatch, total, odd):
    seen = anomalies(monkeypatch, race_result)
    cells = {"Pos": "1", "Driver": "ANN LEE", "Laps/Time": total}
    page = race_page(cells, js_laps("1:05.300", "40.000"))
    [result] = parse_race_result(page, RACE_URL, "1").results
    assert [(lap.lap_time_seconds, lap.lap_time_raw) for lap in result.laps] == [
        (65.3, "1:05.300"),
        (40.0, "40.000"),
    ]
    assert seen == odd


@pytest.mark.parametrize("shown", ["sNaN", "NaN", "Infinity", "-Infinity", "1e999"])
def test_a_statistic_that_is_not_a_finite_number_is_none(shown):
    cells = {
        "Pos": "1",
        "Driver": "ANN LEE",
        "Laps/Time": "1/40.000",
        "Std. Deviation": shown,
        "Consistency": shown + "%",
    }
    [result] = parse_race_result(race_page(cells, js_laps("40.000")), RACE_URL, "1").results
    assert (result.std_deviation, result.consistency) == (None, None)


def test_numbers_of_absurd_length_are_not_understood(monkeypatch):
    seen = anomalies(monkeypatch, race_result)
    cells = {
        "Pos": HUGE,
        "Qual": HUGE,
        "Driver": "ANN LEE",
        "Laps/Time": f"{HUGE}/1:00.000",
        "Behind": f"{HUGE} Laps",
        "Fastest Lap": f"40.000<sup>{HUGE}</sup>",
    }
    page = race_page(cells, js_laps("40.000"), length=f"{HUGE} Laps")
    race = parse_race_result(page, RACE_URL, "1")
    [result] = race.results
    assert (race.duration_raw, race.duration_laps, race.duration_seconds) == (
        f"{HUGE} Laps",
        None,
        None,
    )
    assert (result.position_final, result.qualifying_position, result.laps_completed) == (
        None,
        None,
        1,
    )
    assert (result.behind_raw, result.behind_laps, result.behind_seconds) == (
        f"{HUGE} Laps",
        None,
        None,
    )
    assert (result.fast_lap_time, result.fast_lap_number) == (40.0, None)
    assert seen == [
        f"race length '{HUGE} Laps' not understood",
        f"Laps/Time '{HUGE}/1:00.000' of 'ANN LEE' not understood",
    ]


@pytest.mark.parametrize(
    ("laps", "detail"),
    [
        (
            f"[{{'lapNum' : '{HUGE}', 'pos' : '1', 'time' : '40.000'}}]",
            "racerLaps[7] has a lap without lapNum or time: "
            f"{{'lapNum': '{HUGE}', 'pos': '1', 'time': '40.000'}}",
        ),
        (
            f"[{{'lapNum' : {HUGE}, 'pos' : '1', 'time' : '40.000'}}]",
            "racerLaps[7] is not a readable object: Exceeds the limit (4300 digits) for integer "
            "string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to "
            "increase the limit",
        ),
        (
            "[{'lapNum' : '1', 'pos' : '1', 'time' : '40.000', 'pace' : '\\u{110000}'}]",
            "racerLaps[7] is not a readable object: Invalid \\uXXXX escape: line 1 column 82 "
            "(char 81)",
        ),
        (
            "[" * 100_000,
            "racerLaps[7] is not a readable object: Error parsing input near character 100038",
        ),
        (
            "[" * 100_000 + "]" * 100_000,  # balanced: read by chompjs, then refused
            "racerLaps[7] is not a readable object: "
            "objects and arrays nested 100001 deep, over 200",
        ),
        (
            "[" * 200 + "]" * 200,  # the block's "{" is one level more: 201
            "racerLaps[7] is not a readable object: objects and arrays nested 201 deep, over 200",
        ),
    ],
)
def test_a_racerlaps_block_python_cannot_hold_is_a_parse_error(laps, detail):
    # chompjs reads the block and says where it stopped (in the block's text);
    # json says where in chompjs's reading (JSON text without the spaces).
    cells = {"Pos": "1", "Driver": "ANN LEE", "Laps/Time": "1/40.000"}
    with pytest.raises(ParseError) as info:
        parse_race_result(race_page(cells, laps), RACE_URL, "1")
    assert (info.value.url, info.value.detail) == (RACE_URL, detail)


def test_a_racerlaps_block_nested_200_deep_is_read(monkeypatch):
    # The block, its laps array and 198 arrays in that: 200 levels, the most allowed.
    # Its one "lap" is no object: a parse error of the lap, not of the nesting.
    cells = {"Pos": "1", "Driver": "ANN LEE", "Laps/Time": "1/40.000"}
    page = race_page(cells, "[" + "[" * 198 + "]" * 198 + "]")
    with pytest.raises(ParseError) as info:
        parse_race_result(page, RACE_URL, "1")
    assert info.value.detail == "racerLaps[7] has a lap that is not an object"


def test_a_race_number_of_absurd_length_is_kept_in_the_title():
    page = (
        '<h3 class="page-header">E</h3><table><tr><td>'
        f'<a href="?p=view_race_result&amp;id=3">Race {HUGE}: Buggy (Buggy A-Main)</a>'
        "</td></tr></table>"
    )
    [race] = parse_event_races(page, "https://t.liverc.com/results/?p=view_event&id=1", "t")
    assert (race.source_race_id, race.race_number, race.class_name, race.race_label) == (
        "3",
        None,
        f"Race {HUGE}: Buggy",
        "Buggy A-Main",
    )


def test_a_repeated_header_does_not_hide_a_short_row():
    # "Event Name" twice is one key of the column map, so it has 2 keys for 3
    # columns; a 2-cell row must still be skipped, not read past its end.
    page = (
        '<table id="events"><thead><tr><th>Event Name</th><th>Event Name</th><th>Date</th>'
        "</tr></thead><tbody>"
        '<tr><td>x</td><td><a href="?p=view_event&amp;id=5">Short</a></td></tr>'
        '<tr><td>x</td><td><a href="?p=view_event&amp;id=6">Full</a></td>'
        "<td>Nov 16, 2025</td></tr></tbody></table>"
    )
    events = parse_track_events(page, "https://t.liverc.com/events/", "t")
    assert [(e.source_event_id, e.event_name, e.event_date) for e in events] == [
        ("6", "Full", datetime(2025, 11, 16))
    ]


@pytest.mark.parametrize(
    ("banner", "odd"),
    [
        ("Entries: 3", ["'Buggy' says 3 entries but lists 2"]),
        ('<span class="hidden">Entries: 3</span>', []),  # not shown: no count
        ("Entries: 2", []),
        (f"Entries: {HUGE}", []),  # no count LiveRC shows
    ],
)
def test_an_entry_list_checks_its_declared_count(monkeypatch, banner, odd):
    seen = anomalies(monkeypatch, entry_list)
    page = (
        '<table><thead><tr><th colspan="2"><div class="class_header">Buggy</div>'
        f'<div class="class_sub_header">{banner}</div></th></tr><tr><th>#</th><th>Driver</th>'
        "</tr></thead><tbody><tr><td>1</td><td>ANN LEE</td></tr><tr><td>2</td><td>BO KIM</td>"
        "</tr></tbody></table>"
    )
    entries = parse_entry_list(page, "https://t.liverc.com/results/?p=view_entry_list&id=1")
    assert [(e.class_name, e.display_name) for e in entries] == [
        ("Buggy", "ANN LEE"),
        ("Buggy", "BO KIM"),
    ]
    assert seen == odd
