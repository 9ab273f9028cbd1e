"""A track's practice pages: the month's calendar, a day's sessions, a session's laps.

- calendar `https://{slug}.liverc.com/practice/?p=calendar&d=YYYY-MM`: a month
  picker (`<select>` of `YYYY-MM` values) and a table `Date | # Sessions` whose
  rows link each day's session list;
- day `.../practice/?p=session_list&d=YYYY-MM-DD`: the session list (columns
  `Driver Class | Time | Laps Length | Fast Avg`, newest first), beside a day's
  statistics table and a leaderboard that links sessions also in the list
  (sessions are read from the list only);
- session `.../practice/?p=view_session&id=N`: a facts table (Driver, Class,
  Transponder, Session Time, Num Laps, Fastest Lap, ...) and every lap in a
  script, `var lapsObj = [{"x":"1","lap_time":"42.996","date":"2025-10-25",
  "time":"14:44:10",...,"is_valid":"1"}, ...];`, read as a JavaScript literal
  (chompjs: never executed).

Tables are found by their header text, never by class or id. The calendar's and
the facts' headers are `<th>` cells of body rows (no thead): a table is read as a
header row (the first row of `<th>` cells) or as label/value rows (`<th>label</th>
<td>value</td>`), whichever it has.

A day without sessions says so ("There are no practice sessions available")
and is read as no sessions; a page with neither a session list nor that
sentence is a ParseError.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from lxml import etree
from parsel import Selector

from mre_core.connector import (
    ParseError,
    PracticeDayDetail,
    PracticeDayRecord,
    PracticeLapRecord,
    PracticeSessionDetail,
    PracticeSessionRecord,
    UsageError,
)
from mre_liverc import urls
from mre_liverc.errors import WrongPageError
from mre_liverc.pages.anomalies import anomaly
from mre_liverc.pages.html import collapse, has_class_token, header_key, page
from mre_liverc.scripts import ScriptLiteralError, read_literal
from mre_liverc.values import clock_decimal, clock_seconds, integer, number, sortable_datetime

_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# '1/8 Nitro Buggy (8603914)': the class, and the transponder in parentheses.
_CLASS_TRANSPONDER = re.compile(r"^(.*?)\s*\(([0-9]{1,18})\)$")
_LAPS_OBJ = re.compile(r"\blapsObj\s*=\s*")
_LABELLED = re.compile(r"^([^:]+):\s*(.*)$")
# 'October 25, 2025 (Saturday)'
_LONG_DATE = re.compile(r"([A-Z][a-z]+ [0-9]{1,2}, [0-9]{4})")
_NO_SESSIONS = "no practice sessions"
# A session of more laps than this is no practice session (a day has 24 hours).
MAX_LAPS = 10_000


# --- URLs -------------------------------------------------------------------------


def calendar_url(slug: str, month: str) -> str:
    """The month's practice calendar; `month` is 'YYYY-MM'."""
    return f"https://{urls.check_slug(slug)}.{urls.DOMAIN}/practice/?p=calendar&d={_month(month)}"


def day_url(slug: str, day: date) -> str:
    return (
        f"https://{urls.check_slug(slug)}.{urls.DOMAIN}/practice/?p=session_list&d={day:%Y-%m-%d}"
    )


def session_url(slug: str, session_id: str) -> str:
    session_id = urls.check_id(session_id, "practice session")
    return f"https://{urls.check_slug(slug)}.{urls.DOMAIN}/practice/?p=view_session&id={session_id}"


def _month(month: str) -> str:
    if not _MONTH.fullmatch(month):
        raise UsageError(f"{month!r} is not a month (YYYY-MM)")
    return month


# --- the calendar -------------------------------------------------------------------


