"""Opening the user's database from a URL: SQLite (embedded) or PostgreSQL.

Models are bound to `database_proxy`, so one set of models serves whichever
database the URL names (peewee's `DatabaseProxy` pattern). SQLite runs in
WAL mode: readers (an admin page, `mre events show`) never block the writer,
and a crash mid-write leaves the last committed transaction intact.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import peewee
from playhouse.postgres_ext import PooledPsycopg3Database

from mre_core.errors import DatabaseError, NotFoundError, UsageError, first_line


class ContextDatabaseProxy(peewee.DatabaseProxy):
    """The database the models use: the one the calling service bound, in this context.

    peewee binds models to one database per process (`DatabaseProxy`); a
    process may hold several services on several databases, each called
    from many threads. So the proxied database is looked up per call: the
    one `use_database` set in this thread's context (a contextvar), else the
    one database bound for the whole process (`bind`), else none at all
    (two are open and the caller named neither: refusing beats guessing).
    """

    __slots__ = ()

    def __setattr__(self, attr: str, value: object) -> None:
        object.__setattr__(self, attr, value)  # peewee's slots (obj, _callbacks, _Model)

    def __getattr__(self, attr: str) -> object:
        return getattr(current_database(), attr)  # a clear error when there is none

    def __getattribute__(self, name: str) -> object:
        if name == "obj":
            active = _active.get()
            if active is not None:
                return active
        return super().__getattribute__(name)


_active: ContextVar[peewee.Database | None] = ContextVar("mre_database", default=None)
database_proxy = ContextDatabaseProxy()
_bound: list[peewee.Database] = []  # the databases opened for the whole process, oldest first


def bind(db: peewee.Database) -> None:
    """Make `db` what the models use outside any service call, while it is the only one.

    A database closed without `unbind` (by a script, a test) no longer counts.
    """
    _bound[:] = [d for d in _bound if not d.is_closed()]
    _bound.append(db)
    database_proxy.initialize(db if len(_bound) == 1 else None)


def unbind(db: peewee.Database) -> None:
    if db in _bound:
        _bound.remove(db)
    database_proxy.initialize(_bound[0] if len(_bound) == 1 else None)


@contextmanager
def use_database(db: peewee.Database) -> Iterator[peewee.Database]:
    """Run a block against `db`, on this thread's own connection.

    Opened here if the thread had none (and then closed here, back to the
    pool on PostgreSQL); a nested call reuses the connection it finds.
    """
    token = _active.set(db)
    opened = db.is_closed()
    if opened:
        db.connect()
    try:
        yield db
    finally:
        if opened and not db.is_closed():
            db.close()
        _active.reset(token)


# What a failing database or driver raises, as peewee errors: peewee's
# InterfaceError (a closed connection, say) is not one of its DatabaseErrors.
DATABASE_ERRORS = (peewee.DatabaseError, peewee.InterfaceError)

# Connections one service may hold on PostgreSQL (one per thread using it at once),
# and how long a thread waits for one when all are in use.
POOL_MAX_CONNECTIONS = 32
POOL_WAIT_S = 30
# What mre asks of every PostgreSQL session it opens, unless the URL says otherwise:
# - a session left idle inside a transaction (a process frozen by SIGSTOP, a
#   debugger, a stuck thread) is ended by the server after this long, so it
#   cannot hold its row locks, and everyone waiting on them, forever (mre's own
#   transactions are short: a race's writes, a queue update);
# - a server that does not answer fails the connection instead of hanging it.
IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000
CONNECT_TIMEOUT_S = 10

SQLITE_PRAGMAS = {
    # Wait for another writer (a second process) instead of failing at once;
    # first, so that switching a database to WAL waits too.
    "busy_timeout": 30_000,
    "journal_mode": "wal",
    "foreign_keys": 1,
    # NORMAL is safe with WAL: a power cut may lose the last commit, never corrupt.
    "synchronous": "normal",
    "cache_size": -64_000,
}


def current_database() -> peewee.Database:
    """The database the models are bound to right now."""
    db = database_proxy.obj
    if db is None:
        if len(_bound) > 1:
            raise RuntimeError(
                f"{len(_bound)} databases are open in this process: use each through its "
                "service (or mre_core.storage.use_database), never the models bare"
            )
        raise RuntimeError("no database is open: call mre_core.storage.open_database first")
    return db


def write_transaction(db: peewee.Database | None = None) -> peewee._atomic:
    """A transaction that will write: BEGIN IMMEDIATE on SQLite.

    A deferred SQLite transaction that reads, then writes after another
    connection committed (a second process, or our own heartbeat thread)
    fails at once with SQLITE_BUSY_SNAPSHOT; taking the write lock up front
    makes it wait its turn (busy_timeout) instead. `db` defaults to the
    database the models are bound to.
    """
    if db is None:
        db = current_database()
    if isinstance(db, peewee.SqliteDatabase):
        return db.atomic("IMMEDIATE")
    return db.atomic()


def is_postgres(db: peewee.Database) -> bool:
    return isinstance(db, peewee.PostgresqlDatabase)  # pooled ones included


def connect(url: str) -> peewee.Database:
    """Connect to the database named by `url`, failing with one clear line."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        db = _sqlite(url)
    elif scheme in {"postgresql", "postgres"}:
        db = _postgres(parts)
    else:
        raise UsageError(
            f"database URL {url!r} is not supported: use sqlite:///path/to/file.db "
            "or postgresql://user:password@host:port/dbname"
        )
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT 1")
    except peewee.OperationalError as exc:
        raise DatabaseError(f"cannot open database {_redact(url)}: {first_line(exc)}") from None
    except DATABASE_ERRORS as exc:
        raise DatabaseError(f"cannot use database {_redact(url)}: {first_line(exc)}") from None
    return db


