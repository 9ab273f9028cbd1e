"""Schema 8: practice days, their sessions and every practice lap (issue #13).

- `practice_days`: a track's day of practice (one row per track and date),
  from its practice calendar or its day page; `last_ingested_at` is when all
  its sessions were last read (a past day read after it ended is complete).
- `practice_sessions`: one driver's run on one transponder, keyed by the
  source's session id; `driver_id` is the source's driver with that
  transponder when exactly one is known (NULL otherwise).
- `practice_laps`: lap 1..N of a session, with the clock time it ended and
  whether it was valid.

New tables only: no row is touched.
"""

from __future__ import annotations

from mre_core.storage.migrations.context import MigrationContext

DESCRIPTION = "practice days, practice sessions and practice laps"

SQL = """
CREATE TABLE "practice_days" (
    "id" {pk},
    "track_id" INTEGER NOT NULL,
    "practice_date" DATE NOT NULL,
    "day_url" VARCHAR(1024),
    "session_count" INTEGER,
    "total_laps" INTEGER,
    "unique_drivers" INTEGER,
    "last_ingested_at" {timestamp},
    FOREIGN KEY ("track_id") REFERENCES "tracks" ("id")
);
CREATE UNIQUE INDEX "practice_days_track_id_practice_date"
    ON "practice_days" ("track_id", "practice_date");
CREATE TABLE "practice_sessions" (
    "id" {pk},
    "practice_day_id" INTEGER NOT NULL,
    "source" VARCHAR(64) NOT NULL,
    "source_session_id" VARCHAR(64) NOT NULL,
    "session_url" VARCHAR(1024) NOT NULL,
    "display_name" VARCHAR(255) NOT NULL,
    "normalized_name" VARCHAR(255) NOT NULL,
    "transponder_number" VARCHAR(32),
    "class_name" VARCHAR(255),
    "driver_id" INTEGER,
    "started_at" {timestamp},
    "started_at_raw" VARCHAR(64),
    "ended_at" {timestamp},
    "laps_completed" INTEGER,
    "duration_raw" VARCHAR(64),
    "duration_seconds" {double},
    "fast_lap_time" {double},
    "avg_lap_time" {double},
    "avg_top5" {double},
    "avg_top10" {double},
    "avg_top15" {double},
    "top3_consecutive" {double},
    "std_deviation" {double},
    "consistency" {double},
    "valid_range_raw" VARCHAR(64),
    "facts_raw" TEXT NOT NULL DEFAULT '{{}}',
    FOREIGN KEY ("practice_day_id") REFERENCES "practice_days" ("id"),
    FOREIGN KEY ("driver_id") REFERENCES "drivers" ("id")
);
CREATE INDEX "practice_sessions_practice_day_id"
    ON "practice_sessions" ("practice_day_id");
CREATE INDEX "practice_sessions_driver_id"
    ON "practice_sessions" ("driver_id");
CREATE UNIQUE INDEX "practice_sessions_source_source_session_id"
    ON "practice_sessions" ("source", "source_session_id");
CREATE TABLE "practice_laps" (
    "id" {pk},
    "practice_session_id" INTEGER NOT NULL,
    "lap_number" INTEGER NOT NULL,
    "lap_time_seconds" {double} NOT NULL,
    "lap_time_raw" VARCHAR(32) NOT NULL,
    "valid" {boolean} NOT NULL,
    "clock_time" {timestamp},
    "clock_time_raw" VARCHAR(32),
    FOREIGN KEY ("practice_session_id") REFERENCES "practice_sessions" ("id")
);
CREATE UNIQUE INDEX "practice_laps_practice_session_id_lap_number"
    ON "practice_laps" ("practice_session_id", "lap_number")
"""


def upgrade(ctx: MigrationContext) -> None:
    ctx.execute_all(ctx.statements(SQL))
