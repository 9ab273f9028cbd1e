"""Driving one connector through a case: its hooks directly, or the whole service.

`load_connector` finds the connector as mre would (an installed source name)
or as its author has it at hand (`package.module`, not installed yet).
`read_records` calls the hooks a case needs, in the order the service does,
through `RecordedHttp`; `ingest` runs the real service on a database.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mre_core.errors import MreError
from mre_core.http.cassette import Cassette
from mre_core.kit.cases import Case
from mre_core.kit.cassettes import CassettePages, RecordedHttp
from mre_core.kit.snapshot import snapshot
from mre_core.plugins import Connector, ConnectorRegistry
from mre_core.records import (
    EntryRecord,
    EventRecord,
    RaceDetail,
    RaceRecord,
    TrackRecord,
)
from mre_core.service.ingestion import IngestionService
from mre_core.service.reports import OperationReport
from mre_core.settings import Settings
from mre_core.storage import use_database


@dataclass(slots=True)
class Loaded:
    """The connector under test, or why it could not be loaded."""

    registry: ConnectorRegistry
    connector: Connector | None
    problem: str | None


def load_connector(spec: str) -> Loaded:
    """`spec`: an installed connector's source name, or the module (or `module:object`)
    that holds its hooks."""
    if "." not in spec and ":" not in spec:
        registry = ConnectorRegistry.discover()
        for connector in registry.connectors():
            if connector.source == spec:
                return Loaded(registry, connector, None)
        failed = [f.error for f in registry.failures if f.name == spec]
        installed = ", ".join(c.source for c in registry.connectors()) or "none"
        why = failed[0] if failed else f"no installed connector {spec!r} (installed: {installed})"
        return Loaded(registry, None, why)
    module_name, _, attribute = spec.partition(":")
    registry = ConnectorRegistry()
    try:
        plugin = importlib.import_module(module_name)
        if attribute:
            plugin = getattr(plugin, attribute)
    except (ImportError, AttributeError) as exc:
        return Loaded(registry, None, f"cannot import {spec}: {exc}")
    connector = registry.register(plugin, name=spec)
    problem = registry.failures[0].error if connector is None else None
    return Loaded(registry, connector, problem)


@dataclass(slots=True)
class EventRecords:
    event_id: str
    entries: list[EntryRecord] | None
    races: list[RaceRecord]
    details: list[RaceDetail]
    requests: int
    # The URLs each race's fetch_laps asked for, by race id: where faults go.
    race_urls: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class CaseRecords:
    track: TrackRecord
    events: list[EventRecord]
    ingested: list[EventRecords]
    asked: list[str]


def read_records(connector: Connector, pages: CassettePages, case: Case) -> CaseRecords:
    """Every record the case's track and events give, hook by hook (errors propagate)."""
    http = RecordedHttp(pages, connector.info)
    track = _track(connector, http, case.track)
    events = connector.call("list_events_for_track", http=http, track_slug=case.track)
    ingested = [_event(connector, http, case.track, event_id) for event_id in case.events]
    return CaseRecords(track, events, ingested, list(http.asked))


def _track(connector: Connector, http: RecordedHttp, track_id: str) -> TrackRecord:
    if connector.can("track_lookup"):
        return connector.call("fetch_track", http=http, track_slug=track_id)
    tracks = connector.call("list_tracks", http=http)
    for track in tracks:
        if track.source_track_slug.lower() == track_id.lower():
            return track
    raise AssertionError(f"the catalogue does not list track {track_id!r}")


def _event(connector: Connector, http: RecordedHttp, track: str, event_id: str) -> EventRecords:
    before = http.requests
    entries = None
    if connector.can("entry_list"):
        entries = connector.call("fetch_entry_list", http=http, track_slug=track, event_id=event_id)
    races = connector.call("fetch_races", http=http, track_slug=track, event_id=event_id)
    details, race_urls = [], {}
    for race in races:
        start = len(http.asked)
        details.append(
            connector.call("fetch_laps", http=http, track_slug=track, race=race, known_digest=None)
        )
        race_urls[race.source_race_id] = http.asked[start:]
    return EventRecords(event_id, entries, races, details, http.requests - before, race_urls)


@dataclass(slots=True)
class Ingested:
    reports: list[OperationReport]
    snapshot: dict[str, list[dict[str, Any]]]  # the database's content, ids left out


def ingest(
    registry: ConnectorRegistry,
    source: str,
    case: Case,
    settings: Settings,
    cassette: Path | None = None,
    force: bool = False,
) -> Ingested:
    """The case through the real service: the track, its events, each event whole.

    With `cassette` the cassette is replayed; without, requests go where
    `settings` sends them (the fault server). An event that fails is
    reported by its run (its error kept on the report), not raised, so the
    database it leaves can be looked at.
    """
    replay = Cassette(cassette, "replay") if cassette is not None else None
    with IngestionService.open(settings=settings, cassette=replay, registry=registry) as service:
        if registry.get(source).can("catalogue"):
            service.sync_tracks(source)
        else:
            service.add_track(source, case.track)
        service.refresh_events(case.track, source=source)
        reports = []
        for event_id in case.events:
            try:
                reports.append(service.ingest_event(event_id, force=force, source=source))
            except MreError as exc:
                reports.append(exc.report)
        with use_database(service.db):
            return Ingested(reports, snapshot())
