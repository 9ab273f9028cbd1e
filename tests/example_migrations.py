"""Migrations for tests only, run after the real ones: changes of every kind, and a mistake.

`change_everything` does what later migrations of mre will (a CHECK
widened, a column added and one dropped, an index added), so the machinery
a real migration leans on (SQLite's table rebuild, playhouse.migrate on
PostgreSQL) is proven on top of today's schema. `lose_a_lap` deletes a
row, which the runner must refuse.
"""

from __future__ import annotations

from mre_core.storage.migrations import CODE_VERSION, MIGRATIONS, Migration
from mre_core.storage.migrations.context import MigrationContext

LINKS = """
CREATE TABLE "event_driver_links" (
    "id" {pk},
    "user_id" INTEGER NOT NULL,
    "event_id" INTEGER NOT NULL,
    "driver_id" INTEGER NOT NULL,
    "match_type" VARCHAR(16) NOT NULL,
    "similarity_score" {double},
    "transponder_number" VARCHAR(32),
    "status" VARCHAR(16) NOT NULL CHECK (status IN ('suggested', 'confirmed', 'rejected', 'conflict', 'expired')),
    "matched_at" {timestamp} NOT NULL,
    "note" TEXT,
    FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
    FOREIGN KEY ("event_id") REFERENCES "events" ("id"),
    FOREIGN KEY ("driver_id") REFERENCES "drivers" ("id")
)
"""  # noqa: E501
LINK_INDEXES = (
    'CREATE INDEX "event_driver_links_user_id" ON "event_driver_links" ("user_id")',
    'CREATE INDEX "event_driver_links_event_id" ON "event_driver_links" ("event_id")',
    'CREATE INDEX "event_driver_links_driver_id" ON "event_driver_links" ("driver_id")',
    'CREATE UNIQUE INDEX "event_driver_links_user_id_event_id_driver_id" '
    'ON "event_driver_links" ("user_id", "event_id", "driver_id")',
)
STATUSES = "('suggested', 'confirmed', 'rejected', 'conflict', 'expired')"


def change_everything(ctx: MigrationContext) -> None:
    if ctx.dialect == "sqlite":
        ctx.rebuild_table("event_driver_links", LINKS, LINK_INDEXES)
    else:
        ctx.execute_all(
            [
                'ALTER TABLE "event_driver_links" '
                'DROP CONSTRAINT "event_driver_links_status_check"',
                'ALTER TABLE "event_driver_links" ADD CONSTRAINT "event_driver_links_status_check" '
                f"CHECK (status IN {STATUSES})",
                'ALTER TABLE "event_driver_links" ADD COLUMN "note" TEXT',
            ]
        )
    ctx.migrate(
        ctx.migrator.drop_column("tracks", "events_url"),
        ctx.migrator.add_index("events", ("last_ingested_at",), False),
    )


def lose_a_lap(ctx: MigrationContext) -> None:
    ctx.execute_all(['DELETE FROM "laps" WHERE "id" = (SELECT MIN("id") FROM "laps")'])


CHANGES = Migration(CODE_VERSION + 1, "change_everything", "a test's changes", change_everything)
MISTAKE = Migration(CODE_VERSION + 2, "lose_a_lap", "a mistake: deletes a lap", lose_a_lap)
WITH_CHANGES = [*MIGRATIONS, CHANGES]
WITH_MISTAKE = [*MIGRATIONS, CHANGES, MISTAKE]