def parse_practice_calendar(
    text: str, url: str, track_slug: str, month: str | None = None
) -> list[PracticeDayRecord]:
    """The practice days the calendar lists, in the page's order (newest first).

    `month` ('YYYY-MM'), the month requested, is checked against the month the
    page's picker has selected (WrongPageError if it is another); the days listed
    must be in the page's month.
    """
    doc = page(text, url)
    shown_month = selected_month(doc)
    if month is not None and shown_month is not None and shown_month != month:
        raise WrongPageError(url, "practice month", month, shown_month)
    table = _header_table(doc.root, ("date", "# sessions"))
    if table is None:
        raise ParseError(url, "no practice calendar (a table with columns Date and # Sessions)")
    columns, rows = table
    expected = month or shown_month
    days: dict[date, PracticeDayRecord] = {}
    for row in rows:
        cells = row_cells(row)
        if len(cells) <= max(columns.values()):
            continue
        date_cell = cells[columns["date"]]
        shown = shown_cell(date_cell)
        day = _linked_day(date_cell, url) or _calendar_date(shown)
        if day is None:
            raise ParseError(url, f"practice calendar row without a readable date: {shown[:80]!r}")
        if expected is not None and f"{day:%Y-%m}" != expected:
            raise ParseError(url, f"practice calendar for {expected} lists {day}")
        if day in days:
            continue
        days[day] = PracticeDayRecord(
            practice_date=day,
            day_url=day_url(track_slug, day),
            session_count=integer(shown_cell(cells[columns["# sessions"]])),
            date_raw=shown or None,
        )
    return list(days.values())


def selected_month(doc: Selector) -> str | None:
    """The month the calendar's picker has selected ('YYYY-MM'), if it has one."""
    for value in doc.xpath("//select/option[@selected]/@value").getall():
        if _MONTH.fullmatch(value.strip()):
            return value.strip()
    return None


def practice_months(text: str, url: str) -> list[str]:
    """The months the calendar's picker offers ('YYYY-MM', newest first as listed):
    the months with practice at the track."""
    doc = page(text, url)
    months: list[str] = []
    for select in doc.xpath("//select"):
        values = [v.strip() for v in select.xpath("./option/@value").getall()]
        found = [v for v in values if _MONTH.fullmatch(v)]
        if found and len(found) == len(values):
            months += [v for v in found if v not in months]
    return months


def _linked_day(cell: etree._Element, url: str) -> date | None:
    for link in cell.iter("a"):
        found = urls.liverc_host(link.get("href", ""), url)
        if found is None:
            continue
        query = found[1]
        if query.get("p", [None])[0] != "session_list":
            continue
        return _iso_day(query.get("d", [""])[0])
    return None


