"""The `mre` command end to end, replaying the bundled cassette (no network, no ../shared)."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
import typer

import mre_liverc
from mre_core import __version__
from mre_core.cli.main import app, global_options_of, main
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings
from mre_core.storage.models import Event, Lap, Race, RaceResult, Track
from tests.liverc_site.demo import DEMO_CASSETTE, ROOT, demo_commands, demo_event, demo_site
from tests.snapshot import snapshot

SITE = demo_site()
TRACK, EVENT = demo_event(SITE)
SLUG, EVENT_ID = TRACK.slug.lower(), str(EVENT.event_id)


@pytest.fixture
def mre(db_url, capsys):
    """Run `mre --db <db> --replay demo.yaml ARGS`; returns (exit code, stdout, stderr)."""

    def run(*args: str, replay: Path | None = DEMO_CASSETTE):
        prefix = ["--db", db_url] + (["--replay", str(replay)] if replay else [])
        code = main([*prefix, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def counts(db_url):
    """Rows per table, the demo event's depth, and the whole content."""
    with IngestionService.open(db_url):
        event = Event.get_or_none(Event.source_event_id == EVENT_ID)
        return {
            "tracks": Track.select().count(),
            "events": Event.select().count(),
            "races": Race.select().count(),
            "results": RaceResult.select().count(),
            "laps": Lap.select().count(),
            "depth": event.ingest_depth if event else None,
        }, snapshot()


def test_the_demo_script_runs_the_same_commands_as_the_cassette_holds():
    script = (ROOT / "examples" / "demo.sh").read_text()
    lines = [shlex.split(line)[1:] for line in script.splitlines() if line.startswith("mre_ ")]
    assert lines[:3] == demo_commands(SITE)
    assert lines[3] == ["events", "show", EVENT_ID]


def test_three_operations_through_the_cli_with_replay_then_idempotent(mre, db_url):
    code, out, _ = mre("tracks", "sync")
    assert code == 0
    assert "sync_tracks catalogue: succeeded, 1 request" in out
    code, out, _ = mre("events", "refresh", "--track-id", SLUG, "--depth", "none")
    assert code == 0
    assert f"new: {', '.join(str(e.event_id) for e in TRACK.events)}" in out
    code, out, _ = mre("events", "ingest", "--event", EVENT_ID, "--depth", "laps_full")
    assert code == 0
    assert f"ingest_event {EVENT_ID}: succeeded, {len(EVENT.races) + 2} requests" in out

    first, content = counts(db_url)
    assert first == {
        "tracks": len(SITE.tracks),
        "events": len(TRACK.events),
        "races": len(EVENT.races),
        "results": sum(len(r.results) for r in EVENT.races),
        "laps": sum(r.total_laps for r in EVENT.races),
        "depth": "laps_full",
    }

    assert mre("tracks", "sync")[0] == 0
    assert mre("events", "refresh", "--track-id", SLUG, "--depth", "none")[0] == 0
    code, out, _ = mre("events", "ingest", "--event", EVENT_ID, "--depth", "laps_full")
    assert (code, f"ingest_event {EVENT_ID}: already_complete, 0 requests" in out) == (0, True)
    code, out, _ = mre("events", "ingest", "--event", EVENT_ID, "--depth", "laps_full", "--force")
    assert code == 0
    assert "laps           0    0" in out  # no lap new or updated
    assert counts(db_url) == (first, content)


@pytest.mark.parametrize(
    "spelling",
    [
        [
            "ingest",
            "--source",
            "liverc",
            "refresh-events",
            "--track-id",
            SLUG,
            "--depth",
            "laps_full",
        ],
        ["ingest", "liverc", "refresh-events", "--track-id", SLUG, "--depth", "laps_full"],
        ["events", "refresh", "--track-id", SLUG, "--depth", "laps_full", "--ingest-new-only"],
    ],
)
def test_refresh_spellings_ingest_the_new_event(mre, db_url, spelling):
    assert mre("tracks", "sync")[0] == 0
    code, out, err = mre(*spelling)
    assert code == 0, err
    assert f"event {EVENT_ID}: succeeded" in out
    # The other event is listed with 0 entries: nothing to ingest, so no request
    # (its entry list is not even in the cassette).
    empty = next(e for e in TRACK.events if not e.races)
    assert f"not ingesting {empty.event_id} listed with no entries" in err
    assert counts(db_url)[0]["depth"] == "laps_full"


@pytest.mark.parametrize(
    "spelling",
    [
        ["events", "ingest", "--event", EVENT_ID, "--depth", "laps_full"],
        [
            "ingest",
            "--source",
            "liverc",
            "ingest-event",
            "--event-id",
            EVENT_ID,
            "--depth",
            "laps_full",
        ],
        ["ingest", "liverc", "ingest-event", "--event-id", EVENT_ID, "--depth", "laps_full"],
    ],
)
def test_ingest_spellings(mre, db_url, spelling):
    assert mre("tracks", "sync")[0] == 0
    assert mre("events", "refresh", "--track-id", SLUG)[0] == 0
    code, _, err = mre(*spelling)
    assert code == 0, err
    assert counts(db_url)[0]["laps"] == sum(r.total_laps for r in EVENT.races)


