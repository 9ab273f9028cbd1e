"""The three operations end to end, against the simulated LiveRC, on each database."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import peewee
import pytest

from mre_core import __version__
from mre_core.errors import (
    DatabaseError,
    NotFoundError,
    PageNotFoundError,
    UsageError,
    ValidationError,
)
from mre_core.kit.snapshot import snapshot
from mre_core.records import EntryRecord, ResultRecord
from mre_core.service import track_sync
from mre_core.service.event_drivers import EventDrivers
from mre_core.service.ingestion import IngestionService
from mre_core.service.runs import RunRecorder
from mre_core.settings import Settings
from mre_core.storage.counts import Counts
from mre_core.storage.database import write_transaction
from mre_core.storage.models import (
    DEPTH_LAPS_FULL,
    Driver,
    Event,
    EventEntry,
    IngestionRun,
    Lap,
    Race,
    RaceDriver,
    RaceResult,
    Track,
)
from tests.liverc_site import (
    LiveRCSimulator,
    SitePages,
    generate_event,
    render_catalogue,
    site_for_event,
)
from tests.liverc_site.model import Site
from tests.liverc_site.site import entry_list_url, event_url, race_url
from tests.rows import event_row, track_row


def first_event_with_races(site):
    track = site.tracks[0]
    return track, next(e for e in track.events if e.races)


def fetched(simulator) -> list[str]:
    return [r.url for r in simulator.requests]


def refresh(service, track):
    return service.refresh_events(track.slug.lower(), depth="none")


def ingested(service, site):
    """Sync, refresh and deep-ingest the first event with races; return (track, event)."""
    track, event = first_event_with_races(site)
    service.sync_tracks("liverc")
    refresh(service, track)
    service.ingest_event(str(event.event_id))
    return track, event


# --- 1. track catalogue sync ----------------------------------------------------


def test_track_sync_adds_every_track_and_touches_no_events(service, simulator, site):
    report = service.sync_tracks("liverc")
    assert report.requests == 1
    assert fetched(simulator) == ["https://live.liverc.com/"]
    assert report.counts.as_dict() == {"tracks": {"new": 3, "updated": 0, "unchanged": 0}}
    rows = {t.source_track_slug: t for t in Track.select()}
    assert sorted(rows) == sorted(t.slug.lower() for t in site.tracks)
    first = rows["quickanddirtyrcandhobby"]  # the catalogue writes QuickandDirtyRCandHobby
    assert first.track_name == site.tracks[0].name
    assert json.loads(first.extra)["last_updated"] == site.tracks[0].last_updated
    assert first.events_url == "https://quickanddirtyrcandhobby.liverc.com/events/"
    assert first.is_active is True
    assert Event.select().count() == 0


def test_track_sync_again_changes_nothing_but_last_seen(service):
    service.sync_tracks("liverc")
    seen_before = {t.id: t.last_seen_at for t in Track.select()}
    report = service.sync_tracks("liverc")
    assert report.counts.as_dict() == {"tracks": {"new": 0, "updated": 0, "unchanged": 3}}
    assert all(t.last_seen_at >= seen_before[t.id] for t in Track.select())


def test_a_track_no_longer_listed_is_marked_inactive_not_deleted(service, site, pages):
    service.sync_tracks("liverc")
    gone = site.tracks[2]
    pages.override("https://live.liverc.com/", render_catalogue(Site(site.tracks[:2])).encode())
    report = service.sync_tracks("liverc")
    assert report.counts.as_dict() == {"tracks": {"new": 0, "updated": 1, "unchanged": 2}}
    row = Track.get(Track.source_track_slug == gone.slug.lower())
    assert row.is_active is False
    assert Track.select().count() == 3
    pages.clear_overrides()
    assert service.sync_tracks("liverc").counts.as_dict() == {
        "tracks": {"new": 0, "updated": 1, "unchanged": 2}
    }
    assert Track.get_by_id(row.id).is_active is True


# --- 2. event catalogue sync ---------------------------------------------------


def test_refreshing_an_unknown_track_fails_before_any_request(service, simulator):
    with pytest.raises(NotFoundError, match="not in the database"):
        service.refresh_events("nosuchtrack", depth="none")
    assert simulator.requests == []
    assert Event.select().count() == 0


def test_refresh_adds_events_at_depth_none_and_never_changes_a_known_depth(
    service, simulator, site
):
    service.sync_tracks("liverc")
    track = site.tracks[0]
    report = refresh(service, track)
    assert report.requests == 1
    assert fetched(simulator)[-1] == f"https://{track.slug.lower()}.liverc.com/events/"
    assert sorted(report.created) == sorted(str(e.event_id) for e in track.events)
    assert report.counts.as_dict() == {"events": {"new": 2, "updated": 0, "unchanged": 0}}
    assert {e.ingest_depth for e in Event.select()} == {"none"}
    assert Race.select().count() == 0  # depth none fetches no race pages

    some = Event.select().first()
    Event.update(ingest_depth=DEPTH_LAPS_FULL).where(Event.id == some.id).execute()
    again = refresh(service, track)
    assert again.created == []
    assert again.counts.as_dict() == {"events": {"new": 0, "updated": 0, "unchanged": 2}}
    assert Event.get_by_id(some.id).ingest_depth == DEPTH_LAPS_FULL


def test_refresh_with_laps_full_ingests_only_new_events_unless_asked_for_all(
    service, simulator, site
):
    track = site.tracks[0]
    with_races = [e for e in track.events if e.races]
    assert [e.entry_count for e in track.events if not e.races] == [0]  # the "T" event
    service.sync_tracks("liverc")
    report = service.refresh_events(track.slug.lower(), depth="laps_full")
    assert sorted(c.target for c in report.children) == sorted(str(e.event_id) for e in with_races)
    assert {c.status for c in report.children} == {"succeeded"}
    # The event listed with 0 entries costs no request: there is nothing to ingest.
    assert report.requests == 1 + sum(len(e.races) + 2 for e in with_races)
    assert len(simulator.requests) == report.requests + 1  # + the track sync
    again = service.refresh_events(track.slug.lower(), depth="laps_full")
    assert (again.children, again.requests) == ([], 1)
    everything = service.refresh_events(track.slug.lower(), depth="laps_full", ingest_all=True)
    assert {c.status for c in everything.children} == {"already_complete"}
    assert everything.requests == 1


# --- 3. deep ingestion -----------------------------------------------------------


def test_deep_ingestion_costs_races_plus_two_requests_and_stores_every_lap(
    service, simulator, site
):
    track, event = first_event_with_races(site)
    service.sync_tracks("liverc")
    refresh(service, track)
    simulator.clear_requests()

    report = service.ingest_event(str(event.event_id))

    slug = track.slug.lower()
    urls = fetched(simulator)
    assert report.requests == len(event.races) + 2 == len(urls)
    assert urls[:2] == [entry_list_url(slug, event.event_id), event_url(slug, event.event_id)]
    assert sorted(urls[2:]) == sorted(race_url(slug, r.race_id) for r in event.races)
    assert Race.select().count() == len(event.races)
    assert RaceResult.select().count() == sum(len(r.results) for r in event.races)
    assert Lap.select().count() == sum(r.total_laps for r in event.races)
    assert report.counts.table("laps").new == Lap.select().count()
    row = Event.get(Event.source_event_id == str(event.event_id))
    assert row.ingest_depth == DEPTH_LAPS_FULL
    assert row.last_ingested_at is not None


def test_stored_laps_match_the_model_and_add_up(service, site):
    _, event = ingested(service, site)
    race = event.races[-1]
    for result in race.results:
        stored = (
            RaceResult.select()
            .join(RaceDriver)
            .join_from(RaceResult, Race)
            .where(
                (Race.source_race_id == str(race.race_id))
                & (RaceDriver.source_driver_id == str(result.driver.driver_id))
            )
            .get()
        )
        assert stored.position_final == result.position
        assert stored.laps_completed == result.lap_count
        laps = list(Lap.select().where(Lap.race_result == stored.id).order_by(Lap.lap_number))
        assert [lap.lap_number for lap in laps] == list(range(1, result.lap_count + 1))
        assert [round(lap.lap_time_seconds * 1000) for lap in laps] == [
            lap.time_ms for lap in result.laps
        ]
        if laps:
            assert Decimal(repr(laps[-1].elapsed_race_time)) * 1000 == result.total_ms


def test_race_drivers_get_real_ids_and_entries_keep_transponders(service, site):
    _, event = ingested(service, site)
    raced = {str(res.driver.driver_id) for race in event.races for res in race.results}
    assert {d.source_driver_id for d in Driver.select()} >= raced
    # One entry-list driver per listed person; the ones who raced merged into their real id.
    temporary = [d for d in Driver.select() if d.source_driver_id.startswith("entry_")]
    listed = {str(e.driver.driver_id) for e in event.listed_entries}
    assert len(temporary) == len(listed)
    merged = {d.merged_into.source_driver_id for d in temporary if d.merged_into is not None}
    assert merged == listed & raced
    entry = event.listed_entries[0]
    stored = (
        EventEntry.select()
        .join(Driver)
        .where(
            (EventEntry.class_name == entry.class_name)
            & (Driver.source_driver_id == str(entry.driver.driver_id))
        )
        .get()
    )
    assert stored.transponder_number == entry.driver.transponder
    assert stored.entry_origin == "entry_list"


def test_an_event_already_complete_returns_at_once_without_a_request(service, simulator, site):
    _, event = ingested(service, site)
    simulator.clear_requests()
    report = service.ingest_event(str(event.event_id))
    assert (report.status, report.requests, simulator.requests) == ("already_complete", 0, [])


def test_forced_reingest_of_unchanged_data_writes_nothing(service, site):
    _, event = ingested(service, site)
    before = snapshot()
    report = service.ingest_event(str(event.event_id), force=True)
    assert report.requests == len(event.races) + 2
    assert report.counts.written == 0
    assert report.counts.table("laps").unchanged == sum(r.total_laps for r in event.races)
    assert snapshot() == before


def _parsed_race_pages(monkeypatch) -> list[str]:
    """Record the race ids the LiveRC connector parses from now on."""
    import mre_liverc.plugin

    parsed: list[str] = []
    parse = mre_liverc.plugin.parse_race_result
    monkeypatch.setattr(
        mre_liverc.plugin,
        "parse_race_result",
        lambda text, url, race_id: parsed.append(race_id) or parse(text, url, race_id),
    )
    return parsed


def test_forced_reingest_reads_no_race_page_that_is_as_it_was(service, site, monkeypatch):
    _, event = ingested(service, site)
    stored = {r.source_race_id: r.page_digest for r in Race.select()}
    assert len(stored) == len(event.races)
    prefix = f"mre_core {__version__}:"
    assert all(d.startswith(prefix) and len(d) == len(prefix) + 64 for d in stored.values())
    parsed = _parsed_race_pages(monkeypatch)
    before = snapshot()
    report = service.ingest_event(str(event.event_id), force=True)
    assert parsed == []
    assert report.requests == len(event.races) + 2
    assert report.counts.written == 0
    assert report.counts.table("races").unchanged == len(event.races)
    assert report.counts.table("race_results").unchanged == sum(len(r.results) for r in event.races)
    assert report.counts.table("laps").unchanged == sum(r.total_laps for r in event.races)
    assert snapshot() == before
    assert {r.source_race_id: r.page_digest for r in Race.select()} == stored


def test_forced_reingest_reads_a_corrected_race_page_and_writes_the_correction(
    service, site, pages, monkeypatch
):
    track, event = ingested(service, site)
    race = event.races[2]
    url = race_url(track.slug.lower(), race.race_id)
    body = pages[url].decode()
    lap = body.find("'lapNum' : '1'")
    pace = body.index("'pace' : '", lap) + len("'pace' : '")
    old_pace = body[pace : body.index("'", pace)]
    pages.override(url, body[:pace] + "9/5:00.000" + body[pace + len(old_pace) :])
    parsed = _parsed_race_pages(monkeypatch)
    report = service.ingest_event(str(event.event_id), force=True)
    assert parsed == [str(race.race_id)]
    assert report.counts.as_dict()["laps"] == {
        "new": 0,
        "updated": 1,
        "unchanged": sum(r.total_laps for r in event.races) - 1,
    }
    assert report.counts.written == 1
    (corrected,) = Lap.select().where(Lap.pace == "9/5:00.000")
    assert corrected.lap_number == 1
    assert corrected.race_result.race.source_race_id == str(race.race_id)


def test_a_fingerprint_stored_by_another_mre_core_version_is_not_trusted(
    service, site, monkeypatch
):
    _, event = ingested(service, site)
    Race.update(page_digest="mre_core 0.0.9:" + "0" * 64).execute()
    parsed = _parsed_race_pages(monkeypatch)
    report = service.ingest_event(str(event.event_id), force=True)
    assert sorted(parsed) == sorted(str(r.race_id) for r in event.races)
    assert report.counts.written == 0
    assert {r.page_digest[:-64] for r in Race.select()} == {f"mre_core {__version__}:"}


def test_an_empty_entry_list_stops_before_any_other_request(service, simulator, site, pages):
    track, event = first_event_with_races(site)
    service.sync_tracks("liverc")
    refresh(service, track)
    pages.empty_entry_list(track.slug.lower(), event.event_id)
    simulator.clear_requests()
    with pytest.raises(ValidationError, match=r"entry list of event \d+ is empty"):
        service.ingest_event(str(event.event_id))
    assert fetched(simulator) == [entry_list_url(track.slug.lower(), event.event_id)]
    assert Event.get(Event.source_event_id == str(event.event_id)).ingest_depth == "none"
    assert EventEntry.select().count() == 0


def test_a_missing_entry_list_is_a_validation_error(service, site, pages):
    track, event = first_event_with_races(site)
    service.sync_tracks("liverc")
    refresh(service, track)
    pages.remove(entry_list_url(track.slug.lower(), event.event_id))
    with pytest.raises(ValidationError, match="has no entry list"):
        service.ingest_event(str(event.event_id))
    assert Event.get(Event.source_event_id == str(event.event_id)).ingest_depth == "none"


def test_a_racer_missing_from_the_entry_list_is_kept_with_a_fallback_entry(db_url):
    event = generate_event(
        3, 900001, races=4, drivers_per_race=6, laps_per_race=5, missing_from_entry_list=2
    )
    site = site_for_event(event)
    with LiveRCSimulator(SitePages(site)) as sim:
        settings = Settings(
            http_resolve=f"*.liverc.com=127.0.0.1:{sim.port}", http_min_interval_s=0
        )
        with IngestionService.open(db_url, settings=settings) as service:
            service.sync_tracks("liverc")
            service.refresh_events(site.tracks[0].slug, depth="none")
            service.ingest_event("900001")
            missing = [e for e in event.entries if not e.on_entry_list]
            assert len(missing) == 2
            for entry in missing:
                stored = (
                    EventEntry.select()
                    .join(Driver)
                    .where(Driver.source_driver_id == str(entry.driver.driver_id))
                    .get()
                )
                assert (stored.entry_origin, stored.class_name) == ("race_result", entry.class_name)
            assert RaceResult.select().count() == sum(len(r.results) for r in event.races)


def test_stopping_halfway_then_rerunning_equals_a_clean_run(site, pages, settings, tmp_path):
    track, event = first_event_with_races(site)
    broken = race_url(track.slug.lower(), event.races[3].race_id)
    with IngestionService.open(settings=settings) as service:
        service.sync_tracks("liverc")
        refresh(service, track)
        pages.remove(broken)
        with pytest.raises(PageNotFoundError):
            service.ingest_event(str(event.event_id))
        assert Event.get(Event.source_event_id == str(event.event_id)).ingest_depth == "none"
        assert 1 <= Race.select().count() < len(event.races)
        for race in Race.select():  # every race written is whole
            expected = event.race(int(race.source_race_id)).results
            assert RaceResult.select().where(RaceResult.race == race.id).count() == len(expected)
        pages.restore(broken)
        service.ingest_event(str(event.event_id))
        interrupted = snapshot()

    clean = replace(settings, database_url=f"sqlite:///{tmp_path / 'clean.db'}")
    with IngestionService.open(settings=clean) as service:
        service.sync_tracks("liverc")
        refresh(service, track)
        service.ingest_event(str(event.event_id))
        assert snapshot() == interrupted


def test_a_driver_seen_in_two_events_is_one_driver(service, site):
    """Each event's temporary driver merges into the one real driver, whichever came first."""
    track = site.tracks[1]
    first, second = [e for e in track.events if e.races][:2]
    shared = {e.driver.driver_id for e in first.entries} & {
        e.driver.driver_id for e in second.entries
    }
    raced_both = {
        d
        for d in shared
        if any(r.driver.driver_id == d for race in first.races for r in race.results)
        and any(r.driver.driver_id == d for race in second.races for r in race.results)
    }
    assert raced_both
    service.sync_tracks("liverc")
    refresh(service, track)
    service.ingest_event(str(first.event_id))
    report = service.ingest_event(str(second.event_id))
    for driver_id in raced_both:
        real = Driver.get(Driver.source_driver_id == str(driver_id))
        events = {
            entry.event.source_event_id
            for entry in EventEntry.select().where(EventEntry.driver == real.id)
        }
        assert events == {str(first.event_id), str(second.event_id)}
        merged = Driver.select().where(Driver.merged_into == real.id).order_by(Driver.id)
        assert [m.source_driver_id.split("_")[1] for m in merged] == [
            str(first.event_id),
            str(second.event_id),
        ]
    again = service.ingest_event(str(second.event_id), force=True)
    assert again.counts.written == 0
    # The second event's entry-list drivers, and the racers the first did not have, are
    # new; merging those temporaries into real drivers made or found is no update, and
    # the real drivers the first event made already carry the same names.
    temporaries = {e.driver.driver_id for e in second.entries}
    raced = {r.driver.driver_id for race in second.races for r in race.results}
    raced_first = {r.driver.driver_id for race in first.races for r in race.results}
    drivers = report.counts.table("drivers")
    assert (drivers.new, drivers.updated) == (len(temporaries) + len(raced - raced_first), 0)


