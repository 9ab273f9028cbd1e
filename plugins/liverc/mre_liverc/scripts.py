"""Reading the JavaScript object literals in a page's scripts (`racerLaps`), with chompjs.

LiveRC writes each driver's laps as a JavaScript object literal (single-quoted
keys and strings, `O\\'LOUGHLIN` escapes, tab indentation). chompjs reads such
literals with a parser written in C: it parses the literal grammar, never
executes anything, and is not a quote swap. It hands its reading over as JSON
text, which `json.loads` turns into dicts, lists and strings.

What this module adds around it:

- every failure is one exception, `ScriptLiteralError` (a ValueError), which
  the page parsers turn into the ParseError that names the page: chompjs
  raises ValueError, json raises JSONDecodeError, a lone surrogate
  UnicodeEncodeError, an integer of over 4,300 digits ValueError;
- nesting is bounded: `json.loads` reads arrays and objects by recursion, so
  a reading nested over MAX_DEPTH deep is refused before it gets there;
- chompjs reads the first literal in the text and ignores what follows it, so
  callers give it the text from the literal's first character on.

chompjs is lenient where JavaScript is not (a bare word is read as a string,
`[1 2]` as `[12]`), reads some bare `true`, `false` and `null` as strings,
and hands JavaScript-only escapes (`\\x41`, `\\u{1F3CE}`, `\\0`, a backslash
before a newline) to json, which refuses them. None of these is in what
LiveRC writes (every value is a quoted string, escapes are `\\'`), and the
readers of the values refuse what is not a number where one is needed.

A racerLaps block is read by `read_racer_laps`: chompjs's JSON of a block as
LiveRC writes it (strings, and laps of LiveRC's five keys) is read by regular
expressions into the values json.loads would give, its laps as rows of
strings, without a dict or a key for each lap (see `_plain_block`); any other
JSON goes to json.loads. A block laid out as LiveRC lays it out (a key a line,
tab-indented) is read from the page's text by the same kind of expressions,
without chompjs (see `_as_laid_out`). `tests/test_liverc_scripts.py` holds the
readings equal on every real and generated race page and on hypothesis' blocks.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate, repeat
from operator import sub
from typing import Any

import chompjs

# Objects and arrays nested in one another. A racerLaps block nests four deep.
MAX_DEPTH = 200


class ScriptLiteralError(ValueError):
    """The text is not a literal we read (or not within the bounds); says why."""


# A lap of a racerLaps block as LiveRC writes it: its lapNum, pos, time and pace
# (see _RACER_BLOCK for what each holds).
LapRow = tuple[str, str, str, str]


def read_literal(text: str) -> Any:
    """The value of the object or array literal that `text` starts with.

    What follows the literal is ignored; text before it must not be there (chompjs
    would skip it to the first `{` or `[`), so `text` starts with one of them.
    """
    return _read(text, rows=False)[0]


def read_racer_laps(text: str) -> tuple[Any, list[LapRow] | None]:
    """A racerLaps block: `(read_literal(text), None)`; or, when chompjs reads it as
    LiveRC writes it (see `_RACER_BLOCK`), `(its fields but "laps", its laps as rows)`.

    The two are one reading: the value is the fields with "laps" set to a list of
    `{"lapNum": n, "pos": p, "time": t, "pace": c, "segments": []}`, one for
    each row (n, p, t, c). Reading chompjs's JSON of a race page's laps took
    json.loads longer than chompjs took to write it: a dict, five keys, four
    strings and a list for each lap. The rows are the four strings the parser
    reads of a lap and nothing else, and no nesting has to be measured (a block
    as LiveRC writes it nests four deep).
    """
    return _as_laid_out(text) or _read(text, rows=True)


def _read(text: str, rows: bool) -> tuple[Any, list[LapRow] | None]:
    if not text or text[0] not in "{[":
        raise ScriptLiteralError("not an object or array literal")
    try:
        json_text = chompjs.parse_js_object(text, loader=str)  # chompjs's reading, as JSON
        if rows:
            plain = _plain_block(json_text)
            if plain is not None:
                return plain
        return _loads(json_text), None
    except ScriptLiteralError:
        raise
    except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeError too
        raise ScriptLiteralError(_first_line(error)) from None


# What chompjs writes for a racerLaps block as LiveRC writes it: an object of
# strings and one "laps" array of lap objects with LiveRC's keys in LiveRC's
# order and LiveRC's values (lapNum and pos numbers from 0 to 999 written as
# str(n) writes them, time plain seconds of at most nine digits and three
# decimals), empty segments, no spaces. A JSON string without a backslash (an
# escape) or a control character (which json refuses) is its own text.
_TEXT = r'[^"\\\x00-\x1f]*+'
_NUMBER = "(?:0|[1-9][0-9]{0,2})"
_SECONDS = r"[0-9]{1,9}(?:\.[0-9]{1,3})?"
_LAP_FORM = r'\{"lapNum":"%N","pos":"%N","time":"%T","pace":"%S","segments":\[\]\}'
_PAIR_FORM = r'"%S":"%S"'
_lap = _LAP_FORM.replace("%N", _NUMBER).replace("%T", _SECONDS).replace("%S", _TEXT)
_pair = _PAIR_FORM.replace("%S", _TEXT)
_RACER_BLOCK = re.compile(
    rf'\{{((?:{_pair},)*+)"laps":\[((?:{_lap}(?:,{_lap})*+)?)\]((?:,{_pair})*+)\}}'
)
# Within a block _RACER_BLOCK matched, every quote is a string's: its values are
# read by quotes alone.
_LAPS = re.compile(re.sub("%[NTS]", '([^"]*)', _LAP_FORM))
_PAIRS = re.compile(_PAIR_FORM.replace("%S", '([^"]*)'))


def _plain_block(json_text: str) -> tuple[dict[str, Any], list[LapRow]] | None:
    """(fields, rows) of a block as `read_racer_laps` gives them, when `json_text` is
    one as LiveRC writes it; else None.

    `_RACER_BLOCK` matches the whole text, so the pairs and laps found in its
    parts are all there is, in order; their strings have no escape, so each is
    its own value. The fields are json.loads's: keys in the order written, the
    last of a repeated key winning; a "laps" string beside the array is left to
    json.loads. Every repeat is possessive: linear in the text, whatever it is.
    """
    match = _RACER_BLOCK.fullmatch(json_text)
    if match is None:
        return None
    before, laps, after = match.groups()
    fields: dict[str, Any] = dict(_PAIRS.findall(before))
    fields.update(_PAIRS.findall(after))
    if "laps" in fields:
        return None
    return fields, _LAPS.findall(laps)


# A block as LiveRC lays it out in the page: each key on a line of its own, indented
# by tabs (`'key' : 'value',`), the laps last, each lap followed by a comma, the
# values as _RACER_BLOCK takes them. chompjs turns a JavaScript string into its
# content, `\'` into a quote; a string without a backslash, either quote, a
# control character or a lone surrogate (which chompjs refuses) is its own content.
_LINE = r"\n\t*+"
_JS_TEXT = r"""[^'"\\\x00-\x1f\ud800-\udfff]*+"""
_JS_QUOTED = r"""(?:[^'"\\\x00-\x1f\ud800-\udfff]++|\\')*+"""  # `\'` escapes too
_LAID_OUT_HEAD = re.compile(
    rf"\{{{_LINE}((?:'{_JS_QUOTED}' : '{_JS_QUOTED}',{_LINE})*+)'laps' : \[{_LINE}"
)
_LAID_OUT_PAIRS = re.compile(rf"'({_JS_QUOTED})' : '({_JS_QUOTED})'")
_LAID_OUT_LAP = re.compile(
    r"\{%L'lapNum' : '(%N)',%L'pos' : '(%N)',%L'time' : '(%T)',%L'pace' : '(%S)',"
    r"%L'segments' : \[%L\]%L\},%L".replace("%L", _LINE)
    .replace("%N", _NUMBER)
    .replace("%T", _SECONDS)
    .replace("%S", _JS_TEXT)
)
_LAID_OUT_END = re.compile(rf"\]{_LINE}\}}")


def _as_laid_out(text: str) -> tuple[dict[str, Any], list[LapRow]] | None:
    """`read_racer_laps(text)` of a block as LiveRC lays it out in the page, read
    from that text; else None.

    chompjs spent longer on the page's indentation (three quarters of a block)
    than anything else. Here the head, up to the laps, is matched whole; the
    laps are split off by the lap's pattern, which must match each time right
    where the last match ended (every piece between two is empty) and be
    followed by the end of the array and of the object; what follows that is
    ignored, as chompjs ignores it (`text` is a page's, as lxml gives it: it holds
    no lone surrogate, which chompjs would refuse even there; nor a NUL, but that
    is checked: it costs nothing). A `\\'` in a key or
    value is its quote. Anything else (another layout, an escape in a lap) is
    left to chompjs.
    """
    head = _LAID_OUT_HEAD.match(text) if "\x00" not in text else None  # chompjs refuses NUL
    if head is None:
        return None
    parts = _LAID_OUT_LAP.split(text[head.end() :])
    if any(parts[0:-1:5]) or not _LAID_OUT_END.match(parts[-1]):
        return None
    fields = {
        key.replace("\\'", "'"): value.replace("\\'", "'")
        for key, value in _LAID_OUT_PAIRS.findall(head.group(1))
    }
    if "laps" in fields:
        return None
    return fields, list(zip(parts[1::5], parts[2::5], parts[3::5], parts[4::5], strict=True))


def _loads(json_text: str) -> Any:
    """json.loads, once the nesting of `json_text` is known to be within MAX_DEPTH."""
    # Fewer openers than the bound cannot nest deeper than it: the usual case, and a
    # count is far cheaper than reading the nesting.
    if json_text.count("[") + json_text.count("{") > MAX_DEPTH:
        depth = nesting(json_text)
        if depth > MAX_DEPTH:
            raise ScriptLiteralError(f"objects and arrays nested {depth} deep, over {MAX_DEPTH}")
    return json.loads(json_text)


# JSON strings and everything else that is no bracket, to be removed (possessive
# repeats: no backtracking, linear on any text); a quote that opens no string is
# removed alone, so only brackets are left whatever the text.
_NOT_BRACKETS = re.compile(r'"(?:[^"\\]++|\\.)*+"|[^\[\]{}"]++|"', re.DOTALL)
# Opening brackets as 2, closing as 0: one step up or down once 1 is taken off.
_STEPS = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")


def nesting(json_text: str) -> int:
    """How deep the arrays and objects of a JSON text nest (0 for a scalar).

    Linear, without recursion and without a Python loop: strings are cut out
    by one regex, the brackets left become steps, and `accumulate` sums them.
    """
    brackets = _NOT_BRACKETS.sub("", json_text).encode("ascii")
    steps = brackets.translate(_STEPS)
    return max(accumulate(map(sub, steps, repeat(1))), default=0)


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
