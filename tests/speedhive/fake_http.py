"""A stand-in for the core's SourceHttp: answers from a dict, counting what was asked."""

from __future__ import annotations

import json
from typing import Any

from mre_core.connector import Page


class Answers:
    """`get(url)` answers `answers[url]` as JSON text; `asked` lists the URLs in order."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def get(self, url: str, headers: dict[str, str] | None = None) -> Page:
        self.asked.append(url)
        return Page(url, 200, json.dumps(self.answers[url]))
