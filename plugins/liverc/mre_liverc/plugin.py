"""The LiveRC connector's hook implementations: fetch one page, parse it.

Each hook requests exactly the canonical URLs of `urls` and nothing else, so
the core can promise (and test) that a whole event costs races + 2 requests.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from mre_core.connector import (
    ConnectorInfo,
    EntryRecord,
    EventRecord,
    PracticeDayDetail,
    PracticeDayRecord,
    PracticeSessionDetail,
    RaceDetail,
    RaceRecord,
    RequestBound,
    SourceHttp,
    TrackRecord,
    hookimpl,
    utcnow,
)
from mre_liverc import __version__, urls
from mre_liverc.pages.catalogue import parse_catalogue
from mre_liverc.pages.entry_list import parse_entry_list
from mre_liverc.pages.event_hub import parse_event_races
from mre_liverc.pages.practice import (
    calendar_url,
    day_url,
    parse_practice_calendar,
    parse_practice_day,
    parse_practice_session,
    session_url,
)
from mre_liverc.pages.race_result import parse_race_result
from mre_liverc.pages.track_events import parse_track_events


@hookimpl
def describe_connector() -> ConnectorInfo:
    return ConnectorInfo(
        source="liverc",
        version=__version__,
        hosts=urls.HOSTS,
        title="LiveRC",
        contract="1.1",
        capabilities=("catalogue", "entry_list", "laps", "practice"),
        # The entry list, the event page, then each race's page exactly once.
        event_requests=RequestBound(fixed=2, per_race=1),
    )


@hookimpl
def list_tracks(http: SourceHttp) -> list[TrackRecord]:
    page = http.get(urls.CATALOGUE_URL)
    # Taken as the page arrives: its "2 days ago" counts back from now (a replayed
    # cassette's page too: mre reads it now).
    return parse_catalogue(page.text, page.url, fetched_at=utcnow())


@hookimpl
def list_events_for_track(http: SourceHttp, track_slug: str) -> list[EventRecord]:
    page = http.get(urls.events_url(track_slug))
    return parse_track_events(page.text, page.url, track_slug)


@hookimpl
def fetch_entry_list(http: SourceHttp, track_slug: str, event_id: str) -> list[EntryRecord]:
    page = http.get(urls.entry_list_url(track_slug, event_id))
    return parse_entry_list(page.text, page.url)


@hookimpl
def fetch_races(http: SourceHttp, track_slug: str, event_id: str) -> list[RaceRecord]:
    page = http.get(urls.event_url(track_slug, event_id))
    return parse_event_races(page.text, page.url, track_slug, event_id)


@hookimpl
def fetch_laps(
    http: SourceHttp, track_slug: str, race: RaceRecord, known_digest: str | None
) -> RaceDetail:
    # The canonical URL, rebuilt from the id: never a URL taken from elsewhere.
    page = http.get(urls.race_url(track_slug, race.source_race_id))
    digest = page_digest(page.text)
    if digest == known_digest:
        return RaceDetail(race.source_race_id, page_digest=digest, unchanged=True)
    return replace(parse_race_result(page.text, page.url, race.source_race_id), page_digest=digest)


def page_digest(text: str) -> str:
    """The page's SHA-256 under this parser's version: a new parser reads every page again."""
    return hashlib.sha256(f"mre_liverc {__version__}\n{text}".encode()).hexdigest()


# --- practice (contract 1.1): the calendar, a day, a session; one page each ---------


@hookimpl
def list_practice_days(http: SourceHttp, track_slug: str, month: str) -> list[PracticeDayRecord]:
    page = http.get(calendar_url(track_slug, month))
    return parse_practice_calendar(page.text, page.url, track_slug, month)


@hookimpl
def fetch_practice_day(http: SourceHttp, track_slug: str, day: date) -> PracticeDayDetail:
    page = http.get(day_url(track_slug, day))
    return parse_practice_day(page.text, page.url, track_slug, day)


@hookimpl
def fetch_practice_session(
    http: SourceHttp, track_slug: str, session_id: str
) -> PracticeSessionDetail:
    page = http.get(session_url(track_slug, session_id))
    return parse_practice_session(page.text, page.url, session_id)
