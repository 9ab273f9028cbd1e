"""Finding connectors and routing each call to the one source it is for.

Connectors are found only through the entry-point group `mre`. We walk the
group ourselves instead of calling `pm.load_setuptools_entrypoints("mre")`:
that call stops at the first plugin that fails to import, and one broken
third-party plugin must not take LiveRC down with it. Each failure is kept,
by entry-point name, and reported (`mre connectors list`, the log).
"""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from typing import Any

import pluggy
from loguru import logger

from mre_core import hookspecs
from mre_core.errors import UsageError, first_line
from mre_core.records import ConnectorInfo

ENTRY_POINT_GROUP = "mre"
CONNECTOR_HOOKS = (
    "list_tracks",
    "list_events_for_track",
    "fetch_entry_list",
    "fetch_races",
    "fetch_laps",
)


@dataclass(frozen=True, slots=True)
class PluginFailure:
    name: str
    error: str


class Connector:
    """One source's hooks, each called through a caller that holds only its plugin."""

    def __init__(self, pm: pluggy.PluginManager, plugin: object, info: ConnectorInfo) -> None:
        self.info = info
        self._pm = pm
        self._plugin = plugin

    @property
    def source(self) -> str:
        return self.info.source

    def call(self, hook: str, **kwargs: Any) -> Any:
        return _only(self._pm, self._plugin, hook)(**kwargs)


def _only(pm: pluggy.PluginManager, plugin: object, hook: str) -> Any:
    others = [p for p in pm.get_plugins() if p is not plugin]
    return pm.subset_hook_caller(hook, remove_plugins=others)


class ConnectorRegistry:
    """All loaded connectors by source name, plus the plugins that failed."""

    def __init__(self) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.failures: list[PluginFailure] = []
        self._connectors: dict[str, Connector] = {}

    @classmethod
    def discover(cls) -> ConnectorRegistry:
        registry = cls()
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not stop the others
                registry._fail(ep.name, f"cannot import {ep.value}: {exc}")
                continue
            registry.register(plugin, name=ep.name)
        return registry

    def register(self, plugin: object, name: str | None = None) -> Connector | None:
        """Add a connector; returns None, and records why, if it is unusable."""
        name = name or getattr(plugin, "__name__", repr(plugin))
        registered = False  # by this call: a plugin registered before must stay
        try:
            registered = self.pm.register(plugin, name=name) is not None
            self.pm.check_pending()  # a misspelled hook fails here, loudly
            info = _only(self.pm, plugin, "describe_connector")()
            problem = self._check(plugin, info)
        except Exception as exc:
            problem = f"invalid plugin: {first_line(exc)}"
        if problem:
            if registered:
                self.pm.unregister(plugin)
            self._fail(name, problem)
            return None
        connector = Connector(self.pm, plugin, info)
        self._connectors[info.source] = connector
        return connector

    def _check(self, plugin: object, info: object) -> str | None:
        if not isinstance(info, ConnectorInfo):
            return "describe_connector must return mre_core.records.ConnectorInfo"
        if not info.source.isidentifier():
            return f"source name {info.source!r} must be a short identifier such as 'liverc'"
        if info.source in self._connectors:
            return f"source {info.source!r} is already provided by another plugin"
        if not info.hosts:
            return "describe_connector must declare the hosts the connector may fetch"
        implemented = {caller.name for caller in self.pm.get_hookcallers(plugin) or []}
        missing = [h for h in CONNECTOR_HOOKS if h not in implemented]
        if missing:
            return f"connector {info.source!r} does not implement {', '.join(missing)}"
        return None

    def _fail(self, name: str, error: str) -> None:
        self.failures.append(PluginFailure(name, error))
        logger.warning("plugin {} not loaded: {}", name, error)

    def connectors(self) -> list[Connector]:
        return [self._connectors[s] for s in sorted(self._connectors)]

    def get(self, source: str) -> Connector:
        try:
            return self._connectors[source]
        except KeyError:
            known = ", ".join(sorted(self._connectors)) or "none installed"
            raise UsageError(f"unknown source {source!r} (installed: {known})") from None
