"""The `mre` command end to end, replaying the bundled cassette (no network, no ../shared)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import mre_speedhive
import pytest
import typer

import mre_liverc
from mre_core import __version__
from mre_core.cli.main import app, global_options_of, main
from mre_core.kit.snapshot import snapshot
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings
from mre_core.storage.models import RUN_STATUSES, Event, Lap, Race, RaceResult, Track
from tests.liverc_site.demo import DEMO_CASSETTE, ROOT, demo_commands, demo_event, demo_site

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


@pytest.fixture
def existing(db_url, capsys):
    """The database made (empty) before the test's commands, its log lines read out."""
    IngestionService.open(db_url).close()
    capsys.readouterr()


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
            "unknown source 'nosuch' (installed: liverc, speedhive)",
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
            "mre: error: Missing argument 'EVENT'. (see 'mre events show --help')",
        ),
        (
            ["runs", "list", "--status", "lost"],
            f"mre: error: Invalid value for --status: must be one of {', '.join(RUN_STATUSES)} "
            "(see 'mre runs list --help')",
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
    assert main(["--db", url, "users", "add", "Felix"]) == code
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


def test_every_global_option_may_follow_the_subcommand(capsys, db_url, existing):
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


def test_connectors_list(capsys):
    assert main(["connectors", "list"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"liverc {mre_liverc.__version__}  contract 1.1  "
        "can: catalogue, entry_list, laps, practice  "
        "hosts: live.liverc.com, *.liverc.com\n"
        f"speedhive {mre_speedhive.__version__}  contract 1.0  can: track_lookup, laps  "
        "hosts: eventresults-api.speedhive.com"
    )


def test_an_internal_id_too_long_for_any_row_is_not_found(mre, existing):
    code, _, err = mre("events", "show", "id:" + "9" * 23)
    assert (code, err.splitlines()[-1]) == (
        3,
        f"mre: error: event 'id:{'9' * 23}' is not in the database: run `mre events refresh "
        "--track-id TRACK --depth none` for its track first",
    )


# --- what each format prints; piped, a table shows every value in full ------------------


def demo_ingested(mre) -> None:  # type: ignore[no-untyped-def]
    for args in demo_commands(SITE):
        assert mre("-q", *args)[0] == 0


TRACKS_TABLE = (
    "id  source  slug                     name                          active\n"
    "3   liverc  dirtcity                 Dirt City RC Raceway          yes\n"
    "1   liverc  quickanddirtyrcandhobby  Quick and Dirty RC and Hobby  yes\n"
    "2   liverc  synthtrack               Synth Track Model Car Club    yes\n"
    "3 tracks\n"
)


@pytest.mark.parametrize(
    ("args", "out"),
    [
        (["tracks", "list"], TRACKS_TABLE),
        (["tracks", "list", "--format", "table"], TRACKS_TABLE),
        (
            ["tracks", "list", "--format", "tsv"],
            "id\tsource\tslug\tname\tactive\n"
            "3\tliverc\tdirtcity\tDirt City RC Raceway\tyes\n"
            "1\tliverc\tquickanddirtyrcandhobby\tQuick and Dirty RC and Hobby\tyes\n"
            "2\tliverc\tsynthtrack\tSynth Track Model Car Club\tyes\n",
        ),
        (
            ["tracks", "list", "--format", "csv"],
            "id,source,slug,name,active\n"
            "3,liverc,dirtcity,Dirt City RC Raceway,yes\n"
            "1,liverc,quickanddirtyrcandhobby,Quick and Dirty RC and Hobby,yes\n"
            "2,liverc,synthtrack,Synth Track Model Car Club,yes\n",
        ),
        (
            ["events", "list", "--track-id", SLUG, "--format", "tsv"],
            "id\tevent_id\tdate\tname\tentries\tdepth\n"
            "1\t413880\t2025-11-16\t2025 Synth Championship Round-9\t24\tlaps_full\n"
            "2\t413237\t2025-09-21\tT\t0\tnone\n",
        ),
        (
            ["events", "list", "--track-id", SLUG],
            "id  event id  date        name                             entries  depth\n"
            "1   413880    2025-11-16  2025 Synth Championship Round-9  24       laps_full\n"
            "2   413237    2025-09-21  T                                0        none\n"
            "2 events\n",
        ),
    ],
)
def test_lists_in_each_format(mre, args, out):
    demo_ingested(mre)
    assert mre(*args, replay=None)[:2] == (0, out)


def test_json_and_its_alias_print_every_field(mre):
    demo_ingested(mre)
    code, out, _ = mre("tracks", "list", "--format", "json", replay=None)
    assert code == 0
    assert mre("tracks", "list", "--json", replay=None)[1] == out
    assert mre("tracks", "list", "--json", "--format", "json", replay=None)[1] == out
    tracks = json.loads(out)
    assert [(t["id"], t["slug"], t["url"]) for t in tracks] == [
        (3, "dirtcity", "https://dirtcity.liverc.com/"),
        (1, "quickanddirtyrcandhobby", "https://quickanddirtyrcandhobby.liverc.com/"),
        (2, "synthtrack", "https://synthtrack.liverc.com/"),
    ]
    # LiveRC's extra: the site's words, and the time they name (counted back from the fetch)
    assert [(t["extra"]["last_updated"], "last_updated_at" in t["extra"]) for t in tracks] == [
        ("2 days ago", True),
        ("1 minute ago", True),
        ("Yesterday", True),
    ]


def test_events_show_piped_keeps_each_line_whole(mre):
    demo_ingested(mre)
    code, out, _ = mre("events", "show", EVENT_ID, replay=None)
    lines = out.splitlines()
    assert code == 0
    assert lines[:5] == [
        "2025 Synth Championship Round-9  (Quick and Dirty RC and Hobby, 2025-11-16)",
        lines[1],  # its last ingested time is now's
        "",
        "#1 · Qualifier Round 1 · 1/10 4WD Buggy (Heat 1/1) · 5:00 Timed · Nov 16, 2025 at 8:43am",
        "pos  car  driver           laps/time    behind  fastest (lap)  avg lap",
    ]
    assert lines[1].startswith("event 413880 · depth laps_full · 6 races · last ingested 20")
    assert lines[5] == "1    8    ZANE GIBSON      11/5:24.613          28.557 (2)     29.510"
    assert lines[-4:] == [
        "class               time    driver       lap  race",
        "1/10 4WD Buggy      28.557  ZANE GIBSON  2    1/10 4WD Buggy (Heat 1/1)",
        "1/10 4WD Mod Buggy  39.993  MARK DUNCAN  3    1/10 4WD Mod Buggy A-Main",
        "1/8 Nitro Buggy     41.003  JOSÉ NUÑEZ   9    1/8 Nitro Buggy A-Main",
    ]
    assert not any(line != line.rstrip() for line in lines)


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_events_show_as_rows_gives_one_row_per_result(mre, fmt):
    demo_ingested(mre)
    code, out, _ = mre("events", "show", EVENT_ID, "--format", fmt, replay=None)
    sep = "\t" if fmt == "tsv" else ","
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split(sep) == [
        "race_id",
        "race_order",
        "round",
        "race",
        "class_name",
        "position",
        "car_number",
        "driver",
        "driver_id",
        "laps",
        "total_time",
        "total_time_raw",
        "behind",
        "fast_lap_time",
        "fast_lap_number",
        "avg_lap_time",
        "consistency",
    ]
    assert lines[1].split(sep) == [
        "5776839",
        "1",
        "Qualifier Round 1",
        "1/10 4WD Buggy (Heat 1/1)",
        "1/10 4WD Buggy",
        "1",
        "8",
        "ZANE GIBSON",
        "664653",
        "11",
        "324.613",
        "11/5:24.613",
        "",
        "28.557",
        "2",
        "29.51",
        "96.82",
    ]
    assert len(lines) == 1 + 48  # every result of the event's 6 races


def test_runs_as_rows(mre):
    demo_ingested(mre)
    code, out, _ = mre("runs", "list", "--format", "tsv", replay=None)
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0
    assert rows[0] == [
        "id",
        "operation",
        "target",
        "status",
        "started_utc",
        "progress",
        "requests",
        "error",
    ]
    started = [row.pop(4) for row in rows[1:]]
    assert rows[1:] == [
        ["3", "ingest_event", "413880", "succeeded", "8/8", "8", ""],
        ["2", "refresh_events", SLUG, "succeeded", "1/1", "1", ""],
        ["1", "sync_tracks", "catalogue", "succeeded", "1/1", "1", ""],
    ]
    assert all(len(s) == len("2025-11-16 08:43:00") for s in started)
    more_than_any_database_holds = str(10**30)
    assert mre("runs", "list", "--limit", more_than_any_database_holds, "--format", "tsv")[:2] == (
        0,
        out,
    )
    code, out, _ = mre("runs", "show", "2", "--format", "csv", replay=None)
    header, row = out.splitlines()
    assert header == (
        "id,parent_id,operation,source,target,status,started_utc,finished_utc,progress,"
        "requests,counts,error_code,error_message,host,pid"
    )
    assert row.startswith("2,,refresh_events,liverc,quickanddirtyrcandhobby,succeeded,")
    assert ",1/1,1,events +2 ~0 =0,,," in row


def test_tsv_escapes_and_csv_quotes_what_would_break_a_row(mre):
    assert mre("users", "add", 'Koegler, "Felix"', "--transponder", "12")[0] == 0
    assert mre("users", "add", "Back\\slash")[0] == 0
    assert mre("users", "list", "--format", "csv")[1] == (
        'id,name,email,transponders\n1,"Koegler, ""Felix""",,12\n2,Back\\slash,,\n'
    )
    assert mre("users", "list", "--format", "tsv")[1] == (
        'id\tname\temail\ttransponders\n1\tKoegler, "Felix"\t\t12\n2\tBack\\\\slash\t\t\n'
    )
    assert mre("users", "links", "--format", "tsv")[1] == (
        "link\tuser\tdriver\tstatus\tmatch\tscore\tby\twhy\n"
    )


# --- options that would be ignored are refused -------------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["events", "refresh", "--track-id", SLUG, "--ingest-all"],
            "Invalid value for '--ingest-all': only with --depth laps_full (without it no "
            "event is ingested) (see 'mre events refresh --help')",
        ),
        (
            ["events", "refresh", "--track-id", SLUG, "--depth", "none", "--ingest-new-only"],
            "Invalid value for '--ingest-new-only': only with --depth laps_full (without it "
            "no event is ingested) (see 'mre events refresh --help')",
        ),
        (
            ["ingest", "liverc", "refresh-events", "--track-id", SLUG, "--ingest-all"],
            "Invalid value for '--ingest-all': only with --depth laps_full (without it no "
            "event is ingested) (see 'mre ingest refresh-events --help')",
        ),
        (
            ["events", "show", EVENT_ID, "--laps"],
            "Invalid value for '--laps': only with --format json (or --json) "
            "(see 'mre events show --help')",
        ),
        (
            ["events", "show", EVENT_ID, "--laps", "--format", "tsv"],
            "Invalid value for '--laps': only with --format json (or --json) "
            "(see 'mre events show --help')",
        ),
        (
            ["tracks", "list", "--json", "--format", "csv"],
            "Invalid value for '--format': 'csv' disagrees with --json (give one of them) "
            "(see 'mre tracks list --help')",
        ),
        (
            ["tracks", "list", "--source", "nosuch"],
            "unknown source 'nosuch' (installed: liverc, speedhive)",
        ),
        (
            ["events", "list", "--track-id", SLUG, "--source", "nosuch"],
            "unknown source 'nosuch' (installed: liverc, speedhive)",
        ),
        (
            ["events", "show", EVENT_ID, "--source", "nosuch"],
            "unknown source 'nosuch' (installed: liverc, speedhive)",
        ),
        (
            ["-v", "-q", "tracks", "list"],
            "Invalid value for '--verbose': cannot be used with --quiet (see 'mre --help')",
        ),
    ],
)
def test_options_that_would_do_nothing_are_usage_errors(mre, db_url, existing, args, line):
    code, out, err = mre(*args, replay=None)
    assert (code, out, err) == (2, "", f"mre: error: {line}\n")
    assert all(not rows for rows in counts(db_url)[1].values())


