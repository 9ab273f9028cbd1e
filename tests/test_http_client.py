"""The polite client, against the simulator: limits, retries, backoff, kill switch.

Waits are recorded through an injected sleep, never slept or timed: what is
checked is how long the client *decided* to wait. The injected clock moves
only when the injected sleep is called.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from mre_core import __version__
from mre_core.errors import (
    HttpStatusError,
    NetworkError,
    PageNotFoundError,
    ScrapingDisabledError,
    SiteHeldError,
)
from mre_core.http import HttpClient
from mre_core.http.cassette import Cassette
from mre_core.http.pacing import MAX_HOLD_S, SiteGate, backoff_delay, retry_after_seconds
from mre_core.records import ConnectorInfo
from mre_core.settings import Settings
from mre_liverc import urls

LIVERC = ConnectorInfo("liverc", "0", urls.HOSTS)
CATALOGUE = "https://live.liverc.com/"


class Sleeps:
    """A fake sleep and the fake clock it moves; `during_first_wait` runs inside the first wait."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.now = 0.0
        self.during_first_wait: Callable[[], None] | None = None
        self._lock = threading.Lock()

    def clock(self) -> float:
        return self.now

    def __call__(self, seconds: float) -> None:
        wakes = self.now + seconds
        during, self.during_first_wait = self.during_first_wait, None
        if during is not None:
            during()  # another worker, fetching while this one waits
        with self._lock:
            self.waits.append(seconds)
            self.now = max(self.now, wakes)  # waits side by side overlap, as in real time


@pytest.fixture
def sleeps():
    return Sleeps()


@pytest.fixture
def client(simulator, sleeps):
    settings = Settings(
        http_resolve=f"*.liverc.com=127.0.0.1:{simulator.port}",
        http_min_interval_s=0.0,
        http_backoff_base_s=1.0,
        http_backoff_max_s=60.0,
        http_read_timeout_s=0.5,
        contact="mailto:club@example.org",
    )
    with HttpClient(settings, sleep=sleeps, clock=sleeps.clock) as http:
        yield http.for_connector(LIVERC)


def statuses(simulator):
    return [(r.status, r.fault) for r in simulator.requests]


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_transient_statuses_are_retried_with_growing_backoff(client, simulator, sleeps, status):
    simulator.fail("live.liverc.com/", status=status, times=2)
    page = client.get(CATALOGUE)
    assert page.status == 200
    assert statuses(simulator) == [(status, "status"), (status, "status"), (200, None)]
    first, second = sleeps.waits
    assert 0.5 <= first <= 1.0  # attempt 1: half to all of base
    assert 1.0 <= second <= 2.0  # attempt 2: twice that


def test_retry_after_is_honoured(client, simulator, sleeps):
    simulator.fail("live.liverc.com/", status=429, times=1, retry_after="7")
    assert client.get(CATALOGUE).status == 200
    assert sleeps.waits == [7.0]


HELD_UNTIL = r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC"


def held_until(pattern: str, message: str) -> datetime:
    """The time a message says the site is held until; the rest of it must be `pattern`."""
    found = re.fullmatch(pattern.replace("UNTIL", HELD_UNTIL), message)
    assert found, message
    return datetime.fromisoformat(found[1]).replace(tzinfo=UTC)


def test_a_retry_after_beyond_the_limit_holds_the_site_and_fails_at_once(client, simulator, sleeps):
    """Told to come back in an hour, the client neither sleeps an hour nor lets another
    thread ask the site anything meanwhile: both fail at once, saying until when."""
    track_page = f"https://{next(iter(simulator.pages.site.tracks)).host}/events/"
    simulator.fail("live.liverc.com/", status=503, times=1, retry_after="3600")
    before = datetime.now(UTC)
    with pytest.raises(SiteHeldError) as told:
        client.get(CATALOGUE)
    with pytest.raises(SiteHeldError) as other:
        client.get(track_page)
    after = datetime.now(UTC)
    until = held_until(
        re.escape(
            f"{CATALOGUE}: the site asked to retry after 3600 s, more than the 60 s mre waits "
            "(MRE_HTTP_BACKOFF_MAX_S); site liverc is left alone until "
        )
        + "UNTIL",
        str(told.value),
    )
    assert before + timedelta(seconds=3599) <= until <= after + timedelta(seconds=3600)
    assert (
        held_until(
            "site liverc asked not to be contacted until UNTIL, longer than the 60 s mre waits "
            r"\(MRE_HTTP_BACKOFF_MAX_S\)",
            str(other.value),
        )
        == until
    )
    assert (told.value.code, told.value.exit_code) == ("site_held", 5)
    assert (other.value.code, other.value.exit_code) == ("site_held", 5)
    assert statuses(simulator) == [(503, "status")]  # the track page was never asked for
    assert sleeps.waits == []