# --- drivers known from another event, reading back, bad arguments ---------------------


def _track_with_events(*event_ids: str, dates=()):  # type: ignore[no-untyped-def]
    track = track_row()
    dated = zip(event_ids, dates or [None] * len(event_ids), strict=True)
    return track, [event_row(track, event_id, event_date=date) for event_id, date in dated]


def _entry_list_then_race(event, name: str, transponder: str | None) -> None:  # type: ignore[no-untyped-def]
    """What a deep ingestion does with one driver: entry list, then a race naming id 42."""
    drivers = EventDrivers(event, Counts())
    result = ResultRecord("42", name, 10, "10/5:00.000")
    with write_transaction():
        drivers.write_entry_list([EntryRecord("Buggy", name, transponder_number=transponder)])
        drivers.prefetch([result])
        drivers.identify("Buggy", result)


def test_a_reingested_entry_list_without_a_transponder_keeps_the_drivers_own(db_url):
    with IngestionService.open(db_url):
        _, (first, second) = _track_with_events("1", "2")
        _entry_list_then_race(first, "Jane Doe", "111")  # the temporary driver becomes 42
        _entry_list_then_race(second, "JANE DOE", None)  # merged into 42, which keeps 111
        real = Driver.get(Driver.source_driver_id == "42")
        assert (real.display_name, real.transponder_number) == ("JANE DOE", "111")

        _entry_list_then_race(second, "JANE DOE", None)  # a forced re-ingest of the second
        real = Driver.get(Driver.source_driver_id == "42")
        assert (real.display_name, real.transponder_number) == ("JANE DOE", "111")
        entries = EventEntry.select().where(EventEntry.driver == real.id).order_by(EventEntry.id)
        assert [(e.event.source_event_id, e.transponder_number) for e in entries] == [
            ("1", "111"),
            ("2", None),  # the event's own entry shows what its entry list showed
        ]

        _entry_list_then_race(second, "Jane Doe", "222")  # a transponder shown is taken
        real = Driver.get(Driver.source_driver_id == "42")
        assert (real.display_name, real.transponder_number) == ("Jane Doe", "222")


