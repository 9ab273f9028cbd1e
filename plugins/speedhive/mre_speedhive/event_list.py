"""An organization's events, page by page.

The API serves an organization's events `count` at a time from `offset`;
the connector asks for `urls.EVENTS_PAGE` and stops at the first page that
holds fewer. Listing an organization with N events (of every sport: the
sport is filtered here, the endpoint takes none) so costs N // 100 + 1
requests.
"""

from __future__ import annotations

from mre_core.connector import EventRecord, ParseError, SourceHttp
from mre_speedhive import config, urls
from mre_speedhive.answers.events import parse_events_page


def list_events(http: SourceHttp, org_id: str) -> list[EventRecord]:
    sport = config.sport()
    headers = config.request_headers()
    events: list[EventRecord] = []
    seen: set[str] = set()
    while True:
        page = http.get(urls.events_url(org_id, offset=len(seen)), headers=headers)
        listed = parse_events_page(page.text, page.url, sport)
        for event_id in listed.ids:
            if event_id in seen:
                # Also what a service that ignores `offset` looks like: stop, do not loop.
                raise ParseError(page.url, f"event {event_id} is listed again")
            seen.add(event_id)
        events.extend(listed.events)
        if len(listed.ids) < urls.EVENTS_PAGE:
            return events
