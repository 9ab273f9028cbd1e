"""The benchmark's inputs: one large event and a large track catalogue, served on loopback.

Everything comes from the LiveRC site generator, seeded, so every run on
every machine ingests byte-identical pages and no network is needed. Pages
are rendered once, up front, and kept in memory: the simulator then only
copies bytes to a socket, so the time it takes to *make* a page (which the
real LiveRC does on its own servers) never counts as mre's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tests.liverc_site import (
    LiveRCSimulator,
    Site,
    SitePages,
    catalogue_url,
    entry_list_url,
    event_url,
    events_url,
    generate_site,
    race_url,
)


@dataclass(frozen=True, slots=True)
class Size:
    """How big the generated world is."""

    name: str
    races: int
    drivers_per_race: int
    laps_per_race: int
    catalogue_tracks: int
    seed: int = 2026


# A national event: 120 races of 12 drivers, about 30 laps each (40,314 laps
# with this seed), and a catalogue the size of LiveRC's own (~1,100 tracks).
FULL = Size("full", races=120, drivers_per_race=12, laps_per_race=30, catalogue_tracks=1100)
# The same shapes, small enough that the whole benchmark runs in under a minute.
QUICK = Size("quick", races=12, drivers_per_race=12, laps_per_race=30, catalogue_tracks=200)


@dataclass(slots=True)
class Inputs:
    size: Size
    site: Site
    pages: SitePages
    track_slug: str  # lower case, as mre stores it
    event_id: str
    race_urls: list[str]
    laps: int
    entries: int

    @property
    def races(self) -> int:
        return len(self.race_urls)

    def event_page_urls(self) -> list[str]:
        """The pages one deep ingestion fetches, in the order it fetches them."""
        event_id = int(self.event_id)
        return [
            entry_list_url(self.track_slug, event_id),
            event_url(self.track_slug, event_id),
            *self.race_urls,
        ]

    def all_urls(self) -> list[str]:
        return [catalogue_url(), events_url(self.track_slug), *self.event_page_urls()]


def build(size: Size) -> Inputs:
    """Generate the site: one track with the large event, plus catalogue-only tracks."""
    site = generate_site(
        size.seed,
        tracks=1,
        events_per_track=1,
        races=size.races,
        drivers_per_race=size.drivers_per_race,
        laps_per_race=size.laps_per_race,
        catalogue_only_tracks=size.catalogue_tracks - 1,
    )
    track = site.tracks[0]
    event = track.events[0]
    slug = track.slug.lower()
    # Cache every page: rendered once here, served from memory afterwards.
    pages = SitePages(site, cache_size=size.races + 16)
    inputs = Inputs(
        size=size,
        site=site,
        pages=pages,
        track_slug=slug,
        event_id=str(event.event_id),
        race_urls=[race_url(slug, race.race_id) for race in event.races],
        laps=sum(len(result.laps) for race in event.races for result in race.results),
        entries=len(event.entries),
    )
    for url in inputs.all_urls():
        pages[url]
    return inputs


@contextmanager
def serve(inputs: Inputs) -> Iterator[LiveRCSimulator]:
    """The simulated LiveRC on 127.0.0.1, no added latency until a measurement sets one."""
    with LiveRCSimulator(inputs.pages) as simulator:
        yield simulator


def resolve_to(simulator: LiveRCSimulator) -> str:
    """The MRE_HTTP_RESOLVE value that sends every *.liverc.com request to the simulator."""
    return f"*.liverc.com=127.0.0.1:{simulator.port}"
