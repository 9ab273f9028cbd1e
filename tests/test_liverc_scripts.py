"""racerLaps read by chompjs (`mre_liverc.scripts`): the same values as the strict
JavaScript reader on every real race page, and a ScriptLiteralError, never another
exception or a hang, on anything else.

`mre_liverc.jsliteral`, the strict reader the connector used before, is no
longer used by it; it is kept here as the reference chompjs is held to.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mre_core.errors import ParseError
from mre_liverc.jsliteral import parse_literal
from mre_liverc.pages.html import page_tree
from mre_liverc.pages.race_result import (
    _BLOCK,
    _racer_laps,
    _racer_laps_scripts,
    parse_race_result,
)
from mre_liverc.scripts import MAX_DEPTH, ScriptLiteralError, nesting, read_literal
from tests.liverc_site import SitePages, generate_site, race_url

REAL_RACES = [
    "race-result_canberraoffroad_6304822.html",
    "race-result_canberraoffroad_6304829.html",
]


def _blocks_both_ways(text: str) -> tuple[dict[str, object], dict[str, object]]:
    """Each racerLaps block of a page: as the connector reads it (chompjs), and as
    the strict JavaScript reader reads the same text."""
    root = page_tree(text, "https://t.liverc.com/r")
    strict = {}
    for script in _racer_laps_scripts(root):
        for match in _BLOCK.finditer(script):
            value, _ = parse_literal(script, match.end())
            strict[match.group(1) or match.group(2) or match.group(3)] = value
    return _racer_laps(root, "https://t.liverc.com/r"), strict


@pytest.mark.parametrize("name", REAL_RACES)
def test_chompjs_reads_every_real_race_page_as_the_strict_reader_does(sample, name):
    chomped, strict = _blocks_both_ways(sample(name))
    assert chomped == strict
    assert len(chomped) in (10, 12)  # every driver of the race has a block
    laps = sum(len(block["laps"]) for block in chomped.values())
    assert laps > 96  # the laps (and each finisher's grid slot) are all there


def test_chompjs_reads_generated_pages_as_the_strict_reader_does():
    # The generator writes names with apostrophes (O\'CONNOR): escapes are read too.
    site = generate_site(5, tracks=1, events_per_track=1, races=8, drivers_per_race=10)
    pages = SitePages(site)
    track = site.tracks[0]
    escaped = 0
    for race in track.events[0].races:
        text = pages[race_url(track.slug, race.race_id)].decode()
        chomped, strict = _blocks_both_ways(text)
        assert chomped == strict and len(chomped) == 10
        escaped += "\\'" in text
    assert escaped, "no page with an escaped apostrophe was checked"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{'a': '1', 'b': [ ], }", {"a": "1", "b": []}),
        ("{'name' : 'O\\'LOUGHLIN'}", {"name": "O'LOUGHLIN"}),
        ("{'q': 'He said \"hi\"'}", {"q": 'He said "hi"'}),  # breaks a quote swap into JSON
        ("{a: 'x', \"b\": 'y'}", {"a": "x", "b": "y"}),
        ("{ // a comment\n 'a' /* another */ : '1' }", {"a": "1"}),
        ("{'a': '1'};\nconsole.log(racerLaps[1]);", {"a": "1"}),  # stops after the literal
    ],
)
def test_literals(text, expected):
    assert read_literal(text) == expected


def test_nesting_up_to_the_bound_is_read():
    expected: list[object] = []
    for _ in range(MAX_DEPTH - 1):
        expected = [expected]
    assert read_literal("[" * MAX_DEPTH + "]" * MAX_DEPTH) == expected


# Each of these once hung or crashed the strict reader (2**n backtracking over
# tabs or backslash-newlines, n**2 over spaces, recursion 100,000 deep, numbers
# and escapes Python cannot hold). The test timeout is the guard; nothing is timed.
@pytest.mark.parametrize(
    "text",
    [
        "{'a' : 'b', 'laps' : [" + "\t" * 120 + "};",
        "{'a' : 'b'," + "\t" * 120 + "/* c */ ;",
        "{'a': '" + "\\\n" * 100_000 + "x",
        '{"a": "' + "\\\n" * 100_000 + "x",
        "{'a':'b'" + " " * 3_000_000 + "x",
        "[{'a':'b'" + " " * 3_000_000 + "x",
        "[" * 1_000_000,
        "[" * 1_000_000 + "]" * 1_000_000,
        "{'a':" * 100_000 + "'b'" + "}" * 100_000,
        "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
        "[" + "9" * 5000 + "]",
        "{'e': 'ab\\u{110000}'}",
        "{'e': '\\x41'}",  # legal JavaScript that chompjs hands to json as is
        "{'a': '\ud800'}",  # a lone surrogate
        "{'a': '\x00'}",
        "{'a': 'unterminated}",
        "{'a': 'b'",
        "{'a': 'x' + 'y'}",
        "",
        "racerLaps",
        "'a string'",
    ],
)
def test_what_is_not_read_is_a_script_literal_error(text):
    with pytest.raises(ScriptLiteralError):
        read_literal(text)


def test_nesting_is_read_without_recursion():
    assert nesting('{"a":[{"b":"[[[\\"]]"}]}') == 3
    assert nesting("1") == 0
    assert nesting('"["') == 0
    assert nesting("[" * 1_000_000 + "]" * 1_000_000) == 1_000_000


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="{}[]:,'\"\\ab01.-\n /*\t", max_size=40))
def test_arbitrary_text_gives_a_value_or_a_script_literal_error(text):
    with contextlib.suppress(ScriptLiteralError):
        read_literal("{" + text)


# --- through the page parser: a ParseError naming the page --------------------------

RACE_URL = "https://t.liverc.com/results/?p=view_race_result&id=1"


@pytest.mark.parametrize(
    ("script", "detail"),
    [
        ("racerLaps[7] = 5;", "racerLaps[7] is not an object"),
        ("racerLaps[7] = ['a'];", "racerLaps[7] is not an object"),
        ("racerLaps[7] = {'laps' : [ };", "racerLaps[7] is not a readable object: "),
        ("racerLaps[7] = {'laps' : 'x'};", "racerLaps[7].laps is not a list"),
        ("racerLaps[7] = {'laps' : ['x']};", "racerLaps[7] has a lap that is not an object"),
        (
            "racerLaps[7] = " + "{'a':" * 300 + "'b'" + "}" * 300 + ";",
            "racerLaps[7] is not a readable object: objects and arrays nested 300 deep, over 200",
        ),
    ],
)
def test_a_broken_block_is_a_parse_error_naming_the_page(script, detail):
    page = (
        f"<script>{script}</script><table><thead><tr><th>Pos</th><th>Driver</th>"
        "<th>Laps/Time</th></tr></thead><tbody><tr><td>1</td><td>ANN LEE "
        '<a data-driver-id="7">laps</a></td><td>1/40.000</td></tr></tbody></table>'
    )
    with pytest.raises(ParseError) as info:
        parse_race_result(page, RACE_URL, "1")
    assert info.value.url == RACE_URL
    assert info.value.detail.startswith(detail)
