"""One template environment for every page, and the page an error becomes.

Autoescape is on for every template (Starlette's default for .html): names come
from LiveRC and may hold markup, and no template marks data `|safe`. The one
filter that returns markup, `result_rows`, escapes every text it inserts.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from mre_core.console import security
from mre_core.console.errors import http_error, status_of
from mre_core.console.pages.formatting import FILTERS, GLOBALS
from mre_core.console.pages.results_table import result_rows
from mre_core.errors import MreError
from mre_core.service.ingestion import IngestionService

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

templates = Jinja2Templates(directory=TEMPLATES)
templates.env.filters.update(FILTERS)
templates.env.filters["result_rows"] = result_rows
templates.env.globals.update(GLOBALS)
templates.env.globals["csrf_token"] = security.csrf_token
templates.env.globals["show_logout"] = lambda request: (
    security.needs_login(request) and security.logged_in(request)
)


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """`template` filled with `context`; every page also knows its request (the
    layout reads the CSRF token and the current path from it)."""
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def error_page(request: Request, error: MreError) -> HTMLResponse:
    """What a person sees instead of a page whose event, race or run is unknown, or
    whose filters are wrong: the message mre gives the CLI, in the layout."""
    return render(request, "error.html", status_code=status_of(error), error=error)


async def http_error_page(request: Request, exc: Exception) -> Response:
    """An unknown page, or a refused form, shown to a person as a page in the layout;
    the API and programs (no `text/html` in Accept) get the JSON body."""
    assert isinstance(exc, HTTPException)
    wanted = request.headers.get("accept", "")
    if request.url.path.startswith(("/api/", "/static/")) or "text/html" not in wanted:
        return await http_error(request, exc)
    shown = SimpleNamespace(message=f"{exc.status_code}: {exc.detail}")
    return render(request, "error.html", status_code=exc.status_code, error=shown)


class PageRoute(APIRoute):
    """A page route whose MreError (unknown event, bad date) becomes the error page
    rather than the API's JSON body."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except MreError as error:
                return error_page(request, error)

        return handle


def page_router() -> APIRouter:
    """A router for one subject's pages: errors shown as pages, none in the OpenAPI
    document (it describes the JSON API, which schemathesis checks)."""
    return APIRouter(route_class=PageRoute, include_in_schema=False)


def service(request: Request) -> IngestionService:
    """The one service the app shares between its threads."""
    return request.app.state.service