@pytest.mark.parametrize("asked", ["99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"])
def test_a_hostile_retry_after_holds_the_site_for_a_day_at_most(client, simulator, asked):
    simulator.fail("live.liverc.com/", status=429, times=1, retry_after=asked)
    before = datetime.now(UTC)
    with pytest.raises(SiteHeldError) as told:
        client.get(CATALOGUE)
    until = held_until(r".*; site liverc is left alone until UNTIL", str(told.value))
    assert MAX_HOLD_S == 86400
    assert before + timedelta(seconds=MAX_HOLD_S - 1) <= until
    assert until <= datetime.now(UTC) + timedelta(seconds=MAX_HOLD_S)


@pytest.mark.parametrize(
    ("status", "retry_after", "whole_site"),
    [
        (429, "7", True),
        (429, None, True),
        (503, None, True),
        (500, "7", True),
        (500, None, False),
        (502, None, False),
    ],
)
def test_an_overloaded_site_is_left_alone_by_every_worker_not_just_the_one_told(
    client, simulator, sleeps, status, retry_after, whole_site
):
    """429, 503 and any Retry-After hold the whole site; other failures back off one request."""
    other_page = f"https://{next(iter(simulator.pages.site.tracks)).host}/events/"
    other_started = []

    def another_worker() -> None:  # runs while the first one waits to retry
        assert client.get(other_page).status == 200
        other_started.append(sleeps.now)

    sleeps.during_first_wait = another_worker
    simulator.fail("live.liverc.com/", status=status, times=1, retry_after=retry_after)
    assert client.get(CATALOGUE).status == 200
    assert statuses(simulator) == [(status, "status"), (200, None), (200, None)]
    backoff = sleeps.waits[-1]  # the wait of the worker that was told
    if retry_after:
        assert backoff == 7.0
    else:
        assert 0.5 <= backoff <= 1.0
    assert other_started == [backoff if whole_site else 0.0]
    assert sleeps.now == backoff  # and the told worker retried as soon as the hold ended


@pytest.mark.parametrize(
    ("status", "error"), [(404, PageNotFoundError), (403, HttpStatusError), (410, HttpStatusError)]
)
def test_other_4xx_are_never_retried(client, simulator, sleeps, status, error):
    simulator.fail("live.liverc.com/", status=status, times=None)
    with pytest.raises(error):
        client.get(CATALOGUE)
    assert len(simulator.requests) == 1
    assert sleeps.waits == []


def test_a_permanent_5xx_stops_after_the_bounded_tries_with_a_structured_error(client, simulator):
    simulator.fail("live.liverc.com/", status=503, times=None)
    with pytest.raises(HttpStatusError) as info:
        client.get(CATALOGUE)
    assert (info.value.status, info.value.url, info.value.code) == (503, CATALOGUE, "http_status")
    assert len(simulator.requests) == Settings().http_max_tries == 4


@pytest.mark.parametrize(
    ("fault", "kwargs"),
    [("drop", {}), ("truncate", {"keep": 0.3}), ("timeout", {"seconds": 1.5})],
)
def test_broken_connections_timeouts_and_short_bodies_are_retried(
    client, simulator, pages, fault, kwargs
):
    getattr(simulator, fault)("live.liverc.com/", **kwargs)
    page = client.get(CATALOGUE)
    assert page.text.encode() == pages[CATALOGUE]
    assert [r.fault for r in simulator.requests] == [fault, None]


def test_connection_failures_end_in_a_network_error_naming_the_url(sleeps):
    settings = Settings(http_resolve="*=127.0.0.1:9", http_max_tries=3, http_min_interval_s=0)
    with HttpClient(settings, sleep=sleeps) as http, pytest.raises(NetworkError) as info:
        http.for_connector(LIVERC).get(CATALOGUE)
    assert str(info.value).startswith(f"{CATALOGUE} failed after 3 tries: ConnectError")
    first, second = sleeps.waits  # two waits between three tries
    assert 0.5 <= first <= 1.0 <= second <= 2.0


