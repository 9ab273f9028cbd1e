CREATE TABLE "schema_version" ("version" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "applied_at" DATETIME NOT NULL, "mre_version" VARCHAR(32) NOT NULL);
CREATE TABLE "tracks" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "source" VARCHAR(64) NOT NULL,
    "source_track_slug" VARCHAR(255) NOT NULL,
    "track_name" VARCHAR(255) NOT NULL,
    "track_url" VARCHAR(1024) NOT NULL,
    "events_url" VARCHAR(1024) NOT NULL,
    "last_seen_at" DATETIME NOT NULL,
    "liverc_track_last_updated" VARCHAR(64),
    "is_active" INTEGER NOT NULL
, "last_updated_at" DATETIME);
CREATE TABLE "drivers" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "source" VARCHAR(64) NOT NULL,
    "source_driver_id" VARCHAR(255) NOT NULL,
    "display_name" VARCHAR(255) NOT NULL,
    "normalized_name" VARCHAR(255) NOT NULL,
    "transponder_number" VARCHAR(32),
    "merged_into_id" INTEGER,
    FOREIGN KEY ("merged_into_id") REFERENCES "drivers" ("id")
);
CREATE TABLE "event_entries" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "event_id" INTEGER NOT NULL,
    "driver_id" INTEGER NOT NULL,
    "class_name" VARCHAR(255) NOT NULL,
    "display_name" VARCHAR(255) NOT NULL,
    "transponder_number" VARCHAR(32),
    "car_number" VARCHAR(32),
    "entry_origin" VARCHAR(16) NOT NULL,
    FOREIGN KEY ("event_id") REFERENCES "events" ("id"),
    FOREIGN KEY ("driver_id") REFERENCES "drivers" ("id")
);
CREATE TABLE "races" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "event_id" INTEGER NOT NULL,
    "source_race_id" VARCHAR(64) NOT NULL,
    "race_url" VARCHAR(1024) NOT NULL,
    "class_name" VARCHAR(255) NOT NULL,
    "race_label" VARCHAR(255) NOT NULL,
    "race_order" INTEGER NOT NULL,
    "race_number" INTEGER,
    "round_name" VARCHAR(255),
    "completed_at" DATETIME,
    "completed_date" DATE,
    "completed_at_raw" VARCHAR(64),
    "duration_raw" VARCHAR(64),
    "duration_seconds" REAL,
    "duration_laps" INTEGER,
    "page_digest" VARCHAR(160),
    FOREIGN KEY ("event_id") REFERENCES "events" ("id")
);
CREATE TABLE "race_drivers" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "race_id" INTEGER NOT NULL,
    "source_driver_id" VARCHAR(255) NOT NULL,
    "driver_id" INTEGER NOT NULL,
    "event_entry_id" INTEGER,
    "display_name" VARCHAR(255) NOT NULL,
    "car_number" VARCHAR(32),
    FOREIGN KEY ("race_id") REFERENCES "races" ("id"),
    FOREIGN KEY ("driver_id") REFERENCES "drivers" ("id"),
    FOREIGN KEY ("event_entry_id") REFERENCES "event_entries" ("id")
);
CREATE TABLE "race_results" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "race_id" INTEGER NOT NULL,
    "race_driver_id" INTEGER NOT NULL,
    "started" INTEGER NOT NULL,
    "position_final" INTEGER,
    "qualifying_position" INTEGER,
    "laps_completed" INTEGER NOT NULL,
    "total_time_raw" VARCHAR(64) NOT NULL,
    "total_time_seconds" REAL,
    "behind_raw" VARCHAR(64),
    "behind_seconds" REAL,
    "behind_laps" INTEGER,
    "fast_lap_time" REAL,
    "fast_lap_number" INTEGER,
    "avg_lap_time" REAL,
    "avg_top5" REAL,
    "avg_top10" REAL,
    "avg_top15" REAL,
    "top2_consecutive" REAL,
    "top3_consecutive" REAL,
    "std_deviation" REAL,
    "consistency" REAL,
    "raw_cells" TEXT NOT NULL,
    FOREIGN KEY ("race_id") REFERENCES "races" ("id"),
    FOREIGN KEY ("race_driver_id") REFERENCES "race_drivers" ("id")
);
CREATE TABLE "laps" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "race_result_id" INTEGER NOT NULL,
    "lap_number" INTEGER NOT NULL,
    "lap_time_seconds" REAL NOT NULL,
    "lap_time_raw" VARCHAR(32) NOT NULL,
    "position_on_lap" INTEGER,
    "pace" VARCHAR(64),
    "elapsed_race_time" REAL NOT NULL,
    FOREIGN KEY ("race_result_id") REFERENCES "race_results" ("id")
);
CREATE TABLE "users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "display_name" VARCHAR(255) NOT NULL,
    "normalized_name" VARCHAR(255) NOT NULL,
    "email" VARCHAR(255),
    "created_at" DATETIME NOT NULL
);
CREATE TABLE "user_transponders" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "user_id" INTEGER NOT NULL,
    "transponder_number" VARCHAR(32) NOT NULL,
    FOREIGN KEY ("user_id") REFERENCES "users" ("id")
);
CREATE TABLE "user_driver_links" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "user_id" INTEGER NOT NULL,
    "driver_id" INTEGER NOT NULL,
    "status" VARCHAR(16) NOT NULL CHECK (status IN ('suggested', 'confirmed', 'rejected', 'conflict')),
    "similarity_score" REAL,
    "match_type" VARCHAR(16) NOT NULL,
    "matcher" VARCHAR(64) NOT NULL,
    "matcher_version" VARCHAR(32) NOT NULL,
    "decided_by" VARCHAR(16) NOT NULL,
    "matched_at" DATETIME NOT NULL,
    "confirmed_at" DATETIME,
    "conflict_reason" TEXT,
    FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
    FOREIGN KEY ("driver_id") REFERENCES "drivers" ("id")
);
CREATE TABLE "event_driver_links" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "user_id" INTEGER NOT NULL,
    "event_id" INTEGER NOT NULL,
    "driver_id" INTEGER NOT NULL,
    "match_type" VARCHAR(16) NOT NULL,
    "similarity_score" REAL,
    "transponder_number" VARCHAR(32),
    "status" VARCHAR(16) NOT NULL CHECK (status IN ('suggested', 'confirmed', 'rejected', 'conflict')),
    "matched_at" DATETIME NOT NULL,
    FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
    FOREIGN KEY ("event_id") REFERENCES "events" ("id"),
    FOREIGN KEY ("driver_id") REFERENCES "drivers" ("id")
);
CREATE TABLE "ingest_locks" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "lock_key" VARCHAR(255) NOT NULL,
    "owner" VARCHAR(255),
    "run_id" INTEGER,
    "acquired_at" DATETIME,
    "expires_at" DATETIME,
    FOREIGN KEY ("run_id") REFERENCES "ingestion_runs" ("id")
);
CREATE TABLE "site_budgets" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "site" VARCHAR(64) NOT NULL,
    "next_start_at" DATETIME NOT NULL,
    "last_start_at" DATETIME,
    "hold_until" DATETIME
);
CREATE TABLE "site_slots" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "site" VARCHAR(64) NOT NULL,
    "slot" INTEGER NOT NULL,
    "owner" VARCHAR(255),
    "expires_at" DATETIME
);
CREATE TABLE "events" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "source" VARCHAR(64) NOT NULL,
    "source_event_id" VARCHAR(64) NOT NULL,
    "track_id" INTEGER NOT NULL,
    "event_name" VARCHAR(512) NOT NULL,
    "event_date" DATETIME,
    "event_end_date" DATE,
    "event_entries" INTEGER,
    "event_drivers" INTEGER,
    "event_url" VARCHAR(1024) NOT NULL,
    "ingest_depth" VARCHAR(16) NOT NULL CHECK (ingest_depth IN ('none', 'laps_partial', 'laps_full')),
    "last_ingested_at" DATETIME,
    FOREIGN KEY ("track_id") REFERENCES "tracks" ("id")
);
CREATE TABLE "ingestion_runs" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "operation" VARCHAR(32) NOT NULL,
    "source" VARCHAR(64) NOT NULL,
    "target" VARCHAR(255) NOT NULL,
    "status" VARCHAR(16) NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'already_complete', 'cancelled', 'partial', 'not_ready')),
    "parent_id" INTEGER,
    "started_at" DATETIME NOT NULL,
    "finished_at" DATETIME,
    "heartbeat_at" DATETIME,
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
    "queued_at" DATETIME,
    "cancel_requested_at" DATETIME,
    "attempts" INTEGER,
    FOREIGN KEY ("parent_id") REFERENCES "ingestion_runs" ("id")
);
CREATE UNIQUE INDEX "tracks_source_source_track_slug"
    ON "tracks" ("source", "source_track_slug");
