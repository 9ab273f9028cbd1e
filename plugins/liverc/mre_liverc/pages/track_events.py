"""A track's events page, https://{slug}.liverc.com/events/ ("Archived Results").

The events table is the first table with Event Name and Date columns
(LiveRC's `table#events`; the id is not needed).
"""

from __future__ import annotations

from mre_core.connector import EventRecord, ParseError
from mre_liverc import urls
from mre_liverc.pages.anomalies import anomaly
from mre_liverc.pages.html import column_map, find_table, hidden_text, page, shown_text
from mre_liverc.values import integer, shown_date, sortable_datetime


def parse_track_events(text: str, url: str, track_slug: str) -> list[EventRecord]:
    doc = page(text, url)
    table = find_table(doc, ["event name", "date"])
    if table is None:
        raise ParseError(url, "no events table (a table with columns Event Name and Date)")
    columns = column_map(table)
    # Not len(columns): headers with the same text share one key, so the map can
    # hold fewer keys than the columns it points into.
    last_column = max(columns.values())

    events: dict[str, EventRecord] = {}
    for row in table.xpath("./tbody/tr"):
        cells = row.xpath("./td")
        if len(cells) <= last_column:
            continue
        name_cell = cells[columns["event name"]]
        event_id = next(
            (
                found
                for href in name_cell.xpath(".//a/@href").getall()
                if (found := urls.linked_id(href, url, "view_event"))
            ),
            None,
        )
        if event_id is None:
            anomaly(url, f"event row without a view_event link: {shown_text(name_cell)[:80]!r}")
            continue
        date_cell = cells[columns["date"]]
        start = sortable_datetime(hidden_text(date_cell))
        shown = shown_text(date_cell)
        first_day, _, last_day = shown.partition(" to ")
        if start is None and (day := shown_date(first_day)):
            start = sortable_datetime(day.isoformat())
        end = shown_date(last_day) if last_day else None
        events[event_id] = EventRecord(
            source_event_id=event_id,
            event_name=shown_text(name_cell),
            event_url=urls.event_url(track_slug, event_id),
            event_date=start,
            event_end_date=end,
            event_entries=_count(cells, columns, "# entries"),
            event_drivers=_count(cells, columns, "# drivers"),
        )
    return list(events.values())


def _count(cells, columns: dict[str, int], header: str) -> int | None:  # type: ignore[no-untyped-def]
    at = columns.get(header)
    return integer(shown_text(cells[at])) if at is not None else None
