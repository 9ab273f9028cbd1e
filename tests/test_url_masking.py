"""A database URL's password is never shown: not in errors, reports, or log lines."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from mre_core.cli.main import main
from mre_core.settings import Settings
from mre_core.url_masking import mask_passwords
from tests.conftest import _postgres_base
from tests.liverc_site.demo import DEMO_CASSETTE
from tests.pg_schema import postgres_schema

SECRET = "S3cretPW"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("postgresql://alice:S3cretPW@db/mre", "postgresql://alice:***@db/mre"),
        ("postgresql://alice@db:5432/mre", "postgresql://alice@db:5432/mre"),
        ("postgresql://db:5432/mre", "postgresql://db:5432/mre"),
        ("postgresql://:S3cretPW@db/mre", "postgresql://:***@db/mre"),
        # a raw "@" or "/" in the password: masked whole, up to the host
        ("postgresql://alice:S3c@ret/PW@db:5432/mre", "postgresql://alice:***@db:5432/mre"),
        (
            "postgresql://db/mre?user=alice&password=S3cretPW&sslmode=require",
            "postgresql://db/mre?user=alice&password=***&sslmode=require",
        ),
        ("sqlite:////var/lib/mre/mre.db", "sqlite:////var/lib/mre/mre.db"),
        (
            "copy from 'mysql://bob:pw1@h/a' to postgresql://alice:S3cretPW@db/mre failed",
            "copy from 'mysql://bob:***@h/a' to postgresql://alice:***@db/mre failed",
        ),
    ],
)
def test_every_url_s_password_is_masked(text, masked):
    assert mask_passwords(text) == masked


def test_settings_show_their_database_url_without_its_password():
    settings = Settings(database_url=f"postgresql://alice:{SECRET}@db/mre")
    assert repr(settings).startswith("Settings(database_url='postgresql://alice:***@db/mre', ")
    assert settings.database_url == f"postgresql://alice:{SECRET}@db/mre"


def mre(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run mre; its exit code and all it printed, checked to hold no password."""
    code = main(list(args))
    out, err = capsys.readouterr()
    assert SECRET not in out + err
    return code, out + err


@pytest.fixture
def silent_server() -> Iterator[int]:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def test_an_unsupported_url_is_shown_without_its_password(capsys):
    assert mre(capsys, "--db", f"mysql://alice:{SECRET}@h/db", "tracks", "sync") == (
        2,
        "mre: error: database URL 'mysql://alice:***@h/db' is not supported: use "
        "sqlite:///path/to/file.db or postgresql://user@host:port/dbname"
        " (a password in ~/.pgpass, or as user:password@)\n",
    )


@pytest.mark.parametrize("command", [["tracks", "sync"], ["db", "status"], ["db", "upgrade"]])
def test_an_unreachable_postgresql_is_shown_without_its_password(capsys, silent_server, command):
    url = f"postgresql://alice:{SECRET}@127.0.0.1:{silent_server}/mre?connect_timeout=2"
    assert mre(capsys, "--db", url, *command) == (
        7,
        f"mre: error: cannot open database postgresql://alice:***@127.0.0.1:{silent_server}"
        "/mre?connect_timeout=2: connection timeout expired\n",
    )


def test_an_unreadable_postgresql_url_is_shown_without_its_password(capsys):
    assert mre(
        capsys, "--db", f"postgresql://alice:{SECRET}@db/mre?sslmod=require", "db", "status"
    ) == (
        2,
        "mre: error: database URL 'postgresql://alice:***@db/mre?sslmod=require' is not one "
        'libpq reads: invalid URI query parameter: "sslmod"\n',
    )


@pytest.fixture
def pg_url_with_password() -> Iterator[str]:
    """A schema on the test server, its URL carrying SECRET as the password (a server that
    trusts the connection ignores it; one that checks passwords must use SECRET)."""
    base = _postgres_base()
    if base is None:
        pytest.skip("no PostgreSQL server: set MRE_TEST_POSTGRES_URL (CI does)")
    scheme, rest = base.split("://", 1)
    userinfo, at, _ = rest.rpartition("@")
    if not at or ":" in userinfo:
        pytest.skip("MRE_TEST_POSTGRES_URL needs a user and no password of its own")
    with postgres_schema(base) as url:
        yield url.replace(f"{scheme}://{userinfo}@", f"{scheme}://{userinfo}:{SECRET}@", 1)


def test_a_postgresql_password_is_in_no_report_and_no_log_line(capsys, pg_url_with_password):
    url = pg_url_with_password
    code, shown = mre(capsys, "-v", "--db", url, "db", "upgrade")
    assert code == 0, shown
    assert mre(capsys, "-v", "--db", url, "db", "status")[0] == 0
    for log_format in ("-v", "--log-json"):
        code, shown = mre(
            capsys, log_format, "--db", url, "--replay", str(DEMO_CASSETTE), "tracks", "sync"
        )
        assert code == 0, shown
    code, shown = mre(capsys, "--db", url, "db", "copy", "--to", url)  # not empty: refused
    assert code == 2
    assert shown.splitlines()[-1].startswith(
        f"mre: error: target {url.replace(SECRET, '***')} is not empty: copy needs an empty "
    )


def test_a_log_line_quoting_a_url_is_masked_as_it_is_written(capsys):
    from loguru import logger

    from mre_core.logs import configure

    configure(json_lines=False, level="INFO")
    logger.info("copying to postgresql://alice:{}@db/mre", SECRET)
    err = capsys.readouterr().err
    assert err.endswith("copying to postgresql://alice:***@db/mre\n")
