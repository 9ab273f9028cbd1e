"""`mre connectors`: what is installed and what failed to load; a new connector's package."""

from __future__ import annotations

from pathlib import Path

import typer

from mre_core.cli import output
from mre_core.cli.helptext import Typer
from mre_core.plugins import ConnectorRegistry

app = Typer(
    help="Installed connectors (plugins of the entry-point group 'mre').",
    epilog="Example: mre connectors list",
    no_args_is_help=True,
)


@app.command("list")
def list_connectors(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """The installed connectors, and plugins that failed to load.

    Each connector with its version, the connector contract it was written
    for, what it can do (its capabilities) and the hosts it may fetch.

    Example: mre connectors list --json
    """
    registry = ConnectorRegistry.discover()
    rows = [
        {
            "source": c.info.source,
            "version": c.info.version,
            "hosts": list(c.info.hosts),
            "title": c.info.title,
            "contract": c.info.contract,
            "capabilities": list(c.capabilities),
        }
        for c in registry.connectors()
    ]
    failures = [{"plugin": f.name, "error": f.error} for f in registry.failures]
    if as_json:
        output.as_json({"connectors": rows, "failed": failures})
        return
    for row in rows:
        output.line(
            f"{row['source']} {row['version']}  contract {row['contract']}  "
            f"can: {', '.join(row['capabilities']) or 'events only'}  "
            f"hosts: {', '.join(row['hosts'])}"
        )
    for failure in failures:
        output.line(f"FAILED {failure['plugin']}: {failure['error']}")
    if not rows and not failures:
        output.line("no connectors installed (pip install -e plugins/liverc)")


@app.command("new")
def new(
    name: str = typer.Argument(..., metavar="NAME", help="The connector's name (its source)."),
    folder: Path = typer.Option(
        Path("."), "--dir", metavar="D", help="Where to write mre-NAME/ (default: here)."
    ),
) -> None:
    """Write a connector package, mre-NAME/, that passes the conformance suite.

    It reads a tiny example site from a cassette: install it (pip install -e
    mre-NAME) and run pytest in it; then make it read your timing site.

    Example: mre connectors new mysite --dir ~/src
    """
    from mre_core.kit.scaffold import new_connector

    target = new_connector(name, folder)
    output.line(f"wrote {target}: next, pip install -e '{target}[test]' && cd {target} && pytest")
