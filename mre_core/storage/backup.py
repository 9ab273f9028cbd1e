"""A consistent copy of a SQLite database while others use it: SQLite's online backup.

Copying the file with `cp` while mre writes can catch it between two pages
of a transaction (and misses what is still in the `-wal` file). SQLite's
backup API (`sqlite3.Connection.backup`) copies the database as one read
transaction sees it: in WAL mode writers carry on meanwhile, and what they
have not committed is not in the copy.

The copy is written to a hidden temporary file next to FILE, checked
(`PRAGMA integrity_check`), made a normal mre database (WAL mode), and only
then given FILE's name, without ever replacing a file: a crash leaves at
most a `.FILE.*.partial` behind, never a half backup under FILE's name.
PostgreSQL has its own tool for this, `pg_dump` (see the README).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mre_core.errors import DatabaseError, UsageError, first_line
from mre_core.storage import schema
from mre_core.storage.database import connect, missing_sqlite_file
from mre_core.url_masking import mask_passwords


@dataclass(frozen=True, slots=True)
class BackupReport:
    source: Path
    path: Path
    bytes: int
    schema_version: int | None


def backup_sqlite(url: str, file: Path | str) -> BackupReport:
    """Copy the SQLite database `url` into the new file `file`, consistently."""
    source = _sqlite_path(url)
    missing_sqlite_file(url)
    target = Path(file).expanduser()
    if target.exists() or target.is_symlink():
        raise UsageError(f"{target} exists: a backup never replaces a file, choose a new name")
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {target}: folder {target.parent} does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    except OSError as exc:
        raise DatabaseError(f"cannot write in {target.parent}: {exc.strerror}") from None
    os.close(fd)
    partial = Path(name)
    try:
        _online_backup(source, partial)
        version = _check(partial)
        _publish(partial, target)
    finally:
        for path in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            path.unlink(missing_ok=True)
    return BackupReport(source, target, target.stat().st_size, version)


def _sqlite_path(url: str) -> Path:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in {"postgresql", "postgres"}:
        name = unquote(parts.path.lstrip("/")) or "DBNAME"
        raise UsageError(
            f"use pg_dump for PostgreSQL: pg_dump -Fc -f {name}.dump {name} (see README)"
        )
    if scheme != "sqlite" or not url.lower().startswith("sqlite:///"):
        raise UsageError(
            f"mre db backup copies a SQLite database, not {mask_passwords(url)!r}: "
            "--db sqlite:///path/to/file.db"
        )
    path = url[len("sqlite:///") :]
    if not path or path == ":memory:":
        raise UsageError(f"database URL {mask_passwords(url)!r} names no file to back up")
    return Path(path).expanduser()


def _online_backup(source: Path, partial: Path) -> None:
    try:
        # mode=rw: never create the source (it was checked, but it may go meanwhile)
        reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=rw", uri=True, timeout=30)
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot open database {source}: {first_line(exc)}") from None
    try:
        reader.execute("PRAGMA query_only = 1")
        writer = sqlite3.connect(partial)
        try:
            reader.backup(writer)  # all pages in one step: one read transaction, one snapshot
        finally:
            writer.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot back up {source}: {first_line(exc)}") from None
    finally:
        reader.close()


def _check(partial: Path) -> int | None:
    """Check the copy, and open it as mre does (WAL mode); its schema version."""
    db = connect(f"sqlite:///{partial}")
    try:
        problems = [row[0] for row in db.execute_sql("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise DatabaseError(
                f"the backup failed SQLite's integrity check ({len(problems)} problems, "
                f"first: {problems[0]}): nothing was written"
            )
        return schema.database_version(db)
    finally:
        db.close()  # the last connection: SQLite checkpoints and removes the -wal file


def _publish(partial: Path, target: Path) -> None:
    """Give the finished copy its name, refusing to replace a file that appeared meanwhile."""
    try:
        os.link(partial, target)  # atomic, and fails if target exists
    except FileExistsError:
        raise UsageError(
            f"{target} exists: a backup never replaces a file, choose a new name"
        ) from None
    except OSError:  # a file system without hard links: rename, after one more look
        if target.exists():
            raise UsageError(
                f"{target} exists: a backup never replaces a file, choose a new name"
            ) from None
        os.replace(partial, target)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the new name durable (POSIX); not available everywhere, and not fatal."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
