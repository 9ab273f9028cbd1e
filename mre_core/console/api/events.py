"""`/api/events` and `/api/races`: the held-between search, an event's results, a race's
laps, and importing an event (a job)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query, Response
from starlette.concurrency import run_in_threadpool

from mre_core.console.api.jobs import ACCEPTED, Service, Wait, answer
from mre_core.console.api.models import EventDetail, EventPage, IngestRequest, JobAnswer, RaceLaps
from mre_core.console.errors import CHANGE_ERRORS, READ_ERRORS, documented

router = APIRouter(tags=["events"])

Source = Annotated[str | None, Query(max_length=64, description="Only this source's.")]


@router.get("/events", response_model=EventPage, responses=documented(*READ_ERRORS, 404))
def search_events(
    service: Service,
    track: Annotated[
        str | None, Query(max_length=255, description="A track's slug or id:N; all if none.")
    ] = None,
    date_from: Annotated[
        date | None, Query(alias="from", description="First day (ISO date), inclusive.")
    ] = None,
    date_to: Annotated[
        date | None, Query(alias="to", description="Last day (ISO date), inclusive.")
    ] = None,
    q: Annotated[str | None, Query(max_length=512, description="Part of the name.")] = None,
    depth: Literal["none", "laps_partial", "laps_full"] | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    source: Source = None,
) -> dict[str, Any]:
    """Events held between two days (their days overlap [from, to]), newest first."""
    return service.search_events(
        track=track,
        date_from=date_from,
        date_to=date_to,
        q=q,
        depth=depth,
        limit=limit,
        offset=offset,
        source=source,
    )


@router.get("/events/{event}", response_model=EventDetail, responses=documented(*READ_ERRORS, 404))
def event_detail(service: Service, event: str, source: Source = None) -> dict[str, Any]:
    """An event: its races in order, each race's results, the fastest lap of each class."""
    return service.event_detail(event, source)


@router.post(
    "/events/{event}/ingest",
    response_model=JobAnswer,
    responses={
        **ACCEPTED,
        **documented(*CHANGE_ERRORS, 404),
    },
)
async def ingest_event(
    service: Service,
    event: str,
    response: Response,
    wait: Wait = 0.0,
    body: Annotated[IngestRequest | None, Body()] = None,
) -> JobAnswer:
    """Import an event, every race and lap (a job).

    The same run answers every repeat while it is queued or running; an event
    already imported answers 200 `already_complete` unless `force`.
    """
    asked = body or IngestRequest()
    submission = await run_in_threadpool(
        service.submit_event_ingest, event, asked.force, asked.source
    )
    return await answer(service, submission.run_id, response, wait)


@router.get("/races/{race}/laps", response_model=RaceLaps, responses=documented(*READ_ERRORS, 404))
def race_laps(service: Service, race: str, source: Source = None) -> dict[str, Any]:
    """Every driver's laps in a race: lap time and position on each lap."""
    return service.race_laps(race, source)
