"""The tracks page: search by name or slug, active or all, and "Sync tracks"."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from mre_core.console.pages.rendering import page_router, render, service

router = page_router()


@router.get("/tracks")
def tracks_page(request: Request, q: str = "", show: str = "active") -> HTMLResponse:
    everything = service(request).list_tracks(include_inactive=show == "all")
    needle = q.strip().lower()
    found = [t for t in everything if needle in t["name"].lower() or needle in t["slug"].lower()]
    return render(request, "tracks.html", tracks=found, q=q, show=show, total=len(everything))
