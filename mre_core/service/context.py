"""What an operation is handed: never the service itself.

Operations (track sync, event sync, event ingest) get exactly what they use,
so they can run in the service's thread, in a worker's, or in another
process, and never call back into the service. The models they read and
write go to the database the caller bound (`storage.use_database`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import peewee

from mre_core.http import HttpClient
from mre_core.plugins import ConnectorRegistry
from mre_core.service.reports import OperationReport
from mre_core.settings import Settings
from mre_core.storage.counts import Counts
from mre_core.storage.models import Event

AfterIngest = Callable[[Event, Counts], None]
# Ingest one event as a child run of `parent_run_id`: (event id, source, parent) -> its report.
IngestChild = Callable[[str, str, int], OperationReport]
# Queue one event's ingest as a child job instead: (event id, source, parent) -> the submission.
EnqueueChild = Callable[[str, str, int], Any]


@dataclass(slots=True)
class OperationContext:
    db: peewee.Database
    registry: ConnectorRegistry
    http: HttpClient
    settings: Settings
    # A cassette answers in the order it was recorded: fetch one page at a time.
    replaying: bool
    ingest_child: IngestChild
    # Run after an event's races are written and before it is marked laps_full
    # (matching the app's users to its drivers is the first).
    after_event_ingested: list[AfterIngest] = field(default_factory=list)
    # Set when the operation runs as a job: children are queued, not run here.
    enqueue_child: EnqueueChild | None = None