def missing_sqlite_file(url: str) -> None:
    """Refuse a SQLite URL whose file does not exist, for commands that only read.

    Connecting would create it (and its folders): a mistyped --db would
    leave an empty database behind and report on it.
    """
    if not url.lower().startswith("sqlite:///"):
        return
    path = url[len("sqlite:///") :]
    if path and path != ":memory:" and not Path(path).expanduser().exists():
        raise NotFoundError(f"no database at {path} (check --db or $MRE_DATABASE_URL)")


def _sqlite(url: str) -> peewee.SqliteDatabase:
    path = url[len("sqlite:///") :] if url.lower().startswith("sqlite:///") else ""
    if not path:
        raise UsageError(f"database URL {url!r} names no file: use sqlite:///path/to/file.db")
    if path != ":memory:":
        folder = Path(path).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"cannot create folder {folder} for the database: {exc.strerror}"
            ) from None
        path = str(Path(path).expanduser())
    return peewee.SqliteDatabase(path, pragmas=SQLITE_PRAGMAS, autoconnect=False)


class PooledPostgres(PooledPsycopg3Database):
    """PostgreSQL through psycopg 3 (named: plain PostgresqlDatabase would pick psycopg2
    if it is installed), pooled: each thread of a service takes a connection for a call
    and gives it back."""

    def cursor(self, named_cursor: object = None) -> Any:
        if not self.is_closed():
            finish_interrupted(self._state.conn)
        return super().cursor(named_cursor)


def _postgres(parts) -> peewee.PostgresqlDatabase:  # type: ignore[no-untyped-def]
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise UsageError(
            "PostgreSQL needs the psycopg 3 driver: pip install 'mre-core[postgres]'"
        ) from None
    params = postgres_params(parts)
    name = params.pop("dbname")
    return PooledPostgres(
        name,
        max_connections=POOL_MAX_CONNECTIONS,
        stale_timeout=300,
        timeout=POOL_WAIT_S,
        autoconnect=False,
        **params,
    )


def finish_interrupted(conn: Any) -> None:
    """Make a psycopg connection usable again after a statement was interrupted.

    Ctrl-C and SIGTERM raise in the main thread wherever it is, which may be
    between sending a statement and reading its result (psycopg 3 waits in
    Python; psycopg2 waited in C, where a signal could not land). The
    session is then still busy with that statement, and every later one,
    the ROLLBACK of the transaction it was in included, fails with "another
    command is already in progress". So before each statement: if one is
    still in flight, it is cancelled and its results are read and dropped;
    its transaction is then simply failed, and rolls back as usual.
    """
    from psycopg.pq import TransactionStatus

    pgconn = conn.pgconn
    if conn.closed or pgconn.transaction_status != TransactionStatus.ACTIVE:
        return
    with contextlib.suppress(Exception):
        conn.cancel_safe(timeout=5.0)
    while pgconn.get_result() is not None:
        pass


def postgres_params(parts: Any) -> dict[str, Any]:
    """libpq connection parameters for a PostgreSQL URL (split by `urlsplit`).

    Query parameters go to libpq as they are (`?sslmode=require`,
    `?options=-csearch_path%3Dx`), with mre's session defaults added: a
    server-side `idle_in_transaction_session_timeout` merged into `options`
    and a `connect_timeout`, each unless the URL sets its own.
    """
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise UsageError("a PostgreSQL URL must name the database: postgresql://host/dbname")
    params: dict[str, Any] = {"dbname": name}
    for key, value in (
        ("user", unquote(parts.username) if parts.username else None),
        ("password", unquote(parts.password) if parts.password else None),
        ("host", parts.hostname or None),
        ("port", parts.port or None),
    ):
        if value is not None:
            params[key] = value
    params.update(parse_qsl(parts.query))
    options = params.get("options", "")
    if "idle_in_transaction_session_timeout" not in options:
        timeout = f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT_MS}"
        params["options"] = f"{options} {timeout}".strip()
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    return params


def _redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url


redact = _redact  # public: `mre db copy` and `mre db backup` print URLs too
