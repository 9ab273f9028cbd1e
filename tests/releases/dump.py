"""Make tests/releases/<RELEASE>/: a database made by that mre release, dumped.

Run it with the RELEASE's OWN code installed, never today's: the point is
what that release wrote. Install the release (its tag; 0.1.0 is commit
8e811fa) in a venv of its own, and run this script from the current
checkout, which holds it and the cassette:

    mkdir -p /tmp/mre-X.Y.Z && git -C /path/to/mre archive vX.Y.Z | tar -x -C /tmp/mre-X.Y.Z
    python3 -m venv /tmp/vXYZ
    /tmp/vXYZ/bin/pip install /tmp/mre-X.Y.Z /tmp/mre-X.Y.Z/plugins/liverc psycopg2-binary
    cd /path/to/mre && /tmp/vXYZ/bin/python -m tests.releases.dump X.Y.Z

(or from elsewhere with PYTHONPATH=/path/to/mre). Not an editable install
of this checkout: the script refuses to run if the release's `mre` would
import mre_core from here, and it clears PYTHONPATH for `mre`.

Only the release's `mre` command writes the databases (run as a
subprocess, offline: every page comes from cassettes/demo.yaml, which is
synthetic), so the rows are exactly what that release writes: tracks,
events, one event ingested deep, users matched to its drivers, a link
confirmed and one rejected by a person, a failed run and a child run
(ingestion_runs.parent_id). Every table must end up with a row: the
script fails if one is empty.

It does so on SQLite and on PostgreSQL (the server at --postgres, default
$MRE_TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:55432/, where it
makes, and afterwards drops, the database mre_dump_X_Y_Z) and writes:

    sqlite-schema.sql      sqlite_master's CREATE statements, tables first
    sqlite-data.sql        one INSERT per row, values from SQLite's quote(), in id order
    postgresql-schema.sql  pg_dump --schema-only (the lines with versions removed)
    postgresql-data.sql    pg_dump --data-only --column-inserts, in id order, with each setval
    made-with.txt          the versions that made them, and the rows per table

pg_dump warns of "circular foreign-key constraints" on drivers and
ingestion_runs: they refer to themselves. The rows are written in id
order, a row after the one it refers to, so the data loads all the same.

This script uses only the standard library and psycopg2, and must keep
working under the release's Python: it imports nothing from mre_core.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.releases import (
    POSTGRES_DATA,
    POSTGRES_SCHEMA,
    RELEASES_DIR,
    SQLITE_DATA,
    SQLITE_SCHEMA,
)

ROOT = RELEASES_DIR.parent.parent
CASSETTE = "cassettes/demo.yaml"  # relative, run from ROOT: so no machine's path is stored
TRACK = "quickanddirtyrcandhobby"
EVENT = "413880"
MISSING_EVENT = "413237"  # listed by the track, not in the cassette: its ingestion fails

# Users chosen against the drivers of event 413880 (all names are made up):
USERS: list[list[str]] = [
    # the exact name of driver AARON BARNES: a confirmed `exact` link
    # (and a suggested `fuzzy` one to AARON JENSEN)
    ["Aaron Barnes", "--email", "aaron.barnes@example.com"],
    # MILES GIBSON's transponder under another name: a suggested `transponder` link
    ["Miles G.", "--transponder", "6892868", "--transponder", "1000001"],
    # close to DEREK PEARSON (Jaro-Winkler 0.886): suggested `fuzzy`, then rejected
    ["Derik Pearsen"],
    # close to CHASE HENDERSON (0.944): suggested `fuzzy`, then confirmed
    ["Chas Henderson"],
    # ZANE GIBSON's transponder, held by two users: a `conflict` link for each
    ["Pat Lender", "--transponder", "5516398"],
    ["Sam Lender", "--transponder", "5516398"],
]
CONFIRMED_BY_PERSON = "Chas Henderson"
REJECTED_BY_PERSON = "Derik Pearsen"

# pg_dump lines that change with the machine or the run, or that psycopg cannot run.
_UNSTABLE_LINE = re.compile(
    r"^(?:-- Dumped from database version .*|-- Dumped by pg_dump version .*"
    r"|\\restrict\b.*|\\unrestrict\b.*)$"
)


class DumpError(Exception):
    """The database could not be made or dumped as required."""


class Mre:
    """The release's `mre` command, run with a clean environment, from the checkout."""

    def __init__(self, release: str) -> None:
        bindir = Path(sys.executable).parent  # not resolved: a venv's bin/python is a link
        found = bindir / "mre"
        if not found.is_file():
            raise DumpError(f"no `mre` next to {sys.executable}: install the release in this venv")
        self.command = str(found)
        # No PYTHONPATH (it could point at today's code) and no MRE_* settings
        # (match thresholds, database URL...): the release's defaults, offline.
        self.env = {
            k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("MRE_")
        }
        self.env["MRE_HTTP_RESOLVE"] = "*=127.0.0.1:9"  # anything not replayed goes nowhere
        self._check_release(release, bindir)
        self.release = tuple(int(part) for part in release.split("."))

    def _check_release(self, release: str, bindir: Path) -> None:
        version = self.run("--version").strip()
        if version != f"mre {release}":
            raise DumpError(f"`mre --version` says {version!r}, not 'mre {release}'")
        probe = "import mre_core, mre_liverc; print(mre_core.__file__); print(mre_liverc.__file__)"
        with tempfile.TemporaryDirectory() as empty:  # python -c puts its cwd on sys.path
            where = subprocess.run(
                [str(bindir / "python"), "-c", probe],
                cwd=empty,
                env=self.env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
        for path in where:
            if Path(path).resolve().is_relative_to(ROOT):
                raise DumpError(
                    f"the release's mre imports {path}, today's code in {ROOT}: "
                    "install the release itself (not editable from this checkout)"
                )

    def run(self, *args: str, ok: Sequence[int] = (0,)) -> str:
        done = subprocess.run(
            [self.command, *args],
            check=False,
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if done.returncode not in ok:
            raise DumpError(
                f"mre {' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
            )
        return done.stdout


def build(mre: Mre, url: str) -> None:
    """Fill the database at `url` through the release's CLI, in every table."""

    def db(*args: str, ok: Sequence[int] = (0,)) -> str:
        return mre.run("--db", url, *args, ok=ok)

    def replayed(*args: str, ok: Sequence[int] = (0,)) -> str:
        return db("--replay", CASSETTE, *args, ok=ok)

    replayed("tracks", "sync")
    replayed("events", "refresh", "--track-id", TRACK, "--depth", "none")
    replayed("events", "ingest", "--event", EVENT)
    # A run that fails (exit 5, the page is not in the cassette): error columns and a second lock.
    replayed("events", "ingest", "--event", MISSING_EVENT, ok=(5,))
    # A run with a child run (parent_id), which finds the event already_complete.
    replayed("events", "refresh", "--track-id", TRACK, "--depth", "laps_full", "--ingest-all")
    for user in USERS:
        db("users", "add", *user)
    db("users", "match")
    links = json.loads(db("users", "links", "--json"))
    for name, verb in ((CONFIRMED_BY_PERSON, "confirm"), (REJECTED_BY_PERSON, "reject")):
        found = [x["id"] for x in links if x["user"] == name and x["status"] == "suggested"]
        if len(found) != 1:
            raise DumpError(f"expected one suggested link for {name!r}, found {links}")
        db("users", verb, str(found[0]))
    if mre.release >= (0, 3, 0):
        # A job still queued when the upgrade comes (no worker ran it): its run row, and
        # on PostgreSQL its procrastinate job, must reach the next release's workers.
        replayed("events", "ingest", "--event", EVENT, "--force", "--detach")


# --- SQLite ------------------------------------------------------------------


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_tables(connection: sqlite3.Connection) -> list[str]:
    """The tables in foreign-key order (a table after those it refers to), else creation order."""
    created = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY rowid"
        )
    ]
    refers = {
        t: {row[2] for row in connection.execute(f"PRAGMA foreign_key_list({_q(t)})")} - {t}
        for t in created
    }
    ordered: list[str] = []
    while len(ordered) < len(created):
        ready = [t for t in created if t not in ordered and refers[t] <= set(ordered)]
        if not ready:
            raise DumpError(f"foreign keys in a cycle among {set(created) - set(ordered)}")
        ordered.append(ready[0])
    return ordered


