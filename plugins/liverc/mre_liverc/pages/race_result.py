"""A race's result page, ?p=view_race_result: the results table and every lap.

Results come from the results table: the first table whose headers include
Pos, Driver and Laps/Time (LiveRC's `table.race_result`; the class is not
needed), columns found by header text. Laps come from the
`racerLaps[driver_id] = {...}` literals in the page's script, parsed as
JavaScript (see `scripts`). A row links its laps through
`[data-driver-id]`; a non-starter's row has no link, so its id is found by
name among the racerLaps blocks, which list every driver.

A race whose racerLaps list far more laps for a driver than the results
table shows (over `lap_bound`) is refused whole: an anomaly is logged and
PageRefusedError raised, so nothing of it is stored.

A race page names no race id of its own (nor its event's): the real pages
hold neither, so a race page served for another race cannot be told apart by
id and is read as today.

A national event has over a hundred of these pages and tens of thousands of
laps, so this parser is built for speed, without reading anything
differently:

- it walks the lxml tree itself (compiled XPath, and the tree readings of
  `html`), never a parsel Selector per cell;
- racerLaps blocks are read by chompjs, a parser of JavaScript literals in C
  (never JSON after a quote swap: the page is JavaScript, and is read as
  such).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lxml import etree

from mre_core.errors import ParseError
from mre_core.names import normalize_name
from mre_core.records import LapRecord, RaceDetail, ResultRecord
from mre_liverc.errors import PageRefusedError
from mre_liverc.pages.anomalies import anomaly
from mre_liverc.pages.html import (
    children,
    collapse,
    element_shown_text,
    elements_text,
    has_class_token,
    header_key,
    hidden_above,
    page_tree,
    sub_header,
    table_headers,
)
from mre_liverc.scripts import ScriptLiteralError, read_literal
from mre_liverc.values import (
    LapsTime,
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
_CAR_NUMBER = re.compile(r"[0-9]{1,9}")
# A lap time as LiveRC writes nearly all of them: float() reads it as
# float(values.clock_decimal()) does.
_PLAIN_SECONDS = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# A statistic as LiveRC shows it ('2.80', '92.82%'): float() reads it as values.number does.
_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?%?")
_PLAIN_SECONDS_LINES = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:\n[0-9]+(?:\.[0-9]+)?)*+")
# Lap and position numbers as LiveRC writes them, read as values.integer() does.
_NUMBERS = {str(n): n for n in range(1000)}

# The columns that make a table the results table (case-folded headers).
_RESULT_COLUMNS = ("pos", "driver", "laps/time")
_LINKED_ID = etree.XPath(".//*[@data-driver-id]/@data-driver-id", smart_strings=False)

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
    root = page_tree(text, url)
    table, shown_headers = _results_table(root)
    if table is None:
        raise ParseError(url, "no results table (a table with columns Pos, Driver and Laps/Time)")
    columns = {header_key(h): i for i, h in enumerate(shown_headers)}
    blocks = _racer_laps(root, url)

    length_text = sub_header(table, "length")
    length = race_length(length_text) if length_text else None
    if length_text and length is None:
        anomaly(url, f"race length {length_text!r} not understood")

    rows = _rows(table, columns["driver"], url)
    ids = _identify([(row.name, row.linked or None) for row in rows], blocks)
    layout = _Layout.of(columns)
    results = []
    for row, driver_id in zip(rows, ids, strict=True):
        if driver_id is None and blocks:
            anomaly(url, f"no driver id for {row.name!r}: not linked and not in racerLaps")
        block = blocks.get(driver_id or "", {})
        shown = row.shown
        at = layout.laps_time
        total_raw = shown[at] if at is not None and at < len(shown) else ""
        total = laps_time(total_raw)
        if block and total is not None:
            _check_lap_count(url, row.name, driver_id, block, total.laps)
        laps = _laps(block, url, driver_id) if block else []
        raw = {shown_headers[i]: shown[i] for i in range(min(len(shown), len(shown_headers)))}
        results.append(_result(url, layout, row, raw, driver_id, laps, block, total_raw, total))
    return RaceDetail(
        source_race_id=race_id,
        duration_raw=length_text or None,
        duration_seconds=length.seconds if length else None,
        duration_laps=length.laps if length else None,
        results=results,
    )


def _results_table(root: etree._Element) -> tuple[etree._Element | None, list[str]]:
    """The first table whose headers include every one of _RESULT_COLUMNS, and them."""
    for table in root.iter("table"):
        shown = table_headers(table)
        keys = {header_key(text) for text in shown}
        if all(column in keys for column in _RESULT_COLUMNS):
            return table, shown
    return None, []


def lap_bound(laps_completed: int) -> int:
    """The most laps racerLaps may list for a driver the results table shows with
    `laps_completed`: twice as many, plus a margin. A count LiveRC could show
    (a lap more or less, a table posted mid-race) is far below it."""
    return 2 * laps_completed + 10


def _check_lap_count(
    url: str, name: str, driver_id: str | None, block: dict[str, Any], completed: int
) -> None:
    """Refuse the race when racerLaps lists absurdly more laps than the table shows.

    Checked before any lap is read, so a block of a million laps costs its
    parsing only.
    """
    raw_laps = block.get("laps")
    if not isinstance(raw_laps, list):
        return  # `_laps` says what is wrong with it
    listed = len(raw_laps)
    if listed and isinstance(raw_laps[0], dict) and raw_laps[0].get("lapNum") in ("0", 0):
        listed -= 1  # the grid slot
    if listed > lap_bound(completed):
        detail = (
            f"racerLaps[{driver_id}] lists {listed} laps for {name!r}, whom the results "
            f"table shows with {completed}: over {lap_bound(completed)}; the race is refused"
        )
        anomaly(url, detail)
        raise PageRefusedError(url, detail)


def _racer_laps(root: etree._Element, url: str) -> dict[str, dict[str, Any]]:
    """Every `racerLaps[id] = {...}` block in the page's scripts, by driver id.

    A block is read from its "{" up to where the next block's assignment starts
    (or the script ends): chompjs stops at the end of the literal, and no
    text is read, or copied, twice.
    """
    blocks: dict[str, dict[str, Any]] = {}
    for script in _racer_laps_scripts(root):
        matches = list(_BLOCK.finditer(script))
        ends = [match.start() for match in matches[1:]] + [len(script)]
        for match, end in zip(matches, ends, strict=True):
            driver_id = match.group(1) or match.group(2) or match.group(3)
            blocks[driver_id] = _block(script[match.end() : end], driver_id, url)
    return blocks


def _racer_laps_scripts(root: etree._Element) -> list[str]:
    """XPath `//script[contains(., 'racerLaps')]/text()`, without XPath's string work."""
    texts = []
    for script in root.getroottree().iter("script"):
        if not len(script):  # the usual script, one text node: its text is its string value
            text = script.text
            if text and "racerLaps" in text:
                texts.append(text)
        elif "racerLaps" in "".join(script.itertext()):
            nodes = [script.text, *(child.tail for child in script)]
            texts += [text for text in nodes if text]
    return texts


