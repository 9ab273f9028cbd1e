"""Connector discovery and routing: entry points, broken plugins, one source per call."""

from __future__ import annotations

import mre_speedhive
import pytest

import mre_liverc
from mre_core import hookimpl
from mre_core.errors import UsageError
from mre_core.plugins import ConnectorRegistry
from mre_core.records import ConnectorInfo, RequestBound
from tests.fake_connectors import HOOKS, plugin_module


def test_the_shipped_connectors_are_found_through_their_entry_points():
    registry = ConnectorRegistry.discover()
    assert [c.info for c in registry.connectors()] == [
        ConnectorInfo(
            "liverc",
            mre_liverc.__version__,
            ("live.liverc.com", "*.liverc.com"),
            "LiveRC",
            contract="1.1",
            capabilities=("catalogue", "entry_list", "laps", "practice"),
            event_requests=RequestBound(fixed=2, per_race=1),
        ),
        ConnectorInfo(
            "speedhive",
            mre_speedhive.__version__,
            ("eventresults-api.speedhive.com",),
            "MyLaps Speedhive",
            contract="1.0",
            capabilities=("track_lookup", "laps"),
            event_requests=RequestBound(fixed=1, per_race=1, per_result=1, laps_per_page=100),
        ),
    ]
    assert registry.failures == []


def test_broken_plugins_are_reported_by_name_and_do_not_stop_the_others(installed):
    installed("ghost", "mre_no_such_module_anywhere")
    installed("typo", plugin_module("mre_typo", "typo", list_trakcs=hookimpl(lambda http: [])))
    installed("half", plugin_module("mre_half", "half", hooks=HOOKS[:2]))
    installed("copycat", plugin_module("mre_copycat", "liverc"))
    installed("other", plugin_module("mre_other", "other"))

    registry = ConnectorRegistry.discover()

    assert [c.source for c in registry.connectors()] == ["liverc", "other"]
    failures = {f.name: f.error for f in registry.failures}
    assert sorted(failures) == ["copycat", "ghost", "half", "typo"]
    assert failures["ghost"].startswith("cannot import mre_no_such_module_anywhere")
    assert failures["typo"] == "connector 'typo' implements hooks mre does not know: list_trakcs"
    assert failures["half"] == "connector 'half' does not implement fetch_races, fetch_laps"
    assert failures["copycat"] == "source 'liverc' is already provided by another plugin"


def test_a_call_reaches_only_its_own_source(installed):
    installed("one", plugin_module("mre_one", "one"))
    installed("two", plugin_module("mre_two", "two"))
    registry = ConnectorRegistry.discover()
    assert registry.get("two").call("list_tracks", http=None)[0].track_name == "answered by two"
    assert registry.get("one").call("list_tracks", http=None)[0].track_name == "answered by one"
    with pytest.raises(UsageError, match=r"unknown source 'three' \(installed: liverc, one, two\)"):
        registry.get("three")


def test_registering_a_plugin_again_fails_without_undoing_the_first_registration():
    registry = ConnectorRegistry()
    module = plugin_module("mre_twice", "twice")
    assert registry.register(module, name="first") is not None
    assert registry.register(module, name="second") is None
    [failure] = registry.failures
    assert failure.name == "second"
    assert failure.error == (
        f"invalid plugin: Plugin already registered under a different name: second={module}"
    )
    assert registry.get("twice").call("list_tracks", http=None)[0].track_name == "answered by twice"


def test_connectors_list_shows_failures(installed, capsys):
    from mre_core.cli.main import main

    installed("ghost", "mre_no_such_module_anywhere")
    assert main(["connectors", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"liverc {mre_liverc.__version__}  contract 1.1  "
        "can: catalogue, entry_list, laps, practice  "
        "hosts: live.liverc.com, *.liverc.com"
    )
    assert out[1].startswith("FAILED ghost: cannot import mre_no_such_module_anywhere")
