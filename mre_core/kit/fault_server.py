"""A timing site on loopback, with fault injection: for testing any connector.

Serves a site's pages over real HTTP/1.1 (keep-alive, Content-Length) on
127.0.0.1, routing by the ``Host`` header like a site's virtual hosts, so a
connector can be tested end to end through mre's real HTTP client (point
its hosts here with ``MRE_HTTP_RESOLVE="*.example.com=127.0.0.1:PORT"``):
retries, timeouts, pacing, partial bodies. Every request is recorded.
Faults are rules matched against ``host/path?query`` (in the site's
canonical form) by substring or compiled regex, each for ``times`` requests
or forever, and can be added while the server runs.

What it serves is any ``Pages``: the pages of a recorded cassette
(`mre_core.kit.cassettes.CassettePages`), or a site generator's (the
LiveRC simulator of mre's own tests).
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Protocol


class Pages(Protocol):
    """A site's pages by URL: the body, or None for a page the site does not have."""

    def get(self, url: str) -> bytes | None: ...


FAULT_KINDS = ("delay", "status", "timeout", "drop", "truncate")


@dataclass
class RequestRecord:
    """One request as the simulator saw it, listed in arrival order.

    ``status`` is what was sent (None while in flight, or when the connection
    was dropped without an answer); ``fault`` names the fault applied, if any;
    ``time`` is ``time.time()`` at arrival; ``done`` turns True once answered.
    """

    host: str
    target: str
    status: int | None
    time: float
    method: str = "GET"
    fault: str | None = None
    done: bool = False
    user_agent: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    answered_at: float | None = None  # when the response started (or the drop)
    waited: float = 0.0  # seconds held before answering: latency plus delay faults

    @property
    def url(self) -> str:
        return f"https://{self.host}{self.target}"


@dataclass
class Fault:
    """A fault rule. ``times=None`` applies forever; otherwise it is used up.

    kinds: ``delay`` (add ``seconds`` before answering; several stack),
    ``status`` (answer ``status`` with optional ``Retry-After``), ``timeout``
    (sleep ``seconds`` then answer normally: longer than the client's timeout),
    ``drop`` (close the connection without a response), ``truncate`` (announce
    the full Content-Length, send ``keep`` of the body, close).
    """

    kind: str
    pattern: str | re.Pattern[str]
    times: int | None = 1
    seconds: float = 0.0
    status: int = 503
    retry_after: str | None = None
    keep: float = 0.5
    hits: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}")

    def matches(self, key: str) -> bool:
        if self.times is not None and self.hits >= self.times:
            return False
        if isinstance(self.pattern, re.Pattern):
            return self.pattern.search(key) is not None
        return self.pattern in key


def _not_found_page() -> bytes:
    return (
        b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
        b"<body><h1>Not Found</h1></body></html>\n"
    )


