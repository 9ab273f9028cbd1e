"""Shared fixtures: the real LiveRC pages, databases of both kinds, a closed network.

No test reaches the network: pytest-socket (see pyproject addopts) refuses
every socket but loopback, and MRE_HTTP_RESOLVE sends any request that is
not meant for a simulator to a dead loopback port.

Databases: every test that takes `db_url` runs on SQLite, and on PostgreSQL
when MRE_TEST_POSTGRES_URL names a server (CI always sets it). With
MRE_REQUIRE_POSTGRES=1 a missing server fails instead of skipping.
"""

from __future__ import annotations

import importlib.metadata
import os
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.pg_schema import postgres_schema

ROOT = Path(__file__).resolve().parent.parent
DEAD_LOOPBACK = "*=127.0.0.1:9"
# mre's pacing is real sleep: half a second between requests to a site, a second
# doubling between tries. Every test runs without it, in-process and in the `mre`
# processes it starts (they inherit the environment): the tests of pacing give their
# clients and processes the pacing they test (Settings, or MRE_* in a child's env).
UNPACED = {"MRE_HTTP_MIN_INTERVAL_S": "0", "MRE_HTTP_BACKOFF_BASE_S": "0.01"}


def samples_dir() -> Path:
    return Path(os.environ.get("MRE_LIVERC_SAMPLES") or ROOT.parent / "shared" / "liverc-samples")


@pytest.fixture(scope="session")
def samples() -> Path:
    folder = samples_dir()
    if not (folder / "README.md").is_file():
        pytest.skip(
            f"real LiveRC pages not found in {folder}: set MRE_LIVERC_SAMPLES "
            "or put them in ../shared/liverc-samples (CI always has them)"
        )
    return folder


@pytest.fixture(scope="session")
def sample(samples: Path):  # type: ignore[no-untyped-def]
    """sample('race-result_canberraoffroad_6304829.html') -> the page's text."""

    def read(name: str) -> str:
        return (samples / name).read_text(encoding="utf-8")

    return read


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith("MRE_") and name not in {
            "MRE_LIVERC_SAMPLES",
            "MRE_TEST_POSTGRES_URL",
            "MRE_REQUIRE_POSTGRES",
        }:
            monkeypatch.delenv(name)
    monkeypatch.setenv("MRE_HTTP_RESOLVE", DEAD_LOOPBACK)
    monkeypatch.setenv("MRE_DATABASE_URL", f"sqlite:///{tmp_path / 'default.db'}")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    for name, value in UNPACED.items():
        monkeypatch.setenv(name, value)


def _postgres_base() -> str | None:
    url = os.environ.get("MRE_TEST_POSTGRES_URL")
    if url:
        return url
    if os.environ.get("MRE_REQUIRE_POSTGRES") == "1":
        pytest.fail("MRE_REQUIRE_POSTGRES=1 but MRE_TEST_POSTGRES_URL is not set")
    return None


@contextmanager
def fresh_database(kind: str, folder: Path, name: str = "mre.db") -> Iterator[str]:
    """The URL of a fresh, empty database of `kind` ("sqlite": file `name` in `folder`;
    "postgresql": a schema of its own, dropped after). No server: the test is skipped."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / name}"
        return
    base = _postgres_base()
    if base is None:
        pytest.skip("no PostgreSQL server: set MRE_TEST_POSTGRES_URL (CI does)")
    with postgres_schema(base) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


# --- a simulated LiveRC on loopback, and a service pointed at it -------------------


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    """A small synthetic LiveRC: 3 tracks, 2 events each, 6 races of 8 drivers."""
    from tests.liverc_site import generate_site

    return generate_site(
        7, tracks=3, events_per_track=2, races=6, drivers_per_race=8, laps_per_race=10
    )


@pytest.fixture
def pages(site):  # type: ignore[no-untyped-def]
    from tests.liverc_site import SitePages

    return SitePages(site)


@pytest.fixture
def simulator(pages):  # type: ignore[no-untyped-def]
    from tests.liverc_site import LiveRCSimulator

    with LiveRCSimulator(pages) as sim:
        yield sim


@pytest.fixture
def settings(simulator, db_url):  # type: ignore[no-untyped-def]
    """Settings that send *.liverc.com to the simulator, with pacing lifted for speed."""
    from mre_core.settings import Settings

    return Settings(
        database_url=db_url,
        http_resolve=f"*.liverc.com=127.0.0.1:{simulator.port}",
        http_min_interval_s=0.0,
        http_backoff_base_s=0.01,
        http_backoff_max_s=0.05,
    )


@pytest.fixture
def service(settings):  # type: ignore[no-untyped-def]
    from mre_core.service.ingestion import IngestionService

    with IngestionService.open(settings=settings) as svc:
        yield svc


@pytest.fixture
def event(site):  # type: ignore[no-untyped-def]
    """(track, event): the first track's first event that has races."""
    track = site.tracks[0]
    return track, next(e for e in track.events if e.races)


@pytest.fixture
def synced(settings, event):  # type: ignore[no-untyped-def]
    """`settings`, once tracks and the first track's events are synced (in this process);
    the event not yet ingested."""
    from mre_core.service.ingestion import IngestionService

    track, _ = event
    with IngestionService.open(settings=settings) as service:
        service.sync_tracks("liverc")
        service.refresh_events(track.slug.lower())
    return settings


@pytest.fixture
def clean(settings, event, tmp_path):  # type: ignore[no-untyped-def]
    """The database a fault-free run of `event` produces (on SQLite; snapshots ignore ids)."""
    from dataclasses import replace

    from mre_core.kit.snapshot import snapshot
    from mre_core.service.ingestion import IngestionService
    from mre_core.storage import use_database

    track, ev = event
    clean_settings = replace(settings, database_url=f"sqlite:///{tmp_path / 'clean.db'}")
    with IngestionService.open(settings=clean_settings) as service:
        service.sync_tracks("liverc")
        service.refresh_events(track.slug.lower())
        service.ingest_event(str(ev.event_id))
        with use_database(service.db):  # the test's own service may be open too
            return snapshot()


@contextmanager
def worker_in_thread(service: Any, concurrency: int = 1, poll_s: float = 0.5) -> Iterator[Any]:
    """A `Worker` of `service` in a thread for the duration, as `mre serve` runs one;
    stopped and joined (within a minute) after."""
    import threading

    from mre_core.jobs.worker import Worker

    worker = Worker(service, concurrency, poll_s=poll_s)
    thread = threading.Thread(target=worker.run)
    thread.start()
    try:
        yield worker
    finally:
        worker.stop()
        thread.join(60)
        assert not thread.is_alive()


@pytest.fixture
def installed(monkeypatch):
    """Entry points of the group 'mre': the real liverc one plus modules a test adds."""
    real = [ep for ep in importlib.metadata.entry_points(group="mre") if ep.name == "liverc"]
    extra: list[importlib.metadata.EntryPoint] = []
    monkeypatch.setattr(
        importlib.metadata,
        "entry_points",
        lambda group=None: real + extra if group == "mre" else [],
    )

    def add(name: str, module: types.ModuleType | str) -> None:
        target = module if isinstance(module, str) else module.__name__
        if not isinstance(module, str):
            monkeypatch.setitem(sys.modules, module.__name__, module)
        extra.append(importlib.metadata.EntryPoint(name, target, "mre"))

    return add
