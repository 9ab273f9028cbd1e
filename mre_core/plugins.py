"""Finding connectors and routing each call to the one source it is for.

Connectors are found only through the entry-point group `mre`. We walk the
group ourselves instead of calling `pm.load_setuptools_entrypoints("mre")`:
that call stops at the first plugin that fails to import, and one broken
third-party plugin must not take LiveRC down with it. Each failure is kept,
by entry-point name, and reported (`mre connectors list`, the log).

A connector is accepted when its contract's major version is the core's
and what it declares matches what it implements (see `_check`); every
answer it gives is checked at the boundary (`record_checks`).
"""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from typing import Any

import pluggy
from loguru import logger

from mre_core import hookspecs
from mre_core.connector import CAPABILITIES, CONTRACT
from mre_core.errors import ConnectorError, MreError, UsageError, first_line
from mre_core.record_checks import InvalidAnswerError, check_answer
from mre_core.records import ConnectorInfo

ENTRY_POINT_GROUP = "mre"
REQUIRED_HOOKS = ("list_events_for_track", "fetch_races", "fetch_laps")
_MAJOR, _MINOR = (int(part) for part in CONTRACT.split("."))


@dataclass(frozen=True, slots=True)
class PluginFailure:
    name: str
    error: str


class Connector:
    """One source's hooks, each called through a caller that holds only its plugin."""

    def __init__(self, pm: pluggy.PluginManager, plugin: object, info: ConnectorInfo) -> None:
        self.info = info
        self._pm = pm
        self.plugin = plugin  # the module or object holding its hooks

    @property
    def source(self) -> str:
        return self.info.source

    @property
    def capabilities(self) -> tuple[str, ...]:
        """What it can do, of what this mre knows (a newer minor may declare more)."""
        return tuple(c for c in self.info.capabilities if c in CAPABILITIES)

    def can(self, capability: str) -> bool:
        return capability in self.info.capabilities

    def call(self, hook: str, **kwargs: Any) -> Any:
        """Call one hook of this connector, its answer checked against the contract."""
        try:
            answer = _only(self._pm, self.plugin, hook)(**kwargs)
        except MreError:
            raise
        except Exception as exc:  # a bug in the connector: say whose
            raise ConnectorError(
                f"connector {self.source!r} failed in {hook}: "
                f"{type(exc).__name__}: {first_line(exc)}"
            ) from exc
        try:
            check_answer(hook, answer)
            if hook == "fetch_laps":
                self._check_race(kwargs["race"].source_race_id, answer)
        except InvalidAnswerError as exc:
            raise ConnectorError(
                f"connector {self.source!r} returned an invalid answer from {hook}: {exc}"
            ) from None
        return answer

    def _check_race(self, asked: str, detail: Any) -> None:
        if detail.source_race_id != asked:
            raise InvalidAnswerError(
                "source_race_id", f"is {detail.source_race_id!r}, the race asked for is {asked!r}"
            )
        if not self.can("laps"):
            for index, result in enumerate(detail.results):
                if result.laps:
                    raise InvalidAnswerError(
                        f"results[{index}].laps",
                        "holds laps, and the connector does not declare the capability 'laps'",
                    )


def _check_contract(info: ConnectorInfo) -> str | None:
    source, contract = info.source, info.contract
    try:
        major, minor = (int(part) for part in contract.split("."))
    except ValueError:
        return (
            f"connector {source!r} must name the connector contract it was written for, "
            f"as ConnectorInfo(contract={CONTRACT!r}), not {contract!r}"
        )
    if major != _MAJOR:
        newer = "upgrade mre" if major > _MAJOR else "upgrade the connector"
        return (
            f"connector {source!r} is written for connector contract {contract}; this mre "
            f"speaks {CONTRACT}: {newer}"
        )
    unknown = [c for c in info.capabilities if c not in CAPABILITIES]
    if unknown and minor <= _MINOR:
        return (
            f"connector {source!r} declares unknown capabilities {', '.join(unknown)} "
            f"(contract {CONTRACT} knows {', '.join(CAPABILITIES)})"
        )
    if unknown:
        logger.info(
            "connector {} (contract {}) can also {}: this mre (contract {}) does not use it",
            source,
            contract,
            ", ".join(unknown),
            CONTRACT,
        )
    return None


def _check_hooks(pm: pluggy.PluginManager, plugin: object, info: ConnectorInfo) -> str | None:
    """Required hooks present, optional ones exactly those of its capabilities, and no
    hook this mre does not know (a misspelt name), unless the connector is written for a
    newer minor contract, whose new hooks this mre simply does not call."""
    source = info.source
    implemented = {caller.name for caller in pm.get_hookcallers(plugin) or []}
    unknown = sorted(name for name in implemented if not hasattr(hookspecs, name))
    newer = int(info.contract.split(".")[1]) > _MINOR
    if unknown and not newer:
        return f"connector {source!r} implements hooks mre does not know: {', '.join(unknown)}"
    missing = [h for h in REQUIRED_HOOKS if h not in implemented]
    if missing:
        return f"connector {source!r} does not implement {', '.join(missing)}"
    for capability, hooks in CAPABILITIES.items():
        for hook in hooks:
            problem = _check_capability_hook(source, capability, hook, info, implemented)
            if problem:
                return problem
    return None


def _check_capability_hook(
    source: str, capability: str, hook: str, info: ConnectorInfo, implemented: set[str]
) -> str | None:
    declared = capability in info.capabilities
    if declared and hook not in implemented:
        return (
            f"connector {source!r} declares the capability {capability!r} "
            f"but does not implement {hook}"
        )
    if hook in implemented and not declared:
        return (
            f"connector {source!r} implements {hook} but does not declare "
            f"the capability {capability!r}"
        )
    return None


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
            return "describe_connector must return mre_core.connector.ConnectorInfo"
        try:
            check_answer("describe_connector", info)
        except InvalidAnswerError as exc:
            return f"describe_connector answered an invalid ConnectorInfo: {exc}"
        if not info.source.isidentifier():
            return f"source name {info.source!r} must be a short identifier such as 'mysite'"
        if info.source in self._connectors:
            return f"source {info.source!r} is already provided by another plugin"
        if not info.hosts:
            return "describe_connector must declare the hosts the connector may fetch"
        return _check_contract(info) or _check_hooks(self.pm, plugin, info)

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
