"""Every knob of mre, with its default, its environment variable and the values it takes.

Defaults are chosen to be polite to timing sites that are run by small
companies for free: two requests at a time per site and half a second
between request starts is what a person clicking through results does, and
an event of 30 races is still ingested in about 20 seconds.

Each field declares its rule beside it, and every `Settings` is checked
whole when it is made, from the environment or in Python: a bad value is
one line and exit 2 at start, not a crash deep inside an operation (a lock
TTL of 0 busy-loops the heartbeat; 1e308 seconds overflows the first wait).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import Field, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from mre_core import __version__
from mre_core.errors import UsageError
from mre_core.url_masking import mask_passwords

# Values some settings must take (loguru's own level names), matched ignoring case.
LOG_FORMATS = ("text", "json")
LOG_LEVELS = ("TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL")
# The longest wait any setting may ask for. Longer is a typo, and would overflow the
# waits and date arithmetic that use it.
MAX_SECONDS = 86_400.0
TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")
RULE = "rule"  # the key of a field's Rule in its metadata
SECRET = "secret"  # metadata key: a value never shown (repr, error messages)
HIDDEN = "<hidden>"
# A console token or session secret shorter than this is guessable, and refused.
MIN_SECRET_CHARS = 16


@dataclass(frozen=True, slots=True)
class Rule:
    """The values one setting takes, and how to say so in an error.

    `parse` reads the environment's text (ValueError: not even the right
    kind of value); `check` refuses a value out of range (ValueError or
    TypeError) and returns the value to keep, in its canonical form.
    """

    expect: str
    parse: Callable[[str], Any]
    check: Callable[[Any], Any]


def default_database_url() -> str:
    """SQLite in the user's data folder: $XDG_DATA_HOME/mre/mre.db (~/.local/share/mre/mre.db)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return f"sqlite:///{Path(base) / 'mre' / 'mre.db'}"


def _setting(default: Any, rule: Rule, secret: bool = False) -> Any:
    return field(default=default, metadata={RULE: rule, SECRET: secret})


def _refuse(accepted: bool) -> None:
    if not accepted:
        raise ValueError


