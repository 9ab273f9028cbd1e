"""A race's result page, ?p=view_race_result: the results table and every lap.

Results come from `table.race_result`, columns found by header text. Laps
come from the `racerLaps[driver_id] = {...}` literals in the page's script,
parsed as JavaScript (see `jsliteral`). A row links its laps through
`a.driver_laps[data-driver-id]`; a non-starter's row has no link, so its id is
found by name among the racerLaps blocks, which list every driver.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from parsel import Selector

from mre_core.errors import ParseError
from mre_core.names import normalize_name
from mre_core.records import LapRecord, RaceDetail, ResultRecord
from mre_liverc.jsliteral import JsLiteralError, parse_literal
from mre_liverc.pages.anomalies import anomaly
from mre_liverc.pages.html import (
    collapse,
    header_key,
    headers,
    page,
    require_columns,
    shown_text,
    text_of,
)
from mre_liverc.values import (
    clock_decimal,
    clock_seconds,
    gap,
    integer,
    laps_time,
    number,
    race_length,
)

_BLOCK = re.compile(r"""racerLaps\s*\[\s*(?:'(\d+)'|"(\d+)"|(\d+))\s*\]\s*=\s*""")
_QUAL_PREFIX = re.compile(r"^\d+\s+(?=\S)")
_FAST_LAP_TIME = (
    ".//text()[not(ancestor::sup)]"
    "[not(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' hidden ')])]"
)

# Column header (case-folded) -> ResultRecord field, for the plain time/number columns.
_SECONDS_COLUMNS = {
    "avg lap": "avg_lap_time",
    "avg top 5": "avg_top5",
    "avg top 10": "avg_top10",
    "avg top 15": "avg_top15",
    "top 3 consecutive": "top3_consecutive",
}
_NUMBER_COLUMNS = {"std. deviation": "std_deviation", "consistency": "consistency"}


def parse_race_result(text: str, url: str, race_id: str) -> RaceDetail:
    doc = page(text, url)
    tables = doc.css("table.race_result")
    if not tables:
        raise ParseError(url, "no results table (table.race_result)")
    table = tables[0]
    shown_headers = headers(table)
    columns = {header_key(h): i for i, h in enumerate(shown_headers)}
    require_columns(columns, ["pos", "driver", "laps/time"], url, "the results table")
    blocks = racer_laps(doc, url)

    length_text = _sub_header(table, "length")
    length = race_length(length_text) if length_text else None
    if length_text and length is None:
        anomaly(url, f"race length {length_text!r} not understood")

    rows = []
    for row in table.xpath("./tbody/tr[td]"):
        cells = row.xpath("./td")
        driver_cell = cells[columns["driver"]] if columns["driver"] < len(cells) else None
        if driver_cell is None:
            anomaly(url, f"a results row has {len(cells)} cells, fewer than the headers; skipped")
            continue
        linked = driver_cell.xpath(".//*[@data-driver-id]/@data-driver-id").get()
        rows.append((cells, driver_cell, _driver_name(driver_cell), linked or None))
    ids = _identify([(name, linked) for _, _, name, linked in rows], blocks)

    results = []
    for (cells, driver_cell, name, _), driver_id in zip(rows, ids, strict=True):
        if driver_id is None and blocks:
            anomaly(url, f"no driver id for {name!r}: not linked and not in racerLaps")
        block = blocks.get(driver_id or "", {})
        laps = _laps(block, url, driver_id) if block else []
        raw = {
            shown_headers[i]: shown_text(c) for i, c in enumerate(cells) if i < len(shown_headers)
        }
        results.append(_result(url, raw, columns, cells, driver_cell, name, driver_id, laps, block))
    return RaceDetail(
        source_race_id=race_id,
        duration_raw=length_text or None,
        duration_seconds=length.seconds if length else None,
        duration_laps=length.laps if length else None,
        results=results,
    )


def racer_laps(doc: Selector, url: str) -> dict[str, dict[str, Any]]:
    """Every `racerLaps[id] = {...}` block in the page's scripts, by driver id."""
    blocks: dict[str, dict[str, Any]] = {}
    for script in doc.xpath("//script[contains(., 'racerLaps')]/text()").getall():
        for match in _BLOCK.finditer(script):
            driver_id = match.group(1) or match.group(2) or match.group(3)
            try:
                value, _ = parse_literal(script, match.end())
            except JsLiteralError as exc:
                raise ParseError(
                    url, f"racerLaps[{driver_id}] is not a readable object: {exc}"
                ) from None
            if not isinstance(value, dict):
                raise ParseError(url, f"racerLaps[{driver_id}] is not an object")
            blocks[driver_id] = value
    return blocks


def _identify(
    rows: list[tuple[str, str | None]], blocks: dict[str, dict[str, Any]]
) -> list[str | None]:
    """The driver id of each row: its link, else the one racerLaps block of that name.

    Only blocks no linked row claims are candidates, and a name shared by two
    unclaimed blocks identifies nobody: a guess would mix two drivers' laps.
    """
    claimed = {linked for _, linked in rows if linked}
    by_name: dict[str, list[str]] = {}
    for block_id, block in blocks.items():
        if block_id not in claimed:
            by_name.setdefault(normalize_name(str(block.get("driverName", ""))), []).append(
                block_id
            )
    ids: list[str | None] = []
    for name, linked in rows:
        candidates = by_name.get(normalize_name(name), [])
        ids.append(linked or (candidates[0] if len(candidates) == 1 else None))
    return ids


