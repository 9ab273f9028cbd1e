"""The track catalogue, https://live.liverc.com/: every track LiveRC hosts.

The track list is the first table with a Track Name column (LiveRC's
`table.track_list`; the class is not needed). Its Status cell says when the
track was last updated as an age ("2 days ago"), true only when the page was
fetched: each track gets the text and the time it names, worked out from the
fetch time (`values.updated_at`), both in the track's extra (`extra.TrackExtra`).
"""

from __future__ import annotations

from datetime import datetime

from mre_core.connector import ParseError, TrackRecord
from mre_liverc import urls
from mre_liverc.extra import track_extra
from mre_liverc.pages.anomalies import anomaly
from mre_liverc.pages.html import column_map, find_table, page, shown_text, text_of
from mre_liverc.values import updated_at


def parse_catalogue(
    text: str, url: str = urls.CATALOGUE_URL, fetched_at: datetime | None = None
) -> list[TrackRecord]:
    """The tracks listed; `fetched_at` (naive UTC) is when the page was fetched: the
    ages the page shows count back from it. Without it they are kept as text only:
    the page alone does not say when "2 days ago" was written."""
    unread: set[str] = set()
    doc = page(text, url)
    table = find_table(doc, ["track name"])
    if table is None:
        # The wording is the one people and scripts have seen: LiveRC's own name for it.
        raise ParseError(url, "no track list (table.track_list)")
    columns = column_map(table)
    name_at = columns["track name"]
    status_at = columns.get("status")

    tracks: dict[str, TrackRecord] = {}
    for row in table.xpath("./tbody/tr"):
        cells = row.xpath("./td")
        if len(cells) <= name_at:
            continue
        cell = cells[name_at]
        slug = None
        for href in cell.xpath(".//a/@href").getall():
            slug = urls.linked_slug(href, url)
            if slug:
                break
        if slug is None:
            anomaly(url, f"track row without a *.liverc.com link: {shown_text(cell)[:80]!r}")
            continue
        name = text_of(cell.xpath(".//a//strong")) or text_of(cell.xpath(".//a"))
        updated = (
            shown_text(cells[status_at]) if status_at is not None and status_at < len(cells) else ""
        )
        when = None
        if updated and fetched_at is not None:
            when = updated_at(updated, fetched_at)
            if when is None:
                unread.add(updated)
        tracks[slug] = TrackRecord(
            source_track_slug=slug,
            track_name=name or slug,
            track_url=urls.track_url(slug),
            events_url=urls.events_url(slug),
            extra=dict(track_extra(updated, when)),
        )
    if not tracks:
        raise ParseError(url, "the track list has no tracks")
    for wording in sorted(unread):  # once per wording, not once per track
        anomaly(url, f"last updated {wording[:80]!r} is no age mre reads: kept as text only")
    return list(tracks.values())