def test_the_kill_switch_stops_every_request(simulator, monkeypatch):
    monkeypatch.setenv("MRE_SCRAPE_ENABLED", "0")
    settings = Settings.from_env()
    http = HttpClient(settings)
    source = http.for_connector(LIVERC)
    with http, pytest.raises(ScrapingDisabledError, match="MRE_SCRAPE_ENABLED=0"):
        source.get(CATALOGUE)
    assert simulator.requests == []
    assert source.requests == 0  # a refused request is not a request made


def test_an_honest_user_agent(client, simulator):
    client.get(CATALOGUE)
    assert simulator.requests[0].user_agent == f"mre/{__version__} (+mailto:club@example.org)"


def test_a_connectors_headers_are_sent_and_never_recorded_in_a_cassette(simulator, tmp_path):
    settings = Settings(
        http_resolve=f"*.liverc.com=127.0.0.1:{simulator.port}", http_min_interval_s=0.0
    )
    path = tmp_path / "recorded.yaml"
    cassette = Cassette(path, "record")
    with HttpClient(settings, cassette) as http, cassette.active():
        http.for_connector(LIVERC).get(CATALOGUE, headers={"X-Api-Key": "s3cret-key"})
    assert simulator.requests[0].headers["x-api-key"] == "s3cret-key"
    recorded = path.read_text()
    assert "s3cret-key" not in recorded
    assert "user-agent" in recorded.lower()  # the harmless headers stay


def test_at_most_two_requests_in_flight_per_site_by_default(simulator):
    """Six race pages fetched by the ingestion's prefetcher, 0.2 s each at the server."""
    from mre_core.service.prefetch import fetch_in_order

    simulator.latency = 0.2
    settings = Settings(
        http_resolve=f"*.liverc.com=127.0.0.1:{simulator.port}", http_min_interval_s=0
    )
    assert settings.http_concurrency == 2
    track = next(iter(simulator.pages.site.tracks))
    with HttpClient(settings) as http:
        source = http.for_connector(LIVERC)
        pages = list(
            fetch_in_order(source.get, [f"https://{track.host}/events/"] * 6, workers=4, window=8)
        )
    assert len(pages) == 6
    assert simulator.max_in_flight == 2


def fake_time(start: float = 100.0):
    clock = [start]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock[0] += seconds

    return clock, waits, sleep


def site_gate(
    clock: list[float],
    sleep: Callable[[float], None],
    concurrency: int = 2,
    interval_s: float = 0.5,
) -> SiteGate:
    return SiteGate(
        "liverc",
        concurrency=concurrency,
        interval_s=interval_s,
        max_wait_s=60.0,
        clock=lambda: clock[0],
        sleep=sleep,
    )


def test_request_starts_are_spaced_by_the_minimum_interval():
    clock, waits, sleep = fake_time()
    gate = site_gate(clock, sleep)
    starts = []
    for _ in range(4):
        with gate.turn():
            starts.append(clock[0])
    assert starts == [100.0, 100.5, 101.0, 101.5]
    assert waits == [0.5, 0.5, 0.5]


def test_a_hold_pushes_back_every_later_start_on_the_site():
    clock, waits, sleep = fake_time()
    gate = site_gate(clock, sleep)
    starts = []
    with gate.turn():
        starts.append(clock[0])
    gate.hold(7)
    gate.hold(2)  # a shorter hold never shortens the one in force
    for _ in range(2):
        with gate.turn():
            starts.append(clock[0])
    assert starts == [100.0, 107.0, 107.5]
    assert waits == [7.0, 0.5]


def test_a_hold_also_pushes_back_a_start_already_waiting_for_its_turn():
    clock, waits, sleep = fake_time()
    gate: SiteGate

    def sleep_while_the_site_says_429(seconds: float) -> None:
        if not waits:
            gate.hold(7)  # another thread is told to back off while this one waits
        sleep(seconds)

    gate = site_gate(clock, sleep_while_the_site_says_429)
    starts = []
    for _ in range(2):
        with gate.turn():
            starts.append(clock[0])
    assert starts == [100.0, 107.0]  # not 100.5: that start was reserved before the hold
    assert waits == [0.5, 6.5]


