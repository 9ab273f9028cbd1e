"""`mre db`: the database's schema version, upgrades, copies and backups.

These commands open the database themselves, without the service: they
work on a database the service would refuse (older or newer than the code).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import peewee
import typer

from mre_core import __version__
from mre_core.cli import output
from mre_core.cli.options import state
from mre_core.storage import schema
from mre_core.storage.database import connect, missing_sqlite_file

app = typer.Typer(
    help="The database itself: schema version and upgrades, copies, backups.",
    no_args_is_help=True,
)


@contextmanager
def _database(ctx: typer.Context, create: bool = True) -> Iterator[peewee.Database]:
    url = state(ctx).database_url()
    if not create:
        missing_sqlite_file(url)
    db = connect(url)
    try:
        yield db
    finally:
        db.close()


@app.command("status")
def status(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """The database's schema version, this mre's, and the migrations pending.

    Example: mre --db postgresql://mre@db/mre db status
    """
    with _database(ctx, create=False) as db:
        found = schema.status(db)
    pending = [{"version": m.version, "name": m.name} for m in found.pending]
    if found.newer_than_code:
        pending = []
    if as_json:
        output.as_json(
            {
                "database_version": found.database,
                "code_version": found.code,
                "mre_version": __version__,
                "pending": pending,
                "newer_than_code": found.newer_than_code,
            }
        )
        return
    if found.database is None:
        shown = "empty (no mre tables yet: the first command creates them)"
    elif found.database == 0:
        shown = "0 (made before versioned migrations, by mre 0.1.0 or earlier)"
    else:
        shown = str(found.database)
    output.console.print(f"database schema: {shown}")
    output.console.print(f"this mre:        {__version__}, schema {found.code}")
    if found.newer_than_code:
        output.console.print("newer than this mre: install the mre that upgraded it")
    elif pending:
        output.console.print(f"pending: {len(pending)} (run `mre db upgrade`)")
        for m in pending:
            output.console.print(f"  {m['version']} {m['name']}")
    else:
        output.console.print("up to date")


@app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Apply the pending migrations, all in one transaction, and say what was done.

    Safe to run while nothing else uses the database, and from two places at
    once: one upgrades, the other waits and finds nothing to do. On
    PostgreSQL, run it once, then restart the workers.

    Example: mre --db postgresql://mre@db/mre db upgrade
    """
    with _database(ctx) as db:
        before = schema.database_version(db)
        applied = schema.upgrade(db)
        after = schema.database_version(db)  # another process may have done it meanwhile
    if not applied:
        output.console.print(f"database schema {after}: up to date, nothing to do")
        return
    start = "empty" if before is None else str(before)
    output.console.print(f"database schema {start} -> {applied[-1].version}:")
    for migration in applied:
        output.console.print(
            f"  applied {migration.version} {migration.name}: {migration.description}"
        )
