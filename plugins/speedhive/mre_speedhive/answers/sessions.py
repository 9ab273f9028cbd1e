"""`GET /events/{id}/sessions` (SessionGroupingDto): an event's sessions, as races.

Sessions come in a tree: `sessions` at the top, and `groups` that hold
sessions and `subGroups` of their own, each group named (a class, a round
such as "Qualifying" or "Finals", a day). The tree is flattened into races
in chronological order (by `startTime`; sessions without one last, in the
tree's order).

A session's class is its own `groupName` when it has one, else the name of
the innermost group holding it; the other groups on its path name its
round ("Finals", or "Saturday / Finals"). Merged sessions (`isMerge`:
Speedhive's combined results of several sessions, points or best-of
tables) are not races of their own and are left out: their laps are the
laps of the sessions they merge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mre_core.connector import RaceRecord
from mre_speedhive import times, urls
from mre_speedhive.answers.shape import Node, load

# Real events nest two or three levels; deeper is no answer this reader understands
# (and it keeps the walk's recursion bounded whatever the answer holds).
MAX_DEPTH = 8


@dataclass(frozen=True, slots=True)
class _Listed:
    node: Node
    groups: tuple[str, ...]
    start: datetime | None
    index: int


def parse_sessions(text: str, url: str, event_id: str) -> list[RaceRecord]:
    """The event's sessions (merged ones left out) as races, in chronological order."""
    listed: list[_Listed] = []
    _walk(load(text, url), (), listed)
    listed.sort(key=lambda s: (s.start is None, s.start or datetime.min, s.index))
    races: list[RaceRecord] = []
    seen: set[str] = set()
    for order, session in enumerate(listed, start=1):
        node = session.node
        session_id = node.ident()
        if session_id in seen:
            raise node.member("id").fail(f"session {session_id} is listed twice")
        seen.add(session_id)
        of_event = node.opt_integer("eventId")
        if of_event is not None and str(of_event) != event_id:
            raise node.member("eventId").fail(f"is {of_event}, not event {event_id}")
        group_name = (node.opt_text("groupName") or "").strip()
        class_name, round_name = _class_and_round(group_name, session.groups)
        races.append(
            RaceRecord(
                source_race_id=session_id,
                race_url=urls.classification_url(session_id),
                class_name=class_name,
                race_label=node.text("name").strip(),
                race_order=order,
                round_name=round_name,
                completed_date=session.start.date() if session.start else None,
            )
        )
    return races


def _walk(group: Node, path: tuple[str, ...], into: list[_Listed]) -> None:
    """Every session under `group` (the answer itself at the top), depth first."""
    if len(path) > MAX_DEPTH:
        raise group.fail(f"groups nested deeper than {MAX_DEPTH}")
    for session in group.list_of("sessions"):
        if not session.opt_flag("isMerge"):
            start = session.read("startTime", times.timestamp)
            into.append(_Listed(session, path, start, len(into)))
    for key in ("groups", "subGroups"):
        for sub in group.list_of(key):
            _walk(sub, (*path, (sub.opt_text("name") or "").strip()), into)


def _class_and_round(group_name: str, groups: tuple[str, ...]) -> tuple[str, str | None]:
    named = [name for name in groups if name]
    class_name = group_name or (named[-1] if named else "")
    round_names = [name for name in named if name != class_name]
    return class_name, " / ".join(round_names) or None
