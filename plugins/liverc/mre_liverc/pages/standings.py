"""An event's standings pages: qualifying points and multi-main overall results.

- qualifying points `https://{slug}.liverc.com/results/?p=view_points&id=N`: one
  table per class; the banner names the class ("40+ Electric Buggy") and the
  tie-breaker rule; columns `# | Driver | Result | Tie Breaker | Round 1 |
  Round 2 ...`; a round cell is "points : laps/time" ("2 : 8/5:32.708", "52 :
  0/0.000 (DNF)"), the rounds that counted in bold; a tfoot repeats the headers.
  Points are place points: the lowest total ranks first.
- multi-main overall results `.../results/?p=view_multi_main_result&id=N` (A1/A2/A3
  combined): one table, columns `Pos | Seeded | Driver | Points | A1 | A2 | A3`, a
  main's cell "1st (1pts) : 16/10:01.133". No real page of this kind was at hand:
  the reading follows the qualifying-points page's markup and public descriptions
  of this one, and accepts either cell form in either page.

Neither page names its own id or its event's, nor any driver id: the caller
passes the page id, and rows name drivers only. A standings table is a table whose
header row has a driver column, a rank column (`#` or `Pos`) and a total (`Result`
or `Points`), whatever it is called; every other column is a round (or a main).

`parse_standings_links` reads an event page's links to these pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from mre_core.connector import (
    ParseError,
    StandingRoundRecord,
    StandingRowRecord,
    StandingsRecord,
)
from mre_liverc import urls
from mre_liverc.pages.anomalies import anomaly
from mre_liverc.pages.html import banner_lines, has_class_token, header_key, page, table_headers
from mre_liverc.pages.practice import cell_lines, child_elements, shown_cell
from mre_liverc.values import clock_decimal, integer, number

QUALIFYING_POINTS = "qualifying_points"
MULTI_MAIN = "multi_main"
KINDS = {QUALIFYING_POINTS: "view_points", MULTI_MAIN: "view_multi_main_result"}

_RANK = ("#", "pos", "position", "rank")
_DRIVER = ("driver", "name")
_TOTAL = ("result", "points", "total")
_TIE_BREAKER = ("tie breaker", "tiebreaker")
_SEEDED = ("seeded", "seed")
# '2 : 8/5:32.708', '52 : 0/0.000 (DNF)', '1st (1pts) : 16/10:01.133'
_ROUND_CELL = re.compile(
    r"^(?:(?P<pos>[0-9]{1,9})(?:st|nd|rd|th)\s*\(\s*(?P<ppts>-?[0-9]{1,9}(?:\.[0-9]+)?)\s*pts?\s*\)"
    r"|(?P<pts>-?[0-9]{1,9}(?:\.[0-9]+)?))"
    r"\s*:\s*(?P<laps>[0-9]{1,9})\s*/\s*(?P<time>[0-9:.]{1,30})"
    r"\s*(?:\((?P<status>[A-Za-z]{2,5})\))?$",
    re.IGNORECASE,
)


def parse_qualifying_points(text: str, url: str, page_id: str) -> list[StandingsRecord]:
    """Every class's qualifying points on a `view_points` page, in the page's order."""
    return _parse(text, url, page_id, QUALIFYING_POINTS)


def parse_multi_main(text: str, url: str, page_id: str) -> list[StandingsRecord]:
    """The overall result of a multi-main (`view_multi_main_result`): usually one class."""
    return _parse(text, url, page_id, MULTI_MAIN)


@dataclass(frozen=True, slots=True)
class StandingsLink:
    """A link of an event page to a standings page: its kind, id and label as shown."""

    kind: str
    page_id: str
    label: str


def parse_standings_links(text: str, url: str) -> list[StandingsLink]:
    """The qualifying-points and multi-main pages an event page links (into *.liverc.com),
    each once, in the page's order."""
    doc = page(text, url)
    found: dict[tuple[str, str], StandingsLink] = {}
    for link in doc.root.iter("a"):
        href = link.get("href", "")
        for kind, name in KINDS.items():
            if name not in href:
                continue
            page_id = urls.linked_id(href, url, name)
            if page_id is not None and (kind, page_id) not in found:
                found[(kind, page_id)] = StandingsLink(kind, page_id, shown_cell(link))
    return list(found.values())


def standings_url(slug: str, kind: str, page_id: str) -> str:
    return urls.results_url(slug, KINDS[kind], page_id)


# --- reading ------------------------------------------------------------------------


@dataclass(slots=True)
class _Columns:
    rank: int
    driver: int
    total: int
    tie_breaker: int | None
    seeded: int | None
    rounds: list[tuple[int, str]]
    names: list[str]


