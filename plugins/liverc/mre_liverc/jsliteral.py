"""A parser for JavaScript object literals, the language `racerLaps` is written in.

The connector no longer reads pages with it: racerLaps goes through chompjs
(`mre_liverc.scripts`), a C parser of the same literals, 2-3x faster. This
strict reader stays as the reference chompjs is held to: the tests check
that both read every real race page alike (`tests/test_liverc_scripts.py`).

LiveRC writes each driver's laps as a JS object literal inside a <script>.
We parse the literal grammar itself, never execute anything, and never
rewrite it into JSON: single or double quotes, quoted, bare or numeric keys,
backslash escapes (O\\'LOUGHLIN), comments and trailing commas all parse.
Values are dicts, lists, str, int, float, bool and None (null/undefined).

Speed matters (a national event has tens of thousands of laps), so the
tokenizer is one compiled regex matched at a position, and a key followed by
a plain quoted string (`'time' : '38.17',`, most of a racerLaps block) is a
single token. On top of that, a *flat* object (quoted or bare keys, values
that are plain strings without escapes or empty arrays, commas between
pairs, an optional trailing comma: a lap, in racerLaps) is recognised by one
regex of the same grammar and read in one go; when every key and string is
in single quotes, as LiveRC writes them, its pairs come out of one
`findall` and the dict is built in one comprehension. Anything else (escapes,
comments, numbers, nesting) takes the general path, token by token;
`parse_literal(..., flat_objects=False)` reads everything that way, and the
tests hold the two readings equal.
"""

from __future__ import annotations

import re
import sys
from typing import Any


class JsLiteralError(ValueError):
    """The text is not a JS object literal we can read; says where and why."""

    def __init__(self, message: str, pos: int) -> None:
        super().__init__(f"{message} at offset {pos}")
        self.message = message
        self.pos = pos


# The skip of whitespace and comments is possessive (`*+`): a token never starts
# with either, and a backtracking `(?:\s+|...)*` tries every split of a run of
# tabs before it can fail: 2**n steps, a hang on a broken block. The same holds
# for every repeat below (whitespace, a string's characters): each is
# possessive, as giving back part of a run could never let the rest match, and
# a string's alternatives never overlap (`\\.` is also the line continuation).
_SKIP = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*+", re.DOTALL)
_TOKEN = re.compile(
    r"""
    (?:\s+|//[^\n]*|/\*.*?\*/)*+
    (?:
      (?P<pair>
        (?:'(?P<k1>[^'\\\n]*)'|"(?P<k2>[^"\\\n]*)"|(?P<k3>[A-Za-z_$][\w$]*))
        \s*+:\s*+
        (?:'(?P<v1>[^'\\\n]*)'|"(?P<v2>[^"\\\n]*)")
        (?P<comma>\s*+,)?
      )
      | (?P<sq>'(?:[^'\\\n]|\\.)*+')
      | (?P<dq>"(?:[^"\\\n]|\\.)*+")
      | (?P<num>-?(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?))
      | (?P<ident>[A-Za-z_$][\w$]*)
      | (?P<punct>[{}\[\]:,])
    )
    """,
    re.VERBOSE | re.DOTALL,
)

