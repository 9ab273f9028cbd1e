"""The console in a real browser: Debian's chromium, driven by Playwright.

Each test gets the real app (`create_app`) on uvicorn in a thread, on a free
loopback port, with its own SQLite database, an in-process worker pool and the
LiveRC simulator: the console's jobs fetch from the simulator, and nothing
else (the network is closed, see tests/conftest.py).

Playwright never downloads a browser here (no `playwright install`): it drives
/usr/bin/chromium (`apt-get install chromium`, as .ci/run does). Without it the
tests skip, except in CI (CI set), where they fail.

Every test ends with a full-page screenshot in $MRE_SCREENSHOTS (default
tests-artifacts/screenshots/), named after the test: look at them. A test also
fails when its pages threw a JavaScript error, broke the content security
policy (an inline script or style), or missed one of their own files.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from loguru import logger
from playwright.sync_api import Browser, Page, sync_playwright

from mre_core.console.app import create_app
from mre_core.jobs.worker import Worker
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings
from tests.conftest import ROOT
from tests.liverc_site import LiveRCSimulator, Site, SitePages, generate_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
VIEWPORT = {"width": 1280, "height": 900}
# Read once, at import: every test's environment is cleared of MRE_* (tests/conftest.py).
SCREENSHOTS = Path(os.environ.get("MRE_SCREENSHOTS") or ROOT / "tests-artifacts" / "screenshots")
WORKERS = 2
LOGGERS = ("mre_core", "mre_liverc")


def _chromium() -> Path:
    if CHROMIUM.is_file():
        return CHROMIUM
    reason = f"{CHROMIUM} not found: `apt-get install chromium` (as .ci/run does)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def browser() -> Iterator[Browser]:
    """A headless chromium for one test. Not one per session: Playwright's sync API
    keeps an event loop running in this thread while it is started, and the async
    tests that follow (anyio) could not run theirs."""
    executable = _chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(executable), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


def console_site() -> Site:
    """Three tracks of three events, each of 8 races of 10 drivers over 12 laps: enough
    for a page that looks like a race day."""
    return generate_site(11, tracks=3, events_per_track=3, races=8, drivers_per_race=10,
                         laps_per_race=12)  # fmt: skip


@dataclass
class Console:
    """A running console: its address, its service (to prepare data and check what the
    pages did), and the simulated LiveRC it fetches from."""

    url: str
    service: IngestionService
    simulator: LiveRCSimulator
    site: Site

    def sync_events(self, *tracks: str) -> None:
        """Tracks synced, and the events of `tracks` (every track when none named)."""
        self.service.sync_tracks("liverc")
        for slug in tracks or [t.slug for t in self.site.tracks]:
            self.service.refresh_events(slug.lower())

    def ingest(self, event_id: int) -> None:
        self.service.ingest_event(str(event_id))


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextmanager
def _logs_enabled() -> Iterator[None]:
    """mre is silent in an app until the app enables its logs, as `mre serve` does: the
    runs' log lines (the run page's stream) come from them."""
    for name in LOGGERS:
        logger.enable(name)
    try:
        yield
    finally:
        for name in LOGGERS:
            logger.disable(name)


@contextmanager
def running_console(site: Site, folder: Path, token: str | None = None) -> Iterator[Console]:
    """The console app on uvicorn (a thread) with a worker pool (a thread), against a
    fresh SQLite database in `folder` and the simulator serving `site`."""
    with _logs_enabled(), LiveRCSimulator(SitePages(site)) as simulator:
        settings = Settings(
            database_url=f"sqlite:///{folder / 'console.db'}",
            http_resolve=f"*.liverc.com=127.0.0.1:{simulator.port}",
            http_min_interval_s=0.0,
            http_backoff_base_s=0.01,
            http_backoff_max_s=0.05,
        )
        with IngestionService.open(settings=settings) as service:
            worker = Worker(service, concurrency=WORKERS, poll_s=0.1)
            working = threading.Thread(target=worker.run, name="console-worker", daemon=True)
            working.start()
            app = create_app(service, token=token, workers=WORKERS)
            sock = _free_socket()
            server = uvicorn.Server(
                uvicorn.Config(
                    app, log_level="warning", lifespan="off", timeout_graceful_shutdown=2
                )
            )
            serving = threading.Thread(
                target=server.run, kwargs={"sockets": [sock]}, name="console-http", daemon=True
            )
            serving.start()
            try:
                _wait(lambda: server.started, "the console to start")
                port = sock.getsockname()[1]
                yield Console(f"http://127.0.0.1:{port}", service, simulator, site)
            finally:
                simulator.latency = 0.0
                server.should_exit = True
                serving.join(15)
                worker.stop()
                working.join(30)
                sock.close()


def _wait(condition: Callable[[], object], what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def site() -> Site:
    return console_site()


@pytest.fixture
def console(site: Site, tmp_path: Path) -> Iterator[Console]:
    with running_console(site, tmp_path) as running:
        yield running


@dataclass
class Watched:
    """What a page said on the way: console lines, JavaScript errors, failed files."""

    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        refused = [text for kind, text in self.console if "Content Security Policy" in text]
        return [*self.errors, *refused, *self.failed]


@pytest.fixture
def watched() -> Watched:
    return Watched()


def screenshot_path(request: pytest.FixtureRequest) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = request.node.name.replace("[", "-").replace("]", "").replace("/", "-")
    return SCREENSHOTS / f"{name}.png"


@pytest.fixture
def page(browser: Browser, watched: Watched, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser tab (its own cookies) at 1280 px wide; on the way out, a
    full-page screenshot of where the test ended, and no JavaScript error, CSP
    refusal or missing file allowed."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    tab.on("console", lambda m: watched.console.append((m.type, m.text)))
    tab.on("pageerror", lambda e: watched.errors.append(f"JavaScript error: {e}"))
    tab.on(
        "response",
        lambda r: (
            watched.failed.append(f"{r.status} {r.url}")
            if r.status >= 400 and "/static/" in r.url
            else None
        ),
    )
    try:
        yield tab
        assert watched.problems() == []
    finally:
        try:
            tab.screenshot(path=str(screenshot_path(request)), full_page=True)
        finally:
            context.close()
