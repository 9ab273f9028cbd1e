"""Reading a JSON answer defensively: every value is checked before it is used.

`Node` wraps one decoded JSON value with the URL it came from and its path
in the answer (`rows[3].user.mstUserId`), so any value of the wrong type,
or a required one missing, is a ParseError that says where.

Keys are looked up as the public clients spell them (camelCase) and, when
that is absent, as the Swagger definitions spell some of them (the
classification's `Rows`, `Position`, ...): the definitions and the clients
disagree, and which the service sends is not known here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from mre_core.connector import ParseError

T = TypeVar("T")


def load(text: str, url: str) -> Node:
    """The decoded answer, or a ParseError if it is not JSON."""
    try:
        return Node(json.loads(text), url, "")
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        raise ParseError(url, f"not JSON ({type(exc).__name__}: {exc})"[:200]) from None


class Node:
    """One JSON value of an answer, with where it was found."""

    __slots__ = ("path", "url", "value")

    def __init__(self, value: Any, url: str, path: str) -> None:
        self.value = value
        self.url = url
        self.path = path

    def fail(self, problem: str) -> ParseError:
        """A ParseError about this value, for the caller to raise."""
        where = self.path or "the answer"
        return ParseError(self.url, f"{where}: {problem}")

    # --- containers -------------------------------------------------------------------

    def items(self) -> Iterator[Node]:
        """The elements of a JSON array."""
        if type(self.value) is not list:
            raise self.fail(f"expected a list, got {_kind(self.value)}")
        for index, item in enumerate(self.value):
            yield Node(item, self.url, f"{self.path}[{index}]")

    def get(self, key: str) -> Node | None:
        """The member `key` of an object (or its PascalCase spelling); None if absent or null."""
        if type(self.value) is not dict:
            raise self.fail(f"expected an object, got {_kind(self.value)}")
        for name in (key, key[:1].upper() + key[1:]):
            if self.value.get(name) is not None:
                return Node(self.value[name], self.url, f"{self.path}.{name}".lstrip("."))
        return None

    def member(self, key: str) -> Node:
        """The member `key`, which must be there."""
        found = self.get(key)
        if found is None:
            raise self.fail(f"no {key!r}")
        return found

    def list_of(self, key: str) -> list[Node]:
        """The elements of the array `key`; an absent or null array is empty."""
        found = self.get(key)
        return [] if found is None else list(found.items())

    # --- scalars ----------------------------------------------------------------------

    def integer(self, key: str) -> int:
        return self._required(key, self.opt_integer)

    def opt_integer(self, key: str) -> int | None:
        found = self.get(key)
        if found is None:
            return None
        if type(found.value) is not int:  # bool is not an int here
            raise found.fail(f"expected an integer, got {_kind(found.value)} {found.value!r:.40}")
        return found.value

    def opt_position(self, key: str) -> int | None:
        """A place (1 and up); None when absent or 0, which the API sends for "none"."""
        value = self.opt_integer(key)
        if value is not None and value < 0:
            raise self.member(key).fail(f"is {value}, not a place")
        return value or None

    def ident(self, key: str = "id") -> str:
        """A positive integer id, as the text mre keys records by."""
        value = self.integer(key)
        if value <= 0:
            raise self.member(key).fail(f"is {value}, not an id")
        return str(value)

    def text(self, key: str) -> str:
        return self._required(key, self.opt_text)

    def opt_text(self, key: str) -> str | None:
        found = self.get(key)
        if found is None:
            return None
        if type(found.value) is not str:
            raise found.fail(f"expected a string, got {_kind(found.value)} {found.value!r:.40}")
        return found.value

    def opt_flag(self, key: str) -> bool | None:
        found = self.get(key)
        if found is None:
            return None
        if type(found.value) is not bool:
            raise found.fail(f"expected true or false, got {_kind(found.value)}")
        return found.value

    def read(self, key: str, reader: Callable[[str], T]) -> T | None:
        """The string `key` read by `reader` (a time, a date); a ValueError is a ParseError."""
        shown = self.opt_text(key)
        if shown is None:
            return None
        try:
            return reader(shown)
        except ValueError as exc:
            raise self.member(key).fail(str(exc)) from None

    def _required(self, key: str, read: Callable[[str], T | None]) -> T:
        value = read(key)
        if value is None:
            raise self.fail(f"no {key!r}")
        return value


_KINDS = {dict: "an object", list: "a list", type(None): "null"}


def _kind(value: object) -> str:
    return _KINDS.get(type(value), type(value).__name__)
