"""Connector discovery and routing: entry points, broken plugins, one source per call."""

from __future__ import annotations

import importlib.metadata
import sys
import types

import pytest

import mre_liverc
from mre_core import hookimpl
from mre_core.connector import CAPABILITIES
from mre_core.errors import UsageError
from mre_core.plugins import ConnectorRegistry
from mre_core.records import ConnectorInfo, TrackRecord

HOOKS = ("list_tracks", "list_events_for_track", "fetch_entry_list", "fetch_races", "fetch_laps")


def plugin_module(
    name: str,
    source: str,
    *,
    hooks: tuple[str, ...] = HOOKS,
    contract: str = "1.0",
    capabilities: tuple[str, ...] | None = None,
    **extra,
):
    """A connector module built on the fly, shaped like a third party's plugin; by
    default it declares the capabilities of the optional hooks it has."""
    module = types.ModuleType(name)
    if capabilities is None:
        capabilities = tuple(c for c, hook in CAPABILITIES.items() if hook in hooks)

    @hookimpl
    def describe_connector():
        return ConnectorInfo(
            source=source,
            version="9.9",
            hosts=(f"*.{source}.example",),
            contract=contract,
            capabilities=capabilities,
        )

    def answer(hook):
        @hookimpl(specname=hook)
        def impl(**kwargs):
            return [TrackRecord(f"{source}-track", f"answered by {source}", "u", "e")]

        return impl

    module.describe_connector = describe_connector
    for hook in hooks:
        setattr(module, f"impl_{hook}", answer(hook))
    for key, value in extra.items():
        setattr(module, key, value)
    return module


@pytest.fixture
def installed(monkeypatch):
    """Entry points of the group 'mre': the real liverc one plus modules a test adds."""
    real = [ep for ep in importlib.metadata.entry_points(group="mre") if ep.name == "liverc"]
    extra: list[importlib.metadata.EntryPoint] = []
    monkeypatch.setattr(
        importlib.metadata,
        "entry_points",
        lambda group=None: real + extra if group == "mre" else [],
    )

    def add(name: str, module: types.ModuleType | str) -> None:
        target = module if isinstance(module, str) else module.__name__
        if not isinstance(module, str):
            monkeypatch.setitem(sys.modules, module.__name__, module)
        extra.append(importlib.metadata.EntryPoint(name, target, "mre"))

    return add


def test_liverc_is_found_through_its_entry_point():
    registry = ConnectorRegistry.discover()
    assert [c.info for c in registry.connectors()] == [
        ConnectorInfo(
            "liverc",
            mre_liverc.__version__,
            ("live.liverc.com", "*.liverc.com"),
            "LiveRC",
            contract="1.0",
            capabilities=("catalogue", "entry_list", "laps"),
        )
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
        f"liverc {mre_liverc.__version__}  contract 1.0  can: catalogue, entry_list, laps  "
        "hosts: live.liverc.com, *.liverc.com"
    )
    assert out[1].startswith("FAILED ghost: cannot import mre_no_such_module_anywhere")
