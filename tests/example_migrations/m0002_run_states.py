"""Runs may be cancelled and keep their parameters; tracks lose a source's column."""

from __future__ import annotations

from mre_core.storage.migrations.context import MigrationContext

DESCRIPTION = "runs: status 'cancelled', params; tracks: no liverc_track_last_updated"

RUNS = """
CREATE TABLE "ingestion_runs" (
    "id" {pk},
    "operation" VARCHAR(32) NOT NULL,
    "source" VARCHAR(64) NOT NULL,
    "target" VARCHAR(255) NOT NULL,
    "status" VARCHAR(16) NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'already_complete', 'cancelled')),
    "parent_id" INTEGER,
    "started_at" {timestamp} NOT NULL,
    "finished_at" {timestamp},
    "heartbeat_at" {timestamp},
    "progress_done" INTEGER NOT NULL,
    "progress_total" INTEGER,
    "progress_step" VARCHAR(255),
    "requests" INTEGER NOT NULL,
    "counts" TEXT NOT NULL,
    "error_code" VARCHAR(32),
    "error_message" TEXT,
    "host" VARCHAR(255) NOT NULL,
    "pid" INTEGER NOT NULL,
    "params" TEXT,
    FOREIGN KEY ("parent_id") REFERENCES "ingestion_runs" ("id")
)
"""  # noqa: E501
RUN_INDEXES = (
    'CREATE INDEX "ingestion_runs_status" ON "ingestion_runs" ("status")',
    'CREATE INDEX "ingestion_runs_parent_id" ON "ingestion_runs" ("parent_id")',
)
STATUSES = "('queued', 'running', 'succeeded', 'failed', 'already_complete', 'cancelled')"


def upgrade(ctx: MigrationContext) -> None:
    if ctx.dialect == "sqlite":
        ctx.rebuild_table("ingestion_runs", RUNS, RUN_INDEXES)
    else:
        ctx.execute_all(
            [
                'ALTER TABLE "ingestion_runs" DROP CONSTRAINT "ingestion_runs_status_check"',
                'ALTER TABLE "ingestion_runs" ADD CONSTRAINT "ingestion_runs_status_check" '
                f"CHECK (status IN {STATUSES})",
                'ALTER TABLE "ingestion_runs" ADD COLUMN "params" TEXT',
            ]
        )
    ctx.migrate(
        ctx.migrator.drop_column("tracks", "liverc_track_last_updated"),
        ctx.migrator.add_index("events", ("event_date",), False),
    )
