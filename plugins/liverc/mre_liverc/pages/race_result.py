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
  `html`), never a parsel Selector per cell; a row's cells as LiveRC writes
  them (a text, or a sort key and a text) are read directly (`_cell_text`),
  and the Driver cell in one pass;
- racerLaps blocks are read by chompjs, a parser of JavaScript literals in C
  (never JSON after a quote swap: the page is JavaScript, and is read as
  such), each block's laps as rows of strings (`scripts.read_racer_laps`);
- the laps of a block as LiveRC writes them are converted all at once
  (`_plain_rows`; `_plain_laps` checks them first when json.loads read them),
  and added up to the results table's total with one `fsum` (`_sum_if_not`);
- the values of cells as LiveRC shows them ('31/21:11.939', '1:52.036') are
  read without Decimals (`_laps_time`, `_seconds`, `_gap`).

Each shortcut stands in for a general reading it is tested equal to
(`tests/test_liverc_scripts.py`, `tests/test_liverc_hardening.py`), which
reads whatever the shortcut does not take.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain
from math import fsum
from operator import itemgetter
from typing import Any

from lxml import etree

from mre_core.connector import LapRecord, ParseError, RaceDetail, ResultRecord, normalize_name
from mre_liverc.errors import PageRefusedError
from mre_liverc.pages.anomalies import anomaly
from mre_liverc.pages.html import (
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
from mre_liverc.scripts import LapRow, ScriptLiteralError, read_racer_laps
from mre_liverc.values import (
    Gap,
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
# Seconds as LiveRC shows them, plain or after minutes ('38.17', '1:52.036'): read
# as values.clock_seconds reads them.
_SHOWN_SECONDS = re.compile(r"(?:([0-9]{1,9}):)?([0-9]{1,9})(\.[0-9]+)?")
# A statistic as LiveRC shows it ('2.80', '92.82%'): float() reads it as values.number does.
_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?%?")
_PLAIN_SECONDS_LINES = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:\n[0-9]+(?:\.[0-9]+)?)*+")
# Lap times of at most nine digits and three decimals, one a line: what `_plain_laps`
# reads (see `_sum_if_not`).
_MILLIS_LINES = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,3})?(?:\n[0-9]{1,9}(?:\.[0-9]{1,3})?)*+")
# Laps/Time as LiveRC shows it ('31/21:11.939'): read as values.laps_time reads it.
_PLAIN_LAPS_TIME = re.compile(r"([0-9]{1,9})/([0-9]{1,9}):([0-9]+(?:\.[0-9]+)?)")
# Lap and position numbers as LiveRC writes them, read as values.integer() does.
_NUMBERS = {str(n): n for n in range(1000)}
# The same in order: laps numbered 0..n are one list comparison (`_plain_rows`).
_NUMBER_TEXTS = list(_NUMBERS)
# A lap's fields as LiveRC names them.
_LAP_FIELDS = itemgetter("lapNum", "pos", "time", "pace")

# The columns that make a table the results table (case-folded headers).
_RESULT_COLUMNS = ("pos", "driver", "laps/time")
_NOT_ELEMENTS = (etree.Comment, etree.ProcessingInstruction, etree.Entity)
_TEXT_NODES = etree.XPath(".//text()", smart_strings=False)
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
_NO_GAP = Gap()  # the leader's


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
    layout = _Layout.of(columns, len(shown_headers))
    results = [
        _result(url, layout, shown_headers, row, driver_id, blocks)
        for row, driver_id in zip(rows, ids, strict=True)
    ]
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
    url: str, name: str, driver_id: str | None, block: _Block, completed: int
) -> None:
    """Refuse the race when racerLaps lists absurdly more laps than the table shows.

    Checked before any lap is read, so a block of a million laps costs its
    parsing only.
    """
    if block.rows is not None:
        listed = len(block.rows)
        if listed and block.rows[0][0] == "0":
            listed -= 1  # the grid slot
    else:
        raw_laps = block.fields.get("laps")
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


@dataclass(frozen=True, slots=True)
class _Block:
    """A racerLaps block as `scripts.read_racer_laps` reads it: its fields, and its
    laps as rows when it is written as LiveRC writes it (then `fields` has no
    "laps", and the rows' values are LiveRC's: see `_plain_rows`)."""

    fields: dict[str, Any]
    rows: list[LapRow] | None

    def __bool__(self) -> bool:
        """An empty object is no block: a driver with `racerLaps[id] = {}` has no laps."""
        return self.rows is not None or bool(self.fields)


