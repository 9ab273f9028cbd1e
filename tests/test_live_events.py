"""Events ingested before they are over, events not raced yet, and race lists that cannot be read.

On race day LiveRC's event page lists only the races run so far, and a race
posted a moment ago may have no results yet. The simulator shows an event so
(`SitePages.race_day`), and the clock of deep ingestion is set by the test
(`event_ingest.utcnow`), so "today" is race day, later that day, or after.

The site (seed 7) is the conftest's: the event is 480417 of
quickanddirtyrcandhobby, Nov 10 to Nov 12, 2025, six races (ids in race
order 5166726, 5166727, 5166728, 5166730, 5166729, 5166731) of eight
drivers, 24 entries.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from mre_core.errors import ParseError
from mre_core.kit.snapshot import snapshot
from mre_core.service import event_ingest
from mre_core.service.ingestion import IngestionService
from mre_core.storage.models import Event, EventEntry, IngestionRun, Race, RaceResult, Track
from mre_liverc.pages.event_hub import parse_event_races
from tests.liverc_site.site import entry_list_url, event_url, race_url
from tests.rows import event_row, track_row

SLUG = "quickanddirtyrcandhobby"
EVENT = 480417
RACES = (5166726, 5166727, 5166728, 5166730, 5166729, 5166731)
RACE_DAY = datetime(2025, 11, 12, 9, 0)  # the last day, morning (UTC)
EVENING = datetime(2025, 11, 13, 23, 59)  # the day after, last minute: not over yet
AFTER = datetime(2025, 11, 14, 0, 0)  # two days past: over everywhere


@pytest.fixture
def one_at_a_time(settings):  # type: ignore[no-untyped-def]
    """One request at a time, so the simulator's log is in a known order."""
    with IngestionService.open(settings=replace(settings, http_concurrency=1)) as service:
        yield service


@pytest.fixture
def clock(monkeypatch):  # type: ignore[no-untyped-def]
    """`clock(datetime)` sets "now" (naive UTC) for deep ingestion."""

    def set_now(moment: datetime) -> None:
        monkeypatch.setattr(event_ingest, "utcnow", lambda: moment)

    return set_now


def requested(simulator) -> list[str]:  # type: ignore[no-untyped-def]
    urls = [r.url for r in simulator.requests]
    simulator.clear_requests()
    return urls


def race_page(race_id: int) -> str:
    return race_url(SLUG, race_id)


def last_run() -> IngestionRun:
    return IngestionRun.select().order_by(IngestionRun.id.desc()).get()


def stored_races() -> dict[str, int]:
    """Stored race id -> its result rows."""
    return {
        race.source_race_id: RaceResult.select().where(RaceResult.race == race.id).count()
        for race in Race.select().order_by(Race.race_order)
    }


# --- when an event is over ------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "over"),
    [
        (datetime(2025, 11, 12, 23, 59), False),  # its last day
        (datetime(2025, 11, 13, 23, 59), False),  # still its last day somewhere west
        (datetime(2025, 11, 14, 0, 0), True),  # ended in every time zone
    ],
)
def test_an_event_is_over_once_the_utc_date_is_more_than_a_day_past_its_last_day(db_url, now, over):
    with IngestionService.open(db_url):
        track = track_row()
        ranged = event_row(
            track, "1", event_date=datetime(2025, 11, 10, 9), event_end_date=date(2025, 11, 12)
        )
        one_day = event_row(track, "2", event_date=datetime(2025, 11, 12, 8, 30))
        undated = event_row(track, "3")
        assert [event_ingest.last_day(e) for e in (ranged, one_day, undated)] == [
            date(2025, 11, 12),
            date(2025, 11, 12),
            None,
        ]
        assert event_ingest.is_over(ranged, now) is over
        assert event_ingest.is_over(one_day, now) is over
        assert event_ingest.is_over(undated, now) is True  # nothing says it is not


