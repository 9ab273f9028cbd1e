"""Schema 7: what a source says beyond the core's fields is the connector's `extra`.

- `tracks.extra`, `events.extra`, `races.extra`: JSON objects of the
  connector's own fields for the row (documented by each connector; `{}`
  when it has none). The core stores and returns them and reads nothing in
  them.
- LiveRC's catalogue "last updated" leaves the core: `tracks.liverc_track_
  last_updated` (the wording) and `tracks.last_updated_at` (the time it
  names, migration 5) move into the track's extra as `last_updated` and
  `last_updated_at` (ISO 8601), LiveRC's documented keys, and both columns
  are dropped. Every value is copied before the columns go, in the same
  transaction: nothing is lost.
"""

from __future__ import annotations

import json
from datetime import datetime

from mre_core.storage.migrations.context import MigrationContext

DESCRIPTION = "connector extra fields (JSON) on tracks, events, races; LiveRC's update time too"

ADD = """
ALTER TABLE "tracks" ADD COLUMN "extra" TEXT NOT NULL DEFAULT '{{}}';
ALTER TABLE "events" ADD COLUMN "extra" TEXT NOT NULL DEFAULT '{{}}';
ALTER TABLE "races" ADD COLUMN "extra" TEXT NOT NULL DEFAULT '{{}}'
"""


def upgrade(ctx: MigrationContext) -> None:
    ctx.execute_all(ctx.statements(ADD))
    rows = ctx.db.execute_sql(
        'SELECT "id", "liverc_track_last_updated", "last_updated_at" FROM "tracks" '
        'WHERE "liverc_track_last_updated" IS NOT NULL OR "last_updated_at" IS NOT NULL'
    ).fetchall()
    for track_id, text, at in rows:
        extra = {"last_updated": text, "last_updated_at": _iso(at)}
        ctx.db.execute_sql(
            f'UPDATE "tracks" SET "extra" = {ctx.db.param} WHERE "id" = {ctx.db.param}',
            (json.dumps(extra, sort_keys=True, ensure_ascii=False), track_id),
        )
    ctx.migrate(
        ctx.migrator.drop_column("tracks", "liverc_track_last_updated"),
        ctx.migrator.drop_column("tracks", "last_updated_at"),
    )


def _iso(value: datetime | str | None) -> str | None:
    """SQLite hands the timestamp back as text, PostgreSQL as a datetime."""
    if value is None or isinstance(value, str):
        return value.replace(" ", "T") if isinstance(value, str) else None
    return value.isoformat()
