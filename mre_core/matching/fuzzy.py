"""The best Jaro-Winkler matches of many names among many, with no pair skipped.

Scoring is rapidfuzz's `process.cdist` (batch, C++), never a Python loop
over pairs, and nothing is blocked away: every pair that could score at
least the cutoff is scored. One exact shortcut: Jaro-Winkler only adds a
prefix bonus, so for two names whose first letters differ it *equals*
plain Jaro, which is cheaper to compute. Names are therefore grouped by
first letter, and each group is scored with Jaro-Winkler against drivers of
the same first letter and with Jaro against the others. Groups are scored
in chunks so memory stays small (20,000 names x drivers x 4 bytes).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Jaro, JaroWinkler

CHUNK = 20_000


def best_matches(
    queries: list[str], names: list[str], cutoff: float, workers: int = 1
) -> dict[str, tuple[float, list[int]]]:
    """For each query, its best score >= cutoff and the indexes of `names` reaching it."""
    best: dict[str, tuple[float, list[int]]] = {}
    if not queries or not names:
        return best
    by_first: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        by_first[name[:1]].append(index)
    queries = sorted(set(queries))
    for first, indexes in by_first.items():
        same = [q for q in queries if q[:1] == first]
        other = [q for q in queries if q[:1] != first]
        for start in range(0, len(indexes), CHUNK):
            chunk = indexes[start : start + CHUNK]
            chunk_names = [names[i] for i in chunk]
            for group, scorer in (
                (same, JaroWinkler.normalized_similarity),
                (other, Jaro.normalized_similarity),
            ):
                if group:
                    _keep_best(
                        best,
                        group,
                        chunk,
                        process.cdist(
                            chunk_names,
                            group,
                            scorer=scorer,
                            score_cutoff=cutoff,
                            dtype=np.float32,
                            workers=workers,
                        ),
                    )
    return best


def _keep_best(
    best: dict[str, tuple[float, list[int]]],
    queries: list[str],
    chunk: list[int],
    scores: np.ndarray,
) -> None:
    """Merge this chunk's best scores per query (ties kept) into `best`.

    Only each column's maximum is visited: the other scores above the cutoff
    can never be a driver's best.
    """
    tops = scores.max(axis=0)
    rows, cols = np.nonzero((scores == tops) & (tops > 0))
    for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
        score = round(float(tops[col]), 6)  # float32, rounded so equal scores compare equal
        query = queries[col]
        current = best.get(query)
        if current is None or score > current[0]:
            best[query] = (score, [chunk[row]])
        elif score == current[0]:
            current[1].append(chunk[row])
