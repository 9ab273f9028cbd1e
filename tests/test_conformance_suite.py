"""The conformance suite itself: it passes good connectors and names the rule a broken one breaks.

Each run is a real `pytest --mre-connector ... --mre-cassettes ...` in a
process of its own, from an empty folder, as a connector's author runs it.
The broken connectors are the scaffold's example connector with one thing
changed each.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mre_core.cli.main import main
from mre_core.kit.scaffold import new_connector
from tests.conftest import ROOT


def run_suite(tmp_path: Path, connector: str, cassettes: Path, path: Path | None = None) -> str:
    cwd = tmp_path / f"run-{connector.replace('.', '-')}-{os.urandom(3).hex()}"
    cwd.mkdir()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(path or ""), str(ROOT)]))}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider",
         "--mre-connector", connector, "--mre-cassettes", str(cassettes)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    return done.stdout + done.stderr


def failing(output: str, case: str = "example:oval") -> set[str]:
    """The suite's tests that failed or errored, without the case's id; the fault tests
    by their name alone (which faults fail is up to the connector)."""
    names = re.findall(r"^(?:FAILED|ERROR) \S*::(test_[^\[\s]+(?:\[[^\]]*\])?)", output, re.M)
    found = set()
    for name in names:
        bare = name.replace(f"[{case}]", "").replace(f"{case}-", "")
        found.add(re.sub(r"^(test_faults_are_retried_or_fail_cleanly)\[.*\]$", r"\1", bare))
    return found


def summary(output: str) -> str:
    return output.strip().splitlines()[-1]


def test_liverc_passes_the_suite(tmp_path):
    output = run_suite(tmp_path, "liverc", ROOT / "cassettes")
    assert re.fullmatch(r"23 passed in [\d.]+s", summary(output)), output[-3000:]


def test_speedhive_passes_the_suite(tmp_path):
    output = run_suite(tmp_path, "speedhive", ROOT / "plugins" / "speedhive" / "cassettes")
    assert re.fullmatch(r"23 passed in [\d.]+s", summary(output)), output[-3000:]


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory) -> Path:
    return new_connector("club", tmp_path_factory.mktemp("scaffold"))


def test_the_scaffolds_package_passes_the_suite_and_its_own_tests(scaffold, tmp_path):
    env = {**os.environ, "PYTHONPATH": f"{scaffold}{os.pathsep}{ROOT}"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "--mre-connector", "mre_club.plugin"],  # not installed here: by its module
        cwd=scaffold, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert re.fullmatch(r"25 passed in [\d.]+s", summary(done.stdout)), done.stdout[-3000:]


def test_the_scaffold_refuses_a_used_folder_and_a_bad_name(scaffold, capsys):
    assert main(["connectors", "new", "club", "--dir", str(scaffold.parent)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"mre: error: {scaffold} exists and is not empty: choose another --dir"
    )
    assert main(["connectors", "new", "My-Site", "--dir", str(scaffold.parent)]) == 2
    assert "cannot name a connector" in capsys.readouterr().err


# Every test that needs the records the hooks answer (it errors when they cannot).
RECORDS_TESTS = {
    "test_lists_the_events_the_case_ingests",
    "test_every_event_has_races_with_results",
    "test_records_match_the_json_schemas",
    *(
        f"test_race_results_follow_the_rule[{rule}]"
        for rule in ("each-driver-once-per-race", "laps-numbered-1-to-n", "laps-add-up",
                     "positions-count-up")
    ),
    "test_same_pages_give_equal_records",
    "test_requests_stay_within_the_declared_bound",
    "test_ingest_then_reingest_writes_nothing",
    "test_faults_are_retried_or_fail_cleanly",
    "test_fuzzed_pages_give_records_or_a_parse_error",
}  # fmt: skip

# Each broken connector: what is changed in the scaffold's plugin.py, the suite's tests
# that must fail, and a text the failure must show.
BROKEN = {
    "laps from 0": (
        "enumerate(raws, 1)",
        "enumerate(raws, 0)",
        {"test_race_results_follow_the_rule[laps-numbered-1-to-n]"},
        "laps numbered 0, 1, 2, not 1..3",
    ),
    "lap times a second long": (
        '_read(float, t, url, "a time"), t)',
        '_read(float, t, url, "a time") + 1, t)',
        {"test_race_results_follow_the_rule[laps-add-up]"},
        "'ANN LEE': laps add up to 63.750 s, the total time is 60.750 s",
    ),
    "one driver id for all": (
        '_text(row, "driver_id", url),',
        '"7",',
        {"test_race_results_follow_the_rule[each-driver-once-per-race]"},
        "race r1: driver 7 has 3 results",
    ),
    "positions doubled": (
        "position_final=_position(row, url),",
        "position_final=(_position(row, url) or 0) * 2 or None,",
        {"test_race_results_follow_the_rule[positions-count-up]"},
        "positions [2, 4, 6] skip from 0 to 2",
    ),
    "a name that changes every read": (
        '_text(event, "name", url),',
        "f\"{_text(event, 'name', url)} {id(object())}\",",
        # Equal pages, other records: every comparison with an earlier run differs too.
        {
            "test_same_pages_give_equal_records",
            "test_ingest_then_reingest_writes_nothing",
            "test_faults_are_retried_or_fail_cleanly",
        },
        "Club Night",
    ),
    "a bound too low": (
        "RequestBound(fixed=1, per_race=1)",
        "RequestBound(fixed=0, per_race=1)",
        {"test_requests_stay_within_the_declared_bound"},
        "event 1001: 3 requests, the bound says 2 for 2 races and 6 results",
    ),
    "no bound": (
        "event_requests=mre.RequestBound(fixed=1, per_race=1),",
        "",
        {"test_declares_its_request_bound", "test_requests_stay_within_the_declared_bound"},
        "describe_connector must say what an event costs",
    ),
    "a number as text": (
        "race_order=order,",
        "race_order=str(order),",
        RECORDS_TESTS,
        "returned an invalid answer from fetch_races: [0].race_order: expected int, got str '1'",
    ),
    "an import of mre_core's internals": (
        "from mre_core import connector as mre\n",
        "from mre_core import connector as mre\nfrom mre_core.http.client import HttpClient\n",
        {"test_imports_nothing_of_mre_core_but_the_connector_api"},
        "imports beyond mre_core.connector: ['plugin.py: mre_core.http.client']",
    ),
    "a crash on a page that is not JSON": (
        'except ValueError:\n        raise mre.ParseError(url, "the answer is not JSON")',
        'except KeyError:\n        raise mre.ParseError(url, "the answer is not JSON")',
        {"test_fuzzed_pages_give_records_or_a_parse_error"},
        "failed in list_tracks: JSONDecodeError",
    ),
    "a newer contract": (
        'contract="1.1",',
        'contract="2.0",',
        {
            "test_describe_connector_is_valid",
            "test_imports_nothing_of_mre_core_but_the_connector_api",
            "test_declares_its_request_bound",
            *RECORDS_TESTS,
        },
        "is written for connector contract 2.0; this mre speaks 1.1: upgrade mre",
    ),
}


def test_each_broken_connector_fails_the_rule_it_breaks(scaffold, tmp_path):
    plugin = (scaffold / "mre_club" / "plugin.py").read_text()

    def check(name: str) -> tuple[str, set[str], set[str], bool, str]:
        old, new, expected, shown = BROKEN[name]
        assert plugin.count(old) == 1, f"{name}: {old!r} is not once in the scaffold"
        package = tmp_path / name.replace(" ", "-") / "mre_club"
        package.mkdir(parents=True)
        (package / "__init__.py").write_text('__version__ = "0.1.0"\n')
        (package / "plugin.py").write_text(plugin.replace(old, new))
        output = run_suite(tmp_path, "mre_club.plugin", scaffold / "cassettes", package.parent)
        return name, failing(output), expected, shown in output, output

    with ThreadPoolExecutor(max_workers=3) as pool:
        outcomes = list(pool.map(check, BROKEN))
    for name, failed, expected, shows, output in outcomes:
        assert failed == expected, f"{name}: {output[-4000:]}"
        assert shows, f"{name}: the failure does not say {BROKEN[name][3]!r}: {output[-4000:]}"
