"""The events search (held between two dates, by track, by name) and one event's page.

The search runs on every track's stored events; a track whose events were never
synced has none, so the page says so and offers "Sync events" for it.
"""

from __future__ import annotations

from datetime import date
from itertools import groupby
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from mre_core.console.pages.rendering import page_router, render, service
from mre_core.errors import UsageError
from mre_core.storage.models import INGEST_DEPTHS

router = page_router()
PAGE_SIZE = 50


def _date(text: str, name: str) -> date | None:
    """A date from the form: empty is none; anything but YYYY-MM-DD is a usage error."""
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{name} must be a date like 2025-11-14, not {text!r}") from None


@router.get("/events")
def events_page(
    request: Request,
    track: str = "",
    q: str = "",
    depth: str = "",
    offset: int = 0,
) -> HTMLResponse:
    # "from" is a Python keyword: read it (and "to", for symmetry) from the query.
    date_from = request.query_params.get("from", "")
    date_to = request.query_params.get("to", "")
    offset = max(0, offset)
    svc = service(request)
    found = svc.search_events(
        track=track or None,
        date_from=_date(date_from, "from"),
        date_to=_date(date_to, "to"),
        q=q.strip() or None,
        depth=depth or None,
        limit=PAGE_SIZE,
        offset=offset,
    )
    # Nothing found for a track may be the filters, or a track never synced: ask again
    # without the filters to tell which.
    never_synced = (
        bool(track) and found["total"] == 0 and not svc.search_events(track=track)["total"]
    )
    filters = {"track": track, "from": date_from, "to": date_to, "q": q, "depth": depth}
    return render(
        request,
        "events.html",
        events=found["items"],
        total=found["total"],
        offset=offset,
        page_size=PAGE_SIZE,
        filters=filters,
        tracks=svc.list_tracks(include_inactive=True),
        depths=INGEST_DEPTHS,
        never_synced=never_synced,
    )


def rounds(races: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Races grouped by round (in race order), then by class within each round:
    [{"round", "classes": [{"class_name", "races"}]}]."""
    grouped = []
    for round_name, in_round in groupby(races, key=lambda r: r["round"]):
        by_class: dict[str, list[dict[str, Any]]] = {}
        for race in in_round:
            by_class.setdefault(race["class_name"], []).append(race)
        grouped.append(
            {
                "round": round_name,
                "classes": [{"class_name": c, "races": rs} for c, rs in by_class.items()],
            }
        )
    return grouped


@router.get("/events/{event}")
def event_page(request: Request, event: str) -> HTMLResponse:
    detail = service(request).event_detail(event, with_cells=False)
    return render(request, "event.html", event=detail, rounds=rounds(detail["races"]))
