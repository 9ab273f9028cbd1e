"""Schema 6: every run's log lines in the database, and the held-between search's indexes.

- `run_logs`: the lines a run logged (when, level, message), so an admin
  page follows a run whichever process or machine runs it: the database is
  the one channel they all share. Bounded per run by the writer
  (`MRE_RUN_LOG_MAX_LINES`); the index on (run_id, id) answers "the lines
  of run N after line M" (a live log stream) without reading other runs'.
  A run's lines go with it (ON DELETE CASCADE), though mre deletes no run.
- `events.event_date`, and `events.event_end_date` with `event_date`,
  indexed: "the events held between two dates" reads the events starting in
  the window through the first, and those started before it and still
  running through the second (from the index alone), not every event.

New tables and indexes only: no row is touched.
"""

from __future__ import annotations

from mre_core.storage.migrations.context import MigrationContext

DESCRIPTION = "run log lines in the database; indexes for finding events held between two dates"

SQL = """
CREATE TABLE "run_logs" (
    "id" {pk},
    "run_id" INTEGER NOT NULL,
    "at" {timestamp} NOT NULL,
    "level" VARCHAR(16) NOT NULL,
    "message" TEXT NOT NULL,
    FOREIGN KEY ("run_id") REFERENCES "ingestion_runs" ("id") ON DELETE CASCADE
);
CREATE INDEX "run_logs_run_id_id"
    ON "run_logs" ("run_id", "id");
CREATE INDEX "events_event_date"
    ON "events" ("event_date");
CREATE INDEX "events_event_end_date_event_date"
    ON "events" ("event_end_date", "event_date");
"""


def upgrade(ctx: MigrationContext) -> None:
    ctx.execute_all(ctx.statements(SQL))
