"""Jobs through the API: 202 and the same run on every repeat, already_complete, `?wait=`,
cancel, and a run that is exactly what `mre runs show ID --json` prints."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

import pytest

from mre_core.cli.main import main
from mre_core.console.app import create_app
from mre_core.jobs.worker import Worker
from mre_core.service.ingestion import IngestionService
from mre_core.storage import use_database
from mre_core.storage.models import IngestionRun, Race
from tests.conftest import fresh_database
from tests.console.conftest import JSON, client, error, working

pytestmark = pytest.mark.anyio


def _cli_json(database_url: str, run_id: int, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["--db", database_url, "runs", "show", str(run_id), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


async def test_an_import_answers_202_and_the_same_run_on_every_repeat(
    api, service, synced, event, capsys
):
    _, ev = event
    first = await api.post(f"/api/events/{ev.event_id}/ingest", json={})
    assert first.status_code == 202
    run_id = first.json()["run_id"]
    assert first.headers["location"] == f"/api/runs/{run_id}"
    assert first.json()["status"] == "queued"
    # a client that timed out and retries, a user clicking five times: one job
    for _ in range(5):
        again = await api.post(f"/api/events/{ev.event_id}/ingest", json={"force": False})
        assert (again.status_code, again.json()["run_id"], again.json()["status"]) == (
            202,
            run_id,
            "queued",
        )
    with use_database(service.db):
        assert IngestionRun.select().where(IngestionRun.operation == "ingest_event").count() == 1

    # `run` is what the CLI prints, field for field
    queued = first.json()["run"]
    assert queued == _cli_json(synced.database_url, run_id, capsys)
    assert (queued["id"], queued["status"], queued["operation"], queued["target"]) == (
        run_id,
        "queued",
        "ingest_event",
        str(ev.event_id),
    )

    Worker(service, until_idle=True).run()

    done = await api.get(f"/api/runs/{run_id}")
    assert done.status_code == 200
    assert done.json() == _cli_json(synced.database_url, run_id, capsys)
    assert done.json()["status"] == "succeeded"
    assert done.json()["progress"]["done"] == done.json()["progress"]["total"] == len(ev.races) + 2


async def test_an_imported_event_answers_200_already_complete_unless_forced(
    api, service, synced, event
):
    _, ev = event
    await api.post(f"/api/events/{ev.event_id}/ingest", json={})
    Worker(service, until_idle=True).run()

    complete = await api.post(f"/api/events/{ev.event_id}/ingest", json={})
    assert complete.status_code == 200
    assert "location" not in complete.headers
    body = complete.json()
    assert body["status"] == "already_complete"
    assert (body["run"]["id"], body["run"]["status"]) == (body["run_id"], "already_complete")
    assert body["run"]["finished_at"] is not None
    assert service.jobs_pending() == 0

    forced = await api.post(f"/api/events/{ev.event_id}/ingest", json={"force": True})
    assert (forced.status_code, forced.json()["status"]) == (202, "queued")


async def test_wait_answers_200_with_the_finished_run_when_it_ends_in_time(
    api, service, synced, event
):
    _, ev = event
    with working(service):
        answer = await api.post(f"/api/events/{ev.event_id}/ingest?wait=30", json={})
    assert answer.status_code == 200
    body = answer.json()
    assert (body["status"], body["run"]["status"]) == ("succeeded", "succeeded")
    assert body["run"]["progress"]["done"] == len(ev.races) + 2


async def test_wait_answers_202_in_progress_when_the_run_outlives_it(
    api, service, synced, event, simulator
):
    _, ev = event
    simulator.latency = 0.3
    with working(service):
        started = await api.post(f"/api/events/{ev.event_id}/ingest", json={})
        run_id = started.json()["run_id"]
        while (await api.get(f"/api/runs/{run_id}")).json()["status"] != "running":
            await asyncio.sleep(0.05)
        answer = await api.post(f"/api/events/{ev.event_id}/ingest?wait=0.5", json={})
        assert answer.status_code == 202
        assert (answer.json()["run_id"], answer.json()["status"]) == (run_id, "in_progress")
        assert answer.json()["run"]["status"] == "running"  # the run itself, as the CLI says
        assert answer.headers["location"] == f"/api/runs/{run_id}"
        simulator.latency = 0.0


async def test_a_client_that_drops_its_connection_never_cancels_the_job(
    api, service, synced, event, simulator
):
    _, ev = event
    simulator.latency = 0.1
    with working(service):
        waiting = asyncio.create_task(
            api.post(f"/api/events/{ev.event_id}/ingest?wait=30", json={})
        )
        with use_database(service.db):
            while not Race.select().exists():
                await asyncio.sleep(0.05)
        waiting.cancel()  # the client goes away mid-wait
        with pytest.raises(asyncio.CancelledError):
            await waiting
        with use_database(service.db):
            run_id = IngestionRun.get(IngestionRun.operation == "ingest_event").id
        simulator.latency = 0.0
        ended = await api.get(f"/api/runs/{run_id}")
        while ended.json()["status"] in ("queued", "running"):
            await asyncio.sleep(0.05)
            ended = await api.get(f"/api/runs/{run_id}")
    assert ended.json()["status"] == "succeeded"
    assert ended.json()["progress"]["done"] == len(ev.races) + 2


async def test_a_queued_job_cancelled_is_cancelled_at_once(api, service, synced, event):
    _, ev = event
    run_id = (await api.post(f"/api/events/{ev.event_id}/ingest", json={})).json()["run_id"]
    cancelled = await api.delete(f"/api/runs/{run_id}", headers=JSON)
    assert cancelled.status_code == 200
    body = cancelled.json()
    assert (body["run_id"], body["status"]) == (run_id, "cancelled")
    assert (body["run"]["error_code"], body["run"]["error_message"]) == (
        "cancelled",
        "cancelled before it started",
    )
    # cancelling again leaves it as it is
    again = await api.delete(f"/api/runs/{run_id}", headers=JSON)
    assert (again.status_code, again.json()["status"]) == (200, "cancelled")
    # and asking again makes a new job
    new = await api.post(f"/api/events/{ev.event_id}/ingest", json={})
    assert (new.status_code, new.json()["status"]) == (202, "queued")
    assert new.json()["run_id"] != run_id


async def test_a_running_import_cancelled_stops_at_its_next_race(
    api, service, synced, event, simulator
):
    _, ev = event
    simulator.latency = 0.2
    with working(service):
        run_id = (await api.post(f"/api/events/{ev.event_id}/ingest", json={})).json()["run_id"]
        with use_database(service.db):
            while Race.select().count() < 2:
                await asyncio.sleep(0.05)
        asked = await api.delete(f"/api/runs/{run_id}", headers=JSON)
        # accepted: it stops at its next whole race
        assert (asked.status_code, asked.json()["status"]) == (202, "in_progress")
        assert asked.headers["location"] == f"/api/runs/{run_id}"
        ended = await api.get(f"/api/runs/{run_id}")
        while ended.json()["status"] == "running":
            await asyncio.sleep(0.05)
            ended = await api.get(f"/api/runs/{run_id}")
    assert (ended.json()["status"], ended.json()["error_code"]) == ("cancelled", "cancelled")
    with use_database(service.db):
        assert 2 <= Race.select().count() < len(ev.races)


async def test_a_track_sync_and_an_event_sync_are_jobs_too(api, service, site):
    tracks = await api.post("/api/tracks/sync", json={})
    assert (tracks.status_code, tracks.json()["status"]) == (202, "queued")
    assert tracks.json()["run"]["operation"] == "sync_tracks"
    Worker(service, until_idle=True).run()
    assert (await api.get(f"/api/runs/{tracks.json()['run_id']}")).json()["status"] == "succeeded"

    slug = site.tracks[0].slug.lower()
    events = await api.post(f"/api/tracks/{slug}/events/sync", json={"depth": "none"})
    assert (events.status_code, events.json()["status"]) == (202, "queued")
    assert (events.json()["run"]["operation"], events.json()["run"]["target"]) == (
        "refresh_events",
        slug,
    )
    Worker(service, until_idle=True).run()
    found = (await api.get(f"/api/events?track={slug}")).json()
    assert found["total"] == len(site.tracks[0].events)


async def test_an_event_sync_with_laps_full_queues_its_events_under_it(api, service, site):
    await api.post("/api/tracks/sync?wait=0", json={})
    Worker(service, until_idle=True).run()
    track = site.tracks[0]
    parent = await api.post(
        f"/api/tracks/{track.slug.lower()}/events/sync",
        json={"depth": "laps_full", "ingest_all": True},
    )
    Worker(service, until_idle=True).run()
    run = (await api.get(f"/api/runs/{parent.json()['run_id']}")).json()
    assert run["status"] == "succeeded"
    assert sorted((c["operation"], c["target"], c["status"]) for c in run["children"]) == sorted(
        ("ingest_event", str(e.event_id), "succeeded") for e in track.events if e.races
    )


@pytest.mark.parametrize(
    ("url", "body", "status", "code"),
    [
        ("/api/events/999999999/ingest", {}, 404, "not_found"),
        ("/api/events/id:abc/ingest", {}, 400, "usage"),
        ("/api/events/%20/ingest", {}, 400, "usage"),
        ("/api/events/1/ingest", {"force": "maybe"}, 422, "usage"),
        ("/api/events/1/ingest", {"depth": "laps_full"}, 422, "usage"),  # no such field
        ("/api/events/1/ingest?wait=31", {}, 422, "usage"),
        ("/api/events/1/ingest?wait=-1", {}, 422, "usage"),
        ("/api/events/1/ingest?wait=soon", {}, 422, "usage"),
        ("/api/tracks/nowhere/events/sync", {}, 404, "not_found"),
        ("/api/tracks/x/events/sync", {"depth": "laps_partial"}, 422, "usage"),
        ("/api/tracks/sync", {"source": "nosuchsite"}, 400, "usage"),
        ("/api/tracks/sync", [], 422, "usage"),
    ],
)
async def test_a_bad_job_request_is_refused_with_the_cli_s_error_code(
    api, synced, url, body, status, code
):
    assert error(await api.post(url, json=body)) == (status, code)


async def test_bad_json_is_a_422_usage_error(api, synced, event):
    _, ev = event
    answer = await api.post(
        f"/api/events/{ev.event_id}/ingest", content=b'{"force": tr', headers=JSON
    )
    assert error(answer) == (422, "usage")
    assert "JSON" in answer.json()["error"]["message"]


async def test_a_run_that_does_not_exist_is_404(api):
    for request in (api.get("/api/runs/12345"), api.delete("/api/runs/12345", headers=JSON)):
        answer = await request
        assert error(answer) == (404, "not_found")
        assert answer.json()["error"]["message"] == (
            "run 12345 does not exist (see `mre runs list`)"
        )
    assert error(await api.get(f"/api/runs/{2**70}")) == (404, "not_found")
    assert error(await api.get("/api/runs/abc")) == (422, "usage")


async def test_on_postgresql_the_same_contract_holds(synced, event, tmp_path):
    """Submissions go through procrastinate there: still one run for every repeat."""
    _, ev = event
    with fresh_database("postgresql", tmp_path) as url:
        settings = replace(synced, database_url=url)
        with IngestionService.open(settings=settings) as service:
            service.sync_tracks("liverc")
            service.refresh_events(str(event[0].slug.lower()))

            async with client(create_app(service)) as api:
                first = await api.post(f"/api/events/{ev.event_id}/ingest", json={})
                again = await api.post(f"/api/events/{ev.event_id}/ingest", json={})
                assert (first.status_code, again.status_code) == (202, 202)
                assert first.json()["run_id"] == again.json()["run_id"]
                with working(service):
                    done = await api.post(f"/api/events/{ev.event_id}/ingest?wait=30", json={})
                assert (done.status_code, done.json()["status"]) == (200, "succeeded")
                complete = await api.post(f"/api/events/{ev.event_id}/ingest", json={})
                assert complete.json()["status"] == "already_complete"