CREATE INDEX "drivers_normalized_name"
    ON "drivers" ("normalized_name");
CREATE INDEX "drivers_merged_into_id"
    ON "drivers" ("merged_into_id");
CREATE UNIQUE INDEX "drivers_source_source_driver_id"
    ON "drivers" ("source", "source_driver_id");
CREATE INDEX "event_entries_event_id"
    ON "event_entries" ("event_id");
CREATE INDEX "event_entries_driver_id"
    ON "event_entries" ("driver_id");
CREATE UNIQUE INDEX "event_entries_event_id_driver_id_class_name"
    ON "event_entries" ("event_id", "driver_id", "class_name");
CREATE INDEX "races_event_id"
    ON "races" ("event_id");
CREATE UNIQUE INDEX "races_event_id_source_race_id"
    ON "races" ("event_id", "source_race_id");
CREATE INDEX "race_drivers_race_id"
    ON "race_drivers" ("race_id");
CREATE INDEX "race_drivers_driver_id"
    ON "race_drivers" ("driver_id");
CREATE INDEX "race_drivers_event_entry_id"
    ON "race_drivers" ("event_entry_id");
CREATE UNIQUE INDEX "race_drivers_race_id_source_driver_id"
    ON "race_drivers" ("race_id", "source_driver_id");
