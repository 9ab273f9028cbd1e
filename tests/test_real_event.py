"""The real LiveRC event 486677, whole: recorded from the simulator, replayed offline.

The simulator serves the real catalogue, events page, event hub and the two
captured race pages byte for byte, and generates the entry list and the 30
other race pages (tests/liverc_site/real_event.py). Every value asserted
about the real races was read off the real pages (see the samples README).
"""

from __future__ import annotations

from decimal import Decimal

from mre_core.cli.main import main
from mre_core.kit.snapshot import snapshot
from mre_core.service.ingestion import IngestionService
from mre_core.storage.models import Driver, Event, Lap, Race, RaceDriver, RaceResult, Track
from tests.liverc_site import LiveRCSimulator
from tests.liverc_site.real_event import real_event_pages

EVENT = "486677"
COMMANDS = (
    ["tracks", "sync"],
    ["events", "refresh", "--track-id", "canberraoffroad", "--depth", "none"],
    ["events", "ingest", "--event", EVENT, "--depth", "laps_full"],
)


def results_of(race_id: str):  # type: ignore[no-untyped-def]
    return (
        RaceResult.select(RaceResult, RaceDriver)
        .join(RaceDriver)
        .switch(RaceResult)
        .join(Race)
        .where(Race.source_race_id == race_id)
    )


def laps_of(race_id: str, driver_id: str | None = None) -> list[float]:
    query = (
        Lap.select(Lap.lap_time_seconds)
        .join(RaceResult)
        .join(RaceDriver)
        .switch(RaceResult)
        .join(Race)
        .where(Race.source_race_id == race_id)
    )
    if driver_id is not None:
        query = query.where(RaceDriver.source_driver_id == driver_id)
    return [lap.lap_time_seconds for lap in query]


def test_real_event_486677_records_replays_and_reingests(samples, monkeypatch, tmp_path, capsys):
    cassette = tmp_path / "486677.yaml"
    with LiveRCSimulator(real_event_pages(samples)) as sim:
        monkeypatch.setenv("MRE_HTTP_RESOLVE", f"*.liverc.com=127.0.0.1:{sim.port}")
        monkeypatch.setenv("MRE_HTTP_MIN_INTERVAL_S", "0")
        recorded = f"sqlite:///{tmp_path / 'recorded.db'}"
        for args in COMMANDS:
            assert main(["-q", "--db", recorded, "--record", str(cassette), *args]) == 0
        served = sim.requests
    assert len(served) == 1 + 1 + (32 + 2)
    assert all(r.status == 200 for r in served)

    # Replay into a fresh database with the network dead.
    monkeypatch.setenv("MRE_HTTP_RESOLVE", "*=127.0.0.1:9")
    db_url = f"sqlite:///{tmp_path / 'replayed.db'}"
    for args in COMMANDS:
        assert main(["-q", "--db", db_url, "--replay", str(cassette), *args]) == 0

    with IngestionService.open(db_url):
        assert Track.select().count() == 1090
        canberra = Track.get(Track.source_track_slug == "canberraoffroad")
        assert Event.select().where(Event.track == canberra).count() == 100
        event = Event.get(Event.source_event_id == EVENT)
        assert event.ingest_depth == "laps_full"
        assert Race.select().where(Race.event == event).count() == 32

        a_main = {r.race_driver.source_driver_id: r for r in results_of("6304829")}
        assert len(a_main) == 12
        assert len(laps_of("6304829")) == 444
        felix = a_main["346997"]
        assert felix.race_driver.display_name == "FELIX KOEGLER"
        assert (felix.position_final, felix.laps_completed) == (1, 47)
        assert felix.total_time_seconds == 1831.382
        felix_laps = laps_of("6304829", "346997")
        assert len(felix_laps) == 47
        assert sum(Decimal(repr(x)) for x in felix_laps) == Decimal("1831.382")
        riley = a_main["731648"]
        assert riley.race_driver.display_name == "RILEY LANDER"
        assert (riley.laps_completed, riley.started) == (0, False)
        assert laps_of("6304829", "731648") == []

        assert results_of("6304822").count() == 10
        assert len(laps_of("6304822")) == 96

        couper = list(Driver.select().where(Driver.source_driver_id == "600723"))
        assert [d.display_name for d in couper] == ["MATTHEW COUPER"]
        for race_id in ("6304822", "6304829"):
            assert results_of(race_id).where(RaceDriver.driver == couper[0]).count() == 1
        stored_laps = Lap.select().count()
        before = snapshot()

    # Ingesting again (--force, same cassette) changes nothing.
    capsys.readouterr()
    args = ["--db", db_url, "--replay", str(cassette), "events", "ingest", "--event", EVENT]
    assert main([*args, "--force"]) == 0
    out = capsys.readouterr().out
    laps_row = next(line.split() for line in out.splitlines() if line.split()[:1] == ["laps"])
    assert laps_row == ["laps", "0", "0", str(stored_laps)]  # table new updated unchanged
    with IngestionService.open(db_url):
        assert snapshot() == before
