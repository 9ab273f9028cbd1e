"""Runs: every run with status, progress, duration and error; one run with its live log."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from mre_core.console.pages.rendering import page_router, render, service
from mre_core.errors import UsageError
from mre_core.storage.models import RUN_ACTIVE, RUN_STATUSES

router = page_router()
SHOWN_RUNS = 100


@router.get("/runs")
def runs_page(request: Request, status: str = "") -> HTMLResponse:
    runs = service(request).list_runs(limit=SHOWN_RUNS, status=status or None)
    return render(
        request, "runs.html", runs=runs, status=status, statuses=RUN_STATUSES, active=RUN_ACTIVE
    )


@router.get("/runs/{run_id}")
def run_page(request: Request, run_id: str) -> HTMLResponse:
    # Read as text: "/runs/abc" is the error page, not FastAPI's JSON validation answer.
    if not run_id.isascii() or not run_id.isdigit():
        raise UsageError(f"a run id is a number (see the runs page), not {run_id!r}")
    run = service(request).run_detail(int(run_id))
    return render(request, "run.html", run=run, active=RUN_ACTIVE)
