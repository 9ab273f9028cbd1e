"""The schema's history: one module per version, `mNNNN_what.py`, applied in order.

Each module has a `DESCRIPTION` and `upgrade(ctx)`; its number is its
version. A released migration never changes: the next change is the next
module. Found by listing this package, so an installed mre (a wheel) finds
exactly the modules it shipped with.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass

from mre_core.storage.migrations.context import MigrationContext

_MODULE = re.compile(r"^m(\d{4})_(\w+)$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    description: str
    upgrade: Callable[[MigrationContext], None]


def load(package: str = __name__) -> list[Migration]:
    """Every migration of `package`, by version; a gap or a duplicate is a bug of mre's."""
    found = []
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        match = _MODULE.match(info.name)
        if not match:
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        found.append(Migration(int(match[1]), match[2], module.DESCRIPTION, module.upgrade))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations of {package} are not numbered 1..N: {versions}")
    return found


MIGRATIONS: list[Migration] = load()
CODE_VERSION: int = MIGRATIONS[-1].version

__all__ = ["CODE_VERSION", "MIGRATIONS", "Migration", "MigrationContext", "load"]
