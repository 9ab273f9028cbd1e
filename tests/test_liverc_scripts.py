"""racerLaps read by chompjs (`mre_liverc.scripts`): every block of a real or
generated race page read to the values it holds, the rows of a block as LiveRC
writes it equal to json.loads's reading, the race page's readings of the laps
equal to the general ones, and a ScriptLiteralError, never another exception
or a hang, on anything else.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from decimal import Decimal
from math import fsum
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mre_core.errors import ParseError
from mre_core.records import LapRecord
from mre_liverc.pages import race_result
from mre_liverc.pages.html import page_tree
from mre_liverc.pages.race_result import (
    _BLOCK,
    _laps_time,
    _plain_laps,
    _racer_laps_scripts,
    _read_laps,
    _sum_if_not,
    parse_race_result,
)
from mre_liverc.scripts import (
    MAX_DEPTH,
    ScriptLiteralError,
    _as_laid_out,
    _read,
    nesting,
    read_literal,
    read_racer_laps,
)
from mre_liverc.values import laps_time
from tests.liverc_site import SitePages, generate_site, race_url
from tests.liverc_site.formats import js_lap_time

URL = "https://t.liverc.com/results/?p=view_race_result&id=1"
REAL_RACES = [
    "race-result_canberraoffroad_6304822.html",
    "race-result_canberraoffroad_6304829.html",
]


def _literals(text: str) -> dict[str, str]:
    """Each racerLaps block of a race page by driver id: the text the parser hands
    the reader (from the block's "{" to the next assignment)."""
    literals = {}
    for script in _racer_laps_scripts(page_tree(text, URL)):
        matches = list(_BLOCK.finditer(script))
        ends = [match.start() for match in matches[1:]] + [len(script)]
        for match, end in zip(matches, ends, strict=True):
            driver_id = match.group(1) or match.group(2) or match.group(3)
            literals[driver_id] = script[match.end() : end]
    return literals


def _json_laps(rows: list[tuple[str, str, str, str]]) -> list[dict[str, object]]:
    """Rows as the laps json.loads reads from chompjs's JSON (see read_racer_laps)."""
    return [
        {"lapNum": number, "pos": position, "time": time, "pace": pace, "segments": []}
        for number, position, time, pace in rows
    ]


def _value(text: str) -> object:
    """read_racer_laps's reading as one value, as read_literal gives it."""
    value, rows = read_racer_laps(text)
    return value if rows is None else {**value, "laps": _json_laps(rows)}


def _rows_as_json_reads_them(text: str) -> list[tuple[str, str, str, str]]:
    """The rows of a block as LiveRC writes it; and they are json.loads's reading."""
    value, rows = read_racer_laps(text)
    assert rows is not None, "a block as LiveRC writes it is read as rows"
    assert {**value, "laps": _json_laps(rows)} == read_literal(text)
    assert "laps" not in value
    return rows


def test_the_blocks_of_a_real_page_are_what_it_shows(sample):
    blocks = _literals(sample("race-result_canberraoffroad_6304829.html"))
    assert len(blocks) == 12  # every driver of the race, RILEY LANDER (no laps) too
    rows = {driver_id: _rows_as_json_reads_them(text) for driver_id, text in blocks.items()}
    koegler, _ = read_racer_laps(blocks["346997"])  # line 307 of the page
    assert (koegler["driverName"], koegler["fastLap"], koegler["top2Consecutive"]) == (
        "FELIX KOEGLER",
        "37.234",
        "74.504",
    )
    assert rows["346997"][:3] == [
        ("0", "1", "0", "0"),  # the grid slot
        ("1", "1", "38.17", "48/30:32.160"),
        ("2", "1", "37.922", "48/30:26.208"),
    ]
    assert len(rows["346997"]) == 48  # the grid slot and 47 laps
    assert rows["731648"] == []  # did not start
    assert sum(map(len, rows.values())) == 444 + 11  # 444 laps, 11 grid slots


def test_the_blocks_of_the_other_real_page_are_read_as_rows(sample):
    blocks = _literals(sample("race-result_canberraoffroad_6304822.html"))
    rows = [_rows_as_json_reads_them(text) for text in blocks.values()]
    assert len(rows) == 10
    assert sum(map(len, rows)) == 96 + 7  # 96 laps; three drivers did not start


def test_generated_blocks_hold_the_generated_laps():
    # The generator writes names with apostrophes (O\'CONNOR): escapes are read too.
    site = generate_site(5, tracks=1, events_per_track=1, races=8, drivers_per_race=10)
    pages = SitePages(site)
    track = site.tracks[0]
    escaped = 0
    for race in track.events[0].races:
        blocks = _literals(pages[race_url(track.slug, race.race_id)].decode())
        assert len(blocks) == len(race.results) == 10
        for result in race.results:
            text = blocks[str(result.driver.driver_id)]
            fields, _ = read_racer_laps(text)
            assert fields["driverName"] == result.shown_name
            laps = [
                (str(lap.number), str(lap.position), js_lap_time(lap.time_ms), lap.pace)
                for lap in result.laps
            ]
            grid = [("0", str(result.car_number), "0", "0")] if laps else []
            assert _rows_as_json_reads_them(text) == grid + laps
            escaped += "\\'" in text
    assert escaped, "no block with an escaped apostrophe was checked"


# --- a block as LiveRC lays it out, read without chompjs ---------------------------


@pytest.fixture(scope="module")
def laid_out_blocks(sample) -> list[str]:  # type: ignore[no-untyped-def]
    """Every block of both real race pages and of a generated event (escapes included)."""
    blocks = [text for name in REAL_RACES for text in _literals(sample(name)).values()]
    site = generate_site(5, tracks=1, events_per_track=1, races=4, drivers_per_race=10)
    pages = SitePages(site)
    track = site.tracks[0]
    for race in track.events[0].races:
        blocks += _literals(pages[race_url(track.slug, race.race_id)].decode()).values()
    return blocks


def test_blocks_as_liverc_lays_them_out_are_read_as_chompjs_reads_them(laid_out_blocks):
    blocks = laid_out_blocks
    for text in blocks:
        laid_out = _as_laid_out(text)
        assert laid_out is not None, "a block as LiveRC lays it out is read without chompjs"
        assert laid_out == _read(text, rows=True)
    assert any("\\'" in text for text in blocks), "no block with an escaped apostrophe"


def _chompjs_outcome(text: str) -> object:
    try:
        return _read(text, rows=True)
    except ScriptLiteralError:
        return ScriptLiteralError


@settings(max_examples=400, deadline=None)
@given(
    data=st.data(),
    insert=st.text(alphabet="\t\n\r '\"\\{}[],:0123456789.é\x00", min_size=0, max_size=4),
    cut=st.integers(0, 3),
)
def test_a_laid_out_block_changed_anywhere_is_read_as_chompjs_reads_it(
    laid_out_blocks, data, insert, cut
):
    text = data.draw(st.sampled_from(laid_out_blocks))
    at = data.draw(st.integers(0, len(text)))
    changed = text[:at] + insert + text[at + cut :]
    laid_out = _as_laid_out(changed)
    if laid_out is not None:  # read without chompjs only when chompjs would read the same
        assert laid_out == _chompjs_outcome(changed)


def test_a_lone_surrogate_in_a_laid_out_block_is_left_to_chompjs(laid_out_blocks):
    # A page's text has none (UTF-8 cannot encode one); chompjs refuses it.
    text = laid_out_blocks[0].replace("ARI BAKLA", "ARI \ud800BAKLA")
    assert _as_laid_out(text) is None
    with pytest.raises(ScriptLiteralError):
        read_racer_laps(text)


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
    with pytest.raises(ScriptLiteralError):
        read_racer_laps(text)


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
    assert _outcome(_value, "{" + text) == _outcome(read_literal, "{" + text)


# --- through the page parser: a ParseError naming the page --------------------------

URL = "https://t.liverc.com/results/?p=view_race_result&id=1"


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
        parse_race_result(page, URL, "1")
    assert info.value.url == URL
    assert info.value.detail.startswith(detail)


# --- rows: json.loads's reading of a block, however it is written -----------------

LAP = "{'lapNum' : '%s', 'pos' : '%s', 'time' : '%s', 'pace' : '%s', 'segments' : [ ]}"
NUMBERS = LAP.replace("'%s'", "1")  # a lap of numbers, not strings


def _outcome(read: Callable[[str], object], text: str) -> object:
    """What `read` makes of `text`: its value, or that it refused it.

    Not why: on a literal cut short chompjs reads past the end of the text, so
    the same text is refused now by chompjs ("near character 8" of 7), now by
    json.loads, as what lies there in memory decides.
    """
    try:
        return read(text)
    except ScriptLiteralError:
        return "refused"


# Texts a value may hold: what LiveRC writes, and what JSON writes otherwise
# (quotes, backslashes, control characters, non-ASCII, a line separator).
_texts = st.one_of(
    st.sampled_from(["", "38.17", "ANN O'NEIL", "15/10:24.530"]),
    st.text(alphabet="0123456789.:/ aZ'\"\\\t\n\x00\x1f\xe9\u2028`", max_size=6),
)


@st.composite
def _js(draw, value: object) -> str:
    """`value` as JavaScript, written as LiveRC writes it or some other legal way."""
    if isinstance(value, str):
        quote = draw(st.sampled_from(["'", '"']))
        body = value.replace("\\", "\\\\").replace(quote, "\\" + quote)
        if draw(st.booleans()):  # escaped as JavaScript must be; else the raw characters
            body = body.replace("\n", "\\n").replace("\t", "\\t").replace("\x00", "\\x00")
        return quote + body + quote
    if isinstance(value, list):
        items = [draw(_js(item)) for item in value]
        return "[" + ", ".join(items) + draw(st.sampled_from(["", ","])) + "]"
    if isinstance(value, dict):
        pairs = [f"{draw(_key(key))} : {draw(_js(item))}" for key, item in value.items()]
        return "{" + ", ".join(pairs) + draw(st.sampled_from(["", ", "])) + "}"
    return json.dumps(value)


@st.composite
def _key(draw, key: str) -> str:
    return draw(st.sampled_from([f"'{key}'", f'"{key}"', key]))


_lap_values = st.one_of(_texts, _texts, _texts, st.integers(0, 12), st.just([]), st.none())


@st.composite
def _lap(draw) -> object:
    lap: dict[str, object] = {
        "lapNum": draw(st.one_of(st.sampled_from(["0", "1", "2", "07"]), _lap_values)),
        "pos": draw(st.one_of(st.sampled_from(["1", "12"]), _lap_values)),
        "time": draw(st.one_of(st.sampled_from(["38.17", "1:02.5", "0"]), _lap_values)),
        "pace": draw(st.one_of(st.sampled_from(["", "48/30:32.160"]), _lap_values)),
        "segments": draw(st.sampled_from([[], ["1"]])),
    }
    if draw(st.integers(0, 3)) == 0:  # keys left out, added, repeated or in another order
        keys = draw(st.permutations([*lap, "x"]))
        lap = {key: lap.get(key, "y") for key in keys[: draw(st.integers(0, len(keys)))]}
    return draw(st.sampled_from([lap] * 8 + ["x", ["0"]]))


@st.composite
def _block(draw) -> str:
    fields = {"driverName": draw(_texts), "top2Consecutive": draw(_texts)}
    for key in draw(st.lists(st.sampled_from(["laps", "fastLap", "driverName"]), max_size=2)):
        fields[key] = draw(_texts)  # "laps" a string beside the array, or a repeated key
    laps = draw(st.lists(_lap(), max_size=4))
    at = draw(st.integers(0, len(fields)))
    pairs = [f"{draw(_key(key))} : {draw(_js(value))}" for key, value in fields.items()]
    pairs.insert(at, f"{draw(_key('laps'))} : {draw(_js(laps))}")
    return "{" + ",\n\t".join(pairs) + draw(st.sampled_from(["}", ",}", "};\nx = 1;"]))


# What the race page may take for granted of a row (see _plain_rows).
_ROW = re.compile(
    r'(0|[1-9][0-9]{0,2})\x00(0|[1-9][0-9]{0,2})\x00[0-9]{1,9}(\.[0-9]{1,3})?\x00[^"\\\x00-\x1f]*'
)


@settings(max_examples=500, deadline=None)
@given(text=_block())
def test_any_block_reads_as_json_loads_reads_it(text):
    assert _outcome(_value, text) == _outcome(read_literal, text)
    with contextlib.suppress(ScriptLiteralError):
        rows = read_racer_laps(text)[1]
        assert all(_ROW.fullmatch("\x00".join(row)) for row in rows or [])


def test_a_block_as_liverc_writes_it_is_read_as_rows():
    laps = [LAP % ("0", "3", "0", "0"), LAP % ("1", "2", "38.17", "O\\'NEIL")]
    text = "{'driverName' : 'A', 'laps' : [" + ", ".join(laps) + "], 'x' : ''}"
    assert read_racer_laps(text) == (
        {"driverName": "A", "x": ""},
        [("0", "3", "0", "0"), ("1", "2", "38.17", "O'NEIL")],
    )


@pytest.mark.parametrize(
    "text",
    [
        "{'laps' : [ ], 'laps' : 'x'}",  # the string wins: json.loads's rule, left to it
        "{'laps' : 'x', 'laps' : [ ]}",
        "{'laps' : [" + LAP % ("1", "1", "1", "a\\\\b") + "]}",  # an escape
        "{'laps' : [" + LAP % ("1", "1", "1", "a\tb") + "]}",  # a control character
        "{'laps' : [" + LAP.replace("[ ]", "['1']") % ("1", "1", "1", "") + "]}",
        "{'a' : {'laps' : [ ]}, 'laps' : [ ]}",
        "{'a' : 1, 'laps' : [ ]}",
    ],
)
def test_a_block_written_otherwise_is_left_to_json_loads(text):
    with contextlib.suppress(ScriptLiteralError):  # json.loads refuses a control character
        assert read_racer_laps(text)[1] is None
    assert _outcome(_value, text) == _outcome(read_literal, text)


@pytest.mark.parametrize(
    "text",
    [
        "{'a' : '" + "x" * 3_000_000 + "'}",
        "{'laps' : [" + (LAP % ("1", "1", "1", "1") + ", ") * 100_000 + "]}",
        "{'laps' : [" + (LAP % ("1", "1", "1", "1") + ", ") * 100_000 + NUMBERS + "]}",
        "{'laps' : [" + (LAP % ("1", "1", "1", "1") + ", ") * 100_000 + "'\\x'" + "]}",
        "{" + "'a' : '', " * 200_000 + "'laps' : [ ]" + ", 'b' : ''" * 200_000 + "}",
    ],
)
def test_long_blocks_are_read_in_linear_time(text):
    # The patterns' repeats are possessive: no backtracking. The test timeout is the guard.
    assert _outcome(_value, text) == _outcome(read_literal, text)


# --- the race page's readings of the laps ----------------------------------------------

_LAP_FIELDS = ("lapNum", "pos", "time", "pace")
_times = st.sampled_from(
    ["0", "38", "38.1", "38.17", "38.170", "0.001", "999999999.999"] * 4
    + ["38.1701", "1234567890", "1:02.5", " 38.1", "38.1\n2", ".5", "5.", "1e3", "", 38]
)


@st.composite
def _raw_laps(draw) -> list[object]:
    laps = []
    for number in draw(st.lists(st.integers(0, 5), max_size=6)):
        lap = {
            "lapNum": draw(st.sampled_from([str(number), str(number), f"0{number}", number])),
            "pos": draw(st.sampled_from(["1", "12", "999"] * 3 + ["1000", "", 3])),
            "time": draw(_times),
            "pace": draw(st.sampled_from(["", " 15/10:24.530 ", "x"] * 3 + [5, None])),
            "segments": [],
        }
        if draw(st.integers(0, 29)) == 0:
            del lap[draw(st.sampled_from(_LAP_FIELDS))]
        laps.append(lap if draw(st.integers(0, 39)) else "x")
    return laps


def _read_one_by_one(raw_laps: list[object]) -> object:
    try:
        return _read_laps(raw_laps, URL, "7")
    except ParseError as error:
        return ("refused", error.detail)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from(
            [
                "racerLaps[1] = {",
                "racerLaps [ '2' ]= ",
                'racerLaps["3"]\t=\n',
                "console.log(racerLaps[4]);",
                "racerLaps",
                "racerLapsracerLaps[5] = ",
                "x",
                "\n\t",
            ]
        ),
        max_size=12,
    )
)
def test_assignments_are_where_the_pattern_finds_them(parts):
    script = "".join(parts)
    found = [match.span() for match in race_result._assignments(script)]
    assert found == [match.span() for match in _BLOCK.finditer(script)]


