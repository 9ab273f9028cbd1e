"""The real LiveRC event 486677 of canberraoffroad, made complete for end-to-end tests.

The samples folder (``../shared/liverc-samples``) holds the real track
catalogue, the track's events page, the event hub and two of the event's 32
race pages (the 1/8 Electric Buggy A3-Main and the 1/8 Nitro Buggy A-Main);
the entry list and the other 30 race pages were never captured.
:func:`real_event_pages` serves the real pages byte for byte and generates
the missing ones with this package's generator and renderer, so that
``mre events ingest --event 486677`` can run over the whole event.

How the missing pages are built (all from one fixed seed):

- Races: exactly the 32 the hub lists, with the hub's race id, class, label,
  round, race number and completion time. The real pages give each race
  class its lap pace and each real driver a skill (their average lap against
  the class median); lengths come from the real pages where the class has
  one, else from ``HEAT_MINUTES``/``MAIN_MINUTES``. Laps, positions and
  results come from :func:`generate.simulate_race`.
- Entry list: ``CLASS_ENTRIES`` drivers per class, ``TWO_CLASS_DRIVERS`` of
  them in both buggy classes, so it totals the hub's "Entries: 71, Drivers:
  60". Every driver of the two real races is listed under that race's class,
  named as the page shows them (their real ids are what the race pages
  carry; LiveRC's entry list has none); the rest are generated drivers.
- Who races what: each qualifier round shuffles a class and splits it into
  the hub's number of heats. A main whose real page exists keeps the real
  field (the A1/A2 legs of the real A3 run the same drivers on the same car
  numbers); the other mains of a class take the remaining drivers in
  qualifying order (:func:`generate._seeding`), split evenly, best first.
"""

from __future__ import annotations

import random
import re
import statistics
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from . import formats
from .generate import _seeding, _Slot, make_driver, simulate_race
from .model import Driver, Entry, Event, Lap, Race, Result, Round, Site, Track
from .site import SitePages, catalogue_url, event_url, events_url, race_url

TRACK_SLUG = "canberraoffroad"
EVENT_ID = 486677
SEED = 486677
EVENT_START = datetime(2025, 11, 16, 8, 30)  # the events page: "2025-11-16 08:30:00"

CATALOGUE_FILE = "track-catalogue.html"
EVENTS_FILE = f"track-events_{TRACK_SLUG}.html"
EVENT_FILE = f"event_{TRACK_SLUG}_{EVENT_ID}.html"
REAL_RACE_FILES = {
    6304822: f"race-result_{TRACK_SLUG}_6304822.html",  # 1/8 Electric Buggy A3-Main
    6304829: f"race-result_{TRACK_SLUG}_6304829.html",  # 1/8 Nitro Buggy A-Main
}

# The hub says "Entries: 71, Drivers: 60": 30 + 36 + 5 entries, 11 drivers in two classes.
CLASS_ENTRIES = {"1/8 Electric Buggy": 30, "1/8 Nitro Buggy": 36, "Junior": 5}
TWO_CLASS = ("1/8 Electric Buggy", "1/8 Nitro Buggy")
TWO_CLASS_DRIVERS = 11
# Race lengths (minutes) where no real page of the class and kind says otherwise.
HEAT_MINUTES = {"1/8 Electric Buggy": 5, "1/8 Nitro Buggy": 7, "Junior": 5}
MAIN_MINUTES = {"1/8 Electric Buggy": 10, "1/8 Nitro Buggy": 20, "Junior": 5}
DEFAULT_PACE_MS = 45_000  # a class without a real page (Junior)

# --- reading the real pages ------------------------------------------------------

_TRACK_NAME = re.compile(r'<h1 class="page-header"><span class="fa fa-road"></span> ([^<]+)</h1>')
_EVENT_NAME = re.compile(
    r'<h3 class="page-header[^"]*"><span class="fa fa-list-ol"></span> ([^<]+)</h3>'
)
_SURFACE = re.compile(r"<th>Race Track</th>\s*<td>([^<]*)</td>")
_HEAT_SHEET = re.compile(
    r'view_heat_sheet&(?:amp;)?id=(\d+)" class="block"><i [^>]*></i> ([^<]+)</a>'
)
_RANKING = re.compile(
    r'view_round_ranking&(?:amp;)?id=(\d+)[^"]*" class="block"><i [^>]*></i> ([^<]+) Rankings</a>'
)
_POINTS = re.compile(r"view_points&(?:amp;)?id=(\d+)")
_MULTI_MAIN = re.compile(
    r'view_multi_main_result&(?:amp;)?id=(\d+)" class="block"><i [^>]*></i> ([^<]+) Results</a>'
)
_HUB_ROW = re.compile(
    r"<th>(?P<round>[^<]+)</th>\s*<th>Time Completed</th>"
    r'|view_race_result&(?:amp;)?id=(?P<id>\d+)" class="block"><i [^>]*></i> '
    r"Race (?P<number>\d+): (?P<cls>[^<]+?) \((?P<label>(?P=cls)\s[^<]*)\)</a></td>\s*"
    r"<td>(?P<time>[^<]*)</td>"
)
_MAIN_LABEL = re.compile(r" ([A-Z])(\d)?-Main$")
_HEAT_LABEL = re.compile(r" \(Heat (\d+)/(\d+)\)$")