def test_events_ingest_keeps_the_seeds_depth_but_does_not_offer_it(mre, capsys):
    assert main(["events", "ingest", "--help"]) == 0
    assert "--depth" not in capsys.readouterr().out
    assert mre("-q", "tracks", "sync")[0] == 0
    assert mre("-q", "events", "refresh", "--track-id", SLUG)[0] == 0
    code, out, _ = mre("events", "ingest", "--event", EVENT_ID, "--depth", "laps_full")
    assert (code, out.splitlines()[0]) == (0, f"ingest_event {EVENT_ID}: succeeded, 8 requests")


# --- commands that only read never create a database -------------------------------------

READERS = [
    ["tracks", "list"],
    ["events", "list", "--track-id", SLUG],
    ["events", "show", EVENT_ID],
    ["runs", "list"],
    ["runs", "show", "1"],
    ["runs", "wait", "1"],
    ["runs", "cancel", "1"],
    ["status"],
    ["users", "list"],
    ["users", "links"],
    ["users", "match"],
    ["users", "confirm", "1"],
    ["users", "reject", "1"],
]


@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_a_reader_given_a_mistyped_database_creates_nothing(tmp_path, capsys, args):
    missing = tmp_path / "typo" / "mre.db"
    assert main(["--db", f"sqlite:///{missing}", *args]) == 3
    assert capsys.readouterr() == (
        "",
        f"mre: error: no database at {missing} (check --db or $MRE_DATABASE_URL); "
        "`mre tracks sync` or any other ingest command creates it\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_the_default_database_is_not_made_by_a_reader_either(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("MRE_DATABASE_URL")
    assert main(["tracks", "list"]) == 3
    default = tmp_path / "xdg" / "mre" / "mre.db"  # XDG_DATA_HOME is tmp_path/xdg
    assert capsys.readouterr().err.startswith(f"mre: error: no database at {default} ")
    assert list(tmp_path.iterdir()) == []


# --- logs: the summary at the default level, every line JSON with --log-json -------------


def without_time(err: str) -> list[str]:
    return [line.split(" ", 1)[1] for line in err.splitlines()]


def test_text_logs_show_the_summary_and_each_fetch_only_with_verbose(mre, existing):
    code, _, err = mre("tracks", "sync")
    assert code == 0
    assert without_time(err) == [
        "INFO    [run 1] sync_tracks catalogue: started (run 1)",
        "INFO    [run 1] 3 tracks listed",
        "INFO    [run 1] sync_tracks catalogue: succeeded (1 requests) tracks +3 ~0 =0",
    ]
    code, _, err = mre("-v", "tracks", "sync")
    fetches = [re.sub(r" \d+ ms ", " N ms ", line) for line in without_time(err) if "GET " in line]
    assert (code, fetches) == (
        0,
        ["INFO    [run 2] GET https://live.liverc.com/ -> 200 11426 B N ms (cassette)"],
    )


def test_log_json_makes_every_line_on_stderr_json(mre, existing, tmp_path, capsys, monkeypatch):
    code, _, err = mre("--log-json", "events", "show", "nosuch", replay=None)
    assert code == 3
    *_, last = (json.loads(line) for line in err.splitlines())
    assert last | {"time": None} == {
        "time": None,
        "level": "ERROR",
        "message": "event 'nosuch' is not in the database: run `mre events refresh "
        "--track-id TRACK --depth none` for its track first",
        "logger": "mre",
        "exit_code": 3,
    }
    for args, message in [
        (["--log-json", "tracks", "list", "--bogus"], "No such option: --bogus"),
        (["tracks", "--log-json", "frobnicate"], "No such command 'frobnicate'."),
        (["--log-json", "tracks"], "a command is needed: sync, add, list"),
        (["--log-json", "--db", f"sqlite:///{tmp_path / 'x.db'}", "status"], "no database at"),
    ]:
        assert main(args) in (2, 3)
        (line,) = (json.loads(line) for line in capsys.readouterr().err.splitlines())
        assert line["message"].startswith(message), args
        assert line["level"] == "ERROR"
    monkeypatch.setenv("MRE_LOG_FORMAT", "json")
    monkeypatch.setenv("MRE_LOG_LEVEL", "LOUD")
    assert main(["tracks", "list"]) == 2
    (line,) = (json.loads(line) for line in capsys.readouterr().err.splitlines())
    assert line["message"].startswith("MRE_LOG_LEVEL='LOUD' is not one of ")


# --- counts say what happened ----------------------------------------------------------------


def test_a_first_ingest_counts_every_row_it_made_as_new_only(mre):
    assert mre("-q", "tracks", "sync")[0] == 0
    assert mre("-q", "events", "refresh", "--track-id", SLUG)[0] == 0
    code, out, _ = mre("-q", "events", "ingest", "--event", EVENT_ID)
    assert (code, out) == (
        0,
        f"ingest_event {EVENT_ID}: succeeded, 8 requests\n"
        "table          new  updated  unchanged\n"
        "drivers        40   0        0\n"  # 20 from the entry list, 20 from the results
        "event_entries  24   0        0\n"
        "races          6    0        0\n"
        "race_drivers   48   0        0\n"
        "race_results   48   0        0\n"
        "laps           413  0        0\n"
        "events         0    1        0\n",  # the event, marked laps_full
    )


def test_a_refresh_that_ingests_what_it_made_counts_it_new_only(mre):
    assert mre("-q", "tracks", "sync")[0] == 0
    code, out, _ = mre("-q", "events", "refresh", "--track-id", SLUG, "--depth", "laps_full")
    assert (code, out.splitlines()[:4]) == (
        0,
        [
            f"refresh_events {SLUG}: succeeded, 9 requests",
            f"new: {EVENT_ID}, 413237",
            "table          new  updated  unchanged",
            "events         2    0        0",
        ],
    )
