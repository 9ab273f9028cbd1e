"""What every connector's race records must satisfy, beyond their types.

The boundary checks (`record_checks`) hold each answer to its declared
types and keys; these rules hold a race's results to what a race is: each
driver once, laps numbered 1..N, a finisher's laps adding up to their
total time, positions that count up. Each rule returns its problems as
sentences naming the race and the driver, so a failing conformance test
says what to fix; an empty list is a pass.
"""

from __future__ import annotations

from collections import Counter
from math import fsum

from mre_core.records import RaceDetail, ResultRecord


def drivers_once(detail: RaceDetail) -> list[str]:
    """Each driver appears once in a race's results (by id; by name where there is none)."""
    seen = Counter(r.source_driver_id or f"name {r.display_name}" for r in detail.results)
    return [
        f"race {detail.source_race_id}: driver {who} has {count} results"
        for who, count in seen.items()
        if count > 1
    ]


def laps_numbered(detail: RaceDetail) -> list[str]:
    """Every result's laps are numbered 1..N in order, with no gap and no repeat."""
    problems = []
    for result in detail.results:
        numbers = [lap.lap_number for lap in result.laps]
        if numbers != list(range(1, len(numbers) + 1)):
            shown = ", ".join(map(str, numbers[:12])) + (" ..." if len(numbers) > 12 else "")
            problems.append(f"{_who(detail, result)}: laps numbered {shown}, not 1..{len(numbers)}")
    return problems


def laps_add_up(detail: RaceDetail) -> list[str]:
    """A finisher with laps has as many as the laps completed, and their times add up to
    the total time, to the precision the source writes lap times with."""
    problems = []
    for result in detail.results:
        if not result.laps or not result.started or result.total_time_seconds is None:
            continue
        if len(result.laps) != result.laps_completed:
            problems.append(
                f"{_who(detail, result)}: {len(result.laps)} laps listed, "
                f"{result.laps_completed} completed"
            )
            continue
        total = fsum(lap.lap_time_seconds for lap in result.laps)
        if abs(total - result.total_time_seconds) > _tolerance(result):
            problems.append(
                f"{_who(detail, result)}: laps add up to {total:.3f} s, "
                f"the total time is {result.total_time_seconds:.3f} s"
            )
    return problems


def positions_count_up(detail: RaceDetail) -> list[str]:
    """Final positions, in order, start at 1 and count up without gaps; ties share one
    (1, 2, 2, 4 or 1, 2, 2, 3). Results without a position are left out."""
    positions = sorted(r.position_final for r in detail.results if r.position_final is not None)
    for index, position in enumerate(positions):
        before = positions[index - 1] if index else 0
        if position not in (before, before + 1, index + 1):
            return [
                f"race {detail.source_race_id}: positions {positions} skip from {before} "
                f"to {position}"
            ]
    return []


RACE_RULES = (drivers_once, laps_numbered, laps_add_up, positions_count_up)


def race_problems(detail: RaceDetail) -> list[str]:
    return [problem for rule in RACE_RULES for problem in rule(detail)]


def _tolerance(result: ResultRecord) -> float:
    """Half a unit of the lap times' last decimal, once per lap and once for the total."""
    decimals = max((_decimals(lap.lap_time_raw) for lap in result.laps), default=3)
    return 0.5 * 10.0**-decimals * (len(result.laps) + 1) + 1e-9


def _decimals(raw: str) -> int:
    _, dot, fraction = raw.strip().rpartition(".")
    return len(fraction) if dot and fraction.isdigit() else 0


def _who(detail: RaceDetail, result: ResultRecord) -> str:
    return f"race {detail.source_race_id}, {result.display_name!r}"
