"""Who may use the console, and what another web site cannot make it do: the token
(bearer or login), CSRF on every state change, and the headers on every answer."""

from __future__ import annotations

import re

import pytest

from mre_core.console.app import create_app
from mre_core.console.security import SECURITY_HEADERS
from tests.console.conftest import JSON, TOKEN, client, error

pytestmark = pytest.mark.anyio

BEARER = {"Authorization": f"Bearer {TOKEN}"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize("path", ["/api/health", "/api/runs/999", "/api/nothing", "/login"])
async def test_every_answer_has_the_security_headers(api, path):
    answer = await api.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert answer.headers[name] == value
    assert SECURITY_HEADERS["Content-Security-Policy"] == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    )


async def test_without_a_token_everything_is_open(api):
    assert (await api.get("/api/health")).status_code == 200
    assert (await api.post("/api/tracks/sync", json={})).status_code == 202
    assert (await api.get("/events")).status_code == 200


# --- CSRF: a state change needs a JSON body or a bearer token --------------------------


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("POST", "/api/tracks/sync"),
        ("POST", "/api/events/1/ingest"),
        ("POST", "/api/tracks/x/events/sync"),
        ("POST", "/api/links/1/confirm"),
        ("POST", "/api/links/1/reject"),
        ("DELETE", "/api/runs/1"),
    ],
)
@pytest.mark.parametrize(
    "headers",
    [FORM, {"Content-Type": "text/plain"}, {"Content-Type": "multipart/form-data; boundary=x"}, {}],
)
async def test_a_state_change_without_json_is_refused_before_anything_runs(
    api, service, method, url, headers
):
    answer = await api.request(method, url, content=b"force=true", headers=headers)
    assert error(answer) == (415, "unsupported_media_type")
    assert service.jobs_pending() == 0


async def test_json_is_accepted_with_a_charset_and_in_any_case(api):
    for content_type in ("application/json; charset=utf-8", "Application/JSON"):
        answer = await api.post(
            "/api/tracks/sync", content=b"{}", headers={"Content-Type": content_type}
        )
        assert answer.status_code == 202


async def test_a_bearer_needs_no_json_body(service):
    async with client(create_app(service, token=TOKEN)) as api:
        assert (await api.post("/api/tracks/sync", headers=BEARER)).status_code == 202


async def test_a_read_needs_no_json(api):
    assert (await api.get("/api/tracks", headers=FORM)).status_code == 200


# --- with a token -------------------------------------------------------------------


@pytest.fixture
async def locked(locked_app):
    async with client(locked_app) as c:
        yield c


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/api/health"),
        ("GET", "/api/runs"),
        ("GET", "/api/openapi.json"),
        ("GET", "/api/docs"),
        ("POST", "/api/tracks/sync"),
        ("DELETE", "/api/runs/1"),
    ],
)
async def test_with_a_token_the_api_needs_it(locked, method, url):
    missing = await locked.request(method, url, headers=JSON)
    assert error(missing) == (401, "unauthorized")
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = await locked.request(method, url, headers={**JSON, "Authorization": "Bearer nope"})
    assert error(wrong) == (401, "unauthorized")
    assert wrong.json()["error"]["message"] == "wrong token"
    basic = await locked.request(method, url, headers={**JSON, "Authorization": f"Basic {TOKEN}"})
    assert error(basic) == (401, "unauthorized")
    right = await locked.request(method, url, headers={**JSON, **BEARER})
    assert right.status_code in (200, 202, 404)  # past the door: run 1 may not exist


async def test_with_a_token_pages_redirect_to_the_login_keeping_where_they_were(locked):
    answer = await locked.get("/events?from=2025-01-01&to=2025-01-31")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=/events%3Ffrom%3D2025-01-01%26to%3D2025-01-31"
    assert (await locked.get("/login")).status_code == 200
    assert (await locked.get("/static/console.css")).status_code == 200
    assert (await locked.get("/runs", headers=BEARER)).status_code == 303  # pages: a login


def _csrf_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the login form carries a CSRF token"
    return found.group(1)


