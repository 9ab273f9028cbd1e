"""Schema 5: events ingested while they are still running, and a track's update time.

- `events.ingest_depth` may be `laps_partial`: an event ingested before it
  was over (LiveRC's page lists only the races run so far) keeps the races
  it has, and is completed by the first ingest after it is over;
- `ingestion_runs.status` may be `partial` (such a run) or `not_ready` (the
  event's page lists no races yet): runs that ended well without completing
  their event;
- `tracks.last_updated_at`: when the catalogue's "2 days ago" was, worked out
  when it was fetched (the text is kept as it was). Rows of earlier syncs
  stay NULL until the next track sync: the text alone no longer says when.

SQLite cannot change a CHECK in place: both tables are rebuilt, every row
and id kept (as migration 2 did). PostgreSQL drops and adds the constraint.
"""

from __future__ import annotations

from mre_core.storage.migrations.context import MigrationContext

DESCRIPTION = "live events: laps_partial, runs partial and not_ready, tracks.last_updated_at"

# ruff: noqa: E501  (frozen SQL: one column a line)
EVENTS = """
CREATE TABLE "events" (
    "id" {pk},
    "source" VARCHAR(64) NOT NULL,
    "source_event_id" VARCHAR(64) NOT NULL,
    "track_id" INTEGER NOT NULL,
    "event_name" VARCHAR(512) NOT NULL,
    "event_date" {timestamp},
    "event_end_date" DATE,
    "event_entries" INTEGER,
    "event_drivers" INTEGER,
    "event_url" VARCHAR(1024) NOT NULL,
    "ingest_depth" VARCHAR(16) NOT NULL CHECK (ingest_depth IN ('none', 'laps_partial', 'laps_full')),
    "last_ingested_at" {timestamp},
    FOREIGN KEY ("track_id") REFERENCES "tracks" ("id")
)
"""
EVENT_INDEXES = (
    'CREATE INDEX "events_track_id" ON "events" ("track_id")',
    'CREATE UNIQUE INDEX "events_source_source_event_id" ON "events" ("source", "source_event_id")',
)
DEPTHS = "('none', 'laps_partial', 'laps_full')"

RUNS = """
CREATE TABLE "ingestion_runs" (
    "id" {pk},
    "operation" VARCHAR(32) NOT NULL,
    "source" VARCHAR(64) NOT NULL,
    "target" VARCHAR(255) NOT NULL,
    "status" VARCHAR(16) NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'already_complete', 'cancelled', 'partial', 'not_ready')),
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
    "job_key" VARCHAR(255),
    "queued_at" {timestamp},
    "cancel_requested_at" {timestamp},
    "attempts" INTEGER,
    FOREIGN KEY ("parent_id") REFERENCES "ingestion_runs" ("id")
)
"""
RUN_INDEXES = (
    'CREATE INDEX "ingestion_runs_status" ON "ingestion_runs" ("status")',
    'CREATE INDEX "ingestion_runs_parent_id" ON "ingestion_runs" ("parent_id")',
    'CREATE UNIQUE INDEX "ingestion_runs_one_active_job" ON "ingestion_runs" ("job_key") '
    "WHERE (\"status\" IN ('queued', 'running'))",
)
STATUSES = (
    "('queued', 'running', 'succeeded', 'failed', 'already_complete', 'cancelled', "
    "'partial', 'not_ready')"
)
LAST_UPDATED_AT = 'ALTER TABLE "tracks" ADD COLUMN "last_updated_at" {timestamp}'


def upgrade(ctx: MigrationContext) -> None:
    if ctx.dialect == "sqlite":
        ctx.rebuild_table("events", EVENTS, EVENT_INDEXES)
        ctx.rebuild_table("ingestion_runs", RUNS, RUN_INDEXES)
    else:
        ctx.execute_all(
            [
                'ALTER TABLE "events" DROP CONSTRAINT "events_ingest_depth_check"',
                'ALTER TABLE "events" ADD CONSTRAINT "events_ingest_depth_check" '
                f"CHECK (ingest_depth IN {DEPTHS})",
                'ALTER TABLE "ingestion_runs" DROP CONSTRAINT "ingestion_runs_status_check"',
                'ALTER TABLE "ingestion_runs" ADD CONSTRAINT "ingestion_runs_status_check" '
                f"CHECK (status IN {STATUSES})",
            ]
        )
    ctx.execute_all(ctx.statements(LAST_UPDATED_AT))
