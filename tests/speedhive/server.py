"""The example site on loopback, for what a cassette cannot show: the headers sent.

A plain HTTP server on 127.0.0.1 answering the site's URLs (any other is a
404); tests point the connector's host at it with `MRE_HTTP_RESOLVE`. It
keeps every request's path and headers, so a test can see what the
connector sent, an API key included.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from tests.speedhive.cassette import body


class SiteServer:
    """`with SiteServer(answers) as server:` serves `answers` (URL -> JSON value)."""

    def __init__(self, answers: dict[str, Any]) -> None:
        by_target = {_target(url): body(value).encode("utf-8") for url, value in answers.items()}
        self.requests: list[tuple[str, dict[str, str]]] = []
        requests = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                found = by_target.get(self.path)
                self.send_response(404 if found is None else 200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(found or b"")))
                self.end_headers()
                self.wfile.write(found or b"")

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def _target(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path