@pytest.mark.timeout(10)  # a slot kept by the refused turn would block the last one for ever
def test_a_hold_longer_than_the_wait_fails_every_turn_at_once_and_keeps_no_slot():
    clock, waits, sleep = fake_time()
    gate = site_gate(clock, sleep, concurrency=1)
    until = gate.hold(7200)
    for _ in range(2):
        with pytest.raises(SiteHeldError) as refused, gate.turn():
            pytest.fail("a turn was given while the site is held for two hours")
        assert str(refused.value) == (
            f"site liverc asked not to be contacted until {until:%Y-%m-%d %H:%M:%S} UTC, "
            "longer than the 60 s mre waits (MRE_HTTP_BACKOFF_MAX_S)"
        )
    assert waits == []
    clock[0] += 7200 - 60  # the hold now ends within the wait: it is waited for
    with gate.turn():
        assert clock[0] == 7300.0
    assert waits == [60.0]


@pytest.mark.timeout(10)
def test_a_long_hold_set_while_a_turn_waits_fails_it_and_frees_its_slot():
    clock, waits, sleep = fake_time()
    gate: SiteGate

    def sleep_while_the_site_says_come_back_in_two_hours(seconds: float) -> None:
        if not waits:
            gate.hold(7200)
        sleep(seconds)

    gate = site_gate(clock, sleep_while_the_site_says_come_back_in_two_hours, concurrency=1)
    with gate.turn():
        pass
    with pytest.raises(SiteHeldError), gate.turn():
        pytest.fail("a turn was given while the site is held for two hours")
    assert waits == [0.5]
    clock[0] += 7200
    with gate.turn():  # its slot was given back
        pass


def test_spacing_is_waited_for_however_long_only_holds_fail():
    """A queue of starts longer than MRE_HTTP_BACKOFF_MAX_S is not the site's request."""
    clock, waits, sleep = fake_time()
    gate = site_gate(clock, sleep, interval_s=90)
    for _ in range(2):
        with gate.turn():
            pass
    assert waits == [90.0]


def test_a_site_is_the_connectors_source_never_a_guess_from_host_names(simulator):
    """Every host of a connector shares one budget; another connector has its own,
    even on hosts with the same last two labels."""
    simulator.latency = 0.3
    settings = Settings(
        http_resolve=f"*.liverc.com=127.0.0.1:{simulator.port}",
        http_min_interval_s=0,
        http_concurrency=1,
    )
    track = next(iter(simulator.pages.site.tracks))
    other = ConnectorInfo("mirror", "0", ("*.liverc.com",))

    def at_once(*fetches: Callable[[], object]) -> int:
        simulator.clear_requests()
        threads = [threading.Thread(target=f) for f in fetches]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return simulator.max_in_flight

    with HttpClient(settings) as http:
        liverc, mirror = http.for_connector(LIVERC), http.for_connector(other)
        track_page = f"https://{track.host}/events/"
        # two hosts of one connector: one request at a time
        assert at_once(lambda: liverc.get(CATALOGUE), lambda: liverc.get(track_page)) == 1
        # two connectors: a budget each
        assert at_once(lambda: liverc.get(CATALOGUE), lambda: mirror.get(track_page)) == 2


@pytest.mark.parametrize("attempt", [1, 2, 3, 4, 10])
def test_backoff_grows_and_is_capped(attempt):
    import random

    rng = random.Random(attempt)
    ceiling = min(60.0, 2.0 ** (attempt - 1))
    for _ in range(50):
        assert ceiling / 2 <= backoff_delay(attempt, 1.0, 60.0, rng) <= ceiling


def test_retry_after_accepts_seconds_and_http_dates():
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_the_defaults_are_the_documented_polite_ones():
    s = Settings()
    assert (s.http_concurrency, s.http_min_interval_s, s.http_max_tries) == (2, 0.5, 4)
    assert (s.http_connect_timeout_s, s.http_read_timeout_s) == (10.0, 30.0)
    assert (s.http_total_timeout_s, s.http_max_body_bytes) == (60.0, 20_000_000)
    assert re.fullmatch(r"mre/\S+ \(\+\S+\)", s.user_agent)
