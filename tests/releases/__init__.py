"""Databases as earlier mre releases made them, for the upgrade tests.

Each folder here is named after a release and holds a dump of a database
that release's own code made (see README.md and `dump.py`): its schema and
its data, on SQLite and on PostgreSQL. A dump stands in for the release: a
test loads it and opens it with today's mre, which must upgrade it and
lose nothing. The schema and the data load separately, so a test can also
load the old data into a database the migrations made from nothing and
compare the two.

The SQLite files are plain SQL for `executescript`. The PostgreSQL files are
pg_dump's output, which names everything `public.x`; the loader drops that
qualifier so the dump lands in whatever schema the URL's search_path selects
(each test has its own, see tests/pg_schema.py).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

RELEASES_DIR = Path(__file__).resolve().parent

SQLITE_SCHEMA = "sqlite-schema.sql"
SQLITE_DATA = "sqlite-data.sql"
POSTGRES_SCHEMA = "postgresql-schema.sql"
POSTGRES_DATA = "postgresql-data.sql"

_VERSION = re.compile(r"\d+(?:\.\d+)*")


def releases() -> list[str]:
    """The releases with a dump here, oldest first (by version, so 0.10.0 comes after 0.9.0)."""
    names = [p.name for p in RELEASES_DIR.iterdir() if p.is_dir() and _VERSION.fullmatch(p.name)]
    return sorted(names, key=lambda name: tuple(int(part) for part in name.split(".")))


def _read(release: str, name: str) -> str:
    path = RELEASES_DIR / release / name
    if not path.is_file():
        raise FileNotFoundError(f"no dump {name} for release {release!r} (looked in {path})")
    return path.read_text(encoding="utf-8")


def _parts(schema_file: str, data_file: str, schema: bool, data: bool) -> list[str]:
    """The files to load, schema first: each is read before anything is written."""
    return [name for name, wanted in ((schema_file, schema), (data_file, data)) if wanted]


# A database the migrations made has its own schema_version rows: feeding it a
# release's data must not add that release's (`schema=False` leaves them out).
VERSION_ROWS = re.compile(r'^INSERT INTO "?(?:public\.)?"?schema_version"? .*$', re.MULTILINE)


def load_sqlite(path: Path, release: str, *, data: bool = True, schema: bool = True) -> None:
    """Load a release's SQLite dump into the database file at `path` (made if missing).

    `data=False` makes the release's empty tables; `schema=False` inserts its
    rows into tables that exist already (e.g. a database the migrations made),
    less its schema_version rows. Foreign keys are not enforced while
    loading, as sqlite3 leaves them off.
    """
    scripts = [_read(release, name) for name in _parts(SQLITE_SCHEMA, SQLITE_DATA, schema, data)]
    if not schema:
        scripts = [VERSION_ROWS.sub("", script) for script in scripts]
    connection = sqlite3.connect(path)
    try:
        # WAL, as every mre database is: a file in another journal mode cannot be
        # switched while another connection writes (SQLite does not wait for that).
        connection.execute("PRAGMA journal_mode = wal")
        for script in scripts:  # one transaction each: a failed load leaves nothing half done
            connection.executescript(f"BEGIN;\n{script}\nCOMMIT;")
    finally:
        connection.close()


def load_postgres(url: str, release: str, *, data: bool = True, schema: bool = True) -> None:
    """Load a release's PostgreSQL dump into the schema that `url` selects, in one transaction.

    `url` is a libpq URL, e.g. one of tests/pg_schema.py's with
    `?options=-csearch_path%3Dt_abc123`: the dump's `public.` qualifiers are
    dropped so every table, sequence and default lands in (and refers to)
    the first schema of the search_path. `data=False` makes the release's
    empty tables; `schema=False` inserts its rows but schema_version (and sets its sequences)
    into tables that exist already. Foreign keys are not enforced while loading, as on
    SQLite (`session_replication_role = replica`, which needs a superuser): since 0.3.0
    an entry-list driver refers to the real driver it was merged into, a later row.
    """
    import psycopg

    scripts = [
        _read(release, name) for name in _parts(POSTGRES_SCHEMA, POSTGRES_DATA, schema, data)
    ]
    if not schema:
        scripts = [VERSION_ROWS.sub("", script) for script in scripts]
    connection = psycopg.connect(url)
    try:
        with connection, connection.cursor() as cursor:  # commits, or rolls back on error
            cursor.execute("SET LOCAL session_replication_role = replica")
            for script in scripts:
                for statement in postgres_statements(script):
                    try:
                        cursor.execute(statement)  # no parameters: '%' is not special
                    except psycopg.Error as error:
                        raise RuntimeError(
                            f"loading release {release} failed at: {statement[:300]}\n{error}"
                        ) from error
    finally:
        connection.close()


# pg_dump's tokens: a string literal ('' escapes a quote, as pg_dump writes
# them with standard_conforming_strings on), a quoted identifier, a
# dollar-quoted body, a comment, a psql meta-command (a line starting with a
# backslash, like \restrict), the end of a statement, or other text.
_TOKEN = re.compile(
    r"""
      (?P<literal>'(?:[^']|'')*')
    | (?P<ident>"(?:[^"]|"")*")
    | (?P<dollar>\$(?P<tag>(?:[A-Za-z_]\w*)?)\$.*?\$(?P=tag)\$)
    | (?P<comment>--[^\n]*)
    | (?P<meta>(?:^|(?<=\n))\\[^\n]*)
    | (?P<end>;)
    | (?P<code>[^'";$\\-]+|[$\\-])
    """,
    re.VERBOSE | re.DOTALL,
)
# `public.` where it qualifies a name in SQL text (not inside a longer word).
_QUALIFIER = re.compile(r"(?<![\w$.\"])public\.(?=[A-Za-z_\"])")
# A sequence named in a string: nextval('public.x_id_seq'::regclass), setval('public.x_id_seq', 3).
_SEQUENCE_CALL = re.compile(r"\b(?:nextval|setval|currval)\(\s*$", re.IGNORECASE)
_SEQUENCE_NAME = re.compile(r"'public\.([A-Za-z_][\w$]*)'")
# Statements that would pin the session to public, or make or change public itself.
_DROPPED = re.compile(
    r"SELECT\s+pg_catalog\.set_config\('search_path',\s*'',\s*false\)"
    r"|(?:CREATE|COMMENT\s+ON|ALTER)\s+SCHEMA\s+public\b.*",
    re.IGNORECASE | re.DOTALL,
)


def postgres_statements(script: str) -> Iterator[str]:
    """The statements of a pg_dump script, rewritten to land in the current schema.

    The text is tokenised rather than searched, so a string literal (a data
    value) is never changed: only `public.` qualifying a name in SQL text is
    dropped, and in a string only the sequence name given to nextval/setval.
    Comments and psql meta-commands are left out, and so are the statements
    that set search_path to '' or make or change the schema `public`.
    """
    parts: list[str] = []
    last_code = ""
    for match in _TOKEN.finditer(script):
        kind = match.lastgroup if match.lastgroup != "tag" else "dollar"
        text = match.group()
        if kind in ("comment", "meta"):
            continue
        if kind == "end":
            statement = "".join(parts).strip()
            parts, last_code = [], ""
            if statement and not _DROPPED.fullmatch(statement):
                yield statement
            continue
        if kind == "code":
            text = _QUALIFIER.sub("", text)
            last_code = text
        elif kind == "literal" and _SEQUENCE_CALL.search(last_code):
            text = _SEQUENCE_NAME.sub(r"'\1'", text)
        parts.append(text)
    statement = "".join(parts).strip()
    if statement and not _DROPPED.fullmatch(statement):
        yield statement
