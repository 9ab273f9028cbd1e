"""What mre asks of every PostgreSQL session: psycopg 3, the URL's libpq parameters, a
connect timeout, and a server that ends a session left idle inside a transaction."""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

import peewee
import psycopg
import pytest

from mre_core.storage.database import (
    CONNECT_TIMEOUT_S,
    IDLE_IN_TRANSACTION_TIMEOUT_MS,
    connect,
    postgres_params,
)
from tests.conftest import _postgres_base
from tests.pg_schema import postgres_schema
from tests.test_processes import wait_for


def test_a_url_s_parameters_go_to_libpq_with_mre_s_session_defaults_added():
    plain = postgres_params(urlsplit("postgresql://mre:s%40cret@db:6543/races?sslmode=require"))
    assert plain == {
        "dbname": "races",
        "user": "mre",
        "password": "s@cret",
        "host": "db",
        "port": 6543,
        "sslmode": "require",
        "options": f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT_MS}",
        "connect_timeout": str(CONNECT_TIMEOUT_S),
    }
    own = postgres_params(
        urlsplit("postgresql://db/races?options=-csearch_path%3Dclub&connect_timeout=3")
    )
    timeout = f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT_MS}"
    assert own["options"] == f"-csearch_path=club {timeout}"
    assert own["connect_timeout"] == "3"
    theirs = "-c idle_in_transaction_session_timeout=5000"
    assert postgres_params(urlsplit(f"postgresql://db/races?options={theirs}"))["options"] == theirs


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