_BLOCK = re.compile(
    r"racerLaps\[(\d+)\] = \{\s*'driverName' : '((?:[^'\\]|\\.)*)'(.*?)\n\t*\};", re.S
)
_LAP = re.compile(
    r"'lapNum' : '(\d+)',\s*'pos' : '(\d+)',\s*'time' : '([\d.]+)',\s*'pace' : '([^']*)'"
)
_ROW = re.compile(
    r'<tr>\s*<td>(\d+)</td>\s*<td>\s*<span class="car_num">(\d+)</span>\s*'
    r'<span class="driver_name">([^<]*)</span>.*?</td>\s*<td>(\d*)</td>\s*'
    r"<td>[^<]*</td>\s*<td>([^<]*)</td>",
    re.S,
)
_LENGTH = re.compile(r'class_sub_header">Length: ([^<]+)</span>')
_TIMED = re.compile(r"(?:(\d+):)?(\d+):(\d\d) Timed")
_NAME = re.compile(r"(.*?\S)(\s+)(\S+)")


@dataclass(frozen=True)
class _Listed:
    """One race as the hub lists it (``label`` normalised: one space before "(Heat")."""

    race_id: int
    round_name: str
    number: int
    class_name: str
    label: str
    completed_at: datetime

    @property
    def heat(self) -> tuple[int, int] | None:
        m = _HEAT_LABEL.search(self.label)
        return (int(m[1]), int(m[2])) if m else None

    @property
    def letter(self) -> str | None:
        m = _MAIN_LABEL.search(self.label)
        return m[1] if m else None


def _read(samples: Path, name: str) -> str:
    return (samples / name).read_text(encoding="utf-8")


def _one(pattern: re.Pattern[str], text: str, what: str) -> str:
    m = pattern.search(text)
    if m is None:
        raise ValueError(f"the real event page has no {what}")
    return m[1].strip()


def _hub_races(hub: str) -> list[_Listed]:
    """The hub's races in the order they were run (the page lists newest first)."""
    listed: list[_Listed] = []
    round_name = None
    for m in _HUB_ROW.finditer(hub):
        if m["round"]:
            round_name = m["round"].strip()
            continue
        if round_name is None:
            raise ValueError(f"race {m['id']} is listed before any round")
        listed.append(
            _Listed(
                race_id=int(m["id"]),
                round_name=round_name,
                number=int(m["number"]),
                class_name=m["cls"],
                label=re.sub(r"\s+", " ", m["label"]),
                completed_at=datetime.strptime(m["time"].strip(), "%b %d, %Y at %I:%M%p"),
            )
        )
    return listed[::-1]


def _round_code(name: str) -> str:
    m = re.fullmatch(r"Qualifier Round (\d+)", name)
    return f"Q{m[1]}" if m else "M1"  # "Main Events": the real pages say "[M1 Race #14]"


def _duration_ms(length: str) -> int:
    m = _TIMED.fullmatch(length.strip())
    if m is None:
        raise ValueError(f"race length {length!r} is not a timed length")
    return ((int(m[1] or 0) * 60 + int(m[2])) * 60 + int(m[3])) * 1000


def _driver(driver_id: int, name: str, transponder: str) -> Driver:
    m = _NAME.fullmatch(name)
    if m is None:
        raise ValueError(f"driver name {name!r} has no first and last name")
    return Driver(driver_id, m[1], m[3], transponder, spacer=m[2])