def _iso_day(text: str) -> date | None:
    if not _DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _calendar_date(text: str) -> date | None:
    """'Sat, Oct 25, 2025' -> 2025-10-25."""
    for fmt in ("%a, %b %d, %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


# --- a day --------------------------------------------------------------------------


def parse_practice_day(
    text: str, url: str, track_slug: str, day: date | None = None
) -> PracticeDayDetail:
    """The sessions of a practice day, as its session list shows them (newest first).

    `day`, the day requested, is checked against the day the page names (its
    heading, else its sessions' start times): another day is a WrongPageError.
    """
    doc = page(text, url)
    table = _header_table(doc.root, ("driver", "time", "laps", "fast"), prefix=True)
    named = _named_day(doc)
    stats = _stats(doc.root)
    if table is None:
        if _NO_SESSIONS not in collapse(doc.root.itertext()).casefold():
            raise ParseError(
                url, "no practice session list (a table with columns Driver, Time, Laps and Fast)"
            )
        if named is None and day is None:
            raise ParseError(url, "no practice date on the page")
        on = named or day
        assert on is not None
        if day is not None and named is not None and named != day:
            raise WrongPageError(url, "practice day", day.isoformat(), named.isoformat())
        return PracticeDayDetail(practice_date=on, sessions=[], stats_raw=stats)

    columns, rows = table
    sessions: dict[str, PracticeSessionRecord] = {}
    for row in rows:
        cells = row_cells(row)
        if len(cells) <= max(columns.values()):
            continue
        record = _session_row(cells, columns, url, track_slug)
        if record is not None and record.source_session_id not in sessions:
            sessions[record.source_session_id] = record
    if rows and not sessions:
        raise ParseError(url, "the practice session list has rows and no session in them")
    started = {s.started_at.date() for s in sessions.values() if s.started_at is not None}
    on = named or (min(started) if started else None) or day
    if on is None:
        raise ParseError(url, "no practice date on the page")
    if day is not None and on != day:
        raise WrongPageError(url, "practice day", day.isoformat(), on.isoformat())
    if len(started - {on}) > 0:
        anomaly(url, f"sessions of the practice day {on} start on {sorted(started - {on})}")
    return PracticeDayDetail(
        practice_date=on,
        sessions=list(sessions.values()),
        total_laps=integer(stats.get("total laps")),
        unique_drivers=integer(stats.get("unique drivers")),
        stats_raw=stats,
    )


def _session_row(
    cells: list[etree._Element], columns: dict[str, int], url: str, track_slug: str
) -> PracticeSessionRecord | None:
    driver_cell = cells[columns["driver"]]
    session_id = None
    name = ""
    for link in driver_cell.iter("a"):
        session_id = urls.linked_id(link.get("href", ""), url, "view_session")
        if session_id is not None:
            name = shown_cell(link)
            break
    if session_id is None:
        anomaly(
            url, f"practice session row without a session link: {shown_cell(driver_cell)[:80]!r}"
        )
        return None
    lines = cell_lines(driver_cell)
    if not name:
        name = lines[0] if lines else ""
    if not name:
        raise ParseError(url, f"practice session {session_id} names no driver")
    detail = " ".join(lines[1:])
    class_name, transponder = _class_and_transponder(detail)

    time_cell = cells[columns["time"]]
    shown_time = shown_cell(time_cell)
    started = sortable_datetime(_hidden(time_cell))

    laps_lines = cell_lines(cells[columns["laps"]])
    laps = integer(laps_lines[0]) if laps_lines else None
    duration = laps_lines[1] if len(laps_lines) > 1 else None

    stats = _labelled(cell_lines(cells[columns["fast"]]))
    return PracticeSessionRecord(
        source_session_id=session_id,
        session_url=session_url(track_slug, session_id),
        display_name=name,
        transponder_number=transponder,
        class_name=class_name,
        started_at=started,
        started_at_raw=shown_time or None,
        laps_completed=laps,
        duration_raw=duration,
        duration_seconds=clock_seconds(duration),
        fast_lap_time=clock_seconds(stats.get("fast")),
        avg_lap_time=clock_seconds(stats.get("avg")),
    )


def _class_and_transponder(text: str) -> tuple[str | None, str | None]:
    """'1/8 Nitro Buggy (8603914)' -> (class, transponder); '1/10 Open' -> (class, None)."""
    text = collapse([text])
    match = _CLASS_TRANSPONDER.match(text)
    if match:
        return match.group(1) or None, match.group(2)
    return text or None, None


def _named_day(doc: Selector) -> date | None:
    """The day a practice page names in its headings ('October 25, 2025 (Saturday)')."""
    for heading in doc.root.iter("h5", "h3", "title"):
        match = _LONG_DATE.search(collapse(heading.itertext()))
        if match:
            try:
                return datetime.strptime(match.group(1), "%B %d, %Y").date()
            except ValueError:
                continue
    return None


def _stats(root: etree._Element) -> dict[str, str]:
    """The day's statistics table (Total Laps, Unique Drivers, ...), label -> text."""
    for table in root.iter("table"):
        facts = label_rows(table)
        if "total laps" in facts:
            return {label: " ".join(cell_lines(cell)) for label, cell in facts.items()}
    return {}


# --- a session ----------------------------------------------------------------------


def parse_practice_session(text: str, url: str, session_id: str) -> PracticeSessionDetail:
    """A practice session's facts and every lap (`lapsObj`), laps in lap order."""
    doc = page(text, url)
    facts = _facts_table(doc.root)
    if facts is None:
        raise ParseError(
            url, "no practice session facts (a table with Driver and Transponder rows)"
        )
    shown = {label: " ".join(cell_lines(cell)) for label, cell in facts.items()}
    name = shown.get("driver", "")
    if not name:
        raise ParseError(url, "the practice session names no driver")
    times = _labelled(cell_lines(facts["session time"])) if "session time" in facts else {}
    averages = _labelled(cell_lines(facts["averages"])) if "averages" in facts else {}
    on = _long_date(times.get("date", ""))
    laps = _laps(doc.root, url)
    if on is None and laps and laps[0].clock_time is not None:
        on = laps[0].clock_time.date()
    started = _at(on, times.get("start"))
    ended = _at(on, times.get("end"))
    if started is not None and ended is not None and ended < started:
        ended += timedelta(days=1)
    duration = times.get("length of session") or None
    count = integer(shown.get("num laps"))
    if count is not None and laps and count != len(laps):
        anomaly(url, f"the session says {count} laps and lapsObj lists {len(laps)}")
    range_lines = cell_lines(facts["valid lap range"]) if "valid lap range" in facts else []
    return PracticeSessionDetail(
        source_session_id=session_id,
        display_name=name,
        transponder_number=shown.get("transponder") or None,
        class_name=shown.get("class") or None,
        started_at=started,
        ended_at=ended,
        duration_raw=duration,
        duration_seconds=clock_seconds(duration),
        laps_completed=count if count is not None else len(laps),
        fast_lap_time=clock_seconds(shown.get("fastest lap")),
        avg_lap_time=clock_seconds(averages.get("avg")),
        avg_top5=clock_seconds(averages.get("top 5")),
        avg_top10=clock_seconds(averages.get("top 10")),
        avg_top15=clock_seconds(averages.get("top 15")),
        top3_consecutive=clock_seconds(shown.get("top 3 consec")),
        std_deviation=number(averages.get("std deviation")),
        consistency=number(averages.get("consistency")),
        valid_range_raw=range_lines[0] if range_lines else None,
        facts_raw=shown,
        laps=laps,
    )


def _facts_table(root: etree._Element) -> dict[str, etree._Element] | None:
    for table in root.iter("table"):
        facts = label_rows(table)
        if "driver" in facts and "transponder" in facts:
            return facts
    return None


def _long_date(text: str) -> date | None:
    match = _LONG_DATE.search(text)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), "%B %d, %Y").date()
    except ValueError:
        return None


