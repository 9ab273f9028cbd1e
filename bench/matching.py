"""`python -m bench.matching`: matching one event's drivers against many users.

The goal of the matching issue: one event of 500 drivers against 100,000
users in under 1 s on one core. Measured here, beside its floor in the same
run: rapidfuzz scoring every (user name, driver name) pair with
Jaro-Winkler in one batch (`process.cdist`, one worker), which is what "no
blocking that can miss a pair" costs at least; and once more on both cores
(MRE_MATCH_WORKERS=2). Names are made of real first names and
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
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, whatever numpy links

    from bench.matching_setup import build_world

    with tempfile.TemporaryDirectory() as folder:
        result = measure(Path(folder) / "match.db", args.users, args.drivers, build_world)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>28}  {value}")
    return 0


def measure(path: Path, users: int, drivers: int, build_world) -> dict[str, object]:  # type: ignore[no-untyped-def]
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    from mre_core import IngestionService
    from mre_core.storage.counts import Counts
    from mre_core.storage.models import EventDriverLink, User, UserDriverLink

    with IngestionService.open(f"sqlite:///{path}") as service:
        event, driver_names = build_world(random.Random(2026), users, drivers, person)
        user_names = [u for (u,) in User.select(User.normalized_name).distinct().tuples()]

        started, cpu = time.perf_counter(), time.process_time()
        counts = Counts()
        service.matcher.match_event(event, counts)
        match_wall, match_cpu = time.perf_counter() - started, time.process_time() - cpu

        # The floor: every (user name, driver name) pair scored in one batch on one
        # core, in rapidfuzz's faster orientation (many queries, few choices).
        distinct_drivers = sorted(set(driver_names))
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
        floor = time.perf_counter() - started

        again = Counts()
        started = time.perf_counter()
        service.matcher.match_event(event, again)
        rematch = time.perf_counter() - started

        service.matcher.limits = replace(service.matcher.limits, workers=2)
        started = time.perf_counter()
        service.matcher.match_event(event, Counts())
        two_cores = time.perf_counter() - started
        return {
            "users": users,
            "distinct_user_names": len(user_names),
            "drivers": drivers,
            "match_wall_s": round(match_wall, 3),
            "match_cpu_s": round(match_cpu, 3),
            "goal_s": 1.0,
            "floor_all_pairs_cdist_s": round(floor, 3),
            "match_floor_ratio": round(match_wall / floor, 2),
            "rematch_wall_s": round(rematch, 3),
            "match_wall_two_cores_s": round(two_cores, 3),
            "rematch_rows_written": again.written,
            "links": UserDriverLink.select().count(),
            "event_links": EventDriverLink.select().count(),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "python": sys.version.split()[0],
        }


if __name__ == "__main__":
    raise SystemExit(main())