def test_events_and_results_without_a_date_or_position_come_last_on_every_database(db_url):
    with IngestionService.open(db_url) as service:
        _, (_, january, _) = _track_with_events(
            "1", "2", "3", dates=[None, datetime(2026, 1, 10), datetime(2026, 2, 10)]
        )
        assert [e["source_event_id"] for e in service.list_events("t")] == ["3", "2", "1"]

        race = Race.create(
            event=january,
            source_race_id="9",
            race_url="https://t.liverc.com/results/?p=view_race_result&id=9",
            class_name="Buggy",
            race_label="A-Main",
            race_order=1,
        )
        for name, position in [("No Finish", None), ("Second", 2), ("First", 1)]:
            driver = Driver.create(
                source="liverc", source_driver_id=name, display_name=name, normalized_name=name
            )
            racer = RaceDriver.create(
                race=race, source_driver_id=name, driver=driver, display_name=name
            )
            RaceResult.create(
                race=race,
                race_driver=racer,
                position_final=position,
                laps_completed=0,
                total_time_raw="",
            )
        (detail_race,) = service.event_detail("2")["races"]
        assert [(r["position"], r["driver"]) for r in detail_race["results"]] == [
            (1, "First"),
            (2, "Second"),
            (None, "No Finish"),
        ]


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.refresh_events("t", source="nosuch"),
        lambda s: s.ingest_event("1", source="nosuch"),
        lambda s: s.list_events("t", source="nosuch"),
        lambda s: s.event_detail("1", source="nosuch"),
        lambda s: s.match_users("1", source="nosuch"),
    ],
    ids=["refresh", "ingest", "list", "show", "match"],
)
def test_an_unknown_source_is_a_usage_error_not_a_missing_event(db_url, call):
    with IngestionService.open(db_url) as service:
        _track_with_events("1")
        with pytest.raises(UsageError) as caught:
            call(service)
        assert str(caught.value) == "unknown source 'nosuch' (installed: liverc, speedhive)"
        assert caught.value.exit_code == 2
        assert IngestionRun.select().count() == 0  # refused before a run is recorded


