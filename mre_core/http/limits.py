"""Limits on one try of a request: a deadline for all of it, a cap on its page's size.

Without them a hostile or broken server could hold a run (and its event's
lock) for ever, sending a byte just before each read timeout, or fill the
memory with an endless body or a small gzip that unpacks to gigabytes.

- The deadline (`MRE_HTTP_TOTAL_TIMEOUT_S`) bounds every socket operation of
  the try (connect, TLS, each write and read): each is given the smaller of
  its own timeout and the time left, so a try ends at its deadline, not a
  read timeout after it, and no thread is needed to enforce it. Past it, the
  operation's httpcore timeout is raised, naming the limit: a timeout like
  any other, retried.
- The cap (`MRE_HTTP_MAX_BODY_BYTES`) is counted twice as the body comes off
  the connection: as received (a Content-Length over the cap refuses the
  page before any of its body is read) and unpacked. Unpacking is done here,
  a piece at a time and never more than the room left, so a bomb is refused
  having unpacked at most the cap; the body is handed on unpacked (without
  its Content-Encoding). Only gzip and deflate are asked for
  (`ACCEPT_ENCODING`): the site cannot pick an encoding mre does not bound.

Both live in the connection pool of the transport (`LimitedTransport`), below
the point where `--record` (vcrpy) reads a whole body, and unpacks it, before
handing it on: recording is bounded too. Connections are pooled and outlive
requests, so which try a socket operation belongs to is the current
`Attempt`, a context variable the client sets around each try (httpx's sync
API does every read of a request in the thread that sent it).
"""

from __future__ import annotations

import ssl
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

import httpcore
import httpx

from mre_core.errors import PageTooLargeError, ParseError
from mre_core.settings import Settings

ACCEPT_ENCODING = "gzip, deflate"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Attempt:
    """One try of a request, as the socket operations and the body it reads need it."""

    url: str  # as the connector asked for it, not where MRE_HTTP_RESOLVE sends it
    deadline: float  # by time.monotonic()
    total_s: float
    max_bytes: int

    def too_large(self) -> PageTooLargeError:
        return PageTooLargeError(self.url, self.max_bytes)

    def overdue(self) -> str:
        return f"the request took more than {self.total_s:g} s in all (MRE_HTTP_TOTAL_TIMEOUT_S)"


_CURRENT: ContextVar[Attempt] = ContextVar("mre_http_attempt")


@contextmanager
def attempt(url: str, settings: Settings) -> Iterator[Attempt]:
    """One try of `url`: its deadline starts now (after any wait for the site's turn)."""
    current = Attempt(
        url,
        time.monotonic() + settings.http_total_timeout_s,
        settings.http_total_timeout_s,
        settings.http_max_body_bytes,
    )
    token = _CURRENT.set(current)
    try:
        yield current
    finally:
        _CURRENT.reset(token)


def _before_deadline(
    operation: Callable[[float | None], T],
    timeout: float | None,
    timed_out: type[httpcore.TimeoutException],
) -> T:
    """Run a socket operation given at most the time left to the current try."""
    current = _CURRENT.get()
    left = current.deadline - time.monotonic()
    if left <= 0:
        raise timed_out(current.overdue())
    if timeout is not None and timeout < left:
        return operation(timeout)  # its own timeout ends first, and says so
    try:
        return operation(left)
    except timed_out:
        raise timed_out(current.overdue()) from None


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return _before_deadline(
            lambda t: self._inner.read(max_bytes, t), timeout, httpcore.ReadTimeout
        )

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        _before_deadline(lambda t: self._inner.write(buffer, t), timeout, httpcore.WriteTimeout)

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            _before_deadline(
                lambda t: self._inner.start_tls(ssl_context, server_hostname, t),
                timeout,
                httpcore.ConnectTimeout,
            )
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            _before_deadline(
                lambda t: self._inner.connect_tcp(host, port, t, local_address, socket_options),
                timeout,
                httpcore.ConnectTimeout,
            )
        )


class _Unpacker:
    """Undoes a Content-Encoding a piece at a time, each piece bounded by the room left."""

    def __init__(self, coding: str, url: str) -> None:
        self._coding = coding
        self._url = url
        self._zlib: Any = None  # zlib's decompressor type is not public
        self._first = True
        if coding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif coding == "deflate":
            self._zlib = zlib.decompressobj()
        elif coding not in ("", "identity"):
            raise ParseError(url, f"answered in Content-Encoding {coding!r}, not asked for")

    def unpack(self, data: bytes, room: int) -> bytes:
        """At most room + 1 bytes (one more than the room says the page is too large)."""
        if self._zlib is None:
            return data
        first, self._first = self._first, False
        try:
            return self._zlib.decompress(data, room + 1)
        except zlib.error as exc:
            if first and self._coding == "deflate":
                # Some servers send raw deflate, without the zlib header (httpx allows it).
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.unpack(data, room)
            raise ParseError(self._url, f"its {self._coding} body is corrupt: {exc}") from None

    def finish(self, room: int) -> bytes:
        return b"" if self._zlib is None else self._zlib.flush(room + 1)


class _Body:
    """A body as it comes off the connection, unpacked: refused once either count passes the cap."""

    def __init__(self, response: httpcore.Response, unpacker: _Unpacker, current: Attempt) -> None:
        self._response = response
        self._unpacker = unpacker
        self._attempt = current

    def __iter__(self) -> Iterator[bytes]:
        cap = self._attempt.max_bytes
        received = unpacked = 0
        for chunk in self._response.iter_stream():
            received += len(chunk)
            if received > cap:
                raise self._attempt.too_large()
            data = self._unpacker.unpack(chunk, cap - unpacked)
            unpacked += len(data)
            if unpacked > cap:
                raise self._attempt.too_large()
            yield data
        data = self._unpacker.finish(cap - unpacked)
        if unpacked + len(data) > cap:
            raise self._attempt.too_large()
        if data:
            yield data

    def close(self) -> None:
        self._response.close()  # unread, the connection is closed rather than reused


class _LimitedPool(httpcore.ConnectionPool):
    def handle_request(self, request: httpcore.Request) -> httpcore.Response:
        current = _CURRENT.get()
        response = super().handle_request(request)
        try:
            headers = httpx.Headers(response.headers)
            announced = headers.get("Content-Length", "")
            if announced.strip().isdigit() and int(announced) > current.max_bytes:
                raise current.too_large()
            coding = headers.get("Content-Encoding", "").strip().lower()
            unpacker = _Unpacker(coding, current.url)
        except BaseException:
            response.close()  # before reading any of the body
            raise
        if coding not in ("", "identity"):  # the body handed on is unpacked
            headers.pop("Content-Encoding")
            headers.pop("Content-Length", None)
        return httpcore.Response(
            response.status,
            headers=headers.raw,
            content=_Body(response, unpacker, current),
            extensions=response.extensions,
        )


class LimitedTransport(httpx.HTTPTransport):
    """httpx's transport, its connection pool replaced by one that keeps the limits.

    httpx takes no network backend: the pool is built as `HTTPTransport()` builds
    its own (httpx's default limits), with ours, and `HTTPTransport.__init__` is
    not called, since all it does is build a pool (loading the CA certificates
    again, 20 ms). vcrpy patches `HTTPTransport.handle_request`, which this
    class keeps, so it still records.
    """

    def __init__(self) -> None:
        self._pool = _LimitedPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=_DeadlineBackend(),
        )