_NO_BLOCK = _Block({}, None)


def _racer_laps(root: etree._Element, url: str) -> dict[str, _Block]:
    """Every `racerLaps[id] = {...}` block in the page's scripts, by driver id.

    A block is read from its "{" up to where the next block's assignment starts
    (or the script ends): chompjs stops at the end of the literal, and no
    text is read, or copied, twice.
    """
    blocks: dict[str, _Block] = {}
    for script in _racer_laps_scripts(root):
        matches = _assignments(script)
        if not matches:  # `var racerLaps = {};` and nothing more: a race not scored yet
            continue
        ends = [match.start() for match in matches[1:]] + [len(script)]
        for match, end in zip(matches, ends, strict=True):
            driver_id = match.group(1) or match.group(2) or match.group(3)
            blocks[driver_id] = _block(script[match.end() : end], driver_id, url)
    return blocks


def _assignments(script: str) -> list[re.Match[str]]:
    """`_BLOCK.finditer(script)`, but the regex is tried only where "racerLaps" is:
    str.find skips the 100 KB of laps between the assignments far faster than
    the regex engine scans them."""
    found = []
    at = script.find("racerLaps")
    while at >= 0:
        match = _BLOCK.match(script, at)
        if match:
            found.append(match)
            at = script.find("racerLaps", match.end())
        else:
            at = script.find("racerLaps", at + 1)
    return found


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


def _block(literal: str, driver_id: str, url: str) -> _Block:
    if not literal.startswith("{"):
        raise ParseError(url, f"racerLaps[{driver_id}] is not an object")
    try:
        value, rows = read_racer_laps(literal)
    except ScriptLiteralError as exc:
        raise ParseError(url, f"racerLaps[{driver_id}] is not a readable object: {exc}") from None
    if not isinstance(value, dict):
        raise ParseError(url, f"racerLaps[{driver_id}] is not an object")
    return _Block(value, rows)


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
    for tbody in table.iterchildren("tbody"):
        tbody_hidden = table_hidden or has_class_token(tbody, "hidden")
        for tr in tbody.iterchildren("tr"):
            cells = list(tr.iterchildren("td"))
            if not cells:
                continue
            if driver_at >= len(cells):
                anomaly(
                    url, f"a results row has {len(cells)} cells, fewer than the headers; skipped"
                )
                continue
            hidden = tbody_hidden or has_class_token(tr, "hidden")
            driver = cells[driver_at]
            driver_shown, name, car, linked = _driver_cell(driver, hidden)
            if hidden:
                shown = [""] * len(cells)
            else:
                shown = [driver_shown if cell is driver else _cell_text(cell) for cell in cells]
            name = _QUAL_PREFIX.sub("", name or driver_shown)
            rows.append(_Row(cells, shown, hidden or in_sup, name, car, linked))
    return rows


def _cell_text(cell: etree._Element) -> str:
    """`element_shown_text(cell)`, read directly for LiveRC's two kinds of cell: a
    text alone, and a text after its sort key (`<div class="hidden">`)."""
    if cell.get("class") is None:
        children = len(cell)
        if not children:
            text = cell.text
            return " ".join(text.split()) if text else ""
        if children == 1 and not cell.text:
            key = cell[0]
            if key.get("class") == "hidden" and not len(key):
                text = key.tail
                return " ".join(text.split()) if text else ""
    return element_shown_text(cell)


