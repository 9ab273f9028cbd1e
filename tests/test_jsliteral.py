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
