"""Every setting is checked when the settings are made, from the environment or in Python:
a bad value is one line and exit 2 at start, never a crash (exit 1) or a busy loop later."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from mre_core.cli.main import main
from mre_core.errors import UsageError
from mre_core.settings import Settings

SECONDS = "a number of seconds > 0 and <= 86400"
SECONDS_OR_ZERO = "a number of seconds >= 0 and <= 86400"
BOOLEAN = "a boolean (1/0, true/false, yes/no, on/off)"
SCORE = "a number from 0 to 1"
SECRET = "at least 16 printable characters without spaces, or empty"
CRON = "a cron schedule (minute hour day month weekday, e.g. '15 3 * * *'), or empty"

# (variable, what the environment says, the value kept)
GOOD = [
    ("MRE_DATABASE_URL", "sqlite:///races.db", "sqlite:///races.db"),
    ("MRE_SCRAPE_ENABLED", " Off ", False),
    ("MRE_SCRAPE_ENABLED", "YES", True),
    ("MRE_HTTP_CONCURRENCY", "1", 1),
    ("MRE_HTTP_MIN_INTERVAL_S", "0", 0.0),
    ("MRE_HTTP_CONNECT_TIMEOUT_S", "0.25", 0.25),
    ("MRE_HTTP_READ_TIMEOUT_S", "86400", 86400.0),
    ("MRE_HTTP_TOTAL_TIMEOUT_S", "90", 90.0),
    ("MRE_HTTP_MAX_BODY_BYTES", "1", 1),
    ("MRE_HTTP_SLOT_LEASE_S", "2", 2.0),
    ("MRE_HTTP_MAX_TRIES", "1", 1),
    ("MRE_HTTP_BACKOFF_BASE_S", "0.01", 0.01),
    ("MRE_HTTP_BACKOFF_MAX_S", "3600", 3600.0),
    ("MRE_CONTACT", "mailto:club@example.org", "mailto:club@example.org"),
    ("MRE_HTTP_RESOLVE", "*.liverc.com=127.0.0.1:8080", "*.liverc.com=127.0.0.1:8080"),
    ("MRE_LOG_FORMAT", "JSON", "json"),
    ("MRE_LOG_LEVEL", "warning", "WARNING"),
    ("MRE_RUN_LOG_MAX_LINES", "1", 1),
    ("MRE_LOCK_TTL_S", "0.5", 0.5),
    ("MRE_MATCH_CONFIRM_SCORE", "1", 1.0),
    ("MRE_MATCH_SUGGEST_SCORE", "0", 0.0),
    ("MRE_MATCH_AUTO_CONFIRM_EVENTS", "3", 3),
    ("MRE_MATCH_AUTO_CONFIRM_NAME_SCORE", "0.9", 0.9),
    ("MRE_MATCH_WORKERS", "4", 4),
    ("MRE_TRACK_SYNC_CRON", "15 3 * * *", "15 3 * * *"),
    ("MRE_TRACK_SYNC_CRON", "", ""),
    ("MRE_ADMIN_TOKEN", "k3Y-0f-the-console_42", "k3Y-0f-the-console_42"),
    ("MRE_ADMIN_TOKEN", "", ""),
    ("MRE_SESSION_SECRET", "0123456789abcdef", "0123456789abcdef"),
]

# (variable, what the environment says, the whole error)
BAD = [
    ("MRE_SCRAPE_ENABLED", "maybe", f"MRE_SCRAPE_ENABLED='maybe' is not {BOOLEAN}"),
    ("MRE_HTTP_CONCURRENCY", "0", "MRE_HTTP_CONCURRENCY=0 must be a whole number >= 1"),
    ("MRE_HTTP_CONCURRENCY", "two", "MRE_HTTP_CONCURRENCY='two' is not a whole number >= 1"),
    ("MRE_HTTP_MIN_INTERVAL_S", "-5", f"MRE_HTTP_MIN_INTERVAL_S=-5 must be {SECONDS_OR_ZERO}"),
    ("MRE_HTTP_CONNECT_TIMEOUT_S", "0", f"MRE_HTTP_CONNECT_TIMEOUT_S=0 must be {SECONDS}"),
    ("MRE_HTTP_READ_TIMEOUT_S", "-1", f"MRE_HTTP_READ_TIMEOUT_S=-1 must be {SECONDS}"),
    ("MRE_HTTP_READ_TIMEOUT_S", "86401", f"MRE_HTTP_READ_TIMEOUT_S=86401 must be {SECONDS}"),
    ("MRE_HTTP_TOTAL_TIMEOUT_S", "inf", f"MRE_HTTP_TOTAL_TIMEOUT_S=inf must be {SECONDS}"),
    (
        "MRE_HTTP_MAX_BODY_BYTES",
        "0",
        "MRE_HTTP_MAX_BODY_BYTES=0 must be a whole number of bytes >= 1",
    ),
    (
        "MRE_HTTP_MAX_BODY_BYTES",
        "20MB",
        "MRE_HTTP_MAX_BODY_BYTES='20MB' is not a whole number of bytes >= 1",
    ),
    ("MRE_HTTP_SLOT_LEASE_S", "nan", f"MRE_HTTP_SLOT_LEASE_S=nan must be {SECONDS}"),
    ("MRE_HTTP_MAX_TRIES", "0", "MRE_HTTP_MAX_TRIES=0 must be a whole number >= 1"),
    ("MRE_HTTP_MAX_TRIES", "2.5", "MRE_HTTP_MAX_TRIES='2.5' is not a whole number >= 1"),
    ("MRE_HTTP_BACKOFF_BASE_S", "-1", f"MRE_HTTP_BACKOFF_BASE_S=-1 must be {SECONDS}"),
    ("MRE_HTTP_BACKOFF_BASE_S", "1e308", f"MRE_HTTP_BACKOFF_BASE_S=1e308 must be {SECONDS}"),
    ("MRE_HTTP_BACKOFF_MAX_S", "soon", f"MRE_HTTP_BACKOFF_MAX_S='soon' is not {SECONDS}"),
    (
        "MRE_CONTACT",
        "",
        "MRE_CONTACT='' must be a URL or email address on one line (it goes in the User-Agent)",
    ),
    (
        "MRE_CONTACT",
        "me\r\nX-Evil: 1",
        "MRE_CONTACT='me\\r\\nX-Evil: 1' must be a URL or email address on one line "
        "(it goes in the User-Agent)",
    ),
    (
        "MRE_HTTP_RESOLVE",
        "liverc",
        "MRE_HTTP_RESOLVE entry 'liverc' must look like '*.example.com=127.0.0.1:8080'",
    ),
    ("MRE_LOG_FORMAT", "xml", "MRE_LOG_FORMAT='xml' is not one of text, json (any case)"),
    (
        "MRE_LOG_LEVEL",
        "LOUD",
        "MRE_LOG_LEVEL='LOUD' is not one of TRACE, DEBUG, INFO, SUCCESS, WARNING, ERROR, "
        "CRITICAL (any case)",
    ),
    ("MRE_RUN_LOG_MAX_LINES", "0", "MRE_RUN_LOG_MAX_LINES=0 must be a whole number of lines >= 1"),
    (
        "MRE_RUN_LOG_MAX_LINES",
        "1e3",
        "MRE_RUN_LOG_MAX_LINES='1e3' is not a whole number of lines >= 1",
    ),
    ("MRE_LOCK_TTL_S", "0", f"MRE_LOCK_TTL_S=0 must be {SECONDS}"),
    ("MRE_LOCK_TTL_S", "-5", f"MRE_LOCK_TTL_S=-5 must be {SECONDS}"),
    ("MRE_LOCK_TTL_S", "nan", f"MRE_LOCK_TTL_S=nan must be {SECONDS}"),
    ("MRE_MATCH_CONFIRM_SCORE", "1.5", f"MRE_MATCH_CONFIRM_SCORE=1.5 must be {SCORE}"),
    ("MRE_MATCH_SUGGEST_SCORE", "-0.1", f"MRE_MATCH_SUGGEST_SCORE=-0.1 must be {SCORE}"),
    (
        "MRE_MATCH_AUTO_CONFIRM_EVENTS",
        "0",
        "MRE_MATCH_AUTO_CONFIRM_EVENTS=0 must be a whole number of events >= 1",
    ),
    (
        "MRE_MATCH_AUTO_CONFIRM_NAME_SCORE",
        "nan",
        f"MRE_MATCH_AUTO_CONFIRM_NAME_SCORE=nan must be {SCORE}",
    ),
    ("MRE_MATCH_WORKERS", "0", "MRE_MATCH_WORKERS=0 must be a whole number of threads >= 1"),
    ("MRE_TRACK_SYNC_CRON", "at three", f"MRE_TRACK_SYNC_CRON='at three' must be {CRON}"),
    ("MRE_TRACK_SYNC_CRON", "61 * * * *", f"MRE_TRACK_SYNC_CRON='61 * * * *' must be {CRON}"),
    # a secret is never repeated, not even when it is refused
    ("MRE_ADMIN_TOKEN", "secret", f"MRE_ADMIN_TOKEN=<hidden> must be a token: {SECRET}"),
    (
        "MRE_ADMIN_TOKEN",
        "a token with spaces in it",
        f"MRE_ADMIN_TOKEN=<hidden> must be a token: {SECRET}",
    ),
    ("MRE_SESSION_SECRET", "short", f"MRE_SESSION_SECRET=<hidden> must be a signing key: {SECRET}"),
]


def _needs_croniter(variable: str) -> None:
    if variable == "MRE_TRACK_SYNC_CRON":
        pytest.importorskip("croniter", reason="cron schedules are checked with croniter")


@pytest.mark.parametrize(("variable", "raw", "kept"), GOOD)
def test_a_good_value_is_kept(variable, raw, kept):
    settings = Settings.from_env({variable: raw})
    value = getattr(settings, variable.removeprefix("MRE_").lower())
    assert (value, type(value)) == (kept, type(kept))


@pytest.mark.parametrize(("variable", "raw", "message"), BAD)
def test_a_bad_value_is_one_line_naming_the_variable_and_the_rule(variable, raw, message):
    _needs_croniter(variable)
    with pytest.raises(UsageError) as caught:
        Settings.from_env({variable: raw})
    assert str(caught.value) == message
    assert caught.value.exit_code == 2


def test_every_setting_has_good_and_bad_values_above():
    """A new setting gets its rule and its rows here, or this fails."""
    names = {f"MRE_{f.name.upper()}" for f in fields(Settings)}
    assert {variable for variable, _, _ in GOOD} == names
    assert {variable for variable, _, _ in BAD} == names - {"MRE_DATABASE_URL"}


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"lock_ttl_s": 0}, f"MRE_LOCK_TTL_S=0 must be {SECONDS}"),
        ({"lock_ttl_s": float("inf")}, f"MRE_LOCK_TTL_S=inf must be {SECONDS}"),
        ({"http_min_interval_s": -5.0}, f"MRE_HTTP_MIN_INTERVAL_S=-5.0 must be {SECONDS_OR_ZERO}"),
        (
            {"http_concurrency": 2.0},
            "MRE_HTTP_CONCURRENCY=2.0 must be a whole number >= 1, not float",
        ),
        ({"http_max_tries": True}, "MRE_HTTP_MAX_TRIES=True must be a whole number >= 1, not bool"),
        ({"scrape_enabled": 1}, f"MRE_SCRAPE_ENABLED=1 must be {BOOLEAN}, not int"),
        ({"match_confirm_score": "0.9"}, f"MRE_MATCH_CONFIRM_SCORE='0.9' must be {SCORE}, not str"),
        (
            {"log_level": "LOUD"},
            "MRE_LOG_LEVEL='LOUD' must be one of TRACE, DEBUG, INFO, "
            "SUCCESS, WARNING, ERROR, CRITICAL (any case)",
        ),
    ],
)
def test_settings_made_in_python_are_checked_too(given, message):
    with pytest.raises(UsageError) as caught:
        Settings(**given)
    assert str(caught.value) == message


def test_settings_made_in_python_keep_values_in_their_canonical_form():
    settings = Settings(http_min_interval_s=0, log_level="debug", log_format="JSON")
    assert (settings.http_min_interval_s, settings.log_level, settings.log_format) == (
        0.0,
        "DEBUG",
        "json",
    )
    assert type(settings.http_min_interval_s) is float


def test_a_bad_setting_stops_the_command_before_anything_is_done(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("MRE_LOCK_TTL_S", "0")
    database = tmp_path / "never.db"
    assert main(["--db", f"sqlite:///{database}", "tracks", "list"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"mre: error: MRE_LOCK_TTL_S=0 must be {SECONDS}\n")
    assert not database.exists()


def test_python_m_mre_core_exits_2_with_one_line_for_a_bad_setting(tmp_path):
    database = tmp_path / "never.db"
    env = {
        **os.environ,
        "MRE_HTTP_BACKOFF_BASE_S": "1e308",
        "MRE_DATABASE_URL": f"sqlite:///{database}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "mre_core", "tracks", "list"],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent,
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        f"mre: error: MRE_HTTP_BACKOFF_BASE_S=1e308 must be {SECONDS}\n",
    )
    assert not database.exists()


def test_the_console_s_secrets_are_never_shown_in_a_repr():
    settings = Settings(admin_token="k3Y-0f-the-console_42", session_secret="0123456789abcdef")
    shown = repr(settings)
    assert "admin_token=<hidden>, session_secret=<hidden>" in shown
    assert "k3Y" not in shown and "0123456789abcdef" not in shown