async def test_a_login_makes_a_session_that_calls_the_api_with_its_csrf_header(locked, service):
    form = await locked.get("/login?next=/runs")
    token = _csrf_of(form.text)
    refused = await locked.post(
        "/login", content=f"token=wrong-token-000000&csrf_token={token}&next=/runs", headers=FORM
    )
    assert refused.status_code == 401
    assert error(await locked.get("/api/health")) == (401, "unauthorized")

    logged = await locked.post(
        "/login", content=f"token={TOKEN}&csrf_token={token}&next=/runs", headers=FORM
    )
    assert (logged.status_code, logged.headers["location"]) == (303, "/runs")
    assert "httponly" in logged.headers["set-cookie"].lower()
    assert "samesite=lax" in logged.headers["set-cookie"].lower()
    assert (await locked.get("/api/health")).status_code == 200  # the cookie is enough to read
    assert (await locked.get("/runs")).status_code == 200

    # a change needs the session's CSRF token in X-CSRF-Token (a new one since the login)
    page = await locked.get("/runs")
    fresh = re.search(r'<meta name="csrf-token" content="([^"]+)"', page.text)
    assert fresh and fresh.group(1) != token
    without = await locked.post("/api/tracks/sync", json={})
    assert error(without) == (403, "forbidden")
    stale = await locked.post("/api/tracks/sync", json={}, headers={"X-CSRF-Token": token})
    assert error(stale) == (403, "forbidden")
    assert service.jobs_pending() == 0
    ok = await locked.post("/api/tracks/sync", json={}, headers={"X-CSRF-Token": fresh.group(1)})
    assert ok.status_code == 202
    # and a form post, even with the header, is still no JSON
    form_post = await locked.post(
        "/api/tracks/sync", content=b"", headers={**FORM, "X-CSRF-Token": fresh.group(1)}
    )
    assert error(form_post) == (415, "unsupported_media_type")

    out = await locked.post("/logout", content=f"csrf_token={fresh.group(1)}", headers=FORM)
    assert (out.status_code, out.headers["location"]) == (303, "/login")
    assert error(await locked.get("/api/health")) == (401, "unauthorized")


async def test_a_login_form_without_its_csrf_token_is_refused(locked):
    await locked.get("/login")
    answer = await locked.post("/login", content=f"token={TOKEN}", headers=FORM)
    assert answer.status_code == 403
    assert error(await locked.get("/api/health")) == (401, "unauthorized")


async def test_a_cookie_signed_with_another_secret_is_no_login(service):
    async with client(create_app(service, token=TOKEN, session_secret="a" * 32)) as first:
        token = _csrf_of((await first.get("/login")).text)
        await first.post("/login", content=f"token={TOKEN}&csrf_token={token}", headers=FORM)
        assert (await first.get("/api/health")).status_code == 200
        cookies = first.cookies
    async with client(
        create_app(service, token=TOKEN, session_secret="b" * 32), cookies=cookies
    ) as other:
        assert error(await other.get("/api/health")) == (401, "unauthorized")


async def test_without_a_session_secret_each_app_signs_with_its_own_random_key(service):
    async with client(create_app(service, token=TOKEN)) as first:
        token = _csrf_of((await first.get("/login")).text)
        await first.post("/login", content=f"token={TOKEN}&csrf_token={token}", headers=FORM)
        assert (await first.get("/api/health")).status_code == 200
        cookies = first.cookies
    async with client(create_app(service, token=TOKEN), cookies=cookies) as other:
        assert error(await other.get("/api/health")) == (401, "unauthorized")


async def test_the_docs_page_uses_only_the_console_s_own_files(api):
    page = await api.get("/api/docs")
    assert page.status_code == 200
    assert "<script>" not in page.text  # an inline script: the CSP would block it
    assert re.findall(r'src="([^"]+)"', page.text) == [
        "/static/vendor/swagger-ui/swagger-ui-bundle.js",
        "/api/docs/init.js",
    ]
    script = await api.get("/api/docs/init.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert '"/api/openapi.json"' in script.text
