"""An event's page, ?p=view_event: the list of its races, round by round.

LiveRC lists rounds newest first and the races of a round newest first, so
the page order reversed is the order the races were run. Race numbers
restart in every round; `race_order` numbers the whole event. The race
lists are the tables that link race results, whatever they are called.

The page names its own event id in its links to the event's entry list
(`?p=view_entry_list&id=486677`) and overall results
(`?p=event_overall_ranking&id=486677`), both the event's id; LiveRC's
entry list has the same id as the event. A page whose links name another
event is another event's page: WrongPageError. A page without such links
is read as before.

A page that lists no race is an event not yet raced (or a race day before
its first result): no races, and no error. A race list that is there but
of which no race can be read (LiveRC changed its links, every link leads
off *.liverc.com) is a ParseError: read as "no races", it would let an
event be taken for one not yet raced, or a finished one for empty. A race
list is a table that links race results, or whose headers say it is one
("Race Results", a round's "Time Completed") whatever its links became.
"""

from __future__ import annotations

import re

from parsel import Selector

from mre_core.connector import ParseError, RaceRecord
from mre_liverc import urls
from mre_liverc.errors import WrongPageError
from mre_liverc.pages.anomalies import anomaly
from mre_liverc.pages.html import collapse, has_h3, header_key, page, shown_text
from mre_liverc.values import completed

# A race number longer than nine digits is no race number: the title is kept whole.
_RACE_NUMBER = re.compile(r"^Race\s+([0-9]{1,9})\s*:\s*(.*)$", re.IGNORECASE)
# The links of an event page that carry the event's own id.
_OWN_ID_PAGES = ("view_entry_list", "event_overall_ranking")
_RACE_LINK = "contains(@href, 'view_race_result')"
# Headers only the race list has (case-folded): its banner, and each round's time column.
_RACE_LIST_HEADERS = frozenset({"race results", "time completed"})


def parse_event_races(
    text: str, url: str, track_slug: str, event_id: str | None = None
) -> list[RaceRecord]:
    """The races the event page lists; `event_id`, the event requested, is checked
    against the id the page names (see the module's doc)."""
    doc = page(text, url)
    if not has_h3(doc.root):
        raise ParseError(url, "not an event page (no event name in an h3)")
    if event_id is not None:
        named = own_event_ids(doc, url)
        other = sorted(named - {event_id})
        if other:
            raise WrongPageError(url, "event", event_id, ", ".join(other))
    listed: list[tuple[str, str | None, Selector, Selector | None]] = []
    seen: set[str] = set()
    unread = 0  # rows of a race list that link somewhere, but to no race it can read
    for table in _race_lists(doc):
        round_name: str | None = None
        for row in table.xpath(".//tr"):
            link = row.xpath(f"./td//a[{_RACE_LINK}]")
            if not link:
                headers = row.xpath("./th")
                if headers:
                    round_name = shown_text(headers[0]) or None
                elif row.xpath("./td//a[@href]"):
                    unread += 1
                    anomaly(url, f"race list row links no race result: {shown_text(row)[:80]!r}")
                continue
            race_id = urls.linked_id(link[0].attrib.get("href", ""), url, "view_race_result")
            if race_id is None:
                unread += 1
                anomaly(
                    url, f"race link outside *.liverc.com ignored: {link[0].attrib.get('href')!r}"
                )
                continue
            if race_id in seen:
                continue
            seen.add(race_id)
            time_cell = row.xpath("./td[position() = 2]")
            listed.append((race_id, round_name, link[0], time_cell[0] if time_cell else None))
    if unread and not listed:
        rows = "1 row" if unread == 1 else f"{unread} rows"
        raise ParseError(url, f"the race list has {rows} and no race in them can be read")

    races = []
    for order, (race_id, round_name, link, time_cell) in enumerate(reversed(listed), start=1):
        number, class_name, label = _race_title(shown_text(link))
        raw_time = shown_text(time_cell) if time_cell is not None else ""
        at, on = completed(raw_time)
        races.append(
            RaceRecord(
                source_race_id=race_id,
                race_url=urls.race_url(track_slug, race_id),
                class_name=class_name,
                race_label=label,
                race_order=order,
                round_name=round_name,
                race_number=number,
                completed_at=at,
                completed_date=on,
                completed_at_raw=raw_time or None,
            )
        )
    return races


def _race_lists(doc: Selector) -> list[Selector]:
    """The tables that list races (see the module's doc)."""
    return [
        table
        for table in doc.xpath("//table")
        if table.xpath(f".//a[{_RACE_LINK}]")
        or any(header_key(shown_text(th)) in _RACE_LIST_HEADERS for th in table.xpath(".//th"))
    ]


def own_event_ids(doc: Selector, url: str) -> set[str]:
    """The event ids the page names as its own: those of its entry-list and
    overall-results links (into *.liverc.com only)."""
    found = set()
    for href in doc.xpath("//a/@href").getall():
        if "view_entry_list" in href or "event_overall_ranking" in href:
            for kind in _OWN_ID_PAGES:
                if (linked := urls.linked_id(href, url, kind)) is not None:
                    found.add(linked)
    return found


def _race_title(title: str) -> tuple[int | None, str, str]:
    """'Race 14: 1/8 Nitro Buggy (1/8 Nitro Buggy A-Main)' -> (14, class, label).

    The label is the last balanced parenthesised group, which may itself
    hold parentheses: 'Race 6: 1/8 Nitro Buggy (1/8 Nitro Buggy (Heat 3/3))'.
    """
    number = None
    match = _RACE_NUMBER.match(title)
    if match:
        number, title = int(match.group(1)), match.group(2)
    title = collapse([title])
    if title.endswith(")"):
        depth = 0
        for i in range(len(title) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(title[i], 0)
            if depth == 0:
                class_name, label = title[:i].strip(), title[i + 1 : -1].strip()
                if class_name and label:
                    return number, class_name, collapse([label])
                break
    return number, title, title
