"""`--help` is written for people: words for values, whole summaries, an example each."""

from __future__ import annotations

import re

import pytest
import typer

from mre_core.cli.main import app, main


def _commands(command, path=()):  # type: ignore[no-untyped-def]
    """Every command and group of `mre`, as the words that run it."""
    yield list(path)
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


ROOT = typer.main.get_command(app)
COMMANDS = list(_commands(ROOT))


def _at(path):  # type: ignore[no-untyped-def]
    command = ROOT
    for name in path:
        command = command.commands[name]
    return command


GROUPS = [path for path in COMMANDS if hasattr(_at(path), "commands")]


def test_the_walk_finds_every_command():
    # the root, status, worker, serve, export, 9 groups, and 3 + 4 + 2 + 2 + 4 + 7 + 3 + 2 + 4
    # commands in them
    assert len(COMMANDS) == 45
    assert ["events", "show"] in COMMANDS
    assert ["db", "backup"] in COMMANDS
    assert ["status"] in COMMANDS
    assert ["serve"] in COMMANDS
    assert GROUPS == [
        [],
        ["tracks"],
        ["events"],
        ["ingest"],
        ["connectors"],
        ["runs"],
        ["users"],
        ["drivers"],
        ["practice"],
        ["db"],
    ]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "mre")
def test_every_help_has_words_for_values_and_an_example(capsys, command):
    assert main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    usage = out.splitlines()[0]
    assert usage.startswith(f"Usage: mre {' '.join(command)}".rstrip())
    assert "<" not in out  # typer's type markers: <str>, <int range>, <list[str]>
    assert "{" not in usage  # typer's mark of a required argument: {EVENT}
    assert "Example" in out


def _summary_of(command) -> str:  # type: ignore[no-untyped-def]
    return " ".join(command.help.split("\n\n")[0].split())


@pytest.mark.parametrize("group", GROUPS, ids=lambda c: " ".join(c) or "mre")
def test_a_list_of_commands_shows_each_summary_whole(capsys, group):
    command = _at(group)
    assert main([*group, "--help"]) == 0
    out = capsys.readouterr().out
    listing = " ".join(out.split("Commands:")[1].split("\n\n")[0].split())
    for name, sub in command.commands.items():
        summary = _summary_of(sub)
        assert summary.endswith("."), name  # one whole sentence
        assert f"{name} {summary}" in listing


def test_each_summary_is_one_short_sentence():
    """Short enough to fit its line in a list of commands on an 80-column terminal."""
    for path in COMMANDS[1:]:
        summary = _summary_of(_at(path))
        assert len(summary) <= 72, (path, summary)
        assert summary.count(". ") == 0, (path, summary)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["runs", "show", "abc"],
            "mre: error: Invalid value for 'RUN_ID': 'abc' is not a whole number "
            "(see 'mre runs show --help')",
        ),
        (
            ["runs", "list", "--limit", "0"],
            "mre: error: Invalid value for '--limit': must be at least 1, not 0 "
            "(see 'mre runs list --help')",
        ),
        (
            ["runs", "wait", "1", "--timeout", "soon"],
            "mre: error: Invalid value for '--timeout': 'soon' is not a number "
            "(see 'mre runs wait --help')",
        ),
        (
            ["runs", "wait", "1", "--timeout", "nan"],
            "mre: error: Invalid value for '--timeout': must be at least 0, not nan "
            "(see 'mre runs wait --help')",
        ),
        (
            ["serve", "--concurrency", "-1"],
            "mre: error: Invalid value for '--concurrency': must be from 0 to 64, not -1 "
            "(see 'mre serve --help')",
        ),
        (
            ["serve", "--port", "70000"],
            "mre: error: Invalid value for '--port': must be from 1 to 65535, not 70000 "
            "(see 'mre serve --help')",
        ),
        (
            ["worker", "--concurrency", "65"],
            "mre: error: Invalid value for '--concurrency': must be from 1 to 64, not 65 "
            "(see 'mre worker --help')",
        ),
        (
            ["events", "refresh", "--track-id", "x", "--depth", "bogus"],
            "mre: error: Invalid value for '--depth': 'bogus' is not one of 'none', "
            "'laps_full'. (see 'mre events refresh --help')",
        ),
        (
            ["tracks", "list", "--format", "xml"],
            "mre: error: Invalid value for '--format': 'xml' is not one of 'table', 'tsv', "
            "'csv', 'json'. (see 'mre tracks list --help')",
        ),
    ],
)
def test_a_bad_value_is_said_in_words(capsys, args, line):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err == line + "\n"
    assert not re.search(r"Input should|Value error|valid integer", err)
