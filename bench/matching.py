"""`python -m bench.matching`: matching one event's drivers against many users.

The goal of the matching issue: one event of 500 drivers against 100,000
users in under 1 s on one core. Measured here, beside its floor in the same
run: rapidfuzz scoring every (user name, driver name) pair with
Jaro-Winkler in one batch (`process.cdist`, one worker), which is what "no
blocking that can miss a pair" costs at least. Like for like beside it: the
same first match on both cores (MRE_MATCH_WORKERS=2), on a fresh copy of
the same world; and, apart, a re-match of an event already matched on one
core (nothing to write). Each figure is the median of --runs runs, each
first match on a copy of its own. Names are made of real first names and
syllable surnames, so nearly every user has a different name, the hard
case; 50 drivers are users whose names carry a typo, 50 are users by exact
name, the other 400 are strangers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

FIRST = tuple(
    [
        "james",
        "john",
        "robert",
        "michael",
        "william",
        "david",
        "richard",
        "joseph",
        "thomas",
        "charles",
        "daniel",
        "matthew",
        "anthony",
        "mark",
        "paul",
        "andrew",
        "joshua",
        "kevin",
        "brian",
        "george",
        "ryan",
        "jacob",
        "gary",
        "eric",
        "stephen",
        "scott",
        "benjamin",
        "samuel",
        "gregory",
        "alexander",
        "patrick",
        "jack",
        "tyler",
        "aaron",
        "adam",
        "nathan",
        "peter",
        "kyle",
        "noah",
        "ethan",
        "jeremy",
        "austin",
        "sean",
        "dylan",
        "jordan",
        "jesse",
        "bruce",
        "logan",
        "mason",
        "felix",
        "ari",
        "riley",
        "lindsay",
        "mary",
        "jennifer",
        "linda",
        "elizabeth",
        "susan",
        "jessica",
        "sarah",
        "karen",
        "lisa",
        "nancy",
        "emily",
        "michelle",
        "amanda",
        "laura",
        "emma",
        "anna",
        "nicole",
        "olivia",
        "grace",
        "chloe",
        "zoe",
        "mia",
        "lucas",
        "oliver",
        "henry",
        "leo",
        "oscar",
        "hugo",
    ]
)
SYLLABLES = tuple(
    [
        "ba",
        "be",
        "bi",
        "bo",
        "bu",
        "ca",
        "co",
        "cu",
        "da",
        "de",
        "di",
        "do",
        "fa",
        "fe",
        "fi",
        "ga",
        "go",
        "ha",
        "he",
        "ho",
        "ja",
        "jo",
        "ka",
        "ke",
        "ki",
        "ko",
        "la",
        "le",
        "li",
        "lo",
        "lu",
        "ma",
        "me",
        "mi",
        "mo",
        "na",
        "ne",
        "ni",
        "no",
        "pa",
        "pe",
        "pi",
        "ra",
        "re",
        "ri",
        "ro",
        "sa",
        "se",
        "si",
        "so",
        "ta",
        "te",
        "ti",
        "to",
        "va",
        "ve",
        "vi",
        "wa",
        "we",
        "ya",
        "yo",
        "za",
        "son",
        "ton",
        "man",
        "ley",
        "ford",
        "field",
        "wood",
        "well",
        "ham",
        "berg",
        "stein",
        "ski",
        "ez",
        "ins",
        "ard",
    ]
)


def person(rng: random.Random) -> str:
    surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return f"{rng.choice(FIRST)} {surname}".upper()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.matching", description=__doc__)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--drivers", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3, help="runs of each figure (medians kept)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, whatever numpy links

    from bench.matching_setup import build_world

    with tempfile.TemporaryDirectory() as folder:
        result = measure(Path(folder), args.users, args.drivers, args.runs, build_world)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>28}  {value}")
    return 0


def _copy(source: Path, target: Path) -> None:
    """A fresh copy of the world's database: nothing matched in it yet."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def measure(folder: Path, users: int, drivers: int, runs: int, build_world) -> dict[str, object]:  # type: ignore[no-untyped-def]
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    from mre_core import IngestionService
    from mre_core.storage.counts import Counts
    from mre_core.storage.models import Event, EventDriverLink, User, UserDriverLink

    world = folder / "world.db"
    with IngestionService.open(f"sqlite:///{world}"):
        event, driver_names = build_world(random.Random(2026), users, drivers, person)
        user_names = [u for (u,) in User.select(User.normalized_name).distinct().tuples()]
    distinct_drivers = sorted(set(driver_names))

    def floor() -> float:
        # Every (user name, driver name) pair scored in one batch on one core, in
        # rapidfuzz's faster orientation (many queries, few choices).
        started = time.perf_counter()
        for start in range(0, len(user_names), 20_000):
            process.cdist(
                user_names[start : start + 20_000],
                distinct_drivers,
                scorer=JaroWinkler.normalized_similarity,
                score_cutoff=0.85,
                dtype=np.float32,
                workers=1,
            )
        return time.perf_counter() - started

    def first_match(n: int, workers: int) -> dict[str, float]:
        """The event matched for the first time, on a fresh copy of the world."""
        copy = folder / f"match-{workers}-{n}.db"
        _copy(world, copy)
        with IngestionService.open(f"sqlite:///{copy}") as service:
            service.matcher.limits = replace(service.matcher.limits, workers=workers)
            target = Event.get_by_id(event.id)
            counts = Counts()
            started, cpu = time.perf_counter(), time.process_time()
            service.matcher.match_event(target, counts)
            figures = {
                "wall": time.perf_counter() - started,
                "cpu": time.process_time() - cpu,
                "written": counts.written,
                "links": UserDriverLink.select().count(),
                "event_links": EventDriverLink.select().count(),
            }
            if workers == 1:
                # The same event again, on one core: every link there, nothing to write.
                again = Counts()
                started = time.perf_counter()
                service.matcher.match_event(target, again)
                figures["rematch"] = time.perf_counter() - started
                figures["rematch_written"] = again.written
        copy.unlink()
        return figures

    one, two, floors = [], [], []
    for n in range(runs):  # interleaved, so drift on a shared machine hits each alike
        one.append(first_match(n, 1))
        two.append(first_match(n, 2))
        floors.append(floor())
    outcomes = {(r["written"], r["links"], r["event_links"]) for r in one + two}
    if len(outcomes) != 1:
        raise RuntimeError(f"first matches disagree (rows written, links, event links): {outcomes}")

    def mid(results: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in results)

    match_wall, two_cores, floor_s = mid(one, "wall"), mid(two, "wall"), statistics.median(floors)
    return {
        "users": users,
        "distinct_user_names": len(user_names),
        "drivers": drivers,
        "runs": runs,
        "match_wall_s": round(match_wall, 3),
        "match_cpu_s": round(mid(one, "cpu"), 3),
        "goal_s": 1.0,
        "floor_all_pairs_cdist_s": round(floor_s, 3),
        "match_floor_ratio": round(match_wall / floor_s, 2),
        "first_match_two_cores_wall_s": round(two_cores, 3),
        "two_cores_speedup": round(match_wall / two_cores, 2),
        "first_match_rows_written": one[0]["written"],
        "rematch_wall_s": round(mid(one, "rematch"), 3),
        "rematch_rows_written": max(r["rematch_written"] for r in one),
        "links": one[0]["links"],
        "event_links": one[0]["event_links"],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "python": sys.version.split()[0],
    }


if __name__ == "__main__":
    raise SystemExit(main())
