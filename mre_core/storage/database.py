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

import peewee
from playhouse.postgres_ext import PooledPsycopg3Database

from mre_core.errors import DatabaseError, NotFoundError, UsageError, first_line
from mre_core.url_masking import mask_passwords


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
    scheme = url.split(":", 1)[0].lower()
    if scheme == "sqlite":
        db: peewee.Database = _sqlite(url)
    elif scheme in {"postgresql", "postgres"}:
        db = _postgres(url)
    else:
        raise UsageError(
            f"database URL {mask_passwords(url)!r} is not supported: use "
            "sqlite:///path/to/file.db or postgresql://user@host:port/dbname"
            " (a password in ~/.pgpass, or as user:password@)"
        )
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT 1")
    except peewee.OperationalError as exc:
        raise DatabaseError(
            mask_passwords(f"cannot open database {url}: {first_line(exc)}{_hint(db, exc)}")
        ) from None
    except DATABASE_ERRORS as exc:
        raise DatabaseError(
            mask_passwords(f"cannot use database {url}: {first_line(exc)}{_hint(db, exc)}")
        ) from None
    return db


def _hint(db: peewee.Database, error: Exception) -> str:
    """What SQLite's terse errors mean for mre, which writes a -wal and a -shm file
    beside the database: the file is fine, but its folder may not be writable."""
    if not isinstance(db, peewee.SqliteDatabase):
        return ""
    text = str(error)
    if "readonly" in text or "unable to open" in text:
        return (
            f" (mre writes {db.database} and its -wal and -shm files beside it: "
            "check that the file and its folder are writable)"
        )
    return ""


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
        raise UsageError(
            f"database URL {mask_passwords(url)!r} names no file: use sqlite:///path/to/file.db"
        )
    if path != ":memory:":
        folder = Path(path).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"cannot create folder {folder} for the database: {exc.strerror}"
            ) from None
        path = str(Path(path).expanduser())
    return Sqlite(path, pragmas=SQLITE_PRAGMAS, autoconnect=False)


class _RollsBackOnlyWhatIsOpen:
    """A failed transaction reports why it failed, not why its rollback failed too.

    After some errors there is nothing left to roll back: SQLite ends the
    transaction itself on a full disk (SQLITE_FULL) or an I/O error, and a
    PostgreSQL session killed mid-transaction is closed. peewee rolls back
    anyway, and its "cannot rollback - no transaction is active" (or "the
    connection is closed") would replace "database or disk is full". So a
    rollback, of the transaction or of a savepoint in it, is skipped when no
    transaction is open.
    """

    def _transaction_open(self, conn: Any) -> bool:
        raise NotImplementedError

    def nothing_to_roll_back(self) -> bool:
        """Connected, and the database has no transaction open on this connection."""
        db: Any = self
        return not db.is_closed() and not self._transaction_open(db._state.conn)

    def rollback(self) -> None:
        if not self.nothing_to_roll_back():
            super().rollback()  # type: ignore[misc]

    def savepoint(self) -> peewee._savepoint:
        return _Savepoint(self)


class _Savepoint(peewee._savepoint):
    def rollback(self, begin: bool = True) -> None:
        if not self.db.nothing_to_roll_back():
            super().rollback(begin)


class Sqlite(_RollsBackOnlyWhatIsOpen, peewee.SqliteDatabase):
    """SQLite, reporting a failed transaction's own error."""

    def _transaction_open(self, conn: Any) -> bool:
        return bool(conn.in_transaction)


class PooledPostgres(_RollsBackOnlyWhatIsOpen, PooledPsycopg3Database):
    """PostgreSQL through psycopg 3 (named: plain PostgresqlDatabase would pick psycopg2
    if it is installed), pooled: each thread of a service takes a connection for a call
    and gives it back."""

    def cursor(self, named_cursor: object = None) -> Any:
        if not self.is_closed():
            finish_interrupted(self._state.conn)
        return super().cursor(named_cursor)

    def _transaction_open(self, conn: Any) -> bool:
        return not conn.closed  # a broken session holds no transaction any more


def _postgres(url: str) -> peewee.PostgresqlDatabase:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise UsageError(
            "PostgreSQL needs the psycopg 3 driver: pip install 'mre-core[postgres]'"
        ) from None
    params = postgres_params(url)
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


def postgres_params(url: str) -> dict[str, str]:
    """libpq's connection parameters for a PostgreSQL URL, read by libpq itself.

    So the URL means what it means to psql: percent-encoding, a socket
    folder as host (`postgresql:///mre?host=/run/postgresql`, or
    `postgresql://%2Frun%2Fpostgresql/mre`), several hosts, and every query
    parameter a libpq keyword (`?sslmode=require`, `?options=-csearch_path%3Dx`).
    mre's session defaults are added unless the URL sets its own: a
    server-side `idle_in_transaction_session_timeout` merged into `options`,
    and a `connect_timeout`, so a server that accepts and never answers
    fails the connection instead of hanging it.
    """
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    scheme, rest = url.split(":", 1)
    try:
        params = {
            key: str(value)
            for key, value in conninfo_to_dict(f"{scheme.lower()}:{rest}").items()
            if value is not None
        }
    except ProgrammingError as exc:
        raise UsageError(
            mask_passwords(f"database URL {url!r} is not one libpq reads: {first_line(exc)}")
        ) from None
    if not params.get("dbname"):
        raise UsageError("a PostgreSQL URL must name the database: postgresql://host/dbname")
    options = params.get("options", "")
    if "idle_in_transaction_session_timeout" not in options:
        timeout = f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT_MS}"
        params["options"] = f"{options} {timeout}".strip()
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    return params
