"""`mre runs` and `mre status`: what ran, what is running, how far it got."""

from __future__ import annotations

import time

import typer
from rich.table import Table

from mre_core.cli import output
from mre_core.cli.options import state
from mre_core.errors import exit_code_for
from mre_core.storage.models import (
    RUN_ALREADY_COMPLETE,
    RUN_CANCELLED,
    RUN_FINISHED,
    RUN_STATUSES,
    RUN_SUCCEEDED,
)

STATUS_HELP = f"Only this status: {', '.join(RUN_STATUSES)}."

WAIT_POLL_S = 0.25  # a status poll is one indexed read

app = typer.Typer(
    help="Run records: one per operation, kept current while it works.", no_args_is_help=True
)


@app.command("list")
def list_runs(
    ctx: typer.Context,
    limit: int = typer.Option(20, "--limit", min=1, help="How many, newest first."),
    status: str | None = typer.Option(None, "--status", help=STATUS_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """The latest runs, newest first."""
    if status is not None and status not in RUN_STATUSES:
        raise typer.BadParameter(f"must be one of {', '.join(RUN_STATUSES)}", param_hint="--status")
    with state(ctx).service() as service:
        rows = service.list_runs(limit, status)
    if as_json:
        output.as_json(rows)
        return
    table = Table(
        "id",
        "operation",
        "target",
        "status",
        "started (UTC)",
        "progress",
        "requests",
        "error",
        box=None,
        pad_edge=False,
    )
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["operation"],
            r["target"],
            r["status"],
            f"{r['started_at']:%Y-%m-%d %H:%M:%S}",
            _progress(r),
            str(r["requests"]),
            r["error_code"] or "",
        )
    output.console.print(table)


@app.command("show")
def show(
    ctx: typer.Context,
    run_id: int = typer.Argument(..., help="The run's id (see `mre runs list`)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """One run: status, progress, counts per table, error, and its child runs."""
    with state(ctx).service() as service:
        detail = service.run_detail(run_id)
    if as_json:
        output.as_json(detail)
        return
    output.console.print(
        f"run {detail['id']}: {detail['operation']} {detail['target']} ({detail['source']}) "
        f"{detail['status']}"
    )
    output.console.print(
        f"started {detail['started_at']} UTC, finished {detail['finished_at'] or '-'}, "
        f"{detail['requests']} requests, progress {_progress(detail)}, "
        f"on {detail['host']} pid {detail['pid']}"
    )
    if detail["error_code"]:
        output.console.print(f"error {detail['error_code']}: {detail['error_message']}")
    if detail["counts"]:
        table = Table("table", "new", "updated", "unchanged", box=None, pad_edge=False)
        for name, c in detail["counts"].items():
            table.add_row(name, str(c["new"]), str(c["updated"]), str(c["unchanged"]))
        output.console.print(table)
    for child in detail["children"]:
        output.console.print(
            f"  run {child['id']}: {child['operation']} {child['target']} {child['status']}"
        )


@app.command("wait")
def wait(
    ctx: typer.Context,
    run_id: int = typer.Argument(..., help="The run's id (as --detach printed it)."),
    timeout: float | None = typer.Option(
        None, "--timeout", min=0, help="Give up after this many seconds (exit 6: still running)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the finished run as JSON."),
) -> None:
    """Wait for a run to end; exit 0 for succeeded or already_complete, the failure's own
    exit code for failed (see the README), 130 for cancelled.

    Example: mre runs wait $(mre events ingest --event 486677 --detach | cut -d' ' -f1)
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    with state(ctx).service() as service:
        detail = service.run_detail(run_id)
        while detail["status"] not in RUN_FINISHED:
            if deadline is not None and time.monotonic() >= deadline:
                output.error(f"run {run_id} is still {detail['status']} after {timeout:g} s")
                raise typer.Exit(6)
            time.sleep(WAIT_POLL_S)
            detail = service.run_detail(run_id)
    if as_json:
        output.as_json(detail)
    else:
        typer.echo(f"run {run_id}: {detail['status']}")
    if detail["status"] in (RUN_SUCCEEDED, RUN_ALREADY_COMPLETE):
        return
    if detail["status"] == RUN_CANCELLED:
        raise typer.Exit(130)
    output.error(f"run {run_id} failed: {detail['error_message']}")
    raise typer.Exit(exit_code_for(detail["error_code"]))


@app.command("cancel")
def cancel(
    ctx: typer.Context,
    run_id: int = typer.Argument(..., help="The run's id."),
) -> None:
    """Cancel a run: a queued one at once; a running import stops between races, keeping
    the races it wrote, and releases its event. A finished run is left as it is.

    Example: mre runs cancel 42
    """
    with state(ctx).service() as service:
        detail = service.cancel_run(run_id)
    asked = " (stops at its next race)" if detail["status"] == "running" else ""
    typer.echo(f"run {run_id}: {detail['status']}{asked}")


def status(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """What is running now, with progress (runs whose process died show as stale)."""
    with state(ctx).service() as service:
        rows = service.running()
    if as_json:
        output.as_json(rows)
        return
    if not rows:
        output.console.print("nothing is running")
        return
    for r in rows:
        stale = (
            " (stale: no heartbeat since " + f"{r['heartbeat_at']:%H:%M:%S} UTC)"
            if r["stale"]
            else ""
        )
        output.console.print(
            f"run {r['id']}: {r['operation']} {r['target']} {_progress(r)} "
            f"{r['progress']['step'] or ''} on {r['host']} pid {r['pid']}{stale}"
        )


def _progress(run: dict) -> str:
    p = run["progress"]
    return f"{p['done']}/{p['total']}" if p["total"] else str(p["done"])
