"""`mre serve` as a user runs it: a real process on a loopback port, replaying the demo
cassette, imported through the API end to end; and what it refuses to start with."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import ROOT
from tests.liverc_site.demo import DEMO_CASSETTE, demo_event, demo_site


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _mre(*args: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mre_core", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _up(base: str, process: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("mre serve did not answer in time")


def test_mre_serve_replays_the_demo_and_imports_an_event_end_to_end(tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    database = f"sqlite:///{tmp_path / 'demo.db'}"
    track, event = demo_event(demo_site())
    server = _mre("--replay", str(DEMO_CASSETTE), "--db", database, "serve", "--port", str(port))
    try:
        _up(base, server)
        health = httpx.get(f"{base}/api/health").json()
        assert (health["status"], health["database"], health["workers"]) == ("ok", "sqlite", 2)
        with httpx.Client(base_url=base, timeout=40) as api:
            synced = api.post("/api/tracks/sync?wait=30", json={})
            assert (synced.status_code, synced.json()["status"]) == (200, "succeeded")
            refreshed = api.post(f"/api/tracks/{track.slug.lower()}/events/sync?wait=30", json={})
            assert (refreshed.status_code, refreshed.json()["status"]) == (200, "succeeded")
            imported = api.post(f"/api/events/{event.event_id}/ingest?wait=30", json={})
            assert (imported.status_code, imported.json()["status"]) == (200, "succeeded")
            detail = api.get(f"/api/events/{event.event_id}").json()
            assert detail["ingest_depth"] == "laps_full"
            assert [r["source_race_id"] for r in detail["races"]] == [
                str(r.race_id) for r in event.races
            ]
            again = api.post(f"/api/events/{event.event_id}/ingest", json={})
            assert (again.status_code, again.json()["status"]) == (200, "already_complete")
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=60)
    assert server.returncode == 0, err
    assert f"console on http://127.0.0.1:{port}/ (2 workers here)" in err


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.1", "example.org"])
def test_mre_serve_on_a_reachable_address_without_a_token_exits_2(tmp_path, host):
    process = _mre("--db", f"sqlite:///{tmp_path / 'x.db'}", "serve", "--host", host)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err == (
        f"mre: error: --host {host} is reachable from other machines: set MRE_ADMIN_TOKEN "
        "(16 or more characters) to serve there\n"
    )
    assert out == ""


def test_mre_serve_on_a_port_in_use_exits_2(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _mre("--db", f"sqlite:///{tmp_path / 'x.db'}", "serve", "--port", str(port))
        _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err == f"mre: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