# --- the simulator on race day ------------------------------------------------------------


def test_the_simulator_shows_an_event_as_on_race_day_then_whole(pages, event):
    from mre_liverc.pages.race_result import parse_race_result

    def results_on_page(race_id: int) -> int:
        url = race_page(race_id)
        return len(parse_race_result(pages[url].decode(), url, str(race_id)).results)

    _, ev = event
    hub = event_url(SLUG, EVENT)
    pages.race_day(SLUG, EVENT, races_run=2, unscored=[RACES[1]])
    page = pages[hub].decode()
    assert [r.source_race_id for r in parse_event_races(page, hub, SLUG)] == ["5166726", "5166727"]
    laps_so_far = ev.races[0].total_laps  # the second race is listed, not scored
    assert f"<th>Total Race Laps</th>\n\t\t\t\t\t<td>{laps_so_far}</td>" in page
    assert race_page(RACES[2]) not in pages  # not run yet: no page
    assert results_on_page(RACES[1]) == 0

    pages.race_day(SLUG, EVENT, races_run=0)
    assert parse_event_races(pages[hub].decode(), hub, SLUG) == []
    assert entry_list_url(SLUG, EVENT) in pages  # its entries are in

    pages.race_day(SLUG, EVENT, races_run=None)
    assert [r.source_race_id for r in parse_event_races(pages[hub].decode(), hub, SLUG)] == [
        str(r) for r in RACES
    ]
    assert results_on_page(RACES[1]) == 8


# --- an event ingested on race day, later that day, and after -----------------------------


def test_a_live_event_is_partial_then_topped_up_then_complete_and_equal_to_a_clean_run(
    one_at_a_time, simulator, pages, clean, clock
):
    service = one_at_a_time
    service.sync_tracks("liverc")
    service.refresh_events(SLUG)
    simulator.clear_requests()

    # Race day, 9:00: three races listed, the third posted but not scored yet.
    clock(RACE_DAY)
    pages.race_day(SLUG, EVENT, races_run=3, unscored=[RACES[2]])
    report = service.ingest_event(str(EVENT))
    assert requested(simulator) == [
        entry_list_url(SLUG, EVENT),
        event_url(SLUG, EVENT),
        race_page(RACES[0]),
        race_page(RACES[1]),
        race_page(RACES[2]),
    ]
    partial = (
        "event 480417 is not over: its last day is 2025-11-12, over for mre once the UTC date "
        "is past 2025-11-13; 3 races stored so far, ingest it again for the rest"
    )
    assert (report.status, report.detail, report.exit_code, report.requests) == (
        "partial",
        partial,
        0,
        5,
    )
    assert report.counts.table("events").updated == 1
    assert stored_races() == {"5166726": 8, "5166727": 8, "5166728": 0}
    assert Event.get(Event.source_event_id == "480417").ingest_depth == "laps_partial"
    run = last_run()
    assert (run.status, run.progress_step, run.error_code, run.error_message) == (
        "partial",
        f"partial: {partial}",
        None,
        None,
    )

    # Later that day: five listed, all scored. The entry list is not read again, nor the
    # two races stored with results; the one stored without results is.
    clock(EVENING)
    pages.race_day(SLUG, EVENT, races_run=5)
    report = service.ingest_event(str(EVENT))  # no --force: laps_partial is not complete
    assert requested(simulator) == [
        event_url(SLUG, EVENT),
        race_page(RACES[2]),
        race_page(RACES[3]),
        race_page(RACES[4]),
    ]
    assert (report.status, report.requests) == ("partial", 4)
    assert report.detail == partial.replace("3 races", "5 races")
    # The race stored without results is the same race (only its page's fingerprint moved,
    # which is bookkeeping): its results, and those of the two new races, are new.
    assert report.counts.as_dict()["races"] == {"new": 2, "updated": 0, "unchanged": 3}
    assert report.counts.as_dict()["race_results"] == {"new": 24, "updated": 0, "unchanged": 16}
    assert report.counts.as_dict()["events"] == {"new": 0, "updated": 0, "unchanged": 1}
    assert stored_races() == dict.fromkeys(map(str, RACES[:5]), 8)

    # Nothing new since: the event page is the only request.
    report = service.ingest_event(str(EVENT))
    assert requested(simulator) == [event_url(SLUG, EVENT)]
    assert (report.status, report.counts.written) == ("partial", 0)

    # Two days on, every race listed: read whole once more, and complete.
    clock(AFTER)
    pages.race_day(SLUG, EVENT, races_run=None)
    report = service.ingest_event(str(EVENT))
    assert requested(simulator) == [
        entry_list_url(SLUG, EVENT),
        event_url(SLUG, EVENT),
        *(race_page(r) for r in RACES),
    ]
    assert (report.status, report.detail, report.requests) == ("succeeded", None, 8)
    assert report.counts.as_dict()["races"] == {"new": 1, "updated": 0, "unchanged": 5}
    assert Event.get(Event.source_event_id == "480417").ingest_depth == "laps_full"
    assert last_run().status == "succeeded"
    assert snapshot() == clean

    # And now it is complete: no request without --force.
    report = service.ingest_event(str(EVENT))
    assert (report.status, requested(simulator)) == ("already_complete", [])