def _block(literal: str, driver_id: str, url: str) -> dict[str, Any]:
    if not literal.startswith("{"):
        raise ParseError(url, f"racerLaps[{driver_id}] is not an object")
    try:
        value = read_literal(literal)
    except ScriptLiteralError as exc:
        raise ParseError(url, f"racerLaps[{driver_id}] is not a readable object: {exc}") from None
    if not isinstance(value, dict):
        raise ParseError(url, f"racerLaps[{driver_id}] is not an object")
    return value


@dataclass(slots=True)
class _Row:
    """One row of the results table as read from the page."""

    cells: list[etree._Element]
    shown: list[str]  # each cell's text as shown
    blocked: bool  # in a hidden element or a <sup>: no text of it is a fastest lap's time
    name: str
    car: str
    linked: str | None  # the data-driver-id of its laps link


def _rows(table: etree._Element, driver_at: int, url: str) -> list[_Row]:
    """The rows of XPath `./tbody/tr[td]`, read."""
    table_hidden = has_class_token(table, "hidden") or hidden_above(table)
    in_sup = table.tag == "sup" or any(a.tag == "sup" for a in table.iterancestors())
    rows = []
    for tbody in children(table, "tbody"):
        tbody_hidden = table_hidden or has_class_token(tbody, "hidden")
        for tr in children(tbody, "tr"):
            cells = children(tr, "td")
            if not cells:
                continue
            hidden = tbody_hidden or has_class_token(tr, "hidden")
            shown = [""] * len(cells) if hidden else [element_shown_text(c) for c in cells]
            if driver_at >= len(cells):
                anomaly(
                    url, f"a results row has {len(cells)} cells, fewer than the headers; skipped"
                )
                continue
            name, car, linked = _driver_cell(cells[driver_at])
            name = _QUAL_PREFIX.sub("", name or shown[driver_at])
            rows.append(_Row(cells, shown, hidden or in_sup, name, car, linked))
    return rows