def _driver_name(cell: Selector) -> str:
    name = text_of(cell.css(".driver_name")) or shown_text(cell)
    return _QUAL_PREFIX.sub("", name)


def _laps(block: dict[str, Any], url: str, driver_id: str) -> list[LapRecord]:
    raw_laps = block.get("laps", [])
    if not isinstance(raw_laps, list):
        raise ParseError(url, f"racerLaps[{driver_id}].laps is not a list")
    laps = []
    for item in raw_laps:
        if not isinstance(item, dict):
            raise ParseError(url, f"racerLaps[{driver_id}] has a lap that is not an object")
        lap_number = integer(str(item.get("lapNum", "")))
        time_raw = str(item.get("time", "")).strip()
        seconds = clock_decimal(time_raw)
        if lap_number is None or seconds is None:
            raise ParseError(
                url, f"racerLaps[{driver_id}] has a lap without lapNum or time: {item!r}"
            )
        if lap_number == 0:  # the grid slot, not a lap
            continue
        pace = str(item.get("pace", "")).strip()
        laps.append(
            LapRecord(
                lap_number=lap_number,
                lap_time_seconds=float(seconds),
                lap_time_raw=time_raw,
                position_on_lap=integer(str(item.get("pos", ""))),
                pace=pace or None,
            )
        )
    expected = list(range(1, len(laps) + 1))
    if [lap.lap_number for lap in laps] != expected:
        anomaly(url, f"racerLaps[{driver_id}] laps are not numbered 1..{len(laps)}")
    return laps


def _result(
    url: str,
    raw: dict[str, str],
    columns: dict[str, int],
    cells: Any,
    driver_cell: Selector,
    name: str,
    driver_id: str | None,
    laps: list[LapRecord],
    block: dict[str, Any],
) -> ResultRecord:
    def cell_text(header: str) -> str:
        at = columns.get(header)
        return shown_text(cells[at]) if at is not None and at < len(cells) else ""

    total_raw = cell_text("laps/time")
    parsed_total = laps_time(total_raw)
    if parsed_total is None:
        anomaly(url, f"Laps/Time {total_raw!r} of {name!r} not understood")
    laps_completed = parsed_total.laps if parsed_total else len(laps)
    if laps and laps_completed != len(laps):
        anomaly(url, f"{name!r}: Laps/Time says {laps_completed} laps, racerLaps has {len(laps)}")
    elif parsed_total and parsed_total.seconds is not None and laps:
        lap_sum = sum((Decimal(lap.lap_time_raw) for lap in laps), Decimal(0))
        if lap_sum != parsed_total.seconds:
            anomaly(
                url,
                f"{name!r}: laps add up to {lap_sum} s, Laps/Time says {parsed_total.seconds} s",
            )

    behind_raw = cell_text("behind")
    behind = gap(behind_raw)
    fast_time, fast_lap = _fast_lap(cells, columns)
    values: dict[str, Any] = {
        field: clock_seconds(cell_text(header)) for header, field in _SECONDS_COLUMNS.items()
    }
    values.update({field: number(cell_text(header)) for header, field in _NUMBER_COLUMNS.items()})
    return ResultRecord(
        source_driver_id=driver_id,
        display_name=name,
        laps_completed=laps_completed,
        total_time_raw=total_raw,
        started=laps_completed > 0,
        car_number=text_of(driver_cell.css(".car_num")) or None,
        position_final=integer(cell_text("pos")),
        qualifying_position=integer(cell_text("qual")),
        total_time_seconds=float(parsed_total.seconds)
        if parsed_total and parsed_total.seconds is not None
        else None,
        behind_raw=behind_raw or None,
        behind_seconds=behind.seconds if behind else None,
        behind_laps=behind.laps if behind else None,
        fast_lap_time=fast_time,
        fast_lap_number=fast_lap,
        top2_consecutive=clock_seconds(str(block.get("top2Consecutive", "") or "")),
        raw_cells=raw,
        laps=laps,
        **values,
    )


def _fast_lap(cells: Any, columns: dict[str, int]) -> tuple[float | None, int | None]:
    """'37.234<sup>10</sup>': the time, and in <sup> the lap it was set on."""
    at = columns.get("fastest lap")
    if at is None or at >= len(cells):
        return None, None
    cell = cells[at]
    time_text = collapse(cell.xpath(_FAST_LAP_TIME).getall())
    return clock_seconds(time_text), integer(text_of(cell.css("sup")))


def _sub_header(table: Selector, label: str) -> str:
    """The value of 'Label: value' in the table's banner (Round, Length)."""
    for sub in table.css("thead .class_sub_header"):
        key, _, value = shown_text(sub).partition(":")
        if header_key(key) == label:
            return value.strip()
    return ""
