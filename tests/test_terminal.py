"""`mre` as a process, at a terminal (a pty) and in pipes: what a person sees.

The bar and the log lines are checked on a screen: the bytes written to the
terminal are replayed on a small emulator that keeps what a terminal would
still show at the end (carriage returns, line feeds, erasing a line,
moving up a line, wrapping at the width; colours are ignored).
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from mre_core.cli.main import main
from tests.liverc_site.demo import DEMO_CASSETTE, demo_commands, demo_site

SLUG, EVENT_ID = "quickanddirtyrcandhobby", "413880"
CSI = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])")


def screen(stream: str, width: int) -> list[str]:
    """What stays on a terminal `width` columns wide after `stream` is written to it."""
    lines, row, col, at = [""], 0, 0, 0
    while at < len(stream):
        found = CSI.match(stream, at)
        if found:
            count, command = found.group(1), found.group(2)
            if command == "K":
                lines[row] = ""
            elif command == "A":
                row = max(0, row - int(count or 1))
            at = found.end()
            continue
        char = stream[at]
        at += 1
        if char == "\r":
            col = 0
        elif char == "\n" or col == width:
            row += 1
            col = 0 if char == "\n" else col
            if row == len(lines):
                lines.append("")
            if char != "\n":  # a wrapped line: the character goes on the next one
                col = 0
                at -= 1
        else:
            lines[row] = lines[row][:col].ljust(col) + char + lines[row][col + 1 :]
            col += 1
    return [line.rstrip() for line in lines if line.strip()]


def test_the_screen_emulator():
    assert screen("abc\r\n\x1b[2Kbar\r\x1b[2Klog\r\nbar\r\x1b[2K", 80) == ["abc", "log"]
    assert screen("one\r\ntwo\r\n\x1b[1A\x1b[2K\x1b[1A\x1b[2Kthree", 80) == ["three"]
    assert screen("abcdef\r\n", 4) == ["abcd", "ef"]
    assert screen("\x1b[32mgreen\x1b[0m\r\n", 80) == ["green"]


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    return {**env, "TERM": "xterm"}


def run_at_terminal(args: list[str], width: int, stdout_too: bool = False) -> tuple[int, str, str]:
    """Run `mre ARGS` with stderr (and with `stdout_too` stdout) on a pty `width` wide."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, width, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "mre_core", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave if stdout_too else subprocess.PIPE,
        stderr=slave,
        env=_environment(),
    )
    os.close(slave)
    terminal = b""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the other side closed: the process has ended
            break
        if not data:
            break
        terminal += data
    os.close(master)
    piped = b"" if stdout_too else process.stdout.read()  # type: ignore[union-attr]
    return process.wait(timeout=60), piped.decode(), terminal.decode()


@pytest.fixture
def database(tmp_path: Path, capsys) -> str:  # type: ignore[no-untyped-def]
    """The demo's database, its track and event list synced, the event not ingested."""
    url = f"sqlite:///{tmp_path / 'mre.db'}"
    for args in demo_commands(demo_site())[:2]:
        assert main(["-q", "--db", url, "--replay", str(DEMO_CASSETTE), *args]) == 0
    capsys.readouterr()
    return url


def test_the_bar_goes_and_never_cuts_into_a_log_line(database):
    code, out, terminal = run_at_terminal(
        ["--db", database, "--replay", str(DEMO_CASSETTE), "events", "ingest", "--event", EVENT_ID],
        width=250,  # room for the longest log line, so the terminal wraps none
    )
    assert code == 0
    assert out.splitlines()[0] == f"ingest_event {EVENT_ID}: succeeded, 8 requests"
    assert "race 6/6" in terminal  # the bar was drawn, step by step
    shown = [line.split(" ", 1)[1] for line in screen(terminal, 250)]
    assert shown == [
        f"INFO    [run 3] ingest_event {EVENT_ID}: started (run 3)",
        f"INFO    [run 3] event {EVENT_ID}: 6 races listed, 0 of them stored with results "
        "and kept unread",
        f"INFO    [run 3] event {EVENT_ID}: 6 races (0 kept unchanged), 48 results and 413 "
        "laps read",
        f"INFO    [run 3] ingest_event {EVENT_ID}: succeeded (8 requests) drivers +40 ~0 =0, "
        "event_entries +24 ~0 =0, races +6 ~0 =0, race_drivers +48 ~0 =0, race_results +48 ~0 "
        "=0, laps +413 ~0 =0, events +0 ~1 =0",
    ]


def test_json_logs_at_a_terminal_are_json_lines_only(database):
    args = ["--log-json", "--db", database, "--replay", str(DEMO_CASSETTE)]
    code, _, terminal = run_at_terminal([*args, "events", "ingest", "--event", EVENT_ID], 120)
    lines = [json.loads(line) for line in terminal.splitlines()]  # no bar, nothing else
    assert code == 0
    assert lines[0]["message"] == f"ingest_event {EVENT_ID}: started (run 3)"
    code, _, terminal = run_at_terminal([*args, "events", "show", "999"], 120)
    (line,) = (json.loads(line) for line in terminal.splitlines())
    assert (code, line["level"], line["exit_code"]) == (3, "ERROR", 3)


def test_a_table_at_a_terminal_fits_its_width(database):
    code, _, terminal = run_at_terminal(["--db", database, "tracks", "list"], 40, stdout_too=True)
    shown = screen(terminal, 1000)  # as written: each line within the width already
    assert code == 0
    assert shown[-1] == "3 tracks"
    assert max(len(line) for line in shown) <= 40
    assert f" {SLUG} " not in terminal  # cut or wrapped to fit


def test_a_reader_that_goes_away_is_no_error(database):
    """`mre events show E | head -1`: the rest of the output has nowhere to go; exit 0."""
    read, write = os.pipe()
    os.close(read)  # the reader has gone before a byte is written
    process = subprocess.run(
        [sys.executable, "-m", "mre_core", "--db", database, "events", "list", "--track-id", SLUG],
        stdin=subprocess.DEVNULL,
        stdout=write,
        stderr=subprocess.PIPE,
        env=_environment(),
        check=False,
    )
    os.close(write)
    assert (process.returncode, process.stderr) == (0, b"")
