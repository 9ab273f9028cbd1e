"""The connector's own refusals: pages that read, but must not be ingested as they are.

A page that cannot be read is mre_core's ParseError. These are for pages
that can be read and say something mre must not store: another event's or
race's page served at the URL asked for, a race with laps far beyond its
results. Both are ValidationErrors (exit 4, code "validation"), so a run
record that holds one means the same to a process that never loaded this
connector; each names the page.
"""

from __future__ import annotations

from mre_core.connector import ValidationError


class PageRefusedError(ValidationError):
    """A page read, and refused for what it says; `url` names it, `detail` says why."""

    def __init__(self, url: str, detail: str) -> None:
        super().__init__(f"refused {url}: {detail}")
        self.url = url
        self.detail = detail


class WrongPageError(PageRefusedError):
    """The page names another `what` (event, race) than the one requested."""

    def __init__(self, url: str, what: str, requested: str, named: str) -> None:
        super().__init__(url, f"it is the page of {what} {named}, not of {what} {requested}")
        self.what = what
        self.requested = requested
        self.named = named
