"""What mre asks of every PostgreSQL session: psycopg 3, the URL's libpq parameters, a
connect timeout, and a server that ends a session left idle inside a transaction."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import peewee
import psycopg
import pytest

from mre_core.errors import DatabaseError, UsageError
from mre_core.storage.database import (
    CONNECT_TIMEOUT_S,
    IDLE_IN_TRANSACTION_TIMEOUT_MS,
    connect,
    postgres_params,
)
from tests.conftest import _postgres_base
from tests.pg_schema import postgres_schema
from tests.test_processes import wait_for

IDLE = f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT_MS}"


def test_a_url_s_parameters_go_to_libpq_with_mre_s_session_defaults_added():
    plain = postgres_params("postgresql://mre:s%40cret@db:6543/races?sslmode=require")
    assert plain == {
        "dbname": "races",
        "user": "mre",
        "password": "s@cret",
        "host": "db",
        "port": "6543",
        "sslmode": "require",
        "options": IDLE,
        "connect_timeout": str(CONNECT_TIMEOUT_S),
    }
    own = postgres_params("postgresql://db/races?options=-csearch_path%3Dclub&connect_timeout=3")
    assert own["options"] == f"-csearch_path=club {IDLE}"
    assert own["connect_timeout"] == "3"
    theirs = "-c idle_in_transaction_session_timeout=5000"
    url = f"postgresql://db/races?options={quote(theirs, safe='')}"  # "=" encoded, as libpq wants
    assert postgres_params(url)["options"] == theirs


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # What psql accepts: a socket folder as a query parameter, or percent-encoded as host.
        ("postgresql:///races?host=/run/postgresql", {"host": "/run/postgresql"}),
        ("postgresql://%2Frun%2Fpostgresql/races", {"host": "/run/postgresql"}),
        ("POSTGRES://db1,db2:5433/races", {"host": "db1,db2", "port": ",5433"}),
        ("postgresql://[::1]:6543/races?user=mre", {"host": "::1", "port": "6543", "user": "mre"}),
    ],
)
def test_urls_mean_what_they_mean_to_libpq(url, expected):
    defaults = {"options": IDLE, "connect_timeout": str(CONNECT_TIMEOUT_S)}
    assert postgres_params(url) == {"dbname": "races", **expected, **defaults}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "postgresql://mre:S3cretPW@db/races?timeout=3",
            "database URL 'postgresql://mre:***@db/races?timeout=3' is not one libpq reads: "
            'invalid URI query parameter: "timeout"',
        ),
        (
            "postgresql://[::1/races",
            "database URL 'postgresql://[::1/races' is not one libpq reads: end of string "
            'reached when looking for matching "]" in IPv6 host address in URI: '
            '"postgresql://[::1/races"',
        ),
        ("postgresql://db/", "a PostgreSQL URL must name the database: postgresql://host/dbname"),
    ],
)
def test_a_url_libpq_cannot_read_is_a_usage_error(url, message):
    with pytest.raises(UsageError) as caught:
        connect(url)
    assert str(caught.value) == message


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A loopback port that accepts connections and never says a word."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # the kernel completes the handshakes; nothing ever answers
        yield listener.getsockname()[1]


def test_a_server_that_never_answers_fails_the_connection_at_the_connect_timeout(silent_server):
    url = f"postgresql://mre:S3cretPW@127.0.0.1:{silent_server}/races?connect_timeout=2"
    started = time.monotonic()
    with pytest.raises(DatabaseError) as caught:
        connect(url)
    waited = time.monotonic() - started
    assert str(caught.value) == (
        f"cannot open database postgresql://mre:***@127.0.0.1:{silent_server}/races"
        "?connect_timeout=2: connection timeout expired"
    )
    assert 1.5 < waited < CONNECT_TIMEOUT_S


@pytest.fixture
def pg_url():
    base = _postgres_base()
    if base is None:
        pytest.skip("no PostgreSQL server: set MRE_TEST_POSTGRES_URL (CI does)")
    with postgres_schema(base) as url:
        yield url


def test_mre_s_sessions_are_psycopg_3_with_the_timeouts_set(pg_url):
    db = connect(pg_url)
    try:
        assert isinstance(db.connection(), psycopg.Connection)
        (idle,) = db.execute_sql("SHOW idle_in_transaction_session_timeout").fetchone()
        assert idle == f"{IDLE_IN_TRANSACTION_TIMEOUT_MS // 60_000}min"
        assert db.connection().info.get_parameters()["connect_timeout"] == str(CONNECT_TIMEOUT_S)
        (schema,) = db.execute_sql("SELECT current_schema()").fetchone()
        assert pg_url.endswith(schema)  # the URL's own options are kept
    finally:
        db.close()


def test_a_session_left_idle_in_a_transaction_is_ended_and_frees_what_it_locked(pg_url):
    """A process frozen mid-transaction (SIGSTOP, a debugger) holds its row locks until
    the server ends its session: then the others get them (here after 0.3 s, not 60)."""
    url = f"{pg_url}%20-c%20idle_in_transaction_session_timeout%3D300"  # the URL's own, kept
    frozen = connect(url)
    frozen.execute_sql("CREATE TABLE scratch (id INTEGER PRIMARY KEY, name TEXT)")
    frozen.execute_sql("INSERT INTO scratch VALUES (1, 'x')")
    frozen.execute_sql("BEGIN")
    frozen.execute_sql("UPDATE scratch SET name = 'frozen'")  # holds the row, then stops
    other = connect(pg_url)
    other.close()  # this thread's; the updater opens its own
    done = threading.Event()

    def update() -> None:
        with other.connection_context():
            other.execute_sql("UPDATE scratch SET name = 'other'")  # waits for the row lock
        done.set()

    thread = threading.Thread(target=update)
    thread.start()
    wait_for(done.is_set)
    thread.join()
    with pytest.raises(peewee.DatabaseError):  # the frozen session is gone
        frozen.execute_sql("COMMIT")
    with other.connection_context():
        assert other.execute_sql("SELECT name FROM scratch").fetchall() == [("other",)]


def test_a_socket_folder_in_the_url_reaches_the_server(pg_url):
    """`postgresql:///db?host=/socket/folder`, as psql takes it, on the test server's own
    socket (psycopg 2's URL handling raised TypeError on it)."""
    with psycopg.connect(pg_url) as probe:
        folders = probe.execute("SHOW unix_socket_directories").fetchone()[0]
        info = probe.info
        name, port, user, schema = info.dbname, info.port, info.user, pg_url.split("%3D")[-1]
    folder = next((f.strip() for f in folders.split(",") if f.strip()), "")
    if not folder.startswith("/") or not (Path(folder) / f".s.PGSQL.{port}").exists():
        pytest.skip(f"the test server's socket is not on this machine ({folders!r})")
    url = (
        f"postgresql:///{name}?host={quote(folder, safe='')}&port={port}&user={user}"
        f"&options=-csearch_path%3D{schema}"
    )
    db = connect(url)
    try:
        assert db.execute_sql("SELECT current_schema()").fetchone() == (schema,)
    finally:
        db.close()
