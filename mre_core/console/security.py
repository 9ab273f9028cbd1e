"""Who may use the console, and what no other web site may make it do.

- **Login.** With a token (MRE_ADMIN_TOKEN) every `/api` call needs
  `Authorization: Bearer <token>` or a logged-in session (the pages' own
  JavaScript), and every page but `/login` and `/static/*` needs the session,
  else 303 to `/login?next=...`. The session is a cookie signed with the
  session secret (itsdangerous, through Starlette's SessionMiddleware). With
  no token everything is open: `mre serve` then binds loopback only.
- **CSRF.** Another site open in the same browser can submit forms and
  simple requests to the console, cookies and all. So a state change through
  the API (POST, PUT, PATCH, DELETE) needs a JSON body (a cross-site request
  with `Content-Type: application/json` needs a CORS preflight, which the
  console never grants) or a bearer token (which a browser never adds by
  itself); one made with the session also carries `X-CSRF-Token`. Page
  forms carry `csrf_token`, checked with `check_csrf`.
- **Headers** on every answer: a content security policy allowing only the
  console's own scripts and styles, nosniff, no framing.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mre_core.console.errors import error_response

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
SESSION_COOKIE = "mre_session"
SESSION_DAYS = 14
STATE_CHANGES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSRF_HEADER = "X-CSRF-Token"
OPEN_PAGES = ("/login",)
OPEN_PREFIXES = ("/static/",)


def install(app: FastAPI, token: str | None, session_secret: str | None) -> None:
    """Login, CSRF and headers around `app`. Without a session secret a random one is
    made: sessions then last as long as the process."""
    app.state.admin_token = token or None
    app.add_middleware(Guard, token=token or None)
    app.add_middleware(
        SessionMiddleware,
        secret_key=session_secret or secrets.token_urlsafe(32),
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_DAYS * 86_400,
        same_site="lax",
    )
    app.add_middleware(SecurityHeaders)


# --- for the pages ------------------------------------------------------------------


def needs_login(request: Request) -> bool:
    """Whether this console asks for a login at all (a token is set)."""
    return request.app.state.admin_token is not None


def logged_in(request: Request) -> bool:
    """May this browser use the console: no login is needed, or its session logged in."""
    return not needs_login(request) or bool(request.session.get("logged_in"))


def log_in(request: Request, attempt: str) -> bool:
    """Log the session in if `attempt` is the token (compared in constant time). The
    session starts afresh, with a new CSRF token: one planted before cannot be used."""
    token = request.app.state.admin_token
    if token is not None and not _same(attempt, token):
        return False
    request.session.clear()
    request.session["logged_in"] = True
    csrf_token(request)
    return True


def log_out(request: Request) -> None:
    request.session.clear()


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use: for forms and `<meta name=csrf-token>`."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, submitted: str | None) -> None:
    """A form's `csrf_token` must be the session's: else 403."""
    if not _csrf_matches(request, submitted):
        raise HTTPException(403, "the form's CSRF token is missing or stale: reload the page")


def _csrf_matches(request: Request, given: str | None) -> bool:
    """`given` (a form field, a header) is the session's CSRF token."""
    expected = request.session.get("csrf")
    return isinstance(expected, str) and bool(given) and _same(given or "", expected)


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


# --- middleware ---------------------------------------------------------------------


class Guard:
    """Refuses what `install`'s rules refuse, before any route runs."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        path = scope["path"]
        if path == "/api" or path.startswith("/api/"):
            refusal = self._api_refusal(request)
        else:
            refusal = self._page_refusal(request)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _api_refusal(self, request: Request) -> Response | None:
        bearer = _bearer(request.headers)
        if self.token is not None:
            if bearer is not None:
                if _same(bearer, self.token):
                    return None  # a program's call: no browser adds this header by itself
                return _unauthorized("wrong token")
            if not request.session.get("logged_in"):
                return _unauthorized(
                    "this API needs `Authorization: Bearer <MRE_ADMIN_TOKEN>` (or a login)"
                )
        if request.method not in STATE_CHANGES or bearer is not None:
            return None
        if not _is_json(request.headers):
            return error_response(
                415,
                "unsupported_media_type",
                f"a {request.method} needs a JSON body (Content-Type: application/json), "
                "even `{}`, or a bearer token",
            )
        if self.token is not None and not _csrf_matches(request, request.headers.get(CSRF_HEADER)):
            return error_response(
                403, "forbidden", f"a change made with a login needs the {CSRF_HEADER} header"
            )
        return None

    def _page_refusal(self, request: Request) -> Response | None:
        path = request.url.path
        if (
            self.token is None
            or path in OPEN_PAGES
            or path.startswith(OPEN_PREFIXES)
            or request.session.get("logged_in")
        ):
            return None
        back = path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(back, safe='/')}", status_code=303)


def _bearer(headers: Headers) -> str | None:
    scheme, _, value = headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _is_json(headers: Headers) -> bool:
    media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return media_type == "application/json"


def _unauthorized(message: str) -> Response:
    return error_response(401, "unauthorized", message, {"WWW-Authenticate": "Bearer"})


class SecurityHeaders:
    """SECURITY_HEADERS on every answer (a route's own choice of one is kept)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)
