"""Send requests for some hosts to another address, like curl's --resolve.

Tests and the benchmark serve a simulated LiveRC on loopback; with
`MRE_HTTP_RESOLVE="*.liverc.com=127.0.0.1:8765"` the unchanged connector
code reaches it. The request keeps its `Host` header, and the URL the
connector asked for travels in `ORIGINAL_URL_HEADER` so a cassette records
`https://x.liverc.com/...`, never the loopback address.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

import httpx

from mre_core.errors import UsageError

ORIGINAL_URL_HEADER = "x-mre-original-url"


def parse_resolve(spec: str) -> list[tuple[str, str]]:
    """'*.liverc.com=127.0.0.1:8765,live.x.com=127.0.0.1:1' -> [(pattern, 'host:port'), ...]."""
    rules = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        pattern, sep, target = part.partition("=")
        if not sep or not pattern or ":" not in target:
            raise UsageError(
                f"MRE_HTTP_RESOLVE entry {part!r} must look like '*.example.com=127.0.0.1:8080'"
            )
        rules.append((pattern.lower(), target))
    return rules


class ResolvingTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, rules: list[tuple[str, str]]) -> None:
        self._inner = inner
        self._rules = rules

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host.lower()
        for pattern, target in self._rules:
            if fnmatchcase(host, pattern):
                address, _, port = target.rpartition(":")
                request.headers[ORIGINAL_URL_HEADER] = str(request.url)
                request.url = request.url.copy_with(scheme="http", host=address, port=int(port))
                break
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()