CREATE INDEX "race_results_race_id"
    ON "race_results" ("race_id");
CREATE INDEX "race_results_race_driver_id"
    ON "race_results" ("race_driver_id");
CREATE UNIQUE INDEX "race_results_race_id_race_driver_id"
    ON "race_results" ("race_id", "race_driver_id");
CREATE INDEX "laps_race_result_id"
    ON "laps" ("race_result_id");
CREATE UNIQUE INDEX "laps_race_result_id_lap_number"
    ON "laps" ("race_result_id", "lap_number");
CREATE INDEX "users_normalized_name"
    ON "users" ("normalized_name");
CREATE UNIQUE INDEX "users_email"
    ON "users" ("email");
CREATE INDEX "user_transponders_user_id"
    ON "user_transponders" ("user_id");
CREATE INDEX "user_transponders_transponder_number"
    ON "user_transponders" ("transponder_number");
CREATE UNIQUE INDEX "user_transponders_user_id_transponder_number"
    ON "user_transponders" ("user_id", "transponder_number");
CREATE INDEX "user_driver_links_user_id"
    ON "user_driver_links" ("user_id");
CREATE INDEX "user_driver_links_driver_id"
    ON "user_driver_links" ("driver_id");
CREATE UNIQUE INDEX "user_driver_links_user_id_driver_id"
    ON "user_driver_links" ("user_id", "driver_id");
CREATE UNIQUE INDEX "user_driver_links_one_active_per_driver"
    ON "user_driver_links" ("driver_id") WHERE ("status" IN ('suggested', 'confirmed'));
CREATE INDEX "event_driver_links_user_id"
    ON "event_driver_links" ("user_id");
CREATE INDEX "event_driver_links_event_id"
    ON "event_driver_links" ("event_id");
CREATE INDEX "event_driver_links_driver_id"
    ON "event_driver_links" ("driver_id");
CREATE UNIQUE INDEX "event_driver_links_user_id_event_id_driver_id"
    ON "event_driver_links" ("user_id", "event_id", "driver_id");
CREATE UNIQUE INDEX "ingest_locks_lock_key"
    ON "ingest_locks" ("lock_key");
CREATE INDEX "ingest_locks_run_id"
    ON "ingest_locks" ("run_id");
CREATE UNIQUE INDEX "site_budgets_site"
    ON "site_budgets" ("site");
CREATE UNIQUE INDEX "site_slots_site_slot"
    ON "site_slots" ("site", "slot");
CREATE INDEX "events_track_id" ON "events" ("track_id");
CREATE UNIQUE INDEX "events_source_source_event_id" ON "events" ("source", "source_event_id");
CREATE INDEX "ingestion_runs_status" ON "ingestion_runs" ("status");
CREATE INDEX "ingestion_runs_parent_id" ON "ingestion_runs" ("parent_id");
CREATE UNIQUE INDEX "ingestion_runs_one_active_job" ON "ingestion_runs" ("job_key") WHERE ("status" IN ('queued', 'running'));