def _real_race(page: str, listed: _Listed, drivers: dict[int, Driver], rng: random.Random) -> Race:
    """A real race page as a model ``Race`` (its drivers join ``drivers``, by real id)."""
    blocks: dict[str, tuple[int, list[Lap]]] = {}
    for m in _BLOCK.finditer(page):
        name = re.sub(r"\\(.)", r"\1", m[2])
        laps = [
            Lap(int(n), int(pos), int(Decimal(t) * 1000), pace)
            for n, pos, t, pace in _LAP.findall(m[3])
            if n != "0"
        ]
        blocks[name] = (int(m[1]), laps)
    results = []
    for position, car, name, qual, behind in _ROW.findall(page):
        driver_id, laps = blocks[name.strip()]
        if driver_id not in drivers:
            transponder = str(rng.randint(1_000_000, 9_999_999))
            drivers[driver_id] = _driver(driver_id, name.strip(), transponder)
        results.append(
            Result(
                int(position),
                drivers[driver_id],
                int(car),
                int(qual or 0),
                laps,
                started=bool(laps),
                behind=behind.strip(),
            )
        )
    if len(results) != len(blocks):
        raise ValueError(f"race {listed.race_id}: {len(results)} rows, {len(blocks)} racerLaps")
    return _race(listed, _duration_ms(_one(_LENGTH, page, "race length")), results)


def _race(listed: _Listed, duration: int, results: list[Result]) -> Race:
    """A race as the event page lists it, with its length and results."""
    return Race(
        race_id=listed.race_id,
        round_name=listed.round_name,
        round_code=_round_code(listed.round_name),
        race_number=listed.number,
        class_name=listed.class_name,
        label=listed.label,
        length=formats.length_text(duration),
        duration_ms=duration,
        completed_at=listed.completed_at,
        results=results,
    )


# --- the event --------------------------------------------------------------------


def _entrants(
    rng: random.Random, classes: list[str], real: dict[str, list[Driver]], real_ids: set[int]
) -> dict[str, list[Driver]]:
    """Every class's entrants: its real drivers first, then generated ones."""
    taken_ids = set(real_ids)
    taken_names = {d.display_name for ds in real.values() for d in ds}
    entrants = {c: list(dict.fromkeys(real.get(c, []))) for c in classes}
    both = [c for c in TWO_CLASS if c in entrants]
    if len(both) == 2:
        a, b = both
        shared_real = [d for d in entrants[a] if d in entrants[b]]
        for _ in range(TWO_CLASS_DRIVERS - len(shared_real)):
            d = make_driver(rng, taken_ids, taken_names)
            entrants[a].append(d)
            entrants[b].append(d)
    for c in classes:
        while len(entrants[c]) < CLASS_ENTRIES.get(c, len(entrants[c])):
            entrants[c].append(make_driver(rng, taken_ids, taken_names))
    return entrants


def _chunks(items: list[Driver], parts: int) -> list[list[Driver]]:
    """``items`` cut into ``parts`` consecutive near-equal pieces, larger ones first."""
    size, extra = divmod(len(items), parts)
    out, at = [], 0
    for i in range(parts):
        n = size + (1 if i < extra else 0)
        out.append(items[at : at + n])
        at += n
    return out