def test_events_of_a_source_no_longer_installed_can_still_be_read(db_url):
    with IngestionService.open(db_url) as service:
        _track_with_events("1")
        Track.update(source="gone").execute()
        Event.update(source="gone").execute()
        assert [e["source_event_id"] for e in service.list_events("t", source="gone")] == ["1"]
        assert service.event_detail("1", source="gone")["source"] == "gone"
        with pytest.raises(
            UsageError, match=r"^unknown source 'gone' \(installed: liverc, speedhive\)$"
        ):
            service.ingest_event("1", source="gone")


# --- database failures during an operation -----------------------------------------


def test_a_driver_interface_error_during_an_operation_is_a_database_error(db_url, monkeypatch):
    def lost_connection(service, run, source):  # type: ignore[no-untyped-def]
        raise peewee.InterfaceError("connection already closed")

    monkeypatch.setattr(track_sync, "sync_tracks", lost_connection)
    with IngestionService.open(db_url) as service:
        with pytest.raises(DatabaseError) as caught:
            service.sync_tracks("liverc")
        assert str(caught.value) == "database error during sync_tracks: connection already closed"
        assert caught.value.exit_code == 7
        assert caught.value.report.status == "failed"
        run = IngestionRun.get()
        assert (run.status, run.error_code) == ("failed", "database")


