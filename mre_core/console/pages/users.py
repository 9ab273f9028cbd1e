"""The links between the app's users and drivers, by status; a person confirms or
rejects a suggestion (through the API, from the page's script)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from mre_core.console.pages.rendering import page_router, render, service
from mre_core.storage.models import LINK_STATUSES

router = page_router()


@router.get("/users")
def users_page(request: Request, status: str = "") -> HTMLResponse:
    links = service(request).list_links(status=status or None)
    return render(request, "users.html", links=links, status=status, statuses=LINK_STATUSES)
