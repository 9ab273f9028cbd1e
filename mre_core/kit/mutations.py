"""Pages changed the ways servers and proxies change them: cut short, a piece lost or
doubled, a character swapped, a bracket or quote stray in the middle.

Deterministic: the same page and seed give the same mutations, so a failing
fuzz case names a mutation that can be reproduced (`mutations(body, seed)`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

_STRAY = (b"<", b">", b"{", b"}", b"[", b"]", b'"', b"'", b"\\", b",", b"\x00", b"\xff")


def mutations(body: bytes, seed: str, count: int = 8) -> Iterator[tuple[str, bytes]]:
    """`count` changed copies of `body`, each with a name saying what was done."""
    rng = random.Random(f"{seed}:{len(body)}")
    size = max(len(body), 1)
    kinds = (_cut, _drop, _double, _swap, _stray, _digit)
    for number in range(count):
        kind = kinds[number % len(kinds)]
        at = rng.randrange(size)
        span = rng.randrange(1, max(2, size // 20))
        name, changed = kind(body, at, span, rng)
        yield f"{name} at byte {at}", changed


def _cut(body: bytes, at: int, span: int, rng: random.Random) -> tuple[str, bytes]:
    return "cut short", body[:at]


def _drop(body: bytes, at: int, span: int, rng: random.Random) -> tuple[str, bytes]:
    return f"{span} bytes lost", body[:at] + body[at + span :]


def _double(body: bytes, at: int, span: int, rng: random.Random) -> tuple[str, bytes]:
    return f"{span} bytes doubled", body[: at + span] + body[at:]


def _swap(body: bytes, at: int, span: int, rng: random.Random) -> tuple[str, bytes]:
    other = rng.randrange(max(len(body), 1))
    return "a byte swapped", body[:at] + body[other : other + 1] + body[at + 1 :]


def _stray(body: bytes, at: int, span: int, rng: random.Random) -> tuple[str, bytes]:
    stray = rng.choice(_STRAY)
    return f"stray {stray!r}", body[:at] + stray + body[at:]


def _digit(body: bytes, at: int, span: int, rng: random.Random) -> tuple[str, bytes]:
    """A digit turned into a letter: the numbers a parser reads, made unreadable."""
    digits = [i for i in range(at, min(len(body), at + 4096)) if body[i : i + 1].isdigit()]
    if not digits:
        return "no digit to change", body
    where = rng.choice(digits)
    return f"digit at {where} made x", body[:where] + b"x" + body[where + 1 :]