def test_a_database_error_while_closing_the_run_fails_the_run_not_the_process(db_url, monkeypatch):
    monkeypatch.setattr(track_sync, "sync_tracks", lambda service, run, source: None)

    def finish_fails(self):  # type: ignore[no-untyped-def]
        raise peewee.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(RunRecorder, "finish", finish_fails)
    with IngestionService.open(db_url) as service:
        with pytest.raises(DatabaseError) as caught:
            service.sync_tracks("liverc")
        assert str(caught.value) == (
            "database error during sync_tracks: server closed the connection unexpectedly"
        )
        run = IngestionRun.get()  # not left 'running'
        assert (run.status, run.error_code) == ("failed", "database")


def test_recording_a_failure_that_itself_fails_keeps_the_first_error(db_url, monkeypatch):
    def body_fails(service, run, source):  # type: ignore[no-untyped-def]
        raise ValidationError("the catalogue is empty")

    def cannot_record(self, status, code, message):  # type: ignore[no-untyped-def]
        raise peewee.InterfaceError("connection already closed")

    monkeypatch.setattr(track_sync, "sync_tracks", body_fails)
    monkeypatch.setattr(RunRecorder, "_close", cannot_record)
    with IngestionService.open(db_url) as service:
        with pytest.raises(ValidationError, match=r"^the catalogue is empty$") as caught:
            service.sync_tracks("liverc")
        assert caught.value.report.status == "failed"


