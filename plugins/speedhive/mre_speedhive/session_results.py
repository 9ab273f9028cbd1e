"""One session's results and every lap: the classification, then each driver's lap pages.

A session costs 1 request (its classification) plus, for each classified
driver who started and has a finish position, ceil(laps / 100) lap pages
(at least 1): the API serves a driver's laps `count` at a time, the
connector asks for `urls.LAPS_PAGE`, and it asks again from where the page
ended until it holds `lapCount` laps (so a service that serves fewer per
page than asked costs more pages, never fewer laps).

Totals are not in the classification the definitions describe, so they are
worked out from the laps: laps completed, total time (the exact sum) and
the fastest lap. How far behind the leader a driver finished is what the
service says on the driver's last lap (`fieldComparison.diff`).

The fingerprint covers every answer read for the session, under this
connector's version: when it is the one the core knows, the session is
answered `unchanged` and nothing else is built.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from mre_core.connector import LapRecord, ParseError, RaceDetail, ResultRecord, SourceHttp
from mre_speedhive import __version__, config, times, urls
from mre_speedhive.answers.classification import Row, parse_classification
from mre_speedhive.answers.laps import Lap, parse_lap_page

# No RC race has more; a lapCount beyond it is a wrong answer, not pages to walk.
MAX_LAPS = 20_000


@dataclass(frozen=True, slots=True)
class _Driven:
    """What the lap pages of one driver say."""

    laps: list[Lap] = field(default_factory=list)
    start_position: int | None = None
    behind: times.Gap = field(default_factory=times.Gap)
    behind_raw: str | None = None


def read_session(http: SourceHttp, session_id: str, known_digest: str | None) -> RaceDetail:
    headers = config.request_headers()
    page = http.get(urls.classification_url(session_id), headers=headers)
    answers = [page.text]
    rows = parse_classification(page.text, page.url)
    driven: dict[int, _Driven] = {}
    for row in rows:
        if row.position is not None and row.started:
            driven[row.position] = _driver_laps(http, headers, session_id, row.position, answers)
    digest = _digest(answers)
    if digest == known_digest:
        return RaceDetail(session_id, page_digest=digest, unchanged=True)
    results = [_result(row, driven.get(row.position) or _Driven()) for row in rows]
    return RaceDetail(session_id, results=results, page_digest=digest)


def _driver_laps(
    http: SourceHttp, headers: dict[str, str], session_id: str, position: int, answers: list[str]
) -> _Driven:
    """Every lap of the driver who finished `position`, page after page."""
    laps: list[Lap] = []
    start_position = None
    served = 0
    while True:
        page = http.get(urls.laps_url(session_id, position, offset=served), headers=headers)
        answers.append(page.text)
        lap_page = parse_lap_page(page.text, page.url)
        if lap_page.session_id not in (None, session_id):
            raise ParseError(page.url, f"it is the lap data of session {lap_page.session_id}")
        if lap_page.finish_position not in (None, position):
            raise ParseError(
                page.url, f"it is the lap data of finish position {lap_page.finish_position}"
            )
        if lap_page.lap_count > MAX_LAPS:
            raise ParseError(page.url, f"lapCount is {lap_page.lap_count}, past {MAX_LAPS}")
        laps.extend(lap_page.laps)
        start_position = start_position or lap_page.start_position
        served += lap_page.served
        if served >= lap_page.lap_count:
            break
        if not lap_page.served:
            raise ParseError(page.url, f"no laps from {served + 1} of {lap_page.lap_count} on")
    numbers = [lap.number for lap in laps]
    if numbers != list(range(1, len(numbers) + 1)):
        first = urls.laps_url(session_id, position)
        raise ParseError(first, f"laps are numbered {_span(numbers)}, not 1 to {len(numbers)}")
    if not laps:
        return _Driven(start_position=start_position)
    last = laps[-1]
    return _Driven(laps, start_position, _behind(last, page.url), last.behind_raw)


def _behind(last: Lap, url: str) -> times.Gap:
    """How far behind the leader the driver's last lap ended: whole laps, else the time."""
    if last.behind_laps:
        return times.Gap(laps=last.behind_laps)
    if last.behind_raw is None:
        return times.Gap()
    try:
        return times.gap(last.behind_raw)
    except ValueError as exc:
        raise ParseError(url, f"lap {last.number}: {exc}") from None


def _result(row: Row, driven: _Driven) -> ResultRecord:
    laps = driven.laps
    fastest = min(laps, key=lambda lap: lap.seconds) if laps else None  # the first of equals
    total = sum((lap.seconds for lap in laps), Decimal(0)) if laps else None
    return ResultRecord(
        source_driver_id=row.account_id,
        display_name=row.name,
        laps_completed=len(laps),
        # The classification shows no total (its row, as shown, is in raw_cells).
        total_time_raw="",
        started=row.started,
        car_number=row.car_number,
        position_final=row.position,
        qualifying_position=driven.start_position,
        total_time_seconds=_float(total),
        behind_raw=driven.behind_raw or None,
        behind_seconds=_float(driven.behind.seconds),
        behind_laps=driven.behind.laps,
        fast_lap_time=float(fastest.seconds) if fastest else None,
        fast_lap_number=fastest.number if fastest else None,
        # Not shown by the classification either: the mean of the laps, as LiveRC's is.
        avg_lap_time=_float(total / len(laps)) if total is not None else None,
        raw_cells=row.cells,
        laps=[
            LapRecord(lap.number, float(lap.seconds), lap.time_raw, position_on_lap=lap.position)
            for lap in laps
        ],
    )


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _span(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:6]))
    return f"{shown}, ..." if len(numbers) > 6 else shown


def _digest(answers: list[str]) -> str:
    """SHA-256 of every answer read for the session, each length-prefixed, under this version."""
    digest = hashlib.sha256(f"mre_speedhive {__version__}\n".encode())
    for text in answers:
        data = text.encode()
        digest.update(f"{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()
