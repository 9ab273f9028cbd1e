"""`GET /sessions/{id}/classification` (IRunClassificationDto): a session's results table.

The definitions give each row a position, start number, name, class,
status and the driver's MyLaps account (`user.mstUserId`), but no laps or
times: those come from the lap data, one driver at a time, addressed by
the row's finish position. Every member of a row is also kept as the text
the answer holds (`cells`), so whatever else the service sends (a total
time, a best lap) is stored as shown even though it is not read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from mre_speedhive.answers.shape import Node, load

# An account id of zeros is .NET's empty Guid: no account, not one shared by everyone.
_NO_ACCOUNT = re.compile(r"[0\-]*")


@dataclass(frozen=True, slots=True)
class Row:
    """One classified driver. `position` is the finish position (None if not given)."""

    position: int | None
    name: str
    car_number: str | None
    status: str | None
    account_id: str | None
    cells: dict[str, str]

    @property
    def started(self) -> bool:
        return (self.status or "").upper() != "DNS"


def parse_classification(text: str, url: str) -> list[Row]:
    rows: list[Row] = []
    positions: set[int] = set()
    for node in load(text, url).list_of("rows"):
        position = node.opt_position("position")
        if position is not None:
            if position in positions:
                # Lap data is asked for by finish position: two rows at one would share laps.
                raise node.member("position").fail(f"{position} is given to two rows")
            positions.add(position)
        name = node.text("name").strip()
        if not name:
            raise node.member("name").fail("is empty")
        rows.append(
            Row(
                position=position,
                name=name,
                car_number=(node.opt_text("startNumber") or "").strip() or None,
                status=node.opt_text("status"),
                account_id=_account(node),
                cells=_cells(node),
            )
        )
    return rows


def _account(row: Node) -> str | None:
    user = row.get("user")
    if user is None:
        return None
    account = (user.opt_text("mstUserId") or "").strip()
    return None if _NO_ACCOUNT.fullmatch(account) else account


def _cells(row: Node) -> dict[str, str]:
    """Every member of the row as the answer shows it: strings as they are, the rest as JSON."""
    members = row.value if type(row.value) is dict else {}
    return {
        key: value if type(value) is str else json.dumps(value, sort_keys=True, ensure_ascii=False)
        for key, value in members.items()
    }