def test_a_failed_ingestion_stops_its_page_fetches_before_releasing_the_lock(
    service, site, monkeypatch
):
    from mre_core.service import event_ingest
    from mre_core.service.locks import Lock

    order: list[str] = []
    real_fetch, real_write, real_release = (
        event_ingest.fetch_in_order,
        event_ingest.write_race,
        Lock.release,
    )

    def fetch_in_order(*args, **kwargs):  # type: ignore[no-untyped-def]
        pages = real_fetch(*args, **kwargs)
        try:
            yield from pages
        finally:
            pages.close()
            order.append("fetches stopped")

    def write_race(event, race, detail, drivers, counts, fence):  # type: ignore[no-untyped-def]
        if race.race_order == 2:
            raise ValidationError("race 2 cannot be written")
        real_write(event, race, detail, drivers, counts, fence)

    def release(self):  # type: ignore[no-untyped-def]
        order.append("lock released")
        real_release(self)

    monkeypatch.setattr(event_ingest, "fetch_in_order", fetch_in_order)
    monkeypatch.setattr(event_ingest, "write_race", write_race)
    monkeypatch.setattr(Lock, "release", release)
    track, event = first_event_with_races(site)
    service.sync_tracks("liverc")
    refresh(service, track)
    with pytest.raises(ValidationError, match=r"^race 2 cannot be written$"):
        service.ingest_event(str(event.event_id))
    assert order == ["fetches stopped", "lock released"]
