"""Politeness for the whole fleet: processes sharing a database keep one site's limits together.

Real `python -m mre_core` processes ingest different events of one track at
once against the simulator, on SQLite and on PostgreSQL. The proof is the
simulator's request log (each request's arrival, the most in flight at
once), never how fast anything ran.

Starts are decided by the database's clock, spaced by the interval plus a
little slack (`SEND_SLACK_S`, 20 ms here); an arrival at the simulator lags
its decision by the send (a few milliseconds: the scheduler, a new
connection, the simulator's accept; SQLite's clock counts milliseconds), so
gaps are checked against the interval less `JITTER_S`. The processes start
behind a hold of the site, as if another one had just been told 429, so
they all begin fetching together (the hardest case for the budget), and
only once all have started: four Python processes importing at once on a
small machine delay whatever runs beside them by tens of milliseconds.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

import peewee
import pytest

from mre_core.errors import SiteHeldError
from mre_core.http import HttpClient
from mre_core.http.cassette import Cassette
from mre_core.http.shared import SEND_SLACK_S, LeaseKeeper, SharedGate, SharedGates
from mre_core.records import ConnectorInfo
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings
from mre_core.storage import close_database, open_database, use_database
from mre_core.storage.models import Event, SiteBudget, SiteSlot
from mre_liverc import urls
from tests.conftest import ROOT
from tests.test_http_client import held_until
from tests.test_processes import wait_for

CONCURRENCY = 2
INTERVAL_S = 0.2
JITTER_S = 0.01  # gaps of at least 0.19 s for an interval of 0.2 s


@pytest.fixture
def site():
    """One track, four events with races (and the generator's empty one), three races each."""
    from tests.liverc_site import generate_site

    return generate_site(
        23, tracks=1, events_per_track=5, races=3, drivers_per_race=6, laps_per_race=5
    )


@pytest.fixture
def events(site):
    found = [e for e in site.tracks[0].events if e.races]
    assert len(found) == 4
    return found


@pytest.fixture
def synced(settings, site):
    """The catalogue and the track's events in the database (fetched by this process)."""
    with IngestionService.open(settings=settings) as service:
        service.sync_tracks("liverc")
        service.refresh_events(site.tracks[0].slug.lower())
    return settings


def hold_the_site(settings: Settings, seconds: float = 2.0) -> float:
    """Hold the site for everyone, as a 429 seen by another process would; when it ends."""
    db = open_database(settings.database_url)
    try:
        SharedGates(db, settings).for_site("liverc").hold(seconds)
        with use_database(db):
            held = SiteBudget.get(SiteBudget.site == "liverc").hold_until
    finally:
        close_database(db)
    return held.replace(tzinfo=UTC).timestamp()


def ingest(settings: Settings, event_id: int, **env: str) -> subprocess.Popen:
    limits = {
        "MRE_HTTP_CONCURRENCY": str(CONCURRENCY),
        "MRE_HTTP_MIN_INTERVAL_S": str(INTERVAL_S),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "mre_core", "-q", "events", "ingest", "--event", str(event_id)],
        cwd=ROOT,
        env={
            **os.environ,
            "MRE_HTTP_RESOLVE": settings.http_resolve,
            "MRE_DATABASE_URL": settings.database_url,
            **limits,
            **env,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(children: list[subprocess.Popen]) -> None:
    ended = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0] * len(children), ended


def event_of(record, events) -> int:
    """Which event a request of the log was for (its entry list, event page or a race)."""
    found = int(re.search(r"[?&]id=(\d+)", record.target)[1])
    for event in events:
        if found == event.event_id or found in {r.race_id for r in event.races}:
            return event.event_id
    raise AssertionError(f"{record.target} is no event's")


def gaps(records) -> list[float]:
    starts = sorted(r.time for r in records)
    return [later - earlier for earlier, later in itertools.pairwise(starts)]


def test_processes_ingesting_at_once_keep_one_sites_limits_together(
    synced, simulator, events, db_url
):
    """Four processes, one event each: never more than 2 in flight, starts 0.2 s apart.

    Each answer takes longer than two intervals, so the in-flight cap binds
    as well as the spacing (one process alone prefetches two race pages).
    """
    simulator.latency = 0.45
    simulator.clear_requests()
    held_until = hold_the_site(synced)
    finish([ingest(synced, e.event_id) for e in events])

    log = simulator.requests
    assert min(r.time for r in log) >= held_until - JITTER_S
    assert len(log) == sum(len(e.races) + 2 for e in events)  # each page once, every run whole
    assert simulator.max_in_flight == CONCURRENCY  # reached, never exceeded
    assert min(gaps(log)) >= INTERVAL_S - JITTER_S
    # and they really ran at once: their requests interleave
    owners = [event_of(r, events) for r in sorted(log, key=lambda r: r.time)]
    assert sum(a != b for a, b in itertools.pairwise(owners)) >= len(events)


def test_a_429_seen_by_one_process_holds_every_process(synced, simulator, events, db_url):
    """One process is told 429 Retry-After: 2 on its first page: nobody, in any process,
    asks the site anything for those 2 s; then all of them finish.

    The told one starts first and queues behind the initial hold before the others
    start, so its entry list is the first request and the others certainly have
    pages left to fetch when it is refused."""
    told = events[0]
    page = re.compile(rf"view_entry_list&id={told.event_id}$")
    simulator.fail(page, status=429, retry_after=2, times=1)
    simulator.latency = 0.05
    simulator.clear_requests()
    hold_the_site(synced)
    first = ingest(synced, told.event_id)
    wait_for(lambda: _slots_taken(synced) > 0)
    finish([first, *(ingest(synced, e.event_id) for e in events[1:])])

    log = sorted(simulator.requests, key=lambda r: r.time)
    seen = [(event_of(r, events), r.status, round(r.time - log[0].time, 3)) for r in log]
    [refused] = [r for r in log if r.status == 429]
    assert refused is log[0], seen
    after = log[1:]
    # the hold starts when the 429 is read, so it ends no earlier than 2 s after it was sent
    assert after[0].time >= refused.answered_at + 2.0 - JITTER_S, seen
    assert {event_of(r, events) for r in after} == {e.event_id for e in events}, seen
    assert min(gaps(log)) >= INTERVAL_S - JITTER_S
    assert len(log) == sum(len(e.races) + 2 for e in events) + 1  # the retry, once


def test_two_connectors_have_a_budget_each_and_hosts_of_one_share_it(settings, simulator):
    """In the database too: a site is a connector's source. Two clients on one database
    (two services, or two processes) share a site's budget; two sources never do."""
    simulator.latency = 0.3
    one_at_a_time = Settings(
        database_url=settings.database_url,
        http_resolve=settings.http_resolve,
        http_concurrency=1,
        http_min_interval_s=0,
    )
    track = next(iter(simulator.pages.site.tracks))
    track_page = f"https://{track.host}/events/"
    catalogue = "https://live.liverc.com/"
    liverc_info = ConnectorInfo("liverc", "0", urls.HOSTS)
    mirror_info = ConnectorInfo("mirror", "0", ("*.liverc.com",))

    def at_once(*fetches) -> int:
        simulator.clear_requests()
        threads = [threading.Thread(target=f) for f in fetches]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(simulator.requests) == len(fetches)
        return simulator.max_in_flight

    db = open_database(settings.database_url)
    try:
        with (
            HttpClient(one_at_a_time, db=db) as first,
            HttpClient(one_at_a_time, db=db) as second,
        ):
            liverc = first.for_connector(liverc_info)
            liverc_too = second.for_connector(liverc_info)  # another client, same database
            mirror = second.for_connector(mirror_info)
            # two hosts of one source, from two clients: one request at a time
            assert at_once(lambda: liverc.get(catalogue), lambda: liverc_too.get(track_page)) == 1
            # two sources: a budget each
            assert at_once(lambda: liverc.get(catalogue), lambda: mirror.get(track_page)) == 2

            # a hold of one source leaves the other alone
            simulator.latency = 0.0
            simulator.clear_requests()
            simulator.fail("live.liverc.com/", status=429, retry_after=1, times=1)
            told = threading.Thread(target=lambda: liverc.get(catalogue))
            told.start()
            wait_for(lambda: _held(db, "liverc"))  # the told thread has put liverc on hold
            mirror.get(track_page)
            told.join()
            log = simulator.requests
            refused = next(r for r in log if r.status == 429)
            [mirrored] = [r for r in log if r.host == track.host]
            [retried] = [r for r in log if r.host == "live.liverc.com" and r.status == 200]
            assert mirrored.time < refused.answered_at + 1.0 <= retried.time + JITTER_S

        with use_database(db):
            assert sorted(b.site for b in SiteBudget.select()) == ["liverc", "mirror"]
            assert SiteSlot.select().where(SiteSlot.owner.is_null(False)).count() == 0
    finally:
        close_database(db)


def _slots_taken(settings: Settings) -> int:
    db = open_database(settings.database_url)
    try:
        with use_database(db):
            return SiteSlot.select().where(SiteSlot.owner.is_null(False)).count()
    finally:
        close_database(db)


def _held(db, site: str) -> bool:
    with use_database(db):
        return (
            SiteBudget.get_or_none((SiteBudget.site == site) & SiteBudget.hold_until.is_null(False))
            is not None
        )


@pytest.mark.parametrize("where", ["this machine", "another machine"])
def test_a_process_killed_holding_a_slot_blocks_nobody_beyond_its_lease(
    synced, simulator, events, db_url, where
):
    """A process is SIGKILLed while its request is in flight, holding the only slot.

    On this machine its slot is freed as soon as another process sees it gone.
    From another machine (its slot's owner rewritten so) it is not known to be
    dead: its slot is free only when its lease ends (MRE_HTTP_SLOT_LEASE_S after its
    last renewal), and then at once.
    """
    first, second = events[:2]
    one_slot = {"MRE_HTTP_CONCURRENCY": "1", "MRE_HTTP_MIN_INTERVAL_S": "0"}
    # Elsewhere, its lease is what frees the slot: keep it short (2 s). Here it
    # is the default (10 s), and the process being gone is what frees it.
    short_lease = {"MRE_HTTP_SLOT_LEASE_S": "2"}
    entry_list = re.compile(rf"view_entry_list&id={first.event_id}$")
    simulator.delay(entry_list, seconds=30, times=1)  # in flight until it is killed
    simulator.clear_requests()
    lease = short_lease if where == "another machine" else {}
    killed = ingest(synced, first.event_id, **one_slot, **lease)
    try:
        wait_for(lambda: simulator.requests)  # its first request is in flight
    finally:
        killed.kill()
        killed.wait()

    with IngestionService.open(settings=synced) as watcher, use_database(watcher.db):
        [held] = SiteSlot.select().where(SiteSlot.owner.is_null(False))
        assert held.owner.split(":")[1] == str(killed.pid)
        if where == "another machine":
            elsewhere = "elsewhere:" + held.owner.split(":", 1)[1]
            SiteSlot.update(owner=elsewhere).where(SiteSlot.id == held.id).execute()
        lease_ends = held.expires_at.replace(tzinfo=UTC).timestamp()  # by the database's clock
        other = ingest(synced, second.event_id, **one_slot)
        finish([other])
        theirs = [r for r in simulator.requests if event_of(r, events) == second.event_id]
        assert len(theirs) == len(second.races) + 2
        if where == "this machine":
            assert theirs[0].time < lease_ends  # freed at once, not at the lease's end
        else:  # not before the lease ended, and not long after (it looks every 0.05 s)
            assert lease_ends - JITTER_S <= theirs[0].time < lease_ends + 5
        assert Event.get(Event.source_event_id == str(second.event_id)).ingest_depth == "laps_full"


# --- the decisions themselves, by the database's clock (threads of this process) ------


def _go_times(db, gate: SharedGate, delays: dict[str, float]) -> dict[str, float]:
    """Run one turn per name, each in its own thread started `delays[name]` s from now;
    return when each was let go, read by the database's clock (`last_start_at`)."""
    went: dict[str, float] = {}

    def one(name: str) -> None:
        with gate.turn(), use_database(db):
            went[name] = SiteBudget.get(SiteBudget.site == gate.site).last_start_at.timestamp()

    threads = []
    for name, delay in delays.items():
        t = threading.Timer(delay, one, args=(name,))
        t.name = name
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    return went


def test_a_request_let_go_late_pushes_the_next_one_back(db_url):
    """The second request oversleeps its start by 0.15 s (its process was busy); the
    third, whose own start came first, still waits a whole interval after it."""
    db = open_database(db_url)

    def sleep(seconds: float) -> None:
        time.sleep(seconds + (0.15 if threading.current_thread().name == "late" else 0))

    keeper = LeaseKeeper(db, 10)
    gate = SharedGate(
        db, "liverc", concurrency=3, interval_s=0.2, max_wait_s=60, keeper=keeper, sleep=sleep
    )
    try:
        went = _go_times(db, gate, {"first": 0.0, "late": 0.05, "third": 0.1})
    finally:
        keeper.stop()
        close_database(db)
    spacing = 0.2 + SEND_SLACK_S
    assert went["late"] - went["first"] >= spacing + 0.15 - 0.002  # (SQLite: milliseconds)
    assert went["third"] - went["late"] >= spacing - 0.002  # not at its reserved start


def test_a_hold_set_while_a_request_waits_sends_it_behind_the_hold(db_url):
    db = open_database(db_url)
    holds: list[float] = []

    def sleep(seconds: float) -> None:
        if not holds:  # another process is told 429 while this request waits for its start
            holds.append(1)
            gate.hold(0.6)
        time.sleep(seconds)

    keeper = LeaseKeeper(db, 10)
    gate = SharedGate(
        db, "liverc", concurrency=2, interval_s=0.2, max_wait_s=60, keeper=keeper, sleep=sleep
    )
    try:
        went = _go_times(db, gate, {"first": 0.0, "second": 0.05})
        with use_database(db):
            held_until = SiteBudget.get(SiteBudget.site == "liverc").hold_until.timestamp()
    finally:
        keeper.stop()
        close_database(db)
    assert went["second"] >= held_until - 0.002 >= went["first"] + 0.6 - 0.01


def test_a_request_longer_than_its_lease_keeps_its_slot(settings, simulator):
    """The lease (0.5 s here) is renewed while the request runs (1.5 s): another client
    on the same database never gets the only slot meanwhile."""
    simulator.delay("live.liverc.com/", seconds=1.5, times=1)
    short = Settings(
        database_url=settings.database_url,
        http_resolve=settings.http_resolve,
        http_concurrency=1,
        http_min_interval_s=0,
        http_slot_lease_s=0.5,
    )
    info = ConnectorInfo("liverc", "0", urls.HOSTS)
    db = open_database(settings.database_url)
    try:
        with HttpClient(short, db=db) as first, HttpClient(short, db=db) as second:
            slow = threading.Thread(
                target=lambda: first.for_connector(info).get("https://live.liverc.com/")
            )
            slow.start()
            wait_for(lambda: simulator.requests)
            track = next(iter(simulator.pages.site.tracks))
            second.for_connector(info).get(f"https://{track.host}/events/")
            slow.join()
    finally:
        close_database(db)
    slow_one, other = simulator.requests
    assert simulator.max_in_flight == 1
    assert other.time >= slow_one.answered_at


# --- a site that asks for more than mre waits -------------------------------------------


def _slots_in_use(db: peewee.Database) -> list[str]:
    with use_database(db):
        return [s.owner for s in SiteSlot.select().where(SiteSlot.owner.is_null(False))]


@pytest.mark.timeout(60)  # were the hold waited for, the fake sleep would spin
def test_a_long_retry_after_holds_the_site_for_every_process_and_they_fail_at_once(
    settings, simulator
):
    """Told 503 Retry-After: 7200, one process holds the site for two hours; another,
    on the same database, then fails at once saying until when, asking the site nothing."""
    catalogue = "https://live.liverc.com/"
    track_page = f"https://{next(iter(simulator.pages.site.tracks)).host}/events/"
    info = ConnectorInfo("liverc", "0", urls.HOSTS)
    simulator.fail("live.liverc.com/", status=503, retry_after=7200, times=1)
    waits: list[float] = []
    first_db, second_db = open_database(settings.database_url), open_database(settings.database_url)
    try:
        with (
            HttpClient(settings, db=first_db, sleep=waits.append) as first,
            HttpClient(settings, db=second_db, sleep=waits.append) as second,
        ):
            with pytest.raises(SiteHeldError) as told:
                first.for_connector(info).get(catalogue)
            with use_database(first_db):
                held = SiteBudget.get(SiteBudget.site == "liverc").hold_until
            asked_at = datetime.now(UTC)
            with pytest.raises(SiteHeldError) as other:
                second.for_connector(info).get(track_page)
            assert datetime.now(UTC) - asked_at < timedelta(seconds=5)
            assert _slots_in_use(first_db) == []
    finally:
        close_database(first_db)
        close_database(second_db)
    until = held.replace(tzinfo=UTC)
    assert held_until(
        re.escape(
            f"{catalogue}: the site asked to retry after 7200 s, more than the 0.05 s mre "
            "waits (MRE_HTTP_BACKOFF_MAX_S); site liverc is left alone until "
        )
        + "UNTIL",
        str(told.value),
    ) == until.replace(microsecond=0)
    assert str(other.value) == (
        f"site liverc asked not to be contacted until {until:%Y-%m-%d %H:%M:%S} UTC, "
        "longer than the 0.05 s mre waits (MRE_HTTP_BACKOFF_MAX_S)"
    )
    assert abs(until - datetime.now(UTC) - timedelta(seconds=7200)) < timedelta(seconds=30)
    assert [(r.host, r.status) for r in simulator.requests] == [("live.liverc.com", 503)]
    assert waits == []


@pytest.mark.timeout(60)  # were the hold waited for: two hours
def test_a_long_hold_set_while_a_request_waits_fails_it_and_frees_its_slot(db_url):
    """Another process (its own SharedGates) is told to come back in two hours while this
    request sleeps to its start: on waking it fails, and its slot is free again."""
    db, elsewhere = open_database(db_url), open_database(db_url)
    settings = Settings(database_url=db_url, http_concurrency=2, http_min_interval_s=0.3)
    told: list[datetime] = []

    def sleep(seconds: float) -> None:
        if not told:
            told.append(SharedGates(elsewhere, settings).for_site("liverc").hold(7200))
        time.sleep(seconds)

    gates = SharedGates(db, settings, sleep=sleep)
    gate = gates.for_site("liverc")
    try:
        with gate.turn():
            pass
        with pytest.raises(SiteHeldError) as refused, gate.turn():
            pytest.fail("let go while the site is held for two hours")
        assert _slots_in_use(db) == []
    finally:
        gates.close()
        close_database(db)
        close_database(elsewhere)
    assert str(refused.value) == (
        f"site liverc asked not to be contacted until {told[0]:%Y-%m-%d %H:%M:%S} UTC, "
        "longer than the 60 s mre waits (MRE_HTTP_BACKOFF_MAX_S)"
    )


def test_a_replayed_long_retry_after_holds_nothing(settings, simulator, tmp_path):
    """A replay sends nothing: the 503 it replays must not stop anyone fetching."""
    cassette = tmp_path / "held.yaml"
    info = ConnectorInfo("liverc", "0", urls.HOSTS)
    simulator.fail("live.liverc.com/", status=503, retry_after=7200, times=1)
    recording = Cassette(cassette, "record")
    with (
        recording.active(),
        HttpClient(settings, recording) as http,
        pytest.raises(SiteHeldError),
    ):
        http.for_connector(info).get("https://live.liverc.com/")

    db = open_database(settings.database_url)
    try:
        replay = Cassette(cassette, "replay")
        with (
            replay.active(),
            HttpClient(settings, replay, db=db) as http,
            pytest.raises(SiteHeldError) as replayed,
        ):
            http.for_connector(info).get("https://live.liverc.com/")
        with use_database(db):
            assert SiteBudget.select().count() == 0
    finally:
        close_database(db)
    assert str(replayed.value) == (
        "https://live.liverc.com/: the site asked to retry after 7200 s, "
        "more than the 0.05 s mre waits (MRE_HTTP_BACKOFF_MAX_S)"
    )
