"""The service: the one door to ingestion for the CLI, a web console or an app.

It owns the database connection, the connectors and the HTTP client, and
runs the three operations in their modules (track_sync, event_sync,
event_ingest). Nothing outside it calls a connector.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import peewee
from loguru import logger

from mre_core.errors import UsageError
from mre_core.http import HttpClient
from mre_core.http.cassette import Cassette
from mre_core.plugins import ConnectorRegistry
from mre_core.service import event_ingest, event_sync, queries, track_sync
from mre_core.service.lookup import find_event, find_track
from mre_core.service.reports import OperationReport
from mre_core.settings import Settings
from mre_core.storage import open_database
from mre_core.storage.counts import Counts
from mre_core.storage.models import DEPTH_LAPS_FULL, Event

AfterIngest = Callable[[Event, Counts], None]


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
        self.http = HttpClient(settings, cassette)
        # Steps run after an event's races are written and before it is marked
        # laps_full, in one place: matching the app's users to the event's
        # drivers (step 9 of deep ingestion) is registered here.
        self.after_event_ingested: list[AfterIngest] = []
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
        if not self.db.is_closed():
            self.db.close()

    def __enter__(self) -> IngestionService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the three operations -------------------------------------------------

    def sync_tracks(self, source: str = "liverc") -> OperationReport:
        return self._run(lambda: track_sync.sync_tracks(self, source), "sync_tracks", source)

    def refresh_events(
        self,
        track: str | int,
        depth: str = "none",
        ingest_all: bool = False,
        source: str | None = None,
    ) -> OperationReport:
        found = find_track(track, source)
        return self._run(
            lambda: event_sync.refresh_events(self, found, depth, ingest_all),
            "refresh_events",
            found.source_track_slug,
        )

    def ingest_event(
        self,
        event: str | int,
        depth: str = DEPTH_LAPS_FULL,
        force: bool = False,
        source: str | None = None,
    ) -> OperationReport:
        if depth != DEPTH_LAPS_FULL:
            raise UsageError(f"deep ingestion has one depth, laps_full (not {depth!r})")
        found = find_event(event, source)
        return self._run(
            lambda: event_ingest.ingest_event(self, found, force),
            "ingest_event",
            found.source_event_id,
        )

    # --- reading back ------------------------------------------------------------

    def list_tracks(
        self, source: str | None = None, include_inactive: bool = False
    ) -> list[dict[str, Any]]:
        return queries.tracks(source, include_inactive)

    def list_events(self, track: str | int, source: str | None = None) -> list[dict[str, Any]]:
        return queries.events(find_track(track, source))

    def event_detail(
        self, event: str | int, source: str | None = None, with_laps: bool = False
    ) -> dict[str, Any]:
        return queries.event_detail(find_event(event, source), with_laps)

    def connectors(self) -> ConnectorRegistry:
        return self.registry

    def _run(
        self, operation: Callable[[], OperationReport], name: str, target: str
    ) -> OperationReport:
        with logger.contextualize(operation=name, target=target):
            logger.info("{} {}: started", name, target)
            report = operation()
            logger.info(
                "{} {}: {} ({} requests) {}",
                name,
                target,
                report.status,
                report.requests,
                report.counts.summary(),
            )
            return report
