"""Measurement 1, parse: milliseconds per race-result page, beside lxml's floor.

The floor is lxml building the tree of the same bytes and nothing else: no
parser of ours can read a page faster than its HTML can be parsed. Both run
over every race page of the event, interleaved, several times; the medians
are kept. Our parser is timed as the connector calls it, from the decoded
text to the RaceDetail record (results and every lap).

Alone: `python -m bench.parse [--quick] [--repeat N]` prints this measurement
only (full size by default), without the rest of the benchmark.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

from lxml import etree

from bench.inputs import FULL, QUICK, Inputs, build
from bench.measure import median
from mre_liverc.pages.race_result import parse_race_result


@dataclass(frozen=True, slots=True)
class ParseResult:
    pages: int
    mean_page_kb: float
    ms: float
    floor_ms: float

    @property
    def ratio(self) -> float:
        return self.ms / self.floor_ms


def run(inputs: Inputs, repeat: int) -> ParseResult:
    bodies = [inputs.pages[url] for url in inputs.race_urls]
    texts = [body.decode("utf-8") for body in bodies]
    ids = [url.rsplit("=", 1)[1] for url in inputs.race_urls]
    html_parser = etree.HTMLParser()

    def floor() -> float:
        start = time.perf_counter()
        for body in bodies:
            etree.fromstring(body, html_parser)
        return time.perf_counter() - start

    def ours() -> float:
        start = time.perf_counter()
        for text, url, race_id in zip(texts, inputs.race_urls, ids, strict=True):
            parse_race_result(text, url, race_id)
        return time.perf_counter() - start

    ours()  # warm up: imports, regex and XPath compilation, caches
    floor_s, ours_s = [], []
    for _ in range(repeat):
        floor_s.append(floor())
        ours_s.append(ours())
    per_page = 1000 / len(bodies)
    return ParseResult(
        pages=len(bodies),
        mean_page_kb=sum(map(len, bodies)) / len(bodies) / 1024,
        ms=median(ours_s) * per_page,
        floor_ms=median(floor_s) * per_page,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.parse", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the quick benchmark's event")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions (medians are kept)")
    args = parser.parse_args(argv)
    inputs = build(QUICK if args.quick else FULL)
    result = run(inputs, repeat=max(1, args.repeat))
    print(
        f"parse: {result.ms:.2f} ms a race page, lxml floor {result.floor_ms:.2f} ms "
        f"({result.ratio:.2f}x); {result.pages} pages of {result.mean_page_kb:.0f} KB"
    )


if __name__ == "__main__":
    main()
