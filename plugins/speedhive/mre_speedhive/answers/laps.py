"""`GET /sessions/{id}/lapdata/{finishPosition}/laps` (LapDataPageDto): one page of a driver's laps.

`lapDataInfo.lapCount` says how many laps the driver has in all, which is
how the connector knows whether to ask for another page. A lap numbered 0
(the crossing that starts a race, where a timing system records one) is not
a lap: it is counted as served, for paging, and not returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from mre_speedhive import times
from mre_speedhive.answers.shape import Node, load


@dataclass(frozen=True, slots=True)
class Lap:
    number: int
    time_raw: str
    seconds: Decimal
    position: int | None  # in the field, as the lap ended
    behind_raw: str | None  # fieldComparison.diff: how far behind the leader, as shown
    behind_laps: int | None


@dataclass(frozen=True, slots=True)
class LapPage:
    """One page: the driver's laps on it, how many items it served, and what it says it is."""

    lap_count: int
    served: int
    laps: list[Lap]
    session_id: str | None
    finish_position: int | None
    start_position: int | None


def parse_lap_page(text: str, url: str) -> LapPage:
    answer = load(text, url)
    info = answer.member("lapDataInfo")
    lap_count = info.integer("lapCount")
    if lap_count < 0:
        raise info.member("lapCount").fail(f"is {lap_count}")
    participant = info.get("participantInfo")
    items = answer.list_of("laps")
    return LapPage(
        lap_count=lap_count,
        served=len(items),
        laps=[lap for item in items if (lap := _lap(item)) is not None],
        session_id=info.ident("sessionId") if info.get("sessionId") else None,
        finish_position=participant.opt_position("fieldFinishPos") if participant else None,
        start_position=participant.opt_position("startPos") if participant else None,
    )


def _lap(item: Node) -> Lap | None:
    """The lap, or None for lap 0."""
    number = item.integer("lapNr")
    if number < 0:
        raise item.member("lapNr").fail(f"is {number}")
    if number == 0:
        return None
    seconds = item.read("lapTime", times.lap_time)
    if seconds is None:
        raise item.fail("no 'lapTime'")
    comparison = item.get("fieldComparison")
    diff = comparison.get("diff") if comparison else None
    return Lap(
        number=number,
        time_raw=item.text("lapTime").strip(),
        seconds=seconds,
        position=comparison.opt_position("position") if comparison else None,
        behind_raw=diff.opt_text("time") if diff else None,
        behind_laps=diff.opt_integer("laps") if diff else None,
    )