def test_ids_may_be_internal_and_global_options_may_come_last(mre, db_url):
    assert mre("tracks", "sync")[0] == 0
    tracks = json.loads(mre("tracks", "list", "--json")[1])
    track_id = next(t["id"] for t in tracks if t["slug"] == SLUG)
    assert mre("events", "refresh", "--track-id", f"id:{track_id}")[0] == 0
    events = json.loads(mre("events", "list", "--track-id", SLUG, "--json")[1])
    internal = next(e["id"] for e in events if e["source_event_id"] == EVENT_ID)
    args = ["events", "ingest", "--event", f"id:{internal}"]
    code = main([*args, "--db", db_url, "--replay", str(DEMO_CASSETTE)])
    assert code == 0


def test_events_show_prints_races_results_and_fastest_laps(mre):
    for args in demo_commands(SITE):
        assert mre(*args)[0] == 0
    code, out, _ = mre("events", "show", EVENT_ID, replay=None)
    assert code == 0
    last = EVENT.races[-1]
    winner = last.results[0]
    assert EVENT.name in out
    assert last.label in out
    assert winner.driver.display_name in out
    assert "Fastest laps" in out
    code, out, _ = mre("events", "show", EVENT_ID, "--json", "--laps", replay=None)
    detail = json.loads(out)
    race = detail["races"][-1]
    assert (race["source_race_id"], race["label"]) == (str(last.race_id), last.label)
    assert race["results"][0]["driver"] == winner.driver.display_name
    assert [lap["lap"] for lap in race["results"][0]["lap_times"]] == list(
        range(1, winner.lap_count + 1)
    )


# --- bad input: one line, its exit code, nothing written ----------------------------


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("mre: error:"), err
    assert "Traceback" not in err
    return lines[-1]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["tracks", "sync", "--source", "nosuch"],
            2,
            "unknown source 'nosuch' (installed: liverc)",
        ),
        (["events", "refresh", "--track-id", "nosuch"], 3, "track 'nosuch' is not in the database"),
        (["events", "ingest", "--event", "999"], 3, "event '999' is not in the database"),
        (["events", "ingest", "--event", "id:x"], 2, "an internal id is a number"),
        (["events", "ingest", "--event", "1", "--depth", "none"], 2, "Invalid value for '--depth'"),
        (
            ["events", "refresh", "--track-id", SLUG, "--depth", "deep"],
            2,
            "Invalid value for '--depth'",
        ),
        (["events", "show"], 2, "Missing argument"),
        (["tracks", "frobnicate"], 2, "No such command"),
    ],
)
def test_bad_input(mre, db_url, args, code, message):
    result, _, err = mre(*args)
    assert result == code
    assert message in one_error_line(err)
    assert all(not rows for rows in counts(db_url)[1].values())


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["tracks", "list", "--bogus"],
            "mre: error: No such option: --bogus (see 'mre tracks list --help')",
        ),
        (
            ["events", "show"],
            "mre: error: Missing argument 'event'. (see 'mre events show --help')",
        ),
        (
            ["runs", "list", "--status", "lost"],
            "mre: error: Invalid value for --status: must be one of queued, running, "
            "succeeded, failed, already_complete, cancelled (see 'mre runs list --help')",
        ),
    ],
)
def test_bad_options_and_arguments_are_one_line_too(capsys, args, line):
    assert main(args) == 2
    assert capsys.readouterr().err == line + "\n"


def test_a_group_run_bare_shows_its_help(capsys):
    assert main(["tracks"]) == 2
    assert capsys.readouterr().err.startswith("Usage: mre tracks [OPTIONS] COMMAND [ARGS]...")


@pytest.mark.parametrize(
    ("variable", "value"),
    [("MRE_LOG_LEVEL", "LOUD"), ("MRE_LOG_FORMAT", "xml"), ("MRE_HTTP_CONCURRENCY", "two")],
)
def test_a_bad_setting_in_the_environment_is_a_usage_error(
    tmp_path, capsys, monkeypatch, variable, value
):
    monkeypatch.setenv(variable, value)
    database = tmp_path / "never.db"
    assert main(["--db", f"sqlite:///{database}", "tracks", "list"]) == 2
    assert one_error_line(capsys.readouterr().err).startswith(
        f"mre: error: {variable}={value!r} is not "
    )
    assert not database.exists()


