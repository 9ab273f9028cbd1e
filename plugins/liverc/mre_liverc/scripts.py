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
LiveRC writes (every value is a quoted string, escapes are `\\'`), the
readers of the values refuse what is not a number where one is needed, and
`tests/test_liverc_scripts.py` holds chompjs's reading equal to the strict
reader's (`mre_liverc.jsliteral`) on every real race page.
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


def read_literal(text: str) -> Any:
    """The value of the object or array literal that `text` starts with.

    What follows the literal is ignored; text before it must not be there (chompjs
    would skip it to the first `{` or `[`), so `text` starts with one of them.
    """
    if not text or text[0] not in "{[":
        raise ScriptLiteralError("not an object or array literal")
    try:
        return chompjs.parse_js_object(text, loader=_loads)
    except ScriptLiteralError:
        raise
    except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeError too
        raise ScriptLiteralError(_first_line(error)) from None


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
