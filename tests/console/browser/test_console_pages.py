"""The console's pages in a real browser, against the simulated LiveRC: syncing,
finding events held between two dates, importing with live progress, results,
lap charts, cancelling, live logs, links, login, and names that are HTML."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.console.browser.conftest import (
    Console,
    Watched,
    console_site,
    running_console,
    screenshot_path,
)
from tests.liverc_site import Event, Site


def _first_event(site: Site) -> Event:
    """The first track's first event with races (it runs over several days)."""
    return next(e for e in site.tracks[0].events if e.races)


def _slug(site: Site) -> str:
    return site.tracks[0].slug.lower()


def test_sync_tracks_shows_its_progress_in_place_then_the_tracks(page: Page, console: Console):
    console.simulator.latency = 0.5  # long enough to see the run going
    page.goto(f"{console.url}/tracks")
    expect(page.get_by_text("No tracks yet")).to_be_visible()

    page.get_by_role("button", name="Sync tracks").click()
    status = page.locator("#sync-tracks-status")
    expect(status).to_contain_text("Syncing tracks…")
    expect(status.locator("progress")).to_be_visible()
    expect(status).to_contain_text(f"Tracks synced: {len(console.site.tracks)} new")

    # then the page shows them (it reloads itself)
    expect(page.locator("tr[data-track]")).to_have_count(len(console.site.tracks))
    expect(page.get_by_role("link", name=console.site.tracks[0].name)).to_be_visible()


def _held_between(console: Console, first: date, last: date) -> set[str]:
    """The stored events whose days overlap [first, last], by the rule itself."""
    found = set()
    for track in console.site.tracks:
        for e in console.service.list_events(track.slug.lower()):
            start = e["date"].date()
            end = e["end_date"] or start
            if start <= last and end >= first:
                found.add(e["source_event_id"])
    return found


def test_the_events_held_between_two_dates_across_all_tracks(page: Page, console: Console):
    console.sync_events()
    starts = sorted({e.start.date() for t in console.site.tracks for e in t.events})
    first, last = starts[1], starts[-2]  # leaves the oldest and the newest out
    expected = _held_between(console, first, last)
    everything = _held_between(console, date.min, date.max)
    assert 0 < len(expected) < len(everything)

    page.goto(f"{console.url}/events")
    expect(page.locator("tr[data-event]")).to_have_count(len(everything))
    page.get_by_label("Held from").fill(first.isoformat())
    page.get_by_label("to", exact=True).fill(last.isoformat())
    page.get_by_role("button", name="Search").click()

    expect(page.locator("tr[data-event]")).to_have_count(len(expected))
    shown = {row.get_attribute("data-event") for row in page.locator("tr[data-event]").all()}
    assert shown == expected
    assert f"from={first.isoformat()}" in page.url
    expect(page.locator("#event-count")).to_contain_text(f"of {len(expected)} events")


def test_a_track_never_synced_says_so_and_offers_sync_events(page: Page, console: Console):
    console.service.sync_tracks("liverc")
    track = console.site.tracks[1]
    page.goto(f"{console.url}/events?track={track.slug}")
    notice = page.locator("#never-synced")
    expect(notice).to_contain_text("never been synced")

    notice.get_by_role("button", name="Sync events").click()

    rows = page.locator("tr[data-event]")
    expect(rows.first).to_be_visible()
    assert rows.count() == len(console.service.list_events(track.slug.lower())) > 0
    expect(page.locator("#never-synced")).to_have_count(0)


def test_import_shows_progress_to_the_end_then_the_results_without_a_reload(
    page: Page, console: Console
):
    ev = _first_event(console.site)
    console.sync_events(_slug(console.site))
    console.simulator.latency = 0.25  # each race page takes a moment: the bar moves
    page.goto(f"{console.url}/events?track={_slug(console.site)}")
    page.evaluate("window.notReloaded = true")
    row = page.locator(f'tr[data-event="{ev.event_id}"]')

    row.get_by_role("button", name="Import").click()
    expect(row.locator("td.depth")).to_have_text("Importing…")
    bar = row.locator("progress")
    expect(bar).to_have_attribute("max", re.compile(r"\d+"))
    # a second tab asking for the same import follows the same run, not a new job
    other = page.context.new_page()
    other.goto(page.url)
    other.locator(f'tr[data-event="{ev.event_id}"]').get_by_role("button", name="Import").click()
    expect(other.locator(f'tr[data-event="{ev.event_id}"] td.depth')).to_have_text("Importing…")

    results = row.get_by_role("link", name="Results")
    expect(results).to_be_visible(timeout=60_000)
    expect(row.locator("td.depth")).to_have_text("laps_full")
    assert bar.get_attribute("value") == bar.get_attribute("max")  # the bar reached its end
    assert int(bar.get_attribute("max")) >= len(ev.races)
    assert page.evaluate("window.notReloaded") is True
    runs = [r for r in console.service.list_runs() if r["operation"] == "ingest_event"]
    assert [(r["target"], r["status"]) for r in runs] == [(str(ev.event_id), "succeeded")]
    other.close()
    assert results.get_attribute("href") == f"/events/{ev.event_id}"


