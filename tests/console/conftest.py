"""The console's app on a temporary SQLite database, the LiveRC simulator behind it.

`api` is an httpx client on the app through its ASGI transport (no socket):
each test calls it from its own event loop (anyio). No worker runs unless a
test starts one (`working`, or `Worker(...).run()` with until_idle), so what a
job answers before it runs is what a test sees.

The console's tests run on SQLite (`db_url` here overrides the root one);
the job contract on PostgreSQL has a test of its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from loguru import logger

from mre_core.console.app import create_app
from mre_core.jobs.worker import Worker
from mre_core.service.ingestion import IngestionService
from tests.conftest import worker_in_thread

TOKEN = "test-token-0123456789"
JSON = {"Content-Type": "application/json"}


@pytest.fixture(autouse=True)
def _logging_on() -> None:
    """mre's library logging is off until an entry point turns it on (`mre serve` does,
    through the CLI, and so does any test calling the CLI): on, so runs keep their log
    lines as under `mre serve`, whichever test ran before."""
    logger.enable("mre_core")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    yield f"sqlite:///{tmp_path / 'console.db'}"


@pytest.fixture
def app(service: IngestionService) -> Any:
    """The console, open (no token), as `mre serve` on loopback makes it."""
    return create_app(service)


@pytest.fixture
def locked_app(service: IngestionService) -> Any:
    """The console with a token: bearer or login needed."""
    return create_app(service, token=TOKEN, session_secret="s" * 32)


def client(app: Any, **kwargs: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://console", **kwargs
    )


@pytest.fixture
async def api(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with client(app) as c:
        yield c


@pytest.fixture
def synced_service(synced: Any) -> Iterator[IngestionService]:
    """A service on a database whose tracks and first track's events are synced."""
    with IngestionService.open(settings=synced) as service:
        yield service


@contextmanager
def working(service: IngestionService, concurrency: int = 1) -> Iterator[Worker]:
    """Workers in a thread for the duration, as `mre serve` runs them, quick to look."""
    with worker_in_thread(service, concurrency, poll_s=0.05) as worker:
        yield worker


def error(response: httpx.Response) -> tuple[int, str]:
    """(status, code) of an error answer, once its body is checked to be the one shape."""
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"]
    return response.status_code, body["error"]["code"]