def _driver_cell(cell: etree._Element) -> tuple[str, str, str | None]:
    """In one pass over the Driver cell: the text of its `.driver_name` and of its
    `.car_num` (CSS), and the first `data-driver-id` below it (XPath
    `.//*[@data-driver-id]/@data-driver-id`).

    A cell without `.driver_name` is read by its structure (`_driver_parts`).
    """
    names: list[str] = []
    cars: list[str] = []
    named = False
    linked = None
    for element in cell.iter():
        if not isinstance(element.tag, str):
            continue
        if linked is None and element is not cell:
            linked = element.get("data-driver-id")
        classes = element.get("class")
        if not classes:
            continue
        if "driver_name" in classes and has_class_token(element, "driver_name"):
            names += element.itertext()
            named = True
        if "car_num" in classes and has_class_token(element, "car_num"):
            cars += element.itertext()
    if not named:
        return (*_driver_parts(cell), linked)
    return collapse(names), collapse(cars), linked


def _driver_parts(cell: etree._Element) -> tuple[str, str]:
    """The name and car number of a Driver cell, by its structure alone.

    LiveRC's cell is `<span>car</span> <span>name</span> <br/> <span>...laps
    link...</span>`: of the cell's child elements, those that hold no laps
    link and show text are its parts; with two or more and a number first,
    that number is the car and the rest the name; one part is the name. With
    none, the name is the cell's text, as the caller reads it ("", "").
    """
    parts = []
    for child in cell:
        if not isinstance(child.tag, str) or child.tag == "br":
            continue
        if child.get("data-driver-id") is not None or _LINKED_ID(child):
            continue
        text = element_shown_text(child)
        if text:
            parts.append(text)
    if len(parts) >= 2 and _CAR_NUMBER.fullmatch(parts[0]):
        return collapse(parts[1:]), parts[0]
    return collapse(parts), ""


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


def _laps(block: dict[str, Any], url: str, driver_id: str) -> list[LapRecord]:
    raw_laps = block.get("laps", [])
    if not isinstance(raw_laps, list):
        raise ParseError(url, f"racerLaps[{driver_id}].laps is not a list")
    laps: list[LapRecord] = []
    append, known, plain = laps.append, _NUMBERS.get, _PLAIN_SECONDS.fullmatch
    for item in raw_laps:
        if not isinstance(item, dict):
            raise ParseError(url, f"racerLaps[{driver_id}] has a lap that is not an object")
        number, time_raw = item.get("lapNum", ""), item.get("time", "")
        position, pace = item.get("pos", ""), item.get("pace", "")
        # A lap as LiveRC writes it (small numbers, plain seconds) is read here
        # directly; anything else by the general readers below, which agree.
        lap_number = known(number) if type(number) is str else None
        on_lap = known(position) if type(position) is str else None
        if (
            lap_number is not None
            and on_lap is not None
            and type(time_raw) is str
            and type(pace) is str
            and plain(time_raw)
        ):
            if lap_number:  # 0 is the grid slot, not a lap
                append(
                    LapRecord(lap_number, float(time_raw), time_raw, on_lap, pace.strip() or None)
                )
            continue
        lap_number = integer(_text(number))
        time_raw = _text(time_raw).strip()
        exact = clock_decimal(time_raw)
        if lap_number is None or exact is None:
            raise ParseError(
                url, f"racerLaps[{driver_id}] has a lap without lapNum or time: {item!r}"
            )
        if lap_number == 0:  # the grid slot, not a lap
            continue
        laps.append(
            LapRecord(
                lap_number,
                float(exact),
                time_raw,
                integer(_text(position)),
                _text(pace).strip() or None,
            )
        )
    expected = list(range(1, len(laps) + 1))
    if [lap.lap_number for lap in laps] != expected:
        anomaly(url, f"racerLaps[{driver_id}] laps are not numbered 1..{len(laps)}")
    return laps


