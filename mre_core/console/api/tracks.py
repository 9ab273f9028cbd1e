"""`/api/tracks`: the catalogue, and the jobs that sync it and a track's events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Response
from starlette.concurrency import run_in_threadpool

from mre_core.console.api.jobs import ACCEPTED, Service, Wait, answer
from mre_core.console.api.models import (
    JobAnswer,
    SyncEventsRequest,
    SyncTracksRequest,
    TrackItem,
)
from mre_core.console.errors import CHANGE_ERRORS, READ_ERRORS, documented

router = APIRouter(tags=["tracks"])


@router.get("/tracks", response_model=list[TrackItem], responses=documented(*READ_ERRORS))
def list_tracks(
    service: Service,
    q: Annotated[
        str | None, Query(max_length=255, description="Part of the name or slug, any case.")
    ] = None,
    active: Annotated[
        bool | None, Query(description="Only active (true) or inactive (false) tracks.")
    ] = None,
    source: Annotated[str | None, Query(max_length=64)] = None,
) -> list[dict[str, Any]]:
    """The tracks synced from the sources' catalogues, by source then name."""
    found = service.list_tracks(source, include_inactive=active is not True)
    if active is False:
        found = [t for t in found if not t["is_active"]]
    if q:
        needle = q.casefold()
        found = [
            t for t in found if needle in t["name"].casefold() or needle in t["slug"].casefold()
        ]
    return found


@router.post(
    "/tracks/sync",
    response_model=JobAnswer,
    responses={**ACCEPTED, **documented(*CHANGE_ERRORS)},
)
async def sync_tracks(
    service: Service,
    response: Response,
    wait: Wait = 0.0,
    body: Annotated[SyncTracksRequest | None, Body()] = None,
) -> JobAnswer:
    """Sync the catalogue of tracks (a job): 202 and `Location` while it runs."""
    source = (body or SyncTracksRequest()).source
    submission = await run_in_threadpool(service.submit_track_sync, source)
    return await answer(service, submission.run_id, response, wait)


@router.post(
    "/tracks/{track}/events/sync",
    response_model=JobAnswer,
    responses={**ACCEPTED, **documented(*CHANGE_ERRORS, 404)},
)
async def sync_events(
    service: Service,
    track: str,
    response: Response,
    wait: Wait = 0.0,
    body: Annotated[SyncEventsRequest | None, Body()] = None,
) -> JobAnswer:
    """Sync a track's list of events (a job), then with depth laps_full import them."""
    asked = body or SyncEventsRequest()
    submission = await run_in_threadpool(
        service.submit_event_sync, track, asked.depth, asked.ingest_all, asked.source
    )
    return await answer(service, submission.run_id, response, wait)
