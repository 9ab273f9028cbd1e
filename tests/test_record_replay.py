"""--record writes canonical LiveRC URLs; --replay of that cassette rebuilds the same database."""

from __future__ import annotations

from vcr.serializers import yamlserializer

from mre_core.cli.main import main
from mre_core.kit.snapshot import snapshot
from mre_core.service.ingestion import IngestionService


def run_demo(db: str, flag: str, cassette, track, event) -> None:
    for args in (
        ["tracks", "sync"],
        ["events", "refresh", "--track-id", track.slug.lower()],
        ["events", "ingest", "--event", str(event.event_id)],
    ):
        assert main(["-q", "--db", db, flag, str(cassette), *args]) == 0


def test_record_then_replay_gives_the_same_database(site, simulator, monkeypatch, tmp_path):
    track = site.tracks[0]
    event = next(e for e in track.events if e.races)
    cassette = tmp_path / "recorded.yaml"
    monkeypatch.setenv("MRE_HTTP_RESOLVE", f"*.liverc.com=127.0.0.1:{simulator.port}")
    monkeypatch.setenv("MRE_HTTP_MIN_INTERVAL_S", "0")

    recorded_db = f"sqlite:///{tmp_path / 'recorded.db'}"
    run_demo(recorded_db, "--record", cassette, track, event)
    served = len(simulator.requests)
    assert served == 1 + 1 + len(event.races) + 2

    interactions = yamlserializer.deserialize(cassette.read_text())["interactions"]
    uris = [i["request"]["uri"] for i in interactions]
    assert len(uris) == served
    assert all(
        u.startswith(f"https://{track.slug.lower()}.liverc.com/") or u == "https://live.liverc.com/"
        for u in uris
    )
    assert not any("127.0.0.1" in str(i["request"]) for i in interactions)

    simulator.clear_requests()
    monkeypatch.setenv("MRE_HTTP_RESOLVE", "*=127.0.0.1:9")  # anything real would fail
    replayed_db = f"sqlite:///{tmp_path / 'replayed.db'}"
    run_demo(replayed_db, "--replay", cassette, track, event)
    assert simulator.requests == []

    with IngestionService.open(recorded_db):
        recorded = snapshot()
    with IngestionService.open(replayed_db):
        assert snapshot() == recorded


def test_sqlite_runs_in_wal_mode(tmp_path):
    with IngestionService.open(f"sqlite:///{tmp_path / 'w.db'}") as service:
        assert service.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert service.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
