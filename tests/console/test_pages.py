"""The pages without a browser (through the ASGI transport): every page answers, names
stay text, errors are pages, and the login form cannot be turned into an open
redirect. The browser tests (tests/console/browser) do the clicking."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import Environment
from peewee import fn

from mre_core.console.pages.auth import safe_next
from mre_core.console.pages.formatting import FILTERS, days, duration, lap_time, laps_time, percent
from mre_core.console.pages.results_table import result_rows
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


# The results rows as the event page's Jinja loop printed them, before result_rows.
JINJA_ROWS = """{% for res in results %}<tr>
<td class="num">{{ res["position"] if res["position"] is not none else "–" }}</td>
<td>{{ res["driver"] }}</td>
<td class="num">{{ res["car_number"] or "–" }}</td>
<td class="num">{{ res|laps_time }}</td>
<td class="num">{{ res["behind"] or "–" }}</td>
<td class="num">{{ res["fast_lap_time"]|lap_time }}{% if res["fast_lap_number"] %} \
<span class="muted">(lap {{ res["fast_lap_number"] }})</span>{% endif %}</td>
<td class="num">{{ res["avg_lap_time"]|lap_time }}</td>
<td class="num">{{ res["consistency"]|percent }}</td>
</tr>
{% endfor %}"""

# Results as event_detail gives them, their texts made of what HTML escapes.
_seconds = st.none() | st.floats(0, 7200, allow_nan=False)
_text = st.text(st.sampled_from("ab1/:.<>&\"' É"), max_size=12)
_results = st.lists(
    st.fixed_dictionaries(
        {
            "position": st.none() | st.integers(1, 30),
            "driver": _text,
            "car_number": st.none() | _text,
            "laps": st.none() | st.integers(0, 99),
            "total_time_raw": _text,
            "behind": st.none() | _text,
            "fast_lap_time": _seconds,
            "fast_lap_number": st.none() | st.integers(0, 99),
            "avg_lap_time": _seconds,
            "consistency": st.none() | st.floats(0, 100, allow_nan=False),
        }
    ),
    max_size=4,
)


@given(_results)
def test_result_rows_are_the_cells_the_jinja_loop_printed(results):
    env = Environment(autoescape=True)
    env.filters.update(FILTERS, laps_time=laps_time, percent=percent)
    printed = env.from_string(JINJA_ROWS).render(results=results)
    assert _tags_only(result_rows(results)) == _tags_only(printed)


def _tags_only(html: str) -> str:
    """HTML without the line breaks between tags, which a browser does not show in a table,
    and with quotes escaped as html.escape spells them (markupsafe: &#34; and &#39;)."""
    return re.sub(r">\n<", "><", html).replace("&#34;", "&quot;").replace("&#39;", "&#x27;")


def test_result_rows_show_names_as_text():
    row = {
        "position": None,
        "driver": SCRIPT,
        "car_number": None,
        "laps": 3,
        "total_time_raw": "",
        "behind": "O'Hara & <b>",
        "fast_lap_time": 83.2,
        "fast_lap_number": 2,
        "avg_lap_time": None,
        "consistency": 91.44,
    }
    cells = [td.decode_contents() for td in BeautifulSoup(result_rows([row]), "html.parser")("td")]
    assert cells == [
        "–",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "–",
        "3",
        "O'Hara &amp; &lt;b&gt;",
        '1:23.200 <span class="muted">(lap 2)</span>',
        "–",
        "91.4%",
    ]


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
