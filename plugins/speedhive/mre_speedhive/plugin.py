"""The Speedhive connector's hook implementations.

Organizations are tracks (there is no catalogue: each is looked up by its
id), their events are events, an event's sessions are races, and a
session's classification with every driver's lap data is a race's results.
Each hook requests only URLs built from ids (`urls`); what a whole event
costs is said in `session_results` and the README.
"""

from __future__ import annotations

from mre_core.connector import (
    ConnectorInfo,
    EventRecord,
    RaceDetail,
    RaceRecord,
    RequestBound,
    SourceHttp,
    TrackRecord,
    hookimpl,
)
from mre_speedhive import __version__, config, urls
from mre_speedhive.answers.organization import parse_organization
from mre_speedhive.answers.sessions import parse_sessions
from mre_speedhive.event_list import list_events
from mre_speedhive.session_results import read_session


@hookimpl
def describe_connector() -> ConnectorInfo:
    return ConnectorInfo(
        source="speedhive",
        version=__version__,
        hosts=urls.HOSTS,
        title="MyLaps Speedhive",
        contract="1.0",
        capabilities=("track_lookup", "laps"),
        # The sessions, then per session its classification and per result its laps,
        # 100 to a page (see session_results).
        event_requests=RequestBound(fixed=1, per_race=1, per_result=1, laps_per_page=100),
    )


@hookimpl
def fetch_track(http: SourceHttp, track_slug: str) -> TrackRecord:
    org_id = urls.check_id(track_slug, "organization")
    page = http.get(urls.organization_url(org_id), headers=config.request_headers())
    return parse_organization(page.text, page.url, org_id)


@hookimpl
def list_events_for_track(http: SourceHttp, track_slug: str) -> list[EventRecord]:
    return list_events(http, urls.check_id(track_slug, "organization"))


@hookimpl
def fetch_races(http: SourceHttp, track_slug: str, event_id: str) -> list[RaceRecord]:
    urls.check_id(track_slug, "organization")
    event_id = urls.check_id(event_id, "event")
    page = http.get(urls.sessions_url(event_id), headers=config.request_headers())
    return parse_sessions(page.text, page.url, event_id)


@hookimpl
def fetch_laps(
    http: SourceHttp, track_slug: str, race: RaceRecord, known_digest: str | None
) -> RaceDetail:
    # The session's URLs are rebuilt from its id: never a URL taken from an answer.
    return read_session(http, urls.check_id(race.source_race_id, "session"), known_digest)