def _text(value: Any) -> str:
    return value if type(value) is str else str(value)


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where each column the results read from is, found once per table."""

    pos: int | None
    qual: int | None
    laps_time: int | None
    behind: int | None
    fastest: int | None
    seconds: tuple[tuple[str, int | None], ...]  # (ResultRecord field, column)
    numbers: tuple[tuple[str, int | None], ...]

    @classmethod
    def of(cls, columns: dict[str, int]) -> _Layout:
        return cls(
            columns.get("pos"),
            columns.get("qual"),
            columns.get("laps/time"),
            columns.get("behind"),
            columns.get("fastest lap"),
            tuple((field, columns.get(header)) for header, field in _SECONDS_COLUMNS.items()),
            tuple((field, columns.get(header)) for header, field in _NUMBER_COLUMNS.items()),
        )


def _result(
    url: str,
    layout: _Layout,
    row: _Row,
    raw: dict[str, str],
    driver_id: str | None,
    laps: list[LapRecord],
    block: dict[str, Any],
    total_raw: str,
    parsed_total: LapsTime | None,
) -> ResultRecord:
    """One row's record; `total_raw` is its Laps/Time cell, `parsed_total` that read."""
    shown, name = row.shown, row.name

    def cell_text(at: int | None) -> str:
        return shown[at] if at is not None and at < len(shown) else ""

    if parsed_total is None:
        anomaly(url, f"Laps/Time {total_raw!r} of {name!r} not understood")
    laps_completed = parsed_total.laps if parsed_total else len(laps)
    if laps and laps_completed != len(laps):
        anomaly(url, f"{name!r}: Laps/Time says {laps_completed} laps, racerLaps has {len(laps)}")
    elif parsed_total and parsed_total.seconds is not None and laps:
        lap_sum = _exact_sum(laps)
        if lap_sum != parsed_total.seconds:
            anomaly(
                url,
                f"{name!r}: laps add up to {lap_sum} s, Laps/Time says {parsed_total.seconds} s",
            )

    behind_raw = cell_text(layout.behind)
    behind = gap(behind_raw)
    fast_time, fast_lap = _fast_lap(row, layout.fastest)
    values: dict[str, Any] = {field: _seconds(cell_text(at)) for field, at in layout.seconds}
    for field, at in layout.numbers:
        values[field] = _number(cell_text(at))
    return ResultRecord(
        source_driver_id=driver_id,
        display_name=name,
        laps_completed=laps_completed,
        total_time_raw=total_raw,
        started=laps_completed > 0,
        car_number=row.car or None,
        position_final=_integer(cell_text(layout.pos)),
        qualifying_position=_integer(cell_text(layout.qual)),
        total_time_seconds=float(parsed_total.seconds)
        if parsed_total and parsed_total.seconds is not None
        else None,
        behind_raw=behind_raw or None,
        behind_seconds=behind.seconds if behind else None,
        behind_laps=behind.laps if behind else None,
        fast_lap_time=fast_time,
        fast_lap_number=fast_lap,
        top2_consecutive=_seconds(_text(block.get("top2Consecutive", "") or "")),
        raw_cells=raw,
        laps=laps,
        **values,
    )


def _exact_sum(laps: list[LapRecord]) -> Decimal:
    """The laps' times added as written (clock format too, as `_laps` read them)."""
    raws = [lap.lap_time_raw for lap in laps]
    # No kept lap time has a line break (`_laps` read each whole, stripped), so one
    # match tells whether all are plain seconds, as LiveRC writes them: then
    # Decimal reads each exactly as clock_decimal does.
    if _PLAIN_SECONDS_LINES.fullmatch("\n".join(raws)):
        return sum(map(Decimal, raws), Decimal(0))
    total = Decimal(0)
    for lap in laps:
        exact = clock_decimal(lap.lap_time_raw)
        if exact is not None:  # always: `_laps` keeps no lap it cannot read this way
            total += exact
    return total


def _seconds(text: str) -> float | None:
    """values.clock_seconds, read directly for plain seconds ('38.17')."""
    return float(text) if _PLAIN_SECONDS.fullmatch(text) else clock_seconds(text)


def _number(text: str) -> float | None:
    """values.number, read directly for plain numbers ('2.80', '92.82%')."""
    if _PLAIN_NUMBER.fullmatch(text):
        return float(text.rstrip("%"))
    return number(text)


def _integer(text: str) -> int | None:
    """values.integer, read directly for small plain numbers."""
    found = _NUMBERS.get(text)
    return found if found is not None else integer(text)


def _fast_lap(row: _Row, at: int | None) -> tuple[float | None, int | None]:
    """'37.234<sup>10</sup>': the time, and in <sup> the lap it was set on."""
    if at is None or at >= len(row.cells):
        return None, None
    cell = row.cells[at]
    time_text = element_shown_text(cell, row.blocked, skip="sup")
    return _seconds(time_text), _integer(elements_text(cell.iter("sup")))