def test_an_event_page_shows_its_races_by_round_with_results(
    page: Page, console: Console, request: pytest.FixtureRequest
):
    ev = _first_event(console.site)
    console.sync_events(_slug(console.site))
    console.ingest(ev.event_id)
    page.goto(f"{console.url}/events/{ev.event_id}")

    expect(page.get_by_role("heading", level=1)).to_have_text(ev.name)
    expect(page.locator("article.race")).to_have_count(len(ev.races))
    race = ev.races[0]
    table = page.locator(f"#race-{race.race_id} table")
    expect(table.locator("tbody tr")).to_have_count(len(race.results))
    winner = min(race.results, key=lambda r: r.position)
    first_row = table.locator("tbody tr").first
    expect(first_row.locator("td").nth(1)).to_have_text(winner.driver.display_name)
    expect(first_row.locator("td").nth(3)).to_contain_text(f"{winner.lap_count}/")
    expect(page.get_by_role("button", name="Re-ingest")).to_be_visible()
    expect(page.get_by_role("heading", name="Fastest laps")).to_be_visible()
    # the top of the page as a person first sees it (the README's picture)
    page.screenshot(path=screenshot_path(request).with_name("event-page-top.png"))


def test_a_race_s_lap_chart_has_a_line_per_driver_and_a_legend(page: Page, console: Console):
    ev = _first_event(console.site)
    console.sync_events(_slug(console.site))
    console.ingest(ev.event_id)
    race = ev.races[-1]
    page.goto(f"{console.url}/events/{ev.event_id}")
    page.locator(f"#race-{race.race_id}").get_by_role("link", name="Lap chart").click()

    expect(page).to_have_url(re.compile(rf"/races/{race.race_id}$"))
    drivers = len(race.results)
    expect(page.locator("svg.chart-positions polyline")).to_have_count(drivers)
    expect(page.locator("svg.chart-lap-times polyline")).to_have_count(drivers)
    legend = page.locator(".legend li")
    expect(legend).to_have_count(drivers)
    winner = min(race.results, key=lambda r: r.position)
    expect(legend.first.locator(".name")).to_have_text(winner.driver.display_name)
    # the legend's colour is the line's
    swatch = legend.first.locator("rect").get_attribute("fill")
    line = page.locator("svg.chart-positions polyline").first.get_attribute("stroke")
    assert swatch == line


def test_cancel_a_running_import_from_the_runs_page(page: Page, console: Console):
    ev = _first_event(console.site)
    console.sync_events(_slug(console.site))
    console.simulator.latency = 0.6  # a slow site: the import is still running
    run_id = console.service.submit_event_ingest(str(ev.event_id)).run_id
    page.goto(f"{console.url}/runs")
    row = page.locator(f'tr[data-run="{run_id}"]')
    expect(row.locator("td.status")).to_have_text("running")
    expect(row.locator("td.progress-cell .count")).to_have_text(re.compile(r"^[1-9]\d*/\d+$"))

    row.get_by_role("button", name="Cancel").click()

    expect(row.locator("td.status")).to_have_text("cancelled", timeout=30_000)
    expect(row.get_by_role("button", name="Cancel")).to_have_count(0)
    assert console.service.run_detail(run_id)["status"] == "cancelled"