def test_a_forced_ingest_of_a_live_event_reads_every_listed_page(
    one_at_a_time, simulator, pages, clock
):
    service = one_at_a_time
    service.sync_tracks("liverc")
    service.refresh_events(SLUG)
    clock(RACE_DAY)
    pages.race_day(SLUG, EVENT, races_run=2)
    service.ingest_event(str(EVENT))
    simulator.clear_requests()

    report = service.ingest_event(str(EVENT), force=True)
    assert requested(simulator) == [
        entry_list_url(SLUG, EVENT),
        event_url(SLUG, EVENT),
        race_page(RACES[0]),
        race_page(RACES[1]),
    ]
    assert (report.status, report.counts.written) == ("partial", 0)


# --- an event not raced yet --------------------------------------------------------------


def test_an_event_whose_page_lists_no_races_is_not_ready_and_stays_at_depth_none(
    one_at_a_time, simulator, pages, clock, event
):
    _, ev = event
    service = one_at_a_time
    service.sync_tracks("liverc")
    service.refresh_events(SLUG)
    simulator.clear_requests()
    clock(datetime(2025, 11, 9, 20, 0))  # the eve of its first day
    pages.race_day(SLUG, EVENT, races_run=0)

    report = service.ingest_event(str(EVENT))

    assert requested(simulator) == [entry_list_url(SLUG, EVENT), event_url(SLUG, EVENT)]
    why = (
        "the page of event 480417 lists no races yet (event left at depth none): "
        "ingest it again once racing has begun"
    )
    assert (report.status, report.detail, report.exit_code, report.error_code) == (
        "not_ready",
        why,
        0,
        None,
    )
    row = Event.get(Event.source_event_id == "480417")
    assert (row.ingest_depth, row.last_ingested_at) == ("none", None)
    assert Race.select().count() == 0
    assert EventEntry.select().count() == ev.entry_count == 24  # its entry list is in
    run = last_run()
    assert (run.status, run.progress_step, run.error_code) == (
        "not_ready",
        f"not_ready: {why}",
        None,
    )


def test_an_empty_entry_list_before_the_event_is_over_is_not_ready_not_an_error(
    one_at_a_time, simulator, pages, clock
):
    service = one_at_a_time
    service.sync_tracks("liverc")
    service.refresh_events(SLUG)
    pages.empty_entry_list(SLUG, EVENT)
    simulator.clear_requests()
    clock(RACE_DAY)

    report = service.ingest_event(str(EVENT))

    assert requested(simulator) == [entry_list_url(SLUG, EVENT)]
    assert (report.status, report.detail) == (
        "not_ready",
        "the entry list of event 480417 is empty and the event is not over (its last day: "
        "2025-11-12): ingest it again once entries are in",
    )
    assert Event.get(Event.source_event_id == "480417").ingest_depth == "none"