def _driver_cell(cell: etree._Element, hidden: bool) -> tuple[str, str, str, str | None]:
    """In one pass over the Driver cell: its text as shown (`hidden`: the row is), the
    text of its `.driver_name` and of its `.car_num` (CSS), and the first
    `data-driver-id` below it (XPath `.//*[@data-driver-id]/@data-driver-id`).

    The cell is the only deep one of a row, so it is walked once: when it holds
    elements only and none is hidden, its shown text is all its text nodes,
    which one compiled XPath returns. A cell without `.driver_name` is read by
    its structure (`_driver_parts`).
    """
    names: list[str] = []
    cars: list[str] = []
    named = False
    # A comment's or a PI's text is no text node: a cell with one is read by the general walk.
    all_shown = not hidden and next(cell.iter(*_NOT_ELEMENTS), None) is None
    linked = None
    for element in cell.iter(etree.Element):
        if linked is None and element is not cell:
            linked = element.get("data-driver-id")
        classes = element.get("class")
        if not classes:
            continue
        if all_shown and "hidden" in classes and has_class_token(element, "hidden"):
            all_shown = False
        if "driver_name" in classes and has_class_token(element, "driver_name"):
            names += _own_texts(element)
            named = True
        if "car_num" in classes and has_class_token(element, "car_num"):
            cars += _own_texts(element)
    shown = collapse(_TEXT_NODES(cell)) if all_shown else element_shown_text(cell, hidden)
    if not named:
        return (shown, *_driver_parts(cell), linked)
    return shown, collapse(names), collapse(cars), linked


def _own_texts(element: etree._Element) -> list[str]:
    """`element.itertext()`: its text nodes, hidden or not (a leaf's is its text)."""
    if len(element):
        return list(element.itertext())
    return [element.text] if element.text else []


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


def _identify(rows: list[tuple[str, str | None]], blocks: dict[str, _Block]) -> list[str | None]:
    """The driver id of each row: its link, else the one racerLaps block of that name.

    Only blocks no linked row claims are candidates, and a name shared by two
    unclaimed blocks identifies nobody: a guess would mix two drivers' laps.
    """
    claimed = {linked for _, linked in rows if linked}
    by_name: dict[str, list[str]] = {}
    for block_id, block in blocks.items():
        if block_id not in claimed:
            name = normalize_name(str(block.fields.get("driverName", "")))
            by_name.setdefault(name, []).append(block_id)
    ids: list[str | None] = []
    for name, linked in rows:
        candidates = by_name.get(normalize_name(name), [])
        ids.append(linked or (candidates[0] if len(candidates) == 1 else None))
    return ids


def _laps(block: _Block, url: str, driver_id: str) -> tuple[list[LapRecord], float | None]:
    """The laps of a block and, when read all at once, their times' `fsum`."""
    if block.rows is not None:
        laps, seconds, numbered = _plain_rows(block.rows)
    else:
        raw_laps = block.fields.get("laps", [])
        if not isinstance(raw_laps, list):
            raise ParseError(url, f"racerLaps[{driver_id}].laps is not a list")
        plain = _plain_laps(map(_LAP_FIELDS, raw_laps))
        if plain is not None:
            laps, seconds, numbered = plain
        else:
            laps, seconds, numbered = _read_laps(raw_laps, url, driver_id), None, False
    if not numbered and [lap.lap_number for lap in laps] != list(range(1, len(laps) + 1)):
        anomaly(url, f"racerLaps[{driver_id}] laps are not numbered 1..{len(laps)}")
    return laps, seconds


def _plain_rows(rows: list[LapRow]) -> tuple[list[LapRecord], float, bool]:
    """`_plain_laps` of the rows `scripts.read_racer_laps` read: their values are
    LiveRC's (lap numbers and positions from 0 to 999, plain seconds), which
    its pattern checked, so they are only converted."""
    values = list(chain.from_iterable(rows))
    numbers, positions, times, paces = values[0::4], values[1::4], values[2::4], values[3::4]
    # Laps numbered 0..n, as LiveRC numbers them, are compared, not looked up.
    if numbers == _NUMBER_TEXTS[: len(numbers)]:
        lap_numbers = list(range(len(numbers)))
    else:
        lap_numbers = list(map(_NUMBERS.__getitem__, numbers))
    on_laps = list(map(_NUMBERS.__getitem__, positions))
    return _lap_records(lap_numbers, on_laps, times, [pace.strip() or None for pace in paces])


