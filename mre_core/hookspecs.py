"""The connector contract: the hooks a timing-site plugin implements.

A connector is a module or object registered under the entry-point group
`mre` whose functions are marked with `mre_core.connector.hookimpl`. It
implements the hooks below for one source (one timing website).

How a call reaches one source
-----------------------------
The core calls each hook through a *subset hook caller* that holds only the
plugin of the source it wants (`ConnectorRegistry` in `mre_core.plugins`
builds one per source from what `describe_connector` answered). We chose
this over the alternatives because:

- a `source` argument on every hook would make each connector check "is this
  mine?" and return None otherwise; one forgotten check and a connector
  answers for another site, silently;
- registered connector objects with methods would bypass pluggy's call
  checking, tracing and its plugin listing.

With subset callers a connector's hooks only ever run for its own source,
its signatures stay free of routing arguments, and every hook is
`firstresult`, so exactly one answer comes back.

Which hooks a connector implements
----------------------------------
`describe_connector`, `list_events_for_track`, `fetch_races` and
`fetch_laps` are required. The others are optional, each the hook of one
capability (`mre_core.connector.CAPABILITIES`): a connector implements it
exactly when it declares the capability, and one that lacks it is reported
as unable to do that one thing. Hooks added by later minor versions of the
contract will be optional too.

Rules every connector follows
-----------------------------
- Import only `mre_core.connector`: the rest of mre_core may change in any
  release.
- Fetch only through the `http` handle the core passes in. It paces and
  retries requests, enforces the hosts declared in `describe_connector`,
  shares the source's politeness budget with every process and worker,
  replays cassettes, and counts requests.
- Be pure: a hook's answer depends only on its arguments and the pages it
  fetches. No database, no files, no global state that outlives a call, no
  clock except to date what a page says relative to now (LiveRC's "2 days
  ago"). The same pages must give equal records (the conformance suite
  checks it), which is what makes re-ingestion idempotent.
- Fetch only what the hook needs: the core relies on exact request counts
  (a whole event costs races + 2 requests on LiveRC) and never fetches
  anything nobody asked for.
- Return the records of `mre_core.connector`, exactly those types. The core
  checks every answer at the boundary: a wrong type, a None where the
  record requires a value, an empty or repeated key is a `ConnectorError`
  (exit 4) naming the connector, the hook, the record and the field, and
  nothing of that answer is written.
- Errors: raise `ParseError(url, what)` when a page cannot be read,
  `ValidationError` (or a subclass) when it reads but must not be stored
  (another event's page at this event's URL, say), `UsageError` for an id
  that cannot be the source's (the user typed it). HTTP failures come out
  of `http` already typed (`NetworkError`, `PageNotFoundError`, ...): let
  them through. Any other exception is a bug in the connector: the run
  fails with a `ConnectorError` naming the connector and the hook.
- Threads: `fetch_laps` is called from several threads at once (the races
  of one event are fetched a few at a time); the other hooks are called
  from one thread at a time, though from any thread. A connector keeps no
  per-call state outside its arguments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from datetime import date

    from mre_core.http.client import SourceHttp
    from mre_core.records import (
        ConnectorInfo,
        EntryRecord,
        EventRecord,
        PracticeDayDetail,
        PracticeDayRecord,
        PracticeSessionDetail,
        RaceDetail,
        RaceRecord,
        TrackRecord,
    )

PROJECT = "mre"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec(firstresult=True)
def describe_connector() -> ConnectorInfo:
    """Name the source, the connector's version and the hosts it may fetch."""


@hookspec(firstresult=True)
def list_tracks(http: SourceHttp) -> list[TrackRecord]:
    """Every track the source lists (capability `catalogue`; usually one request)."""


@hookspec(firstresult=True)
def fetch_track(http: SourceHttp, track_slug: str) -> TrackRecord:
    """One track by its id, for sources with no catalogue (capability `track_lookup`).

    `mre tracks add --source S ID` calls it. Raise `UsageError` for an id that
    cannot be the source's and let the `PageNotFoundError` of an id the source
    does not know through.
    """


@hookspec(firstresult=True)
def list_events_for_track(http: SourceHttp, track_slug: str) -> list[EventRecord]:
    """The events one track lists, without their results."""


@hookspec(firstresult=True)
def fetch_entry_list(http: SourceHttp, track_slug: str, event_id: str) -> list[EntryRecord]:
    """Who entered which class of an event, with transponders (capability `entry_list`).

    Called before any other page of the event: an empty list stops an event
    that is not over (its entries are not in yet). A source without entry
    lists does not implement it, and drivers come from the results alone.
    """


@hookspec(firstresult=True)
def fetch_races(http: SourceHttp, track_slug: str, event_id: str) -> list[RaceRecord]:
    """The races of an event in chronological order, without their results."""


@hookspec(firstresult=True)
def fetch_laps(
    http: SourceHttp, track_slug: str, race: RaceRecord, known_digest: str | None
) -> RaceDetail:
    """One race's results table and every lap of every driver.

    Named after the design's fetchLaps. It returns the results too because
    timing sites (LiveRC among them) serve both on one page, and a race page
    is fetched exactly once.

    Called from several threads at once. `race` is a record this connector's
    `fetch_races` returned; the answer's `source_race_id` must be its id.
    Results carry every lap only for a connector with the `laps` capability.

    `known_digest` is the `page_digest` this connector gave for the race
    last time (None for a race never read). A connector that fingerprints
    its pages answers `RaceDetail(id, page_digest=..., unchanged=True)` when
    the page is the same, and skips parsing it: a forced re-ingest of an
    unchanged event then costs little more than its requests. Taking the
    argument is optional (pluggy passes only what an implementation names);
    a connector without it is simply read in full every time.
    """


# --- contract 1.1: practice (capability `practice`) ----------------------------------
#
# A connector with the capability `practice` implements all three hooks below;
# one without it implements none (`plugins._check_hooks` enforces both). They are
# called from one thread at a time (`mre practice sync`), on demand only: never
# scheduled. Errors as for every hook: `UsageError` for a month, day or session id
# that cannot be the source's, `ParseError` for a page that cannot be read, a
# `ValidationError` (LiveRC: WrongPageError) for another month's or day's page at
# the URL asked, and the HTTP errors of `http` let through.


@hookspec(firstresult=True)
def list_practice_days(http: SourceHttp, track_slug: str, month: str) -> list[PracticeDayRecord]:
    """The practice days of one track in one month (`month` is 'YYYY-MM'): 1 request.

    Days without practice are not listed; an empty list is a month without
    practice. Only the calendar is read, never a day's sessions.
    """


@hookspec(firstresult=True)
def fetch_practice_day(http: SourceHttp, track_slug: str, day: date) -> PracticeDayDetail:
    """The sessions of one practice day at a track, as its session list shows them:
    1 request (the day's page only, no session page).

    A day without practice answers a PracticeDayDetail with no sessions (not an
    error). The answer's `practice_date` must be `day`.
    """


@hookspec(firstresult=True)
def fetch_practice_session(
    http: SourceHttp, track_slug: str, session_id: str
) -> PracticeSessionDetail:
    """One practice session's facts and every lap, in lap order: 1 request.

    `session_id` is a `source_session_id` this connector's `fetch_practice_day`
    returned; the answer's `source_session_id` must be it. A day costs
    1 + its sessions requests.
    """
