"""New, updated and unchanged rows per table: what every operation reports."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class TableCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def written(self) -> int:
        return self.new + self.updated


@dataclass(slots=True)
class Counts:
    tables: dict[str, TableCounts] = field(default_factory=dict)

    def table(self, name: str) -> TableCounts:
        counts = self.tables.get(name)
        if counts is None:
            counts = self.tables[name] = TableCounts()
        return counts

    def add(self, name: str, new: int = 0, updated: int = 0, unchanged: int = 0) -> None:
        counts = self.table(name)
        counts.new += new
        counts.updated += updated
        counts.unchanged += unchanged

    @classmethod
    def from_dict(cls, data: dict[str, dict[str, int]]) -> Counts:
        """Back from `as_dict` (a run row keeps its counts as that JSON)."""
        return cls({name: TableCounts(**c) for name, c in data.items()})

    def merge(self, other: Counts) -> None:
        for name, c in other.tables.items():
            self.add(name, c.new, c.updated, c.unchanged)

    @property
    def written(self) -> int:
        return sum(c.written for c in self.tables.values())

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {
            name: {"new": c.new, "updated": c.updated, "unchanged": c.unchanged}
            for name, c in self.tables.items()
        }

    def summary(self) -> str:
        """'tracks +3 ~1 =1086, events ...': new, updated, unchanged."""
        return (
            ", ".join(
                f"{name} +{c.new} ~{c.updated} ={c.unchanged}" for name, c in self.tables.items()
            )
            or "nothing"
        )