def _plain_laps(laps: Iterable[tuple[Any, ...]]) -> tuple[list[LapRecord], float, bool] | None:
    """The laps of a block read all at once, from their (lapNum, pos, time, pace),
    when every one is as LiveRC writes it: lapNum and pos small numbers, time
    plain seconds (at most nine digits and three decimals) and pace a string.
    None when any is not: `_read_laps` then reads them one by one, and reads
    such laps exactly as this does.

    One lap at a time, these checks cost more than the reading; here they run in
    C over the whole block (json.loads makes every string a plain str, so
    str.join refuses exactly what is not one).
    """
    try:
        columns = list(zip(*laps, strict=True))
        if not columns:
            return [], 0.0, True
        numbers, positions, times, paces = columns
        lap_numbers = list(map(_NUMBERS.get, numbers))
        on_laps = list(map(_NUMBERS.get, positions))
        joined = "\n".join(times)
        shown_paces = [pace.strip() or None for pace in paces]
    except (KeyError, TypeError, AttributeError):  # a missing key, a lap or value of another type
        return None
    if (
        None in lap_numbers
        or None in on_laps
        or joined.count("\n") != len(times) - 1  # a time with a line break in it
        or not _MILLIS_LINES.fullmatch(joined)
    ):
        return None
    return _lap_records(lap_numbers, on_laps, list(times), shown_paces)


def _lap_records(
    lap_numbers: list[int | None],
    on_laps: list[int | None],
    times: list[str],
    paces: list[str | None],
) -> tuple[list[LapRecord], float, bool]:
    """The LapRecords of a block's laps, checked (no number is None, every time is
    plain seconds); the `fsum` of their times; and whether they are laps 1..n in
    order (after the grid slot, lap 0)."""
    if not lap_numbers:
        return [], 0.0, True
    seconds = list(map(float, times))
    laps = list(map(LapRecord, lap_numbers, seconds, times, on_laps, paces))
    if lap_numbers == list(range(len(lap_numbers))):  # the grid slot (lap 0), then laps 1..n
        del laps[0], seconds[0]
        return laps, fsum(seconds), True
    laps = [lap for lap in laps if lap.lap_number]  # 0 is the grid slot, not a lap
    return laps, fsum([lap.lap_time_seconds for lap in laps]), False


def _read_laps(raw_laps: list[Any], url: str, driver_id: str) -> list[LapRecord]:
    """The laps of a block one by one, however they are written."""
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
        append(
            LapRecord(
                lap_number,
                float(exact),
                time_raw,
                integer(_text(position)),
                _text(pace).strip() or None,
            )
        )
    return laps


def _text(value: Any) -> str:
    return value if type(value) is str else str(value)


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where each column the results read from is, found once per table.

    A row's cells are read from its shown texts followed by `blank`, so that a
    column the table lacks (-1) or a row lacks (a short row) reads "".
    """

    blank: tuple[str, ...]
    pos: int
    qual: int
    laps_time: int
    behind: int
    fastest: int | None
    seconds: tuple[tuple[str, int], ...]  # (ResultRecord field, column)
    numbers: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, columns: dict[str, int], width: int) -> _Layout:
        def at(header: str) -> int:
            return columns.get(header, -1)

        return cls(
            ("",) * (width + 1),
            at("pos"),
            at("qual"),
            at("laps/time"),
            at("behind"),
            columns.get("fastest lap"),
            tuple((field, at(header)) for header, field in _SECONDS_COLUMNS.items()),
            tuple((field, at(header)) for header, field in _NUMBER_COLUMNS.items()),
        )


def _result(
    url: str,
    layout: _Layout,
    headers: list[str],
    row: _Row,
    driver_id: str | None,
    blocks: dict[str, _Block],
) -> ResultRecord:
    """One row's record, with its laps from the racerLaps block of `driver_id`."""
    name = row.name
    if driver_id is None and blocks:
        anomaly(url, f"no driver id for {name!r}: not linked and not in racerLaps")
    block = blocks.get(driver_id or "", _NO_BLOCK)
    cells = [*row.shown, *layout.blank]
    total_raw = cells[layout.laps_time]
    total = _laps_time(total_raw)
    laps: list[LapRecord] = []
    plain_sum = None
    if block:
        if total is not None:
            _check_lap_count(url, name, driver_id, block, total.laps)
        laps, plain_sum = _laps(block, url, driver_id)

    if total is None:
        anomaly(url, f"Laps/Time {total_raw!r} of {name!r} not understood")
    laps_completed = total.laps if total else len(laps)
    if laps and laps_completed != len(laps):
        anomaly(url, f"{name!r}: Laps/Time says {laps_completed} laps, racerLaps has {len(laps)}")
    elif total and total.seconds is not None and laps:
        lap_sum = _sum_if_not(laps, plain_sum, total.seconds)
        if lap_sum is not None:
            anomaly(url, f"{name!r}: laps add up to {lap_sum} s, Laps/Time says {total.seconds} s")

    behind_raw = cells[layout.behind]
    behind = _gap(behind_raw)
    fast_time, fast_lap = _fast_lap(row, layout.fastest)
    values: dict[str, Any] = {field: _seconds(cells[at]) for field, at in layout.seconds}
    for field, at in layout.numbers:
        values[field] = _number(cells[at])
    return ResultRecord(
        source_driver_id=driver_id,
        display_name=name,
        laps_completed=laps_completed,
        total_time_raw=total_raw,
        started=laps_completed > 0,
        car_number=row.car or None,
        position_final=_integer(cells[layout.pos]),
        qualifying_position=_integer(cells[layout.qual]),
        total_time_seconds=float(total.seconds) if total and total.seconds is not None else None,
        behind_raw=behind_raw or None,
        behind_seconds=behind.seconds if behind else None,
        behind_laps=behind.laps if behind else None,
        fast_lap_time=fast_time,
        fast_lap_number=fast_lap,
        top2_consecutive=_seconds(_text(block.fields.get("top2Consecutive", "") or "")),
        raw_cells=dict(zip(headers, row.shown, strict=False)),  # as many as both have
        laps=laps,
        **values,
    )


