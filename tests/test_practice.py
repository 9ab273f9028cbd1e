"""Practice ingestion (issue #13): the real LiveRC practice pages served on loopback,
synced by the service and the CLI into SQLite and PostgreSQL.

The sample folder holds one session page (21289501) of the day's 56: the other 55
are built here in the same markup from what the day's list says of each (laps,
driver, class, transponder), so the day's 487 laps are all served.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

from mre_core.cli.main import main
from mre_core.errors import MreError, UsageError
from mre_core.kit.fault_server import FaultServer
from mre_core.plugins import ConnectorRegistry
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings
from mre_core.storage import use_database
from mre_core.storage.models import PracticeDay, PracticeLap, PracticeSession, Track
from mre_core.timeutil import utcnow
from mre_liverc.pages.practice import calendar_url, day_url, parse_practice_day, session_url
from tests.fake_connectors import plugin_module

SLUG = "canberraoffroad"
DAY = date(2025, 10, 25)
EMPTY_DAY = date(2025, 10, 26)
CATALOGUE_URL = "https://live.liverc.com/"
REAL_SESSION = "21289501"
EMPTY_DAY_PAGE = (
    "<html><body><h5>October 26, 2025 (Sunday)</h5><div>Practice Sessions on October 26, "
    "2025 (Sunday)</div>There are no practice sessions available for the given date."
    "</body></html>"
)


def session_page(session) -> str:  # type: ignore[no-untyped-def]
    """A session page in LiveRC's markup: the facts table and `lapsObj`, its laps made up
    (the count the day's list shows), each ending 45 s after the last."""
    start = session.started_at or datetime(2025, 10, 25, 12, 0, 0)
    laps = []
    for n in range(1, (session.laps_completed or 0) + 1):
        at = start + timedelta(seconds=45 * n)
        laps.append(
            {
                "x": str(n),
                "lap_time": f"{40 + n % 7}.{n:03d}",
                "date": f"{at:%Y-%m-%d}",
                "time": f"{at:%H:%M:%S}",
                "is_valid": "1",
            }
        )
    facts = [
        ("Driver", session.display_name),
        ("Class", session.class_name or ""),
        ("Transponder", session.transponder_number or ""),
        ("Num Laps", str(len(laps))),
    ]
    rows = "".join(f"<tr><th>{k}</th><td>{html.escape(v)}</td></tr>" for k, v in facts)
    when = (
        f"<tr><th>Session Time</th><td>Date: {start:%B} {start.day}, {start:%Y} "
        f"({start:%A})<br />Start: {start:%I:%M:%S%p}</td></tr>"
    )
    return (
        f"<html><body><table><tbody>{rows}{when}</tbody></table>"
        f"<script>var lapsObj = {json.dumps(laps)};</script></body></html>"
    )


class SamplePages:
    """The real pages at their canonical URLs, and the day's other sessions built."""

    def __init__(self, sample) -> None:  # type: ignore[no-untyped-def]
        day_text = sample(f"practice-day_{SLUG}_{DAY}.html")
        self.day = parse_practice_day(day_text, day_url(SLUG, DAY), SLUG, DAY)
        self.pages = {
            CATALOGUE_URL: sample("track-catalogue.html"),
            calendar_url(SLUG, "2025-10"): sample(f"practice-month_{SLUG}_2025-10.html"),
            day_url(SLUG, DAY): day_text,
            day_url(SLUG, EMPTY_DAY): EMPTY_DAY_PAGE,
        }
        for listed in self.day.sessions:
            self.pages[session_url(SLUG, listed.source_session_id)] = session_page(listed)
        self.pages[session_url(SLUG, REAL_SESSION)] = sample(
            f"practice-session_{SLUG}_{REAL_SESSION}.html"
        )

    def get(self, url: str) -> bytes | None:
        text = self.pages.get(url)
        return None if text is None else text.encode()


@pytest.fixture
def site(sample):  # type: ignore[no-untyped-def]
    return SamplePages(sample)


@pytest.fixture
def server(site) -> Iterator[FaultServer]:  # type: ignore[no-untyped-def]
    with FaultServer(site) as running:
        yield running


@pytest.fixture
def settings(server, db_url) -> Settings:  # type: ignore[no-untyped-def]
    return Settings(
        database_url=db_url,
        http_resolve=f"*.liverc.com=127.0.0.1:{server.port}",
        http_min_interval_s=0,
        http_backoff_base_s=0.01,
    )


@pytest.fixture
def service(settings, server) -> Iterator[IngestionService]:  # type: ignore[no-untyped-def]
    """A service whose catalogue is synced (the real catalogue page), requests cleared."""
    with IngestionService.open(settings=settings) as svc:
        svc.sync_tracks("liverc")
        server.clear_requests()
        yield svc


def fetched(server: FaultServer) -> list[str]:
    return [f"https://{r.host}{r.target}" for r in server.requests]


def stored(service: IngestionService) -> dict[str, int]:
    with use_database(service.db):
        return {
            "days": PracticeDay.select().count(),
            "sessions": PracticeSession.select().count(),
            "laps": PracticeLap.select().count(),
        }


def test_a_day_stores_exactly_the_sessions_and_laps_its_pages_hold(service, server, site):
    report = service.practice_sync(SLUG, day="2025-10-25")

    assert (report.operation, report.target, report.status) == (
        "practice_sync",
        f"{SLUG}:2025-10-25",
        "succeeded",
    )
    assert report.requests == 1 + 56
    assert fetched(server) == [
        day_url(SLUG, DAY),
        *(session_url(SLUG, s.source_session_id) for s in site.day.sessions),
    ]
    assert stored(service) == {"days": 1, "sessions": 56, "laps": 487}
    counts = report.counts.as_dict()
    assert counts["practice_days"] == {"new": 1, "updated": 0, "unchanged": 0}
    assert counts["practice_sessions"] == {"new": 56, "updated": 0, "unchanged": 0}
    assert counts["practice_laps"] == {"new": 487, "updated": 0, "unchanged": 0}

    with use_database(service.db):
        day = PracticeDay.get()
        assert (day.practice_date, day.session_count, day.total_laps, day.unique_drivers) == (
            DAY,
            56,
            487,
            9,
        )
        assert day.last_ingested_at is not None
        quinton = PracticeSession.get(PracticeSession.source_session_id == REAL_SESSION)
        assert (quinton.display_name, quinton.class_name, quinton.transponder_number) == (
            "Daniel Quinton",
            "1/8 Nitro Buggy",
            "8603914",
        )
        assert (quinton.started_at, quinton.ended_at) == (
            datetime(2025, 10, 25, 14, 43, 27),
            datetime(2025, 10, 25, 14, 50, 17),
        )
        assert (quinton.laps_completed, quinton.fast_lap_time, quinton.avg_lap_time) == (
            5,
            42.996,
            45.815,
        )
        assert (quinton.top3_consecutive, quinton.std_deviation, quinton.consistency) == (
            133.27,
            2.43,
            94.695,
        )
        assert quinton.valid_range_raw == "20 to 1:10"
        assert quinton.started_at_raw  # as the day's list shows it
        laps = list(quinton.laps.order_by(PracticeLap.lap_number))
        assert [(lap.lap_number, lap.lap_time_raw, lap.lap_time_seconds) for lap in laps] == [
            (1, "42.996", 42.996),
            (2, "47.016", 47.016),
            (3, "43.258", 43.258),
            (4, "49.466", 49.466),
            (5, "46.339", 46.339),
        ]
        assert [lap.clock_time for lap in laps][::4] == [
            datetime(2025, 10, 25, 14, 44, 10),
            datetime(2025, 10, 25, 14, 47, 17),
        ]
        assert laps[0].clock_time_raw == "14:44:10"
        assert all(lap.valid for lap in laps)
        by_transponder = PracticeSession.select().where(
            PracticeSession.transponder_number == "3071066"
        )
        assert {s.class_name for s in by_transponder} == {"Unknown Class"}


def test_a_past_day_synced_is_complete_and_force_reads_it_again_writing_nothing(service, server):
    service.practice_sync(SLUG, day="2025-10-25")
    server.clear_requests()

    again = service.practice_sync(SLUG, day=DAY)
    assert (again.status, again.requests, again.counts.written) == ("already_complete", 0, 0)
    assert fetched(server) == []

    forced = service.practice_sync(SLUG, day=DAY, force=True)
    assert (forced.status, forced.requests, forced.counts.written) == ("succeeded", 57, 0)
    assert forced.counts.as_dict()["practice_laps"] == {"new": 0, "updated": 0, "unchanged": 487}
    assert len(fetched(server)) == 57
    assert stored(service) == {"days": 1, "sessions": 56, "laps": 487}


def test_a_day_read_before_it_ended_everywhere_is_read_again(service, server):
    service.practice_sync(SLUG, day=DAY)
    with use_database(service.db):
        # read on the day itself (UTC): it may still have had sessions to come
        PracticeDay.update(last_ingested_at=datetime(2025, 10, 25, 23, 0)).execute()
    server.clear_requests()
    report = service.practice_sync(SLUG, day=DAY)
    assert (report.status, report.requests, report.counts.written) == ("succeeded", 57, 0)


def test_a_day_that_stops_keeps_its_whole_sessions_and_the_next_run_completes_it(
    service, server, site
):
    """The 11th session's page is missing: the run fails (exit 3), the 10 sessions read
    before it are kept whole, the day is not complete, and the next run finishes it."""
    eleventh = site.day.sessions[10].source_session_id
    server.fail(f"id={eleventh}", status=404, times=1)
    with pytest.raises(MreError) as failed:
        service.practice_sync(SLUG, day=DAY)
    assert failed.value.exit_code == 3
    assert stored(service)["sessions"] == 10
    with use_database(service.db):
        assert PracticeDay.get().last_ingested_at is None
        first_ten = [s.source_session_id for s in site.day.sessions[:10]]
        laps = (
            PracticeLap.select()
            .join(PracticeSession)
            .where(PracticeSession.source_session_id.in_(first_ten))
            .count()
        )
        assert laps == sum(s.laps_completed or 0 for s in site.day.sessions[:10])

    report = service.practice_sync(SLUG, day=DAY)
    assert report.status == "succeeded"
    assert report.counts.as_dict()["practice_sessions"] == {
        "new": 46,
        "updated": 0,
        "unchanged": 10,
    }
    assert stored(service) == {"days": 1, "sessions": 56, "laps": 487}


def test_a_month_stores_the_days_of_the_calendar_only(service, server):
    report = service.practice_sync(SLUG, month="2025-10")
    assert (report.target, report.status, report.requests) == (f"{SLUG}:2025-10", "succeeded", 1)
    assert fetched(server) == [calendar_url(SLUG, "2025-10")]
    assert report.counts.as_dict() == {"practice_days": {"new": 3, "updated": 0, "unchanged": 0}}
    assert stored(service) == {"days": 3, "sessions": 0, "laps": 0}
    days = service.practice_days(SLUG)
    assert [(d["practice_date"], d["session_count"], d["complete"]) for d in days] == [
        ("2025-10-25", 56, False),
        ("2025-10-12", 2, False),
        ("2025-10-11", 13, False),
    ]
    # then the day: its row is the month's, now complete; the month again changes nothing
    service.practice_sync(SLUG, day=DAY)
    assert service.practice_days(SLUG)[0]["sessions_stored"] == 56
    assert service.practice_days(SLUG)[0]["laps_stored"] == 487
    assert service.practice_days(SLUG)[0]["complete"] is True
    again = service.practice_sync(SLUG, month="2025-10")
    assert again.counts.as_dict() == {"practice_days": {"new": 0, "updated": 0, "unchanged": 3}}
    with use_database(service.db):
        assert PracticeDay.get(PracticeDay.practice_date == DAY).day_url == day_url(SLUG, DAY)


def test_a_day_without_sessions_is_a_success_with_no_rows(service, server):
    report = service.practice_sync(SLUG, day=EMPTY_DAY)
    assert (report.status, report.requests) == ("succeeded", 1)
    assert stored(service) == {"days": 1, "sessions": 0, "laps": 0}
    assert report.counts.as_dict()["practice_days"]["new"] == 1


def test_the_service_refuses_what_cannot_be_synced(service):
    with pytest.raises(UsageError, match="exactly one"):
        service.practice_sync(SLUG)
    with pytest.raises(UsageError, match="exactly one"):
        service.practice_sync(SLUG, day="2025-10-25", month="2025-10")
    for bad in ("2025-10-32", "25/10/2025", "2025-10-2"):
        with pytest.raises(UsageError, match="not a day"):
            service.practice_sync(SLUG, day=bad)
    with pytest.raises(UsageError, match="not a month"):
        service.practice_sync(SLUG, month="2025-13")


# --- the CLI ----------------------------------------------------------------------------


@pytest.fixture
def mre(db_url, server, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MRE_HTTP_RESOLVE", f"*.liverc.com=127.0.0.1:{server.port}")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db_url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_the_cli_syncs_a_day_then_answers_already_complete(mre):
    assert mre("tracks", "sync")[0] == 0
    code, out, _ = mre("practice", "sync", "--track-id", SLUG, "--date", "2025-10-25", "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["status"], report["requests"]) == ("succeeded", 57)
    assert report["counts"]["practice_laps"]["new"] == 487
    code, out, _ = mre("practice", "sync", "--track-id", SLUG, "--date", "2025-10-25")
    assert code == 0
    assert out.startswith(f"practice_sync {SLUG}:2025-10-25: already_complete, 0 requests")
    code, out, _ = mre("practice", "days", "--track-id", SLUG, "--format", "tsv")
    assert code == 0
    assert out.splitlines()[1].split("\t") == ["2025-10-25", "56", "56", "487", "yes"]


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        ((), 2, "exactly one of --date"),
        (("--date", "2025-10-25", "--month", "2025-10"), 2, "exactly one of --date"),
        (("--date", "2025-02-30"), 2, "not a day"),
        (("--month", "10-2025"), 2, "not a month"),
    ],
)
def test_cli_usage_errors_exit_2(mre, args, code, said):
    assert mre("tracks", "sync")[0] == 0
    got, _, err = mre("practice", "sync", "--track-id", SLUG, *args)
    assert got == code
    assert said in err


def test_cli_unknown_track_exits_3(mre):
    assert mre("tracks", "sync")[0] == 0
    code, _, err = mre("practice", "sync", "--track-id", "nosuchtrack", "--date", "2025-10-25")
    assert code == 3
    assert "not in the database" in err


def test_a_source_without_practice_is_a_usage_error(mre, db_url):
    """Speedhive has no practice capability: refused before any request (exit 2)."""
    with IngestionService.open(db_url) as svc, use_database(svc.db):
        Track.create(
            source="speedhive",
            source_track_slug="12345",
            track_name="A circuit",
            track_url="https://speedhive.mylaps.com/",
            events_url="https://speedhive.mylaps.com/",
            last_seen_at=utcnow(),
        )
    code, _, err = mre("practice", "sync", "--track-id", "12345", "--date", "2025-10-25")
    assert code == 2
    assert "no practice days" in err


# --- the contract: the three practice hooks go together ---------------------------------

REQUIRED = ("list_events_for_track", "fetch_races", "fetch_laps")


@pytest.mark.parametrize(
    ("hooks", "capabilities", "problem"),
    [
        (
            ("fetch_practice_day",),
            ("practice",),
            "declares the capability 'practice' but does not implement list_practice_days",
        ),
        (
            ("list_practice_days", "fetch_practice_day"),
            ("practice",),
            "declares the capability 'practice' but does not implement fetch_practice_session",
        ),
        (
            ("fetch_practice_session",),
            (),
            "implements fetch_practice_session but does not declare the capability 'practice'",
        ),
    ],
)
def test_a_connector_with_part_of_practice_is_refused(hooks, capabilities, problem):
    registry = ConnectorRegistry()
    module = plugin_module(
        "partial", "partial", hooks=(*REQUIRED, *hooks), contract="1.1", capabilities=capabilities
    )
    assert registry.register(module) is None
    assert registry.failures[0].error == f"connector 'partial' {problem}"


def test_a_connector_with_all_of_practice_is_accepted():
    registry = ConnectorRegistry()
    hooks = ("list_practice_days", "fetch_practice_day", "fetch_practice_session")
    module = plugin_module(
        "whole", "whole", hooks=(*REQUIRED, *hooks), contract="1.1", capabilities=("practice",)
    )
    connector = registry.register(module)
    assert connector is not None and connector.can("practice")
