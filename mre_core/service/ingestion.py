"""The service: the one door to ingestion for the CLI, a web console or an app.

It owns its database, the connectors and the HTTP client, and runs the
three operations in their modules (track_sync, event_sync, event_ingest),
handing them an `OperationContext`. Nothing outside it calls a connector.

Shared: any thread may call any method at any time. Each call runs against
this service's database (a contextvar, so two services on two databases in
one process never write into each other's) on the calling thread's own
connection, taken for the call (from a pool on PostgreSQL).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import peewee
from loguru import logger

from mre_core.errors import (
    DatabaseError,
    MreError,
    RunCancelledError,
    RunRequeuedError,
    Terminated,
    UsageError,
    first_line,
)
from mre_core.http import HttpClient
from mre_core.http.cassette import Cassette
from mre_core.matching.rules import Thresholds
from mre_core.plugins import ConnectorRegistry
from mre_core.service import (
    drivers,
    event_ingest,
    event_sync,
    job_queue,
    practice_sync,
    queries,
    race_laps,
    search,
    track_sync,
    users,
)
from mre_core.service.context import AfterIngest, OperationContext
from mre_core.service.dispatch import JobDispatch
from mre_core.service.job_queue import Submission
from mre_core.service.lookup import find_event, find_track
from mre_core.service.reports import OperationReport
from mre_core.service.run_logs import RunLogBook, read_lines
from mre_core.service.runs import Heartbeat, ProgressListener, RunRecorder
from mre_core.service.user_matching import UserMatcher
from mre_core.settings import Settings
from mre_core.storage import close_database, open_database, schema, use_database
from mre_core.storage.counts import Counts
from mre_core.storage.database import DATABASE_ERRORS, is_postgres, write_transaction
from mre_core.storage.models import (
    DEPTH_LAPS_FULL,
    DEPTH_LAPS_PARTIAL,
    DEPTH_NONE,
    DEPTHS,
    LINK_CONFIRMED,
    LINK_REJECTED,
    RUN_FAILED,
    RUN_QUEUED,
    Event,
    IngestionRun,
    Track,
)

Body = Callable[[RunRecorder], None]
P = ParamSpec("P")
R = TypeVar("R")


def _in_database(method: Callable[P, R]) -> Callable[P, R]:
    """Run a service method against the service's own database, on this thread's connection."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        with use_database(args[0].db):  # type: ignore[attr-defined]
            return method(*args, **kwargs)

    return call


