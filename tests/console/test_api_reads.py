"""Reading through the API: tracks, the held-between search, an event, a race's laps,
runs and their logs (JSON and Server-Sent Events), links, health; and every error
in the one body `{error: {code, message}}` with its status."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import peewee
import pytest
from loguru import logger

from mre_core import __version__
from mre_core.console.app import create_app
from mre_core.errors import (
    DatabaseError,
    InProgressError,
    MreError,
    NetworkError,
    NotFoundError,
    ParseError,
    RunCancelledError,
    SiteHeldError,
    UsageError,
    ValidationError,
)
from mre_core.service.ingestion import IngestionService
from tests.console.conftest import error, working

pytestmark = pytest.mark.anyio


@pytest.fixture
def ingested(synced, event):
    """The first track's first event imported, a user sharing a transponder with its
    winner (a suggested link); returns (track, event, run id)."""
    track, ev = event
    winner = ev.races[0].results[0].driver
    with IngestionService.open(settings=synced) as service:
        service.add_user("Someone Else", transponders=(winner.transponder,))
        report = service.ingest_event(str(ev.event_id))
    return track, ev, report.run_id


async def test_tracks_are_listed_and_filtered(api, site, synced):
    everything = (await api.get("/api/tracks")).json()
    assert sorted(t["slug"] for t in everything) == sorted(t.slug.lower() for t in site.tracks)
    assert [t["name"] for t in everything] == sorted(t["name"] for t in everything)
    first = site.tracks[0]
    part = first.name.split()[-1].upper()  # any case
    by_name = (await api.get("/api/tracks", params={"q": part})).json()
    assert first.slug.lower() in {t["slug"] for t in by_name}
    assert all(part.lower() in (t["name"] + t["slug"]).lower() for t in by_name)
    by_slug = (await api.get("/api/tracks", params={"q": first.slug.lower()})).json()
    assert [t["slug"] for t in by_slug] == [first.slug.lower()]
    assert (await api.get("/api/tracks?active=true")).json() == everything
    assert (await api.get("/api/tracks?active=false")).json() == []
    assert (await api.get("/api/tracks?q=no-such-track")).json() == []
    assert error(await api.get("/api/tracks?active=perhaps")) == (422, "usage")
    assert error(await api.get("/api/tracks?source=nosuchsite")) == (400, "usage")


async def test_the_held_between_search_finds_events_whose_days_overlap(api, site, synced, event):
    track, ev = event
    slug = track.slug.lower()
    whole = (await api.get("/api/events", params={"track": slug})).json()
    assert whole["total"] == len(track.events) == len(whole["items"])
    assert {i["track"]["slug"] for i in whole["items"]} == {slug}
    day = ev.start.date()
    held = (await api.get("/api/events", params={"from": str(day), "to": str(day)})).json()
    assert str(ev.event_id) in {i["source_event_id"] for i in held["items"]}
    assert all(
        i["date"][:10] <= str(day) <= (i["end_date"] or i["date"])[:10] for i in held["items"]
    )
    before = day - timedelta(days=3650)
    none = await api.get("/api/events", params={"from": str(before), "to": str(before)})
    assert none.json() == {"items": [], "total": 0}
    named = (await api.get("/api/events", params={"q": ev.name.upper()})).json()
    assert [i["source_event_id"] for i in named["items"]] == [str(ev.event_id)]
    paged = (await api.get("/api/events", params={"track": slug, "limit": 1, "offset": 1})).json()
    assert paged["total"] == len(track.events)
    assert paged["items"] == whole["items"][1:2]
    depth = (await api.get("/api/events", params={"depth": "laps_full"})).json()
    assert depth == {"items": [], "total": 0}


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ("from=2025-02-30", 422, "usage"),
        ("to=yesterday", 422, "usage"),
        ("from=2025-03-02&to=2025-03-01", 400, "usage"),
        ("limit=0", 422, "usage"),
        ("limit=501", 422, "usage"),
        ("offset=-1", 422, "usage"),
        ("depth=deep", 422, "usage"),
        ("track=nowhere", 404, "not_found"),
        ("track=id:x", 400, "usage"),
        ("q=%00", 400, "usage"),
    ],
)
async def test_a_bad_search_is_refused(api, synced, query, status, code):
    assert error(await api.get(f"/api/events?{query}")) == (status, code)


async def test_an_event_has_its_races_results_and_fastest_laps(api, ingested):
    track, ev, _ = ingested
    detail = (await api.get(f"/api/events/{ev.event_id}")).json()
    assert (detail["source_event_id"], detail["name"], detail["ingest_depth"]) == (
        str(ev.event_id),
        ev.name,
        "laps_full",
    )
    assert detail["track"] == {"slug": track.slug.lower(), "name": track.name}
    assert [r["source_race_id"] for r in detail["races"]] == [str(r.race_id) for r in ev.races]
    assert [len(r["results"]) for r in detail["races"]] == [len(r.results) for r in ev.races]
    assert detail["fastest_laps"]
    by_id = (await api.get(f"/api/events/id:{detail['id']}")).json()
    assert by_id == detail


async def test_a_race_s_laps_are_every_driver_s_times_and_positions(api, ingested):
    _, ev, _ = ingested
    race = ev.races[0]
    laps = (await api.get(f"/api/races/{race.race_id}/laps")).json()
    assert laps["race"]["source_race_id"] == str(race.race_id)
    assert laps["race"]["event"]["source_event_id"] == str(ev.event_id)
    assert [d["driver"] for d in laps["drivers"]] == [
        " ".join(r.shown_name.split()) for r in sorted(race.results, key=lambda r: r.position)
    ]
    winner = race.results[0]
    assert [(p["lap"], p["time"], p["position"]) for p in laps["drivers"][0]["laps"]] == [
        (lap.number, lap.time_ms / 1000, lap.position) for lap in winner.laps
    ]


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/events/999999999", 404, "not_found"),
        ("/api/events/id:99999", 404, "not_found"),
        ("/api/events/id:abc", 400, "usage"),
        (f"/api/events/{'9' * 100}", 404, "not_found"),
        ("/api/races/123/laps", 404, "not_found"),
        ("/api/races/id:x/laps", 400, "usage"),
        ("/api/runs?status=bogus", 422, "usage"),
        ("/api/runs?limit=0", 422, "usage"),
        ("/api/links?status=maybe", 422, "usage"),
        ("/api/links?user=77", 404, "not_found"),
        ("/api/nothing-here", 404, "not_found"),
    ],
)
async def test_bad_ids_are_refused(api, synced, url, status, code):
    assert error(await api.get(url)) == (status, code)


async def test_a_wrong_method_is_405_in_the_same_body(api):
    assert error(await api.put("/api/runs/1", json={})) == (405, "method_not_allowed")


async def test_runs_are_listed_newest_first(api, ingested):
    runs = (await api.get("/api/runs")).json()
    assert [r["operation"] for r in runs] == ["ingest_event", "refresh_events", "sync_tracks"]
    assert (await api.get("/api/runs?limit=1")).json() == runs[:1]
    assert (await api.get("/api/runs?status=failed")).json() == []
    assert [r["id"] for r in (await api.get("/api/runs?status=succeeded")).json()] == [
        r["id"] for r in runs
    ]


async def test_a_run_s_logs_are_its_lines_in_order_and_pages_by_id(api, ingested):
    _, ev, run_id = ingested
    lines = (await api.get(f"/api/runs/{run_id}/logs")).json()
    assert lines[0]["message"] == f"ingest_event {ev.event_id}: started (run {run_id})"
    assert lines[-1]["message"].startswith(f"ingest_event {ev.event_id}: succeeded")
    assert [line["id"] for line in lines] == sorted(line["id"] for line in lines)
    assert {line["level"] for line in lines} == {"INFO"}
    assert (await api.get(f"/api/runs/{run_id}/logs?limit=1")).json() == lines[:1]
    after = (await api.get(f"/api/runs/{run_id}/logs?after={lines[0]['id']}")).json()
    assert after == lines[1:]
    assert (await api.get(f"/api/runs/{run_id}/logs?after={lines[-1]['id']}")).json() == []
    assert error(await api.get("/api/runs/4242/logs")) == (404, "not_found")
    assert error(await api.get(f"/api/runs/{run_id}/logs?limit=0")) == (422, "usage")


def _events(stream: str) -> list[tuple[str, str | None, dict]]:
    """(event, id, data) of each Server-Sent Event of a stream."""
    found = []
    for block in stream.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in fields:
            found.append((fields["event"], fields.get("id"), json.loads(fields["data"])))
    return found


async def test_the_log_stream_of_an_ended_run_sends_its_lines_then_ends(api, ingested):
    _, _, run_id = ingested
    lines = (await api.get(f"/api/runs/{run_id}/logs")).json()
    answer = await api.get(f"/api/runs/{run_id}/logs", headers={"Accept": "text/event-stream"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/event-stream")
    assert answer.headers["cache-control"] == "no-store"
    events = _events(answer.text)
    assert events == [
        *[("log", str(line["id"]), line) for line in lines],
        ("end", None, {"status": "succeeded"}),
    ]
    # a reconnecting EventSource goes on from the last line it had
    resumed = await api.get(
        f"/api/runs/{run_id}/logs",
        headers={"Accept": "text/event-stream", "Last-Event-ID": str(lines[1]["id"])},
    )
    assert _events(resumed.text) == events[2:]


async def test_links_are_listed_then_confirmed_or_rejected_by_a_person(api, ingested):
    suggested = (await api.get("/api/links?status=suggested")).json()
    assert [(link["user"], link["status"]) for link in suggested] == [("Someone Else", "suggested")]
    link_id = suggested[0]["id"]
    confirmed = await api.post(f"/api/links/{link_id}/confirm", json={})
    assert confirmed.status_code == 200
    assert (confirmed.json()["status"], confirmed.json()["decided_by"]) == ("confirmed", "person")
    assert (await api.get("/api/links?status=suggested")).json() == []
    rejected = await api.post(f"/api/links/{link_id}/reject", json={})
    assert (rejected.json()["status"], rejected.json()["decided_by"]) == ("rejected", "person")
    assert [link["id"] for link in (await api.get("/api/links")).json()] == [link_id]
    assert error(await api.post("/api/links/999/confirm", json={})) == (404, "not_found")
    assert error(await api.post("/api/links/abc/reject", json={})) == (422, "usage")


async def test_health_says_ok_with_the_jobs_pending(api, service):
    assert (await api.get("/api/health")).json() == {
        "status": "ok",
        "version": __version__,
        "database": "sqlite",
        "jobs_pending": 0,
        "workers": 0,
    }
    await api.post("/api/tracks/sync", json={})
    assert (await api.get("/api/health")).json()["jobs_pending"] == 1


@pytest.mark.parametrize(
    ("raised", "status", "code"),
    [
        (UsageError("bad"), 400, "usage"),
        (NotFoundError("gone"), 404, "not_found"),
        (ValidationError("odd page"), 422, "validation"),
        (ParseError("https://x.liverc.com/", "no table"), 422, "parse"),
        (NetworkError("down"), 502, "network"),
        (SiteHeldError("held"), 503, "site_held"),
        (InProgressError("busy"), 409, "in_progress"),
        (RunCancelledError("stop"), 409, "cancelled"),
        (DatabaseError("locked"), 503, "database"),
        (MreError("a plugin's own"), 400, "error"),
        (peewee.OperationalError("database is locked\nmore"), 503, "database"),
    ],
)
async def test_each_error_class_has_its_status(api, service, monkeypatch, raised, status, code):
    def fail(*_args, **_kwargs):
        raise raised

    monkeypatch.setattr(service, "list_tracks", fail)
    answer = await api.get("/api/tracks")
    assert error(answer) == (status, code)
    driver_error = isinstance(raised, peewee.OperationalError)  # its first line, as the CLI
    expected = "database error: database is locked" if driver_error else str(raised)
    assert answer.json()["error"]["message"] == expected


async def test_a_bug_is_a_500_that_tells_nothing_of_its_insides(api, service, monkeypatch):
    def fail(*_args, **_kwargs):
        raise KeyError("secret internals")

    monkeypatch.setattr(service, "list_tracks", fail)
    answer = await api.get("/api/tracks")
    assert error(answer) == (500, "internal")
    assert "secret" not in answer.text and "Traceback" not in answer.text
    assert answer.headers["x-frame-options"] == "DENY"  # headers on a bug's answer too


async def test_the_log_stream_of_a_running_import_follows_it_to_its_end(
    api, service, synced, event, simulator
):
    _, ev = event
    simulator.latency = 0.1
    with working(service):
        run_id = (await api.post(f"/api/events/{ev.event_id}/ingest", json={})).json()["run_id"]
        while (await api.get(f"/api/runs/{run_id}")).json()["status"] != "running":
            await asyncio.sleep(0.02)
        streamed = await api.get(
            f"/api/runs/{run_id}/logs", headers={"Accept": "text/event-stream"}
        )
    assert (await api.get(f"/api/runs/{run_id}")).json()["status"] == "succeeded"
    lines = (await api.get(f"/api/runs/{run_id}/logs")).json()
    assert lines[-1]["message"].startswith(f"ingest_event {ev.event_id}: succeeded")
    assert _events(streamed.text) == [
        *[("log", str(line["id"]), line) for line in lines],
        ("end", None, {"status": "succeeded"}),
    ]


async def test_the_console_turns_mre_s_logs_on_so_runs_keep_their_lines(synced, event):
    """An app embedding mre starts with its logs off; the console is such an app and
    needs them, or every run page would be empty."""
    _, ev = event
    logger.disable("mre_core")
    logger.disable("mre_liverc")
    with IngestionService.open(settings=synced) as service:
        create_app(service)
        run_id = service.ingest_event(str(ev.event_id)).run_id
        lines = service.run_logs(run_id)
    assert lines[0]["message"] == f"ingest_event {ev.event_id}: started (run {run_id})"
