"""The project keeps its own promises: README commands, CI, lint, examples, no copied pages."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT, samples_dir

README = (ROOT / "README.md").read_text(encoding="utf-8")
RUN_DEMO = "pip install -e . -e plugins/liverc && sh examples/demo.sh"
RUN_TESTS = "pip install -e '.[test]' -e plugins/liverc && pytest"


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
    # 413 laps, 48 results, 48 race drivers, 24 entries (new, then moved to their real
    # driver: updated), 6 races, 20 entry-list drivers + 20 real ones (new) and the 20
    # merged (updated), and the event marked laps_full
    assert lines[0] == "succeeded: 8 requests, 624 rows written"
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
