"""`mre db`: the database's schema version, upgrades, copies and backups.

These commands open the database themselves, without the service: they
work on a database the service would refuse (older or newer than the code).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee
import typer

from mre_core import __version__
from mre_core.cli import output
from mre_core.cli.helptext import Typer
from mre_core.cli.options import in_range, state
from mre_core.cli.output import Column
from mre_core.errors import DatabaseError
from mre_core.storage import schema
from mre_core.storage.backup import backup_sqlite
from mre_core.storage.copy import BATCH_SIZE, CopyReport, copy_database
from mre_core.storage.database import connect, missing_sqlite_file

app = Typer(
    help="The database itself: schema, upgrades, copies, backups.",
    epilog="Example: mre db status",
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
    typer.echo(f"database schema: {shown}")
    typer.echo(f"this mre:        {__version__}, schema {found.code}")
    if found.newer_than_code:
        typer.echo("newer than this mre: install the mre that upgraded it")
    elif pending:
        typer.echo(f"pending: {len(pending)} (run `mre db upgrade`)")
        for m in pending:
            typer.echo(f"  {m['version']} {m['name']}")
    else:
        typer.echo("up to date")


@app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Apply the pending migrations, in one transaction.

    It says what was done. Safe to run while nothing else uses the database, and from two places at
    once: one upgrades, the other waits and finds nothing to do. On
    PostgreSQL, run it once, then restart the workers.

    Example: mre --db postgresql://mre@db/mre db upgrade
    """
    with _database(ctx) as db:
        before = schema.database_version(db)
        applied = schema.upgrade(db)
        after = schema.database_version(db)  # another process may have done it meanwhile
    if not applied:
        typer.echo(f"database schema {after}: up to date, nothing to do")
        return
    start = "empty" if before is None else str(before)
    typer.echo(f"database schema {start} -> {applied[-1].version}:")
    for migration in applied:
        typer.echo(f"  applied {migration.version} {migration.name}: {migration.description}")


@app.command("copy")
def copy_command(
    ctx: typer.Context,
    to: str = typer.Option(
        ...,
        "--to",
        metavar="URL",
        help="The empty database to copy into: postgresql://user:pw@host/db or sqlite:///new.db.",
    ),
    batch_size: int = typer.Option(
        BATCH_SIZE,
        "--batch-size",
        metavar="N",
        callback=in_range(1),
        help="Rows read and written at a time.",
    ),
) -> None:
    """Copy the whole database into an empty one, and check the copy.

    For moving house (SQLite to PostgreSQL, say): every table, ids kept,
    read in one consistent snapshot (others may keep using the source, which
    is never changed) and written in one transaction, so a failed copy
    leaves the target empty. The source must be at this mre's schema version
    (`mre db upgrade` first); the target gets the same. Then row counts and
    a SHA-256 of every table are compared, source against target; any
    difference undoes the copy (exit 7).

    Example: mre --db sqlite:///mre.db db copy --to postgresql://mre@db/mre
    """
    try:
        report = copy_database(state(ctx).database_url(), to, batch_size)
    except DatabaseError as exc:
        if isinstance(exc.report, CopyReport):
            _copy_table(exc.report)
        raise
    _copy_table(report)
    output.line(
        f"copied {len(report.tables)} tables, {report.rows} rows from {report.source} "
        f"to {report.target} (schema {report.schema_version})"
    )


COPY_COLUMNS = (
    Column("table", lambda t: t.table),
    Column(
        "rows",
        lambda t: (
            t.source_rows
            if t.target_rows == t.source_rows
            else f"{t.source_rows} -> {t.target_rows}"
        ),
    ),
    Column("digest", lambda t: "match" if t.matches else "MISMATCH"),
)


def _copy_table(report: CopyReport) -> None:
    output.table(COPY_COLUMNS, report.tables)


@app.command("backup")
def backup_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="FILE", help="The new backup file (not a URL)."),
) -> None:
    """Back up a SQLite database into FILE, while others use it.

    Uses SQLite's online backup: the copy is the database as of one moment
    (what a writer has not committed is not in it), checked with PRAGMA
    integrity_check, and a normal mre database (open it with --db
    sqlite:///FILE). FILE must not exist: a backup never replaces a file.
    For PostgreSQL use pg_dump (see the README).

    Example: mre --db sqlite:///mre.db db backup mre-2025-06-01.db
    """
    result = backup_sqlite(state(ctx).database_url(), file)
    version = "empty" if result.schema_version is None else result.schema_version
    output.line(
        f"backed up {result.source} to {result.path} ({result.bytes} bytes, schema {version})"
    )
