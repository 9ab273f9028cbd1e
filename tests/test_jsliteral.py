"""The racerLaps JavaScript object-literal parser."""

from __future__ import annotations

import contextlib
import json
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mre_liverc.jsliteral import JsLiteralError, parse_literal


def parse(text: str):
    value, end = parse_literal(text)
    assert text[end:].strip() == ""
    return value


def test_a_racerlaps_block_as_liverc_writes_it():
    text = """{
        'driverName' : 'FELIX KOEGLER',
        'fastLap' : '37.234',
        'laps' : [
            {
                'lapNum' : '0',
                'pos' : '1',
                'time' : '0',
                'segments' : [
                ]
            },
            {
                'lapNum' : '1', 'pos' : '1', 'time' : '38.17', 'pace' : '48/30:32.160',
                'segments' : [ ]
            },
        ]
    }"""
    assert parse(text) == {
        "driverName": "FELIX KOEGLER",
        "fastLap": "37.234",
        "laps": [
            {"lapNum": "0", "pos": "1", "time": "0", "segments": []},
            {"lapNum": "1", "pos": "1", "time": "38.17", "pace": "48/30:32.160", "segments": []},
        ],
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{'a': 1}", {"a": 1}),
        ('{"a": "x"}', {"a": "x"}),
        ("{a: 'x', b_2: \"y\", $c: 3}", {"a": "x", "b_2": "y", "$c": 3}),
        ("{1: 'one', 2.5: 'x'}", {"1": "one", "2.5": "x"}),
        ("{'a': 1,}", {"a": 1}),
        ("[1, 2, ]", [1, 2]),
        ("{}", {}),
        ("[]", []),
        ("{'name': 'O\\'LOUGHLIN'}", {"name": "O'LOUGHLIN"}),
        ("{'q': 'He said \"hi\"'}", {"q": 'He said "hi"'}),  # breaks a quote swap into JSON
        ('{"q": "it\'s"}', {"q": "it's"}),
        ("{'e': '\\u00e9\\x41\\n\\t\\\\\\/'}", {"e": "éA\n\t\\/"}),
        ("{'e': '\\u{1F3CE}'}", {"e": "\U0001f3ce"}),
        ("{'line': 'a\\\nb'}", {"line": "ab"}),  # line continuation
        ("{'n': 'O\\'L\\\nX'}", {"n": "O'LX"}),  # an escaped quote, then a continuation
        ("{'e': '\\u{10FFFF}'}", {"e": "\U0010ffff"}),  # the last code point
        (
            "{'n': -12, 'f': 1.5, 'g': .5, 'x': 2e3, 'h': 0x1F}",
            {"n": -12, "f": 1.5, "g": 0.5, "x": 2000.0, "h": 31},
        ),
        (
            "{'t': true, 'f': false, 'n': null, 'u': undefined}",
            {"t": True, "f": False, "n": None, "u": None},
        ),
        ("{ // a comment\n 'a' /* another */ : 1 }", {"a": 1}),
        ("{'a':{'b':[{'c':[]}]}}", {"a": {"b": [{"c": []}]}}),
        ("\n\t{\n\t\t'a'\n\t\t:\n\t\t'b'\n\t\t,\n\t}", {"a": "b"}),
    ],
)
def test_literals(text, expected):
    assert parse(text) == expected


def test_parsing_stops_at_the_end_of_the_literal():
    script = "racerLaps[1] = {'a': '1', 'b': [2]};\nconsole.log(racerLaps[1]);"
    start = script.index("{")
    value, end = parse_literal(script, start)
    assert value == {"a": "1", "b": [2]}
    assert script[end:].startswith(";\nconsole.log")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{'a': 'b'", "unexpected end of text"),
        ("{'a': 'b' 'c': 'd'}", "expected ',' or '}'"),
        ("{'a' 'b'}", "expected ':'"),
        ("{'a': foo}", "expected a value"),
        ("{'a': alert(1)}", "expected a value"),
        ("{'a': 'x' + 'y'}", "unexpected '+'"),
        ("{'a': 'unterminated}", "unexpected"),
        ("[1 2]", "expected ',' or ']'"),
        ("{,}", "expected a key"),
        ("", "unexpected end of text"),
    ],
)
def test_what_is_not_a_literal_is_refused_with_a_position(text, message):
    with pytest.raises(JsLiteralError, match=re.escape(message)) as info:
        parse_literal(text)
    assert "at offset" in str(info.value)


def test_a_block_broken_after_a_long_run_of_tabs_is_refused_not_hung():
    # racerLaps indents with tens of tabs. The tokenizer once tried every split
    # of such a run before failing (2**n steps): this never returned.
    text = "{'a' : 'b', 'laps' : [" + "\t" * 120 + "};"
    with pytest.raises(JsLiteralError, match=r"^expected a value, found '}' at offset 22$"):
        parse_literal(text)
    text = "{'a' : 'b'," + "\t" * 120 + "/* c */ ;"
    with pytest.raises(JsLiteralError, match=r"^unexpected ';' at offset 139$"):
        parse_literal(text)


