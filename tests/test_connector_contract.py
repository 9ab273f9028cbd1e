"""The connector contract: versions, capabilities, and every answer checked at the boundary.

A small connector is built here from records in memory, the way a third
party would write one against `mre_core.connector` alone; each test breaks
one rule and reads the exact message the author would get.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from mre_core.cli.main import main
from mre_core.connector import (
    CAPABILITIES,
    CONTRACT,
    ConnectorError,
    ConnectorInfo,
    EventRecord,
    LapRecord,
    ParseError,
    RaceDetail,
    RaceRecord,
    ResultRecord,
    TrackRecord,
    UsageError,
    hookimpl,
)
from mre_core.plugins import ConnectorRegistry
from mre_core.service.ingestion import IngestionService
from mre_core.storage.models import (
    Driver,
    Event,
    EventEntry,
    IngestionRun,
    Lap,
    Race,
    RaceResult,
    Track,
)
from tests.fake_connectors import plugin_module

TRACK = TrackRecord("club", "The Club", "https://club.example/", "https://club.example/events")
EVENT = EventRecord("e1", "Winter Series", "https://club.example/e1", datetime(2025, 1, 5))


def _race(number: int) -> RaceRecord:
    return RaceRecord(
        f"r{number}", f"https://club.example/r{number}", "Buggy", f"Heat {number}", number
    )


def _result(driver: str, name: str, times: list[float]) -> ResultRecord:
    laps = [LapRecord(n, t, f"{t:.3f}") for n, t in enumerate(times, start=1)]
    return ResultRecord(driver, name, len(times), f"{len(times)}/{sum(times):.3f}", laps=laps)


def _details() -> dict[str, RaceDetail]:
    return {
        "r1": RaceDetail(
            "r1", results=[_result("7", "ANN", [20.5, 20.25]), _result("8", "BOB", [21.0])]
        ),
        "r2": RaceDetail("r2", results=[_result("7", "ANN", [19.75, 20.0, 20.125])]),
    }


class Connector:
    """Catalogue and laps, no entry lists: the shape of a results-only timing system."""

    def __init__(self, source: str = "club", **info: object) -> None:
        self.info = ConnectorInfo(
            source=source,
            version="1.0",
            hosts=("club.example",),
            contract=CONTRACT,
            capabilities=("catalogue", "laps"),
        )
        self.info = replace(self.info, **info)
        self.tracks: object = [TRACK]
        self.races: object = [_race(1), _race(2)]
        self.details: dict[str, object] = dict(_details())

    @hookimpl
    def describe_connector(self) -> ConnectorInfo:
        return self.info

    @hookimpl
    def list_tracks(self, http: object) -> object:
        return self.tracks

    @hookimpl
    def list_events_for_track(self, http: object, track_slug: str) -> list[EventRecord]:
        return [EVENT]

    @hookimpl
    def fetch_races(self, http: object, track_slug: str, event_id: str) -> object:
        return self.races

    @hookimpl
    def fetch_laps(self, http: object, track_slug: str, race: RaceRecord) -> object:
        answer = self.details[race.source_race_id]
        if isinstance(answer, Exception):
            raise answer
        return answer


def registry_of(*plugins: object) -> ConnectorRegistry:
    registry = ConnectorRegistry()
    for plugin in plugins:
        registry.register(plugin)
    return registry


def refused(plugin: object) -> str:
    registry = registry_of(plugin)
    assert registry.connectors() == []
    [failure] = registry.failures
    return failure.error


# --- versions and capabilities ----------------------------------------------------


def test_a_connector_written_for_this_contract_is_accepted_with_what_it_can_do():
    [connector] = registry_of(Connector()).connectors()
    assert connector.capabilities == ("catalogue", "laps")
    assert (connector.can("catalogue"), connector.can("entry_list")) == (True, False)


def test_the_contract_must_be_named():
    assert refused(Connector(contract="")) == (
        "connector 'club' must name the connector contract it was written for, "
        "as ConnectorInfo(contract='1.1'), not ''"
    )


def test_a_newer_or_older_major_contract_is_refused_saying_what_to_upgrade():
    assert refused(Connector(contract="2.0")) == (
        "connector 'club' is written for connector contract 2.0; this mre speaks 1.1: upgrade mre"
    )
    assert refused(Connector(contract="0.9")) == (
        "connector 'club' is written for connector contract 0.9; this mre speaks 1.1: "
        "upgrade the connector"
    )


def test_a_newer_minor_contract_is_accepted_and_what_this_mre_does_not_know_is_unused():
    class Newer(Connector):
        @hookimpl
        def fetch_event_standings(self, http: object, track_slug: str, event_id: str) -> list:
            return []

    plugin = Newer(contract="1.9", capabilities=("catalogue", "laps", "standings"))
    [connector] = registry_of(plugin).connectors()
    assert connector.capabilities == ("catalogue", "laps")


def test_unknown_capabilities_and_hooks_of_this_minor_are_mistakes():
    assert refused(Connector(capabilities=("catalogue", "laps", "lapz"))) == (
        "connector 'club' declares unknown capabilities lapz "
        f"(contract 1.1 knows {', '.join(CAPABILITIES)})"
    )

    class Typo(Connector):
        @hookimpl
        def fetch_entrylist(self, http: object, track_slug: str, event_id: str) -> list:
            return []

    assert refused(Typo()) == "connector 'club' implements hooks mre does not know: fetch_entrylist"


def test_declared_capabilities_and_implemented_hooks_must_match():
    assert refused(Connector(capabilities=("catalogue", "entry_list", "laps"))) == (
        "connector 'club' declares the capability 'entry_list' but does not implement "
        "fetch_entry_list"
    )
    assert refused(Connector(capabilities=("laps",))) == (
        "connector 'club' implements list_tracks but does not declare the capability 'catalogue'"
    )


def test_describe_connector_is_checked_like_any_answer():
    assert refused(Connector(hosts=["club.example"])) == (
        "describe_connector answered an invalid ConnectorInfo: hosts: expected a tuple of str, "
        "got ['club.example']"
    )


# --- answers checked at the boundary ----------------------------------------------


def call(plugin: Connector, hook: str, **kwargs: object) -> object:
    [connector] = registry_of(plugin).connectors()
    return connector.call(hook, http=None, **kwargs)


def invalid(plugin: Connector, hook: str, **kwargs: object) -> str:
    with pytest.raises(ConnectorError) as caught:
        call(plugin, hook, **kwargs)
    assert caught.value.exit_code == 4
    return str(caught.value)


def test_dicts_where_records_belong():
    plugin = Connector()
    plugin.tracks = [{"source_track_slug": "club"}]
    assert invalid(plugin, "list_tracks") == (
        "connector 'club' returned an invalid answer from list_tracks: "
        "[0]: expected TrackRecord, got dict"
    )
    plugin.tracks = (TRACK,)
    assert invalid(plugin, "list_tracks") == (
        "connector 'club' returned an invalid answer from list_tracks: "
        "expected a list of TrackRecord, got tuple"
    )


def test_a_record_without_its_key_or_with_a_key_twice():
    plugin = Connector()
    plugin.races = [_race(1), replace(_race(2), source_race_id="")]
    assert invalid(plugin, "fetch_races", track_slug="club", event_id="e1") == (
        "connector 'club' returned an invalid answer from fetch_races: "
        "[1].source_race_id: is empty, and it is the record's key"
    )
    plugin.races = [_race(1), replace(_race(2), source_race_id="r1")]
    assert invalid(plugin, "fetch_races", track_slug="club", event_id="e1") == (
        "connector 'club' returned an invalid answer from fetch_races: "
        "[1]: RaceRecord 'r1' listed twice"
    )


def test_a_wrong_type_deep_in_a_race_names_the_field():
    plugin = Connector()
    detail = _details()["r1"]
    detail.results[1].laps[0] = replace(detail.results[1].laps[0], lap_time_seconds="21.0")
    plugin.details["r1"] = detail
    assert invalid(plugin, "fetch_laps", track_slug="club", race=_race(1), known_digest=None) == (
        "connector 'club' returned an invalid answer from fetch_laps: "
        "results[1].laps[0].lap_time_seconds: expected float, got str '21.0'"
    )
    detail.results[1].laps[0] = replace(detail.results[1].laps[0], lap_time_seconds=21)
    assert call(plugin, "fetch_laps", track_slug="club", race=_race(1), known_digest=None)


def test_a_none_where_a_value_is_required():
    plugin = Connector()
    plugin.races = [replace(_race(1), race_order=None)]
    assert invalid(plugin, "fetch_races", track_slug="club", event_id="e1") == (
        "connector 'club' returned an invalid answer from fetch_races: "
        "[0].race_order: is None, and it may not be"
    )


def test_an_answer_for_another_race_or_laps_without_the_capability():
    plugin = Connector()
    plugin.details["r1"] = _details()["r2"]
    assert invalid(plugin, "fetch_laps", track_slug="club", race=_race(1), known_digest=None) == (
        "connector 'club' returned an invalid answer from fetch_laps: "
        "source_race_id: is 'r2', the race asked for is 'r1'"
    )
    plugin = Connector(capabilities=("catalogue",))
    assert invalid(plugin, "fetch_laps", track_slug="club", race=_race(1), known_digest=None) == (
        "connector 'club' returned an invalid answer from fetch_laps: "
        "results[0].laps: holds laps, and the connector does not declare the capability 'laps'"
    )


def test_a_crash_inside_a_hook_names_the_connector_and_the_hook():
    plugin = Connector()
    plugin.details["r1"] = KeyError("racerLaps")
    assert invalid(plugin, "fetch_laps", track_slug="club", race=_race(1), known_digest=None) == (
        "connector 'club' failed in fetch_laps: KeyError: 'racerLaps'"
    )
    plugin.details["r1"] = ParseError("https://club.example/r1", "no results table")
    with pytest.raises(ParseError, match="no results table"):  # the contract's own errors pass
        call(plugin, "fetch_laps", track_slug="club", race=_race(1), known_digest=None)


# --- through the service ----------------------------------------------------------


def _service(settings, plugin: Connector) -> IngestionService:
    return IngestionService.open(settings=settings, registry=registry_of(plugin))


def test_a_source_without_entry_lists_builds_its_drivers_from_the_results(settings):
    with _service(settings, Connector()) as service:
        service.sync_tracks("club")
        service.refresh_events("club")
        report = service.ingest_event("e1")
        assert report.status == "succeeded"
        assert report.counts.as_dict()["laps"]["new"] == 6
        drivers = sorted(Driver.select(Driver.source_driver_id, Driver.display_name).tuples())
        assert drivers == [("7", "ANN"), ("8", "BOB")]
        origins = sorted(e.entry_origin for e in EventEntry.select())
        assert origins == ["race_result", "race_result"]
        again = service.ingest_event("e1", force=True).counts.as_dict()
        assert {t: (c["new"], c["updated"]) for t, c in again.items()} == {t: (0, 0) for t in again}
        assert Lap.select().count() == 6


def test_an_invalid_race_fails_the_run_with_exit_4_and_writes_none_of_it(settings, capsys):
    plugin = Connector()
    bad = _details()["r2"]
    bad.results[0].laps[2] = replace(bad.results[0].laps[2], lap_number=None)
    plugin.details["r2"] = bad
    with _service(settings, plugin) as service:
        service.sync_tracks("club")
        service.refresh_events("club")
        with pytest.raises(ConnectorError) as caught:
            service.ingest_event("e1")
        assert str(caught.value) == (
            "connector 'club' returned an invalid answer from fetch_laps: "
            "results[0].laps[2].lap_number: is None, and it may not be"
        )
        run = IngestionRun.get(IngestionRun.operation == "ingest_event")
        assert (run.status, run.error_code) == ("failed", "connector")
        # Race 1 was whole and stays; nothing of race 2 was written.
        assert [r.source_race_id for r in Race.select()] == ["r1"]
        assert RaceResult.select().count() == 2
        assert Event.get().ingest_depth == "none"


class NoCatalogue(Connector):
    """A source with nothing to crawl: its tracks are looked up one by one."""

    list_tracks = None

    def __init__(self) -> None:
        super().__init__(capabilities=("track_lookup", "laps"))

    @hookimpl
    def fetch_track(self, http: object, track_slug: str) -> TrackRecord:
        return replace(TRACK, source_track_slug=track_slug, track_name=f"Track {track_slug}")


def test_a_source_with_no_catalogue_adds_tracks_by_id(settings):
    with _service(settings, NoCatalogue()) as service:
        with pytest.raises(UsageError) as caught:
            service.sync_tracks("club")
        assert str(caught.value) == (
            "source 'club' has no catalogue to sync: add its tracks one by one "
            "(mre tracks add --source club TRACK_ID)"
        )
        first = service.add_track("club", "Oval9")
        second = service.add_track("club", "Oval9")
        assert (first.status, first.counts.as_dict()["tracks"]["new"]) == ("succeeded", 1)
        assert second.counts.as_dict()["tracks"]["unchanged"] == 1
        assert [(t.source_track_slug, t.track_name) for t in Track.select()] == [
            ("oval9", "Track Oval9")
        ]
        service.refresh_events("oval9")
        assert service.ingest_event("e1").status == "succeeded"


def test_tracks_add_on_a_source_with_a_catalogue_is_a_usage_error(settings, capsys):
    code = main(["--db", settings.database_url, "tracks", "add", "--source", "liverc", "x"])
    assert code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "mre: error: source 'liverc' cannot look a track up by its id: sync its catalogue "
        "instead (mre tracks sync --source liverc)"
    )


# --- no source named where the database or the installed connectors tell ----------


def test_tracks_sync_syncs_every_installed_catalogue(installed, settings, capsys):
    installed("other", plugin_module("mre_other", "other"))
    demo = str(Path(__file__).parents[1] / "cassettes" / "demo.yaml")
    args = ["--db", settings.database_url, "--replay", demo, "tracks", "sync"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "sync_tracks catalogue: succeeded, 1 request" in out  # LiveRC's, from the cassette
    assert "sync_tracks catalogue: succeeded, 0 requests" in out  # the other's, from memory
    with IngestionService.open(settings=settings) as service:
        assert service.catalogue_sources() == ["liverc", "other"]
        by_source = {
            s: Track.select().where(Track.source == s).count() for s in ("liverc", "other")
        }
        assert by_source == {"liverc": 3, "other": 1}
        with pytest.raises(UsageError) as caught:
            service.sync_tracks()
    assert str(caught.value) == (
        "name the source whose catalogue to sync (with one: liverc, other)"
    )