@settings(max_examples=500, deadline=None)
@given(raw_laps=_raw_laps())
def test_laps_read_all_at_once_are_the_laps_read_one_by_one(raw_laps):
    plain = _plain_laps(map(race_result._LAP_FIELDS, raw_laps))
    if plain is None:
        return  # not all as LiveRC writes them: the parser reads them one by one
    laps, seconds, numbered = plain
    assert laps == _read_one_by_one(raw_laps)
    assert seconds == fsum(lap.lap_time_seconds for lap in laps)
    assert not numbered or [lap.lap_number for lap in laps] == list(range(1, len(laps) + 1))


def test_laps_as_liverc_writes_them_are_read_all_at_once():
    rows = [("0", "2", "0", "0"), ("1", "1", "38.17", "x "), ("2", "1", "37.9", "")]
    assert _plain_laps(rows) == (
        [LapRecord(1, 38.17, "38.17", 1, "x"), LapRecord(2, 37.9, "37.9", 1, None)],
        38.17 + 37.9,
        True,
    )
    assert _plain_laps([]) == ([], 0.0, True)


_row_numbers = st.one_of(st.sampled_from(["0", "1", "2", "3"]), st.integers(0, 999).map(str))
_row_times = st.from_regex(r"[0-9]{1,9}(\.[0-9]{1,3})?", fullmatch=True)
_row_paces = st.text(alphabet="0123456789/:. x'", max_size=8)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(st.tuples(_row_numbers, _row_numbers, _row_times, _row_paces), max_size=5),
    fields=st.dictionaries(st.sampled_from(["driverName", "x"]), _texts, max_size=2),
)
def test_the_laps_of_a_block_read_from_rows_are_those_read_from_json(rows, fields):
    def read(block: race_result._Block) -> object:
        seen: list[str] = []
        with patch.object(race_result, "anomaly", lambda url, detail: seen.append(detail)):
            try:
                return race_result._laps(block, URL, "7"), seen
            except ParseError as error:
                return ("refused", error.detail), seen

    as_json = race_result._Block({**fields, "laps": _json_laps(rows)}, None)
    assert read(race_result._Block(fields, rows)) == read(as_json)


