"""The one HTTP client every connector fetches through.

It is where mre keeps its promises to the sites it reads: an honest
User-Agent, per-site limits on concurrency and request rate, timeouts,
retries with backoff only where a retry can help (connection errors,
timeouts, 429, 5xx; never another 4xx), Retry-After honoured, a kill switch
(`MRE_SCRAPE_ENABLED=0`), and hosts restricted to the ones each connector
declared. And where mre protects itself from the sites: each try ends by a
deadline and each page has a size cap (`mre_core.http.limits`).

A site is a connector's source: every host a connector declared shares one
budget (`mre_core.http.pacing`). A client given a database (the service's)
keeps the budgets there (`mre_core.http.shared`), shared by every process
and worker using that database; without one, in memory for itself alone.
Replaying a cassette sends nothing, so it is not paced at all.

A 429 or 503, or any answer with a Retry-After, is the site saying it is
overloaded: the back-off then holds the whole site (every thread, and with
a database every process), not only the request that got it. Other failures
(500, 502, 504, broken connections) may be one bad page, so only the request
that failed backs off. A Retry-After longer than mre waits
(`MRE_HTTP_BACKOFF_MAX_S`) holds the site for the time asked (at most
`MAX_HOLD_S`), and every request to it fails at once until then
(`SiteHeldError`) instead of sleeping for hours. It also counts and logs every
request, which is how tests prove that an event costs exactly races + 2 requests.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
from loguru import logger
from vcr.errors import CannotOverwriteExistingCassetteException

from mre_core.errors import (
    ForbiddenHostError,
    HttpStatusError,
    NetworkError,
    PageNotFoundError,
    ReplayMissError,
    ScrapingDisabledError,
    SiteHeldError,
    ValidationError,
)
from mre_core.http import limits
from mre_core.http.cassette import Cassette
from mre_core.http.pacing import (
    MAX_HOLD_S,
    Gate,
    Gates,
    LocalGates,
    backoff_delay,
    retry_after_seconds,
)
from mre_core.http.resolve import ResolvingTransport, parse_resolve
from mre_core.records import ConnectorInfo
from mre_core.settings import Settings

if TYPE_CHECKING:
    import peewee

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Statuses that mean "the site is overloaded": their back-off holds the whole site.
HOLD_SITE_STATUSES = frozenset({429, 503})


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    status: int
    text: str
    from_cassette: bool = False


class HttpClient:
    """Shared by all connectors of a service; thread-safe.

    `db`: the database whose site budgets this client shares with every
    other process using it (the service passes its own); None keeps the
    budgets in memory, for this client alone.
    """

    def __init__(
        self,
        settings: Settings,
        cassette: Cassette | None = None,
        *,
        db: peewee.Database | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        # Tests pass a recorder and a fake clock: waits are checked, not waited.
        self._sleep = sleep
        self.cassette = cassette
        transport: httpx.BaseTransport = limits.LimitedTransport()
        if settings.http_resolve:
            transport = ResolvingTransport(transport, parse_resolve(settings.http_resolve))
        self._client = httpx.Client(
            transport=transport,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": limits.ACCEPT_ENCODING},
            timeout=httpx.Timeout(
                settings.http_read_timeout_s, connect=settings.http_connect_timeout_s
            ),
            follow_redirects=False,
        )
        self._gates: Gates
        if db is not None:
            from mre_core.http.shared import SharedGates  # the storage layer, only when asked

            self._gates = SharedGates(db, settings, sleep=sleep)
        else:
            self._gates = LocalGates(
                settings.http_concurrency,
                settings.http_min_interval_s,
                settings.http_backoff_max_s,
                sleep=sleep,
                clock=clock,
            )
        self._rng = random.Random()

    def for_connector(self, info: ConnectorInfo) -> SourceHttp:
        return SourceHttp(self, info)

    def close(self) -> None:
        self._gates.close()
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def _replaying(self) -> bool:
        return self.cassette is not None and self.cassette.replaying

    def check_enabled(self, url: str) -> None:
        """Raise ScrapingDisabledError if `url` would go to the network while fetching is off."""
        if not self._replaying and not self.settings.scrape_enabled:
            raise ScrapingDisabledError(
                f"fetching is turned off (MRE_SCRAPE_ENABLED=0); not fetching {url}"
            )

    def get(self, url: str, site: str, headers: Mapping[str, str] | None = None) -> Page:
        """Fetch `url` within the budget of `site` (the source of the connector asking)."""
        replaying = self._replaying
        self.check_enabled(url)
        gate = self._gates.for_site(site)
        attempt = 0
        while True:
            attempt += 1
            started = time.monotonic()
            try:
                if replaying:
                    response = self._send(url, headers)
                else:
                    with gate.turn():
                        started = time.monotonic()
                        response = self._send(url, headers)
            except CannotOverwriteExistingCassetteException:
                raise ReplayMissError(
                    url, str(self.cassette.path if self.cassette else "")
                ) from None
            except ValidationError as exc:  # too large, or packed in a way not asked for
                self._log(url, None, 0, started, replaying, attempt, exc.message)
                raise
            except httpx.TransportError as exc:
                reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                self._log(url, None, 0, started, replaying, attempt, reason)
                if attempt >= self.settings.http_max_tries:
                    raise NetworkError(f"{url} failed after {attempt} tries: {reason}") from None
                self._sleep(self._delay(attempt, None, url))
                continue
            self._log(url, response.status_code, len(response.content), started, replaying, attempt)
            status = response.status_code
            if status in RETRY_STATUSES:
                asked = retry_after_seconds(response.headers.get("Retry-After"))
                if asked is not None and asked > self.settings.http_backoff_max_s:
                    raise self._held_too_long(url, site, gate, asked, replaying)
                if attempt < self.settings.http_max_tries:
                    delay = self._delay(attempt, asked, url)
                    if not replaying and (status in HOLD_SITE_STATUSES or asked is not None):
                        gate.hold(delay)  # the retry waits for it in gate.turn(), as does everyone
                    else:
                        self._sleep(delay)
                    continue
            return self._page(url, response, replaying)

    def _send(self, url: str, headers: Mapping[str, str] | None) -> httpx.Response:
        """One try, within its deadline and the size cap (`mre_core.http.limits`)."""
        with limits.attempt(url, self.settings):
            return self._client.get(url, headers=headers)

    def _page(self, url: str, response: httpx.Response, replaying: bool) -> Page:
        status = response.status_code
        if status == 404:
            raise PageNotFoundError(url)
        if status != 200:
            raise HttpStatusError(url, status)
        return Page(url=url, status=status, text=response.text, from_cassette=replaying)

    def _held_too_long(
        self, url: str, site: str, gate: Gate, asked: float, replaying: bool
    ) -> SiteHeldError:
        """The site asked for more than mre waits: hold it for everyone, fail this request.

        Waiting that long would hold up the run (and its event's lock) for hours;
        holding the site keeps every other thread and process from asking it
        anything meanwhile. A replay sends nothing, so it holds nothing.
        """
        message = (
            f"{url}: the site asked to retry after {asked:.0f} s, more than the "
            f"{self.settings.http_backoff_max_s:g} s mre waits (MRE_HTTP_BACKOFF_MAX_S)"
        )
        if not replaying:
            until = gate.hold(min(asked, MAX_HOLD_S))
            message += f"; site {site} is left alone until {until:%Y-%m-%d %H:%M:%S} UTC"
        return SiteHeldError(message)

    def _delay(self, attempt: int, asked: float | None, url: str) -> float:
        """How long to wait before the next try: the backoff, or longer if the site asks."""
        s = self.settings
        delay = backoff_delay(attempt, s.http_backoff_base_s, s.http_backoff_max_s, self._rng)
        if asked is not None:
            delay = max(delay, asked)
        logger.info(
            "retrying {} in {:.2f} s (attempt {} of {})", url, delay, attempt + 1, s.http_max_tries
        )
        return delay

    def _log(
        self,
        url: str,
        status: int | None,
        size: int,
        started: float,
        replaying: bool,
        attempt: int,
        error: str | None = None,
    ) -> None:
        elapsed_ms = (time.monotonic() - started) * 1000
        logger.bind(
            url=url,
            status=status,
            bytes=size,
            elapsed_ms=round(elapsed_ms, 1),
            from_cassette=replaying,
            attempt=attempt,
            error=error,
        ).info(
            "GET {} -> {} {} B {:.0f} ms{}",
            url,
            status if status is not None else error,
            size,
            elapsed_ms,
            " (cassette)" if replaying else "",
        )


def check_host(info: ConnectorInfo, url: str) -> None:
    """ForbiddenHostError unless `url` is https on a host the connector declared."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not any(fnmatchcase(host, p) for p in info.hosts):
        raise ForbiddenHostError(
            f"connector {info.source!r} may not fetch {url}: only https on {', '.join(info.hosts)}"
        )


class SourceHttp:
    """The client as one connector sees it, for one operation.

    Only the hosts the connector declared are allowed, all of them within the
    one budget of the connector's source, and requests are counted here so
    each operation reports its own.
    """

    def __init__(self, client: HttpClient, info: ConnectorInfo) -> None:
        self._client = client
        self._info = info
        self._lock = threading.Lock()
        self.requests = 0

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Page:
        """Fetch `url` politely. `headers` are added to the request (an API key, an
        `Accept`); they are never written into a recorded cassette."""
        check_host(self._info, url)
        self._client.check_enabled(url)  # a refused request is not counted
        with self._lock:
            self.requests += 1
        return self._client.get(url, site=self._info.source, headers=headers)
