"""Connector modules built on the fly, shaped like third parties' plugins."""

from __future__ import annotations

import types

from mre_core.connector import CAPABILITIES, ConnectorInfo, TrackRecord, hookimpl

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
        capabilities = tuple(
            c for c, needs in CAPABILITIES.items() if needs and set(needs) <= set(hooks)
        )

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