def test_refresh_with_laps_full_asks_again_for_events_left_partial_or_not_ready(
    service, simulator, pages, site, clock
):
    """Track synthtrack: 479902 (Nov 12) is on its race day with two races run, 477907
    (Sep 13) is taken as not raced yet; a later refresh completes both, then neither."""
    slug = "synthtrack"
    live, upcoming = site.tracks[1].events
    assert (live.event_id, upcoming.event_id) == (479902, 477907)
    service.sync_tracks("liverc")
    clock(datetime(2025, 9, 13, 12, 0))
    pages.race_day(slug, 479902, races_run=2)
    pages.race_day(slug, 477907, races_run=0)

    report = service.refresh_events(slug, depth="laps_full")
    assert sorted((c.target, c.status) for c in report.children) == [
        ("477907", "not_ready"),
        ("479902", "partial"),
    ]
    assert report.status == "succeeded"

    clock(datetime(2025, 11, 20, 12, 0))
    pages.race_day(slug, 479902, races_run=None)
    pages.race_day(slug, 477907, races_run=None)
    again = service.refresh_events(slug, depth="laps_full")  # no new event, no --ingest-all
    assert again.created == []
    assert sorted((c.target, c.status) for c in again.children) == [
        ("477907", "succeeded"),
        ("479902", "succeeded"),
    ]
    assert {e.ingest_depth for e in Event.select()} == {"laps_full"}
    simulator.clear_requests()
    done = service.refresh_events(slug, depth="laps_full")
    assert (done.children, done.requests) == ([], 1)


def test_a_live_event_submitted_as_a_job_is_queued_and_its_run_ends_partial(
    one_at_a_time, pages, clock
):
    from mre_core.jobs.worker import Worker

    service = one_at_a_time
    service.sync_tracks("liverc")
    service.refresh_events(SLUG)
    clock(RACE_DAY)
    pages.race_day(SLUG, EVENT, races_run=2)
    service.ingest_event(str(EVENT))

    submitted = service.submit_event_ingest(str(EVENT))  # laps_partial: not complete
    assert submitted.status == "queued"
    Worker(service, concurrency=1, until_idle=True).run()
    run = IngestionRun.get_by_id(submitted.run_id)
    assert (run.status, run.error_code) == ("partial", None)


# --- a race list that is there but cannot be read ----------------------------------------


def test_an_event_page_whose_race_list_cannot_be_read_fails_with_a_parse_error(
    service, simulator, pages
):
    service.sync_tracks("liverc")
    service.refresh_events(SLUG)
    url = event_url(SLUG, EVENT)
    # LiveRC renames its race result page: the race list is there, no race link is.
    pages.override(url, pages[url].decode().replace("p=view_race_result", "p=view_race"))
    simulator.clear_requests()

    with pytest.raises(ParseError) as caught:
        service.ingest_event(str(EVENT))

    assert str(caught.value) == (
        f"cannot read {url}: the race list has 6 rows and no race in them can be read"
    )
    assert (caught.value.exit_code, caught.value.code) == (4, "parse")
    assert requested(simulator) == [entry_list_url(SLUG, EVENT), url]
    assert Event.get(Event.source_event_id == "480417").ingest_depth == "none"
    run = last_run()
    assert (run.status, run.error_code) == ("failed", "parse")


HUB = "https://t.liverc.com/results/?p=view_event&id=1"
RACE_LIST = (
    '<h3 class="page-header">E</h3><table><thead><tr><th colspan="2">'
    '<span class="class_header">Race Results</span></th></tr></thead><tbody>'
    "<tr><th>Main Events</th><th>Time Completed</th></tr>{rows}</tbody></table>"
)
ROW = '<tr><td><a href="{href}">Race 1: Buggy (Buggy A-Main)</a></td><td>Nov 16, 2025</td></tr>'


