"""Synthetic LiveRC for tests and benchmarks: generator, renderer, loopback simulator.

``generate_event`` / ``generate_site`` build a consistent synthetic world,
``render_*`` turn it into pages in the markup of the real LiveRC pages,
``SitePages`` maps URLs to those pages lazily (with fault overrides), and
``LiveRCSimulator`` serves them over HTTP on 127.0.0.1 with fault injection.
"""

from .generate import generate_event, generate_site, order_results, site_for_event
from .model import Driver, Entry, Event, Lap, Race, Result, Round, Site, Track
from .render import (
    render_catalogue,
    render_entry_list,
    render_event,
    render_race_result,
    render_track_events,
)
from .server import Fault, LiveRCSimulator, RequestRecord
from .site import (
    SitePages,
    canonical_url,
    catalogue_url,
    entry_list_url,
    event_url,
    events_url,
    malformed_racer_laps,
    race_url,
)

__all__ = [
    "Driver",
    "Entry",
    "Event",
    "Fault",
    "Lap",
    "LiveRCSimulator",
    "Race",
    "RequestRecord",
    "Result",
    "Round",
    "Site",
    "SitePages",
    "Track",
    "canonical_url",
    "catalogue_url",
    "entry_list_url",
    "event_url",
    "events_url",
    "generate_event",
    "generate_site",
    "malformed_racer_laps",
    "order_results",
    "race_url",
    "render_catalogue",
    "render_entry_list",
    "render_event",
    "render_race_result",
    "render_track_events",
    "site_for_event",
]
