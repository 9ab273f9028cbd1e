"""Schema 3: the per-site politeness limits, shared by every process using the database.

A site is a connector's source (`liverc`). Both tables are written only by
the HTTP client's shared budget (`mre_core.http.shared`), and every time in
them is the database server's, so machines whose clocks disagree still agree
on them:

- `site_budgets`, a row per site: `next_start_at`, the earliest start the
  next request may reserve (starts are spaced by `MRE_HTTP_MIN_INTERVAL_S`),
  `last_start_at`, when the last request was let go, and `hold_until`,
  until when nobody fetches from the site after it answered 429, 503 or a
  Retry-After;
- `site_slots`, a row per (site, slot) up to `MRE_HTTP_CONCURRENCY`: a
  request in flight holds a slot as a lease (`owner`, `expires_at`), so a
  process killed mid-request frees it when its lease ends.

Rows are made on first use and reused, never deleted.
"""

from __future__ import annotations

from mre_core.storage.migrations.context import MigrationContext

DESCRIPTION = "per-site politeness shared by every process: spacing, in-flight slots, holds"

SQL = """
CREATE TABLE "site_budgets" (
    "id" {pk},
    "site" VARCHAR(64) NOT NULL,
    "next_start_at" {timestamp} NOT NULL,
    "last_start_at" {timestamp},
    "hold_until" {timestamp}
);
CREATE UNIQUE INDEX "site_budgets_site"
    ON "site_budgets" ("site");
CREATE TABLE "site_slots" (
    "id" {pk},
    "site" VARCHAR(64) NOT NULL,
    "slot" INTEGER NOT NULL,
    "owner" VARCHAR(255),
    "expires_at" {timestamp}
);
CREATE UNIQUE INDEX "site_slots_site_slot"
    ON "site_slots" ("site", "slot");
"""


def upgrade(ctx: MigrationContext) -> None:
    ctx.execute_all(ctx.statements(SQL))
