"""Schema 2: runs become jobs that can wait in a queue, be cancelled, and never be doubled.

- `status` may be `cancelled` (a person, a signal, or a worker's shutdown
  stopped it between races);
- `params`: the job's parameters as JSON (depth, ingest_all, force), so
  any worker can run a queued job;
- `job_key`: what the job is about (`event:liverc:486677`), with a unique
  index over the queued and running runs only: one active job per target,
  enforced by the database whichever process or machine submits it;
- `queued_at`, `cancel_requested_at`, `attempts` (a job put back in the
  queue by a worker's shutdown or found stalled counts its tries).

SQLite cannot change a CHECK in place: the table is rebuilt, every row and
id kept. PostgreSQL alters it.
"""

from __future__ import annotations

from mre_core.storage.migrations.context import MigrationContext

DESCRIPTION = "runs as jobs: queued, cancelled, parameters, one active job per target"

# ruff: noqa: E501  (frozen SQL: one column a line)
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
    "job_key" VARCHAR(255),
    "queued_at" {timestamp},
    "cancel_requested_at" {timestamp},
    "attempts" INTEGER,
    FOREIGN KEY ("parent_id") REFERENCES "ingestion_runs" ("id")
)
"""
INDEXES = (
    'CREATE INDEX "ingestion_runs_status" ON "ingestion_runs" ("status")',
    'CREATE INDEX "ingestion_runs_parent_id" ON "ingestion_runs" ("parent_id")',
)
ONE_ACTIVE_JOB = (
    'CREATE UNIQUE INDEX "ingestion_runs_one_active_job" ON "ingestion_runs" ("job_key") '
    "WHERE (\"status\" IN ('queued', 'running'))"
)
STATUSES = "('queued', 'running', 'succeeded', 'failed', 'already_complete', 'cancelled')"
NEW_COLUMNS = (
    ("params", "TEXT"),
    ("job_key", "VARCHAR(255)"),
    ("queued_at", "{timestamp}"),
    ("cancel_requested_at", "{timestamp}"),
    ("attempts", "INTEGER"),
)


def upgrade(ctx: MigrationContext) -> None:
    if ctx.dialect == "sqlite":
        ctx.rebuild_table("ingestion_runs", RUNS, INDEXES)
    else:
        ctx.execute_all(
            [
                'ALTER TABLE "ingestion_runs" DROP CONSTRAINT "ingestion_runs_status_check"',
                'ALTER TABLE "ingestion_runs" ADD CONSTRAINT "ingestion_runs_status_check" '
                f"CHECK (status IN {STATUSES})",
                *(
                    s
                    for name, kind in NEW_COLUMNS
                    for s in ctx.statements(
                        f'ALTER TABLE "ingestion_runs" ADD COLUMN "{name}" {kind}'
                    )
                ),
            ]
        )
    ctx.execute_all([ONE_ACTIVE_JOB])