@pytest.mark.parametrize(
    ("rows", "races"),
    [
        ("", []),  # the race list, empty: not raced yet
        (ROW.format(href="/results/?p=view_race_result&id=7"), ["7"]),
        (ROW.format(href="https://evil.example/results/?p=view_race_result&id=7"), None),
        (ROW.format(href="/results/?p=view_race&id=7"), None),
        (
            ROW.format(href="/results/?p=view_race&id=7")
            + ROW.format(href="/results/?p=view_race_result&id=8"),
            ["8"],  # one race read: the other is reported as odd, as a foreign link is
        ),
        ("<tr><td>Racing starts at 9:00</td><td></td></tr>", []),  # links nothing
    ],
    ids=["empty", "read", "foreign-link", "renamed-link", "one-of-two", "no-link"],
)
def test_a_race_list_none_of_whose_linked_rows_can_be_read_is_a_parse_error(rows, races):
    """`races` None: a ParseError."""
    page = RACE_LIST.format(rows=rows)
    if races is not None:
        assert [r.source_race_id for r in parse_event_races(page, HUB, "t")] == races
        return
    with pytest.raises(ParseError) as caught:
        parse_event_races(page, HUB, "t")
    assert caught.value.detail == "the race list has 1 row and no race in them can be read"


# --- the catalogue's "last updated" -----------------------------------------------------


def test_a_track_s_last_update_is_stored_as_text_and_as_the_time_it_names(service, monkeypatch):
    import mre_liverc.plugin

    monkeypatch.setattr(mre_liverc.plugin, "utcnow", lambda: datetime(2026, 12, 2, 11, 0, 30))
    service.sync_tracks("liverc")
    assert [(t.source_track_slug, t.extra) for t in Track.select().order_by(Track.id)] == [
        (SLUG, '{"last_updated": "1 minute ago", "last_updated_at": "2026-12-02T10:59:30"}'),
        (
            "synthtrack",
            '{"last_updated": "1 minute ago", "last_updated_at": "2026-12-02T10:59:30"}',
        ),
        ("dirtcity", '{"last_updated": "6 hours ago", "last_updated_at": "2026-12-02T05:00:30"}'),
    ]

    # A day later the same words name another time: written, but no track changed.
    monkeypatch.setattr(mre_liverc.plugin, "utcnow", lambda: datetime(2026, 12, 3, 11, 0, 30))
    report = service.sync_tracks("liverc")
    assert report.counts.as_dict() == {"tracks": {"new": 0, "updated": 0, "unchanged": 3}}
    assert json.loads(Track.get(Track.source_track_slug == "dirtcity").extra) == {
        "last_updated": "6 hours ago",
        "last_updated_at": "2026-12-03T05:00:30",
    }


FETCHED = datetime(2026, 3, 31, 10, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("just now", datetime(2026, 3, 31, 10, 0)),
        ("1 minute ago", datetime(2026, 3, 31, 9, 59)),
        ("57 minutes ago", datetime(2026, 3, 31, 9, 3)),
        ("an hour ago", datetime(2026, 3, 31, 9, 0)),
        ("23 hours ago", datetime(2026, 3, 30, 11, 0)),
        ("Yesterday", datetime(2026, 3, 30, 10, 0)),
        ("2 days ago", datetime(2026, 3, 29, 10, 0)),
        ("last week", datetime(2026, 3, 24, 10, 0)),
        ("3 weeks ago", datetime(2026, 3, 10, 10, 0)),
        ("last month", datetime(2026, 2, 28, 10, 0)),  # Feb 31 is no day: its last
        ("a month ago", datetime(2026, 2, 28, 10, 0)),
        ("10 months ago", datetime(2025, 5, 31, 10, 0)),
        ("last year", datetime(2025, 3, 31, 10, 0)),
        ("2 years ago", datetime(2024, 3, 31, 10, 0)),
        ("  5   Days  ago ", datetime(2026, 3, 26, 10, 0)),
        ("Nov 16, 2025", None),  # the real catalogue shows no date: not guessed at
        ("soon", None),
        ("999999999 years ago", None),  # before year 1
        ("", None),
    ],
)
def test_the_catalogue_s_ages_name_a_time_counted_back_from_the_fetch(text, expected):
    from mre_liverc.values import updated_at

    assert updated_at(text, FETCHED) == expected


