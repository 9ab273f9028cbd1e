"""A recorded cassette's pages, served or handed to a connector without the network.

The conformance suite reads an author's cassettes three ways: replayed by
mre's own HTTP client (`--replay`, the service end to end), served by the
fault server on loopback (faults), and handed to the hooks directly through
`RecordedHttp` with one page changed (fuzzing, determinism), which needs no
server and no YAML written per mutation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mre_core.errors import HttpStatusError, PageNotFoundError
from mre_core.http import Page
from mre_core.http.cassette import read_cassette
from mre_core.http.client import check_host
from mre_core.records import ConnectorInfo


@dataclass(frozen=True, slots=True)
class Recorded:
    url: str
    status: int
    body: bytes
    content_type: str


class CassettePages:
    """Every response of a cassette by the URL asked for (the first one, as replay serves).

    `changed` maps URLs to other bodies: what the fault server and
    `RecordedHttp` then serve in their place (a fuzzed page, a missing one:
    None).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.recorded: dict[str, Recorded] = {}
        for interaction in read_cassette(path)["interactions"]:
            recorded = _recorded(interaction)
            self.recorded.setdefault(recorded.url, recorded)
        self.changed: dict[str, bytes | None] = {}

    def urls(self) -> list[str]:
        return list(self.recorded)

    @property
    def content_type(self) -> str:
        """The type most of the pages have: what the fault server sends with each."""
        types = Counter(r.content_type for r in self.recorded.values() if r.content_type)
        return types.most_common(1)[0][0] if types else "text/html; charset=UTF-8"

    def get(self, url: str) -> bytes | None:
        if url in self.changed:
            return self.changed[url]
        recorded = self.recorded.get(url)
        return recorded.body if recorded is not None and recorded.status == 200 else None


class RecordedHttp:
    """What a hook is handed instead of `SourceHttp`: the cassette's pages, no network.

    It refuses the hosts the connector did not declare and answers a page
    the cassette lacks with a 404, as the real client would; `asked` lists
    the URLs in the order they were asked for.
    """

    def __init__(self, pages: CassettePages, info: ConnectorInfo) -> None:
        self._pages = pages
        self._info = info
        self.asked: list[str] = []

    @property
    def requests(self) -> int:
        return len(self.asked)

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Page:
        check_host(self._info, url)  # as the real client does
        self.asked.append(url)
        body = self._pages.get(url)
        recorded = self._pages.recorded.get(url)
        if body is None:
            if recorded is not None and recorded.status not in (200, 404):
                raise HttpStatusError(url, recorded.status)
            raise PageNotFoundError(url)
        text = body.decode("utf-8", errors="replace")
        return Page(url=url, status=200, text=text, from_cassette=True)


def _recorded(interaction: dict) -> Recorded:
    request, response = interaction["request"], interaction["response"]
    body = response.get("body", {}).get("string", b"")
    if isinstance(body, str):
        body = body.encode("utf-8")
    headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
    content_type = headers.get("content-type") or [""]
    return Recorded(request["uri"], int(response["status"]["code"]), body, content_type[0])