def _build_track(samples: Path) -> Track:
    rng = random.Random(f"real-event:{SEED}")
    hub = _read(samples, EVENT_FILE)
    listed = _hub_races(hub)
    by_id = {r.race_id: r for r in listed}
    missing = set(REAL_RACE_FILES) - set(by_id)
    if missing:
        raise ValueError(f"the event hub does not list races {sorted(missing)}")

    classes = sorted({r.class_name for r in listed})
    real_drivers: dict[int, Driver] = {}
    real_races = {
        rid: _real_race(_read(samples, name), by_id[rid], real_drivers, rng)
        for rid, name in sorted(REAL_RACE_FILES.items())
    }
    real_by_class: dict[str, list[Driver]] = {}
    for race in real_races.values():
        real_by_class.setdefault(race.class_name, []).extend(r.driver for r in race.results)
    entrants = _entrants(rng, classes, real_by_class, set(real_drivers))

    # Class pace from the real pages, skill from each real driver's average lap; real mains
    # keep their field ("pinned").
    pace: dict[str, int] = {}
    skill: dict[int, float] = {}
    pinned: dict[tuple[str, str], Race] = {}
    for race in real_races.values():
        avgs = {r.driver.driver_id: r.avg_lap_ms for r in race.results if r.avg_lap_ms}
        pace[race.class_name] = median = round(statistics.median(avgs.values()))
        for r in race.results:
            skill.setdefault(r.driver.driver_id, avgs.get(r.driver.driver_id, median) / median - 1)
        letter = by_id[race.race_id].letter
        if letter:
            pinned[(race.class_name, letter)] = race
    for c in classes:
        pace.setdefault(c, DEFAULT_PACE_MS)
        for d in entrants[c]:
            skill.setdefault(d.driver_id, rng.gauss(0.04, 0.025))  # slower than the A-mains

    races: dict[int, Race] = dict(real_races)
    qual_results: dict[str, dict[int, list[Result]]] = {c: {} for c in classes}

    def run(item: _Listed, slots: list[_Slot], duration: int) -> None:
        results = simulate_race(
            rng, slots, pace_ms=pace[item.class_name], duration_ms=duration, skill=skill
        )
        races[item.race_id] = _race(item, duration, results)

    # Qualifiers: each round shuffles the class and splits it into its heats.
    heats: dict[tuple[str, str], list[list[Driver]]] = {}
    for item in listed:
        if item.race_id in races or item.heat is None:
            continue
        k, n = item.heat
        key = (item.round_name, item.class_name)
        if key not in heats:
            pool = entrants[item.class_name][:]
            rng.shuffle(pool)
            heats[key] = _chunks(pool, n)
        drivers = heats[key][k - 1]
        cars = rng.sample(range(1, len(drivers) + 1), len(drivers))
        slots = [_Slot(d, car) for d, car in zip(drivers, cars, strict=True)]
        run(item, slots, HEAT_MINUTES.get(item.class_name, 5) * 60_000)
        for r in races[item.race_id].results:
            qual_results[item.class_name].setdefault(r.driver.driver_id, []).append(r)

    # Mains: real fields stay together; the rest fill the other letters in qualifying order.
    fields: dict[tuple[str, str], list[_Slot]] = {
        key: [
            _Slot(r.driver, r.car_number) for r in sorted(race.results, key=lambda r: r.car_number)
        ]
        for key, race in pinned.items()
    }
    for c in classes:
        letters = sorted({r.letter for r in listed if r.class_name == c and r.letter})
        free = [x for x in letters if (c, x) not in fields]
        taken = {s.driver.driver_id for (fc, _), slots in fields.items() if fc == c for s in slots}
        rest = _seeding(rng, [d for d in entrants[c] if d.driver_id not in taken], qual_results[c])
        for letter, drivers in zip(free, _chunks(rest, len(free)), strict=True):
            fields[(c, letter)] = [_Slot(d, i + 1) for i, d in enumerate(drivers)]
    for item in listed:
        if item.race_id in races:
            continue
        if item.letter is None:
            raise ValueError(f"race {item.race_id} {item.label!r} is neither a heat nor a main")
        key = (item.class_name, item.letter)
        real = pinned.get(key)
        length = real.duration_ms if real else MAIN_MINUTES.get(item.class_name, 10) * 60_000
        run(item, fields[key], length)

    rankings = {name.strip(): int(i) for i, name in _RANKING.findall(hub)}
    event = Event(
        event_id=EVENT_ID,
        name=_one(_EVENT_NAME, hub, "event name"),
        start=EVENT_START,
        entries=[Entry(c, d) for c in classes for d in entrants[c]],
        races=[races[item.race_id] for item in listed],
        rounds=sorted(
            (
                Round(name.strip(), _round_code(name.strip()), int(i), rankings.get(name.strip()))
                for i, name in _HEAT_SHEET.findall(hub)
            ),
            key=lambda r: (not r.code.startswith("Q"), r.code),
        ),
        class_ids=dict(zip(classes, rng.sample(range(1_000, 60_000), len(classes)), strict=True)),
        track_slug=TRACK_SLUG,
        points_id=int(_one(_POINTS, hub, "points link")),
        multi_main_ids={label.strip(): int(i) for i, label in _MULTI_MAIN.findall(hub)},
    )
    return Track(
        slug=TRACK_SLUG,
        name=_one(_TRACK_NAME, hub, "track name"),
        events=[event],
        surface=_one(_SURFACE, hub, "race track"),
    )


def real_event_pages(samples: Path) -> SitePages:
    """LiveRC's catalogue, canberraoffroad's events page and event 486677 in full.

    Real bytes for the catalogue, the events page, the event hub and race
    pages 6304822 and 6304829; a generated entry list and 30 generated race
    pages (see the module docstring). ``pages.site`` is the model behind it:
    one track, one event, all 32 races (the two real ones read from their pages).
    """
    samples = Path(samples)
    pages = SitePages(Site([_build_track(samples)]))
    pages.override(catalogue_url(), (samples / CATALOGUE_FILE).read_bytes())
    pages.override(events_url(TRACK_SLUG), (samples / EVENTS_FILE).read_bytes())
    pages.override(event_url(TRACK_SLUG, EVENT_ID), (samples / EVENT_FILE).read_bytes())
    for race_id, name in REAL_RACE_FILES.items():
        pages.override(race_url(TRACK_SLUG, race_id), (samples / name).read_bytes())
    return pages
