"""Schema 4: the job queue of PostgreSQL's workers, procrastinate's, in mre's database.

On PostgreSQL, jobs are dispatched by procrastinate (LISTEN/NOTIFY wake-ups,
queueing locks, stalled-job recovery, periodic tasks): `mre worker` on each
machine. Its queue lives beside mre's tables, so that submitting a job (the
`queued` run row and its procrastinate job) is one transaction. Its schema
is applied here, inside the upgrade's transaction, in the current schema
(the first of the URL's search_path): `schema.sql` of the installed
procrastinate, which makes only objects named `procrastinate_*` (4 tables,
3 types, functions and triggers). Which procrastinate it was is written in
a comment on `procrastinate_jobs`, for the migration that will one day
apply procrastinate's own schema migrations (pyproject pins its minor
version for that reason: a newer one is a new mre migration).

The run table stays the truth: a procrastinate job says only "run N has to
be run". mre's checks (the row-count guard, `db copy`) leave these tables
out (`context.JOB_QUEUE_PREFIX`).

SQLite: nothing (its workers take jobs from the run table itself).
"""

from __future__ import annotations

from importlib import metadata, resources

from mre_core.storage.migrations.context import MigrationContext

DESCRIPTION = "the job queue of PostgreSQL's workers (procrastinate's schema); nothing on SQLite"


def upgrade(ctx: MigrationContext) -> None:
    if ctx.dialect != "postgresql":
        return
    try:
        sql = (resources.files("procrastinate") / "sql" / "schema.sql").read_text(encoding="utf-8")
        version = metadata.version("procrastinate")
    except (ModuleNotFoundError, metadata.PackageNotFoundError):
        ctx.refuse(
            "mre on PostgreSQL needs procrastinate for its job queue: "
            "pip install 'mre-core[postgres]', then run the upgrade again"
        )
        return
    if "procrastinate_jobs" in ctx.table_names():
        ctx.refuse(
            "this schema already has procrastinate's tables (another application's job "
            "queue?): give mre a database or schema of its own"
        )
    # The script as one statement with no parameters ('%' doubled, as procrastinate's
    # own apply_schema does): psycopg sends it whole, inside this transaction.
    ctx.db.execute_sql(sql.replace("%", "%%"))
    ctx.db.execute_sql(
        "COMMENT ON TABLE procrastinate_jobs IS "
        f"'procrastinate {version.replace(chr(39), '')} schema, applied by mre migration 4'"
    )
