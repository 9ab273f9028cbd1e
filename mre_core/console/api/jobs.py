"""What every job route shares: the service, and the answer `{run_id, status, run}`.

A job is submitted through the service and run by a worker (in `mre serve`
or elsewhere); the route only watches its run. `?wait=S` is the seed's "poll
the database for a few seconds before responding": 200 with the finished
run if it ends in time, else 202 and `Location` to poll. Waiting is async
(a sleeping request holds no thread), and nothing here ever cancels the
job: a client that gives up or drops its connection leaves it running.
"""

from __future__ import annotations

import asyncio
import time
from typing import Annotated, Any

from fastapi import Depends, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from mre_core.console.api.models import JobAnswer
from mre_core.service.ingestion import IngestionService
from mre_core.storage.models import RUN_FINISHED, RUN_RUNNING

MAX_WAIT_S = 30.0
WAIT_POLL_S = 0.25  # a status read is one indexed query


def service_of(request: Request) -> IngestionService:
    """The one service of the app, shared by every thread (it is made for that)."""
    return request.app.state.service


# The answer of a job still queued or running, for a route's `responses=`.
ACCEPTED: dict[int | str, dict[str, Any]] = {
    202: {"model": JobAnswer, "description": "Queued or running: poll `Location`."}
}


Service = Annotated[IngestionService, Depends(service_of)]
Wait = Annotated[
    float,
    Query(
        ge=0,
        le=MAX_WAIT_S,
        description="Seconds to wait for the run to end: 200 if it does, else 202.",
    ),
]


def job_status(run: dict[str, Any]) -> str:
    """The answer's status: the run's, `running` said as `in_progress`."""
    return "in_progress" if run["status"] == RUN_RUNNING else run["status"]


async def answer(
    service: IngestionService, run_id: int, response: Response, wait: float = 0.0
) -> JobAnswer:
    """The job's answer once its run ended or `wait` seconds passed: 200 for an ended
    run, else 202 with `Location`."""
    deadline = time.monotonic() + wait
    run = await run_in_threadpool(service.run_detail, run_id)
    while run["status"] not in RUN_FINISHED and (left := deadline - time.monotonic()) > 0:
        await asyncio.sleep(min(WAIT_POLL_S, left))
        run = await run_in_threadpool(service.run_detail, run_id)
    if run["status"] not in RUN_FINISHED:
        response.status_code = 202
        response.headers["Location"] = f"/api/runs/{run_id}"
    return JobAnswer.model_validate({"run_id": run_id, "status": job_status(run), "run": run})
