"""`mre worker`: run queued jobs (imports, syncs) until stopped, or until idle."""

from __future__ import annotations

import signal
from types import FrameType

import typer

from mre_core.cli.options import in_range, state
from mre_core.jobs.worker import Worker


def worker(
    ctx: typer.Context,
    concurrency: int = typer.Option(
        1,
        "--concurrency",
        metavar="N",
        callback=in_range(1, 64),
        help="Jobs run at once, each in its own thread (1 to 64).",
    ),
    until_idle: bool = typer.Option(
        False,
        "--until-idle",
        help="Exit 0 once nothing is queued or running (children included), whatever "
        "the jobs' outcomes; at once if there is nothing to do.",
    ),
) -> None:
    """Run the jobs that `--detach` (or an app) queued, until stopped.

    SQLite: the workers of one machine share the queue in the database
    file. PostgreSQL: workers on any number of machines take the jobs
    through procrastinate, woken at once by the database (LISTEN/NOTIFY);
    with MRE_TRACK_SYNC_CRON set they also submit the track sync on that
    schedule. The database's schema must be this mre's (`mre db upgrade`):
    once a newer mre upgrades it, the worker takes no new job and exits 7.

    SIGTERM or Ctrl-C: no new job is taken, a running import stops at its
    next whole race and goes back to the queue with its races kept, and the
    worker exits 0. A job whose worker was killed goes back to the queue
    once its process is found gone (at once on this machine, else after
    MRE_LOCK_TTL_S).

    Example: mre worker --concurrency 2
    """
    cli = state(ctx)
    cli.show_progress = False  # jobs of many runs at once: the logs say what happens
    with cli.service() as service:
        work = Worker(service, concurrency, until_idle)

        def stop(signum: int, _frame: FrameType | None) -> None:
            work.stop()

        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            work.run()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    typer.echo(f"worker: {work.ran} job{'' if work.ran == 1 else 's'} taken")