def _at(on: date | None, clock: str | None) -> datetime | None:
    """The date `on` at '2:43:27pm'."""
    if on is None or not clock:
        return None
    for fmt in ("%I:%M:%S%p", "%I:%M%p", "%H:%M:%S"):
        try:
            return datetime.combine(
                on, datetime.strptime(clock.replace(" ", "").upper(), fmt).time()
            )
        except ValueError:
            continue
    return None


def _laps(root: etree._Element, url: str) -> list[PracticeLapRecord]:
    """Every lap of `var lapsObj = [...]`: none when the page has no lapsObj at all
    (a session without laps), a ParseError when it has one that cannot be read."""
    literal = _laps_literal(root)
    if literal is None:
        return []
    try:
        value = read_literal(literal)
    except ScriptLiteralError as exc:
        raise ParseError(url, f"lapsObj is not a readable array: {exc}") from None
    if not isinstance(value, list):
        raise ParseError(url, "lapsObj is not an array")
    if len(value) > MAX_LAPS:
        raise ParseError(url, f"lapsObj lists {len(value)} laps, over {MAX_LAPS}")
    laps = [_lap(item, index, url) for index, item in enumerate(value)]
    laps.sort(key=lambda lap: lap.lap_number)
    numbers = [lap.lap_number for lap in laps]
    if len(set(numbers)) != len(numbers):
        raise ParseError(url, "lapsObj lists a lap number twice")
    return laps


def _laps_literal(root: etree._Element) -> str | None:
    """The text of the script from `lapsObj = ` on, or None without one."""
    for script in root.iter("script"):
        text = "".join(script.itertext())
        if "lapsObj" not in text:
            continue
        match = _LAPS_OBJ.search(text)
        if match is not None:
            return text[match.end() :]
    return None


def _lap(item: Any, index: int, url: str) -> PracticeLapRecord:
    if not isinstance(item, dict):
        raise ParseError(url, f"lapsObj[{index}] is not an object")
    number_text = _text(item.get("x"))
    lap_number = integer(number_text)
    if lap_number is None or lap_number < 0:
        raise ParseError(url, f"lapsObj[{index}] has no lap number (x: {number_text!r:.40})")
    raw_time = _text(item.get("lap_time"))
    seconds = clock_decimal(raw_time)
    if seconds is None or not seconds.is_finite() or seconds > 10**6:
        raise ParseError(
            url, f"lapsObj lap {lap_number} has no readable lap_time ({raw_time!r:.40})"
        )
    day = _iso_day(_text(item.get("date")))
    clock = _clock(_text(item.get("time")))
    clock_raw = _text(item.get("time")) or None
    valid = _text(item.get("is_valid"), "1").lower() not in ("0", "false", "")
    return PracticeLapRecord(
        lap_number=lap_number,
        lap_time_seconds=float(seconds),
        lap_time_raw=raw_time,
        valid=valid,
        clock_time=datetime.combine(day, clock) if day and clock else None,
        clock_time_raw=clock_raw,
    )


