"""`GET /organizations/{id}/events` (a list of Event): one page of an organization's events."""

from __future__ import annotations

from dataclasses import dataclass

from mre_core.connector import EventRecord
from mre_speedhive import times, urls
from mre_speedhive.answers.shape import load


@dataclass(frozen=True, slots=True)
class EventsPage:
    """Every event id the page lists (to page on), and the events of the sport asked for."""

    ids: list[str]
    events: list[EventRecord]


def parse_events_page(text: str, url: str, sport: str | None) -> EventsPage:
    """The page's events of `sport` (every sport if None), as the API spells it ('RC')."""
    ids: list[str] = []
    events: list[EventRecord] = []
    for item in load(text, url).items():
        event_id = item.ident()
        ids.append(event_id)
        if sport is not None and (item.opt_text("sport") or "").lower() != sport.lower():
            continue
        events.append(
            EventRecord(
                source_event_id=event_id,
                event_name=item.text("name").strip(),
                event_url=urls.event_url(event_id),
                event_date=item.read("startDate", times.timestamp),
            )
        )
    return EventsPage(ids, events)