class IngestionService:
    def __init__(
        self,
        db: peewee.Database,
        registry: ConnectorRegistry,
        settings: Settings,
        cassette: Cassette | None = None,
    ) -> None:
        self.db = db
        self.registry = registry
        self.settings = settings
        self.cassette = cassette
        # PostgreSQL: each queued run gets a procrastinate job, in the same transaction.
        self.dispatch = JobDispatch() if is_postgres(db) else None
        self.http = HttpClient(settings, cassette, db=db)
        self.matcher = UserMatcher(Thresholds.from_settings(settings))
        # Steps run after an event's races are written and before it is marked
        # laps_full (or laps_partial, while it runs): matching the app's users to the
        # event's drivers (step 9 of deep ingestion) is the first; an app may add its own.
        self.after_event_ingested: list[AfterIngest] = [self.matcher.match_event]
        self._ops = OperationContext(
            db=db,
            registry=registry,
            http=self.http,
            settings=settings,
            replaying=cassette is not None,
            ingest_child=lambda event_id, source, parent: self.ingest_event(
                event_id, source=source, parent_run_id=parent
            ),
            after_event_ingested=self.after_event_ingested,
        )
        # As a job, an event sync queues its events for the workers instead of
        # running them in its own thread (one worker must be able to finish it).
        self._job_ops = replace(
            self._ops,
            enqueue_child=lambda event_id, source, parent: job_queue.submit(
                "ingest_event",
                source,
                event_id,
                {"force": False},
                parent_id=parent,
                stale_after_s=settings.lock_ttl_s,
                dispatch=self.dispatch,
            ),
        )
        # Every run's log lines, into the database: any process sharing it can show them.
        self._run_logs = RunLogBook(db, settings.run_log_max_lines)
        # Told of every step of every run (the CLI draws its progress bar from these); the
        # run's lines are written between its steps.
        self.progress_listeners: list[ProgressListener] = [self._run_logs.on_progress]
        self._cassette_session: Any = None

    @classmethod
    def open(
        cls,
        database_url: str | None = None,
        *,
        settings: Settings | None = None,
        cassette: Cassette | None = None,
        registry: ConnectorRegistry | None = None,
    ) -> IngestionService:
        settings = settings or Settings.from_env()
        db = open_database(database_url or settings.database_url)
        service = cls(db, registry or ConnectorRegistry.discover(), settings, cassette)
        if cassette is not None:
            service._cassette_session = cassette.active()
            service._cassette_session.__enter__()
        return service

    def close(self) -> None:
        if self._cassette_session is not None:
            session, self._cassette_session = self._cassette_session, None
            session.__exit__(None, None, None)  # a recorded cassette is written here
        self.http.close()
        self._run_logs.close()
        close_database(self.db)

    def __enter__(self) -> IngestionService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the three operations, run now in the caller's thread -------------------

    def catalogue_sources(self) -> list[str]:
        """The installed sources whose catalogue `sync_tracks` can sync."""
        return [c.source for c in self.registry.connectors() if c.can("catalogue")]

    @_in_database
    def sync_tracks(self, source: str | None = None) -> OperationReport:
        """Sync one source's catalogue: `source`, or the one installed source that has a
        catalogue (several: name one; `catalogue_sources` lists them)."""
        source = self._catalogue_of(source)  # refused before a run is recorded
        return self._run_now("sync_tracks", source, "catalogue", {})

    @_in_database
    def add_track(self, source: str, track_id: str) -> OperationReport:
        """Store one track of a source with no catalogue (capability `track_lookup`)."""
        if not self.registry.get(source).can("track_lookup"):
            raise UsageError(
                f"source {source!r} cannot look a track up by its id: "
                f"sync its catalogue instead (mre tracks sync --source {source})"
            )
        if not track_id.strip():
            raise UsageError("the track id is empty")
        return self._run_now("add_track", source, track_id.strip(), {})

    @_in_database
    def refresh_events(
        self,
        track: str | int,
        depth: str = DEPTH_NONE,
        ingest_all: bool = False,
        source: str | None = None,
    ) -> OperationReport:
        found = self._event_sync_target(track, depth, ingest_all, source)
        params = {"depth": depth, "ingest_all": ingest_all}
        return self._run_now("refresh_events", found.source, found.source_track_slug, params)

    @_in_database
    def ingest_event(
        self,
        event: str | int,
        depth: str = DEPTH_LAPS_FULL,
        force: bool = False,
        source: str | None = None,
        parent_run_id: int | None = None,
    ) -> OperationReport:
        found = self._ingest_target(event, depth, source)
        return self._run_now(
            "ingest_event", found.source, found.source_event_id, {"force": force}, parent_run_id
        )

    # --- the same, as jobs: submitted now, run by a worker ------------------------

    @_in_database
    def submit_track_sync(self, source: str | None = None) -> Submission:
        source = self._catalogue_of(source)
        return self._submit("sync_tracks", source, "catalogue", {})

    @_in_database
    def submit_event_sync(
        self,
        track: str | int,
        depth: str = DEPTH_NONE,
        ingest_all: bool = False,
        source: str | None = None,
    ) -> Submission:
        found = self._event_sync_target(track, depth, ingest_all, source)
        params = {"depth": depth, "ingest_all": ingest_all}
        return self._submit("refresh_events", found.source, found.source_track_slug, params)

    @_in_database
    def submit_event_ingest(
        self, event: str | int, force: bool = False, source: str | None = None
    ) -> Submission:
        """Queue an event's import; an event at laps_full gets a finished run and no job
        (one at laps_partial is queued: ingested while it ran, it is not complete)."""
        found = self._ingest_target(event, DEPTH_LAPS_FULL, source)
        active = job_queue.active_run("ingest_event", found.source, found.source_event_id)
        if active is None and found.ingest_depth == DEPTH_LAPS_FULL and not force:
            report = self.ingest_event(f"id:{found.id}")  # answers at once, no request
            return Submission(report.run_id or 0, job_queue.ALREADY_COMPLETE)
        return self._submit("ingest_event", found.source, found.source_event_id, {"force": force})

    @_in_database
    def check_schema(self) -> None:
        """For a worker, before each job it takes: DatabaseError (exit 7) once a newer
        mre upgraded the schema under it, so that release's workers run the jobs."""
        schema.ensure_unchanged(self.db)

    @_in_database
    def claim_job(self, run_id: int | None = None) -> int | None:
        """For a worker: take queued run `run_id`, or else the oldest queued one (SQLite's
        workers). None: that run is no longer queued, or the queue is empty."""
        if run_id is not None:
            return run_id if job_queue.claim(run_id) else None
        return job_queue.claim_next()

    @_in_database
    def run_job(
        self, run_id: int, shutting_down: Callable[[], bool] = lambda: False
    ) -> OperationReport:
        """For a worker: run a job it claimed. A waiting parent, or a job the worker's
        shutdown put back in the queue, is left `running` / `queued` for later."""
        row = IngestionRun.get_by_id(run_id)
        return self._execute(
            row, json.loads(row.params or "{}"), as_job=True, shutting_down=shutting_down
        )

    @_in_database
    def close_dead_runs(self) -> list[int]:
        """Runs whose process died are closed: a job goes back to the queue, any other
        run is abandoned (a worker calls this now and then)."""
        return job_queue.close_dead(self.settings.lock_ttl_s, self.dispatch)

    @_in_database
    def dispatch_orphaned_jobs(self, run_ids: list[int] | None = None) -> list[int]:
        """PostgreSQL: give a procrastinate job to each queued run (of `run_ids`, or all)
        that has none (a worker calls this now and then, and for the runs it put back in
        the queue once it stopped). SQLite: nothing to do, workers read the run table."""
        if self.dispatch is None:
            return []
        done = []
        for run_id, _ in self.dispatch.orphans(run_ids):
            with write_transaction():
                for still, key in self.dispatch.orphans([run_id]):  # not taken meanwhile
                    self.dispatch.defer(still, key)
                    done.append(still)
        return done

    @_in_database
    def cancel_run(self, run_id: int) -> dict[str, Any]:
        """Cancel a queued job at once; a running one stops between races, keeping whole races."""
        queries.run(run_id)  # not found: exit 3
        job_queue.cancel(run_id, self.dispatch)
        return queries.run(run_id)

    @_in_database
    def jobs_pending(self) -> int:
        """Queued and running runs (children included): a worker with --until-idle stops at 0."""
        return job_queue.pending()

    def _submit(
        self, operation: str, source: str, target: str, params: dict[str, Any]
    ) -> Submission:
        return job_queue.submit(
            operation,
            source,
            target,
            params,
            stale_after_s=self.settings.lock_ttl_s,
            dispatch=self.dispatch,
        )

    # --- running an operation under its run record ----------------------------------

    def _event_sync_target(
        self, track: str | int, depth: str, ingest_all: bool, source: str | None
    ) -> Track:
        if depth not in DEPTHS:
            raise UsageError(f"depth must be one of {', '.join(DEPTHS)}, not {depth!r}")
        self._check_source(source)
        return find_track(track, source)

    def _ingest_target(self, event: str | int, depth: str, source: str | None) -> Event:
        if depth != DEPTH_LAPS_FULL:
            raise UsageError(f"deep ingestion has one depth, laps_full (not {depth!r})")
        self._check_source(source)
        return find_event(event, source)

    def _body(self, row: IngestionRun, params: dict[str, Any], ops: OperationContext) -> Body:
        """The operation a run row names, with its parameters: the same for the CLI and a job."""
        if row.operation == "sync_tracks":
            return lambda run: track_sync.sync_tracks(ops, run, row.source)
        if row.operation == "add_track":
            return lambda run: track_sync.add_track(ops, run, row.source, row.target)
        if row.operation == "refresh_events":
            track = find_track(row.target, row.source)
            return lambda run: event_sync.refresh_events(
                ops, run, track, params["depth"], params["ingest_all"]
            )
        if row.operation == practice_sync.OPERATION:
            track = find_track(row.target.rpartition(":")[0], row.source)
            if params.get("month"):
                return lambda run: practice_sync.sync_month(ops, run, track, params["month"])
            day = date.fromisoformat(params["day"])
            return lambda run: practice_sync.sync_day(ops, run, track, day, params["force"])
        event = find_event(row.target, row.source)
        return lambda run: event_ingest.ingest_event(ops, run, event, params["force"])

    def _run_now(
        self,
        operation: str,
        source: str,
        target: str,
        params: dict[str, Any],
        parent_run_id: int | None = None,
        body: Body | None = None,
    ) -> OperationReport:
        try:
            row = job_queue.start_here(
                operation,
                source,
                target,
                params,
                parent_run_id,
                self.settings.lock_ttl_s,
                self.dispatch,
            )
        except DATABASE_ERRORS as exc:
            raise DatabaseError(f"database error during {operation}: {first_line(exc)}") from exc
        return self._execute(row, params, as_job=False, body=body)

    def _execute(
        self,
        row: IngestionRun,
        params: dict[str, Any],
        as_job: bool,
        shutting_down: Callable[[], bool] = lambda: False,
        body: Body | None = None,
    ) -> OperationReport:
        """Run one operation under its run record, heartbeat and log context."""
        operation, target = row.operation, row.target
        run = RunRecorder(row, self.progress_listeners)
        run.shutting_down = shutting_down
        heartbeat = Heartbeat(self.db, self.settings.heartbeat_s, run.beats)
        with logger.contextualize(run_id=run.id), heartbeat, self._run_logs.capture(run.id):
            logger.info("{} {}: started (run {})", operation, target, run.id)
            try:
                (body or self._body(row, params, self._job_ops if as_job else self._ops))(run)
                if run.report.waiting:
                    report = run.report
                    job_queue.wait_for_children(
                        run.id, report.waiting, report.requests, report.counts.as_dict()
                    )
                    logger.info(
                        "{} {}: waiting for {} events", operation, target, run.report.waiting
                    )
                    return run.report
                run.finish()  # inside: a failure to record success fails the run
            except RunRequeuedError as exc:
                job_queue.requeue(run.id, str(exc))
                run.report.status = RUN_QUEUED
                logger.warning("{} {}: {}", operation, target, exc)
                return run.report
            except DATABASE_ERRORS as exc:
                error = DatabaseError(f"database error during {operation}: {first_line(exc)}")
                self._failed(run, error)
                raise error from exc
            except KeyboardInterrupt as exc:  # Ctrl-C, SIGTERM: the run is cancelled, not failed
                error = (
                    RunCancelledError(exc.message, exit_code=exc.exit_code)
                    if isinstance(exc, Terminated)
                    else RunCancelledError("stopped by SIGINT (Ctrl-C)")
                )
                self._failed(run, error)
                raise error from exc
            except BaseException as exc:
                self._failed(run, exc)
                raise
            finally:
                job_queue.settle_parent(row.parent_id)
            report = run.report
            logger.info(
                "{} {}: {} ({} requests) {}",
                operation,
                target,
                report.status,
                report.requests,
                report.counts.summary(),
            )
        return report

    @staticmethod
    def _failed(run: RunRecorder, error: BaseException) -> None:
        try:
            run.fail(error)
        except DATABASE_ERRORS as exc:  # the database is gone: report the first error anyway
            run.report.status = RUN_FAILED
            logger.warning("run {}: could not record its failure: {}", run.id, first_line(exc))
        if isinstance(error, MreError):
            error.report = run.report
        how = "cancelled" if isinstance(error, RunCancelledError) else "failed"
        logger.error("{} {}: {}: {}", run.report.operation, run.report.target, how, error)

    def _catalogue_of(self, source: str | None) -> str:
        if source is None:
            sources = self.catalogue_sources()
            if len(sources) != 1:
                have = ", ".join(sources) if sources else "none installed"
                raise UsageError(f"name the source whose catalogue to sync (with one: {have})")
            return sources[0]
        if not self.registry.get(source).can("catalogue"):
            raise UsageError(
                f"source {source!r} has no catalogue to sync: add its tracks one by one "
                f"(mre tracks add --source {source} TRACK_ID)"
            )
        return source

    def _check_source(self, source: str | None, reading: bool = False) -> None:
        """Refuse a source no connector provides, as `sync_tracks` does (exit 2).

        Otherwise a misspelt --source reads as "not in the database". Reading
        back (`reading`) also accepts a source whose connector was uninstalled
        but whose tracks are still stored.
        """
        if not source:
            return
        try:
            self.registry.get(source)
        except UsageError:
            if reading and Track.select().where(Track.source == source).exists():
                return
            raise

    # --- users and their links to drivers ----------------------------------------

    @_in_database
    def add_user(
        self, name: str, email: str | None = None, transponders: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        return users.add_user(users.NewUser(name, email, tuple(transponders)))

    @_in_database
    def import_users(self, path: str | Path) -> Counts:
        return users.import_users(Path(path))

    @_in_database
    def list_users(self) -> list[dict[str, Any]]:
        return users.list_users()

    @_in_database
    def list_links(
        self, user_id: int | None = None, status: str | None = None
    ) -> list[dict[str, Any]]:
        return users.links(user_id, status)

    @_in_database
    def confirm_link(self, link_id: int) -> dict[str, Any]:
        return users.decide(link_id, LINK_CONFIRMED)

    @_in_database
    def reject_link(self, link_id: int) -> dict[str, Any]:
        return users.decide(link_id, LINK_REJECTED)

    @_in_database
    def match_users(
        self, event: str | int | None = None, source: str | None = None
    ) -> OperationReport:
        """Run the matcher on one event, or on every event with races stored (laps_full,
        or laps_partial: an event ingested while it ran has drivers to match already)."""
        self._check_source(source, reading=True)
        targets = (
            [find_event(event, source)]
            if event is not None
            else list(
                Event.select()
                .where(Event.ingest_depth.in_((DEPTH_LAPS_PARTIAL, DEPTH_LAPS_FULL)))
                .order_by(Event.id)
            )
        )

        def body(run: RunRecorder) -> None:
            run.progress("matching", done=0, total=len(targets))
            self.matcher.match_events(
                targets,
                run.report.counts,
                lambda target: run.advance(f"event {target.source_event_id} matched"),
            )

        label = str(event) if event is not None else "all ingested events"
        return self._run_now("match_users", source or "all", label, {}, body=body)

    # --- reading back ------------------------------------------------------------

    @_in_database
    def list_tracks(
        self, source: str | None = None, include_inactive: bool = False
    ) -> list[dict[str, Any]]:
        self._check_source(source, reading=True)
        return queries.tracks(source, include_inactive)

    @_in_database
    def list_events(self, track: str | int, source: str | None = None) -> list[dict[str, Any]]:
        self._check_source(source, reading=True)
        return queries.events(find_track(track, source))

    @_in_database
    def event_detail(
        self,
        event: str | int,
        source: str | None = None,
        with_laps: bool = False,
        with_cells: bool = True,
    ) -> dict[str, Any]:
        """The event, its races and every result. `with_cells=False` leaves out each
        result's cells as the site showed them (`raw_cells`), which a page of results
        does not show and a 1,500-result event spends milliseconds decoding."""
        self._check_source(source, reading=True)
        return queries.event_detail(find_event(event, source), with_laps, with_cells)

    @_in_database
    def search_events(
        self,
        track: str | int | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        q: str | None = None,
        depth: str | None = None,
        limit: int = 50,
        offset: int = 0,
        source: str | None = None,
    ) -> dict[str, Any]:
        """The events held between two dates (each bound inclusive, either may be None),
        of one track or all: `{"items": [...], "total": N}`, newest first."""
        wanted = search.EventSearch(date_from, date_to, q, depth, limit, offset)
        self._check_source(source, reading=True)
        found = find_track(track, source) if track is not None else None
        return search.search_events(wanted, found, source)

    @_in_database
    def race_laps(self, race: str | int, source: str | None = None) -> dict[str, Any]:
        """Every driver's laps of one race (`id:N` or the source's race id), with the
        position on each lap: what a lap chart draws."""
        self._check_source(source, reading=True)
        return race_laps.race_laps(race_laps.find_race(race, source))

    @_in_database
    def run_logs(self, run_id: int, after_id: int = 0, limit: int = 500) -> list[dict[str, Any]]:
        """A run's stored log lines after line `after_id`, oldest first (follow a run by
        asking again with the last id seen)."""
        return read_lines(run_id, after_id, limit)

    @_in_database
    def list_runs(self, limit: int = 20, status: str | None = None) -> list[dict[str, Any]]:
        job_queue.close_dead(self.settings.lock_ttl_s, self.dispatch)
        return queries.runs(limit, status)

    @_in_database
    def run_detail(self, run_id: int) -> dict[str, Any]:
        job_queue.close_dead(self.settings.lock_ttl_s, self.dispatch)
        return queries.run(run_id)

    @_in_database
    def running(self) -> list[dict[str, Any]]:
        """What is running now, with progress. Runs whose process died are closed first;
        one silent for two heartbeats shows as stale (closed once silent past the TTL)."""
        job_queue.close_dead(self.settings.lock_ttl_s, self.dispatch)
        return queries.running(silent_after_s=2 * self.settings.heartbeat_s)

    # --- drivers: search, history, head to head (issue #13; see service/drivers.py) -----

    @_in_database
    def search_drivers(
        self, name: str, limit: int = 50, source: str | None = None
    ) -> dict[str, Any]:
        """Drivers whose normalised name contains `name`: `{"items": [...], "total": N}`."""
        self._check_source(source, reading=True)
        return drivers.search_drivers(name, limit, source)

    @_in_database
    def driver_history(
        self, driver: str | int, track: str | int | None = None, source: str | None = None
    ) -> dict[str, Any]:
        """Every event and race of a driver (the source's driver id, `id:N` or a name),
        through merged and confirmed-linked ids, with personal bests per track and class."""
        self._check_source(source, reading=True)
        found = drivers.find_driver(driver, source)
        return drivers.driver_history(found, drivers.resolve_track(track, source))

    @_in_database
    def compare_drivers(
        self,
        a: str | int,
        b: str | int,
        event: str | int | None = None,
        source: str | None = None,
    ) -> dict[str, Any]:
        """Head to head in the races two drivers both ran (of one event, if given)."""
        self._check_source(source, reading=True)
        first, second = drivers.find_driver(a, source), drivers.find_driver(b, source)
        return drivers.compare_drivers(first, second, drivers.resolve_event(event, source))

    def export(self, table: str, fmt: str | None = None, out: Any = None, **scope: Any) -> Any:
        """Write export `table` (results, laps, events, drivers) as csv, jsonl or parquet to
        `out` (a path, "-" or None for stdout, or a stream); `scope`: event, track,
        date_from, date_to, source (see mre_core.export.service_api.export). Reads only.
        It binds the database itself, for the length of one read-only transaction."""
        from mre_core.export.service_api import export

        self._check_source(scope.get("source"), reading=True)
        return export(self, table, fmt, out, **scope)

    # --- practice days, sessions and laps (issue #13; see service/practice_sync.py) ----

    @_in_database
    def practice_sync(
        self,
        track: str | int,
        day: date | str | None = None,
        month: str | None = None,
        force: bool = False,
        source: str | None = None,
    ) -> OperationReport:
        """Sync one practice day of a track (its sessions and laps: 1 + sessions
        requests) or one month (its calendar: the days, 1 request). Exactly one of
        `day` (a date or 'YYYY-MM-DD') and `month` ('YYYY-MM'). A past day read in
        full after it ended is not fetched again without `force` (already_complete)."""
        if (day is None) == (month is None):
            raise UsageError(
                "name exactly one of a practice day (YYYY-MM-DD) and a month (YYYY-MM)"
            )
        if isinstance(day, str):
            day = _practice_day(day)
        if month is not None:
            month = _practice_month(month)
        self._check_source(source)
        found = find_track(track, source)
        if not self.registry.get(found.source).can("practice"):
            raise UsageError(
                f"source {found.source!r} has no practice days (capability 'practice')"
            )
        params = {"day": day.isoformat() if day else None, "month": month, "force": force}
        target = practice_sync.target(found, day, month)
        return self._run_now(practice_sync.OPERATION, found.source, target, params)

    @_in_database
    def practice_days(self, track: str | int, source: str | None = None) -> list[dict[str, Any]]:
        """The practice days stored for a track, newest first, with their session and
        lap counts as stored (no network)."""
        self._check_source(source, reading=True)
        return practice_sync.stored_days(find_track(track, source))


def _practice_day(text: str) -> date:
    """'2025-10-25' -> the date; anything else is a usage error (exit 2)."""
    text = text.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise UsageError(f"{text[:40]!r} is not a day (YYYY-MM-DD)")


def _practice_month(text: str) -> str:
    """'2025-10' as is; anything else is a usage error (exit 2)."""
    text = text.strip()
    try:
        if len(text) == 7:
            date.fromisoformat(f"{text}-01")
            return text
    except ValueError:
        pass
    raise UsageError(f"{text[:40]!r} is not a month (YYYY-MM)")
