"""`mre serve`: the admin console and its HTTP API, with workers in the same process."""

from __future__ import annotations

import ipaddress
import signal
import socket
import threading
from typing import TYPE_CHECKING

import typer
from loguru import logger

from mre_core.cli.options import in_range, state
from mre_core.errors import MreError, UsageError
from mre_core.jobs.worker import Worker
from mre_core.settings import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

# How long open connections (a live log stream) may hold a stop before they are closed.
GRACEFUL_STOP_S = 5.0
WORKER_STOP_S = 120.0  # a running import stops at its next whole race: seconds, mostly


def serve(
    ctx: typer.Context,
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        metavar="ADDRESS",
        help="Address to listen on. Any but a loopback one needs MRE_ADMIN_TOKEN.",
    ),
    port: int = typer.Option(
        8000, "--port", metavar="PORT", callback=in_range(1, 65535), help="Port to listen on."
    ),
    concurrency: int = typer.Option(
        2,
        "--concurrency",
        metavar="N",
        callback=in_range(0, 64),
        help="Jobs run at once by workers in this process (0 to 64); 0: none, for "
        "when `mre worker` runs elsewhere.",
    ),
) -> None:
    """Serve the admin console and its HTTP API (JSON, docs at /api/docs).

    Sync tracks, find the events held between two dates, import an event and
    watch its progress and logs, read results and lap charts. Every action
    is a job: by default this process runs them itself (--concurrency), so
    SQLite needs nothing else; with PostgreSQL, workers may run anywhere.

    It listens on 127.0.0.1 unless told otherwise; any other address needs
    MRE_ADMIN_TOKEN (then the API asks for `Authorization: Bearer TOKEN` and
    the pages for a login). MRE_SESSION_SECRET signs the login cookies
    (default: a random key per process). Put it behind a reverse proxy with
    TLS to serve others.

    SIGTERM or Ctrl-C: open requests are finished, a running import stops
    at its next whole race and goes back to the queue, and it exits 0.

    Example: mre --replay cassettes/demo.yaml serve --port 8000
    """
    cli = state(ctx)
    settings = cli.settings or Settings.from_env()
    if not _loopback(host) and not settings.admin_token:
        raise UsageError(
            f"--host {host} is reachable from other machines: set MRE_ADMIN_TOKEN "
            "(16 or more characters) to serve there"
        )
    listening = _listen(host, port)  # before the database is opened: a port in use says so
    # Here, not at the top: every other command starts without loading the web stack.
    from mre_core.console.app import create_app

    cli.show_progress = False  # jobs of many runs at once: the logs say what happens
    try:
        with cli.service() as service:
            app = create_app(
                service,
                token=settings.admin_token or None,
                session_secret=settings.session_secret or None,
                workers=concurrency,
            )
            shown = f"[{host}]" if ":" in host else host
            logger.info("console on http://{}:{}/ ({} workers here)", shown, port, concurrency)
            _run(app, listening, Worker(service, concurrency) if concurrency else None)
    finally:
        listening.close()


def _run(app: FastAPI, listening: socket.socket, worker: Worker | None) -> None:
    """Serve until SIGTERM or Ctrl-C, the worker beside; then stop both cleanly."""
    import uvicorn

    server = uvicorn.Server(
        uvicorn.Config(
            app,
            log_config=None,  # mre's own logging (loguru) says what happens
            access_log=False,
            timeout_graceful_shutdown=GRACEFUL_STOP_S,
        )
    )
    working = threading.Thread(target=_work, args=(worker,), name="mre-workers")
    # uvicorn takes SIGTERM and SIGINT while it serves and raises them again once it
    # stopped; by then the stop is done, so they are ignored then, not an exit 143.
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        if worker is not None:
            working.start()
        server.run(sockets=[listening])
    finally:
        if worker is not None:
            worker.stop()
            working.join(WORKER_STOP_S)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _work(worker: Worker) -> None:
    """The worker's thread: a reason it stops early (a newer mre upgraded the schema) is
    logged, and the console goes on serving (jobs then wait for another worker)."""
    try:
        worker.run()
    except MreError as exc:
        logger.error("this process's workers stopped: {}", exc)


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, or one line saying why there can be none (exit 2)."""
    address = host.strip("[]")
    try:
        family = socket.getaddrinfo(address, port, type=socket.SOCK_STREAM)[0][0]
        listening = socket.socket(family, socket.SOCK_STREAM)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((address, port))
    except OSError as exc:
        listening.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return listening


def _loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or `localhost`: only this machine can connect."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False
