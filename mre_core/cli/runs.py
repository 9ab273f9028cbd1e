"""`mre runs` and `mre status`: what ran, what is running, how far it got."""

from __future__ import annotations

import time

import typer

from mre_core.cli import output
from mre_core.cli.helptext import Typer
from mre_core.cli.options import FORMAT_OPTION, JSON_OPTION, in_range, output_format, state
from mre_core.cli.output import Format
from mre_core.errors import exit_code_for
from mre_core.service.lookup import MAX_ROW_ID
from mre_core.storage.models import (
    RUN_ALREADY_COMPLETE,
    RUN_CANCELLED,
    RUN_FINISHED,
    RUN_STATUSES,
    RUN_SUCCEEDED,
)

STATUS_HELP = f"Only this status: {', '.join(RUN_STATUSES)}."

WAIT_POLL_S = 0.25  # a status poll is one indexed read

app = Typer(
    help="Run records: one per operation, kept current while it works.",
    epilog="Example: mre runs list --status failed",
    no_args_is_help=True,
)


@app.command("list")
def list_runs(
    ctx: typer.Context,
    limit: int = typer.Option(
        20, "--limit", metavar="N", callback=in_range(1), help="How many, newest first."
    ),
    status: str | None = typer.Option(None, "--status", metavar="STATUS", help=STATUS_HELP),
    fmt: Format | None = FORMAT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The latest runs, newest first.

    Example: mre runs list --limit 5 --format tsv
    """
    chosen = output_format(ctx, fmt, as_json)
    if status is not None and status not in RUN_STATUSES:
        raise typer.BadParameter(f"must be one of {', '.join(RUN_STATUSES)}", param_hint="--status")
    with state(ctx).service(must_exist=True) as service:
        rows = service.list_runs(min(limit, MAX_ROW_ID), status)  # more than exist: all
    output.listing(output.RUN_COLUMNS, rows, chosen)


@app.command("show")
def show(
    ctx: typer.Context,
    run_id: int = typer.Argument(..., metavar="RUN_ID", help="The run's id (see `mre runs list`)."),
    fmt: Format | None = FORMAT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """One run: status, progress, counts, error and child runs.

    tsv and csv give the run, then each child run, one a row.

    Example: mre runs show 42
    """
    chosen = output_format(ctx, fmt, as_json)
    with state(ctx).service(must_exist=True) as service:
        detail = service.run_detail(run_id)
    output.run(detail, chosen)


@app.command("wait")
def wait(
    ctx: typer.Context,
    run_id: int = typer.Argument(
        ..., metavar="RUN_ID", help="The run's id (as --detach printed it)."
    ),
    timeout: float | None = typer.Option(
        None,
        "--timeout",
        metavar="SECONDS",
        callback=in_range(0),
        help="Give up after this many seconds (exit 6: still running).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the finished run as JSON."),
) -> None:
    """Wait for a run to end, and exit as it ended.

    Exit 0 for succeeded, already_complete, partial or not_ready (the last two
    say why), the failure's own exit code for
    failed (see the README), 8 if its process died (abandoned), 130 for
    cancelled, 6 after --timeout.

    Example: mre runs wait $(mre events ingest --event 486677 --detach | cut -d' ' -f1)
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    with state(ctx).service(must_exist=True) as service:
        detail = service.run_detail(run_id)
        while detail["status"] not in RUN_FINISHED:
            if deadline is not None and time.monotonic() >= deadline:
                output.error(f"run {run_id} is still {detail['status']} after {timeout:g} s", 6)
                raise typer.Exit(6)
            time.sleep(WAIT_POLL_S)
            detail = service.run_detail(run_id)
    if as_json:
        output.as_json(detail)
    else:
        typer.echo(f"run {run_id}: {detail['status']}")
        if detail["status"] in output.UNFINISHED_EVENT_STATUSES:
            typer.echo(str(detail["progress"]["step"]))
    if detail["status"] in (RUN_SUCCEEDED, RUN_ALREADY_COMPLETE, *output.UNFINISHED_EVENT_STATUSES):
        return
    if detail["status"] == RUN_CANCELLED:
        raise typer.Exit(130)
    code = exit_code_for(detail["error_code"])
    output.error(f"run {run_id} failed: {detail['error_message']}", code)
    raise typer.Exit(code)


@app.command("cancel")
def cancel(
    ctx: typer.Context,
    run_id: int = typer.Argument(..., metavar="RUN_ID", help="The run's id."),
) -> None:
    """Cancel a queued or running run.

    A queued one is cancelled at once; a running import stops between races,
    keeping the races it wrote, and releases its event. A finished run is
    left as it is.

    Example: mre runs cancel 42
    """
    with state(ctx).service(must_exist=True) as service:
        detail = service.cancel_run(run_id)
    asked = " (stops at its next race)" if detail["status"] == "running" else ""
    typer.echo(f"run {run_id}: {detail['status']}{asked}")


def status(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """What is running now, with progress.

    Runs whose process died are closed first (abandoned; a job goes back to
    the queue). A run silent for two heartbeats shows as stale until it is
    closed at MRE_LOCK_TTL_S.

    Example: mre status --json
    """
    with state(ctx).service(must_exist=True) as service:
        rows = service.running()
    if as_json:
        output.as_json(rows)
        return
    if not rows:
        output.line("nothing is running")
        return
    for r in rows:
        stale = (
            " (stale: no heartbeat since " + f"{r['heartbeat_at']:%H:%M:%S} UTC)"
            if r["stale"]
            else ""
        )
        output.line(
            f"run {r['id']}: {r['operation']} {r['target']} {output.progress(r)} "
            f"{r['progress']['step'] or ''} on {r['host']} pid {r['pid']}{stale}"
        )
