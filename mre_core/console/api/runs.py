"""`/api/runs`: every operation's record, cancelling one, and its log lines (live too)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from mre_core.console.api.jobs import ACCEPTED, Service, answer
from mre_core.console.api.models import JobAnswer, LogLine, Run, RunDetail
from mre_core.console.errors import CHANGE_ERRORS, READ_ERRORS, documented
from mre_core.service.ingestion import IngestionService
from mre_core.storage.models import RUN_FINISHED

router = APIRouter(tags=["runs"])

RunStatus = Literal[
    "queued",
    "running",
    "succeeded",
    "failed",
    "already_complete",
    "cancelled",
    "partial",
    "not_ready",
]
STREAM_POLL_S = 0.5  # a line reaches the table within about a second (see run_logs)
FLUSH_GRACE_S = 1.0  # after a run's end, how long its last lines may take to arrive
KEEPALIVE_S = 15.0  # a comment now and then: proxies close a silent connection
EVENT_STREAM = "text/event-stream"


@router.get("/runs", response_model=list[Run], responses=documented(*READ_ERRORS))
def list_runs(
    service: Service,
    status: RunStatus | None = None,
    limit: Annotated[int, Query(ge=1, le=500, description="How many, newest first.")] = 20,
) -> list[dict[str, Any]]:
    """The latest runs, newest first (as `mre runs list --json`)."""
    return service.list_runs(limit, status)


@router.get("/runs/{run_id}", response_model=RunDetail, responses=documented(*READ_ERRORS, 404))
def run_detail(service: Service, run_id: int) -> dict[str, Any]:
    """A run: status, progress, counts, error and child runs (as `mre runs show ID --json`)."""
    return service.run_detail(run_id)


@router.delete(
    "/runs/{run_id}",
    response_model=JobAnswer,
    responses={**ACCEPTED, **documented(*CHANGE_ERRORS, 404)},
)
async def cancel_run(service: Service, run_id: int, response: Response) -> JobAnswer:
    """Cancel a run: a queued one at once (200); a running one stops at its next whole
    race (202, in_progress until then). A finished run is left as it is."""
    await run_in_threadpool(service.cancel_run, run_id)
    return await answer(service, run_id, response)


@router.get(
    "/runs/{run_id}/logs",
    response_model=list[LogLine],
    responses={
        200: {
            "content": {EVENT_STREAM: {"schema": {"type": "string"}}},
            "description": "With `Accept: text/event-stream`: a live stream of `log` "
            "events (data: a line as JSON, id: its id), ending with an `end` event "
            "(data: the run's final status) when the run ends.",
        },
        **documented(*READ_ERRORS, 404),
    },
)
async def run_logs(
    service: Service,
    request: Request,
    run_id: int,
    after: Annotated[int, Query(ge=0, description="Only lines after this line id.")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    accept: Annotated[str, Header(include_in_schema=False)] = "",
    last_event_id: Annotated[int | None, Header(include_in_schema=False)] = None,
) -> Any:
    """The run's log lines, oldest first; live as Server-Sent Events if asked for."""
    streaming = EVENT_STREAM in accept
    # A reconnecting EventSource says where it was (Last-Event-ID): it goes on from there.
    start = max(after, last_event_id or 0) if streaming else after
    lines = await run_in_threadpool(service.run_logs, run_id, start, limit)
    if not streaming:
        return lines
    return StreamingResponse(
        _stream(service, request, run_id, start, lines),
        media_type=EVENT_STREAM,
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def _stream(
    service: IngestionService,
    request: Request,
    run_id: int,
    after: int,
    lines: list[dict[str, Any]],
) -> AsyncIterator[str]:
    """Each new line as a `log` event until the run has ended and its last lines are
    out, then one `end` event. Stops at once when the client goes away.

    Lines are written in batches (within about a second), so the stream ends once
    a read a second after the run's end finds nothing more."""
    quiet, ended_at, status = 0.0, None, ""
    while True:
        for line in lines:
            after = line["id"]
            yield f"id: {after}\nevent: log\ndata: {json.dumps(jsonable_encoder(line))}\n\n"
        if lines:
            quiet = 0.0
        else:
            if ended_at is None:
                run = await run_in_threadpool(service.run_detail, run_id)
                if run["status"] in RUN_FINISHED:
                    ended_at, status = time.monotonic(), run["status"]
            elif time.monotonic() - ended_at >= FLUSH_GRACE_S:
                yield f"event: end\ndata: {json.dumps({'status': status})}\n\n"
                return
            await asyncio.sleep(STREAM_POLL_S)
            quiet += STREAM_POLL_S
            if quiet >= KEEPALIVE_S:
                quiet = 0.0
                yield ": keepalive\n\n"
        if await request.is_disconnected():
            return
        lines = await run_in_threadpool(service.run_logs, run_id, after)
