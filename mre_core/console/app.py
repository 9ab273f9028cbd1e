"""`create_app`: the console's FastAPI app around one shared `IngestionService`.

The API is under `/api` (its OpenAPI document at `/api/openapi.json`, read
at `/api/docs`), the pages at `/`, their files at `/static`. The docs page
is Swagger UI from `/static/vendor/swagger-ui/` (no CDN: the console works
offline, and its content security policy allows only its own scripts), so
it is plain HTML plus a script file rather than FastAPI's inline one.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from loguru import logger
from starlette.exceptions import HTTPException

from mre_core import __version__
from mre_core.console import errors, security
from mre_core.console.api import router as api_router
from mre_core.console.pages import router as pages_router
from mre_core.console.pages.rendering import http_error_page
from mre_core.service.ingestion import IngestionService

STATIC = Path(__file__).resolve().parent / "static"
OPENAPI_URL = "/api/openapi.json"
SWAGGER = "/static/vendor/swagger-ui"
DOCS_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>mre API</title>
<link rel="stylesheet" href="{SWAGGER}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{SWAGGER}/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
"""
DOCS_SCRIPT = f'SwaggerUIBundle({{url: "{OPENAPI_URL}", dom_id: "#swagger-ui"}});\n'


def create_app(
    service: IngestionService,
    token: str | None = None,
    session_secret: str | None = None,
    workers: int = 0,
) -> FastAPI:
    """The console on `service` (shared by every request's thread). `token`: the login
    (None: open, for loopback); `workers`: the jobs this process runs at once, for
    /api/health.

    mre's logs (core and connectors) are turned on: a library keeps them off until
    its application asks, and the console is one. The run pages show what runs log,
    and a run stores only the lines that are logged.
    """
    app = FastAPI(
        title="mre",
        version=__version__,
        summary="RC race timing data in your own database: sync, import, read back.",
        openapi_url=OPENAPI_URL,
        docs_url=None,
        redoc_url=None,
    )
    logger.enable("")  # mre_core's and every connector's
    app.state.service = service
    app.state.workers = workers
    errors.install(app)  # first: its catch-all is innermost, inside the security headers
    security.install(app, token, session_secret)
    app.include_router(api_router)
    _add_docs(app)
    app.include_router(pages_router)
    app.add_exception_handler(HTTPException, http_error_page)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _add_docs(app: FastAPI) -> None:
    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)

    @app.get("/api/docs/init.js", include_in_schema=False)
    def docs_script() -> Response:
        return Response(DOCS_SCRIPT, media_type="text/javascript")