@pytest.mark.parametrize(("level", "logged"), [("info", True), ("Warning", False)])
def test_log_level_and_format_come_from_the_settings_in_any_case(mre, monkeypatch, level, logged):
    monkeypatch.setenv("MRE_LOG_LEVEL", level)
    monkeypatch.setenv("MRE_LOG_FORMAT", "JSON")
    assert (Settings.from_env().log_level, Settings.from_env().log_format) == (
        level.upper(),
        "json",
    )
    code, _, err = mre("tracks", "sync")
    assert code == 0
    lines = [json.loads(line) for line in err.splitlines()]
    gets = [line for line in lines if line["message"].startswith("GET https://live.liverc.com/")]
    assert [line["level"] for line in gets] == (["INFO"] if logged else [])


def test_a_request_missing_from_the_cassette_names_the_url(mre, tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("interactions: []\nversion: 1\n")
    code, _, err = mre("tracks", "sync", replay=empty)
    assert code == 5
    assert one_error_line(err) == (
        f"mre: error: https://live.liverc.com/ is not in cassette {empty} "
        "(replay never uses the network)"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        ("{not yaml: [", "is not a cassette"),
        ("just: text\n", "no 'interactions' list"),
    ],
)
def test_a_bad_cassette_is_refused_before_the_database_is_touched(
    tmp_path, capsys, content, message
):
    cassette = tmp_path / "c.yaml"
    if content is not None:
        cassette.write_text(content)
    database = tmp_path / "never.db"
    code = main(["--db", f"sqlite:///{database}", "--replay", str(cassette), "tracks", "sync"])
    assert code == 2
    assert message in one_error_line(capsys.readouterr().err)
    assert not database.exists()


@pytest.mark.parametrize(
    ("url", "code", "message"),
    [
        ("mysql://x/y", 2, "is not supported"),
        ("sqlite:///", 2, "names no file"),
        ("postgresql://nobody@127.0.0.1:1/x", 7, "cannot open database"),
        ("sqlite:////proc/forbidden/x.db", 7, "cannot create folder"),
    ],
)
def test_a_database_that_cannot_be_opened(capsys, url, code, message):
    assert main(["--db", url, "tracks", "list"]) == code
    assert message in one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not yaml: [", "is not a cassette"),
        ("just: text\n", "no 'interactions' list"),
        ("", "no 'interactions' list"),
    ],
)
def test_record_refuses_an_existing_file_that_is_not_a_cassette(tmp_path, capsys, content, message):
    notes = tmp_path / "notes.yaml"
    notes.write_text(content)
    database = tmp_path / "never.db"
    code = main(["--db", f"sqlite:///{database}", "--record", str(notes), "tracks", "sync"])
    assert code == 2
    assert message in one_error_line(capsys.readouterr().err)
    assert notes.read_text() == content
    assert not database.exists()


def test_replay_and_record_together_is_a_usage_error(mre, tmp_path):
    code, _, err = mre("--record", str(tmp_path / "x.yaml"), "tracks", "sync")
    assert code == 2
    assert "cannot be used together" in one_error_line(err)


def test_every_global_option_may_follow_the_subcommand(capsys, db_url):
    assert main(["tracks", "list", "--version"]) == 0
    assert capsys.readouterr().out == f"mre {__version__}\n"
    assert main(["tracks", "list", "--json", "-q", "--db", db_url]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_no_subcommand_reuses_a_global_option_name():
    """Global options are moved to the front wherever they are: no command may mean another."""
    root = typer.main.get_command(app)
    globals_ = set(global_options_of(root))
    assert {"--db", "--replay", "--record", "--log-json", "-v", "-q", "--version"} <= globals_

    def walk(command):
        for param in command.params:
            yield from (*param.opts, *param.secondary_opts)
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub)

    clashes = {name for sub in root.commands.values() for name in walk(sub) if name in globals_}
    assert clashes == set()


COMMANDS = [
    [],
    ["tracks"],
    ["tracks", "sync"],
    ["tracks", "list"],
    ["events"],
    ["events", "refresh"],
    ["events", "ingest"],
    ["events", "list"],
    ["events", "show"],
    ["ingest"],
    ["ingest", "refresh-events"],
    ["ingest", "ingest-event"],
    ["connectors"],
    ["connectors", "list"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "mre")
def test_every_command_has_help(capsys, command):
    assert main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Usage: mre {' '.join(command)}".rstrip())


def test_connectors_list(capsys):
    assert main(["connectors", "list"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"liverc {mre_liverc.__version__}  hosts: live.liverc.com, *.liverc.com"
    )


def test_an_internal_id_too_long_for_any_row_is_not_found(mre):
    code, _, err = mre("events", "show", "id:" + "9" * 23)
    assert (code, err.splitlines()[-1]) == (
        3,
        f"mre: error: event 'id:{'9' * 23}' is not in the database: run `mre events refresh "
        "--track-id TRACK --depth none` for its track first",
    )
