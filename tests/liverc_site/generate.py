"""Deterministic synthetic LiveRC events and sites, at any size.

Everything comes from ``random.Random`` instances seeded from the arguments
(never the global generator), so the same call always gives the same world,
and a test or benchmark can ask for exactly N races of M drivers.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from . import formats, names
from .model import Driver, Entry, Event, Lap, Race, Result, Round, Site, Track

NON_START_RATE = 0.05
DNF_RATE = 0.03
CRASH_RATE = 0.05
LONG_LAP_RATE = 0.004
DAY_START = time(8, 30)
DAY_END_HOUR = 21


# --- drivers -------------------------------------------------------------


def make_driver(
    rng: random.Random,
    taken_ids: set[int],
    taken_names: set[str],
    name: tuple[str, str] | None = None,
) -> Driver:
    """A new driver with a 6-digit id and 7-digit transponder unique in ``taken_*``."""
    while True:
        driver_id = rng.randint(100_000, 999_999)
        if driver_id not in taken_ids:
            break
    if name is None:
        for _ in range(1000):
            name = (rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES))
            if f"{name[0]} {name[1]}" not in taken_names:
                break
    assert name is not None
    taken_ids.add(driver_id)
    taken_names.add(f"{name[0]} {name[1]}")
    return Driver(driver_id, name[0], name[1], str(rng.randint(1_000_000, 9_999_999)))


def make_roster(rng: random.Random, size: int) -> list[Driver]:
    """``size`` distinct drivers; the first two carry an apostrophe and accents."""
    ids: set[int] = set()
    taken: set[str] = set()
    roster = [
        make_driver(rng, ids, taken, names.APOSTROPHE_NAME),
        make_driver(rng, ids, taken, names.ACCENT_NAME),
    ]
    roster += [make_driver(rng, ids, taken) for _ in range(max(0, size - 2))]
    return roster[:size] if size < 2 else roster


# --- results -------------------------------------------------------------


def order_results(results: list[Result]) -> list[Result]:
    """Sort a race's results the way LiveRC ranks a timed race and fill in
    ``position`` and ``behind``.

    Starters by laps (desc) then total time; non-starters last by car number.
    Behind is the gap to the car directly ahead.
    """
    starters = sorted(
        (r for r in results if r.started), key=lambda r: (-r.lap_count, r.total_ms, r.car_number)
    )
    others = sorted((r for r in results if not r.started), key=lambda r: r.car_number)
    ordered = starters + others
    for i, r in enumerate(ordered):
        r.position = i + 1
        if i == 0:
            r.behind = ""
        else:
            ahead = ordered[i - 1]
            r.behind = formats.behind_text(ahead.lap_count, ahead.total_ms, r.lap_count, r.total_ms)
    return ordered


def laps_from_times(
    lap_times: dict[int, list[int]], duration_ms: int, grid: dict[int, int]
) -> dict[int, list[Lap]]:
    """Turn each car's lap times into ``Lap`` records with running position and pace.

    Position on lap k: rank by elapsed time at lap k among the cars that
    completed k laps (ties by grid slot).
    """
    elapsed: dict[int, list[int]] = {}
    for key, times in lap_times.items():
        total, acc = 0, []
        for t in times:
            total += t
            acc.append(total)
        elapsed[key] = acc
    positions: dict[int, list[int]] = {key: [] for key in lap_times}
    most = max((len(t) for t in lap_times.values()), default=0)
    for k in range(most):
        running = sorted((e[k], grid[key], key) for key, e in elapsed.items() if len(e) > k)
        for rank, (_, _, key) in enumerate(running, start=1):
            positions[key].append(rank)
    return {
        key: [
            Lap(k + 1, positions[key][k], t, formats.pace(duration_ms, k + 1, elapsed[key][k]))
            for k, t in enumerate(times)
        ]
        for key, times in lap_times.items()
    }


@dataclass
class _Slot:
    """A driver on the grid of one race."""

    driver: Driver
    car: int
    name_prefix: str = ""


def simulate_race(
    rng: random.Random,
    slots: list[_Slot],
    *,
    pace_ms: int,
    duration_ms: int,
    skill: dict[int, float],
    long_lap_car: int | None = None,
) -> list[Result]:
    """Run a timed race: every starter laps until the clock passes the race length.

    Per-driver pace = class pace x skill, with lap noise, first-lap traffic,
    occasional crashes (+5..20 s) and rarely a lap over a minute.
    """
    starts = {s.car: rng.random() >= NON_START_RATE for s in slots}
    if slots and not any(starts.values()):
        starts[slots[0].car] = True
    times: dict[int, list[int]] = {}
    for s in slots:
        if not starts[s.car]:
            times[s.car] = []
            continue
        base = pace_ms * (1 + skill.get(s.driver.driver_id, 0.0) + rng.gauss(0, 0.01))
        expected = max(1, duration_ms // max(1, int(base)))
        retire_after = (
            max(1, int(expected * rng.uniform(0.2, 0.8))) if rng.random() < DNF_RATE else None
        )
        lap_list: list[int] = []
        total = 0
        while total < duration_ms:
            t = base * (1 + rng.gauss(0, 0.015))
            if not lap_list:
                t += rng.uniform(1_000, 4_000)
            if rng.random() < CRASH_RATE:
                t += rng.uniform(5_000, 20_000)
            if rng.random() < LONG_LAP_RATE or (s.car == long_lap_car and len(lap_list) == 1):
                t += rng.uniform(60_000, 110_000)
            lap_ms = max(1_000, round(t))
            lap_list.append(lap_ms)
            total += lap_ms
            if retire_after is not None and len(lap_list) >= retire_after:
                break
        times[s.car] = lap_list
    laps = laps_from_times(times, duration_ms, {s.car: s.car for s in slots})
    results = [
        Result(
            0, s.driver, s.car, s.car, laps[s.car], started=starts[s.car], name_prefix=s.name_prefix
        )
        for s in slots
    ]
    return order_results(results)


# --- event plan ----------------------------------------------------------


def _spread(total: int, parts: int, rng: random.Random, minimum: int) -> list[int]:
    """``parts`` integers >= ``minimum`` adding to ``total``, near-even with random remainder."""
    base = [minimum] * parts
    left = total - minimum * parts
    for i in range(parts):
        base[i] += left // parts
    for i in rng.sample(range(parts), left % parts):
        base[i] += 1
    return base


def _letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else f"Z{i - 25}"


def _main_labels(
    rng: random.Random, count: int, triple: bool | None = None
) -> tuple[list[str], int, list[str]]:
    """Run order of a class's mains (lowest first) and how many letters they use.

    Sometimes (``triple=None``: at random) triple mains: the top letters run
    three legs (A1/A2/A3-Main). Returns (labels in run order, number of
    letters, letters run as triples).
    """
    use = rng.random() < 0.5 if triple is None else triple
    triple_letters = count // 3 if count >= 3 and use else 0
    singles = count - 3 * triple_letters
    letters = triple_letters + singles
    single_labels = [_letter(i) for i in range(letters - 1, triple_letters - 1, -1)]
    order = [f"{x}-Main" for x in single_labels]
    for leg in (1, 2, 3):
        order += [f"{_letter(i)}{leg}-Main" for i in range(triple_letters - 1, -1, -1)]
    return order, letters, [_letter(i) for i in range(triple_letters)]


def _round_robin(seqs: list[list[tuple[int, str]]]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for i in range(max((len(s) for s in seqs), default=0)):
        out += [s[i] for s in seqs if i < len(s)]
    return out


class _Clock:
    """Race completion times through one or more days (rolls over at 21:00)."""

    def __init__(self, start: datetime) -> None:
        self.now = start if start.time() != time(0) else datetime.combine(start, DAY_START)

    def next_day(self) -> None:
        self.now = datetime.combine(self.now.date() + timedelta(days=1), DAY_START)

    def goto_day(self, start: datetime, day: int) -> None:
        """Move to the morning of day ``day`` (0-based) of the event, never backwards."""
        target = start.date() + timedelta(days=max(0, day))
        if target > self.now.date():
            self.now = datetime.combine(target, DAY_START)

    def race(self, rng: random.Random, duration_ms: int) -> datetime:
        self.now += timedelta(minutes=rng.randint(4, 9))
        run = timedelta(milliseconds=duration_ms)
        done = self.now + run + timedelta(seconds=rng.randint(20, 90))
        if done.hour >= DAY_END_HOUR or done.date() != self.now.date():
            self.next_day()
            done = self.now + run + timedelta(seconds=30)
        self.now = done
        return done.replace(second=0, microsecond=0)


def _duration(rng: random.Random, laps: int) -> tuple[int, int]:
    """(race length, class lap pace) so an average driver completes about ``laps`` laps."""
    nominal = rng.uniform(30_000, 45_000)
    raw = nominal * (laps - 0.5)
    step = 60_000 if raw >= 120_000 else 10_000
    duration = max(step, round(raw / step) * step)
    # clean pace that leaves room for first-lap traffic and crash laps on average
    pace_ms = duration / (laps - 0.5) - CRASH_RATE * 12_500 - 2_500 / laps
    if not 0.8 * nominal <= pace_ms <= 1.25 * nominal:
        pace_ms = nominal
    return duration, round(pace_ms)


def generate_event(
    seed: int,
    event_id: int,
    *,
    races: int,
    drivers_per_race: int,
    laps_per_race: int,
    classes: int = 3,
    track_slug: str = "synthtrack",
    name: str | None = None,
    start: datetime | None = None,
    days: int = 1,
    missing_from_entry_list: int = 0,
    oddities: bool = True,
    roster: Sequence[Driver] | None = None,
    first_race_id: int | None = None,
    triple_mains: bool | None = None,
) -> Event:
    """One complete event with exactly ``races`` races of ``drivers_per_race`` drivers.

    Qualifier rounds of heats ("Class (Heat k/n)") then a "Main Events" round
    (A/B/C mains, sometimes A1/A2/A3 triples); race numbers restart per round.
    ``roster`` lets a site reuse drivers (same ids) across events; missing
    drivers are created. ``triple_mains`` forces (True) or forbids (False)
    triple mains for classes with three or more mains. ``oddities`` adds
    LiveRC's real quirks: one name with a double space, one Driver cell
    prefixed by its qualifying number, one lap over a minute.
    ``races=0`` gives an event with no entries and no races.
    """
    if races < 0 or drivers_per_race < 1 or laps_per_race < 1:
        raise ValueError("races >= 0, drivers_per_race >= 1 and laps_per_race >= 1 required")
    rng = random.Random(f"event:{seed}:{event_id}")
    start = start or datetime(2025, 11, 16, 8, 30)
    name = name or _event_name(rng, start)
    ids = _Ids(rng, first_race_id)
    event = Event(
        event_id=event_id, name=name, start=start, track_slug=track_slug, points_id=ids.other()
    )
    if races == 0:
        return event

    n_classes = max(1, min(classes, races))
    class_names = _class_names(rng, n_classes)
    event.class_ids = {c: ids.class_id() for c in class_names}

    # How many qualifier rounds, heats per class and mains per class.
    rest = races - n_classes  # every class has at least an A-main
    spare = 2 if triple_mains else 0  # races kept for A2/A3 legs when triples are wanted
    rounds = heats_total = 0
    if rest - spare >= n_classes:
        rounds = rng.randint(1, min(4, (rest - spare) // n_classes))
        extra = rng.randint(0, min(2 * n_classes, rest - rounds * n_classes))
        heats_total = max(n_classes, (rest - max(extra, spare)) // rounds)
    heats = _spread(heats_total, n_classes, rng, 1) if rounds else [0] * n_classes
    leftover = rest - rounds * heats_total
    if triple_mains:  # concentrate the extra mains so one class can run A1/A2/A3
        mains = [1 + leftover] + [1] * (n_classes - 1)
    else:
        mains = [1 + x for x in _spread(leftover, n_classes, rng, 0)]
    plans = [_main_labels(rng, m, triple_mains) for m in mains]

    # Entrants: each class fills its heats (or mains) exactly; some race two classes.
    sizes = [max(h, p[1]) * drivers_per_race for h, p in zip(heats, plans, strict=True)]
    entrants = _entrants(rng, class_names, sizes, roster=roster, oddities=oddities)
    event.entries = [Entry(c, d) for c in class_names for d in entrants[c]]
    _drop_from_entry_list(rng, event, missing_from_entry_list)

    skill = {
        d.driver_id: random.Random(f"skill:{seed}:{d.driver_id}").gauss(0, 0.03)
        for c in class_names
        for d in entrants[c]
    }
    timing = {c: _duration(rng, laps_per_race) for c in class_names}
    clock = _Clock(start)
    qual_results: dict[str, dict[int, list[Result]]] = {c: {} for c in class_names}
    long_lap_done = not oddities

    for q in range(1, rounds + 1):
        clock.goto_day(start, min(days - 1, (q - 1) * days // (rounds + 1)))
        event.rounds.append(Round(f"Qualifier Round {q}", f"Q{q}", ids.heat_sheet(), ids.other()))
        number = 0
        for c, h in zip(class_names, heats, strict=True):
            pool = entrants[c][:]
            rng.shuffle(pool)
            for k in range(1, h + 1):
                number += 1
                drivers = pool[(k - 1) * drivers_per_race : k * drivers_per_race]
                cars = rng.sample(range(1, drivers_per_race + 1), drivers_per_race)
                slots = [_Slot(d, car) for d, car in zip(drivers, cars, strict=True)]
                duration, pace_ms = timing[c]
                long_car = None if long_lap_done else slots[-1].car
                long_lap_done = True
                results = simulate_race(
                    rng,
                    slots,
                    pace_ms=pace_ms,
                    duration_ms=duration,
                    skill=skill,
                    long_lap_car=long_car,
                )
                for r in results:
                    qual_results[c].setdefault(r.driver.driver_id, []).append(r)
                event.races.append(
                    Race(
                        race_id=ids.race(),
                        round_name=f"Qualifier Round {q}",
                        round_code=f"Q{q}",
                        race_number=number,
                        class_name=c,
                        label=f"{c} (Heat {k}/{h})",
                        length=formats.length_text(duration),
                        duration_ms=duration,
                        completed_at=clock.race(rng, duration),
                        results=results,
                    )
                )

    clock.goto_day(start, days - 1)
    event.rounds.append(Round("Main Events", "M1", ids.heat_sheet()))
    seeds = {c: _seeding(rng, entrants[c], qual_results[c]) for c in class_names}
    schedule = _round_robin([[(ci, lab) for lab in plans[ci][0]] for ci in range(n_classes)])
    main_ids = ids.block(len(schedule))
    prefix_done = not oddities
    for number, (ci, lab) in enumerate(schedule, start=1):
        c = class_names[ci]
        letter_index = ord(lab[0]) - ord("A")
        drivers = seeds[c][letter_index * drivers_per_race : (letter_index + 1) * drivers_per_race]
        slots = [_Slot(d, i + 1) for i, d in enumerate(drivers)]
        if not prefix_done and len(slots) >= 2:
            slots[0].name_prefix = "1 "
            prefix_done = True
        duration, pace_ms = timing[c]
        long_car = None if long_lap_done else slots[-1].car
        long_lap_done = True
        results = simulate_race(
            rng, slots, pace_ms=pace_ms, duration_ms=duration, skill=skill, long_lap_car=long_car
        )
        event.races.append(
            Race(
                race_id=main_ids[number - 1],
                round_name="Main Events",
                round_code="M1",
                race_number=number,
                class_name=c,
                label=f"{c} {lab}",
                length=formats.length_text(duration),
                duration_ms=duration,
                completed_at=clock.race(rng, duration),
                results=results,
            )
        )
    for c, plan in zip(class_names, plans, strict=True):
        for letter in plan[2]:
            event.multi_main_ids[f"{c} Triple {letter}-Main"] = ids.other()
    last = event.races[-1].completed_at.date()
    event.end = last if last != start.date() else None
    return event


class _Ids:
    """Page ids of one event: races consecutive from a random base, the rest random."""

    def __init__(self, rng: random.Random, first_race_id: int | None) -> None:
        self.rng = rng
        self.next_race = first_race_id or rng.randint(5_000_000, 6_900_000)
        self.used: set[int] = set()

    def race(self) -> int:
        self.next_race += 1
        return self.next_race - 1

    def block(self, n: int) -> list[int]:
        """``n`` consecutive race ids, shuffled: LiveRC numbers mains as it builds them."""
        out = [self.race() for _ in range(n)]
        self.rng.shuffle(out)
        return out

    def _unique(self, low: int, high: int) -> int:
        while True:
            x = self.rng.randint(low, high)
            if x not in self.used:
                self.used.add(x)
                return x

    def class_id(self) -> int:
        return self._unique(1_000, 60_000)

    def heat_sheet(self) -> int:
        return self._unique(9_000_000, 9_999_999)

    def other(self) -> int:
        return self._unique(100_000, 8_000_000)


def _event_name(rng: random.Random, start: datetime) -> str:
    word = rng.choice(names.EVENT_WORDS)
    return f"{start.year} Synth {word} Round-{rng.randint(1, 9)}"


def _class_names(rng: random.Random, n: int) -> list[str]:
    pool = list(names.CLASS_NAMES)
    if n <= len(pool):
        return rng.sample(pool, n)
    return pool + [f"Synth Class {i}" for i in range(len(pool) + 1, n + 1)]


def _entrants(
    rng: random.Random,
    class_names: list[str],
    sizes: list[int],
    *,
    roster: Sequence[Driver] | None,
    oddities: bool,
) -> dict[str, list[Driver]]:
    """``sizes[i]`` entrants for class i; a few drivers of later classes also race an
    earlier one (same driver, same id)."""
    shared = [0] + [min(s // 8 + 1, sizes[0], s - 1) if s > 1 else 0 for s in sizes[1:]]
    needed = sum(sizes) - sum(shared)
    taken_ids = {d.driver_id for d in roster or ()}
    taken_names = {d.display_name for d in roster or ()}
    pool: list[Driver] = []
    if roster:
        wanted = (names.APOSTROPHE_NAME, names.ACCENT_NAME)
        specials = [d for d in roster if (d.first, d.last) in wanted][:2]
        others = [d for d in roster if d not in specials]
        specials = specials[:needed]
        pool = specials + rng.sample(others, min(len(others), needed - len(specials)))
    else:
        for special in (names.APOSTROPHE_NAME, names.ACCENT_NAME)[:needed]:
            pool.append(make_driver(rng, taken_ids, taken_names, special))
    while len(pool) < needed:
        pool.append(make_driver(rng, taken_ids, taken_names))
    rng.shuffle(pool)
    if oddities and len(pool) >= 3:
        odd = next(
            (i for i, d in enumerate(pool) if "'" not in d.last and d.display_name.isascii()), None
        )
        if odd is not None:
            pool[odd] = replace(pool[odd], spacer="  ")
    out: dict[str, list[Driver]] = {}
    it = iter(pool)
    for i, c in enumerate(class_names):
        earlier = list(dict.fromkeys(d for prev in class_names[:i] for d in out[prev]))
        again = rng.sample(earlier, min(shared[i], len(earlier)))
        out[c] = again + [next(it) for _ in range(sizes[i] - len(again))]
    return out


def _drop_from_entry_list(rng: random.Random, event: Event, count: int) -> None:
    """Mark ``count`` entries as raced-but-not-listed (LiveRC shows late adds this way)."""
    if count <= 0:
        return
    if count > len(event.entries):
        raise ValueError("missing_from_entry_list exceeds the number of entries")
    hidden = set(rng.sample(range(len(event.entries)), count))
    event.entries = [
        replace(e, on_entry_list=False) if i in hidden else e for i, e in enumerate(event.entries)
    ]


def _seeding(
    rng: random.Random, drivers: list[Driver], quals: dict[int, list[Result]]
) -> list[Driver]:
    """Class entrants ranked by their best qualifier (laps, then time); random without quals."""
    if not quals:
        order = drivers[:]
        rng.shuffle(order)
        return order

    def best(d: Driver) -> tuple[int, int, int]:
        runs = [r for r in quals.get(d.driver_id, []) if r.started]
        if not runs:
            return (1, 0, d.driver_id)
        top = min(runs, key=lambda r: (-r.lap_count, r.total_ms))
        return (0, -top.lap_count * 10**9 + top.total_ms, d.driver_id)

    return sorted(drivers, key=best)


# --- sites ---------------------------------------------------------------


def generate_site(
    seed: int,
    *,
    tracks: int = 5,
    events_per_track: int = 3,
    races: int = 6,
    drivers_per_race: int = 8,
    laps_per_race: int = 10,
    classes: int = 3,
    catalogue_only_tracks: int = 0,
    oddities: bool = True,
) -> Site:
    """A LiveRC of ``tracks`` tracks with events, newest first, spread over months.

    The first track has a CamelCase slug; the first event of the first track
    runs over several days; one event (the second of the first track, else the
    first of the second) is an empty "T" with no entries and no races.
    ``catalogue_only_tracks`` adds tracks that exist only in the catalogue.
    """
    rng = random.Random(f"site:{seed}")
    roster = make_roster(rng, races * drivers_per_race + 10)
    site = Site()
    next_event_id = rng.randint(400_000, 490_000)
    next_race_id = rng.randint(5_000_000, 6_000_000)
    empty_at = (0, 1) if events_per_track >= 2 else (1, 0)
    for t in range(tracks):
        slug, track_name = _track_name(t)
        live = t == 0
        track = Track(
            slug=slug,
            name=track_name,
            last_updated="1 minute ago" if live else rng.choice(names.LAST_UPDATED),
            current_event=rng.choice(names.CURRENT_EVENTS) if live or rng.random() < 0.7 else None,
            live=live,
            video=live,
            surface=rng.choice(("Offroad", "Onroad", "Dirt Oval")),
        )
        day = date(2025, 11, 16) - timedelta(days=rng.randint(0, 6))
        for e in range(events_per_track):
            start = datetime.combine(day, rng.choice((time(8, 30), time(9, 0), time(0, 0))))
            empty = (t, e) == empty_at
            event = generate_event(
                seed,
                next_event_id,
                races=0 if empty else races,
                drivers_per_race=drivers_per_race,
                laps_per_race=laps_per_race,
                classes=classes,
                track_slug=slug,
                name="T" if empty else None,
                start=start,
                days=3 if (t, e) == (0, 0) else 1,
                oddities=oddities,
                roster=roster,
                first_race_id=next_race_id,
            )
            track.events.append(event)
            next_event_id -= rng.randint(50, 3_000)
            next_race_id += races + 1_000
            day -= timedelta(days=rng.randint(30, 75))
        site.tracks.append(track)
    for i in range(catalogue_only_tracks):
        site.tracks.append(
            Track(
                slug=f"cattrack{i:04d}",
                name=f"Catalogue Track {i}",
                last_updated=rng.choice(names.LAST_UPDATED),
                current_event=rng.choice(names.CURRENT_EVENTS) if rng.random() < 0.9 else None,
                live=rng.random() < 0.1,
                practicing=rng.random() < 0.1,
                video=rng.random() < 0.03,
                featured=rng.random() < 0.01,
                catalogue_only=True,
            )
        )
    return site


def _track_name(i: int) -> tuple[str, str]:
    if i == 0:
        return names.CAMEL_TRACK
    if i - 1 < len(names.TRACK_NAMES):
        return names.TRACK_NAMES[i - 1]
    return f"synthtrack{i}", f"Synth Track {i}"


def site_for_event(event: Event, *, track_name: str | None = None) -> Site:
    """A one-track site around an event from :func:`generate_event`."""
    name = track_name or f"{event.track_slug.capitalize()} Model Car Club"
    return Site([Track(slug=event.track_slug, name=name, events=[event])])