def _parse(text: str, url: str, page_id: str, kind: str) -> list[StandingsRecord]:
    urls.check_id(page_id, "standings page")
    doc = page(text, url)
    tables: list[tuple[etree._Element, _Columns]] = []
    for table in doc.root.iter("table"):
        columns = _columns(table_headers(table))
        if columns is not None:
            tables.append((table, columns))
    if not tables:
        raise ParseError(
            url, "no standings table (a table with columns #/Pos, Driver and Result/Points)"
        )
    standings: dict[str, StandingsRecord] = {}
    for table, columns in tables:
        class_name, rule = _banner(table)
        if not class_name:
            raise ParseError(url, "a standings table names no class in its banner")
        key = f"{kind}:{page_id}:{class_name}"
        if key in standings:
            anomaly(url, f"two standings tables for the class {class_name!r}: the first is kept")
            continue
        rows = [_row(row, columns, url) for row in _body_rows(table)]
        standings[key] = StandingsRecord(
            standings_key=key,
            kind=kind,
            source_page_id=page_id,
            class_name=class_name,
            rule=rule,
            rows=[row for row in rows if row is not None],
        )
    return list(standings.values())


def _columns(headers: list[str]) -> _Columns | None:
    keys = [header_key(h) for h in headers]

    def find(names: tuple[str, ...]) -> int | None:
        return next((i for i, key in enumerate(keys) if key in names), None)

    rank, driver, total = find(_RANK), find(_DRIVER), find(_TOTAL)
    if rank is None or driver is None or total is None:
        return None
    tie_breaker, seeded = find(_TIE_BREAKER), find(_SEEDED)
    known = {rank, driver, total, tie_breaker, seeded}
    rounds = [(i, headers[i]) for i in range(len(headers)) if i not in known and headers[i]]
    return _Columns(rank, driver, total, tie_breaker, seeded, rounds, headers)


def _banner(table: etree._Element) -> tuple[str, str | None]:
    """The class the table's banner names, and the rest of the banner (its rule)."""
    named = [
        shown_cell(element)
        for thead in child_elements(table, "thead")
        for element in thead.iter()
        if isinstance(element.tag, str) and has_class_token(element, "class_header")
    ]
    lines = banner_lines(table)
    class_name = next((name for name in named if name), "")
    if not class_name:  # no class_header: the first banner line that is no 'Label: value'
        class_name = next((line for line in lines if ":" not in line), "")
    rest = [line for line in lines if line != class_name]
    return class_name, " ".join(rest) or None


def _body_rows(table: etree._Element) -> list[etree._Element]:
    rows = [tr for body in child_elements(table, "tbody") for tr in child_elements(body, "tr")]
    rows += child_elements(table, "tr")  # a table without tbody (lxml adds none)
    return [row for row in rows if child_elements(row, "td")]


def _row(row: etree._Element, columns: _Columns, url: str) -> StandingRowRecord | None:
    cells = child_elements(row, "td")
    if len(cells) <= max(columns.rank, columns.driver, columns.total):
        if any(shown_cell(cell) for cell in cells):
            anomaly(url, f"standings row of {len(cells)} cells skipped")
        return None
    shown = [shown_cell(cell) for cell in cells]
    name = shown[columns.driver]
    if not name:
        anomaly(url, "standings row without a driver skipped")
        return None
    raw_cells = {columns.names[i]: shown[i] for i in range(min(len(shown), len(columns.names)))}
    rounds = []
    for index, round_name in columns.rounds:
        if index >= len(cells) or not shown[index]:
            continue
        rounds.append(_round(cells[index], round_name, shown[index]))
    total = shown[columns.total]
    return StandingRowRecord(
        display_name=name,
        rank=integer(shown[columns.rank]),
        points=number(total),
        points_raw=total or None,
        tie_breaker_raw=_cell(shown, columns.tie_breaker),
        seeded_position=integer(_cell(shown, columns.seeded)),
        rounds=rounds,
        raw_cells=raw_cells,
    )


def _cell(shown: list[str], index: int | None) -> str | None:
    if index is None or index >= len(shown):
        return None
    return shown[index] or None


def _round(cell: etree._Element, round_name: str, raw: str) -> StandingRoundRecord:
    counted = any(
        shown_cell(element) for element in cell.iter("b", "strong") if isinstance(element.tag, str)
    )
    text = " ".join(cell_lines(cell))
    match = _ROUND_CELL.match(text)
    if match is None:
        return StandingRoundRecord(round_name=round_name, raw=raw, counted=counted)
    points = number(match.group("ppts") or match.group("pts"))
    seconds = clock_decimal(match.group("time"))
    status = match.group("status")
    return StandingRoundRecord(
        round_name=round_name,
        raw=raw,
        counted=counted,
        points=points,
        position=integer(match.group("pos")),
        laps=int(match.group("laps")),
        time_seconds=float(seconds) if seconds is not None else None,
        status=status.upper() if status else None,
    )