def test_every_age_on_the_real_catalogue_is_read(sample, monkeypatch):
    from mre_liverc.pages import catalogue

    odd: list[str] = []
    monkeypatch.setattr(catalogue, "anomaly", lambda url, detail: odd.append(detail))
    tracks = catalogue.parse_catalogue(sample("track-catalogue.html"), fetched_at=FETCHED)
    assert len(tracks) == 1090
    assert [t for t in tracks if t.extra and t.extra["last_updated_at"] is None] == []
    assert odd == []
    by_slug = {t.source_track_slug: t for t in tracks}
    canberra = by_slug["canberraoffroad"]
    assert canberra.extra == {
        "last_updated": "3 weeks ago",
        "last_updated_at": "2026-03-10T10:00:00",
    }


def test_an_age_the_connector_does_not_read_is_kept_as_text_and_reported_once(monkeypatch):
    from mre_liverc.pages import catalogue
    from tests.liverc_site import Site, Track, render_catalogue

    odd: list[str] = []
    monkeypatch.setattr(catalogue, "anomaly", lambda url, detail: odd.append(detail))
    site = Site([Track(f"t{i}", f"T {i}", last_updated="in a while") for i in range(3)])
    tracks = catalogue.parse_catalogue(render_catalogue(site), fetched_at=FETCHED)
    assert [t.extra for t in tracks] == [
        {"last_updated": "in a while", "last_updated_at": None}
    ] * 3
    assert odd == ["last updated 'in a while' is no age mre reads: kept as text only"]


# --- what the CLI says ------------------------------------------------------------------


def test_the_cli_says_partial_and_why_and_runs_wait_exits_0(
    settings, simulator, pages, clock, monkeypatch, capsys
):
    from mre_core.cli.main import main

    monkeypatch.setenv("MRE_HTTP_RESOLVE", settings.http_resolve)
    monkeypatch.setenv("MRE_HTTP_MIN_INTERVAL_S", "0")

    def mre(*args: str) -> tuple[int, list[str]]:
        code = main(["-q", "--db", settings.database_url, *args])
        return code, capsys.readouterr().out.splitlines()

    assert mre("tracks", "sync")[0] == 0
    assert mre("events", "refresh", "--track-id", SLUG)[0] == 0
    clock(RACE_DAY)
    pages.race_day(SLUG, EVENT, races_run=2)
    code, out = mre("events", "ingest", "--event", str(EVENT))
    why = (
        "partial: event 480417 is not over: its last day is 2025-11-12, over for mre once "
        "the UTC date is past 2025-11-13; 2 races stored so far, ingest it again for the rest"
    )
    assert code == 0
    assert out[:2] == ["ingest_event 480417: partial, 4 requests", why]
    code, listed = mre("runs", "list", "--format", "tsv")
    run_id = listed[1].split("\t")[0]  # the newest run: the ingest
    assert listed[1].split("\t")[1:3] == ["ingest_event", "480417"]
    assert mre("runs", "wait", run_id) == (0, [f"run {run_id}: partial", why])
    code, out = mre("runs", "show", run_id)
    assert (code, out[0], out[2]) == (
        0,
        f"run {run_id}: ingest_event 480417 (liverc) partial",
        why,
    )
