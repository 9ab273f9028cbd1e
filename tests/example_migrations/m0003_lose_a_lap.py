"""A broken migration: it deletes a row, which no migration may do."""

from __future__ import annotations

from mre_core.storage.migrations.context import MigrationContext

DESCRIPTION = "a mistake: deletes the first lap"


def upgrade(ctx: MigrationContext) -> None:
    ctx.execute_all(['DELETE FROM "laps" WHERE "id" = (SELECT MIN("id") FROM "laps")'])
