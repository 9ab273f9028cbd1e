"""Plain dataclasses for a synthetic LiveRC world.

The generator fills these, the renderer turns them into LiveRC markup, and
tests compare what a parser reads back against them. Every time is an
integer number of milliseconds so that sums (laps -> total) are exact, the
same check a parser runs on real pages.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime


def round_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounded half up, so stats never depend on float quirks."""
    return (2 * numerator + denominator) // (2 * denominator)


@dataclass(frozen=True)
class Driver:
    """A racer. ``driver_id`` is LiveRC's id (``data-driver-id``), stable across races.

    ``spacer`` is what LiveRC prints between first and last name: normally one
    space, two for the real "double space" oddity.
    """

    driver_id: int
    first: str
    last: str
    transponder: str
    spacer: str = " "

    @property
    def display_name(self) -> str:
        """Name as race results and entry lists show it: "FIRST LAST"."""
        return f"{self.first}{self.spacer}{self.last}"

    @property
    def sort_name(self) -> str:
        """Hidden sort key of the entry list: "LAST, FIRST"."""
        return f"{self.last}, {self.first}"


@dataclass(frozen=True)
class Lap:
    """One completed lap: running position, lap time and LiveRC's projected pace."""

    number: int
    position: int
    time_ms: int
    pace: str


@dataclass
class Result:
    """One driver's line in a race: the table row plus its ``racerLaps`` block.

    ``behind`` is the text of the Behind cell exactly as LiveRC shows it. The
    statistics are derived from ``laps`` the way LiveRC computes them; each is
    ``None`` where the page shows an empty cell.
    """

    position: int
    driver: Driver
    car_number: int
    qualifying_position: int
    laps: list[Lap]
    started: bool = True
    behind: str = ""
    name_prefix: str = ""

    @property
    def shown_name(self) -> str:
        """Driver cell text: a qualifying number may precede the name ("1 AUSTIN MCMAHON")."""
        return f"{self.name_prefix}{self.driver.display_name}"

    @property
    def lap_count(self) -> int:
        return len(self.laps)

    @property
    def total_ms(self) -> int:
        return sum(lap.time_ms for lap in self.laps)

    @property
    def _times(self) -> list[int]:
        return [lap.time_ms for lap in self.laps]

    @property
    def fastest_lap_ms(self) -> int | None:
        return min(self._times) if self._times else None

    @property
    def fastest_lap_number(self) -> int | None:
        if not self._times:
            return None
        return self._times.index(min(self._times)) + 1

    @property
    def avg_lap_ms(self) -> int | None:
        if not self._times:
            return None
        return round_half_up(self.total_ms, len(self._times))

    def _avg_top(self, k: int) -> int | None:
        if len(self._times) < k:
            return None
        return round_half_up(sum(sorted(self._times)[:k]), k)

    @property
    def avg_top5_ms(self) -> int | None:
        return self._avg_top(5)

    @property
    def avg_top10_ms(self) -> int | None:
        return self._avg_top(10)

    @property
    def avg_top15_ms(self) -> int | None:
        return self._avg_top(15)

    def _top_consecutive(self, k: int) -> int | None:
        t = self._times
        if len(t) < k:
            return None
        return min(sum(t[i : i + k]) for i in range(len(t) - k + 1))

    @property
    def top2_consecutive_ms(self) -> int | None:
        return self._top_consecutive(2)

    @property
    def top3_consecutive_ms(self) -> int | None:
        return self._top_consecutive(3)

    @property
    def std_deviation_ms(self) -> int | None:
        """Sample standard deviation of the lap times (LiveRC's figures match n-1)."""
        t = self._times
        if not t:
            return None
        if len(t) == 1:
            return 0
        return round(statistics.stdev(t))

    @property
    def std_deviation(self) -> float | None:
        """Standard deviation in seconds, as the ``racerLaps`` block writes it."""
        sd = self.std_deviation_ms
        return None if sd is None else sd / 1000

    @property
    def consistency(self) -> float | None:
        """Percent, 3 decimals: 100 * (1 - stddev / avg lap), from the shown values.

        Real pages obey this to the last digit (2.799 / 38.983 -> 92.820).
        """
        sd, avg = self.std_deviation_ms, self.avg_lap_ms
        if sd is None or not avg:
            return None
        return round(100 * (1 - sd / avg), 3)


