"""Every knob of mre, with its default and its environment variable.

Defaults are chosen to be polite to timing sites that are run by small
companies for free: two requests at a time per site and half a second
between request starts is what a person clicking through results does, and
an event of 30 races is still ingested in about 20 seconds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

from mre_core import __version__
from mre_core.errors import UsageError

# Values some settings must take (loguru's own level names), matched ignoring case.
LOG_FORMATS = ("text", "json")
LOG_LEVELS = ("TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL")
CHOICES = {"log_format": LOG_FORMATS, "log_level": LOG_LEVELS}


def default_database_url() -> str:
    """SQLite in the user's data folder: $XDG_DATA_HOME/mre/mre.db (~/.local/share/mre/mre.db)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return f"sqlite:///{Path(base) / 'mre' / 'mre.db'}"


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str = ""
    # Polite HTTP. Limits apply per site, a connector's source (all its hosts
    # together), and are shared by every process using the same database.
    scrape_enabled: bool = True
    http_concurrency: int = 2
    http_min_interval_s: float = 0.5
    http_connect_timeout_s: float = 10.0
    http_read_timeout_s: float = 30.0
    # A request in flight holds a slot of its site as a lease in the database,
    # renewed while it runs: the slots of a process that stops renewing (killed
    # on another machine, frozen) are free this long after its last renewal.
    http_slot_lease_s: float = 10.0
    http_max_tries: int = 4
    http_backoff_base_s: float = 1.0
    http_backoff_max_s: float = 60.0
    contact: str = "https://github.com/mre-project/mre"
    # Send requests for matching hosts elsewhere: "*.liverc.com=127.0.0.1:8080,..."
    # For the loopback simulator in tests and benchmarks, never needed in use.
    http_resolve: str = ""
    log_format: str = "text"  # or "json": one object per line (the CLI's --log-json)
    log_level: str = "INFO"  # the CLI's -v and -q override it
    # A deep ingestion holds its event's lock; a holder silent this long is presumed dead.
    lock_ttl_s: float = 120.0
    # Matching users to drivers (mre_core/matching/rules.py explains each).
    match_confirm_score: float = 0.95
    match_suggest_score: float = 0.85
    match_auto_confirm_events: int = 2
    match_auto_confirm_name_score: float = 0.85
    # Threads for name scoring: 1 keeps a core free for ingestion; more for big user sets.
    match_workers: int = 1
    # PostgreSQL: the workers submit a track sync of every connector on this cron
    # schedule ("15 3 * * *"), the one proactive job; empty: never. SQLite: use cron.
    track_sync_cron: str = ""

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
            raw = env.get(f"MRE_{f.name.upper()}")
            if raw is None:
                continue
            values[f.name] = _convert(f.name, raw, f.type)
        settings = cls(**values)  # type: ignore[arg-type]
        if not settings.database_url:
            settings = replace(settings, database_url=default_database_url())
        return settings


def _convert(name: str, raw: str, kind: object) -> object:
    kind = str(kind)
    if name in CHOICES:
        for choice in CHOICES[name]:
            if raw.strip().lower() == choice.lower():
                return choice
        raise UsageError(
            f"MRE_{name.upper()}={raw!r} is not one of {', '.join(CHOICES[name])} (any case)"
        )
    try:
        if kind == "bool":
            if raw.strip().lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.strip().lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
    except ValueError:
        raise UsageError(f"MRE_{name.upper()}={raw!r} is not a valid {kind}") from None
    return raw
