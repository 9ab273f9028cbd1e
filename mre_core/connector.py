"""The connector API: the one module of mre_core a connector imports.

Everything a timing-site connector may rely on is here and nowhere else:
the hook marker, the records it returns, the HTTP handle it fetches with,
the errors it raises, and the few helpers that are generic to timing data.
Anything else in `mre_core` may change in any release; what this module
exports changes only with the contract version below (`CONTRACT`).

The contract is versioned `MAJOR.MINOR`, like the connectors' own
`ConnectorInfo.contract`:

- a MINOR release adds: a new optional hook and the capability that names
  it, a new optional record field. A connector written for an older minor
  keeps working, reported as unable to do what it lacks;
- a MAJOR release breaks: a hook's signature or meaning, a record field
  removed. mre refuses, with a clear message, a connector written for a
  newer major than it speaks, and keeps accepting those of its own major.

Capabilities (`ConnectorInfo.capabilities`) say what a connector can do,
from the closed list `CAPABILITIES`; see `docs/connectors.md` for each.
"""

from __future__ import annotations

from mre_core.errors import (
    ConnectorError,
    NotFoundError,
    ParseError,
    UsageError,
    ValidationError,
)
from mre_core.hookspecs import hookimpl
from mre_core.http import Page, SourceHttp
from mre_core.names import normalize_name
from mre_core.records import (
    ConnectorInfo,
    EntryRecord,
    EventRecord,
    LapRecord,
    PracticeDayDetail,
    PracticeDayRecord,
    PracticeLapRecord,
    PracticeSessionDetail,
    PracticeSessionRecord,
    RaceDetail,
    RaceRecord,
    RequestBound,
    ResultRecord,
    StandingRoundRecord,
    StandingRowRecord,
    StandingsRecord,
    TrackDetailRecord,
    TrackRecord,
)
from mre_core.timeutil import utcnow

CONTRACT = "1.1"

# Capability -> the optional hooks that provide it, implemented exactly when it is
# declared (none: a promise about the records).
CAPABILITIES: dict[str, tuple[str, ...]] = {
    # The source lists every track, so `mre tracks sync` finds them.
    "catalogue": ("list_tracks",),
    # One track by its id, for sources with no catalogue (`mre tracks add`).
    "track_lookup": ("fetch_track",),
    # Events have entry lists, read first, before any race.
    "entry_list": ("fetch_entry_list",),
    # Results carry every lap of every driver (else results only).
    "laps": (),
    # Contract 1.1: a track's practice days, their sessions and every practice lap
    # (`mre practice sync`).
    "practice": ("list_practice_days", "fetch_practice_day", "fetch_practice_session"),
}

__all__ = [
    "CAPABILITIES",
    "CONTRACT",
    "ConnectorError",
    "ConnectorInfo",
    "EntryRecord",
    "EventRecord",
    "LapRecord",
    "NotFoundError",
    "Page",
    "ParseError",
    "PracticeDayDetail",
    "PracticeDayRecord",
    "PracticeLapRecord",
    "PracticeSessionDetail",
    "PracticeSessionRecord",
    "RaceDetail",
    "RaceRecord",
    "RequestBound",
    "ResultRecord",
    "SourceHttp",
    "StandingRoundRecord",
    "StandingRowRecord",
    "StandingsRecord",
    "TrackDetailRecord",
    "TrackRecord",
    "UsageError",
    "ValidationError",
    "hookimpl",
    "normalize_name",
    "utcnow",
]