@dataclass
class Race:
    """One race page. ``label`` is the normalised name ("1/8 Nitro Buggy (Heat 2/3)").

    LiveRC itself prints heats with two spaces ("1/8 Nitro Buggy  (Heat 2/3)"),
    see :attr:`liverc_label`.
    """

    race_id: int
    round_name: str
    round_code: str
    race_number: int
    class_name: str
    label: str
    length: str
    duration_ms: int
    completed_at: datetime
    results: list[Result] = field(default_factory=list)

    @property
    def liverc_label(self) -> str:
        """The label as LiveRC prints it: heats carry a double space before "(Heat"."""
        if self.label.endswith(")") and " (Heat " in self.label:
            return self.label.replace(" (Heat ", "  (Heat ", 1)
        return self.label

    @property
    def total_laps(self) -> int:
        return sum(r.lap_count for r in self.results)


@dataclass(frozen=True)
class Entry:
    """A driver entered in a class. ``on_entry_list`` False: raced but not listed."""

    class_name: str
    driver: Driver
    on_entry_list: bool = True


@dataclass(frozen=True)
class Round:
    """A round of an event ("Qualifier Round 2", "Main Events") and its page ids."""

    name: str
    code: str
    heat_sheet_id: int
    ranking_id: int | None = None


@dataclass
class Event:
    """An event hub: entries, rounds and races (chronological).

    ``races_run`` shows the event as LiveRC does while it runs: its page lists
    only its first ``races_run`` races (0: an upcoming event, whose page lists
    none), and a race not yet listed has no page; None (the default) lists them
    all, the event being over. The races in ``unscored`` are listed, but their
    pages show no results yet (posted before being scored).
    """

    event_id: int
    name: str
    start: datetime
    end: date | None = None
    entries: list[Entry] = field(default_factory=list)
    races: list[Race] = field(default_factory=list)
    rounds: list[Round] = field(default_factory=list)
    class_ids: dict[str, int] = field(default_factory=dict)
    track_slug: str = "synthtrack"
    points_id: int = 0
    multi_main_ids: dict[str, int] = field(default_factory=dict)
    races_run: int | None = None
    unscored: frozenset[int] = frozenset()

    @property
    def listed_races(self) -> list[Race]:
        """The races the event page lists now (see ``races_run``)."""
        return self.races if self.races_run is None else self.races[: self.races_run]

    @property
    def listed_entries(self) -> list[Entry]:
        return [e for e in self.entries if e.on_entry_list]

    @property
    def entry_count(self) -> int:
        """ "Entries" as LiveRC counts them: driver-class pairs on the entry list."""
        return len(self.listed_entries)

    @property
    def driver_count(self) -> int:
        """ "Drivers": distinct drivers on the entry list."""
        return len({e.driver.driver_id for e in self.listed_entries})

    @property
    def class_names(self) -> list[str]:
        """Classes in entry-list order (the order of ``class_ids``)."""
        return list(self.class_ids)

    @property
    def total_laps(self) -> int:
        return sum(r.total_laps for r in self.races)

    def race(self, race_id: int) -> Race | None:
        for race in self.races:
            if race.race_id == race_id:
                return race
        return None


@dataclass
class Track:
    """A track (subdomain). ``slug`` keeps the catalogue's case; URLs use it lower-cased."""

    slug: str
    name: str
    last_updated: str = "1 minute ago"
    current_event: str | None = None
    live: bool = False
    events: list[Event] = field(default_factory=list)
    practicing: bool = False
    video: bool = False
    featured: bool = False
    surface: str = "Offroad"
    catalogue_only: bool = False

    @property
    def host(self) -> str:
        return f"{self.slug.lower()}.liverc.com"

    def event(self, event_id: int) -> Event | None:
        for event in self.events:
            if event.event_id == event_id:
                return event
        return None


@dataclass
class Site:
    """Every track of the synthetic LiveRC, in catalogue order."""

    tracks: list[Track] = field(default_factory=list)

    def track(self, slug: str) -> Track | None:
        slug = slug.lower()
        for track in self.tracks:
            if track.slug.lower() == slug:
                return track
        return None