def dump_sqlite(path: Path, out: Path) -> dict[str, int]:
    """Write the schema and data files of the SQLite database at `path`; return rows per table."""
    connection = sqlite3.connect(path)
    try:
        schema = [
            sql + ";\n"
            for (sql,) in connection.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 "
                "WHEN 'view' THEN 2 ELSE 3 END, rowid"
            )
        ]
        counts: dict[str, int] = {}
        data: list[str] = []
        for table in _sqlite_tables(connection):
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({_q(table)})")]
            order = "id" if "id" in columns else "rowid"
            head = f"INSERT INTO {_q(table)} ({', '.join(_q(c) for c in columns)}) VALUES ("
            quoted = ", ".join(f"quote({_q(c)})" for c in columns)
            rows = connection.execute(f"SELECT {quoted} FROM {_q(table)} ORDER BY {order}")
            counts[table] = 0
            for row in rows:
                for value in row:
                    if "public." in value:
                        raise DumpError(f"{table}: a value contains 'public.': {value[:200]}")
                data.append(head + ", ".join(row) + ");\n")
                counts[table] += 1
    finally:
        connection.close()
    (out / SQLITE_SCHEMA).write_text("".join(schema), encoding="utf-8")
    (out / SQLITE_DATA).write_text("".join(data), encoding="utf-8")
    return counts