def _text(value: Any, default: str = "") -> str:
    if value is None:
        return default
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    return ""


def _clock(text: str) -> time | None:
    try:
        return datetime.strptime(text, "%H:%M:%S").time()
    except ValueError:
        return None


# --- reading tables without a thead -------------------------------------------------


def _header_table(
    root: etree._Element, needed: tuple[str, ...], prefix: bool = False
) -> tuple[dict[str, int], list[etree._Element]] | None:
    """The first table whose header row (a thead row, or else the first row of `<th>`
    cells) has every column in `needed`, with its data rows (rows of `<td>` cells).

    Headers match case-folded and whitespace-collapsed; with `prefix`, a header
    matches a needed name when it starts with it ('Driver Class' for 'driver').
    Returns {needed name: column index} and the rows.
    """
    for table in root.iter("table"):
        rows = list(table_rows(table))
        header = next(
            (row for row in rows if child_elements(row, "th") and not child_elements(row, "td")),
            None,
        )
        if header is None:
            continue
        keys = [header_key(shown_cell(th)) for th in child_elements(header, "th")]
        columns: dict[str, int] = {}
        for name in needed:
            for i, key in enumerate(keys):
                if key == name or (prefix and key.split(" ")[:1] == [name]):
                    columns[name] = i
                    break
        if len(columns) == len(needed):
            return columns, [row for row in rows if child_elements(row, "td")]
    return None


def table_rows(table: etree._Element) -> Iterator[etree._Element]:
    """The table's own rows (thead, tbody, tfoot or bare), not those of a nested table."""
    for child in table:
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from child_elements(child, "tr")


def child_elements(element: etree._Element, tag: str) -> list[etree._Element]:
    return [child for child in element if child.tag == tag]


def row_cells(row: etree._Element) -> list[etree._Element]:
    return [child for child in row if child.tag in ("td", "th")]


def label_rows(table: etree._Element) -> dict[str, etree._Element]:
    """A label/value table: case-folded label -> value cell, for each row of one
    `<th>` and one `<td>`; the first row with a label wins."""
    facts: dict[str, etree._Element] = {}
    for row in table_rows(table):
        heads, cells = child_elements(row, "th"), child_elements(row, "td")
        if len(heads) == 1 and len(cells) == 1:
            facts.setdefault(header_key(shown_cell(heads[0])), cells[0])
    return facts


def cell_lines(element: etree._Element) -> list[str]:
    """The text a reader sees in `element`, one entry per line (`<br>` breaks a
    line), hidden elements left out, empty lines dropped. A walk with its own
    stack: no recursion, however deep the markup."""
    lines: list[list[str]] = [[]]
    if element.text:
        lines[-1].append(element.text)
    stack: list[tuple[Iterator[etree._Element], etree._Element | None]] = [(iter(element), None)]
    while stack:
        below, owner = stack[-1]
        child = next(below, None)
        if child is None:
            stack.pop()
            if owner is not None and owner.tail:
                lines[-1].append(owner.tail)
            continue
        if isinstance(child.tag, str) and child.tag not in ("script", "style"):
            if child.tag == "br":
                lines.append([])
            elif not has_class_token(child, "hidden"):
                if child.text:
                    lines[-1].append(child.text)
                stack.append((iter(child), child))
                continue
        if child.tail:
            lines[-1].append(child.tail)
    return [line for line in (collapse(parts) for parts in lines) if line]


def shown_cell(element: etree._Element) -> str:
    return " ".join(cell_lines(element))


def _hidden(element: etree._Element) -> str:
    """The text of the hidden elements in `element` (LiveRC's sort keys)."""
    return collapse(
        text
        for node in element.iter()
        if isinstance(node.tag, str) and has_class_token(node, "hidden")
        for text in node.itertext()
    )


def _labelled(lines: list[str]) -> dict[str, str]:
    """'Fast: 42.996', 'Avg: 45.815' -> {'fast': '42.996', 'avg': '45.815'}."""
    found: dict[str, str] = {}
    for line in lines:
        match = _LABELLED.match(line)
        if match:
            found.setdefault(header_key(match.group(1)), match.group(2).strip())
    return found