def _exactly(value: Decimal | None) -> str | None:
    """A Decimal with its exponent: the anomaly shows its text."""
    return None if value is None else str(value)


@settings(max_examples=500, deadline=None)
@given(
    millis=st.lists(
        st.one_of(st.integers(0, 200_000), st.integers(0, 999_999_999_999)), min_size=1, max_size=40
    ),
    decimals=st.integers(0, 3),
    off=st.sampled_from([0, 0, 1, -1, 1000]),
)
def test_the_laps_add_up_to_the_total_exactly(millis, decimals, off):
    scale = 10 ** (3 - decimals)
    times = [f"{Decimal(ms // scale * scale) / 1000:.{decimals}f}" for ms in millis]
    rows = [(str(n), "1", time, "") for n, time in enumerate(times, 1)]
    plain = _plain_laps(rows)
    assert plain is not None
    laps, seconds, _ = plain
    exact = sum(map(Decimal, times), Decimal(0))
    total = exact + Decimal(off) / 1000
    expected = None if exact == total else exact
    assert _exactly(_sum_if_not(laps, seconds, total)) == _exactly(expected)
    assert _exactly(_sum_if_not(laps, None, total)) == _exactly(expected)


@settings(max_examples=500, deadline=None)
@given(
    text=st.one_of(
        st.from_regex(r"[0-9]{1,10}/[0-9]{1,10}:[0-9]{1,3}(\.[0-9]{0,4})?", fullmatch=True),
        st.text(alphabet="0123456789/:. ,", max_size=14),
    )
)
def test_laps_time_read_directly_is_values_laps_time(text):
    def exactly(value: object) -> object:
        return value if value is None else (value.laps, _exactly(value.seconds))

    assert exactly(_laps_time(text)) == exactly(laps_time(text))