# A flat object, in the same grammar as the tokens above (no comments, no escapes).
_KEY = r"""'[^'\\\n]*'|"[^"\\\n]*"|[A-Za-z_$][\w$]*"""
_FLAT_PAIR = rf"""(?:{_KEY})\s*+:\s*+(?:'[^'\\\n]*'|"[^"\\\n]*"|\[\s*+\])"""
_FLAT_OBJECT = re.compile(rf"\{{\s*+(?:{_FLAT_PAIR}(?:\s*+,\s*+{_FLAT_PAIR})*+\s*+,?+\s*+)?+\}}")
_FLAT_PAIRS = re.compile(
    r"""(?:'([^'\\\n]*)'|"([^"\\\n]*)"|([A-Za-z_$][\w$]*))\s*:\s*"""
    r"""(?:'([^'\\\n]*)'|"([^"\\\n]*)"|(\[\s*\]))"""
)
# The flat object as LiveRC writes it: every key and string in single quotes.
# Its pairs come out of one `findall` as (key, string, "[" for an empty array).
_SQ_PAIR = r"""'[^'\\\n]*'\s*+:\s*+(?:'[^'\\\n]*'|\[\s*+\])"""
_SQ_FLAT_OBJECT = re.compile(rf"\{{\s*+(?:{_SQ_PAIR}(?:\s*+,\s*+{_SQ_PAIR})*+\s*+,?+\s*+)?+\}}")
# One such object as an array item, with what follows it: "," or "]".
_SQ_FLAT_ITEM = re.compile(rf"\s*+({_SQ_FLAT_OBJECT.pattern})\s*+(?:(,)|\])")
_SQ_FLAT_PAIRS = re.compile(r"""'([^'\\\n]*)'\s*:\s*(?:'([^'\\\n]*)'|(\[)\s*\])""")

_ESCAPES = {
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "0": "\0",
    "'": "'",
    '"': '"',
    "\\": "\\",
    "\n": "",
}
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
_CONSTANTS = {"true": True, "false": False, "null": None, "undefined": None}
# Objects and arrays are read by recursion. A racerLaps block nests three deep;
# past this depth a page is refused before Python's own stack runs out.
MAX_DEPTH = 200


def parse_literal(text: str, pos: int = 0, *, flat_objects: bool = True) -> tuple[Any, int]:
    """Parse one literal (object, array, string, number...) starting at `pos`.

    Returns the value and the offset just after it, so a caller can parse a
    literal embedded in a longer script. `flat_objects=False` turns off the
    flat-object shortcut (the same reading, token by token).
    """
    parser = _Parser(text, pos, flat_objects)
    value = parser.value(parser.next())
    return value, parser.pos


