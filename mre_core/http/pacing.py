"""How fast mre may talk to one site, and how long it waits before a retry.

A *site* is a connector's source (`liverc`), never a guess from host names:
every host a connector declared (each LiveRC track has its own subdomain)
shares one budget, and two connectors never share one, even on hosts that
look alike.

A budget is three limits: at most `MRE_HTTP_CONCURRENCY` requests in flight,
request starts at least `MRE_HTTP_MIN_INTERVAL_S` apart, and a hold of the
whole site after a 429, a 503 or a Retry-After. A hold longer than mre
waits (`MRE_HTTP_BACKOFF_MAX_S`) is not waited for: every request to the
site fails at once (`SiteHeldError`, saying until when) until it ends, in
every thread or process sharing the gate. `Gates` hands out one
`Gate` per site. The HTTP client of a service keeps them in the service's
database (`mre_core.http.shared`), so every process and worker using that
database shares them; a client built without a database (a unit test, a
script) keeps them here, in memory, for its own lifetime (`LocalGates`).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Protocol

from mre_core.errors import SiteHeldError

# The longest a site is held for, whatever it asks: a Retry-After of years (or
# dated in the year 9999) must neither overflow a datetime nor shut mre out for good.
MAX_HOLD_S = 24 * 3600.0


class Gate(Protocol):
    """One site's budget, as a request sees it."""

    def turn(self) -> AbstractContextManager[None]:
        """Wait for a free slot and a start time; the request runs inside the block.

        SiteHeldError at once, holding nothing, if the site is held for longer
        than the gate waits.
        """
        ...

    def hold(self, seconds: float) -> datetime:
        """Start no request on the site for `seconds` from now (never shortens a hold).

        Returns when the hold in force ends (UTC).
        """
        ...


class Gates(Protocol):
    def for_site(self, site: str) -> Gate: ...

    def close(self) -> None: ...


class SiteGate:
    """In memory: at most `concurrency` requests in flight, starts at least `interval` apart.

    A start time is reserved under the lock and slept for outside it, so
    waiting threads queue in order instead of all waking at once.

    `hold(seconds)` stops the whole site, not one request: when the site says
    "too many requests" (429, 503, Retry-After) to one thread, the others must
    not keep fetching while that one backs off. Starts reserved before the
    hold are pushed back behind it too; a hold ending more than `max_wait_s`
    from now is not waited for (`SiteHeldError`).
    """

    def __init__(
        self,
        site: str,
        concurrency: int,
        interval_s: float,
        max_wait_s: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.site = site
        self._max_wait = max_wait_s
        self._slots = threading.BoundedSemaphore(max(1, concurrency))
        self._lock = threading.Lock()
        self._interval = max(0.0, interval_s)
        self._next_start = float("-inf")
        self._held_until = float("-inf")
        # ...and by the wall clock, as said when asked: the clock above is monotonic.
        self._held_until_utc = datetime.min.replace(tzinfo=UTC)
        self._clock = clock
        self._sleep = sleep

    def hold(self, seconds: float) -> datetime:
        """Start no request on this site for `seconds` from now (or longer, if already held)."""
        seconds = max(0.0, seconds)
        with self._lock:
            until = self._clock() + seconds
            if until > self._held_until:
                self._held_until = until
                self._held_until_utc = datetime.now(UTC) + timedelta(seconds=seconds)
            self._next_start = max(self._next_start, self._held_until)
            return self._held_until_utc

    def _reserve(self) -> tuple[float, float]:
        """(now, the start reserved); called with the lock held."""
        now = self._clock()
        if self._held_until - now > self._max_wait:
            raise site_held(self.site, self._held_until_utc, self._max_wait)
        start = max(now, self._next_start)
        self._next_start = start + self._interval
        return now, start

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._slots:
            with self._lock:
                now, start = self._reserve()
            while start > now:
                self._sleep(start - now)
                with self._lock:
                    if self._held_until <= start:
                        break
                    # The site was put on hold while we waited: queue again behind it.
                    now, start = self._reserve()
            yield


class LocalGates:
    """One in-memory gate per site, created on first use: limits of this client alone."""

    def __init__(
        self,
        concurrency: int,
        interval_s: float,
        max_wait_s: float,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._concurrency = concurrency
        self._interval = interval_s
        self._max_wait = max_wait_s
        self._sleep = sleep
        self._clock = clock
        self._gates: dict[str, SiteGate] = {}
        self._lock = threading.Lock()

    def for_site(self, site: str) -> SiteGate:
        with self._lock:
            gate = self._gates.get(site)
            if gate is None:
                gate = self._gates[site] = SiteGate(
                    site,
                    self._concurrency,
                    self._interval,
                    self._max_wait,
                    clock=self._clock,
                    sleep=self._sleep,
                )
            return gate

    def close(self) -> None:
        pass


def site_held(site: str, until: datetime, max_wait_s: float) -> SiteHeldError:
    """The error of a request to a site held (by `until`, UTC) for longer than mre waits."""
    return SiteHeldError(
        f"site {site} asked not to be contacted until {until:%Y-%m-%d %H:%M:%S} UTC, "
        f"longer than the {max_wait_s:g} s mre waits (MRE_HTTP_BACKOFF_MAX_S)"
    )


def backoff_delay(attempt: int, base_s: float, max_s: float, rng: random.Random) -> float:
    """Exponential backoff with 'equal jitter': half fixed, half random.

    Attempt n waits between half and all of min(max, base * 2**(n-1)): the wait
    still grows for sure, and clients that failed together do not all retry
    together.
    """
    ceiling = min(max_s, base_s * (2 ** (attempt - 1)))
    return ceiling / 2 + rng.uniform(0, ceiling / 2)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Parse a Retry-After header: delta seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)
