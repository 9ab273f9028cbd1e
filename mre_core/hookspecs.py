"""The connector contract: the hooks a timing-site plugin implements.

A connector is a module or object registered under the entry-point group
`mre` whose functions are marked with `mre_core.hookimpl`. It implements all
six hooks below for one source (one timing website).

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

Rules every connector follows
-----------------------------
- Fetch only through the `http` client the core passes in. It paces and
  retries requests, enforces the hosts declared in `describe_connector`,
  replays cassettes, and counts requests.
- Return the records of `mre_core.records`; never touch the database.
- Fetch only what the hook needs: the core relies on exact request counts
  (a whole event costs races + 2 requests on LiveRC).
- Raise `mre_core.errors.ParseError(url, what)` when a page cannot be read;
  HTTP failures come out of `http` already typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from mre_core.http.client import SourceHttp
    from mre_core.records import (
        ConnectorInfo,
        EntryRecord,
        EventRecord,
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
    """Every track the source lists (one catalogue, usually one request)."""


@hookspec(firstresult=True)
def list_events_for_track(http: SourceHttp, track_slug: str) -> list[EventRecord]:
    """The events one track lists, without their results."""


@hookspec(firstresult=True)
def fetch_entry_list(http: SourceHttp, track_slug: str, event_id: str) -> list[EntryRecord]:
    """Who entered which class of an event, with transponders."""


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

    `known_digest` is the `page_digest` this connector gave for the race
    last time (None for a race never read). A connector that fingerprints
    its pages answers `RaceDetail(id, page_digest=..., unchanged=True)` when
    the page is the same, and skips parsing it: a forced re-ingest of an
    unchanged event then costs little more than its requests. Taking the
    argument is optional (pluggy passes only what an implementation names);
    a connector without it is simply read in full every time.
    """
