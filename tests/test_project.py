"""The project keeps its own promises: README commands, CI, lint, examples, no copied pages."""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, samples_dir

README = (ROOT / "README.md").read_text(encoding="utf-8")
RUN_DEMO = "pip install -e . -e plugins/liverc -e plugins/speedhive && sh examples/demo.sh"
RUN_TESTS = "pip install -e '.[test]' -e plugins/liverc -e plugins/speedhive && pytest"


def test_the_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    assert [RUN_DEMO] in [b.strip().splitlines() for b in blocks]
    assert [RUN_TESTS] in [b.strip().splitlines() for b in blocks]
    assert RUN_TESTS in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_ruff_finds_nothing():
    for args in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_embedding_example_runs_offline(tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import embed
    finally:
        sys.path.pop(0)
    embed.main(f"sqlite:///{tmp_path / 'embed.db'}")
    lines = capsys.readouterr().out.splitlines()
    # 413 laps, 48 results, 48 race drivers, 24 entries, 6 races, 20 entry-list drivers
    # and 20 real ones (all new: moving an entry or merging a driver made in the same
    # run is no update), and the event marked laps_full (updated): 580
    assert lines[0] == "succeeded: 8 requests, 580 rows written"
    assert len(lines) == 1 + 6  # one line per race


def test_no_real_liverc_page_is_copied_into_the_project():
    folder = samples_dir()
    if not folder.is_dir():
        pytest.skip(f"no samples folder at {folder}")
    real = {hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.html")}
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    ours = {
        hashlib.sha256((ROOT / name).read_bytes()).hexdigest()
        for name in tracked.decode().split("\0")
        if name and (ROOT / name).is_file()
    }
    assert not real & ours


def test_the_demo_leaves_its_database_where_it_says_and_leads_on(tmp_path):
    bin_dir = str(Path(sys.executable).parent)  # the `mre` of this interpreter
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    demo = subprocess.run(
        ["sh", str(ROOT / "examples" / "demo.sh")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert demo.returncode == 0, demo.stderr
    db = tmp_path / "mre-demo.db"
    assert db.is_file()
    assert demo.stdout.splitlines()[0] == f"== database: {db}"
    suggested = [
        line.strip() for line in demo.stdout.splitlines() if line.startswith("  mre --db ")
    ]
    assert suggested[0] == f"mre --db sqlite:///{db} tracks list"
    for command in suggested:  # each suggestion works as printed, offline
        result = subprocess.run(
            shlex.split(command), env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, (command, result.stderr)
    tracks = subprocess.run(
        [*shlex.split(suggested[0]), "--format", "tsv"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "quickanddirtyrcandhobby" in tracks


def test_the_readme_documents_every_setting_and_every_exit_code():
    from dataclasses import fields

    from mre_core.errors import MreError, Terminated
    from mre_core.settings import Settings

    for f in fields(Settings):
        assert f"`MRE_{f.name.upper()}`" in README, f"MRE_{f.name.upper()} is not in the README"
    codes = {0, Terminated.exit_code}  # SIGTERM is no MreError: it must unwind everything
    todo: list[type[MreError]] = [MreError]
    while todo:
        cls = todo.pop()
        codes.add(cls.exit_code)
        todo.extend(cls.__subclasses__())
    table = re.search(r"### Exit codes\n\n(.*?)\n\n", README, re.S)
    assert table
    listed = {int(m) for m in re.findall(r"^\| (\d+) \|", table.group(1), re.M)}
    assert listed == codes
