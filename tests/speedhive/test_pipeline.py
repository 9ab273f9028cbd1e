"""The whole pipeline through `mre`, on the demo cassette and on the example site on loopback.

`tracks add` looks the organization up, `events refresh` lists its RC
events, `events ingest` reads every session and lap; a second ingest
writes nothing, forced or not. Live (on loopback) the API key goes with
every request when set and never into a recorded cassette, and Speedhive
draws on a politeness budget of its own, beside LiveRC's.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from mre_speedhive import urls

from mre_core.cli.main import main
from tests.liverc_site.demo import DEMO_CASSETTE as LIVERC_CASSETTE
from tests.liverc_site.demo import demo_commands, demo_site
from tests.speedhive import site
from tests.speedhive.cassette import DEMO_CASSETTE, cassette_text
from tests.speedhive.server import SiteServer

ORG, EVENT = site.ORG_ID, site.EVENT_ID
HOST = "eventresults-api.speedhive.com"


def mre(capsys, db: str, *args: str, replay: Path | None = DEMO_CASSETTE, record=None) -> dict:
    """Run `mre ... --json`; its report (or what it prints) as JSON."""
    capsys.readouterr()
    tape = ["--replay", str(replay)] if replay else []
    tape += ["--record", str(record)] if record else []
    code = main(["-q", "--db", db, *tape, *args, "--json"])
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out)


def pipeline(capsys, db: str, **tape) -> list[dict]:
    return [
        mre(capsys, db, "tracks", "add", "--source", "speedhive", ORG, **tape),
        mre(capsys, db, "events", "refresh", "--track-id", ORG, "--source", "speedhive", **tape),
        mre(capsys, db, "events", "ingest", "--event", EVENT, "--source", "speedhive", **tape),
    ]


def written(report: dict) -> int:
    return sum(c["new"] + c["updated"] for c in report["counts"].values())


def test_the_demo_cassette_is_what_the_example_site_writes_today():
    assert DEMO_CASSETTE.read_text(encoding="utf-8") == cassette_text(), (
        "the example site changed: python -m tests.speedhive.cassette"
    )


def test_the_whole_pipeline_from_the_cassette(capsys, tmp_path):
    db = f"sqlite:///{tmp_path / 'mre.db'}"
    added, refreshed, ingested = pipeline(capsys, db)
    assert (added["status"], added["requests"], added["counts"]["tracks"]["new"]) == (
        "succeeded",
        1,
        1,
    )
    assert (refreshed["requests"], refreshed["created"]) == (1, ["700101", "700102"])
    # 1 (sessions) + 4 sessions x (1 classification + a lap page per driver who started: 3,3,2,3)
    assert (ingested["status"], ingested["requests"]) == ("succeeded", 1 + 4 + 11)
    assert {table: c["new"] for table, c in ingested["counts"].items()} == {
        "drivers": 5,
        "races": 4,
        "event_entries": 6,
        "race_drivers": 12,
        "race_results": 12,
        "laps": 36,
        "events": 0,
    }

    shown = mre(capsys, db, "events", "show", EVENT, "--laps", replay=None)
    assert (shown["source"], shown["name"], shown["date"], shown["track"]) == (
        "speedhive",
        "Winter Series Round 1",
        "2026-01-17T00:00:00",
        {"slug": "5150", "name": "Synthetic Valley RC Club"},
    )
    races = [
        (r["order"], r["source_race_id"], r["round"], r["class_name"], r["label"])
        for r in shown["races"]
    ]
    assert races == [
        (1, "800011", "Qualifying", "2WD Buggy", "Qualifier 1"),
        (2, "800012", "Qualifying", "4WD Buggy", "Qualifier 1"),
        (3, "800013", "Finals", "2WD Buggy", "A Final"),
        (4, "800014", "Finals", "4WD Buggy", "A Final"),
    ]
    results = {
        r["source_race_id"]: [
            (
                x["position"],
                x["car_number"],
                x["driver"],
                x["laps"],
                x["total_time"],
                x["behind"],
                x["fast_lap_time"],
                x["fast_lap_number"],
                x["qualifying_position"],
                x["started"],
            )
            for x in r["results"]
        ]
        for r in shown["races"]
    }
    assert results == {
        "800011": [
            (1, "7", "Anna Berg", 4, 123.5, "-", 30.5, 3, None, True),
            (2, "12", "Jörg Müller", 4, 158.1, "+34.600", 31.655, 3, None, True),
            (3, "3", "Chris Day", 3, 99.75, "+1 lap", 33.0, 1, None, True),
        ],
        "800012": [
            (1, "5", "Eli Ford", 3, 88.5, "-", 29.25, 2, None, True),
            (2, "33", "Chris Day", 3, 90.5, "+2.000", 30.0, 2, None, True),
            (3, "21", "Dee Evans", 1, 35.0, "+2 laps", 35.0, 1, None, True),
        ],
        "800013": [
            (1, "3", "Chris Day", 5, 154.8, "-", 30.8, 3, 3, True),
            (2, "7", "Anna Berg", 5, 155.6, "+0.800", 31.0, 2, 1, True),
            (3, "12", "Jörg Müller", 0, None, None, None, None, None, False),
        ],
        "800014": [
            (1, "5", "Eli Ford", 3, 87.6, "-", 29.0, 1, 1, True),  # lap 0 (3.100) is no lap
            (2, "21", "Dee Evans", 3, 90.75, "+3.150", 30.0, 1, 3, True),
            (3, "33", "Chris Day", 2, 62.5, "+1 lap", 31.0, 1, 2, True),
        ],
    }
    anna_final = shown["races"][2]["results"][1]
    assert [(lap["lap"], lap["time"], lap["position"]) for lap in anna_final["lap_times"]] == [
        (1, 31.2, 2),
        (2, 31.0, 2),
        (3, 31.3, 2),
        (4, 31.1, 2),
        (5, 31.0, 2),
    ]
    assert sum(len(x["lap_times"]) for r in shown["races"] for x in r["results"]) == 36
    # A MyLaps account is the driver's id; without one (or with the empty Guid), the
    # driver is known by name within the event.
    drivers = {x["driver"]: x["source_driver_id"] for r in shown["races"] for x in r["results"]}
    assert drivers == {
        "Anna Berg": "a1b2c3d4-0000-4000-8000-000000000001",
        "Jörg Müller": "entry_700101_jorg-muller",
        "Chris Day": "a1b2c3d4-0000-4000-8000-000000000003",
        "Dee Evans": "entry_700101_dee-evans",
        "Eli Ford": "a1b2c3d4-0000-4000-8000-000000000005",
    }

    again = mre(capsys, db, "events", "ingest", "--event", EVENT, "--source", "speedhive")
    assert (again["status"], again["requests"], written(again)) == ("already_complete", 0, 0)
    forced = mre(capsys, db, "events", "ingest", "--event", EVENT, "--force")
    assert (forced["status"], forced["requests"], written(forced)) == ("succeeded", 16, 0)
    assert forced["counts"]["laps"]["unchanged"] == 36


def test_an_id_that_cannot_be_speedhives_is_a_usage_error(capsys, tmp_path):
    db = f"sqlite:///{tmp_path / 'mre.db'}"
    code = main(
        [
            "--db",
            db,
            "--replay",
            str(DEMO_CASSETTE),
            "tracks",
            "add",
            "--source",
            "speedhive",
            "club-5150",
        ]
    )
    assert code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "mre: error: 'club-5150' is not a Speedhive organization id (digits, no leading zero)"
    )


def test_the_api_key_is_sent_when_set_and_never_recorded(capsys, tmp_path, monkeypatch):
    cassette = tmp_path / "recorded.yaml"
    with SiteServer(site.answers()) as server:
        monkeypatch.setenv("MRE_HTTP_RESOLVE", f"{HOST}=127.0.0.1:{server.port}")
        monkeypatch.setenv("MRE_SPEEDHIVE_API_KEY", "s3cr3t-key")
        reports = pipeline(capsys, f"sqlite:///{tmp_path / 'mre.db'}", replay=None, record=cassette)
    assert [r["status"] for r in reports] == ["succeeded"] * 3
    assert len(server.requests) == 18
    assert {h.get("apikey") for _, h in server.requests} == {"s3cr3t-key"}
    assert {h.get("accept") for _, h in server.requests} == {"application/json"}
    recorded = cassette.read_text(encoding="utf-8")
    assert "s3cr3t-key" not in recorded
    assert recorded.count("uri: https://eventresults-api.speedhive.com/") == 18

    monkeypatch.delenv("MRE_SPEEDHIVE_API_KEY")
    with SiteServer(site.answers()) as server:
        monkeypatch.setenv("MRE_HTTP_RESOLVE", f"{HOST}=127.0.0.1:{server.port}")
        mre(
            capsys,
            f"sqlite:///{tmp_path / 'other.db'}",
            "tracks",
            "add",
            "--source",
            "speedhive",
            ORG,
            replay=None,
        )
    [(path, headers)] = server.requests
    assert path == "/api/v0.2.3/eventresults/organizations/5150"
    assert "apikey" not in headers


def _rows(database: Path) -> dict[str, set[tuple]]:
    tables = (
        "tracks",
        "events",
        "races",
        "drivers",
        "event_entries",
        "race_drivers",
        "race_results",
        "laps",
    )
    with sqlite3.connect(database) as db:
        return {t: set(db.execute(f"SELECT * FROM {t}")) for t in tables}


def _budgets(database: Path) -> dict[str, tuple]:
    with sqlite3.connect(database) as db:
        return {row[0]: row for row in db.execute("SELECT site, * FROM site_budgets")}


def test_with_liverc_installed_too_neither_touches_the_others_rows_or_budget(
    capsys, tmp_path, monkeypatch, simulator
):
    database = tmp_path / "both.db"
    db = f"sqlite:///{database}"
    for args in demo_commands(demo_site()):
        assert main(["-q", "--db", db, "--replay", str(LIVERC_CASSETTE), *args]) == 0
    with SiteServer(site.answers()) as server:
        monkeypatch.setenv(
            "MRE_HTTP_RESOLVE",
            f"*.liverc.com=127.0.0.1:{simulator.port},{HOST}=127.0.0.1:{server.port}",
        )
        mre(capsys, db, "tracks", "sync", "--source", "liverc", replay=None)  # live: a budget
        liverc_rows, liverc_budget = _rows(database), _budgets(database)["liverc"]
        assert len(liverc_rows["laps"]) > 0
        reports = pipeline(capsys, db, replay=None)
    assert [r["requests"] for r in reports] == [1, 1, 16]
    assert len(server.requests) == 18

    after = _rows(database)
    for table, rows in liverc_rows.items():
        assert rows <= after[table], f"{table}: a LiveRC row changed"
    with sqlite3.connect(database) as con:
        sources = dict(con.execute("SELECT source, COUNT(*) FROM events GROUP BY source"))
    assert sources["speedhive"] == 2
    budgets = _budgets(database)
    assert sorted(budgets) == ["liverc", "speedhive"]
    assert budgets["liverc"] == liverc_budget  # Speedhive's 18 requests drew on its own


def test_an_answer_that_cannot_be_read_fails_the_run_with_exit_4_naming_it(
    capsys, tmp_path, monkeypatch
):
    answers = site.answers()
    bad = urls.laps_url("800013", 2)
    answers[bad]["laps"][3]["lapTime"] = "31,100"
    db = f"sqlite:///{tmp_path / 'mre.db'}"
    with SiteServer(answers) as server:
        monkeypatch.setenv("MRE_HTTP_RESOLVE", f"{HOST}=127.0.0.1:{server.port}")
        mre(capsys, db, "tracks", "add", "--source", "speedhive", ORG, replay=None)
        mre(capsys, db, "events", "refresh", "--track-id", ORG, replay=None)
        code = main(["-q", "--db", db, "events", "ingest", "--event", EVENT])
    assert code == 4
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"mre: error: cannot read {bad}: laps[3].lapTime: '31,100' is not a time"
    )
    with sqlite3.connect(tmp_path / "mre.db") as con:
        races = [r for (r,) in con.execute("SELECT source_race_id FROM races ORDER BY 1")]
    assert "800013" not in races  # nothing of the race that could not be read
