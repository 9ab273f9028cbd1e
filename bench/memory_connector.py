"""A connector that serves records parsed beforehand: deep ingestion without HTTP or parsing.

The write measurement drives mre's real deep ingestion (service, run
record, lock, entry list, race by race, event marked last) through its
public API; only the connector is swapped for this one, which hands back
what the LiveRC connector parsed from the same pages earlier. What is left
to time is what deep ingestion does with the records: the writing.
"""

from __future__ import annotations

from mre_core.connector import (
    ConnectorInfo,
    EntryRecord,
    EventRecord,
    RaceDetail,
    RaceRecord,
    TrackRecord,
    hookimpl,
)
from mre_core.plugins import ConnectorRegistry

SOURCE = "memory"


class MemoryConnector:
    def __init__(
        self,
        track: TrackRecord,
        events: list[EventRecord],
        entries: list[EntryRecord],
        races: list[RaceRecord],
        details: dict[str, RaceDetail],
    ) -> None:
        self.track = track
        self.events = events
        self.entries = entries
        self.races = races
        self.details = details

    @hookimpl
    def describe_connector(self) -> ConnectorInfo:
        return ConnectorInfo(
            source=SOURCE,
            version="1",
            hosts=("memory.invalid",),
            contract="1.0",
            capabilities=("catalogue", "entry_list", "laps"),
        )

    @hookimpl
    def list_tracks(self, http: object) -> list[TrackRecord]:
        return [self.track]

    @hookimpl
    def list_events_for_track(self, http: object, track_slug: str) -> list[EventRecord]:
        return self.events

    @hookimpl
    def fetch_entry_list(self, http: object, track_slug: str, event_id: str) -> list[EntryRecord]:
        return self.entries

    @hookimpl
    def fetch_races(self, http: object, track_slug: str, event_id: str) -> list[RaceRecord]:
        return self.races

    @hookimpl
    def fetch_laps(self, http: object, track_slug: str, race: RaceRecord) -> RaceDetail:
        return self.details[race.source_race_id]

    def registry(self) -> ConnectorRegistry:
        """A registry holding only this connector."""
        registry = ConnectorRegistry()
        if registry.register(self, name=SOURCE) is None:
            raise RuntimeError(f"the memory connector did not load: {registry.failures}")
        return registry
