"""The anti-bot rules of the spec, each enforced in code and shown here against the simulator."""

from __future__ import annotations

import pytest

from mre_core.cli.main import main


@pytest.fixture
def mre(settings, monkeypatch, capsys):
    monkeypatch.setenv("MRE_HTTP_RESOLVE", settings.http_resolve)
    monkeypatch.setenv("MRE_HTTP_MIN_INTERVAL_S", "0")

    def run(*args: str) -> int:
        code = main(["-q", "--db", settings.database_url, *args])
        capsys.readouterr()
        return code

    return run


@pytest.fixture
def event(site):
    track = site.tracks[0]
    return track.slug.lower(), next(e for e in track.events if e.races)


def hosts_and_pages(simulator) -> list[str]:
    return [f"{r.host}{r.target}" for r in simulator.requests]


def test_only_the_track_catalogue_sync_reaches_out_on_its_own(mre, simulator, event):
    """Reading the database never fetches; the catalogue sync fetches the catalogue and only it."""
    slug, ev = event
    assert mre("db", "upgrade") == 0  # reading commands never make the database
    for command in (["tracks", "list"], ["runs", "list"], ["status"], ["connectors", "list"]):
        assert mre(*command) == 0
    assert simulator.requests == []
    assert mre("tracks", "sync") == 0
    assert hosts_and_pages(simulator) == ["live.liverc.com/"]  # not one track page
    simulator.clear_requests()
    assert mre("events", "refresh", "--track-id", slug) == 0
    assert mre("events", "ingest", "--event", str(ev.event_id)) == 0
    simulator.clear_requests()
    for command in (["events", "list", "--track-id", slug], ["events", "show", str(ev.event_id)]):
        assert mre(*command) == 0
    assert simulator.requests == []


def test_an_event_at_laps_full_is_never_fetched_again_without_force(mre, simulator, event):
    slug, ev = event
    assert mre("tracks", "sync") == 0
    assert mre("events", "refresh", "--track-id", slug) == 0
    assert mre("events", "ingest", "--event", str(ev.event_id)) == 0
    simulator.clear_requests()
    assert mre("events", "ingest", "--event", str(ev.event_id)) == 0
    assert mre("events", "refresh", "--track-id", slug, "--depth", "laps_full", "--ingest-all") == 0
    assert hosts_and_pages(simulator) == [f"{slug}.liverc.com/events/"]
    simulator.clear_requests()
    assert mre("events", "ingest", "--event", str(ev.event_id), "--force") == 0
    assert len(simulator.requests) == len(ev.races) + 2


def test_an_event_sync_fetches_no_race_page_unless_asked_for_laps_full(mre, simulator, event):
    slug, _ = event
    assert mre("tracks", "sync") == 0
    simulator.clear_requests()
    assert mre("events", "refresh", "--track-id", slug, "--depth", "none") == 0
    assert hosts_and_pages(simulator) == [f"{slug}.liverc.com/events/"]


def test_nothing_is_fetched_in_bulk_because_it_exists(mre, simulator, site, event):
    """Known tracks do not make their events fetched; known events are not ingested by a refresh."""
    slug, _ = event
    assert mre("tracks", "sync") == 0
    assert mre("events", "refresh", "--track-id", slug) == 0  # events now known, at depth none
    simulator.clear_requests()
    assert mre("events", "refresh", "--track-id", slug, "--depth", "laps_full") == 0
    assert hosts_and_pages(simulator) == [f"{slug}.liverc.com/events/"]  # new only: none are new
    other_tracks = {t.host for t in site.tracks[1:]}
    assert not other_tracks & {r.host for r in simulator.requests}


def test_the_kill_switch_stops_fetching_with_a_clear_message(
    settings, simulator, monkeypatch, capsys
):
    monkeypatch.setenv("MRE_HTTP_RESOLVE", settings.http_resolve)
    monkeypatch.setenv("MRE_SCRAPE_ENABLED", "0")
    assert main(["--db", settings.database_url, "tracks", "sync"]) == 5
    assert "fetching is turned off (MRE_SCRAPE_ENABLED=0)" in capsys.readouterr().err
    assert simulator.requests == []