# Each of these once hung: the string token backtracked 2**n times over a run of
# backslash-newline pairs (`\\.` and `\\\n` both match one), the flat-object
# regexes n**2 times over a run of spaces (hours, for 300,000). The test timeout
# is the guard; nothing here is timed.
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{'a': '" + "\\\n" * 60 + "x", 'unexpected "\'" at offset 6'),
        ('{"a": "' + "\\\n" * 60 + "x", "unexpected '\"' at offset 6"),
        ("{'a':'b'" + " " * 300_000 + "x", "expected ',' or '}' in object at offset 8"),
        ('{"a":"b"' + " " * 300_000 + "x", "expected ',' or '}' in object at offset 8"),
        ("[{'a':'b'" + " " * 300_000 + "x", "expected ',' or '}' in object at offset 9"),
    ],
)
def test_a_broken_block_is_refused_not_hung(text, message):
    with pytest.raises(JsLiteralError) as info:
        parse_literal(text)
    assert str(info.value) == message


# Python cannot hold these (chr() past U+10FFFF, int() past 4,300 digits, a
# recursion 100,000 deep): each is a JsLiteralError, however the text is read.
@pytest.mark.parametrize("flat_objects", [True, False])
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{'e': 'ab\\u{110000}'}", "\\u{...} escape beyond U+10FFFF at offset 9"),
        ("{'e': '\\u{" + "F" * 22 + "}'}", "\\u{...} escape beyond U+10FFFF at offset 7"),
        ("[" + "9" * 5000 + "]", "an integer of 5000 digits at offset 1"),
        ("{" + "1" * 4301 + ": 'x'}", "an integer of 4301 digits at offset 1"),
        ("[" * 100_000, "objects and arrays nested over 200 deep at offset 200"),
        (
            "[" * 200 + "{'a': 'b'}" + "]" * 200,  # a flat object is a level too
            "objects and arrays nested over 200 deep at offset 200",
        ),
    ],
)
def test_what_python_cannot_hold_is_a_literal_error(text, message, flat_objects):
    with pytest.raises(JsLiteralError) as info:
        parse_literal(text, flat_objects=flat_objects)
    assert str(info.value) == message


def test_nesting_200_deep_is_read():
    text = "[" * 199 + "{'a': 'b'}" + "]" * 199
    expected: object = {"a": "b"}
    for _ in range(199):
        expected = [expected]
    assert parse_literal(text) == parse_literal(text, flat_objects=False) == (expected, len(text))


# --- round trip: any value, written as JS in any legal way, reads back equal ---

_keys = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\r\u2028\u2029"), max_size=12
)
_strings = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\r\u2028\u2029"), max_size=20
)
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False).filter(
        lambda f: not (f == 0 and math.copysign(1, f) < 0)
    ),
    _strings,
)
_values = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(_keys, children, max_size=5)
    ),
    max_leaves=30,
)


def _js_string(value: str, quote: str) -> str:
    out = []
    for ch in value:
        if ch in (quote, "\\"):
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return quote + "".join(out) + quote


def _js(value, draw) -> str:
    space = draw(st.sampled_from(["", " ", "\n\t\t", " /* c */ ", " // c\n"]))
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            if (
                re.fullmatch(r"[A-Za-z_$][\w$]*", key)
                and key not in {"true", "false", "null", "undefined"}
                and draw(st.booleans())
            ):
                written_key = key
            else:
                written_key = _js_string(key, draw(st.sampled_from(["'", '"'])))
            items.append(f"{written_key}{space}:{space}{_js(item, draw)}")
        trailing = "," if items and draw(st.booleans()) else ""
        return "{" + space + ("," + space).join(items) + trailing + space + "}"
    if isinstance(value, list):
        trailing = "," if value and draw(st.booleans()) else ""
        return (
            "[" + space + ("," + space).join(_js(v, draw) for v in value) + trailing + space + "]"
        )
    if isinstance(value, str):
        return _js_string(value, draw(st.sampled_from(["'", '"'])))
    if value is None:
        return draw(st.sampled_from(["null", "undefined"]))
    return json.dumps(value)


@settings(max_examples=300, deadline=None)
@given(value=_values, data=st.data())
def test_any_value_written_as_js_reads_back_equal(value, data):
    assert parse(_js(value, data.draw)) == value


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="{}[]:,'\"\\ab01.-\n /*", max_size=40))
def test_arbitrary_text_gives_a_value_or_a_literal_error(text):
    with contextlib.suppress(JsLiteralError):
        parse_literal(text)
