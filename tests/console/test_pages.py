"""The pages without a browser (through the ASGI transport): every page answers, names
stay text, errors are pages, and the login form cannot be turned into an open
redirect. The browser tests (tests/console/browser) do the clicking."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from peewee import fn

from mre_core.console.pages.auth import safe_next
from mre_core.console.pages.formatting import days, duration, lap_time, laps_time
from mre_core.service.ingestion import IngestionService
from mre_core.storage import use_database
from mre_core.storage.models import RaceDriver
from tests.console.conftest import TOKEN, client

pytestmark = pytest.mark.anyio
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def imported(synced, event) -> tuple[object, object]:
    """The first track's first event imported (synced in this process)."""
    _, ev = event
    with IngestionService.open(settings=synced) as service:
        service.ingest_event(str(ev.event_id))
    return event


async def test_every_page_answers_html_without_inline_script_or_style(api, imported):
    track, ev = imported
    race = ev.races[0].race_id
    for path in ("/tracks", "/events", f"/events?track={track.slug}", f"/events/{ev.event_id}",
                 f"/races/{race}", "/runs", "/runs/1", "/users", "/login"):  # fmt: skip
        response = await api.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        soup = BeautifulSoup(response.text, "html.parser")
        assert [s for s in soup.find_all("script") if not s.get("src")] == [], path
        assert soup.find_all(style=True) == [] and soup.find_all("style") == [], path
        assert soup.find("meta", attrs={"name": "csrf-token"})["content"], path
    assert (await api.get("/")).headers["location"] == "/events"


async def test_a_name_that_is_html_is_text(api, imported, synced):
    _, ev = imported
    with IngestionService.open(settings=synced) as service, use_database(service.db):
        first = RaceDriver.select(fn.MIN(RaceDriver.id)).scalar()
        RaceDriver.update(display_name=SCRIPT).where(RaceDriver.id == first).execute()
    page = (await api.get(f"/events/{ev.event_id}")).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text
    assert "<script>alert" not in page


async def test_unknown_things_and_bad_filters_are_error_pages(api, imported):
    for path, status, words in (
        ("/events/999999999", 404, "event"),
        ("/races/123", 404, "race"),
        ("/runs/999", 404, "run 999"),
        ("/runs/abc", 400, "a run id is a number"),
        ("/events?from=yesterday", 400, "from must be a date"),
    ):
        response = await api.get(path)
        assert response.status_code == status, path
        assert response.headers["content-type"].startswith("text/html"), path
        alert = BeautifulSoup(response.text, "html.parser").find(attrs={"role": "alert"})
        assert words in alert.text, (path, alert.text)


async def test_events_never_synced_for_a_track_offer_sync_events(api, synced, event):
    with IngestionService.open(settings=synced) as service:
        other = next(t for t in service.list_tracks() if not service.list_events(t["slug"]))
    page = BeautifulSoup((await api.get(f"/events?track={other['slug']}")).text, "html.parser")
    assert "never been synced" in page.find(id="never-synced").text
    assert page.find(attrs={"data-action": "sync-events"})["data-track"] == other["slug"]


async def test_login_checks_the_csrf_token_and_the_token(locked_app):
    async with client(locked_app) as browser:
        assert (await browser.get("/events")).headers["location"] == "/login?next=/events"
        form = BeautifulSoup((await browser.get("/login?next=/runs")).text, "html.parser")
        csrf = form.find("input", attrs={"name": "csrf_token"})["value"]
        assert form.find("input", attrs={"name": "next"})["value"] == "/runs"
        body = {"csrf_token": "forged", "token": TOKEN, "next": "/runs"}
        assert (await browser.post("/login", data=body)).status_code == 403
        wrong = await browser.post("/login", data={**body, "csrf_token": csrf, "token": "x"})
        assert wrong.status_code == 401
        right = await browser.post("/login", data={**body, "csrf_token": csrf})
        assert (right.status_code, right.headers["location"]) == (303, "/runs")
        page = (await browser.get("/runs")).text
        assert 'action="/logout"' in page
        fresh = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        assert fresh != csrf  # a new session, a new token
        out = await browser.post("/logout", data={"csrf_token": fresh})
        assert out.headers["location"] == "/login"
        assert (await browser.get("/runs")).status_code == 303


def test_after_login_only_a_path_of_this_console():
    assert safe_next("/events?track=x") == "/events?track=x"
    for elsewhere in ("//evil.example/", "https://evil.example/", "/\\evil.example", "", None):
        assert safe_next(elsewhere) == "/events"


def test_times_and_dates_read_as_on_liverc():
    from datetime import date, datetime

    assert (lap_time(23.4567), lap_time(83.2), lap_time(None)) == ("23.457", "1:23.200", "–")
    assert days(datetime(2025, 11, 14, 9), date(2025, 11, 16)) == "2025-11-14 → 2025-11-16"
    assert days(datetime(2025, 11, 14, 9), date(2025, 11, 14)) == "2025-11-14"
    assert laps_time({"laps": 12, "total_time_raw": "12/5:03.123"}) == "12/5:03.123"
    start = datetime(2025, 1, 1, 10, 0, 0)
    assert (
        duration({"started_at": start, "finished_at": datetime(2025, 1, 1, 10, 1, 5)}) == "1m 05s"
    )
    assert duration({"started_at": None, "finished_at": None}) == "–"


async def test_an_unknown_page_is_a_page_for_a_person_and_json_for_a_program(api):
    page = await api.get("/no-such-page", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "404: Not Found" in page.text
    program = await api.get("/no-such-page")
    assert (program.status_code, program.json()) == (
        404,
        {"error": {"code": "not_found", "message": "Not Found"}},
    )
