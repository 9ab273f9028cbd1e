"""Canonical URL -> page bytes for a synthetic site, rendered on demand.

A 120-race event is never held in memory as pages: a lookup renders the one
page asked for (a small LRU keeps recent ones). Overrides replace a page,
make it 404, or inject the faults a scraper must survive (an entry list with
no entries, a race page whose ``racerLaps`` script is cut mid-object).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode, urlsplit

from . import render
from .model import Event, Race, Site, Track

CATALOGUE_HOST = "live.liverc.com"
DOMAIN = ".liverc.com"


def canonical_url(url: str) -> str:
    """Normalise a LiveRC URL so equivalent spellings share one key.

    Scheme-less (``//host/...``), ``http``, upper-case hosts, a port, ``&amp;``,
    any parameter order and a missing trailing slash on ``/events`` or
    ``/results`` all map to ``https://host/path/?p=...&id=...``.
    """
    url = url.strip().replace("&amp;", "&")
    if url.startswith("//"):
        url = "https:" + url
    elif "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    path = parts.path or "/"
    if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        path += "/"
    params = parse_qsl(parts.query, keep_blank_values=True)
    order = {"p": 0, "id": 1}
    params.sort(key=lambda kv: (order.get(kv[0], 2), kv[0]))
    query = urlencode(params, safe="/:,")
    return f"https://{host}{path}" + (f"?{query}" if query else "")


def catalogue_url() -> str:
    return f"https://{CATALOGUE_HOST}/"


def events_url(slug: str) -> str:
    return f"https://{slug.lower()}{DOMAIN}/events/"


def event_url(slug: str, event_id: int) -> str:
    return f"https://{slug.lower()}{DOMAIN}/results/?p=view_event&id={event_id}"


def entry_list_url(slug: str, event_id: int) -> str:
    return f"https://{slug.lower()}{DOMAIN}/results/?p=view_entry_list&id={event_id}"


def race_url(slug: str, race_id: int) -> str:
    return f"https://{slug.lower()}{DOMAIN}/results/?p=view_race_result&id={race_id}"


@dataclass(frozen=True)
class Route:
    """What a canonical URL points at."""

    kind: str  # "catalogue" | "events" | "event" | "entry_list" | "race"
    track: Track | None = None
    event: Event | None = None
    race: Race | None = None


def malformed_racer_laps(page: str, *, mode: str = "cut", driver_index: int = 0) -> str:
    """Break the ``racerLaps`` script of a race page.

    ``mode="cut"``: one driver's object stops in the middle of its laps array
    (unbalanced braces) and the script carries on with the next driver, the
    rest of the page intact. ``mode="truncate"``: the page itself ends there.
    """
    starts = [m.start() for m in re.finditer(r"racerLaps\[\d+\] = \{", page)]
    if not starts:
        raise ValueError("page has no racerLaps block")
    start = starts[min(driver_index, len(starts) - 1)]
    cut = page.find("'time' : '", page.find("'lapNum' : '1'", start))
    if cut < 0:  # a non-starter: cut inside its stats instead
        cut = page.find("'avgLap'", start)
    cut = page.find("\n", cut) + 1
    if mode == "truncate":
        return page[:cut]
    if mode != "cut":
        raise ValueError(f"unknown mode {mode!r}")
    resume = page.find("positionDataDriver = {};", cut)
    if resume < 0:
        resume = page.find("</script>", cut)
    resume = page.rfind("\n", 0, resume) + 1
    return page[:cut] + page[resume:]


class SitePages(Mapping[str, bytes]):
    """Read-only mapping canonical URL -> UTF-8 page, plus overrides for fault scenarios.

    Lookups accept any spelling :func:`canonical_url` understands. Thread-safe:
    the simulator serves it from many threads.
    """

    def __init__(self, site: Site, *, cache_size: int = 32) -> None:
        self.site = site
        self._overrides: dict[str, bytes | None] = {}
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._races: dict[tuple[str, int], tuple[Track, Event, Race]] = {}
        for track in site.tracks:
            for event in track.events:
                for race in event.races:
                    self._races[(track.slug.lower(), race.race_id)] = (track, event, race)

    # -- routing ----------------------------------------------------------

    def route(self, url: str) -> Route | None:
        """The page a URL names in the generated site, or None (ignores overrides)."""
        parts = urlsplit(canonical_url(url))
        host, path = parts.hostname or "", parts.path
        params = dict(parse_qsl(parts.query))
        if host == CATALOGUE_HOST:
            return Route("catalogue") if path == "/" and not params else None
        if not host.endswith(DOMAIN):
            return None
        track = self.site.track(host[: -len(DOMAIN)])
        if track is None:
            return None
        if path == "/events/" and not params:
            return Route("events", track)
        if path != "/results/" or not params.get("id", "").isdigit():
            return None
        page, ident = params.get("p"), int(params["id"])
        if page in ("view_event", "view_entry_list"):
            event = track.event(ident)
            if event is None:
                return None
            return Route("event" if page == "view_event" else "entry_list", track, event)
        if page == "view_race_result":
            found = self._races.get((track.slug.lower(), ident))
            if found is None:
                return None
            _, event, race = found
            if event.races_run is not None and not any(r is race for r in event.listed_races):
                return None  # not run yet: no page
            return Route("race", *found)
        return None

    def render(self, route: Route) -> str:
        """Render a routed page (no overrides, no cache)."""
        if route.kind == "catalogue":
            return render.render_catalogue(self.site)
        assert route.track is not None
        if route.kind == "events":
            return render.render_track_events(route.track)
        assert route.event is not None
        if route.kind == "event":
            return render.render_event(route.track, route.event)
        if route.kind == "entry_list":
            return render.render_entry_list(route.track, route.event)
        assert route.race is not None
        race = route.race
        if race.race_id in route.event.unscored:
            race = replace(race, results=[])
        return render.render_race_result(route.track, route.event, race)

    # -- mapping ----------------------------------------------------------

    def __getitem__(self, url: str) -> bytes:
        key = canonical_url(url)
        with self._lock:
            if key in self._overrides:
                body = self._overrides[key]
                if body is None:
                    raise KeyError(url)
                return body
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        route = self.route(key)
        if route is None:
            raise KeyError(url)
        body = self.render(route).encode("utf-8")
        with self._lock:
            self._cache[key] = body
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return body

    def __contains__(self, url: object) -> bool:
        if not isinstance(url, str):
            return False
        key = canonical_url(url)
        with self._lock:
            if key in self._overrides:
                return self._overrides[key] is not None
        return self.route(key) is not None

    def _generated_urls(self) -> Iterator[str]:
        yield catalogue_url()
        for track in self.site.tracks:
            yield events_url(track.slug)
            for event in track.events:
                yield event_url(track.slug, event.event_id)
                yield entry_list_url(track.slug, event.event_id)
                for race in event.listed_races:
                    yield race_url(track.slug, race.race_id)

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            overrides = dict(self._overrides)
        for url in self._generated_urls():
            if overrides.pop(url, b"") is not None:
                yield url
        yield from (url for url, body in overrides.items() if body is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    # -- overrides --------------------------------------------------------

    def override(self, url: str, body: bytes | str) -> None:
        """Serve ``body`` at ``url`` (also adds pages the site does not have)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self._lock:
            self._overrides[canonical_url(url)] = data

    def remove(self, url: str) -> None:
        """Make ``url`` answer 404."""
        with self._lock:
            self._overrides[canonical_url(url)] = None

    def restore(self, url: str) -> None:
        """Drop any override of ``url``."""
        with self._lock:
            self._overrides.pop(canonical_url(url), None)

    def clear_overrides(self) -> None:
        with self._lock:
            self._overrides.clear()

    def empty_entry_list(self, slug: str, event_id: int) -> str:
        """Serve the event's entry list with no entries at all; returns its URL."""
        url = entry_list_url(slug, event_id)
        route = self.route(url)
        if route is None or route.event is None or route.track is None:
            raise KeyError(url)
        empty = replace(route.event, entries=[])
        self.override(url, render.render_entry_list(route.track, empty))
        return url

    def race_day(
        self, slug: str, event_id: int, races_run: int | None, unscored: Iterable[int] = ()
    ) -> None:
        """Show the event as LiveRC does while it runs: its page lists its first
        ``races_run`` races (0: an upcoming event; None: all, the event is over), the
        pages of ``unscored`` show no results yet (see ``Event.races_run``). Pages
        rendered before are dropped: they showed the event as it was."""
        track = self.site.track(slug)
        event = track.event(event_id) if track is not None else None
        if event is None:
            raise KeyError(event_url(slug, event_id))
        event.races_run = races_run
        event.unscored = frozenset(unscored)
        with self._lock:
            self._cache.clear()

    def malform_race(
        self, slug: str, race_id: int, *, mode: str = "cut", driver_index: int = 0
    ) -> str:
        """Serve the race page with a broken ``racerLaps`` block; returns its URL."""
        url = race_url(slug, race_id)
        route = self.route(url)
        if route is None:
            raise KeyError(url)
        page = malformed_racer_laps(self.render(route), mode=mode, driver_index=driver_index)
        self.override(url, page)
        return url