def _sum_if_not(laps: list[LapRecord], plain_sum: float | None, total: Decimal) -> Decimal | None:
    """None when the laps' times add up to `total` exactly, else what they add up to.

    `plain_sum`: the `fsum` of the laps' float times when every one is plain
    seconds with at most three decimals and nine digits (`_plain_laps` read
    them), as LiveRC writes them. Then they add up to a whole number of
    milliseconds, and that sum finds it: each float is within a relative 2^-53
    of its time and `fsum` adds them with one rounding, so the sum in
    milliseconds is within 10^-3 of that whole number while it stays under
    10^12 (some 30 years of racing), and rounding gives it exactly, at a tenth
    of the cost of adding Decimals. Other times, and a sum that differs, are
    added up as Decimals (`_exact_sum`), whose text the anomaly shows.
    """
    if plain_sum is not None:
        millis = plain_sum * 1000
        if millis < 1e12 and Decimal(f"{round(millis)}e-3") == total:
            return None
    exact = _exact_sum(laps)
    return None if exact == total else exact


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


def _laps_time(text: str) -> LapsTime | None:
    """values.laps_time, read directly for LiveRC's '31/21:11.939'."""
    match = _PLAIN_LAPS_TIME.fullmatch(text)
    if match is None:
        return laps_time(text)
    laps, minutes, seconds = match.groups()
    return LapsTime(int(laps), Decimal(seconds) + 60 * int(minutes))


def _seconds(text: str) -> float | None:
    """values.clock_seconds, read directly for seconds as LiveRC shows them ('38.17',
    '1:52.036'): float() of the same decimal value is the same float."""
    match = _SHOWN_SECONDS.fullmatch(text)
    if match is None:
        return clock_seconds(text)
    minutes, whole, fraction = match.groups()
    if minutes is None:
        return float(text)
    return float(f"{60 * int(minutes) + int(whole)}{fraction or ''}")


def _gap(text: str) -> Gap | None:
    """values.gap, read directly for the leader's empty Behind and plain seconds."""
    if not text:
        return _NO_GAP
    if _PLAIN_SECONDS.fullmatch(text):
        return Gap(seconds=float(text))
    return gap(text)


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
    if len(cell) == 1 and not row.blocked:  # LiveRC's cell: text, then a <sup> with text only
        sup = cell[0]
        if sup.tag == "sup" and not len(sup):
            shown = "" if has_class_token(cell, "hidden") else collapse(_texts(cell.text, sup.tail))
            return _seconds(shown), _integer(collapse(_texts(sup.text)))
    time_text = element_shown_text(cell, row.blocked, skip="sup")
    return _seconds(time_text), _integer(elements_text(cell.iter("sup")))


def _texts(*texts: str | None) -> list[str]:
    """The text nodes among `texts` (an element without text or tail has None)."""
    return [text for text in texts if text]
