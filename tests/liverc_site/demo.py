"""The bundled demo: a small synthetic LiveRC, and cassettes/demo.yaml recorded from it.

The cassette is recorded the way a user would record one: the real `mre`
commands with `--record`, against the simulator on loopback. Everything in
it is generated; none of it is a real race result.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .generate import generate_site
from .model import Event, Site, Track
from .server import LiveRCSimulator
from .site import SitePages

DEMO_SEED = 2026
ROOT = Path(__file__).resolve().parents[2]
DEMO_CASSETTE = ROOT / "cassettes" / "demo.yaml"


def demo_site() -> Site:
    return generate_site(
        DEMO_SEED, tracks=3, events_per_track=2, races=6, drivers_per_race=8, laps_per_race=10
    )


def demo_event(site: Site) -> tuple[Track, Event]:
    track = site.tracks[0]
    return track, next(e for e in track.events if e.races)


def demo_commands(site: Site) -> list[list[str]]:
    """The three operations, as the README and examples/demo.sh run them."""
    track, event = demo_event(site)
    return [
        ["tracks", "sync"],
        ["events", "refresh", "--track-id", track.slug.lower(), "--depth", "none"],
        ["events", "ingest", "--event", str(event.event_id), "--depth", "laps_full"],
    ]


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def record(cassette: Path, database: Path) -> None:
    """Record the demo cassette afresh (any old one at `cassette` is replaced)."""
    from mre_core.cli.main import main

    site = demo_site()
    cassette.unlink(missing_ok=True)
    with (
        LiveRCSimulator(SitePages(site)) as sim,
        _environment(
            MRE_HTTP_RESOLVE=f"*.liverc.com=127.0.0.1:{sim.port}", MRE_HTTP_MIN_INTERVAL_S="0"
        ),
    ):
        for args in demo_commands(site):
            code = main(["-q", "--db", f"sqlite:///{database}", "--record", str(cassette), *args])
            if code != 0:
                raise RuntimeError(f"mre {' '.join(args)} exited {code} while recording")