def _number(value: Any) -> float:
    """A finite real number (an int is one; a bool, though an int to Python, is not)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError
    _refuse(math.isfinite(value))
    return float(value)


def seconds(default: float, *, zero: bool = False) -> Any:
    """A duration: > 0 (or >= 0 with `zero`), at most MAX_SECONDS."""
    low = ">= 0" if zero else "> 0"

    def check(value: Any) -> float:
        number = _number(value)
        _refuse((number >= 0 if zero else number > 0) and number <= MAX_SECONDS)
        return number

    return _setting(
        default, Rule(f"a number of seconds {low} and <= {MAX_SECONDS:g}", float, check)
    )


def score(default: float) -> Any:
    """A similarity score, as the matcher computes them: 0 (nothing alike) to 1 (equal)."""

    def check(value: Any) -> float:
        number = _number(value)
        _refuse(0 <= number <= 1)
        return number

    return _setting(default, Rule("a number from 0 to 1", float, check))


def count(default: int, unit: str = "") -> Any:
    """A whole number >= 1, of `unit`."""

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError
        _refuse(value >= 1)
        return value

    return _setting(default, Rule(f"a whole number{unit} >= 1", int, check))


def flag(default: bool) -> Any:
    def parse(raw: str) -> bool:
        word = raw.strip().lower()
        _refuse(word in TRUE_WORDS + FALSE_WORDS)
        return word in TRUE_WORDS

    def check(value: Any) -> bool:
        if not isinstance(value, bool):
            raise TypeError
        return value

    words = ", ".join(f"{t}/{f}" for t, f in zip(TRUE_WORDS, FALSE_WORDS, strict=True))
    return _setting(default, Rule(f"a boolean ({words})", parse, check))


def choice(default: str, choices: tuple[str, ...]) -> Any:
    """One of `choices`, in any case; kept in the case `choices` spell it."""

    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError
        for known in choices:
            if value.strip().lower() == known.lower():
                return known
        raise ValueError

    return _setting(default, Rule(f"one of {', '.join(choices)} (any case)", check, check))


def text(default: str, expect: str, check: Callable[[str], None] = lambda _: None) -> Any:
    """Free text that `check` accepts (raising ValueError or UsageError if not)."""

    def checked(value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError
        check(value)
        return value

    return _setting(default, Rule(expect, str, checked))


def secret(expect: str) -> Any:
    """A secret (a token, a signing key): empty (none), or at least MIN_SECRET_CHARS
    printable characters without spaces, as an HTTP header carries it. Never shown."""

    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError
        _refuse(
            not value
            or (len(value) >= MIN_SECRET_CHARS and value.isprintable() and " " not in value)
        )
        return value

    rule = Rule(
        f"{expect}: at least {MIN_SECRET_CHARS} printable characters without spaces, or empty",
        str,
        check,
    )
    return _setting("", rule, secret=True)


def _printable_line(value: str) -> None:
    """Sent in the User-Agent header: a line break there would end the header."""
    _refuse(bool(value.strip()) and value.isprintable())


def _resolve_rules(value: str) -> None:
    from mre_core.http.resolve import parse_resolve  # the http package imports this module

    parse_resolve(value)


def _cron(value: str) -> None:
    """A schedule procrastinate's workers can read: croniter's syntax (5 fields, an
    optional 6th for seconds, @daily...). Without croniter (no [postgres] extra) there
    are no such workers to read it, and it is not checked."""
    if not value.strip():
        return
    try:
        from croniter import croniter
    except ImportError:
        return
    _refuse(croniter.is_valid(value.strip()))


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str = text("", "a database URL (sqlite:///path.db, postgresql://...)")
    # Polite HTTP. Limits apply per site, a connector's source (all its hosts
    # together), and are shared by every process using the same database.
    scrape_enabled: bool = flag(True)
    http_concurrency: int = count(2)
    http_min_interval_s: float = seconds(0.5, zero=True)
    http_connect_timeout_s: float = seconds(10.0)
    http_read_timeout_s: float = seconds(30.0)
    # A whole request (connect and every read together) ends after this, and a
    # page bigger than this (on the wire or unpacked) is refused: a hostile or
    # broken server can neither hold a run forever nor fill the memory.
    http_total_timeout_s: float = seconds(60.0)
    http_max_body_bytes: int = count(20_000_000, " of bytes")
    # A request in flight holds a slot of its site as a lease in the database,
    # renewed while it runs: the slots of a process that stops renewing (killed
    # on another machine, frozen) are free this long after its last renewal.
    http_slot_lease_s: float = seconds(10.0)
    http_max_tries: int = count(4)
    http_backoff_base_s: float = seconds(1.0)
    http_backoff_max_s: float = seconds(60.0)
    contact: str = text(
        "https://github.com/mre-project/mre",
        "a URL or email address on one line (it goes in the User-Agent)",
        _printable_line,
    )
    # Send requests for matching hosts elsewhere: "*.liverc.com=127.0.0.1:8080,..."
    # For the loopback simulator in tests and benchmarks, never needed in use.
    http_resolve: str = text("", "'*.example.com=127.0.0.1:8080,...'", _resolve_rules)
    # "json": one object per line (the CLI's --log-json)
    log_format: str = choice("text", LOG_FORMATS)
    log_level: str = choice("INFO", LOG_LEVELS)  # the CLI's -v and -q override it
    # Each run's log lines are kept in the database (an admin page shows them live): once
    # a run has this many, its lines below WARNING are dropped, and counted in a last line.
    run_log_max_lines: int = count(1000, " of lines")
    # A deep ingestion holds its event's lock; a holder silent this long is presumed dead.
    lock_ttl_s: float = seconds(120.0)
    # Matching users to drivers (mre_core/matching/rules.py explains each).
    match_confirm_score: float = score(0.95)
    match_suggest_score: float = score(0.85)
    match_auto_confirm_events: int = count(2, " of events")
    match_auto_confirm_name_score: float = score(0.85)
    # Threads for name scoring: 1 keeps a core free for ingestion; more for big user sets.
    match_workers: int = count(1, " of threads")
    # PostgreSQL: the workers submit a track sync of every connector on this cron
    # schedule ("15 3 * * *"), the one proactive job; empty: never. SQLite: use cron.
    track_sync_cron: str = text(
        "",
        "a cron schedule (minute hour day month weekday, e.g. '15 3 * * *'), or empty",
        _cron,
    )
    # The console (`mre serve`): the token its API (Authorization: Bearer) and login
    # ask for. Empty: no login, and the console binds loopback addresses only.
    admin_token: str = secret("a token")
    # Signs the console's session cookies. Empty: a random key per process (a restart
    # logs everyone out); set it when several `mre serve` processes share the logins.
    session_secret: str = secret("a signing key")

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            object.__setattr__(self, f.name, _checked(f, value, repr(value)))

    def __repr__(self) -> str:
        """Settings end up in logs and bug reports: the database URL's password is masked."""
        shown = ", ".join(
            f"{f.name}={HIDDEN if f.metadata[SECRET] else repr(getattr(self, f.name))}"
            for f in fields(self)
        )
        return mask_passwords(f"Settings({shown})")

    @property
    def heartbeat_s(self) -> float:
        return self.lock_ttl_s / 4

    @property
    def user_agent(self) -> str:
        return f"mre/{__version__} (+{self.contact})"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):  # MRE_DATABASE_URL, MRE_SCRAPE_ENABLED, MRE_HTTP_CONCURRENCY...
            raw = env.get(_variable(f.name))
            if raw is None:
                continue
            rule: Rule = f.metadata[RULE]
            # Shown as typed (1e308, not 1e+308); a secret is never shown.
            shown = HIDDEN if f.metadata[SECRET] else repr(raw)
            try:
                value = rule.parse(raw)
            except ValueError:
                raise UsageError(f"{_variable(f.name)}={shown} is not {rule.expect}") from None
            if not isinstance(value, str) and not f.metadata[SECRET]:
                shown = raw.strip()
            values[f.name] = _checked(f, value, shown)
        settings = cls(**values)  # type: ignore[arg-type]
        if not settings.database_url:
            settings = replace(settings, database_url=default_database_url())
        return settings


def _variable(name: str) -> str:
    return f"MRE_{name.upper()}"


def _checked(setting: Field[Any], value: Any, shown: str) -> Any:
    """`value` as kept, or a UsageError naming the variable, the value and the rule."""
    rule: Rule = setting.metadata[RULE]
    if setting.metadata[SECRET]:
        shown = HIDDEN
    message = f"{_variable(setting.name)}={shown} must be {rule.expect}"
    try:
        return rule.check(value)
    except ValueError:
        raise UsageError(message) from None
    except TypeError:  # from Python: Settings(http_concurrency=2.0)
        raise UsageError(f"{message}, not {type(value).__name__}") from None