class _Parser:
    __slots__ = ("depth", "flat_objects", "pos", "text")

    def __init__(self, text: str, pos: int, flat_objects: bool = True) -> None:
        self.text = text
        self.pos = pos
        self.flat_objects = flat_objects
        self.depth = 0  # objects and arrays open around the token being read

    def next(self) -> re.Match[str]:
        match = _TOKEN.match(self.text, self.pos)
        if match is None:
            at = _SKIP.match(self.text, self.pos).end()
            what = (
                f"unexpected {self.text[at]!r}" if at < len(self.text) else "unexpected end of text"
            )
            raise JsLiteralError(what, at)
        self.pos = match.end()
        return match

    def value(self, token: re.Match[str]) -> Any:
        kind = token.lastgroup
        if kind == "punct" and token["punct"] in "{[":
            return self.container(token["punct"], token.start("punct"))
        if kind in {"sq", "dq"}:
            return _unquote(token[kind], token.start(kind))
        if kind == "num":
            return _number(token["num"], token.start("num"))
        if kind == "ident" and token["ident"] in _CONSTANTS:
            return _CONSTANTS[token["ident"]]
        raise JsLiteralError(f"expected a value, found {token.group().strip()!r}", token.start())

    def container(self, opener: str, start: int) -> dict[str, Any] | list[Any]:
        """The object or array opened at `start`.

        The depth is checked before the flat-object shortcut, so both readings
        refuse the same pages.
        """
        if self.depth >= MAX_DEPTH:
            raise JsLiteralError(f"objects and arrays nested over {MAX_DEPTH} deep", start)
        if opener == "{" and self.flat_objects:
            flat = _SQ_FLAT_OBJECT.match(self.text, start)
            if flat is not None:
                self.pos = flat.end()
                return _sq_flat_object(self.text, start, flat.end())
            flat = _FLAT_OBJECT.match(self.text, start)
            if flat is not None:
                self.pos = flat.end()
                return _flat_object(self.text, start, flat.end())
        self.depth += 1
        value = self.object() if opener == "{" else self.array()
        self.depth -= 1
        return value

    def object(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while True:
            token = self.next()
            kind = token.lastgroup
            if kind == "pair":
                key = (
                    token["k1"]
                    if token["k1"] is not None
                    else (token["k2"] if token["k2"] is not None else token["k3"])
                )
                result[key] = token["v1"] if token["v1"] is not None else token["v2"]
                if token["comma"]:
                    continue
                return self._close(result, "}")
            if kind == "punct" and token["punct"] == "}":
                return result
            key = self._key(token)
            colon = self.next()
            if colon.lastgroup != "punct" or colon["punct"] != ":":
                raise JsLiteralError(f"expected ':' after key {key!r}", colon.start())
            result[key] = self.value(self.next())
            separator = self.next()
            if separator.lastgroup == "punct" and separator["punct"] == ",":
                continue
            if separator.lastgroup == "punct" and separator["punct"] == "}":
                return result
            raise JsLiteralError("expected ',' or '}' in object", separator.start())

    def array(self) -> list[Any]:
        result: list[Any] = []
        flat_items = self.flat_objects and self.depth < MAX_DEPTH  # as container() would
        while True:
            if flat_items:
                item = _SQ_FLAT_ITEM.match(self.text, self.pos)
                if item is not None:
                    result.append(_sq_flat_object(self.text, item.start(1), item.end(1)))
                    self.pos = item.end()
                    if item.group(2):
                        continue
                    return result
            token = self.next()
            if token.lastgroup == "punct" and token["punct"] == "]":
                return result
            result.append(self.value(token))
            separator = self.next()
            if separator.lastgroup == "punct" and separator["punct"] == ",":
                continue
            if separator.lastgroup == "punct" and separator["punct"] == "]":
                return result
            raise JsLiteralError("expected ',' or ']' in array", separator.start())

    def _key(self, token: re.Match[str]) -> str:
        kind = token.lastgroup
        if kind in {"sq", "dq"}:
            return _unquote(token[kind], token.start(kind))
        if kind == "ident":
            return token["ident"]
        if kind == "num":
            return str(_number(token["num"], token.start("num")))
        raise JsLiteralError(f"expected a key, found {token.group().strip()!r}", token.start())

    def _close(self, result: dict[str, Any], closer: str) -> dict[str, Any]:
        token = self.next()
        if token.lastgroup != "punct" or token["punct"] != closer:
            raise JsLiteralError(f"expected ',' or {closer!r} in object", token.start())
        return result


def _sq_flat_object(text: str, start: int, end: int) -> dict[str, Any]:
    pairs = _SQ_FLAT_PAIRS.findall(text, start, end)
    return {key: [] if empty else value for key, value, empty in pairs}


def _flat_object(text: str, start: int, end: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for pair in _FLAT_PAIRS.finditer(text, start, end):
        k1, k2, k3, v1, v2, empty = pair.groups()
        key = k1 if k1 is not None else (k2 if k2 is not None else k3)
        result[key] = [] if empty is not None else (v1 if v1 is not None else v2)
    return result


def _unquote(quoted: str, at: int) -> str:
    """The string's value; `at`, where it starts, places an error in the text."""
    body = quoted[1:-1]
    if "\\" not in body:
        return body
    try:
        return _ESCAPE.sub(_escape, body)
    except JsLiteralError as error:  # placed in `body` by _escape
        raise JsLiteralError(error.message, at + 1 + error.pos) from None


def _escape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code.startswith("u{"):
        point = int(code[2:-1], 16)
        if point > sys.maxunicode:  # a SyntaxError in JavaScript too
            raise JsLiteralError("\\u{...} escape beyond U+10FFFF", match.start())
        return chr(point)
    if code[0] == "u" and len(code) == 5:
        return chr(int(code[1:], 16))
    if code[0] == "x" and len(code) == 3:
        return chr(int(code[1:], 16))
    return _ESCAPES.get(code, code)


def _number(text: str, at: int) -> int | float:
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("-")
    if digits[:2].lower() == "0x":
        return sign * int(digits, 16)
    if any(c in digits for c in ".eE"):
        return float(text)
    try:
        return int(text)
    except ValueError:  # over Python's limit on decimal digits (sys.get_int_max_str_digits)
        raise JsLiteralError(f"an integer of {len(digits)} digits", at) from None
