"""Every error the API answers has one body, `{"error": {"code", "message"}}`.

`code` is the text the CLI and the run records use (mre_core.errors), so a
program reads the same word whichever way it called mre; the HTTP status
follows the error's class. Request parameters and bodies that do not parse
are `usage` errors with 422 (FastAPI's own checks); anything unexpected is a
bug: 500 with code `internal`, its traceback in the server's log and never
in the answer.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from loguru import logger
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mre_core.errors import (
    DatabaseError,
    InProgressError,
    MreError,
    NetworkError,
    NotFoundError,
    RunAbandonedError,
    RunCancelledError,
    RunRequeuedError,
    SiteHeldError,
    UsageError,
    ValidationError,
    first_line,
)
from mre_core.storage.database import DATABASE_ERRORS

# Most specific first: the first class an error is an instance of gives its status.
STATUS_OF: tuple[tuple[type[MreError], int], ...] = (
    (UsageError, 400),
    (NotFoundError, 404),
    (ValidationError, 422),  # the site's data cannot be ingested as it is
    (SiteHeldError, 503),  # the site asked to be left alone for a while: try later
    (NetworkError, 502),  # the site (the upstream) did not answer well
    (InProgressError, 409),
    (RunAbandonedError, 409),
    (RunCancelledError, 409),
    (RunRequeuedError, 409),
    (DatabaseError, 503),
)
# Starlette's own refusals (no such route, wrong method, ...), in the same words.
CODE_OF_STATUS = {
    400: "usage",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    415: "unsupported_media_type",
    422: "usage",
}

# What any API route may answer besides its own: a bad parameter, no login, the database
# out of reach; a state change also a missing CSRF token or a body that is not JSON.
READ_ERRORS = (400, 401, 422, 503)
CHANGE_ERRORS = (*READ_ERRORS, 403, 415)


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """What every refusal and failure answers."""

    error: ErrorDetail


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers
    )


def status_of(error: MreError) -> int:
    for cls, status in STATUS_OF:
        if isinstance(error, cls):
            return status
    return 400  # an MreError of a plugin's own: refused on purpose, not a bug


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` of a route: the error statuses it may answer, with their body."""
    return {status: {"model": ErrorBody} for status in statuses}


async def _mre_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, MreError)
    return error_response(status_of(exc), exc.code, exc.message)


async def _database_error(_request: Request, exc: Exception) -> JSONResponse:
    """A driver's error that no service method turned into a DatabaseError: as the CLI."""
    return error_response(503, DatabaseError.code, f"database error: {first_line(exc)}")


async def _invalid_request(_request: Request, exc: Exception) -> JSONResponse:
    """FastAPI's check of parameters and bodies, said in one line naming the input."""
    assert isinstance(exc, RequestValidationError)
    problems = [
        f"{'.'.join(str(part) for part in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
        for e in exc.errors()
    ]
    return error_response(422, UsageError.code, "; ".join(problems) or "invalid request")


async def http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = CODE_OF_STATUS.get(exc.status_code, "error")
    return error_response(exc.status_code, code, str(exc.detail), exc.headers)


def install(app: FastAPI) -> None:
    app.add_exception_handler(MreError, _mre_error)
    for error in DATABASE_ERRORS:
        app.add_exception_handler(error, _database_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, http_error)
    app.add_middleware(InternalErrors)


class InternalErrors:
    """The last word on a bug: a 500 with code `internal` in the usual body.

    Innermost of the app's own middleware, so that the answer still gets the
    security headers (Starlette's own handler of last resort sits outside all
    of them). The traceback goes to the log only.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:
            logger.opt(exception=exc).error(
                "internal error answering {} {}", scope["method"], scope["path"]
            )
            if started:  # half an answer is out: nothing better to do than to drop it
                raise
            response = error_response(
                500, "internal", "internal error (a bug in mre); the server's log has details"
            )
            await response(scope, receive, send)
