"""An event's entry list, ?p=view_entry_list: who entered which class.

One table per class: every table with a Driver and a Transponder column, or
whose thead holds a `.class_header`. Its banner (the thead rows above the column headers)
names the class (LiveRC's `div.class_header`; without that class, the
banner's first line other than "Entries: N") and says "Entries: N". The
`#` column is a row counter (1..N in every class), not a car number, so it
is not returned as one; a `Car #` column, where a page has it, is. The
Driver cell holds the name twice: a hidden "LAST, FIRST" sort key and the
shown "FIRST LAST". LiveRC's entry list carries no driver ids, and names no
event id either (the samples' page holds none), so it cannot be checked
against the event requested.
"""

from __future__ import annotations

from lxml import etree

from mre_core.connector import EntryRecord, ParseError
from mre_liverc.pages.anomalies import anomaly
from mre_liverc.pages.html import (
    banner_lines,
    column_map,
    has_h3,
    header_key,
    hidden_text,
    page,
    shown_text,
    sub_header,
    text_of,
)
from mre_liverc.values import integer

# An element of a table's own thead whose class list has "class_header".
_CLASS_HEADER = "./thead//*[contains(concat(' ', normalize-space(@class), ' '), ' class_header ')]"
TRANSPONDER_HEADERS = ("transponder #", "transponder", "transponder number")
CAR_HEADERS = ("car #", "car", "car number")


def parse_entry_list(text: str, url: str) -> list[EntryRecord]:
    doc = page(text, url)
    entries: list[EntryRecord] = []
    class_tables = [
        table
        for table in doc.xpath("//table")
        if table.xpath(_CLASS_HEADER) or _is_class_table(column_map(table))
    ]
    if not class_tables and not has_h3(doc.root):
        raise ParseError(url, "not an entry list page (no class tables, no event name)")
    for table in class_tables:
        class_name = text_of(table.css("thead .class_header")) or _banner_name(table.root)
        columns = column_map(table)
        if "driver" not in columns:
            anomaly(url, f"class table {class_name!r} has no Driver column; skipped")
            continue
        driver_at = columns["driver"]
        transponder_at = next((columns[h] for h in TRANSPONDER_HEADERS if h in columns), None)
        car_at = next((columns[h] for h in CAR_HEADERS if h in columns), None)
        rows = table.xpath("./tbody/tr[td]")
        for row in rows:
            cells = row.xpath("./td")
            if len(cells) <= driver_at:
                continue
            shown = shown_text(cells[driver_at])
            if not shown:
                anomaly(url, f"an entry in {class_name!r} has no driver name; skipped")
                continue
            entries.append(
                EntryRecord(
                    class_name=class_name,
                    display_name=shown,
                    sort_name=hidden_text(cells[driver_at]) or None,
                    transponder_number=_cell(cells, transponder_at),
                    car_number=_cell(cells, car_at),
                )
            )
        declared = integer(sub_header(table.root, "entries"))
        if declared is not None and declared != len(rows):
            anomaly(url, f"{class_name!r} says {declared} entries but lists {len(rows)}")
    return entries


def _is_class_table(columns: dict[str, int]) -> bool:
    """The columns of a class's entries: a driver and a transponder (a race's results
    and a points table have a Driver column, but no transponders)."""
    return "driver" in columns and any(header in columns for header in TRANSPONDER_HEADERS)


def _banner_name(table: etree._Element) -> str:
    """The class a table is for, by structure: its banner's first line other than
    'Entries: N' ('40+ Electric Buggy' above 'Entries: 30')."""
    for line in banner_lines(table):
        key, colon, _ = line.partition(":")
        if not colon or header_key(key) != "entries":
            return line
    return ""


def _cell(cells, at: int | None) -> str | None:  # type: ignore[no-untyped-def]
    if at is None or at >= len(cells):
        return None
    return shown_text(cells[at]) or None
