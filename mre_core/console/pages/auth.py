"""The way in: `/` goes to the events, `/login` takes the admin token once, `/logout`.

The login form is parsed by hand (a urlencoded body of two fields) rather than
with FastAPI's Form, which would add python-multipart for this one form.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from mre_core.console import security
from mre_core.console.pages.rendering import page_router, render

router = page_router()
# A login form is a few hundred bytes: a bigger body is not one.
MAX_FORM_BYTES = 8192


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/events", status_code=303)


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this console only ("//evil.example" and
    "https://..." would send the user elsewhere), else the events page."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/events"


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> HTMLResponse:
    return render(request, "login.html", next=safe_next(next), failed=False)


async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    fields = parse_qs(body.decode("utf-8", errors="replace"), max_num_fields=8)
    return {name: values[0] for name, values in fields.items()}


@router.post("/login", response_model=None)
async def login(request: Request) -> HTMLResponse | RedirectResponse:
    form = await _form(request)
    security.check_csrf(request, form.get("csrf_token"))
    target = safe_next(form.get("next"))
    if security.log_in(request, form.get("token", "")):
        return RedirectResponse(target, status_code=303)
    return render(request, "login.html", status_code=401, next=target, failed=True)


@router.post("/logout")
async def logout(request: Request) -> RedirectResponse:
    form = await _form(request)
    security.check_csrf(request, form.get("csrf_token"))
    security.log_out(request)
    return RedirectResponse("/login", status_code=303)