# --- PostgreSQL --------------------------------------------------------------


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def pg_dump_command() -> str:
    """The newest pg_dump installed (it must not be older than the server)."""

    def major(path: str) -> int:
        return int(Path(path).parent.parent.name)

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump"), key=major)
    command = found[-1] if found else shutil.which("pg_dump")
    if not command:
        raise DumpError("no pg_dump in /usr/lib/postgresql/*/bin or on PATH")
    return command


def _pg_dump(url: str, *options: str) -> str:
    done = subprocess.run(
        [pg_dump_command(), "--no-owner", "--no-privileges", *options, f"--dbname={url}"],
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise DumpError(f"pg_dump {' '.join(options)} failed:\n{done.stderr}")
    if done.stderr.strip():  # e.g. a warning about circular foreign keys: worth seeing
        print(done.stderr.strip(), file=sys.stderr)
    return "".join(
        line for line in done.stdout.splitlines(keepends=True) if not _UNSTABLE_LINE.match(line)
    )


def dump_postgres(url: str, out: Path) -> dict[str, int]:
    """Write the schema and data files of the PostgreSQL database `url`; return rows per table."""
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    try:
        cursor = connection.cursor()
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        tables = [name for (name,) in cursor.fetchall()]
        counts: dict[str, int] = {}
        for table in tables:
            # pg_dump writes rows in their physical order, which updates shuffle; in id
            # order (as on SQLite) a row comes after the row it refers to in its own table
            # (ingestion_runs.parent_id), so the data loads with its foreign keys checked.
            # CLUSTER rewrites the table in that order; SET WITHOUT CLUSTER keeps it out
            # of the schema dump.
            cursor.execute(f"CLUSTER {_q(table)} USING {_q(table + '_pkey')}")
            cursor.execute(f"ALTER TABLE {_q(table)} SET WITHOUT CLUSTER")
            # Every column, as text: the loader rewrites `public.` and must not meet it in data.
            cursor.execute(
                f"SELECT count(*), count(*) FILTER (WHERE t::text LIKE %s) FROM {_q(table)} t",
                ("%public.%",),
            )
            counts[table], tainted = cursor.fetchone()
            if tainted:
                raise DumpError(f"{table}: {tainted} rows have a value containing 'public.'")
    finally:
        connection.close()
    (out / POSTGRES_SCHEMA).write_text(_pg_dump(url, "--schema-only"), encoding="utf-8")
    (out / POSTGRES_DATA).write_text(
        _pg_dump(url, "--data-only", "--column-inserts"), encoding="utf-8"
    )
    return counts


def _admin(server: str):  # type: ignore[no-untyped-def]
    import psycopg2

    connection = psycopg2.connect(server)
    connection.autocommit = True
    return connection


# --- the whole job -----------------------------------------------------------


# Tables only a live request or a worker fills: 0.3.0's fleet politeness (spacing
# and in-flight leases per site; the dump is made offline from a cassette, which asks
# no site) and procrastinate's bookkeeping of workers, events and periodic tasks. Their
# rows are minutes-long state that an upgrade need not carry.
LIVE_ONLY = {
    "site_budgets",
    "site_slots",
    "procrastinate_events",
    "procrastinate_periodic_defers",
    "procrastinate_workers",
}


def _check_filled(db: str, counts: dict[str, int]) -> None:
    empty = sorted(t for t, n in counts.items() if n == 0 and t not in LIVE_ONLY)
    if empty:
        raise DumpError(f"{db}: no rows in {', '.join(empty)}; add a CLI step that fills them")


def _versions(mre: Mre, pg_url: str) -> list[str]:
    probe = (
        "import importlib.metadata as m, sqlite3, sys\n"
        "for p in ('mre-core', 'mre-liverc', 'peewee', 'psycopg2-binary'):\n"
        "    try: print(f'{p} {m.version(p)}')\n"
        "    except m.PackageNotFoundError: pass\n"
        "print(f'python {sys.version.split()[0]}')\n"
        "print(f'sqlite {sqlite3.sqlite_version}')\n"
    )
    with tempfile.TemporaryDirectory() as empty:
        lines = subprocess.run(
            [str(Path(sys.executable).parent / "python"), "-c", probe],
            cwd=empty,
            env=mre.env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    import psycopg2

    connection = psycopg2.connect(pg_url)
    try:
        cursor = connection.cursor()
        cursor.execute("SHOW server_version")
        (server,) = cursor.fetchone()
    finally:
        connection.close()
    dump = subprocess.run(
        [pg_dump_command(), "--version"], capture_output=True, text=True, check=True
    )
    return [*lines, f"postgresql server {server}", dump.stdout.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.releases.dump", description=__doc__)
    parser.add_argument("release", help="the installed release's version, e.g. 0.1.0")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("MRE_TEST_POSTGRES_URL") or "postgresql://postgres@127.0.0.1:55432/",
        help="a PostgreSQL server URL (a user allowed to create databases)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the databases made (their URLs are printed)"
    )
    args = parser.parse_args(argv)
    release: str = args.release

    mre = Mre(release)
    out = RELEASES_DIR / release
    out.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"mre-dump-{release}-"))
    sqlite_path = work / "mre.db"
    database = "mre_dump_" + re.sub(r"\W", "_", release)
    pg_url = _with_database(args.postgres, database)

    admin = _admin(args.postgres)
    try:
        build(mre, f"sqlite:///{sqlite_path}")
        sqlite_counts = dump_sqlite(sqlite_path, out)
        _check_filled("sqlite", sqlite_counts)

        admin.cursor().execute(f"DROP DATABASE IF EXISTS {_q(database)}")
        admin.cursor().execute(f"CREATE DATABASE {_q(database)}")
        build(mre, pg_url)
        pg_counts = dump_postgres(pg_url, out)
        _check_filled("postgresql", pg_counts)
        mre_counts = {t: n for t, n in pg_counts.items() if not t.startswith("procrastinate_")}
        if mre_counts != sqlite_counts:  # the job engine's tables are PostgreSQL's alone
            raise DumpError(f"the databases differ: sqlite {sqlite_counts}, pg {pg_counts}")

        lines = [f"Made by `python -m tests.releases.dump {release}` with:", ""]
        lines += [f"  {v}" for v in _versions(mre, pg_url)]
        lines += ["", "Rows per table (the same on SQLite and PostgreSQL):", ""]
        lines += [f"  {table:20} {n:6}" for table, n in sqlite_counts.items()]
        (out / "made-with.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    finally:
        if args.keep:
            print(f"kept: sqlite:///{sqlite_path}  {pg_url}")
        else:
            shutil.rmtree(work, ignore_errors=True)
            admin.cursor().execute(f"DROP DATABASE IF EXISTS {_q(database)}")
        admin.close()

    for path in sorted(out.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except DumpError as error:
        print(f"dump: {error}", file=sys.stderr)
        sys.exit(1)