def test_a_run_s_log_lines_arrive_live_and_in_the_browser_console(
    page: Page, console: Console, watched: Watched
):
    ev = _first_event(console.site)
    console.sync_events(_slug(console.site))
    console.simulator.latency = 0.3
    run_id = console.service.submit_event_ingest(str(ev.event_id)).run_id
    page.goto(f"{console.url}/runs/{run_id}")
    lines = page.locator("#log li")
    expect(lines.first).to_be_visible(timeout=15_000)
    assert console.service.run_detail(run_id)["status"] in ("queued", "running")  # live

    expect(page.locator("#log-state")).to_contain_text("run ended", timeout=60_000)
    expect(page.locator("#run td.status")).to_have_text("succeeded")
    count = lines.count()
    stored = console.service.run_logs(run_id)
    assert count == len(stored) > 1
    tagged = [text for _, text in watched.console if text.startswith(f"[mre run {run_id}]")]
    assert len(tagged) == count
    assert stored[-1]["message"] in tagged[-1]

    # filtered by level: warnings and errors only hides the info lines
    page.get_by_label("Level").select_option("WARNING")
    serious = [line for line in stored if line["level"] in ("WARNING", "ERROR", "CRITICAL")]
    expect(page.locator("#log li:visible")).to_have_count(len(serious))
    page.get_by_label("Level").select_option("INFO")
    expect(page.locator("#log li:visible")).to_have_count(count)


def test_confirm_a_suggested_link(page: Page, console: Console):
    ev = _first_event(console.site)
    console.sync_events(_slug(console.site))
    console.ingest(ev.event_id)
    driver = ev.races[0].results[0].driver
    # the driver's transponder, another name: the matcher only suggests it
    console.service.add_user("Pat Example", transponders=(driver.transponder,))
    console.service.match_users(str(ev.event_id))
    (link,) = console.service.list_links(status="suggested")

    page.goto(f"{console.url}/users?status=suggested")
    row = page.locator(f'tr[data-link="{link["id"]}"]')
    row.get_by_role("button", name="Confirm").click()

    expect(row.locator("td.status")).to_have_text("confirmed")
    expect(row.locator("td.decided")).to_have_text("person")
    assert [lk["status"] for lk in console.service.list_links()] == ["confirmed"]


def test_with_a_token_the_pages_need_a_login(page: Page, site: Site, tmp_path: Path):
    with running_console(site, tmp_path, token="s3cret-token") as console:
        page.goto(f"{console.url}/runs")
        expect(page).to_have_url(re.compile(r"/login\?next=/runs$"))

        page.get_by_label("Admin token").fill("wrong")
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("alert")).to_have_text("That token is not the right one.")

        page.get_by_label("Admin token").fill("s3cret-token")
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(f"{console.url}/runs")
        expect(page.get_by_role("heading", name="Runs")).to_be_visible()

        # logged in, the page's own scripts may act (session + CSRF header)
        page.goto(f"{console.url}/tracks")
        page.get_by_role("button", name="Sync tracks").click()
        expect(page.locator("#sync-tracks-status")).to_contain_text("Tracks synced")

        page.get_by_role("button", name="Log out").click()
        expect(page).to_have_url(f"{console.url}/login")
        page.goto(f"{console.url}/events")
        expect(page).to_have_url(re.compile(r"/login\?next=/events$"))


SCRIPT_NAME = "<script>alert(1)</script>"


@pytest.fixture
def html_site() -> Site:
    """The usual site, whose first event has a driver and a name that are HTML."""
    site = console_site()
    ev = _first_event(site)
    victim = ev.races[0].results[0].driver
    evil = dataclasses.replace(victim, first=SCRIPT_NAME, last="O'HARA")
    for race in ev.races:
        for result in race.results:
            if result.driver == victim:
                result.driver = evil
    ev.entries[:] = [
        dataclasses.replace(e, driver=evil) if e.driver == victim else e for e in ev.entries
    ]
    ev.name = "<b>Bold</b> & <img src=x onerror=alert(2)> Cup"
    return site


def test_names_that_are_html_render_as_text(page: Page, html_site: Site, tmp_path: Path):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    ev = _first_event(html_site)
    with running_console(html_site, tmp_path) as console:
        console.sync_events(_slug(html_site))
        console.ingest(ev.event_id)
        evil = f"{SCRIPT_NAME} O'HARA"

        page.goto(f"{console.url}/events/{ev.event_id}")
        expect(page.get_by_role("heading", level=1)).to_have_text(ev.name)
        expect(page.get_by_role("cell", name=evil, exact=True).first).to_be_visible()
        assert page.locator("main script, main img, main b").count() == 0

        page.goto(f"{console.url}/events?track={_slug(html_site)}")
        expect(page.get_by_role("link", name=ev.name)).to_be_visible()

        page.goto(f"{console.url}/races/{ev.races[0].race_id}")
        expect(page.locator(".legend .name").filter(has_text=SCRIPT_NAME)).to_have_text(evil)
        assert page.locator("main script").count() == 0
    assert dialogs == []
