"""An event's entry list, ?p=view_entry_list: who entered which class.

One table per class, headed by `div.class_header`. The `#` column is a row
counter (1..N in every class), not a car number, so it is not returned as
one; a `Car #` column, where a page has it, is. The Driver cell holds the
name twice: a hidden "LAST, FIRST" sort key and the shown "FIRST LAST".
LiveRC's entry list carries no driver ids.
"""

from __future__ import annotations

from mre_core.errors import ParseError
from mre_core.records import EntryRecord
from mre_liverc.pages.anomalies import anomaly
from mre_liverc.pages.html import (
    column_map,
    hidden_text,
    page,
    shown_text,
    sub_header,
    text_of,
)
from mre_liverc.values import integer

TRANSPONDER_HEADERS = ("transponder #", "transponder", "transponder number")
CAR_HEADERS = ("car #", "car", "car number")


def parse_entry_list(text: str, url: str) -> list[EntryRecord]:
    doc = page(text, url)
    entries: list[EntryRecord] = []
    class_tables = doc.xpath(
        "//table[thead//*[contains(concat(' ', normalize-space(@class), ' '), ' class_header ')]]"
    )
    if not class_tables and not doc.css("h3.page-header"):
        raise ParseError(url, "not an entry list page (no class tables, no event name)")
    for table in class_tables:
        class_name = text_of(table.css("thead .class_header"))
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


def _cell(cells, at: int | None) -> str | None:  # type: ignore[no-untyped-def]
    if at is None or at >= len(cells):
        return None
    return shown_text(cells[at]) or None