def _error_page(status: int) -> bytes:
    return f"<!DOCTYPE html>\n<html><body><h1>{status}</h1></body></html>\n".encode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    sim: FaultServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.sim._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.sim._track(self.connection, add=False)

    def do_GET(self) -> None:
        self.server.sim._handle(self, head=False)

    def do_HEAD(self) -> None:
        self.server.sim._handle(self, head=True)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class FaultServer:
    """A site on ``127.0.0.1:port``; a context manager that starts and stops it.

    `canonical` puts a URL in the form faults are matched against and pages
    are looked up by (the identity by default); `content_type` is sent with
    every page.

    >>> with FaultServer(pages) as server:                        # doctest: +SKIP
    ...     httpx.get(f"{server.base_url}/events/", headers={"Host": "club.example.com"})
    """

    def __init__(
        self,
        pages: Pages,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        latency: float = 0.0,
        canonical: Callable[[str], str] = lambda url: url,
        content_type: str = "text/html; charset=UTF-8",
        name: str = "fault-server",
    ) -> None:
        self.pages = pages
        self.latency = latency
        self._canonical = canonical
        self._content_type = content_type
        self._name = name
        self._address = (host, port)
        self._faults: list[Fault] = []
        self._requests: list[RequestRecord] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self.connections_opened = 0
        # Requests being handled right now, and the most there ever were at once.
        self.in_flight = 0
        self.max_in_flight = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------

    def start(self) -> FaultServer:
        server = _Server(self._address, _Handler)
        server.sim = self
        self._server = server
        self._stopping.clear()
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=self._name,
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; wakes sleeping handlers and closes open keep-alive connections."""
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        with self._lock:
            conns = list(self._connections)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("simulator not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``: send requests here with the site's ``Host`` header."""
        return f"http://{self._address[0]}:{self.port}"

    def local(self, url: str) -> tuple[str, dict[str, str]]:
        """(loopback URL, headers) that fetch the site's ``url`` from this server."""
        canon = self._canonical(url)
        host, _, rest = canon.removeprefix("https://").partition("/")
        return f"{self.base_url}/{rest}", {"Host": host}

    # -- records ----------------------------------------------------------

    @property
    def requests(self) -> list[RequestRecord]:
        """A copy of every request so far, in arrival order."""
        with self._lock:
            return [replace(r) for r in self._requests]

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()
            self.max_in_flight = self.in_flight

    def _arrive(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _leave(self, record: RequestRecord) -> None:
        # Called before the response goes out: a client that then sends its
        # next request at once is never counted twice. Idempotent per request.
        with self._lock:
            if record.answered_at is None:
                record.answered_at = time.time()
                self.in_flight -= 1

    # -- faults -----------------------------------------------------------

    def add_fault(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def delay(
        self, pattern: str | re.Pattern[str], seconds: float, times: int | None = None
    ) -> Fault:
        """Add ``seconds`` of latency to matching requests (forever by default)."""
        return self.add_fault(Fault("delay", pattern, times, seconds=seconds))

    def fail(
        self,
        pattern: str | re.Pattern[str],
        status: int = 503,
        times: int | None = 1,
        retry_after: str | int | None = None,
    ) -> Fault:
        """Answer matching requests with ``status`` (500/502/503/404/429...)."""
        ra = None if retry_after is None else str(retry_after)
        return self.add_fault(Fault("status", pattern, times, status=status, retry_after=ra))

    def timeout(
        self, pattern: str | re.Pattern[str], seconds: float, times: int | None = 1
    ) -> Fault:
        """Sleep ``seconds`` before answering matching requests."""
        return self.add_fault(Fault("timeout", pattern, times, seconds=seconds))

    def drop(self, pattern: str | re.Pattern[str], times: int | None = 1) -> Fault:
        """Close matching connections without any response."""
        return self.add_fault(Fault("drop", pattern, times))

    def truncate(
        self, pattern: str | re.Pattern[str], times: int | None = 1, keep: float = 0.5
    ) -> Fault:
        """Send a Content-Length larger than the bytes sent, then close."""
        return self.add_fault(Fault("truncate", pattern, times, keep=keep))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def _take_faults(self, key: str) -> tuple[float, Fault | None]:
        """Latency to add and the terminal fault for this request, using up counts."""
        delay = 0.0
        terminal = None
        with self._lock:
            for f in self._faults:
                if f.kind == "delay":
                    if f.matches(key):
                        f.hits += 1
                        delay += f.seconds
                elif terminal is None and f.matches(key):
                    f.hits += 1
                    terminal = f
        return delay, terminal

    # -- serving ----------------------------------------------------------

    def _track(self, conn: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
                self.connections_opened += 1
            else:
                self._connections.discard(conn)

    def _record(self, record: RequestRecord) -> None:
        with self._lock:
            self._requests.append(record)

    def _finish(self, record: RequestRecord, status: int | None, fault: str | None) -> None:
        with self._lock:
            record.status, record.fault, record.done = status, fault, True

    def _handle(self, h: _Handler, *, head: bool) -> None:
        arrival = time.time()
        target = h.path
        if target.startswith(("http://", "https://")):  # absolute-form (proxy style)
            url = target
        else:
            url = f"https://{h.headers.get('Host', '')}{target}"
        canon = self._canonical(url)
        host, _, rest = canon.removeprefix("https://").partition("/")
        record_target = target if target.startswith("/") else "/" + rest
        key = f"{host}/{rest}"
        record = RequestRecord(
            host,
            record_target,
            None,
            arrival,
            h.command,
            user_agent=h.headers.get("User-Agent"),
            headers={name.lower(): value for name, value in h.headers.items()},
        )
        self._record(record)
        self._arrive()
        try:
            self._respond(h, record, key, url, head)
        finally:
            self._leave(record)

    def _respond(self, h: _Handler, record: RequestRecord, key: str, url: str, head: bool) -> None:
        delay, fault = self._take_faults(key)
        kind = fault.kind if fault else None
        with self._lock:
            record.fault = kind
            record.waited = self.latency + delay
        if self.latency + delay > 0:
            self._stopping.wait(self.latency + delay)
        if fault is not None and fault.kind == "drop":
            h.close_connection = True
            self._leave(record)
            self._finish(record, None, kind)
            return
        if fault is not None and fault.kind == "timeout":
            self._stopping.wait(fault.seconds)
        headers: dict[str, str] = {}
        if fault is not None and fault.kind == "status":
            status, body = fault.status, _error_page(fault.status)
            if fault.retry_after is not None:
                headers["Retry-After"] = fault.retry_after
        else:
            page = self.pages.get(url)
            status, body = (200, page) if page is not None else (404, _not_found_page())
        sent = len(body)
        if fault is not None and fault.kind == "truncate" and status == 200:
            sent = max(0, min(len(body) - 1, int(len(body) * fault.keep)))
        with self._lock:
            record.status = status  # known before the client can read the response
        self._leave(record)
        try:
            h.send_response(status)
            h.send_header("Content-Type", self._content_type)
            h.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                h.send_header(name, value)
            h.end_headers()
            if not head:
                h.wfile.write(body[:sent])
            h.wfile.flush()
        except OSError:
            h.close_connection = True
        if sent < len(body):
            h.close_connection = True
        self._finish(record, status, kind)
